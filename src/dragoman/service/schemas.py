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
    status_history: list[Record] = Field(
        description="Empty until fusion tracks statuses across reports."
    )
    contradictions: list[Record] = Field(description="Empty until fusion compares reports.")


class Actor(BaseModel):
    name: str | None
    country: str | None
    sector: str | None
    events: int
    roles: dict[str, int]


class ActorList(BaseModel):
    actors: list[Actor]
    total: int
    fresh: bool = Field(description="False while a recount after new events is still running.")


class Span(BaseModel):
    start: int = Field(description="Offset of the evidence sentence in text (0-based).")
    end: int = Field(description="End offset, exclusive.")
    event_id: str
    event_type: str
    cameo: str
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
    cameo: str
    status: str


class IngestResult(BaseModel):
    outcome: str = Field(description="stored (201) or duplicate (200).")
    article_id: str | None
    events: list[IngestEvent]
