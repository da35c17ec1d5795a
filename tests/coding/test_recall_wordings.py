"""More plain news wordings the coder used to miss (issue 4, session 5): a reminder that a country
must act, a violated ban, an attempt to hack, restrictions on people (and, as a stated plan, the
threat of them), inspectors sent to monitor, a blockade, a court's order to appear, patrols
ordered, demands a party will not meet. Coded through the real understand stage."""

from __future__ import annotations

import pytest

from .understood import coded, dyads


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "The German chancellor issued a stern reminder on Monday to Serbia that it must "
            "recognise the court's ruling.",
            ("REQUEST", "100", "DEU", "SRB"),
            id="issued-a-reminder-that-x-must",
        ),
        pytest.param(
            "Pyongyang has violated a UN ban on ballistic missile tests.",
            ("REJECT", "128", "PRK", "UNO"),
            id="violated-a-ban",
        ),
        pytest.param(
            "North Korea has tried to hack into the computers of South Korean navy officers.",
            ("COERCE", "176", "PRK", "KOR"),
            id="tried-to-hack-into",
        ),
        pytest.param(
            "Israel imposed restrictions on the movement of Palestinians in Hebron.",
            ("COERCE", "172", "ISR", "PSE"),
            id="imposed-restrictions-on-people",
        ),
        pytest.param(
            "The IAEA has dispatched inspectors to the Natanz plant in central Iran to monitor the "
            "enrichment work.",
            ("ACCUSE", "090", "UNO", "IRN"),
            id="dispatched-inspectors-to-monitor",
        ),
        pytest.param(
            "Egypt blockaded the port of Gaza on Tuesday.",
            ("COERCE", "191", "EGY", "PSE"),
            id="blockaded-the-port",
        ),
        pytest.param(
            "Greek farmers said on Monday they would blockade Athens from Wednesday morning.",
            ("THREATEN", "1381", "GRC", "GRC"),
            id="would-blockade-a-city",
        ),
        pytest.param(
            "A Peruvian judge has ordered former president Ollanta Humala to appear for questioning.",
            ("REQUEST", "100", "PER", "PER"),  # the former president: placed by "Peruvian"
            id="ordered-to-appear",
        ),
        pytest.param(
            "The Pakistani government has ordered patrols by police and paramilitary soldiers in "
            "Karachi.",
            ("MOBILIZE", "153", "PAK", None),
            id="ordered-patrols",
        ),
        pytest.param(
            "Britain said it would not meet the kidnappers' demands to release prisoners in Mali.",
            ("REJECT", "124", "GBR", "MLI"),  # the kidnappers' country: the place abroad
            id="would-not-meet-demands",
        ),
        pytest.param(
            "Ten PKK rebels have surrendered to Turkish security forces in Sirnak province.",
            ("RETREAT", "0874", "TUR", None),
            id="surrendered-to",
        ),
        pytest.param(
            "Canada and Mexico have agreed a new trade pact.",
            ("AGREE", "030", None, None),
            id="have-agreed-a-pact",
        ),
        pytest.param(
            "Greece plans to impose restrictions on its labour market for Bulgarian workers.",
            ("THREATEN", "132", "GRC", "BGR"),
            id="plans-to-impose-restrictions",
        ),
    ],
)
def test_plain_wording_is_coded(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in dyads(coded(text))


@pytest.mark.parametrize(
    "text, kind",
    [
        pytest.param(
            "China imposed restrictions on imports of Australian wine.", "SANCTION", id="trade"
        ),
        pytest.param(
            "The Philippine army violated the ceasefire on Monday.", "ASSAULT", id="ceasefire"
        ),
    ],
)
def test_trade_restrictions_and_ceasefires_keep_their_type(text: str, kind: str) -> None:
    assert {e.event_type for e in coded(text)} == {kind}
