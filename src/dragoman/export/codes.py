"""Code conversions at the export boundary: CAMEO actor codes, dyads, Goldstein, PLOVER quad/scale.

An event with no CAMEO code (an act CAMEO lacks, RETREAT/resign) has no dyads: the CAMEO export
skips it; PLOVER takes its quad from the type and its scale from the mode.

Decisions 2, 3, 11-14 of ../shared/ontology/README.md: mediators export as 045 mediator -> party,
planned talks as 036 (planned mediation 039), IGOs in Phoenix codes, our sectors JRN/MED as CAMEO's
MED/HLH, Goldstein from the ICEWS column of cameo_codes.tsv only.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from itertools import permutations
from typing import Any

from dragoman.model import Actor, Event

# PLOVER's IGO slots and the Phoenix codes CAMEO data uses for them.
_SLOT_TO_CAMEO = {"UNO": "IGOUNO", "EUR": "IGOEUREEC", "IGO": "IGO", "NGO": "NGO"}
# CAMEO/Phoenix country codes that differ from ISO 3166 alpha-3.
_ISO_TO_CAMEO = {"XKX": "KSV", "TLS": "TMP"}
# Our sector codes (PLOVER) -> CAMEO's, where they differ (decision 13).
_SECTOR_TO_CAMEO = {"JRN": "MED", "MED": "HLH"}


@cache
def _table(name: str) -> dict[str, dict[str, str]]:
    path = resources.files("dragoman") / "data" / "ontology" / name
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    key = next(iter(rows[0])) if rows else "code"
    if name == "plover_modes.tsv":
        return {f"{r['type']}/{r['mode']}": r for r in rows}
    return {r[key]: r for r in rows}


def plover_actors(event: Event) -> tuple[list[Actor], Actor | None]:
    """(actors, recipient) as PLOVER writes them: the source, else every party but the target."""
    actors = [event.source] if event.source else [a for a in event.participants if a.role != "target"]
    return actors, event.target


def goldstein(cameo: str) -> float | None:
    row = _table("cameo_codes.tsv").get(cameo)
    return float(row["goldstein"]) if row and row.get("goldstein") else None


def quad_class(cameo: str) -> int | None:
    row = _table("cameo_codes.tsv").get(cameo)
    return int(row["quad_class"]) if row and row.get("quad_class") else None


def plover_quad(event_type: str) -> int | None:
    row = _table("plover_types.tsv").get(event_type)
    return int(row["quad_class"]) if row else None


def plover_scale(event_type: str, mode: str | None) -> float | None:
    if mode:
        row = _table("plover_modes.tsv").get(f"{event_type}/{mode}")
        if row and row.get("score"):
            return float(row["score"])
    row = _table("plover_types.tsv").get(event_type)
    return float(row["score"]) if row and row.get("score") else None


def cameo_actor_code(actor: Actor, *, plover: bool = False) -> str:
    """``USAGOV`` for CAMEO; ``"USA GOV"`` (PLOVER's country + sector) with ``plover=True``."""
    country = actor.country or ""
    sector = actor.sector or ""
    if plover:
        return f"{country} {sector}".strip() or actor.name
    return _ISO_TO_CAMEO.get(country, _SLOT_TO_CAMEO.get(country, country)) + _SECTOR_TO_CAMEO.get(sector, sector)


def dyads(event: Event) -> list[tuple[Actor | None, Actor | None, str]]:
    """(source, target, cameo) triples for the CAMEO export of one event; none for an act CAMEO
    has no code for (``cameo`` None: a resignation, RETREAT/resign), which only PLOVER records."""
    planned = event.status == "planned" and event.event_type == "CONSULT"
    if event.cameo is None and not planned:
        return []
    if event.source or event.target:
        triples = [(event.source, event.target, "036" if planned else event.cameo)]
    else:
        parties = [a for a in event.participants if a.role in (None, "party", "host")]
        cameo = "036" if planned else event.cameo
        triples = [(a, b, cameo) for a, b in permutations(parties, 2)]
        if len(parties) == 1:
            triples = [(parties[0], None, cameo)]
    if event.mediator:
        parties = [a for a in event.participants if a.role != "mediator"]
        code = "039" if planned else "045"
        triples += [(event.mediator, p, code) for p in parties]
    return triples


def cameo_row(event: Event) -> list[dict[str, Any]]:
    date = (event.date.start or event.date.end) if event.date else None
    evidence = event.evidence[0].sentence if event.evidence else ""
    source = event.sources[0] if event.sources else None
    rows = []
    for a, b, code in dyads(event):
        rows.append(
            {
                "event_id": event.id,
                "date": date,
                "source_code": cameo_actor_code(a) if a else "",
                "target_code": cameo_actor_code(b) if b else "",
                "cameo": code,
                "root": code[:2],
                "quad_class": quad_class(code),
                "goldstein": goldstein(code),
                "location_country": event.location.country if event.location else "",
                "status": event.status,
                "doc_id": source.doc_id if source else "",
                "url": source.url if source and source.url else "",
                "evidence": evidence,
            }
        )
    return rows
