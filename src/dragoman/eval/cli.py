"""``dragoman eval``: score the pipeline on a benchmark directory and print one table.

Registered in the main CLI with ``main.add_command(eval_command, name="eval")``. Progress goes to
stderr, the table to stdout, the JSON report (bench/README.md) to ``--json FILE``.
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
def eval_command(
    bench: Path | None,
    only: tuple[str, ...],
    limit: int | None,
    json_path: Path | None,
    explain: int | None,
) -> None:
    """Score dragoman on the gold sets of a benchmark directory and print one table."""
    from dragoman.eval.bench import run_bench

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
    if explain is not None:
        click.echo(format_explanations(report.sets, errors=explain))
    if json_path:
        json_path.write_text(
            json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        click.echo(f"wrote {json_path}", err=True)


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
