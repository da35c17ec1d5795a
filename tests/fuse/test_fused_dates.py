"""The date of a fused act: an act that occurred cannot have happened after the first report of
it, so a later paper's "has demanded", dated to its own day, gives way to the day the first
report states (fuse.merger ``_date_of``); plans keep the latest date."""

from __future__ import annotations

from itertools import permutations

from dragoman.fuse import Report, merge
from dragoman.fuse.merger import Merger
from dragoman.model import Actor, DateValue
from tests.fuse.reports import told

COUNCIL = Actor(
    text="the council",
    name="Supreme National Security Council",
    country="IRN",
    sector="GOV",
    role="source",
)
USA = Actor(
    text="the United States", name="United States", country="USA", sector="GOV", role="target"
)


def demand(
    sentence: str, *, doc: str, published: str, day: str, status: str = "occurred"
) -> Report:
    return told(
        sentence,
        doc=doc,
        published=published,
        event_type="REQUEST",
        cameo="020",
        status=status,
        source=COUNCIL,
        target=USA,
        participants=(COUNCIL, USA),
        date=DateValue(start=day, end=day, precision="day"),
    )


FRIDAY = demand(
    "Later on Friday the council demanded that the United States lift the oil sanctions.",
    doc="a",
    published="2026-03-06",
    day="2026-03-06",
)
SUNDAY = demand(
    "Iran has demanded that the United States lift the oil sanctions.",
    doc="b",
    published="2026-03-08",
    day="2026-03-08",  # no day in the text: the statement is dated to its paper's day
)


def test_an_act_that_occurred_keeps_the_day_of_its_first_report() -> None:
    for order in permutations([FRIDAY, SUNDAY]):
        assert merge(order).event.date.start == "2026-03-06"


def test_a_later_report_with_an_earlier_day_still_wins() -> None:
    recalled = demand(
        "On Thursday the council had demanded that the United States lift the oil sanctions.",
        doc="c",
        published="2026-03-08",
        day="2026-03-05",
    )
    assert merge([FRIDAY, recalled]).event.date.start == "2026-03-05"


def test_a_plan_keeps_the_latest_date() -> None:
    early = demand(
        "The council will meet the envoy.",
        doc="d",
        published="2026-03-02",
        day="2026-03-10",
        status="planned",
    )
    moved = demand(
        "The council will now meet the envoy.",
        doc="e",
        published="2026-03-06",
        day="2026-03-12",
        status="planned",
    )
    assert merge([early, moved]).event.date.start == "2026-03-12"


def test_a_copy_takes_new_reports_without_changing_the_original() -> None:
    # the writer's cache keeps the original until a write commits (fuse.merger.Merger.copy)
    kept = Merger().add([FRIDAY])
    recalled = demand(
        "On Thursday the council had demanded that the United States lift the oil sanctions.",
        doc="c",
        published="2026-03-07",
        day="2026-03-05",
    )
    assert kept.copy().add([recalled, SUNDAY]).occurrence().event.date.start == "2026-03-05"
    assert kept.add([SUNDAY]).occurrence().event.date.start == "2026-03-06"
