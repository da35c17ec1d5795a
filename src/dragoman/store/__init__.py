"""Store stage: articles, events, occurrences and tracks, in SQLite or PostgreSQL.

The database is ``--db TARGET`` when given, else ``$DRAGOMAN_DB``, else ``dragoman.db`` in the
current directory. A ``postgresql://user@host/db`` URL (needs ``pip install 'dragoman[postgres]'``)
chooses PostgreSQL; anything else is a SQLite file.
"""

from __future__ import annotations

import os
from pathlib import Path

from dragoman.store.core import EventQuery, RejectedRow, Store
from dragoman.store.database import is_postgres_url

__all__ = [
    "DEFAULT_DB", "EventQuery", "RejectedRow", "Store", "default_db_path", "is_postgres_url", "open_store",
]  # fmt: skip

DEFAULT_DB = "dragoman.db"


def default_db_path() -> str:
    return os.environ.get("DRAGOMAN_DB") or DEFAULT_DB


def open_store(db: str | Path | None = None) -> Store:
    """Open (creating and migrating if needed) the store at ``db``: a SQLite path or a
    ``postgresql://`` URL."""
    return Store(db if db is not None else default_db_path())
