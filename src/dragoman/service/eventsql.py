"""What a page of /events or /reports is asked for: the filters, and the keyset position.

Pages are in sort-key order ``(coalesce(date_start, date_end), id)``, dated events first, undated
ones after by id (the statements are in canonical_sqlite.py and reader_pg.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilters:
    """The /events filters; every field is optional and they combine with AND."""

    actor_code: tuple[str, str | None] | None = None  # ("IRN", "GOV") or ("IRN", None)
    actor_name: str | None = None  # a name prefix, case-insensitive
    country: str | None = None  # ISO3 of the event's location
    event_type: str | None = None
    status: str | None = None
    since: str | None = None  # on the event's date key: its start date, else its end date
    until: str | None = None
    track: str | None = None
    text: str | None = None  # words in an evidence sentence


@dataclass(frozen=True, slots=True)
class Position:
    """Where a page ends: the sort key of its last event (``date`` None for an undated event)."""

    date: str | None
    id: str


@dataclass(slots=True)
class EventPage:
    records: list[dict[str, Any]] = field(default_factory=list)
    next: Position | None = None
