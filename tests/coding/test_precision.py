"""Sentences that state no political event, or a different one than their words suggest (issue 4,
false events): deaths in disasters and accidents, troops mobilised for a rescue, a wave that
"slammed into" a coast, an attack said to be someone's doing ("was behind the attacks": a claim
about an act reported before), and a guard on a hand-written trigger that the generated lexicon must
respect. Each is coded through the real understand stage; the last tests read the matcher."""

from __future__ import annotations

import pytest

from dragoman.coding.lexicon import load_lexicon
from dragoman.coding.rules import find_matches

from .understood import coded


def _types(text: str) -> set[str]:
    return {e.event_type for e in coded(text)}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "At least nine hikers were killed when a volcano erupted on an island off the coast of "
            "Sumatra on Sunday.",
            id="volcano",
        ),
        pytest.param(
            "A 6.4-magnitude earthquake struck western Turkey early on Friday, killing at least "
            "eleven people.",
            id="earthquake-killing-count",
        ),
        pytest.param(
            "Four workers were killed when a fertiliser plant exploded near Rouen, French officials "
            "said.",
            id="plant-exploded",
        ),
        pytest.param(
            "Thirty villagers were killed by flash floods in northern Afghanistan this week.",
            id="flash-floods",
        ),
        pytest.param(
            "Chilean soldiers were mobilized on Monday to help evacuate residents from towns "
            "threatened by wildfires.",
            id="mobilized-to-help",
        ),
        pytest.param(
            "A storm surge slammed into the coast of Bangladesh, flooding hundreds of villages.",
            id="slammed-into",
        ),
        pytest.param(
            "Israel said it had proof that Iran was behind the drone attacks on two tankers.",
            id="behind-the-drone-attacks",
        ),
        pytest.param(
            "Pakistan says India is probably behind Sunday's bombing in Quetta.",
            id="behind-the-bombing",
        ),
    ],
)
def test_disasters_and_rescues_code_nothing(text: str) -> None:
    assert coded(text) == []


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "M23 rebels attacked the Congolese government forces near Goma on Tuesday.",
            "ASSAULT",
            id="attacked-the-government-forces",
        ),
        pytest.param(
            "Nigerian soldiers killed seven farmers in a village near Maiduguri, police said.",
            "ASSAULT",
            id="killed-count-no-disaster",
        ),
        pytest.param(
            "Iranian drones attacked two Saudi oil tankers in the Gulf on Sunday.",
            "ASSAULT",
            id="drones-attacked",
        ),
        pytest.param(
            "Azerbaijan mobilized reservists after clashes on the border with Armenia.",
            "MOBILIZE",
            id="mobilized-reservists",
        ),
        pytest.param(
            "The Kenyan foreign minister slammed Somalia for expelling its ambassador.",
            "ACCUSE",
            id="slammed-a-country",
        ),
    ],
)
def test_the_guards_leave_real_acts_alone(text: str, want: str) -> None:
    assert want in _types(text)


def test_a_guarded_hand_trigger_leaves_its_words_uncoded() -> None:
    # mobilize.mobilise is vetoed for "mobilized voters"; the generated lexicon has a bare
    # "mobilized" (CAMEO 150) that must not code the same words in its place
    lexicon = load_lexicon()
    text = "The ruling party mobilized voters across Ohio before the primary."
    assert find_matches(load_lexicon(verbs=""), text) == []
    assert find_matches(lexicon, text) == []


def test_a_guard_does_not_silence_the_rest_of_the_sentence() -> None:
    # the veto covers the guarded words only: a generated pattern elsewhere still codes
    lexicon = load_lexicon()
    text = "The party mobilized voters and the committee investigated killings in the district."
    found = [(m.trigger.event_type, m.text) for m in find_matches(lexicon, text)]
    assert ("ACCUSE", "investigated killings") in found
    assert all(t != "MOBILIZE" for t, _ in found)
