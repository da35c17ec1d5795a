"""The agenda of an article's talks: topics from the sentences that say what the talks are about.

    with_agenda(events, views, cues) -> events

A report of a meeting names its subject only sometimes ("a second round of talks on Tehran's
nuclear programme"); the rest of the article often says it apart: "those talks, which are focused
on Iran's nuclear programme and on sanctions", "sanctions relief must be part of any
understanding". A sentence with an agenda cue (``agenda`` in data/coding/cues.yaml) gives its
topics to the article's talks still to come (or, with none, to those held), only when all its
talks are between one set of parties (an article on two tracks cannot say whose agenda it is) and
only talks, not messages carried between the sides. In a sentence that also says what is *not* on the agenda, only the words from the first
positive cue on count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from dragoman.coding import evidence as ev
from dragoman.coding.lexicon import Cues
from dragoman.model import Event, SentenceView

_LIVE = frozenset({"planned", "occurred", "ongoing", "postponed"})


def with_agenda(events: list[Event], views: Sequence[SentenceView], cues: Cues) -> list[Event]:
    agenda = cues.agenda
    if agenda is None:
        return events
    talks = [e for e in events if _is_talks(e)]
    if not talks or len({_sides(e) for e in talks}) != 1:
        return events
    ahead = [e for e in talks if e.status != "occurred"]
    talks = ahead or talks  # what is said about the talks is about those still to come
    found: list[str] = []
    for view in views:
        for tag in _agenda_topics(view.sentence.text, agenda, cues):
            if tag not in found:
                found.append(tag)
    if not found:
        return events
    ids = {e.id for e in talks}
    return [
        replace(e, topics=tuple(dict.fromkeys((*e.topics, *found)))) if e.id in ids else e
        for e in events
    ]


def _agenda_topics(text: str, agenda: re.Pattern[str], cues: Cues) -> tuple[str, ...]:
    cue = agenda.search(text)
    if cue is None:
        return ()
    if cues.agenda_negated is not None and cues.agenda_negated.search(text):
        text = text[cue.start() :]  # "X is not on the agenda of those talks, which are focused on"
    return ev.topics(cues, text)


def _is_talks(event: Event) -> bool:
    carried = event.mediator is not None and event.mediator.role == "intermediary"
    return (
        event.event_type == "CONSULT" and event.status in _LIVE and not carried and len(_sides(event)) >= 2
    )


def _sides(event: Event) -> frozenset[str]:
    return frozenset(a.country for a in event.participants if a.country)
