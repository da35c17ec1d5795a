"""The data flow, in one loop a newcomer can read aloud:

    ingest.read -> clean.clean -> understand.annotate -> coding.code_events -> store.save

One item's failure becomes a ``Rejected`` record and the batch goes on; every write for one article
commits together, so an interrupted run can be repeated safely.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from dragoman import clean, coding, ingest, understand
from dragoman.errors import DragomanError
from dragoman.model import ActorMention, Article, Event, RawDocument, Rejected, RunReport
from dragoman.options import Options
from dragoman.store import Store, open_store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemResult:
    """What happened to one input item."""

    origin: str
    outcome: str  # "stored" | "duplicate" | "rejected"
    article_id: str | None = None
    events: tuple[Event, ...] = ()
    rejected: Rejected | None = None


# An article, its events, and the people it names (for delegations): what the store saves.
Coded = tuple[Article, list[Event], list[ActorMention]]


def process(raw: RawDocument, opts: Options) -> Coded | Rejected:
    """Clean, understand and code one document, without touching a store."""
    stage = "clean"
    try:
        article = clean.clean(raw, opts.clean)
        if isinstance(article, Rejected):
            return article
        stage = "understand"
        annotations = understand.annotate(article, opts.understand)
        stage = "coding"
        events = coding.code_events(article, annotations, opts.coding)
    except DragomanError as e:
        return Rejected(id=raw.id, origin=raw.origin, stage=stage, reason=f"{raw.origin}: {e}")
    except Exception as e:
        log.exception("internal error on %s during %s", raw.origin, stage)
        return Rejected(
            id=raw.id,
            origin=raw.origin,
            stage=stage,
            reason=f"{raw.origin}: internal error in {stage} ({type(e).__name__}: {e}); please report it",
        )
    people = [m for m in annotations.actors if m.actor.kind == "person"]
    return article, _unique(events), people


def iter_run(
    sources: Iterable[str | Path], store: Store, opts: Options, *, workers: int = 1
) -> Iterator[ItemResult]:
    """Run the pipeline over ``sources``, yielding one result per item as it is stored."""
    return iter_documents(ingest.read(sources, opts.ingest), store, opts, workers=workers)


def iter_documents(
    documents: Iterable[RawDocument | Rejected], store: Store, opts: Options, *, workers: int = 1
) -> Iterator[ItemResult]:
    """Run the pipeline over documents already read (each may carry its own metadata).

    With ``workers > 1`` cleaning, understanding and coding run in that many processes; results
    come back in input order and this process stays the only writer, so the store ends up the same
    as with one worker.
    """
    for raw, result in _processed(documents, store, opts, workers):
        if isinstance(raw, Rejected):
            store.save_rejection(raw)
            yield ItemResult(origin=raw.origin, outcome="rejected", rejected=raw)
        elif result is None:
            yield ItemResult(origin=raw.origin, outcome="duplicate")
        elif isinstance(result, Rejected):
            store.save_rejection(result)
            yield ItemResult(origin=raw.origin, outcome="rejected", rejected=result)
        else:
            article, events, people = result
            if store.save(article, events, people):
                yield ItemResult(origin=raw.origin, outcome="stored", article_id=article.id, events=tuple(events))
            else:
                yield ItemResult(origin=raw.origin, outcome="duplicate", article_id=article.id)


Processed = Coded | Rejected | None


def _processed(
    documents: Iterable[RawDocument | Rejected], store: Store, opts: Options, workers: int
) -> Iterator[tuple[RawDocument | Rejected, Processed]]:
    """Each document with its processing result, in input order; None for what the store has seen."""
    if workers <= 1:
        for raw in documents:
            skip = isinstance(raw, Rejected) or store.has_raw(raw.id)
            yield raw, None if skip else process(raw, opts)  # type: ignore[arg-type]
        return
    window: deque[tuple[RawDocument | Rejected, Future[Processed] | None]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for raw in documents:
            skip = isinstance(raw, Rejected) or store.has_raw(raw.id)
            window.append((raw, None if skip else pool.submit(process, raw, opts)))  # type: ignore[arg-type]
            # A bounded window keeps memory flat on a long stream while both workers stay busy.
            while len(window) > 4 * workers:
                done, future = window.popleft()
                yield done, future.result() if future else None
        while window:
            done, future = window.popleft()
            yield done, future.result() if future else None


def run(
    sources: Iterable[str | Path],
    *,
    db: str | Path | None = None,
    store: Store | None = None,
    opts: Options | None = None,
    workers: int = 1,
) -> RunReport:
    """Ingest ``sources`` into the store at ``db`` (or the given ``store``) and report counts."""
    own_store = store is None
    target = store if store is not None else open_store(db)
    report = RunReport()
    started = time.perf_counter()
    try:
        for result in iter_run(sources, target, opts or Options(), workers=workers):
            add_result(report, result)
    finally:
        report.seconds = time.perf_counter() - started
        if own_store:
            target.close()
    return report


def add_result(report: RunReport, result: ItemResult) -> None:
    report.read += 1
    if result.outcome == "stored":
        report.stored += 1
        report.events += len(result.events)
    elif result.outcome == "duplicate":
        report.duplicates += 1
    elif result.rejected is not None:
        report.rejected.append(result.rejected)


def _unique(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    out = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            out.append(event)
    return out
