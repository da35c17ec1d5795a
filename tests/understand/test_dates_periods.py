"""understand/dates.py: quarters, halves, seasons, decades, spelled years and the words for the
present, past and future; their TimeML values (eval/tasks/timex.timeml); and that the coder never
dates an event by "now" or "soon"."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.coding import code_events
from dragoman.eval.tasks.timex import timeml
from dragoman.model import Article, DateValue
from dragoman.options import Options
from dragoman.understand import annotate
from dragoman.understand.dates import find_dates, resolve
from dragoman.understand.sentences import split_sentences


def published(iso: str) -> DateValue:
    return DateValue(start=iso, end=iso, precision="day", source="meta")


def values(text: str, iso: str) -> list[tuple[str, str | None]]:
    """(words, TimeML value) of each date mention of ``text`` published on ``iso``."""
    mentions = find_dates(text, list(split_sentences(text)), published(iso))
    return [(text[m.start : m.end], timeml(m.value)) for m in mentions]


@pytest.mark.parametrize(
    "sentence, iso, expected",
    [
        ("Net income rose 12% in the third quarter, the company said.", "2025-10-28",
         [("third quarter", "2025-Q3")]),
        ("Third-quarter profit fell to $4 million.", "2025-10-28", [("Third-quarter", "2025-Q3")]),
        ("Sales in the fourth quarter should recover.", "2025-10-28",
         [("fourth quarter", "2025-Q4")]),
        ("The merger could close as early as next year's first quarter.", "2025-10-28",
         [("next year's first quarter", "2026-Q1")]),
        ("Steelmakers will report losses through the third quarter of 2026.", "2025-10-28",
         [("third quarter of 2026", "2026-Q3")]),
        ("The charge was taken in the 2024 second quarter.", "2025-10-28",
         [("2024 second quarter", "2024-Q2")]),
        ("Demand should stay weak through the first half of 2026.", "2025-10-28",
         [("first half of 2026", "2026-H1")]),
        ("Earnings were flat in the last half of 2025.", "2026-02-03",
         [("last half of 2025", "2025-H2")]),
        ("Revenue this quarter is expected to double.", "2025-11-20", [("this quarter", "2025-Q4")]),
        ("The ministers plan to meet again this summer.", "2026-02-14",
         [("this summer", "2026-SU")]),
        ("The ceasefire collapsed last fall.", "2026-02-14", [("last fall", "2025-FA")]),
        ("Fighting resumed in the spring, officials said.", "2026-11-14", [("spring", "2026-SP")]),
        ("Oil fell to $13 a barrel in the winter of 1994.", "2026-02-14",
         [("winter of 1994", "1994-WI")]),
        ("Talks faltered in the early summer.", "2026-09-01", [("early summer", "2026-SU")]),
        ("The war of the 1990s still shapes the region.", "2026-02-14", [("1990s", "199")]),
        ("Violence peaked in the mid-1990s.", "2026-02-14", [("mid-1990s", "199")]),
        ("The dispute goes back to the '80s.", "2026-02-14", [("'80s", "198")]),
        ("The border was drawn in the nineties.", "2026-02-14", [("nineties", "199")]),
        ("It was one of the worst wars of the 20th century.", "2026-02-14",
         [("20th century", "19")]),
        ("In nineteen ninety-one the court convicted him.", "1998-01-15",
         [("nineteen ninety-one", "1991")]),
        ("January nineteen ninety-seven. A bomb went off in Atlanta.", "1998-02-27",
         [("January nineteen ninety-seven", "1997-01")]),
        ("He promised to halve unemployment by the year two thousand.", "1998-02-05",
         [("the year two thousand", "2000")]),
        ("The company earned $17 million in fiscal 2025.", "2026-02-14", [("2025", "2025")]),
        ("The bonds are due 2030.", "2026-02-14", [("2030", "2030")]),
        ("Iran's 1979 revolution ended the monarchy.", "2026-02-14", [("1979", "1979")]),
        ("For the year, profit rose 8%.", "2025-11-02", [("the year", "2025")]),
        ("Negotiators are now meeting in Muscat.", "2026-02-14", [("now", "PRESENT_REF")]),
        ("The envoy is currently in Geneva.", "2026-02-14", [("currently", "PRESENT_REF")]),
        ("The two sides recently exchanged prisoners.", "2026-02-14", [("recently", "PAST_REF")]),
        ("A deal could be signed soon.", "2026-02-14", [("soon", "FUTURE_REF")]),
        ("Talks may resume in the near future.", "2026-02-14", [("the near future", "FUTURE_REF")]),
        ("The two sides fought in the past.", "2026-02-14", [("in the past", "PAST_REF")]),
    ],
)  # fmt: skip
def test_parts_of_years_and_general_references(sentence, iso, expected):
    assert values(sentence, iso) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Arab Spring toppled four governments.",
        "The fall of Kabul shocked the allies.",
        "Prices fall when supply rises.",
        "The veteran, in his nineties, spoke to reporters.",
        "Nineteen people were killed in the attack.",
        "Deaths rose over the past two months.",
    ],
)
def test_words_that_only_look_like_periods_give_no_period(sentence):
    assert [v for _, v in values(sentence, "2026-02-14") if v not in (None, "PAST_REF")] == []


def test_a_results_story_refers_back_to_its_quarter():
    text = (
        "Acme Corp. said third-quarter profit rose 20% to $5 million. "
        "A year earlier, it earned $4.2 million. "
        "Revenue in the latest quarter was $90 million, up from the year-ago quarter. "
        "Year-earlier results included a one-time gain."
    )
    assert values(text, "2025-10-28") == [
        ("third-quarter", "2025-Q3"),
        ("A year earlier", "2024-Q3"),
        ("the latest quarter", "2025-Q3"),
        ("the year-ago quarter", "2024-Q3"),
        ("Year-earlier", "2024-Q3"),
    ]


def test_a_year_ago_without_a_quarter_is_the_year_before():
    assert values("A year ago the two sides were still at war.", "2026-02-14") == [
        ("A year ago", "2025")
    ]


@pytest.mark.parametrize(
    "sentence, iso, expected",
    [
        # a present perfect looks back: March of this year, not the next one
        ("The stock has fluctuated, rising to $42 in June from $29 in March.", "2025-10-30",
         [("June", "2025-06"), ("March", "2025-03")]),
        # "has called off" still cancels a round that had not happened
        ("The European Union has called off Tuesday's round.", "2026-03-23",
         [("Tuesday", "2026-03-24")]),
        # "and" between two names does not end the clause of "will"
        (("Qantas will double its flights between Australia and India by August, in search of "
          "markets untouched by the crisis."), "2026-02-13", [("August", "2026-08")]),
    ],
)  # fmt: skip
def test_tense_around_the_date(sentence, iso, expected):
    assert values(sentence, iso) == expected


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("now", DateValue(start="2026-02-14", end="2026-02-14", precision=None)),
        ("recently", DateValue(start=None, end="2026-02-14", precision=None)),
        ("soon", DateValue(start="2026-02-14", end=None, precision=None)),
        ("the fourth quarter", DateValue(start="2025-10-01", end="2025-12-31", precision="month")),
        ("last winter", DateValue(start="2024-12-01", end="2025-02-28", precision="month")),
        ("the 1990s", DateValue(start="1990-01-01", end="1999-12-31", precision="year")),
    ],
)
def test_resolved_periods(expression, expected):
    value = resolve(expression, date(2026, 2, 14))
    assert value is not None
    assert (value.start, value.end, value.precision) == (
        expected.start,
        expected.end,
        expected.precision,
    )


def test_general_references_need_a_publication_date():
    text = "Talks are now under way."
    assert find_dates(text, list(split_sentences(text)), None) == []


@pytest.mark.parametrize(
    "value, expected",
    [
        (DateValue(start="2026-03-01", end="2026-05-31", precision="month"), "2026-SP"),
        (DateValue(start="2025-12-01", end="2026-02-28", precision="month"), "2026-WI"),
        (DateValue(start="2026-01-01", end="2026-06-30", precision="month"), "2026-H1"),
        (DateValue(start="2026-10-01", end="2026-12-31", precision="month"), "2026-Q4"),
        (DateValue(start="2026-02-01", end="2026-03-31", precision="month"), None),
        (DateValue(start="1900-01-01", end="1999-12-31", precision="year"), "19"),
        (DateValue(start="2014-01-01", end="2016-12-31", precision="year"), None),
        (DateValue(start=None, end=None, precision=None), None),
    ],
)
def test_timeml_values(value, expected):
    assert timeml(value) == expected


def test_now_and_soon_never_date_an_event():
    text = "Iranian and US negotiators are now holding talks in Muscat, officials said."
    article = Article(
        id="a",
        raw_id="r_a",
        origin="test",
        title=None,
        text=text,
        published=DateValue(start="2026-02-14", end="2026-02-14", precision="day"),
    )
    opts = Options()
    events = code_events(article, annotate(article, opts.understand), opts.coding)
    assert events, "the sentence codes a meeting"
    assert all(e.date is not None and e.date.source == "publication" for e in events)
