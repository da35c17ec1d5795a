"""Meetings told again by a definite noun (coding/meeting_references.py), on short articles of ours:
"whose government hosted the talks" is the round told before, with its day and number."""

from __future__ import annotations

from dragoman.model import Event

from .understood import coded

ROUND = (
    "ABU DHABI - Armenia and Azerbaijan held their second round of talks in Abu Dhabi on Tuesday, "
    "with the United States mediating.\n\n"
)


def _hosted(events: list[Event]) -> Event:
    (hosted,) = [e for e in events if e.event_type == "CONSULT" and "hosted" in (e.trigger or "")]
    return hosted


def test_the_talks_a_host_held_are_the_round_told_before() -> None:
    text = ROUND + (
        "The protocol was signed by the two deputy prime ministers in the presence of the UAE's "
        "minister of state, whose government hosted the talks."
    )
    hosted = _hosted(coded(text, "2026-04-16"))
    assert hosted.date is not None and hosted.date.start == "2026-04-14"
    assert hosted.round == 2
    # what its own words say stays: the host read as the meeting's facilitator
    assert hosted.mediator is not None and hosted.mediator.country == "ARE"


def test_a_meeting_with_its_own_day_keeps_it() -> None:
    text = ROUND + "Kazakhstan hosted the talks on Thursday, officials said."
    events = coded(text, "2026-04-17")
    hosted = _hosted(events)
    assert hosted.date is not None and hosted.date.start == "2026-04-16"
    assert hosted.round is None
