"""Task ``event_location``: sentence + trigger -> the place of that event, or none.

The end-to-end reading the bench README recommends: the sentence is read and coded as any
article (``understand.annotate`` + ``coding.code_events``); when an event's trigger overlaps the
gold trigger, its location is the prediction (the coder takes it from
``coding.location.event_location``, or from a meeting's venue); when the coder codes no event there
(most conflict verbs have no CAMEO pattern), the same event-location rules read the trigger's
sentence from the annotations. Each prediction is a span of the sentence: the place mention the
location was read from.

Scoring (bench/location/README.md), strings normalised (casefold, whitespace collapsed, outer
punctuation and a leading "the " dropped):

* ``exact_acc``: right when the gold has no location and we return none, or when our string
  equals any gold location's;
* ``overlap_acc``: the same, a returned span overlapping any gold span by a character counts;
* ``country_acc``: **gold geocoded by us** (the data has no country): the gold countries are those
  our places reader gives the gold spans; records whose spans it cannot place are left out. Not
  independent gold.

Event locations are chosen by the learned ranker (``coding.location_model``, its training
sentences read by the fold model that did not see them) when data/models/location.json can be
read, else by the rules. Diagnostics: how often the coder decided (``coder_trigger_found``) and how
well (``coder_exact_acc`` over those records), the ranker's choice for the gold trigger on every
record (``ranker_exact_acc``, ``ranker_overlap_acc``), the hand-weighted rules alone on every record
(``rules_exact_acc``, ``rules_overlap_acc``: the score before the ranker),
the simple reading of nearest place in the sentence (``nearest_overlap_acc``), location
precision and recall (a returned span right when it overlaps a gold span), and accuracy on the
records with no location (where returning the sentence's only place is the typical error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from dragoman import understand
from dragoman.coding.location import event_location
from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.eval.metrics import ratio
from dragoman.eval.tasks._common import add_error, clip, code_text, drop_none, read_jsonl, tick
from dragoman.model import Event, Place, PlaceMention, SentenceView
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


@dataclass(slots=True)
class _Tally:
    n: int = 0
    exact: int = 0
    overlap: int = 0
    country: list[int] = field(default_factory=lambda: [0, 0])
    returned: int = 0
    returned_right: int = 0
    located: int = 0
    located_found: int = 0
    unlocated: int = 0
    unlocated_right: int = 0
    coder_found: int = 0
    coder_right: int = 0
    ranker_right: list[int] = field(default_factory=lambda: [0, 0])  # exact, overlap
    rules_right: list[int] = field(default_factory=lambda: [0, 0])
    nearest_right: int = 0


def run(spec: SetSpec, *, limit: int | None, opts: Options, progress: Progress) -> TaskOutput:
    items = read_jsonl(spec.path, limit)
    tally = _Tally()
    errors: list[str] = []
    min_population = opts.understand.min_city_population
    for item in tick(items, progress):
        _score_item(item, opts, min_population, tally, errors)
    n = len(items)
    metrics = {
        "exact_acc": ratio(tally.exact, n),
        "overlap_acc": ratio(tally.overlap, n),
        "country_acc": ratio(*tally.country),
    }
    diagnostics: dict[str, Any] = {
        "records": n,
        "country_acc_note": "gold geocoded by our own places reader",
        "coder_trigger_found": ratio(tally.coder_found, n),
        "coder_exact_acc": ratio(tally.coder_right, tally.coder_found),
        "ranker_exact_acc": ratio(tally.ranker_right[0], n),
        "ranker_overlap_acc": ratio(tally.ranker_right[1], n),
        "rules_exact_acc": ratio(tally.rules_right[0], n),
        "rules_overlap_acc": ratio(tally.rules_right[1], n),
        "nearest_overlap_acc": ratio(tally.nearest_right, n),
        "location_precision": ratio(tally.returned_right, tally.returned),
        "location_recall": ratio(tally.located_found, tally.located),
        "no_location_records": tally.unlocated,
        "no_location_acc": ratio(tally.unlocated_right, tally.unlocated),
    }
    return TaskOutput(
        n=n, metrics=drop_none(metrics), diagnostics=diagnostics, errors=tuple(errors)
    )


def _score_item(
    item: dict[str, Any], opts: Options, min_population: int, tally: _Tally, errors: list[str]
) -> None:
    text = item["text"]
    t_start, t_end = item["trigger_start"], item["trigger_end"]
    coded = code_text(text, published=None, origin=item["id"], opts=opts)
    annotations = coded.annotations
    view = None
    if annotations is not None:
        index = next((s.index for s in annotations.sentences if s.start <= t_start < s.end), None)
        view = annotations.in_sentence(index) if index is not None else None
    own_guess = _rules_location(view, t_start, t_end, use_model=True)
    event = event_at(coded.events, text, t_start, t_end)
    if event is not None:
        guess = _mention_of(event.location, view, t_start)
    else:
        guess = own_guess
    gold = item.get("locations") or []
    names = {normalise(g["text"]) for g in gold}
    for tallied, alone in (
        (tally.ranker_right, own_guess),
        (tally.rules_right, _rules_location(view, t_start, t_end, use_model=False)),
    ):
        tallied[0] += _is_right(alone[0] if alone else None, names)
        tallied[1] += _overlaps(alone, gold)
    got = guess[0] if guess else None
    is_exact = _is_right(got, names)
    is_overlap = _overlaps(guess, gold)
    tally.n += 1
    tally.coder_found += event is not None
    if event is not None:
        tally.coder_right += is_exact
    places = list(view.places) if view is not None else []
    nearest = nearest_place(places, t_start, t_end)
    tally.nearest_right += (
        not gold
        if nearest is None
        else any(nearest.start < g["end"] and g["start"] < nearest.end for g in gold)
    )
    if not gold:
        tally.unlocated += 1
        tally.unlocated_right += is_exact
        tally.exact += is_exact
        tally.overlap += is_exact
        tally.country[0] += is_exact
        tally.country[1] += 1
    else:
        tally.located += 1
        tally.exact += is_exact
        tally.overlap += is_overlap
        tally.located_found += is_overlap
        wanted = _gold_countries(gold, places, min_population)
        if wanted:
            country = guess[3] if guess else None
            tally.country[0] += country in wanted
            tally.country[1] += 1
    if guess is not None:
        tally.returned += 1
        tally.returned_right += is_overlap
    if not is_exact:
        want = " | ".join(g["text"] for g in gold) or "none"
        add_error(
            errors,
            f"{item['id']}: trigger {item['trigger']!r}, gold {want}, ours {got or 'none'}"
            f"{' (coder)' if event is not None else ''}: {clip(text)}",
        )


_Guess = tuple[str, int, int, str | None]  # text, start, end, country


def _is_right(got: str | None, names: set[str]) -> bool:
    return got is None if not names else got is not None and normalise(got) in names


def _overlaps(guess: _Guess | None, gold: list[dict[str, Any]]) -> bool:
    """Whether the guessed span overlaps a gold span (no gold: whether there is no guess)."""
    if not gold:
        return guess is None
    return guess is not None and any(guess[1] < g["end"] and g["start"] < guess[2] for g in gold)


def _rules_location(
    view: SentenceView | None, t_start: int, t_end: int, *, use_model: bool
) -> _Guess | None:
    """What ``event_location`` reads in the trigger's sentence: with the learned ranker, or by
    the hand-weighted rules alone."""
    if view is None:
        return None
    base = view.sentence.start
    found = event_location(view, trigger=(t_start - base, t_end - base), use_model=use_model)
    if found is None:
        return None
    return found.place.text, found.start, found.end, found.place.country


def _mention_of(place: Place | None, view: SentenceView | None, t_start: int) -> _Guess | None:
    """The coder's location as a span: where its words stand in the trigger's sentence, nearest
    the trigger; a host's country that the sentence does not name keeps its text and no span."""
    if place is None:
        return None
    if view is None:
        return place.text, -1, -1, place.country
    sentence, base = view.sentence.text, view.sentence.start
    starts = [m.start() + base for m in re.finditer(re.escape(place.text), sentence)]
    if not starts:
        return place.text, -1, -1, place.country
    start = min(starts, key=lambda s: abs(s - t_start))
    return place.text, start, start + len(place.text), place.country


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
