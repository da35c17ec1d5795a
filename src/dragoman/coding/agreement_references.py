"""Agreements named by the document they produced, read once the whole article is coded.

A sentence can report an agreement without any agreement trigger, by naming its document, its day
and its subject:

    "No such agreement was reached in Brussels, and nothing was signed," Kosovo's chief negotiator
    wrote. "The only document from Thursday is the one on missing persons."

The second sentence says that an agreement on missing persons was reached on Thursday. It is coded
AGREE, occurred, on the day its words give, between the parties of the article's meeting (the
last meeting or signing between two sides before it, else the two states the article names most,
as for "both sides"), with the topics its words name, so that fusion can join it to the other
reports of that agreement and keep it apart from the other agreements of the meeting. When that
meeting was held on the same day, its mediator and place are the agreement's too.

Only a definite reference with a resolved recent day and a known topic codes anything; a sentence
that already codes an agreement is left to that report. Patterns in
data/coding/agreement_references.yaml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from dragoman.coding import evidence as ev
from dragoman.coding._datafile import data_path, load_mapping
from dragoman.coding._roles_record import Roles
from dragoman.coding.agreement_objects import object_rules
from dragoman.coding.lexicon import Cues
from dragoman.datafile import where
from dragoman.errors import DataFileError
from dragoman.model import Actor, Article, DateValue, Event, SentenceView

_MEETINGS = ("CONSULT", "AGREE")  # acts whose two sides are "the article's meeting"


@dataclass(frozen=True, slots=True)
class ReferenceRules:
    reference: re.Pattern[str]
    cameo: str


@functools.cache
def reference_rules(path: str | None = None) -> ReferenceRules:
    """``agreement_references.yaml`` (or the file at ``path``), checked and compiled."""
    file = Path(path) if path else data_path("agreement_references.yaml")
    data = load_mapping(file)
    documents, reference, cameo = (data.get(k) for k in ("documents", "reference", "cameo"))
    if not all(isinstance(v, str) and v for v in (documents, reference, cameo)):
        raise DataFileError(
            f"{where(file, data)}: needs `documents` and `reference` (regexes) and `cameo` (a "
            "CAMEO code); see the comments in the packaged file"
        )
    try:
        pattern = re.compile(
            str(reference).replace("{documents}", str(documents)), re.IGNORECASE | re.VERBOSE
        )
    except re.error as e:
        raise DataFileError(f"{where(file, data)}: bad regex ({e}); fix the pattern") from e
    if not {"when", "object"} <= set(pattern.groupindex):
        raise DataFileError(
            f"{where(file, data)}: `reference` needs the groups (?P<when>...) and (?P<object>...)"
        )
    return ReferenceRules(pattern, str(cameo))


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What a reference needs from the rest of the article."""

    article: Article
    published: str | None
    main_states: tuple[Actor, ...]  # the two states named most: the sides with no meeting told
    max_age_days: int  # older acts are history (status.yaml)


def with_referred_agreements(
    events: list[Event],
    views: list[SentenceView],
    context: ArticleContext,
    cues: Cues,
    rules: ReferenceRules | None = None,
) -> list[Event]:
    """``events`` (one article's, in text order) with the agreements that sentences name by their
    document added, each in its sentence's place."""
    rules = rules or reference_rules()
    agreeing = {e.evidence[0].start for e in events if e.event_type == "AGREE" and e.evidence}
    out = list(events)
    for view in views:
        if view.sentence.start in agreeing:
            continue
        earlier = [e for e in out if e.evidence and e.evidence[0].start < view.sentence.start]
        event = _referred(view, earlier, context, cues, rules)
        if event is not None:
            out.insert(len(earlier), event)
    return out


def with_meeting_mediators(events: list[Event]) -> list[Event]:
    """An agreement with no mediator reached at a meeting its sentence reports on the same day,
    between the same parties, with a mediator: that meeting's mediator ("the two sides had reached
    the understanding at Thursday's meeting with the EU's envoy": the envoy chaired it)."""
    out = list(events)
    for i, event in enumerate(out):
        if event.event_type != "AGREE" or event.mediator is not None or not event.evidence:
            continue
        meeting = next((e for e in out if _chaired_same_meeting(event, e)), None)
        if meeting is not None:
            out[i] = replace(event, mediator=meeting.mediator)
    return out


def _chaired_same_meeting(agreement: Event, other: Event) -> bool:
    return (
        other.event_type == "CONSULT"
        and other.mediator is not None
        and other.status == agreement.status
        and bool(other.evidence)
        and other.evidence[0].start == agreement.evidence[0].start
        and other.date is not None
        and agreement.date is not None
        and other.date.start == agreement.date.start
        and _sides(other) == _sides(agreement)
    )


def _sides(event: Event) -> frozenset[str]:
    return frozenset(a.country or a.name for a in event.participants if a.role != "mediator")


def _referred(
    view: SentenceView,
    earlier: list[Event],
    context: ArticleContext,
    cues: Cues,
    rules: ReferenceRules,
) -> Event | None:
    text = view.sentence.text
    m = rules.reference.search(text)
    if m is None:
        return None
    day = _day(view, m.span("when"), context)
    topics = ev.topics(cues, _clause(m.group("object")))
    if day is None or not topics or _told(earlier, day, topics):
        return None
    meeting = _meeting(earlier)
    parties = meeting.participants if meeting else context.main_states
    if len({a.country for a in parties if a.country}) < 2:
        return None
    parties = tuple(a.with_role("party") for a in parties if a.role not in ("mediator",))
    same_day = meeting is not None and meeting.date is not None and meeting.date.start == day.start
    mediator = meeting.mediator if same_day and meeting else None
    roles = Roles(participants=parties, mediator=mediator)
    return Event(
        id=ev.event_id(context.article, view, rules.cameo, None, None, parties, m.start()),
        event_type="AGREE",
        cameo=rules.cameo,
        status="occurred",
        participants=parties,
        mediator=mediator,
        location=meeting.location if same_day and meeting else None,
        date=day,
        topics=topics,
        sources=(ev.make_source(context.article, view),),
        evidence=(ev.make_evidence(context.article, view),),
        confidence=ev.confidence(cues, roles, noun=True, status="occurred", inherited=True),
        trigger=m.group(0)[: m.start("object") - m.start()].strip(),
    )


def _day(view: SentenceView, when: tuple[int, int], context: ArticleContext) -> DateValue | None:
    """The resolved date inside the reference's day words: a recent one, not after publication."""
    base = view.sentence.start
    for d in view.dates:
        if when[0] <= d.start - base and d.end - base <= when[1]:
            value = d.value
            if value.start is None or value.precision not in ("day", "week"):
                return None
            if ev.is_future(value, context.published) or ev.is_old(
                value, context.published, context.max_age_days
            ):
                return None
            return value
    return None


def _clause(text: str) -> str:
    """The object's words up to the end of their clause ("missing persons, he said"), where an
    agreement's object ends (agreement_objects.yaml `clause_end`)."""
    end = object_rules().clause_end.search(text)
    return text[: end.start()] if end else text


def _told(events: list[Event], day: DateValue, topics: tuple[str, ...]) -> bool:
    """Whether an earlier sentence reported that agreement: "signed a protocol on border
    delimitation on Tuesday. The protocol signed on Tuesday settles the border ..." is one act."""
    return any(
        e.event_type == "AGREE"
        and e.date is not None
        and e.date.start == day.start
        and set(e.topics) & set(topics)
        for e in events
    )


def _meeting(events: list[Event]) -> Event | None:
    """The last joint meeting or agreement between two sides told before, not a hypothesis."""
    for e in reversed(events):
        countries = {a.country for a in e.participants if a.country and a.role != "mediator"}
        if (
            e.event_type in _MEETINGS
            and e.source is None
            and len(countries) >= 2
            and e.status not in ("hypothetical", "denied")
        ):
            return e
    return None
