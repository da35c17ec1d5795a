"""Where a trip goes and what it is for: a visit to a government, or travel to a meeting.

    Match ("travel to") + SentenceActors + cues.yaml trip_* --read_trip--> Trip(hosts | meeting)

A visit (CAMEO 042/043) needs a host that is a government: an actor named right after the verb
("visited Iran", "visited Muscat"), or a destination that is a country or a seat of government
("travel to Baku"; governments.py). A city that is only a venue ("arrive in Geneva") hosts
nothing. A trip to a meeting between others is no visit either ("would travel to Switzerland for
the meeting"): it is that meeting when the meeting's other side is named ("will travel to Geneva
... to lead his delegation at Tuesday's talks with the United States": the traveller's side and
the United States meet in Geneva), else nothing. Offsets are the sentence's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dragoman.coding.governments import seat_of
from dragoman.coding.lexicon import Cues
from dragoman.coding.mentions import PlaceAt, SentenceActors, unique_actors
from dragoman.coding.rules import Match
from dragoman.model import Actor

__all__ = ["Trip", "TripMeeting", "read_trip"]

_COORDINATED_PLACE = re.compile(r"\s*(?:,|and|,\s*and)\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TripMeeting:
    """The meeting a trip is for: who meets (the traveller first), where, and its own words."""

    parties: tuple[Actor, ...]
    destination: PlaceAt | None
    span: tuple[int, int]  # "at Tuesday's nuclear talks with the United States": its date, round
    cameo: str  # 046 talks, 040 meeting


@dataclass(frozen=True, slots=True)
class Trip:
    hosts: tuple[tuple[Actor, PlaceAt | None], ...] = ()  # one visit per host, with its place
    meeting: TripMeeting | None = None


@dataclass(frozen=True, slots=True)
class _Purpose:
    start: int
    end: int  # the meeting word, or the last side named after it
    cameo: str
    known: bool  # "the meeting", "Tuesday's talks": a meeting the reader already knows
    sides: tuple[Actor, ...]  # actors named with the meeting ("talks with the US")


def read_trip(
    match: Match,
    hi: int,
    actors: SentenceActors,
    traveller: Actor,
    near: list[Actor],
    sentence: str,
    cues: Cues | None,
) -> Trip:
    """The hosts a trip visits, or the meeting it is for.

    ``hi``: where the trip's scope ends; ``near``: actors named right after the verb.
    """
    places = {
        p.place.country: p
        for p in reversed(actors.places)
        if match.start <= p.start and p.end <= hi and p.place.country
    }
    destinations = _destinations(match, hi, actors, sentence)
    hosts = list(near)
    for p in destinations:
        host = seat_of(p.place)
        if host is not None and not any(h.country == host.country for h in hosts):
            hosts.append(host)
            places.setdefault(host.country, p)
    purpose = _purpose(match, actors, sentence, cues)
    if (
        purpose is not None
        and (purpose.sides or purpose.known)
        and not {a.country for a in purpose.sides} & {h.country for h in hosts}
    ):
        parties = unique_actors([traveller, *(a for a in purpose.sides if a.country)])
        if len({a.country for a in parties}) < 2:
            return Trip()  # "hold separate meetings with each delegation": whose is not said
        return Trip(
            meeting=TripMeeting(
                parties=parties,
                destination=destinations[0] if destinations else None,
                span=(purpose.start, purpose.end),
                cameo=purpose.cameo,
            )
        )
    seen = {traveller.country}
    visits = []
    for host in hosts:
        if host.country not in seen:
            seen.add(host.country)
            visits.append((host, places.get(host.country)))
    return Trip(hosts=tuple(visits))


def _destinations(match: Match, hi: int, actors: SentenceActors, sentence: str) -> list[PlaceAt]:
    """Places after "to"/"in" following the trigger, and those coordinated with them ("to Baku
    and Yerevan"); not "talks with the United States" further on."""
    out: list[PlaceAt] = []
    for p in actors.places:
        if not (match.start <= p.start and p.end <= hi and p.place.country):
            continue
        if p.preposition in actors.destination_prepositions or (
            out and _COORDINATED_PLACE.fullmatch(sentence, out[-1].end, p.start)
        ):
            out.append(p)
    return out


def _purpose(
    match: Match, actors: SentenceActors, sentence: str, cues: Cues | None
) -> _Purpose | None:
    """The meeting a trip is for ("for the meeting", "at Tuesday's talks with the United
    States", "and hold separate meetings with each delegation"), read up to a clause boundary."""
    if cues is None or cues.trip_purpose is None:
        return None
    stop = cues.trip_stops.search(sentence, match.end) if cues.trip_stops is not None else None
    hi = stop.start() if stop else len(sentence)
    m = cues.trip_purpose.search(sentence, match.end, hi)
    if m is None:
        return None
    with_ = cues.trip_with.match(sentence, m.end(), hi) if cues.trip_with is not None else None
    named = [
        p
        for p in actors.principals
        if (m.start() <= p.start and p.end <= m.end())  # "for US-Iran talks"
        or (with_ is not None and with_.end() <= p.start and p.end <= hi)
    ]
    return _Purpose(
        start=m.start(),
        end=max([m.end(), *(p.end for p in named)]),
        cameo="046" if m.group("meeting").lower() in cues.trip_talks else "040",
        known=bool(m.group("det")),
        sides=tuple(p.actor for p in named),
    )


