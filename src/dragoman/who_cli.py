"""``dragoman who``: who held a post on a date, or which posts a person held.

    dragoman who "Antony Blinken" --on 2022-06-01
    dragoman who --country USA --role "foreign minister" --on 2022-06-01
    dragoman who "Vladimir Putin"                 # every post on record

Registered in the main CLI with ``main.add_command(who_command, name="who")``. Answers come from
``dragoman.understand.officeholders`` (the dated office-holder table of ``data/actors``); the
lines go to stdout, one JSON object a term with ``--json``. When nothing is known it says why
(an unknown name, a gap in the sources, a date after the table's snapshot) on stderr and exits 1.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from dragoman.understand.officeholders import Term

_COVERAGE = (
    "the table covers about 1960-2011, 2021-2022 and the 2026 leaders of the G20/ASEAN states"
)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("name", required=False)
@click.option("--on", "on", metavar="DATE", help="YYYY-MM-DD, YYYY-MM or YYYY (default: "
              "every post of NAME; today for --country/--role).")  # fmt: skip
@click.option("--country", help="ISO3 code, organisation code or name (USA, Germany, NATO).")
@click.option("--role", help='A post: "head of state", "prime minister", "foreign minister", ...')
@click.option("--position", help="Only terms whose title contains this (Secretary-General).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per term.")
@click.pass_context
def who_command(
    ctx: click.Context, name: str | None, on: str | None, country: str | None,
    role: str | None, position: str | None, as_json: bool,
) -> None:  # fmt: skip
    """Who held a post on a date (--country and --role), or the posts NAME held.

    \b
      dragoman who "Antony Blinken" --on 2022-06-01
      dragoman who --country USA --role "foreign minister" --on 2022-06-01
      dragoman who --country Germany --role chancellor --on 2003
      dragoman who "Vladimir Putin"          # every post on record

    Names match without case or diacritics and across common transliterations. Nothing is
    answered after a source's snapshot (most posts: 2022; G20/ASEAN leaders: 2026-08-22).
    """
    from dragoman.understand import officeholders

    if bool(name) == bool(country or role):
        raise click.UsageError("give a NAME, or --country and --role (not both)")
    try:
        if name:
            terms = officeholders.posts(name, on)
            empty = None if terms else _no_posts(name, on)
        else:
            if not (country and role):
                raise click.UsageError("--country and --role go together")
            on = on or dt.date.today().isoformat()
            terms = officeholders.holders(country, role, on, position=position)
            empty = None if terms else _no_holder(country, role, on)
    except ValueError as e:
        raise click.BadParameter(str(e)) from e
    if empty:
        click.echo(empty, err=True)
        ctx.exit(1)
    for term in terms:
        click.echo(json.dumps(asdict(term), ensure_ascii=False) if as_json else _line(term))


def _line(term: Term) -> str:
    """ "Antony Blinken  foreign minister, United States (USA)  2021-01-26 to ...  [title; source]"."""
    where = f"{term.place} ({term.country})" if term.country else term.place
    start = term.start or "before the source began"
    end = term.end or f"in office at {term.snapshot} (snapshot)"
    about = "; ".join(x for x in (term.position, term.source) if x)
    doubt = "" if term.certain else "  (may not cover that date: the source's dates are coarser)"
    return f"{term.name}  {term.role}, {where}  {start} to {end}  [{about}]{doubt}"


def _no_posts(name: str, on: str | None) -> str:
    from dragoman.understand.officeholders import posts

    every = posts(name)
    if not every:
        return (f"No office holder called {name!r} is known; {_COVERAGE}. Try the full name "
                "as news writes it (\"Antony Blinken\", not \"Blinken\").")  # fmt: skip
    known = "; ".join(_line(t) for t in every[-3:])
    return f"No post is known for {name!r} on {on}. Latest known: {known}"


def _no_holder(country: str, role: str, on: str) -> str:
    from dragoman.understand import officeholders as oh

    code, post = oh.resolve_country(country), oh.resolve_role(role)
    where = f"{post} of {oh.place_name(code)} ({code})"
    until = oh.last_snapshot(code, post)
    if not until:
        return f"No {where} is in the table; {_COVERAGE}."
    if on > until:
        return (f"No {where} is known on {on}: the table knows nothing of this post after "
                f"{until}, its newest snapshot, and does not assume anyone stayed in office.")  # fmt: skip
    return f"No {where} is known on {on}: the sources have a gap there; {_COVERAGE}."
