"""A report: one article's account of an event, the unit that fusion compares and merges.

    Report.of(event, article_id=..., published="2026-03-10", outlet="Meridian Post")

A report knows its blocking key (event type + the parties' codes) and its anchor date, which
together decide which earlier reports it is compared with (``window_days`` of settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dragoman.model import Event

# Roles that take part in an event without being one of its parties (ontology README).
NOT_PARTIES = frozenset({"mediator", "intermediary"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    event: Event
    article_id: str
    published: str | None  # the article's publication date, YYYY-MM-DD, if known
    outlet: str | None
    group: str  # near-duplicate group of the article (its own id when it has no copies)

    @classmethod
    def of(
        cls,
        event: Event,
        *,
        article_id: str,
        published: str | None,
        outlet: str | None,
        group: str | None = None,
    ) -> Report:
        return cls(
            event=event,
            article_id=article_id,
            published=published[:10] if published else None,
            outlet=outlet,
            group=group or article_id,
        )

    @property
    def key(self) -> str:
        return block_key(self.event)

    @property
    def anchor(self) -> str | None:
        return anchor_date(self.event, self.published)

    @property
    def source_name(self) -> str:
        """Who published it: the outlet, else the article id (an unnamed outlet is its own)."""
        return self.outlet or self.article_id


def parties(event: Event) -> frozenset[str]:
    """The codes of the event's parties: country codes, or names for actors without one."""
    return frozenset(
        p.country or p.name for p in event.participants if p.role not in NOT_PARTIES
    )


def block_key(event: Event) -> str:
    """``"CONSULT:ARM+AZE"``: only reports with the same key can be one event."""
    return f"{event.event_type}:{'+'.join(sorted(parties(event)))}"


def anchor_date(event: Event, published: str | None) -> str | None:
    """The date a report is filed under: the event's own date, else the publication date."""
    value = event.date
    if value is not None and value.precision in ("day", "week", "month") and value.start:
        return value.start[:10]
    return published[:10] if published else None  # a year is too coarse to file a report under


def window(anchor: str, days: int) -> tuple[str, str]:
    """The anchor dates within ``days`` of ``anchor``, as an inclusive ISO range."""
    day = date.fromisoformat(anchor)
    return (day - timedelta(days=days)).isoformat(), (day + timedelta(days=days)).isoformat()
