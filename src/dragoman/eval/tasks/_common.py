"""What the task runners share: the Task record, gold reading, and running the pipeline on a text."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dragoman import coding, understand
from dragoman.errors import DataFileError, DragomanError
from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.model import Annotations, Article, DateValue, Event, content_id, normalise_ws
from dragoman.options import Options

log = logging.getLogger(__name__)

MAX_ERRORS = 12  # example errors kept per set

Runner = Callable[..., TaskOutput]


@dataclass(frozen=True)
class Task:
    """A task: its runner, and the manifest keys naming files or folders it needs besides ``path``.

    ``run(spec, *, limit, opts, progress) -> TaskOutput``.
    """

    run: Runner
    needs: tuple[str, ...] = ()
    check: Callable[[SetSpec], str | None] | None = None  # a reason not to run, or None

    def cannot_run(self, spec: SetSpec) -> str | None:
        """Why the set cannot be scored (missing files), or None."""
        missing = [] if spec.path.is_file() else [str(spec.path)]
        for key in self.needs:
            path = spec.file(key)
            if path is None:
                missing.append(f"{key} (not given in the manifest)")
            elif not path.exists():
                missing.append(str(path))
        if missing:
            return f"missing {', '.join(missing)}"
        return self.check(spec) if self.check else None


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` objects of a JSON Lines gold file (all of them by default)."""
    items: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if limit is not None and len(items) >= limit:
                break
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise DataFileError(f"{path}:{lineno}: not valid JSON ({e.msg})") from e
    return items


def tick(items: Sequence[Any], progress: Progress) -> Iterator[Any]:
    """Yield ``items``, reporting progress every few items and at the end."""
    total = len(items)
    step = max(1, total // 100)
    for k, item in enumerate(items, 1):
        yield item
        if k % step == 0 or k == total:
            progress(k, total)


def day(value: str | None) -> DateValue | None:
    """A supplied ISO date ("2008-08-04", or a timestamp) as a publication date."""
    if not value:
        return None
    iso = value[:10]
    return DateValue(start=iso, end=iso, precision="day", text=value, source="user")


def text_article(text: str, *, published: str | None, origin: str) -> Article:
    """An Article holding ``text`` as it stands, as ``clean`` would pass it on."""
    return Article(
        id=content_id("a", normalise_ws(text)),
        raw_id=content_id("r", origin),
        origin=origin,
        title=None,
        text=text,
        published=day(published),
    )


@dataclass(slots=True)
class Coded:
    article: Article
    annotations: Annotations | None
    events: list[Event]
    error: str | None = None


def code_text(text: str, *, published: str | None, origin: str, opts: Options) -> Coded:
    """Understand and code ``text`` (one sentence or snippet) as the pipeline does after clean.

    As in ``pipeline.process``, an unexpected failure on one item is logged and that item gives
    no events; a ``DragomanError`` (a broken data file) stops the set.
    """
    article = text_article(text, published=published, origin=origin)
    try:
        annotations = understand.annotate(article, opts.understand)
        events = coding.code_events(article, annotations, opts.coding)
    except DragomanError:
        raise
    except Exception as e:  # as pipeline.process: one item fails, the set goes on
        log.exception("internal error on %s", origin)
        return Coded(article, None, [], error=f"{type(e).__name__}: {e}")
    return Coded(article, annotations, events)


def add_error(errors: list[str], message: str) -> None:
    if len(errors) < MAX_ERRORS:
        errors.append(message)


def clip(text: str, n: int = 140) -> str:
    text = normalise_ws(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def drop_none(metrics: dict[str, float | None]) -> dict[str, float]:
    """Metrics without the undefined ones (no item to score them on)."""
    return {k: v for k, v in metrics.items() if v is not None}
