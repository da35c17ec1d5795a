"""Export stage: events -> PLOVER JSON lines, CAMEO TSV, CSV or Parquet.

Rules follow ../shared/ontology/README.md ("PLOVER export", "CAMEO export"): planned CONSULT is
exported to PLOVER as AGREE, a planned RETREAT as CONCEDE (decisions 1 and 16: a future concession
is a promised one, "the troops are to withdraw"), except a resignation announced ahead ("will
resign"): the office holder's own decision, conceded to no one, stays RETREAT/resign, planned, as an
announced cut stays SANCTION (decision 18); cancelled, denied and hypothetical
events are not exported to PLOVER or CAMEO (they stay in CSV/Parquet, which carry every record with
its status). The CAMEO export skips an event with no CAMEO code (``cameo`` None: a resignation);
PLOVER, CSV and Parquet keep it, ``cameo`` null/empty.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from dragoman.errors import ConfigError
from dragoman.export.codes import (
    cameo_actor_code,
    cameo_row,
    plover_actors,
    plover_quad,
    plover_scale,
)
from dragoman.model import Actor, Event

NOT_EXPORTED = frozenset({"cancelled", "denied", "hypothetical"})
# PLOVER's type for a planned act of these types: a meeting planned is agreed on, a concession
# to be carried out is promised (decisions 1 and 16); other future acts keep their type
PLANNED_AS = {"CONSULT": "AGREE", "RETREAT": "CONCEDE"}
# modes whose planned act is a decision the actor announces about itself, not a promise to
# another party: they keep their type (decision 18)
PLANNED_OWN_DECISION = frozenset({"resign"})
FLAT_COLUMNS = (
    "id", "date_start", "date_end", "date_precision", "event_type", "mode", "context", "cameo", "status",
    "source", "source_country", "source_sector", "target", "target_country", "target_sector",
    "participants", "mediator", "mediator_country", "location", "location_country", "lat", "lon",
    "track", "round", "topics", "outlets", "urls", "attributed_to", "doc_ids", "evidence", "confidence",
)  # fmt: skip
CAMEO_COLUMNS = (
    "event_id", "date", "source_code", "target_code", "cameo", "root", "quad_class", "goldstein",
    "location_country", "status", "doc_id", "url", "evidence",
)  # fmt: skip


def plover_records(events: Iterable[Event]) -> Iterable[dict[str, Any]]:
    for event in events:
        if event.status in NOT_EXPORTED:
            continue
        event_type = plover_type(event)
        # the promise has no mode of its own (CONCEDE has none): "resign" stays in the record
        mode = event.mode if event_type == event.event_type else None
        actors, recipient = plover_actors(event)
        yield {
            "id": event.id,
            "date": (event.date.start or event.date.end) if event.date else None,
            "date_precision": event.date.precision if event.date else None,
            "event": event_type,
            "mode": mode,
            "context": list(event.context),
            "quad": plover_quad(event_type),
            "scale": plover_scale(event_type, mode),
            "actor": [_plover_actor(a) for a in actors],
            "recipient": [_plover_actor(recipient)] if recipient else [],
            "mediator": _plover_actor(event.mediator) if event.mediator else None,
            "location": event.location.to_dict() if event.location else None,
            "status": event.status,
            "cameo": event.cameo,
            "sources": [s.to_dict() for s in event.sources],
            "evidence": [e.sentence for e in event.evidence],
        }


def plover_type(event: Event) -> str:
    """The PLOVER type an event is exported with: planned talks are AGREE, a planned concession
    CONCEDE (``PLANNED_AS``), an announced resignation and any other its own."""
    if event.status == "planned" and event.mode not in PLANNED_OWN_DECISION:
        return PLANNED_AS.get(event.event_type, event.event_type)
    return event.event_type


def _plover_actor(actor: Actor) -> dict[str, Any]:
    return {"name": actor.name, "country": actor.country, "sector": actor.sector}


def write_plover_json(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for record in plover_records(events):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def write_cameo_tsv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(CAMEO_COLUMNS)
    n = 0
    for event in events:
        if event.status in NOT_EXPORTED:
            continue
        for row in cameo_row(event):
            writer.writerow([row[c] for c in CAMEO_COLUMNS])
            n += 1
    return n


def flat_record(event: Event) -> dict[str, Any]:
    """One event as one flat row (lists joined with "; ") for CSV and Parquet."""
    date = event.date
    loc = event.location
    return {
        "id": event.id,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "event_type": event.event_type,
        "mode": event.mode,
        "context": "; ".join(event.context),
        "cameo": event.cameo,
        "status": event.status,
        "source": event.source.name if event.source else None,
        "source_country": event.source.country if event.source else None,
        "source_sector": event.source.sector if event.source else None,
        "target": event.target.name if event.target else None,
        "target_country": event.target.country if event.target else None,
        "target_sector": event.target.sector if event.target else None,
        "participants": "; ".join(cameo_actor_code(a, plover=True) for a in event.participants),
        "mediator": event.mediator.name if event.mediator else None,
        "mediator_country": event.mediator.country if event.mediator else None,
        "location": loc.text if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "track": event.track,
        "round": event.round,
        "topics": "; ".join(event.topics),
        "outlets": "; ".join(sorted({s.outlet for s in event.sources if s.outlet})),
        "urls": "; ".join(sorted({s.url for s in event.sources if s.url})),
        "attributed_to": "; ".join(s.attributed_to for s in event.sources if s.attributed_to),
        "doc_ids": "; ".join(sorted({s.doc_id for s in event.sources})),
        "evidence": " | ".join(e.sentence for e in event.evidence),
        "confidence": event.confidence,
    }


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(flat_record(event))
        n += 1
    return n


def write_parquet(events: Iterable[Event], path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise ConfigError("Parquet export needs pyarrow: pip install 'dragoman[parquet]'") from e
    rows = [flat_record(e) for e in events]
    columns = {c: [r[c] for r in rows] for c in FLAT_COLUMNS}
    pq.write_table(pa.table(columns), path)
    return len(rows)


TEXT_WRITERS: dict[str, Callable[[Iterable[Event], TextIO], int]] = {
    "plover-json": write_plover_json,
    "cameo-tsv": write_cameo_tsv,
    "csv": write_csv,
}
FORMATS = (*TEXT_WRITERS, "parquet")


def export(events: Iterable[Event], fmt: str, out: Path | TextIO) -> int:
    """Write ``events`` in format ``fmt`` to a path or an open text stream; returns rows written."""
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ConfigError("Parquet is binary: give an output file with --output FILE.parquet")
        return write_parquet(events, out)
    writer = TEXT_WRITERS.get(fmt)
    if writer is None:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as f:
            return writer(events, f)
    return writer(events, out)


def export_text(events: Iterable[Event], fmt: str) -> str:
    buf = io.StringIO()
    export(events, fmt, buf)
    return buf.getvalue()
