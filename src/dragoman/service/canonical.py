"""Canonical events for the API, in SQL both stores speak: records, one event, actors.

What the two readers share once a page's ids are known: the records as the API returns them
(the stored ``Occurrence.to_dict()`` with its track, round and counts), ``/events/{id}`` with the
id resolved through merges (``occurrence_aliases``) and report ids, the actor ids an ``actor``
filter stands for, and ``/actors`` from the counts the store keeps (schema 5's ``actors`` table).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Protocol

from dragoman.service.eventsql import EventFilters

MAX_ACTOR_IDS = 64  # an actor filter matching more actors (a one-letter name prefix) is tested, not walked
RECORD_COLUMNS = "o.record, o.track_id, o.round"


class Connection(Protocol):
    def execute(self, sql: str, args: Sequence[object] = ...) -> Any: ...


def record(raw: str, track: str | None, number: int | None) -> dict[str, Any]:
    """The API's item: the canonical record with its current track and round and its counts."""
    d: dict[str, Any] = json.loads(raw)
    d["track"] = track
    if number is not None:
        d["round"] = number
    d["report_count"] = len(d.get("reports") or ())
    d["source_count"] = len(d.get("sources") or ())
    return d


def actor_ids(con: Connection, f: EventFilters, *, like: str, fused: bool = True) -> list[int] | None:
    """The ``actors`` rows an actor filter means (None without one): a code and optional sector,
    or a case-insensitive name prefix. ``fused``: only actors of some canonical event (the rest
    can only be in reports)."""
    counted = " AND occurrences > 0" if fused else ""
    if f.actor_code is not None:
        country, sector = f.actor_code
        sql = f"SELECT id FROM actors WHERE country = ?{counted}" + (" AND sector = ?" if sector else "")
        rows = con.execute(sql, [country, sector] if sector else [country]).fetchall()
    elif f.actor_name is not None:
        rows = con.execute(
            f"SELECT id FROM actors WHERE name {like} ? ESCAPE '\\'{counted}",
            [like_escape(f.actor_name) + "%"],
        ).fetchall()
    else:
        return None
    return sorted(int(r[0]) for r in rows)


def resolve(con: Connection, given: str) -> str | None:
    """An occurrence id from its id, an id it had before a merge, a member report's id, or a prefix."""
    for sql in (
        "SELECT id FROM occurrences WHERE id = ?",
        "SELECT new_id FROM occurrence_aliases WHERE old_id = ?",
        "SELECT occurrence_id FROM events WHERE id = ?",
    ):
        row = con.execute(sql, [given]).fetchone()
        if row and row[0]:
            return str(row[0])
    if len(given) < 4:  # a prefix this short names too many to be meant
        return None
    row = con.execute(
        "SELECT id FROM occurrences WHERE id >= ? AND id < ? ORDER BY id LIMIT 1", [given, given + "\uffff"]
    ).fetchone()
    return str(row[0]) if row else None


def occurrence_detail(con: Connection, given: str) -> dict[str, Any] | None:
    """/events/{id}: the record, its reports with their articles, status history, contradictions."""
    found = resolve(con, given)
    if found is None:
        return None
    row = con.execute(f"SELECT {RECORD_COLUMNS} FROM occurrences o WHERE o.id = ?", [found]).fetchone()
    if row is None:
        return None
    event = record(*row)
    reports = con.execute(
        "SELECT r.id, r.status, a.id, a.title, a.outlet, a.url, a.published FROM events r"
        " LEFT JOIN articles a ON a.id = r.article_id WHERE r.occurrence_id = ? ORDER BY coalesce(a.published, ''), r.id",
        [found],
    ).fetchall()
    return {
        "event": event,
        "resolved_from": given if given != found else None,
        "reports": [
            {"id": r[0], "status": r[1], "article": _article(r[2:]) if r[2] else None} for r in reports
        ],
        "status_history": event.get("status_history") or [],
        "contradictions": event.get("contradictions") or [],
        "links": {
            "track": f"/tracks/{event['track']}" if event.get("track") else None,
            "evidence": f"/ui/events/{found}",
        },
    }


def actors(
    con: Connection, *, prefix: str | None, country: str | None, limit: int, like: str
) -> dict[str, Any]:
    """/actors: the kept counts of canonical events per actor and per role, most frequent first."""
    where, args = ["occurrences > 0"], []
    if prefix:
        where.append(f"name {like} ? ESCAPE '\\'")
        args.append(like_escape(prefix) + "%")
    if country:
        where.append("country = ?")
        args.append(country)
    condition = " AND ".join(where)
    total = int(con.execute(f"SELECT count(*) FROM actors WHERE {condition}", args).fetchone()[0])
    rows = con.execute(
        f"SELECT id, name, country, sector, occurrences FROM actors WHERE {condition}"
        " ORDER BY occurrences DESC, lower(coalesce(name, '')), coalesce(country, ''), coalesce(sector, '') LIMIT ?",
        [*args, limit],
    ).fetchall()
    roles: dict[int, dict[str, int]] = {}
    if rows:
        marks = ",".join("?" * len(rows))
        for actor_id, role, n in con.execute(
            f"SELECT actor_id, role, occurrences FROM actor_roles WHERE actor_id IN ({marks}) ORDER BY role",
            [r[0] for r in rows],
        ):
            roles.setdefault(int(actor_id), {})[role] = int(n)
    found = [
        {"name": name, "country": code, "sector": sector, "events": int(n), "roles": roles.get(int(i), {})}
        for i, name, code, sector, n in rows
    ]
    return {"actors": found, "total": total, "fresh": True}


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _article(row: Sequence[Any]) -> dict[str, Any]:
    article_id, title, outlet, url, published = row
    return {"id": article_id, "title": title, "outlet": outlet, "url": url, "published": published}
