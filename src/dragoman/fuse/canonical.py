"""The canonical event's records: an ``Occurrence`` and the ``Claim``s of its sources.

``merge`` (fuse/merger.py) builds an occurrence from its reports; the store writes it as JSON
(``Occurrence.to_dict``) and reads it back (``occurrence_from_dict``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dragoman.fuse.report import Report
from dragoman.model import Event, content_id, event_from_dict


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One source's value for one field of the event."""

    field: str  # status | date | location | mediator | round
    value: str
    doc_id: str
    outlet: str | None
    published: str | None
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "value": self.value,
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "published": self.published,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Occurrence:
    """A real-world event as all its reports together tell it."""

    event: Event  # the canonical record; ``event.id`` is the occurrence id ("c_...")
    reports: tuple[str, ...]  # ids of the per-article events merged here, sorted
    history: tuple[Claim, ...]  # status changes in the order they were reported
    contradictions: tuple[tuple[Claim, Claim], ...]
    provenance: tuple[Claim, ...]
    independent_sources: int

    @property
    def id(self) -> str:
        return self.event.id

    def to_dict(self) -> dict[str, Any]:
        d = self.event.to_dict()
        d["reports"] = list(self.reports)
        d["independent_sources"] = self.independent_sources
        d["status_history"] = [c.to_dict() for c in self.history]
        d["contradictions"] = [[a.to_dict(), b.to_dict()] for a, b in self.contradictions]
        d["provenance"] = [c.to_dict() for c in self.provenance]
        return d


def occurrence_id(report_ids: Iterable[str]) -> str:
    """``c_`` + a hash of the smallest member id: the same members give the same id."""
    return content_id("c", min(report_ids))


def independent_sources(reports: Iterable[Report]) -> int:
    """Distinct sources: copies of one story (same near-duplicate group) or one outlet count once."""
    return independent_sources_of((r.group, r.source_name) for r in reports)


def independent_sources_of(pairs: Iterable[tuple[str, str]]) -> int:
    """``independent_sources`` from the (near-duplicate group, outlet) of each report: the groups
    left once every outlet's groups are joined."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    groups = set()
    for group, outlet in pairs:
        groups.add("g:" + group)
        a, b = find("g:" + group), find("o:" + outlet)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return len({find(g) for g in groups})


def occurrence_from_dict(d: dict) -> Occurrence:  # type: ignore[type-arg]
    """The inverse of ``Occurrence.to_dict()``."""
    return Occurrence(
        event=event_from_dict(d),
        reports=tuple(d.get("reports") or ()),
        history=tuple(_claim(c) for c in d.get("status_history") or ()),
        contradictions=tuple((_claim(a), _claim(b)) for a, b in d.get("contradictions") or ()),
        provenance=tuple(_claim(c) for c in d.get("provenance") or ()),
        independent_sources=int(d.get("independent_sources") or 1),
    )


def _claim(d: dict) -> Claim:  # type: ignore[type-arg]
    return Claim(
        field=d["field"], value=d["value"], doc_id=d["doc_id"], outlet=d.get("outlet"),
        published=d.get("published"), sentence=d.get("sentence") or "",
    )
