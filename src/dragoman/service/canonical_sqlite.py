"""A page of canonical events or of reports on SQLite: walk the rarest filter's index in page order,
test the rest.

Page order is ``(date key, id)``, date key = coalesce(date_start, date_end); dated events first
(oldest or newest first), then undated ones by id. Every filter has an index in that order, for
canonical events (``OCCURRENCES``, schema 5, store/migrations/sqlite/0005_occurrence_reads.sql)
and for per-article reports (``REPORTS``, schema 6, 0006_report_reads.sql):

    date range          occurrences_date        events_date_key      (date key, id)
    type/status/...     occurrences_*_key       events_*_key         (column, date key, id)
    actor               occurrence_actors_key   report_actors_key    (actor id, date key, id), one range per actor id
    text                occurrence_text (FTS5)  -                    row id = page key: matches in page order

(the text of a report is tested on its evidence sentences, never walked).

The filter matching fewest events (each counted up to a cap, the counts kept a while) drives:
its index is walked from the cursor on, the other filters are tested on each event, and the walk
stops when the page is full. So a page costs about ``limit`` index steps when one filter is rare,
and ``limit`` divided by the share of events passing the others when none is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dragoman.service.canonical import MAX_ACTOR_IDS, like_escape
from dragoman.service.eventsql import EventFilters, Position
from dragoman.store.occurrence_index import HASH_BITS, page_key
from dragoman.store.occurrences import fts_words as fts_query

KEY = "coalesce(o.date_start, o.date_end)"  # ``o`` is the table paged, canonical events or reports
DATED_FLOOR = 1 << HASH_BITS  # page keys of dated events start here (day 1)


@dataclass(frozen=True, slots=True)
class Table:
    """A table paged in page order and the names of its indexes."""

    name: str
    date_index: str  # (date key, id)
    columns: dict[str, tuple[str, str]]  # filter -> (column, its index in page order)
    actors: str  # (<owner>, actor_id, date_key) with an index (actor_id, date_key, <owner>)
    actor_owner: str
    actor_index: str
    full_text: bool  # an FTS5 table keyed by page key (occurrence_text), else evidence sentences


OCCURRENCES = Table(
    "occurrences", "occurrences_date",
    {"event_type": ("event_type", "occurrences_type_key"), "status": ("status", "occurrences_status_key"),
     "country": ("location_country", "occurrences_country_key"), "track": ("track_id", "occurrences_track_key")},
    "occurrence_actors", "occurrence_id", "occurrence_actors_key", full_text=True,
)  # fmt: skip
REPORTS = Table(
    "events", "events_date_key",
    {"event_type": ("event_type", "events_type_key"), "status": ("status", "events_status_key"),
     "country": ("location_country", "events_country_key"), "track": ("track", "events_track_key")},
    "report_actors", "event_id", "report_actors_key", full_text=False,
)  # fmt: skip
Row = tuple[str | None, str, int]  # date key, id, rowid
Counter = Callable[[str, list[object], int], int]  # rows the SQL selects, counted up to a cap


@dataclass(frozen=True, slots=True)
class Query:
    """The filters of one request on one table, with the actor ids its actor filter stands for."""

    filters: EventFilters
    actor_ids: list[int] | None  # None: no actor filter
    table: Table = OCCURRENCES

    def values(self) -> dict[str, str]:
        f = self.filters
        given = {"event_type": f.event_type, "status": f.status, "country": f.country, "track": f.track}
        return {k: v for k, v in given.items() if v is not None}


def choose_driver(q: Query, count: Counter, cap: int) -> str:
    """The filter whose index the page walks: the one matching fewest events (the date index
    when none is given or every filter matches more than ``cap``).

    Each count stops at the fewest found so far: past that, the filter cannot drive. The date
    range is counted last, as it is the widest filter unless it spans a few days."""
    f = q.filters
    best, fewest = "date", cap
    for name, sql, args in _counts(q):
        # Each actor id is a walk of its own joined to its events: weigh the count by their number.
        walks = max(1, len(q.actor_ids or ())) if name == "actor" else 1
        n = count(sql, args, fewest // walks + 1) * walks
        if n < fewest or best == "date":  # any filter's index beats testing every event of the date index
            best, fewest = name, min(n, fewest)
    if best != "date" and (f.since is not None or f.until is not None):
        where, args = _key_range(f)
        sql = f"SELECT 1 FROM {q.table.name} o INDEXED BY {q.table.date_index} WHERE {' AND '.join(where)}"
        if count(sql, args, fewest) < fewest:
            return "date"
    return best


def _counts(q: Query) -> list[tuple[str, str, list[object]]]:
    """(filter, SQL listing its matches in the date range, parameters) for each filter given."""
    f = q.filters
    found: list[tuple[str, str, list[object]]] = []
    t = q.table
    for name, value in q.values().items():
        column, index = t.columns[name]
        where, args = _key_range(f)
        sql = f"SELECT 1 FROM {t.name} o INDEXED BY {index} WHERE o.{column} = ?{''.join(' AND ' + w for w in where)}"
        found.append((name, sql, [value, *args]))
    if q.actor_ids is not None and len(q.actor_ids) <= MAX_ACTOR_IDS:
        where_a, args = _actor_range(f)
        found.append(("actor", f"SELECT 1 FROM {t.actors} a WHERE a.actor_id IN ({_ints(q.actor_ids)}){where_a}", args))
    if f.text is not None and t.full_text:
        lo, hi = _text_range(f)
        found.append(("text", "SELECT 1 FROM occurrence_text t WHERE t.occurrence_text MATCH ? AND t.rowid >= ? AND t.rowid < ?",
                      [fts_query(f.text), lo, hi]))  # fmt: skip
    return found


def select_page(
    con: sqlite3.Connection, q: Query, driver: str, after: Position | None, limit: int, *, newest_first: bool,
    dated: bool,
) -> list[Row]:  # fmt: skip
    """Up to ``limit`` (date key, id, rowid) of the dated or the undated matches after ``after``."""
    if limit <= 0 or q.actor_ids == []:
        return []
    tests, test_args = _tests(q, driver)
    if driver == "actor":
        return _actor_page(con, q, tests, test_args, after, limit, newest_first=newest_first, dated=dated)
    if driver == "text":
        return _text_page(con, q, tests, test_args, after, limit, newest_first=newest_first, dated=dated)
    index, where, args = q.table.date_index, [], []
    if driver in q.table.columns:
        column, index = q.table.columns[driver]
        where, args = [f"o.{column} = ?"], [q.values()[driver]]
    direction = "DESC" if newest_first and dated else "ASC"
    if dated:
        bounds, bound_args = _bounds(KEY, "o.id", q.filters, after, newest_first)
        where += bounds
        args += bound_args
        order = f"{KEY} {direction}, o.id {direction}"
    else:
        where.append(f"{KEY} IS NULL")
        if after is not None:
            where.append("o.id > ?")
            args.append(after.id)
        order = "o.id"
    sql = (
        f"SELECT {KEY if dated else 'NULL'}, o.id, o.rowid FROM {q.table.name} o INDEXED BY {index}"
        f" WHERE {' AND '.join(where + tests)} ORDER BY {order} LIMIT ?"
    )
    return con.execute(sql, [*args, *test_args, limit]).fetchall()


def _actor_page(
    con: sqlite3.Connection, q: Query, tests: list[str], test_args: list[object], after: Position | None,
    limit: int, *, newest_first: bool, dated: bool,
) -> list[Row]:  # fmt: skip
    """One index range per actor id, each cut at ``limit``, merged (an event with two of the
    actors once)."""
    t = q.table
    owner = f"a.{t.actor_owner}"
    direction = "DESC" if newest_first and dated else "ASC"
    where, args = [], []
    if dated:
        bounds, bound_args = _bounds("a.date_key", owner, q.filters, after, newest_first)
        where += bounds
        args += bound_args
        order = f"a.date_key {direction}, {owner} {direction}"
    else:
        where.append("a.date_key IS NULL")
        if after is not None:
            where.append(f"{owner} > ?")
            args.append(after.id)
        order = owner
    branch = (
        f"SELECT * FROM (SELECT {'a.date_key' if dated else 'NULL'} AS k, {owner} AS i, o.rowid AS r"
        f" FROM {t.actors} a INDEXED BY {t.actor_index} CROSS JOIN {t.name} o ON o.id = {owner}"
        f" WHERE a.actor_id = ? AND {' AND '.join(where + tests)} ORDER BY {order} LIMIT ?)"
    )
    ids = q.actor_ids or []
    sql = " UNION ".join([branch] * len(ids))
    outer = f"k {direction}, i {direction}" if dated else "i"
    params: list[object] = []
    for actor_id in ids:
        params += [actor_id, *args, *test_args, limit]
    return con.execute(f"SELECT k, i, r FROM ({sql}) ORDER BY {outer} LIMIT ?", [*params, limit]).fetchall()


def _text_page(
    con: sqlite3.Connection, q: Query, tests: list[str], test_args: list[object], after: Position | None,
    limit: int, *, newest_first: bool, dated: bool,
) -> list[Row]:  # fmt: skip
    """The full-text index in row-id order, which is page order (``occurrence_index.page_key``)."""
    lo, hi = _text_range(q.filters) if dated else (0, DATED_FLOOR)
    if after is not None:
        at = _stored_page_key(con, after)
        if newest_first and dated:
            hi = min(hi, at)
        else:
            lo = max(lo, at + 1)
    direction = "DESC" if newest_first and dated else "ASC"
    sql = (
        f"SELECT {KEY if dated else 'NULL'}, o.id, o.rowid FROM occurrence_text t"
        " CROSS JOIN occurrence_keys m ON m.page_key = t.rowid CROSS JOIN occurrences o ON o.id = m.occurrence_id"
        f" WHERE t.occurrence_text MATCH ? AND t.rowid >= ? AND t.rowid < ?{''.join(' AND ' + t for t in tests)}"
        f" ORDER BY t.rowid {direction} LIMIT ?"
    )
    return con.execute(sql, [fts_query(q.filters.text or ""), lo, hi, *test_args, limit]).fetchall()


def _tests(q: Query, driver: str) -> tuple[list[str], list[object]]:
    """Conditions on ``occurrences o`` for the filters that do not drive, kept off their indexes
    (unary ``+``) so SQLite walks the driver's index and does not sort."""
    where: list[str] = []
    args: list[object] = []
    t = q.table
    for name, value in q.values().items():
        if name != driver:
            where.append(f"+o.{t.columns[name][0]} = ?")
            args.append(value)
    if driver in ("actor", "text"):  # their ranges cover the dates; the others put them in their index range
        for bound, op in ((q.filters.since, ">="), (q.filters.until, "<=")):
            if bound is not None:
                where.append(f"+{KEY} {op} ?")
                args.append(bound)
    if q.actor_ids is not None and driver != "actor":
        where.append(
            f"EXISTS (SELECT 1 FROM {t.actors} x WHERE x.{t.actor_owner} = o.id AND x.actor_id IN ({_ints(q.actor_ids)}))"
        )
    if q.filters.text is not None and not t.full_text:  # a report's words: in its evidence sentences
        where.append("EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = o.id AND v.sentence LIKE ? ESCAPE '\\')")
        args.append("%" + like_escape(q.filters.text) + "%")
    elif q.filters.text is not None and driver != "text":
        where.append(
            "EXISTS (SELECT 1 FROM occurrence_keys m2 CROSS JOIN occurrence_text t2 ON t2.rowid = m2.page_key"
            " WHERE m2.occurrence_id = o.id AND t2.occurrence_text MATCH ?)"
        )
        args.append(fts_query(q.filters.text))
    return where, args


def _bounds(
    key: str, id_column: str, f: EventFilters, after: Position | None, newest_first: bool
) -> tuple[list[str], list[object]]:
    """The dated range of ``key`` from the date filters and the cursor, as one lower and at most one
    upper bound: given two lower bounds (``> ''`` and ``>= since``), SQLite seeks to one of them,
    and seeking to the first dated event made a month's page walk every event before it."""
    lows = [d for d in (f.since, None if after is None or newest_first else after.date) if d is not None]
    highs = [d for d in (f.until, after.date if after is not None and newest_first else None) if d is not None]
    where: list[str] = [f"{key} >= ?" if lows else f"{key} > ''"]
    args: list[object] = [max(lows)] if lows else []
    if highs:
        where.append(f"{key} <= ?")
        args.append(min(highs))
    if after is not None:
        where.append(f"({key}, {id_column}) {'<' if newest_first else '>'} (?, ?)")
        args += [after.date, after.id]
    return where, args


def _key_range(f: EventFilters) -> tuple[list[str], list[object]]:
    where: list[str] = []
    args: list[object] = []
    if f.since is not None:
        where.append(f"{KEY} >= ?")
        args.append(f.since)
    if f.until is not None:
        where.append(f"{KEY} <= ?")
        args.append(f.until)
    return where, args


def _actor_range(f: EventFilters) -> tuple[str, list[object]]:
    """`` AND a.date_key ...`` for the date range (text and parameters)."""
    where: list[str] = []
    args: list[object] = []
    if f.since is not None:
        where.append("a.date_key >= ?")
        args.append(f.since)
    if f.until is not None:
        where.append("a.date_key <= ?")
        args.append(f.until)
    return ("".join(" AND " + w for w in where), args) if where else ("", [])


def _text_range(f: EventFilters) -> tuple[int, int]:
    """The page keys of dated events in the date range: [lo, hi)."""
    lo = page_key(f.since, "c_0") if f.since else DATED_FLOOR
    hi = page_key((date.fromisoformat(f.until) + timedelta(days=1)).isoformat(), "c_0") if f.until else (1 << 63) - 1
    return max(lo, DATED_FLOOR), hi


def _stored_page_key(con: sqlite3.Connection, after: Position) -> int:
    row = con.execute("SELECT page_key FROM occurrence_keys WHERE occurrence_id = ?", (after.id,)).fetchone()
    return int(row[0]) if row else page_key(after.date, after.id)


def _ints(values: list[int]) -> str:
    return ",".join(str(int(v)) for v in values)
