"""The actors the understand stage reads in a text, as the actor tests compare them."""

from __future__ import annotations

from dragoman.understand.actors import find_actors
from dragoman.understand.sentences import split_sentences


def actors(text: str) -> list[tuple[str, str | None, str | None]]:
    """Each actor mention as (its words, country, sector), in text order."""
    found = find_actors(text, list(split_sentences(text)))
    return [(text[m.start : m.end], m.actor.country, m.actor.sector) for m in found]
