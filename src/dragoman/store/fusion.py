"""Fusion and tracks inside the store's write transaction: one writer, incremental, idempotent.

For each new report of an article: find earlier reports in its block (type + parties) within the
date window (an indexed range query, so the cost does not grow with the store; pairs that cannot
pass ``fuse.same_event`` on their stored columns are left out in SQL), test each with
``same_event``, and link the reports and occurrences it accepts. Each connected group becomes one
merged occurrence, written once per article however many of the article's reports joined it.
Then the tracks of the parties the change touched take in the occurrences written and merged
away (store/track_update.py), writing only the rows that change.
Records parsed along the way stay in the writer's ``FusionCache`` (fuse/cache.py), which is
checked against the stored text and so never changes a result. Everything runs in the article's
transaction, so a crash leaves the store before or after the article, never between.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta

from dragoman.fuse import (
    Merger,
    Occurrence,
    Report,
    fuse_settings,
    occurrence_id,
    parties,
    same_event,
    window,
)
from dragoman.fuse.cache import FusionCache, record_version
from dragoman.fuse.canonical import occurrence_from_dict
from dragoman.fuse.similarity import date_span
from dragoman.model import event_from_dict
from dragoman.store import track_update
from dragoman.store.database import Database
from dragoman.store.track_update import Changed, Delta
from dragoman.tracks import track_settings

_REPORT_COLUMNS = (
    "SELECT e.id, e.record, e.article_id, a.published, a.outlet, coalesce(a.doc_group, a.id), e.occurrence_id"
    " FROM events e JOIN articles a ON a.id = e.article_id"
)
Found = tuple[str, Report, str | None]  # a stored report: its id, parsed, and its occurrence


def fuse_new_events(con: Database, event_ids: Sequence[str], cache: FusionCache | None = None) -> dict[str, Changed]:
    """Fuse the given stored events into occurrences; by parties key, the talks and agreements
    written and those merged away: what the tracks must take in."""
    cache = cache or FusionCache.of_size(0, 0)
    new = {i: r for i, r, _ in _load_reports(con, con.in_list("e.id"), (con.list_param(event_ids),), cache)}
    con.executemany(
        "UPDATE events SET block_key = ?, anchor = ? WHERE id = ?", [(r.key, r.anchor, i) for i, r in new.items()]
    )
    links = _Links()
    waiting = set(new)
    for event_id, report in new.items():  # each pair is compared once: the order does not matter
        waiting.discard(event_id)
        links.add(event_id)
        for other_id, occ in _candidates(con, event_id, report):
            if other_id in waiting or (occ is None and other_id not in new):
                continue  # a report of this batch is compared from its own side when its turn comes
            if links.same(event_id, occ or other_id):
                continue  # already linked through another of its reports: the test cannot add anything
            other = new.get(other_id) or _load_reports(con, "e.id = ?", (other_id,), cache)[0][1]
            if same_event(report, other).same:
                links.join(event_id, occ or other_id)
    touched: dict[str, Changed] = {}
    relevant = {"CONSULT", *track_settings().agreements}
    for group in links.groups():
        occurrence, gone = _fuse_group(con, group, new, cache)
        if occurrence.event.event_type in relevant:  # only talks and agreements make tracks
            written, merged = touched.setdefault(_parties_key(occurrence), (set(), set()))
            written.add(occurrence.id)
            merged.update(gone)
    return touched


def refresh_tracks(
    con: Database, changes: Mapping[str, Changed] | Iterable[str], cache: FusionCache | None = None
) -> None:
    """Update the tracks of the given parties keys, and of tracks whose mediator met one of their
    parties, with what ``fuse_new_events`` changed (given only keys, each track is built again)."""
    cache = cache or FusionCache.of_size(0, 0)
    given = changes if isinstance(changes, Mapping) else dict.fromkeys(changes)
    todo: dict[str, Delta | None] = {}
    for key, changed in given.items():
        if "+" in key:
            _add(todo, key, changed, visit=False)
        codes = key.split("+")
        if len(codes) == 2:  # maybe a mediator's visit to one party of a track
            for code, other in (codes, codes[::-1]):
                # (the tracks table too: a track of an older schema has no ledger row until it changes)
                rows = con.execute(
                    " UNION ".join(
                        f"SELECT parties FROM {t} WHERE mediator = ? AND ('+' || parties || '+') {con.like} ?"
                        for t in ("track_ledgers", "tracks")
                    ),
                    (code, f"%+{other}+%") * 2,
                )
                for (track_key,) in rows:
                    _add(todo, track_key, changed, visit=True)
    for key in sorted(todo):
        track_update.update_track(con, key, todo[key], cache)


def _add(todo: dict[str, Delta | None], key: str, changed: Changed | None, visit: bool) -> None:
    """Note ``changed`` for the track of ``key``; None (not known) makes it built again."""
    if key in todo and todo[key] is None:
        return
    if changed is None:
        todo[key] = None
        return
    delta = todo.setdefault(key, Delta())
    assert delta is not None
    written, gone = changed
    (delta.visits if visit else delta.members).update(written)
    delta.gone.update(gone)


class _Links:
    """Union-find over report and occurrence ids: what ``same_event`` connected."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def add(self, node: str) -> None:
        self._parent.setdefault(node, node)

    def join(self, a: str, b: str) -> None:
        ra, rb = self._root(a), self._root(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def same(self, a: str, b: str) -> bool:
        return a in self._parent and b in self._parent and self._root(a) == self._root(b)

    def groups(self) -> list[list[str]]:
        found: dict[str, list[str]] = {}
        for node in sorted(self._parent):
            found.setdefault(self._root(node), []).append(node)
        return sorted(found.values())

    def _root(self, node: str) -> str:
        self.add(node)
        while self._parent[node] != node:
            self._parent[node] = self._parent[self._parent[node]]
            node = self._parent[node]
        return node


def _fuse_group(
    con: Database, group: list[str], new: dict[str, Report], cache: FusionCache
) -> tuple[Occurrence, list[str]]:
    """One occurrence from the new reports in ``group`` and every member of its old occurrences:
    the new reports are folded into the kept merger of the largest old occurrence when the writer
    has it, else all are merged again (the same result either way: fuse/merger.py)."""
    old = sorted(i for i in group if i.startswith("c_"))
    members = _members(con, old)
    merger = _kept_merger(old, members, cache)
    missing = [i for i in members if i not in merger.members]
    if missing:
        found = _load_reports(con, con.in_list("e.id"), (con.list_param(missing),), cache)
        merger.add(r for _, r, _ in found)
    merger.add(new[i] for i in sorted(group) if i in new)
    occurrence = merger.occurrence()
    moved = sorted(i for i in merger.members if members.get(i, (None, None))[0] != occurrence.id)
    _write_occurrence(con, occurrence, moved, cache, record=merger.record(occurrence))
    cache.mergers.put(occurrence.id, None, merger)
    merged = sorted(set(old) - {occurrence.id})
    for gone in merged:
        con.execute("DELETE FROM occurrences WHERE id = ?", (gone,))
        con.execute(
            "INSERT INTO occurrence_aliases (old_id, new_id) VALUES (?, ?)"
            " ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id",
            (gone, occurrence.id),
        )
        con.execute("UPDATE occurrence_aliases SET new_id = ? WHERE new_id = ?", (occurrence.id, gone))
    return occurrence, merged


Members = dict[str, tuple[str, str]]  # report id -> (its occurrence, its article's near-duplicate group)


def _members(con: Database, occurrences: list[str]) -> Members:
    """The reports of ``occurrences`` as stored now: short rows, no records."""
    if not occurrences:
        return {}
    rows = con.execute(
        "SELECT e.id, e.occurrence_id, coalesce(a.doc_group, a.id) FROM events e JOIN articles a ON a.id = e.article_id"
        f" WHERE {con.in_list('e.occurrence_id')}",
        (con.list_param(occurrences),),
    )
    return {i: (occ, grp) for i, occ, grp in rows}


def _kept_merger(old: list[str], members: Members, cache: FusionCache) -> Merger:
    """A copy of the kept merger of the largest old occurrence whose members and their groups are
    still those stored (another writer, or a near-duplicate joining two groups, may have changed
    them), else a new one."""
    best: Merger | None = None
    for occurrence in old:
        entry = cache.mergers.find(occurrence)
        if entry is None:
            continue
        kept = entry[1]
        stored = {i: g for i, (o, g) in members.items() if o == occurrence}
        if kept.members == stored and (best is None or len(kept.members) > len(best.members)):
            best = kept
    if best is None:
        cache.mergers.misses += bool(old)
        return Merger()
    cache.mergers.hits += 1
    return best.copy()


def _candidates(con: Database, event_id: str, report: Report) -> list[tuple[str, str | None]]:
    """Reports in the block and date window that ``same_event`` could accept, with their
    occurrence. Those it would refuse on their stored columns alone (dates that cannot overlap this
    report's and no round number, another round, a place in another country, hypothetical or not)
    are left out in SQL; the caller reads a candidate's record only when it tests it, so the other
    reports of an occurrence already linked (an event told hundreds of times) are never read."""
    s = fuse_settings()
    e = report.event
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
        lo, hi = start.isoformat() if start else "0000", end.isoformat() if end else "9999"
        recent = (end + timedelta(days=s.recent_days)).isoformat() if end else "9999"
        # An undated report is taken to lie in the days before its article's (ISO) date, a plan
        # after it (similarity._undated_span); one that cannot overlap this report is left out.
        where += (
            " AND (e.round IS NOT NULL OR e.date_start IS NULL AND e.date_precision IS NOT NULL"
            " OR e.date_precision IS NULL AND (coalesce(a.published, '') NOT LIKE '____-__-__%'"
            "   OR e.status = 'hypothetical' OR e.status = 'planned' AND substr(a.published, 1, 10) <= ?"
            "   OR e.status != 'planned' AND substr(a.published, 1, 10) BETWEEN ? AND ?)"
            " OR (coalesce(e.date_end, e.date_start) >= ? AND e.date_start <= ?))"
        )
        args += [hi, lo, recent]
        args += [(start - pad).isoformat() if start else "0000", (end + pad).isoformat() if end else "9999"]
    where += " AND e.status = ?" if e.status == "hypothetical" else " AND e.status != ?"
    args.append("hypothetical")
    if e.round is not None and e.cameo not in s.no_round_cameo:
        where += f" AND (e.round IS NULL OR e.round = ? OR {con.in_list('e.cameo')})"
        args += [e.round, con.list_param(sorted(s.no_round_cameo))]
    if e.location is not None and e.location.country:
        # An expression, not the bare column: an OR over the country index scans every report of
        # the country (SQLite chose it over the block range once schema 6 indexed the column).
        where += " AND coalesce(e.location_country, '') IN ('', ?)"
        args.append(e.location.country)
    rows = con.execute(
        f"SELECT e.id, e.occurrence_id FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} ORDER BY e.id",
        tuple(args),
    )
    return [(i, occ) for i, occ in rows]


def _load_reports(con: Database, where: str, args: tuple[object, ...], cache: FusionCache) -> list[Found]:
    rows = con.execute(f"{_REPORT_COLUMNS} WHERE {where} ORDER BY e.id", args).fetchall()
    return [(r[0], cache.reports.get(r[0], tuple(r[1:6]), lambda r=r: _report(r)), r[6]) for r in rows]


def _report(row: tuple) -> Report:  # type: ignore[type-arg]
    return Report.of(
        event_from_dict(json.loads(row[1])), article_id=row[2], published=row[3], outlet=row[4], group=row[5]
    )


def _write_occurrence(
    con: Database, o: Occurrence, member_ids: list[str], cache: FusionCache | None = None, record: str | None = None
) -> None:
    """Upsert ``o`` (``record``: its JSON when known) and point the given reports at it. The writer
    keeps ``o`` as what its record parses to, which it is: merged from parsed reports, it reads back
    equal (tests/fuse/test_fusion_cache.py)."""
    e = o.event
    record = record or json.dumps(o.to_dict(), ensure_ascii=False, sort_keys=True)
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
            published[0] if published else None, published[-1] if published else None, record,
        ),
    )  # fmt: skip
    if cache is not None:
        cache.occurrences.put(o.id, record_version(o), o)  # a track rebuild reads it next
    # Only the rows that change: rewriting a report's row for every merge cost as much as the merge.
    if not member_ids:
        return
    con.execute(
        f"UPDATE events SET occurrence_id = ? WHERE {con.in_list('id')}"
        " AND coalesce(occurrence_id, '') != ?",  # not an OR the planner could run on the occurrence index
        (o.id, con.list_param(member_ids), o.id),
    )


_OCCURRENCE_COLUMNS = (
    "block_key", "event_type", "cameo", "status", "date_start", "date_end", "date_precision", "location_text",
    "location_country", "mediator", "round", "track_id", "n_reports", "n_sources", "n_contradictions",
    "first_reported", "last_reported", "record",
)  # fmt: skip


def _update_all(key: str, columns: tuple[str, ...]) -> str:
    """An upsert's tail that overwrites the row with the new values (``INSERT OR REPLACE`` on both)."""
    return f" ON CONFLICT ({key}) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in columns)


def _block(o: Occurrence) -> str:
    return f"{o.event.event_type}:{_parties_key(o)}"


def _parties_key(o: Occurrence) -> str:
    return "+".join(sorted(parties(o.event)))


__all__ = ["FusionCache", "fuse_new_events", "occurrence_from_dict", "occurrence_id", "refresh_tracks"]
