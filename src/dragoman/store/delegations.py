"""The people named around each event, kept so that a track's rounds can list their delegations.

At save time, each event keeps the persons the article names in the paragraph of its evidence
(with the country, sector and title the understand stage read) whom that paragraph gives a part in
the talks: the report's own named parties or mediator, or people whose sentence says they lead,
chair, join or attend them (``delegate_cue`` of data/tracks/tracks.yaml), not the recipient of a
message told beside them. A delegation told in a paragraph of its own ("The US delegation in Geneva
will be led by A and B") joins the one meeting of the article held where that sentence says and
with the person's country among its sides. A round's delegations are those people across all the
reports of the round, by side.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence

from dragoman.model import ActorMention, Event
from dragoman.store.database import Database
from dragoman.tracks import Delegate
from dragoman.tracks.settings import TrackSettings, track_settings


def save_event_people(
    con: Database, text: str, events: Sequence[Event], people: Sequence[ActorMention]
) -> None:
    if not people or not events:
        return
    breaks = _paragraph_starts(text)
    by_paragraph: dict[int, list[ActorMention]] = {}
    for m in people:
        by_paragraph.setdefault(_paragraph(breaks, m.start), []).append(m)
    settings = track_settings()
    meetings = [e for e in events if e.event_type == "CONSULT"]
    rows = []
    placed: set[int] = set()  # people given a part in one of the events of their paragraph
    for event in events:
        own = {a.name for a in (*event.participants, event.mediator) if a is not None}
        for paragraph in sorted({_paragraph(breaks, ev.start) for ev in event.evidence}):
            for m in by_paragraph.get(paragraph, ()):
                a = m.actor
                if a.name in own or _takes_part(text, m, event, meetings, settings):
                    rows.append((event.id, a.name, a.title, a.country, a.sector))
                    placed.add(m.start)
    for m in people:
        if m.start not in placed:
            a = m.actor
            rows.extend(
                (e.id, a.name, a.title, a.country, a.sector)
                for e in _meeting_named(text, m, meetings, settings)
            )
    con.executemany(
        "INSERT INTO event_people (event_id, name, title, country, sector) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
        rows,
    )


def delegates_of(con: Database, reports: Mapping[str, Iterable[str]]) -> dict[str, list[Delegate]]:
    """For each key (an occurrence id), the people around its reports, one per (side, name), the
    best-titled reading first. One query for all of them: a track asks for every round at once."""
    owner = {r: key for key, ids in reports.items() for r in ids}
    rows = con.execute(
        "SELECT p.event_id, p.name, p.title, p.country, e.article_id FROM event_people p"
        f" JOIN events e ON e.id = p.event_id WHERE {con.in_list('p.event_id')}"
        f" ORDER BY p.country{con.nulls_first}, p.name, p.title IS NULL, length(p.title) DESC, e.article_id,"
        " p.title, p.event_id",
        (con.list_param(sorted(owner)),),
    ) if owner else []  # fmt: skip
    seen: dict[str, dict[tuple[str, str], Delegate]] = {key: {} for key in reports}
    for event_id, name, title, country, doc in rows:
        seen[owner[event_id]].setdefault(
            (country or "?", name), Delegate(name=name, title=title, side=country or "?", doc_id=doc)
        )
    return {key: [found[k] for k in sorted(found)] for key, found in seen.items()}


# A sentence ends at . ! or ? (a closing quote may follow) before a space and a capital or a quote
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“‘])")


def _takes_part(
    text: str, person: ActorMention, event: Event, meetings: Sequence[Event], settings: TrackSettings
) -> bool:
    """Whether the sentence naming the person gives them a part in ``event``'s talks: it says
    they take part, and it is not the report of another meeting only ("Oman's Foreign Minister
    will chair the talks" beside "as in Muscat, where the first round was held": the chair of
    the next round, not of the first)."""
    start, end = _sentence_around(text, person.start, person.end)
    if not settings.names_delegate(text[start:end]):
        return False
    told = [e for e in meetings if any(start <= ev.start < end for ev in e.evidence)]
    return not told or event in told


def _meeting_named(
    text: str, person: ActorMention, meetings: Sequence[Event], settings: TrackSettings
) -> list[Event]:
    """The reports of the one meeting a delegate sentence outside them speaks of: it names the
    meeting's venue (its city or country) and the person's country is one of its sides. Two
    meetings of different sides there ("separate trilateral talks in Geneva") leave it unread."""
    country = person.actor.country
    start, end = _sentence_around(text, person.start, person.end)
    sentence = text[start:end]
    if country is None or not settings.names_delegate(sentence):
        return []
    found = [
        e
        for e in meetings
        if e.location is not None
        and _names_place(sentence, e.location.text, e.location.country)
        and country in {a.country for a in (*e.participants, e.mediator) if a is not None}
    ]
    sides = {frozenset(a.country for a in e.participants) for e in found}
    return found if len(sides) == 1 else []


def _names_place(sentence: str, city: str | None, country: str | None) -> bool:
    names = [n for n in (city, _country_name(country)) if n]
    return any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in names)


def _country_name(code: str | None) -> str | None:
    """The name the actor tables give a country ("Russia", "Kosovo"), as news writes it."""
    # Imported here: only a delegation told apart from its meeting needs the actor tables.
    from dragoman.coding.governments import government

    return government(code).name if code else None


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` holding ``start:end``, within its paragraph."""
    lo = text.rfind("\n\n", 0, start)
    lo = 0 if lo < 0 else lo + 2
    hi = text.find("\n\n", end)
    hi = len(text) if hi < 0 else hi
    begin = lo
    for m in _SENTENCE_END.finditer(text, lo, start + 1):  # + 1: the capital it looks ahead to
        begin = m.end()
    stop = _SENTENCE_END.search(text, end, hi)
    return begin, stop.start() + 1 if stop else hi


def _paragraph_starts(text: str) -> list[int]:
    starts, at = [0], text.find("\n\n")
    while at != -1:
        starts.append(at + 2)
        at = text.find("\n\n", at + 2)
    return starts


def _paragraph(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1
