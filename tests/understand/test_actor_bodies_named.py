"""Named bodies the gazetteer does not know (groups.yaml ``body_heads``): "the Association of
African Jurists" NGO, "the Kenya Union of Journalists" KEN JRN."""

from __future__ import annotations

import pytest

from tests.understand.mentioned import actors


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The Association of Asian Surgeons sent a team to the camps.",
            ("The Association of Asian Surgeons", "NGO", "MED"),
        ),
        (
            "The Ghana Union of Journalists condemned the raid.",
            ("The Ghana Union of Journalists", "GHA", "JRN"),
        ),
        (
            "The International Federation of Journalists urged Turkey to free the reporters.",
            ("The International Federation of Journalists", "NGO", "JRN"),
        ),
        (
            "On Monday the Tunisian League for Human Rights criticised the arrests.",
            ("the Tunisian League for Human Rights", "TUN", None),
        ),
    ],
)
def test_a_named_body_is_one_actor(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in actors(sentence), actors(sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The Organization of American States sent observers.", "IGO"),  # known to the gazetteer
        ("The Federation of Bosnia and Herzegovina passed the budget.", "BIH"),  # a polity's name
    ],
)
def test_known_bodies_and_polities_read_as_before(sentence: str, expected: str) -> None:
    assert [c for _, c, _ in actors(sentence)] == [expected], actors(sentence)
