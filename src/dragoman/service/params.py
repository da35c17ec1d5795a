"""Query parameters: checked once, turned into ``EventFilters``, with 422s that name the fix.

The cursor is opaque to clients: base64url of the last event's sort key, the order and a digest of
the filters, so a cursor pasted onto another query is refused instead of silently skipping events.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import astuple
from datetime import date
from typing import Any
from urllib.parse import urlencode

from dragoman.model import STATUSES
from dragoman.service.errors import ApiError, bad_parameter
from dragoman.service.eventsql import EventFilters, Position

FILTER_PARAMS = (
    "actor",
    "country",
    "type",
    "status",
    "from",
    "to",
    "date",
    "track",
    "text",
    "order",
)
MAX_TEXT = 200
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^([A-Z]{3})(?: ([A-Z]{3}))?$")
_ISO3 = re.compile(r"^[A-Za-z]{3}$")


def check_known(given: Iterable[str], allowed: Iterable[str]) -> None:
    """A misspelt parameter (``stauts=``) is an error, not a filter silently ignored."""
    known = set(allowed)
    unknown = sorted(set(given) - known)
    if unknown:
        raise ApiError(
            422, "invalid_parameter",
            f"unknown parameter {', '.join(unknown)}; known: {', '.join(sorted(known))}",
            problems=[{"parameter": name, "message": "unknown parameter", "value": None} for name in unknown],
        )  # fmt: skip


def event_filters(
    *,
    actor: str | None = None,
    country: str | None = None,
    event_type: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    on: str | None = None,
    track: str | None = None,
    text: str | None = None,
) -> EventFilters:
    """Validate the raw query values (None when absent) into filters."""
    start = check_date("from", since)
    end = check_date("to", until)
    day = check_date("date", on)
    if day is not None:
        if start is not None or end is not None:
            raise bad_parameter("date", "give either date or from/to, not both", on)
        start = end = day
    if start is not None and end is not None and start > end:
        raise bad_parameter("from", f"{start} is after to={end}; swap them", since)
    return EventFilters(
        actor_code=_actor_code(actor),
        actor_name=_text("actor", actor)
        if actor is not None and _actor_code(actor) is None
        else None,
        country=_country(country),
        event_type=_event_type(event_type),
        status=_status(status),
        since=start,
        until=end,
        track=_text("track", track),
        text=_text("text", text),
    )


def newest_first(order: str | None) -> bool:
    if order is None or order == "asc":
        return False
    if order == "desc":
        return True
    raise bad_parameter(
        "order", "use asc (oldest first, the default) or desc (newest first)", order
    )


def encode_cursor(position: Position, filters: EventFilters, descending: bool) -> str:
    payload = {
        "d": position.date,
        "i": position.id,
        "o": "desc" if descending else "asc",
        "q": _digest(filters),
    }
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, filters: EventFilters, descending: bool) -> Position | None:
    if cursor is None:
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        position = Position(payload["d"], payload["i"])
        ok = isinstance(position.id, str) and (
            position.date is None or isinstance(position.date, str)
        )
        same_query = payload["q"] == _digest(filters) and payload["o"] == (
            "desc" if descending else "asc"
        )
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError) as e:
        raise bad_parameter(
            "cursor", "not a cursor from this API; use next_cursor from a previous page", cursor
        ) from e
    if not ok:
        raise bad_parameter(
            "cursor", "not a cursor from this API; use next_cursor from a previous page", cursor
        )
    if not same_query:
        raise bad_parameter(
            "cursor", "the cursor belongs to another query; keep the same filters and order", cursor
        )
    return position


def next_url(request: Any, cursor: str | None) -> str | None:
    """The request's URL with ``cursor`` in place of its own (None for no next page)."""
    if cursor is None:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    return f"{request.url.path}?{urlencode([*params, ('cursor', cursor)])}"


def _digest(filters: EventFilters) -> str:
    return hashlib.sha256(repr(astuple(filters)).encode()).hexdigest()[:12]


def check_date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not _DATE.match(value):
        raise bad_parameter(name, f"{value!r} is not a date; use YYYY-MM-DD", value)
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as e:
        raise bad_parameter(name, f"{value!r} is not a calendar date ({e})", value) from e


def _text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise bad_parameter(name, "is empty; leave it out to match everything", value)
    if len(value) > MAX_TEXT:
        raise bad_parameter(name, f"is longer than {MAX_TEXT} characters", value[:MAX_TEXT] + "…")
    if "\x00" in value:
        raise bad_parameter(name, "contains a NUL character", value.replace("\x00", "\\0"))
    return value


def _actor_code(actor: str | None) -> tuple[str, str | None] | None:
    match = _CODE.match(actor.strip()) if actor else None
    return (match[1], match[2]) if match else None


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    if not _ISO3.match(value):
        raise bad_parameter(
            "country", f"{value!r} is not an ISO 3166 alpha-3 code; use e.g. IRN or CHE", value
        )
    return value.upper()


def _event_type(value: str | None) -> str | None:
    if value is None:
        return None
    types = plover_types()
    if value.upper() not in types:
        raise bad_parameter(
            "type", f"{value!r} is not a PLOVER type; use one of {', '.join(types)}", value
        )
    return value.upper()


def _status(value: str | None) -> str | None:
    if value is None:
        return None
    if value.lower() not in STATUSES:
        raise bad_parameter(
            "status", f"{value!r} is not a status; use one of {', '.join(STATUSES)}", value
        )
    return value.lower()


@functools.cache
def plover_types() -> tuple[str, ...]:
    from dragoman.coding.ontology import load_ontology

    return tuple(load_ontology().types)
