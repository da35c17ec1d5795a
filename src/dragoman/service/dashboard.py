"""The web dashboard: pages under /ui, each with a JSON twin under /ui/api, and /tracks.

    /ui/timeline        /ui/api/timeline        canonical events in time, filterable
    /ui/tracks          /ui/api/tracks          negotiation tracks, rounds on a line
    /ui/network         /ui/api/network         who meets, mediates, sanctions whom
    /ui/map             /ui/api/map             venues and event locations (offline shapes)
    /ui/events/{id}     /ui/api/events/{id}     the evidence: sentences in their articles

A page is the fixed file ``static/ui/page.html`` with the page's name filled in from the constants
below, never from data; its script fetches the twin with the page's query string and builds the
page with DOM calls. Scripts, styles, fonts and map shapes are served from the package
(``static/ui``, libraries vendored from npm: see ``static/ui/vendor/README.md``), so the
dashboard works offline and under a Content-Security-Policy that allows nothing else.
"""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse

from dragoman.service import dashboard_graphs, dashboard_views, tracks
from dragoman.service.dashboard_pool import StorePool, pool_of
from dragoman.service.errors import ApiError
from dragoman.service.params import check_known, next_url
from dragoman.service.state import state_of

UI = Path(__file__).parent / "static" / "ui"
PAGES = {  # name -> title
    "timeline": "Timeline",
    "tracks": "Tracks",
    "network": "Actor network",
    "map": "Map",
    "events": "Evidence",
}

router = APIRouter()


def install(app: Any, db: str | Path) -> None:
    """Add /tracks and the dashboard to ``app``, with read stores closed when the app stops."""
    pool = StorePool(db)
    app.state.dragoman_reads = pool
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a: Any) -> AsyncIterator[Any]:
        async with inner(a) as state:
            yield state
        pool.close()

    app.router.lifespan_context = lifespan
    app.include_router(tracks.router)
    app.include_router(router)


# -- pages --------------------------------------------------------------------------------------


@router.get("/", include_in_schema=False)
@router.get("/ui", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/ui/timeline", status_code=307)


@router.get("/ui/events/{event_id}", include_in_schema=False)
def evidence_page(event_id: str) -> HTMLResponse:
    return page("events")


@router.get("/ui/{name}", include_in_schema=False)
def named_page(name: str) -> HTMLResponse:
    if name not in PAGES or name == "events":
        raise ApiError(404, "not_found", f"no dashboard page {name!r}; pages: {', '.join(PAGES)}")
    return page(name)


def page(name: str) -> HTMLResponse:
    shell = (UI / "page.html").read_text(encoding="utf-8")
    filled = shell.replace("{{page}}", html.escape(name)).replace(
        "{{title}}", html.escape(PAGES[name])
    )
    return HTMLResponse(filled, headers={"Cache-Control": "no-cache"})


@router.get("/ui/static/{path:path}", include_in_schema=False)
def static(path: str) -> FileResponse:
    """A file of ``static/ui``; anything resolving outside it is a 404."""
    target = (UI / path).resolve()
    if not target.is_relative_to(UI.resolve()) or not target.is_file() or path.endswith(".html"):
        raise ApiError(404, "not_found", f"no static file {path!r}")
    return FileResponse(target, headers={"Cache-Control": "public, max-age=3600"})


# -- JSON twins ---------------------------------------------------------------------------------


@router.get("/ui/api/timeline", tags=["dashboard"])
def timeline_data(request: Request) -> JSONResponse:
    """The timeline page's data: a page of the canonical events matching type, status, actor, from,
    to, track and q (words in an evidence sentence), in the order of /events, at most ``limit``
    (default 100, up to 1000), with ``next_cursor`` for the page after and the filter choices."""
    filters = dashboard_views.parse_filters(request.query_params)
    return _json(dashboard_views.timeline(state_of(request).reader, filters, lambda cursor: next_url(request, cursor)))


@router.get("/ui/api/tracks", tags=["dashboard"])
def tracks_data(request: Request) -> dict[str, Any]:
    """The tracks page's data: each track with named parties, rounds, delegations and outlets."""
    check_known(request.query_params.keys(), ())
    with pool_of(request).store() as store:
        return dashboard_graphs.tracks_view(store)


@router.get("/ui/api/network", tags=["dashboard"])
def network_data(request: Request) -> JSONResponse:
    """The network page's data: actors as nodes, events between them as edges by type (MEDIATE for
    a mediator and each party), over a page of the events the timeline would list; its filters,
    ``limit`` and ``cursor`` apply."""
    filters = dashboard_views.parse_filters(request.query_params)
    return _json(dashboard_graphs.network(state_of(request).reader, filters, lambda cursor: next_url(request, cursor)))


@router.get("/ui/api/map", tags=["dashboard"])
def map_data(request: Request) -> JSONResponse:
    """The map page's data: located events grouped by place, counts per country, round venues,
    and the path of the country shapes, over a page of the events the timeline would list; its
    filters, ``limit`` and ``cursor`` apply."""
    filters = dashboard_views.parse_filters(request.query_params)
    return _json(dashboard_graphs.places(state_of(request).reader, filters, lambda cursor: next_url(request, cursor)))


@router.get(
    "/ui/api/events/{event_id}",
    tags=["dashboard"],
    responses={404: {"description": "No such event."}},
)
def evidence_data(request: Request, event_id: str) -> dict[str, Any]:
    """The evidence page's data: the canonical event, and each reporting article's clean text with
    the offsets of its evidence sentences, outlet and attribution."""
    with pool_of(request).store() as store:
        return dashboard_views.evidence(store, event_id)


def _json(body: dict[str, Any]) -> JSONResponse:
    """The body as JSON as it is: FastAPI's encoder walks a dict it is given again, item by item,
    which for a page of 100 events took 9 ms, most of a twin's own time."""
    return JSONResponse(body)
