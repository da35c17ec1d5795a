"""Score the coding sets twice, rules only and rules + the learned model, and print both tables.

    python tools/compare_model.py [--bench DIR] [--only SET ...] [--in-sample]

The second run reads training sentences with the fold model that never saw them (the default,
``model_holdout``); ``--in-sample`` shows what the full model scores on its own training data,
which is optimistic by construction and is not an accuracy estimate.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dragoman.eval.bench import run_bench
from dragoman.eval.cli import default_bench, format_table
from dragoman.learn import describe
from dragoman.options import CodingOptions, Options

CODING_SETS = (
    "plover_gsr",
    "upetrarch_gsr",
    "cameo_manual_examples",
    "petrarch_unittest",
    "petrarch_validate_tabari",
    "conflibert_cameo",
    "case2021_task2",
    "diplomacy",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=None)
    parser.add_argument("--only", action="append", default=None)
    parser.add_argument("--in-sample", action="store_true")
    args = parser.parse_args()
    bench = args.bench or default_bench()
    if bench is None:
        raise SystemExit("no benchmark directory: pass --bench DIR or set DRAGOMAN_BENCH")
    only = tuple(args.only or CODING_SETS)
    runs = [
        CodingOptions(use_model=False),
        CodingOptions(use_model=True, model_holdout=not args.in_sample),
    ]
    for coding in runs:
        print(describe(coding))
        report = run_bench(bench, only=only, opts=Options(coding=coding))
        print(format_table(report.sets), end="\n\n")


if __name__ == "__main__":
    main()
