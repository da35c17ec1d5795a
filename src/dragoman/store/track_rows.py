"""A track's rows: written from a ``TrackLedger`` by what changed, read back as one record.

Schema 7 keeps a track in four tables: ``tracks`` (the record without what grows with the track),
``track_rounds`` (one row a round), ``track_history`` (one row a status change) and
``track_members`` (one row an occurrence); the sources are read from the members' reports. The
writer remembers what it wrote (``Saved``), so an update compares and writes only the rounds,
history entries, members and occurrence placements that changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from dragoman.store.database import Database
from dragoman.tracks import Round, StatusPoint, Track
from dragoman.tracks.ledger import common_prefix

Placement = tuple[str | None, int | None]  # an occurrence's stored (track_id, round)
_TRACK_COLUMNS = ("parties", "mediator", "status", "first_date", "last_date", "n_rounds", "record")


@dataclass(slots=True)
class Saved:
    """What the store holds for one parties key's track, as this writer last wrote or read it."""

    track_id: str | None = None
    record: str | None = None
    rounds: dict[int, tuple[Round | None, str]] = field(default_factory=dict)  # number -> (built, JSON)
    history: list[tuple[StatusPoint | None, str]] = field(default_factory=list)  # (point, JSON) in order
    members: set[str] = field(default_factory=set)
    placed: dict[str, int] = field(default_factory=dict)  # occurrence -> round it was placed in

    @classmethod
    def read(cls, con: Database, key: str) -> Saved:
        row = con.execute("SELECT id, record FROM tracks WHERE parties = ?", (key,)).fetchone()
        if row is None:
            return cls()
        rounds = con.execute("SELECT number, record FROM track_rounds WHERE track_id = ?", (row[0],))
        members = con.execute("SELECT occurrence_id FROM track_members WHERE track_id = ?", (row[0],))
        history = con.execute("SELECT record FROM track_history WHERE track_id = ? ORDER BY seq", (row[0],))
        return cls(
            track_id=row[0],
            record=row[1],
            rounds={n: (None, text) for n, text in rounds},
            history=[(None, r[0]) for r in history],
            members={r[0] for r in members},
        )


def save_track(con: Database, key: str, track: Track | None, saved: Saved, written: set[str], full: bool) -> Saved:
    """Write ``track`` as the track of ``key`` over what ``saved`` says is stored, and set the
    track and round of its occurrences: all of them when ``full``, else those ``written`` since
    (their rows were rewritten), those that left, and those whose round changed. Returns what is
    stored now."""
    old_id = saved.track_id
    if old_id is not None and (track is None or old_id != track.id):
        _delete(con, old_id)
        saved, full = Saved(), True
    left: set[str] = set()
    if full and old_id is not None:  # the occurrences the old track placed (a record may predate the rows)
        left = {r[0] for r in con.execute("SELECT id FROM occurrences WHERE track_id = ?", (old_id,))}
    if track is None:
        _place(con, dict.fromkeys(left), {})
        return Saved()
    record = json.dumps(track.head_dict(), ensure_ascii=False, sort_keys=True)
    if record != saved.record:
        con.execute(
            "INSERT INTO tracks (id, parties, mediator, status, first_date, last_date, n_rounds, record)"
            " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in _TRACK_COLUMNS),
            (track.id, track.key, track.mediator, track.status, track.first_date, track.last_date,
             len(track.rounds), record),
        )  # fmt: skip
    rounds = _save_rounds(con, track, saved.rounds)
    history = _save_history(con, track, saved.history)
    members = set(track.members)
    con.executemany(
        "DELETE FROM track_members WHERE track_id = ? AND occurrence_id = ?",
        [(track.id, i) for i in sorted(saved.members - members)],
    )
    con.executemany(
        "INSERT INTO track_members (track_id, occurrence_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(track.id, i) for i in sorted(members - saved.members)],
    )
    placed = {i: r.number for r in track.rounds for i in (*r.meetings, *r.agreements)}
    left |= saved.members - members
    if full:
        todo = members | left
    else:
        moved = {i for i in set(placed) | set(saved.placed) if placed.get(i) != saved.placed.get(i)}
        todo = written | left | moved
    _place(con, {i: (track.id if i in members else None) for i in todo}, placed)
    return Saved(track_id=track.id, record=record, rounds=rounds, history=history, members=members, placed=placed)


def _save_rounds(
    con: Database, track: Track, saved: dict[int, tuple[Round | None, str]]
) -> dict[int, tuple[Round | None, str]]:
    now: dict[int, tuple[Round | None, str]] = {}
    for r in track.rounds:
        kept = saved.get(r.number)
        if kept is not None and kept[0] is r:  # the ledger kept this round as it was
            now[r.number] = kept
            continue
        text = json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True)
        if kept is None or kept[1] != text:
            con.execute(
                "INSERT INTO track_rounds (track_id, number, record) VALUES (?, ?, ?)"
                " ON CONFLICT (track_id, number) DO UPDATE SET record = excluded.record",
                (track.id, r.number, text),
            )
        now[r.number] = (r, text)
    con.executemany(
        "DELETE FROM track_rounds WHERE track_id = ? AND number = ?",
        [(track.id, n) for n in sorted(set(saved) - set(now))],
    )
    return now


def _save_history(
    con: Database, track: Track, saved: list[tuple[StatusPoint | None, str]]
) -> list[tuple[StatusPoint | None, str]]:
    """Rewrite the history from its first entry that changed (a status change is mostly appended)."""
    points = track.status_history
    same = common_prefix([p for p, _ in saved], points)
    now = saved[:same]
    for seq in range(same, len(points)):
        text = json.dumps(points[seq].to_dict(), ensure_ascii=False, sort_keys=True)
        if seq >= len(saved) or saved[seq][1] != text:
            con.execute(
                "INSERT INTO track_history (track_id, seq, record) VALUES (?, ?, ?)"
                " ON CONFLICT (track_id, seq) DO UPDATE SET record = excluded.record",
                (track.id, seq, text),
            )
        now.append((points[seq], text))
    if len(saved) > len(points):
        con.execute("DELETE FROM track_history WHERE track_id = ? AND seq >= ?", (track.id, len(points)))
    return now


def _place(con: Database, tracks: dict[str, str | None], rounds: dict[str, int]) -> None:
    """Set each occurrence's track (None: none) and, when it is in a round, its round number;
    writing only the rows whose values change."""
    if not tracks:
        return
    ids = sorted(tracks)
    stored = {
        i: (t, n)
        for i, t, n in con.execute(
            f"SELECT id, track_id, round FROM occurrences WHERE {con.in_list('id')}", (con.list_param(ids),)
        )
    }
    changed = []
    for i in ids:
        if i not in stored:
            continue  # merged into another occurrence since
        t, n = stored[i]
        want = (tracks[i], rounds.get(i, n) if tracks[i] is not None else n)
        if (t, n) != want:
            changed.append((*want, i))
    con.executemany("UPDATE occurrences SET track_id = ?, round = ? WHERE id = ?", changed)


def _delete(con: Database, track_id: str) -> None:
    for table, column in (
        ("tracks", "id"), ("track_rounds", "track_id"), ("track_history", "track_id"), ("track_members", "track_id")
    ):
        con.execute(f"DELETE FROM {table} WHERE {column} = ?", (track_id,))


# -- reading ----------------------------------------------------------------------------------------


def track_record(con: Database, text: str) -> dict[str, Any]:
    """The whole record of a track (``Track.to_dict()``) from its row's JSON and its rows."""
    record = json.loads(text)
    if "rounds" in record:  # written before schema 7 and not changed since: all in one record
        return with_expected_mediators(record)
    tid = record["id"]
    record["status_history"] = [
        json.loads(r[0]) for r in con.execute("SELECT record FROM track_history WHERE track_id = ? ORDER BY seq", (tid,))
    ]
    record["rounds"] = [
        json.loads(r[0]) for r in con.execute("SELECT record FROM track_rounds WHERE track_id = ? ORDER BY number", (tid,))
    ]
    members = [r[0] for r in con.execute("SELECT occurrence_id FROM track_members WHERE track_id = ? ORDER BY occurrence_id", (tid,))]
    record["members"] = members
    record["sources"] = _sources(con, members)
    return with_expected_mediators({k: record[k] for k in _ORDER if k in record})


# Rounds still to come: their reports may not repeat who mediates ("the two sides will meet in
# Geneva on Tuesday"), and the process's mediator is what to expect there.
_EXPECTED = ("planned", "postponed")


def with_expected_mediators(record: dict[str, Any]) -> dict[str, Any]:
    """The track's record with each round still to come that no report gives a mediator
    taking the track's, marked ``"mediator_from": "track"``: an expectation the view states
    as such, never a claim about a round held (whose reports would have named one)."""
    mediator = record.get("mediator")
    if not mediator:
        return record
    for r in record.get("rounds") or []:
        if not r.get("mediator") and r.get("status") in _EXPECTED:
            r["mediator"], r["mediator_from"] = mediator, "track"
    return record


def _sources(con: Database, members: list[str]) -> list[str]:
    if not members:
        return []
    rows = con.execute(
        f"SELECT DISTINCT article_id FROM events WHERE {con.in_list('occurrence_id')} ORDER BY article_id",
        (con.list_param(members),),
    )
    return [r[0] for r in rows]


_ORDER = (
    "id", "name", "parties", "names", "mediator", "status", "status_history", "rounds", "members",
    "other_meetings", "topics", "first_date", "last_date", "sources",
)  # fmt: skip: Track.to_dict()'s order
