"""/tracks, /tracks/{id} and /tracks/{id}/brief: negotiation processes, their rounds and briefs.

A track is the store's record (``Store.tracks()``, the same as ``dragoman track ID --json``); its
member canonical events come with it, and the brief is ``dragoman brief``'s, as JSON or Markdown.
The models below are the contract shown at /docs; fields the store adds later pass through.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field

from dragoman.fuse import Occurrence
from dragoman.service.dashboard_pool import pool_of
from dragoman.service.errors import ApiError
from dragoman.store import Store
from dragoman.tracks.brief import make_brief, render_markdown

router = APIRouter(tags=["tracks"])

Record = dict[str, Any]
_NOT_FOUND = {404: {"description": "No track with that id, id prefix or parties."}}


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Delegate(_Open):
    name: str
    title: str | None
    side: str = Field(description="The party's code (IRN), or the mediator's.")
    doc_id: str = Field(description="The article naming this person (/articles/{doc_id}).")


class Round(_Open):
    round: int
    status: str = Field(description="planned, occurred, ongoing, postponed, cancelled...")
    date: str | None
    date_precision: str | None
    city: str | None
    country: str | None = Field(description="ISO3 code of the venue's country.")
    mediator: str | None
    meetings: list[str] = Field(description="Canonical event ids of the round's meeting(s).")
    agreements: list[str]
    topics: list[str]
    delegations: list[Delegate]
    sources: list[str] = Field(description="Ids of the articles reporting the round.")
    status_history: list[Record]


class StatusPoint(_Open):
    reported: str | None = Field(description="Publication date of the report that changed it.")
    status: str
    doc_id: str
    outlet: str | None
    because: str = Field(description='What changed it, e.g. "round 2 planned".')


class Track(_Open):
    id: str
    name: str
    parties: list[str]
    names: dict[str, str] = Field(description="Party and mediator codes -> names.")
    mediator: str | None
    status: str
    status_history: list[StatusPoint]
    rounds: list[Round]
    members: list[str] = Field(description="Ids of every canonical event in the track.")
    other_meetings: list[str] = Field(
        description="Denied or hypothetical meetings, messages, visits."
    )
    topics: list[str]
    first_date: str | None
    last_date: str | None
    sources: list[str]


class TrackList(BaseModel):
    tracks: list[Track]
    count: int


class TrackDetail(BaseModel):
    track: Track
    events: list[Record] = Field(
        description="The member canonical events (docs/record.md, with reports, status history and"
        " contradictions), in date order."
    )
    links: dict[str, str]


class BriefLine(_Open):
    text: str
    sources: list[str] = Field(description='Citations such as "Alpine Wire 2026-02-13".')


class Brief(_Open):
    track: str
    title: str
    status: str
    next_round: BriefLine | None
    delegations: list[BriefLine]
    agenda: list[Record]
    earlier_rounds: list[BriefLine]
    status_history: list[BriefLine]
    background: list[BriefLine]
    open_questions: list[BriefLine]


@router.get("/tracks", response_model=TrackList)
def tracks(request: Request) -> dict[str, Any]:
    """Every negotiation track, oldest first: parties, mediator, status, rounds with venues."""
    with pool_of(request).store() as store:
        found = store.tracks()
    return {"tracks": found, "count": len(found)}


@router.get("/tracks/{track_id}", response_model=TrackDetail, responses=_NOT_FOUND)
def track(request: Request, track_id: str) -> dict[str, Any]:
    """One track (by id, id prefix or parties such as IRN+USA) with its member canonical events."""
    with pool_of(request).store() as store:
        record = find_track(store, track_id)
        members = member_events(store, record)
    events = sorted(members.values(), key=_date_key)
    return {
        "track": record,
        "events": [o.to_dict() for o in events],
        "links": {
            "brief": f"/tracks/{record['id']}/brief",
            "events": f"/ui/api/timeline?track={record['id']}",
            "dashboard": f"/ui/tracks#{record['id']}",
        },
    }


@router.get(
    "/tracks/{track_id}/brief",
    response_model=Brief,
    responses={**_NOT_FOUND, 200: {"content": {"text/markdown": {}}}},
)
def track_brief(
    request: Request,
    track_id: str,
    format: Annotated[
        Literal["json", "md"],
        Query(description="json (default) or md (Markdown, as `dragoman brief`)."),
    ] = "json",
) -> Any:
    """What to expect at the track's next round: every line a filled template with its sources."""
    with pool_of(request).store() as store:
        record = find_track(store, track_id)
        brief = make_brief(record, member_events(store, record), store.track_context(record["id"]))
    if format == "md":
        return PlainTextResponse(render_markdown(brief), media_type="text/markdown; charset=utf-8")
    return brief


def find_track(store: Store, track_id: str) -> dict[str, Any]:
    record = store.track(track_id)
    if record is None:
        raise ApiError(404, "not_found", f"no track {track_id!r}; list them at /tracks")
    return record


def member_events(store: Store, record: dict[str, Any]) -> dict[str, Occurrence]:
    """The track's canonical events by id (an id merged away since is skipped)."""
    found = {}
    for member in record.get("members") or []:
        occurrence = store.occurrence(member)
        if occurrence is not None:
            found[member] = occurrence
    return found


def _date_key(o: Occurrence) -> tuple[str, str]:
    d = o.event.date
    return ((d.start or d.end or "") if d else "\uffff", o.id)
