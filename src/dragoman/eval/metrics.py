"""Scores shared by the evaluation tasks: counts and P/R/F1, macro-F1, B³ and pairwise clustering.

    Counts(tp=3, fp=1, fn=2).f1                     -> 0.667
    multiset_counts(gold=["a", "a", "b"], pred=["a", "c"])   -> Counts(tp=1, fp=1, fn=2)
    macro_f1({"a": Counts(...), "b": Counts(...)})  -> mean of the per-class F1
    b_cubed(pred=[{1, 2}, {3}], gold=[{1}, {2, 3}]) -> (precision, recall, f1)

Conventions, used by every task: a precision with nothing predicted is 1.0 when nothing was to be
found and 0.0 otherwise (recall likewise with nothing to find), so every score is a number in
[0, 1]; an F1 is 0.0 when precision and recall are both 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import combinations

__all__ = [
    "Counts",
    "add_counts",
    "b_cubed",
    "f1",
    "macro_f1",
    "multiset_counts",
    "pairwise",
    "per_class_counts",
    "ratio",
]


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of ``precision`` and ``recall`` (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or None when there is nothing to divide by."""
    return numerator / denominator if denominator else None


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives, and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def multiset_counts(gold: Iterable[Hashable], pred: Iterable[Hashable]) -> Counts:
    """Compare two bags: ``tp`` is the size of their intersection, counting repeats."""
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return Counts(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def per_class_counts(gold: Iterable[Hashable], pred: Iterable[Hashable]) -> dict[Hashable, Counts]:
    """Per-class counts of one comparison of two bags (one item's gold and predicted labels)."""
    g, p = Counter(gold), Counter(pred)
    out: dict[Hashable, Counts] = {}
    for label in g.keys() | p.keys():
        tp = min(g[label], p[label])
        out[label] = Counts(tp=tp, fp=p[label] - tp, fn=g[label] - tp)
    return out


def add_counts(total: dict[Hashable, Counts], more: Mapping[Hashable, Counts]) -> None:
    """Add ``more`` into ``total`` in place, class by class."""
    for label, counts in more.items():
        total[label] = total.get(label, Counts()) + counts


def macro_f1(
    per_class: Mapping[Hashable, Counts], labels: Iterable[Hashable] | None = None
) -> float:
    """The unweighted mean F1 over ``labels``.

    Args:
        per_class: counts by class, e.g. summed ``per_class_counts`` over items.
        labels: the classes to average over. By default the classes that occur in the gold
            (``tp + fn > 0``): a prediction outside them is a false negative of the gold class,
            not a class of its own.
    """
    if labels is None:
        labels = [k for k, c in per_class.items() if c.tp + c.fn > 0]
    scores = [per_class.get(k, Counts()).f1 for k in labels]
    return sum(scores) / len(scores) if scores else 0.0


def b_cubed(
    pred: Sequence[AbstractSet[Hashable]], gold: Sequence[AbstractSet[Hashable]]
) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of a clustering (each a list of sets over the same items).

    Per item, precision is |S∩G|/|S| and recall |S∩G|/|G| for its predicted cluster S and gold
    cluster G; both are averaged over items, and F1 is the harmonic mean of the two averages.
    """
    pred_of = _cluster_of(pred)
    gold_of = _cluster_of(gold)
    items = list(gold_of)
    if set(items) != set(pred_of):
        raise ValueError("the predicted and gold clusterings must cover the same items")
    if not items:
        return 1.0, 1.0, 1.0
    p_sum = r_sum = 0.0
    for item in items:
        s, g = pred_of[item], gold_of[item]
        common = len(s & g)
        p_sum += common / len(s)
        r_sum += common / len(g)
    precision, recall = p_sum / len(items), r_sum / len(items)
    return precision, recall, f1(precision, recall)


def pairwise(
    pred: Sequence[AbstractSet[Hashable]], gold: Sequence[AbstractSet[Hashable]]
) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1: a pair of items is positive when they share a cluster."""
    pred_pairs = _pairs(pred)
    gold_pairs = _pairs(gold)
    common = len(pred_pairs & gold_pairs)
    counts = Counts(tp=common, fp=len(pred_pairs) - common, fn=len(gold_pairs) - common)
    return counts.precision, counts.recall, counts.f1


def _cluster_of(clusters: Sequence[AbstractSet[Hashable]]) -> dict[Hashable, frozenset[Hashable]]:
    out: dict[Hashable, frozenset[Hashable]] = {}
    for cluster in clusters:
        frozen = frozenset(cluster)
        for item in frozen:
            if item in out:
                raise ValueError(f"item {item!r} is in two clusters")
            out[item] = frozen
    return out


def _pairs(clusters: Sequence[AbstractSet[Hashable]]) -> set[frozenset[Hashable]]:
    return {frozenset(p) for c in clusters for p in combinations(sorted(c, key=repr), 2)}
