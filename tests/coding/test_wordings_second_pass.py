"""Wordings the coder missed or mistyped (issue 4, session 6, second pass on PLOVER types): arms
and intelligence given in the progressive, a military position captured, a permission denied, a
course of action called out of the question, a call to unite against someone, hackers trained for
attack, weapons of mass destruction made for use against someone, the sides back at a venue for
talks, a court order whose investigation is of old acts, and a politician called a right-winger
(no football). Coded through the real understand stage."""

from __future__ import annotations

import pytest

from .understood import coded, dyads


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "Russia is sending weapons and ammunition to Syria, officials said on Friday.",
            ("AID", "072", "RUS", "SYR"),
            id="is-sending-weapons-to",
        ),
        pytest.param(
            "The United States is providing satellite images and other military intelligence to "
            "Ukraine, which is preparing a counteroffensive against Russian forces.",
            ("AID", "072", "USA", "UKR"),
            id="providing-intelligence-to",
        ),
        pytest.param(
            "Sudanese troops have captured part of a rebel stronghold near the town of Kadugli "
            "after three days of fighting.",
            ("ASSAULT", "190", "SDN", "SDN"),  # the rebels: of the place
            id="captured-a-stronghold",
        ),
        pytest.param(
            "The Georgian interior ministry has denied permission for an opposition rally in "
            "Tbilisi.",
            ("REJECT", "120", "GEO", "GEO"),  # the opposition: of the place
            id="denied-permission",
        ),
        pytest.param(
            "Syria is producing chemical weapons to use against Turkey, the Turkish defence "
            "minister said on Friday.",
            ("THREATEN", "1385", "SYR", "TUR"),
            id="weapons-to-use-against",
        ),
        pytest.param(
            "Iran urged Muslim countries on Tuesday to unite against Israel.",
            ("ACCUSE", "113", "IRN", "ISR"),
            id="urged-to-unite-against",
        ),
    ],
)
def test_wording_is_coded(text: str, want: tuple[str, str, str, str | None]) -> None:
    assert want in dyads(coded(text))


def test_a_course_called_out_of_the_question_is_a_rejection() -> None:
    events = coded(
        "The French government said on Monday that lifting the sanctions on Belarus is currently "
        "out of the question."
    )
    # the speaker rejects; the country the course concerns is the target
    assert dyads(events) == {("REJECT", "120", "FRA", "BLR")}


def test_the_sides_back_at_a_venue_for_talks_meet() -> None:
    events = coded(
        "Armenian and Azerbaijani negotiators return to Geneva this week for talks on the border."
    )
    assert [(e.event_type, e.cameo) for e in events] == [("CONSULT", "046")]
    assert {a.country for a in events[0].participants} == {"ARM", "AZE"}


def test_a_return_home_is_no_meeting() -> None:
    events = coded("Armenian refugees returned to their homes in Karabakh on Sunday.")
    assert "CONSULT" not in {e.event_type for e in events}


def test_an_order_in_an_investigation_of_old_acts_is_no_history() -> None:
    # the sales investigated are of the 1990s, the order is of the day (an article of 2000)
    events = coded(
        "A Chilean judge has ordered former president Eduardo Frei to appear for questioning in "
        "an investigation of arms sales to Peru and Bolivia in the 1990s, court sources said.",
        published="2000-10-02",
    )
    assert [(e.event_type, e.cameo, e.source.country if e.source else None) for e in events][
        :1
    ] == [("REQUEST", "100", "CHL")]


def test_a_denial_of_a_report_is_no_refusal() -> None:
    events = coded("Iran denied reports that it had been given permission to buy Russian jets.")
    assert "REJECT" not in {e.event_type for e in events}


def test_a_right_winger_is_a_politician_not_a_footballer() -> None:
    events = coded("Syria criticized Israeli right-winger Avigdor Lieberman on Monday.")
    assert ("ACCUSE", "111", "SYR", "ISR") in dyads(events)
    assert coded("The Brazilian winger attacked down the left against Chile on Monday.") == []


def test_hackers_trained_for_attack_are_a_mobilisation_not_an_attack() -> None:
    events = coded(
        "Iran has trained thousands of hackers capable of attacking Israeli power grids, an "
        "Israeli security official said on Monday."
    )
    kinds = {
        (e.event_type, e.cameo, e.source.country if e.source else None, e.status) for e in events
    }
    assert ("MOBILIZE", "155", "IRN", "occurred") in kinds
    # what they are capable of is no act yet
    assert all(e.status == "hypothetical" for e in events if e.event_type == "ASSAULT")
