"""Which actor mentions may fill a side of an act, for roles.py.

dedupe(mentions)                 one mention per actor; a person stands for their country
before_trigger(mention, match)   the mention precedes the trigger, or owns its noun
own_clause_sources(...)          sources in the act's own clause when its subject has no country
owned(actor)                     a body given its owner by a possessive ("its forces")
with_coordinated(target, ...)    the target and the recipients listed with it
helps(sentence, mention)         a helper of the act ("with Italy's help"), never its target
place_is_city(actors, ...)       whether the act's place is a city (not a country or region)
placed_groups(actors, sentence)  groups named with where they are take its country ("militias in X")
counted_patient(...)             "..., arresting 12": the people the previous act fell on
unsure(...) / parsed_sides_of(...) / parsed_dyad(...) / parsed_parties(...)
                                 when the parse is read, and the sides it gives
"""

from __future__ import annotations

import re
from dataclasses import replace

from dragoman.coding._roles_record import Roles
from dragoman.coding.mentions import Mention, SentenceActors, unique_actors
from dragoman.coding.parse_roles import ParsedSides, SentenceParse, parsed_sides
from dragoman.coding.rules import Match
from dragoman.model import Actor

__all__ = [
    "before_trigger",
    "counted_patient",
    "dedupe",
    "helps",
    "own_clause_sources",
    "owned",
    "parsed_dyad",
    "parsed_parties",
    "parsed_sides_of",
    "place_is_city",
    "placed_groups",
    "unsure",
    "with_coordinated",
]

_POSSESSIVE = ("its ", "their ", "his ", "her ")
_HELP = r"(?:help|support|backing|assistance|aid)"
_HELPER_BEFORE = re.compile(rf"\bwith\s+the\s+{_HELP}\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_HELPER_AFTER = re.compile(rf"['’]s?\s+{_HELP}\b", re.IGNORECASE)
# "urged Armenia and Azerbaijan", "to Iran, Libya and Cuba": recipients in one list
# Cheap signs that the surface order of a directed act may mislead (then the parse decides)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_BY = re.compile(r"[^.;]{0,40}?\bby\b", re.IGNORECASE)
_CLAUSE_BEFORE = re.compile(
    r",\s*(?:which|who|whose|where|after|when|as|while)\b|\b(?:said|says|told|accused|claimed)\b",
    re.IGNORECASE,
)
# "threatened to ban voting in X if Hamas ran": the actor of a condition is not the act's target
_CONDITION = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)
# "... based in Christian east Beirut", "... in east Bosnia": a group's address, up to three
# capitalised or compass words between "in" and the place
_GROUP_PLACE = re.compile(
    r"\s+(?:(?:based|stationed|operating|deployed|active|holed\s+up)\s+)?(?:in|inside)\s+"
    r"(?:(?:the|[A-Z][\w-]*|(?:north|south|east|west|central)[a-z]*)\s+){0,3}"
)
# a bare count after a participle: "arresting 12", "detaining dozens" (not "12 Iranian ...")
_COUNT = re.compile(
    r"\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|"
    r"several|many|others)(?:\s+(?:more|others|people|persons))?(?=\s*(?:[,.;]|and\b|$))",
    re.IGNORECASE,
)
_COORDINATED = re.compile(r"\s*(?:,|,?\s*and)\s*(?:the\s+)?", re.IGNORECASE)


def dedupe(mentions: list[Mention]) -> list[Mention]:
    """One mention per actor: a person stands for their country's other mentions beside it."""
    people = {(m.actor.country, m.actor.sector) for m in mentions if m.actor.kind == "person"}
    people_countries = {c for c, _ in people}
    seen: set[tuple[str | None, str | None, str]] = set()
    out = []
    for m in mentions:
        a = m.actor
        if (
            a.kind != "person"
            and a.country in people_countries
            and any(
                c == a.country and (s == a.sector or a.sector is None or s is None)
                for c, s in people
            )
        ):
            continue
        key = (a.country, a.sector, a.name)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def before_trigger(m: Mention, match: Match) -> bool:
    """Whether an actor precedes the trigger, opens it ("gunmen killed"), or is the nationality
    the act's noun belongs to ("killed in Israeli shelling": the mention holds the trigger)."""
    if m.end <= match.start:
        return True
    if m.start == match.start and m.end < match.end:
        return True  # a trigger that opens with its agent: "gunmen killed five villagers"
    nationality = m.actor.kind == "state" and m.actor.sector is None  # not "Jordan's visiting King"
    return nationality and m.start < match.start < m.end


def helps(sentence: str, m: Mention) -> bool:
    """Whether a mention names a helper of the act, on the source's side, never its target:
    "tighten the blockade of Libya with Italy's help", "an offensive with the support of Chad"."""
    return bool(_HELPER_BEFORE.search(sentence, 0, m.start) or _HELPER_AFTER.match(sentence, m.end))


def owned(actor: Actor) -> bool:
    """A body the text gives its owner by a possessive ("rejected a call for its forces"):
    on the source's side, never the target of the source's own act."""
    return (actor.text or "").lower().startswith(_POSSESSIVE)


def own_clause_sources(
    sources: list[Actor], before: list[Mention], sides: ParsedSides | None
) -> list[Actor]:
    """When the act's subject names no country ("rights campaigners have urged", "the talks
    ended"), a country in another clause is not its source ("Talks on Iran's programme stalled, but
    ..."): only sources inside the predicate's own clause stay."""
    if sides is None or sides.clause is None or not sides.has_subject:
        return sources
    if any(m.actor.country for m in sides.sources):
        return sources
    lo, hi = sides.clause
    inside = {id(m.actor) for m in before if lo <= m.start and m.end <= hi}
    return [a for a in sources if id(a) in inside]


def with_coordinated(target: Actor, principals: tuple[Mention, ...], sentence: str) -> list[Actor]:
    """The target and the actors listed with it, each a recipient of its own dyad, as CAMEO and
    PLOVER code them: "urged Armenia and Azerbaijan to return", "lifted embargoes on Iran,
    Libya and Cuba"."""
    at = next((k for k, m in enumerate(principals) if m.actor is target), None)
    if at is None:
        return [target]
    group, last, joins = [target], principals[at], []
    for m in principals[at + 1 :]:
        join = _COORDINATED.fullmatch(sentence, last.end, m.start)
        if not m.actor.country or join is None:
            break
        group.append(m.actor)
        joins.append(join.group().strip().lower())
        last = m
    # two actors are a list only with a bare "and": "accused Kyiv, and London said" joins
    # clauses; three or more with commas are one ("Iran, Libya, Sudan, and ... Cuba")
    if len(joins) == 1 and joins[0] not in ("and", "and the"):
        group = group[:1]
    return list(unique_actors(group))


def placed_groups(actors: SentenceActors, sentence: str) -> SentenceActors:
    """Groups with no country followed by where they are take that place's country, and the
    place, the group's address, is no actor of its own: "a newspaper based in east Beirut" LBN
    JRN (not Beirut's government), "a truce with Moslem forces in east Bosnia" BIH REB, "rival
    militias in Tripoli"."""
    moved: dict[int, Mention] = {}
    addresses: list[tuple[int, int]] = []
    for k, m in enumerate(actors.principals):
        if m.actor.country or m.actor.kind != "group":
            continue
        place = next(
            (p for p in actors.places if _GROUP_PLACE.fullmatch(sentence, m.end, p.start)), None
        )
        if place is None or place.place.country is None:
            continue
        moved[k] = replace(m, actor=replace(m.actor, country=place.place.country))
        addresses.append((place.start, place.end))
    if not moved:
        return actors
    principals = tuple(
        moved.get(k, m)
        for k, m in enumerate(actors.principals)
        if not any(lo <= m.start and m.end <= hi for lo, hi in addresses)
    )
    return replace(actors, principals=principals)


def counted_patient(
    sentence: str, match: Match, source: Actor | None, previous: Roles | None
) -> Actor | None:
    """The target of a participle that shares its subject with the act before it and counts
    its patients without naming them: the people that act fell on ("police opened fire to
    disperse demonstrators, killing one person and arresting 12")."""
    if previous is None or previous.target is None or not _COUNT.match(sentence, match.end):
        return None
    if source is None or previous.source is None or source.country != previous.source.country:
        return None
    return previous.target


def place_is_city(actors: SentenceActors, country: str | None, clause: tuple[int, int]) -> bool:
    """Whether the act's place (of ``country``, in its clause) is a city, not a country or region."""
    inside = [p for p in actors.places if clause[0] <= p.start and p.end <= clause[1]]
    place = next((p.place for p in inside if p.place.country == country), None)
    return place is not None and place.kind == "city"


def parsed_sides_of(
    parse: SentenceParse | None, match: Match, actors: SentenceActors, *, meeting: bool = False
) -> ParsedSides | None:
    """The parse's sides of the trigger. The cheap pre-filter: only a sentence with a trigger
    (we are here) and an actor mention is ever parsed."""
    if parse is None or not actors.principals:
        return None
    return parsed_sides(parse, match.start, match.end, actors, meeting=meeting)


def unsure(
    sources: list[Actor], targets: list[Actor], sentence: str, match: Match, actors: SentenceActors
) -> bool:
    """Whether the surface order may be wrong, so that the parse is worth its cost: a side with
    no actor or several, a passive ("were attacked by"), a relative clause before the trigger, or
    a speaker whose report may hold someone else's act, or a condition after the trigger
    whose subject may pass for the target."""
    if len({a.country for a in sources}) != 1 or len({a.country for a in targets}) != 1:
        return True
    if (
        actors.speakers
        or _PASSIVE.search(sentence, 0, match.start)
        or _BY.match(sentence, match.end)
        or _CONDITION.search(sentence, match.end)
    ):
        return True
    return bool(_CLAUSE_BEFORE.search(sentence, 0, match.start))


def parsed_dyad(
    sources: list[Actor], targets: list[Actor], sides: ParsedSides | None
) -> tuple[list[Actor], list[Actor]]:
    """Source and target candidates: the parse's where it names an actor, else the surface's.

    The parse wins where both name one: measured on plover_gsr, upetrarch_gsr and
    petrarch_unittest, preferring it everywhere scored as well as or better than using it only
    where the surface rules had no candidate or several (docs/accuracy.md). An act reported by a
    speaker that has a subject of its own ("Tehran said the troops had crossed") is not the
    speaker's, so the speaker leaves the surface sources.
    """
    if sides is None:
        return sources, targets
    # a person stands for the nationality beside them: "Israeli right-winger Ariel Sharon"
    parsed_sources = [m.actor for m in dedupe(list(sides.sources)) if m.actor.country]
    parsed_targets = [m.actor for m in dedupe(list(sides.targets)) if m.actor.country]
    if sides.reported and sides.has_subject and not parsed_sources:
        said = {m.actor for m in sides.speakers}
        sources = [a for a in sources if a not in said]
    return parsed_sources or sources, parsed_targets or targets


def parsed_parties(parties: tuple[Actor, ...], sides: ParsedSides | None) -> tuple[Actor, ...]:
    """A meeting's parties: the subject's and objects' actors when the parse finds two countries
    ("Iraq's adviser met with Syrian President Assad to discuss Islamic State": not IS)."""
    if sides is None:
        return parties
    found = unique_actors([m.actor for m in (*sides.sources, *sides.targets) if m.actor.country])
    return found if len({a.country for a in found}) >= 2 else parties
