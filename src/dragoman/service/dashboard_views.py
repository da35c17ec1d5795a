"""The dashboard's JSON twins: timeline, evidence, and the shared pieces.

Each page of the dashboard (``/ui/timeline``...) is a fixed HTML file whose script asks the twin
(``/ui/api/timeline``...) with the page's own query string; the JSON here is everything the page
shows. The network, map and tracks views are in ``dashboard_graphs``. The timeline, network and map
show a page of canonical events read by the API's reader, as /events pages them (``matching``:
bounded by ``limit``, continued with ``cursor``); the evidence and tracks read the ``Store``.

Article text and every name here are data from untrusted pages: they leave as JSON strings, and the
browser code puts them into the page with ``textContent`` only.
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from dragoman.fuse import Occurrence
from dragoman.model import STATUSES, Actor, Event
from dragoman.service.errors import ApiError
from dragoman.service.eventsql import EventFilters, Position
from dragoman.service.pages import PageReader
from dragoman.service.params import check_known, decode_cursor, encode_cursor, event_filters
from dragoman.store import Store
from dragoman.store.fusion import occurrence_from_dict

DEFAULT_LIMIT = 100  # events a page of the timeline, network or map draws: its CPU grows with it
MAX_LIMIT = 1000  # as /events: a page's cost grows with its size, whatever the store's
FILTERS = ("type", "status", "actor", "from", "to", "track", "q", "limit", "cursor")


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """What the pages filter on, checked: the same words and 422s as /events, and its cursor."""

    events: EventFilters = field(default_factory=EventFilters)
    actor: str | None = None  # as given, for the form
    limit: int = DEFAULT_LIMIT
    after: Position | None = None  # where the previous page ended

    def to_dict(self) -> dict[str, Any]:
        f = self.events
        given = {"type": f.event_type, "status": f.status, "actor": self.actor, "from": f.since,
                 "to": f.until, "track": f.track, "q": f.text}  # fmt: skip
        return {k: v for k, v in given.items() if v is not None}


def parse_filters(params: Mapping[str, str]) -> Filters:
    """Check a page's query string; an empty field (a blank form input) means no filter."""
    check_known(params.keys(), FILTERS)
    given = {k: v for k, v in params.items() if v.strip()}
    checked = event_filters(
        actor=given.get("actor"), event_type=given.get("type"), status=given.get("status"),
        since=given.get("from"), until=given.get("to"), track=given.get("track"), text=given.get("q"),
    )  # fmt: skip
    return Filters(
        events=checked, actor=given["actor"].strip() if "actor" in given else None,
        limit=_limit(given.get("limit")), after=decode_cursor(given.get("cursor"), checked, False),
    )  # fmt: skip


def _limit(value: str | None) -> int:
    if value is None:
        return DEFAULT_LIMIT
    if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise ApiError(
            422, "invalid_parameter", f"limit: {value!r} is not a whole number from 1 to {MAX_LIMIT}",
            problems=[{"parameter": "limit", "message": f"use 1 to {MAX_LIMIT}", "value": value}],
        )  # fmt: skip
    return int(value)


@dataclass(frozen=True, slots=True)
class Matches:
    """A page of the canonical events matching, and the cursor of the next one (None at the end)."""

    occurrences: list[Occurrence]
    next_cursor: str | None

    def header(self, filters: Filters, next_url: str | None) -> dict[str, Any]:
        """What every twin says of its page: how many, whether more match, the filters."""
        return {"count": len(self.occurrences), "truncated": self.next_cursor is not None,
                "next_cursor": self.next_cursor, "next": next_url, "filters": filters.to_dict()}  # fmt: skip


def matching(reader: PageReader, filters: Filters) -> Matches:
    """One page of the canonical events matching, in the order of /events, read by its reader:
    each filter is an index walked in page order, so a page costs about ``limit`` index steps."""
    page = reader.occurrence_page(filters.events, after=filters.after, limit=filters.limit, newest_first=False)
    found = [occurrence_from_dict(r) for r in page.records]
    return Matches(found, encode_cursor(page.next, filters.events, False) if page.next else None)


# -- timeline ---------------------------------------------------------------------------------


def timeline(reader: PageReader, filters: Filters, next_url: Callable[[str | None], str | None]) -> dict[str, Any]:
    """The timeline's page of events (``next_url`` makes the twin's URL of the page after)."""
    found = matching(reader, filters)
    return {
        "events": [event_summary(o) for o in found.occurrences],
        **found.header(filters, next_url(found.next_cursor)),
        "choices": choices(reader),
    }


def event_summary(o: Occurrence) -> dict[str, Any]:
    """One canonical event as the timeline, map and network show it."""
    e = o.event
    d = e.date
    evidence = e.evidence[0].sentence if e.evidence else None
    return {
        "id": e.id,
        "event_type": e.event_type,
        "mode": e.mode,
        "status": e.status,
        "date": {"start": d.start, "end": d.end, "precision": d.precision} if d else None,
        "when": d.label() if d else "undated",
        "who": who(e),
        "actors": sorted({a.name or a.text or "?" for a in _actors(e)}),
        "mediator": _name(e.mediator) if e.mediator else None,
        "location": _place(e),
        "track": e.track,
        "round": e.round,
        "outlets": sorted({s.outlet for s in e.sources if s.outlet}),
        "reports": len(o.reports),
        "independent_sources": o.independent_sources,
        "contradictions": len(o.contradictions),
        "sentence": evidence,
    }


def who(e: Event) -> str:
    """ "United States → Iran", "Iran – United States (mediator Oman)", or the one actor."""
    if e.source is not None and e.target is not None:
        text = f"{_name(e.source)} → {_name(e.target)}"
    else:
        names = dict.fromkeys(_name(a) for a in e.participants if a.role != "mediator")
        text = " – ".join(names) or "unnamed actors"
    return text + (f" (mediator {_name(e.mediator)})" if e.mediator else "")


def _actors(e: Event) -> Iterable[Actor]:
    yield from e.participants
    if e.mediator is not None:
        yield e.mediator


def _name(a: Actor) -> str:
    return a.name or a.text or a.country or "?"


def _place(e: Event) -> dict[str, Any] | None:
    loc = e.location
    if loc is None:
        return None
    return {"text": loc.text, "country": loc.country, "country_name": country_name(loc.country),
            "lat": loc.lat, "lon": loc.lon}  # fmt: skip


def choices(reader: PageReader) -> dict[str, Any]:
    """What the filter form offers: types (with colour group), statuses, tracks."""
    return {"types": event_types(), "statuses": list(STATUSES), "tracks": reader.track_names()}


@functools.cache
def event_types() -> list[dict[str, Any]]:
    """PLOVER types with their definition and quad class (1 verbal cooperation ... 4 material
    conflict), read from the ontology table: the legend and the colour families."""
    path = resources.files("dragoman") / "data" / "ontology" / "plover_types.tsv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [
        {"type": r["type"], "definition": r["definition"], "quad_class": int(r["quad_class"])}
        for r in rows
    ]


# -- evidence ---------------------------------------------------------------------------------


def evidence(store: Store, occurrence_id: str) -> dict[str, Any]:
    """An event with each reporting article's clean text and where its sentences sit in it."""
    o = store.occurrence(occurrence_id)
    if o is None:
        raise ApiError(404, "not_found", f"no event {occurrence_id!r}; find one at /ui/timeline")
    e = o.event
    sentences: dict[str, list[tuple[int, int, str]]] = {}
    for ev in e.evidence:
        sentences.setdefault(ev.doc_id, []).append((ev.start, ev.end, ev.sentence))
    sources = {s.doc_id: s for s in e.sources}
    articles = []
    for doc_id in dict.fromkeys([*sources, *sentences]):
        article = store.article(doc_id)
        if article is None:
            continue
        source = sources.get(doc_id)
        articles.append({
            "id": article.id, "title": article.title, "outlet": article.outlet, "url": article.url,
            "author": article.author, "published": article.published.start if article.published else None,
            "attributed_to": source.attributed_to if source else None,
            "text": article.text, "spans": spans(article.text, sentences.get(doc_id, [])),
        })  # fmt: skip
    articles.sort(key=lambda a: (a["published"] or "", a["id"]))
    track = store.track(e.track) if e.track else None
    return {
        "event": o.to_dict(),
        "summary": event_summary(o),
        "track": {"id": track["id"], "name": track["name"], "round": e.round} if track else None,
        "articles": articles,
    }


def spans(text: str, sentences: Iterable[tuple[int, int, str]]) -> list[dict[str, int]]:
    """Where each evidence sentence is in ``text``: its stored offsets when they still point at it,
    else wherever the sentence occurs (an article cleaned again may have shifted); sorted, merged."""
    found: list[tuple[int, int]] = []
    for start, end, sentence in sentences:
        if text[start:end] == sentence:
            found.append((start, end))
        elif sentence and (at := text.find(sentence)) >= 0:
            found.append((at, at + len(sentence)))
    merged: list[list[int]] = []
    for start, end in sorted(set(found)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [{"start": s, "end": e} for s, e in merged]


# -- names ------------------------------------------------------------------------------------


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    return _country_names().get(code.upper(), code)


@functools.cache
def _country_names() -> dict[str, str]:
    """ISO3 -> the short English name dragoman's actor tables use ("Iran", not "Iran, Islamic
    Republic of"), and IGO slots ("EUR" -> "European Union")."""
    names: dict[str, str] = {}
    folder = resources.files("dragoman") / "data" / "actors"
    for line in (folder / "igos.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            names.setdefault(row["slot"], row["name"])
    for line in (folder / "countries.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            names[row["iso3"]] = row["name"]
    return names
