"""Task ``sentence_class``: one label per sentence (ConfliBERT penta/quad, CASE 2021 ACLED subtypes).

Each sentence is coded as in ``sentence_events``; its main event (the most confident, the first
on a tie) is mapped into the label's classes by ``data/eval/sentence_labels.yaml`` through its
CAMEO root or PLOVER type, as the manifest's ``label_kind`` says; an event with no CAMEO code (a
resignation, RETREAT) reads as the root family of its type (08). No event is the prediction
"none", wrong for every class.

* ``acc``: share of items whose gold label has a class where our class is that class;
* ``macro_f1``: mean F1 over the gold classes (a "none" or other-class prediction is a false
  negative of the gold class and a false positive of ours);
* ``false_event_rate`` (only where the map has "no event" labels): share of those items for which
  we output any event.

Per-label numbers (share of items with an event, share right) are diagnostics, because the
diplomacy-relevant labels (CASE DIPLO, AGREEMENT) matter more than their weight.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Hashable
from typing import Any

from dragoman.coding.ontology import load_ontology
from dragoman.errors import ConfigError
from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.eval.metrics import Counts, add_counts, macro_f1, per_class_counts, ratio
from dragoman.eval.tables import LabelMap, label_map
from dragoman.eval.tasks._common import add_error, clip, code_text, drop_none, read_jsonl, tick
from dragoman.model import Event
from dragoman.options import Options


def check(spec: SetSpec) -> str | None:
    """A reason the set cannot be scored: no ``label_kind``, or one the label table lacks."""
    kind = spec.options.get("label_kind")
    if not kind:
        return "the manifest gives no label_kind (penta, quad or acled_subtype)"
    try:
        label_map(str(kind))
    except ConfigError as e:
        return str(e)
    return None


def run(spec: SetSpec, *, limit: int | None, opts: Options, progress: Progress) -> TaskOutput:
    kind = str(spec.options["label_kind"])
    labels = label_map(kind)
    items = read_jsonl(spec.path, limit)
    classes: dict[Hashable, Counts] = {}
    per_label: dict[str, list[int]] = {}  # label -> [items, with an event, right]
    scored = right = no_event = false_events = 0
    errors: list[str] = []
    for item in tick(items, progress):
        events = code_text(
            item["text"], published=item.get("date"), origin=item["id"], opts=opts
        ).events
        gold = gold_label(item, kind)
        main = main_event(events)
        ours = _our_class(labels, main)
        gold_class = labels.gold_class(gold)
        tally = per_label.setdefault(gold, [0, 0, 0])
        tally[0] += 1
        tally[1] += bool(events)
        if gold in labels.no_event:
            no_event += 1
            false_events += bool(events)
            if events:
                add_error(
                    errors,
                    f"{item['id']}: {gold} (no event), got {_describe(main)}: {clip(item['text'])}",
                )
        if gold_class is None:
            continue
        scored += 1
        hit = ours == gold_class
        right += hit
        tally[2] += hit
        add_counts(classes, per_class_counts([gold_class], [ours] if ours else []))
        if not hit:
            add_error(
                errors,
                f"{item['id']}: gold {gold} (class {gold_class}), ours "
                f"{_describe(main)} (class {ours or 'none'}): {clip(item['text'])}",
            )
    metrics = {
        "acc": ratio(right, scored),
        "macro_f1": macro_f1(classes) if scored else None,
        "false_event_rate": ratio(false_events, no_event) if labels.no_event else None,
    }
    diagnostics: dict[str, Any] = {
        "items": len(items),
        "scored": scored,
        "no_event_items": no_event,
    }
    for label, (n, with_event, hits) in sorted(per_label.items()):
        diagnostics[f"label {label}"] = f"n={n} event_rate={with_event / n:.2f}" + (
            f" acc={hits / n:.2f}" if labels.gold_class(label) else ""
        )
    return TaskOutput(
        n=len(items), metrics=drop_none(metrics), diagnostics=diagnostics, errors=tuple(errors)
    )


def gold_label(item: dict[str, Any], kind: str) -> str:
    """The item's label of ``kind``: ``label`` itself, or ``label[kind]`` (ConfliBERT)."""
    label = item.get("label")
    if isinstance(label, dict):
        label = label.get(kind)
    return str(label)


def main_event(events: list[Event]) -> Event | None:
    """The most confident event, the first in text order on a tie."""
    return max(events, key=lambda e: e.confidence) if events else None


def _our_class(labels: LabelMap, main: Event | None) -> str | None:
    if main is None:
        return None
    if labels.ours != "cameo_root":
        return labels.our_class(main.event_type)
    return labels.our_class(main.cameo or _type_root(main.event_type))


@functools.cache
def _type_root(event_type: str) -> str | None:
    """The CAMEO root family of a PLOVER type, for an event with no CAMEO code (a resignation,
    RETREAT: "08", yield): the root most of the type's codes in cameo_codes.tsv have."""
    roots = Counter(c.code[:2] for c in load_ontology().cameo.values() if c.plover_type == event_type)
    return roots.most_common(1)[0][0] if roots else None


def _describe(event: Event | None) -> str:
    return f"{event.event_type} {event.cameo or event.mode}" if event else "no event"
