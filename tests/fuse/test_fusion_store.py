"""Fusion and tracks end to end: invented articles through the real pipeline into real SQLite and
PostgreSQL (each test runs on both; see tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dragoman import open_store, run
from dragoman.fuse import Occurrence
from tests.conftest import StoreFactory
from tests.fuse.stories import (
    ANNOUNCED,
    CONFIRMED_PLAN,
    DENIED,
    HELD,
    MONTH,
    POSTPONED,
    SYNDICATED,
    write_jsonl,
)


def ingest(db: str, folder: Path, *batches: list[dict[str, Any]]) -> None:
    for n, batch in enumerate(batches):
        report = run([write_jsonl(folder, f"batch{n}.jsonl", batch)], db=db)
        assert not report.rejected, report.rejected


def dump(db: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with open_store(db) as store:
        return [o.to_dict() for o in store.occurrences()], store.tracks()


def round_two(db: str) -> Occurrence:
    with open_store(db) as store:
        found = [o for o in store.occurrences() if o.event.round == 2 and o.event.track == "arm-aze-2026"]
    assert len(found) == 1, [o.event.evidence[0].sentence for o in found]
    return found[0]


@pytest.fixture(scope="module")
def month(module_stores: StoreFactory) -> str:
    db = module_stores.new("month")
    ingest(db, module_stores.folder, MONTH)
    return db


def test_a_round_reported_by_four_outlets_is_one_event_citing_all_four(month: str) -> None:
    o = round_two(month)
    assert {s.outlet for s in o.event.sources} == {s["outlet"] for s in MONTH}
    assert o.independent_sources == 4
    assert o.event.status == "occurred"
    assert o.event.date is not None and o.event.date.start == "2026-03-24"  # the new date, after the delay
    assert [c.value for c in o.history] == ["planned", "postponed", "occurred"]
    assert [c.outlet for c in o.history] == ["Alpine Wire", "Caspian Herald", "Meridian Post"]
    assert o.contradictions == ()
    assert {ev.doc_id for ev in o.event.evidence} == {s.doc_id for s in o.event.sources}


def test_parallel_talks_in_the_same_city_on_the_same_day_are_two_tracks(month: str) -> None:
    with open_store(month) as store:
        tracks = {t["id"]: t for t in store.tracks()}
    assert set(tracks) == {"arm-aze-2026", "srb-xkx-2026"}
    assert {t["mediator"] for t in tracks.values()} == {"EUR"}
    balkans = tracks["srb-xkx-2026"]
    assert [(r["round"], r["status"], r["date"], r["city"]) for r in balkans["rounds"]] == [
        (1, "planned", "2026-03-10", "Geneva")
    ]


def test_the_track_numbers_its_rounds_and_keeps_its_status_history(month: str) -> None:
    with open_store(month) as store:
        track = store.track("arm-aze-2026")
    assert track is not None
    assert [(r["round"], r["status"], r["date"], r["city"], r["country"]) for r in track["rounds"]] == [
        (1, "occurred", "2026-02-03", "Vienna", "AUT"),
        (2, "occurred", "2026-03-24", "Geneva", "CHE"),
    ]
    assert [(h["reported"], h["status"]) for h in track["status_history"]] == [
        ("2026-03-02", "ongoing"),
        ("2026-03-09", "postponed"),
        ("2026-03-24", "ongoing"),
    ]
    assert track["status"] == "ongoing"


@pytest.mark.parametrize(
    "batches",
    [
        [MONTH[::-1]],
        [[POSTPONED, ANNOUNCED], [HELD], [CONFIRMED_PLAN]],
        [[HELD], [CONFIRMED_PLAN, POSTPONED], [ANNOUNCED]],
    ],
    ids=["reversed", "in-three-batches", "news-last-first"],
)
def test_the_result_does_not_depend_on_arrival_order(
    month: str, stores: StoreFactory, batches: list[list[dict[str, Any]]]
) -> None:
    db = stores.new("other")
    ingest(db, stores.folder, *batches)
    assert dump(db) == dump(month)


def test_ingesting_the_same_articles_again_changes_nothing(month: str, stores: StoreFactory) -> None:
    db = stores.new("again")
    ingest(db, stores.folder, MONTH, MONTH, [HELD])
    assert dump(db) == dump(month)


def test_a_denial_after_a_confirmation_sets_denied_and_keeps_the_contradiction(stores: StoreFactory) -> None:
    db = stores.new("denied")
    ingest(db, stores.folder, MONTH, [DENIED])
    o = round_two(db)
    assert o.event.status == "denied"
    assert [c.value for c in o.history][-2:] == ["occurred", "denied"]
    assert [(a.value, a.outlet, b.value, b.outlet) for a, b in o.contradictions] == [
        ("occurred", "Meridian Post", "denied", "Ararat Courier")
    ]
    assert o.event.date is not None and o.event.date.start == "2026-03-24"
    with open_store(db) as store:
        track = store.track("ARM+AZE")
    assert track is not None and [r["round"] for r in track["rounds"]] == [1, 2]


def test_a_syndicated_copy_is_a_source_but_not_an_independent_one(stores: StoreFactory) -> None:
    db = stores.new("wire")
    ingest(db, stores.folder, MONTH, [SYNDICATED])
    o = round_two(db)
    assert {s.outlet for s in o.event.sources} == {s["outlet"] for s in [*MONTH, SYNDICATED]}
    assert o.independent_sources == 4  # Gulf Courier's copy of the Meridian Post story adds none
    with open_store(db) as store:
        groups = store._con.execute("SELECT count(DISTINCT doc_group), count(*) FROM articles").fetchone()
    assert groups == (4, 5)


def test_a_store_filled_before_fusion_is_fused_by_migrate(month: str, stores: StoreFactory) -> None:
    db = stores.new("old")
    ingest(db, stores.folder, MONTH)
    with open_store(db) as store:  # undo fusion, as a schema-1 store would have it
        store._con.executescript(UNFUSE)
    with open_store(db) as store:
        assert store.needs_migration and store.counts()["occurrences"] == 0  # opening did no fusion
        assert [step.step for step in store.migrate()] == ["near-duplicate groups", "fusion"]
        assert not store.needs_migration
    assert dump(db) == dump(month)


# What a store written before near-duplicates and fusion (schema 1) lacks.
UNFUSE = (
    "UPDATE events SET occurrence_id = NULL, block_key = NULL, anchor = NULL;"
    " UPDATE articles SET doc_group = NULL; DELETE FROM article_bands; DELETE FROM article_signatures;"
    " DELETE FROM occurrences; DELETE FROM tracks; DELETE FROM occurrence_aliases;"
    " DELETE FROM track_rounds; DELETE FROM track_history; DELETE FROM track_members; DELETE FROM track_ledgers;"
)


def test_ids_seen_along_the_way_still_lead_to_the_merged_event(stores: StoreFactory) -> None:
    db = stores.new("ids")
    seen = set()
    for story in MONTH:  # one article at a time, noting the id round 2 has after each
        ingest(db, stores.folder, [story])
        with open_store(db) as store:
            seen.update(o.id for o in store.occurrences() if o.event.round == 2 and "ARM" in _codes(o))
    final = round_two(db)
    with open_store(db) as store:
        assert {store.occurrence(i).id for i in seen} == {final.id}  # type: ignore[union-attr]
        assert {store.occurrence(r).id for r in final.reports} == {final.id}  # type: ignore[union-attr]
        assert store.occurrence(final.id[:8]).id == final.id  # type: ignore[union-attr]


def _codes(o: Occurrence) -> str:
    return "+".join(sorted(p.country or "" for p in o.event.participants))
