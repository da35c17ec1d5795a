"""coding/location.py: the place of the act a trigger names, read by the real understand stage;
and the coder's events carrying it (mentions.choose_place)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.coding.location import event_location, load_location_rules
from dragoman.errors import DataFileError

from .understood import coded, sentence_view


def place_of(text: str, trigger: str) -> str | None:
    view, span = sentence_view(text, trigger)
    found = event_location(view, trigger=span)
    return text[found.start : found.end] if found else None


@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        # the venue, not a delegation's home
        ("The US delegation met Iranian negotiators in Geneva on Tuesday.", "met", "Geneva"),
        ("Government troops stormed the village of Najarah in eastern Aleppo.", "stormed",
         "Najarah"),
        ("Seven people were killed in the town of Rastan in central Syria.", "killed", "Rastan"),
        ("A car bomb exploded outside a police college in Yemen's capital Sanaa on Wednesday.",
         "exploded", "Sanaa"),
        (("Two civilians were killed in a car bomb attack in the Zafaraniyah district of southern "
         "Baghdad."), "killed", "Zafaraniyah"),
        ("In Kano, the departure lounge of the airport was destroyed in the blast.", "destroyed",
         "Kano"),
        ("The airman was shot down during a bombing mission over Lebanon.", "shot", "Lebanon"),
        (("Bombs exploded near the market in the town of Balad Ruz, 70 kilometers northeast of "
         "Baghdad, killing 11 people."), "killing", "Balad Ruz"),
        (("Hundreds of demonstrators marched in Venezuela's capital to demand the minister's "
         "resignation."), "marched", "Venezuela"),
        ("Fighting in Manigram killed three soldiers on Friday.", "killed", "Manigram"),
        ("Five people were shot in South Africa's volatile KwaZulu-Natal province.", "shot",
         "KwaZulu-Natal"),
        ("Thousands demonstrated in the centre of the Georgian capital Tbilisi on Tuesday.",
         "demonstrated", "Tbilisi"),
    ],
)  # fmt: skip
def test_the_place_of_the_act(sentence, trigger, expected):
    assert place_of(sentence, trigger) == expected


@pytest.mark.parametrize(
    "sentence, trigger",
    [
        # the country is the killer's name for the war, not where the act happened
        ("Syria's civil war has killed more than 100,000 people.", "killed"),
        # an actor's home, said as an adjective or a possessive
        ("Dozens of monks demonstrated against Norway's attempts to broker peace.", "demonstrated"),
        ("Saddam was captured by U.S. forces in December 2003.", "captured"),
        ("The Israeli soldier was captured by Gaza militants in a raid.", "captured"),
        # where it was said, not where the act happened
        ("The ministry said in Kabul that the convoy had been attacked.", "said"),
        ("The envoy was expected to return, officials in Brussels said.", "return"),
        ("Diplomats in Brussels said a summit could follow in the spring.", "summit"),
        # a capital standing for its government, after the act's own verb: not "owned" by the
        # country named before that verb
        ("On Monday, Armenia's prime minister accused Baku of stalling the border talks.", "accused"),
    ],
)
def test_places_that_are_not_the_place_of_the_act(sentence, trigger):
    assert place_of(sentence, trigger) is None


@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        # an unlisted name as the object of a verb whose object is a place
        ("At dawn the brigade stormed the Technical College on the northern edge of town.",
         "stormed", "Technical College"),
        ("The army is now storming Qarmid from two directions.", "storming", "Qarmid"),
        # a place as the subject of a passive verb of taking
        ("Jaffna was captured by government forces in December.", "captured", "Jaffna"),
        # "captured" takes people as often: an unknown name after it is no place
        ("Police captured Odhiambo in Kisumu on Friday.", "captured", "Kisumu"),
        # active voice with "has been": the subject is the actor, not the place
        ("Ankara has been targeting militia positions in the Aleppo countryside.", "targeting",
         "Aleppo"),
        # a person from a place, and a person whose surname is a place, are no passive subjects
        ("Two engineers of Malawi were captured and held for a week.", "captured", None),
        # a place noun before "of" makes the place after it ("the strategic hilltop of ...")
        (("Rebels launched a new attack at the strategic hilltop of Tal Qarmid on Friday, "
          "striking army defences in the Idlib Governorate."), "striking", "Tal Qarmid"),
        # times, dates and counts are no unlisted places
        ("Israel captured the plateau in the 1967 Mideast war.", "captured", None),
        ("At 4 A.M the rebels stormed the Qarmid checkpoint.", "stormed", "Qarmid"),
        # capitalised words that qualify the object are no place
        ("Guard units patrolled the West African country's capital on Sunday.", "patrolled", None),
    ],
)
def test_objects_and_passive_subjects(sentence: str, trigger: str, expected: str | None) -> None:
    assert place_of(sentence, trigger) == expected


def test_a_meeting_event_carries_its_venue_not_a_home():
    text = "The US delegation held talks with Iranian officials in Geneva on Tuesday."
    events = coded(text, "2026-02-14")
    assert events
    assert {e.location.text for e in events if e.location} == {"Geneva"}
    assert all(e.location is None or e.location.country == "CHE" for e in events)


def test_each_place_of_a_list_is_read():
    view, span = sentence_view("Rebels shelled the settlements of Harasta, Kabun and Douma.", "shelled")
    assert {p.place.text for p in view.places} >= {"Kabun", "Douma"}
    found = event_location(view, trigger=span)
    assert found is not None and found.place.text in {"Harasta", "Kabun", "Douma"}


def test_a_conflict_event_carries_the_village_it_happened_in():
    text = "Syrian troops attacked rebel positions in the village of Najarah on Monday."
    events = coded(text, "2026-02-14")
    located = [e.location.text for e in events if e.location]
    assert located and set(located) == {"Najarah"}


def test_rules_are_read_once():
    assert load_location_rules() is load_location_rules()


def test_malformed_rules_name_the_file_and_key(tmp_path: Path):
    path = tmp_path / "event_location.yaml"
    path.write_text("threshold: high\nprepositions: {in: 4}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"event_location\.yaml.*'threshold' must be a number"):
        load_location_rules(path)
    path.write_text("threshold: 1.5\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="'prepositions' is missing"):
        load_location_rules(path)


def test_a_place_in_the_clause_is_a_meeting_venue_but_not_a_protest_topic() -> None:
    # "protested against the war in Bosnia": Bosnia is what the protest is about, and the ranker
    # finds no place of the act; talks "in Geneva" are held there even when it finds none.
    protest = coded(
        "Hundreds of German demonstrators protested against the escalation of the war in Bosnia "
        "on Saturday."
    )
    assert [(e.event_type, e.location) for e in protest] == [("PROTEST", None)]
    talks = coded("Iranian and American negotiators will hold a second round of talks in Geneva.")
    assert [(e.event_type, e.location.text if e.location else None) for e in talks] == [
        ("CONSULT", "Geneva")
    ]
    assert load_location_rules().venue_fallback_types >= {"CONSULT", "AGREE"}
