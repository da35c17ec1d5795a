"""Both query plans of the reader give the same pages: driven by a filter's index, or walking the dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.service.eventsql import Position
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
]


def every_id(
    reader: Reader, query: dict[str, str], *, newest_first: bool, limit: int = 3
) -> list[str]:
    filters = event_filters(**query)
    ids: list[str] = []
    after: Position | None = None
    while True:
        page = reader.event_page(filters, after=after, limit=limit, newest_first=newest_first)
        ids += [r["id"] for r in page.records]
        if page.next is None:
            return ids
        after = page.next


@pytest.mark.parametrize("query", QUERIES, ids=[",".join(q) for q in QUERIES])
@pytest.mark.parametrize("newest_first", [False, True])
def test_driven_and_walking_plans_agree(
    demo_db: Path, query: dict[str, str], newest_first: bool
) -> None:
    driven = Reader(demo_db)  # every filter here matches fewer events than the cap: it drives
    walking = Reader(
        demo_db, candidate_cap=0
    )  # never drive: walk the sort-key index and test each event
    filters = event_filters(**query)
    assert driven._driver(driven.connection(), filters) is not None
    assert walking._driver(walking.connection(), filters) is None
    ids = every_id(driven, query, newest_first=newest_first)
    assert ids, f"{query} matches nothing in the demo week: a weak test"
    assert ids == every_id(walking, query, newest_first=newest_first)
    assert len(ids) == len(set(ids))
    assert ids == every_id(driven, query, newest_first=newest_first, limit=1000)
