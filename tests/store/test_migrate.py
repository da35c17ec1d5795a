"""``dragoman migrate``: a store written before near-duplicates and fusion opens at once, refuses
new articles until migrated, and after the migration (in batches, with progress, resumable) holds
what ingesting into a new store gives; on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from dragoman import open_store, run
from dragoman.cli import main
from dragoman.errors import StoreError
from dragoman.store import fusion_backlog
from tests.conftest import StoreFactory
from tests.fuse.stories import DENIED, MONTH, SYNDICATED, write_jsonl
from tests.fuse.test_fusion_store import UNFUSE, dump


def old_store(stores: StoreFactory, name: str) -> str:
    """The month and a syndicated copy ingested, then stripped of what schema 1 did not have."""
    db = stores.new(name)
    run([write_jsonl(stores.folder, f"{name}.jsonl", [*MONTH, SYNDICATED])], db=db)
    with open_store(db) as store:
        store._con.executescript(UNFUSE)
    return db


def fused(stores: StoreFactory) -> tuple[Any, ...]:
    db = stores.new("fresh")
    run([write_jsonl(stores.folder, "fresh.jsonl", [*MONTH, SYNDICATED])], db=db)
    return dump(db)


def test_an_old_store_opens_without_fusing_and_refuses_new_articles(stores: StoreFactory) -> None:
    db = old_store(stores, "refuses")
    with open_store(db) as store:
        assert store.needs_migration
        assert store.backlog() == fusion_backlog.Backlog(articles=5, reports=store.counts()["events"], occurrences=0)
        assert store.counts()["occurrences"] == 0 and store.events()  # readable as it is
    with pytest.raises(StoreError, match="dragoman migrate --db"):
        run([write_jsonl(stores.folder, "new.jsonl", [DENIED])], db=db)


def test_migrate_in_small_batches_gives_what_a_new_ingest_gives(stores: StoreFactory) -> None:
    db = old_store(stores, "batches")
    with open_store(db) as store:
        reports = store.counts()["events"]
        steps = list(fusion_backlog.migrate(store._con, batch=2))
        assert [(s.step, s.done) for s in steps if s.step == "near-duplicate groups"] == [
            ("near-duplicate groups", 2), ("near-duplicate groups", 4), ("near-duplicate groups", 5)
        ]
        assert [s.done for s in steps if s.step == "fusion"] == [min(n, reports) for n in range(2, reports + 2, 2)]
        assert store.backlog().empty
    assert dump(db) == fused(stores)


def test_an_interrupted_migration_resumes(stores: StoreFactory) -> None:
    db = old_store(stores, "resumes")
    with open_store(db) as store:
        steps = fusion_backlog.migrate(store._con, batch=3)
        next(steps), next(steps), next(steps)  # two batches of groups and one of fusion, then stop
    with open_store(db) as store:
        left = store.backlog()
        assert left.articles == 0 and 0 < left.reports < store.counts()["events"]
        with pytest.raises(StoreError, match="reports to fuse"):
            store.save(*_any_article(store))
        list(store.migrate())
        assert not store.needs_migration
    assert dump(db) == fused(stores)


def test_the_migrate_command_prints_its_progress(stores: StoreFactory) -> None:
    db = old_store(stores, "command")
    result = CliRunner().invoke(main, ["migrate", "--db", db])
    assert result.exit_code == 0, result.output
    assert "5 articles to group" in result.output and "fusion:" in result.output
    assert "up to date" in result.output
    again = CliRunner().invoke(main, ["migrate", "--db", db])
    assert "nothing to do" in again.output
    assert dump(db) == fused(stores)


def _any_article(store: Any) -> tuple[Any, list[Any]]:
    article = store.articles()[0]
    from dataclasses import replace

    return replace(article, id=article.id + "-copy", raw_id=article.raw_id + "-copy"), []
