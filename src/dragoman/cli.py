"""The command line: parse, build options, call the library, print. Nothing else lives here."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from dragoman.errors import DragomanError
from dragoman.model import Actor, Event, RunReport
from dragoman.options import IngestOptions, Options

DB_HELP = (
    "SQLite database file, or a postgresql://user@host/db URL (default: $DRAGOMAN_DB, else ./dragoman.db)."
)
db_option = click.option("--db", "db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
reports_option = click.option(
    "--reports", is_flag=True, help="One record per article's report instead of one per real-world event."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) to stderr.")
@click.version_option(package_name="dragoman")
def main(verbose: int) -> None:
    """dragoman: news about diplomacy and conflict in, evidence-backed events out."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _store(db: str | None, *, must_exist: bool = False):  # type: ignore[no-untyped-def]
    from dragoman.store import default_db_path, is_postgres_url, open_store

    path = db or default_db_path()
    if must_exist and path != ":memory:" and not is_postgres_url(path) and not Path(path).exists():
        raise click.ClickException(f"no database at {path}; ingest something first (dragoman ingest PATH --db {path})")
    try:
        store = open_store(db)
    except DragomanError as e:
        raise click.ClickException(str(e)) from e
    if store.needs_migration:
        click.echo(f"note: {store.path} was written by an older dragoman; run `dragoman migrate --db {store.path}`", err=True)
    return store


def _progress(results: Iterator, total: int | None = None) -> Iterator:  # type: ignore[type-arg]
    if not sys.stderr.isatty():
        return results
    from tqdm import tqdm

    return iter(tqdm(results, unit="item", total=total, file=sys.stderr))


def _ingest(documents_or_paths: Iterable, store, opts: Options, *, documents: bool, workers: int = 1) -> RunReport:  # type: ignore[no-untyped-def,type-arg]
    import time

    from dragoman.pipeline import add_result, iter_documents, iter_run

    report = RunReport()
    started = time.perf_counter()
    results = (
        iter_documents(documents_or_paths, store, opts, workers=workers)
        if documents
        else iter_run(documents_or_paths, store, opts, workers=workers)
    )
    for result in _progress(results):
        add_result(report, result)
        if result.rejected is not None:
            click.echo(f"rejected: {result.rejected.reason}", err=True)
    report.seconds = time.perf_counter() - started
    return report


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", help="Publication date YYYY-MM-DD for pages that lack one.")
@click.option("--outlet", help="Outlet name for pages that lack one.")
@click.option("--url", help="URL of the page (when ingesting one page).")
@click.option("--max-bytes", type=int, default=IngestOptions().max_bytes, show_default=True, help="Reject larger items.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for cleaning, understanding and coding; the store keeps one writer.")  # fmt: skip
def ingest(paths: tuple[str, ...], db: str | None, published: str | None, outlet: str | None, url: str | None,
           max_bytes: int, workers: int) -> None:  # fmt: skip
    """Ingest PATHS: .html/.htm/.txt/.json/.jsonl files, directories, globs, or - for stdin."""
    if published:
        _check_date(published, "--published")
    opts = Options(ingest=IngestOptions(published=published, outlet=outlet, url=url, max_bytes=max_bytes))
    with _store(db) as store:
        report = _ingest(paths, store, opts, documents=False, workers=workers)
    click.echo(report.summary())
    if report.read and report.stored == 0 and report.duplicates == 0:
        raise SystemExit(1)


@main.command()
@db_option
@click.option("--actor", help="Name, code (IRN) or code + sector ('IRN GOV').")
@click.option("--type", "event_type", help="PLOVER type, e.g. CONSULT.")
@click.option("--status", help="planned, occurred, ongoing, postponed, cancelled, denied, hypothetical.")
@click.option("--since", help="Events on or after YYYY-MM-DD.")
@click.option("--until", help="Events on or before YYYY-MM-DD.")
@click.option("--text", help="Words in the evidence sentence.")
@click.option("--track", help="Events of one track (see `dragoman tracks`).")
@click.option("--limit", type=int, help="At most this many events.")
@reports_option
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
def events(db: str | None, actor: str | None, event_type: str | None, status: str | None, since: str | None,
           until: str | None, text: str | None, track: str | None, limit: int | None, reports: bool,
           as_json: bool, as_csv: bool) -> None:  # fmt: skip
    """List events, each real-world event once with all its sources (--reports: one per article).

    --json prints one record per line (the schema of the ontology README; fused events add
    reports, independent_sources, status_history, contradictions and provenance)."""
    from dragoman.store import EventQuery

    for value, name in ((since, "--since"), (until, "--until")):
        if value:
            _check_date(value, name)
    query = EventQuery(actor=actor, event_type=event_type, status=status, since=since, until=until, text=text,
                       track=track, limit=limit)  # fmt: skip
    with _store(db, must_exist=True) as store:
        records = store.iter_events(query) if reports else store.iter_occurrences(query)
        if as_json:
            for record in records:
                click.echo(json.dumps(record.to_dict(), ensure_ascii=False))
            return
        found = records if reports else (o.event for o in records)
        if as_csv:
            from dragoman.export import write_csv

            write_csv(found, click.get_text_stream("stdout"))
        else:
            _print_event_table(found)


def _print_event_table(events: Iterable[Event]) -> None:
    n = 0
    for event in events:
        n += 1
        click.echo(
            f"{event.id[:12]}  {_date_label(event):30} {event.event_type:9} {event.cameo or '-':5} {event.status:12} "
            f"{_sides(event):34} {len(event.sources):2} src  {event.location.text if event.location else ''}"
        )
    if n == 0:
        click.echo("no events match", err=True)


def _code(actor: Actor | None) -> str:
    return f"{actor.country or '?'} {actor.sector or ''}".strip() if actor else "?"


def _sides(event: Event) -> str:
    """``USA GOV -> IRN`` for directed acts, ``USA GOV + IRN GOV`` for talks, ``/ OMN`` for a mediator."""
    if event.source or event.target:
        addressed = event.addressees()
        text = _code(event.source)
        if addressed:
            text += " -> " + " + ".join(_code(a) for a in addressed)
    else:
        text = " + ".join(_code(a) for a in event.participants)
    return text + (f" / {_code(event.mediator)}" if event.mediator else "")


def _date_label(event: Event) -> str:
    return event.date.label() if event.date else "undated"


@main.command()
@click.argument("event_id")
@db_option
@json_option
def show(event_id: str, db: str | None, as_json: bool) -> None:
    """Show one event (an id or its prefix, or a report's id) with its sources, evidence and, for a
    fused event, its status history and contradictions."""
    with _store(db, must_exist=True) as store:
        occurrence = store.occurrence(event_id) if event_id.startswith("c_") or not event_id.startswith("e_") else None
        event = occurrence.event if occurrence else store.event(event_id)
    if event is None:
        raise click.ClickException(f"no event {event_id!r}; list ids with `dragoman events`")
    if as_json:
        record = occurrence.to_dict() if occurrence else event.to_dict()
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    record = event.to_dict()
    click.echo(f"{event.id}  {event.event_type} ({event.cameo or 'no CAMEO code'})  status: {event.status}  confidence: {event.confidence:.2f}")
    for role in ("source", "target", "mediator"):
        if record[role]:
            click.echo(f"  {role}: {_actor_text(record[role])}")
    for actor in record["participants"]:
        click.echo(f"  participant: {_actor_text(actor)}")
    if event.location:
        click.echo(f"  location: {event.location.text} ({event.location.country})")
    if event.date:
        click.echo(f"  date: {_date_label(event)}")
    if event.topics:
        click.echo(f"  topics: {', '.join(event.topics)}")
    for source in event.sources:
        cited = f", citing {source.attributed_to}" if source.attributed_to else ""
        click.echo(f"  source: {source.outlet or '?'} {source.url or source.doc_id}{cited}")
    for evidence in event.evidence:
        click.echo(f'  evidence [{evidence.doc_id} {evidence.start}:{evidence.end}]: "{evidence.sentence}"')
    if occurrence is not None:
        click.echo(f"  reports: {len(occurrence.reports)}, independent sources: {occurrence.independent_sources}")
        if event.track:
            click.echo(f"  track: {event.track}" + (f", round {event.round}" if event.round else ""))
        for claim in occurrence.history:
            click.echo(f"  status {claim.value} per {claim.outlet or claim.doc_id} ({claim.published or 'undated'})")
        for a, b in occurrence.contradictions:
            click.echo(f"  contradiction on {a.field}: {a.value} ({a.outlet or a.doc_id}) vs {b.value} ({b.outlet or b.doc_id})")


def _actor_text(actor: dict) -> str:  # type: ignore[type-arg]
    code = " ".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    title = f", {actor['title']}" if actor.get("title") else ""
    return f"{actor.get('name')} [{code or 'unknown'}]{title} (\"{actor.get('text')}\")"


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["plover-json", "cameo-tsv", "csv", "parquet"]), required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default stdout).")
@reports_option
def export(db: str | None, fmt: str, output: Path | None, reports: bool) -> None:
    """Export all events (each real-world event once) as PLOVER JSON lines, CAMEO TSV, CSV or Parquet."""
    from dragoman.export import export as write

    with _store(db, must_exist=True) as store:
        found = store.iter_events() if reports else (o.event for o in store.iter_occurrences())
        try:
            n = write(found, fmt, output if output else click.get_text_stream("stdout"))
        except DragomanError as e:
            raise click.ClickException(str(e)) from e
    if output:
        click.echo(f"wrote {n} rows to {output}", err=True)


@main.command()
@db_option
@json_option
def rejected(db: str | None, as_json: bool) -> None:
    """List inputs that could not be ingested, with the reason and what to do."""
    with _store(db, must_exist=True) as store:
        rows = store.rejected()
    for row in rows:
        if as_json:
            click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
        else:
            times = f" (x{row.times})" if row.times > 1 else ""
            click.echo(f"[{row.stage}] {row.reason}{times}")
    if not rows and not as_json:
        click.echo("nothing rejected", err=True)


@main.command()
@click.option("--db", "db", type=click.Path(dir_okay=False), default="dragoman-demo.db", show_default=True,
              help="Database to create afresh for the demo (a postgresql:// URL is filled, not emptied).")  # fmt: skip
@json_option
@click.option("--serve", is_flag=True, help="Then serve the dashboard and API on http://127.0.0.1:8000 (needs the [service] extra).")
def demo(db: str, as_json: bool, serve: bool) -> None:
    """Ingest the bundled demo week into a fresh database and summarise what was found."""
    from dragoman.demo import sample_documents, summarise
    from dragoman.store import is_postgres_url
    from dragoman.store.database import redact

    if not is_postgres_url(db):  # a PostgreSQL database is not ours to empty: re-ingesting changes nothing
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
    opts = Options(ingest=IngestOptions(ingested="2026-02-15"))
    with _store(db) as store:
        report = _ingest(sample_documents(opts), store, opts, documents=True)
        found = store.occurrences()
        tracks = store.tracks()
        counts = store.counts()
    if as_json:
        for occurrence in found:
            click.echo(json.dumps(occurrence.to_dict(), ensure_ascii=False))
        if serve:
            _serve_demo(db)
        return
    click.echo(report.summary())
    click.echo("")
    click.echo(summarise([o.event for o in found], articles=counts["articles"], rejected=counts["rejected"],
                         reports=counts["events"], tracks=tracks))  # fmt: skip
    click.echo("")
    target, db = db, redact(db)
    click.echo(f"Stored in {db}. Try: dragoman events --db {db}   |   dragoman show EVENT_ID --db {db}")
    if tracks:
        click.echo(f"     dragoman tracks --db {db}   |   dragoman brief {tracks[0]['id']} --db {db}")
    if serve:
        _serve_demo(target)
    else:
        click.echo(f"Dashboard: dragoman serve --db {db}, then open http://127.0.0.1:8000/ui (or: dragoman demo --serve)")


@main.command()
@db_option
def migrate(db: str | None) -> None:
    """Bring a store written by an older dragoman up to date: group near-duplicates, fuse events,
    index them (in batches; an interrupted run resumes)."""
    with _store(db, must_exist=True) as store:
        click.echo(f"{store.path}: {store.backlog().summary()}", err=True)
        try:
            for step in store.migrate():
                click.echo(f"{step.step}: {step.done:,} of {step.total:,}", err=True)
        except DragomanError as e:
            raise click.ClickException(str(e)) from e
        click.echo(f"{store.path}: up to date (schema {store.schema_version()})")


def _serve_demo(db: str) -> None:
    from dragoman.service.cli import serve_command

    click.echo("Dashboard: http://127.0.0.1:8000/ui   API: http://127.0.0.1:8000/docs   (Ctrl+C to stop)")
    click.get_current_context().invoke(serve_command, host="127.0.0.1", port=8000, db=db, token=None)


def _register_subcommands() -> None:
    from dragoman.eval.cli import eval_command  # imports click only: `dragoman --help` stays fast
    from dragoman.learn.cli import train_command  # scikit-learn is imported when it runs
    from dragoman.service.cli import serve_command  # FastAPI and uvicorn are imported when it runs
    from dragoman.tracks.cli import brief_command, track_command, tracks_command
    from dragoman.who_cli import who_command  # the office-holder table is read when it runs

    main.add_command(eval_command, name="eval")
    main.add_command(serve_command, name="serve")
    main.add_command(who_command, name="who")
    main.add_command(train_command, name="train")
    main.add_command(tracks_command, name="tracks")
    main.add_command(track_command, name="track")
    main.add_command(brief_command, name="brief")


_register_subcommands()


def _check_date(value: str, option: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError as e:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=option) from e


if __name__ == "__main__":
    main()
