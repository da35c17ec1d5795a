"""Read-only queries for the API, on connections of their own (the store keeps the one writer).

Every query is shaped for an index of schema 1 (store/migrations/0001_init.sql): events are paged by
keyset on their sort key ``(coalesce(date_start, date_end), id)``, never by OFFSET, so page 1000 costs
what page 1 costs. Each thread gets one ``mode=ro`` connection; a progress handler stops a query that
runs past ``query_seconds`` so one unlucky filter cannot hold a worker thread.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from dragoman.service.errors import ApiError

SORT_KEY = "coalesce(e.date_start, e.date_end)"
_PROGRESS_STEPS = 20_000  # SQLite VM steps between deadline checks (~1 ms)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilters:
    """The /events filters; every field is optional and they combine with AND."""

    actor_code: tuple[str, str | None] | None = None  # ("IRN", "GOV") or ("IRN", None)
    actor_name: str | None = None  # a name prefix, case-insensitive
    country: str | None = None  # ISO3 of the event's location
    event_type: str | None = None
    status: str | None = None
    since: str | None = None  # on the event's date key: its start date, else its end date
    until: str | None = None
    track: str | None = None
    text: str | None = None  # words in an evidence sentence

    def where(self) -> tuple[list[str], list[object]]:
        """SQL conditions on ``events e`` and their arguments."""
        where: list[str] = []
        args: list[object] = []
        for column, value in (
            ("e.event_type", self.event_type),
            ("e.status", self.status),
            ("e.location_country", self.country),
            ("e.track", self.track),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        if self.since is not None:
            where.append(f"{SORT_KEY} >= ?")
            args.append(self.since)
        if self.until is not None:
            # Dates are YYYY-MM-DD; a key on the last day of the range sorts below "to" + "~".
            where.append(f"{SORT_KEY} <= ?")
            args.append(self.until + "~")
        if self.actor_code is not None:
            country, sector = self.actor_code
            sector_sql = " AND a.sector = ?" if sector else ""
            where.append(f"EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.country = ?{sector_sql})")
            args.extend([country, sector] if sector else [country])
        if self.actor_name is not None:
            where.append(
                "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.name LIKE ? ESCAPE '\\')"
            )
            args.append(_like_prefix(self.actor_name))
        if self.text is not None:
            where.append(
                "EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id AND v.sentence LIKE ? ESCAPE '\\')"
            )
            args.append("%" + _like_escape(self.text) + "%")
        return where, args


@dataclass(frozen=True, slots=True)
class Position:
    """Where a page ends: the sort key of its last event (``date`` None for an undated event)."""

    date: str | None
    id: str


@dataclass(slots=True)
class EventPage:
    records: list[dict[str, Any]] = field(default_factory=list)
    next: Position | None = None


class Reader:
    """Read-only access to a store file, one connection per thread."""

    def __init__(self, path: str | Path, *, query_seconds: float = 10.0) -> None:
        self.path = str(path)
        self.query_seconds = query_seconds
        self._local = threading.local()

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
        return con

    @contextmanager
    def deadline(self, con: sqlite3.Connection) -> Iterator[None]:
        """Interrupt the statements run inside after ``query_seconds``, as a 503 naming the fix."""
        stop = time.monotonic() + self.query_seconds
        con.set_progress_handler(lambda: int(time.monotonic() > stop), _PROGRESS_STEPS)
        try:
            yield
        except sqlite3.OperationalError as e:
            if "interrupted" in str(e):
                raise ApiError(
                    503, "query_too_slow",
                    f"the query ran longer than {self.query_seconds:g} s; narrow it (from/to, type, actor)",
                ) from e  # fmt: skip
            raise
        finally:
            con.set_progress_handler(None, 0)

    # -- events --------------------------------------------------------------------------------

    def event_page(self, filters: EventFilters, *, after: Position | None, limit: int, newest_first: bool) -> EventPage:
        """One page in sort-key order: dated events (oldest or newest first), then undated ones by id."""
        con = self.connection()
        page = EventPage()
        with self.deadline(con):
            rows: list[tuple[str | None, str, str]] = []
            if after is None or after.date is not None:
                rows = self._dated(con, filters, after, limit + 1, newest_first)
            if len(rows) <= limit:
                undated_after = after.id if after is not None and after.date is None else None
                rows += self._undated(con, filters, undated_after, limit + 1 - len(rows))
        for key, event_id, record in rows[:limit]:
            page.records.append(json.loads(record))
            page.next = Position(key, event_id)
        if len(rows) <= limit:
            page.next = None
        return page

    def iter_records(self, filters: EventFilters, *, newest_first: bool = False, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every matching record in page order, read batch by batch on a connection of its own.

        The connection may be used from any thread (a streaming response pulls each chunk from a
        worker thread of its choice), and only one thread pulls at a time.
        """
        con = self.open_connection(any_thread=True)
        try:
            after: Position | None = None
            while True:
                rows = self._dated(con, filters, after, batch, newest_first) if after is None or after.date else []
                if len(rows) < batch:
                    undated_after = after.id if after is not None and after.date is None else None
                    rows += self._undated(con, filters, undated_after, batch - len(rows))
                for _, _, record in rows:
                    yield json.loads(record)
                if len(rows) < batch:
                    return
                after = Position(rows[-1][0], rows[-1][1])
        finally:
            con.close()

    def _dated(
        self, con: sqlite3.Connection, filters: EventFilters, after: Position | None, limit: int, newest_first: bool
    ) -> list[tuple[str | None, str, str]]:
        where, args = filters.where()
        where.append(f"{SORT_KEY} IS NOT NULL")
        direction = "DESC" if newest_first else "ASC"
        if after is not None:
            where.append(f"({SORT_KEY}, e.id) {'<' if newest_first else '>'} (?, ?)")
            args.extend([after.date, after.id])
        sql = (
            f"SELECT {SORT_KEY}, e.id, e.record FROM events e WHERE {' AND '.join(where)}"
            f" ORDER BY {SORT_KEY} {direction}, e.id {direction} LIMIT ?"
        )
        return con.execute(sql, [*args, limit]).fetchall()

    def _undated(
        self, con: sqlite3.Connection, filters: EventFilters, after_id: str | None, limit: int
    ) -> list[tuple[str | None, str, str]]:
        if filters.since is not None or filters.until is not None or limit <= 0:
            return []  # a date range never matches an undated event
        where, args = filters.where()
        where.append(f"{SORT_KEY} IS NULL")
        if after_id is not None:
            where.append("e.id > ?")
            args.append(after_id)
        sql = (
            f"SELECT NULL, e.id, e.record FROM events e WHERE {' AND '.join(where)}"
            " ORDER BY e.id LIMIT ?"
        )
        return con.execute(sql, [*args, limit]).fetchall()

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
            "SELECT id, title, outlet, url, published, author, text FROM articles WHERE id = ?", (article_id,)
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

    def actor_counts(self) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """Over all events: (name, country, sector, events) and (name, country, sector, role, events)."""
        con = self.connection()
        with self.deadline(con):
            totals = con.execute(
                "SELECT name, country, sector, count(DISTINCT event_id) FROM event_actors GROUP BY name, country, sector"
            ).fetchall()
            roles = con.execute(
                "SELECT name, country, sector, role, count(DISTINCT event_id) FROM event_actors"
                " GROUP BY name, country, sector, role"
            ).fetchall()
        return totals, roles

    def change_marker(self) -> tuple[int, int]:
        """Changes whenever events or actors are added; cheap (two index look-ups)."""
        con = self.connection()
        row = con.execute(
            "SELECT (SELECT max(rowid) FROM events), (SELECT max(rowid) FROM event_actors)"
        ).fetchone()
        return (row[0] or 0, row[1] or 0)

    def schema_version(self) -> int:
        row = self.connection().execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)


def _article_summary(row: tuple[Any, ...]) -> dict[str, Any]:
    article_id, title, outlet, url, published = row
    return {"id": article_id, "title": title, "outlet": outlet, "url": url, "published": published}


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_prefix(text: str) -> str:
    return _like_escape(text) + "%"
