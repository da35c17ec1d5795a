"""The "what to expect" brief of a track: filled templates over the stored records.

Nothing here generates free text: every sentence is a template filled from a track, round or
canonical event, and ends with the sources that support it ("[Alpine Wire 2026-02-13]").

    brief = make_brief(track, occurrences, context)   # a dict (the JSON form)
    print(render_markdown(brief))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dragoman.fuse import Occurrence

_UPCOMING = ("planned", "postponed")


def make_brief(
    track: Mapping[str, Any], occurrences: Mapping[str, Occurrence], context: Sequence[Occurrence]
) -> dict[str, Any]:
    """The brief of ``track`` (a stored track record), given its member occurrences by id and the
    background events around it."""
    names = track.get("names") or {}
    rounds = track.get("rounds") or []
    upcoming = [r for r in rounds if r["status"] in _UPCOMING]
    held = [r for r in rounds if r["status"] in ("occurred", "ongoing")]
    nxt = upcoming[-1] if upcoming else None
    return {
        "track": track["id"],
        "title": f"What to expect: {track['name']}",
        "status": track["status"],
        "next_round": _round_claim(nxt, names, occurrences) if nxt else None,
        "delegations": _delegations(track, occurrences, names),
        "agenda": [
            {"topic": t, "sources": _sources_mentioning(t, track, occurrences)} for t in track.get("topics") or []
        ],
        "earlier_rounds": [_round_claim(r, names, occurrences) for r in held],
        "status_history": [
            {"text": f"{h['status']} ({h['because']})", "sources": [_cite(h.get("outlet"), h.get("reported"))]}
            for h in track.get("status_history") or []
        ],
        "background": [_event_claim(o, names) for o in context],
        "open_questions": _open_questions(track, occurrences, names),
    }


def render_markdown(brief: Mapping[str, Any]) -> str:
    lines = [f"# {brief['title']}", "", f"Track `{brief['track']}`, status: **{brief['status']}**.", ""]
    lines += ["## Next round", ""]
    nxt = brief.get("next_round")
    lines += [_line(nxt) if nxt else "- No upcoming round is reported.", ""]
    for heading, key in (
        ("Who leads each side", "delegations"),
        ("Agenda", "agenda"),
        ("Earlier rounds", "earlier_rounds"),
        ("How the process got here", "status_history"),
        ("Background pressures", "background"),
        ("Open questions and contradictions", "open_questions"),
    ):
        items = brief.get(key) or []
        lines += [f"## {heading}", ""]
        lines += [_line(i) for i in items] or ["- Nothing reported."]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _line(item: Mapping[str, Any]) -> str:
    text = item.get("text") or item.get("topic") or ""
    cited = "; ".join(item.get("sources") or [])
    return f"- {text}" + (f" [{cited}]" if cited else "")


def _round_claim(r: Mapping[str, Any], names: Mapping[str, str], occ: Mapping[str, Occurrence]) -> dict[str, Any]:
    where = ", ".join(x for x in (r.get("city"), names.get(r.get("country") or "", r.get("country"))) if x)
    when = r.get("date") or "date not reported"
    if r.get("date_precision") in ("week", "month"):
        when = f"the {r['date_precision']} of {r['date']}"
    mediator = f", mediated by {names.get(r['mediator'], r['mediator'])}" if r.get("mediator") else ""
    if mediator and r.get("mediator_from") == "track":
        mediator += " (from the track: no report of this round names its mediator)"
    deals = [occ[i] for i in r.get("agreements") or [] if i in occ]
    outcome = "".join(f"; outcome: {_sentence(o)}" for o in deals[:1])
    text = f"Round {r['round']}: {r['status']}, {when}" + (f", in {where}" if where else "") + mediator + outcome
    meetings = [occ[i] for i in r.get("meetings") or [] if i in occ]
    return {"text": text + ".", "round": r["round"], "sources": _cites(meetings)}


def _delegations(track: Mapping[str, Any], occ: Mapping[str, Occurrence], names: Mapping[str, str]) -> list[dict[str, Any]]:
    """The people around the next round (else the latest one), by side, with the report naming them."""
    rounds = track.get("rounds") or []
    upcoming = [r for r in rounds if r["status"] in _UPCOMING]
    chosen = upcoming[-1:] or rounds[-1:]
    docs = {s.doc_id: _cite(s.outlet, s.published) for o in occ.values() for s in o.event.sources}
    found = []
    for r in chosen:
        for d in r.get("delegations") or []:
            side = names.get(d["side"], d["side"])
            role = "mediator" if d["side"] == track.get("mediator") else side
            title = f", {d['title']}" if d.get("title") else ""
            found.append({"text": f"{role}: {d['name']}{title}", "sources": [docs.get(d["doc_id"], d["doc_id"])]})
    return found


def _sources_mentioning(topic: str, track: Mapping[str, Any], occ: Mapping[str, Occurrence]) -> list[str]:
    return _cites([o for i in track.get("members") or [] if (o := occ.get(i)) and topic in o.event.topics])


def _event_claim(o: Occurrence, names: Mapping[str, str]) -> dict[str, Any]:
    e = o.event
    sides = dict.fromkeys(names.get(p.country or "", p.name) for p in e.participants)
    who = " and ".join(sides) or "unnamed actors"
    when = e.date.label() if e.date else "undated"
    return {"text": f"{e.event_type.lower()} ({e.status}, {when}) involving {who}: {_sentence(o)}", "sources": _cites([o])}


def _open_questions(track: Mapping[str, Any], occ: Mapping[str, Occurrence], names: Mapping[str, str]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for o in (occ[i] for i in track.get("members") or [] if i in occ):
        for a, b in o.contradictions:
            found.append(
                {
                    "text": f"Sources disagree on the {a.field} of \"{_sentence(o)}\": {a.value} ({a.outlet or a.doc_id}) "
                    f"vs {b.value} ({b.outlet or b.doc_id}).",
                    "sources": [_cite(a.outlet, a.published), _cite(b.outlet, b.published)],
                }
            )
        if o.event.status in ("hypothetical", "denied"):
            found.append({"text": f"{o.event.status.capitalize()}: {_sentence(o)}", "sources": _cites([o])})
    return found


def _sentence(o: Occurrence) -> str:
    return o.event.evidence[0].sentence if o.event.evidence else o.event.event_type


def _cites(occurrences: Sequence[Occurrence]) -> list[str]:
    return sorted({_cite(s.outlet, s.published) for o in occurrences for s in o.event.sources})


def _cite(outlet: str | None, published: str | None) -> str:
    return " ".join(x for x in (outlet or "unnamed outlet", published) if x)
