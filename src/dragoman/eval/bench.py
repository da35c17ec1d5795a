"""A benchmark directory and its run: manifest.json in, one scored result per set out.

    bench/manifest.json  {"version": 1, "sets": [{"name", "path", "task", ...task keys}]}
    run_bench(bench, only=("timex",), limit=5) -> BenchReport (to_dict(): the JSON report)

Each set is scored by the runner registered for its task (``dragoman.eval.tasks.TASKS``). A set
whose task is unknown, or whose files are missing, is reported as skipped with the reason, and the
run goes on; so does a set whose runner fails (the traceback is logged).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dragoman.errors import ConfigError
from dragoman.options import Options

log = logging.getLogger(__name__)

__all__ = [
    "BenchReport",
    "Progress",
    "SetResult",
    "SetSpec",
    "TaskOutput",
    "iter_bench",
    "load_manifest",
    "run_bench",
]

Progress = Callable[[int, int], None]
"""Called by a task as it goes: (items done, items in all)."""


def _no_progress(done: int, total: int) -> None:
    del done, total


@dataclass(frozen=True, kw_only=True)
class SetSpec:
    """One set of the manifest: where its gold is and which task scores it."""

    name: str
    task: str
    bench: Path  # the benchmark directory; manifest paths are relative to it
    path: Path  # the gold file, resolved
    options: Mapping[str, Any] = field(default_factory=dict)  # the manifest's other keys

    def file(self, key: str) -> Path | None:
        """A path the manifest gives under ``key`` (``html_dir``, ``docs_dir``), resolved."""
        value = self.options.get(key)
        return self.bench / str(value) if value else None


@dataclass(frozen=True, kw_only=True)
class TaskOutput:
    """What a task runner returns: the items scored, the metrics, and what explains them."""

    n: int
    metrics: dict[str, float]
    diagnostics: dict[str, Any] = field(default_factory=dict)  # extra numbers, not in the JSON
    errors: tuple[str, ...] = ()  # a few example errors, for docs and debugging


@dataclass(frozen=True, kw_only=True)
class SetResult:
    """One set's line in the report."""

    name: str
    task: str
    n: int = 0
    seconds: float = 0.0
    metrics: dict[str, float] = field(default_factory=dict)
    skipped: bool = False
    reason: str | None = None
    diagnostics: dict[str, Any] = field(default_factory=dict)
    errors: tuple[str, ...] = ()

    @property
    def items_per_second(self) -> float | None:
        return self.n / self.seconds if self.seconds > 0 and self.n else None

    def to_dict(self) -> dict[str, Any]:
        """The set's record in the JSON report (bench/README.md); skipped sets add ``reason``."""
        d: dict[str, Any] = {
            "name": self.name,
            "task": self.task,
            "n": self.n,
            "seconds": round(self.seconds, 3),
            "metrics": {
                k: (v if isinstance(v, int) else round(v, 4)) for k, v in self.metrics.items()
            },
            "skipped": self.skipped,
        }
        if self.skipped:
            d["reason"] = self.reason
        return d


@dataclass(frozen=True, kw_only=True)
class BenchReport:
    bench: Path
    date: str
    sets: tuple[SetResult, ...]
    setup_seconds: float = 0.0  # loading lexicons and gazetteers once, before the first set

    @property
    def seconds(self) -> float:
        return self.setup_seconds + sum(s.seconds for s in self.sets)

    def to_dict(self) -> dict[str, Any]:
        return {
            "bench": str(self.bench),
            "date": self.date,
            "sets": [s.to_dict() for s in self.sets],
        }


def load_manifest(bench: Path) -> list[SetSpec]:
    """The sets listed in ``bench/manifest.json``.

    Raises:
        ConfigError: the directory has no readable manifest, or an entry lacks name, path or task.
    """
    path = bench / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ConfigError(
            f"{path}: no manifest; pass --bench DIR (a directory with manifest.json) or set "
            "DRAGOMAN_BENCH"
        ) from e
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ConfigError(f"{path}: cannot read the manifest ({e}); fix the file") from e
    sets = data.get("sets") if isinstance(data, dict) else None
    if not isinstance(sets, list):
        raise ConfigError(f'{path}: expected {{"version": 1, "sets": [...]}}')
    specs = []
    for k, entry in enumerate(sets, 1):
        missing = [
            key
            for key in ("name", "path", "task")
            if not (isinstance(entry, dict) and entry.get(key))
        ]
        if missing:
            raise ConfigError(
                f"{path}: set {k} lacks {', '.join(missing)}; add them or delete the entry"
            )
        specs.append(
            SetSpec(
                name=str(entry["name"]),
                task=str(entry["task"]),
                bench=bench,
                path=bench / str(entry["path"]),
                options={k: v for k, v in entry.items() if k not in ("name", "path", "task")},
            )
        )
    return specs


def select(specs: list[SetSpec], only: Sequence[str], bench: Path) -> list[SetSpec]:
    """The sets named in ``only`` (all when empty), in manifest order.

    Raises:
        ConfigError: a name in ``only`` is not in the manifest (the known names are listed).
    """
    if not only:
        return specs
    known = {s.name for s in specs}
    unknown = [name for name in only if name not in known]
    if unknown:
        raise ConfigError(
            f"no set named {', '.join(unknown)} in {bench / 'manifest.json'}; "
            f"known sets: {', '.join(sorted(known))}"
        )
    return [s for s in specs if s.name in only]


def iter_bench(
    bench: Path,
    *,
    only: Sequence[str] = (),
    limit: int | None = None,
    opts: Options | None = None,
    progress: Callable[[SetSpec], Progress] | None = None,
) -> Iterator[SetResult]:
    """Score every set of ``bench`` (or those named in ``only``), yielding each result as it ends.

    Args:
        bench: the benchmark directory (with manifest.json).
        only: set names to run; unknown names raise ConfigError listing the known ones.
        limit: score at most this many items per set (a quick run).
        opts: the pipeline options, as a user would pass them; the defaults otherwise.
        progress: given each set before it runs, returns the callback its task reports to.
    """
    from dragoman.eval.tasks import TASKS

    specs = select(load_manifest(bench), only, bench)
    opts = opts or Options()
    for spec in specs:
        task = TASKS.get(spec.task)
        if task is None:
            yield SetResult(
                name=spec.name,
                task=spec.task,
                skipped=True,
                reason=f"unknown task {spec.task!r}; known: {', '.join(sorted(TASKS))}",
            )
            continue
        reason = task.cannot_run(spec)
        if reason:
            yield SetResult(name=spec.name, task=spec.task, skipped=True, reason=reason)
            continue
        report = progress(spec) if progress else _no_progress
        started = time.perf_counter()
        try:
            out = task.run(spec, limit=limit, opts=opts, progress=report)
        except Exception as e:  # one failing set must not end the run; the traceback is logged
            log.exception("set %s (task %s) failed", spec.name, spec.task)
            yield SetResult(
                name=spec.name,
                task=spec.task,
                skipped=True,
                seconds=time.perf_counter() - started,
                reason=f"failed: {type(e).__name__}: {e}",
            )
            continue
        yield SetResult(
            name=spec.name,
            task=spec.task,
            n=out.n,
            seconds=time.perf_counter() - started,
            metrics=out.metrics,
            diagnostics=out.diagnostics,
            errors=out.errors,
        )


def run_bench(
    bench: Path,
    *,
    only: Sequence[str] = (),
    limit: int | None = None,
    opts: Options | None = None,
    progress: Callable[[SetSpec], Progress] | None = None,
) -> BenchReport:
    """``iter_bench`` collected into one report, dated now (UTC)."""
    date = datetime.now(UTC).isoformat(timespec="seconds")
    select(load_manifest(bench), only, bench)  # a bad manifest or set name fails before loading
    started = time.perf_counter()
    warm_up(opts or Options())
    setup = time.perf_counter() - started
    sets = tuple(iter_bench(bench, only=only, limit=limit, opts=opts, progress=progress))
    return BenchReport(bench=bench, date=date, sets=sets, setup_seconds=setup)


def warm_up(opts: Options) -> None:
    """Load what every run loads once (sentencizer, gazetteers, lexicon), so that the first set's
    items/s is not charged for it."""
    from dragoman.eval.tasks._common import code_text

    code_text(
        "Iranian and US envoys met in Geneva on Tuesday.",
        published="2026-02-14",
        origin="warm-up",
        opts=opts,
    )
