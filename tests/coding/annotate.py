"""Build Article + Annotations by hand for coding tests.

The understand stage is tested on its own; here each test states what it reads in a sentence
(actors, places, dates, attributions) so that a coding test fails only for a coding reason.
Sentences are split at ., ! or ? before a capital (test texts avoid "U.S.") and at blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dragoman.model import (
    Actor,
    ActorMention,
    Annotations,
    Article,
    Attribution,
    DateMention,
    DateValue,
    Place,
    PlaceMention,
    Sentence,
)

NAMES = {
    "USA": "United States",
    "IRN": "Iran",
    "OMN": "Oman",
    "RUS": "Russia",
    "UKR": "Ukraine",
    "CHE": "Switzerland",
    "ARM": "Armenia",
    "AZE": "Azerbaijan",
    "SRB": "Serbia",
    "XKX": "Kosovo",
    "EUR": "European Union",
    "ARE": "United Arab Emirates",
    "KAZ": "Kazakhstan",
    "GEO": "Georgia",
    "BEL": "Belgium",
    "ISR": "Israel",
    "PSE": "Palestine",
    "QAT": "Qatar",
    "TUR": "Turkey",
    "CHN": "China",
    "TWN": "Taiwan",
    "GBR": "United Kingdom",
    "FRA": "France",
    "DEU": "Germany",
}


_SPLIT = re.compile(r"(?<=[.!?])([\"”’]?)\s+(?=[A-Z\"“])|()\n\s*\n")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    out, pos = [], 0
    for m in [*_SPLIT.finditer(text), None]:
        end = m.start() + len(m.group(1) or "") if m else len(text)
        while pos < end and text[pos].isspace():
            pos += 1
        if pos < end:
            out.append(Sentence(index=len(out), start=pos, end=end, text=text[pos:end]))
        pos = m.end() if m else len(text)
    return tuple(out)


@dataclass(frozen=True)
class A:
    """An actor mention: the surface text and what the actors reader would say about it."""

    surface: str
    country: str | None
    sector: str | None = "GOV"
    kind: str = "state"
    name: str | None = None
    nth: int = 0


@dataclass(frozen=True)
class P:
    """A place mention; the preposition is read from the word before it."""

    surface: str
    country: str
    kind: str = "city"
    nth: int = 0


@dataclass(frozen=True)
class D:
    """A date mention with its resolved value."""

    surface: str
    start: str | None
    end: str | None
    precision: str | None
    nth: int = 0


@dataclass(frozen=True)
class T:
    """An attribution: the span in the text and the source it names."""

    surface: str
    text: str | None = None
    nth: int = 0


def _find(text: str, surface: str, nth: int) -> tuple[int, int]:
    hits = list(re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text))
    if len(hits) <= nth:
        raise AssertionError(f"{surface!r} (occurrence {nth}) is not in {text!r}")
    return hits[nth].start(), hits[nth].end()


def _sentence_of(sentences, start: int) -> int:
    return next(s.index for s in sentences if s.start <= start < s.end)


_PREP = re.compile(
    r"\b(in|at|to|from|near|outside|inside|into|of|on)\s+(?:the\s+)?$", re.IGNORECASE
)


def build(
    text: str,
    *,
    actors: tuple[A, ...] = (),
    places: tuple[P, ...] = (),
    dates: tuple[D, ...] = (),
    attributions: tuple[T, ...] = (),
    doc_id: str = "d1",
    outlet: str = "Example Wire",
    url: str = "https://news.example.com/a/101",
    published: str | None = "2026-02-14",
) -> tuple[Article, Annotations]:
    sentences = split_sentences(text)
    am = []
    for a in actors:
        s, e = _find(text, a.surface, a.nth)
        name = a.name or (NAMES.get(a.country or "", a.surface) if a.kind == "state" else a.surface)
        actor = Actor(text=a.surface, name=name, country=a.country, sector=a.sector, kind=a.kind)
        am.append(ActorMention(sentence=_sentence_of(sentences, s), start=s, end=e, actor=actor))
    pm = []
    for p in places:
        s, e = _find(text, p.surface, p.nth)
        prep = _PREP.search(text[max(0, s - 20) : s])
        place = Place(text=p.surface, name=p.surface, country=p.country, kind=p.kind)
        pm.append(
            PlaceMention(
                sentence=_sentence_of(sentences, s),
                start=s,
                end=e,
                place=place,
                preposition=prep.group(1).lower() if prep else None,
            )
        )
    dm = []
    for d in dates:
        s, e = _find(text, d.surface, d.nth)
        value = DateValue(
            start=d.start, end=d.end, precision=d.precision, text=d.surface, source="text"
        )
        dm.append(DateMention(sentence=_sentence_of(sentences, s), start=s, end=e, value=value))
    tm = []
    for t in attributions:
        s, e = _find(text, t.surface, t.nth)
        tm.append(
            Attribution(
                sentence=_sentence_of(sentences, s), start=s, end=e, text=t.text or t.surface
            )
        )
    article = Article(
        id=doc_id,
        raw_id="r_" + doc_id,
        origin="test",
        title=None,
        text=text,
        url=url,
        outlet=outlet,
        published=DateValue(start=published, end=published, precision="day", source="meta")
        if published
        else None,
    )
    annotations = Annotations(
        article_id=doc_id,
        sentences=sentences,
        actors=tuple(sorted(am, key=lambda m: m.start)),
        places=tuple(sorted(pm, key=lambda m: m.start)),
        dates=tuple(sorted(dm, key=lambda m: m.start)),
        attributions=tuple(tm),
    )
    return article, annotations


def code(text: str, **kwargs: object) -> list:
    """Code ``text`` with the default options; keyword arguments go to :func:`build`."""
    from dragoman.coding import code_events
    from dragoman.options import CodingOptions

    article, annotations = build(text, **kwargs)  # type: ignore[arg-type]
    return code_events(article, annotations, CodingOptions())


def summary(event) -> tuple:
    """(event_type, status, participant countries, mediator country, location country)."""
    return (
        event.event_type,
        event.status,
        frozenset(a.country for a in event.participants),
        event.mediator.country if event.mediator else None,
        event.location.country if event.location else None,
    )
