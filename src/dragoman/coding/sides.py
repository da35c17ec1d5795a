"""An event's sides after roles: who joins, who goes, who hosts.

    Roles --distinct / with_source / with_denier--> Roles     (coder.py, once per event)
    Roles + "both sides" --with_sides--> Roles                 (the article's two sides)
    a meeting's participants + mediator + venue --meeting_mode--> mode, CAMEO code, hosts
    a denied meeting's clause --denies_directness--> True: the denial is of the mode, not the meeting

Each function returns a new value; the coder calls them after assign_roles (roles.py).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from dragoman.coding._datafile import compile_pattern, data_path, load_mapping
from dragoman.coding.mentions import SentenceActors
from dragoman.coding.roles import Roles
from dragoman.model import Actor, ActorMention, Place

__all__ = [
    "denies_directness", "distinct", "main_states", "meeting_mode", "named_pair", "with_denier", "with_sides", "with_source",
]  # fmt: skip


def distinct(roles: Roles) -> Roles:
    """A dyad has two sides: a target that is the source again ("Iran would not accept an
    arrangement ... asking Tehran") is dropped."""
    src, tgt = roles.source, roles.target
    if src is None or tgt is None or (src.country, src.sector) != (tgt.country, tgt.sector):
        return roles
    return replace(
        roles, target=None, participants=tuple(a for a in roles.participants if a != tgt)
    )


def with_source(roles: Roles, source: Actor) -> Roles:
    """A source found outside the sentence ("the US Treasury" of an earlier sentence)."""
    src = source.with_role("source")
    return replace(roles, source=src, participants=(src, *roles.participants), subject=src)


def with_denier(roles: Roles, actors: SentenceActors, cue_start: int | None) -> Roles:
    """ "Tehran denied that its negotiators had met US officials": Tehran is a party."""
    if cue_start is None:
        return roles
    known = {a.country for a in roles.participants}
    for m in sorted((*actors.principals, *actors.speakers), key=lambda m: m.start):
        if m.end <= cue_start and m.actor.country and m.actor.country not in known:
            party = m.actor.with_role("party" if roles.source is None else "source")
            return replace(roles, participants=(*roles.participants, party))
    return roles


def meeting_mode(
    cameo: str, participants: tuple[Actor, ...], mediator: Actor | None, location: Place | None
) -> tuple[str | None, str, tuple[Actor, ...]]:
    """A meeting with a mediator or at a third country's venue is third-party (044 for a plain
    meeting, 046 kept for talks); a venue in a party's country makes that party the host."""
    where = location.country if location is not None else None
    countries = {a.country for a in participants}
    if mediator is not None or (where and participants and where not in countries):
        return "third-party", "044" if cameo == "040" else cameo, participants
    if where and len(countries) >= 2:
        hosted = tuple(a.with_role("host") if a.country == where else a for a in participants)
        return None, cameo, hosted
    return None, cameo, participants


@functools.cache
def _direct() -> re.Pattern[str]:
    """The words that qualify a meeting as direct (data/coding/contact_modes.yaml)."""
    path = data_path("contact_modes.yaml")
    return compile_pattern(load_mapping(path).get("direct"), {}, f"{path}: direct", words=False)


def denies_directness(text: str, clause: tuple[int, int]) -> bool:
    """A denied meeting whose clause calls it direct ("denied that its negotiators had met US
    officials face to face", "no direct meeting had taken place"): what is denied is the mode."""
    return _direct().search(text, *clause) is not None


def named_pair(pattern: re.Pattern[str] | None, text: str, scope: tuple[int, int]) -> int | None:
    """Where the act's words name its two sides as a pair ("both sides", "the two governments")."""
    if pattern is None:
        return None
    m = pattern.search(text, *scope)
    return m.start() if m else None


def with_sides(roles: Roles, sides: tuple[Actor, ...], *, recipients: bool) -> Roles:
    """The pair stands for ``sides``: the recipients of a directed act ("the State Department
    called on both sides"), else the parties ("the two sides had reached the understanding",
    whoever else the sentence names: the outlet's sources, the mediator)."""
    if recipients:
        actor = roles.source
        if actor is None:
            return roles
        targets = tuple(a.with_role("target") for a in sides if a.country != actor.country)
        return replace(roles, target=None, participants=(actor, *targets))
    parties = tuple(a.with_role("party") for a in sides)
    return replace(roles, source=None, target=None, participants=parties, subject=None)


def main_states(mentions: Iterable[ActorMention]) -> tuple[Actor, ...]:
    """The two states an article names most, each at least twice and ahead of any third: the
    sides "both sides" means when no meeting has named them yet. None when that is unclear."""
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for m in mentions:
        a = m.actor
        if (
            a.kind in ("state", "person")
            and a.country
            and len(a.country) == 3
            and a.country.isalpha()
        ):
            counts[a.country] += 1
            if a.kind == "state":
                first.setdefault(a.country, a)
    ranked = counts.most_common(3)
    if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
        return ()
    if not all(code in first for code, _ in ranked[:2]):
        return ()
    return tuple(first[code] for code, _ in ranked[:2])
