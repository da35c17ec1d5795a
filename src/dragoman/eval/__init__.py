"""Evaluation: score the pipeline on benchmark sets with gold data (``dragoman eval``).

    >>> from dragoman.eval import run_bench
    >>> report = run_bench(Path("../shared/bench"), only=["timex"], limit=5)
    >>> report.to_dict()          # {"bench", "date", "sets": [{"name", "task", "n", "seconds", ...}]}
    >>> baseline = load_baseline(Path("tests/eval_baseline.json"))     # the quality gate
    >>> judge(measure(Path("../shared/bench"), baseline), baseline).regressions   # [] when it passes

A benchmark directory holds ``manifest.json`` listing sets by name, gold file and task; each task
(``dragoman.eval.tasks.TASKS``) runs the code users run and scores it with ``dragoman.eval.metrics``.
Names are imported lazily, so ``dragoman --help`` pays for none of this.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "BenchReport": "dragoman.eval.bench",
    "SetResult": "dragoman.eval.bench",
    "SetSpec": "dragoman.eval.bench",
    "TaskOutput": "dragoman.eval.bench",
    "iter_bench": "dragoman.eval.bench",
    "load_manifest": "dragoman.eval.bench",
    "run_bench": "dragoman.eval.bench",
    "TASKS": "dragoman.eval.tasks",
    "answer_quiz_question": "dragoman.eval.quiz",
    "Baseline": "dragoman.eval.baseline",
    "load_baseline": "dragoman.eval.baseline",
    "GateReport": "dragoman.eval.gate",
    "judge": "dragoman.eval.gate",
    "measure": "dragoman.eval.gate",
}
__all__ = [
    "TASKS",
    "Baseline",
    "BenchReport",
    "GateReport",
    "SetResult",
    "SetSpec",
    "TaskOutput",
    "answer_quiz_question",
    "iter_bench",
    "judge",
    "load_baseline",
    "load_manifest",
    "measure",
    "run_bench",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dragoman.eval' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
