"""What the rule coder remembers of an article's earlier sentences, and how a sentence uses it.

Three things only: a round or talks named without parties ("The first round was held in Oman")
take the parties of the last meeting reported, a negated act that an earlier sentence reported
("no meeting took place") becomes that act, status denied, and an act that needs a source ("new
sanctions on tankers carrying Iranian oil") takes the one an earlier sentence gave it. Also the
day of the last act that occurred ("people later gathered") and the places of the acts reported
("the Geneva meeting" again).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from dragoman.coding.lexicon import Cues, Trigger
from dragoman.coding.roles import Roles
from dragoman.coding.rules import Match
from dragoman.coding.status import StatusRules, Window
from dragoman.model import Actor, Article, DateValue, Event

__all__ = [
    "INHERITING",
    "MEETING_ROLES",
    "WITH_MEDIATOR",
    "ArticleState",
    "complete",
    "earlier_source",
    "inherit",
    "remember",
    "remember_parties",
    "told_before",
]

MEETING_ROLES = ("symmetric", "venue", "mediation")
WITH_MEDIATOR = ("CONSULT", "AGREE", "SUPPORT")
INHERITING = ("CONSULT", "SUPPORT")  # meetings, and signings (057) at them


@dataclass(slots=True)
class ArticleState:
    """One article's pass: its page date, and what its sentences so far reported."""

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


def told_before(
    state: ArticleState, match: Match, win: Window, status: str, *, rules: StatusRules, cues: Cues
) -> bool:
    """A trigger after a definite article ("the rally", "the Geneva meeting") for an act of a
    type and status the article already reported, at the same place when it names one: that
    act again, not a new one. "The Washington round" after a round in Abu Dhabi, "the third
    round", and "the round could be held in June" after its postponement are other acts."""
    m = rules.anaphora.search(win.before)
    if m is None or cues.rounds.search(match.text):
        return False
    named = (m.group("place") or "").lower()
    return any(
        (kind, was) == (match.trigger.event_type, status) and (not named or named in words)
        for kind, was, words in state.places
    )


def inherit(state: ArticleState, trig: Trigger, status: str | None) -> tuple[Roles, bool]:
    """Parties for a meeting or a signing whose sentence names none: those of the last
    meeting the article reported ("The first round was held in Oman"). A hypothetical one
    takes them only when it names a known process's meeting ("the round could be held")."""
    if (
        trig.event_type in INHERITING
        and trig.roles in MEETING_ROLES
        and state.last_parties
        and status != "denied"
        and (status != "hypothetical" or trig.anaphoric)
    ):
        return Roles(participants=state.last_parties), True
    return Roles(), False


def complete(state: ArticleState, trig: Trigger, roles: Roles) -> Roles:
    """A meeting needs two sides. With one named, the last meeting's parties stand in when
    they include it ("Armenia held talks"), or when the trigger names a known process's
    meeting ("The Washington round had ended ..., and officials ... for Abu Dhabi")."""
    if trig.event_type not in INHERITING or not state.last_parties:
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


def remember(state: ArticleState, event: Event) -> None:
    """Keep what a later sentence may take from ``event``: its type and sides, place, source,
    parties and day."""
    countries = frozenset(a.country for a in event.participants if a.country)
    state.reported.append((event.event_type, countries))
    where = event.location
    names = f"{where.text} {where.name}".lower().split() if where is not None else []
    state.places.append((event.event_type, event.status, frozenset(names)))
    if event.source is not None and event.target is not None:
        state.sources[(event.event_type, event.target.country)] = event.source
    remember_parties(state, event)
    day = event.date
    # a day the text gave, not the page's
    if (
        event.status == "occurred"
        and day is not None
        and day.precision == "day"
        and day.source != "publication"
    ):
        state.last_day = day


def remember_parties(state: ArticleState, event: Event) -> None:
    """A meeting or signing between two sides: the parties a later one without any takes."""
    countries = {a.country for a in event.participants if a.country}
    if (
        event.event_type in WITH_MEDIATOR
        and event.source is None
        and len(countries) >= 2
        and event.status != "hypothetical"
    ):
        state.last_parties = tuple(a.with_role("party") for a in event.participants)


def earlier_source(state: ArticleState, event_type: str, target: Actor | None) -> Actor | None:
    """The source an earlier sentence gave the same act on the same recipient."""
    if target is None:
        return None
    return state.sources.get((event_type, target.country))
