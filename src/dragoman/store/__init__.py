"""Store stage: articles, events and rejected inputs (SQLite now; PostgreSQL later).

The database is ``--db PATH`` when given, else ``$DRAGOMAN_DB``, else ``dragoman.db`` in the current
directory.
"""

from __future__ import annotations

import os
from pathlib import Path

from dragoman.store.sqlite import EventQuery, RejectedRow, Store

__all__ = ["DEFAULT_DB", "EventQuery", "RejectedRow", "Store", "default_db_path", "open_store"]

DEFAULT_DB = "dragoman.db"


def default_db_path() -> str:
    return os.environ.get("DRAGOMAN_DB") or DEFAULT_DB


def open_store(db: str | Path | None = None) -> Store:
    """Open (creating and migrating if needed) the store at ``db``."""
    return Store(db if db is not None else default_db_path())
