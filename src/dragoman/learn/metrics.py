"""Cross-validation scores of the learned model, alone and as the coder would use it.

``model_scores``: the model's own best candidate against each head's labels. ``simulate``: what
rules + model output per example under a policy (``review.decide``), scored like ``dragoman eval``
scores sentences (root among our roots, PLOVER types as sets per item, the main event's penta
class, any event on a no-event item, and the share of the PLOVER types we output that are right,
since a wrong proposal costs precision that macro-F1 over gold classes barely sees). The simulation assumes the rules accept a proposed act
whenever the sentence has an actor, so it is an upper bound of what eval then measures.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from dragoman.eval.metrics import Counts, add_counts, macro_f1, per_class_counts
from dragoman.learn.data import Example
from dragoman.learn.features import penta_class
from dragoman.learn.model import Reading
from dragoman.learn.review import decide

__all__ = ["model_scores", "simulate"]


def model_scores(examples: Sequence[Example], readings: Sequence[Reading]) -> dict[str, float]:
    """Accuracy / macro-F1 of the model's best candidate per head, event balanced accuracy."""
    root = [0, 0]
    classes: dict[str, dict[Hashable, Counts]] = {"plover": {}, "penta": {}}
    event = {"1": [0, 0], "0": [0, 0]}
    for e, r in zip(examples, readings):
        best = r.candidates[0]
        if "root" in e.labels:
            root[0] += best.root == e.labels["root"]
            root[1] += 1
        for head, ours in (("plover", best.event_type), ("penta", best.penta)):
            if head in e.labels:
                add_counts(classes[head], per_class_counts([e.labels[head]], [ours]))
        gold = e.labels.get("event")
        if gold is not None:
            event[gold][0] += (r.event >= 0.5) == (gold == "1")
            event[gold][1] += 1
    scores = {
        "root_acc": root[0] / max(root[1], 1),
        "plover_macro_f1": macro_f1(classes["plover"]),
        "penta_macro_f1": macro_f1(classes["penta"]),
        "event_balanced_acc": sum(h / max(n, 1) for h, n in event.values()) / 2,
    }
    scores["objective"] = sum(scores.values()) / len(scores)
    return scores


def simulate(
    examples: Sequence[Example], readings: Sequence[Reading], policy: Mapping[str, float]
) -> dict[str, Any]:
    """Rules + model under ``policy``, scored over all examples and per set; ``objective`` is
    the mean over sets of each set's mean of its scores (1 - false_event_rate for that one)."""
    pooled = _Tally()
    per_set: dict[str, _Tally] = {}
    for e, r in zip(examples, readings):
        roots, types = _output(e, r, policy)
        for tally in (pooled, per_set.setdefault(e.set, _Tally())):
            tally.add(e.labels, roots, types)
    scores: dict[str, Any] = pooled.scores()
    scores["per_set"] = {name: t.scores() for name, t in sorted(per_set.items())}
    # Each set counts the same: pooled, the thousands of PETRARCH test sentences would decide.
    objectives = [s["objective"] for s in scores["per_set"].values()]
    scores["objective"] = sum(objectives) / max(len(objectives), 1)
    return scores


def _output(
    e: Example, r: Reading, policy: Mapping[str, float]
) -> tuple[list[str], list[str]]:
    codes = [c for s in e.sentences for c in s.structure.codes]
    rule_types = [t for s in e.sentences for t in s.structure.types]
    rule_roots = list(dict.fromkeys(c[:2] for c in codes))
    actors = max((s.structure.actors for s in e.sentences), default=0)
    written = any(not g for s in e.sentences for g in s.structure.generated)
    decision = decide(r, rule_roots, policy, actors=actors, written=written)
    if decision.action == "keep":
        return [c[:2] for c in codes], rule_types
    if decision.action in ("recode", "propose") and decision.candidate is not None:
        return [decision.candidate.root], [decision.candidate.event_type]
    return [], []


class _Tally:
    def __init__(self) -> None:
        self.root = [0, 0]
        self.plover: dict[Hashable, Counts] = {}
        self.penta: dict[Hashable, Counts] = {}
        self.no_event = [0, 0]
        self.said = [0, 0]  # event types we output on items with a type label: right, all

    def add(self, labels: Mapping[str, str], roots: list[str], types: list[str]) -> None:
        if "root" in labels:
            self.root[0] += labels["root"] in roots
            self.root[1] += 1
        if "plover" in labels:
            add_counts(self.plover, per_class_counts({labels["plover"]}, set(types)))
            self.said[0] += sum(t == labels["plover"] for t in set(types))
            self.said[1] += len(set(types))
        if "penta" in labels:
            main = penta_class(roots[0]) if roots else None
            add_counts(self.penta, per_class_counts([labels["penta"]], [main] if main else []))
        if labels.get("event") == "0":
            self.no_event[0] += bool(roots)
            self.no_event[1] += 1

    def scores(self) -> dict[str, float]:
        out: dict[str, float] = {}
        if self.root[1]:
            out["root_acc"] = self.root[0] / self.root[1]
        if self.plover:
            out["plover_macro_f1"] = macro_f1(self.plover)
        if self.penta:
            out["penta_macro_f1"] = macro_f1(self.penta)
        if self.no_event[1]:
            out["false_event_rate"] = self.no_event[0] / self.no_event[1]
        if self.said[1]:
            out["type_precision"] = self.said[0] / self.said[1]
        keys = ("root_acc", "plover_macro_f1", "penta_macro_f1", "type_precision")
        parts = [out[k] for k in keys if k in out]
        if "false_event_rate" in out:
            parts.append(1.0 - out["false_event_rate"])
        out["objective"] = sum(parts) / max(len(parts), 1)
        return out
