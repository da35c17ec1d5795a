"""Date lines in page text, and the year a "14 Feb" lacks."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.clean.dates import (
    DateLine,
    copyright_year,
    parse_iso,
    read_date_line,
    resolve,
    year_reference,
)


@pytest.mark.parametrize(
    "line, text, ymd, only_date",
    [
        ("Posted: 13 February 2026", "Posted: 13 February 2026", (2026, 2, 13), True),
        ("• 14 Feb, 13:22 • Iran", "14 Feb, 13:22", (None, 2, 14), True),
        ("15 Feb, 18:40 • Middle East", "15 Feb, 18:40", (None, 2, 15), True),
        ("Sunday, 8 March 2026 · 22:41", "Sunday, 8 March 2026 · 22:41", (2026, 3, 8), True),
        ("19.02.2026 | 20:10", "19.02.2026 | 20:10", (2026, 2, 19), True),
        ("February 6, 2026", "February 6, 2026", (2026, 2, 6), True),
        ("UPDATED: Tue., Nov. 19, 2019", "UPDATED: Tue., Nov. 19, 2019", (2019, 11, 19), True),
        ("2026-02-13T10:00:00Z", "2026-02-13T10:00:00Z", (2026, 2, 13), True),
        ("11/19/2019 05:37 PM EST", "11/19/2019 05:37 PM EST", (2019, 11, 19), True),
        ("19/11/2019", "19/11/2019", (2019, 11, 19), True),
        ("12 February 2026, 14:35 GST", "12 February 2026, 14:35 GST", (2026, 2, 12), True),
        ("YEREVAN, 15 May 2026 - The foreign ministers of the two countries met on Friday.",
         "YEREVAN, 15 May 2026", (2026, 5, 15), False),
        ("DUBAI, Feb 12 (Gulf Courier) — The United States and Iran will meet again.",
         "DUBAI, Feb 12", (None, 2, 12), False),
    ],
)  # fmt: skip
def test_read_date_line(
    line: str, text: str, ymd: tuple[int | None, int, int], only_date: bool
) -> None:
    found = read_date_line(line)
    assert found is not None
    assert (found.year, found.month, found.day) == ymd
    assert found.text == text
    assert found.only_date is only_date


@pytest.mark.parametrize(
    "line",
    [
        "The talks on 6 February 2026 were held in Muscat.",  # a date inside a sentence
        "May 15 delegates attended the meeting in Vienna, officials said.",
        "June 17 -- National Arena, Geneva",  # a list of events, not a dateline
        "By Jane Doe | 14 Feb 2026",  # starts with a byline (metadata splits it into segments)
        "31.02.2026",  # no such day
        "Updated 2 hours ago",
        "12 min read",
        "2026",
        "",
    ],
)
def test_not_a_date_line(line: str) -> None:
    assert read_date_line(line) is None


@pytest.mark.parametrize(
    "month, day, reference, expected",
    [
        (2, 14, date(2026, 11, 26), date(2026, 2, 14)),
        (12, 28, date(2026, 1, 10), date(2025, 12, 28)),  # > 2 months ahead: last year
        (1, 20, date(2026, 11, 26), date(2026, 1, 20)),
        (12, 14, date(2026, 11, 26), date(2026, 12, 14)),  # 18 days ahead: still this year
        (2, 29, date(2025, 6, 1), date(2024, 2, 29)),  # no 29 Feb in 2025
    ],
)
def test_resolve_yearless(month: int, day: int, reference: date, expected: date) -> None:
    found = DateLine(text="x", month=month, day=day, year=None, only_date=True)
    assert resolve(found, reference=reference) == expected


def test_resolve_without_reference_gives_none() -> None:
    assert resolve(DateLine("14 Feb", 2, 14, None, True), reference=None) is None
    assert resolve(DateLine("14 Feb 2020", 2, 14, 2020, True), reference=None) == date(2020, 2, 14)


@pytest.mark.parametrize(
    "published, footer, ingested, expected",
    [
        (date(2026, 2, 15), 2026, date(2026, 11, 26), date(2026, 2, 15)),  # supplied date first
        (None, 2026, date(2026, 11, 26), date(2026, 11, 26)),  # footer year = read year
        (None, 2019, date(2026, 11, 26), date(2019, 12, 31)),  # an old page read later
        (None, None, date(2026, 11, 26), date(2026, 11, 26)),
        (None, None, None, None),
    ],
)
def test_year_reference(
    published: date | None, footer: int | None, ingested: date | None, expected: date | None
) -> None:
    assert year_reference(published=published, footer_year=footer, ingested=ingested) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("© 2018–2026 Northern Gazette", 2026),
        ("&copy; 2019 The Paper", 2019),
        ("Copyright 2015-2024 Wire Service", 2024),
        ("(c) 2020 | © 2021", 2021),
        ("Founded in 1998", None),
    ],
)
def test_copyright_year(text: str, expected: int | None) -> None:
    assert copyright_year(text) == expected


def test_copyright_year_ignores_future_years() -> None:
    assert copyright_year("© 2031 Nonsense Ltd", not_after=2027) is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-02-12", ("2026-02-12", "2026-02-12", "day")),
        ("2026-02-12T14:35:00+04:00", ("2026-02-12", "2026-02-12", "day")),
        ("2026-02", ("2026-02-01", "2026-02-28", "month")),
        ("2026", ("2026-01-01", "2026-12-31", "year")),
        ("2026-13-01", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_iso(value: str | None, expected: tuple[str, str, str] | None) -> None:
    parsed = parse_iso(value)
    if expected is None:
        assert parsed is None
    else:
        assert parsed is not None
        assert (parsed[0].isoformat(), parsed[1].isoformat(), parsed[2]) == expected
