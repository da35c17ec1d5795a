"""CPU time of the coding stage on the demo week, rules only and with the learned model.

    python tools/bench_model_cost.py [--repeat 3]

CPU time (``time.process_time``) rather than wall time, so that a busy shared machine changes the
numbers less; clean and understand run once, outside the measurement.
"""

from __future__ import annotations

import argparse
import time

from dragoman import clean, coding, understand
from dragoman.demo import sample_documents
from dragoman.model import Rejected
from dragoman.options import CodingOptions, Options


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    opts = Options()
    articles = [clean.clean(d, opts.clean) for d in sample_documents(opts) if not isinstance(d, Rejected)]
    read = [(a, understand.annotate(a, opts.understand)) for a in articles if not isinstance(a, Rejected)]
    for use_model in (False, True):
        coding_opts = CodingOptions(use_model=use_model)
        for article, annotations in read:  # warm-up: lexicons and the model load once
            coding.code_events(article, annotations, coding_opts)
        started = time.process_time()
        events = 0
        for _ in range(args.repeat):
            for article, annotations in read:
                events += len(coding.code_events(article, annotations, coding_opts))
        ms = (time.process_time() - started) / (args.repeat * len(read)) * 1000
        label = "rules + model" if use_model else "rules only"
        print(f"{label:<14} {ms:6.1f} ms/article CPU, {events // args.repeat} events on {len(read)} articles")


if __name__ == "__main__":
    main()
