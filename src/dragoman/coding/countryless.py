"""Sides of an act whose actors the text names only by sector (ontology decision 17).

    actors of one side of an act, none with a country --countryless--> the groups that stand for it

"Gunmen killed five villagers", "police fired tear gas", "rebels attacked an army post": PLOVER
allows an actor with a sector and an unknown country. A side keeps its actors with a country (a
group's own, else the country of the act's place, as ``one_sided.at_home`` gives targets); only
when none has one do the groups of data/coding/countryless_actors.yaml stand for it, country
None (roles.py and one_sided.py ask). A state or a person without a country is never kept: that
is a reader's gap, not an actor named by sector.

Once the act is coded, the sentence and the article may still say whose the group is
(``in_context``): a speaker of the group's own sector lends its country ("Ukraine's air force
said air defences ..."), and so does the setting the coder finds for the act (event_build.py: the
act of the same type just told, "... rallied in central Tehran on Saturday. Videos showed crowds
chanting slogans ...", or the dateline of the sentence that opens with it, "KANO — Gunmen ...").
"""

from __future__ import annotations

import functools
from dataclasses import replace

from dragoman.coding._datafile import data_path, load_mapping
from dragoman.coding._roles_record import Roles
from dragoman.errors import DataFileError
from dragoman.model import Actor

__all__ = ["acts_without_country", "countryless", "has_countryless", "in_context", "lone_sources"]


@functools.cache
def _rules() -> tuple[frozenset[str], ...]:
    """(sectors of groups that may act with no country known, the PLOVER types they may do, the
    types and the CAMEO roots they may do as a directed act's only side)."""
    path = data_path("countryless_actors.yaml")
    data = load_mapping(path)
    out = []
    for key, example in (
        ("sectors", "COP, REB"),
        ("event_types", "ASSAULT, PROTEST"),
        ("alone_types", "ASSAULT"),
        ("alone_cameo_roots", '"17"'),
        ("alone_sectors", "COP, REB"),
    ):
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataFileError(f"{path}: `{key}` must be a list of codes ({example} ...)")
        out.append(frozenset(value))
    return tuple(out)


def acts_without_country(actor: Actor) -> bool:
    """A group named by sector alone ("gunmen", "police", "protesters") of a listed sector."""
    sectors = _rules()[0]
    return (
        actor.country is None
        and actor.kind == "group"
        and actor.sector is not None
        and actor.sector in sectors
    )


def countryless(actors: list[Actor], event_type: str, *, sector: str | None = None) -> list[Actor]:
    """The groups named by sector alone that stand for a side of an act of ``event_type`` when no
    actor with a country does; ``sector``: the one a one-sided act's trigger implies ("the march":
    protesters, so not "Police watched ... and the march ended")."""
    if event_type not in _rules()[1]:
        return []
    return [a for a in actors if acts_without_country(a) and (sector is None or a.sector == sector)]


def lone_sources(sources: list[Actor], event_type: str, cameo: str | None) -> list[Actor]:
    """The sources of a directed act with no target: countryless armed groups alone stand only for
    an attack or a coercion ("gunmen opened fire", "police arrested a suspect"), not for a seizure
    pattern that seizes nothing ("the military has taken up the task"), nor crowds alone ("five
    years after crowds burned down its embassy": background the status reader cannot see)."""
    alone_types, alone_roots, alone_sectors = _rules()[2:]
    if any(a.country for a in sources):
        return sources
    if event_type not in alone_types and (cameo or "")[:2] not in alone_roots:
        return []
    return [a for a in sources if a.sector in alone_sectors]


def has_countryless(roles: Roles) -> bool:
    """Whether a side of the act is a group named by sector alone, country still unknown."""
    return any(acts_without_country(a) for a in roles.participants)


def in_context(roles: Roles, *, speakers: list[Actor], setting: str | None) -> Roles:
    """The act's countryless groups with the country the context gives them: a speaker's of the
    same sector ("Ukraine's air force said air defences had ..."), else ``setting``, the country
    where the coder places the act; the others as they are."""
    if not has_countryless(roles):
        return roles

    def placed(actor: Actor | None) -> Actor | None:
        if actor is None or not acts_without_country(actor):
            return actor
        lent = next((s.country for s in speakers if s.country and s.sector == actor.sector), None)
        country = lent or setting
        return replace(actor, country=country) if country else actor

    participants = tuple(p for p in (placed(a) for a in roles.participants) if p is not None)
    return replace(
        roles,
        source=placed(roles.source),
        target=placed(roles.target),
        participants=participants,
        # a country read from the context, not the sentence: a little less sure (confidence)
        implied=roles.implied or participants != roles.participants,
    )
