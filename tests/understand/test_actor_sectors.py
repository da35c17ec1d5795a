"""Sector conventions for peoples and weapons: who "Libyans", "Iraqi Kurds" and "Israeli tanks" are."""

from __future__ import annotations

import pytest

from tests.understand.mentioned import actors


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a bare plural nationality is people: civilians
        (
            "Aid workers said some 3,000 Sudanese had crossed into Chad since Friday.",
            ("Sudanese", "SDN", None),  # "Sudanese" is singular and plural: no people reading
        ),
        ("Thousands of Syrians returned to Aleppo last month.", ("Syrians", "SYR", "CVL")),
        ("Armenians marched through Yerevan on Sunday.", ("Armenians", "ARM", "CVL")),
        # a people of one country named by another's demonym: the first country's civilians
        ("Bosnian Serbs blocked the road to Gorazde.", ("Bosnian Serbs", "BIH", "CVL")),
        ("Iraqi Kurds voted in large numbers.", ("Iraqi Kurds", "IRQ", "CVL")),
        ("Syrian Druze gathered in Sweida on Friday.", ("Syrian Druze", "SYR", "CVL")),
        # weapons after a nationality stand for its military
        ("Israeli tanks moved into the border area.", ("Israeli tanks", "ISR", "MIL")),
        ("Russian drones struck the port overnight.", ("Russian drones", "RUS", "MIL")),
        (
            "Turkish helicopters and jets hit positions in the north.",
            ("Turkish helicopters", "TUR", "MIL"),
        ),
        ("Syrian aircraft struck the market at dawn.", ("Syrian aircraft", "SYR", "MIL")),
        # police forces and armed groups named on their own
        (
            "U.S. border patrol agents detained the group near El Paso.",
            ("U.S. border patrol agents", "USA", "COP"),
        ),
        ("UNITA fighters ambushed the convoy near Huambo.", ("UNITA fighters", "AGO", "REB")),
    ],
)
def test_people_and_weapons_sectors(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in actors(sentence), actors(sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "the Americans" in a negotiation is the side, often its government: no sector guessed
        ("The Americans proposed a new round in Muscat.", ("The Americans", "USA", None)),
        # a singular weapon word modifies another noun: no military reading of the phrase
        (
            "Russian missile strikes hit the grid overnight.",
            ("Russian missile strikes", "RUS", None),
        ),
    ],
)
def test_no_sector_where_the_phrase_does_not_say(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in actors(sentence), actors(sentence)
