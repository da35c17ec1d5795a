"""Plain news sentences the coder used to leave uncoded or misread (issue 4): adverbials between a
verb and its complement, promises, refusals, vows, demands told through a reporting verb, and
active killings next to a noun trigger. Each is coded through the real understand stage."""

from __future__ import annotations

import pytest

from .understood import coded


def _found(text: str) -> set[tuple[str, str | None, str | None, str]]:
    return {
        (
            e.event_type,
            e.source.country if e.source else None,
            e.target.country if e.target else None,
            e.status,
        )
        for e in coded(text)
    }


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "Kenya and Uganda agreed in principle on Monday to build a joint railway line.",
            ("AGREE", "occurred"),
            id="agreed-in-principle-on-day-to",
        ),
        pytest.param(
            "The Chilean government promised to compensate Bolivian truck drivers for their losses.",
            ("AGREE", "occurred"),
            id="promised-to",
        ),
        pytest.param(
            "Iran continued to supply weapons to Houthi fighters in Yemen, a UN report said.",
            ("AID", "ongoing"),
            id="continued-to-supply-weapons",
        ),
        pytest.param(
            "The World Food Programme will deliver about 12,000 tonnes of emergency food aid to "
            "Sudan.",
            ("AGREE", "occurred"),  # the promise of aid (ontology decision 16)
            id="will-deliver-tonnes-of-food-aid",
        ),
        pytest.param(
            "Chinese Foreign Minister Wang Yi defended Russia on Monday against Western accusations "
            "of war crimes.",
            ("SUPPORT", "occurred"),
            id="defended-against-accusations",
        ),
        pytest.param(
            "The Thai government on Friday accepted demands from farmers' groups that it raise rice "
            "prices.",
            ("CONCEDE", "occurred"),
            id="accepted-demands",
        ),
        pytest.param(
            "The Japanese parliament agreed to lift embargoes on beef imports from Canada.",
            ("CONCEDE", "occurred"),
            id="agreed-to-lift-embargoes",
        ),
        pytest.param(
            "Hungary is refusing to ratify Sweden's membership of NATO.",
            ("REJECT", "ongoing"),
            id="is-refusing",
        ),
        pytest.param(
            "North Korea on Tuesday dismissed an appeal from Seoul to resume family reunions.",
            ("REJECT", "occurred"),
            id="dismissed-an-appeal",
        ),
        pytest.param(
            "Kurdish fighters have sworn to fight until Turkish forces leave northern Syria.",
            ("THREATEN", "occurred"),
            id="sworn-to-fight",
        ),
        pytest.param(
            "France said on Friday that Mali must hold elections by March.",
            ("REQUEST", "occurred"),
            id="said-that-x-must",
        ),
        pytest.param(
            "Turkish warplanes killed 14 Kurdish militants in an attack on camps in northern Iraq.",
            ("ASSAULT", "occurred"),
            id="killed-count-beside-a-noun-trigger",
        ),
        pytest.param(
            "Soldiers on the border with Georgia remained on alert after the shooting, Armenian "
            "officials said.",
            ("MOBILIZE", "occurred"),
            id="remained-on-alert",
        ),
        pytest.param(
            "The Peruvian government declared a 60-day state of siege in the southern provinces.",
            ("COERCE", "occurred"),
            id="state-of-siege",
        ),
        pytest.param(
            "A group of Ecuadorian fishermen is suing the Chinese government over damage to their "
            "fishing grounds.",
            ("ACCUSE", "ongoing"),
            id="is-suing",
        ),
        pytest.param(
            "The Tunisian authorities on Monday shortened by two hours the curfew imposed in the "
            "capital.",
            ("CONCEDE", "occurred"),
            id="shortened-the-curfew",
        ),
        pytest.param(
            "Greece is opposed to Turkish drilling off the coast of Cyprus.",
            ("REJECT", "occurred"),
            id="is-opposed-to",
        ),
        pytest.param(
            "Militiamen sexually assaulted dozens of women in villages of eastern Congo, a UN "
            "report said.",
            ("ASSAULT", "occurred"),
            id="sexually-assaulted",
        ),
        pytest.param(
            "Myanmar soldiers forced out more than 3,000 Rohingya villagers from their homes in "
            "Rakhine State.",
            ("ASSAULT", "occurred"),
            id="forced-from-their-homes",
        ),
        pytest.param(
            "Ethiopian forces launched mortar and rocket fire against rebel positions in Tigray.",
            ("ASSAULT", "occurred"),
            id="launched-rocket-fire-against",
        ),
        pytest.param(
            "Hungary renewed an appeal to Austria to extradite a former minister wanted for fraud.",
            ("REQUEST", "occurred"),
            id="renewed-an-appeal-to",
        ),
        pytest.param(
            "Qatar ended its mediation between Israel and Hamas on Saturday.",
            ("SANCTION", "occurred"),
            id="ended-its-mediation",
        ),
        pytest.param(
            "Two Colombian soldiers were murdered in an ambush by ELN guerrillas in Arauca on "
            "Monday.",
            ("ASSAULT", "occurred"),
            id="were-murdered-in-an-ambush",
        ),
        pytest.param(
            "The Turkish president called his Azerbaijani counterpart Ilham Aliyev on Tuesday to "
            "congratulate him on the peace deal.",
            ("CONSULT", "occurred"),
            id="called-a-counterpart-to-congratulate",
        ),
    ],
)
def test_plain_news_sentence_is_coded(text: str, want: tuple[str, str]) -> None:
    assert want in {(kind, status) for kind, _, _, status in _found(text)}


@pytest.mark.parametrize(
    "text, dyad",
    [
        pytest.param(
            "Chinese Foreign Minister Wang Yi defended Russia on Monday against Western accusations "
            "of war crimes.",
            ("SUPPORT", "CHN", "RUS"),
            id="the-defended-party-is-the-target",
        ),
        pytest.param(
            "France said on Friday that Mali must hold elections by March.",
            ("REQUEST", "FRA", "MLI"),
            id="the-one-who-must-is-the-target",
        ),
        pytest.param(
            "Turkish warplanes killed 14 Kurdish militants in an attack on camps in northern Iraq.",
            ("ASSAULT", "TUR", None),
            id="the-killers-are-the-source",
        ),
    ],
)
def test_direction(text: str, dyad: tuple[str, str, str | None]) -> None:
    kind, source, target = dyad
    found = {(k, s, t) for k, s, t, _ in _found(text) if k == kind}
    assert any(s == source and (target is None or t == target) for _, s, t in found), found


def test_arriving_peacekeepers_are_a_deployment_not_a_visit() -> None:
    kinds = {
        k for k, _, _, _ in _found("Bangladeshi peacekeeping troops have arrived in South Sudan.")
    }
    assert "AID" in kinds and "CONSULT" not in kinds


@pytest.mark.parametrize(
    "text, kind",
    [
        pytest.param(
            "Iran said it must defend its borders against any attack.",
            "REQUEST",
            id="the-speaker-itself-must",
        ),
        pytest.param(
            "Iran's foreign minister said Iran must defend its borders against any attack.",
            "REQUEST",
            id="the-speakers-own-country-must",
        ),
        pytest.param(
            "The UN chief said that all parties must respect the ceasefire in Gaza.",
            "REQUEST",
            id="nobody-in-particular-must",
        ),
        pytest.param(
            "Germany said the European Union must have known about the plan.",
            "REQUEST",
            id="must-have-is-a-guess",
        ),
        pytest.param(
            "The militia leader in Mali promised to fight on.",
            "AGREE",
            id="a-promise-of-violence-is-no-agreement",
        ),
        pytest.param(
            "Senators in Washington killed the spending bill on Tuesday.",
            "ASSAULT",
            id="killed-a-bill",
        ),
        pytest.param(
            "Twelve people were killed in a bus crash in Kenya on Sunday.",
            "ASSAULT",
            id="killed-in-a-crash",
        ),
        pytest.param(
            "Floods forced thousands of families in Pakistan from their homes.",
            "ASSAULT",
            id="floods-drive-people-out",
        ),
        pytest.param(
            "Palestinian farmers in the occupied West Bank harvested olives on Sunday.",
            "COERCE",
            id="the-occupied-west-bank",
        ),
        pytest.param(
            "Norwegian tugboats towed an impounded Russian trawler to Kirkenes on Monday.",
            "COERCE",
            id="an-impounded-ship",
        ),
        pytest.param(
            "Israel's cabinet met on Sunday and approved a plan to bar Hamas candidates from the "
            "ballot.",
            "CONSULT",
            id="a-cabinet-meeting",
        ),
        pytest.param(
            "Analysts in Brussels doubted Beijing's will to agree on limits to its coal use.",
            "AGREE",
            id="the-will-to-agree",
        ),
        pytest.param(
            "The Kenyan opposition called the election result a fraud and asked its lawyers to "
            "discuss an appeal.",
            "CONSULT",
            id="called-the-result-a-fraud",
        ),
    ],
)
def test_not_coded_as(text: str, kind: str) -> None:
    assert kind not in {k for k, _, _, _ in _found(text)}
