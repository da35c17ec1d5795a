"""Response and request models: the contract shown at /docs.

An event is the dragoman record of docs/record.md, passed through as stored; it is typed here as an
object so the record can grow without two definitions drifting apart.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

Record = dict[str, Any]


class Health(BaseModel):
    status: str
    schema_version: int
    ingest_enabled: bool


class EventPage(BaseModel):
    events: list[Record] = Field(description="Event records (docs/record.md), in sort-key order.")
    count: int
    next_cursor: str | None = Field(
        description="Pass as ?cursor= for the next page; null on the last page."
    )
    next: str | None = Field(description="The next page's path and query, ready to request.")


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None


class EventDetail(BaseModel):
    event: Record
    article: ArticleSummary | None
    links: dict[str, str | None]
    status_history: list[Record] = Field(description="Empty for a report: see its canonical event.")
    contradictions: list[Record] = Field(description="Empty for a report: see its canonical event.")


class Report(BaseModel):
    id: str
    status: str
    article: ArticleSummary | None


class OccurrenceDetail(BaseModel):
    event: Record = Field(description="The canonical event (docs/record.md) with reports, sources, evidence, "
                          "independent_sources, report_count and source_count.")  # fmt: skip
    resolved_from: str | None = Field(
        description="The id asked for when it was an old id (merged since), a report id or a prefix."
    )
    reports: list[Report] = Field(description="The per-article reports merged into it, oldest article first.")
    status_history: list[Record] = Field(description="Status claims in the order they were reported.")
    contradictions: list[Any] = Field(description="Pairs of claims that disagree (status, date, place).")
    links: dict[str, str | None]


class Actor(BaseModel):
    name: str | None
    country: str | None
    sector: str | None
    events: int
    roles: dict[str, int]


class ActorList(BaseModel):
    actors: list[Actor]
    total: int
    fresh: bool = Field(description="Always true: the store keeps the counts up to date as it writes.")


class Span(BaseModel):
    start: int = Field(description="Offset of the evidence sentence in text (0-based).")
    end: int = Field(description="End offset, exclusive.")
    event_id: str
    event_type: str
    cameo: str | None = Field(description="CAMEO code; null for an act CAMEO has no code for.")
    status: str


class ArticleDetail(ArticleSummary):
    author: str | None
    text: str = Field(description="The cleaned article text, paragraphs separated by a blank line.")
    spans: list[Span]


class IngestRequest(BaseModel):
    """Give html, text or url; the other fields are metadata the page may lack."""

    model_config = ConfigDict(extra="forbid")

    html: str | None = None
    text: str | None = None
    url: str | None = Field(
        None, description="Fetched when neither html nor text is given; else metadata."
    )
    title: str | None = None
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")
    outlet: str | None = None
    author: str | None = None


class IngestEvent(BaseModel):
    id: str
    event_type: str
    cameo: str | None = Field(description="CAMEO code; null for an act CAMEO has no code for.")
    status: str


class IngestResult(BaseModel):
    outcome: str = Field(description="stored (201) or duplicate (200).")
    article_id: str | None
    events: list[IngestEvent]
