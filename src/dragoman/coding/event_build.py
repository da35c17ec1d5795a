"""One Event from one trigger match of a sentence, with its roles: the rule coder's last step.

Sides completed from the article's memory (article_memory.py), then status (a negated act told
before is denied; a refused concession is an intent), date (ev.choose_date), place, mediator,
a stated promise or threat, a meeting's mode, and the evidence and confidence (evidence.py).
None when the match codes nothing: no parties, told before, too old, no recipient.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from dragoman.coding import evidence as ev
from dragoman.coding.article_memory import (
    INHERITING,
    MEETING_ROLES,
    WITH_MEDIATOR,
    ArticleState,
    complete,
    earlier_source,
    inherit,
    told_before,
)
from dragoman.coding.countryless import has_countryless, in_context
from dragoman.coding.intents import refused_concession, stated_intent
from dragoman.coding.interceptions import is_interception
from dragoman.coding.lexicon import Cues, Lexicon, Trigger
from dragoman.coding.mentions import PlaceAt, SentenceActors
from dragoman.coding.roles import Roles
from dragoman.coding.rules import Match
from dragoman.coding.sides import (
    denies_directness,
    distinct,
    meeting_mode,
    named_pair,
    with_denier,
    with_sides,
    with_source,
)
from dragoman.coding.status import Reading, StatusRules, Window
from dragoman.model import Actor, DateValue, Event, SentenceView

log = logging.getLogger(__name__)

__all__ = ["build_event", "clause_span"]


def build_event(
    state: ArticleState,
    view: SentenceView,
    actors: SentenceActors,
    match: Match,
    win: Window,
    reading: Reading,
    scope: tuple[int, int],
    roles: Roles,
    place: PlaceAt | None,
    index: dict[str, list[int]],
    *,
    lexicon: Lexicon,
    rules: StatusRules,
) -> Event | None:
    """The Event ``match`` states with ``roles``, or None when it codes nothing."""
    trig = match.trigger
    cues = lexicon.cues
    if is_interception(view.sentence.text, (match.start, match.end), trig.event_type):
        return None  # "air defences shot down most of the drones": the launcher's attack
    status = reading.status
    inherited = False
    pair = named_pair(cues.sides, view.sentence.text, scope)
    sides = state.last_parties or state.main_states
    recipients = _pair_receives(trig, pair, match.start)
    if recipients is not None and len({a.country for a in sides}) >= 2:
        roles = with_sides(roles, sides, recipients=recipients)
    elif _names_told_act(cues, match, roles, sides, view.sentence.text):
        roles = with_sides(roles, sides, recipients=True)
    if not roles.participants:
        found, inherited = inherit(state, trig, status)
        if not found.participants:
            return None
        roles = replace(
            roles, source=found.source, target=found.target, participants=found.participants
        )
    if not roles.named and told_before(
        state, match, win, status or "occurred", rules=rules, cues=cues
    ):
        return None  # "The rally came three days before ...": the rally told before
    if status == "denied":
        roles = with_denier(roles, actors, reading.cue_start)
    roles = distinct(roles)
    if trig.event_type in cues.source_required and roles.source is None:
        found = earlier_source(state, trig.event_type, roles.target)
        if found is None:
            return None  # "new sanctions on Iranian oil", with nobody imposing them
        roles, inherited = with_source(roles, found), True
    if len(roles.participants) == 1 and trig.roles in MEETING_ROLES:
        roles = complete(state, trig, roles)
    countries = frozenset(a.country for a in roles.participants if a.country)
    if (
        trig.event_type in INHERITING
        and trig.roles in MEETING_ROLES
        and len(roles.participants) < 2
        and status != "denied"
    ):
        return None  # a meeting or a signing has two sides; a denial may name one
    refusal = None  # "will not lift the sanctions": the refusal of that concession
    if reading.negated and status not in ("cancelled", "postponed", "denied"):
        prior = any(t == trig.event_type and c & countries for t, c in state.reported)
        if prior and roles.named:
            status = "denied"
        else:
            refusal = _refusal(cues, trig, win)
            if refusal is None:
                log.debug("negated, not coded: %r", match.text)
                return None
    if (
        (trig.event_type in lexicon.ontology.requires_recipient or trig.needs_target)
        and roles.target is None
        and len(roles.participants) < 2
    ):
        return None
    default = status is None
    status = status or "occurred"
    clause = clause_span(win)
    verbal = trig.event_type in rules.verbal_types
    # a trip's meeting is dated and numbered from its own words ("at Tuesday's talks")
    own = roles.purpose or clause
    date, stated = ev.choose_date(
        view,
        window=own,
        scope=scope,
        anchor=_date_anchor(
            own, match.start, purpose=roles.purpose is not None, held_at=reading.held_at
        ),
        status=status,
        published=state.published,
        rules=rules,
        strict=verbal or reading.subordinate or roles.purpose is not None,
        verbal=verbal,
        # "The rally came three days before the two sides are due to meet on Tuesday": the
        # plan's date is not the rally's
        foreign=[c for c, st in state.clauses if c != clause and (st or "occurred") != status],
    )
    if (
        not stated
        and status == "occurred"
        and state.last_day is not None
        and rules.sequel.search(win.before)
    ):
        date = state.last_day  # "people later gathered": the day told before
    if stated and status in ("planned", "hypothetical") and ev.is_past(date, state.published):
        # "confirmed on Tuesday that it would host the round": when it was said
        date, stated = ev.default_date(status, state.published), False
    if stated and ev.is_old(date, state.published, rules.max_age_days):
        return None
    mode_denied = (
        status == "denied"
        and trig.event_type == "CONSULT"
        and denies_directness(view.sentence.text, clause)
    )
    if mode_denied:
        # "denied ... had met US officials face to face during the first round": the round was
        # held, through the mediator; with no day or round of its own the sentence tells only the
        # mode ("no direct meeting had taken place there") (data/coding/contact_modes.yaml)
        if not stated and ev.round_number(cues, view.sentence.text, own) is None:
            return None
        status = "occurred"
    if default and stated and not verbal and ev.is_future(date, state.published):
        status = "planned"
    if has_countryless(roles) and place is None:
        roles, date = _in_setting(state, roles, actors, trig.event_type, status, date, stated)
    location = ev.venue_place(place, roles, event_type=trig.event_type)
    mediator = roles.mediator if trig.event_type in WITH_MEDIATOR else None
    mode, cameo, participants = trig.mode, trig.cameo, roles.participants
    # an act CAMEO has no code for has no intent code either: "will resign" stays a planned
    # RETREAT, the office holder's own announced decision (export/__init__.py, decision 18)
    intent = refusal or (
        None
        if verbal or cameo is None
        else stated_intent(
            cues.intents, cameo=cameo, status=status, before=win.before, after=win.after
        )
    )
    intent_type: str | None = None  # the PLOVER type of a stated promise, threat or refusal
    if intent is not None:  # "will provide food aid": the promise, made when it was said
        code = lexicon.ontology.cameo[intent]
        mode, cameo, status = code.plover_mode, intent, "occurred"
        intent_type = code.plover_type
        date = ev.default_date(status, state.published)
    meeting = trig.event_type == "CONSULT" and trig.roles in MEETING_ROLES and mode is None
    if roles.purpose_cameo is not None:  # a trip to a meeting between others: the meeting
        meeting, mode, cameo = True, None, roles.purpose_cameo
    if meeting:
        mode, cameo, participants = meeting_mode(cameo, participants, mediator, location)
    noun = trig.kind == "noun"
    final = Roles(
        source=roles.source,
        target=roles.target,
        participants=participants,
        mediator=mediator,
        implied=roles.implied,
        named=roles.named,
    )
    return Event(
        id=ev.event_id(
            state.article,
            view,
            cameo or f"{trig.event_type}/{mode}",
            roles.source,
            roles.target,
            participants,
            match.start,
        ),
        event_type=intent_type or _joint_type(cues, match, cameo, countries, actors),
        cameo=cameo,
        status=status,
        mode=mode,
        context=trig.context,
        source=roles.source,
        target=roles.target,
        participants=participants,
        mediator=mediator,
        location=location,
        date=date,
        round=ev.round_number(cues, view.sentence.text, own)
        if trig.event_type == "CONSULT"
        else None,
        topics=ev.topics(cues, view.sentence.text[scope[0] : scope[1]], index),
        sources=(
            ev.make_source(
                state.article,
                view,
                # the one who denies is a party, not a cited source (also of a mode denied)
                denier_at=reading.cue_start if status == "denied" or mode_denied else None,
            ),
        ),
        evidence=(ev.make_evidence(state.article, view),),
        # a meeting the text only presupposes ("denied ... had met face to face") is the least
        # sure report of it: one that says it was held leads its occurrence (fuse/merger.py)
        confidence=cues.confidence.get("floor", 0.3)
        if mode_denied
        else ev.confidence(cues, final, noun=noun, status=status, inherited=inherited),
        trigger=match.text,
    )


def _refusal(cues: Cues, trig: Trigger, win: Window) -> str | None:
    """The REJECT code of a concession the party says it will not make, or None (also for an act
    CAMEO has no code for: "will not resign" codes nothing, "refused to resign" is REJECT 1231)."""
    if trig.cameo is None:
        return None
    return refused_concession(cues.intents, cameo=trig.cameo, before=win.before)


def _in_setting(
    state: ArticleState,
    roles: Roles,
    actors: SentenceActors,
    event_type: str,
    status: str,
    date: DateValue,
    stated: bool,
) -> tuple[Roles, DateValue]:
    """Groups named by sector alone in an act with no place of its own, with the country the
    context gives them (countryless.in_context): a speaker's of their sector, else the act of
    the same type the article has just told when this one has no day of its own, which is that
    act told in detail ("... rallied in central Tehran on Saturday. ... Videos showed crowds
    chanting slogans", so it takes that act's day too and fusion reads one rally), else the
    dateline of the sentence that opens with it ("KANO — Gunmen killed five villagers")."""
    setting = None
    told = state.reported[-1] if state.reported and state.places else None
    if (
        told is not None
        and not stated
        and status == "occurred"
        and told[0] == event_type
        and len(told[1]) == 1
        and state.places[-1][:2] == (event_type, "occurred")
    ):
        (setting,) = told[1]
        date = state.last_day or date
    setting = setting or _dateline_country(actors)
    speakers = [m.actor for m in actors.speakers]
    return in_context(roles, speakers=speakers, setting=setting), date


# "KANO — ", "GAZA CITY, 12 May (Reuters) - ": a place in capitals opening the sentence
_DATELINE = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:[—–-]{1,2}|,)")


def _date_anchor(own: tuple[int, int], start: int, *, purpose: bool, held_at: int | None) -> int:
    """Where the act's date is looked for nearest: a trip's purpose clause from its start, a
    meeting named with its own participle ("follows a round held on 6 February") at "held",
    any other act at its trigger."""
    if purpose:
        return own[0]
    return start if held_at is None else held_at


def _dateline_country(actors: SentenceActors) -> str | None:
    """The country of the sentence's dateline, when it opens with one."""
    text = actors.view.sentence.text if actors.view is not None else ""
    first = actors.places[0] if actors.places else None
    if first is None or text[: first.start].strip() or not first.place.country:
        return None
    name = text[first.start : first.end]
    if not name.isupper() or not _DATELINE.match(text, first.end):
        return None
    return first.place.country


def clause_span(win: Window) -> tuple[int, int]:
    """The sentence span of a trigger's clause."""
    return win.before_start, win.before_start + len(win.before) + len(win.trigger) + len(win.after)


def _joint_type(
    cues: Cues, match: Match, cameo: str, countries: frozenset[str], actors: SentenceActors
) -> str:
    """The act's PLOVER type: a signing by two sides together is AGREE (cues.yaml
    between_parties). The signers are the parties named before the verb or after "by", or
    carried over from an earlier sentence; a country named after it ("signed the EU declaration
    backing Ukraine") owns or is the subject of the document, and does not sign it."""
    trig = match.trigger
    if trig.roles != "symmetric" or cameo not in cues.between_parties:
        return trig.event_type
    text = actors.view.sentence.text if actors.view is not None else ""
    signer: set[str | None] = set()
    other: set[str | None] = set()
    last_signer = -1  # end of the last signer named: "by Armenia and Azerbaijan" lists two
    for m in actors.principals:  # offsets in the sentence, as the match's
        by = text[max(0, m.start - 4) : m.start].strip().lower() == "by"
        listed = last_signer >= 0 and text[last_signer : m.start].strip(" ,") in ("", "and")
        if m.start < match.start or by or listed:
            signer.add(m.actor.country)
            last_signer = m.end
        else:
            other.add(m.actor.country)
    if len(countries - (other - signer)) >= 2:
        return cues.between_parties[cameo]
    return trig.event_type


def _pair_receives(trig: Trigger, pair: int | None, at: int) -> bool | None:
    """How "both sides" at ``pair`` joins the act at ``at``: as the recipients of a directed
    act after its verb ("called on both sides") or of a passive one before it, as the parties
    of a meeting or joint act before it ("the two sides had reached"); None: not at all ("the
    talks could run on if the two sides ...", "a message ... before the two countries resume")."""
    if pair is None:
        return None
    if trig.roles == "directed" and pair > at or trig.roles == "passive" and pair < at:
        return True
    if trig.roles in ("symmetric", "mediation", "venue") and pair < at:
        return False
    return None


def _names_told_act(
    cues: Cues, match: Match, roles: Roles, sides: tuple[Actor, ...], text: str
) -> bool:
    """A directed act with a source and no recipient, about an act of the two sides told before:
    "Azerbaijan had renewed that demand" (the other side receives it), "the State Department
    welcomed the signing" (both sides do)."""
    if match.trigger.roles != "directed" or roles.source is None or roles.target is not None:
        return False
    countries = {a.country for a in sides}
    if len(countries) != 2:
        return False
    if cues.act_object is not None and cues.act_object.match(text, match.end):
        return True
    return (
        cues.object_anaphor is not None
        and cues.object_anaphor.search(match.text) is not None
        and roles.source.country in countries
    )
