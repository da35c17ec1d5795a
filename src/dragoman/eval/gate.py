"""The quality gate: a fast subset of the benchmark, scored against floors pinned in a data file.

    baseline = load_baseline(Path("tests/eval_baseline.json"))   # dragoman.eval.baseline
    measurement = measure(bench, baseline)         # score each gated set (its own limit)
    report = judge(measurement, baseline)          # pure: a verdict per metric, the regressions
    new, changes = raise_floors(baseline, measurement)   # pure: the ratchet behind --update

A metric where higher is better has a *floor*: it fails when it drops more than ``tolerance`` below.
One where lower is better (``LOWER_IS_BETTER``) has a *ceiling*: it fails when it rises more than
``tolerance`` above, and a count (``negatives_violated``) fails on any rise. ``raise_floors`` only
raises floors and lowers ceilings; the one exception is a set whose gold files changed (the digest)
or whose number of scored items changed, which is re-pinned to its new scores, and every floor that
moves down is named in the changes. Until then such a set fails with "gold changed" rather than
comparing scores on different data.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from dragoman.errors import ConfigError
from dragoman.eval.baseline import TOLERANCE, Baseline, GateSet
from dragoman.eval.bench import Progress, SetResult, SetSpec, iter_bench, load_manifest, warm_up
from dragoman.options import Options

__all__ = [
    "LOWER_IS_BETTER",
    "Check",
    "GateReport",
    "Measured",
    "Measurement",
    "SetVerdict",
    "gold_digest",
    "judge",
    "judge_set",
    "measure",
    "raise_floors",
]

LOWER_IS_BETTER = frozenset({"negatives_violated", "false_event_rate"})
COUNTS = frozenset({"negatives_violated"})  # integers: no tolerance, any rise fails
_EPS = 1e-9  # float noise in the comparisons, so that a drop of exactly the tolerance passes
GOLD_CHANGED = "gold changed: rerun with --update"


def gold_digest(spec: SetSpec, *, extra_keys: Sequence[str] = ()) -> str | None:
    """The digest of a set's gold ("sha256:..."), or None when its gold file is missing.

    It covers the gold file and every file under the folders named by ``extra_keys`` (the task's
    ``html_dir`` or ``docs_dir``): relative path, size and content.
    """
    if not spec.path.is_file():
        return None
    h = hashlib.sha256()
    h.update(spec.path.read_bytes())
    for key in extra_keys:
        folder = spec.file(key)
        if folder is None or not folder.is_dir():
            h.update(f"\0{key}: missing\0".encode())
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            h.update(f"\0{key}/{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
            h.update(data)
    return "sha256:" + h.hexdigest()


@dataclass(frozen=True, kw_only=True)
class Measured:
    """One gated set as scored now: its result and the digest of the gold it was scored on."""

    result: SetResult
    digest: str | None


@dataclass(frozen=True, kw_only=True)
class Measurement:
    bench: Path
    date: str
    sets: tuple[Measured, ...]
    setup_seconds: float = 0.0

    @property
    def seconds(self) -> float:
        return self.setup_seconds + sum(m.result.seconds for m in self.sets)


def measure(
    bench: Path,
    baseline: Baseline,
    *,
    only: Sequence[str] = (),
    opts: Options | None = None,
    progress: Callable[[SetSpec], Progress] | None = None,
) -> Measurement:
    """Score each set of ``baseline`` (or those named in ``only``) on ``bench``, at its own limit.

    A set the manifest does not list is measured as skipped, so that the gate fails it.

    Raises:
        ConfigError: the bench has no manifest, or ``only`` names a set the baseline does not gate.
    """
    from dragoman.eval.tasks import TASKS

    gated = {s.name for s in baseline.sets}
    unknown = [name for name in only if name not in gated]
    if unknown:
        raise ConfigError(
            f"{', '.join(unknown)} not in the gate; gated sets: {', '.join(sorted(gated))}"
        )
    specs = {s.name: s for s in load_manifest(bench)}
    date = datetime.now(UTC).isoformat(timespec="seconds")
    opts = opts or Options()
    started = time.perf_counter()
    warm_up(opts)
    setup = time.perf_counter() - started
    measured = []
    for entry in baseline.sets:
        if only and entry.name not in only:
            continue
        spec = specs.get(entry.name)
        if spec is None:
            reason = f"not in {bench / 'manifest.json'}"
            result = SetResult(name=entry.name, task="?", skipped=True, reason=reason)
            measured.append(Measured(result=result, digest=None))
            continue
        task = TASKS.get(spec.task)
        digest = gold_digest(spec, extra_keys=task.needs if task else ())
        (result,) = iter_bench(
            bench, only=(entry.name,), limit=entry.limit, opts=opts, progress=progress
        )
        measured.append(Measured(result=result, digest=digest))
    return Measurement(bench=bench, date=date, sets=tuple(measured), setup_seconds=setup)


@dataclass(frozen=True, kw_only=True)
class Check:
    """One metric against its bound: ``kind`` is "floor" or "ceiling"; ``bound`` None when unpinned."""

    metric: str
    kind: str
    bound: float | None
    now: float | None
    ok: bool
    verdict: (
        str  # "ok", "better (+0.034): ...", "DROP -0.031", "ROSE +1", "MISSING: ...", "new: ..."
    )


@dataclass(frozen=True, kw_only=True)
class SetVerdict:
    """One set's verdict: a problem that stops the comparison (gold changed, not scored), or checks."""

    name: str
    checks: tuple[Check, ...] = ()
    problem: str | None = None
    result: SetResult | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None and all(c.ok for c in self.checks)


@dataclass(frozen=True, kw_only=True)
class GateReport:
    sets: tuple[SetVerdict, ...]
    tolerance: float

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.sets)

    @property
    def regressions(self) -> list[str]:
        """One line per failure: "timex recall 0.600, floor 0.640: DROP -0.040"."""
        lines = []
        for s in self.sets:
            if s.problem:
                lines.append(f"{s.name}: {s.problem}")
            for c in s.checks:
                if not c.ok:
                    now = "-" if c.now is None else _fmt(c.now)
                    bound = "-" if c.bound is None else _fmt(c.bound)
                    lines.append(f"{s.name} {c.metric} {now}, {c.kind} {bound}: {c.verdict}")
        return lines


def judge(measurement: Measurement, baseline: Baseline) -> GateReport:
    """Each measured set against its entry in ``baseline``."""
    entries = {s.name: s for s in baseline.sets}
    verdicts = tuple(
        judge_set(m, entries[m.result.name], tolerance=baseline.tolerance)
        for m in measurement.sets
        if m.result.name in entries
    )
    return GateReport(sets=verdicts, tolerance=baseline.tolerance)


def judge_set(measured: Measured, entry: GateSet, *, tolerance: float = TOLERANCE) -> SetVerdict:
    """One set's verdict: a problem that stops the comparison, else one check per metric."""
    result = measured.result
    problem = None
    if result.skipped:
        problem = f"not scored: {result.reason}"
    elif entry.digest is not None and measured.digest != entry.digest:
        problem = GOLD_CHANGED
    elif entry.n is not None and result.n != entry.n:
        problem = (
            f"items scored changed ({entry.n} when pinned, {result.n} now): rerun with --update"
        )
    if problem:
        return SetVerdict(name=entry.name, problem=problem, result=result)
    checks = []
    for kind, bounds in (("floor", entry.floors), ("ceiling", entry.ceilings)):
        lower = kind == "ceiling"
        checks += [
            _check(metric, kind, bounds.get(metric), now, tolerance)
            for metric, now in result.metrics.items()
            if (metric in LOWER_IS_BETTER) == lower
        ]
        checks += [
            Check(metric=m, kind=kind, bound=b, now=None, ok=False, verdict="MISSING: not reported")
            for m, b in bounds.items()
            if m not in result.metrics
        ]
    return SetVerdict(name=entry.name, checks=tuple(checks), result=result)


def _check(metric: str, kind: str, bound: float | None, now: float, tolerance: float) -> Check:
    def check(ok: bool, verdict: str) -> Check:
        return Check(metric=metric, kind=kind, bound=bound, now=now, ok=ok, verdict=verdict)

    if bound is None:
        return check(True, f"new: no {kind} yet")
    allowed = 0.0 if metric in COUNTS else tolerance
    better = now - bound if kind == "floor" else bound - now  # > 0: better than pinned
    change = _signed(now - bound, metric)
    if better < -allowed - _EPS:
        return check(False, f"{'DROP' if kind == 'floor' else 'ROSE'} {change}")
    if better < -_EPS:
        return check(True, f"ok ({change}, within {allowed:g})")
    if better > (_EPS if metric in COUNTS else 0.001 - _EPS):
        return check(True, f"better ({change}): --update pins it")
    return check(True, "ok")


def raise_floors(baseline: Baseline, measurement: Measurement) -> tuple[Baseline, list[str]]:
    """The baseline ``--update`` writes, and one line per bound it changed.

    Floors only rise and ceilings only fall, to the new score rounded to 3 decimals in the safe
    direction (floors down, ceilings up). A set pinned for the first time, or whose gold or
    number of items changed, is re-pinned to its scores; a floor that moves down then is named as
    lowered. A set not scored now keeps its entry.
    """
    measured = {m.result.name: m for m in measurement.sets}
    sets: list[GateSet] = []
    changes: list[str] = []
    for entry in baseline.sets:
        m = measured.get(entry.name)
        if m is None or m.result.skipped:
            if m is not None:
                changes.append(f"{entry.name}: kept, not scored ({m.result.reason})")
            sets.append(entry)
            continue
        now = m.result.metrics
        floors = {k: _round_down(v) for k, v in now.items() if k not in LOWER_IS_BETTER}
        ceilings = {k: _round_up(v) for k, v in now.items() if k in LOWER_IS_BETTER}
        fresh = entry.digest is None and not entry.floors and not entry.ceilings
        repin = (entry.digest is not None and entry.digest != m.digest) or (
            entry.n is not None and entry.n != m.result.n
        )
        if fresh:
            changes.append(f"{entry.name}: pinned (floors {len(floors)}, ceilings {len(ceilings)})")
        elif repin:
            gold_changed = entry.digest is not None and entry.digest != m.digest
            why = "gold changed" if gold_changed else f"items scored {entry.n} -> {m.result.n}"
            changes.append(f"{entry.name}: re-pinned to the new scores ({why})")
            changes += _moves(entry.name, entry.floors, floors, "floor")
            changes += _moves(entry.name, entry.ceilings, ceilings, "ceiling")
        else:
            floors = _ratchet(entry.floors, floors, higher=True)
            ceilings = _ratchet(entry.ceilings, ceilings, higher=False)
            changes += _moves(entry.name, entry.floors, floors, "floor")
            changes += _moves(entry.name, entry.ceilings, ceilings, "ceiling")
        sets.append(replace(entry, n=m.result.n, digest=m.digest, floors=floors, ceilings=ceilings))
    return replace(baseline, sets=tuple(sets)), changes


def _ratchet(old: dict[str, float], new: dict[str, float], *, higher: bool) -> dict[str, float]:
    """Old bounds moved only towards better scores; metrics new since then added."""
    out = dict(old)
    for metric, value in new.items():
        if metric not in out or (value > out[metric] if higher else value < out[metric]):
            out[metric] = value
    return out


def _moves(name: str, old: dict[str, float], new: dict[str, float], kind: str) -> list[str]:
    """One line per bound that changed; a floor lowered or a ceiling raised is in capitals."""
    lines = []
    for metric in sorted(set(old) | set(new)):
        before, after = old.get(metric), new.get(metric)
        if before == after:
            continue
        if before is None:
            lines.append(f"{name} {metric}: new {kind} {_fmt(after)}")  # type: ignore[arg-type]
        elif after is None:
            lines.append(f"{name} {metric}: {kind} {_fmt(before)} dropped, no longer reported")
        else:
            worse = after < before if kind == "floor" else after > before
            word = {("floor", False): "raised", ("floor", True): "LOWERED",
                    ("ceiling", False): "tightened", ("ceiling", True): "RAISED"}[kind, worse]  # fmt: skip
            lines.append(f"{name} {metric}: {kind} {word} {_fmt(before)} -> {_fmt(after)}")
    return lines


def _round_down(value: float) -> float:
    return value if isinstance(value, int) else round(math.floor(value * 1000 + _EPS) / 1000, 3)


def _round_up(value: float) -> float:
    return value if isinstance(value, int) else round(math.ceil(value * 1000 - _EPS) / 1000, 3)


def _fmt(value: float) -> str:
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def _signed(delta: float, metric: str) -> str:
    return f"{int(delta):+d}" if metric in COUNTS and float(delta).is_integer() else f"{delta:+.3f}"
