"""The dashboard's tracks, actor network and map twins (see ``dashboard_views`` for the rest)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from dragoman.fuse import Occurrence
from dragoman.model import Actor
from dragoman.service.dashboard_views import Filters, choices, country_name, event_summary, matching
from dragoman.service.pages import PageReader
from dragoman.service.tracks import member_events
from dragoman.store import Store

GEOMETRY = "/ui/static/vendor/world-atlas/countries-50m.json"
MEDIATE = "MEDIATE"  # the network's edge type for a mediator and each party it mediates between
# Sectors that speak for the state: their actors are drawn as the country in the network.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", None})
EDGE_EVENTS = 20  # event ids kept per edge, for the list shown on a click


# -- tracks -----------------------------------------------------------------------------------


def tracks_view(store: Store) -> dict[str, Any]:
    return {"tracks": [track_view(store, t) for t in store.tracks()]}


def track_view(store: Store, track: Mapping[str, Any]) -> dict[str, Any]:
    """A track with names for its codes and outlets for its article ids, ready to draw."""
    members = member_events(store, dict(track))
    docs = _documents(members.values())
    names = {**(track.get("names") or {})}

    def named(code: str | None) -> dict[str, str] | None:
        return (
            {"code": code, "name": names.get(code) or country_name(code) or code} if code else None
        )

    rounds = []
    for r in track.get("rounds") or []:
        meetings = [m for m in r.get("meetings") or [] if m in members]
        rounds.append({
            **{k: r.get(k) for k in ("round", "status", "date", "date_precision", "city", "topics", "status_history")},
            "country": named(r.get("country")),
            "mediator": named(r.get("mediator")),
            "delegations": [{**d, "side": named(d["side"])} for d in r.get("delegations") or []],
            "agreements": [event_summary(members[i]) for i in r.get("agreements") or [] if i in members],
            "sources": [docs.get(i, {"doc_id": i}) for i in r.get("sources") or []],
            "meetings": meetings,
        })  # fmt: skip
    return {
        **{k: track.get(k) for k in ("id", "name", "status", "topics", "first_date", "last_date")},
        "parties": [named(p) for p in track.get("parties") or []],
        "mediator": named(track.get("mediator")),
        "status_history": list(track.get("status_history") or []),
        "rounds": rounds,
        "other_meetings": [
            event_summary(members[i]) for i in track.get("other_meetings") or [] if i in members
        ],
        "sources": len(track.get("sources") or []),
        "links": _track_links(track["id"]),
    }


def _track_links(track_id: str) -> dict[str, str]:
    return {
        "api": f"/tracks/{track_id}",
        "brief": f"/tracks/{track_id}/brief",
        "brief_md": f"/tracks/{track_id}/brief?format=md",
        "events": f"/ui/timeline?track={track_id}",
    }


def _documents(occurrences: Iterable[Occurrence]) -> dict[str, dict[str, Any]]:
    return {
        s.doc_id: {"doc_id": s.doc_id, "outlet": s.outlet, "published": s.published, "url": s.url}
        for o in occurrences
        for s in o.event.sources
    }


# -- actor network ----------------------------------------------------------------------------


def network(reader: PageReader, filters: Filters, next_url: Callable[[str | None], str | None]) -> dict[str, Any]:
    """Who meets, mediates, threatens or sanctions whom: actors as nodes, one edge per pair and
    event type, counting the canonical events behind it (those of one page of ``matching``)."""
    page = matching(reader, filters)
    found = page.occurrences
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for o in found:
        for a, b, kind, directed in links(o):
            ka, kb = node(nodes, a), node(nodes, b)
            if ka == kb:
                continue
            if not directed and kb < ka:
                ka, kb = kb, ka
            edge = edges.setdefault((ka, kb, kind), {"source": ka, "target": kb, "type": kind,
                                                     "directed": directed, "count": 0, "events": []})  # fmt: skip
            if o.id not in edge["events"]:
                edge["count"] += 1
                if len(edge["events"]) < EDGE_EVENTS:
                    edge["events"].append(o.id)
    linked = {k for e in edges.values() for k in (e["source"], e["target"])}
    for e in edges.values():
        for k in (e["source"], e["target"]):
            nodes[k]["events"] += e["count"]
    shown = {i for e in edges.values() for i in e["events"]}
    return {
        "nodes": sorted((n for k, n in nodes.items() if k in linked), key=lambda n: -n["events"]),
        "edges": sorted(
            edges.values(), key=lambda e: (-e["count"], e["source"], e["target"], e["type"])
        ),
        "events": {o.id: event_summary(o) for o in found if o.id in shown},
        **page.header(filters, next_url(page.next_cursor)),
        "choices": choices(reader),
    }


def links(o: Occurrence) -> list[tuple[Actor, Actor, str, bool]]:
    """The actor pairs an event connects: source -> target; else every pair of parties (a
    meeting has no direction); and the mediator -> each party, as MEDIATE."""
    e = o.event
    found: list[tuple[Actor, Actor, str, bool]] = []
    parties = [a for a in e.participants if a.role != "mediator"]
    if e.source is not None and e.target is not None:
        found.append((e.source, e.target, e.event_type, True))
    else:
        found += [
            (a, b, e.event_type, False) for i, a in enumerate(parties) for b in parties[i + 1 :]
        ]
    if e.mediator is not None:
        found += [(e.mediator, p, MEDIATE, True) for p in parties]
    return found


def node(nodes: dict[str, dict[str, Any]], a: Actor) -> str:
    """The node an actor is drawn as: its country for state actors (a minister, the army and the
    government are one node), else the group itself within its country."""
    state = a.sector in STATE_SECTORS and a.country
    key = (
        str(a.country)
        if state
        else f"{a.country or '?'} {a.sector or ''} {a.name or a.text}".strip()
    )
    if key not in nodes:
        label = country_name(a.country) if state else a.name or a.text or key
        nodes[key] = {"id": key, "label": label, "country": a.country, "sector": None if state else a.sector,
                      "state": bool(state), "events": 0, "names": []}  # fmt: skip
    name = a.name or a.text
    if name and name != nodes[key]["label"] and name not in nodes[key]["names"]:
        nodes[key]["names"].append(name)  # "Abbas Araghchi", "State Department": who spoke for it
    return key


# -- map --------------------------------------------------------------------------------------


def places(reader: PageReader, filters: Filters, next_url: Callable[[str | None], str | None]) -> dict[str, Any]:
    """Where events took place: points for located ones, a count per country for the rest, and
    the venues of track rounds (of one page of ``matching``)."""
    page = matching(reader, filters)
    found = page.occurrences
    points: dict[str, dict[str, Any]] = {}
    countries: dict[str, dict[str, Any]] = {}
    unplaced = 0
    for o in found:
        loc = o.event.location
        if loc is None or (loc.lat is None and not loc.country):
            unplaced += 1
            continue
        if loc.country:
            country(countries, loc.country)["events"] += 1
        if loc.lat is None or loc.lon is None:
            continue
        key = f"{loc.lat:.2f},{loc.lon:.2f}"
        point = points.setdefault(key, {"name": loc.text, "country": loc.country,
                                        "country_name": country_name(loc.country), "lat": loc.lat,
                                        "lon": loc.lon, "events": [], "rounds": []})  # fmt: skip
        point["events"].append(event_summary(o))
        if o.event.track and o.event.round is not None and o.event.event_type == "CONSULT":
            point["rounds"].append({"track": o.event.track, "round": o.event.round, "status": o.event.status,
                                    "date": o.event.date.start if o.event.date else None})  # fmt: skip
    return {
        "geometry": GEOMETRY,
        "points": sorted(points.values(), key=lambda p: (-len(p["events"]), p["name"] or "")),
        "countries": sorted(countries.values(), key=lambda c: c["code"]),
        "unplaced": unplaced,
        **page.header(filters, next_url(page.next_cursor)),
        "choices": choices(reader),
    }


def country(countries: dict[str, dict[str, Any]], code: str) -> dict[str, Any]:
    if code not in countries:
        countries[code] = {
            "code": code,
            "name": country_name(code),
            "numeric": iso_numeric(code),
            "events": 0,
        }
    return countries[code]


@functools.cache
def iso_numeric(code: str) -> str | None:
    """The ISO 3166 numeric code the world-atlas shapes are keyed by ("756" for CHE)."""
    import pycountry

    found = pycountry.countries.get(alpha_3=code.upper())
    return found.numeric if found is not None else None
