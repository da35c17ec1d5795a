"""CPU time of the coding stage with the article's parses batched, against one call per sentence.

    python benchmarks/bench_parse.py [--rounds 6] [PAGE ...]

Articles (the demo week, or the pages given) are cleaned and annotated once; then the coding stage
runs on them alternately "before" (each sentence the role rules read parsed by its own call, and
parsed even when it has no actor the parse could put on a side) and "after" (the coder as it is:
one ``nlp.pipe`` batch per article of the sentences roles.py will read; see
coding/parse_batch.py). Alternating in one process keeps the comparison fair on a shared machine.
Prints the least and the median CPU ms per article of each (on a busy machine the least is the
closest to the work's cost), the median of the rounds' differences, the sentences parsed, and the
load average.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import time
from collections.abc import Callable

from dragoman import clean, coding, ingest, understand
from dragoman.coding import coder, parse_roles
from dragoman.demo import sample_documents
from dragoman.model import Annotations, Article, Rejected
from dragoman.options import Options


class _Counter(logging.Handler):
    """Counts the sentences parsed outside a batch (parse_roles logs each at DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lone = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.lone += "outside a batch" in record.getMessage()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="pages to code (default: the demo week)")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    opts = Options()
    raws = ingest.read(args.pages, opts.ingest) if args.pages else sample_documents(opts)
    read: list[tuple[Article, Annotations]] = []
    for raw in raws:
        article = raw if isinstance(raw, Rejected) else clean.clean(raw, opts.clean)
        if not isinstance(article, Rejected):
            read.append((article, understand.annotate(article, opts.understand)))

    counter = _Counter()
    log = logging.getLogger(parse_roles.__name__)
    log.setLevel(logging.DEBUG)
    log.addHandler(counter)
    batched: list[int] = []
    as_built = coder.parse_sentences

    def counted(texts: list[str], **kwargs: str) -> list[parse_roles.SentenceParse]:
        batched.append(len(texts))
        return as_built(texts, **kwargs)

    ways: dict[str, tuple[Callable, ...]] = {  # type: ignore[type-arg]
        "before": (lambda read: {}, lambda actors: True, as_built),
        "after": (coder._parses, parse_roles._placeable, counted),
    }
    for article, notes in read:  # warm up: parser, lexicon patterns
        coding.code_events(article, notes, opts.coding)
    cpu: dict[str, list[float]] = {name: [] for name in ways}
    parsed: dict[str, int] = {}
    for _ in range(args.rounds):
        for name, (parses, placeable, parse_sentences) in ways.items():
            coder._parses, parse_roles._placeable = parses, placeable  # type: ignore[assignment]
            coder.parse_sentences = parse_sentences  # type: ignore[assignment]
            counter.lone, batched[:] = 0, []
            started = time.process_time()
            for article, notes in read:
                coding.code_events(article, notes, opts.coding)
            cpu[name].append(1000 * (time.process_time() - started) / len(read))
            parsed[name] = counter.lone + sum(batched)
            if name == "after":
                parsed["after, outside a batch"] = counter.lone
                parsed["after, batches"] = sum(1 for n in batched if n)
    print(f"{len(read)} articles, {args.rounds} rounds; load average {os.getloadavg()[0]:.1f}")
    for name, values in cpu.items():
        runs = " ".join(f"{v:.1f}" for v in values)
        print(
            f"  {name:6} coding CPU ms/article: least {min(values):.1f}, median"
            f" {statistics.median(values):.1f} (runs: {runs})"
        )
    saved = statistics.median(b - a for b, a in zip(cpu["before"], cpu["after"]))
    print(f"  saved: median of the rounds' differences {saved:.1f} ms/article")
    print("  sentences parsed: " + ", ".join(f"{k} {v}" for k, v in parsed.items()))


if __name__ == "__main__":
    main()
