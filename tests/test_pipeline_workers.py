"""Two worker processes give the same store as one: same articles, same events, same ids."""

from __future__ import annotations

from pathlib import Path

from dragoman.demo import sample_documents
from dragoman.options import IngestOptions, Options
from dragoman.pipeline import iter_documents
from dragoman.store import open_store


def store_contents(db: Path, workers: int) -> tuple[dict[str, int], list[dict[str, object]], list[str]]:
    opts = Options(ingest=IngestOptions(ingested="2026-02-15"))
    with open_store(db) as store:
        documents = [*sample_documents(opts), *sample_documents(opts)]  # the second pass is all duplicates
        outcomes = [r.outcome for r in iter_documents(documents, store, opts, workers=workers)]
        return store.counts(), [e.to_dict() for e in store.events()], outcomes


def test_two_workers_store_exactly_what_one_worker_stores(tmp_path: Path) -> None:
    one = store_contents(tmp_path / "one.db", workers=1)
    two = store_contents(tmp_path / "two.db", workers=2)
    assert one == two
    assert one[2].count("stored") == 10 and one[2].count("duplicate") == 10
