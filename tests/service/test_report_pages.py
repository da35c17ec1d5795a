"""/reports filtered by actor and type over HTTP: the right per-article reports, in page order,
across pages (schema 6's report_actors and (type, date key, id) indexes), checked against the
store's own reports of the demo week."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.model import Actor, Event
from dragoman.store import open_store

from .conftest import Api
from .test_read import walk


@pytest.fixture(scope="module")
def reports(demo_db: Path) -> list[Event]:
    with open_store(demo_db) as store:
        return store.events()


def actors(e: Event) -> list[Actor]:
    return [a for a in (*e.participants, e.mediator) if a is not None]


def page_order(events: list[Event], *, newest_first: bool = False) -> list[str]:
    """Dated reports by (date key, id), oldest or newest first; then undated ones by id."""
    def key(e: Event) -> str | None:
        return (e.date.start or e.date.end) if e.date else None

    dated = sorted(((key(e), e.id) for e in events if key(e) is not None), reverse=newest_first)
    return [i for _, i in dated] + sorted(e.id for e in events if key(e) is None)


CASES = {
    "type=CONSULT": lambda e: e.event_type == "CONSULT",
    "type=request": lambda e: e.event_type == "REQUEST",
    "actor=IRN": lambda e: any(a.country == "IRN" for a in actors(e)),
    "actor=USA%20GOV": lambda e: any(a.country == "USA" and a.sector == "GOV" for a in actors(e)),
    "actor=om": lambda e: any((a.name or "").lower().startswith("om") for a in actors(e)),
    "actor=IRN&type=CONSULT": lambda e: e.event_type == "CONSULT" and any(a.country == "IRN" for a in actors(e)),
    "actor=Oman&from=2026-02-01&to=2026-02-10": lambda e: any((a.name or "").startswith("Oman") for a in actors(e))
    and e.date is not None and "2026-02-01" <= (e.date.start or e.date.end or "") <= "2026-02-10",
}  # fmt: skip


@pytest.mark.parametrize("query", list(CASES))
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_filtered_reports_in_page_order_across_pages(api: Api, reports: list[Event], query: str, order: str) -> None:
    expected = page_order([e for e in reports if CASES[query](e)], newest_first=order == "desc")
    assert len(expected) >= 2, f"{query} matches fewer than two reports of the demo week: a weak test"
    assert len(expected) < len(reports), f"{query} matches every report: a weak test"
    got = [r["id"] for r in walk(api, f"{query}&order={order}&limit=2", endpoint="/reports")]
    assert got == expected


def test_an_actor_of_no_report_matches_nothing(api: Api) -> None:
    reply = api.get("/reports?actor=ZZZ")
    assert reply.status == 200 and reply.json()["events"] == [] and reply.json()["next_cursor"] is None


@pytest.mark.parametrize("query", [
    "type=TALKS", "actor=%20", "limit=0", "limit=1001", "from=2026-13-01", "stauts=planned", "cursor=not-a-cursor",
])  # fmt: skip
def test_bad_report_parameters_are_422_naming_the_parameter(api: Api, query: str) -> None:
    reply = api.get(f"/reports?{query}")
    assert reply.status == 422, reply.text
    assert query.split("=")[0] in reply.json()["error"]["message"]


def test_a_report_cursor_only_works_with_its_own_query(api: Api) -> None:
    cursor = api.get("/reports?limit=2&actor=IRN").json()["next_cursor"]
    assert cursor is not None
    assert api.get(f"/reports?limit=2&actor=IRN&cursor={cursor}").status == 200
    reply = api.get(f"/reports?limit=2&actor=USA&cursor={cursor}")
    assert reply.status == 422 and "another query" in reply.json()["error"]["message"]
