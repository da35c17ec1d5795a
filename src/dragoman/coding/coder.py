"""The rule coder ("rules.v1"): one pass over an article's sentences, in order.

For each sentence: sports guard, trigger matches, status reading (dropping history, negation and
noun triggers without a cue), roles, then one Event per act. Roles come last because the sentences
whose roles need the dependency parse are gathered first and parsed in one batch (parse_batch.py);
the rest of the pass keeps text order. The article's earlier events are
remembered for three things only: a round or talks named without parties ("The first round was held
in Oman") take the parties of the last meeting reported, a negated act that an earlier sentence
reported ("no meeting took place") becomes that act, status denied, and an act that needs a source
("new sanctions on tankers carrying Iranian oil") takes the one an earlier sentence gave it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

from dragoman.coding import evidence as ev
from dragoman.coding._prefix import may_match, word_starts
from dragoman.coding.agreement_objects import with_objects
from dragoman.coding.agreement_references import (
    ArticleContext,
    with_meeting_mediators,
    with_referred_agreements,
)
from dragoman.coding.intents import refused_concession, stated_intent
from dragoman.coding.lexicon import Cues, Lexicon, Trigger, load_lexicon
from dragoman.coding.location_rules import LocationRules, load_location_rules
from dragoman.coding.mentions import PlaceAt, SentenceActors, choose_place, sentence_actors
from dragoman.coding.parse_batch import wants_parse
from dragoman.coding.parse_roles import SentenceParse, parse_sentences
from dragoman.coding.roles import Roles, assign_roles
from dragoman.coding.rules import Match, find_matches, scopes, windows, without_content
from dragoman.coding.sides import (
    distinct,
    main_states,
    meeting_mode,
    named_pair,
    with_denier,
    with_sides,
    with_source,
)
from dragoman.coding.status import Reading, StatusRules, Window, load_status_rules, read_status
from dragoman.learn import learned_reviewer
from dragoman.model import Actor, Annotations, Article, DateValue, Event, SentenceView
from dragoman.options import CodingOptions

if TYPE_CHECKING:
    from dragoman.learn.review import Reviewer

log = logging.getLogger(__name__)

__all__ = ["RuleCoder"]

_MEETING_ROLES = ("symmetric", "venue", "mediation")
_WITH_MEDIATOR = ("CONSULT", "AGREE", "SUPPORT")
_INHERITING = ("CONSULT", "SUPPORT")  # meetings, and signings (057) at them


@dataclass(slots=True)
class _ArticleState:
    article: Article
    published: str | None
    published_year: int | None
    last_parties: tuple[Actor, ...] = ()
    main_states: tuple[Actor, ...] = ()  # the two states named most: "both sides" before a meeting
    last_day: DateValue | None = None  # the day of the last act that occurred, for "later"
    # the current sentence's trigger clauses with their statuses (None: no cue, occurred)
    clauses: list[tuple[tuple[int, int], str | None]] = field(default_factory=list)
    # (event type, status, its place's words) of each act reported, for "the Geneva meeting"
    places: list[tuple[str, str, frozenset[str]]] = field(default_factory=list)
    reported: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    # (event type, target country) -> the source of the last such act ("the US Treasury")
    sources: dict[tuple[str, str | None], Actor] = field(default_factory=dict)


class _Read(NamedTuple):
    """A sentence's acts, read before roles so that the sentences to parse are known first."""

    view: SentenceView
    index: dict[str, list[int]]  # word starts (_prefix.py)
    matches: list[Match]
    wins: list[Window]
    readings: list[Reading]
    scopes: list[tuple[int, int]]
    actors: SentenceActors


class RuleCoder:
    """Explainable, deterministic coding from the patterns in data/coding/*.yaml."""

    def __init__(self, opts: CodingOptions) -> None:
        self.opts = opts
        self.lexicon_: Lexicon = load_lexicon()
        self.status_rules_: StatusRules = load_status_rules()
        self.location_rules_: LocationRules = load_location_rules()
        self.reviewer_: Reviewer | None = learned_reviewer(opts, self.lexicon_)

    def code(self, article: Article, annotations: Annotations) -> list[Event]:
        """Every event the article's sentences state, in text order."""
        published = ev.publication(article)
        state = _ArticleState(
            article=article,
            published=published,
            published_year=int(published[:4]) if published and published[:4].isdigit() else None,
            main_states=main_states(annotations.actors),
        )
        events: list[Event] = []
        views = _views(annotations)
        prepared = (self._prepare(state, view) for view in views)
        read = [r for r in prepared if r is not None]
        parses = _parses(read)  # the sentences roles.py will want parsed, in one batch
        for r in read:
            parse = parses.get(r.view.sentence.index) or SentenceParse(r.view.sentence.text)
            events.extend(self._sentence(state, r, parse))
        # agreements named by their document ("the only document from Thursday is the one on
        # missing persons"), then what each agreement is about
        context = ArticleContext(
            article=article,
            published=published,
            main_states=state.main_states,
            max_age_days=self.status_rules_.max_age_days,
        )
        events = with_referred_agreements(events, views, context, self.lexicon_.cues)
        events = with_meeting_mediators(events)
        events = with_objects(events, self.lexicon_.cues)
        return [e for e in events if e.confidence >= self.opts.min_confidence]

    def _prepare(self, state: _ArticleState, view: SentenceView) -> _Read | None:
        """A sentence's acts and actors, before roles: None when it codes nothing."""
        text = view.sentence.text
        cues = self.lexicon_.cues
        index = word_starts(text)
        if (
            cues.sports is not None
            and may_match(index, cues.sports_prefixes)
            and cues.sports.search(text)
        ):
            return None  # sports reporting: "attack", "fired a shot", "talks with the coach"
        matches = without_content(
            self.status_rules_, text, find_matches(self.lexicon_, text, index)
        )
        if self.reviewer_ is not None:  # the learned filter and disambiguator (dragoman.learn)
            matches = self.reviewer_.review(
                text,
                matches,
                actors=len(view.actors),
                countries=len({m.actor.country for m in view.actors if m.actor.country}),
            )
        if not matches:
            return None
        matches, wins, readings = self._read(state, view, matches)
        if not matches:
            return None
        actors = sentence_actors(view, cues)
        return _Read(view, index, matches, wins, readings, scopes(text, matches), actors)

    def _sentence(self, state: _ArticleState, read: _Read, parse: SentenceParse) -> list[Event]:
        view, index, matches, wins, readings, read_scopes, actors = read
        text = view.sentence.text
        cues = self.lexicon_.cues
        out: list[Event] = []
        seen: set[tuple[object, ...]] = set()
        previous: Roles | None = None
        state.clauses = [(_clause(w), r.status) for w, r in zip(wins, readings)]
        for match, win, reading, scope in zip(matches, wins, readings, read_scopes):
            clause = _clause(win)
            place = choose_place(
                actors,
                clause,
                match.start,
                venue_fallback=match.trigger.event_type
                in self.location_rules_.venue_fallback_types,
            )
            cut = _cut(reading)
            for roles in assign_roles(
                match,
                scope,
                clause,
                actors,
                sentence=text,
                location_country=place.place.country if place else None,
                cut=cut,
                previous=previous,
                speaker_is_actor=match.trigger.event_type in self.status_rules_.verbal_types,
                cues=cues,
                parse=parse,
            ):
                event = self._event(
                    state, view, actors, match, win, reading, scope, roles, place, index
                )
                if event is None:
                    continue
                key = (
                    event.event_type,
                    event.status,
                    event.source.country if event.source else None,
                    event.target.country if event.target else None,
                    frozenset(a.country for a in event.participants),
                )
                if key in seen:
                    continue
                seen.add(key)
                out.append(event)
                # "X and Y signed a protocol ..., the result of talks that held their second
                # round in ...": a later meeting of the sentence with no party takes theirs
                self._remember_parties(state, event)
                previous = Roles(
                    source=event.source,
                    target=event.target,
                    participants=event.participants,
                    named=roles.named,
                    subject=roles.subject or event.source,
                )
        out = _merge_denials(out)
        for event in out:
            self._remember(state, event)
        return out

    def _read(
        self, state: _ArticleState, view: SentenceView, matches: list[Match]
    ) -> tuple[list[Match], list[Window], list[Reading]]:
        """Drop matches that code nothing; windows widen when a neighbour is dropped."""
        text = view.sentence.text
        while True:
            wins = windows(self.status_rules_, text, matches, attributed=bool(view.attributions))
            readings = [
                read_status(
                    self.status_rules_,
                    w,
                    event_type=m.trigger.event_type,
                    noun=m.trigger.kind == "noun",
                    published_year=state.published_year,
                )
                for m, w in zip(matches, wins)
            ]
            keep = [
                i
                for i, (m, r) in enumerate(zip(matches, readings))
                if not (r.history or r.circumstantial)
                and not (m.trigger.kind == "noun" and r.status is None and not r.negated)
            ]
            if len(keep) == len(matches):
                return matches, wins, readings
            matches = [matches[i] for i in keep]

    def _event(
        self,
        state: _ArticleState,
        view: SentenceView,
        actors: SentenceActors,
        match: Match,
        win: Window,
        reading: Reading,
        scope: tuple[int, int],
        roles: Roles,
        place: PlaceAt | None,
        index: dict[str, list[int]],
    ) -> Event | None:
        trig = match.trigger
        cues = self.lexicon_.cues
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
            found, inherited = self._inherit(state, trig, status)
            if not found.participants:
                return None
            roles = replace(
                roles, source=found.source, target=found.target, participants=found.participants
            )
        if not roles.named and self._told_before(state, match, win, status or "occurred"):
            return None  # "The rally came three days before ...": the rally told before
        if status == "denied":
            roles = with_denier(roles, actors, reading.cue_start)
        roles = distinct(roles)
        if trig.event_type in cues.source_required and roles.source is None:
            found = _earlier_source(state, trig.event_type, roles.target)
            if found is None:
                return None  # "new sanctions on Iranian oil", with nobody imposing them
            roles, inherited = with_source(roles, found), True
        if len(roles.participants) == 1 and trig.roles in _MEETING_ROLES:
            roles = self._complete(state, trig, roles)
        countries = frozenset(a.country for a in roles.participants if a.country)
        if (
            trig.event_type in _INHERITING
            and trig.roles in _MEETING_ROLES
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
                refusal = refused_concession(cues.intents, cameo=trig.cameo, before=win.before)
                if refusal is None:
                    log.debug("negated, not coded: %r", match.text)
                    return None
        if (
            (trig.event_type in self.lexicon_.ontology.requires_recipient or trig.needs_target)
            and roles.target is None
            and len(roles.participants) < 2
        ):
            return None
        default = status is None
        status = status or "occurred"
        clause = _clause(win)
        verbal = trig.event_type in self.status_rules_.verbal_types
        # a trip's meeting is dated and numbered from its own words ("at Tuesday's talks")
        own = roles.purpose or clause
        date, stated = ev.choose_date(
            view,
            window=own,
            scope=scope,
            anchor=own[0] if roles.purpose else match.start,
            status=status,
            published=state.published,
            rules=self.status_rules_,
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
            and self.status_rules_.sequel.search(win.before)
        ):
            date = state.last_day  # "people later gathered": the day told before
        if stated and status in ("planned", "hypothetical") and ev.is_past(date, state.published):
            # "confirmed on Tuesday that it would host the round": when it was said
            date, stated = ev.default_date(status, state.published), False
        if stated and ev.is_old(date, state.published, self.status_rules_.max_age_days):
            return None
        if default and stated and not verbal and ev.is_future(date, state.published):
            status = "planned"
        location = ev.venue_place(place, roles, event_type=trig.event_type)
        mediator = roles.mediator if trig.event_type in _WITH_MEDIATOR else None
        mode, cameo, participants = trig.mode, trig.cameo, roles.participants
        intent = refusal or (
            None
            if verbal
            else stated_intent(
                cues.intents, cameo=cameo, status=status, before=win.before, after=win.after
            )
        )
        intent_type: str | None = None  # the PLOVER type of a stated promise, threat or refusal
        if intent is not None:  # "will provide food aid": the promise, made when it was said
            code = self.lexicon_.ontology.cameo[intent]
            mode, cameo, status = code.plover_mode, intent, "occurred"
            intent_type = code.plover_type
            date = ev.default_date(status, state.published)
        meeting = trig.event_type == "CONSULT" and trig.roles in _MEETING_ROLES and mode is None
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
                state.article, view, cameo, roles.source, roles.target, participants, match.start
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
                    state.article, view, denier_at=reading.cue_start if status == "denied" else None
                ),
            ),
            evidence=(ev.make_evidence(state.article, view),),
            confidence=ev.confidence(cues, final, noun=noun, status=status, inherited=inherited),
            trigger=match.text,
        )

    def _told_before(self, state: _ArticleState, match: Match, win: Window, status: str) -> bool:
        """A trigger after a definite article ("the rally", "the Geneva meeting") for an act of a
        type and status the article already reported, at the same place when it names one: that
        act again, not a new one. "The Washington round" after a round in Abu Dhabi, "the third
        round", and "the round could be held in June" after its postponement are other acts."""
        m = self.status_rules_.anaphora.search(win.before)
        if m is None or self.lexicon_.cues.rounds.search(match.text):
            return False
        named = (m.group("place") or "").lower()
        return any(
            (kind, was) == (match.trigger.event_type, status) and (not named or named in words)
            for kind, was, words in state.places
        )

    @staticmethod
    def _inherit(state: _ArticleState, trig: Trigger, status: str | None) -> tuple[Roles, bool]:
        """Parties for a meeting or a signing whose sentence names none: those of the last
        meeting the article reported ("The first round was held in Oman"). A hypothetical one
        takes them only when it names a known process's meeting ("the round could be held")."""
        if (
            trig.event_type in _INHERITING
            and trig.roles in _MEETING_ROLES
            and state.last_parties
            and status != "denied"
            and (status != "hypothetical" or trig.anaphoric)
        ):
            return Roles(participants=state.last_parties), True
        return Roles(), False

    @staticmethod
    def _complete(state: _ArticleState, trig: Trigger, roles: Roles) -> Roles:
        """A meeting needs two sides. With one named, the last meeting's parties stand in when
        they include it ("Armenia held talks"), or when the trigger names a known process's
        meeting ("The Washington round had ended ..., and officials ... for Abu Dhabi")."""
        if trig.event_type not in _INHERITING or not state.last_parties:
            return roles
        (one,) = {a.country for a in roles.participants}
        if trig.anaphoric or one in {a.country for a in state.last_parties}:
            return replace(roles, participants=state.last_parties)
        (alone,) = roles.participants[:1]
        if alone.kind == "igo" and trig.event_type == "CONSULT" and roles.mediator is None:
            # "the understanding reached at Thursday's meeting with the EU's envoy": an
            # organisation alone at the process's meeting chairs it
            mediator = alone.with_role("mediator")
            return replace(roles, participants=state.last_parties, mediator=mediator)
        return roles

    @staticmethod
    def _remember(state: _ArticleState, event: Event) -> None:
        countries = frozenset(a.country for a in event.participants if a.country)
        state.reported.append((event.event_type, countries))
        where = event.location
        names = f"{where.text} {where.name}".lower().split() if where is not None else []
        state.places.append((event.event_type, event.status, frozenset(names)))
        if event.source is not None and event.target is not None:
            state.sources[(event.event_type, event.target.country)] = event.source
        RuleCoder._remember_parties(state, event)
        day = event.date
        # a day the text gave, not the page's
        if (
            event.status == "occurred"
            and day is not None
            and day.precision == "day"
            and day.source != "publication"
        ):
            state.last_day = day

    @staticmethod
    def _remember_parties(state: _ArticleState, event: Event) -> None:
        """A meeting or signing between two sides: the parties a later one without any takes."""
        countries = {a.country for a in event.participants if a.country}
        if (
            event.event_type in _WITH_MEDIATOR
            and event.source is None
            and len(countries) >= 2
            and event.status != "hypothetical"
        ):
            state.last_parties = tuple(a.with_role("party") for a in event.participants)


def _parses(read: list[_Read]) -> dict[int, SentenceParse]:
    """The parses roles.py will read, by sentence index, made in one batch (parse_batch.py)."""
    wanted = [
        r.view.sentence
        for r in read
        if wants_parse(
            r.view.sentence.text,
            (
                (m, scope, _clause(w), _cut(reading))
                for m, w, reading, scope in zip(r.matches, r.wins, r.readings, r.scopes)
            ),
            r.actors,
        )
    ]
    parses = parse_sentences([s.text for s in wanted])
    return {s.index: parse for s, parse in zip(wanted, parses)}


def _cut(reading: Reading) -> int | None:
    """Where a cancellation cue starts: the actors before it called the act off (roles.py)."""
    return reading.cue_start if reading.status in ("cancelled", "postponed") else None


def _clause(win: Window) -> tuple[int, int]:
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


def _earlier_source(state: _ArticleState, event_type: str, target: Actor | None) -> Actor | None:
    """The source an earlier sentence gave the same act on the same recipient."""
    if target is None:
        return None
    return state.sources.get((event_type, target.country))


def _merge_denials(events: list[Event]) -> list[Event]:
    """ "X reported that A and B had met; B dismissed the report, saying no such meeting took
    place": one event, the one reported, status denied, with the denying party added."""
    out: list[Event] = []
    for event in events:
        earlier = next(
            (
                e
                for e in out
                if event.status == "denied"
                and e.event_type == event.event_type
                and e.status != "denied"
            ),
            None,
        )
        if earlier is None:
            out.append(event)
            continue
        known = {(a.country, a.sector) for a in earlier.participants}
        added = tuple(a for a in event.participants if (a.country, a.sector) not in known)
        merged = replace(
            earlier,
            status="denied",
            participants=earlier.participants + added,
            evidence=earlier.evidence,
            confidence=min(earlier.confidence, event.confidence),
        )
        out[out.index(earlier)] = merged
    return out


def _views(annotations: Annotations) -> list[SentenceView]:
    """Annotations.in_sentence for every sentence, grouped in one pass instead of one per sentence."""
    groups: dict[int, tuple[list, list, list, list]] = {
        s.index: ([], [], [], []) for s in annotations.sentences
    }
    for slot, mentions in enumerate(
        (annotations.actors, annotations.places, annotations.dates, annotations.attributions)
    ):
        for m in mentions:
            if m.sentence in groups:
                groups[m.sentence][slot].append(m)
    return [
        SentenceView(
            sentence=s,
            actors=tuple(groups[s.index][0]),
            places=tuple(groups[s.index][1]),
            dates=tuple(groups[s.index][2]),
            attributions=tuple(groups[s.index][3]),
        )
        for s in annotations.sentences
    ]
