"""How news tells material aid (issue 4, recall): amounts between the verb and the aid noun, money
given to a recipient, equipment handed over, weapons given. Coded through the real understand
stage; each must be one AID act from the giver to the receiver."""

from __future__ import annotations

import pytest

from .understood import coded, dyads


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "Japan has provided nearly $2.4 billion in humanitarian assistance to Ukraine since "
            "the war began.",
            ("AID", "073", "JPN", "UKR"),
            id="amount-before-the-aid-noun",
        ),
        pytest.param(
            "Norway provided 12.5 million euros to Sudan for clinics in Darfur.",
            ("AID", "071", "NOR", "SDN"),
            id="money-to-a-country",
        ),
        pytest.param(
            "Canada donated US$3 million to Haiti after the hurricane.",
            ("AID", "071", "CAN", "HTI"),
            id="donated-dollars",
        ),
        pytest.param(
            "The Chinese embassy handed over 40 ambulances to Zambia on Tuesday.",
            ("AID", "070", "CHN", "ZMB"),
            id="handed-over-ambulances",
        ),
        pytest.param(
            "Turkey gave 20 armed drones to Azerbaijan on Monday, a Turkish official said.",
            ("AID", "072", "TUR", "AZE"),
            id="gave-drones",
        ),
    ],
)
def test_aid_is_coded_from_giver_to_receiver(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in dyads(coded(text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The ministry gave 300 teachers a day off on Friday.", id="a-count-is-no-money"
        ),
        pytest.param(
            "Kenyan police said the fire destroyed 40 ambulances in Nairobi.", id="no-giving-verb"
        ),
    ],
)
def test_counts_and_losses_are_no_aid(text: str) -> None:
    assert all(e.event_type != "AID" for e in coded(text))


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "The United States reduced military aid to Colombia by $17 million.",
            ("SANCTION", "162", "USA", "COL"),
            id="reduced-military-aid",
        ),
        pytest.param(
            "Turkey has suspended food supplies to Armenia.",
            ("SANCTION", "162", "TUR", "ARM"),
            id="suspended-food-supplies",
        ),
        pytest.param(
            "Britain has sent a team of senior detectives to Kenya to investigate a recent shooting.",
            ("ACCUSE", "090", "GBR", "KEN"),
            id="sent-officials-to-investigate",
        ),
    ],
)
def test_aid_cut_and_inquiries_sent(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in dyads(coded(text))
