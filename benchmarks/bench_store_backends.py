"""Store cost on SQLite and on PostgreSQL: the same articles saved into each, then read back.

    python benchmarks/bench_store_backends.py --articles 5000 --db /tmp/b.db \
        --db "$(tools/pg_test_server.sh start)"

The articles are bench_fusion.py's synthetic news (five reports each, merging into events as in
real reporting). For each target (an empty store: a new SQLite file or an empty PostgreSQL schema)
it prints the time per saved article (one transaction: article, events, near-duplicate group,
fusion, tracks) and the median time of a few reads, then checks both stores hold the same events.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from bench_fusion import article, true_events

from dragoman.store import EventQuery, Store, open_store
from dragoman.store.database import redact

READS: dict[str, Callable[[Store], Any]] = {
    "occurrences of IRN GOV": lambda s: s.occurrences(EventQuery(actor="IRN GOV")),
    "100 CONSULT reports": lambda s: s.events(EventQuery(event_type="CONSULT", limit=100)),
    "occurrences in one week": lambda s: s.occurrences(EventQuery(since="2026-01-10", until="2026-01-16")),
    "all tracks": lambda s: s.tracks(),
}


def save_all(store: Store, articles: list[tuple[Any, Any]]) -> float:
    started = time.perf_counter()
    for a, events in articles:
        store.save(a, events)
    return time.perf_counter() - started


def read_times(store: Store, repeat: int = 5) -> dict[str, float]:
    times = {}
    for name, read in READS.items():
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            read(store)
            runs.append(time.perf_counter() - t)
        times[name] = statistics.median(runs)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--db", action="append", required=True, help="an empty store; give it twice to compare")
    args = parser.parse_args()
    rng = random.Random(0)
    pool = true_events(args.articles, rng)
    articles = [article(n, pool, rng) for n in range(1, args.articles + 1)]
    dumps = []
    for target in args.db:
        with open_store(target) as store:
            if store.counts()["articles"]:
                sys.exit(f"{redact(target)} is not empty; give a new file or an empty schema")
            seconds = save_all(store, articles)
            counts = store.counts()
            print(f"\n{store.dialect}: {redact(target)}")
            print(f"  save: {1000 * seconds / len(articles):.2f} ms/article ({len(articles)} articles,"
                  f" {counts['events']} reports -> {counts['occurrences']} occurrences, {counts['tracks']} tracks)")  # fmt: skip
            for name, t in read_times(store).items():
                print(f"  {name}: {1000 * t:.1f} ms")
            dumps.append([o.to_dict() for o in store.occurrences()])
    if len(dumps) > 1:
        print("\nsame occurrences in every store:", all(d == dumps[0] for d in dumps))


if __name__ == "__main__":
    main()
