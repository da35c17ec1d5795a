"""Whom a sanction targets: the trade or sector the text names ("Iranian oil shipping": IRN BUS),
a country alone its government, and no sector where the text names none ("the Iranian economy",
as in the ontology README's worked example 4)."""

from __future__ import annotations

import pytest

from .understood import coded


@pytest.mark.parametrize(
    "text, target",
    [
        (
            "The US Treasury imposed new sanctions on Iranian oil shipping on Wednesday.",
            ("IRN", "BUS"),
        ),
        ("Washington tightened sanctions on Iran's oil trade on Wednesday.", ("IRN", "BUS")),
        ("The United States imposed new sanctions on Iran on Wednesday.", ("IRN", "GOV")),
        ("The US has imposed sanctions aimed at crippling the Iranian economy.", ("IRN", None)),
    ],
)
def test_the_target_of_a_sanction(text: str, target: tuple[str, str | None]) -> None:
    found = [
        (e.target.country, e.target.sector)
        for e in coded(text, "2026-02-14")
        if e.event_type == "SANCTION" and e.target is not None
    ]
    assert found == [target], found
