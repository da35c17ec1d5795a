"""What one occurrence gives its track: a ``Part``, small and kept, so a changed occurrence
updates the track without the others being read again (tracks/ledger.py).

    part_of(occurrence, visit, settings) -> Part
    round_groups(meetings) -> {round number: [meeting part, ...]}

A part holds only what the track is computed from: the numbers that place a meeting in a round,
the status claims the status history replays, and the names, topics, dates and sources the track
counts. The round records themselves are built from the full occurrences (tracks/build.py), and
only for rounds whose parts changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dragoman.fuse.canonical import Occurrence
from dragoman.tracks.build import is_person
from dragoman.tracks.settings import TrackSettings

UNDATED = "~"  # sorts after every ISO date: a report of unknown date comes after the dated ones

# A status claim as the history replays it: (publication key, doc id, value, outlet, published).
ClaimKey = tuple[str, str, str, str | None, str | None]


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    id: str
    version: tuple[int, int]  # (reports, independent sources): what tells stored records apart
    visit: bool  # a mediator's meeting with one party, not a meeting of the parties
    meeting: bool  # a CONSULT of the parties
    agreement: bool
    opens: bool  # a numbered round, a mediator or an opening CAMEO code: the parties hold talks
    is_round: bool
    round: int | None  # the number the reports give
    sequel: bool = False  # "a new round": not round 1 when no round is known before it
    when: tuple[str, str]  # (date, id): the order meetings are numbered in
    day: date | None
    lead: tuple[int, int, str]  # (reports, date precision, id): which meeting speaks for a round
    mediator: str | None  # the mediator's code, for a meeting of the parties
    names: tuple[tuple[str, str], ...]  # (code, name) of each party or mediator that is not a person
    topics: tuple[str, ...]
    dates: tuple[str, ...]
    docs: tuple[str, ...]
    claims: tuple[ClaimKey, ...]  # status claims, for the track's status history


def part_of(o: Occurrence, visit: bool, s: TrackSettings) -> Part:
    e = o.event
    meeting = e.event_type == "CONSULT" and not visit
    return Part(
        id=o.id,
        version=(len(o.reports), o.independent_sources),
        visit=visit,
        meeting=meeting,
        agreement=not visit and s.is_agreement(e.event_type, e.cameo),
        opens=meeting and (e.round is not None or e.mediator is not None or e.cameo in s.opening_cameo),
        is_round=meeting and _is_round(o, s),
        round=e.round,
        sequel=meeting and s.is_sequel(e.trigger),
        when=((e.date.start or e.date.end or "") if e.date else "", o.id),
        day=_day(o),
        lead=(len(o.reports), _precision(o), o.id),
        mediator=e.mediator.country if meeting and e.mediator and e.mediator.country else None,
        names=tuple(
            (a.country, a.name)
            for a in (*e.participants, e.mediator)
            if a is not None and a.country and not is_person(a)
        ),
        topics=tuple(e.topics),
        dates=_dates(o),
        docs=tuple(sorted({src.doc_id for src in e.sources})),
        claims=tuple(
            (c.published or UNDATED, c.doc_id, c.value, c.outlet, c.published) for c in o.provenance if c.field == "status"
        ),
    )


def round_groups(meetings: list[Part]) -> dict[int, list[Part]]:
    """Numbered meetings first; an unnumbered one joins a round held within a day of it, or
    takes the number after the last round dated before it when that number is still free.
    ``meetings`` in date order (``Part.when``)."""
    by_number: dict[int, list[Part]] = {}
    for p in meetings:
        if p.round is not None:
            by_number.setdefault(p.round, []).append(p)
    for p in meetings:
        if p.round is not None:
            continue
        number = _round_for(p, by_number)
        if number is not None:
            by_number.setdefault(number, []).append(p)
    return by_number


def lead_of(group: list[Part]) -> Part:
    """The meeting that speaks for a round: the most reported, then the best dated."""
    return max(group, key=lambda p: p.lead)


def _round_for(p: Part, by_number: dict[int, list[Part]]) -> int | None:
    if p.day is None:
        return None
    dated = {n: d for n, group in by_number.items() if (d := lead_of(group).day) is not None}
    for n, d in sorted(dated.items()):
        if abs((d - p.day).days) <= 1:
            return n
    before = [n for n, d in dated.items() if d < p.day]
    if p.sequel and not before:
        return None  # "a new round" after rounds the track has not seen: its number is unknown
    number = max(before, default=0) + 1
    later = [n for n, d in dated.items() if d > p.day]
    return number if number not in by_number and all(n > number for n in later) else None


def _is_round(o: Occurrence, s: TrackSettings) -> bool:
    e = o.event
    claimed = {c.value for c in o.provenance if c.field == "status"} or {e.status}
    if claimed <= s.not_round_status or e.cameo in s.not_round_cameo and e.round is None:
        return False  # only ever a "could meet" or a denied meeting: an open question, not a round
    return e.round is not None or e.location is not None or e.cameo in s.round_cameo


def _dates(o: Occurrence) -> tuple[str, ...]:
    found = [c.published for c in o.provenance if c.published]
    if o.event.date and o.event.date.precision and o.event.date.start:
        found.append(o.event.date.start[:10])
    return tuple(found)


def _precision(o: Occurrence) -> int:
    return {"day": 3, "week": 2, "month": 1}.get(o.event.date.precision if o.event.date else "", 0)  # type: ignore[arg-type]


def _day(o: Occurrence) -> date | None:
    d = o.event.date
    if d is None or not d.precision or not d.start:
        return None
    return date.fromisoformat(d.start[:10])
