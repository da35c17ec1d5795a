"""Bringing a store written by an older dragoman up to date: ``dragoman migrate``.

A store from before near-duplicate groups, fusion or the canonical read tables (schemas 1-4) has
articles without a signature, reports without an occurrence, or occurrences not in the read
tables. Doing that work is proportional to the store (a million-report store takes many minutes),
so opening a store never does it: the store notices it cheaply and refuses to add articles on top
of it (fusion would then link new reports to an unfused past), and ``migrate`` does it in batches,
one transaction each, yielding its progress. An interrupted migration resumes where it stopped,
and because fusion does not depend on the order reports arrive in, batches give the same
occurrences and tracks as one pass would.

    for step in migrate(con, cache):
        print(step.step, step.done, "/", step.total)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from dragoman.fuse.cache import FusionCache
from dragoman.store import fusion, neardup, occurrence_index
from dragoman.store.database import Database

#: Articles or reports per transaction: progress shows often, and a crash loses one batch.
BATCH = 2000

_UNGROUPED = (
    "FROM articles a WHERE a.doc_group IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM article_signatures s WHERE s.article_id = a.id)"
)
_UNFUSED = "FROM events WHERE occurrence_id IS NULL"


@dataclass(frozen=True, slots=True)
class Backlog:
    """What an older store still lacks, counted."""

    articles: int  # without a near-duplicate signature
    reports: int  # not fused into an occurrence
    occurrences: int  # not in the canonical read tables

    @property
    def empty(self) -> bool:
        return not (self.articles or self.reports or self.occurrences)

    def summary(self) -> str:
        parts = [
            f"{self.articles:,} articles to group" if self.articles else "",
            f"{self.reports:,} reports to fuse" if self.reports else "",
            f"{self.occurrences:,} events to index" if self.occurrences else "",
        ]
        return ", ".join(p for p in parts if p) or "nothing to do"


@dataclass(frozen=True, slots=True)
class Progress:
    """One batch done: ``done`` of ``total`` items of ``step`` (groups, fusion, read tables)."""

    step: str
    done: int
    total: int


def has_backlog(con: Database) -> bool:
    """Whether ``migrate`` has work to do; index look-ups only, cheap at any size."""
    return any(
        con.execute(sql).fetchone() is not None
        for sql in (
            f"SELECT 1 {_UNFUSED} LIMIT 1",
            "SELECT 1 FROM occurrence_index_backlog LIMIT 1",
            f"SELECT 1 {_UNGROUPED} LIMIT 1",
        )
    )


def count_backlog(con: Database) -> Backlog:
    return Backlog(
        articles=con.execute(f"SELECT count(*) {_UNGROUPED}").fetchone()[0],
        reports=con.execute(f"SELECT count(*) {_UNFUSED}").fetchone()[0],
        occurrences=con.execute("SELECT count(*) FROM occurrence_index_backlog").fetchone()[0],
    )


def migrate(con: Database, cache: FusionCache | None = None, *, batch: int = BATCH) -> Iterator[Progress]:
    """Group, fuse and index what the store holds from before those steps existed, a batch per
    transaction, yielding after each batch."""
    todo = count_backlog(con)
    yield from _batches(con, "near-duplicate groups", todo.articles, f"SELECT id, text {_UNGROUPED} ORDER BY a.id", batch,
                        lambda rows: [neardup.group_article(con, i, text) for i, text in rows])  # fmt: skip
    yield from _batches(con, "fusion", todo.reports, f"SELECT id {_UNFUSED} ORDER BY id", batch,
                        lambda rows: _fuse(con, [r[0] for r in rows], cache))  # fmt: skip
    if occurrence_index.has_backlog(con):  # occurrences stored before schema 5
        total = todo.occurrences
        with con.transaction():
            occurrence_index.index_backlog(con)
        yield Progress("read tables", total, total)


def _batches(
    con: Database, step: str, total: int, select: str, batch: int, work: Callable[[Sequence[tuple]], object]  # type: ignore[type-arg]
) -> Iterator[Progress]:
    done = 0
    while done < total:
        with con.transaction():  # looked up inside it: another process may have done part meanwhile
            rows = con.execute(f"{select} LIMIT {int(batch)}").fetchall()
            if rows:
                work(rows)
        if not rows:
            return
        done = min(total, done + len(rows))
        yield Progress(step, done, total)


def _fuse(con: Database, event_ids: list[str], cache: FusionCache | None) -> None:
    touched = fusion.fuse_new_events(con, event_ids, cache)
    fusion.refresh_tracks(con, touched, cache)
    occurrence_index.refresh(con, event_ids)
