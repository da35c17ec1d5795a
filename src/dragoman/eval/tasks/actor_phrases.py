"""Task ``actor_phrases``: a phrase (in its context sentence, if given) -> country and sector.

The text read is the context sentence when the phrase occurs in it, else the phrase alone; the
actor readers run on it as on any article (``understand.people.resolve_actors``: ``find_actors``
with ``find_people`` merged in, as ``understand.annotate`` does). The prediction is the mention
that overlaps the phrase most; none if no mention overlaps it.

Scoring (bench/actors/README.md): ``country_acc`` over items whose gold country is not null,
``sector_acc`` over items whose gold sector is not null, ``exact_acc`` over items with both; an
empty gold value means "none" (no country, no sector). For ``expect_none`` items (not an actor at
all) predicting nothing is right and predicting an actor is wrong, in all three. The item's
``date`` is not used: the readers take no date.
"""

from __future__ import annotations

from typing import Any

from dragoman import understand
from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.eval.metrics import ratio
from dragoman.eval.tasks._common import add_error, drop_none, read_jsonl, tick
from dragoman.model import Actor
from dragoman.options import Options
from dragoman.understand.people import resolve_actors


def run(spec: SetSpec, *, limit: int | None, opts: Options, progress: Progress) -> TaskOutput:
    del opts  # the actor readers take no options
    items = read_jsonl(spec.path, limit)
    country = [0, 0]
    sector = [0, 0]
    exact = [0, 0]
    errors: list[str] = []
    for item in tick(items, progress):
        actor = read_phrase(item["text"], item.get("context"))
        if item.get("expect_none"):
            ok = actor is None
            for tally in (country, sector, exact):
                tally[0] += ok
                tally[1] += 1
            if not ok:
                add_error(errors, f"{item['id']}: {item['text']!r} is no actor, got {_code(actor)}")
            continue
        got_country = (actor.country or "") if actor else ""
        got_sector = (actor.sector or "") if actor else ""
        gold_country, gold_sector = item.get("country"), item.get("sector")
        country_ok = gold_country is None or got_country == gold_country
        sector_ok = gold_sector is None or got_sector == gold_sector
        if gold_country is not None:
            country[0] += country_ok
            country[1] += 1
        if gold_sector is not None:
            sector[0] += sector_ok
            sector[1] += 1
        if gold_country is not None and gold_sector is not None:
            exact[0] += country_ok and sector_ok
            exact[1] += 1
        if not (country_ok and sector_ok):
            add_error(
                errors,
                f"{item['id']}: {item['text']!r} is {gold_country or '-'} "
                f"{gold_sector or '-'}, got {_code(actor)}",
            )
    metrics = {
        "country_acc": ratio(*country),
        "sector_acc": ratio(*sector),
        "exact_acc": ratio(*exact),
    }
    diagnostics: dict[str, Any] = {"items": len(items)}
    return TaskOutput(
        n=len(items), metrics=drop_none(metrics), diagnostics=diagnostics, errors=tuple(errors)
    )


def read_phrase(phrase: str, context: str | None) -> Actor | None:
    """The actor our readers find for ``phrase`` (in ``context`` when it occurs there), or None."""
    if context and phrase in context:
        text, start = context, context.index(phrase)
    else:
        text, start = phrase, 0
    end = start + len(phrase)
    mentions = resolve_actors(text, understand.split_sentences(text))
    best, best_overlap = None, 0
    for m in mentions:
        overlap = min(m.end, end) - max(m.start, start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best.actor if best else None


def _code(actor: Actor | None) -> str:
    if actor is None:
        return "nothing"
    return f"{actor.country or '-'} {actor.sector or '-'} ({actor.name})"
