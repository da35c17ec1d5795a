"""Task ``sentence_events``: code each sentence, compare its events with the gold (bench/coding).

Each item's text becomes an Article (published = the item's date), which ``understand.annotate``
and ``coding.code_events`` read as they read any article. The events are compared in the form a
CAMEO or PLOVER user receives them, through the exporters' own code: CAMEO dyads
(``export.codes.dyads``: one per ordered pair of parties, 036 for planned talks, 045 for
mediators; none for an act with no CAMEO code, a resignation, which counts for its PLOVER type
only) and PLOVER records (``export.plover_records``: planned talks are AGREE, planned concessions
CONCEDE). Cancelled, denied and hypothetical events are not exported, so they count only for
``false_event_rate``, which counts every event.

Scoring follows bench/coding/README.md:

* event type: ``cameo_root_acc``, ``cameo_acc``, ``plover_acc`` = share of gold events whose
  root / code / PLOVER type occurs among the item's events; ``plover_macro_f1`` over the gold
  PLOVER types, comparing per item the set of gold types with the set of ours (gold written as
  mirrored dyads must not count twice). A two-digit gold code ("18") stands for the root's own
  code.
* triples (``triple_*``: source country, target country, CAMEO root; ``plover_triple_f1`` with the
  PLOVER type), pooled over items as bags of pairs (compound actors are one event per pair on both
  sides; against PLOVER-coded gold our PLOVER records' actors, against CAMEO-coded gold our CAMEO
  dyads with our PLOVER type; the CAMEO triples of PLOVER-coded gold, which writes an act of several
  parties with no direction as sources with no target, read our mirrored dyads of such an act the
  same way, ``reciprocal_as_sources``); a missing gold target matches only a missing target; our
  actor without a country is ``---``. Only items whose actors are real and coded: not
  ``toy_actors``, every gold event with a source.
* actors: over gold events matched on type (CAMEO root, else PLOVER type), the source and target
  countries (and sectors where the gold has one) as sets per role, against our events of that type.
* ``false_event_rate``: share of ``no_event`` items for which we output any event.

Items with ``scorable: false`` and gold events with ``cameo_test_only`` are left out. Codes are
compared through ``data/eval/code_aliases.tsv`` (our UNO/EUR slots read as CAMEO's IGO, KSV as XKX,
CAMEO sector names as ours).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.eval.metrics import (
    Counts,
    add_counts,
    macro_f1,
    multiset_counts,
    per_class_counts,
    ratio,
)
from dragoman.eval.tables import aliases
from dragoman.eval.tasks._common import add_error, clip, code_text, drop_none, read_jsonl, tick
from dragoman.export import NOT_EXPORTED, plover_records, plover_type
from dragoman.export.codes import dyads, plover_actors, quad_class
from dragoman.model import Actor, Event
from dragoman.options import Options

NO_COUNTRY = "---"
Triple = tuple[str, str | None, str]


@dataclass(slots=True)
class _Tally:
    gold_cameo: int = 0
    root_hits: int = 0
    code_hits: int = 0
    plover: dict[bool, list[int]] = field(default_factory=lambda: {True: [0, 0], False: [0, 0]})
    plover_classes: dict[Hashable, Counts] = field(default_factory=dict)
    triples: Counts = field(default_factory=Counts)
    plover_triples: Counts = field(default_factory=Counts)
    triple_items: int = 0  # items whose actors are scored
    cameo_triple_items: int = 0  # ... of which every gold event has a CAMEO code
    plover_triple_items: int = 0  # ... of which every gold event has a PLOVER type
    country: list[int] = field(default_factory=lambda: [0, 0])
    sector: list[int] = field(default_factory=lambda: [0, 0])
    no_event: int = 0
    false_events: int = 0
    false_exported: int = 0
    failed: int = 0


def run(spec: SetSpec, *, limit: int | None, opts: Options, progress: Progress) -> TaskOutput:
    items = [i for i in read_jsonl(spec.path, limit) if i.get("scorable", True) is not False]
    t = _Tally()
    errors: list[str] = []
    for item in tick(items, progress):
        coded = code_text(item["text"], published=item.get("date"), origin=item["id"], opts=opts)
        if coded.error:
            t.failed += 1
            add_error(errors, f"{item['id']}: internal error {coded.error}")
        _score_item(item, coded.events, t, errors)
    plover_all = [sum(t.plover[h][k] for h in (True, False)) for k in (0, 1)]
    metrics = {
        "plover_acc": ratio(plover_all[0], plover_all[1]),
        "plover_macro_f1": macro_f1(t.plover_classes) if plover_all[1] else None,
        "cameo_root_acc": ratio(t.root_hits, t.gold_cameo),
        "cameo_acc": ratio(t.code_hits, t.gold_cameo),
        "triple_f1": t.triples.f1 if t.cameo_triple_items else None,
        "triple_precision": t.triples.precision if t.cameo_triple_items else None,
        "triple_recall": t.triples.recall if t.cameo_triple_items else None,
        "plover_triple_f1": t.plover_triples.f1 if t.plover_triple_items else None,
        "actor_country_acc": ratio(t.country[0], t.country[1]),
        "actor_sector_acc": ratio(t.sector[0], t.sector[1]),
        "false_event_rate": ratio(t.false_events, t.no_event),
    }
    diagnostics = {
        "items": len(items),
        "gold_events_cameo": t.gold_cameo,
        "plover_acc_human": ratio(*t.plover[False]),
        "plover_acc_derived": ratio(*t.plover[True]),
        "gold_events_plover_human": t.plover[False][1],
        "gold_events_plover_derived": t.plover[True][1],
        "actor_items": t.triple_items,
        "triple_items": t.cameo_triple_items,
        "triple_counts": (t.triples.tp, t.triples.fp, t.triples.fn),
        "plover_triple_items": t.plover_triple_items,
        "plover_triple_counts": (t.plover_triples.tp, t.plover_triples.fp, t.plover_triples.fn),
        "no_event_items": t.no_event,
        "false_event_rate_exported": ratio(t.false_exported, t.no_event),
        "internal_errors": t.failed,
    }
    return TaskOutput(
        n=len(items), metrics=drop_none(metrics), diagnostics=diagnostics, errors=tuple(errors)
    )


def _test_only(gold_event: dict[str, Any]) -> bool:
    """PETRARCH's test-verb codes (9xx, 345, 1717, ...): not CAMEO, so no real coder can produce them.

    The bench flags most with ``cameo_test_only``; a code missing from the CAMEO table is one too.
    """
    code = gold_event.get("cameo")
    unknown = bool(code) and quad_class(code) is None and quad_class(code + "0") is None
    return bool(gold_event.get("cameo_test_only")) or unknown


def _score_item(item: dict[str, Any], events: list[Event], t: _Tally, errors: list[str]) -> None:
    every = list(item.get("events") or ())
    gold = [e for e in every if not _test_only(e)]
    if every and not gold:
        return  # only test-only codes: the bench README counts these as "an event was found" at most
    exported = [e for e in events if e.status not in NOT_EXPORTED]
    cameo = [(a, b, code) for e in exported for a, b, code in dyads(e)]
    plover = [
        (a, b, r["event"])
        for r in plover_records(exported)
        for a in r["actor"] or [None]
        for b in r["recipient"] or [None]
    ]
    plover_dyads = [triple for e in exported for triple in _plover_dyads(e)]
    cameo_sources = [(a, b, code) for e in exported for a, b, code in reciprocal_as_sources(e)]
    codes = {code for _, _, code in cameo}
    roots = {code[:2] for code in codes}
    types = {kind for _, _, kind in plover}
    if item.get("no_event"):
        t.no_event += 1
        t.false_events += bool(events)
        t.false_exported += bool(exported)
        if events:
            found = ", ".join(f"{e.event_type} {e.cameo} ({e.status})" for e in events)
            add_error(errors, f"{item['id']}: no event expected, got {found}: {clip(item['text'])}")
    missed = []
    for g in gold:
        if g.get("cameo"):
            t.gold_cameo += 1
            code = g["cameo"] if len(g["cameo"]) > 2 else g["cameo"] + "0"
            t.root_hits += g["cameo"][:2] in roots
            t.code_hits += code in codes
            if g["cameo"][:2] not in roots:
                missed.append(f"CAMEO {g['cameo']}")
        if g.get("plover"):
            tally = t.plover[bool(g.get("plover_derived"))]
            tally[0] += g["plover"] in types
            tally[1] += 1
            if g["plover"] not in types and not g.get("cameo"):
                missed.append(f"PLOVER {g['plover']}")
    if missed:
        ours = ", ".join(f"{e.event_type} {e.cameo}" for e in events) or "no event"
        add_error(
            errors, f"{item['id']}: missed {', '.join(missed)}; ours: {ours}: {clip(item['text'])}"
        )
    gold_types = {g["plover"] for g in gold if g.get("plover")}
    if gold_types or item.get("no_event"):
        add_counts(t.plover_classes, per_class_counts(gold_types, types))
    if item.get("toy_actors") or not all(_present(g.get("source")) for g in gold):
        return
    # PLOVER-coded gold (plover_derived false) writes PLOVER's actor convention (several sources,
    # no target, for talks); CAMEO-coded gold one directed dyad per ordered pair, as our CAMEO
    # export does. Our PLOVER triples take the same convention as the gold they meet.
    human = bool(gold) and all(g.get("plover_derived") is False for g in gold)
    if human:
        _score_actors(gold, cameo_sources, plover, t)
    else:
        _score_actors(gold, cameo, plover_dyads, t)


def _score_actors(
    gold: list[dict[str, Any]],
    cameo: list[tuple[Any, Any, str]],
    plover: list[tuple[Any, Any, str]],
    t: _Tally,
) -> None:
    countries = aliases("country", "events")
    t.triple_items += 1
    if all(g.get("cameo") for g in gold):
        t.cameo_triple_items += 1
        gold_triples = [_gold_triple(g, g["cameo"][:2], countries) for g in gold]
        ours = [
            (_country(a, countries), _country(b, countries) if b else None, c[:2])
            for a, b, c in cameo
        ]
        t.triples = t.triples + multiset_counts(gold_triples, ours)
    if all(g.get("plover") for g in gold):
        t.plover_triple_items += 1
        gold_triples = [_gold_triple(g, g["plover"], countries) for g in gold]
        ours = [
            (_country(a, countries), _country(b, countries) if b else None, k) for a, b, k in plover
        ]
        t.plover_triples = t.plover_triples + multiset_counts(gold_triples, ours)
    # Actors, over gold events matched on type; sets per (type, role).
    gold_sets: dict[tuple[str, str, str], set[tuple[str, str | None]]] = {}
    for g in gold:
        key = ("cameo", g["cameo"][:2]) if g.get("cameo") else ("plover", g.get("plover") or "")
        sectors = aliases("sector", "cameo") if g.get("plover_derived", True) else aliases("sector")
        for role in ("source", "target"):
            actor = g.get(role)
            if _present(actor):
                sector = actor.get("sector")
                gold_sets.setdefault((*key, role), set()).add(
                    (
                        _gold_country(actor, countries),
                        sectors.get(sector, sector) if sector else None,
                    )
                )
    our_sectors = aliases("sector")
    for (axis, value, role), wanted in gold_sets.items():
        pool = cameo if axis == "cameo" else plover
        matched = [(a, b) for a, b, k in pool if (k[:2] if axis == "cameo" else k) == value]
        if not matched:
            continue  # not matched on type: actors are not scored
        ours = [a if role == "source" else b for a, b in matched]
        our_countries = {_country(x, countries) for x in ours if x is not None}
        our_pairs = {
            (_country(x, countries), our_sectors.get(s, s))
            for x in ours
            if x is not None
            for s in [_sector(x)]
        }
        for country, sector in wanted:
            t.country[0] += country in our_countries
            t.country[1] += 1
            if sector:
                t.sector[0] += (country, sector) in our_pairs
                t.sector[1] += 1


def reciprocal_as_sources(event: Event) -> list[tuple[Actor | None, Actor | None, str]]:
    """The event's CAMEO dyads in PLOVER's actor convention: an act of several parties with no
    direction (talks, a joint agreement) is one source per party with no target, where CAMEO
    writes the two mirrored dyads (bench/coding/README.md, "Reciprocal actors")."""
    triples = dyads(event)
    if event.source or event.target:
        return triples
    parties = {id(a) for a in event.participants if a.role in (None, "party", "host")}
    kept: list[tuple[Actor | None, Actor | None, str]] = []
    for a, b, code in triples:
        mirrored = id(a) in parties and b is not None and id(b) in parties
        triple = (a, None, code) if mirrored else (a, b, code)
        if triple not in kept:
            kept.append(triple)
    return kept


def _plover_dyads(event: Event) -> list[tuple[Actor | None, Actor | None, str]]:
    """The event's CAMEO dyads with its exported PLOVER type; an act with no CAMEO code (a
    resignation) has none, so its PLOVER actors and recipient stand in: it counts for its
    PLOVER type, never for a CAMEO root."""
    kind = plover_type(event)
    pairs = dyads(event)
    if pairs or event.cameo is not None:
        return [(a, b, kind) for a, b, _ in pairs]
    actors, recipient = plover_actors(event)
    return [(a, recipient, kind) for a in actors or [None]]


def _present(actor: Any) -> bool:
    return isinstance(actor, dict) and bool(actor.get("country") or actor.get("code"))


def _gold_country(actor: dict[str, Any], countries: dict[str, str]) -> str:
    code = actor.get("country") or NO_COUNTRY
    return countries.get(code, code)


def _gold_triple(g: dict[str, Any], kind: str, countries: dict[str, str]) -> Triple:
    target = g.get("target")
    return (
        _gold_country(g["source"], countries),
        _gold_country(target, countries) if _present(target) else None,
        kind,
    )


def _country(actor: Actor | dict[str, Any] | None, countries: dict[str, str]) -> str:
    """An actor's country as compared: aliases applied, ``---`` when it has none (or no actor)."""
    if actor is None:
        return NO_COUNTRY
    code = actor.get("country") if isinstance(actor, dict) else actor.country
    code = code or NO_COUNTRY
    return countries.get(code, code)


def _sector(actor: Actor | dict[str, Any]) -> str | None:
    return actor.get("sector") if isinstance(actor, dict) else actor.sector
