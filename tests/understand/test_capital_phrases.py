"""A capital named by its country's demonym ("the Emirati capital"), from places.yaml's
capital_phrases and the demonyms of data/actors/countries.jsonl."""

from __future__ import annotations

import pytest

from dragoman.model import Sentence
from dragoman.understand.places import find_places


def _places(text: str) -> list[tuple[str, str | None, str | None]]:
    sentence = Sentence(index=0, start=0, end=len(text), text=text)
    return [(m.place.name, m.place.country, m.preposition) for m in find_places(text, [sentence])]


@pytest.mark.parametrize(
    "text, city, country",
    [
        (
            "Meeting in the Emirati capital on Tuesday, the two delegations signed.",
            "Abu Dhabi",
            "ARE",
        ),
        ("The talks resume in the Kazakh capital next month.", "Astana", "KAZ"),
        ("Protesters gathered in the Armenian capital on Sunday.", "Yerevan", "ARM"),
    ],
)
def test_the_demonym_capital_is_the_capital_city(text: str, city: str, country: str) -> None:
    assert _places(text) == [(city, country, "in")]


def test_a_lone_capital_is_no_place() -> None:
    assert _places("The capital was quiet on Sunday.") == []
