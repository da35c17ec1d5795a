"""The rule coder ("rules.v1"): one pass over an article's sentences, in order.

For each sentence: sports guard, trigger matches, status reading (dropping history, negation and
noun triggers without a cue), roles, then one Event per act. Roles come last because the sentences
whose roles need the dependency parse are gathered first and parsed in one batch (parse_batch.py);
the rest of the pass keeps text order. Each act becomes an Event in event_build.py; what the
article's earlier events leave for later sentences is kept in article_memory.py.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from dragoman.coding import evidence as ev
from dragoman.coding._prefix import may_match, word_starts
from dragoman.coding.agenda import with_agenda
from dragoman.coding.agreement_objects import with_objects
from dragoman.coding.agreement_references import (
    ArticleContext,
    with_meeting_mediators,
    with_referred_agreements,
)
from dragoman.coding.article_memory import ArticleState, remember, remember_parties
from dragoman.coding.event_build import build_event, clause_span
from dragoman.coding.lexicon import Lexicon, load_lexicon
from dragoman.coding.location_rules import LocationRules, load_location_rules
from dragoman.coding.meeting_references import with_meetings_told_again
from dragoman.coding.mentions import SentenceActors, choose_place, sentence_actors
from dragoman.coding.parse_batch import wants_parse
from dragoman.coding.parse_roles import SentenceParse, parse_sentences
from dragoman.coding.roles import Roles, assign_roles
from dragoman.coding.rules import Match, find_matches, scopes, windows, without_content
from dragoman.coding.sides import main_states
from dragoman.coding.status import Reading, StatusRules, Window, load_status_rules, read_status
from dragoman.learn import learned_reviewer
from dragoman.model import Annotations, Article, Event, SentenceView
from dragoman.options import CodingOptions

if TYPE_CHECKING:
    from dragoman.learn.review import Reviewer

log = logging.getLogger(__name__)

__all__ = ["RuleCoder"]


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
        state = ArticleState(
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
        events = with_meetings_told_again(events)  # "whose government hosted the talks"
        events = with_objects(events, self.lexicon_.cues)
        events = with_agenda(events, views, self.lexicon_.cues)  # "talks focused on sanctions"
        return [e for e in events if e.confidence >= self.opts.min_confidence]

    def _prepare(self, state: ArticleState, view: SentenceView) -> _Read | None:
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

    def _sentence(self, state: ArticleState, read: _Read, parse: SentenceParse) -> list[Event]:
        view, index, matches, wins, readings, read_scopes, actors = read
        text = view.sentence.text
        cues = self.lexicon_.cues
        out: list[Event] = []
        seen: set[tuple[object, ...]] = set()
        previous: Roles | None = None
        state.clauses = [(clause_span(w), r.status) for w, r in zip(wins, readings)]
        for match, win, reading, scope in zip(matches, wins, readings, read_scopes):
            clause = clause_span(win)
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
                event = build_event(
                    state,
                    view,
                    actors,
                    match,
                    win,
                    reading,
                    scope,
                    roles,
                    place,
                    index,
                    lexicon=self.lexicon_,
                    rules=self.status_rules_,
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
                remember_parties(state, event)
                previous = Roles(
                    source=event.source,
                    target=event.target,
                    participants=event.participants,
                    named=roles.named,
                    subject=roles.subject or event.source,
                )
        out = _merge_denials(out)
        for event in out:
            remember(state, event)
        return out

    def _read(
        self, state: ArticleState, view: SentenceView, matches: list[Match]
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


def _parses(read: list[_Read]) -> dict[int, SentenceParse]:
    """The parses roles.py will read, by sentence index, made in one batch (parse_batch.py)."""
    wanted = [
        r.view.sentence
        for r in read
        if wants_parse(
            r.view.sentence.text,
            (
                (m, scope, clause_span(w), _cut(reading))
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
