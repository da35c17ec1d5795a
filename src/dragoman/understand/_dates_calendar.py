"""Calendar arithmetic of the date reader: periods as DateValues (days, weeks, months, quarters,
halves, seasons, years), and the direction rules.

``tense`` is ``"future"``, ``"past"`` or ``None`` (unknown). The rules:

* a weekday: past tense takes the latest such day on or before the reference (an article
  published on Tuesday evening that says "met on Tuesday" means that day), future tense the first
  one strictly after it, unknown tense the nearest one (the same day if it is that day);
  "last"/"next" take the one strictly before/after; "this" follows the tense, and takes the
  one on or after the reference when the tense is unknown;
* a day or month without a year: the reference's year; in future tense a date before the
  reference moves to the next year, in past tense one more than 7 days after it to the previous
  year; in unknown tense the occurrence nearest to the reference wins when the one in the
  reference's year is more than half a year away ("5 January" in a story of 28 December).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from dragoman.model import DateValue

PAST_SLACK = timedelta(days=7)  # a past-tense date this far after the reference is still this year
HALF_YEAR = timedelta(days=183)


def day_value(d: date, text: str) -> DateValue:
    return DateValue(
        start=d.isoformat(), end=d.isoformat(), precision="day", text=text, source="sentence"
    )


def days_value(first: date, last: date, text: str) -> DateValue:
    """A range of days ("17-18 February", a weekend): day precision, start before end."""
    return DateValue(
        start=first.isoformat(), end=last.isoformat(), precision="day", text=text, source="sentence"
    )


def week_value(d: date, text: str) -> DateValue:
    """The ISO week of ``d``, Monday to Sunday."""
    monday = d - timedelta(days=d.weekday())
    return DateValue(
        start=monday.isoformat(),
        end=(monday + timedelta(days=6)).isoformat(),
        precision="week",
        text=text,
        source="sentence",
    )


def month_value(year: int, month: int, text: str) -> DateValue:
    last = calendar.monthrange(year, month)[1]
    return DateValue(
        start=date(year, month, 1).isoformat(),
        end=date(year, month, last).isoformat(),
        precision="month",
        text=text,
        source="sentence",
    )


def year_value(year: int, text: str) -> DateValue:
    return years_value(year, year, text)


def years_value(first: int, last: int, text: str) -> DateValue:
    """A span of years ("1998-99"): year precision, 1 January to 31 December."""
    return DateValue(
        start=date(first, 1, 1).isoformat(),
        end=date(last, 12, 31).isoformat(),
        precision="year",
        text=text,
        source="sentence",
    )


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def weekday_near(reference: date, weekday: int, *, step: int | None, tense: str | None) -> date:
    """The date of ``weekday`` (0 = Monday) that an expression means, seen from ``reference``.

    ``step`` is -1 for "last Friday", +1 for "next Friday", 0 for "this Friday", None for a bare
    "Friday". "This Friday" reads like "Friday" except that it may be today in future tense, and
    is on or after the reference when the tense is unknown.
    """
    ahead = (weekday - reference.weekday()) % 7  # 0..6 days to the next one, 0 if today
    behind = (reference.weekday() - weekday) % 7  # 0..6 days back to the last one
    if step == -1:
        return reference - timedelta(days=behind or 7)
    if step == 1:
        return reference + timedelta(days=ahead or 7)
    if tense == "past":
        return reference - timedelta(days=behind)
    if tense == "future" and step is None:
        return reference + timedelta(days=ahead or 7)
    if step is None and behind < ahead:  # unknown tense: the nearest one
        return reference - timedelta(days=behind)
    return reference + timedelta(days=ahead)


def year_of_day(month: int, day: int, reference: date, tense: str | None) -> int:
    """The year of "6 February" written without one. Raises ValueError for "30 February"."""
    periods: dict[int, tuple[date, date]] = {}
    for year in range(reference.year - 4, reference.year + 5):  # 29 February needs a leap year
        try:
            periods[year] = (date(year, month, day),) * 2
        except ValueError:
            continue
    if not periods:
        raise ValueError(f"there is no day {day} in month {month}")
    return _pick(periods, reference, tense)


def year_of_month(month: int, reference: date, tense: str | None) -> int:
    """The year of "in March" written without one."""
    periods = {
        year: (date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))
        for year in range(reference.year - 1, reference.year + 2)
    }
    return _pick(periods, reference, tense)


def _pick(periods: dict[int, tuple[date, date]], reference: date, tense: str | None) -> int:
    """The year whose period (first, last day) the direction rules of the module docstring pick."""
    if tense == "future":
        return min(year for year, (_, last) in periods.items() if last >= reference)
    if tense == "past":
        return max(
            year
            for year, (first, _) in periods.items()
            if year <= reference.year and first <= reference + PAST_SLACK
        )

    def gap(year: int) -> timedelta:
        first, last = periods[year]
        return max(first - reference, reference - last, timedelta(0))

    if reference.year in periods and gap(reference.year) <= HALF_YEAR:
        return reference.year
    return min(periods, key=lambda year: (gap(year), abs(year - reference.year)))


# --- parts of years: quarters, halves, seasons ------------------------------------------------


def months_value(year: int, first_month: int, months: int, text: str) -> DateValue:
    """``months`` calendar months from ``first_month`` of ``year`` (which may run into the next
    year): month precision. A quarter, a half or a season."""
    last_year, last_month = add_months(year, first_month, months - 1)
    return DateValue(
        start=date(year, first_month, 1).isoformat(),
        end=date(last_year, last_month, calendar.monthrange(last_year, last_month)[1]).isoformat(),
        precision="month",
        text=text,
        source="sentence",
    )


def quarter_value(year: int, quarter: int, text: str) -> DateValue:
    return months_value(year, 3 * quarter - 2, 3, text)


def half_value(year: int, half: int, text: str) -> DateValue:
    return months_value(year, 6 * half - 5, 6, text)


def quarter_of(d: date) -> tuple[int, int]:
    """(year, quarter) of a day."""
    return d.year, (d.month - 1) // 3 + 1


def last_quarter_before(d: date) -> tuple[int, int]:
    """The last quarter that ended before ``d``: in a results story of 30 October, the third."""
    year, quarter = quarter_of(d)
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


def season_bounds(year: int, first_month: int) -> tuple[date, date]:
    """First and last day of a three-month season. A winter (starting in December) is named by
    the year of its January: the winter of 1994 runs from December 1993 to February 1994."""
    start_year = year - 1 if first_month == 12 else year
    value = months_value(start_year, first_month, 3, "")
    return date.fromisoformat(value.start or ""), date.fromisoformat(value.end or "")


def year_of_season(
    first_month: int, reference: date, *, step: int | None, tense: str | None
) -> int:
    """The year of "last fall" (step -1: the latest one over before the reference), "next
    spring" (+1: the first one not begun), "this summer" (0: the nearest) or "summer"."""
    periods = {
        year: season_bounds(year, first_month)
        for year in range(reference.year - 1, reference.year + 3)
    }
    if step == -1:
        return max(year for year, (_, last) in periods.items() if last < reference)
    if step == 1:
        return min(year for year, (first, _) in periods.items() if first > reference)
    return _pick(periods, reference, None if step == 0 else tense)


def year_of_quarter(quarter: int, reference: date, tense: str | None) -> int:
    """The year of "the third quarter" written without one."""
    periods = {}
    for year in range(reference.year - 1, reference.year + 2):
        value = quarter_value(year, quarter, "")
        periods[year] = (date.fromisoformat(value.start or ""), date.fromisoformat(value.end or ""))
    return _pick(periods, reference, tense)
