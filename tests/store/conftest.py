"""The demo week in a store: what the store tests ingest, with one fixed ingestion day so that
ids and dates are the same on every run and on both backends."""

from __future__ import annotations

import pytest

from dragoman.demo import sample_documents
from dragoman.options import IngestOptions, Options
from dragoman.pipeline import ItemResult, iter_documents
from dragoman.store import Store, open_store
from tests.conftest import StoreFactory

DEMO_OPTIONS = Options(ingest=IngestOptions(ingested="2026-02-15"))


def ingest_demo_week(store: Store) -> list[ItemResult]:
    """Ingest the bundled demo week into ``store``; the pipeline's result per page."""
    return list(iter_documents(sample_documents(DEMO_OPTIONS), store, DEMO_OPTIONS))


@pytest.fixture(scope="module")
def week(module_stores: StoreFactory) -> str:
    """A store (SQLite, or PostgreSQL when the suite runs on it) holding the demo week."""
    db = module_stores.new("week")
    with open_store(db) as store:
        ingest_demo_week(store)
    return db
