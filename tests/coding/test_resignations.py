"""An office holder's resignation: PLOVER RETREAT/resign, an act CAMEO has no code for (``cameo``
None), the person its source and no target; read from our own sentences through the real
understand stage. A call for a resignation, a refusal to resign or a demand put as a modal is no
resignation."""

from __future__ import annotations

import pytest

from dragoman.coding.lexicon import load_lexicon

from .understood import coded


def _resignations(text: str) -> list[tuple[str | None, str | None, str | None, str]]:
    """(source country, source sector, target country, status) of each resignation coded."""
    return [
        (
            e.source.country if e.source else None,
            e.source.sector if e.source else None,
            e.target.country if e.target else None,
            e.status,
        )
        for e in coded(text)
        if e.event_type == "RETREAT" and e.mode == "resign" and e.cameo is None
    ]


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "Brazil's finance minister Paulo Ramos resigned on Tuesday after a corruption inquiry.",
            ("BRA", "GOV", None, "occurred"),
            id="resigned",
        ),
        pytest.param(
            "Chile's prime minister stepped down on Monday amid weeks of unrest.",
            ("CHL", "GOV", None, "occurred"),
            id="stepped-down",
        ),
        pytest.param(
            "Peru's interior minister quit as head of the police commission on Friday.",
            ("PER", "GOV", None, "occurred"),
            id="quit-as",
        ),
        pytest.param(
            "Estonia's president announced his resignation in a televised address.",
            ("EST", "GOV", None, "occurred"),
            id="announced-his-resignation",
        ),
        pytest.param(
            "Malawi's finance minister was forced to resign after the scandal.",
            ("MWI", "GOV", None, "occurred"),
            id="forced-to-resign",
        ),
        pytest.param(
            "Ghana's interior minister will resign next week, the presidency said.",
            ("GHA", "GOV", None, "planned"),
            id="will-resign",
        ),
        pytest.param(
            "Hungary's president will formally resign on Monday.",
            ("HUN", "GOV", None, "planned"),
            id="will-formally-resign",
        ),
    ],
)
def test_a_resignation_is_retreat_resign_with_no_cameo_code(
    text: str, want: tuple[str, str, None, str]
) -> None:
    assert _resignations(text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Opposition lawmakers called on Nigeria's health minister to resign.", id="called-on"),
        pytest.param("Unions demanded that Zambia's labour minister resign.", id="demanded-that"),
        pytest.param(
            "Protesters rallied in Dakar against President Sall, saying he must resign.", id="must-resign"
        ),
        pytest.param(
            "Protesters marched in Lima calling for President Castillo to step down.", id="calling-for"
        ),
        pytest.param(
            "Students launched a campaign to force Prime Minister Kallas to step down.", id="force-x-to"
        ),
        pytest.param(
            "Pakistan's army chief is under pressure to resign after the attack.", id="under-pressure"
        ),
        pytest.param("The governor of Kano is resigned to the fact that the budget will be cut.", id="adjective"),
        pytest.param("Egypt's foreign minister threatened to resign over the deal.", id="threatened-to"),
        pytest.param("Portugal's prime minister has agreed to resign.", id="agreed-to"),
    ],
)
def test_another_act_about_a_resignation_is_no_resignation(text: str) -> None:
    assert _resignations(text) == []


def test_a_refusal_to_resign_is_the_rejected_demand() -> None:
    events = coded("Kenya's vice-president has refused to resign despite pressure from the anti-graft commission.")
    assert [(e.event_type, e.cameo, e.mode) for e in events] == [("REJECT", "1231", "change")]
    assert events[0].source is not None and events[0].source.country == "KEN"


def test_the_packaged_lexicon_codes_resignations_without_a_cameo_code() -> None:
    (trig,) = [t for t in load_lexicon().triggers if t.cameo is None]
    assert (trig.id, trig.event_type, trig.mode, trig.roles) == ("retreat.resign", "RETREAT", "resign", "domestic")
