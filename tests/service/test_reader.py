"""Every index a page can walk gives the same pages: the rarest filter's, another filter's, or the dates.

The reader walks the index of the filter matching fewest events and tests the rest on the way
(canonical_sqlite.choose_driver); any other walk must list the same events in the same order, for
canonical events (schema 5's indexes) and per-article reports (schema 6's)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dragoman.service import canonical_sqlite
from dragoman.service.eventsql import EventFilters, Position
from dragoman.service.pages import Kind
from dragoman.service.params import event_filters
from dragoman.service.reader import Reader

QUERIES = [
    {"event_type": "CONSULT"},
    {"event_type": "CONSULT", "status": "planned"},
    {"status": "occurred", "actor": "USA"},
    {"actor": "IRN GOV"},
    {"actor": "Oman"},
    {"actor": "United", "since": "2026-02-01", "until": "2026-02-14"},
    {"event_type": "REQUEST", "text": "Oman"},
    {"country": "CHE", "event_type": "CONSULT"},
]
KINDS: list[Kind] = ["reports", "occurrences"]


class Walking(Reader):
    """A reader that walks the index it is told to, whatever the counts say."""

    def __init__(self, path: Path, walk: str) -> None:
        super().__init__(path)
        self.forced = walk

    def walk(self, con: sqlite3.Connection, q: canonical_sqlite.Query) -> str:
        return self.forced


def every_id(reader: Reader, kind: Kind, filters: EventFilters, *, newest_first: bool, limit: int = 3) -> list[str]:
    page_of = reader.event_page if kind == "reports" else reader.occurrence_page
    ids: list[str] = []
    after: Position | None = None
    while True:
        page = page_of(filters, after=after, limit=limit, newest_first=newest_first)
        ids += [r["id"] for r in page.records]
        if page.next is None:
            return ids
        after = page.next


def walks(reader: Reader, kind: Kind, filters: EventFilters) -> list[str]:
    """The date index and every filter index this query could walk on ``kind``'s table."""
    q = reader.query(reader.connection(), kind, filters)
    found = ["date", *q.values()]
    if q.actor_ids:
        found.append("actor")
    if filters.text is not None and q.table.full_text:
        found.append("text")
    return found


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("query", QUERIES, ids=[",".join(q) for q in QUERIES])
@pytest.mark.parametrize("newest_first", [False, True])
def test_every_walk_gives_the_same_pages(demo_db: Path, kind: Kind, query: dict[str, str], newest_first: bool) -> None:
    reader = Reader(demo_db)
    filters = event_filters(**query)
    ids = every_id(reader, kind, filters, newest_first=newest_first)
    assert ids, f"{query} matches no {kind} in the demo week: a weak test"
    assert len(ids) == len(set(ids))
    assert ids == every_id(reader, kind, filters, newest_first=newest_first, limit=1000)
    options = walks(reader, kind, filters)
    assert len(options) >= 2
    for walk in options:
        assert every_id(Walking(demo_db, walk), kind, filters, newest_first=newest_first) == ids, walk


def test_a_report_filter_walks_its_own_index(demo_db: Path) -> None:
    """A filter matching few reports is walked, not tested on each report of the date index."""
    reader = Reader(demo_db)
    con = reader.connection()
    assert reader.walk(con, reader.query(con, "reports", event_filters(actor="Oman"))) == "actor"
    assert reader.walk(con, reader.query(con, "reports", event_filters(event_type="CONSULT"))) == "event_type"
    assert reader.walk(con, reader.query(con, "reports", event_filters())) == "date"
