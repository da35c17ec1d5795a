"""Task ``event_location``: sentence + trigger -> the place of that event, or none.

The places reader runs on the text as in any article (``understand.split_sentences``, then
``understand.places.find_places``); the prediction is the place mention nearest the trigger in
the trigger's sentence (character distance between the spans; the earlier one on a tie), or none
if that sentence names no place. This is the simple reading, kept until the coder exposes a
trigger-level location.

Scoring (bench/location/README.md), strings normalised (casefold, whitespace collapsed, outer
punctuation and a leading "the " dropped):

* ``exact_acc``: right when the gold has no location and we return none, or when our string
  equals any gold location's;
* ``overlap_acc``: the same, a returned span overlapping any gold span by a character counts;
* ``country_acc``: **gold geocoded by us** (the data has no country): the gold countries are those
  our places reader gives the gold spans; records whose spans it cannot place are left out. Not
  independent gold.

Diagnostics: the end-to-end reading the README recommends (``coder_exact_acc``: code the sentence
with ``understand.annotate`` + ``coding.code_events``, take the event whose trigger overlaps the gold
trigger and its location, none when no such event; ``coder_trigger_found`` says how often there is
one), location precision and recall (a returned span right when it overlaps a gold span), and accuracy on the records with no location (where
returning the sentence's only place is the typical error).
"""

from __future__ import annotations

import re
from typing import Any

from dragoman import understand
from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.eval.metrics import ratio
from dragoman.eval.tasks._common import add_error, clip, code_text, drop_none, read_jsonl, tick
from dragoman.model import Event, PlaceMention
from dragoman.options import Options
from dragoman.understand.places import find_places

_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def normalise(text: str) -> str:
    s = " ".join(text.casefold().split())
    s = _PUNCT.sub("", s)
    return s.removeprefix("the ")


def nearest_place(places: list[PlaceMention], start: int, end: int) -> PlaceMention | None:
    """The mention nearest the span ``start:end`` (0 when they overlap); the earlier on a tie."""

    def distance(p: PlaceMention) -> int:
        if p.start < end and start < p.end:
            return 0
        return p.start - end if p.start >= end else start - p.end

    return min(places, key=distance, default=None)


def event_at(events: list[Event], text: str, start: int, end: int) -> Event | None:
    """The first event whose trigger words, inside its evidence sentence, overlap ``start:end``."""
    for event in events:
        if not event.trigger:
            continue
        for ev in event.evidence:
            sentence = text[ev.start : ev.end].casefold()
            at = sentence.find(event.trigger.casefold())
            while at >= 0:
                if ev.start + at < end and start < ev.start + at + len(event.trigger):
                    return event
                at = sentence.find(event.trigger.casefold(), at + 1)
    return None


def run(spec: SetSpec, *, limit: int | None, opts: Options, progress: Progress) -> TaskOutput:
    items = read_jsonl(spec.path, limit)
    exact = overlap = 0
    country = [0, 0]
    returned = returned_right = located = located_found = 0
    unlocated = unlocated_right = 0
    coder_right = coder_found = 0
    errors: list[str] = []
    min_population = opts.understand.min_city_population
    for item in tick(items, progress):
        text = item["text"]
        sentences = understand.split_sentences(text)
        places = find_places(text, sentences, min_population=min_population)
        t_start, t_end = item["trigger_start"], item["trigger_end"]
        index = next((s.index for s in sentences if s.start <= t_start < s.end), None)
        guess = nearest_place([p for p in places if p.sentence == index], t_start, t_end)
        gold = item.get("locations") or []
        got = text[guess.start : guess.end] if guess else None
        event = event_at(
            code_text(text, published=None, origin=item["id"], opts=opts).events,
            text,
            t_start,
            t_end,
        )
        coder_found += event is not None
        coded_place = event.location.text if event and event.location else None
        if gold:
            coder_right += coded_place is not None and normalise(coded_place) in {
                normalise(g["text"]) for g in gold
            }
        else:
            coder_right += coded_place is None
        is_overlap = False
        if not gold:
            unlocated += 1
            ok = guess is None
            exact += ok
            overlap += ok
            unlocated_right += ok
            country[0] += ok
            country[1] += 1
        else:
            located += 1
            names = {normalise(g["text"]) for g in gold}
            is_exact = got is not None and normalise(got) in names
            is_overlap = guess is not None and any(
                guess.start < g["end"] and g["start"] < guess.end for g in gold
            )
            exact += is_exact
            overlap += is_overlap
            located_found += is_overlap
            wanted = _gold_countries(gold, places, min_population)
            if wanted:
                country[0] += guess is not None and guess.place.country in wanted
                country[1] += 1
            ok = is_exact
        if guess is not None:
            returned += 1
            returned_right += is_overlap
        if not ok:
            want = " | ".join(g["text"] for g in gold) or "none"
            add_error(
                errors,
                f"{item['id']}: trigger {item['trigger']!r}, gold {want}, ours {got or 'none'}: "
                f"{clip(text)}",
            )
    n = len(items)
    metrics = {
        "exact_acc": ratio(exact, n),
        "overlap_acc": ratio(overlap, n),
        "country_acc": ratio(*country),
    }
    diagnostics: dict[str, Any] = {
        "records": n,
        "country_acc_note": "gold geocoded by our own places reader",
        "coder_exact_acc": ratio(coder_right, n),
        "coder_trigger_found": ratio(coder_found, n),
        "location_precision": ratio(returned_right, returned),
        "location_recall": ratio(located_found, located),
        "no_location_records": unlocated,
        "no_location_acc": ratio(unlocated_right, unlocated),
    }
    return TaskOutput(
        n=n, metrics=drop_none(metrics), diagnostics=diagnostics, errors=tuple(errors)
    )


def _gold_countries(
    gold: list[dict[str, Any]], places: list[PlaceMention], min_population: int
) -> set[str]:
    """The countries our reader gives the gold spans: from the sentence's mentions over them, or
    from the span read alone."""
    out = set()
    for g in gold:
        over = [p.place.country for p in places if p.start < g["end"] and g["start"] < p.end]
        if not over:
            alone = g["text"]
            over = [
                p.place.country
                for p in find_places(
                    alone, understand.split_sentences(alone), min_population=min_population
                )
            ]
        out.update(c for c in over if c)
    return out
