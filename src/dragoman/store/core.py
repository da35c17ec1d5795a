"""The store: articles, events, occurrences and tracks, on SQLite or PostgreSQL, with one writer.

Writes for one article (the article row, its events, their actors, sources and evidence, and the
fusion and tracks they change) commit in one transaction with ``ON CONFLICT DO NOTHING``, so an
interrupted ingest can simply be run again and a re-ingest changes nothing. The SQL is shared by
both backends; what differs is in ``store/database.py`` and its two backends.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from dragoman.errors import StoreError
from dragoman.fuse import Occurrence
from dragoman.fuse.cache import FusionCache
from dragoman.model import (
    ActorMention,
    Article,
    DateValue,
    Event,
    Rejected,
    content_id,
    event_from_dict,
)
from dragoman.store import (
    delegations,
    fusion,
    fusion_backlog,
    migrations,
    neardup,
    occurrence_index,
    occurrences,
)
from dragoman.store.database import Database, open_database


@dataclass(frozen=True, slots=True, kw_only=True)
class EventQuery:
    """Filters for ``Store.events``; every field is optional and they combine with AND."""

    actor: str | None = None  # a name, ISO3/IGO code, or "CODE SECTOR" such as "IRN GOV"
    event_type: str | None = None
    status: str | None = None
    since: str | None = None  # ISO date, compared with the event's date (start, else end)
    until: str | None = None
    text: str | None = None  # words in the evidence sentence
    article_id: str | None = None
    track: str | None = None  # a track id ("arm-aze-2026")
    limit: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectedRow:
    origin: str
    stage: str
    reason: str
    first_seen: str
    last_seen: str
    times: int

    def to_dict(self) -> dict[str, object]:
        return {
            "origin": self.origin,
            "stage": self.stage,
            "reason": self.reason,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "times": self.times,
        }


class Store:
    """Articles, events and rejected inputs in a SQLite file (``":memory:"`` for tests) or, for a
    ``postgresql://user@host/db`` URL, a PostgreSQL database.

    ``fusion_cache``: the records fusion keeps parsed between articles (bounded; it never changes a
    result, ``FusionCache.of_size(0, 0)`` turns it off)."""

    def __init__(self, path: str | Path, *, fusion_cache: FusionCache | None = None) -> None:
        self._fusion_cache = fusion_cache or FusionCache()
        self._con: Database = open_database(path)
        self.path = self._con.target  # a URL without its password
        try:
            migrations.apply(self._con)
            self._backlog = fusion_backlog.has_backlog(self._con)
        except self._con.Error as e:
            self._con.close()
            raise StoreError(f"{self.path}: cannot open as a dragoman database ({e}); pass another --db") from e
        except BaseException:
            self._con.close()
            raise

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._con.dialect

    # -- writing -------------------------------------------------------------------------------

    def has_raw(self, raw_id: str) -> bool:
        return self._one("SELECT 1 FROM raw_seen WHERE raw_id = ?", raw_id) is not None

    def has_article(self, article_id: str) -> bool:
        return self._one("SELECT 1 FROM articles WHERE id = ?", article_id) is not None

    def save(self, article: Article, events: Sequence[Event], people: Sequence[ActorMention] = ()) -> bool:
        """Store an article and its events atomically; False if the article was already there.

        ``people``: the persons the article names (understand stage), kept with the events in
        their paragraph as the delegations of talks."""
        self._check_backlog()
        now = _now()
        with self._transaction():
            cur = self._con.execute(
                "INSERT INTO articles (id, raw_id, origin, url, title, outlet, author, published,"
                " published_precision, published_source, published_text, text, ingested_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                (
                    article.id, article.raw_id, article.origin, article.url, article.title, article.outlet,
                    article.author, *_published_columns(article.published), article.text, now,
                ),
            )
            new = cur.rowcount == 1
            self._con.execute(
                "INSERT INTO raw_seen (raw_id, article_id, origin) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                (article.raw_id, article.id, article.origin),
            )
            if new:
                neardup.group_article(self._con, article.id, article.text)
                inserted = [e.id for e in events if self._insert_event(article.id, e)]
                delegations.save_event_people(self._con, article.text, [e for e in events if e.id in inserted], people)
                self._fuse(inserted)
                occurrence_index.refresh(self._con, inserted)
        return new

    @property
    def needs_migration(self) -> bool:
        """True when the store holds articles or reports an older dragoman wrote and ``migrate``
        has not brought up to date; reading works, saving refuses (checked cheaply on open)."""
        return self._backlog

    def backlog(self) -> fusion_backlog.Backlog:
        """What a store written by an older dragoman still lacks (see ``migrate``), counted."""
        return fusion_backlog.count_backlog(self._con)

    def migrate(self) -> Iterator[fusion_backlog.Progress]:
        """Group, fuse and index what was stored before near-duplicates, fusion and the read tables
        existed (schemas 1-4), a batch per transaction, yielding progress; opening never does it."""
        yield from fusion_backlog.migrate(self._con, self._fusion_cache)
        self._backlog = fusion_backlog.has_backlog(self._con)

    def _check_backlog(self) -> None:
        if self._backlog:  # looked at again: another process may have migrated meanwhile
            self._backlog = fusion_backlog.has_backlog(self._con)
        if self._backlog:
            raise StoreError(
                f"{self.path} was written by an older dragoman and is not fused yet ({self.backlog().summary()});"
                f" run `dragoman migrate --db {self.path}` first"
            )

    def _fuse(self, event_ids: Sequence[str]) -> None:
        touched = fusion.fuse_new_events(self._con, event_ids, self._fusion_cache)
        fusion.refresh_tracks(self._con, touched, self._fusion_cache)

    def save_rejection(self, rejected: Rejected) -> Rejected:
        """Record a rejected item once per (origin, stage, reason); repeats bump its counter."""
        key = content_id("x", rejected.origin, rejected.stage, rejected.reason)
        now = _now()
        with self._transaction():
            self._con.execute(
                "INSERT INTO rejected (id, origin, stage, reason, first_seen, last_seen) VALUES (?,?,?,?,?,?)"
                " ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, times = rejected.times + 1",
                (key, rejected.origin, rejected.stage, rejected.reason, now, now),
            )
        return rejected

    def _insert_event(self, article_id: str, event: Event) -> bool:
        record = event.to_dict()
        date = event.date or DateValue(start=None, end=None, precision=None)
        cur = self._con.execute(
            "INSERT INTO events (id, article_id, sentence_start, event_type, cameo, mode, status,"
            " date_start, date_end, date_precision, location_text, location_country, track, round,"
            " confidence, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (
                event.id, article_id, event.evidence[0].start if event.evidence else 0, event.event_type,
                event.cameo, event.mode, event.status, date.start, date.end, date.precision,
                event.location.text if event.location else None,
                event.location.country if event.location else None, event.track, event.round,
                event.confidence, json.dumps(record, ensure_ascii=False, sort_keys=True),
            ),
        )
        if cur.rowcount != 1:
            return False
        actors = [a for a in (*event.participants, event.mediator) if a is not None]
        self._con.executemany(
            "INSERT INTO event_actors (event_id, position, role, name, country, sector, text)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            [(event.id, i, a.role, a.name, a.country, a.sector, a.text) for i, a in enumerate(actors)],
        )
        occurrence_index.index_report(self._con, event.id, date.start if date.start is not None else date.end, actors)
        self._con.executemany(
            "INSERT INTO event_sources (event_id, doc_id, outlet, url, attributed_to) VALUES (?,?,?,?,?)"
            " ON CONFLICT DO NOTHING",
            [(event.id, s.doc_id, s.outlet, s.url, s.attributed_to) for s in event.sources],
        )
        self._con.executemany(
            'INSERT INTO evidence (event_id, doc_id, sentence, start, "end") VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING',
            [(event.id, e.doc_id, e.sentence, e.start, e.end) for e in event.evidence],
        )
        return True

    # -- reading -------------------------------------------------------------------------------

    def events(self, query: EventQuery | None = None) -> list[Event]:
        return list(self.iter_events(query))

    def iter_events(self, query: EventQuery | None = None) -> Iterator[Event]:
        """Events matching ``query``, ordered by date then id so output is deterministic."""
        q = query or EventQuery()
        where, args = _event_filters(q, like=self._con.like)
        sql = (
            "SELECT record FROM events e"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY coalesce(e.date_start, e.date_end){self._con.nulls_first}, e.article_id, e.sentence_start, e.id"
        )
        if q.limit is not None:
            sql += " LIMIT ?"
            args.append(q.limit)
        for (record,) in self._con.execute(sql, args):
            yield event_from_dict(json.loads(record))

    def occurrences(self, query: EventQuery | None = None) -> list[Occurrence]:
        """Canonical events: each real-world event once, however many articles reported it."""
        return list(self.iter_occurrences(query))

    def iter_occurrences(self, query: EventQuery | None = None) -> Iterator[Occurrence]:
        return occurrences.iter_occurrences(self._con, query or EventQuery())

    def occurrence(self, occurrence_id: str) -> Occurrence | None:
        """By id, id prefix, an id it had before a merge, or the id of one of its reports."""
        return occurrences.get_occurrence(self._con, occurrence_id)

    def tracks(self) -> list[dict[str, Any]]:
        """Negotiation tracks as JSON-ready records (``Track.to_dict()``), oldest first."""
        return occurrences.tracks(self._con)

    def track(self, track_id: str) -> dict[str, Any] | None:
        """A track by id, id prefix or parties ("ARM+AZE")."""
        return occurrences.get_track(self._con, track_id)

    def track_context(self, track_id: str) -> list[Occurrence]:
        """Background events around a track (sanctions, strikes, protests... by its parties)."""
        return occurrences.track_context(self._con, track_id)

    def to_pandas(self, query: EventQuery | None = None):  # type: ignore[no-untyped-def]
        """The matching events as a pandas DataFrame (one flat row each, as in the CSV export)."""
        return events_to_pandas(self.events(query))

    def event(self, event_id: str) -> Event | None:
        row = self._one("SELECT record FROM events WHERE id = ?", event_id)
        if row is None:
            row = self._one(f"SELECT record FROM events WHERE id {self._con.like} ? ORDER BY id LIMIT 1", event_id + "%")
        return event_from_dict(json.loads(row[0])) if row else None

    def article(self, article_id: str) -> Article | None:
        row = self._one(
            "SELECT id, raw_id, origin, title, text, url, outlet, author, published, published_precision,"
            " published_source, published_text FROM articles WHERE id = ?",
            article_id,
        )
        return _article_from_row(row) if row else None

    def articles(self) -> list[Article]:
        rows = self._con.execute(
            "SELECT id, raw_id, origin, title, text, url, outlet, author, published, published_precision,"
            f" published_source, published_text FROM articles ORDER BY published{self._con.nulls_first}, id"
        )
        return [_article_from_row(r) for r in rows]

    def rejected(self) -> list[RejectedRow]:
        rows = self._con.execute(
            "SELECT origin, stage, reason, first_seen, last_seen, times FROM rejected ORDER BY first_seen, origin"
        )
        return [RejectedRow(origin=r[0], stage=r[1], reason=r[2], first_seen=r[3], last_seen=r[4], times=r[5]) for r in rows]

    def counts(self) -> dict[str, int]:
        return {
            table: self._one(f"SELECT count(*) FROM {table}")[0]
            for table in ("articles", "events", "occurrences", "tracks", "rejected")
        }

    def schema_version(self) -> int:
        return max(migrations.applied(self._con), default=0)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers -------------------------------------------------------------------------------

    def _one(self, sql: str, *args: object) -> tuple | None:  # type: ignore[type-arg]
        return self._con.execute(sql, args).fetchone()

    def _transaction(self) -> AbstractContextManager[None]:
        return self._con.transaction()


def _event_filters(q: EventQuery, *, like: str) -> tuple[list[str], list[object]]:
    where, args = occurrences.field_filters(q, "e")
    if q.track:
        where.append("e.occurrence_id IN (SELECT id FROM occurrences WHERE track_id = ?)")
        args.append(q.track)
    more, more_args = occurrences.report_filters(q, "e", like=like)
    return where + more, args + more_args


def _published_columns(value: DateValue | None) -> tuple[str | None, ...]:
    if value is None:
        return (None, None, None, None)
    return (value.start, value.precision, value.source, value.text)


def _article_from_row(row: tuple) -> Article:  # type: ignore[type-arg]
    published = (
        DateValue(start=row[8], end=row[8], precision=row[9], source=row[10], text=row[11]) if row[8] else None
    )
    return Article(
        id=row[0], raw_id=row[1], origin=row[2], title=row[3], text=row[4], url=row[5], outlet=row[6],
        author=row[7], published=published,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def events_to_pandas(events: Sequence[Event]):  # type: ignore[no-untyped-def]
    """A DataFrame with one flat row per event (the CSV columns); needs pandas."""
    try:
        import pandas as pd
    except ImportError as e:
        raise StoreError("to_pandas() needs pandas: pip install 'dragoman[parquet]'") from e
    from dragoman.export import FLAT_COLUMNS, flat_record

    return pd.DataFrame([flat_record(e) for e in events], columns=list(FLAT_COLUMNS))
