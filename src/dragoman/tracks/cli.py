"""``dragoman tracks``, ``dragoman track ID`` and ``dragoman brief ID``: the negotiation processes."""

from __future__ import annotations

import json
from typing import Any

import click

from dragoman.fuse import Occurrence
from dragoman.store import Store
from dragoman.tracks.brief import make_brief, render_markdown

DB_HELP = "SQLite database file, or a postgresql://user@host/db URL (default: $DRAGOMAN_DB, else ./dragoman.db)."



def _open(db: str | None) -> Store:
    from dragoman.cli import _store  # one way to open a store and explain a missing one

    return _store(db, must_exist=True)  # type: ignore[no-any-return]


@click.command("tracks")
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON record per track per line.")
def tracks_command(db: str | None, as_json: bool) -> None:
    """List negotiation tracks: parties, mediator, status and rounds."""
    with _open(db) as store:
        found = store.tracks()
    for t in found:
        if as_json:
            click.echo(json.dumps(t, ensure_ascii=False))
            continue
        rounds = ", ".join(f"{r['round']} {r['status']} {r['date'] or '?'} {r['city'] or r['country'] or ''}".strip() for r in t["rounds"])
        click.echo(f"{t['id']:24} {t['status']:10} {t['name']}")
        click.echo(f"{'':24} rounds: {rounds or 'none numbered yet'}")
    if not found and not as_json:
        click.echo("no tracks yet: they appear when parties are reported to meet", err=True)


@click.command("track")
@click.argument("track_id")
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the track record as JSON.")
def track_command(track_id: str, db: str | None, as_json: bool) -> None:
    """Show one track (id, id prefix or parties such as ARM+AZE): rounds, delegations, topics,
    status history and sources."""
    with _open(db) as store:
        track = _find(store, track_id)
        members = _members(store, track)
    if as_json:
        click.echo(json.dumps(track, ensure_ascii=False, indent=2))
        return
    click.echo(f"{track['id']}  {track['name']}  status: {track['status']}")
    click.echo(f"  parties: {', '.join(track['parties'])}   mediator: {track['mediator'] or 'none reported'}")
    if track["topics"]:
        click.echo(f"  topics: {', '.join(track['topics'])}")
    for r in track["rounds"]:
        where = ", ".join(x for x in (r["city"], r["country"]) if x)
        by = f"  mediator: {r['mediator']}" if r.get("mediator") else ""
        by += " (from the track)" if by and r.get("mediator_from") == "track" else ""
        click.echo(f"  round {r['round']}: {r['status']:10} {r['date'] or 'undated'}  {where}{by}  ({len(r['sources'])} sources)")
        for d in r["delegations"]:
            click.echo(f"      {d['side']}: {d['name']}{', ' + d['title'] if d['title'] else ''}")
    for h in track["status_history"]:
        click.echo(f"  {h['reported'] or 'undated'}: {h['status']:10} ({h['because']}; {h['outlet'] or h['doc_id']})")
    others = [members[i] for i in track["other_meetings"] if i in members]
    for o in others:
        click.echo(f"  also: {o.event.event_type} {o.event.status}: {o.event.evidence[0].sentence if o.event.evidence else ''}")
    click.echo(f"  sources: {len(track['sources'])} articles")


@click.command("brief")
@click.argument("track_id")
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
def brief_command(track_id: str, db: str | None, fmt: str) -> None:
    """A "what to expect" brief for the track's next round, every line with its sources."""
    with _open(db) as store:
        track = _find(store, track_id)
        brief = make_brief(track, _members(store, track), store.track_context(track["id"]))
    click.echo(json.dumps(brief, ensure_ascii=False, indent=2) if fmt == "json" else render_markdown(brief), nl=fmt == "json")


def _find(store: Store, track_id: str) -> dict[str, Any]:
    track = store.track(track_id)
    if track is None:
        raise click.ClickException(f"no track {track_id!r}; list them with `dragoman tracks`")
    return track


def _members(store: Store, track: dict[str, Any]) -> dict[str, Occurrence]:
    found = {}
    for i in track["members"]:
        o = store.occurrence(i)
        if o is not None:
            found[i] = o
    return found
