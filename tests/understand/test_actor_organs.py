"""An organisation's organ named bare ("the Security Council") is that organ unless something in
the phrase or the article makes it a state's own council (data/actors/igos_organs.yaml)."""

from __future__ import annotations

import pytest

from tests.understand.mentioned import actors


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The Security Council on Friday extended the mandate of the observer mission in Cyprus.",
            ("The Security Council", "UNO", "GOV"),
        ),
        (
            "Diplomats said a Security Council vote on the draft was unlikely before March.",
            ("Security Council", "UNO", "GOV"),
        ),
        (
            "The UN Security Council condemned the shelling of Goma.",
            ("The UN Security Council", "UNO", "GOV"),
        ),
    ],
)
def test_a_bare_security_council_is_the_uns(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in actors(sentence), actors(sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Ghana's Security Council met after the coup in Niamey.",
            ("Ghana's Security Council", "GHA", "GOV"),
        ),
        (
            "The Security Council of Armenia discussed the border.",
            ("The Security Council of Armenia", "ARM", "GOV"),
        ),
        (
            "Kazakhstan's National Security Council met on Monday.",
            ("Kazakhstan's National Security Council", "KAZ", "GOV"),
        ),
    ],
)
def test_a_states_security_council_stays_the_states(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    found = actors(sentence)
    assert expected in found, found
    assert all(country != "UNO" for _, country, _ in found), found


def test_another_bodys_council_of_that_name_is_not_the_uns() -> None:
    found = actors("The African Union's Peace and Security Council suspended Guinea on Monday.")
    assert all(country != "UNO" for _, country, _ in found), found
    assert actors("Its Security Council met on Monday.") == []


def test_after_a_states_council_the_bare_name_is_that_council() -> None:
    text = (
        "Armenia's National Security Council met in Yerevan on Monday. "
        "The Security Council then called on Azerbaijan to pull back its troops."
    )
    assert ("The Security Council", "ARM", "GOV") in actors(text)
