"""Plain wordings of yielding, aid, offers and coercion the coder used to miss (issue 4, session 6,
from the ConfliBERT / CASE 2021 misses by class): restrictions and tariffs eased, offers to help,
aid with no kind named, borders opened to refugees, blockades imposed, cyber warfare,
human shields, a qualified ceasefire violated or agreed, envoys summoned, newspapers banned,
strikes told in the progressive, appeals told by a participle ("a statement calling on"), demands
conceded, prisoners let free, aid suspended told by a noun ("announced a suspension of aid": no
gift of aid), a country's conduct defended ("defended Brazil's environmental policies"), grenades thrown,
planted bombs gone off, chemical agents named, people gunned down. Coded through the real understand stage."""

from __future__ import annotations

import pytest

from .understood import coded, dyads


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "Morocco eased travel restrictions on visitors from Spain on Tuesday.",
            ("CONCEDE", "081", "MAR", "ESP"),
            id="eased-travel-restrictions",
        ),
        pytest.param(
            "Canada cut tariffs on Chinese steel by half.",
            ("RETREAT", "085", "CAN", "CHN"),
            id="cut-tariffs",
        ),
        pytest.param(
            "Kenya has offered to send troops to Somalia to help the African Union mission.",
            ("AGREE", "030", "KEN", "SOM"),
            id="offered-to-send-troops",
        ),
        pytest.param(
            "Japan provided technical assistance to the Philippine coast guard on Monday.",
            ("AID", "070", "JPN", "PHL"),
            id="provided-assistance",
        ),
        pytest.param(
            "Hungary opened its borders to refugees from Ukraine.",
            ("AID", "075", "HUN", "UKR"),
            id="opened-borders-to-refugees",
        ),
        pytest.param(
            "Egypt imposed a blockade on the Gaza Strip.",
            ("COERCE", "191", "EGY", "PSE"),
            id="imposed-a-blockade",
        ),
        pytest.param(
            "Iranian hackers launched cyber warfare against Israel.",
            ("COERCE", "176", "IRN", "ISR"),
            id="launched-cyber-warfare",
        ),
        pytest.param(
            "Turkey summoned a senior German diplomat to complain about the report.",
            ("ACCUSE", "114", "TUR", "DEU"),
            id="summoned-a-senior-diplomat",
        ),
        pytest.param(
            "Amnesty International issued a statement on Monday calling on Belarus to free the "
            "journalists.",
            ("REQUEST", "020", "NGO", "BLR"),
            id="statement-calling-on",
        ),
        pytest.param(
            "The European Parliament is urging Hungary to respect the court ruling.",
            ("REQUEST", "020", "EUR", "HUN"),
            id="is-urging",
        ),
        pytest.param(
            "The Bolivian government conceded to the miners' demands on Tuesday.",
            ("CONCEDE", "080", "BOL", None),
            id="conceded-to-demands",
        ),
        pytest.param(
            "Jordan decided to ease some of its most stringent restrictions on Syrian traders.",
            ("CONCEDE", "081", "JOR", "SYR"),
            id="ease-some-of-its-restrictions",
        ),
        pytest.param(
            "Eritrea let free 20 Ethiopian fishermen.",
            ("RETREAT", "0841", "ERI", "ETH"),
            id="let-free",
        ),
        pytest.param(
            "Norway announced a suspension of aid to Mali on Monday.",
            ("SANCTION", "162", "NOR", "MLI"),
            id="announced-a-suspension-of-aid",
        ),
        pytest.param(
            "The French minister defended France's military presence in Mali on Monday.",
            ("SUPPORT", "052", "FRA", "FRA"),
            id="defended-a-country-s-conduct",
        ),
        pytest.param(
            "Japan has donated a shipment of 300 state-of-the-art ventilators to Kenya.",
            ("AID", "070", "JPN", "KEN"),
            id="donated-a-shipment-of-equipment",
        ),
        pytest.param(
            "Mexico decided to grant political asylum to the former Bolivian president.",
            ("AID", "075", "MEX", "BOL"),
            id="grant-asylum",
        ),
        pytest.param(
            "Russian warplanes are striking rebel positions near Idlib.",
            ("ASSAULT", "190", "RUS", "SYR"),
            id="are-striking-positions",
        ),
    ],
)
def test_plain_wording_is_coded(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in dyads(coded(text))


@pytest.mark.parametrize(
    "text, cameo",
    [
        pytest.param(
            "The militants used dozens of villagers as human shields in Marawi.",
            "184",
            id="shields",
        ),
        pytest.param(
            "Philippine rebels violated the holiday ceasefire in Mindanao on Sunday.",
            "196",
            id="qualified-ceasefire-violated",
        ),
        pytest.param("Belarus banned all Polish newspapers.", "1722", id="newspapers-banned"),
        pytest.param(
            "Militants threw a grenade at an army post in Kashmir.", "183", id="grenade-thrown"
        ),
        pytest.param(
            "Two landmines planted by the rebels went off near Tete, killing a farmer.",
            "183",
            id="landmines-went-off",
        ),
        pytest.param(
            "The jihadist group used mustard gas against a Syrian army unit.",
            "2041",
            id="chemical-agent-named",
        ),
        pytest.param(
            "Unidentified gunmen gunned down a doctor in Baghlan province.", "193", id="gunned-down"
        ),
    ],
)
def test_act_with_one_named_side_is_coded(text: str, cameo: str) -> None:
    assert cameo in {e.cameo for e in coded(text)}


def test_agreed_ceasefire_with_its_length_is_a_promised_ceasefire() -> None:
    # only agreed, not yet kept: an intent to de-escalate (shared ontology, 0356 against 0871)
    events = coded("Sudan and South Sudan agreed a 72-hour humanitarian ceasefire on Monday.")
    assert ("CONCEDE", "0356") in {(e.event_type, e.cameo) for e in events}


def test_a_ceasefire_kept_is_a_retreat() -> None:
    events = coded("Sudan and South Sudan observed the 72-hour humanitarian ceasefire on Monday.")
    assert {(e.event_type, e.cameo) for e in events} == {("RETREAT", "0871")}


@pytest.mark.parametrize(
    "text, kind",
    [
        pytest.param(
            "Striking teachers blocked schools in Nairobi.", "ASSAULT", id="striking-adjective"
        ),
        pytest.param(
            "Police defused a bomb that was found near the station in Izmir.",
            "ASSAULT",
            id="defused-bomb",
        ),
        pytest.param(
            "Riot police fired stun grenades at protesters in Paris.", "ASSAULT-183", id="stun"
        ),
        pytest.param(
            "The ministers issued a joint statement calling for a steady rise in the fund's "
            "reserves.",
            "REQUEST",
            id="calling-for-a-thing-with-no-addressee",
        ),
        pytest.param(
            "Ethiopia announced new rules for aid organisations working in Tigray.",
            "AID",
            id="aid-organisations-are-no-aid",
        ),
    ],
)
def test_look_alikes_code_no_such_act(text: str, kind: str) -> None:
    """``kind`` is a PLOVER type, or type-CAMEO for one code of it (stun grenades stay 175)."""
    events = coded(text)
    assert kind not in {e.event_type for e in events} | {
        f"{e.event_type}-{e.cameo}" for e in events
    }
