"""Wordings of news the hand-written triggers missed (issue 4, session 7): ground given up, offers
that name what is offered, refuge for people named by nationality, refugees taken in, death under
torture, forces reinforced, peacekeepers on their way or serving, captives released, antiquities
returned, relief goods flown in, an organisation outlawed, a strike not called off. Coded through
the real understand stage; sentences of our own."""

from __future__ import annotations

import pytest

from .understood import coded, dyads


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "Serbian troops evacuated two border outposts near Presevo on Monday.",
            ("RETREAT", "0874", "SRB", None),
            id="evacuated-outposts",
        ),
        pytest.param(
            "Japan has offered to send up to 500 engineers and troops to Haiti.",
            ("AGREE", "030", "JPN", "HTI"),
            id="offered-to-send-troops",
        ),
        pytest.param(
            "Sweden is willing to provide Kenya with up to $200 million in loan guarantees.",
            ("AGREE", "030", "SWE", "KEN"),
            id="willing-to-provide-loan-guarantees",
        ),
        pytest.param(
            "Togo opened its border to families fleeing the fighting in Ghana.",
            ("AID", "075", "TGO", "GHA"),
            id="border-opened-to-people-fleeing",
        ),
        pytest.param(
            "Chad opened its borders to thousands of Sudanese on Monday.",
            ("AID", "075", "TCD", "SDN"),
            id="border-opened-to-a-nationality",
        ),
        pytest.param(
            "Canada accepted 2,000 Afghan refugees last week, the immigration ministry said.",
            ("AID", "075", "CAN", "AFG"),
            id="refugees-accepted",
        ),
        pytest.param(
            "A Kurdish prisoner died as a result of the torture he suffered at the hands of "
            "Iranian guards in Tabriz, a rights group said.",
            ("ASSAULT", "1822", "IRN", "IRN"),
            id="died-of-torture",
        ),
        pytest.param(
            "Belarus has strengthened its forces along the border with Lithuania.",
            ("MOBILIZE", "154", "BLR", None),
            id="strengthened-its-forces",
        ),
        pytest.param(
            "Ghanaian peacekeepers are being deployed to Lebanon to relieve an Irish battalion.",
            ("AID", "074", "GHA", "LBN"),
            id="peacekeepers-being-deployed",
        ),
        pytest.param(
            "Two Bulgarian sailors have been released from captivity in Nigeria, the foreign "
            "ministry in Sofia said.",
            ("RETREAT", "0841", None, "BGR"),
            id="released-from-captivity",
        ),
        pytest.param(
            "Italian police returned to the Greek government 30 looted antiquities on Tuesday.",
            ("RETREAT", "0842", "ITA", "GRC"),
            id="antiquities-returned",
        ),
        pytest.param(
            "Canadian aircraft flew 20 tons of medicines into Mozambique.",
            ("AID", "070", "CAN", "MOZ"),
            id="medicines-flown-in",
        ),
        pytest.param(
            "Norway is providing more than $300 million in assistance to Malawi.",
            ("AID", "070", "NOR", "MWI"),
            id="providing-assistance",
        ),
        pytest.param(
            "The Kenyan government outlawed the country's largest human rights organization on "
            "Friday.",
            ("COERCE", "1722", "KEN", None),
            id="outlawed-an-organisation",
        ),
    ],
)
def test_wording_codes_its_act(text: str, want: tuple[str, str, str | None, str | None]) -> None:
    assert want in dyads(coded(text))


def test_troops_arriving_to_join_a_peacekeeping_mission_give_aid_not_a_visit() -> None:
    events = coded(
        "Hundreds of Irish troops have arrived in Lebanon to join the United Nations "
        "peacekeeping mission there."
    )
    assert [(e.event_type, e.cameo) for e in events] == [("AID", "074")]


def test_a_planned_evacuation_of_settlements_is_a_promise_to_withdraw() -> None:
    # a stated future withdrawal is the intent to yield (cues.yaml `intents`, ontology decision 9)
    events = coded("Under the plan, Israel will evacuate all 14 settlements in the northern West Bank.")
    assert ("CONCEDE", "0356", "ISR") in {
        (e.event_type, e.cameo, e.source.country if e.source else None) for e in events
    }


def test_strikers_who_will_not_end_their_strike_refuse_to_yield() -> None:
    events = coded("Kenyan dock workers said they will not end the strike before Friday.")
    assert ("REJECT", "1242") in {(e.event_type, e.cameo) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Rescuers evacuated 300 residents from the flooded town.", id="people-evacuated"),
        pytest.param("The party abandoned its positions on tax reform.", id="positions-on-an-issue"),
        pytest.param("Chile reopened its borders to Argentines on tourist visas.", id="tourists"),
        pytest.param("The Kenyan army said it returned fire.", id="returned-fire"),
        pytest.param(
            "Jordan said it will not accept any more refugees from Syria.", id="refugees-refused"
        ),
    ],
)
def test_look_alikes_code_no_withdrawal_or_refuge(text: str) -> None:
    assert not {e.event_type for e in coded(text)} & {"RETREAT", "AID", "CONCEDE"}
