"""One canonical event from the reports of one real-world event, keeping who said what.

``merge(reports)`` is a pure function of the set of reports (their order does not matter): the
status is replayed through the lifecycle in publication order, the most precise date wins (the
latest report among equally precise ones, so a postponement's new date replaces the old one), and
every field keeps its provenance: which source said which value, when, in which sentence.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from dragoman.fuse.report import Report
from dragoman.fuse.settings import Lifecycle, lifecycle
from dragoman.model import Actor, DateValue, Event, Evidence, Place, Source, content_id

_PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1}
# Statuses whose report is often dated by the announcement: "denied on Thursday that they met".
_ANNOUNCED = frozenset({"planned", "postponed", "cancelled", "denied"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One source's value for one field of the event."""

    field: str  # status | date | location | mediator | round
    value: str
    doc_id: str
    outlet: str | None
    published: str | None
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "value": self.value,
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "published": self.published,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Occurrence:
    """A real-world event as all its reports together tell it."""

    event: Event  # the canonical record; ``event.id`` is the occurrence id ("c_...")
    reports: tuple[str, ...]  # ids of the per-article events merged here, sorted
    history: tuple[Claim, ...]  # status changes in the order they were reported
    contradictions: tuple[tuple[Claim, Claim], ...]
    provenance: tuple[Claim, ...]
    independent_sources: int

    @property
    def id(self) -> str:
        return self.event.id

    def to_dict(self) -> dict[str, Any]:
        d = self.event.to_dict()
        d["reports"] = list(self.reports)
        d["independent_sources"] = self.independent_sources
        d["status_history"] = [c.to_dict() for c in self.history]
        d["contradictions"] = [[a.to_dict(), b.to_dict()] for a, b in self.contradictions]
        d["provenance"] = [c.to_dict() for c in self.provenance]
        return d


def occurrence_id(report_ids: Iterable[str]) -> str:
    """``c_`` + a hash of the smallest member id: the same members give the same id."""
    return content_id("c", min(report_ids))


def merge(reports: Sequence[Report], rules: Lifecycle | None = None) -> Occurrence:
    """The canonical event of ``reports`` (one or more reports of the same event)."""
    if not reports:
        raise ValueError("merge() needs at least one report")
    life = rules or lifecycle()
    ordered = sorted(reports, key=lambda r: _report_order(r, life))
    claims = [c for r in ordered for c in _claims(r)]
    said = {(r.article_id, _sentence(r)): r.event.status for r in ordered}
    history = _status_history([c for c in claims if c.field == "status"], life)
    # The report that speaks for the event says what the event finally is, most confidently.
    final = history[-1].value
    lead = min(
        ordered, key=lambda r: (r.event.status != final, -r.event.confidence, -len(r.event.participants), r.event.id)
    )
    mediator = _mediator(ordered)
    sources = independent_sources(ordered)
    event = replace(
        lead.event,
        id=occurrence_id(r.event.id for r in ordered),
        cameo=_most_common(r.event.cameo for r in ordered) or lead.event.cameo,
        mode=_most_common(r.event.mode for r in ordered if r.event.mode),
        status=history[-1].value,
        mediator=mediator,
        location=_location(ordered),
        date=_date(ordered),
        round=_most_common(r.event.round for r in ordered if r.event.round is not None),
        topics=tuple(sorted({t for r in ordered for t in r.event.topics})),
        context=tuple(sorted({t for r in ordered for t in r.event.context})),
        sources=_sources(ordered),
        evidence=_evidence(ordered),
        confidence=_confidence(ordered, sources),
    )
    return Occurrence(
        event=event,
        reports=tuple(sorted(r.event.id for r in ordered)),
        history=history,
        contradictions=_contradictions(claims, life, said),
        provenance=tuple(claims),
        independent_sources=sources,
    )


def independent_sources(reports: Iterable[Report]) -> int:
    """Distinct sources: copies of one story (same near-duplicate group) or one outlet count once."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for r in reports:
        a, b = find("g:" + r.group), find("o:" + r.source_name)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return len({find("g:" + r.group) for r in reports})


def _report_order(r: Report, life: Lifecycle) -> tuple[str, int, str]:
    # Undated articles first: a dated report is the better guide to what happened last.
    return (r.published or "", life.same_day_rank.get(r.event.status, 0), r.event.id)


def _claims(r: Report) -> list[Claim]:
    e = r.event
    sentence = _sentence(r)
    values = {
        "status": e.status,
        "date": e.date.label() if e.date and e.date.precision else None,
        "location": f"{e.location.text} ({e.location.country})" if e.location else None,
        "mediator": e.mediator.country or e.mediator.name if e.mediator else None,
        "round": str(e.round) if e.round is not None else None,
    }
    return [
        Claim(field=k, value=v, doc_id=r.article_id, outlet=r.outlet, published=r.published, sentence=sentence)
        for k, v in values.items()
        if v is not None
    ]


def _status_history(claims: list[Claim], life: Lifecycle) -> tuple[Claim, ...]:
    history = [claims[0]]
    for claim in claims[1:]:
        current = history[-1].value
        if claim.value != current and life.may_move(current, claim.value):
            history.append(claim)
    return tuple(history)


def _contradictions(
    claims: list[Claim], life: Lifecycle, said: dict[tuple[str, str], str]
) -> tuple[tuple[Claim, Claim], ...]:
    """Pairs of sources that disagree: on the status (held vs denied, held vs postponed), on the day
    of an event both report with the same status (a postponement's new date is no contradiction),
    on the place or the round number. For each pair of disagreeing values, the first pair of claims
    (in ``claims`` order) from two documents; values are compared once per pair of distinct values,
    not once per pair of claims, so an event with hundreds of reports stays cheap."""
    found: dict[tuple[str, str, str], tuple[Claim, Claim]] = {}
    at: dict[str, dict[str, list[int]]] = {}  # field -> value -> positions in ``claims``
    for n, c in enumerate(claims):
        at.setdefault(c.field, {}).setdefault(c.value, []).append(n)
    for field, by_value in at.items():
        values = sorted(by_value)
        for x, v in enumerate(values):
            for w in values[x + 1 :]:
                if _disagree(field, v, w, life):
                    pair = _first_pair(claims, by_value[v], by_value[w], said)
                    if pair is not None:
                        found[(field, v, w)] = pair
    return tuple(found[k] for k in sorted(found))


def _disagree(field: str, a: str, b: str, life: Lifecycle) -> bool:
    if field == "status":
        return life.contradicts(a, b)
    if field == "date":
        return _dates_clash(a, b)
    if field == "location":
        return _country(a) != _country(b)  # "Switzerland" and "Geneva" do not disagree
    return field != "mediator"


def _first_pair(
    claims: list[Claim], at_v: list[int], at_w: list[int], said: dict[tuple[str, str], str]
) -> tuple[Claim, Claim] | None:
    """The first two claims, one of each value, from different documents (and for dates, both
    about the same status)."""
    of_v = set(at_v)
    for i in sorted(at_v + at_w):
        a = claims[i]
        others = at_w if i in of_v else at_v
        for j in others[bisect.bisect_right(others, i) :]:
            b = claims[j]
            if a.doc_id == b.doc_id:
                continue
            if a.field == "date" and said[(a.doc_id, a.sentence)] != said[(b.doc_id, b.sentence)]:
                continue
            return a, b
    return None


def _dates_clash(a: str, b: str) -> bool:
    # Only two day dates disagree outright; a week or month may contain the other's day.
    return "(" not in a and "(" not in b and "undated" not in a + b


def _country(location: str) -> str:
    return location.rsplit("(", 1)[-1]


def _sentence(r: Report) -> str:
    return r.event.evidence[0].sentence if r.event.evidence else ""


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(values)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _mediator(reports: Sequence[Report]) -> Actor | None:
    actors = [r.event.mediator for r in reports if r.event.mediator is not None]
    code = _most_common(a.country or a.name for a in actors)
    return next((a for a in actors if (a.country or a.name) == code), None)


def _location(reports: Sequence[Report]) -> Place | None:
    places = [r.event.location for r in reports if r.event.location is not None]
    if not places:
        return None
    counts = Counter((p.text, p.country) for p in places)
    return min(places, key=lambda p: (p.lat is None, -counts[(p.text, p.country)], p.text))


def _date(reports: Sequence[Report]) -> DateValue | None:
    """The most precise date; among equally precise ones, the latest report's."""
    dated = [r for r in reports if r.event.date is not None and r.event.date.precision in _PRECISION_RANK]
    if not dated:
        undated = [r.event.date for r in reports if r.event.date is not None]
        return undated[-1] if undated else None
    best = max(dated, key=lambda r: (_date_rank(r), r.published or ""))  # reports come sorted
    return best.event.date


def _date_rank(r: Report) -> float:
    """Precision, but a plan, postponement or denial dated on its own publication day ranks last:
    that day is most often when it was announced ("confirmed on Tuesday that it would host"), not
    the date of the meeting, and another report usually gives the real one."""
    value = r.event.date
    assert value is not None and value.precision is not None
    announced = r.event.status in _ANNOUNCED and value.start is not None and value.start[:10] == r.published
    return 0.5 if announced else _PRECISION_RANK[value.precision]


def _sources(reports: Sequence[Report]) -> tuple[Source, ...]:
    seen: dict[str, Source] = {}
    for r in reports:
        for s in r.event.sources or (Source(doc_id=r.article_id, outlet=r.outlet, url=None),):
            if s.doc_id not in seen:  # (``replace`` is slow, and most sources carry the date already)
                seen[s.doc_id] = s if s.published == r.published else replace(s, published=r.published)
    return tuple(seen.values())


def _evidence(reports: Sequence[Report]) -> tuple[Evidence, ...]:
    seen: dict[tuple[str, int], Evidence] = {}
    for r in reports:
        for ev in r.event.evidence:
            seen.setdefault((ev.doc_id, ev.start), ev)
    return tuple(seen.values())


def _confidence(reports: Sequence[Report], sources: int) -> float:
    best = max(r.event.confidence for r in reports)
    return round(min(0.99, best + 0.05 * (sources - 1)), 3)
