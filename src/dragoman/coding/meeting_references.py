"""Meetings told again by a definite noun ("whose government hosted the talks"), read once the
whole article is coded: the report takes the day, round and mediator of the last meeting the
article reported between the same parties, when it has no day of its own. Its place stays its own
(the round's place is read from the reports that name one). Patterns in
data/coding/meeting_references.yaml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from dragoman.coding._datafile import data_path, load_mapping
from dragoman.datafile import where
from dragoman.errors import DataFileError
from dragoman.model import Event


@dataclass(frozen=True, slots=True)
class MeetingRules:
    types: frozenset[str]
    told_before: re.Pattern[str]


@functools.cache
def meeting_rules(path: str | None = None) -> MeetingRules:
    """``meeting_references.yaml`` (or the file at ``path``), checked and compiled."""
    file = Path(path) if path else data_path("meeting_references.yaml")
    data = load_mapping(file)
    types, told = data.get("types"), data.get("told_before")
    if not isinstance(types, list) or not isinstance(told, str):
        raise DataFileError(
            f"{where(file, data)}: needs `types` (a list of PLOVER types) and `told_before` (a "
            "regex); see the comments in the packaged file"
        )
    try:
        pattern = re.compile(told, re.IGNORECASE)
    except re.error as e:
        raise DataFileError(f"{where(file, data)}: bad regex ({e}); fix the pattern") from e
    return MeetingRules(frozenset(map(str, types)), pattern)


def with_meetings_told_again(events: list[Event], rules: MeetingRules | None = None) -> list[Event]:
    """``events`` (one article's, in text order) with each undated meeting told again by a definite
    noun completed from the meeting it tells again."""
    rules = rules or meeting_rules()
    out = list(events)
    for i, event in enumerate(out):
        if not _told_again(event, rules):
            continue
        earlier = next((e for e in reversed(out[:i]) if _same_meeting(e, event)), None)
        if earlier is not None:
            out[i] = replace(
                event,
                date=earlier.date,
                round=earlier.round,
                mediator=event.mediator or earlier.mediator,
            )
    return out


def _told_again(event: Event, rules: MeetingRules) -> bool:
    return (
        event.event_type in rules.types
        and event.status == "occurred"
        and event.round is None
        and (event.date is None or event.date.precision is None)
        and bool(event.trigger and rules.told_before.search(event.trigger.strip()))
    )


def _same_meeting(earlier: Event, later: Event) -> bool:
    """A dated meeting that happened, between the later report's parties."""
    return (
        earlier.event_type == later.event_type
        and earlier.status == "occurred"
        and earlier.date is not None
        and earlier.date.precision in ("day", "week")
        and _sides(earlier) == _sides(later)
    )


def _sides(event: Event) -> frozenset[str]:
    return frozenset(
        a.country or a.name
        for a in event.participants
        if a.role not in ("mediator", "intermediary", "host")
    )
