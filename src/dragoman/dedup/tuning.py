"""Choosing the clustering thresholds by cross-validation over ECB+ topics (a development tool).

    python -m dragoman.dedup.tuning                 # ../shared/bench/coref/ecbplus_dev.jsonl, 5 folds
    python -m dragoman.dedup.tuning --folds 4 --bench DIR

The topics are dealt into folds (sorted topic ids, round robin). Each fold's documents are
clustered on their own with every setting of the grid. For each fold, the setting with the best
B³ F1 on the *other* folds is chosen and scored on the held-out fold; the mean of these held-out
scores is the honest estimate, and how often each setting was chosen says how stable the choice
is. The topic is used only to form the folds, never by the clusterer. Prints one report; the
library itself never prints.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from dragoman.dedup.profile import DocProfile
from dragoman.dedup.settings import ClusterSettings, load_settings
from dragoman.eval.metrics import b_cubed
from dragoman.eval.tasks.doc_clusters import cluster_profiles, gold_clusters, profile_item
from dragoman.options import Options

# The thresholds the ECB+ run is sensitive to; the word weights stay as in settings.yaml.
GRID: dict[str, tuple[float, ...]] = {
    "names_share": (0.5, 0.7, 0.85),
    "topic_threshold": (0.05, 0.1),
    "event_threshold": (0.2, 0.225, 0.25, 0.275, 0.3),
    "local_smoothing": (0.5, 1.0, 1.5, 2.0, 3.0),
}


def topic_folds(docs: Sequence[Mapping[str, Any]], k: int) -> list[list[int]]:
    """Document indexes per fold: whole topics, dealt round robin in topic-id order."""
    topics = sorted({str(d["topic"]) for d in docs}, key=lambda t: (len(t), t))
    fold_of = {t: i % k for i, t in enumerate(topics)}
    folds: list[list[int]] = [[] for _ in range(k)]
    for i, d in enumerate(docs):
        folds[fold_of[str(d["topic"])]].append(i)
    return folds


def settings_grid(
    base: ClusterSettings, grid: Mapping[str, Sequence[float]]
) -> list[ClusterSettings]:
    return [
        replace(base, **dict(zip(grid, values, strict=True)))
        for values in itertools.product(*grid.values())
    ]


def cross_validate(
    docs: Sequence[Mapping[str, Any]],
    profiles: Sequence[DocProfile],
    candidates: Sequence[ClusterSettings],
    k: int,
) -> dict[str, Any]:
    """Held-out B³ F1 per fold, the setting chosen for each, and the best setting on all folds."""
    folds = topic_folds(docs, k)
    gold = [gold_clusters([docs[i] for i in fold]) for fold in folds]
    # pred[c][f]: fold f's documents clustered alone with candidate c.
    pred = [
        [cluster_profiles([profiles[i] for i in fold], s) for fold in folds] for s in candidates
    ]

    def f1(c: int, fold_ids: Sequence[int]) -> float:
        p = [cl for f in fold_ids for cl in pred[c][f]]
        g = [cl for f in fold_ids for cl in gold[f]]
        return b_cubed(p, g)[2]

    held_out = []
    for f in range(k):
        train = [g for g in range(k) if g != f]
        best = max(range(len(candidates)), key=lambda c: (f1(c, train), -c))
        held_out.append(
            {"fold": f, "chosen": best, "train_f1": f1(best, train), "held_out_f1": f1(best, [f])}
        )
    everything = list(range(k))
    overall = max(range(len(candidates)), key=lambda c: (f1(c, everything), -c))
    return {
        "folds": held_out,
        "mean_held_out_f1": sum(h["held_out_f1"] for h in held_out) / k,
        "chosen": Counter(h["chosen"] for h in held_out),
        "best_on_all": overall,
        "best_on_all_f1": f1(overall, everything),
    }


def _describe(s: ClusterSettings, grid: Mapping[str, Sequence[float]]) -> str:
    return " ".join(f"{name}={getattr(s, name)}" for name in grid)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_bench = os.environ.get("DRAGOMAN_BENCH") or str(
        Path(__file__).parents[3] / ".." / "shared" / "bench"
    )
    parser.add_argument("--bench", default=default_bench)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--no-people", action="store_true", help="profiles without the understand stage's people"
    )
    args = parser.parse_args(argv)
    path = Path(args.bench) / "coref" / "ecbplus_dev.jsonl"
    docs = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    base = load_settings().clusters
    profiles = [profile_item(d, base, Options(), people=not args.no_people) for d in docs]
    candidates = settings_grid(base, GRID)
    report = cross_validate(docs, profiles, candidates, args.folds)
    print(f"{len(docs)} documents, {args.folds} folds of topics, {len(candidates)} settings")
    for h in report["folds"]:
        print(
            f"fold {h['fold']}: chose {_describe(candidates[h['chosen']], GRID)}  "
            f"train B3 F1 {h['train_f1']:.3f}  held-out B3 F1 {h['held_out_f1']:.3f}"
        )
    print(f"mean held-out B3 F1 {report['mean_held_out_f1']:.3f}")
    best = candidates[report["best_on_all"]]
    print(f"best on all folds: {_describe(best, GRID)}  B3 F1 {report['best_on_all_f1']:.3f}")


if __name__ == "__main__":
    main()
