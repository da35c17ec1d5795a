"""The SQLite backend: one file, WAL mode, ``BEGIN IMMEDIATE`` so there is one writer at a time.

Readers (``dragoman serve``) open their own connections; WAL lets them read while the writer
writes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from dragoman.errors import StoreError
from dragoman.store.database import Database, Rows


class SqliteDatabase(Database):
    dialect = "sqlite"
    like = "LIKE"  # case-insensitive for ASCII letters, as PostgreSQL's ILIKE on COLLATE "C"
    nulls_first = ""  # SQLite sorts NULLs first in ascending order already
    Error = sqlite3.Error

    def __init__(self, path: str | Path) -> None:
        self.target = str(path)
        try:
            if self.target != ":memory:":
                Path(self.target).parent.mkdir(parents=True, exist_ok=True)
            self._con = sqlite3.connect(self.target, isolation_level=None, check_same_thread=False)
            self._con.execute("PRAGMA journal_mode=WAL")
            self._con.execute("PRAGMA synchronous=NORMAL")
            self._con.execute("PRAGMA foreign_keys=ON")
            self._con.execute("PRAGMA busy_timeout=10000")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.target}: cannot open as a dragoman database ({e}); pass another --db") from e

    def in_list(self, expression: str) -> str:
        return f"{expression} IN (SELECT value FROM json_each(?))"

    def list_param(self, values: Iterable[str]) -> object:
        return json.dumps(list(values))

    def execute(self, sql: str, args: Sequence[object] = ()) -> Rows:
        return self._con.execute(sql, args)

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        self._con.executemany(sql, rows)

    def executescript(self, sql: str) -> None:
        self._con.executescript(sql)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._con.execute("BEGIN IMMEDIATE")  # take the write lock now: one writer per file
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    def has_table(self, name: str) -> bool:
        row = self._con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
        return row is not None

    def close(self) -> None:
        self._con.close()
