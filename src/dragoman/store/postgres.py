"""The PostgreSQL backend (``--db postgresql://user@host/db``), through psycopg 3.

The store's SQL is SQLite-flavoured standard SQL with ``?`` placeholders; ``_pg_sql`` turns them
into psycopg's ``%s``. One writer at a time, as with SQLite: every write transaction first takes
a transaction-scoped advisory lock named after the store's schema, so a second writer (another
process, another server) waits instead of interleaving its fusion with ours. Readers never wait.
Text columns are ``COLLATE "C"`` (migrations/postgresql), so ordering and comparisons are by code
point, as in SQLite, whatever the database's own collation.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from dragoman.errors import ConfigError, StoreError
from dragoman.store.database import Database, Rows, redact

INSTALL_HINT = "a postgresql:// store needs psycopg: pip install 'dragoman[postgres]'"
CONNECT_SECONDS = 10


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as e:
        raise ConfigError(INSTALL_HINT) from e
    return psycopg


class PostgresDatabase(Database):
    dialect = "postgresql"
    like = "ILIKE"  # on COLLATE "C" columns only ASCII letters fold, exactly as SQLite's LIKE
    nulls_first = " NULLS FIRST"  # PostgreSQL puts NULLs last in ascending order; SQLite first

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        psycopg = _psycopg()
        self.Error = psycopg.Error  # type: ignore[misc]
        self.target = redact(url)
        try:
            self._con = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_SECONDS)
            if read_only:
                self._con.execute("SET default_transaction_read_only = on")
            schema = self._con.execute("SELECT current_schema()").fetchone()[0]
        except psycopg.Error as e:
            raise StoreError(
                f"{self.target}: cannot connect to PostgreSQL ({str(e).strip()}); check that the server runs, "
                "the database exists and the user may connect, or pass another --db"
            ) from e
        if schema is None:
            raise StoreError(
                f"{self.target}: no schema to create tables in (search_path names none that exists); "
                "create one or fix the search_path"
            )
        self.schema = str(schema)
        self._lock_key = zlib.crc32(f"dragoman store {self.schema}".encode())

    def in_list(self, expression: str) -> str:
        # An array parameter, not a set-returning function: the planner knows how many values there
        # are and looks each up in the index (with a function it scans the whole table).
        return f"{expression} = ANY(?)"

    def list_param(self, values: Iterable[str]) -> object:
        return list(values)

    def execute(self, sql: str, args: Sequence[object] = ()) -> Rows:
        return self._con.execute(_pg_sql(sql), args)  # type: ignore[no-any-return]

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        if rows:
            with self._con.cursor() as cur:
                cur.executemany(_pg_sql(sql), rows)

    def executescript(self, sql: str) -> None:
        with self._con.transaction():
            self._con.execute(sql)  # no parameters: psycopg sends several statements as one

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._con.transaction():
            # Held until commit or rollback: writers to this schema take turns, as on SQLite.
            self._con.execute("SELECT pg_advisory_xact_lock(%s)", (self._lock_key,))
            yield

    def has_table(self, name: str) -> bool:
        return self._con.execute("SELECT to_regclass(%s)", (name,)).fetchone()[0] is not None

    def close(self) -> None:
        self._con.close()


_TOKENS = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|\?|%")


@functools.lru_cache(maxsize=1024)
def _pg_sql(sql: str) -> str:
    """``?`` -> ``%s`` outside quotes; a literal ``%`` -> ``%%`` (psycopg reads ``%`` everywhere)."""

    def swap(m: re.Match[str]) -> str:
        token = m.group()
        if token == "?":
            return "%s"
        return token.replace("%", "%%")

    return _TOKENS.sub(swap, sql)
