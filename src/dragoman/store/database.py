"""The dialect layer: one small connection interface over SQLite and PostgreSQL.

The store's SQL is written once, with ``?`` placeholders and the syntax both databases share
(``INSERT ... ON CONFLICT DO NOTHING``, ``ON CONFLICT (key) DO UPDATE``). What differs is named
here, and each backend fills it in:

    Database                 execute / executemany / executescript / transaction / close
    ├── SqliteDatabase       store/sqlite.py: a file, WAL, BEGIN IMMEDIATE (one writer)
    └── PostgresDatabase     store/postgres.py: a URL, ? -> %s, an advisory lock (one writer)

``open_database(target)`` picks the backend: a ``postgresql://`` (or ``postgres://``) URL is
PostgreSQL, anything else is a SQLite path.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, ClassVar, Protocol
from urllib.parse import urlsplit, urlunsplit

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class Rows(Protocol):
    """What ``Database.execute`` returns: a DB-API cursor (sqlite3 and psycopg both give one)."""

    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Database(ABC):
    """A connection to a store, speaking the SQL both backends share.

    The class attributes and ``in_list`` are the SQL that differs between the dialects; queries
    put them in explicitly, so reading a query shows where a backend could behave differently.
    """

    dialect: ClassVar[str]
    #: Pattern matching that ignores ASCII case: SQLite's LIKE, PostgreSQL's ILIKE (on C collation).
    like: ClassVar[str]
    #: Appended to an ascending sort key that may be NULL, so NULLs come first on both (SQLite's way).
    nulls_first: ClassVar[str]
    #: The base class of the driver's errors.
    Error: ClassVar[type[Exception]]

    #: What was opened, safe to print (a URL without its password).
    target: str

    @abstractmethod
    def in_list(self, expression: str) -> str:
        """``expression`` is one of the values of a single parameter made by ``list_param``."""

    @abstractmethod
    def list_param(self, values: Iterable[str]) -> object:
        """The parameter of ``in_list``: a list of strings, in the form the backend can index."""

    @abstractmethod
    def execute(self, sql: str, args: Sequence[object] = ()) -> Rows: ...

    @abstractmethod
    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None: ...

    @abstractmethod
    def executescript(self, sql: str) -> None:
        """Run several statements separated by ``;`` (no parameters)."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A write transaction; only one connection per store holds one at a time."""

    @abstractmethod
    def has_table(self, name: str) -> bool: ...

    @abstractmethod
    def close(self) -> None: ...


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def open_database(target: str | Path) -> Database:
    """A SQLite file (``":memory:"`` too) or, for a ``postgresql://`` URL, a PostgreSQL database."""
    if is_postgres_url(target):
        from dragoman.store.postgres import PostgresDatabase

        return PostgresDatabase(str(target))
    from dragoman.store.sqlite import SqliteDatabase

    return SqliteDatabase(target)


def redact(target: str | Path) -> str:
    """``target`` for messages and logs: a URL without its password; a path as it is."""
    text = str(target)
    if not is_postgres_url(text):
        return text
    parts = urlsplit(text)
    query = re.sub(r"(^|&)password=[^&]*", r"\1password=***", parts.query)
    netloc = parts.netloc
    if parts.password is not None:
        host = parts.hostname or ""
        host = f"[{host}]" if ":" in host else host  # an IPv6 address keeps its brackets
        netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def split_statements(script: str) -> list[str]:
    """The statements of a migration file: separated by ``;`` at the end of a line."""
    return [s for s in script.split(";\n") if _has_sql(s)]


def _has_sql(statement: str) -> bool:
    lines = (line.strip() for line in statement.splitlines())
    return any(line and not line.startswith("--") for line in lines)
