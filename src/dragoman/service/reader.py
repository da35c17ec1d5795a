"""Read-only queries for the API, on connections of their own (the store keeps the one writer).

Every query is shaped for an index of schema 1 (store/migrations/0001_init.sql): events are paged by
keyset on their sort key ``(coalesce(date_start, date_end), id)``, never by OFFSET, so page 1000 costs
what page 1 costs (the statements are in eventsql.py). Each thread gets one ``mode=ro`` connection; a
progress handler stops a query that runs past ``query_seconds`` so one unlucky filter cannot hold a
worker thread.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from dragoman.service import canonical, canonical_sqlite
from dragoman.service.errors import ApiError
from dragoman.service.eventsql import (
    SORT_KEY,
    Driver,
    EventFilters,
    EventPage,
    Indexes,
    Position,
    select_page,
    squash,
)

CANDIDATE_CAP = 10_000  # a filter matching fewer events drives the query (see Reader._driver)
COUNT_SECONDS = 300.0  # how long a candidate count is trusted: it only steers the plan
MMAP_BYTES = 4_000_000_000
CACHE_KIB = 16_000
_PROGRESS_STEPS = 20_000  # SQLite VM steps between deadline checks (~1 ms)


class Reader:
    """Read-only access to a store file, one connection per thread."""

    def __init__(
        self, path: str | Path, *, query_seconds: float = 10.0, candidate_cap: int = CANDIDATE_CAP
    ) -> None:
        self.path = str(path)
        self.query_seconds = query_seconds
        self.candidate_cap = candidate_cap
        self._local = threading.local()
        self._counts: dict[tuple[str, tuple[object, ...]], tuple[int, float]] = {}
        self._counts_lock = threading.Lock()
        self._index_info: Indexes | None = None

    def connection(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self.open_connection()
            self._local.con = con
        return con

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

    # -- events --------------------------------------------------------------------------------

    def event_page(
        self, filters: EventFilters, *, after: Position | None, limit: int, newest_first: bool
    ) -> EventPage:
        """One page in sort-key order: dated events (oldest or newest first), then undated ones by id."""
        con = self.connection()
        page = EventPage()
        with self.deadline(con):
            rows = self._rows(con, filters, after, limit + 1, newest_first)
        for key, event_id, record in rows[:limit]:
            page.records.append(json.loads(record))
            page.next = Position(key, event_id)
        if len(rows) <= limit:
            page.next = None
        return page

    def iter_records(
        self, filters: EventFilters, *, newest_first: bool = False, batch: int = 1000
    ) -> Iterator[dict[str, Any]]:
        """Every matching record in page order, read batch by batch on a connection of its own.

        The connection may be used from any thread (a streaming response pulls each chunk from a
        worker thread of its choice), and only one thread pulls at a time.
        """
        con = self.open_connection(any_thread=True)
        try:
            after: Position | None = None
            while True:
                rows = self._rows(con, filters, after, batch, newest_first)
                for _, _, record in rows:
                    yield json.loads(record)
                if len(rows) < batch:
                    return
                after = Position(rows[-1][0], rows[-1][1])
        finally:
            con.close()

    def _rows(
        self,
        con: sqlite3.Connection,
        filters: EventFilters,
        after: Position | None,
        limit: int,
        newest_first: bool,
    ) -> list[tuple[str | None, str, str]]:
        driver = self._driver(con, filters)
        ordered = self._walk(con, filters) if driver is None else frozenset()
        rows: list[tuple[str | None, str, str]] = []
        if after is None or after.date is not None:
            rows = select_page(
                con, filters, driver, ordered, after, limit, newest_first=newest_first, dated=True
            )
        if (
            len(rows) < limit and filters.since is None and filters.until is None
        ):  # a date range has no undated
            undated_after = after if after is not None and after.date is None else None
            rows += select_page(con, filters, driver, ordered, undated_after, limit - len(rows), newest_first=False,
                            dated=False)  # fmt: skip
        return rows

    def _driver(self, con: sqlite3.Connection, filters: EventFilters) -> Driver | None:
        """The filter to enumerate first, when one matches fewer than ``candidate_cap`` events.

        Otherwise the query walks the sort-key index and tests each event: with every filter matching
        many events, a page fills after a few thousand steps. Counting stops at the cap, so the choice
        costs a bounded index range scan, and is remembered for a while.
        """
        best, fewest = None, self.candidate_cap
        for driver in filters.drivers(self._indexes(con)):
            n = self._count(con, driver)
            if n < fewest:
                best, fewest = driver, n
        return best

    def _walk(self, con: sqlite3.Connection, filters: EventFilters) -> frozenset[str]:
        """The one filter column whose ordered index the page should walk: the one matching fewest.

        With two such filters (type and status) SQLite cannot tell which is rarer without statistics
        the store does not keep; walking the rarer one tests fewer events.
        """
        ordered = self._indexes(con).ordered
        given = {"event_type": filters.event_type, "status": filters.status,
                 "location_country": filters.country, "track": filters.track}  # fmt: skip
        columns = [c for c in ordered if given.get(c) is not None]
        if len(columns) <= 1:
            return frozenset(columns)
        counts = {
            c: self._count(
                con, Driver(c, f"SELECT 1 AS k FROM events WHERE {c} = ?", [given[c]], "rowid")
            )
            for c in columns
        }
        return frozenset({min(columns, key=lambda c: (counts[c], c))})

    def _indexes(self, con: sqlite3.Connection) -> Indexes:
        """The indexes on events, read once (indexes come with migrations, not while serving)."""
        if self._index_info is None:
            leading: set[str] = set()
            ordered: set[str] = set()
            sort_key = squash(SORT_KEY.replace("e.", ""))
            for name, sql in con.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'"
            ):
                columns = [
                    r[0]
                    for r in con.execute(
                        "SELECT name FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
                        (name,),
                    )
                ]
                if columns and columns[0]:
                    leading.add(columns[0])
                if len(columns) == 3 and columns[0] and columns[1] is None and columns[2] == "id" and sql \
                        and sort_key in squash(sql):  # fmt: skip
                    ordered.add(columns[0])
            self._index_info = Indexes(frozenset(leading), frozenset(ordered))
        return self._index_info

    def _count(self, con: sqlite3.Connection, driver: Driver) -> int:
        return self._count_sql(con, driver.sql, driver.args)

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

    # -- canonical events ----------------------------------------------------------------------

    def occurrence_page(
        self, filters: EventFilters, *, after: Position | None, limit: int, newest_first: bool
    ) -> EventPage:
        """One page of canonical events in page order (see canonical_sqlite)."""
        con = self.connection()
        page = EventPage()
        with self.deadline(con):
            rows = self._occurrence_rows(con, filters, after, limit + 1, newest_first)
        page.records = [r for _, _, r in rows[:limit]]
        if len(rows) > limit:
            key, occurrence_id, _ = rows[limit - 1]
            page.next = Position(key, occurrence_id)
        return page

    def iter_occurrence_records(
        self, filters: EventFilters, *, newest_first: bool = False, batch: int = 1000
    ) -> Iterator[dict[str, Any]]:
        """Every matching canonical record in page order, on a connection of its own (see iter_records)."""
        con = self.open_connection(any_thread=True)
        try:
            after: Position | None = None
            while True:
                rows = self._occurrence_rows(con, filters, after, batch, newest_first)
                for _, _, record in rows:
                    yield record
                if len(rows) < batch:
                    return
                after = Position(rows[-1][0], rows[-1][1])
        finally:
            con.close()

    def _occurrence_rows(
        self, con: sqlite3.Connection, filters: EventFilters, after: Position | None, limit: int, newest_first: bool
    ) -> list[tuple[str | None, str, dict[str, Any]]]:
        q = canonical_sqlite.Query(filters, canonical.actor_ids(con, filters, like="LIKE"))
        driver = canonical_sqlite.choose_driver(
            q, lambda sql, args, cap: self._count_sql(con, sql, args, cap), self.candidate_cap
        )
        rows: list[tuple[str | None, str, int]] = []
        if after is None or after.date is not None:
            rows = canonical_sqlite.select_page(con, q, driver, after, limit, newest_first=newest_first, dated=True)
        if len(rows) < limit and filters.since is None and filters.until is None:  # a date range has no undated
            undated_after = after if after is not None and after.date is None else None
            rows += canonical_sqlite.select_page(
                con, q, driver, undated_after, limit - len(rows), newest_first=False, dated=False
            )
        if not rows:
            return []
        marks = ",".join("?" * len(rows))
        found = {
            r[0]: canonical.record(*r[1:])
            for r in con.execute(
                f"SELECT rowid, {canonical.RECORD_COLUMNS} FROM occurrences o WHERE rowid IN ({marks})",
                [r[2] for r in rows],
            )
        }
        return [(key, occurrence_id, found[rowid]) for key, occurrence_id, rowid in rows]

    def occurrence(self, given: str) -> dict[str, Any] | None:
        """/events/{id}: a canonical event by id, old id, report id or id prefix."""
        return canonical.occurrence_detail(self.connection(), given)

    def actors(self, *, prefix: str | None, country: str | None, limit: int) -> dict[str, Any]:
        return canonical.actors(self.connection(), prefix=prefix, country=country, limit=limit, like="LIKE")

    # -- per-article reports ---------------------------------------------------------------------

    def event(self, event_id: str) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
        """An event's record and a summary of its article, or None."""
        con = self.connection()
        row = con.execute(
            "SELECT e.record, a.id, a.title, a.outlet, a.url, a.published FROM events e"
            " LEFT JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
            (event_id,),
        ).fetchone()
        if row is None:
            return None
        article = None if row[1] is None else _article_summary(row[1:])
        return json.loads(row[0]), article

    # -- articles and actors ---------------------------------------------------------------------

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The cleaned article with the evidence spans of its events (offsets into ``text``)."""
        con = self.connection()
        row = con.execute(
            "SELECT id, title, outlet, url, published, author, text FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        spans = con.execute(
            'SELECT v.start, v."end", e.id, e.event_type, e.cameo, e.status FROM events e'
            " JOIN evidence v ON v.event_id = e.id WHERE e.article_id = ? AND v.doc_id = ?"
            " ORDER BY v.start, e.id",
            (article_id, article_id),
        ).fetchall()
        return {
            **_article_summary(row[:5]),
            "author": row[5],
            "text": row[6],
            "spans": [
                {"start": s, "end": e, "event_id": i, "event_type": t, "cameo": c, "status": st}
                for s, e, i, t, c, st in spans
            ],
        }

    def schema_version(self) -> int:
        row = self.connection().execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)


def _article_summary(row: tuple[Any, ...]) -> dict[str, Any]:
    article_id, title, outlet, url, published = row
    return {"id": article_id, "title": title, "outlet": outlet, "url": url, "published": published}
