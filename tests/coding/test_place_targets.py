"""Places and victims as targets, and role nouns that name a target's sector (issue 5).

When an act falls on a place (a city, a district) and no better target is named, the target is
that place's country with sector CVL; the victims of an attack take the country of the place
attacked, not the attackers'. Groups named with where they are take that place's country.
coding/roles.py, coding/one_sided.py, coding/parse_roles.py, coding/_role_candidates.py.
"""

from __future__ import annotations

import pytest

from dragoman.model import Actor, Event

from .understood import coded

Code = tuple[str | None, str | None]


def code_of(actor: Actor | None) -> Code | None:
    return (actor.country, actor.sector) if actor is not None else None


def dyads(text: str, event_type: str, published: str = "2026-02-15") -> set[tuple]:
    events: list[Event] = coded(text, published)
    return {(code_of(e.source), code_of(e.target)) for e in events if e.event_type == event_type}


@pytest.mark.parametrize(
    "text, event_type, source, target",
    [
        # the place a blockade or a strike falls on, named as the verb's object: its civilians,
        # not an actor of the purpose clause after it
        (
            (
                "Angry Spanish fishermen said they would blockade Vigo next week to demand that the "
                "European Union drop its quota plan."
            ),
            "THREATEN",
            ("ESP", "AGR"),
            ("ESP", "CVL"),
        ),
        (
            (
                "Angry Greek farmers said they would blockade Athens from Monday to demand an end "
                "to the European Union's fuel levy."
            ),
            "THREATEN",
            ("GRC", "AGR"),
            ("GRC", "CVL"),
        ),
        # a threat whose object lies in a place: the place's people, not the subject of the
        # condition ("if Hezbollah ...")
        (
            "Israel threatened to close schools in Sidon if Hezbollah fired more rockets.",
            "THREATEN",
            ("ISR", "GOV"),
            ("LBN", "CVL"),
        ),
        # aid cut where it was delivered: the place's civilians, even in a capital
        (
            "Oxfam suspended aid deliveries in Kabul on Monday after a convoy was looted.",
            "SANCTION",
            ("NGO", None),
            ("AFG", "CVL"),
        ),
    ],
)
def test_a_place_the_act_falls_on_is_its_civilians(
    text: str, event_type: str, source: Code, target: Code
) -> None:
    assert (source, target) in dyads(text, event_type)


def test_a_meeting_place_in_a_threat_is_a_venue_not_a_target() -> None:
    found = dyads(
        "Iran threatened to quit the talks in Geneva if Washington raised new demands.",
        "THREATEN",
    )
    assert found and all(t is not None and t[0] == "USA" for _, t in found), found


def test_an_embassy_opened_in_a_capital_is_still_its_government() -> None:
    assert (("LKA", "GOV"), ("IRN", "GOV")) in dyads(
        "Sri Lanka opened an embassy in Tehran on Monday, the foreign ministry said.", "SUPPORT"
    )


@pytest.mark.parametrize(
    "text, source, target",
    [
        # bombers from one country killing unnamed people in another: the victims are the
        # place's civilians, not the movement the attack belongs to
        (
            (
                "Two Afghan suicide bombers killed 14 people on Friday when they blew themselves up "
                "in Peshawar during the latest attack of the Afghan insurgency, police said."
            ),
            "AFG",
            ("PAK", "CVL"),
        ),
    ],
)
def test_victims_of_an_attack_abroad_are_the_places_civilians(
    text: str, source: str, target: Code
) -> None:
    found = dyads(text, "ASSAULT")
    assert {(s[0] if s else None, t) for s, t in found} == {(source, target)}


def test_a_city_attacked_by_its_own_countrys_rebels_is_its_civilians() -> None:
    found = dyads("Malian rebels shelled the northern town of Gao on Sunday.", "ASSAULT")
    assert found and all(t == ("MLI", "CVL") for _, t in found), found


@pytest.mark.parametrize(
    "text, event_type, role, expected",
    [
        # a group's address gives it its country, and the city is no actor of its own
        (
            "A newspaper based in west Beirut has defied a ban by the Lebanese army.",
            "REJECT",
            "source",
            ("LBN", "JRN"),
        ),
        (
            "Croatian officials demanded a truce with Moslem forces in central Bosnia on Monday.",
            "REQUEST",
            "target",
            ("BIH", "REB"),
        ),
        # hostage-takers are criminals where they hold their captives
        (
            "France said it would not meet the kidnappers' demands to free prisoners in Mali.",
            "REJECT",
            "target",
            ("MLI", "CRM"),
        ),
        # territory rebels hold stands for the rebels
        (
            "The Turkish army resumed shelling Kurdish rebel-held territory on Tuesday.",
            "ASSAULT",
            "target",
            ("TUR", "REB"),
        ),
    ],
)
def test_role_nouns_and_group_addresses(
    text: str, event_type: str, role: str, expected: Code
) -> None:
    found = dyads(text, event_type)
    side = {s for s, _ in found} if role == "source" else {t for _, t in found}
    assert expected in side, found


@pytest.mark.parametrize(
    "text, target",
    [
        # the wrongdoer named after the wrong protested
        (
            (
                "Students in Nairobi marched on Friday in protest against the widespread rights "
                "abuses by Kenyan police."
            ),
            ("KEN", "COP"),
        ),
        # the government a movement works to overthrow
        (
            (
                "Rebels in Chad blocked roads into N'Djamena as they pressed their campaign to "
                "overthrow the government of President Idriss Deby."
            ),
            ("TCD", "GOV"),
        ),
    ],
)
def test_a_protest_against_a_wrongdoer_or_to_overthrow_names_its_target(
    text: str, target: Code
) -> None:
    assert target in {t for _, t in dyads(text, "PROTEST")}


def test_a_participle_counting_its_patients_falls_on_the_previous_acts_target() -> None:
    events = coded(
        "Algerian police opened fire to disperse fundamentalist protesters on Friday, wounding "
        "three people and arresting 40, officials said."
    )
    targets = {e.event_type: code_of(e.target) for e in events}
    # the religious movement's followers are REL (CAMEO MOS), and those arrested are they
    assert targets.get("ASSAULT") == ("DZA", "REL"), targets
    assert targets.get("COERCE") == ("DZA", "REL"), targets


def test_a_person_stands_for_the_nationality_beside_them_when_the_parse_decides() -> None:
    # the condition ("if he is re-elected") has the parse read the sides; the person is the
    # target, not "Israeli right-winger" beside him
    events = coded(
        "An official Iranian newspaper called on Muslims to mobilize against Israeli "
        "right-winger Benjamin Netanyahu, who has vowed to strike Iran if he is re-elected."
    )
    targets = {(e.target.country, e.target.kind) for e in events if e.event_type == "ACCUSE"}
    assert targets == {("ISR", "person")}, targets
