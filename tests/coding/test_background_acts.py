"""Acts told in a passive or perfect relative clause are background to the noun they describe, not
events of their own (status.yaml `history.background`): "damages to a plant which were caused by a
missile attack" is a lawsuit, "sailors who had been detained" a release. An active relative clause
("the town, which rebels shelled on Sunday, ...") may report a fresh act and still codes."""

from __future__ import annotations

import pytest

from .understood import coded


@pytest.mark.parametrize(
    "text, main, background",
    [
        pytest.param(
            "A Kenyan farmer is suing the Ugandan army for damages to his warehouse which were "
            "caused by a rocket attack, his lawyer said on Monday.",
            "ACCUSE",
            "ASSAULT",
            id="which-were-caused-by-an-attack",
        ),
        pytest.param(
            "The rebels refused to let relief flights land and evacuate 12 Zambian monitors who "
            "were taken hostage, the mission in Lusaka said.",
            "REJECT",
            "ASSAULT",
            id="who-were-taken-hostage",
        ),
        pytest.param(
            "Kazakh police have freed a blogger who had been arrested for a post about the "
            "president, his lawyer said.",
            "RETREAT",
            "COERCE",
            id="who-had-been-arrested",
        ),
    ],
)
def test_an_act_in_a_relative_clause_is_background(text: str, main: str, background: str) -> None:
    types = {e.event_type for e in coded(text)}
    assert main in types
    assert background not in types


def test_the_act_of_the_main_clause_still_codes_alone() -> None:
    events = coded("Ugandan troops shelled the border town of Kasese on Sunday, the army said.")
    assert "ASSAULT" in {e.event_type for e in events}


def test_an_active_relative_clause_is_not_background() -> None:
    events = coded(
        "Kenyan police arrested two men who attacked a Ugandan convoy near Busia on Sunday."
    )
    assert {"COERCE", "ASSAULT"} <= {e.event_type for e in events}
