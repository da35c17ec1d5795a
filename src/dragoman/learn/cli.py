"""``dragoman train``: rebuild the learned coding model from the dev bench.

Registered in the main CLI with ``main.add_command(train_command, name="train")``. Progress and the
cross-validation scores go to stderr; the model goes to ``--out`` (default: the package's
data/models/, where the coder reads it).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from dragoman.errors import DragomanError


@click.command("train")
@click.option(
    "--bench",
    "bench",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Benchmark directory with manifest.json (default: $DRAGOMAN_BENCH, else ../shared/bench).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to write coder.json and coder.npz to (default: the package's data/models/).",
)
@click.option("--seed", type=int, default=None, help="Seed of the folds (default: train.yaml's, 0).")
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Also write the cross-validation report as JSON to FILE.",
)
@click.option(
    "--location",
    is_flag=True,
    help="Train the event-location ranker instead (event_location set -> location.json).",
)
def train_command(
    bench: Path | None,
    out: Path | None,
    seed: int | None,
    report_path: Path | None,
    location: bool,
) -> None:
    """Train the learned coding model on the dev sets named in data/models/train.yaml.

    Settings are chosen by k-fold cross-validation on that data; the same command with the same
    seed writes the same bytes. With --location, train the event-location ranker
    (data/models/location_train.yaml) instead.
    """
    if location:
        _train_location(bench, out, seed, report_path)
        return
    try:
        from dragoman.learn.train import load_config, train
    except ImportError as e:
        raise click.ClickException(
            f"training needs scikit-learn ({e.name} missing): pip install 'dragoman[ml]'"
        ) from e
    from dragoman.eval.cli import default_bench
    from dragoman.learn.model import MODEL_DIR, save_model

    bench = bench or default_bench()
    if bench is None or not (bench / "manifest.json").is_file():
        raise click.ClickException(
            "no benchmark directory found; pass --bench DIR (with manifest.json) or set DRAGOMAN_BENCH"
        )
    try:
        model, report = train(
            bench.resolve(), load_config(seed=seed), progress=lambda m: click.echo(m, err=True)
        )
    except DragomanError as e:
        raise click.ClickException(str(e)) from e
    json_path, npz_path = save_model(model, out or MODEL_DIR)
    chosen = report["cv_simulated"]["chosen"]
    rules = report["cv_simulated"]["rules_only"]
    click.echo(f"wrote {json_path} and {npz_path} ({npz_path.stat().st_size / 1e6:.1f} MB)")
    click.echo(f"{report['examples']} examples, {report['features']} features; chosen {report['chosen']}")
    click.echo(f"policy {model.policy}")
    for name in sorted(chosen["per_set"]):
        before = _line(rules["per_set"][name])
        after = _line(chosen["per_set"][name])
        click.echo(f"  CV {name:<26} rules only: {before}\n  {'':<29} rules + model: {after}")
    if report_path:
        report_path.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


def _line(scores: dict[str, float]) -> str:
    return "  ".join(f"{k} {v:.3f}" for k, v in scores.items() if k != "objective")


def _train_location(
    bench: Path | None, out: Path | None, seed: int | None, report_path: Path | None
) -> None:
    try:
        from dragoman.learn.location_train import (
            load_config,
            read_records,
            read_views,
            train_ranker,
        )
    except ImportError as e:
        raise click.ClickException(
            f"training needs scikit-learn ({e.name} missing): pip install 'dragoman[ml]'"
        ) from e
    from dragoman.coding.location_model import MODEL_PATH, save_ranker
    from dragoman.eval.cli import default_bench

    bench = bench or default_bench()
    if bench is None:
        raise click.ClickException(
            "no benchmark directory found; pass --bench DIR or set DRAGOMAN_BENCH"
        )
    try:
        config = load_config()
        if seed is not None:
            config["seed"] = seed
        records = read_records(bench.resolve())
        click.echo(f"reading {len(records):,} event_location records ...", err=True)
        views = list(read_views(records))
        ranker, report = train_ranker(
            records, views, config, progress=lambda m: click.echo(m, err=True)
        )
    except DragomanError as e:
        raise click.ClickException(str(e)) from e
    path = save_ranker(ranker, (out / MODEL_PATH.name) if out else MODEL_PATH)
    click.echo(f"wrote {path} ({path.stat().st_size / 1e3:.0f} kB, {report['features']} features)")
    click.echo(f"chosen {report['chosen']}; CV overlap_acc {report['cv_overlap_acc']:.4f}")
    if report_path:
        report_path.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
