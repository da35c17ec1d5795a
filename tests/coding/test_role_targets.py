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


@pytest.mark.parametrize(
    "text, source, target",
    [
        # the subject names no country: a country of the other clause is not the source
        (
            (
                "Talks on Iran's nuclear programme have stalled, but rights campaigners have urged "
                "the European Union to raise executions with Tehran."
            ),
            None,
            ("EUR", None),
        ),
        (
            (
                "Rights campaigners have urged the European Union to raise executions with Tehran, "
                "but talks on Iran's nuclear programme have stalled."
            ),
            None,
            ("EUR", None),
        ),
        # a subject with a country keeps it; a country before the clause stays out of it
        (
            (
                "Despite Russia's offensive in the east, Ukrainian officials urged Germany to send "
                "more air defences."
            ),
            ("UKR", "GOV"),
            ("DEU", "GOV"),
        ),
    ],
)
def test_the_source_is_in_the_acts_own_clause(
    text: str, source: tuple[str, str] | None, target: tuple[str, str | None]
) -> None:
    found = [(e.event_type, code_of(e.source), code_of(e.target)) for e in coded(text)]
    assert ("REQUEST", source, target) in found, found


def test_a_relative_clause_keeps_the_noun_it_hangs_on_as_source() -> None:
    text = (
        "An Afghan man linked to the Taliban who fired at US soldiers was handed over to "
        "the United States on Monday."
    )
    sources = {code_of(e.source) for e in coded(text) if e.event_type == "ASSAULT"}
    assert ("AFG", "CVL") in sources or ("AFG", None) in sources, sources


def test_an_actors_own_body_is_not_the_target_of_its_act() -> None:
    found = [(e.event_type, code_of(e.source), code_of(e.target))
             for e in coded("The United Nations rejected a call for its peacekeepers to be "
                            "deployed in the region.")]  # fmt: skip
    assert ("REJECT", ("UNO", None), ("UNO", "MIL")) not in found, found


@pytest.mark.parametrize(
    "text, event_type, target",
    [
        # a group named without a country is of the act's place, else of a domestic source
        ("Kenyan police arrested 30 protesters on Monday.", "COERCE", ("KEN", "CVL")),
        ("Nigerian troops killed 12 militants in Borno state.", "ASSAULT", ("NGA", "REB")),
        (
            "The Mozambique government on Thursday accepted demands from rebels to hold talks.",
            "CONCEDE",
            ("MOZ", "REB"),
        ),
    ],
)
def test_a_countryless_group_target_is_at_home(
    text: str, event_type: str, target: tuple[str, str]
) -> None:
    found = [(e.event_type, code_of(e.target)) for e in coded(text)]
    assert (event_type, target) in found, found


@pytest.mark.parametrize(
    "text",
    [
        # an army may act abroad: its country is not lent to the group it attacks
        "Israeli troops killed three militants on Tuesday.",
        # refugees are by definition away from home
        "Syria says it will not accept any more refugees from the east.",
    ],
)
def test_a_countryless_group_stays_unknown_without_a_home(text: str) -> None:
    # kept with country None (ontology decision 17), never given the source's country
    found = [code_of(e.target) for e in coded(text)]
    assert not any(t is not None and t[0] and t[1] in ("REB", "REF") for t in found), found
