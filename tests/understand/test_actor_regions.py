"""A region's organs and people are its country's when a word marks the name as a region
('the government of Sindh province', 'the Sindh provincial government'); a post abroad named
by its place ('its Kabul embassy') is not that place's country's."""

from __future__ import annotations

from tests.understand.mentioned import actors


def test_the_government_of_a_province_is_its_countrys_government() -> None:
    text = "The government of Sindh province ordered army patrols after the riots."
    assert actors(text)[0] == ("The government of Sindh province", "PAK", "GOV")


def test_a_provincial_government_named_before_the_noun() -> None:
    assert actors("The Sindh provincial government imposed a curfew on Karachi.")[0] == (
        "The Sindh provincial government",
        "PAK",
        "GOV",
    )
    assert actors("The Aceh provincial government rejected the plan.")[0][1:] == ("IDN", "GOV")


def test_people_in_a_named_province_are_of_its_country() -> None:
    assert actors("Police in Helmand province arrested ten men on Friday.")[0] == (
        "Police in Helmand province",
        "AFG",
        "COP",
    )


def test_a_government_with_no_region_named_stays_unplaced() -> None:
    assert actors("The provincial government said it would appeal.") == [
        ("The provincial government", None, "GOV")
    ]


def test_a_post_abroad_named_by_its_place_is_not_that_countrys() -> None:
    # Britain's embassy in Kabul: Afghanistan is where it is, not whose it is
    assert actors("Britain closed its Kabul embassy after the attack.") == [
        ("Britain", "GBR", "GOV")
    ]
    assert ("the Russian embassy", "RUS", "GOV") in actors("Crowds attacked the Russian embassy.")
