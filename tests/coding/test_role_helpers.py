"""A country named as the act's helper ("with Italy's help") is on the source's side, never the
target (coding/_role_candidates.py helps)."""

from __future__ import annotations

import pytest

from .understood import coded


@pytest.mark.parametrize(
    "text, source, target",
    [
        (
            "NATO said it would tighten the naval blockade of Libya with Italy's help.",
            "IGO",
            "LBY",
        ),
        (
            "Kenya imposed sanctions on South Sudan with the support of Uganda on Monday.",
            "KEN",
            "SSD",
        ),
    ],
)
def test_a_helper_is_not_the_target(text: str, source: str, target: str) -> None:
    events = coded(text)
    pairs = {(e.source.country if e.source else None, e.target.country if e.target else None)
             for e in events}  # fmt: skip
    assert (source, target) in pairs, pairs
    assert all(e.target is None or e.target.country not in ("ITA", "UGA") for e in events)
