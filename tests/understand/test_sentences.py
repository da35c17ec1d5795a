"""Sentence splitting: offsets into the cleaned text, and quotation marks on the right side."""

from __future__ import annotations

import pytest

from dragoman.understand.sentences import split_sentences


@pytest.mark.parametrize("mark", ['"', "“", "'", "‘"])
def test_an_opening_quote_starts_the_next_sentence(mark: str) -> None:
    close = {"“": "”", "‘": "’"}.get(mark, mark)
    text = (
        f"The envoy said Oman would host the round. {mark}The door is open,{close} "
        "he told reporters in Muscat. Talks resume on Tuesday."
    )
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "The envoy said Oman would host the round.",
        f"{mark}The door is open,{close} he told reporters in Muscat.",
        "Talks resume on Tuesday.",
    ]


def test_offsets_point_into_the_text_and_a_closing_quote_stays() -> None:
    text = 'Iran said "no talks." The ministry denied it.\n\nA new paragraph starts here.'
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        'Iran said "no talks."',
        "The ministry denied it.",
        "A new paragraph starts here.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
