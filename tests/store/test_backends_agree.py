"""The bundled demo week, ingested into SQLite and into PostgreSQL, reads back the same: the same
ids, events, occurrences, tracks, near-duplicate groups and query answers, in the same order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dragoman.store import EventQuery, Store, open_store
from tests.conftest import StoreFactory
from tests.store.conftest import ingest_demo_week

QUERIES = [
    EventQuery(),
    EventQuery(event_type="consult"),
    EventQuery(status="planned"),
    EventQuery(actor="oman"),  # a name, in another case than stored
    EventQuery(actor="IRN GOV"),
    EventQuery(text="TALKS"),
    EventQuery(since="2026-02-10", until="2026-02-14"),
    EventQuery(limit=5),
]


def dump(store: Store) -> dict[str, Any]:
    """Everything a reader can get out of the store, in the order the store gives it."""
    tracks = store.tracks()
    occurrences = store.occurrences()
    return {
        "counts": store.counts(),
        "articles": [a.id for a in store.articles()],
        "groups": store._con.execute("SELECT id, doc_group FROM articles ORDER BY id").fetchall(),
        "events": [e.to_dict() for e in store.events()],
        "occurrences": [o.to_dict() for o in occurrences],
        "tracks": tracks,
        "track_by_prefix": [store.track(t["id"][:5]) for t in tracks],
        "track_by_parties": [store.track("+".join(t["parties"]).lower()) for t in tracks],
        "context": [[o.to_dict() for o in store.track_context(t["id"])] for t in tracks],
        "by_prefix": [store.occurrence(o.id[:6]).id for o in occurrences],  # type: ignore[union-attr]
        "by_report": [store.occurrence(r).id for o in occurrences for r in o.reports],  # type: ignore[union-attr]
        "event_by_prefix": [store.event(e.id[:7]).id for e in store.events(EventQuery(limit=10))],  # type: ignore[union-attr]
        "queries": [[e.id for e in store.events(q)] for q in QUERIES],
        "occurrence_queries": [[o.id for o in store.occurrences(q)] for q in QUERIES],
        "track_queries": [[e.id for e in store.events(EventQuery(track=t["id"]))] for t in tracks],
    }


def ingest_demo(db: str) -> dict[str, Any]:
    with open_store(db) as store:
        results = ingest_demo_week(store)
        assert [r.outcome for r in results].count("stored") == 10
        return dump(store)


def test_the_demo_week_reads_back_the_same_from_sqlite_and_postgresql(
    tmp_path: Path, pg_stores: StoreFactory
) -> None:
    sqlite = ingest_demo(str(tmp_path / "week.db"))
    postgres = ingest_demo(pg_stores.new("week"))
    assert sqlite["counts"]["occurrences"] > 20 and sqlite["counts"]["tracks"] >= 2
    assert any(len(t["rounds"]) >= 2 for t in sqlite["tracks"])
    assert all(sqlite["queries"]) and all(sqlite["track_queries"])
    for key in sqlite:
        assert postgres[key] == sqlite[key], key
