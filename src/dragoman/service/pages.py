"""What the SQLite and PostgreSQL readers share: pages, streams and the lookups by id.

Both readers page canonical events (``occurrences``) and per-article reports (``events``) in the
same order, ``(date key, id)`` with date key = coalesce(date_start, date_end): dated events first
(oldest or newest first), then undated ones by id. A reader only says how to select one run of
that order (``_select``: dated or undated, after a position); the plumbing around it is here:
the dated run then the undated one, a page's cursor, streaming every match batch by batch, and
the queries by id, which are the same SQL on both stores.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any, Literal

from dragoman.service import canonical
from dragoman.service.eventsql import EventFilters, EventPage, Position

Kind = Literal["occurrences", "reports"]
Row = tuple[str | None, str, dict[str, Any]]  # date key, id, the API's record


class PageReader:
    """Read-only pages and lookups; subclasses open the connections and select the rows."""

    like = "LIKE"  # case-insensitive for ASCII letters on both stores (ILIKE on PostgreSQL)

    def __init__(self) -> None:
        self._local = threading.local()

    def connection(self) -> Any:
        """This thread's connection, opened on first use."""
        con = getattr(self._local, "con", None)
        if con is None:
            con = self.open_connection()
            self._local.con = con
        return con

    def open_connection(self, *, any_thread: bool = False) -> Any:
        raise NotImplementedError

    def deadline(self, con: Any) -> Any:
        """A context manager turning a query stopped for running too long into a 503."""
        raise NotImplementedError

    def plan(self, con: Any, kind: Kind, filters: EventFilters) -> Any:
        """What ``_select`` needs to know of a query, worked out once per page."""
        raise NotImplementedError

    def _select(
        self, con: Any, plan: Any, after: Position | None, limit: int, *, newest_first: bool, dated: bool
    ) -> list[Row]:
        """Up to ``limit`` dated or undated matches of ``plan`` after ``after``, in page order."""
        raise NotImplementedError

    # -- pages ---------------------------------------------------------------------------------

    def occurrence_page(
        self, filters: EventFilters, *, after: Position | None, limit: int, newest_first: bool
    ) -> EventPage:
        """One page of canonical events (/events)."""
        return self._page("occurrences", filters, after, limit, newest_first)

    def event_page(
        self, filters: EventFilters, *, after: Position | None, limit: int, newest_first: bool
    ) -> EventPage:
        """One page of per-article reports (/reports)."""
        return self._page("reports", filters, after, limit, newest_first)

    def iter_occurrence_records(
        self, filters: EventFilters, *, newest_first: bool = False, batch: int = 1000
    ) -> Iterator[dict[str, Any]]:
        return self._iter("occurrences", filters, newest_first, batch)

    def iter_records(
        self, filters: EventFilters, *, newest_first: bool = False, batch: int = 1000
    ) -> Iterator[dict[str, Any]]:
        return self._iter("reports", filters, newest_first, batch)

    def _page(self, kind: Kind, filters: EventFilters, after: Position | None, limit: int, newest_first: bool) -> EventPage:
        con = self.connection()
        with self.deadline(con):
            rows = self.rows(con, kind, filters, after, limit + 1, newest_first)
        page = EventPage(records=[r for _, _, r in rows[:limit]])
        if len(rows) > limit:
            key, last_id, _ = rows[limit - 1]
            page.next = Position(key, last_id)
        return page

    def _iter(self, kind: Kind, filters: EventFilters, newest_first: bool, batch: int) -> Iterator[dict[str, Any]]:
        """Every match in page order, batch by batch, on a connection of its own: a streaming
        response pulls each chunk from a worker thread of its choice, one thread at a time."""
        con = self.open_connection(any_thread=True)
        try:
            after: Position | None = None
            while True:
                rows = self.rows(con, kind, filters, after, batch, newest_first)
                for _, _, record in rows:
                    yield record
                if len(rows) < batch:
                    return
                after = Position(rows[-1][0], rows[-1][1])
        finally:
            con.close()

    def rows(
        self, con: Any, kind: Kind, filters: EventFilters, after: Position | None, limit: int, newest_first: bool
    ) -> list[Row]:
        """The dated matches after ``after``, then (without a date range) the undated ones."""
        plan = self.plan(con, kind, filters)
        rows: list[Row] = []
        if after is None or after.date is not None:
            rows = self._select(con, plan, after, limit, newest_first=newest_first, dated=True)
        if len(rows) < limit and filters.since is None and filters.until is None:  # a date range has no undated
            undated_after = after if after is not None and after.date is None else None
            rows += self._select(con, plan, undated_after, limit - len(rows), newest_first=False, dated=False)
        return rows

    # -- by id ---------------------------------------------------------------------------------

    def occurrence(self, given: str) -> dict[str, Any] | None:
        """/events/{id}: a canonical event by id, old id, report id or id prefix."""
        return canonical.occurrence_detail(self.connection(), given)

    def actors(self, *, prefix: str | None, country: str | None, limit: int) -> dict[str, Any]:
        return canonical.actors(self.connection(), prefix=prefix, country=country, limit=limit, like=self.like)

    def event(self, event_id: str) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
        """A report's record and a summary of its article, or None."""
        row = self.connection().execute(
            "SELECT e.record, a.id, a.title, a.outlet, a.url, a.published FROM events e"
            " LEFT JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
            (event_id,),
        ).fetchone()
        if row is None:
            return None
        article = None if row[1] is None else _article_summary(row[1:])
        return json.loads(row[0]), article

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

    def track_names(self) -> list[dict[str, str]]:
        """Each track's id and name, in the order of ``Store.tracks`` (undated first, then by first date)."""
        rows = self.connection().execute("SELECT id, first_date, record FROM tracks").fetchall()
        ordered = sorted(rows, key=lambda r: (r[1] is not None, r[1] or "", r[0]))
        return [{"id": r[0], "name": json.loads(r[2])["name"]} for r in ordered]

    def schema_version(self) -> int:
        row = self.connection().execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)


def _article_summary(row: tuple[Any, ...]) -> dict[str, Any]:
    article_id, title, outlet, url, published = row
    return {"id": article_id, "title": title, "outlet": outlet, "url": url, "published": published}
