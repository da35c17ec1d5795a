"""A party's stated future act is coded as the promise or threat it states (ontology decisions 1,
6 and 16; coding/intents.py, cues.yaml `intents`), through the real understand stage."""

from __future__ import annotations

import pytest

from dragoman.coding.intents import stated_intent
from dragoman.coding.lexicon import load_lexicon

from .understood import coded


def _acts(text: str) -> set[tuple[str, str, str]]:
    return {(e.event_type, e.cameo, e.status) for e in coded(text)}


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "Armenia is willing to withdraw its troops from the border villages, its prime "
            "minister said.",
            ("CONCEDE", "0356", "occurred"),
            id="willing-to-withdraw-troops",
        ),
        pytest.param(
            "Japan will provide 3,000 tons of emergency food aid to Sudan, its foreign ministry "
            "said on Monday.",
            ("AGREE", "0333", "occurred"),
            id="will-provide-food-aid",
        ),
        pytest.param(
            "Turkey said it would tighten the naval blockade of the Syrian coast.",
            ("THREATEN", "1381", "occurred"),
            id="would-tighten-the-blockade",
        ),
        pytest.param(
            "Kenya announced that it will withdraw its peacekeeping force from Somalia unless "
            "the government in Mogadishu holds elections by June.",
            ("THREATEN", "136", "occurred"),
            id="will-withdraw-peacekeepers-unless",
        ),
        pytest.param(
            "Colombian rebels said on Saturday they will release two kidnapped Ecuadorian soldiers.",
            ("CONCEDE", "0353", "occurred"),
            id="will-release-base-form",
        ),
        pytest.param(
            "Sudanese militia leaders said their fighters will lay down their arms on Sunday.",
            ("CONCEDE", "0356", "occurred"),
            id="will-lay-down-arms",
        ),
        pytest.param(
            "Ethiopia said it would allow UN agencies access to the Tigray region.",
            ("CONCEDE", "0355", "occurred"),
            id="would-allow-access",
        ),
        pytest.param(
            "The Peruvian government is prepared to impose martial law in the southern provinces.",
            ("THREATEN", "1324", "occurred"),
            id="prepared-to-impose-martial-law",
        ),
    ],
)
def test_a_stated_future_act_is_its_promise_or_threat(
    text: str, want: tuple[str, str, str]
) -> None:
    assert want in _acts(text)


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "The United States announced on Wednesday it would cut all military aid to Niger.",
            ("SANCTION", "planned"),
            id="announced-cut-is-a-decision",
        ),
        pytest.param(
            "Thousands of farmers rallied in Paris on Sunday to protest against the new tax.",
            ("PROTEST", "occurred"),
            id="purpose-is-no-intent",
        ),
        pytest.param(
            "US and Iranian delegations will meet in Geneva next week.",
            ("CONSULT", "planned"),
            id="scheduled-meeting-stays-consult",
        ),
    ],
)
def test_decisions_purposes_and_meetings_keep_their_act(text: str, want: tuple[str, str]) -> None:
    assert want in {(kind, status) for kind, _, status in _acts(text)}


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "The Iranian government will not remove the sanctions on British firms, a spokesman "
            "said.",
            ("REJECT", "1244", "occurred"),
            id="will-not-remove-sanctions",
        ),
        pytest.param(
            "Hamas said it will not release the Israeli hostages until Israel stops its attacks.",
            ("REJECT", "1243", "occurred"),
            id="will-not-release",
        ),
        pytest.param(
            "Russia will not withdraw its troops from the Ukrainian border, the Kremlin said.",
            ("REJECT", "1246", "occurred"),
            id="will-not-withdraw",
        ),
    ],
)
def test_a_concession_a_party_will_not_make_is_its_refusal(
    text: str, want: tuple[str, str, str]
) -> None:
    assert want in _acts(text)


def test_a_negated_meeting_is_still_no_event() -> None:
    assert _acts("Iran will not attend the talks in Geneva, its foreign ministry said.") == set()


def test_an_appeal_to_disarm_that_was_dismissed_is_no_promise() -> None:
    # "to lay down their arms" is the content of the appeal, six words after the refusal
    acts = _acts(
        "Rebels in Mali on Wednesday dismissed an appeal from President Ibrahim Keita to lay down "
        "their arms."
    )
    assert {kind for kind, _, _ in acts} == {"REJECT"}


def test_speculation_is_neither_promise_nor_threat() -> None:
    intents = load_lexicon().cues.intents
    assert intents is not None
    # "is considering": hypothetical, on no terms
    assert (
        stated_intent(
            intents, cameo="070", status="hypothetical", before="is considering ", after=" to Chad"
        )
        is None
    )
    # a conditional offer is the offer: "is willing to withdraw its troops if asked"
    assert (
        stated_intent(
            intents, cameo="0874", status="hypothetical", before="is willing to ", after=" if asked"
        )
        == "0356"
    )
