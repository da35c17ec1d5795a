"""``dragoman train --location``: fit the event-location ranker on the bench's ``event_location``
set and write data/models/location.json.

Each record (a sentence, its trigger, the gold place spans or none) is read by the understand
stage as the eval reads it; its candidates and their features come from ``coding.location`` and
``coding.location_model``. A candidate is right when its span overlaps a gold span.

The model is a conditional logit: in each sentence the candidates and "no place" compete in one
softmax, candidate j scoring w·x_j and "no place" 0, and training maximises the probability of
the right answer (any right candidate, or "no place"); records whose gold place is none of the
candidates are left out, as nothing can be learned from them. At reading time a candidate wins
when sigmoid(w·x) reaches the threshold, which is the same rule with the threshold chosen by
cross-validation. Fitted with scipy's L-BFGS (scipy comes with scikit-learn, the ``[ml]``
extra). Folds group records by sentence text, so that the fold models honestly read the
training sentences (``held_out``). The annotation batch of a record is never read.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix
from sklearn.feature_extraction import DictVectorizer

from dragoman.coding.location import candidates, load_location_rules, main_verb
from dragoman.coding.location_model import (
    LocationRanker,
    Weights,
    eligible,
    features,
    sentence_key,
)
from dragoman.datafile import load_yaml, package_data_path
from dragoman.errors import DataFileError
from dragoman.model import SentenceView

__all__ = ["Example", "examples", "read_views", "train_ranker"]


@dataclass(frozen=True, slots=True)
class Example:
    """One record read: its sentence key (the fold group), rows, labels, and whether gold has a
    place."""

    key: str
    rows: list[dict[str, float]]
    labels: list[bool]
    located: bool
    distances: list[int]  # of each candidate to the trigger, in characters: the tie-break


def read_views(records: list[dict[str, Any]]) -> Iterator[SentenceView | None]:
    """The trigger's sentence of each record, read by the understand stage as the eval does."""
    from dragoman.eval.tasks._common import text_article
    from dragoman.options import Options
    from dragoman.understand import annotate

    opts = Options().understand
    for item in records:
        article = text_article(item["text"], published=None, origin=item["id"])
        annotations = annotate(article, opts)
        at = item["trigger_start"]
        index = next((s.index for s in annotations.sentences if s.start <= at < s.end), None)
        yield annotations.in_sentence(index) if index is not None else None


def examples(
    records: list[dict[str, Any]], views: list[SentenceView | None] | Iterator[SentenceView | None]
) -> list[Example]:
    """Candidates, feature rows and labels of each record that has a sentence."""
    rules = load_location_rules()
    out = []
    for item, view in zip(records, views):
        if view is None:
            continue
        base = view.sentence.start
        trigger = (item["trigger_start"] - base, item["trigger_end"] - base)
        trigger = main_verb(view.sentence.text, trigger, rules)
        found = eligible(candidates(view, trigger=trigger, rules=rules))
        gold = item.get("locations") or []
        labels = [
            any(c.mention.start < g["end"] and g["start"] < c.mention.end for g in gold)
            for c in found
        ]
        rows = features(found, view, trigger, rules)
        distances = [abs(c.mention.start - base - trigger[0]) for c in found]
        out.append(Example(sentence_key(view.sentence.text), rows, labels, bool(gold), distances))
    return out


def train_ranker(
    records: list[dict[str, Any]],
    views: list[SentenceView | None],
    config: dict[str, Any] | None = None,
    *,
    progress: Callable[[str], None] = lambda _: None,
) -> tuple[LocationRanker, dict[str, Any]]:
    """Cross-validate the settings, then fit the fold models and the full model."""
    config = config or load_config()
    data = examples(records, views)
    folds, seed = int(config["folds"]), int(config["seed"])
    keys = sorted({e.key for e in data})
    random.Random(seed).shuffle(keys)
    fold_of = {k: i % folds for i, k in enumerate(keys)}
    n_items = len(records)  # records with no sentence count as wrong, as in the eval
    scores: dict[tuple[float, float], int] = Counter()
    fold_weights: dict[float, list[Weights]] = {}
    for l2 in config["l2"]:
        fold_weights[l2] = []
        for k in range(folds):
            train = [e for e in data if fold_of[e.key] != k]
            weights = _fit(train, float(l2), int(config["min_count"]))
            fold_weights[l2].append(weights)
            for e in data:
                if fold_of[e.key] == k:
                    probs = [weights.probability(r) for r in e.rows]
                    for threshold in config["threshold"]:
                        scores[l2, threshold] += _is_right(e, probs, float(threshold))
        progress(f"  l2 {l2}: " + "  ".join(
            f"{t}: {scores[l2, t] / n_items:.4f}" for t in config["threshold"]
        ))  # fmt: skip
    (l2, threshold), right = max(scores.items(), key=lambda kv: (kv[1], kv[0][0]))
    full = _fit(data, float(l2), int(config["min_count"]))
    report = {
        "records": n_items,
        "examples": len(data),
        "chosen": {"l2": l2, "threshold": threshold},
        "cv_overlap_acc": round(right / n_items, 4),
        "cv_grid": {f"{a}/{b}": round(v / n_items, 4) for (a, b), v in sorted(scores.items())},
        "features": len(full.coef),
    }
    ranker = LocationRanker(
        full=full,
        threshold=float(threshold),
        chain_walk=False,
        folds=tuple(fold_weights[l2]),
        held_out={k: fold_of[k] for k in keys},
        meta={
            "set": "event_location",
            "seed": seed,
            "folds": folds,
            "cv_overlap_acc": report["cv_overlap_acc"],
            "chosen": report["chosen"],
        },
    )
    return ranker, report


def _is_right(e: Example, probs: list[float], threshold: float) -> bool:
    """Whether the choice the ranker makes from these probabilities overlaps the gold (the
    nearest to the trigger on a tie, as ``LocationRanker.choose``)."""
    if not probs:
        return not e.located
    i = max(range(len(probs)), key=lambda j: (probs[j], -e.distances[j]))
    if probs[i] < threshold:
        return not e.located
    return e.labels[i]


def _fit(data: list[Example], l2: float, min_count: int) -> Weights:
    """The conditional logit over the candidates of each sentence and "no place"."""
    counts = Counter(k for e in data for row in e.rows for k in row if "=" in k)

    def keep(row: dict[str, float]) -> dict[str, float]:
        return {k: v for k, v in row.items() if "=" not in k or counts[k] >= min_count}

    used = [e for e in data if e.rows and (any(e.labels) or not e.located)]
    vectorizer = DictVectorizer()
    x = csr_matrix(vectorizer.fit_transform([keep(r) for e in used for r in e.rows]))
    lengths = np.array([len(e.rows) for e in used])
    owner = np.repeat(np.arange(len(used)), lengths)
    right = np.array([label for e in used for label in e.labels], dtype=bool)
    located = np.array([e.located for e in used], dtype=bool)
    n, width = len(used), x.shape[1]

    def loss(wb: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = wb[:width], wb[width]
        s = x @ w + b
        top = np.zeros(n)  # "no place" scores 0, so the max is at least 0
        np.maximum.at(top, owner, s)
        e = np.exp(s - top[owner])
        total = np.exp(-top)
        np.add.at(total, owner, e)
        good = np.zeros(n)
        np.add.at(good, owner, np.where(right, e, 0.0))
        value = np.sum(np.log(total) - np.where(located, np.log(np.maximum(good, 1e-300)), -top))
        value += 0.5 * l2 * float(w @ w)
        p = e / total[owner]
        q = np.where(located[owner] & right, e / np.maximum(good[owner], 1e-300), 0.0)
        g = p - q
        return value, np.append(x.T @ g + l2 * w, g.sum())

    fitted = minimize(loss, np.zeros(width + 1), jac=True, method="L-BFGS-B",
                      options={"maxiter": 3000})  # fmt: skip
    names = vectorizer.get_feature_names_out()
    coef = {str(k): float(v) for k, v in zip(names, fitted.x[:width]) if abs(v) >= 1e-5}
    return Weights(coef, float(fitted.x[width]))


def load_config(path: Path | None = None) -> dict[str, Any]:
    """``data/models/location_train.yaml``: seed, folds, and the grids CV chooses from."""
    file = path or package_data_path("models", "location_train.yaml")
    data = load_yaml(file, lines=False, what="the event-location training settings")
    missing = [k for k in ("seed", "folds", "min_count", "l2", "threshold") if k not in data]
    if missing:
        raise DataFileError(f"{file}: key(s) {', '.join(missing)} missing; add them")
    return dict(data)


def read_records(bench: Path) -> list[dict[str, Any]]:
    """The ``event_location`` records of the bench (location/event_location.jsonl)."""
    path = bench / "location" / "event_location.jsonl"
    try:
        with path.open(encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except OSError as e:
        raise DataFileError(f"{path}: cannot read the event_location set ({e})") from e
