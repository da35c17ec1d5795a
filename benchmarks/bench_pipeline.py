"""Throughput of each pipeline stage on the demo week, outside the test run.

    python benchmarks/bench_pipeline.py [--repeat 20] [--rules-only]

Then the whole pipeline end to end (store included) with 1 and 2 worker processes.

Each repetition re-reads the ten sample pages with a different ``published`` date, so every copy is a
new document to the store (a plain repeat would be skipped as a duplicate). Prints seconds per stage
and articles/s for the whole pipeline on one process, then for each end-to-end run its wall time and
the CPU time of all its processes (workers included) per article, with the load average: the
machine is shared, and CPU time is what the work costs whatever else runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from dragoman import clean, coding, understand
from dragoman.demo import sample_documents
from dragoman.model import Rejected
from dragoman.options import CodingOptions, Options
from dragoman.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rules-only", action="store_true", help="code without the learned model")
    args = parser.parse_args()
    opts = Options(coding=CodingOptions(use_model=not args.rules_only))
    docs = [d for d in sample_documents(opts) if not isinstance(d, Rejected)]
    # Warm up: load models, gazetteers and lexicons once, as a long-running ingest would.
    for doc in docs[:2]:
        article = clean.clean(doc, opts.clean)
        coding.code_events(article, understand.annotate(article, opts.understand), opts.coding)

    seconds: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)
    n_articles = n_events = 0
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
        started = time.perf_counter()
        for i in range(args.repeat):
            for doc in docs:
                raw = replace(doc, id=f"{doc.id}-{i}", published=f"2026-01-{1 + i % 28:02d}")
                t0, c0 = time.perf_counter(), time.process_time()
                article = clean.clean(raw, opts.clean)
                t1, c1 = time.perf_counter(), time.process_time()
                if isinstance(article, Rejected):
                    continue
                article = replace(article, id=f"{article.id}-{i}")
                annotations = understand.annotate(article, opts.understand)
                t2, c2 = time.perf_counter(), time.process_time()
                events = coding.code_events(article, annotations, opts.coding)
                t3, c3 = time.perf_counter(), time.process_time()
                store.save(article, events)
                t4, c4 = time.perf_counter(), time.process_time()
                for stage, dt in (
                    ("clean", t1 - t0),
                    ("understand", t2 - t1),
                    ("coding", t3 - t2),
                    ("store", t4 - t3),
                ):
                    seconds[stage] += dt
                for stage, dt in (
                    ("clean", c1 - c0),
                    ("understand", c2 - c1),
                    ("coding", c3 - c2),
                    ("store", c4 - c3),
                ):
                    cpu[stage] += dt  # CPU time: what the work costs, even on a busy machine
                n_articles += 1
                n_events += len(events)
        total = time.perf_counter() - started

    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print(f"load average {_load()} (at the end of the per-stage run)")
    print(
        f"{n_articles} articles, {n_events} events in {total:.2f} s: {n_articles / total:.1f} articles/s (1 process)"
    )
    for stage, dt in seconds.items():
        print(
            f"  {stage:11} {dt:7.2f} s  {1000 * dt / n_articles:6.1f} ms/article  ({100 * dt / total:4.1f} %)"
            f"  CPU {1000 * cpu[stage] / n_articles:6.1f} ms/article"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB")
    for workers in (1, 2):
        print(end_to_end(docs, args.repeat, workers, opts))


def _variant(doc, i: int):  # type: ignore[no-untyped-def]
    """A copy whose article text differs by two words, so the store counts it as a new article."""
    content = doc.content.replace(b" said ", f" said (copy {i}) ".encode(), 1)
    return replace(doc, id=f"{doc.id}-{i}", content=content)


def end_to_end(docs: list, repeat: int, workers: int, opts: Options) -> str:  # type: ignore[type-arg]
    """Wall time of iter_documents (store included) with ``workers`` processes, loading included."""
    from dragoman.pipeline import iter_documents

    copies = [_variant(d, i) for i in range(repeat) for d in docs]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "e2e.db") as store:
        started, cpu = time.perf_counter(), _cpu()
        stored = sum(
            r.outcome == "stored" for r in iter_documents(copies, store, opts, workers=workers)
        )
        total, cpu = time.perf_counter() - started, _cpu() - cpu
    return (
        f"end to end, {workers} worker(s): {stored} articles in {total:.2f} s = {stored / total:.1f} articles/s"
        f" (workers forked from a warm process); CPU {1000 * cpu / stored:.1f} ms/article"
        f" in all processes; load average {_load()}"
    )


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
