"""Read-only queries for the API on a SQLite store, on connections of their own (the store keeps
the one writer).

Every page is a walk of an index in page order (see canonical_sqlite: canonical events on schema 5's
indexes, per-article reports on schema 6's), never an OFFSET, so page 1000 costs what page 1 costs.
Each thread gets one ``mode=ro`` connection; a progress handler stops a query that runs past
``query_seconds`` so one unlucky filter cannot hold a worker thread.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from dragoman.service import canonical, canonical_sqlite
from dragoman.service.errors import ApiError
from dragoman.service.eventsql import EventFilters, Position
from dragoman.service.pages import Kind, PageReader, Row

CANDIDATE_CAP = 10_000  # a filter is counted up to this many matches to choose the walk
COUNT_SECONDS = 300.0  # how long a count is trusted: it only steers the plan
MMAP_BYTES = 4_000_000_000
CACHE_KIB = 16_000
_PROGRESS_STEPS = 20_000  # SQLite VM steps between deadline checks (~1 ms)
_TABLES = {"occurrences": canonical_sqlite.OCCURRENCES, "reports": canonical_sqlite.REPORTS}


@dataclass(frozen=True, slots=True)
class _Plan:
    kind: Kind
    query: canonical_sqlite.Query
    walk: str  # the filter whose index the page walks ("date" for none)


class Reader(PageReader):
    """Read-only access to a store file, one connection per thread."""

    def __init__(
        self, path: str | Path, *, query_seconds: float = 10.0, candidate_cap: int = CANDIDATE_CAP
    ) -> None:
        super().__init__()
        self.path = str(path)
        self.query_seconds = query_seconds
        self.candidate_cap = candidate_cap
        self._counts: dict[tuple[str, tuple[object, ...]], tuple[int, float]] = {}
        self._counts_lock = threading.Lock()

    def open_connection(self, *, any_thread: bool = False) -> sqlite3.Connection:
        uri = "file:" + quote(str(Path(self.path).resolve())) + "?mode=ro"
        con = sqlite3.connect(uri, uri=True, check_same_thread=not any_thread)
        con.execute("PRAGMA query_only=ON")
        con.execute("PRAGMA busy_timeout=5000")
        # Reads go through the OS page cache without a copy per page, and each connection keeps the
        # hot index pages: on a store of a million events this halves the time of a filtered page.
        con.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        con.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        return con

    @contextmanager
    def deadline(self, con: sqlite3.Connection, seconds: float | None = None) -> Iterator[None]:
        """Interrupt the statements run inside after ``seconds`` (``query_seconds``), as a 503 naming the fix."""
        seconds = seconds or self.query_seconds
        stop = time.monotonic() + seconds
        con.set_progress_handler(lambda: int(time.monotonic() > stop), _PROGRESS_STEPS)
        try:
            yield
        except sqlite3.OperationalError as e:
            if "interrupted" in str(e):
                raise ApiError(
                    503, "query_too_slow",
                    f"the query ran longer than {seconds:g} s; narrow it (from/to, type, actor)",
                ) from e  # fmt: skip
            raise
        finally:
            con.set_progress_handler(None, 0)

    def query(self, con: sqlite3.Connection, kind: Kind, filters: EventFilters) -> canonical_sqlite.Query:
        """The filters on ``kind``'s table, with the actor ids an actor filter stands for."""
        ids = canonical.actor_ids(con, filters, like="LIKE", fused=kind == "occurrences")
        return canonical_sqlite.Query(filters, ids, _TABLES[kind])

    def walk(self, con: sqlite3.Connection, q: canonical_sqlite.Query) -> str:
        """The filter whose index a page walks (``canonical_sqlite.choose_driver``)."""
        return canonical_sqlite.choose_driver(
            q, lambda sql, args, cap: self._count_sql(con, sql, args, cap), self.candidate_cap
        )

    def plan(self, con: sqlite3.Connection, kind: Kind, filters: EventFilters) -> _Plan:
        q = self.query(con, kind, filters)
        return _Plan(kind, q, self.walk(con, q))

    def _select(
        self, con: sqlite3.Connection, plan: _Plan, after: Position | None, limit: int, *, newest_first: bool,
        dated: bool,
    ) -> list[Row]:  # fmt: skip
        keys = canonical_sqlite.select_page(
            con, plan.query, plan.walk, after, limit, newest_first=newest_first, dated=dated
        )
        if not keys:
            return []
        # Sort keys and ids first, records after: a sort then carries a few bytes per event, not its JSON.
        marks = ",".join("?" * len(keys))
        rowids = [k[2] for k in keys]
        if plan.kind == "occurrences":
            sql = f"SELECT rowid, {canonical.RECORD_COLUMNS} FROM occurrences o WHERE rowid IN ({marks})"
            found = {r[0]: canonical.record(*r[1:]) for r in con.execute(sql, rowids)}
        else:
            sql = f"SELECT rowid, record FROM events WHERE rowid IN ({marks})"
            found = {r[0]: json.loads(r[1]) for r in con.execute(sql, rowids)}
        return [(key, row_id, found[rowid]) for key, row_id, rowid in keys]

    def _count_sql(self, con: sqlite3.Connection, sql: str, args: list[object], cap: int | None = None) -> int:
        """How many rows ``sql`` selects, counted up to ``cap`` (``candidate_cap``) and kept a while."""
        cap = self.candidate_cap if cap is None else cap
        key = (sql, (*args, cap))
        now = time.monotonic()
        with self._counts_lock:
            cached = self._counts.get(key)
            if cached is not None and now - cached[1] < COUNT_SECONDS:
                return cached[0]
        n = int(con.execute(f"SELECT count(*) FROM ({sql} LIMIT ?)", [*args, cap]).fetchone()[0])
        with self._counts_lock:
            if len(self._counts) > 10_000:
                self._counts.clear()
            self._counts[key] = (n, now)
        return n
