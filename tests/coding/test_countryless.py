"""Acts whose actors the text names only by sector (ontology decision 17): kept with the group's
sector and country None, or the country of the act's place when the text gives a real one."""

from __future__ import annotations

import pytest

from dragoman.coding.countryless import acts_without_country
from dragoman.model import Actor, Event

from .understood import coded

Code = tuple[str | None, str | None] | None


def code_of(actor: Actor | None) -> Code:
    return (actor.country, actor.sector) if actor is not None else None


def dyads(events: list[Event]) -> list[tuple[str, Code, Code]]:
    return [(e.event_type, code_of(e.source), code_of(e.target)) for e in events]


@pytest.mark.parametrize(
    "text, dyad",
    [
        ("Gunmen killed five villagers on Monday.", ("ASSAULT", (None, "UAF"), (None, "CVL"))),
        (
            "Police fired tear gas at protesters on Friday.",
            ("ASSAULT", (None, "COP"), (None, "CVL")),
        ),
        ("Rebels attacked an army post before dawn.", ("ASSAULT", (None, "REB"), (None, "MIL"))),
        ("Police arrested 30 protesters on Sunday.", ("COERCE", (None, "COP"), (None, "CVL"))),
        ("Protesters blocked the road for hours.", ("PROTEST", (None, "CVL"), None)),
        ("Gunmen opened fire on Monday night.", ("ASSAULT", (None, "UAF"), None)),
    ],
)
def test_a_group_named_by_sector_acts_with_no_country(
    text: str, dyad: tuple[str, Code, Code]
) -> None:
    assert dyad in dyads(coded(text)), dyads(coded(text))


def test_a_real_place_gives_the_groups_its_country() -> None:
    found = dyads(coded("Gunmen killed five villagers in Kano on Monday."))
    assert ("ASSAULT", ("NGA", "UAF"), ("NGA", "CVL")) in found, found


def test_a_side_with_a_country_is_not_replaced_by_a_countryless_group() -> None:
    found = dyads(coded("Nigerian troops killed 12 gunmen near the border on Monday."))
    assert [d[1] for d in found] == [("NGA", "MIL")], found


def test_a_clash_of_groups_named_by_sector_has_both_parties() -> None:
    (event,) = coded("Troops and rebels clashed near the border on Sunday.")
    assert event.event_type == "ASSAULT"
    assert {code_of(a) for a in event.participants} == {(None, "MIL"), (None, "REB")}


@pytest.mark.parametrize(
    "text",
    [
        # office nouns with no country are a reader's gap, not an actor named by sector
        "The president visited the region on Monday.",
        "Officials met in the capital on Tuesday.",
        # a countryless group only reports here, or watches another's act
        "Police are investigating a crash on the highway, officers said.",
        "Police watched from a distance and the march ended without incident.",
        # a countryless target alone is no act
        "The striker struck a low shot through a crowd of defenders.",
        # a seizure pattern with nothing seized
        "The military has taken up the grim task of clearing the roads.",
        # crowds alone, in a time clause that dates them years back
        "Arnor will restore ties with Gondor five years after crowds burned down its embassy.",
    ],
)
def test_no_act_for_a_countryless_group_that_is_not_its_side(text: str) -> None:
    assert coded(text) == [], dyads(coded(text))


def _group(name: str, sector: str, *, country: str | None = None, kind: str = "group") -> Actor:
    return Actor(text=name, name=name, country=country, sector=sector, kind=kind)


def test_only_groups_of_a_listed_sector_act_without_a_country() -> None:
    assert acts_without_country(_group("gunmen", "UAF"))
    assert not acts_without_country(_group("officials", "GOV"))
    assert not acts_without_country(_group("Mr Smith", "MIL", kind="person"))
    assert not acts_without_country(_group("police", "COP", country="KEN"))
