"""Group nouns placed by what follows them: the land people flee ('refugees fleeing the war in
Mali') and where a group is based ('a terror group based in Trinidad')."""

from __future__ import annotations

from dragoman.understand.actors import find_actors
from dragoman.understand.sentences import split_sentences


def groups(text: str) -> list[tuple[str, str | None, str | None]]:
    found = find_actors(text, split_sentences(text))
    return [(text[m.start : m.end], m.actor.country, m.actor.sector) for m in found]


def test_refugees_fleeing_a_war_in_a_country_are_of_that_country() -> None:
    text = "The agency will ship grain to refugees fleeing the civil war in Mali, an official said."
    assert ("refugees fleeing the civil war in Mali", "MLI", "REF") in groups(text)


def test_fighting_in_a_region_of_a_country_places_the_people_fleeing_it() -> None:
    text = "Refugees fleeing fighting in eastern Congo crossed into Uganda overnight."
    assert groups(text)[0] == ("Refugees fleeing fighting in eastern Congo", "COD", "REF")


def test_people_who_fled_a_country_named_right_after_the_verb_are_of_it() -> None:
    text = "Thousands of civilians who fled Syria were stranded at the border on Tuesday."
    assert ("civilians who fled Syria", "SYR", "CVL") in groups(text)


def test_where_the_fleeing_people_arrived_does_not_place_them() -> None:
    # "arrived in Greece" is where they went, not what they fled: no country
    assert groups("Refugees fleeing the war arrived in Greece on Sunday.") == [
        ("Refugees", None, "REF")
    ]
    assert groups("Refugees fleeing to Kenya said soldiers shelled their village.")[0] == (
        "Refugees",
        None,
        "REF",
    )


def test_a_terror_group_based_in_trinidad_is_a_rebel_group_of_trinidad_and_tobago() -> None:
    text = "A terror group based in Trinidad says it is making weapons to use against Britain."
    found = groups(text)
    assert found[0] == ("terror group based in Trinidad", "TTO", "REB")
    assert ("Britain", "GBR", "GOV") in found


def test_trinidad_after_a_verb_of_motion_stays_a_place() -> None:
    assert groups("The minister flew to Trinidad on Monday.") == [("The minister", None, "GOV")]


def test_tripoli_in_an_article_about_lebanon_is_the_lebanese_port() -> None:
    text = (
        "Syrian officers ended their mediation between rival militias in Tripoli as shells fell "
        "on the north Lebanese port for a third day."
    )
    assert ("militias in Tripoli", "LBN", "PRM") in groups(text)


def test_tripoli_alone_or_beside_libya_is_libya() -> None:
    assert groups("Tripoli rejected the demand on Sunday.") == [("Tripoli", "LBY", "GOV")]
    text = "Militias in Tripoli clashed with forces loyal to the Libyan government."
    assert groups(text)[0] == ("Militias in Tripoli", "LBY", "PRM")


def test_former_states_are_coded_as_their_continuators() -> None:
    # our codes are today's ISO states: the USSR is Russia's, Yugoslavia Serbia's (as SCG is)
    text = "The Soviet Union and Yugoslavia signed a trade pact, and Soviet troops left."
    assert groups(text) == [
        ("The Soviet Union", "RUS", "GOV"),
        ("Yugoslavia", "SRB", "GOV"),
        ("Soviet troops", "RUS", "MIL"),
    ]
    assert groups("U.S. and Soviet negotiators met in Geneva.") == [
        ("U.S.", "USA", "GOV"),
        ("Soviet", "RUS", "GOV"),
    ]


def test_a_former_soviet_republic_is_not_russia() -> None:
    text = "The former Soviet republic of Georgia said it would leave the bloc."
    assert groups(text) == [("Georgia", "GEO", "GOV")]
    assert groups("Soviet-era tanks rolled into the square.") == []


def test_kampuchea_is_cambodia() -> None:
    text = "Vietnamese-led forces shelled Kampuchean guerrilla camps near the Thai border."
    assert ("Kampuchean guerrilla", "KHM", "REB") in groups(text)
    assert groups("Kampuchea rejected the proposal.") == [("Kampuchea", "KHM", "GOV")]
