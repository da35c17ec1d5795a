"""The mentions of one sentence, sorted for coding: principals, mediators, speakers and venues.

    SentenceView --sentence_actors--> SentenceActors(principals, mediators, places, venues, speakers)
    SentenceActors + scope --choose_place--> the venue

Offsets are shifted once here, from the article's to the sentence's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dragoman.coding.lexicon import Cues
from dragoman.coding.location import event_location
from dragoman.model import Actor, Place, SentenceView

__all__ = ["Mention", "PlaceAt", "SentenceActors", "choose_place", "sentence_actors"]

_MEDIATOR_CONTEXT = 60  # characters read on each side of a mention for mediator cues
_VENUE_NAME = re.compile(
    r"\s+(?:round|talks|summit|meeting|process|format|negotiations)\b", re.IGNORECASE
)
# "Diplomats in Brussels said": the place of the speakers, not of the event
_SPEAKER_VERB = re.compile(r"\s+(?:said|say|says|told|reported|added|noted|believe|believes)\b")
_LOCATIVE = re.compile(r"\b(\w+)\s+(?:the\s+)?$")
# A nationality's phrase that ends in an act is its maker, not a place: "killed in Israeli tank
# shelling", "wounded in Russian air strikes" (but "in the Emirati capital" is a venue)
_ACT_PHRASE = re.compile(
    r"(?:ing|\bfire|\bstrikes?|\battacks?|\braids?|\bbombardment)$", re.IGNORECASE
)
_TRIGGER_WORD = re.compile(r"\w[\w'’-]*")
_COORDINATED = re.compile(r"\s*(?:,|,?\s*and|,?\s*&)\s*(?:the\s+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor: Actor


@dataclass(frozen=True, slots=True)
class PlaceAt:
    start: int
    end: int
    place: Place
    preposition: str | None


@dataclass(frozen=True, slots=True)
class SentenceActors:
    principals: tuple[Mention, ...]  # possible participants, in text order
    mediators: tuple[tuple[Mention, str], ...]  # (mention, "mediator" | "intermediary")
    places: tuple[PlaceAt, ...]  # every place mention
    venues: tuple[PlaceAt, ...]  # places after in/at/near...: candidate locations
    speakers: tuple[Mention, ...] = ()  # actors inside an attribution ("the Kremlin said")
    destination_prepositions: frozenset[str] = frozenset()  # "travel to Baku"
    view: SentenceView | None = None  # the sentence read, for the place of each act


def sentence_actors(view: SentenceView, cues: Cues) -> SentenceActors:
    """Sort the sentence's actor mentions into principals, mediators and venues."""
    base = view.sentence.start
    text = view.sentence.text
    quoted = [(a.start - base, a.end - base) for a in view.attributions]
    places = tuple(
        PlaceAt(p.start - base, p.end - base, p.place, (p.preposition or "").lower() or None)
        for p in sorted(view.places, key=lambda p: p.start)
    )
    venues = tuple(
        p
        for p in places
        if p.preposition in cues.location_prepositions and not _SPEAKER_VERB.match(text, p.end)
    )
    principals: list[Mention] = []
    mediators: list[tuple[Mention, str]] = []
    speakers: list[Mention] = []
    low = text.lower()
    hinted = not cues.mediator_hint or any(h in low for h in cues.mediator_hint)
    for am in sorted(view.actors, key=lambda a: (a.start, a.end)):
        m = Mention(am.start - base, am.end - base, am.actor)
        if any(s <= m.start and m.end <= e for s, e in quoted):
            speakers.append(m)  # "the Kremlin said": the one who speaks, not a participant
            continue
        role = _mediator_role(text, m, cues) if hinted else None
        if role is not None:
            mediators.append((m, role))
            continue
        if any(p.start <= m.start < p.end for p in venues):
            continue  # "held in Oman": a venue, not a party ("protesters in Tehran" is one)
        if _VENUE_NAME.match(text, m.end) and any(
            p.place.kind == "city" and p.start < m.end and m.start < p.end for p in places
        ):
            continue  # "the Washington round", "the Geneva talks": a venue's name
        prep = _LOCATIVE.search(text[max(0, m.start - 12) : m.start])
        if (
            prep
            and prep.group(1).lower() in cues.location_prepositions
            and m.actor.kind == "state"
            and not _ACT_PHRASE.search(text, m.start, m.end)
        ):
            # "in the Emirati capital": a venue the places reader did not name
            place = Place(
                text=text[m.start : m.end],
                name=m.actor.name,
                country=m.actor.country,
                kind="country",
            )
            venues = (*venues, PlaceAt(m.start, m.end, place, prep.group(1).lower()))
            continue
        principals.append(m)
    # "mediated by Qatar and Egypt": an actor coordinated with a mediator mediates too
    for m in list(principals):
        if any(_COORDINATED.fullmatch(text[med.end : m.start]) for med, _ in mediators):
            role = next(
                r for med, r in mediators if _COORDINATED.fullmatch(text[med.end : m.start])
            )
            principals.remove(m)
            mediators.append((m, role))
    return SentenceActors(
        tuple(principals),
        tuple(mediators),
        places,
        venues,
        tuple(speakers),
        cues.destination_prepositions,
        view,
    )


def _mediator_role(text: str, m: Mention, cues: Cues) -> str | None:
    before = text[max(0, m.start - _MEDIATOR_CONTEXT) : m.start]
    after = text[m.end : m.end + _MEDIATOR_CONTEXT]
    for cue in cues.mediator_before:
        if cue.regex.search(before):
            return cue.role
    for cue in cues.mediator_after:
        if cue.regex.search(after):
            return cue.role
    own = text[m.start : m.end]
    for cue in cues.mediator_mention:
        if cue.regex.search(own):
            return cue.role
    return None


def choose_place(
    actors: SentenceActors, clause: tuple[int, int], anchor: int, *, venue_fallback: bool = True
) -> PlaceAt | None:
    """The place of the act whose trigger starts at ``anchor``.

    First the event-location ranker (or rules) over the sentence (``location.event_location``):
    "stormed the village of Najarah", "killed in a car bomb attack in the Zafaraniyah district".
    When it finds none and ``venue_fallback`` is set (meetings and agreements, which have a
    venue), a venue after in/at inside the trigger's clause, a city before a country, the
    nearest first ("talks will be held in Geneva"); a place in another clause is another act's
    ("..., a day after Russian missiles struck Ukraine": not in Geneva, where the talks will be).
    """
    lo, hi = clause
    if actors.view is not None:
        text, base = actors.view.sentence.text, actors.view.sentence.start
        word = _TRIGGER_WORD.match(text, anchor)
        found = event_location(actors.view, trigger=(anchor, word.end() if word else anchor + 1))
        if found is not None:
            return PlaceAt(found.start - base, found.end - base, found.place, found.preposition)
    if not venue_fallback:
        return None
    inside = [p for p in actors.venues if lo <= p.start and p.end <= hi]
    if inside:
        return min(inside, key=lambda p: (p.place.kind != "city", abs(p.start - anchor)))
    return None


def unique_actors(actors: list[Actor]) -> tuple[Actor, ...]:
    """The actors in order, each (country, sector, name) once."""
    seen: set[tuple[str | None, str | None, str]] = set()
    out = []
    for a in actors:
        key = (a.country, a.sector, a.name)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return tuple(out)
