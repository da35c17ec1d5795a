"""The REST API over the demo week answers the same from a SQLite and a PostgreSQL store: real
uvicorn servers on 127.0.0.1, the same requests, byte-for-byte the same JSON and CSV."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi", reason="the API tests need the [service] extra: pip install -e '.[service]'")
pytest.importorskip("uvicorn", reason="the API tests need the [service] extra")

from dragoman.service import create_app
from dragoman.store import open_store
from tests.conftest import StoreFactory
from tests.service.conftest import Api, running
from tests.store.conftest import DEMO_OPTIONS, ingest_demo_week

TOKEN = "test-token-0123456789abcdef"
LISTINGS = [
    "limit=7",
    "limit=5&order=desc",
    "type=CONSULT&limit=3",
    "status=planned",
    "actor=IRN%20GOV&limit=4",
    "actor=USA&order=desc&limit=2",
    "actor=om",  # a name prefix, in another case than stored
    "text=TALKS&limit=3",
    "text=50%25",  # LIKE's wildcard is searched for literally
    "from=2026-02-10&to=2026-02-14&limit=4",
    "country=CHE",
    "track=irn-usa-2026&limit=2",
    "text=geneva&order=desc&limit=2",
    "actor=USA&type=CONSULT&from=2026-02-07",
]
EXPORTS = ["csv", "plover-json", "cameo-tsv", "csv?order=desc&type=CONSULT", "csv?reports=true"]


@dataclass(frozen=True)
class Servers:
    sqlite: Api
    postgres: Api
    postgres_url: str  # Api.db is a Path, which would fold the URL's "//"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    from tests.conftest import _skip_without_postgres

    _skip_without_postgres("postgresql")
    pg = StoreFactory("postgresql", tmp_path_factory.mktemp("pg"))
    targets = [str(tmp_path_factory.mktemp("sqlite") / "week.db"), pg.new("api")]
    for db in targets:
        with open_store(db) as store:
            ingest_demo_week(store)
    try:
        with running(create_app(targets[0], TOKEN, options=DEMO_OPTIONS)) as a, \
                running(create_app(targets[1], TOKEN, options=DEMO_OPTIONS)) as b:  # fmt: skip
            yield Servers(Api(a, Path(targets[0])), Api(b, Path(targets[1])), targets[1])
    finally:
        pg.close()


def walk(api: Api, query: str, endpoint: str = "/events") -> list[Any]:
    """Every page of /events?query (or another listing), following next_cursor."""
    pages: list[Any] = []
    path = f"{endpoint}?{query}"
    for _ in range(200):
        reply = api.get(path)
        assert reply.status == 200, reply.text
        pages.append(reply.json())
        if reply.json()["next_cursor"] is None:
            return pages
        path = reply.json()["next"]
    raise AssertionError("pagination did not end")


@pytest.mark.parametrize("endpoint", ["/events", "/reports"])
@pytest.mark.parametrize("query", LISTINGS)
def test_event_pages_are_the_same(servers: Servers, query: str, endpoint: str) -> None:
    sqlite, postgres = servers.sqlite, servers.postgres
    pages = walk(sqlite, query, endpoint)
    assert walk(postgres, query, endpoint) == pages
    if "50" not in query and not (endpoint == "/reports" and "track" in query):  # reports carry no track
        assert pages[0]["events"], f"{query} matches nothing in the demo week: a weak test"


def test_events_and_their_articles_are_the_same(servers: Servers) -> None:
    sqlite, postgres = servers.sqlite, servers.postgres
    events = [e for page in walk(sqlite, "limit=100") for e in page["events"]]
    assert len(events) > 20
    for event in events:
        for path in (f"/events/{quote(event['id'])}", *(f"/reports/{quote(r)}" for r in event["reports"])):
            assert postgres.get(path).json() == sqlite.get(path).json()
    for article_id in sorted({ev["doc_id"] for e in events for ev in e["evidence"]}):
        path = f"/articles/{quote(article_id)}"
        reply = sqlite.get(path)
        assert reply.status == 200 and reply.json()["spans"]
        assert postgres.get(path).json() == reply.json()


@pytest.mark.parametrize("fmt", EXPORTS)
def test_exports_are_the_same(servers: Servers, fmt: str) -> None:
    sqlite, postgres = servers.sqlite, servers.postgres
    reply = sqlite.get(f"/export/{fmt}")
    # a header and rows (the demo week holds 4 fused talks); what counts is that both stores agree
    assert reply.status == 200 and reply.body.count(b"\n") > 3
    assert postgres.get(f"/export/{fmt}").body == reply.body


def test_health_and_actors_are_the_same(servers: Servers) -> None:
    sqlite, postgres = servers.sqlite, servers.postgres
    assert postgres.get("/health").json() == sqlite.get("/health").json()
    assert sqlite.get("/health").json()["schema_version"] >= 5
    for query in ("limit=1000", "q=om", "country=USA"):
        body = sqlite.get(f"/actors?{query}").json()
        assert postgres.get(f"/actors?{query}").json() == body
        assert body["total"] >= 1 and body["fresh"] is True
    assert sqlite.get("/actors?limit=1000").json()["total"] > 5


def test_a_postgresql_read_past_its_time_is_a_503_naming_the_fix(servers: Servers) -> None:
    from dragoman.service.errors import ApiError
    from dragoman.service.reader_pg import PostgresReader

    reader = PostgresReader(servers.postgres_url, query_seconds=0.05)
    con = reader.connection()
    with pytest.raises(ApiError, match="longer than 0.05 s; narrow it") as caught, reader.deadline(con):
        con.execute("SELECT pg_sleep(2)")
    assert caught.value.status == 503
    assert reader.schema_version() >= 5  # the connection is still usable
