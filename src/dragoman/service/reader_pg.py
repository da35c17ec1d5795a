"""The API's read-only queries on a PostgreSQL store: the same pages, in the same order, as ``Reader``.

``Reader`` steers SQLite's planner by hand (unary ``+``, a driving filter, rowid joins); PostgreSQL
plans from statistics, so here each page is one plain keyset query: ``(date key, id)`` after the
last position, on the index ``events_date (coalesce(date_start, date_end), id)`` of
store/migrations/postgresql. Each thread gets one read-only connection; ``statement_timeout`` stops
a query that runs past ``query_seconds`` (a 503 naming the fix, as on SQLite).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dragoman.service import canonical
from dragoman.service.errors import ApiError
from dragoman.service.reader import EventFilters, EventPage, Position
from dragoman.store.postgres import PostgresDatabase

SORT_KEY = "coalesce(e.date_start, e.date_end)"


class PostgresReader:
    """Read-only access to a PostgreSQL store, one connection per thread."""

    def __init__(self, url: str, *, query_seconds: float = 10.0) -> None:
        self.path = url
        self.query_seconds = query_seconds
        self._local = threading.local()

    def connection(self) -> PostgresDatabase:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self.open_connection()
            self._local.con = con
        return con

    def open_connection(self) -> PostgresDatabase:
        con = PostgresDatabase(self.path, read_only=True)
        con.execute(f"SET statement_timeout = {int(self.query_seconds * 1000)}")
        return con

    @contextmanager
    def deadline(self, con: PostgresDatabase) -> Iterator[None]:
        """Turn a statement stopped by ``statement_timeout`` into a 503 naming the fix."""
        try:
            yield
        except con.Error as e:
            if getattr(e, "sqlstate", None) == "57014":  # query_canceled
                raise ApiError(
                    503, "query_too_slow",
                    f"the query ran longer than {self.query_seconds:g} s; narrow it (from/to, type, actor)",
                ) from e  # fmt: skip
            raise

    # -- events --------------------------------------------------------------------------------

    def event_page(
        self, filters: EventFilters, *, after: Position | None, limit: int, newest_first: bool
    ) -> EventPage:
        """One page in sort-key order: dated events (oldest or newest first), then undated ones by id."""
        con = self.connection()
        page = EventPage()
        with self.deadline(con):
            rows = _rows(con, filters, after, limit + 1, newest_first)
        for key, event_id, record in rows[:limit]:
            page.records.append(json.loads(record))
            page.next = Position(key, event_id)
        if len(rows) <= limit:
            page.next = None
        return page

    def iter_records(
        self, filters: EventFilters, *, newest_first: bool = False, batch: int = 1000
    ) -> Iterator[dict[str, Any]]:
        """Every matching record in page order, batch by batch, on a connection of its own."""
        con = self.open_connection()
        try:
            after: Position | None = None
            while True:
                rows = _rows(con, filters, after, batch, newest_first)
                for _, _, record in rows:
                    yield json.loads(record)
                if len(rows) < batch:
                    return
                after = Position(rows[-1][0], rows[-1][1])
        finally:
            con.close()

    # -- canonical events ----------------------------------------------------------------------

    def occurrence_page(
        self, filters: EventFilters, *, after: Position | None, limit: int, newest_first: bool
    ) -> EventPage:
        """One page of canonical events, in the order and with the filters of ``Reader.occurrence_page``."""
        con = self.connection()
        page = EventPage()
        with self.deadline(con):
            rows = _occurrence_rows(con, filters, after, limit + 1, newest_first)
        page.records = [r for _, _, r in rows[:limit]]
        if len(rows) > limit:
            page.next = Position(rows[limit - 1][0], rows[limit - 1][1])
        return page

    def iter_occurrence_records(
        self, filters: EventFilters, *, newest_first: bool = False, batch: int = 1000
    ) -> Iterator[dict[str, Any]]:
        con = self.open_connection()
        try:
            after: Position | None = None
            while True:
                rows = _occurrence_rows(con, filters, after, batch, newest_first)
                for _, _, record in rows:
                    yield record
                if len(rows) < batch:
                    return
                after = Position(rows[-1][0], rows[-1][1])
        finally:
            con.close()

    def occurrence(self, given: str) -> dict[str, Any] | None:
        return canonical.occurrence_detail(self.connection(), given)

    def actors(self, *, prefix: str | None, country: str | None, limit: int) -> dict[str, Any]:
        return canonical.actors(self.connection(), prefix=prefix, country=country, limit=limit, like="ILIKE")

    # -- per-article reports ---------------------------------------------------------------------

    def event(self, event_id: str) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
        """An event's record and a summary of its article, or None."""
        row = self.connection().execute(
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

    def schema_version(self) -> int:
        row = self.connection().execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)


def _rows(
    con: PostgresDatabase, filters: EventFilters, after: Position | None, limit: int, newest_first: bool
) -> list[tuple[str | None, str, str]]:
    rows: list[tuple[str | None, str, str]] = []
    if after is None or after.date is not None:
        rows = _select(con, filters, after, limit, newest_first=newest_first, dated=True)
    if len(rows) < limit and filters.since is None and filters.until is None:  # a date range has no undated
        undated_after = after if after is not None and after.date is None else None
        rows += _select(con, filters, undated_after, limit - len(rows), newest_first=False, dated=False)
    return rows


def _select(
    con: PostgresDatabase, filters: EventFilters, after: Position | None, limit: int, *, newest_first: bool,
    dated: bool,
) -> list[tuple[str | None, str, str]]:  # fmt: skip
    if limit <= 0:
        return []
    where, args = _where(filters)
    if dated:
        where.append(f"{SORT_KEY} IS NOT NULL")
        direction = "DESC" if newest_first else "ASC"
        order = f"{SORT_KEY} {direction}, e.id {direction}"
        if after is not None:
            where.append(f"({SORT_KEY}, e.id) {'<' if newest_first else '>'} (?, ?)")
            args.extend([after.date, after.id])
    else:
        where.append(f"{SORT_KEY} IS NULL")
        order = "e.id"
        if after is not None:
            where.append("e.id > ?")
            args.append(after.id)
    sql = (
        f"SELECT {SORT_KEY if dated else 'NULL'}, e.id, e.record FROM events e"
        f" WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?"
    )
    return con.execute(sql, [*args, limit]).fetchall()  # type: ignore[no-any-return]


def _column_conditions(
    f: EventFilters, alias: str, track_column: str, date_key: str
) -> tuple[list[str], list[object]]:
    """Type, status, place country, track and date range, on the columns reports (``e``) and
    canonical events (``o``) both carry."""
    where: list[str] = []
    args: list[object] = []
    for column, value in (
        ("event_type", f.event_type), ("status", f.status), ("location_country", f.country), (track_column, f.track),
    ):  # fmt: skip
        if value is not None:
            where.append(f"{alias}.{column} = ?")
            args.append(value)
    if f.since is not None:
        where.append(f"{date_key} >= ?")
        args.append(f.since)
    if f.until is not None:
        where.append(f"{date_key} <= ?")
        args.append(f.until)
    return where, args


def _where(f: EventFilters) -> tuple[list[str], list[object]]:
    """The conditions of ``EventFilters.where`` in PostgreSQL's terms (ILIKE on C collation ignores
    ASCII case only, as SQLite's LIKE does)."""
    where, args = _column_conditions(f, "e", "track", SORT_KEY)
    if f.actor_code is not None:
        country, sector = f.actor_code
        sector_sql = " AND a.sector = ?" if sector else ""
        where.append(f"EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.country = ?{sector_sql})")
        args.extend([country, sector] if sector else [country])
    if f.actor_name is not None:
        where.append(
            "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.name ILIKE ? ESCAPE '\\')"
        )
        args.append(_like_escape(f.actor_name) + "%")
    if f.text is not None:
        where.append(
            "EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id AND v.sentence ILIKE ? ESCAPE '\\')"
        )
        args.append("%" + _like_escape(f.text) + "%")
    return where, args


OCCURRENCE_KEY = "coalesce(o.date_start, o.date_end)"


def _occurrence_rows(
    con: PostgresDatabase, f: EventFilters, after: Position | None, limit: int, newest_first: bool
) -> list[tuple[str | None, str, dict[str, Any]]]:
    """Dated canonical events in page order, then undated ones by id: one keyset query each, on the
    indexes of schema 5 (the planner picks among them from its statistics)."""
    ids = canonical.actor_ids(con, f, like="ILIKE")
    if ids == []:
        return []
    where, args = _occurrence_where(f, ids)
    rows: list[tuple[str | None, str, dict[str, Any]]] = []
    if after is None or after.date is not None:
        direction = "DESC" if newest_first else "ASC"
        dated, dated_args = [f"{OCCURRENCE_KEY} IS NOT NULL"], []
        if after is not None:
            dated.append(f"({OCCURRENCE_KEY}, o.id) {'<' if newest_first else '>'} (?, ?)")
            dated_args += [after.date, after.id]
        rows = _occurrences(con, where + dated, args + dated_args, f"{OCCURRENCE_KEY} {direction}, o.id {direction}",
                            limit, dated=True)  # fmt: skip
    if len(rows) < limit and f.since is None and f.until is None:
        undated, undated_args = [f"{OCCURRENCE_KEY} IS NULL"], []
        if after is not None and after.date is None:
            undated.append("o.id > ?")
            undated_args.append(after.id)
        rows += _occurrences(con, where + undated, args + undated_args, "o.id", limit - len(rows), dated=False)
    return rows


def _occurrences(
    con: PostgresDatabase, where: list[str], args: list[object], order: str, limit: int, *, dated: bool
) -> list[tuple[str | None, str, dict[str, Any]]]:
    if limit <= 0:
        return []
    sql = (
        f"SELECT {OCCURRENCE_KEY if dated else 'NULL'}, o.id, {canonical.RECORD_COLUMNS} FROM occurrences o"
        f" WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?"
    )
    return [(r[0], r[1], canonical.record(*r[2:])) for r in con.execute(sql, [*args, limit])]


def _occurrence_where(f: EventFilters, actor_ids: list[int] | None) -> tuple[list[str], list[object]]:
    where, args = _column_conditions(f, "o", "track_id", OCCURRENCE_KEY)
    if actor_ids is not None:
        where.append("EXISTS (SELECT 1 FROM occurrence_actors a WHERE a.occurrence_id = o.id AND a.actor_id = ANY(?))")
        args.append(actor_ids)
    if f.text is not None:
        where.append(
            "EXISTS (SELECT 1 FROM occurrence_text t WHERE t.occurrence_id = o.id"
            " AND t.document @@ plainto_tsquery('simple', ?))"
        )
        args.append(f.text)
    return where, args


def _article_summary(row: tuple[Any, ...]) -> dict[str, Any]:
    article_id, title, outlet, url, published = row
    return {"id": article_id, "title": title, "outlet": outlet, "url": url, "published": published}


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
