"""find_places: places no gazetteer holds, read from their frames (understand/_place_guess.py),
and gazetteer names that a capitalised place noun extends ("Aleppo City")."""

from __future__ import annotations

import pytest

from dragoman.understand._place_guess import guess_places
from dragoman.understand.places import find_places
from dragoman.understand.sentences import split_sentences


def found(text: str) -> list[tuple[str, str, str | None]]:
    """(words, kind, country) of each place mention."""
    mentions = find_places(text, list(split_sentences(text)))
    for m in mentions:
        assert text[m.start : m.end] == m.place.text
    return [(m.place.text, m.place.kind, m.place.country) for m in mentions]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Troops stormed the previously untouched village of Najarah on Monday.", ["Najarah"]),
        ("A bomb exploded in the Hamar Weyne district on Friday.", ["Hamar Weyne"]),
        ("Militants attacked the Abu Risha Dam before dawn.", ["Abu Risha Dam"]),
        ("The unit was ambushed at Busue Village after patrolling a road.", ["Busue Village"]),
        (
            "Jets pounded the villages of Tal Sukkar, Jubb Hamid and Umm Khirbe.",
            ["Tal Sukkar", "Jubb Hamid", "Umm Khirbe"],
        ),
        ("Civilians fled the town of al-Wafa after the strikes.", ["al-Wafa"]),
        ("Shoppers were wounded at the al-Ghazl market, police said.", ["al-Ghazl"]),
        ("Forces entered the Al-Sina'a District overnight.", ["Al-Sina'a District"]),
        ("Jets struck the Al-Mahr Gas Fields at dawn.", ["Al-Mahr Gas Fields"]),
        ("The army advanced east of the strategic T-4 Airbase overnight.", ["T-4 Airbase"]),
        # a weekday after the name is not part of it
        ("Helicopters patrolled the rebel-held area of Qarmid Tuesday.", ["Qarmid"]),
    ],
)
def test_names_read_from_their_frame(sentence, expected):
    assert [(name, "locality", None) for name in expected] == found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Syrian Army area was quiet.",  # a demonym and an organisation, no name
        "Officials of the SAA camp declined to comment.",  # an acronym
        "The Village council met on Monday.",  # a place noun alone
        "Fighting in Manigram killed three.",  # a bare name after "in": only on request
        "Helicopters patrolled the Serb-held area overnight.",  # who holds it, not its name
        "Thousands marched in the Islamist-controlled district on Friday.",
    ],
)
def test_frames_that_give_no_name(sentence):
    assert found(sentence) == []


def test_a_name_after_a_preposition_is_read_only_on_request():
    sentence = "Fighting in Manigram killed three."
    spans = guess_places(sentence, ("after_preposition",))
    assert [sentence[a:b] for a, b in spans] == ["Manigram"]


def test_a_capitalised_place_noun_extends_a_gazetteer_name():
    text = "The army advanced in Homs Governorate and shelled Aleppo City."
    assert found(text) == [("Homs Governorate", "city", "SYR"), ("Aleppo City", "city", "SYR")]


def test_a_gazetteer_name_wins_over_a_guess():
    assert found("Shells fell on the city of Aleppo.") == [("Aleppo", "city", "SYR")]
