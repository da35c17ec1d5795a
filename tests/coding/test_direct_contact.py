"""A denial that two sides met *directly* is a denial of the meeting's mode, not of the meeting
(coding/sides.py ``denies_directness``, data/coding/contact_modes.yaml)."""

from __future__ import annotations

from dragoman.model import Event

from .understood import coded

ROUND_TWO = "Iran and the United States will hold a second round of talks in Geneva on Tuesday. "
FACE_TO_FACE = (
    "Tehran also denied reports that its negotiators had met US officials face to face during the "
    "first round, held on February 6 in Muscat."
)
NO_DIRECT_MEETING = (
    " The foreign ministry said that no direct meeting with American officials had taken place "
    "there and that the talks had been entirely indirect, with Omani mediators passing messages "
    "between the two delegations."
)


def meetings(events: list[Event]) -> list[tuple[str, str | None, int | None]]:
    return [
        (e.status, e.date.start if e.date else None, e.round)
        for e in events
        if e.event_type == "CONSULT"
    ]


def test_a_denied_face_to_face_meeting_is_the_round_held() -> None:
    found = meetings(coded(ROUND_TWO + FACE_TO_FACE, "2026-02-14"))
    assert ("occurred", "2026-02-06", 1) in found, found
    assert all(status != "denied" for status, _, _ in found), found


def test_no_direct_meeting_told_after_the_round_adds_nothing() -> None:
    found = meetings(coded(ROUND_TWO + FACE_TO_FACE + NO_DIRECT_MEETING, "2026-02-14"))
    assert sorted(found) == [("occurred", "2026-02-06", 1), ("planned", "2026-02-17", 2)], found


def test_a_meeting_denied_outright_stays_denied() -> None:
    text = (
        "Armenia and Azerbaijan held talks in Geneva on Tuesday, diplomats said. Azerbaijan's "
        "foreign ministry on Thursday denied that its negotiators had met Armenian officials."
    )
    found = meetings(coded(text, "2026-03-26"))
    assert any(status == "denied" for status, _, _ in found), found


def test_a_mode_denied_alone_codes_nothing() -> None:
    assert meetings(coded("Tehran denied that any direct meeting took place in Muscat.")) == []
