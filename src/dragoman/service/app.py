"""``create_app(db, token=None)``: the FastAPI app over one store file.

reader (mode=ro connections, one per thread) ──► /events /events/{id} /reports /actors /articles/{id} /export
intake (the one Store writer, behind a lock) ──► POST /ingest
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from dragoman.errors import ConfigError
from dragoman.ingest.fetch import FetchOptions
from dragoman.options import Options

log = logging.getLogger(__name__)

MIN_TOKEN_CHARS = 16
INSTALL_HINT = "the REST API needs the [service] extra: pip install 'dragoman[service]'"


def create_app(
    db: str | Path,
    token: str | None = None,
    *,
    fetch_options: FetchOptions | None = None,
    options: Options | None = None,
    query_seconds: float = 10.0,
) -> Any:
    """A FastAPI app serving the store at ``db`` (created and migrated if needed).

    Args:
        db: the SQLite file or a postgresql:// URL; readers open it read-only, the app keeps the one writer.
        token: the bearer token POST /ingest requires; None disables POST /ingest.
        fetch_options: limits of the URL fetcher (tests name their local server as trusted here).
        options: pipeline options for POST /ingest.
        query_seconds: a read query running longer is stopped with a 503.

    Raises:
        ConfigError: FastAPI is missing, the token is too short, or ``db`` is ``:memory:``.
    """
    try:
        from fastapi import FastAPI
    except ImportError as e:
        raise ConfigError(INSTALL_HINT) from e
    from dragoman.service import dashboard, routes_export, routes_ingest, routes_read
    from dragoman.service.errors import install_handlers
    from dragoman.service.intake import Intake
    from dragoman.service.security import SecurityHeaders, install_docs
    from dragoman.service.state import ServiceState
    from dragoman.store import open_store

    if str(db) == ":memory:":
        raise ConfigError("the server needs a database file, not :memory:; pass --db FILE")
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise ConfigError(
            f"the ingest token is shorter than {MIN_TOKEN_CHARS} characters; make one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(24))'"
        )
    store = open_store(db)
    state = ServiceState(
        reader=_reader(db, query_seconds),
        intake=Intake(store, fetch_options=fetch_options, options=options),
        token=token,
    )

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        _settle_heap()
        yield
        state.intake.close()

    app = FastAPI(
        title="dragoman",
        version=_version(),
        summary="News about diplomacy and conflict in, evidence-backed events out.",
        description="Every event comes with the sentences that prove it. See docs/api.md.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.dragoman = state
    install_handlers(app)
    app.add_middleware(SecurityHeaders)
    for module in (routes_read, routes_export, routes_ingest):
        app.include_router(module.router)
    dashboard.install(app, db)  # /tracks and the web dashboard under /ui, on their own read stores
    install_docs(app)
    return app


def _settle_heap() -> None:
    """Load the tables requests read (types, country names and codes), then leave what is alive at
    start-up out of the garbage collector's full passes (``gc.freeze``): a dashboard page makes a
    few thousand objects, and the full passes they trigger over the whole heap took 60-70 ms
    (a twin's p99 at a million events: 80 ms of CPU, 15 ms once frozen)."""
    from dragoman.service import dashboard_graphs, dashboard_views, params

    dashboard_views.event_types()
    dashboard_views.country_name("USA")
    dashboard_graphs.iso_numeric("USA")  # pycountry's tables
    params.plover_types()
    gc.collect()
    gc.freeze()


def _reader(db: str | Path, query_seconds: float) -> Any:
    """The read side: SQLite's hand-steered Reader, or its PostgreSQL twin for a postgresql:// URL."""
    from dragoman.service.reader import Reader
    from dragoman.store import is_postgres_url

    if is_postgres_url(db):
        from dragoman.service.reader_pg import PostgresReader

        return PostgresReader(str(db), query_seconds=query_seconds)
    return Reader(db, query_seconds=query_seconds)


def _version() -> str:
    try:
        return version("dragoman")
    except PackageNotFoundError:
        return "0"
