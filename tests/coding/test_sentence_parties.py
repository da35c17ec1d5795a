"""A meeting whose clause names no party takes the parties of the sentence's earlier meeting or
signing, before those of the article's last meeting (real understand stage; our sentences)."""

from __future__ import annotations

import pytest

from .understood import coded


def test_round_in_a_relative_clause_takes_the_signatories() -> None:
    events = coded(
        "Russia and Ukraine signed a protocol on prisoner exchanges on Monday, the first result "
        "of talks that held their third round in Istanbul.",
        "2026-05-13",
    )
    rounds = [e for e in events if e.event_type == "CONSULT"]
    assert [
        ({a.country for a in e.participants}, e.round, e.status, e.date.start) for e in rounds
    ] == [({"RUS", "UKR"}, 3, "occurred", "2026-05-11")]


def test_round_alone_in_the_first_sentence_codes_nothing() -> None:
    # no party anywhere yet: nobody to inherit, so no meeting
    assert coded("Officials held their third round in Istanbul on Monday.", "2026-05-13") == []


@pytest.mark.parametrize(
    "text, published, want",
    [
        pytest.param(
            "Thousands of farmers marched in Warsaw on Monday. The march drew more people than "
            "the organisers had expected.",
            "2026-05-12",
            [("PROTEST", "occurred")],
            id="the-march-told-again",
        ),
        pytest.param(
            "Negotiators from Russia and Ukraine will hold talks in Geneva on Tuesday, the Kremlin "
            "said. The Geneva meeting will take place at a hotel near the lake.",
            "2026-05-14",
            [("CONSULT", "planned")],
            id="the-geneva-meeting-told-again",
        ),
        pytest.param(
            "Russia and Ukraine held talks in Istanbul on Monday. The third round is expected to "
            "take place in Geneva next month.",
            "2026-05-13",
            [("CONSULT", "occurred"), ("CONSULT", "planned")],
            id="an-ordinal-round-is-another-act",
        ),
    ],
)
def test_a_definite_mention_of_an_act_told_before_is_not_a_new_act(
    text: str, published: str, want: list[tuple[str, str]]
) -> None:
    assert [(e.event_type, e.status) for e in coded(text, published)] == want
