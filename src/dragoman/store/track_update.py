"""Tracks inside the store's write transaction, updated by what fusion changed.

    update_track(con, key, delta, cache)

The writer keeps a ``TrackLedger`` (tracks/ledger.py) per parties key in its cache, with what it
last stored for the key (``Saved``, store/track_rows.py). The ledger is used only when the key's
token in ``track_ledgers`` is the one this writer wrote last: any other write of the key (another
process, a rolled-back transaction) changes or keeps the token apart, and the track is then built
again from all its occurrences. So the cache never changes a result, and a track told by a
thousand reports costs a new report what one told by a hundred does.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from dragoman.fuse.cache import FusionCache
from dragoman.fuse.canonical import Occurrence, occurrence_from_dict
from dragoman.store.database import Database
from dragoman.store.delegations import delegates_of
from dragoman.store.track_rows import Saved, save_track
from dragoman.tracks import Delegate, track_settings
from dragoman.tracks.ledger import TrackLedger

log = logging.getLogger(__name__)

Changed = tuple[set[str], set[str]]  # occurrences written, occurrences merged away


@dataclass(slots=True)
class Delta:
    """What changed for one track: its own talks and agreements, and its mediator's visits."""

    members: set[str] = field(default_factory=set)
    visits: set[str] = field(default_factory=set)
    gone: set[str] = field(default_factory=set)


@dataclass(slots=True)
class KeptTrack:
    ledger: TrackLedger
    saved: Saved


def update_track(con: Database, key: str, delta: Delta | None, cache: FusionCache) -> None:
    """Bring the track of ``key`` up to date with ``delta`` (None: build it again)."""
    token = con.execute("SELECT token FROM track_ledgers WHERE parties = ?", (key,)).fetchone()
    entry = cache.ledgers.find(key)
    kept = entry[1] if entry is not None and token is not None and entry[0] == token[0] else None
    cache.ledgers.forget(key)  # changed in place below: kept again only once the update is done
    track, full, written = None, True, set()
    if kept is not None and delta is not None:
        cache.ledgers.hits += 1
        try:
            _apply(con, kept.ledger, delta, cache)
            track = kept.ledger.track(lambda ids: _by_id(con, ids, cache))
            full, written = False, delta.members | delta.visits
        except ValueError as e:  # the ledger disagrees with the store: never expected, so say so
            log.warning("track %s: the kept ledger did not match the store (%s); building it again", key, e)
            kept = None
    if full:
        cache.ledgers.misses += 1
        kept = KeptTrack(_new_ledger(con, key, cache), Saved.read(con, key))
        track = kept.ledger.track(lambda ids: _by_id(con, ids, cache))
    assert kept is not None
    kept.saved = save_track(con, key, track, kept.saved, written, full)
    new_token = secrets.token_hex(8)
    con.execute(
        "INSERT INTO track_ledgers (parties, token, mediator) VALUES (?, ?, ?)"
        " ON CONFLICT (parties) DO UPDATE SET token = excluded.token, mediator = excluded.mediator",
        (key, new_token, kept.ledger.visits_mediator),
    )
    cache.ledgers.put(key, new_token, kept)


def _new_ledger(con: Database, key: str, cache: FusionCache) -> TrackLedger:
    codes = frozenset(key.split("+"))
    members = _occurrences(con, [f"{t}:{key}" for t in sorted({"CONSULT", *track_settings().agreements})], cache)
    ledger = TrackLedger(codes)
    ledger.put_members(members, _people(con, members))
    _refresh_visits(con, ledger, cache)
    return ledger


def _apply(con: Database, ledger: TrackLedger, delta: Delta, cache: FusionCache) -> None:
    ledger.drop(sorted(delta.gone))
    members = list(_by_id(con, sorted(delta.members), cache).values())
    ledger.put_members(members, _people(con, members))
    if ledger.mediator != ledger.visits_mediator:
        _refresh_visits(con, ledger, cache)
    else:
        found = _by_id(con, sorted(delta.visits), cache).values()
        ledger.put_visits(o for o in found if o.event.event_type == "CONSULT")


def _refresh_visits(con: Database, ledger: TrackLedger, cache: FusionCache) -> None:
    """All the meetings of the ledger's mediator with one of its parties (none without one)."""
    mediator = ledger.mediator
    blocks = ["CONSULT:" + "+".join(sorted({mediator, c})) for c in sorted(ledger.parties)] if mediator else []
    ledger.set_visits(mediator, _occurrences(con, blocks, cache) if blocks else [])


def _people(con: Database, occurrences: Iterable[Occurrence]) -> dict[str, list[Delegate]]:
    return delegates_of(con, {o.id: o.reports for o in occurrences if o.event.event_type == "CONSULT"})


def _occurrences(con: Database, blocks: list[str], cache: FusionCache) -> list[Occurrence]:
    """The occurrences of ``blocks``; only the records the writer does not hold are read and parsed."""
    rows = con.execute(
        f"SELECT id, n_reports, n_sources FROM occurrences WHERE {con.in_list('block_key')} ORDER BY id",
        (con.list_param(blocks),),
    ).fetchall()
    return list(_held_or_read(con, rows, cache).values())


def _by_id(con: Database, ids: list[str], cache: FusionCache) -> dict[str, Occurrence]:
    """The stored occurrences of ``ids`` (an id merged away since is left out)."""
    if not ids:
        return {}
    rows = con.execute(
        f"SELECT id, n_reports, n_sources FROM occurrences WHERE {con.in_list('id')} ORDER BY id",
        (con.list_param(ids),),
    ).fetchall()
    return _held_or_read(con, rows, cache)


def _held_or_read(con: Database, rows: list[tuple[str, int, int]], cache: FusionCache) -> dict[str, Occurrence]:
    held = {i for i, n, sources in rows if (entry := cache.occurrences.find(i)) and entry[0] == (n, sources)}
    missing = [r[0] for r in rows if r[0] not in held]
    texts = dict(
        con.execute(f"SELECT id, record FROM occurrences WHERE {con.in_list('id')}", (con.list_param(missing),))
    ) if missing else {}  # fmt: skip
    found = {}
    for i, n, sources in rows:  # (a small cache may have let a held entry go meanwhile)
        found[i] = cache.occurrences.get(i, (n, sources), lambda i=i: occurrence_from_dict(json.loads(texts.get(i) or _record(con, i))))
    return found


def _record(con: Database, occurrence_id: str) -> str:
    return str(con.execute("SELECT record FROM occurrences WHERE id = ?", (occurrence_id,)).fetchone()[0])
