"""The read tables of canonical events, kept up to date by the store's one writer (schema 5).

    actors             each (name, country, sector) once, with its count of canonical events
    actor_roles        the same count per role (party, mediator...)
    occurrence_actors  the actors of each occurrence, with its date key (an actor's events in page order)
    occurrence_keys    each occurrence's page key, the row id of its full-text entry
    occurrence_text    the evidence sentences of its reports: FTS5 on SQLite, a tsvector on PostgreSQL
    report_actors      the actors of each per-article report, with its date key (schema 6)

They are derived from ``occurrences`` and the member reports (``events.occurrence_id``), so they
are rebuilt per occurrence: ``refresh`` runs in the article's write transaction right after
fusion, for the occurrences its new reports joined, and forgets the occurrences merged away
(``occurrence_aliases``). The page order of every list is ``(date key, id)``; ``page_key`` packs
it into one integer so full-text matches come out of SQLite's FTS5 index in that order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from dragoman.store.database import Database

DAY_BITS = 19  # days since 1900-01-01: up to the year 3335
HASH_BITS = 63 - DAY_BITS  # the first 11 hex digits of the occurrence id's hash
_EPOCH = date(1900, 1, 1).toordinal()
BATCH = 500  # occurrences per statement when indexing a backlog
BULK = 5000  # from this many, a backlog is indexed with a few set-wide statements


def page_key(date_key: str | None, occurrence_id: str) -> int:
    """One integer in page order: undated occurrences (day 0) first, by id; then by day and id.

    Ids are ``c_`` + hex digits, so within a day the order of the hash prefix is the order of the
    ids (two ids sharing 11 hex digits on one day are as likely as a hash collision)."""
    day = 0
    if date_key:
        try:
            day = date.fromisoformat(date_key[:10]).toordinal() - _EPOCH
        except ValueError:
            day = 0
        day = min(max(day, 1), (1 << DAY_BITS) - 1)  # a date before 1900 sorts with 1900
    digits = occurrence_id.split("_", 1)[-1][: HASH_BITS // 4]
    try:
        low = int(digits, 16)
    except ValueError:  # not a content id: any stable number keeps it unique enough
        low = int.from_bytes(occurrence_id.encode()[-8:], "big") & ((1 << HASH_BITS) - 1)
    return (day << HASH_BITS) | low


def refresh(con: Database, event_ids: Sequence[str]) -> None:
    """Re-index the occurrences the given reports belong to, and drop those merged into them."""
    if not event_ids:
        return
    current = [
        r[0]
        for r in con.execute(
            f"SELECT DISTINCT occurrence_id FROM events WHERE {con.in_list('id')} AND occurrence_id IS NOT NULL",
            (con.list_param(event_ids),),
        )
    ]
    gone = [
        r[0]
        for r in con.execute(
            f"SELECT old_id FROM occurrence_aliases WHERE {con.in_list('new_id')}", (con.list_param(current),)
        )
    ]
    reindex(con, gone, current)


def reindex(con: Database, gone: Iterable[str], current: Sequence[str]) -> None:
    """Forget ``gone`` and ``current``, then index ``current`` again from the store."""
    for occurrence_id in [*gone, *current]:
        _forget(con, occurrence_id)
    for occurrence_id in current:
        _index(con, occurrence_id)


def index_backlog(con: Database, *, bulk: int = BULK) -> int:
    """Index the occurrences listed in ``occurrence_index_backlog`` (stored before schema 5);
    returns how many. From ``bulk`` occurrences on, set-wide statements do it. Runs inside the
    caller's write transaction."""
    if con.execute(f"SELECT count(*) FROM (SELECT 1 FROM occurrence_index_backlog LIMIT {int(bulk)}) b").fetchone()[0] >= bulk:
        return _index_in_bulk(con)
    done = 0
    while True:
        batch = [r[0] for r in con.execute("SELECT occurrence_id FROM occurrence_index_backlog ORDER BY occurrence_id LIMIT ?", (BATCH,))]
        if not batch:
            return done
        reindex(con, [], batch)
        con.execute(
            f"DELETE FROM occurrence_index_backlog WHERE {con.in_list('occurrence_id')}", (con.list_param(batch),)
        )
        done += len(batch)


def has_backlog(con: Database) -> bool:
    return con.execute("SELECT 1 FROM occurrence_index_backlog LIMIT 1").fetchone() is not None


def _forget(con: Database, occurrence_id: str) -> None:
    rows = con.execute(
        "SELECT actor_id, roles FROM occurrence_actors WHERE occurrence_id = ?", (occurrence_id,)
    ).fetchall()
    if rows:
        _count(con, [(actor_id, roles.split(",")) for actor_id, roles in rows], -1)
        con.execute("DELETE FROM occurrence_actors WHERE occurrence_id = ?", (occurrence_id,))
    row = con.execute("SELECT page_key FROM occurrence_keys WHERE occurrence_id = ?", (occurrence_id,)).fetchone()
    if row is not None:
        if con.dialect == "sqlite":
            con.execute("DELETE FROM occurrence_text WHERE rowid = ?", (row[0],))
        else:
            con.execute("DELETE FROM occurrence_text WHERE occurrence_id = ?", (occurrence_id,))
        con.execute("DELETE FROM occurrence_keys WHERE occurrence_id = ?", (occurrence_id,))


def _index(con: Database, occurrence_id: str) -> None:
    row = con.execute(
        "SELECT coalesce(date_start, date_end) FROM occurrences WHERE id = ?", (occurrence_id,)
    ).fetchone()
    if row is None:  # merged away meanwhile: its successor is indexed instead
        return
    date_key = row[0]
    actors = _member_actors(con, occurrence_id)
    if actors:
        ids = [(_actor_id(con, key), roles) for key, roles in actors.items()]
        con.executemany(
            "INSERT INTO occurrence_actors (occurrence_id, actor_id, date_key, roles) VALUES (?,?,?,?)",
            [(occurrence_id, actor_id, date_key, ",".join(roles)) for actor_id, roles in ids],
        )
        _count(con, ids, +1)
    _index_text(con, occurrence_id, date_key)


def index_report(con: Database, event_id: str, date_key: str | None, actors: Iterable[Any]) -> None:
    """A new report's rows of ``report_actors`` (its actors' ids, its date key), written with it.

    ``actors`` have ``name``, ``country`` and ``sector`` (``model.Actor``). An actor first seen here
    gets its ``actors`` row now, counting 0 canonical events until fusion indexes one."""
    ids = sorted({_actor_id(con, (a.country or "", a.sector or "", a.name or "")) for a in actors})
    con.executemany(
        "INSERT INTO report_actors (event_id, actor_id, date_key) VALUES (?,?,?) ON CONFLICT DO NOTHING",
        [(event_id, actor_id, date_key) for actor_id in ids],
    )


def _member_actors(con: Database, occurrence_id: str) -> dict[tuple[str, str, str], list[str]]:
    """(country, sector, name) -> sorted roles, over the actors of every member report."""
    found: dict[tuple[str, str, str], set[str]] = {}
    for name, country, sector, role in con.execute(
        "SELECT a.name, a.country, a.sector, a.role FROM events r JOIN event_actors a ON a.event_id = r.id"
        " WHERE r.occurrence_id = ?",
        (occurrence_id,),
    ):
        found.setdefault((country or "", sector or "", name or ""), set()).add(role or "unknown")
    return {key: sorted(roles) for key, roles in found.items()}


def _actor_id(con: Database, key: tuple[str, str, str]) -> int:
    text = "|".join(key)
    row = con.execute("SELECT id FROM actors WHERE key = ?", (text,)).fetchone()
    if row is not None:
        return int(row[0])
    country, sector, name = key
    con.execute(
        "INSERT INTO actors (key, name, country, sector) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
        (text, name or None, country or None, sector or None),
    )
    return int(con.execute("SELECT id FROM actors WHERE key = ?", (text,)).fetchone()[0])


def _count(con: Database, actors: Iterable[tuple[int, list[str]]], step: int) -> None:
    pairs = list(actors)
    con.executemany("UPDATE actors SET occurrences = occurrences + ? WHERE id = ?", [(step, a) for a, _ in pairs])
    for actor_id, roles in pairs:
        for role in roles:
            con.execute(
                "INSERT INTO actor_roles (actor_id, role, occurrences) VALUES (?,?,?)"
                " ON CONFLICT (actor_id, role) DO UPDATE SET occurrences = actor_roles.occurrences + excluded.occurrences",
                (actor_id, role, step),
            )
    con.executemany(
        "DELETE FROM actor_roles WHERE actor_id = ? AND occurrences <= 0", [(a,) for a, _ in pairs]
    )  # fmt: skip


def _index_text(con: Database, occurrence_id: str, date_key: str | None) -> None:
    sentences = sorted(
        {
            r[0]
            for r in con.execute(
                "SELECT v.sentence FROM events r JOIN evidence v ON v.event_id = r.id WHERE r.occurrence_id = ?",
                (occurrence_id,),
            )
        }
    )
    _insert_text(con, occurrence_id, date_key, sentences)


def _insert_text(con: Database, occurrence_id: str, date_key: str | None, sentences: Iterable[str]) -> None:
    key = page_key(date_key, occurrence_id)
    # Two occurrences of one day sharing 44 bits of hash: the second takes the next free key.
    while con.execute("SELECT 1 FROM occurrence_keys WHERE page_key = ?", (key,)).fetchone() is not None:
        key += 1
    con.execute("INSERT INTO occurrence_keys (occurrence_id, page_key) VALUES (?,?)", (occurrence_id, key))
    text = "\n".join(sorted(sentences))
    if con.dialect == "sqlite":
        con.execute("INSERT INTO occurrence_text (rowid, sentences) VALUES (?,?)", (key, text))
    else:
        con.execute(
            "INSERT INTO occurrence_text (occurrence_id, document) VALUES (?, to_tsvector('simple', ?))",
            (occurrence_id, text),
        )


def _index_in_bulk(con: Database) -> int:
    """The backlog with a few statements over all of it (an upgraded store of a million events
    takes minutes this way, an hour occurrence by occurrence); actor counts are then recounted."""
    backlog = "SELECT occurrence_id FROM occurrence_index_backlog"
    pages = con.execute(f"SELECT page_key FROM occurrence_keys WHERE occurrence_id IN ({backlog})").fetchall()
    if con.dialect == "sqlite":
        con.executemany("DELETE FROM occurrence_text WHERE rowid = ?", pages)
    else:
        con.execute(f"DELETE FROM occurrence_text WHERE occurrence_id IN ({backlog})")
    for table in ("occurrence_keys", "occurrence_actors"):
        con.execute(f"DELETE FROM {table} WHERE occurrence_id IN ({backlog})")
    members = (
        "FROM occurrence_index_backlog b JOIN occurrences o ON o.id = b.occurrence_id"
        " JOIN events r ON r.occurrence_id = o.id JOIN event_actors a ON a.event_id = r.id"
    )
    key = "coalesce(a.country, '') || '|' || coalesce(a.sector, '') || '|' || coalesce(a.name, '')"
    con.execute(
        f"INSERT INTO actors (key, name, country, sector) SELECT DISTINCT {key}, nullif(a.name, ''),"
        f" nullif(a.country, ''), nullif(a.sector, '') {members} ON CONFLICT DO NOTHING"
    )
    roles = "group_concat(DISTINCT coalesce(a.role, 'unknown'))" if con.dialect == "sqlite" else (
        "string_agg(DISTINCT coalesce(a.role, 'unknown'), ',')"
    )  # fmt: skip
    con.execute(
        "INSERT INTO occurrence_actors (occurrence_id, actor_id, date_key, roles)"
        f" SELECT o.id, ac.id, coalesce(o.date_start, o.date_end), {roles} {members}"
        f" JOIN actors ac ON ac.key = {key} GROUP BY o.id, ac.id, coalesce(o.date_start, o.date_end)"
    )
    _recount(con)
    done = 0
    rows = con.execute(
        "SELECT o.id, coalesce(o.date_start, o.date_end), v.sentence FROM occurrence_index_backlog b"
        " JOIN occurrences o ON o.id = b.occurrence_id LEFT JOIN events r ON r.occurrence_id = o.id"
        " LEFT JOIN evidence v ON v.event_id = r.id ORDER BY o.id"
    ).fetchall()
    current: tuple[str, str | None] | None = None
    sentences: set[str] = set()
    for occurrence_id, date_key, sentence in [*rows, (None, None, None)]:
        if current is not None and occurrence_id != current[0]:
            _insert_text(con, current[0], current[1], sentences)
            done += 1
            sentences = set()
        current = (occurrence_id, date_key)
        if sentence:
            sentences.add(sentence)
    con.execute("DELETE FROM occurrence_index_backlog")
    return done


def _recount(con: Database) -> None:
    """Every actor's count of canonical events and per role, from occurrence_actors and the reports."""
    con.execute(
        "UPDATE actors SET occurrences = (SELECT count(*) FROM occurrence_actors oa WHERE oa.actor_id = actors.id)"
    )
    con.execute("DELETE FROM actor_roles")
    con.execute(
        "INSERT INTO actor_roles (actor_id, role, occurrences)"
        " SELECT ac.id, coalesce(a.role, 'unknown'), count(DISTINCT r.occurrence_id) FROM event_actors a"
        " JOIN events r ON r.id = a.event_id"
        " JOIN actors ac ON ac.key = coalesce(a.country, '') || '|' || coalesce(a.sector, '') || '|' || coalesce(a.name, '')"
        " WHERE r.occurrence_id IS NOT NULL GROUP BY ac.id, coalesce(a.role, 'unknown')"
    )
