"""Fusion and tracks inside the store's write transaction: one writer, incremental, idempotent.

For each new report: find earlier reports in its block (type + parties) within the date window
(an indexed range query, so the cost does not grow with the store), test each with
``fuse.same_event``, and replace the occurrences it connects with one merged occurrence. Then
rebuild the tracks whose parties the change touched. Everything runs in the article's
transaction, so a crash leaves the store before or after the article, never between.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import timedelta

from dragoman.fuse import (
    Occurrence,
    Report,
    fuse_settings,
    merge,
    occurrence_id,
    parties,
    same_event,
    window,
)
from dragoman.fuse.canonical import Claim
from dragoman.fuse.similarity import date_span
from dragoman.model import event_from_dict
from dragoman.store.database import Database
from dragoman.store.delegations import delegates
from dragoman.tracks import Track, build_track, track_mediator, track_settings

_REPORT_COLUMNS = (
    "SELECT e.id, e.record, e.article_id, a.published, a.outlet, coalesce(a.doc_group, a.id), e.occurrence_id"
    " FROM events e JOIN articles a ON a.id = e.article_id"
)


def fuse_new_events(con: Database, event_ids: Sequence[str]) -> set[str]:
    """Fuse the given stored events into occurrences; the parties keys whose tracks may change."""
    touched: set[str] = set()
    relevant = {"CONSULT", *track_settings().agreements}
    for event_id in event_ids:
        report = _load_reports(con, "e.id = ?", (event_id,))[0][1]
        con.execute(
            "UPDATE events SET block_key = ?, anchor = ? WHERE id = ?", (report.key, report.anchor, event_id)
        )
        occurrence = _fuse_one(con, event_id, report)
        if occurrence.event.event_type in relevant:  # only talks and agreements make tracks
            touched.add(_parties_key(occurrence))
    return touched


def refresh_tracks(con: Database, keys: Iterable[str]) -> None:
    """Rebuild the tracks of the given parties keys, and of tracks whose mediator visited them."""
    todo = set(keys)
    for key in list(todo):
        codes = key.split("+")
        if len(codes) == 2:  # maybe a mediator's visit to one party of a track
            for code, other in (codes, codes[::-1]):
                rows = con.execute(
                    f"SELECT parties FROM tracks WHERE mediator = ? AND ('+' || parties || '+') {con.like} ?",
                    (code, f"%+{other}+%"),
                )
                todo.update(r[0] for r in rows)
    for key in sorted(todo):
        if "+" in key:
            _rebuild_track(con, key)


def _fuse_one(con: Database, event_id: str, report: Report) -> Occurrence:
    linked = {event_id}
    parsed = {event_id: report}
    for other_id, other, occ in _candidates(con, event_id, report):
        parsed[other_id] = other
        if same_event(report, other).same:
            linked.add(occ or other_id)
    old = sorted(i for i in linked if i.startswith("c_"))
    member_ids = [event_id] + [
        r[0] for r in con.execute(
            f"SELECT id FROM events WHERE {con.in_list('occurrence_id')} ORDER BY id",
            (con.list_param(old),),
        )
    ]  # fmt: skip
    missing = [i for i in member_ids if i not in parsed]  # members outside the window: rare
    if missing:
        parsed.update(_load_reports(con, con.in_list("e.id"), (con.list_param(missing),)))
    occurrence = merge([parsed[i] for i in member_ids])
    _write_occurrence(con, occurrence, member_ids)
    for gone in sorted(set(old) - {occurrence.id}):
        con.execute("DELETE FROM occurrences WHERE id = ?", (gone,))
        con.execute(
            "INSERT INTO occurrence_aliases (old_id, new_id) VALUES (?, ?)"
            " ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id",
            (gone, occurrence.id),
        )
        con.execute("UPDATE occurrence_aliases SET new_id = ? WHERE new_id = ?", (occurrence.id, gone))
    return occurrence


def _candidates(con: Database, event_id: str, report: Report) -> list[tuple[str, Report, str | None]]:
    """Reports in the block and date window that ``same_event`` could accept. Those whose stored
    dates cannot overlap this report's (and that have no round number) are left out in SQL, so
    only plausible candidates are parsed."""
    s = fuse_settings()
    where, args = "e.id != ?", [event_id]
    if report.anchor is not None:  # no date at all: compare with the whole block
        lo, hi = window(report.anchor, s.window_days)
        # Two index ranges (a plain OR would scan the whole block, which grows with the store).
        where += (
            " AND e.rowid IN (SELECT rowid FROM events WHERE block_key = ? AND anchor BETWEEN ? AND ?"
            " UNION ALL SELECT rowid FROM events WHERE block_key = ? AND anchor IS NULL)"
        )
        args += [report.key, lo, hi, report.key]
    else:
        where += " AND e.block_key = ?"
        args.append(report.key)
    start, end = date_span(report, s)
    pad = timedelta(days=s.day_tolerance)
    if start is not None or end is not None:
        where += (
            " AND (e.round IS NOT NULL OR e.date_precision IS NULL OR e.date_start IS NULL"
            " OR (coalesce(e.date_end, e.date_start) >= ? AND e.date_start <= ?))"
        )
        args += [(start - pad).isoformat() if start else "0000", (end + pad).isoformat() if end else "9999"]
    rows = con.execute(f"{_REPORT_COLUMNS} WHERE {where} ORDER BY e.id", args).fetchall()
    return [(r[0], _report(r), r[6]) for r in rows]


def _load_reports(con: Database, where: str, args: tuple[object, ...]) -> list[tuple[str, Report]]:
    rows = con.execute(f"{_REPORT_COLUMNS} WHERE {where} ORDER BY e.id", args).fetchall()
    return [(r[0], _report(r)) for r in rows]


def _report(row: tuple) -> Report:  # type: ignore[type-arg]
    return Report.of(
        event_from_dict(json.loads(row[1])), article_id=row[2], published=row[3], outlet=row[4], group=row[5]
    )


def _write_occurrence(con: Database, o: Occurrence, member_ids: list[str]) -> None:
    e = o.event
    date = e.date
    published = sorted(c.published for c in o.provenance if c.published)
    con.execute(
        "INSERT INTO occurrences (id, block_key, event_type, cameo, status, date_start, date_end,"
        " date_precision, location_text, location_country, mediator, round, track_id, n_reports, n_sources,"
        " n_contradictions, first_reported, last_reported, record)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,"
        " (SELECT track_id FROM occurrences WHERE id = ?),?,?,?,?,?,?)"
        + _update_all("id", _OCCURRENCE_COLUMNS),
        (
            o.id, _block(o), e.event_type, e.cameo, e.status,
            date.start if date else None, date.end if date else None, date.precision if date else None,
            e.location.text if e.location else None, e.location.country if e.location else None,
            (e.mediator.country or e.mediator.name) if e.mediator else None, e.round, o.id,
            len(o.reports), o.independent_sources, len(o.contradictions),
            published[0] if published else None, published[-1] if published else None,
            json.dumps(o.to_dict(), ensure_ascii=False, sort_keys=True),
        ),
    )
    con.executemany("UPDATE events SET occurrence_id = ? WHERE id = ?", [(o.id, i) for i in member_ids])


_OCCURRENCE_COLUMNS = (
    "block_key", "event_type", "cameo", "status", "date_start", "date_end", "date_precision", "location_text",
    "location_country", "mediator", "round", "track_id", "n_reports", "n_sources", "n_contradictions",
    "first_reported", "last_reported", "record",
)  # fmt: skip
_TRACK_COLUMNS = ("parties", "mediator", "status", "first_date", "last_date", "n_rounds", "record")


def _update_all(key: str, columns: tuple[str, ...]) -> str:
    """An upsert's tail that overwrites the row with the new values (``INSERT OR REPLACE`` on both)."""
    return f" ON CONFLICT ({key}) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in columns)


def _block(o: Occurrence) -> str:
    return f"{o.event.event_type}:{_parties_key(o)}"


def _parties_key(o: Occurrence) -> str:
    return "+".join(sorted(parties(o.event)))


def _rebuild_track(con: Database, key: str) -> None:
    s = track_settings()
    types = sorted({"CONSULT", *s.agreements})
    members = _occurrences(con, [f"{t}:{key}" for t in types])
    codes = frozenset(key.split("+"))
    old = con.execute("SELECT id FROM tracks WHERE parties = ?", (key,)).fetchone()
    people = {o.id: delegates(con, o.reports) for o in members if o.event.event_type == "CONSULT"}
    mediator = track_mediator(members)
    visit_keys = ["CONSULT:" + "+".join(sorted({mediator, c})) for c in codes] if mediator else []
    visits = _occurrences(con, visit_keys) if visit_keys else []
    track = build_track(codes, members, visits, people=people)
    con.execute("DELETE FROM tracks WHERE parties = ?", (key,))
    if old is not None:
        con.execute("UPDATE occurrences SET track_id = NULL WHERE track_id = ?", (old[0],))
    if track is not None:
        _write_track(con, track)


def _occurrences(con: Database, blocks: list[str]) -> list[Occurrence]:
    rows = con.execute(
        f"SELECT record FROM occurrences WHERE {con.in_list('block_key')} ORDER BY id",
        (con.list_param(blocks),),
    )
    return [occurrence_from_dict(json.loads(r[0])) for r in rows]


def _write_track(con: Database, t: Track) -> None:
    con.execute(
        "INSERT INTO tracks (id, parties, mediator, status, first_date, last_date, n_rounds, record)"
        " VALUES (?,?,?,?,?,?,?,?)" + _update_all("id", _TRACK_COLUMNS),
        (
            t.id, t.key, t.mediator, t.status, t.first_date, t.last_date, len(t.rounds),
            json.dumps(t.to_dict(), ensure_ascii=False, sort_keys=True),
        ),
    )
    con.executemany("UPDATE occurrences SET track_id = ? WHERE id = ?", [(t.id, i) for i in t.members])
    for r in t.rounds:
        con.executemany(
            "UPDATE occurrences SET round = ? WHERE id = ?", [(r.number, i) for i in (*r.meetings, *r.agreements)]
        )


def occurrence_from_dict(d: dict) -> Occurrence:  # type: ignore[type-arg]
    """The inverse of ``Occurrence.to_dict()``."""
    return Occurrence(
        event=event_from_dict(d),
        reports=tuple(d.get("reports") or ()),
        history=tuple(_claim(c) for c in d.get("status_history") or ()),
        contradictions=tuple((_claim(a), _claim(b)) for a, b in d.get("contradictions") or ()),
        provenance=tuple(_claim(c) for c in d.get("provenance") or ()),
        independent_sources=int(d.get("independent_sources") or 1),
    )


def _claim(d: dict) -> Claim:  # type: ignore[type-arg]
    return Claim(
        field=d["field"], value=d["value"], doc_id=d["doc_id"], outlet=d.get("outlet"),
        published=d.get("published"), sentence=d.get("sentence") or "",
    )


__all__ = ["fuse_new_events", "occurrence_from_dict", "occurrence_id", "refresh_tracks"]
