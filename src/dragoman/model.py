"""The records that flow between pipeline stages.

    RawDocument --clean--> Article --understand--> Annotations --coding--> Event
                      +--> Rejected (recorded, the batch goes on)

Every record is a frozen dataclass: stages pass records, never dicts of dicts.
``to_dict()`` gives the JSON shape of ../shared/ontology/README.md ("The dragoman record").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["planned", "occurred", "ongoing", "postponed", "cancelled", "denied", "hypothetical"]
STATUSES: tuple[str, ...] = (
    "planned",
    "occurred",
    "ongoing",
    "postponed",
    "cancelled",
    "denied",
    "hypothetical",
)
Precision = Literal["day", "week", "month", "year"]
DocKind = Literal["html", "text"]

_WS = re.compile(r"\s+")


def normalise_ws(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    return _WS.sub(" ", text).strip()


def content_id(prefix: str, *parts: object) -> str:
    """A stable id from content: ``prefix`` + 16 hex digits of SHA-256 over the parts."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8"))
        h.update(b"\x1f")
    return f"{prefix}_{h.hexdigest()[:16]}"


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """One item as read by ingest, before cleaning.

    ``id`` derives from the bytes and the metadata given with them, so reading the same page twice
    gives the same id. Metadata fields hold what the source or the user supplied (``--published``,
    ``--outlet``, ``--url``, or a JSON line's keys); the clean stage fills the rest from the page.
    """

    id: str
    origin: str  # file path, "<stdin>", or "file.jsonl:LINE"
    kind: DocKind
    content: bytes
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" supplied by the user or the source
    outlet: str | None = None
    author: str | None = None
    ingested: str | None = None  # ISO date the item was read; the fallback year for "14 Feb"


@dataclass(frozen=True, slots=True, kw_only=True)
class DateValue:
    """A date or period: ``start``/``end`` ISO dates (inclusive) with a precision.

    ``text`` is the expression it was read from; ``source`` says where it came from
    (``"meta"``, ``"text"``, ``"user"``, ``"ingest"``, ``"sentence"``, ``"publication"``).
    """

    start: str | None
    end: str | None
    precision: Precision | None
    text: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record's date; ``text`` and ``source`` say whether the text stated it ("sentence",
        with the words it was read from) or the publication day stands in ("publication")."""
        return {
            "start": self.start,
            "end": self.end,
            "precision": self.precision,
            "text": self.text,
            "source": self.source,
        }

    def label(self) -> str:
        """For people: "2026-02-17", "2026-02-16..2026-02-22 (week)", "undated, by 2026-02-14",
        or "2026-02-14 (publication day)" for a statement the text gives no day of."""
        if self.precision is None:
            known = f"by {self.end}" if self.end else f"from {self.start}" if self.start else ""
            return f"undated, {known}" if known else "undated"
        if self.precision == "day" and self.end in (None, self.start):
            day = self.start or "undated"
            return f"{day} (publication day)" if self.source == "publication" else day
        return f"{self.start}..{self.end} ({self.precision})"


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned article: main text without page furniture, plus source metadata."""

    id: str
    raw_id: str
    origin: str
    title: str | None
    text: str  # paragraphs separated by "\n\n"
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: DateValue | None = None
    language: str = "en"
    removed: tuple[str, ...] = ()  # furniture lines the cleaning layer dropped (for debugging)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rejected:
    """An item that could not be processed, with the stage and a reason that names the fix."""

    id: str
    origin: str
    stage: str  # "ingest" | "clean" | "understand" | "coding" | "store"
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    index: int
    start: int  # character offsets into Article.text, end-exclusive
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """An actor as PLOVER codes it: country (ISO3 or UNO/EUR/IGO/NGO/...) + sector."""

    text: str | None
    name: str
    country: str | None
    sector: str | None
    role: str | None = None  # source | target | party | host | mediator | intermediary
    kind: str = "state"  # state | igo | person | group
    title: str | None = None  # a person's office as read from the text

    def with_role(self, role: str | None) -> Actor:
        return Actor(
            text=self.text,
            name=self.name,
            country=self.country,
            sector=self.sector,
            role=role,
            kind=self.kind,
            title=self.title,
        )

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
        }
        if self.title:
            d["title"] = self.title
        return d


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    text: str
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    kind: str = "city"  # city | country | region

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorMention:
    sentence: int
    start: int  # offsets into Article.text
    end: int
    actor: Actor


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceMention:
    sentence: int
    start: int
    end: int
    place: Place
    preposition: str | None = None  # "in", "at", "to", ... when the place follows one


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    sentence: int
    start: int
    end: int
    value: DateValue


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    sentence: int
    start: int
    end: int
    text: str  # "Reuters, citing a US official"


@dataclass(frozen=True, slots=True, kw_only=True)
class Annotations:
    """What the understand stage read in one article."""

    article_id: str
    sentences: tuple[Sentence, ...]
    actors: tuple[ActorMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    attributions: tuple[Attribution, ...] = ()

    def in_sentence(self, index: int) -> SentenceView:
        return SentenceView(
            sentence=self.sentences[index],
            actors=tuple(m for m in self.actors if m.sentence == index),
            places=tuple(m for m in self.places if m.sentence == index),
            dates=tuple(m for m in self.dates if m.sentence == index),
            attributions=tuple(m for m in self.attributions if m.sentence == index),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class SentenceView:
    sentence: Sentence
    actors: tuple[ActorMention, ...]
    places: tuple[PlaceMention, ...]
    dates: tuple[DateMention, ...]
    attributions: tuple[Attribution, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    doc_id: str
    outlet: str | None
    url: str | None
    attributed_to: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "url": self.url,
            "attributed_to": self.attributed_to,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    doc_id: str
    sentence: str
    start: int  # 0-based, end-exclusive offsets in the cleaned text
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One coded event with its evidence; the JSON shape is the ontology's dragoman record."""

    id: str
    event_type: str  # PLOVER type, "CONSULT"
    cameo: str | None  # "046"; None for an act CAMEO has no code for (RETREAT/resign)
    status: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    source: Actor | None = None
    target: Actor | None = None
    participants: tuple[Actor, ...] = ()
    mediator: Actor | None = None
    location: Place | None = None
    date: DateValue | None = None
    track: str | None = None
    round: int | None = None
    topics: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    trigger: str | None = None  # the words that triggered the coding, for explanation

    def addressees(self) -> tuple[Actor, ...]:
        """Whom a directed act is addressed to: its target, else the participants other than
        its source ("urged both governments": one act to the two parties, no single target)."""
        if self.target is not None:
            return (self.target,)
        if self.source is None:
            return ()
        own = (self.source.country, self.source.sector, self.source.name)
        return tuple(a for a in self.participants if (a.country, a.sector, a.name) != own)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "participants": [a.to_dict() for a in self.participants],
            "mediator": self.mediator.to_dict() if self.mediator else None,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date.to_dict() if self.date else None,
            "status": self.status,
            "track": self.track,
            "round": self.round,
            "topics": list(self.topics),
            "sources": [s.to_dict() for s in self.sources],
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": self.confidence,
            "trigger": self.trigger,
        }


@dataclass(slots=True)
class RunReport:
    """What one run did: counts, and the rejected items with their reasons."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        rate = f", {self.read / self.seconds:.1f} items/s" if self.seconds > 0 else ""
        return (
            f"read {self.read}, stored {self.stored} new articles, {self.duplicates} already stored, "
            f"{len(self.rejected)} rejected, {self.events} events{rate}"
        )


def actor_from_dict(d: dict[str, Any] | None) -> Actor | None:
    if not d:
        return None
    return Actor(
        text=d.get("text"),
        name=d.get("name") or d.get("text") or "",
        country=d.get("country"),
        sector=d.get("sector"),
        role=d.get("role"),
        kind=d.get("kind", "state"),
        title=d.get("title"),
    )


def event_from_dict(d: dict[str, Any]) -> Event:
    """The inverse of ``Event.to_dict()``: how the store and file readers rebuild records."""
    loc = d.get("location")
    date = d.get("date")
    return Event(
        id=d["id"],
        event_type=d["event_type"],
        cameo=d.get("cameo"),
        status=d["status"],
        mode=d.get("mode"),
        context=tuple(d.get("context") or ()),
        source=actor_from_dict(d.get("source")),
        target=actor_from_dict(d.get("target")),
        participants=tuple(a for a in map(actor_from_dict, d.get("participants") or ()) if a),
        mediator=actor_from_dict(d.get("mediator")),
        location=Place(
            text=loc.get("text") or "",
            name=loc.get("text") or "",
            country=loc.get("country"),
            lat=loc.get("lat"),
            lon=loc.get("lon"),
        )
        if loc
        else None,
        date=DateValue(
            start=date.get("start"),
            end=date.get("end"),
            precision=date.get("precision"),
            text=date.get("text"),
            source=date.get("source"),
        )
        if date
        else None,
        track=d.get("track"),
        round=d.get("round"),
        topics=tuple(d.get("topics") or ()),
        sources=tuple(
            Source(
                doc_id=s["doc_id"],
                outlet=s.get("outlet"),
                url=s.get("url"),
                attributed_to=s.get("attributed_to"),
                published=s.get("published"),
            )
            for s in d.get("sources") or ()
        ),
        evidence=tuple(
            Evidence(doc_id=e["doc_id"], sentence=e["sentence"], start=e["start"], end=e["end"])
            for e in d.get("evidence") or ()
        ),
        confidence=float(d.get("confidence", 0.5)),
        trigger=d.get("trigger"),
    )
