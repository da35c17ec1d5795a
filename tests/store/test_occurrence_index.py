"""The read tables of canonical events (schema 5) agree with the reports they are derived from,
after ingest with merges, after indexing an older store's backlog, on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from dragoman.model import content_id
from dragoman.store import Store, open_store
from dragoman.store.occurrence_index import index_backlog, page_key
from tests.conftest import StoreFactory


def tables(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """The read tables with actor ids replaced by actor keys (ids depend on insertion order)."""
    run = store._con.execute
    return {
        "actors": sorted(run("SELECT key, occurrences FROM actors WHERE occurrences > 0").fetchall()),
        "roles": sorted(run("SELECT a.key, r.role, r.occurrences FROM actor_roles r JOIN actors a ON a.id = r.actor_id").fetchall()),
        "occurrence_actors": sorted(run(
            "SELECT o.occurrence_id, a.key, o.date_key, o.roles FROM occurrence_actors o JOIN actors a ON a.id = o.actor_id"
        ).fetchall()),
        "keys": sorted(run("SELECT occurrence_id, page_key FROM occurrence_keys").fetchall()),
    }  # fmt: skip


def test_actor_counts_are_those_of_the_reports_of_each_canonical_event(week: str) -> None:
    with open_store(week) as store:
        expected: Counter[str] = Counter()
        for o in store.occurrences():
            keys = set()
            for report_id in o.reports:
                e = store.event(report_id)
                assert e is not None
                for a in (*e.participants, e.mediator):
                    if a is not None:
                        keys.add(f"{a.country or ''}|{a.sector or ''}|{a.name or ''}")
            expected.update(keys)
        got = tables(store)
        aliases = [r[0] for r in store._con.execute("SELECT old_id FROM occurrence_aliases")]
        n_occurrences = store.counts()["occurrences"]
    assert dict(got["actors"]) == dict(expected) and len(expected) > 10
    assert aliases, "the demo week merges reports into events created earlier"
    indexed = {r[0] for r in got["keys"]}
    assert len(indexed) == n_occurrences and not indexed & set(aliases), "merged-away events are forgotten"
    assert not {r[0] for r in got["occurrence_actors"]} & set(aliases)


def test_an_older_store_is_indexed_on_opening_in_bulk_or_one_by_one(week: str, stores: StoreFactory) -> None:
    with open_store(week) as store:
        kept = tables(store)
    for bulk in (1, 10**9):
        with open_store(week) as store:
            con = store._con
            with con.transaction():  # back to a store written before schema 5: read tables empty
                for table in ("occurrence_actors", "actor_roles", "occurrence_keys"):
                    con.execute(f"DELETE FROM {table}")
                con.execute("DELETE FROM occurrence_text")
                con.execute("UPDATE actors SET occurrences = 0")
                con.execute("INSERT INTO occurrence_index_backlog (occurrence_id) SELECT id FROM occurrences")
                assert index_backlog(con, bulk=bulk) == store.counts()["occurrences"]
            assert tables(store) == kept, f"bulk={bulk}"
            assert con.execute("SELECT count(*) FROM occurrence_index_backlog").fetchone()[0] == 0


def test_page_keys_sort_as_dates_then_ids() -> None:
    rng = random.Random(3)
    items = [(None, content_id("c", i)) for i in range(50)]
    items += [((date(2026, 1, 1) + timedelta(days=rng.randrange(40))).isoformat(), content_id("c", i)) for i in range(50, 500)]
    by_key = sorted(items, key=lambda t: page_key(*t))
    undated = [t for t in items if t[0] is None]
    dated = [t for t in items if t[0] is not None]
    assert by_key == sorted(undated, key=lambda t: t[1]) + sorted(dated, key=lambda t: (t[0], t[1]))
    assert page_key("1850-05-01", "c_00") == page_key("1900-01-02", "c_00"), "a date before 1900 sorts with 1900"
