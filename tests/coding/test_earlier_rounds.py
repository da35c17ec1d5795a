"""A report of the next round often tells the earlier one in passing ("the session follows an
opening round held on 5 March in Doha"): that round is an event of its own, held on its own day,
while a meeting named only as a circumstance ("after the talks in Doha") stays none. And "sit
down for talks" is the idiom of meeting."""

from __future__ import annotations

from tests.coding.understood import coded

PLAN = "Ethiopia and Egypt will sit down for a second round of talks in Nairobi next Tuesday. "


def meetings(text: str) -> list[tuple[str, str | None, int | None, list[str | None]]]:
    return [
        (e.status, e.date.start if e.date else None, e.round, [p.country for p in e.participants])
        for e in coded(text, published="2026-03-12")
        if e.event_type == "CONSULT"
    ]


def test_sitting_down_for_talks_is_a_meeting() -> None:
    assert meetings(PLAN) == [("planned", "2026-03-17", 2, ["ETH", "EGY"])]


def test_sitting_down_in_the_road_is_no_meeting() -> None:
    assert meetings("Protesters sat down in the road outside parliament in Addis Ababa.") == []


def test_a_round_the_next_one_follows_was_held_on_its_own_day() -> None:
    text = PLAN + "The session on March 17 follows an opening round held on March 5 in Doha."
    assert meetings(text)[1] == ("occurred", "2026-03-05", 1, ["ETH", "EGY"])


def test_a_round_since_which_things_changed_was_held() -> None:
    text = PLAN + "Tensions have risen since the first round of talks was held on March 5 in Doha."
    assert ("occurred", "2026-03-05", 1, ["ETH", "EGY"]) in meetings(text)


def test_talks_named_only_as_a_circumstance_are_no_event() -> None:
    assert len(meetings(PLAN + "The dam dispute has sharpened after the talks in Doha.")) == 1
