"""The store on SQLite and PostgreSQL: idempotent writes, filters, rejections, schema version."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import StoreError
from dragoman.model import Actor, Article, DateValue, Event, Evidence, Place, Rejected, Source
from dragoman.store import EventQuery, migrations, open_store
from tests.conftest import StoreFactory

TEXT = (
    "US and Iranian delegations will meet in Geneva next week, with Oman mediating. "
    "The US has imposed sanctions aimed at crippling the Iranian economy."
)


def article(text: str = TEXT) -> Article:
    return Article(
        id="a_" + str(abs(hash(text)))[:8], raw_id="r_1", origin="week/d1.html", title="Talks", text=text,
        url="https://news.example/a/101", outlet="Example Wire",
        published=DateValue(start="2026-02-14", end="2026-02-14", precision="day", source="meta"),
    )  # fmt: skip


def events(doc_id: str) -> list[Event]:
    usa = Actor(text="US", name="United States", country="USA", sector="GOV", role="party")
    irn = Actor(text="Iranian", name="Iran", country="IRN", sector="GOV", role="party")
    src = (Source(doc_id=doc_id, outlet="Example Wire", url="https://news.example/a/101", attributed_to="a US official"),)
    talks = Event(
        id="e_talks", event_type="CONSULT", cameo="046", status="planned", mode="third-party",
        context=("diplomatic",), participants=(usa, irn),
        mediator=Actor(text="Oman", name="Oman", country="OMN", sector="GOV", role="mediator"),
        location=Place(text="Geneva", name="Geneva", country="CHE", lat=46.2, lon=6.15),
        date=DateValue(start="2026-02-16", end="2026-02-22", precision="week"), sources=src,
        evidence=(Evidence(doc_id=doc_id, sentence=TEXT[:78], start=0, end=78),), confidence=0.85,
    )  # fmt: skip
    sanction = Event(
        id="e_sanction", event_type="SANCTION", cameo="163", status="occurred", mode="discontinue",
        source=usa.with_role("source"), target=irn.with_role("target"),
        participants=(usa.with_role("source"), irn.with_role("target")),
        date=DateValue(start=None, end="2026-02-14", precision=None), sources=src,
        evidence=(Evidence(doc_id=doc_id, sentence=TEXT[79:], start=79, end=len(TEXT)),), confidence=0.9,
    )  # fmt: skip
    return [talks, sanction]


@pytest.fixture
def db(stores: StoreFactory) -> str:
    return stores.new()


def test_save_is_idempotent_and_survives_reopening(db: str) -> None:
    a = article()
    with open_store(db) as store:
        assert store.save(a, events(a.id)) is True
        assert store.save(a, events(a.id)) is False
        assert store.counts() == {"articles": 1, "events": 2, "occurrences": 2, "tracks": 1, "rejected": 0}
    with open_store(db) as store:
        assert store.counts()["events"] == 2
        assert store.has_raw("r_1") and store.has_article(a.id)
        assert store.article(a.id) == a
        assert store.schema_version() == migrations.available(store.dialect)[-1].version >= 5


def test_event_round_trips_through_the_json_record(db: str) -> None:
    a = article()
    with open_store(db) as store:
        store.save(a, events(a.id))
        talks = store.event("e_talks")
        assert talks is not None
        assert talks.to_dict() == events(a.id)[0].to_dict()
        assert store.event("e_sanc") is not None  # an id prefix is enough


@pytest.mark.parametrize(
    "query, expected",
    [
        (EventQuery(event_type="consult"), ["e_talks"]),
        (EventQuery(status="occurred"), ["e_sanction"]),
        (EventQuery(actor="OMN"), ["e_talks"]),
        (EventQuery(actor="IRN GOV"), ["e_sanction", "e_talks"]),
        (EventQuery(actor="iran"), ["e_sanction", "e_talks"]),
        (EventQuery(since="2026-02-15"), ["e_talks"]),
        (EventQuery(until="2026-02-14"), ["e_sanction"]),
        (EventQuery(text="crippling"), ["e_sanction"]),
        (EventQuery(text="CRIPPLING the"), ["e_sanction"]),  # ASCII case is ignored on both backends
        (EventQuery(actor="IRAN"), ["e_sanction", "e_talks"]),
        (EventQuery(limit=1), ["e_sanction"]),
    ],
)
def test_event_filters(db: str, query: EventQuery, expected: list[str]) -> None:
    a = article()
    with open_store(db) as store:
        store.save(a, events(a.id))
        assert sorted(e.id for e in store.events(query)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("crippling", ["e_sanction"]),
        ("CRIPPLING the", ["e_sanction"]),  # every word, ASCII case ignored
        ("crippl", []),  # whole words, from the full-text index the store keeps
        ("crippling Geneva", []),
    ],
)
def test_canonical_events_are_found_by_whole_words(db: str, text: str, expected: list[str]) -> None:
    a = article()
    with open_store(db) as store:
        store.save(a, events(a.id))
        found = store.occurrences(EventQuery(text=text))
        assert sorted(r for o in found for r in o.reports) == expected


def test_rejections_are_recorded_once_and_counted(db: str) -> None:
    bad = Rejected(id="x", origin="junk.bin", stage="clean", reason="junk.bin: looks like binary data")
    with open_store(db) as store:
        store.save_rejection(bad)
        store.save_rejection(bad)
        (row,) = store.rejected()
        assert (row.origin, row.stage, row.times) == ("junk.bin", "clean", 2)


def test_a_failed_write_leaves_nothing_half_stored(db: str) -> None:
    a = article()
    broken = [*events(a.id), Event(id="e_talks", event_type="CONSULT", cameo="046", status="planned")]
    with open_store(db) as store:
        store.save(a, broken)  # a repeated event id is ignored, not an error
        assert store.counts()["events"] == 2
        store._con.execute("DROP TABLE evidence")  # simulate a corrupt schema mid-write
        b = article(TEXT + " More.")
        fresh = [Event(id=e.id + "_b", event_type=e.event_type, cameo=e.cameo, status=e.status,
                       evidence=e.evidence) for e in events(b.id)]  # fmt: skip
        with pytest.raises(store._con.Error):
            store.save(b, fresh)
        assert not store.has_article(b.id)
        assert store.counts()["articles"] == 1


def test_newer_schema_is_refused_with_a_clear_message(db: str) -> None:
    with open_store(db) as store:
        store._con.execute("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')")
    with pytest.raises(StoreError, match="upgrade dragoman"):
        open_store(db)


def test_not_a_sqlite_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(path)


def test_sqlite_wal_mode_lets_a_second_connection_read(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    a = article()
    with open_store(db) as writer:
        writer.save(a, events(a.id))
        with open_store(db) as reader:
            assert reader.counts()["events"] == 2
        mode = writer._con.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_order_is_by_code_point_with_undated_first(db: str) -> None:
    """The same order on both backends, whatever collation the PostgreSQL database has."""
    undated = ["a_alpha", "a_Zulu", "a-beta", "aB", "a_\u00e9clair", "a_eclair"]
    with open_store(db) as store:
        for n, id_ in enumerate([*undated, "a_0dated"]):
            published = DateValue(start="2026-02-01", end="2026-02-01", precision="day") if id_ == "a_0dated" else None
            text = f"Story number {n} of the ordering test, told in its own words: {id_}."
            store.save(Article(id=id_, raw_id="r" + id_, origin="o", title=None, text=text, published=published), [])
        assert [a.id for a in store.articles()] == [*sorted(undated), "a_0dated"]
