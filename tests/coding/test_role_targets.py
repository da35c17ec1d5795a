"""Targets of attacks on cities: the city's civilians, not the government it stands for elsewhere."""

from __future__ import annotations

import pytest

from dragoman.model import Actor

from .understood import coded


def code_of(actor: Actor | None) -> tuple[str | None, str | None] | None:
    return (actor.country, actor.sector) if actor is not None else None


@pytest.mark.parametrize(
    "text, event_type, target",
    [
        ("Russia launched missiles at Kyiv overnight, officials said.", "ASSAULT", ("UKR", "CVL")),
        ("Rebels from the north shelled Juba on Sunday.", "ASSAULT", ("SSD", "CVL")),
        ("Hamas militants fired rockets at Tel Aviv on Sunday.", "ASSAULT", ("ISR", "CVL")),
        # not an attack: the capital is the government
        ("Moscow accused Kyiv of sabotage at the plant.", "ACCUSE", ("UKR", "GOV")),
        # a building is not a city: the seat keeps its sector
        ("Ukrainian drones attacked the Kremlin overnight.", "ASSAULT", ("RUS", "GOV")),
    ],
)
def test_attack_on_a_city_targets_its_civilians(
    text: str, event_type: str, target: tuple[str, str]
) -> None:
    found = [(e.event_type, code_of(e.target)) for e in coded(text)]
    assert (event_type, target) in found, found


def test_a_city_before_independence_is_its_former_state() -> None:
    found = [(e.event_type, code_of(e.target)) for e in coded(
        "Rebels from the north shelled Juba on Sunday.", published="2004-06-01")]  # fmt: skip
    assert ("ASSAULT", ("SDN", "CVL")) in found, found


@pytest.mark.parametrize(
    "text, source, target",
    [
        (
            "Four villagers were killed in Israeli tank shelling in the east of the Gaza Strip.",
            ("ISR", None),
            ("PSE", "CVL"),
        ),
        ("Two soldiers were killed in Russian shelling of Kharkiv.", ("RUS", None), ("UKR", "CVL")),
    ],
)
def test_the_nationality_of_an_attack_noun_is_its_maker(
    text: str, source: tuple[str, None], target: tuple[str, str]
) -> None:
    found = [(e.event_type, code_of(e.source), code_of(e.target)) for e in coded(text)]
    assert ("ASSAULT", source, target) in found, found
