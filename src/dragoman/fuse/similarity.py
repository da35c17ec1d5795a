"""Are two reports the same real-world event? A symmetric test on the two reports alone.

Because the test looks at nothing but the pair, the events fusion builds (the connected groups of
reports that pass it) do not depend on the order in which articles arrive.

Hard conditions (all must hold): the same block key (type and parties), both hypothetical or
neither, both messages through an intermediary or neither, no clash of round numbers, of location
countries, or of cities more than 50 km apart, and, for acts that name what was agreed
(``object_types``: AGREE), no two disjoint sets of topics when both name some: two agreements reached
at one meeting are two events.
Then one of these is enough: the same round number; compatible dates and a shared topic of an
agreement (the claim "they reached the understanding" and its denial); both hypothetical with a
word naming the same thing in their triggers ("could sign the treaty", "a treaty could be
signed"); compatible dates when one trigger points back at an act told before ("had renewed that demand"); both
dated to the same day (within ``day_tolerance``, counted once between the two days) with the
same city or a few shared words, or on the very same day in one article with one of the two
placed nowhere (the act told again in detail); compatible dates and the same city; compatible dates and
evidence sharing enough content words (``text_overlap`` of the smaller word set). An undated past event is taken to be recent (``recent_days`` before publication), an
undated plan to lie after publication.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dragoman.fuse.report import Report
from dragoman.fuse.settings import FuseSettings, fuse_settings
from dragoman.model import Event, Place

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NEAR_KM = 50.0


@dataclass(frozen=True, slots=True)
class Verdict:
    same: bool
    why: str


def same_event(a: Report, b: Report, settings: FuseSettings | None = None) -> Verdict:
    """Whether ``a`` and ``b`` report one event, and the reason (for ``--explain`` and tests)."""
    s = settings or fuse_settings()
    ea, eb = a.event, b.event
    if a.key != b.key:
        return Verdict(False, "different type or parties")
    if (ea.status == "hypothetical") != (eb.status == "hypothetical"):
        return Verdict(False, "one is hypothetical")
    if _is_message(ea) != _is_message(eb):
        return Verdict(False, "a message and a meeting")
    ra, rb = _round(ea, s), _round(eb, s)
    if ra is not None and rb is not None and ra != rb:
        return Verdict(False, f"rounds {ra} and {rb}")
    clash = _place_clash(ea.location, eb.location)
    if clash:
        return Verdict(False, clash)
    if _objects_differ(ea, eb, s):
        # two agreements of one meeting (same parties, day and venue) told apart by what was
        # agreed: "a commission on missing persons" and "a statute for the municipalities"
        return Verdict(False, f"agreements on {_object_label(ea)} and on {_object_label(eb)}")
    if ra is not None and ra == rb:
        return Verdict(True, f"round {ra}")
    span_a, span_b = _span(ea, a.published, s), _span(eb, b.published, s)
    if not _overlap(span_a, span_b) or _days_apart(a, b) > s.day_tolerance:
        return Verdict(False, "dates disagree")
    if _told_before(ea, s) or _told_before(eb, s):
        return Verdict(True, "an act told again")  # "had renewed that demand last week"
    if _objects_known(ea, eb, s):  # shared topics: the hard test above found them not disjoint
        return Verdict(True, f"compatible dates, agreements on {_object_label(ea)}")
    if ea.status == "hypothetical" and _trigger_words(ea, s) & _trigger_words(eb, s):
        # a prospect has no date to compare: "could sign the treaty" and "a treaty could be
        # signed" between the same parties are one prospect, whatever else the sentences say
        return Verdict(True, "hypotheses of the same act")
    same_city = _same_city(ea.location, eb.location) or _names_venue(ea, eb) or _names_venue(eb, ea)
    if _day_precise(ea) and _day_precise(eb):
        if same_city:
            return Verdict(True, "same day and city")
        if _told_in_detail(a, b):
            return Verdict(True, "one article's act told again, with no place of its own")
        share = word_overlap(ea, eb, s)
        if share >= s.same_day_text_overlap:
            return Verdict(True, f"same day, {share:.2f} of the words shared")
    if same_city:
        return Verdict(True, "same city, compatible dates")
    share = word_overlap(ea, eb, s)
    if share >= s.text_overlap:
        return Verdict(True, f"compatible dates, {share:.2f} of the words shared")
    return Verdict(False, f"compatible dates but only {share:.2f} of the words shared")


def _told_in_detail(a: Report, b: Report) -> bool:
    """One article tells the act of one day twice, once with no place ("Hundreds of protesters
    rallied in central Tehran on Saturday ... Videos showed crowds chanting slogans near a main
    square"): the same parties on the same stated day, one of the two placed nowhere. Two acts
    of one day in one article that are both placed are compared by their places."""
    ea, eb = a.event, b.event
    if a.article_id != b.article_id or (ea.location is not None and eb.location is not None):
        return False
    if _direction(ea) != _direction(eb):
        return False  # "Ukraine called on partners" and "... must guarantee Ukraine's security"
    da, db = ea.date, eb.date
    return (
        da is not None
        and db is not None
        and "publication" not in (da.source, db.source)
        and da.start == db.start
    )


def _direction(event: Event) -> tuple[str | None, str | None]:
    """The countries of an act's source and target (None: not named, or no country)."""
    return (
        event.source.country if event.source is not None else None,
        event.target.country if event.target is not None else None,
    )


def _objects_known(a: Event, b: Event, s: FuseSettings) -> bool:
    """Both are acts of a type that names its object (``object_types``) and both name one."""
    return a.event_type in s.object_types and bool(a.topics) and bool(b.topics)


def _objects_differ(a: Event, b: Event, s: FuseSettings) -> bool:
    """Both name what was agreed and the two share no topic: two acts, whatever else agrees."""
    return _objects_known(a, b, s) and not set(a.topics) & set(b.topics)


def _object_label(event: Event) -> str:
    return " + ".join(sorted(event.topics))


def _is_message(event: Event) -> bool:
    """A message passed through an intermediary (ontology decision 3), not a meeting."""
    return event.mediator is not None and event.mediator.role == "intermediary"


def _round(event: Event, s: FuseSettings) -> int | None:
    return None if event.cameo in s.no_round_cameo else event.round


def word_overlap(a: Event, b: Event, settings: FuseSettings | None = None) -> float:
    """Shared content words over the smaller set, party names left out (they always match)."""
    s = settings or fuse_settings()
    na, nb = _names(a), _names(b)
    wa = _content_words(tuple(ev.sentence for ev in a.evidence), s) - na - nb
    wb = _content_words(tuple(ev.sentence for ev in b.evidence), s) - na - nb
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _told_before(event: Event, s: FuseSettings) -> bool:
    """The words that coded the event point back at an act told before ("renewed that demand")."""
    return bool(event.trigger and s.told_before is not None and s.told_before.search(event.trigger))


def _trigger_words(event: Event, s: FuseSettings) -> frozenset[str]:
    """What the words that coded the event name ("sign the treaty": treaty), verbs left out."""
    if not event.trigger:
        return frozenset()
    return _content_words((event.trigger,), s) - s.prospect_verbs


def _names(event: Event) -> frozenset[str]:
    texts = tuple(
        text for actor in (*event.participants, event.mediator) if actor is not None
        for text in (actor.text, actor.name) if text
    )  # fmt: skip
    return _name_words(texts)


@functools.lru_cache(maxsize=8192)
def _name_words(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for text in texts for w in _WORD.findall(text))


@functools.lru_cache(maxsize=8192)
def _content_words(sentences: tuple[str, ...], s: FuseSettings) -> frozenset[str]:
    """Content words of the sentences (cached: a report is compared with many candidates)."""
    return frozenset(
        w for sentence in sentences for w in (m.lower() for m in _WORD.findall(sentence))
        if len(w) >= s.min_word_length and w not in s.stopwords
    )  # fmt: skip


Span = tuple[date | None, date | None]


def date_span(report: Report, settings: FuseSettings | None = None) -> Span:
    """The days ``report``'s event may have happened on (None: open), as ``same_event`` reads them."""
    return _span(report.event, report.published, settings or fuse_settings())


def _span(event: Event, published: str | None, s: FuseSettings) -> Span:
    """The days the event may have happened on; an open end is None."""
    value = event.date
    if value is None or value.precision is None:
        # An undated record may carry the publication day as a bound (ontology README); the
        # article's own date says the same more reliably.
        bound = published or (value.end or value.start if value is not None else None)
        return _undated_span(event.status, _day(bound), s)
    start, end = _day(value.start), _day(value.end or value.start)
    if value.precision == "day":
        pad = timedelta(days=s.day_tolerance)
        return (start - pad if start else None), (end + pad if end else None)
    return start, end


def _undated_span(status: str, published: date | None, s: FuseSettings) -> Span:
    """An undated past event is recent; an undated plan lies ahead; a hypothesis, anywhere."""
    if published is None or status == "hypothetical":
        return None, None
    if status == "planned":
        return published, None
    return published - timedelta(days=s.recent_days), published


def _overlap(a: Span, b: Span) -> bool:
    (a0, a1), (b0, b1) = a, b
    return not ((a1 is not None and b0 is not None and a1 < b0) or (b1 is not None and a0 is not None and b1 < a0))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _days_apart(a: Report, b: Report) -> int:
    """Days between two days the texts state (0 unless both do): the tolerance counts once, not
    once on each side ("on Thursday" and "on Saturday" are two days). A statement dated to its
    page's day for want of a stated one keeps the looser test."""
    da, db = _stated_day(a), _stated_day(b)
    return abs((da - db).days) if da and db else 0


def _stated_day(report: Report) -> date | None:
    event = report.event
    if not _day_precise(event) or event.date is None or event.date.source == "publication":
        return None
    day = _day(event.date.start)
    if event.date.source is None and day == _day(report.published):
        return None  # a record stored before dates said where they came from: it may be either
    return day


def _day_precise(event: Event) -> bool:
    return event.date is not None and event.date.precision == "day" and bool(event.date.start)


def _place_clash(a: Place | None, b: Place | None) -> str | None:
    if a is None or b is None:
        return None
    if a.country and b.country and a.country != b.country:
        return f"places in {a.country} and {b.country}"
    km = _km(a, b)
    if km is not None and km > _NEAR_KM:
        return f"{a.text} and {b.text} are {km:.0f} km apart"
    return None


def _same_city(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False
    km = _km(a, b)  # a country or region has no coordinates: it never makes "the same city"
    return km is not None and km <= _NEAR_KM


def _names_venue(a: Event, b: Event) -> bool:
    """``b``'s evidence names ``a``'s city ("the Washington round" and a meeting in Washington)."""
    if a.location is None or a.location.lat is None or b.location is not None:
        return False
    name = re.compile(rf"\b{re.escape(a.location.text)}\b")
    own = {ev.sentence for ev in a.evidence}  # a sentence that names a's venue is a's own evidence
    return any(name.search(ev.sentence) for ev in b.evidence if ev.sentence not in own)


def _km(a: Place, b: Place) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))
