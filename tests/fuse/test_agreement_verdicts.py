"""The pairwise test on agreements (fuse/similarity.py, ``object_types``): what was agreed (the
topics) tells two agreements of one meeting apart, on records shaped like the coder's output."""

from __future__ import annotations

from dragoman.fuse import Report, same_event
from dragoman.model import Actor, DateValue, Place
from tests.fuse.reports import told

SERBIA = Actor(text="Serbia", name="Serbia", country="SRB", sector="GOV", role="party")
KOSOVO = Actor(text="Kosovo", name="Kosovo", country="XKX", sector="GOV", role="party")
BRUSSELS = Place(text="Brussels", name="Brussels", country="BEL", lat=50.8503, lon=4.3517)
THURSDAY = DateValue(start="2026-02-19", end="2026-02-19", precision="day")


def agreement(
    sentence: str, topics: tuple[str, ...], *, doc: str, status: str = "occurred"
) -> Report:
    return told(
        sentence,
        doc=doc,
        published="2026-02-21",
        event_type="AGREE",
        cameo="030",
        status=status,
        participants=(SERBIA, KOSOVO),
        location=BRUSSELS,
        date=THURSDAY,
        topics=topics,
    )


COMMISSION = agreement(
    "Serbia and Kosovo met in Brussels on Thursday and agreed to set up a joint commission on "
    "missing persons.",
    ("missing persons",),
    doc="a",
)


def test_two_agreements_of_one_meeting_on_different_things_are_two_events() -> None:
    statute = agreement(
        "Kosovo denied that it had agreed in Brussels on Thursday to have a statute for the Serb-majority "
        "municipalities ready before the summer.",
        ("minority self-government",),
        doc="b",
        status="denied",
    )
    verdict = same_event(COMMISSION, statute)
    assert not verdict.same  # same parties, day and city: only the object differs
    assert verdict.why == "agreements on missing persons and on minority self-government"


def test_two_reports_of_one_agreement_with_a_shared_topic_are_one_event() -> None:
    again = agreement(
        "The commission on missing persons agreed in Brussels last Thursday will meet in March.",
        ("missing persons", "energy"),
        doc="c",
    )
    assert same_event(COMMISSION, again).same


def test_an_agreement_that_names_no_object_is_compared_as_before() -> None:
    unnamed = agreement("Serbia and Kosovo reached a deal in Brussels on Thursday.", (), doc="d")
    assert same_event(COMMISSION, unnamed).why == "same day and city"
