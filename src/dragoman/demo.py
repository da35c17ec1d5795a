"""The bundled demo week: sample pages written for dragoman, and a readable summary of what was found."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from dragoman import ingest
from dragoman.model import Actor, Event, RawDocument, Rejected
from dragoman.options import IngestOptions, Options

SAMPLES = "samples.json"


def sample_dir() -> Path:
    return Path(str(resources.files("dragoman") / "data" / "samples"))


def sample_documents(opts: Options) -> Iterator[RawDocument | Rejected]:
    """The sample pages, each read with the outlet/url/date its entry in samples.json gives."""
    folder = sample_dir()
    entries = json.loads((folder / SAMPLES).read_text(encoding="utf-8"))
    for entry in entries:
        page_opts: IngestOptions = replace(
            opts.ingest,
            outlet=entry.get("outlet") or opts.ingest.outlet,
            url=entry.get("url") or opts.ingest.url,
            published=entry.get("published") or opts.ingest.published,
        )
        yield from ingest.read_file(folder / entry["file"], page_opts, today=page_opts.ingested or "2026-02-15")


def _actor_label(actor: Actor) -> str:
    code = " ".join(x for x in (actor.country, actor.sector) if x)
    return f"{actor.name} ({code})" if code else actor.name


def _when(event: Event) -> str:
    return event.date.label() if event.date else "undated"


def summarise(
    events: Sequence[Event],
    *,
    articles: int,
    rejected: int,
    reports: int | None = None,
    tracks: Sequence[Mapping[str, Any]] = (),
) -> str:
    """A plain-text summary: counts by type and status, the tracks, then each talk with venue,
    date and sources. ``reports`` is how many per-article reports the events were fused from."""
    fused = f" (fused from {reports} reports)" if reports is not None and reports != len(events) else ""
    lines = [f"{articles} articles, {len(events)} events{fused}, {rejected} rejected inputs", ""]
    by_type = Counter(e.event_type for e in events)
    lines.append("Events by type:   " + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())))
    by_status = Counter(e.status for e in events)
    lines.append("Events by status: " + ", ".join(f"{s} {n}" for s, n in sorted(by_status.items())))
    if tracks:
        lines += ["", "Negotiation tracks:"]
    for t in tracks:
        lines.append(f"- {t['id']}: {t['name']}, {t['status']}")
        for r in t["rounds"]:
            where = ", ".join(x for x in (r["city"], r["country"]) if x)
            lines.append(f"    round {r['round']}: {r['status']}, {r['date'] or 'undated'}, {where or 'venue not reported'}")
    talks = [e for e in events if e.event_type == "CONSULT"]
    if talks:
        lines += ["", "Talks, meetings and messages:"]
    for event in talks:
        sides = " + ".join(_actor_label(a) for a in event.participants) or "unknown parties"
        where = f" in {event.location.text} ({event.location.country})" if event.location else ""
        lines.append(f"- [{event.status}] {sides}{where}, {_when(event)}")
        if event.mediator:
            lines.append(f"    {event.mediator.role or 'mediator'}: {_actor_label(event.mediator)}")
        if event.round:
            lines.append(f"    round {event.round}")
        for source in event.sources:
            cited = f", citing {source.attributed_to}" if source.attributed_to else ""
            lines.append(f"    source: {source.outlet or source.doc_id}{cited}")
        if len(event.sources) > 1:
            lines.append(f"    ({len(event.sources)} reports fused into this event)")
        if event.evidence:
            lines.append(f'    evidence: "{event.evidence[0].sentence}"')
    others = [e for e in events if e.event_type != "CONSULT"]
    if others:
        lines += ["", "Other events:"]
    for event in others:
        if event.source is not None:
            to = " + ".join(_actor_label(a) for a in event.addressees())
            sides = _actor_label(event.source) + (f" -> {to}" if to else "")
        elif event.target is not None:  # a request whose maker the sentence does not name
            sides = f"? -> {_actor_label(event.target)}"
        else:
            sides = " + ".join(_actor_label(a) for a in event.participants)
        code = event.cameo or f"/{event.mode}"  # an act CAMEO has no code for: its PLOVER mode
        lines.append(f"- {event.event_type} {code} [{event.status}] {sides}, {_when(event)}")
    return "\n".join(lines)
