"""The people named around each event, kept so that a track's rounds can list their delegations.

At save time, each event keeps the persons the article names in the paragraph of its evidence
(with the country, sector and title the understand stage read). A round's delegations are those
people across all the reports of the round, by side.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence

from dragoman.model import ActorMention, Event
from dragoman.store.database import Database
from dragoman.tracks import Delegate


def save_event_people(
    con: Database, text: str, events: Sequence[Event], people: Sequence[ActorMention]
) -> None:
    if not people or not events:
        return
    breaks = _paragraph_starts(text)
    by_paragraph: dict[int, list[ActorMention]] = {}
    for m in people:
        by_paragraph.setdefault(_paragraph(breaks, m.start), []).append(m)
    rows = []
    for event in events:
        for paragraph in sorted({_paragraph(breaks, ev.start) for ev in event.evidence}):
            for m in by_paragraph.get(paragraph, ()):
                a = m.actor
                rows.append((event.id, a.name, a.title, a.country, a.sector))
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


def _paragraph_starts(text: str) -> list[int]:
    starts, at = [0], text.find("\n\n")
    while at != -1:
        starts.append(at + 2)
        at = text.find("\n\n", at + 2)
    return starts


def _paragraph(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1
