"""``dragoman eval``: score the pipeline on a benchmark directory and print one table.

Registered in the main CLI with ``main.add_command(eval_command, name="eval")``. Progress goes to
stderr, the table to stdout, the JSON report (bench/README.md) to ``--json FILE``.

``--gate FILE`` runs the quality gate instead (``dragoman.eval.gate``): the sets and limits named in
the baseline FILE, each metric against its floor; it exits 1 listing the regressions, and 0 with a
message when there is no benchmark directory. ``--update`` then raises the floors in FILE.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dragoman.errors import DragomanError

if TYPE_CHECKING:  # the runner is imported when the command runs, not when the CLI loads
    from dragoman.eval.bench import SetResult, SetSpec
    from dragoman.eval.gate import GateReport

_PROJECT_ROOT = Path(__file__).resolve().parents[3]  # src/dragoman/eval/cli.py -> the checkout


def default_bench() -> Path | None:
    """$DRAGOMAN_BENCH, else ../shared/bench from the current directory, else next to the project."""
    env = os.environ.get("DRAGOMAN_BENCH")
    if env:
        return Path(env)
    for candidate in (
        Path.cwd() / ".." / "shared" / "bench",
        _PROJECT_ROOT / ".." / "shared" / "bench",
    ):
        if (candidate / "manifest.json").is_file():
            return candidate.resolve()
    return None


@click.command("eval")
@click.option(
    "--bench",
    "bench",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Benchmark directory with manifest.json (default: $DRAGOMAN_BENCH, else ../shared/bench).",
)
@click.option(
    "--only", "only", multiple=True, metavar="NAME", help="Run only this set (repeatable)."
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Score at most N items per set, for a quick run.",
)
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Write the JSON report to FILE.",
)
@click.option(
    "--explain",
    "explain",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="After the table, print each set's diagnostics and up to N example errors.",
)
@click.option(
    "--gate",
    "gate_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Quality gate: score the sets and limits named in the baseline FILE against its floors "
    "(tests/eval_baseline.json); exit 1 on a drop.",
)
@click.option(
    "--update",
    is_flag=True,
    help="With --gate: raise floors in FILE to the new scores (never lowers one) and refresh digests.",
)
def eval_command(
    bench: Path | None,
    only: tuple[str, ...],
    limit: int | None,
    json_path: Path | None,
    explain: int | None,
    gate_path: Path | None,
    update: bool,
) -> None:
    """Score dragoman on the gold sets of a benchmark directory and print one table.

    With --gate FILE, run the quality gate instead: each set FILE names, at its limit, against
    the floors pinned in FILE.
    """
    from dragoman.eval.bench import run_bench

    if gate_path is not None:
        if limit is not None:
            raise click.UsageError(
                "--limit does not go with --gate: the baseline file sets each limit"
            )
        _gate(bench, gate_path, only=only, update=update, json_path=json_path, explain=explain)
        return
    if update:
        raise click.UsageError("--update goes with --gate FILE")
    bench = bench or default_bench()
    if bench is None:
        raise click.ClickException(
            "no benchmark directory found; pass --bench DIR (with manifest.json) or set DRAGOMAN_BENCH"
        )
    bench = bench.resolve()
    try:
        report = run_bench(bench, only=only, limit=limit, progress=_progress_for)
    except DragomanError as e:
        raise click.ClickException(str(e)) from e
    click.echo(format_table(report.sets))
    click.echo(
        f"\n{len(report.sets)} sets in {report.seconds:.1f} s ({report.setup_seconds:.1f} s loading data); "
        f"bench {bench}; {report.date}"
    )
    _say_how_coded()
    if explain is not None:
        click.echo(format_explanations(report.sets, errors=explain))
    if json_path:
        json_path.write_text(
            json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        click.echo(f"wrote {json_path}", err=True)


def _gate(
    bench: Path | None,
    gate_path: Path,
    *,
    only: tuple[str, ...],
    update: bool,
    json_path: Path | None,
    explain: int | None,
) -> None:
    """``--gate FILE [--update]``: the table of metric, floor, now, verdict, then the regressions."""
    from dragoman.eval.baseline import baseline_from_manifest, load_baseline, save_baseline
    from dragoman.eval.bench import BenchReport
    from dragoman.eval.gate import judge, measure, raise_floors

    bench = bench or default_bench()
    if bench is None or not (bench / "manifest.json").is_file():
        where = bench or "$DRAGOMAN_BENCH or ../shared/bench"
        if update:
            raise click.ClickException(f"no benchmark directory at {where}; nothing to update")
        click.echo(f"quality gate skipped: no benchmark directory (manifest.json) at {where}")
        return
    bench = bench.resolve()
    try:
        if update and not gate_path.exists():
            baseline = baseline_from_manifest(bench)
            click.echo(f"{gate_path}: new baseline with every set of {bench}", err=True)
        else:
            baseline = load_baseline(gate_path)
        measurement = measure(bench, baseline, only=only, progress=_progress_for)
    except DragomanError as e:
        raise click.ClickException(str(e)) from e
    report = judge(measurement, baseline)
    click.echo(format_gate(report))
    click.echo(
        f"\n{len(report.sets)} sets in {measurement.seconds:.1f} s "
        f"({measurement.setup_seconds:.1f} s loading data); bench {bench}; {measurement.date}"
    )
    _say_how_coded()
    results = tuple(m.result for m in measurement.sets)
    if explain is not None:
        click.echo(format_explanations(results, errors=explain))
    if json_path:
        bench_report = BenchReport(
            bench=bench,
            date=measurement.date,
            sets=results,
            setup_seconds=measurement.setup_seconds,
        )
        json_path.write_text(
            json.dumps(bench_report.to_dict(), indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        click.echo(f"wrote {json_path}", err=True)
    if update:
        baseline, changes = raise_floors(baseline, measurement)
        save_baseline(baseline, gate_path)
        click.echo(f"\nupdated {gate_path}:")
        click.echo("\n".join(f"  {line}" for line in changes) or "  no floor rose")
        report = judge(measurement, baseline)  # re-pinned sets pass now; drops still fail
    if not report.ok:
        lines = report.regressions
        raise click.ClickException(
            f"quality gate failed: {len(lines)} regression{'s' * (len(lines) != 1)} "
            f"(tolerance {report.tolerance:g}):\n" + "\n".join(f"  {line}" for line in lines)
        )
    click.echo("quality gate passed")


def _say_how_coded() -> None:
    """One line under the table: learned model on or off (dragoman.learn), and held-out reading."""
    from dragoman.learn import describe
    from dragoman.options import CodingOptions

    click.echo(describe(CodingOptions()))


def format_gate(report: GateReport) -> str:
    """One row per metric: set, metric, floor (>=) or ceiling (<=), the score now, the verdict."""
    head = f"{'set':<26} {'metric':<20} {'floor':>9} {'now':>7}  verdict"
    lines = [head, "-" * (len(head) + 30)]
    for s in report.sets:
        if s.problem:
            lines.append(f"{s.name:<26} {'':<20} {'':>9} {'':>7}  FAIL: {s.problem}")
            continue
        for k, c in enumerate(s.checks):
            bound = (
                "-" if c.bound is None else ("<=" if c.kind == "ceiling" else ">=") + _fmt(c.bound)
            )
            now = "-" if c.now is None else _fmt(c.now)
            name = s.name if k == 0 else ""
            lines.append(f"{name:<26} {c.metric:<20} {bound:>9} {now:>7}  {c.verdict}")
    return "\n".join(lines)


def _progress_for(spec: SetSpec) -> Callable[[int, int], None]:
    """A progress callback for one set: a tqdm bar on a terminal, else a line when it starts."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar: dict[str, Any] = {}

        def update(done: int, total: int) -> None:
            if "bar" not in bar:
                bar["bar"] = tqdm(
                    total=total, desc=spec.name, unit="item", file=sys.stderr, leave=False
                )
            bar["bar"].update(done - bar["bar"].n)
            if done >= total:
                bar["bar"].close()

        return update
    click.echo(f"eval: {spec.name} ({spec.task}) ...", err=True)
    return lambda done, total: None


def format_table(sets: Iterable[SetResult]) -> str:
    """One row per set: name, task, items, seconds, items/s, then its metrics (wrapped)."""
    head = f"{'set':<26} {'task':<19} {'n':>6} {'s':>7} {'items/s':>8}  "
    lines = [head + "metrics", "-" * (len(head) + 60)]
    for s in sets:
        if s.skipped:
            lines.append(f"{s.name:<26} {s.task:<19} {'':>6} {'':>7} {'':>8}  skipped: {s.reason}")
            continue
        rate = f"{s.items_per_second:.1f}" if s.items_per_second else "-"
        pairs = [f"{k} {_fmt(v)}" for k, v in s.metrics.items()] or ["(no metric defined)"]
        rows = _chunks(pairs, width=100)
        lines.append(f"{s.name:<26} {s.task:<19} {s.n:>6} {s.seconds:>7.1f} {rate:>8}  {rows[0]}")
        lines.extend(" " * len(head) + row for row in rows[1:])
    return "\n".join(lines)


def format_explanations(sets: Iterable[SetResult], *, errors: int) -> str:
    """Each set's diagnostics (numbers that explain its metrics) and up to ``errors`` examples."""
    lines: list[str] = []
    for s in sets:
        if s.skipped or not (s.diagnostics or (errors and s.errors)):
            continue
        lines.append(f"\n{s.name}")
        details = [
            f"{k} {_fmt(v) if isinstance(v, float) else v}" for k, v in s.diagnostics.items()
        ]
        lines.extend("  " + row for row in _chunks(details, width=100))
        lines.extend(f"  - {e}" for e in s.errors[:errors])
    return "\n".join(lines)


def _chunks(pairs: list[str], *, width: int) -> list[str]:
    rows: list[str] = []
    for pair in pairs:
        if rows and len(rows[-1]) + 2 + len(pair) <= width:
            rows[-1] += "  " + pair
        else:
            rows.append(pair)
    return rows


def _fmt(value: float) -> str:
    return str(value) if isinstance(value, int) else f"{value:.3f}"
