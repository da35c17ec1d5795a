"""Peoples named for their armed movements or as communities (groups.yaml ``peoples``), a
minority's country from the article, and a nationality before a place noun as a place."""

from __future__ import annotations

import pytest

from tests.understand.mentioned import actors


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Kachin rebels ambushed an army convoy near Myitkyina.", ("Kachin rebels", "MMR", "REB")),
        ("Chechen fighters seized a school in the town.", ("Chechen fighters", "RUS", "REB")),
        (
            "Sri Lankan troops shelled Tamil guerrillas near Jaffna.",
            ("Tamil guerrillas", "LKA", "REB"),
        ),
        # a people's country follows the article: these Kurds fight in Syria
        (
            "Kurdish fighters clashed with Syrian troops near Hasakah. Syria blamed them.",
            ("Kurdish fighters", "SYR", "REB"),
        ),
        # a state named before the people gives it its country
        ("Iraqi Kurdish leaders met in Erbil.", ("Iraqi Kurdish leaders", "IRQ", "GOV")),
        ("Iranian Kurds marched in Mahabad.", ("Iranian Kurds", "IRN", "CVL")),
    ],
)
def test_a_people_before_a_role_noun_is_of_the_state_it_lives_in(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in actors(sentence), actors(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Karen Bass spoke to reporters in Los Angeles.",
        "Shan noodles are sold across Yangon.",
        "Tamil Nadu officials opened the new port.",
    ],
)
def test_a_peoples_adjective_without_a_role_noun_is_no_actor(sentence: str) -> None:
    assert all(country not in ("MMR", "LKA") for _, country, _ in actors(sentence)), actors(
        sentence
    )


def test_an_ethnic_minority_takes_the_country_the_article_is_about() -> None:
    text = (
        "Ethnic Hungarians rallied for school rights, Romanian officials said. Romania's "
        "government promised a review."
    )
    assert ("Ethnic Hungarians", "ROU", "CVL") in actors(text)
    # two countries named as often, or none besides the kin state: no country
    assert ("Ethnic Serbs", None, "CVL") in actors("Ethnic Serbs blocked the bridge at dawn.")
    tie = "Ethnic Russians in the region look to Moscow, Kazakhstan and Kyrgyzstan said."
    assert ("Ethnic Russians", None, "CVL") in actors(tie)


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Venezuelan troops clashed with smugglers on the Colombian border.", "COL"),
        ("Two jets strayed into Lebanese airspace on Sunday.", "LBN"),
        ("Fighting flared near Armenia's border with Azerbaijan.", "ARM"),
        ("Fighting flared near Armenia's border with Azerbaijan.", "AZE"),
    ],
)
def test_a_nationality_or_possessive_before_a_place_noun_is_a_place(
    sentence: str, place: str
) -> None:
    assert all(country != place for _, country, _ in actors(sentence)), actors(sentence)


def test_a_peoples_hyphenated_adjective_leads_its_forces_or_names_none() -> None:
    found = actors("Kurdish-led forces took the town of Manbij, Syria's army said.")
    assert ("Kurdish-led forces", "SYR", "MIL") in found, found
    found = actors("Shells fell on Kurdish-held villages near Kirkuk.")
    assert all(text != "Kurdish" for text, _, _ in found), found
