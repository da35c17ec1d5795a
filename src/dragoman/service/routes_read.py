"""Read endpoints: /health, /events, /events/{id}, /reports, /reports/{id}, /actors, /articles/{id}.

/events lists canonical events (``occurrences``: each real-world event once); /reports the
per-article records fusion merged into them. JSON unless CSV is asked.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from dragoman.export import write_csv
from dragoman.model import Event, event_from_dict
from dragoman.service import schemas
from dragoman.service.errors import ApiError, bad_parameter
from dragoman.service.eventsql import EventFilters, EventPage, Position
from dragoman.service.params import (
    FILTER_PARAMS,
    check_known,
    decode_cursor,
    encode_cursor,
    event_filters,
    newest_first,
    next_url,
)
from dragoman.service.state import state_of
from dragoman.store.fusion import occurrence_from_dict

router = APIRouter()

MAX_LIMIT = 1000


@router.get("/health", response_model=schemas.Health, tags=["service"])
def health(request: Request) -> dict[str, Any]:
    """Liveness and the store's schema version; says whether POST /ingest is enabled."""
    state = state_of(request)
    return {
        "status": "ok",
        "schema_version": state.reader.schema_version(),
        "ingest_enabled": state.token is not None,
    }


@dataclass(frozen=True, slots=True)
class PageRequest:
    """A checked /events or /reports query: filters, order, page size, cursor position, format."""

    filters: EventFilters
    newest_first: bool
    limit: int
    after: Position | None
    as_csv: bool


def page_request(
    request: Request,
    actor: Annotated[
        str | None,
        Query(description="A code (IRN), code and sector ('IRN GOV'), or a name prefix (Oman)."),
    ] = None,
    country: Annotated[str | None, Query(description="ISO3 code of the event's location (CHE).")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type (CONSULT).")] = None,
    status: Annotated[
        str | None,
        Query(description="planned, occurred, ongoing, postponed, cancelled, denied, hypothetical."),
    ] = None,
    since: Annotated[str | None, Query(alias="from", description="Events dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(alias="to", description="Events dated on or before YYYY-MM-DD.")] = None,
    date: Annotated[str | None, Query(description="Events dated on YYYY-MM-DD (instead of from/to).")] = None,
    track: Annotated[str | None, Query(description="A negotiation track id (arm-aze-2026; see /tracks).")] = None,
    text: Annotated[
        str | None, Query(description="Words in an evidence sentence (all of them, as whole words).")
    ] = None,
    order: Annotated[
        str | None,
        Query(description="asc (oldest first, default) or desc (newest first); undated events come last."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Events per page.")] = 50,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    format: Annotated[str | None, Query(description="json (default) or csv; or send Accept: text/csv.")] = None,
) -> PageRequest:
    check_known(request.query_params.keys(), (*FILTER_PARAMS, "limit", "cursor", "format"))
    as_csv = _wants_csv(request, format)
    filters = event_filters(actor=actor, country=country, event_type=type, status=status, since=since, until=until,
                            on=date, track=track, text=text)  # fmt: skip
    descending = newest_first(order)
    after = decode_cursor(cursor, filters, descending)
    return PageRequest(filters, descending, limit, after, as_csv)


@router.get("/events", response_model=schemas.EventPage, tags=["events"],
            responses={200: {"content": {"text/csv": {}}}})  # fmt: skip
def events(request: Request, q: Annotated[PageRequest, Depends(page_request)]) -> Response:
    """Canonical events (each real-world event once, however many articles reported it) matching
    every filter given, a page at a time in date order (keyset pagination)."""
    reader = state_of(request).reader
    page = reader.occurrence_page(q.filters, after=q.after, limit=q.limit, newest_first=q.newest_first)
    return _page_response(request, q, page, lambda r: occurrence_from_dict(r).event)


@router.get("/reports", response_model=schemas.EventPage, tags=["events"],
            responses={200: {"content": {"text/csv": {}}}})  # fmt: skip
def reports(request: Request, q: Annotated[PageRequest, Depends(page_request)]) -> Response:
    """Per-article reports (one record per article that told of an event, before fusion), with the
    filters and pages of /events; ``GET /events/{report id}`` gives a report's canonical event."""
    reader = state_of(request).reader
    page = reader.event_page(q.filters, after=q.after, limit=q.limit, newest_first=q.newest_first)
    return _page_response(request, q, page, event_from_dict)


def _page_response(request: Request, q: PageRequest, page: EventPage, to_event: Callable[[Any], Event]) -> Response:
    next_cursor = encode_cursor(page.next, q.filters, q.newest_first) if page.next else None
    next_page = next_url(request, next_cursor)
    headers = {"Link": f'<{next_page}>; rel="next"', "X-Next-Cursor": next_cursor} if next_cursor and next_page else {}
    if q.as_csv:
        buf = io.StringIO()
        write_csv((to_event(r) for r in page.records), buf)
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    body = {"events": page.records, "count": len(page.records), "next_cursor": next_cursor, "next": next_page}
    return JSONResponse(body, headers=headers)


@router.get("/events/{event_id}", response_model=schemas.OccurrenceDetail, tags=["events"])
def event(request: Request, event_id: str) -> dict[str, Any]:
    """One canonical event: its record with sources and evidence, its reports and their articles,
    status history and contradictions. An id it had before a merge, the id of one of its reports,
    or an id prefix (8 characters or more) finds it too."""
    check_known(request.query_params.keys(), ())
    found = state_of(request).reader.occurrence(event_id)
    if found is None:
        raise ApiError(404, "not_found", f"no event {event_id!r}; list ids with GET /events")
    return found


@router.get("/reports/{report_id}", response_model=schemas.EventDetail, tags=["events"])
def report(request: Request, report_id: str) -> dict[str, Any]:
    """One per-article report with its sources and evidence (offsets into its article's clean text)."""
    check_known(request.query_params.keys(), ())
    found = state_of(request).reader.event(report_id)
    if found is None:
        raise ApiError(404, "not_found", f"no report {report_id!r}; list ids with GET /reports")
    record, article = found
    return {
        "event": record,
        "article": article,
        "links": {
            "article": f"/articles/{article['id']}" if article else None,
            "event": f"/events/{record['id']}",  # a report's id finds its canonical event
        },
        "status_history": [],
        "contradictions": [],
    }


@router.get("/actors", response_model=schemas.ActorList, tags=["actors"])
def actors(
    request: Request,
    q: Annotated[str | None, Query(description="Name prefix, case-insensitive (Om).", max_length=200)] = None,
    country: Annotated[str | None, Query(description="ISO3 code (OMN).")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
) -> dict[str, Any]:
    """Actors with the number of canonical events they take part in (and per role), most frequent
    first; the store keeps the counts up to date as it fuses new reports."""
    check_known(request.query_params.keys(), ("q", "country", "limit"))
    if country is not None and (len(country) != 3 or not country.isalpha()):
        raise bad_parameter("country", f"{country!r} is not an ISO 3166 alpha-3 code; use e.g. OMN", country)
    prefix = q.strip() if q else None
    return state_of(request).reader.actors(prefix=prefix or None, country=country.upper() if country else None,
                                           limit=limit)  # fmt: skip


@router.get("/articles/{article_id}", response_model=schemas.ArticleDetail, tags=["articles"])
def article(request: Request, article_id: str) -> dict[str, Any]:
    """An article's clean text and the evidence spans of its events as [start, end) offsets."""
    check_known(request.query_params.keys(), ())
    found = state_of(request).reader.article(article_id)
    if found is None:
        raise ApiError(
            404,
            "not_found",
            f"no article {article_id!r}; article ids appear in event evidence (doc_id)",
        )
    return found


def _wants_csv(request: Request, fmt: str | None) -> bool:
    if fmt is not None:
        if fmt not in ("json", "csv"):
            raise bad_parameter("format", "use json or csv", fmt)
        return fmt == "csv"
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "application/json" not in accept

