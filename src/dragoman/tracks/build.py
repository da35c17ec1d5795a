"""Stage ``tracks``: the canonical events between the same parties, read as one process.

    build_track(parties, members, visits) -> Track | None

A track is identified by its parties ("the Ukrainian track" and "the Iran track" have different
parties, so they are two tracks even on the same day in the same city). Its rounds are its
meetings numbered from the text ("the second round") or, failing that, by date after the last
numbered round before them. Its status is replayed from the reports in publication order: planned
(announced, nothing held), ongoing (a round held), postponed (the next round put off or called off).
Everything here is a pure function of the occurrences given, so the result does not depend on the
order the articles arrived in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dragoman.fuse.canonical import Claim, Occurrence
from dragoman.fuse.report import parties as parties_of
from dragoman.fuse.settings import lifecycle
from dragoman.model import Actor, DateValue
from dragoman.tracks.settings import TrackSettings, track_settings


@dataclass(frozen=True, slots=True, kw_only=True)
class Delegate:
    name: str
    title: str | None
    side: str  # the party's code
    doc_id: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "side": self.side, "doc_id": self.doc_id}


@dataclass(frozen=True, slots=True, kw_only=True)
class Round:
    number: int
    status: str
    date: DateValue | None
    city: str | None
    country: str | None
    mediator: str | None
    meetings: tuple[str, ...]  # occurrence ids: the round, and reports fusion kept apart
    agreements: tuple[str, ...]
    topics: tuple[str, ...]
    delegations: tuple[Delegate, ...]
    sources: tuple[str, ...]  # article ids
    history: tuple[Claim, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "round": self.number,
            "status": self.status,
            "date": self.date.start if self.date else None,
            "date_precision": self.date.precision if self.date else None,
            "city": self.city,
            "country": self.country,
            "mediator": self.mediator,
            "meetings": list(self.meetings),
            "agreements": list(self.agreements),
            "topics": list(self.topics),
            "delegations": [d.to_dict() for d in self.delegations],
            "sources": list(self.sources),
            "status_history": [c.to_dict() for c in self.history],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusPoint:
    reported: str | None  # publication date of the report that changed it
    status: str
    doc_id: str
    outlet: str | None
    because: str  # "round 2 occurred"

    def to_dict(self) -> dict[str, Any]:
        return {
            "reported": self.reported,
            "status": self.status,
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "because": self.because,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Track:
    id: str
    parties: tuple[str, ...]
    names: dict[str, str]  # code -> name as the reports give it
    mediator: str | None
    status: str
    status_history: tuple[StatusPoint, ...]
    rounds: tuple[Round, ...]
    members: tuple[str, ...]  # every occurrence id in the track
    other_meetings: tuple[str, ...]  # hypothetical or denied meetings, messages, visits
    topics: tuple[str, ...]
    first_date: str | None
    last_date: str | None
    sources: tuple[str, ...]

    @property
    def key(self) -> str:
        return "+".join(self.parties)

    @property
    def name(self) -> str:
        sides = " – ".join(self.names.get(p, p) for p in self.parties)
        return f"{sides} talks" + (f" (mediator: {self.names.get(self.mediator, self.mediator)})" if self.mediator else "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "parties": list(self.parties),
            "names": dict(sorted(self.names.items())),
            "mediator": self.mediator,
            "status": self.status,
            "status_history": [p.to_dict() for p in self.status_history],
            "rounds": [r.to_dict() for r in self.rounds],
            "members": list(self.members),
            "other_meetings": list(self.other_meetings),
            "topics": list(self.topics),
            "first_date": self.first_date,
            "last_date": self.last_date,
            "sources": list(self.sources),
        }


def track_id(parties: Iterable[str], year: str | None) -> str:
    """``arm-aze-2026``: the parties' codes, lower case and sorted, and the year it opened."""
    return "-".join(sorted(p.lower() for p in parties)) + (f"-{year}" if year else "")


def build_track(
    parties: frozenset[str],
    members: Sequence[Occurrence],
    visits: Sequence[Occurrence] = (),
    settings: TrackSettings | None = None,
    people: Mapping[str, Sequence[Delegate]] | None = None,
) -> Track | None:
    """The track of ``parties`` from its member occurrences, or None when they hold no talks.

    ``people``: by occurrence id, the persons named around its reports (the store keeps them);
    a round's delegations are those on the parties' or the mediator's side."""
    s = settings or track_settings()
    meetings = sorted((o for o in members if o.event.event_type == "CONSULT"), key=_when)
    if not any(_opens(o, s) for o in meetings):
        return None
    round_meetings = [o for o in meetings if _is_round(o, s)]
    agreements = [o for o in members if s.is_agreement(o.event.event_type, o.event.cameo)]
    mediator = track_mediator(members)
    visits = [o for o in visits if mediator and mediator in parties_of(o.event)]
    groups = _round_groups(round_meetings)
    sides = set(parties) | ({mediator} if mediator else set())
    rounds = tuple(_round(n, g, agreements, _people(g, people or {}, sides)) for n, g in sorted(groups.items()))
    in_rounds = {i for r in rounds for i in r.meetings}
    history = _status_history(groups)
    # One per id (hashing whole occurrences to deduplicate them cost more than building the track).
    everything = sorted({o.id: o for o in (*members, *visits)}.values(), key=_when)
    dates = [d for o in everything for d in _dates(o)]
    first_year = min(dates)[:4] if dates else None
    names = _names(everything)
    return Track(
        id=track_id(parties, first_year),
        parties=tuple(sorted(parties)),
        names=names,
        mediator=mediator,
        status=history[-1].status if history else "planned",
        status_history=history,
        rounds=rounds,
        members=tuple(sorted(o.id for o in everything)),
        other_meetings=tuple(o.id for o in [*meetings, *visits] if o.id not in in_rounds),
        topics=_topics(everything),
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        sources=tuple(sorted({s.doc_id for o in everything for s in o.event.sources})),
    )


def track_mediator(members: Iterable[Occurrence]) -> str | None:
    """The code that mediates most of the parties' meetings (the smallest code on a tie), or None;
    the store needs it before building a track, to fetch the mediator's visits."""
    return _most_common(
        o.event.mediator.country
        for o in members
        if o.event.event_type == "CONSULT" and o.event.mediator and o.event.mediator.country
    )


def _when(o: Occurrence) -> tuple[str, str]:
    d = o.event.date
    return ((d.start or d.end or "") if d else "", o.id)


def _dates(o: Occurrence) -> list[str]:
    found = [c.published for c in o.provenance if c.published]
    if o.event.date and o.event.date.precision and o.event.date.start:
        found.append(o.event.date.start[:10])
    return found


def _opens(o: Occurrence, s: TrackSettings) -> bool:
    e = o.event
    return e.round is not None or e.mediator is not None or e.cameo in s.opening_cameo


def _is_round(o: Occurrence, s: TrackSettings) -> bool:
    e = o.event
    claimed = {c.value for c in o.provenance if c.field == "status"} or {e.status}
    if claimed <= s.not_round_status or e.cameo in s.not_round_cameo and e.round is None:
        return False  # only ever a "could meet" or a denied meeting: an open question, not a round
    return e.round is not None or e.location is not None or e.cameo in s.round_cameo


def _round_groups(meetings: list[Occurrence]) -> dict[int, list[Occurrence]]:
    """Numbered meetings first; an unnumbered one joins a round held within a day of it, or
    takes the number after the last round dated before it when that number is still free."""
    by_number: dict[int, list[Occurrence]] = {}
    for o in meetings:
        if o.event.round is not None:
            by_number.setdefault(o.event.round, []).append(o)
    for o in meetings:
        if o.event.round is not None:
            continue
        number = _round_for(o, by_number)
        if number is not None:
            by_number.setdefault(number, []).append(o)
    return by_number


def _round_for(o: Occurrence, by_number: dict[int, list[Occurrence]]) -> int | None:
    day = _day(o)
    if day is None:
        return None
    dated = {n: d for n, group in by_number.items() if (d := _day(_lead(group))) is not None}
    for n, d in sorted(dated.items()):
        if abs((d - day).days) <= 1:
            return n
    before = [n for n, d in dated.items() if d < day]
    number = max(before, default=0) + 1
    later = [n for n, d in dated.items() if d > day]
    return number if number not in by_number and all(n > number for n in later) else None


def _lead(group: list[Occurrence]) -> Occurrence:
    """The occurrence that speaks for a round: the most reported, then the best dated."""
    return max(group, key=lambda o: (len(o.reports), _precision(o), o.id))


def _precision(o: Occurrence) -> int:
    return {"day": 3, "week": 2, "month": 1}.get(o.event.date.precision if o.event.date else "", 0)  # type: ignore[arg-type]


def _day(o: Occurrence) -> date | None:
    d = o.event.date
    if d is None or not d.precision or not d.start:
        return None
    return date.fromisoformat(d.start[:10])


def _people(group: list[Occurrence], people: Mapping[str, Sequence[Delegate]], sides: set[str]) -> tuple[Delegate, ...]:
    found: dict[tuple[str, str], Delegate] = {}
    for o in group:
        for d in people.get(o.id, ()):
            if d.side in sides:
                found.setdefault((d.side, d.name), d)
    return tuple(found[k] for k in sorted(found))


def _round(number: int, group: list[Occurrence], agreements: list[Occurrence], people: tuple[Delegate, ...]) -> Round:
    lead = _lead(group)
    e = lead.event
    day = _day(lead)
    deals = [
        a.id
        for a in agreements
        if a.event.round == number or (day and (d := _day(a)) and abs((d - day).days) <= 1)
    ]
    return Round(
        number=number,
        status=e.status,
        date=e.date,
        city=e.location.text if e.location and e.location.lat is not None else None,
        country=e.location.country if e.location else None,
        mediator=e.mediator.country if e.mediator else None,
        meetings=tuple(o.id for o in group),
        agreements=tuple(sorted(deals)),
        topics=tuple(sorted({t for o in group for t in o.event.topics})),
        delegations=people or _delegations(group),
        sources=tuple(sorted({s.doc_id for o in group for s in o.event.sources})),
        history=lead.history,
    )


def _delegations(group: list[Occurrence]) -> tuple[Delegate, ...]:
    seen: dict[tuple[str, str], Delegate] = {}
    for o in group:
        for actor in (*o.event.participants, o.event.mediator):
            if actor is not None and _is_person(actor):
                doc = o.event.sources[0].doc_id if o.event.sources else ""
                seen.setdefault(
                    (actor.country or "", actor.name),
                    Delegate(name=actor.name, title=actor.title, side=actor.country or "?", doc_id=doc),
                )
    return tuple(seen[k] for k in sorted(seen))


def _is_person(actor: Actor) -> bool:
    return actor.kind == "person" or bool(actor.title)


_UNDATED = "~"  # sorts after every ISO date


def _status_history(groups: dict[int, list[Occurrence]]) -> tuple[StatusPoint, ...]:
    """Replays the rounds' status claims in publication order and notes each change. A report
    with no publication date comes after the dated ones: it cannot open a history it may not
    have begun (a page of unknown date reporting a held round is not the track's first news)."""
    claims = sorted(
        (
            (c.published or _UNDATED, n, c)
            for n, group in groups.items()
            for o in group
            for c in o.provenance
            if c.field == "status"
        ),
        key=lambda t: (t[0], t[1], t[2].doc_id),
    )
    known: dict[int, str] = {}
    points: list[StatusPoint] = []
    cause: tuple[int, Claim] | None = None
    for i, (published, number, claim) in enumerate(claims):
        before = known.get(number)
        known[number] = _next_status(before, claim.value)
        if known[number] != before:
            cause = (number, claim)
        if i + 1 < len(claims) and claims[i + 1][0] == published:
            continue  # read every report of one day before judging the day
        status = _track_status(known)
        if cause is not None and (not points or points[-1].status != status):
            n, why = cause
            points.append(
                StatusPoint(
                    reported=why.published,
                    status=status,
                    doc_id=why.doc_id,
                    outlet=why.outlet,
                    because=f"round {n} {known[n]}",
                )
            )
    return tuple(points)


def _next_status(old: str | None, new: str) -> str:
    if old is None or lifecycle().may_move(old, new):
        return new
    return old


def _track_status(rounds: dict[int, str]) -> str:
    last = rounds[max(rounds)]
    if last in ("postponed", "cancelled"):
        return "postponed"
    if any(s in ("occurred", "ongoing") for s in rounds.values()):
        return "ongoing"
    return "planned"


def _names(occurrences: Iterable[Occurrence]) -> dict[str, str]:
    names: dict[str, Counter[str]] = {}
    for o in occurrences:
        for a in (*o.event.participants, o.event.mediator):
            if a is not None and a.country and not _is_person(a):
                names.setdefault(a.country, Counter())[a.name] += 1
    return {code: min(c, key=lambda n: (-c[n], n)) for code, c in names.items()}


def _topics(occurrences: Iterable[Occurrence]) -> tuple[str, ...]:
    counts = Counter(t for o in occurrences for t in o.event.topics)
    return tuple(sorted(counts, key=lambda t: (-counts[t], t)))


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None
