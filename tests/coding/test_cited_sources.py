"""Whom an event is attributed to, as it reads after "citing" (coding/evidence.py make_source), on
short articles of ours: the capital of a sentence's first word is not part of the source's name."""

from __future__ import annotations

import pytest

from .understood import coded


def _cited(text: str) -> set[str | None]:
    return {s.attributed_to for e in coded(text, "2026-02-14") for s in e.sources}


@pytest.mark.parametrize(
    "text, cited",
    [
        (
            (
                "The foreign ministry said in a statement that Iran and the United States would hold talks "
                "in Geneva next week."
            ),
            "the foreign ministry",
        ),
        (
            (
                "BEIRUT - The foreign ministry said on Saturday that Iran and the United States would hold "
                "talks in Geneva next week."
            ),
            "the foreign ministry",
        ),
        (
            (
                "A spokesman said on Saturday that Iran and the United States would hold talks in Geneva "
                "next week."
            ),
            "a spokesman",
        ),
    ],
)
def test_a_source_opening_its_sentence_is_cited_in_lower_case(text: str, cited: str) -> None:
    assert _cited(text) == {cited}


def test_a_capital_inside_the_sentence_is_part_of_the_name() -> None:
    text = "Iran and the United States will hold talks in Geneva next week, according to The Caspian Ledger."
    assert _cited(text) == {"The Caspian Ledger"}
