"""An event with no CAMEO code (a resignation: PLOVER RETREAT/resign, ``cameo`` None) in the store:
saved, read back, fused and exported like any other; schema 8 lets a store written before it hold
one without losing its reports' rows; SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dragoman.export import export_text
from dragoman.model import Actor, Article, DateValue, Event, Evidence, Source
from dragoman.store import EventQuery, Store, open_store
from tests.conftest import StoreFactory

TEXT = "Norway's fisheries minister Ingrid Dahl resigned on Friday over the quota scandal."


def article() -> Article:
    return Article(
        id="a_resign", raw_id="r_resign", origin="week/resign.html", title="Minister resigns", text=TEXT,
        url="https://news.example/a/303", outlet="Example Wire",
        published=DateValue(start="2026-02-14", end="2026-02-14", precision="day", source="meta"),
    )  # fmt: skip


def resignation(doc_id: str = "a_resign") -> Event:
    minister = Actor(text="Ingrid Dahl", name="Ingrid Dahl", country="NOR", sector="GOV", role="source")
    return Event(
        id="e_resign", event_type="RETREAT", cameo=None, mode="resign", status="occurred",
        source=minister, participants=(minister,),
        date=DateValue(start="2026-02-13", end="2026-02-13", precision="day"),
        sources=(Source(doc_id=doc_id, outlet="Example Wire", url="https://news.example/a/303"),),
        evidence=(Evidence(doc_id=doc_id, sentence=TEXT, start=0, end=len(TEXT)),), confidence=0.8,
    )  # fmt: skip


@pytest.fixture
def db(stores: StoreFactory) -> str:
    return stores.new()


def test_a_codeless_event_round_trips_and_is_fused(db: str) -> None:
    with open_store(db) as store:
        assert store.save(article(), [resignation()]) is True
    with open_store(db) as store:  # reopened: read from the rows, not from a cache
        event = store.event("e_resign")
        assert event is not None and event.to_dict() == resignation().to_dict()
        assert event.cameo is None and event.mode == "resign"
        (occurrence,) = store.occurrences(EventQuery(event_type="RETREAT"))
        assert occurrence.event.cameo is None and occurrence.event.mode == "resign"
        (row,) = store._con.execute("SELECT cameo, mode FROM events WHERE id = 'e_resign'").fetchall()
        assert tuple(row) == (None, "resign")


def test_a_codeless_event_is_in_the_plover_export_not_the_cameo_one(db: str) -> None:
    with open_store(db) as store:
        store.save(article(), [resignation()])
        events = store.events()
    plover = export_text(events, "plover-json")
    assert '"event": "RETREAT"' in plover and '"mode": "resign"' in plover and '"scale": 4.5' in plover
    assert export_text(events, "cameo-tsv").splitlines()[1:] == []  # the header alone
    csv_rows = export_text(events, "csv").splitlines()
    assert len(csv_rows) == 2 and ",RETREAT,resign,,,occurred," in csv_rows[1]


def test_schema_8_keeps_the_reports_of_a_store_written_before_it(db: str) -> None:
    coded = replace(resignation(), id="e_coded", event_type="CONCEDE", cameo="0831", mode=None)
    with open_store(db) as store:
        store.save(article(), [coded])
        store._con.execute("DELETE FROM schema_migrations WHERE version = 8")
        counted = {t: _count(store, t) for t in ("event_actors", "evidence", "event_sources", "events")}
    assert counted["event_actors"] == 1 and counted["evidence"] == 1
    with open_store(db) as store:  # schema 8 applied again: tables rebuilt, every row kept
        assert store.schema_version() == 8
        assert {t: _count(store, t) for t in counted} == counted
        assert store.event("e_coded") == coded
        assert store.save(replace(article(), id="a_later", raw_id="r_later"), [resignation("a_later")])
        assert store.event("e_resign") is not None


def _count(store: Store, table: str) -> int:
    return int(store._con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
