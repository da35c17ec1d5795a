"""The government a place or a country code stands for: a visit's host, "the two countries".

    seat_of(Place) -> Actor | None     Tehran -> Iran (IRN GOV); Brussels -> EU; Geneva -> None
    government(code) -> Actor          "IRN" -> Iran (IRN GOV)
    civilians(code) -> Actor           "FRA" -> civilians (FRA CVL): the people a place stands for

A visit (CAMEO 042/043) needs a host: a country, or a city that is a seat of government. Place
mentions do not say which cities are capitals (Place.kind is city | country | region), so the
actor gazetteer's seats (``data/actors``: capitals, and "Brussels", "the Kremlin") decide. Actors
made here are named after the government ("Azerbaijan"), never after the city ("Baku").
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from dragoman.model import Actor, Place

if TYPE_CHECKING:
    from dragoman.understand.gazetteer import Gazetteer

__all__ = ["civilians", "government", "names_city", "seat_of"]

_SLOTS = frozenset({"UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC"})  # organisations: no sector


@functools.cache
def _gazetteer() -> Gazetteer:
    # Imported here, not at the top: the coder reads the actor data only for places and codes.
    # Built once per process (about 0.4 s), and already built when the understand stage ran.
    from dragoman.understand.gazetteer import load_gazetteer

    return load_gazetteer()


def government(code: str, *, text: str | None = None) -> Actor:
    """The government of a country (or organisation) code."""
    name = _gazetteer().name_of(code) or code
    if code in _SLOTS:
        return Actor(text=text, name=name, country=code, sector=None, kind="igo")
    return Actor(text=text, name=name, country=code, sector="GOV", kind="state")


def civilians(code: str | None, *, text: str | None = None) -> Actor:
    """The people of a country, as the target of an act that falls on one of its places
    (PLOVER's reading of an attack or restriction on a place: "would blockade Paris" FRA CVL)."""
    return Actor(text=text, name="civilians", country=code, sector="CVL", kind="group")


def names_city(text: str | None) -> bool:
    """Whether an actor's words are a city standing for its government ("Juba", "Tel Aviv"),
    not a country or a building ("Sudan", "the Kremlin")."""
    return bool(text) and any(e.kind == "seat" and e.city for e in _gazetteer().lookup(text))


def seat_of(place: Place) -> Actor | None:
    """The government a destination stands for, or None for a place that is only a venue."""
    if place.country is None:
        return None
    if place.kind == "country":
        return government(place.country, text=place.text)
    if place.kind != "city":
        return None
    for form in dict.fromkeys((place.text, place.name)):
        for entry in _gazetteer().lookup(form):
            if entry.kind == "seat" and entry.country:
                return government(entry.country, text=place.text)
    return None
