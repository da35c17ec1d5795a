"""Reading canonical events (occurrences) and tracks from the store.

Filters are those of ``EventQuery`` applied to the canonical fields (type, status, date, track)
and, for actor, text and article, to any of the occurrence's reports.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from dragoman.fuse import Occurrence
from dragoman.store.database import Database
from dragoman.store.fusion import occurrence_from_dict
from dragoman.store.track_rows import track_record


def iter_occurrences(con: Database, q: Any) -> Iterator[Occurrence]:
    where, args = _filters(q, con)
    sql = "SELECT o.record, o.track_id, o.round FROM occurrences o" + (
        " WHERE " + " AND ".join(where) if where else ""
    ) + f" ORDER BY coalesce(o.date_start, o.date_end){con.nulls_first}, o.id"
    if q.limit is not None:
        sql += " LIMIT ?"
        args.append(q.limit)
    for record, track, number in con.execute(sql, args):
        yield _with_track(record, track, number)


def get_occurrence(con: Database, occurrence_id: str) -> Occurrence | None:
    """By id, an old id of an occurrence since merged, an id prefix, or a member report's id."""
    found = resolve_occurrence_id(con, occurrence_id)
    if found is None:
        return None
    row = con.execute("SELECT record, track_id, round FROM occurrences WHERE id = ?", (found,)).fetchone()
    return _with_track(*row) if row else None


def resolve_occurrence_id(con: Database, given: str) -> str | None:
    for sql in (
        "SELECT id FROM occurrences WHERE id = ?",
        "SELECT new_id FROM occurrence_aliases WHERE old_id = ?",
        "SELECT occurrence_id FROM events WHERE id = ?",
    ):
        row = con.execute(sql, (given,)).fetchone()
        if row and row[0]:
            return str(row[0])
    row = con.execute(
        "SELECT id FROM occurrences WHERE id >= ? AND id < ? ORDER BY id LIMIT 1", (given, given + "\uffff")
    ).fetchone()
    return str(row[0]) if row else None


def tracks(con: Database) -> list[dict[str, Any]]:
    rows = con.execute(f"SELECT record FROM tracks ORDER BY first_date{con.nulls_first}, id").fetchall()
    return [track_record(con, r[0]) for r in rows]


def get_track(con: Database, given: str) -> dict[str, Any] | None:
    row = con.execute("SELECT record FROM tracks WHERE id = ? OR parties = ?", (given, given.upper())).fetchone()
    if row is None:
        row = con.execute(
            "SELECT record FROM tracks WHERE id >= ? AND id < ? ORDER BY id LIMIT 1", (given, given + "\uffff")
        ).fetchone()
    return track_record(con, row[0]) if row else None


def _with_track(record: str, track: str | None, number: int | None) -> Occurrence:
    o = occurrence_from_dict(json.loads(record))
    return replace(o, event=replace(o.event, track=track, round=number if number is not None else o.event.round))


def _filters(q: Any, con: Database) -> tuple[list[str], list[object]]:
    where, args = field_filters(q, "o")
    if getattr(q, "track", None):
        where.append("o.track_id = ?")
        args.append(q.track)
    if q.text:  # the full-text index the store keeps (schema 5), not a scan of every sentence
        sql, arg = _TEXT_MATCH[con.dialect]
        where.append(sql)
        args.append(arg(q.text))
    member, member_args = report_filters(replace(q, text=None), "r", like=con.like)
    if member:  # the reports matching are listed once, not looked for again for each occurrence
        where.append("o.id IN (SELECT r.occurrence_id FROM events r WHERE " + " AND ".join(member) + ")")
        args.extend(member_args)
    return where, args


def fts_words(text: str) -> str:
    """Every word of ``text`` as an FTS5 string, so that no word is read as an operator."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


# Whole words of the evidence sentences of an occurrence's reports (occurrence_index keeps both)
_TEXT_MATCH = {
    "sqlite": (
        ("o.id IN (SELECT m.occurrence_id FROM occurrence_text t"
        " JOIN occurrence_keys m ON m.page_key = t.rowid WHERE t.occurrence_text MATCH ?)"),
        fts_words,
    ),
    "postgresql": (
        ("o.id IN (SELECT t.occurrence_id FROM occurrence_text t"
        " WHERE t.document @@ plainto_tsquery('simple', ?))"),
        str,
    ),
}


def field_filters(q: Any, alias: str) -> tuple[list[str], list[object]]:
    """Type, status and date range on the columns reports (``events``) and occurrences share."""
    where: list[str] = []
    args: list[object] = []
    for value, sql in (
        (q.event_type and q.event_type.upper(), f"{alias}.event_type = ?"),
        (q.status and q.status.lower(), f"{alias}.status = ?"),
        (q.since, f"coalesce({alias}.date_end, {alias}.date_start) >= ?"),
        (q.until, f"coalesce({alias}.date_start, {alias}.date_end) <= ?"),
    ):
        if value:
            where.append(sql)
            args.append(value)
    return where, args


def report_filters(q: Any, alias: str, *, like: str) -> tuple[list[str], list[object]]:
    """Article, evidence words and actor, on the reports (``events``) under ``alias``."""
    where: list[str] = []
    args: list[object] = []
    if q.article_id:
        where.append(f"{alias}.article_id = ?")
        args.append(q.article_id)
    if q.text:
        where.append(f"EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = {alias}.id AND v.sentence {like} ?)")
        args.append(f"%{q.text}%")
    if q.actor:
        sql, actor_args = actor_filter(f"{alias}.id", q.actor, like=like)
        where.append(sql)
        args.extend(actor_args)
    return where, args


def actor_filter(event_id: str, actor: str, *, like: str) -> tuple[str, list[object]]:
    """``event_id`` is an event with the actor: "IRN GOV" (code and sector), else a code or a name.

    The matching events are listed once (``IN``): a correlated ``EXISTS`` per event let SQLite pick
    the country index for every event and took minutes at 25,000 events."""
    parts = actor.split()
    if len(parts) == 2 and parts[0].isupper() and parts[1].isupper():
        return f"{event_id} IN (SELECT a.event_id FROM event_actors a WHERE a.country = ? AND a.sector = ?)", parts
    sql = f"{event_id} IN (SELECT a.event_id FROM event_actors a WHERE a.country = ? OR a.name {like} ? OR a.text {like} ?)"
    return sql, [actor.upper(), f"%{actor}%", f"%{actor}%"]


def track_context(con: Database, track_id: str, limit: int = 50) -> list[Occurrence]:
    """Background to a track: events of the context types (sanctions, strikes, protests...) that
    involve one of its parties, dated within ``context_days`` before its latest report."""
    from datetime import date, timedelta

    from dragoman.tracks import track_settings

    row = con.execute("SELECT parties, first_date, last_date FROM tracks WHERE id = ?", (track_id,)).fetchone()
    if row is None or not row[2]:
        return []
    s = track_settings()
    parties, first, last = row[0].split("+"), row[1], row[2]
    lo = (date.fromisoformat(first) - timedelta(days=s.context_days)).isoformat()
    rows = con.execute(
        "SELECT o.record, o.track_id, o.round FROM occurrences o"
        f" WHERE {con.in_list('o.event_type')}"
        " AND coalesce(o.date_start, o.first_reported) BETWEEN ? AND ?"
        " AND EXISTS (SELECT 1 FROM events r JOIN event_actors a ON a.event_id = r.id"
        f"   WHERE r.occurrence_id = o.id AND {con.in_list('a.country')})"
        " ORDER BY coalesce(o.date_start, o.first_reported) DESC, o.id LIMIT ?",
        (con.list_param(sorted(s.context_types)), lo, last, con.list_param(parties), limit),
    )
    return [_with_track(*r) for r in rows]
