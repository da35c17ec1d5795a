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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dragoman.fuse.canonical import Claim, Occurrence
from dragoman.model import Actor, DateValue
from dragoman.tracks.settings import TrackSettings


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
            **self.head_dict(),
            "status_history": [p.to_dict() for p in self.status_history],
            "rounds": [r.to_dict() for r in self.rounds],
            "members": list(self.members),
            "sources": list(self.sources),
        }

    def head_dict(self) -> dict[str, Any]:
        """``to_dict()`` without the status history, rounds, members and sources, which grow with
        the track (the store keeps them in rows of their own)."""
        return {
            "id": self.id,
            "name": self.name,
            "parties": list(self.parties),
            "names": dict(sorted(self.names.items())),
            "mediator": self.mediator,
            "status": self.status,
            "other_meetings": list(self.other_meetings),
            "topics": list(self.topics),
            "first_date": self.first_date,
            "last_date": self.last_date,
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

    ``visits``: the CONSULT occurrences of a mediator with one of the parties (those of the
    track's mediator count). ``people``: by occurrence id, the persons named around its reports
    (the store keeps them); a round's delegations are those on the parties' or the mediator's
    side. The store keeps a ``TrackLedger`` instead and feeds it only what changed: this is the
    same ledger fed everything at once."""
    from dragoman.tracks.ledger import TrackLedger

    ledger = TrackLedger(parties, settings)
    ledger.put_members(members, people or {})
    if ledger.mediator:
        ledger.set_visits(ledger.mediator, visits)
    known = {o.id: o for o in (*members, *visits)}
    return ledger.track(lambda ids: {i: known[i] for i in ids})


def make_round(
    number: int, group: Sequence[Occurrence], lead: Occurrence, deals: Sequence[str], people: tuple[Delegate, ...]
) -> Round:
    """Round ``number`` from its meetings (``lead`` speaks for it), the agreements reached at it
    and the people on the sides of the track named around it."""
    e = lead.event
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
            if actor is not None and is_person(actor):
                doc = o.event.sources[0].doc_id if o.event.sources else ""
                seen.setdefault(
                    (actor.country or "", actor.name),
                    Delegate(name=actor.name, title=actor.title, side=actor.country or "?", doc_id=doc),
                )
    return tuple(seen[k] for k in sorted(seen))


def is_person(actor: Actor) -> bool:
    """A named person, or an actor given a title: a delegate, not a party's name."""
    return actor.kind == "person" or bool(actor.title)
