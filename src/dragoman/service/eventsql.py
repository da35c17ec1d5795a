"""The SQL of /events: filters, the keyset position, and one page's statement.

Pages are in sort-key order ``(coalesce(date_start, date_end), id)``, dated events first, undated
ones after by id. A query either walks an index in that order and tests each event, or, when one
filter matches few events, lists those through the filter's own index and sorts just them
(see ``Reader._driver``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

SORT_KEY = "coalesce(e.date_start, e.date_end)"


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

    def drivers(self, indexes: Indexes) -> list[Driver]:
        """The filters an index can list the matches of, as candidate drivers of the query.

        A filter with an ordered index (column, sort key, id) never needs to drive: walking that
        index gives its matches already in page order.
        """
        found: list[Driver] = []
        if self.actor_code is not None:
            country, sector = self.actor_code
            sql = "SELECT a.event_id AS k FROM event_actors a WHERE a.country = ?" + (
                " AND a.sector = ?" if sector else ""
            )
            found.append(Driver("actor", sql, [country, sector] if sector else [country], "id"))
        if self.actor_name is not None:
            sql = "SELECT a.event_id AS k FROM event_actors a WHERE a.name LIKE ? ESCAPE '\\'"
            found.append(Driver("actor", sql, [_like_prefix(self.actor_name)], "id"))
        if self.event_type is not None and "event_type" not in indexes.ordered:
            found.append(
                Driver(
                    "event_type",
                    "SELECT rowid AS k FROM events WHERE event_type = ?",
                    [self.event_type],
                    "rowid",
                )
            )
        if self.status is not None and "status" not in indexes.ordered:
            found.append(
                Driver(
                    "status",
                    "SELECT rowid AS k FROM events WHERE status = ?",
                    [self.status],
                    "rowid",
                )
            )
        for name, column, value in (
            ("country", "location_country", self.country),
            ("track", "track", self.track),
        ):
            if value is not None and column in indexes.leading and column not in indexes.ordered:
                found.append(
                    Driver(
                        name, f"SELECT rowid AS k FROM events WHERE {column} = ?", [value], "rowid"
                    )
                )
        return found

    def where(
        self, *, driven_by: str | None = None, ordered: frozenset[str] = frozenset()
    ) -> tuple[list[str], list[object]]:
        """SQL conditions on ``events e``, written so only indexes in page order are used for them.

        The unary ``+`` keeps SQLite from choosing an unordered index (type, status, actor country)
        and then sorting every match; columns in ``ordered`` have an index in page order and keep
        theirs. The filter that drives the query (``driven_by``) is left out: its subquery already
        guarantees it.
        """
        where: list[str] = []
        args: list[object] = []
        for name, column, value in (
            ("event_type", "event_type", self.event_type),
            ("status", "status", self.status),
            ("country", "location_country", self.country),
            ("track", "track", self.track),
        ):
            if value is not None and name != driven_by:
                where.append(f"{'' if column in ordered else '+'}e.{column} = ?")
                args.append(value)
        if self.since is not None:
            where.append(f"{SORT_KEY} >= ?")
            args.append(self.since)
        if self.until is not None:
            where.append(f"{SORT_KEY} <= ?")
            args.append(self.until)
        if self.actor_code is not None and driven_by != "actor":
            country, sector = self.actor_code
            sector_sql = " AND +a.sector = ?" if sector else ""
            where.append(
                f"EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND +a.country = ?{sector_sql})"
            )
            args.extend([country, sector] if sector else [country])
        if self.actor_name is not None and driven_by != "actor":
            where.append(
                "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND +a.name LIKE ? ESCAPE '\\')"
            )
            args.append(_like_prefix(self.actor_name))
        if self.text is not None:
            where.append(
                "EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id AND v.sentence LIKE ? ESCAPE '\\')"
            )
            args.append("%" + _like_escape(self.text) + "%")
        return where, args


@dataclass(frozen=True, slots=True)
class Driver:
    """A filter whose matches an index lists: ``sql`` selects the events' ``key`` (id or rowid)."""

    name: str
    sql: str
    args: list[object]
    key: str


@dataclass(frozen=True, slots=True)
class Indexes:
    """What the store's indexes on events allow beyond schema 1."""

    leading: frozenset[str]  # columns that lead some index
    ordered: frozenset[str]  # columns with an index (column, sort key, id): matches in page order


@dataclass(frozen=True, slots=True)
class Position:
    """Where a page ends: the sort key of its last event (``date`` None for an undated event)."""

    date: str | None
    id: str


@dataclass(slots=True)
class EventPage:
    records: list[dict[str, Any]] = field(default_factory=list)
    next: Position | None = None


def select_page(
    con: sqlite3.Connection, filters: EventFilters, driver: Driver | None, ordered: frozenset[str],
    after: Position | None, limit: int, *, newest_first: bool, dated: bool,
) -> list[tuple[str | None, str, str]]:  # fmt: skip
    if limit <= 0:
        return []
    where, args = filters.where(driven_by=driver.name if driver else None, ordered=ordered)
    source, source_args = "events e", []
    if driver is not None:
        distinct = "DISTINCT " if driver.key == "id" else ""
        source = f"(SELECT {distinct}k FROM ({driver.sql})) c CROSS JOIN events e ON e.{driver.key} = c.k"
        source_args = driver.args
    if dated:
        # "> ''" rather than IS NOT NULL: a range SQLite seeks to, past the undated events that sort
        # first in the index, instead of stepping over each of them.
        if filters.since is None and (after is None or newest_first):
            # only one lower bound: given two, SQLite seeks to the first, and seeking to the first
            # dated event made a month's page walk every event before it ("since" excludes '' too)
            where.append(f"{SORT_KEY} > ''")
        direction = "DESC" if newest_first else "ASC"
        order = f"{SORT_KEY} {direction}, e.id {direction}"
        if after is not None:
            # The plain bound lets SQLite seek in the sort-key index; the pair makes it exact.
            where.append(f"{SORT_KEY} {'<=' if newest_first else '>='} ?")
            where.append(f"({SORT_KEY}, e.id) {'<' if newest_first else '>'} (?, ?)")
            args.extend([after.date, after.date, after.id])
    else:
        where.append(f"{SORT_KEY} IS NULL")
        order = "e.id"
        if after is not None:
            where.append("e.id > ?")
            args.append(after.id)
    # Sort keys and ids first, records after: a sort then carries a few bytes per event, not its JSON.
    sql = (
        f"SELECT {SORT_KEY if dated else 'NULL'}, e.id, e.rowid FROM {source}"
        f" WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?"
    )
    keys = con.execute(sql, [*source_args, *args, limit]).fetchall()
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    records = dict(
        con.execute(
            f"SELECT rowid, record FROM events WHERE rowid IN ({marks})", [k[2] for k in keys]
        )
    )
    return [(key, event_id, records[rowid]) for key, event_id, rowid in keys]


def squash(sql: str) -> str:
    return "".join(sql.split()).lower()


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_prefix(text: str) -> str:
    return _like_escape(text) + "%"
