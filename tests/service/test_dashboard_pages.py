"""The dashboard's JSON twins page through the canonical reader of /events: a bounded page, a cursor
to the next one, the same events in the same order whatever the page size; checked against the
store's canonical events of the demo week."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from dragoman.fuse import Occurrence
from dragoman.service import create_app
from dragoman.store import open_store
from tests.service.conftest import DEMO_OPTIONS, Api, copy_db, running


@pytest.fixture(scope="module")
def site(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    db = copy_db(demo_db, tmp_path_factory.mktemp("twins"))
    with running(create_app(db, options=DEMO_OPTIONS)) as base:
        yield Api(base, db)


@pytest.fixture(scope="module")
def canonical(demo_db: Path) -> list[Occurrence]:
    with open_store(demo_db) as store:
        return store.occurrences()


def page_order(found: list[Occurrence]) -> list[str]:
    """Dated events by (date key, id), then undated ones by id: the order of /events."""
    def key(o: Occurrence) -> str | None:
        d = o.event.date
        return (d.start or d.end) if d else None

    dated = sorted((key(o), o.id) for o in found if key(o) is not None)
    return [i for _, i in dated] + sorted(o.id for o in found if key(o) is None)


def pages(site: Api, path: str) -> list[dict]:
    """Every page of a twin, following ``next`` to the end."""
    found = []
    for _ in range(100):
        reply = site.get(path)
        assert reply.status == 200, reply.text
        body = reply.json()
        found.append(body)
        assert body["truncated"] == (body["next_cursor"] is not None)
        if body["next"] is None:
            return found
        assert body["next"].startswith(path.split("?")[0] + "?") and "cursor=" in body["next"]
        path = body["next"]
    raise AssertionError("the pages did not end")


@pytest.mark.parametrize("query, keep", [
    ("", lambda o: True),
    ("type=CONSULT", lambda o: o.event.event_type == "CONSULT"),
    ("status=occurred&from=2026-02-05", lambda o: o.event.status == "occurred" and o.event.date is not None
     and (o.event.date.start or o.event.date.end or "") >= "2026-02-05"),
])  # fmt: skip
def test_timeline_pages_list_every_event_once_in_the_order_of_events(
    site: Api, canonical: list[Occurrence], query: str, keep
) -> None:  # type: ignore[no-untyped-def]
    expected = page_order([o for o in canonical if keep(o)])
    assert len(expected) > 3, f"{query!r} matches too few events of the demo week: a weak test"
    for limit in (2, 7, 1000):
        bodies = pages(site, f"/ui/api/timeline?{query}&limit={limit}")
        assert [e["id"] for b in bodies for e in b["events"]] == expected
        assert all(b["count"] == len(b["events"]) <= limit for b in bodies)
    assert [r["id"] for r in site.get(f"/events?{query}&limit=1000").json()["events"]] == expected


def test_the_text_search_pages_too(site: Api, canonical: list[Occurrence]) -> None:
    def says_oman(o: Occurrence) -> bool:
        return any("oman" in v.sentence.lower().split() or "oman's" in v.sentence.lower() for v in o.event.evidence)

    # limit 1: the demo week has few events whose words name Oman (no longer the Swiss "agreed to
    # facilitate them", which is the planned round itself), and the test is about paging
    bodies = pages(site, "/ui/api/timeline?q=Oman&limit=1")
    got = [e["id"] for b in bodies for e in b["events"]]
    assert len(bodies) >= 2 and len(got) == len(set(got))
    assert got == [r["id"] for r in site.get("/events?text=Oman&limit=1000").json()["events"]]
    assert {o.id for o in canonical if says_oman(o)} <= set(got)


@pytest.mark.parametrize("twin", ["network", "map"])
def test_network_and_map_cover_the_timeline_page_by_page(site: Api, twin: str) -> None:
    timeline = [[e["id"] for e in b["events"]] for b in pages(site, "/ui/api/timeline?limit=5")]
    bodies = pages(site, f"/ui/api/{twin}?limit=5")
    assert [b["count"] for b in bodies] == [len(t) for t in timeline]
    for body, ids in zip(bodies, timeline, strict=True):
        shown = set(body["events"]) if twin == "network" else {e["id"] for p in body["points"] for e in p["events"]}
        assert shown <= set(ids)


@pytest.mark.parametrize("query, parameter", [
    ("limit=1001", "limit"), ("cursor=not-a-cursor", "cursor"), ("actor=%20&cursor=x", "cursor"),
])  # fmt: skip
def test_bad_page_parameters_are_422(site: Api, query: str, parameter: str) -> None:
    for twin in ("timeline", "network", "map"):
        reply = site.get(f"/ui/api/{twin}?{query}")
        assert reply.status == 422, (twin, query, reply.text)
        assert reply.json()["error"]["problems"][0]["parameter"] == parameter


def test_a_twin_cursor_only_works_with_its_own_filters(site: Api) -> None:
    cursor = site.get("/ui/api/timeline?type=CONSULT&limit=2").json()["next_cursor"]
    assert site.get(f"/ui/api/map?type=CONSULT&limit=2&cursor={quote(cursor)}").status == 200
    reply = site.get(f"/ui/api/timeline?type=REQUEST&limit=2&cursor={quote(cursor)}")
    assert reply.status == 422 and "another query" in reply.json()["error"]["message"]
