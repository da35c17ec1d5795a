"""The writer's record cache (fuse/cache.py) saves parsing, never changes what fusion builds: the
same articles give the same occurrences, tracks and stored rows with the cache off, with a cache so
small that every look-up evicts, and with the default one, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dragoman.demo import sample_documents
from dragoman.fuse import Report, group_reports, merge
from dragoman.fuse.cache import FusionCache, RecordCache
from dragoman.options import IngestOptions, Options
from dragoman.pipeline import iter_documents, run
from dragoman.store import Store
from dragoman.store.fusion import occurrence_from_dict
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

DEMO = Options(ingest=IngestOptions(ingested="2026-02-15"))


def ingest(store: Store, folder: Path, *batches: list[dict[str, Any]]) -> None:
    for n, batch in enumerate(batches):
        report = run([write_jsonl(folder, f"batch{n}.jsonl", batch)], store=store)
        assert not report.rejected, report.rejected


def dump(store: Store) -> dict[str, Any]:
    """What fusion wrote: the records, and the columns tracks set on occurrences and reports."""
    con = store._con
    return {
        "occurrences": [o.to_dict() for o in store.occurrences()],
        "tracks": store.tracks(),
        "occurrence_rows": con.execute("SELECT id, track_id, round, record FROM occurrences ORDER BY id").fetchall(),
        "report_rows": con.execute("SELECT id, block_key, anchor, occurrence_id FROM events ORDER BY id").fetchall(),
        "aliases": con.execute("SELECT old_id, new_id FROM occurrence_aliases ORDER BY old_id").fetchall(),
    }


def build(db: str, folder: Path, cache: FusionCache) -> dict[str, Any]:
    with Store(db, fusion_cache=cache) as store:
        ingest(store, folder, MONTH, [DENIED], [SYNDICATED])
        results = list(iter_documents(sample_documents(DEMO), store, DEMO))
        assert [r.outcome for r in results].count("stored") == 10
        return dump(store)


def test_the_cache_does_not_change_what_fusion_builds(stores: StoreFactory) -> None:
    default = FusionCache()
    built = {
        "off": build(stores.new("off"), stores.folder, FusionCache.of_size(0, 0)),
        "one entry": build(stores.new("one"), stores.folder, FusionCache.of_size(1, 1)),
        "default": build(stores.new("default"), stores.folder, default),
    }
    assert len(built["off"]["occurrences"]) > 20 and any(len(t["rounds"]) >= 2 for t in built["off"]["tracks"])
    assert default.reports.hits > 0 and default.occurrences.hits > 0  # the cache was used
    for name in ("one entry", "default"):
        for key, value in built["off"].items():
            assert built[name][key] == value, (name, key)


def test_a_record_changed_by_another_writer_is_read_again(stores: StoreFactory) -> None:
    """Two writers take turns on one store: the first must not reuse what it parsed before the
    second merged more reports into the same occurrence and rebuilt the track."""
    db = stores.new("shared")
    cache = FusionCache()
    with Store(db, fusion_cache=cache) as first, Store(db) as second:
        ingest(first, stores.folder, [ANNOUNCED, CONFIRMED_PLAN])
        ingest(second, stores.folder, [POSTPONED, HELD])
        ingest(first, stores.folder, [DENIED])
        shared = dump(first)
    with Store(stores.new("alone"), fusion_cache=FusionCache.of_size(0, 0)) as alone:
        ingest(alone, stores.folder, MONTH, [DENIED])
        expected = dump(alone)
    for key in ("occurrences", "tracks", "occurrence_rows"):
        assert shared[key] == expected[key], key


def test_the_least_recently_used_entry_goes_first() -> None:
    cache: RecordCache[str] = RecordCache(2)
    parse = {"a": lambda: "A", "b": lambda: "B", "c": lambda: "C"}
    cache.get("a", "text a", parse["a"])
    cache.get("b", "text b", parse["b"])
    cache.get("a", "text a", parse["a"])  # a is now the most recent
    cache.get("c", "text c", parse["c"])  # evicts b
    assert (cache.hits, cache.misses, len(cache)) == (1, 3, 2)
    cache.get("a", "text a", parse["a"])
    cache.get("b", "text b", parse["b"])
    assert (cache.hits, cache.misses) == (2, 4)
    assert cache.get("a", "text a, edited", lambda: "A2") == "A2"  # a changed row is parsed again


def test_a_weighed_cache_keeps_its_entries_within_the_budget() -> None:
    cache: RecordCache[str] = RecordCache(10, weigh=len, budget=8)
    cache.put("a", 1, "aaa")
    cache.put("b", 1, "bbb")
    assert len(cache) == 2  # 6 of 8
    cache.put("c", 1, "ccc")  # 9: the least recent goes
    assert cache.find("a") is None and cache.find("b") is not None and len(cache) == 2
    cache.put("b", 2, "b")  # an entry that shrinks frees its weight
    cache.put("d", 1, "dddd")
    assert len(cache) == 3
    cache.put("e", 1, "e" * 20)  # heavier than the budget: kept alone, the newest
    assert len(cache) == 1 and cache.find("e") is not None


def test_a_negative_size_is_refused() -> None:
    with pytest.raises(ValueError, match="0 or more entries"):
        RecordCache(-1)


def test_a_merged_occurrence_reads_back_equal(tmp_path: Path) -> None:
    """The writer caches each occurrence it merges under the JSON it wrote, instead of parsing that
    JSON again for the track: only right if merging parsed reports gives what the JSON parses to."""
    with Store(tmp_path / "week.db") as store:
        list(iter_documents(sample_documents(DEMO), store, DEMO))
        reports = [
            Report.of(e, article_id=e.sources[0].doc_id, published=e.sources[0].published, outlet=e.sources[0].outlet)
            for e in store.events()
        ]
    groups = [g for g in group_reports(reports) if len(g) > 1]
    assert len(groups) >= 5
    for group in groups:
        merged = merge(group)
        assert occurrence_from_dict(json.loads(json.dumps(merged.to_dict(), sort_keys=True))) == merged
