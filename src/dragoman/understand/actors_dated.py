"""Actors as of the publication date: a state's places read as its former state's before it.

    [ActorMention] + published --as_of--> [ActorMention]

The gazetteer holds today's countries; ``data/actors/country_changes.yaml`` says which states
were carved out of another and when. An article published before that date codes their names and
cities as the older state ("Juba" in 2005 is Sudan's, SDN). Without a publication date nothing
changes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from importlib import resources

from dragoman.datafile import load_yaml
from dragoman.errors import DataFileError
from dragoman.model import ActorMention, DateValue

__all__ = ["as_of"]

_FILE = "data/actors/country_changes.yaml"


@dataclass(frozen=True, slots=True)
class _Change:
    code: str
    was: str
    until: str  # ISO date


@functools.cache
def _changes() -> dict[str, _Change]:
    path = resources.files("dragoman").joinpath(_FILE)
    rows = (load_yaml(path, label=_FILE, lines=False) or {}).get("changes", [])
    out: dict[str, _Change] = {}
    for k, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not all(row.get(f) for f in ("code", "was", "until")):
            raise DataFileError(f"{_FILE}: changes entry {k} needs code, was and until "
                                '(e.g. {code: SSD, was: SDN, until: "2011-07-09"})')  # fmt: skip
        out[str(row["code"])] = _Change(str(row["code"]), str(row["was"]), str(row["until"]))
    return out


def as_of(mentions: list[ActorMention], published: DateValue | None) -> list[ActorMention]:
    """``mentions`` with the codes of states that did not yet exist on ``published`` replaced."""
    day = published.start if published is not None else None
    if not day:
        return mentions
    changes = _changes()
    return [_dated(m, changes.get(m.actor.country or ""), day) for m in mentions]


def _dated(m: ActorMention, change: _Change | None, day: str) -> ActorMention:
    if change is None or day[:10] >= change.until:
        return m
    return replace(m, actor=replace(m.actor, country=change.was))
