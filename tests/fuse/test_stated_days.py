"""A day the text states is compared as stated, even when it is its page's own day; a statement
dated to its page's day for want of one keeps the looser test (fuse/similarity.py ``_days_apart``).
The date's source travels through the stored record (model ``DateValue.to_dict``)."""

from __future__ import annotations

from dragoman.fuse import Report, same_event
from dragoman.model import Actor, DateValue, event_from_dict
from tests.fuse.reports import told

SERBIA = Actor(text="Serbia's president", name="Serbia", country="SRB", sector="GOV", role="source")
KOSOVO = Actor(text="Pristina", name="Kosovo", country="XKX", sector="GOV", role="target")


def day(iso: str, source: str) -> DateValue:
    return DateValue(start=iso, end=iso, precision="day", source=source)


def accusation(sentence: str, *, doc: str, published: str, date: DateValue) -> Report:
    return told(
        sentence,
        doc=doc,
        published=published,
        event_type="ACCUSE",
        cameo="112",
        status="occurred",
        source=SERBIA,
        target=KOSOVO,
        participants=(SERBIA, KOSOVO),
        date=date,
    )


def stored(report: Report) -> Report:
    """The report as the store gives it back: rebuilt from its JSON record."""
    event = event_from_dict(report.event.to_dict())
    return Report.of(event, article_id=report.article_id, published=report.published, outlet="x")


THURSDAY = accusation(
    "Serbia's chief negotiator accused Pristina on Thursday of stalling the association.",
    doc="a", published="2026-02-19", date=day("2026-02-19", "sentence"),
)
SATURDAY = accusation(
    "In a televised address on Saturday, Serbia's president accused Pristina of stalling again.",
    doc="b", published="2026-02-21", date=day("2026-02-21", "sentence"),
)


def test_two_stated_days_two_days_apart_are_two_accusations() -> None:
    verdict = same_event(stored(THURSDAY), stored(SATURDAY))
    assert not verdict.same, verdict


def test_a_statement_dated_to_its_page_for_want_of_a_day_keeps_the_looser_test() -> None:
    undated = accusation(
        "Serbia's president accused Pristina of stalling again.",
        doc="c", published="2026-02-21", date=day("2026-02-21", "publication"),
    )
    assert same_event(stored(THURSDAY), stored(undated)).same


def test_the_date_keeps_its_source_and_words_in_the_record() -> None:
    date = DateValue(start="2026-02-17", end="2026-02-17", precision="day", text="next Tuesday",
                     source="sentence")
    back = event_from_dict(SATURDAY.event.to_dict() | {"date": date.to_dict()}).date
    assert back == date
    assert DateValue(start="2026-02-21", end="2026-02-21", precision="day",
                     source="publication").label() == "2026-02-21 (publication day)"
    assert date.label() == "2026-02-17"
