"""Event assembly: date, location, round, topics, confidence, sources, evidence and a stable id.

Everything a coded event says about *where it came from* is set here, from the article and the
sentence, so that an event can always be traced back to the words that produced it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from dragoman.clean.dates import read_date_line
from dragoman.coding._datafile import data_path, load_mapping
from dragoman.coding._prefix import may_match
from dragoman.coding.lexicon import Cues
from dragoman.coding.mentions import PlaceAt
from dragoman.coding.ontology import load_ontology
from dragoman.coding.roles import Roles
from dragoman.coding.status import FUTURE, StatusRules
from dragoman.datafile import LINE, where
from dragoman.errors import DataFileError
from dragoman.model import (
    Actor,
    Article,
    DateMention,
    DateValue,
    Evidence,
    Place,
    SentenceView,
    Source,
    content_id,
)

__all__ = [
    "choose_date",
    "confidence",
    "default_date",
    "event_id",
    "home_roles",
    "is_old",
    "make_evidence",
    "make_source",
    "publication",
    "round_number",
    "topics",
    "venue_place",
]


def publication(article: Article) -> str | None:
    """The article's publication date, ISO, or None."""
    return article.published.start if article.published is not None else None


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def choose_date(
    view: SentenceView,
    *,
    window: tuple[int, int],
    scope: tuple[int, int],
    anchor: int,
    status: str,
    published: str | None,
    rules: StatusRules | None = None,
    strict: bool = False,
    verbal: bool = False,
    foreign: Sequence[tuple[int, int]] = (),
) -> tuple[DateValue, bool]:
    """The date of the act and whether the text gave it.

    The date mention nearest the trigger, inside its clause first, then its scope, then the
    sentence (with ``strict``, the clause only). Never the page's own date in a dateline
    ("YEREVAN, 15 May 2026 - ..."). A date of a verb of saying ("said on Wednesday that the round
    would be held on 19 May") dates the statement: a ``verbal`` act (a demand, an accusation) is
    that statement, any other act takes it only when nothing else dates it, and a plan or a
    denied act never.
    A clause opened by ", when" takes the date just before it; a date outside the act's clause
    inside a ``foreign`` one (the clause of an act of another status) is that act's. Without a
    date, the publication
    date bounds the act (ontology README, "date"); a statement that occurred is dated to the
    publication day, marked ``source="publication"``: news reports statements of the day.
    """
    text = view.sentence.text
    base = view.sentence.start
    quoted = [(a.start - base, a.end - base) for a in view.attributions]
    opening = _dateline_end(text)
    best: tuple[tuple[int, int], DateMention] | None = None
    for d in view.dates:
        if d.value.precision is None:
            continue  # "now", "recently", "soon": no calendar date; publication bounds the act
        s, e = d.start - base, d.end - base
        if e <= opening:
            continue  # the dateline: when the page was written, not when anything happened
        if any(qs <= s and e <= qe for qs, qe in quoted):
            continue  # "..., the ministry said on Friday": when it was said, not when it happened
        if (
            rules is not None
            and rules.date_modifier is not None
            and rules.date_modifier.match(text, e)
        ):
            continue  # "the 1998-99 war": the date of a thing named, not of the act
        where = (
            0 if window[0] <= s and e <= window[1] else 1 if scope[0] <= s and e <= scope[1] else 2
        )
        if (
            rules is not None
            and e <= anchor
            and where == 0
            and _ends_conjunct(rules, text, e, anchor)
        ):
            where = 1  # "on Tuesday and agreed to reconvene ... next month": the first verb's
        if rules is not None and e <= window[0] and rules.same_time.match(text[e : window[0]]):
            where = 0  # "met in Brussels on 19 February, when they agreed ...": the same day
        if rules is not None and _said_on(rules, text, s, e):
            if status == "denied" or (not verbal and status in FUTURE):
                # "confirmed on Tuesday that it would host the round": not the round's day;
                # "denied on Sunday that they had met": the denial's day, not the meeting's
                continue
            if not verbal or where:
                where = 3  # the statement's date: the act's only when nothing else dates it
        elif strict and where:
            continue  # a statement's date is in its own clause
        if where and any(lo <= s and e <= hi for lo, hi in foreign):
            continue  # another act's clause: "came three days before talks ... on Tuesday"
        distance = min(abs(s - anchor), abs(e - anchor))
        key = (where, distance)
        if best is None or key < best[0]:
            best = (key, d)
    if best is not None:
        return best[1].value, True
    if verbal and status == "occurred" and published:
        return DateValue(
            start=published, end=published, precision="day", source="publication"
        ), False
    return default_date(status, published), False


def _said_on(rules: StatusRules, text: str, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` is a verb of saying's: "said on Friday", "on Friday said"."""
    return bool(
        rules.speech_before.search(text, max(0, start - 40), start)
        or rules.speech_after.match(text, end)
    )


def _ends_conjunct(rules: StatusRules, text: str, end: int, anchor: int) -> bool:
    """Whether a coordinator between the date ending at ``end`` and the trigger closes the date's
    conjunct ("on Tuesday and agreed to ...")."""
    gap = rules.conjunct_end.match(text, end, anchor)
    return gap is not None


def _dateline_end(text: str) -> int:
    """Where a dateline or date line opening the sentence ends (0 when there is none)."""
    found = read_date_line(text[:120])
    if found is None:
        return 0
    at = text.find(found.text)
    return at + len(found.text) if at >= 0 else 0


def default_date(status: str, published: str | None) -> DateValue:
    """No date in the text: publication ends a past act and starts a future one."""
    if status in FUTURE:
        return DateValue(start=published, end=None, precision=None, source="publication")
    return DateValue(start=None, end=published, precision=None, source="publication")


def is_old(value: DateValue, published: str | None, max_age_days: int) -> bool:
    """Whether the act ended long before publication ("last year", "in 2023"): history."""
    end, pub = _iso(value.end or value.start), _iso(published)
    if end is None or pub is None:
        return False
    if value.precision == "year" and end.year < pub.year:
        return True
    return end < pub - timedelta(days=max_age_days)


def is_past(value: DateValue, published: str | None) -> bool:
    """Whether the period ends before publication."""
    end, pub = _iso(value.end or value.start), _iso(published)
    return end is not None and pub is not None and end < pub


def is_future(value: DateValue, published: str | None) -> bool:
    start, pub = _iso(value.start), _iso(published)
    return start is not None and pub is not None and start > pub


def venue_place(
    place: PlaceAt | None, roles: Roles, *, event_type: str | None = None
) -> Place | None:
    """The event's location: a visit's destination, the place after in/at, or the hosting actor.

    A place no reader can put in a country ("near Zubin Potok") lies in the country of the actor
    the act happens on (``act_places.yaml``: an arrest on the police's ground, an attack on its
    target's). With no place named there is no location: an actor's home is not the act's place.
    """
    if roles.destination is not None:
        return roles.destination.place
    if place is not None:
        if place.place.country is None:
            ground = _ground(event_type, roles)
            if ground is not None:
                return replace(place.place, country=ground.country)
        return place.place
    if roles.venue is not None and roles.venue.country:
        v = roles.venue
        # The host's country name, not its mention: "Swiss authorities" host, the place is Switzerland.
        return Place(text=v.name, name=v.name, country=v.country, kind="country")
    return None


def _ground(event_type: str | None, roles: Roles) -> Actor | None:
    """The actor on whose ground an act of ``event_type`` happens, if the type has one."""
    role = home_roles().get(event_type or "")
    if role is None:
        return None
    actor = roles.source if role == "source" else roles.target
    if actor is not None and actor.country:
        return actor
    countries = {a.country for a in roles.participants if a.country}
    if len(countries) == 1:
        return next(a for a in roles.participants if a.country)
    return None


@functools.cache
def home_roles(path: str | None = None) -> dict[str, str]:
    """``act_places.yaml``: PLOVER type -> the role ("source" or "target") whose country is the
    act's ground."""
    file = Path(path) if path else data_path("act_places.yaml")
    data = load_mapping(file)
    raw = data.get("home_of")
    if not isinstance(raw, Mapping):
        raise DataFileError(
            f"{where(file, data)}: `home_of` must map a PLOVER type to source or target, "
            "e.g. {MOBILIZE: source}"
        )
    known = load_ontology().types
    out: dict[str, str] = {}
    for kind, role in raw.items():
        if kind == LINE:
            continue
        if kind not in known or role not in ("source", "target"):
            raise DataFileError(
                f"{where(file, raw)}: home_of.{kind}: {role!r}; the key must be a PLOVER type "
                f"({', '.join(known)}) and the value source or target"
            )
        out[str(kind)] = str(role)
    return out


def round_number(cues: Cues, text: str, span: tuple[int, int]) -> int | None:
    """The round an ordinal names ("the second round", "round 2") inside the trigger's clause.

    An ordinal in another clause numbers another meeting: "The Geneva meeting will take place on
    the same day as, but separately from, a second round of nuclear talks ..." is no round 2.
    """
    lo, hi = span
    for m in cues.rounds.finditer(text):
        if lo <= m.start() and m.end() <= hi:
            word = (m.group("word") or m.group("number") or "").lower()
            if word.isdigit():
                return int(word)
            if word[:-2].isdigit():  # "2nd"
                return int(word[:-2])
            return cues.round_numbers.get(word)
    return None


def topics(cues: Cues, text: str, index: dict[str, list[int]] | None = None) -> tuple[str, ...]:
    """Agenda tags found in ``text``; a tag inside a longer tag's match is not repeated.

    ``index``: the sentence's word starts (_prefix.py); a tag that cannot start there is skipped.
    """
    spans: list[tuple[int, int]] = []
    tags: list[str] = []
    for tag, regex, wanted in cues.topics:
        if index is not None and not may_match(index, wanted):
            continue
        for m in regex.finditer(text):
            if any(s <= m.start() and m.end() <= e for s, e in spans):
                continue
            spans.append((m.start(), m.end()))
            if tag not in tags:
                tags.append(tag)
    return tuple(tags)


def confidence(cues: Cues, roles: Roles, *, noun: bool, status: str, inherited: bool) -> float:
    """A rule-based score: how much of the event the sentence itself states."""
    w = cues.confidence
    score = w.get("base", 0.5)
    if roles.named:
        score += w.get("actor_in_sentence", 0.0)
    if (roles.source and roles.target) or len(roles.participants) >= 2:
        score += w.get("both_sides", 0.0)
    if roles.mediator is not None:
        score += w.get("mediator", 0.0)
    if roles.implied:
        score += w.get("implied_actor", 0.0)
    if inherited:
        score += w.get("inherited_actors", 0.0)
    if noun:
        score += w.get("noun_trigger", 0.0)
    if status in ("hypothetical", "denied"):
        score += w.get("uncertain_status", 0.0)
    return round(min(w.get("ceiling", 0.9), max(w.get("floor", 0.3), score)), 2)


def make_source(article: Article, view: SentenceView, *, denier_at: int | None = None) -> Source:
    """Where the event was read, and whom the outlet cites for it.

    ``denier_at``: the sentence offset of a denial cue. An attribution that holds it names the
    party denying ("Tehran also denied reports that ..."), a participant, not a cited source.
    """
    base = view.sentence.start
    cited = [
        a
        for a in view.attributions
        if denier_at is None or not (a.start - base <= denier_at < a.end - base)
    ]
    attributed = _as_cited(cited[0].text, view.sentence.text, cited[0].start - base) if cited else None
    return Source(
        doc_id=article.id,
        outlet=article.outlet,
        url=article.url,
        attributed_to=attributed,
        published=publication(article),
    )


# What may stand before a source that opens its sentence: nothing, or a dateline ("BEIRUT — ").
_OPENING = re.compile(r"^(?:[A-Z][\w .,'-]*\s[—–-]{1,2}\s*)?$")
_ARTICLE = re.compile(r"^(?:The|A|An)\b")


def _as_cited(source: str, sentence: str, clause_start: int) -> str:
    """The source as it reads after "citing": a capital its sentence's first word has is not part
    of a name ("The foreign ministry said ..." -> "citing the foreign ministry"), one inside the
    sentence is ("according to The Caspian Ledger"). ``clause_start``: where the attribution
    clause (the source, or the cue before it) begins in ``sentence``."""
    at = sentence.find(source, max(clause_start, 0))
    if at >= 0 and _OPENING.match(sentence[:at]) and _ARTICLE.match(source):
        return source[0].lower() + source[1:]
    return source


def make_evidence(article: Article, view: SentenceView) -> Evidence:
    s = view.sentence
    return Evidence(doc_id=article.id, sentence=s.text, start=s.start, end=s.end)


def event_id(
    article: Article,
    view: SentenceView,
    cameo: str,
    source: Actor | None,
    target: Actor | None,
    participants: tuple[Actor, ...],
    trigger_start: int,
) -> str:
    """Stable across runs: the same article, sentence and reading give the same id."""
    return content_id(
        "e",
        article.id,
        view.sentence.index,
        cameo,
        source.country if source else None,
        target.country if target else None,
        tuple(a.country for a in participants),
        view.sentence.start + trigger_start,
    )
