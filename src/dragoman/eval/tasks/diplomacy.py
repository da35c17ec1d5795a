"""Task ``diplomacy_articles``: pages -> events and tracks, scored by bench/diplomacy/README.md.

Every page in ``docs_dir`` named in the gold's ``documents`` is read and run through the user
pipeline into a fresh in-memory store (``pipeline.iter_documents``: ingest -> clean -> understand ->
coding -> store, where fusion and tracks run), exactly as ``dragoman ingest`` does. **A system event
is a canonical event (an occurrence)**: one story told by three outlets is one system event citing
three files, and the system tracks are the store's tracks.

Recipe: compatible pairs (same type, same participant set, location country equal or gold null,
dates agreeing: ±1 day for a gold day; same ISO week / month for a gold week / month; a system
week or month must contain the gold date; a null gold date matches any), matched one to one and
greedily, ranked by files with overlapping evidence, then equal status, then date distance.
``negatives_violated`` counts negatives overlapped by the evidence of an unmatched system event.
Codes compare through the ``diplomacy`` rows of ``data/eval/code_aliases.tsv`` (IGOEU -> EUR).
With ``--limit N`` only the first N pages are read, and the gold is cut to the events and
negatives of those pages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dragoman import ingest, pipeline
from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.eval.metrics import Counts, ratio
from dragoman.eval.tables import aliases
from dragoman.eval.tasks._common import add_error, clip, drop_none, tick
from dragoman.model import Article, Event, normalise_ws
from dragoman.options import Options
from dragoman.store import Store

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# Attribution phrases share a key noun when a word outside this list is common to both.
# fmt: off
_NOT_KEY = frozenset({
    "a", "an", "the", "of", "on", "in", "at", "to", "for", "from", "with", "and", "or", "by", "who",
    "which", "that", "this", "his", "her", "its", "their", "said", "says", "according", "citing",
    "familiar", "officials", "official", "sources", "source",
})
# fmt: on


@dataclass(frozen=True, slots=True)
class SystemEvent:
    event: Event
    files: frozenset[str]  # the gold files whose articles report it
    participants: frozenset[str]
    doc_ids: dict[str, str]  # file -> article id, for the evidence of each file


@dataclass(slots=True)
class SystemTrack:
    """A negotiation track as the store reports it."""

    participants: frozenset[str]
    mediator: str | None
    # round number -> {"city", "country", "date", "status"}
    rounds: dict[int, dict[str, Any]] = field(default_factory=dict)
    status_history: list[str] = field(default_factory=list)


def system_tracks(store: Store, countries: dict[str, str]) -> list[SystemTrack]:
    """The store's tracks, with codes read through the set's aliases."""
    found = []
    for t in store.tracks():
        found.append(
            SystemTrack(
                participants=frozenset(countries.get(p, p) for p in t["parties"]),
                mediator=countries.get(t["mediator"], t["mediator"]),
                rounds={r["round"]: r for r in t["rounds"]},
                status_history=[h["status"] for h in t["status_history"]],
            )
        )
    return found


def run(spec: SetSpec, *, limit: int | None, opts: Options, progress: Progress) -> TaskOutput:
    docs_dir = spec.file("docs_dir") or spec.path.parent
    gold = json.loads(spec.path.read_text(encoding="utf-8"))
    documents = gold.get("documents") or []
    if limit is not None:
        documents = documents[:limit]
    files = [d["file"] for d in documents]
    countries = aliases("country", "diplomacy")
    today = opts.ingest.ingested or date.today().isoformat()
    errors: list[str] = []
    with Store(":memory:") as store:
        articles = _ingest(store, [docs_dir / d["file"] for d in tick(documents, progress)], opts, today, errors)
        file_of = {a.id: f for f, a in articles.items() if a is not None}
        system = [
            SystemEvent(
                o.event,
                frozenset(file_of[s.doc_id] for s in o.event.sources if s.doc_id in file_of),
                _codes(o.event, countries),
                {f: a.id for f, a in articles.items() if a is not None},
            )
            for o in store.occurrences()
        ]
        tracks = system_tracks(store, countries)
    keep = set(files)
    gold_events = [g for g in gold.get("events") or [] if keep & set(g.get("reported_in") or [])]
    negatives = [n for n in gold.get("negatives") or [] if n.get("file") in keep]
    pairs = match(gold_events, system, countries)
    matched_sys = {id(s) for _, s in pairs}
    counts = Counts(tp=len(pairs), fp=len(system) - len(pairs), fn=len(gold_events) - len(pairs))
    multi = [g for g in gold_events if len(keep & set(g["reported_in"])) >= 2]
    by_gold = {id(g): s for g, s in pairs}
    fused = sum(
        s.files == keep & set(g["reported_in"]) for g in multi if (s := by_gold.get(id(g)))
    )
    violated = [
        n
        for n in negatives
        if any(
            id(s) not in matched_sys and _overlaps(s, n["file"], n["sentence"])
            for s in system
        )
    ]
    metrics = {
        "event_precision": counts.precision,
        "event_recall": counts.recall,
        "event_f1": counts.f1,
        "status_acc": ratio(sum(g["status"] == s.event.status for g, s in pairs), len(pairs)),
        "fusion_acc": ratio(fused, len(multi)),
        **_track_scores(gold.get("tracks") or [], tracks, countries),
        "negatives_violated": len(violated),
    }
    _explain(gold_events, system, pairs, violated, errors)
    diagnostics = _diagnostics(documents, articles, gold_events, system, pairs, tracks)
    return TaskOutput(
        n=len(documents), metrics=drop_none(metrics), diagnostics=diagnostics, errors=tuple(errors)
    )


def _ingest(
    store: Store, paths: list[Path], opts: Options, today: str, errors: list[str]
) -> dict[str, Article | None]:
    """Each page through the user pipeline into ``store``; its stored article by file name."""
    found: dict[str, Article | None] = {}
    for path in paths:
        found[path.name] = None
        for result in pipeline.iter_documents(ingest.read_file(path, opts.ingest, today=today), store, opts):
            if result.rejected is not None:
                add_error(errors, f"{path.name}: rejected at {result.rejected.stage}: {result.rejected.reason}")
            elif result.article_id:
                found[path.name] = store.article(result.article_id)
    return found


def _codes(event: Event, countries: dict[str, str]) -> frozenset[str]:
    return frozenset(
        countries.get(p.country, p.country)
        for p in event.participants
        if p.country and p.role not in ("mediator", "intermediary")
    )


def match(
    gold: list[dict[str, Any]], system: list[SystemEvent], countries: dict[str, str]
) -> list[tuple[dict[str, Any], SystemEvent]]:
    """One-to-one greedy matching over compatible pairs, best ranked first."""
    ranked = []
    for gi, g in enumerate(gold):
        wanted = frozenset(countries.get(c, c) for c in g["participants"])
        for si, s in enumerate(system):
            e = s.event
            if e.event_type != g["event_type"] or s.participants != wanted:
                continue
            if g.get("location_country") and (
                not e.location or e.location.country != g["location_country"]
            ):
                continue
            distance = date_distance(g.get("date"), g.get("date_precision"), e)
            if distance is None:
                continue
            files = sum(_overlaps(s, f, text) for f, text in (g.get("evidence") or {}).items())
            ranked.append(((-files, g["status"] != e.status, distance, gi, si), g, s))
    ranked.sort(key=lambda r: r[0])
    used_gold: set[int] = set()
    used_sys: set[int] = set()
    pairs = []
    for _, g, s in ranked:
        if id(g) in used_gold or id(s) in used_sys:
            continue
        used_gold.add(id(g))
        used_sys.add(id(s))
        pairs.append((g, s))
    return pairs


def date_distance(gold: str | None, precision: str | None, event: Event) -> int | None:
    """Days between the gold date and the event's, or None when they do not agree."""
    if not gold:
        return 0
    value = event.date
    if value is None or not value.start or value.precision not in ("day", "week", "month"):
        return None
    g = date.fromisoformat(gold)
    start = date.fromisoformat(value.start[:10])
    end = date.fromisoformat(value.end[:10]) if value.end else start
    if value.precision in ("week", "month"):  # a period must contain the gold date
        if not start <= g <= end:
            return None
    elif (
        precision == "day"
        and abs((start - g).days) > 1
        or precision == "week"
        and start.isocalendar()[:2] != g.isocalendar()[:2]
        or precision == "month"
        and (start.year, start.month) != (g.year, g.month)
    ):
        return None
    return abs((start - g).days)


def _overlaps(event: SystemEvent, file: str, text: str) -> bool:
    """One of the event's evidence sentences from ``file`` and ``text`` contain each other
    (whitespace collapsed)."""
    if file not in event.files:
        return False
    doc = event.doc_ids.get(file)
    want = normalise_ws(text)
    return any(
        want in (s := normalise_ws(ev.sentence)) or s in want
        for ev in event.event.evidence
        if ev.doc_id == doc
    )


def _track_scores(
    gold_tracks: list[dict[str, Any]], tracks: list[SystemTrack], countries: dict[str, str]
) -> dict[str, float | None]:
    rounds = venues = n_rounds = checks = passed = 0
    for g in gold_tracks:
        wanted = frozenset(countries.get(c, c) for c in g["participants"])
        ours = next((t for t in tracks if t.participants == wanted), None)
        for r in g.get("rounds") or []:
            n_rounds += 1
            mine = ours.rounds.get(r["round"]) if ours else None
            if mine is None:
                continue
            same_day = (
                mine.get("date")
                and abs((date.fromisoformat(mine["date"]) - date.fromisoformat(r["date"])).days)
                <= 1
            )
            rounds += bool(same_day and mine.get("status") == r["status"])
            venues += mine.get("city") == r["city"] and mine.get("country") == r["country"]
        history = [h["status"] for h in g.get("status_history") or []]
        checks += 4
        if ours:  # found by its participants: that check passes
            mediator = countries.get(g.get("mediator"), g.get("mediator"))
            passed += sum(
                (
                    True,
                    ours.mediator == mediator,
                    bool(
                        history and ours.status_history and ours.status_history[-1] == history[-1]
                    ),
                    ours.status_history == history,
                )
            )
    return {
        "round_acc": ratio(rounds, n_rounds),
        "venue_acc": ratio(venues, n_rounds),
        "track_acc": ratio(passed, checks),
    }


def _explain(
    gold: list[dict[str, Any]],
    system: list[SystemEvent],
    pairs: list[tuple[dict[str, Any], SystemEvent]],
    violated: list[dict[str, Any]],
    errors: list[str],
) -> None:
    matched_gold = {id(g) for g, _ in pairs}
    matched_sys = {id(s) for _, s in pairs}
    for g, s in pairs:
        files = set(g.get("reported_in") or [])
        if len(files) > 1 and s.files != files:
            add_error(
                errors,
                f"fusion of {g['id']}: gold files {'+'.join(sorted(files))}, "
                f"system {'+'.join(sorted(s.files))}",
            )
    for g in gold:
        if id(g) not in matched_gold:
            add_error(
                errors,
                f"missed {g['id']} ({g['event_type']} {g['status']} "
                f"{'/'.join(g['participants'])} {g.get('date')})",
            )
    for s in system:
        if id(s) not in matched_sys:
            e = s.event
            sentence = e.evidence[0].sentence if e.evidence else ""
            add_error(
                errors,
                f"unmatched system event in {'+'.join(sorted(s.files))}: {e.event_type} {e.status} "
                f"{'/'.join(sorted(s.participants))}: {clip(sentence)}",
            )
    for n in violated:
        add_error(
            errors, f"negative violated in {n['file']} ({n.get('why')}): {clip(n['sentence'])}"
        )


def _diagnostics(
    documents: list[dict[str, Any]],
    articles: dict[str, Article | None],
    gold: list[dict[str, Any]],
    system: list[SystemEvent],
    pairs: list[tuple[dict[str, Any], SystemEvent]],
    tracks: list[SystemTrack],
) -> dict[str, Any]:
    published = outlets = 0
    for d in documents:
        a = articles.get(d["file"])
        ours = a.published.start[:10] if a and a.published and a.published.start else None
        published += ours == d.get("published")
        outlets += bool(
            a and a.outlet and d.get("outlet") and a.outlet.casefold() == d["outlet"].casefold()
        )
    n = len(pairs)
    cited = sum(len(g.get("attributed_to") or []) for g, _ in pairs)
    found = sum(
        any(
            _shares_key_noun(phrase, src.attributed_to)
            for src in s.event.sources
            if src.attributed_to
        )
        for g, s in pairs
        for phrase in g.get("attributed_to") or []
    )
    return {
        "documents": len(documents),
        "gold_events": len(gold),
        "system_events": len(system),
        "matched": n,
        "system_tracks": len(tracks),
        "published_acc": ratio(published, len(documents)),
        "outlet_acc": ratio(outlets, len(documents)),
        "mediator_acc_matched": ratio(
            sum(_mediator(s.event) == g.get("mediator") for g, s in pairs), n
        ),
        "round_acc_matched": ratio(sum(s.event.round == g.get("round") for g, s in pairs), n),
        "track_acc_matched": ratio(sum(s.event.track == g.get("track") for g, s in pairs), n),
        "attribution_recall": ratio(found, cited),
        "events_in_sports_page": sum(any(f.startswith("04_") for f in s.files) for s in system),
        "system_reports": sum(len(s.event.evidence) for s in system),
    }


def _mediator(event: Event) -> str | None:
    return event.mediator.country if event.mediator else None


def _shares_key_noun(a: str, b: str) -> bool:
    return bool(_keys(a) & _keys(b))


def _keys(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)} - _NOT_KEY
