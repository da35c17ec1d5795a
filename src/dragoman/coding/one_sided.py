"""Roles of a one-sided act (``roles: domestic`` in triggers.yaml): protests, strikes, arrests.

    Trigger + actors before / after it --one_sided_roles--> Roles(source, target)

The actors before the trigger act (else those after it, else the trigger's implied agent in the
country of the act's place); an actor after the trigger that a cue of
data/coding/one_sided_targets.yaml introduces is the target ("rallied against the government").
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from dragoman.coding._datafile import compile_pattern, data_path, load_mapping
from dragoman.coding._roles_record import Roles
from dragoman.coding.countryless import countryless
from dragoman.coding.governments import civilians, government, names_city
from dragoman.coding.lexicon import ImpliedActor, Trigger
from dragoman.coding.mentions import Mention, unique_actors
from dragoman.coding.parse_roles import ParsedSides
from dragoman.errors import DataFileError
from dragoman.model import Actor

__all__ = [
    "at_home",
    "attack_abroad",
    "attacked_city",
    "civilians_of",
    "cued_target",
    "implied_actor",
    "landed_civilians",
    "object_place_target",
    "one_sided_roles",
    "place_recipient",
    "place_target_types",
]

_GAP = r"\W+(?:[\w'’-]+\s+){0,4}?$"  # up to four words between a target cue and its actor


@functools.cache
def _target_cue() -> re.Pattern[str]:
    """One regex for the cues of data/coding/one_sided_targets.yaml, anchored at the actor."""
    path = data_path("one_sided_targets.yaml")
    cues = load_mapping(path).get("target_cues")
    if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
        raise DataFileError(f"{path}: `target_cues` must be a list of quoted regexes")
    return compile_pattern(r"\b(?:" + "|".join(cues) + ")" + _GAP, {}, str(path), words=False)


def cued_target(sentence: str, at: int, mention: Mention) -> bool:
    """Whether a target cue between ``at`` and the mention introduces it ("rallied against X",
    "..., calling for the resignation of X")."""
    return _target_cue().search(sentence, at, mention.start) is not None


@functools.cache
def _types(key: str) -> frozenset[str]:
    path = data_path("one_sided_targets.yaml")
    types = load_mapping(path).get(key)
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise DataFileError(f"{path}: `{key}` must be a list of PLOVER types (ASSAULT, ...)")
    return frozenset(types)


def place_target_types() -> frozenset[str]:
    """The event types whose place is their target when the text names none."""
    return _types("place_target_types")


def civilians_of(
    place_country: str | None, event_type: str, cameo: str | None = ""
) -> Actor | None:
    """The target an attack or a restriction eased on a place with no target named has: its
    country's civilians. ``cameo`` None: an act CAMEO has no code for (a resignation)."""
    eased = (cameo or "").startswith(tuple(_types("place_target_codes")))
    if place_country is None or not (event_type in place_target_types() or eased):
        return None
    return civilians(place_country)


def landed_civilians(targets: list[Actor], event_type: str) -> list[Actor]:
    """Targets that are only where the act lands, for an attack, restriction, cut or threat:
    the place's civilians, not the government its seat stands for elsewhere ("suspended aid
    deliveries in Baghdad" IRQ CVL)."""
    if event_type not in _types("landing_civilian_types"):
        return targets
    return [
        civilians(t.country, text=t.text) if t.sector == "GOV" and t.country else t
        for t in targets
    ]


def object_place_target(sides: ParsedSides | None, event_type: str) -> ParsedSides | None:
    """The parse's sides, with the people of the place the act's "to" clause falls on as the
    target when the parse names none, for an attack, restriction, cut or threat: "threatened to
    ban voting in East Jerusalem if Hamas ran" PSE CVL, not Hamas."""
    if sides is None or sides.targets or sides.object_place is None:
        return sides
    if event_type not in _types("landing_civilian_types"):
        return sides
    return replace(sides, targets=(sides.object_place,), landed=True)


def attack_abroad(source: Actor | None, place_country: str | None, event_type: str) -> bool:
    """Whether an attack (or coercion) lands in a country not the source's own: its victims are
    the place's, not a group of the attackers' own country named nearby."""
    if source is None or not source.country or place_country is None:
        return False
    return place_country != source.country and event_type in place_target_types()


def place_recipient(
    place_country: str | None,
    event_type: str,
    source: Actor | None,
    *,
    cameo: str | None = "",
    city: bool = False,
) -> Actor | None:
    """The target an act with none named has from its place: an attack's, the place's civilians
    (``civilians_of``); another act's (not a meeting's or an agreement's venue), a place abroad's
    country, no sector ("lifted a curfew in Montenegro", "troops on alert in the West Bank"); a
    verbal act's, only a place abroad that is no ``city`` (where it was said)."""
    if source is None:
        return None
    civilians = civilians_of(place_country, event_type, cameo)
    if civilians is not None or place_country is None or source.country == place_country:
        return civilians
    verbal = not city and event_type in _types("place_recipient_verbal_types")
    if event_type not in _types("place_recipient_types") and not verbal:
        return None
    country = government(place_country)
    return Actor(
        text=None, name=country.name, country=place_country, sector=None, kind=country.kind
    )


@functools.cache
def _home_sectors() -> tuple[frozenset[str], frozenset[str]]:
    """(target sectors that take a home country, source sectors that lend theirs)."""
    path = data_path("one_sided_targets.yaml")
    data = load_mapping(path)
    out = []
    for key in ("home_target_sectors", "home_source_sectors"):
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataFileError(f"{path}: `{key}` must be a list of PLOVER sectors (CVL, REB ...)")
        out.append(frozenset(value))
    return out[0], out[1]


def at_home(targets: list[Actor], sources: list[Actor], place_country: str | None) -> list[Actor]:
    """Targets with a country: a group named without one ("arrested 30 protesters") is of the
    act's place's country, else of a domestic source's ("Kenyan police" KEN COP -> KEN CVL)."""
    target_sectors, source_sectors = _home_sectors()
    home = place_country
    if home is None and sources and sources[0].sector in source_sectors:
        home = sources[0].country
    out = []
    for a in targets:
        if a.country is None and home and a.kind == "group" and a.sector in target_sectors:
            a = _placed(a, home)
        if a.country:
            out.append(a)
    return out


def attacked_city(target: Actor, event_type: str) -> Actor:
    """The target of an attack on a city named for itself: its civilians, as for a place
    ("rebels shelled Juba" SSD CVL, not the government the capital stands for elsewhere)."""
    if event_type not in place_target_types() or target.sector != "GOV":
        return target
    if not names_city(target.text):
        return target
    return civilians(target.country, text=target.text).with_role(target.role)


def implied_actor(spec: ImpliedActor, country: str | None, text: str | None) -> Actor:
    """The actor a trigger implies where the text names none ("protesters", "police")."""
    return Actor(text=text, name=spec.name, country=country, sector=spec.sector, kind="group")


def one_sided_roles(
    trig: Trigger,
    before: list[Mention],
    after: list[Mention],
    sentence: str,
    country: str | None,
    mediator: Actor | None,
    *,
    at: int,
) -> Roles:
    """One side: the actors before the trigger (else after), else the trigger's implied actor;
    an actor after the trigger that a target cue introduces is the target ("rallied against X")."""
    cued = [m for m in after if cued_target(sentence, at, m)]
    if trig.patient is not None and not before:
        cued = after  # "a crackdown on protesters in Iran": those after it suffer the act
    after = [m for m in after if m not in cued]
    side = before or after
    named = len(side)
    implied = False
    actors = [a for a in (_placed(m.actor, country) for m in side) if a.country]
    if not actors:  # "protesters blocked the road", no place: the group, country None
        sector = trig.agent.sector if trig.agent is not None else None
        actors = countryless([m.actor for m in side], trig.event_type, sector=sector)
    if not actors and trig.agent is not None and country is not None:
        actors, implied = [implied_actor(trig.agent, country, None)], True
    if not actors:
        return Roles(named=0)
    source = actors[0].with_role("source")
    target = next(
        (a.with_role("target") for a in (_placed(m.actor, country) for m in cued) if a.country),
        None,
    )
    if target is None and trig.patient is not None:
        cue = trig.patient.cue.search(sentence) if trig.patient.cue is not None else None
        if trig.patient.cue is None or cue:
            text = cue.group() if cue else None
            target = implied_actor(trig.patient, source.country, text).with_role("target")
            implied = True
    rest = [
        a.with_role("party")
        for a in actors[1:]
        if (a.country, a.sector) != (source.country, source.sector)
    ]
    parts = unique_actors([source, *([target] if target else []), *rest])
    return Roles(
        source=source,
        target=target,
        participants=parts,
        mediator=mediator if trig.event_type == "CONSULT" else None,
        implied=implied,
        subject=source,
        named=named,
    )


def _placed(actor: Actor, country: str | None) -> Actor:
    """An actor with no country of its own takes the act's ("protesters ... in Tehran")."""
    if actor.country or country is None:
        return actor
    return Actor(
        text=actor.text,
        name=actor.name,
        country=country,
        sector=actor.sector,
        kind=actor.kind,
        title=actor.title,
    )
