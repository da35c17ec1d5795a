"""Who did what to whom in one sentence: participants, source, target, mediator and venue.

    Match + scope + clause + SentenceActors --assign_roles--> [Roles]

The trigger's ``roles`` hint (triggers.yaml) decides: symmetric, directed, passive, domestic,
venue or mediation. Offsets are the sentence's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dragoman.coding._role_candidates import (
    before_trigger,
    counted_patient,
    dedupe,
    helps,
    own_clause_sources,
    owned,
    parsed_dyad,
    parsed_parties,
    parsed_sides_of,
    place_is_city,
    placed_groups,
    unsure,
    with_coordinated,
)
from dragoman.coding._roles_record import Roles
from dragoman.coding.countryless import countryless, lone_sources
from dragoman.coding.governments import government, names_city
from dragoman.coding.lexicon import Cues
from dragoman.coding.mentions import Mention, SentenceActors, unique_actors
from dragoman.coding.one_sided import (
    at_home,
    attack_abroad,
    attacked_city,
    cued_target,
    landed_civilians,
    object_place_target,
    one_sided_roles,
    place_recipient,
)
from dragoman.coding.parse_roles import ParsedSides, SentenceParse
from dragoman.coding.rules import Match
from dragoman.coding.trips import read_trip
from dragoman.model import Actor

__all__ = ["Roles", "assign_roles"]

# A predicate whose subject is the previous act's: "met ... and agreed to", "when they agreed"
_ELIDED = re.compile(
    r"(?:(?:,\s*|\s)and\s+(?:(?:then|also|later|again|has|have|had|will|would|is|was)\s+){0,2}"
    r"|\b(?:they|both\s+sides|the\s+two\s+(?:sides|countries|governments|delegations|leaders))"
    r"\s+(?:(?:have|had|has|also|then|later|again|quickly|finally)\s+)?)$",
    re.IGNORECASE,
)


# "the two countries", "both sides", "they" after a directed act (a message): its two governments
_SIDES = re.compile(r"\b(?:they|sides|countries|governments|nations|states)\b", re.IGNORECASE)
# "..., calling for the resignation of X": a participle after a comma has the sentence's subject
_PARTICIPLE = re.compile(r",\s*$")
_RELATIVE = re.compile(r",\s*(?:which|who)\s+$", re.IGNORECASE)
_NEAR_TARGET = 25  # characters: a visit's target actor follows the verb closely


def assign_roles(
    match: Match,
    scope: tuple[int, int],
    clause: tuple[int, int],
    actors: SentenceActors,
    *,
    sentence: str,
    location_country: str | None,
    cut: int | None = None,
    previous: Roles | None = None,
    speaker_is_actor: bool = False,
    cues: Cues | None = None,
    parse: SentenceParse | None = None,
) -> list[Roles]:
    """Source, target and participants of one trigger (several Roles for a visit to two places).

    ``cut``: the offset of a cancellation cue; the actors before it called the meeting off and are
    left out when two others remain ("The EU called off the Serbia-Kosovo round").
    ``previous``: the roles of the sentence's previous act, whose subject a domestic act with no
    actor of its own shares ("the army was put on alert and units were moved ...").
    ``speaker_is_actor``: a speech act with no subject named is the speaker's ("Kosovo's prime
    minister said his government would not return to the table").
    ``cues``: the trip cues, read for a visit (trips.py): a visit, or the meeting a trip is for.
    ``parse``: the sentence's dependency parse (parse_roles.py), read where the surface rules
    are unsure; None keeps the surface rules.
    """
    trig = match.trigger
    actors = placed_groups(actors, sentence)
    symmetric = trig.roles in ("symmetric", "mediation", "venue")
    if symmetric and _RELATIVE.search(sentence, 0, clause[0]):
        clause = (scope[0], clause[1])  # "the delegations, which held talks": the antecedent's
    inside = _in_clause(actors.principals, match, scope, clause, symmetric=symmetric)
    if cut is not None:
        rest = [m for m in inside if m.start >= cut]
        if len({m.actor.country for m in rest if m.actor.country}) >= 2:
            inside = rest
    before = dedupe([m for m in inside if before_trigger(m, match)])
    after = dedupe([m for m in inside if m.start >= match.start])
    mediator = _mediator(actors, clause if symmetric else None)
    speaker = actors.speakers[0].actor if actors.speakers else None
    elided = _ELIDED.search(sentence[: match.start])
    if elided is None and not symmetric and _participle(match, sentence):
        elided = _PARTICIPLE.search(sentence, 0, match.start)
    if elided:
        # "met in Brussels ... and agreed to": the subject is the previous act's
        shared = _shared_subject(previous, actors)
        if shared is not None:
            if symmetric and previous is not None:
                parties = previous.participants
                if previous.source is not None and _SIDES.search(elided.group()):
                    # "a message from Washington reached Larijani, days before the two countries
                    # resume talks": the sides are the governments, not the sender and receiver
                    parties = tuple(
                        government(c) for c in dict.fromkeys(a.country for a in parties) if c
                    )
                return [_symmetric(parties, mediator, named=previous.named)]
            before = [Mention(match.start, match.start, shared)]
    if trig.roles == "domestic":
        if not before and previous is not None and previous.source is not None:
            before = [Mention(match.start, match.start, previous.source)]
        # one side: not from another clause, but for a target a cue introduces there
        # ("marched on parliament, calling for the resignation of X")
        cued = [m for m in actors.principals
                if m.start >= clause[1] and cued_target(sentence, match.end, m)]  # fmt: skip
        after = [m for m in after if m.end <= clause[1]] + cued
        country = location_country or (speaker.country if speaker else None)
        roles = one_sided_roles(trig, before, after, sentence, country, mediator, at=match.end)
        city = place_is_city(actors, location_country, clause)
        placed = place_recipient(
            location_country, trig.event_type, roles.source, cameo=trig.cameo, city=city
        )
        if roles.target is not None or placed is None:
            return [roles]
        target = placed.with_role("target")
        parts = unique_actors([*roles.participants, target])
        return [replace(roles, target=target, participants=parts)]
    if trig.roles == "mediation":  # "he would chair the talks": the speaker mediates
        if mediator is None and before:
            mediator, before = before[0].actor.with_role("mediator"), before[1:]
        elif mediator is None and speaker is not None and speaker.country:
            mediator = speaker.with_role("mediator")
        parties = unique_actors([m.actor for m in (*before, *after) if m.actor.country])
        return [replace(_symmetric(parties, mediator, named=len(parties)), subject=mediator)]
    if trig.roles == "venue":  # "it would host the round": the speaker is the host
        venue = before[0].actor if before else speaker
        parties = unique_actors([m.actor for m in after if m.actor.country])
        roles = _symmetric(parties, mediator, named=len(parties))
        return [replace(roles, venue=venue, subject=venue)]
    if trig.roles == "symmetric" and trig.event_type == "AGREE":
        one_party = _one_party_agreement(before, after, mediator, actors, sentence)
        if one_party is not None:
            return one_party
    if trig.roles == "symmetric":  # "villagers clashed": groups named by sector when no country
        named = [m.actor for m in (*before, *after)]
        parties = unique_actors(_side(named, location_country, trig.event_type))
        if len({a.country for a in parties}) > 2:  # unsure which of them met
            parties = parsed_parties(parties, parsed_sides_of(parse, match, actors, meeting=True))
        return [_symmetric(parties, mediator, named=len(parties))]
    if trig.roles == "passive":
        before, after = after, before
    elif trig.roles == "from_to":  # "a message from Washington was delivered to Larijani"
        before, after = after[:1], after[1:]
    # "gunmen killed five villagers": a side no actor with a country stands for keeps the groups
    # named by sector, country None (countryless.py, ontology decision 17)
    # (a countryless target alone is not an act: "struck a shot through a crowd")
    sources = _side([m.actor for m in before], location_country, trig.event_type)
    named_after = [m.actor for m in after if not helps(sentence, m)]
    targets = at_home(named_after, sources, location_country) or (
        countryless(named_after, trig.event_type) if sources else []
    )
    if not targets:
        sources = lone_sources(sources, trig.event_type, trig.cameo)
    sides = None
    if (
        trig.roles == "directed"
        and not trig.target_from_place
        and unsure(sources, targets, sentence, match, actors)
    ):
        sides = object_place_target(parsed_sides_of(parse, match, actors), trig.event_type)
        surface = targets
        sources, targets = parsed_dyad(sources, targets, sides)
        if sides is not None and sides.landed:
            targets = landed_civilians(targets, trig.event_type)
        helpers = {id(m.actor) for m in after if helps(sentence, m)}
        targets = [t for t in targets if id(t) not in helpers] or surface
        sources = own_clause_sources(sources, before, sides)
    if not sources and speaker_is_actor and speaker is not None and speaker.country:
        sources = [speaker]
    if trig.target_from_place:  # "visited Iran", "travel to Geneva to lead ... talks with the US"
        near = [m.actor for m in after if m.actor.country and m.start - match.end <= _NEAR_TARGET]
        return _visits(match, scope[1], actors, sources, near, mediator, sentence, cues)
    if sides is not None and sides.each_source:
        first = targets[0] if targets else None
        listed = with_coordinated(first, actors.principals, sentence) if first else []
        return _each_dyad(sides, targets, mediator, listed)
    source = sources[0] if sources else None
    target = next((t for t in targets if source is None or t.country != source.country), None)
    if target is None:
        # same country, another sector ("the army detained Iranian protesters"); for an attack
        # abroad only a city attacked, as the victims are the place's ("Palestinian bombers
        # killed 23 people in Tel Aviv ... in the Palestinian uprising": ISR CVL, not the uprising)
        abroad = attack_abroad(source, location_country, trig.event_type)
        target = next(
            (
                t
                for t in targets
                if not _same(t, source) and not owned(t) and (not abroad or names_city(t.text))
            ),
            None,
        )
    if target is None and elided:  # "dispersed protesters, ... arresting 12": the same people
        target = counted_patient(sentence, match, source, previous)
    if target is None:  # "shelled the town of Kassala": the place's civilians, for an attack
        city = place_is_city(actors, location_country, clause)
        placed = place_recipient(
            location_country, trig.event_type, source, cameo=trig.cameo, city=city
        )
        return [_directed(source, placed, mediator)]
    recipients = with_coordinated(target, actors.principals, sentence)
    return [
        _directed(source, attacked_city(t, trig.event_type), mediator)
        for t in recipients
        if not _same(t, source)
    ]


def _one_party_agreement(
    before: list[Mention],
    after: list[Mention],
    mediator: Actor | None,
    actors: SentenceActors,
    sentence: str,
) -> list[Roles] | None:
    """One party agreeing to act on others is a directed AGREE, as PLOVER and CAMEO code it:
    "EU ministers agreed to provide aid for Moldova and Armenia" (EUR -> MDA, EUR -> ARM). None
    when two parties agree together ("Jordan and Britain agreed to hold exercises") or no other
    actor is named ("agreed in Brussels to ...": a place is the agreement's venue): symmetric."""
    subject = [m.actor for m in before if m.actor.country]
    if len({a.country for a in subject}) != 1 or mediator is not None:
        return None
    source = subject[0]
    objects = [m.actor for m in after if m.actor.country and m.actor.country != source.country]
    if not objects:
        return None
    recipients = with_coordinated(objects[0], actors.principals, sentence)
    return [_directed(source, t, mediator) for t in recipients if not _same(t, source)]


def _each_dyad(
    sides: ParsedSides, targets: list[Actor], mediator: Actor | None, listed: list[Actor]
) -> list[Roles]:
    """One act per source when the subject is coordinated: "The US and Britain imposed
    sanctions on Iran" is two dyads, as CAMEO and PLOVER code it; ``listed``, the target with
    the recipients coordinated with it, multiplies them ("... on Iran and Syria": four)."""
    out = []
    for source in (m.actor for m in sides.each_source):
        target = next((t for t in targets if t.country != source.country), None)
        recipients = listed if target is not None and target in listed else [target]
        out += [_directed(source, t, mediator) for t in recipients if not _same(t, source)]
    return out


def _side(actors: list[Actor], place_country: str | None, event_type: str) -> list[Actor]:
    """A source side or a meeting's parties: the actors with a country of their own; else groups
    that take the act's place's ("protesters ... in Kano", ``at_home``); else the groups named by
    sector alone, country None ("police fired tear gas")."""
    own = [a for a in actors if a.country]
    return own or at_home(actors, [], place_country) or countryless(actors, event_type)


def _same(a: Actor | None, b: Actor | None) -> bool:
    """One actor on both sides of a dyad: same country and sector ("Iran -> Tehran")."""
    return a is not None and b is not None and (a.country, a.sector) == (b.country, b.sector)


def _mediator(actors: SentenceActors, clause: tuple[int, int] | None) -> Actor | None:
    """The sentence's first mediator; a meeting's only inside its clause (the intermediary of
    "a message ... through Omani intermediaries, days before the two countries resume talks"
    carried the message, not the talks)."""
    for med, role in actors.mediators:
        if clause is None or (clause[0] <= med.start and med.end <= clause[1]):
            return med.actor.with_role(role)
    return None


def _participle(match: Match, sentence: str) -> bool:
    """Whether the trigger opens with an -ing form ("calling for", "demanding")."""
    first = sentence[match.start : match.end].split(maxsplit=1)
    return bool(first) and first[0].lower().endswith("ing")


def _shared_subject(previous: Roles | None, actors: SentenceActors) -> Actor | None:
    """The subject of a coordinated predicate: the previous act's source, or the sentence's
    first actor ("the ministry said its units had returned fire, and accused Yerevan")."""
    if previous is not None:
        return previous.subject or previous.source or next(iter(previous.participants), None)
    first = sorted((*actors.principals, *actors.speakers), key=lambda m: m.start)
    return next((m.actor for m in first if m.actor.country), None)


def _in_clause(
    principals: tuple[Mention, ...],
    match: Match,
    scope: tuple[int, int],
    clause: tuple[int, int],
    *,
    symmetric: bool,
) -> list[Mention]:
    """The actors of a trigger's clause; for a directed act, the wider scope when the clause
    lacks a side.

    "called off the Belgrade-Pristina round after an attack on a Kosovo police patrol": the
    patrol is in another clause, and so are the parties of "The Geneva meeting will take place
    on the same day as, but separately from, talks between the US and Iran". "would not return
    to the table as long as Belgrade shelters the attackers": the target is past the boundary.
    """
    lo, hi = scope
    wide = [m for m in principals if lo <= m.start and m.end <= hi]
    narrow = [m for m in wide if clause[0] <= m.start and m.end <= clause[1]]
    if symmetric:
        return narrow
    before = [m for m in narrow if before_trigger(m, match)] or [
        m for m in wide if before_trigger(m, match)
    ]
    after = [m for m in narrow if m.start >= match.start] or [
        m for m in wide if m.start >= match.start
    ]
    return before + after


def _symmetric(parties: tuple[Actor, ...], mediator: Actor | None, *, named: int) -> Roles:
    """Parties of a meeting or clash; the mediator's own country is not a party to it."""
    if mediator is not None:
        parties = tuple(a for a in parties if a.country != mediator.country)
    return Roles(
        participants=tuple(a.with_role("party") for a in parties),
        mediator=mediator,
        named=min(named, len(parties)),
    )


def _directed(source: Actor | None, target: Actor | None, mediator: Actor | None) -> Roles:
    src = source.with_role("source") if source else None
    tgt = target.with_role("target") if target else None
    parts = tuple(a for a in (src, tgt) if a is not None)
    return Roles(
        source=src,
        target=tgt,
        participants=parts,
        mediator=mediator,
        named=len(parts),
        subject=src,
    )


def _visits(
    match: Match,
    hi: int,
    actors: SentenceActors,
    sources: list[Actor],
    near: list[Actor],
    mediator: Actor | None,
    sentence: str,
    cues: Cues | None,
) -> list[Roles]:
    """ "would travel to Baku and Yerevan": one visit per host, the place its location; a trip
    to a meeting between others is that meeting (trips.py). A visit needs a visitor."""
    if not sources:
        return [Roles()]
    trip = read_trip(match, hi, actors, sources[0], near, sentence, cues)
    if trip.meeting is not None:
        m = trip.meeting
        roles = _symmetric(m.parties, mediator, named=len(m.parties))
        return [
            replace(
                roles,
                destination=m.destination,
                purpose=m.span,
                purpose_cameo=m.cameo,
                subject=sources[0],
            )
        ]
    out = [
        replace(_directed(sources[0], host, mediator), destination=place)
        for host, place in trip.hosts
    ]
    return out or [Roles()]
