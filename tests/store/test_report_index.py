"""The report actor table of schema 6 (report_actors): written with each report by the one writer,
and built by the migration for a store from before it, with the same rows; SQLite and PostgreSQL."""

from __future__ import annotations

from dragoman.store import Store, open_store
from tests.conftest import StoreFactory

# Schema 6 undone, as a store written by the dragoman before it has it.
# Schema 7 (track rows) goes first, as it came after 6. (Its tables are dropped with their rows: this
# module reads no track after the migration.)
# Schema 8 (a NULL CAMEO code allowed) comes first of all: its row alone (applied again, it
# rebuilds tables that already allow NULL, rows unchanged).
UNDO_8 = ["DELETE FROM schema_migrations WHERE version = 8"]
UNDO_7 = [
    *UNDO_8,
    *(f"DROP TABLE track_{t}" for t in ("rounds", "history", "members", "ledgers")),
    "DELETE FROM schema_migrations WHERE version = 7",
]
UNDO_6 = {
    "sqlite": [
        *UNDO_7,
        "DROP TABLE report_actors",
        *(f"DROP INDEX events_{c}_key" for c in ("date", "type", "status", "country", "track")),
        "CREATE INDEX events_date ON events(coalesce(date_start, date_end))",
        "CREATE INDEX events_status ON events(status)",
        "DELETE FROM schema_migrations WHERE version = 6",
    ],
    "postgresql": [
        *UNDO_7,
        "DROP TABLE report_actors",
        *(f"DROP INDEX events_{c}_key" for c in ("type", "status", "country", "track")),
        "CREATE INDEX events_status ON events(status)",
        "DELETE FROM schema_migrations WHERE version = 6",
    ],
}


def report_actors(store: Store) -> list[tuple[object, ...]]:
    """(report id, actor key, date key) of every row; actor ids depend on insertion order."""
    rows = store._con.execute(
        "SELECT r.event_id, a.key, r.date_key FROM report_actors r JOIN actors a ON a.id = r.actor_id"
    ).fetchall()
    return sorted(tuple(r) for r in rows)


def expected(store: Store) -> list[tuple[object, ...]]:
    """The same rows from the reports themselves: each distinct actor of each, with its date key."""
    found = set()
    for e in store.events():
        for a in (*e.participants, e.mediator):
            if a is not None:
                key = e.date.start if e.date and e.date.start is not None else (e.date.end if e.date else None)
                found.add((e.id, f"{a.country or ''}|{a.sector or ''}|{a.name or ''}", key))
    return sorted(found)


def test_the_writer_keeps_each_reports_actors_with_its_date_key(week: str) -> None:
    with open_store(week) as store:
        got, want = report_actors(store), expected(store)
        dated = sum(1 for r in got if r[2] is not None)
    assert got == want
    assert len({r[0] for r in got}) > 20 and 0 < dated < len(got) + 1


def test_the_migration_gives_an_older_store_the_same_rows(module_stores: StoreFactory, week: str) -> None:
    with open_store(week) as store:
        before = report_actors(store)
        with store._con.transaction():
            for statement in UNDO_6[store.dialect]:
                store._con.execute(statement)
        assert not store._con.has_table("report_actors")
        assert store.schema_version() == 5
    with open_store(week) as store:  # migrates to schema 6
        assert store.schema_version() >= 6
        assert report_actors(store) == before
