"""PostgreSQL reader: an actor filter lists the actors' events when they are few, and walks the page
order testing each event when they are many; both give the same pages (a PostgreSQL test)."""

from __future__ import annotations

import pytest

from dragoman.service.eventsql import Position
from dragoman.service.pages import Kind
from dragoman.service.params import event_filters
from dragoman.service.reader_pg import PostgresReader
from dragoman.store import open_store
from tests.conftest import StoreFactory
from tests.store.conftest import ingest_demo_week

QUERIES = [{"actor": "IRN"}, {"actor": "USA GOV"}, {"actor": "om"}, {"actor": "IRN", "event_type": "CONSULT"}]


def every_id(reader: PostgresReader, kind: Kind, query: dict[str, str], *, newest_first: bool) -> list[str]:
    page_of = reader.event_page if kind == "reports" else reader.occurrence_page
    filters = event_filters(**query)
    ids: list[str] = []
    after: Position | None = None
    while True:
        page = page_of(filters, after=after, limit=2, newest_first=newest_first)
        ids += [r["id"] for r in page.records]
        if page.next is None:
            return ids
        after = page.next


@pytest.mark.parametrize("kind", ["reports", "occurrences"])
@pytest.mark.parametrize("newest_first", [False, True])
def test_listing_and_walking_an_actor_give_the_same_pages(pg_stores: StoreFactory, kind: Kind, newest_first: bool) -> None:
    url = pg_stores.new("week")
    with open_store(url) as store:
        ingest_demo_week(store)
    listing = PostgresReader(url)  # the demo week's actors are in fewer rows than the cap: listed
    walking = PostgresReader(url, candidate_cap=0)  # never listed: the walk tests each event
    con = listing.connection()
    assert listing.plan(con, kind, event_filters(actor="IRN")).where[-1].startswith("o.id = ANY(ARRAY(")
    assert walking.plan(walking.connection(), kind, event_filters(actor="IRN")).where[-1].startswith("EXISTS")
    for query in QUERIES:
        ids = every_id(listing, kind, query, newest_first=newest_first)
        assert ids, f"{query} matches nothing in the demo week: a weak test"
        assert len(ids) == len(set(ids))
        assert ids == every_id(walking, kind, query, newest_first=newest_first), query
