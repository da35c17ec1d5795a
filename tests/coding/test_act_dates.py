"""Which date of a sentence is the act's: its clause's, not the statement's or the page's.

Run on the real understand stage (dates, actors, attributions), since the choice depends on what
the date reader finds and where. Sentences are ours, worded like wire copy.
"""

from __future__ import annotations

import pytest

from dragoman.model import DateValue

from .understood import coded


def _dates(text: str, published: str) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (
            e.event_type,
            e.status,
            e.date.start if e.date else None,
            e.date.precision if e.date else None,
        )
        for e in coded(text, published)
    ]


@pytest.mark.parametrize(
    "published, text, want",
    [
        pytest.param(
            "2026-05-15",  # a Friday
            "Qatar's foreign ministry said on Thursday that the third round of talks between "
            "Russia and Ukraine would be held in Doha on 9 June.",
            [("CONSULT", "planned", "2026-06-09", "day")],
            id="statement-day-is-not-the-meeting-day",
        ),
        pytest.param(
            "2026-05-15",
            "Turkey's foreign ministry confirmed on Thursday that it would host the next round of "
            "talks between Russia and Ukraine.",
            # the plan has no day of its own: it lies after publication, undated
            [("CONSULT", "planned", "2026-05-15", None)],
            id="a-plan-is-not-dated-by-its-announcement",
        ),
        pytest.param(
            "2026-05-15",
            "ANKARA, 15 May 2026 - The fourth round of talks between Russia and Ukraine, due to "
            "open in Istanbul next Monday, has been postponed, Turkish officials said on Friday.",
            [("CONSULT", "postponed", "2026-05-18", "day")],
            id="dateline-is-the-page-date",
        ),
        pytest.param(
            "2026-05-13",  # a Wednesday
            "Russia and Ukraine held the second round of talks in Istanbul on Monday and agreed to "
            "meet again in Geneva next month.",
            [
                ("CONSULT", "occurred", "2026-05-11", "day"),
                ("CONSULT", "planned", "2026-06-01", "month"),
            ],
            id="a-date-before-and-belongs-to-the-first-verb",
        ),
        pytest.param(
            "2026-05-13",
            "China's foreign ministry said on Monday that its coast guard had acted lawfully, and "
            "accused the Philippines of provoking the incident.",
            [("ACCUSE", "occurred", "2026-05-11", "day")],
            id="an-accusation-is-the-statement",
        ),
        pytest.param(
            "2026-02-16",  # a Monday
            "Iran on Sunday denied that its negotiators had met US officials in Oman.",
            [("CONSULT", "denied", None, None)],  # Sunday is the denial's day, not the meeting's
            id="a-denial-day-is-not-the-denied-act-day",
        ),
        pytest.param(
            "2026-02-16",
            "Iran denied on Sunday that its negotiators had met US officials in Oman on Thursday.",
            [("CONSULT", "denied", "2026-02-12", "day")],
            id="a-denied-act-keeps-its-own-date",
        ),
        pytest.param(
            "2026-05-13",
            "Russian and Ukrainian negotiators last met in Geneva on 2 April, when they agreed to "
            "exchange prisoners.",
            [
                ("CONSULT", "occurred", "2026-04-02", "day"),
                ("AGREE", "occurred", "2026-04-02", "day"),
            ],
            id="when-clause-shares-the-date",
        ),
    ],
)
def test_act_takes_its_own_clause_date(published: str, text: str, want: list) -> None:
    assert _dates(text, published) == want


def test_undated_statement_is_dated_to_publication_and_says_so() -> None:
    (event,) = coded(
        "The State Department called on Israel to allow aid convoys into Gaza.", "2026-05-13"
    )
    assert event.event_type == "REQUEST"
    assert event.date == DateValue(
        start="2026-05-13", end="2026-05-13", precision="day", source="publication"
    )


def test_undated_physical_act_stays_undated() -> None:
    # a clash with no date: publication only bounds it; a statement would be dated
    (event,) = coded("Azerbaijani forces opened fire on Armenian positions.", "2026-05-13")
    assert event.event_type == "ASSAULT"
    assert (event.date.start, event.date.end, event.date.precision) == (None, "2026-05-13", None)


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            # no place named: the army's home is not the act's place
            "Serbia put its army on the highest level of combat readiness on Saturday.",
            ("MOBILIZE", None, None),
            id="no-place-no-location",
        ),
        pytest.param(
            "Kosovo police detained two men in Zubin Potok on Sunday.",
            ("COERCE", "XKX", "Zubin Potok"),
            id="unknown-town-of-an-arrest-in-the-police-country",
        ),
        pytest.param(
            # a village no reader knows takes the country of the patrol attacked
            "Gunmen opened fire on a Kosovo police patrol near Zubin Potok on Friday.",
            ("ASSAULT", "XKX", "Zubin Potok"),
            id="unknown-village-in-the-target-country",
        ),
        pytest.param(
            "Russia and Ukraine held talks on Sunday.",
            ("CONSULT", None, None),
            id="talks-get-no-place-from-their-parties",
        ),
    ],
)
def test_act_on_its_actors_ground(text: str, want: tuple[str, str | None, str | None]) -> None:
    (event,) = coded(text, "2026-03-23")
    place = event.location
    assert (
        event.event_type,
        place.country if place else None,
        place.text if place else None,
    ) == want


def test_an_act_told_as_what_came_next_takes_the_day_before_it() -> None:
    events = coded(
        "Georgian police arrested three opposition activists in Batumi on Sunday. Several hundred "
        "people later gathered in Tbilisi to protest against the arrests.",
        "2026-03-25",
    )
    assert [(e.event_type, e.date.start, e.date.precision) for e in events] == [
        ("COERCE", "2026-03-22", "day"),
        ("PROTEST", "2026-03-22", "day"),
    ]


def test_a_plans_date_in_another_clause_does_not_date_a_past_act() -> None:
    events = coded(
        "Thousands of farmers marched through Warsaw against cheap grain imports, two days before "
        "Polish and Ukrainian ministers are due to meet in Brussels on Wednesday.",
        "2026-05-12",
    )
    assert [(e.event_type, e.status, e.date.start, e.date.precision) for e in events] == [
        ("PROTEST", "occurred", None, None),  # not planned for Wednesday
        ("CONSULT", "planned", "2026-05-13", "day"),
    ]
