"""The pairwise test behind fusion, on records shaped like the coder's output."""

from __future__ import annotations

from dataclasses import replace

from dragoman.fuse import Report, merge, same_event
from dragoman.model import Actor, DateValue, Place
from tests.fuse.reports import told

US = Actor(text="US", name="United States", country="USA", sector="GOV", role="party")
IRAN = Actor(text="Iranian", name="Iran", country="IRN", sector="GOV", role="party")
OMAN = Actor(text="Oman", name="Oman", country="OMN", sector="GOV", role="mediator")
GENEVA = Place(text="Geneva", name="Geneva", country="CHE", lat=46.2022, lon=6.1457)
MUSCAT = Place(text="Muscat", name="Muscat", country="OMN", lat=23.5841, lon=58.4078)
LAUSANNE = Place(text="Lausanne", name="Lausanne", country="CHE", lat=46.516, lon=6.6328)


def day(iso: str) -> DateValue:
    return DateValue(start=iso, end=iso, precision="day")


def report(
    sentence: str,
    *,
    doc: str,
    published: str,
    status: str = "planned",
    cameo: str = "046",
    date: DateValue | None = None,
    place: Place | None = None,
    number: int | None = None,
    mediator: Actor | None = OMAN,
    event_type: str = "CONSULT",
) -> Report:
    return told(
        sentence,
        doc=doc,
        published=published,
        event_type=event_type,
        cameo=cameo,
        status=status,
        participants=(US, IRAN),
        mediator=mediator,
        location=place,
        date=date,
        round=number,
    )


PLAN = report(
    "US and Iranian delegations will meet in Geneva on Tuesday for a second round of talks.",
    doc="a", published="2026-02-13", date=day("2026-02-17"), place=GENEVA, number=2,
)


def test_the_same_round_announced_and_then_held_is_one_event() -> None:
    held = report(
        "The second round of US-Iran talks took place in Geneva on Tuesday.",
        doc="b", published="2026-02-18", status="occurred", date=day("2026-02-17"), place=GENEVA, number=2,
    )
    assert same_event(PLAN, held).same
    assert same_event(held, PLAN).same


def test_a_round_number_beats_a_date_that_moved() -> None:
    moved = report(
        "The second round will now be held in Geneva on 3 March.",
        doc="c", published="2026-02-16", date=day("2026-03-03"), place=GENEVA, number=2,
    )
    assert same_event(PLAN, moved).why == "round 2"


def test_different_rounds_places_or_days_stay_apart() -> None:
    first = replace(PLAN, event=replace(PLAN.event, round=1, location=MUSCAT, date=day("2026-02-06")))
    assert not same_event(PLAN, first).same
    elsewhere = report(
        "Delegations will meet in Lausanne on Tuesday.", doc="d", published="2026-02-13",
        date=day("2026-02-17"), place=LAUSANNE,
    )
    assert "km apart" in same_event(PLAN, elsewhere).why
    later = report(
        "US and Iranian delegations will meet in Geneva on 30 March for more talks.", doc="e",
        published="2026-02-20", date=day("2026-03-30"), place=GENEVA,
    )
    assert same_event(PLAN, later).why == "dates disagree"


def test_a_message_through_intermediaries_is_not_the_meeting_it_mentions() -> None:
    carrier = replace(OMAN, role="intermediary")
    message = report(
        "A message from Washington reached Tehran through Omani intermediaries before the Geneva talks.",
        doc="f", published="2026-02-13", status="occurred", cameo="040", date=day("2026-02-13"),
        mediator=carrier, number=2,
    )
    assert not same_event(PLAN, message).same


def test_what_could_happen_is_not_what_is_planned() -> None:
    maybe = replace(PLAN, event=replace(PLAN.event, id="e_maybe", status="hypothetical"))
    assert same_event(PLAN, maybe).why == "one is hypothetical"


def test_an_undated_past_event_is_recent_not_any_time() -> None:
    old = report(
        "Iranian and US officials met in Geneva on 2 January.", doc="g", published="2026-01-03",
        status="occurred", date=day("2026-01-02"), place=GENEVA, number=None, mediator=None,
    )
    undated = report(
        "The two sides met in Geneva, an official said.", doc="h", published="2026-02-14",
        status="occurred", place=GENEVA, number=None, mediator=None,
    )
    assert same_event(old, undated).why == "dates disagree"


def test_merge_counts_one_outlet_once_and_keeps_every_source() -> None:
    same_outlet = replace(
        report("Delegations are due in Geneva on Tuesday, with Oman mediating the second round.",
               doc="i", published="2026-02-14", date=day("2026-02-17"), place=GENEVA, number=2),
        outlet="Outlet a",
    )
    o = merge([same_outlet, PLAN])
    assert o.independent_sources == 1
    assert {s.doc_id for s in o.event.sources} == {"a", "i"}
    assert merge([PLAN, same_outlet]) == o
