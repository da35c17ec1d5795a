"""Date rules for parts of years, decades, financial quarters and the present/past/future.

    "the third quarter"      -> 1989-07-01..1989-09-30 (month)   quarter
    "the first half of 1990" -> 1990-01-01..1990-06-30 (month)   half
    "last fall"              -> 1997-09-01..1997-11-30 (month)   season
    "the 1990s"              -> 1990-01-01..1999-12-31 (year)    decade
    "a year earlier"         -> the story's quarter a year back, else the year before
    "now" / "recently" / "soon" -> no precision: the publication day as start and end / as end
                                   only / as start only (TimeML PRESENT_REF, PAST_REF, FUTURE_REF)

A quarter named by ordinal in the publication year becomes the story's focus (``Focus``); "the
quarter", "the latest period" and the year-ago comparisons ("a year ago", "the year-earlier
quarter") refer back to it, as results stories do.
"""

from __future__ import annotations

import re
from datetime import date

from dragoman.model import DateValue
from dragoman.understand import _dates_calendar as cal
from dragoman.understand._dates_context import Context, Rule, year_number
from dragoman.understand._dates_vocab import norm

__all__ = ["RULES", "is_quarter", "plausible_season", "year_ago_quarter"]

_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z][\w'’-]*)\s*$")
_OF_NAME = re.compile(r"\s+of\s+(?!\d)", re.IGNORECASE)  # "the fall of Kabul"
# Words before a season with no "this"/"last", year or modifier: "in summer", "the summer".
_SEASON_LEADS = frozenset(
    ["the", "in", "during", "by", "until", "till", "since", "over", "through", "throughout",
     "before", "after", "this", "last", "next", "that", "each", "every"]
)  # fmt: skip


def _stated_year(m: re.Match[str], p: str, c: Context) -> int | None:
    """The year written with a part: "1988", "of 1990", "of next year", "this year's", "of the
    year"; None when none is written (or it is relative and there is no reference)."""
    groups = m.re.groupindex
    for name in (f"{p}_y", f"{p}_oy"):
        if name in groups and m[name]:
            return int(m[name])
    for name in (f"{p}_s", f"{p}_os"):
        if name in groups and m[name]:
            return c.ref.year + c.vocab.steps[norm(m[name])] if c.ref else None
    if f"{p}_ot" in groups and m[f"{p}_ot"] and c.ref:
        return c.ref.year  # "of the year"
    return None


def is_quarter(value: DateValue) -> tuple[int, int] | None:
    """(year, quarter) when the value is exactly a calendar quarter."""
    if value.precision != "month" or not value.start or not value.end:
        return None
    start, end = date.fromisoformat(value.start), date.fromisoformat(value.end)
    if start.month % 3 != 1 or cal.add_months(start.year, start.month, 2) != (end.year, end.month):
        return None
    return cal.quarter_of(start)


def _quarter(m: re.Match[str], c: Context) -> DateValue | None:
    """ "the third quarter", "third-quarter", "the 1988 second quarter", "next year's first
    quarter", "the year-ago third quarter"."""
    quarter = c.vocab.quarter_ordinals[norm(m["qtr_n"])]
    stated = _stated_year(m, "qtr", c)
    if m["qtr_back"]:
        if c.focus.quarter is not None:
            return cal.quarter_value(c.focus.quarter[0] - 1, quarter, c.text)
        if c.ref is None:
            return None
        return cal.quarter_value(cal.year_of_quarter(quarter, c.ref, "past") - 1, quarter, c.text)
    if stated is None:
        if c.ref is None:
            return None
        # past tense: the latest begun; else the nearest: in a story of 30 October 1989
        # "third-quarter results are expected" are those of the quarter just ended
        stated = cal.year_of_quarter(quarter, c.ref, "past" if c.tense == "past" else None)
    if c.ref is not None and stated == c.ref.year and c.focus.quarter is None:
        c.focus.quarter = (stated, quarter)
    return cal.quarter_value(stated, quarter, c.text)


def _quarter_reference(m: re.Match[str], c: Context) -> DateValue | None:
    """ "the quarter", "the latest period", "the current quarter", "the year-ago quarter", "the
    1988 period", "last year's quarter", "the quarter a year ago"."""
    if c.ref is None:
        return None
    focus = c.focus.quarter
    if m["qref_c"]:
        year, quarter = cal.quarter_of(c.ref)
    elif m["qref_y"] or m["qref_s"]:
        year = int(m["qref_y"]) if m["qref_y"] else c.ref.year + c.vocab.steps[norm(m["qref_s"])]
        if focus is None:
            return cal.year_value(year, c.text) if m["qref_y"] else None
        quarter = focus[1]
    elif focus is None and m["qref_u"].lower() == "period":
        return None  # "the period" names a quarter only in a story about one
    else:
        year, quarter = focus or cal.last_quarter_before(c.ref)
    if m["qref_back"] or m["qref_ago"]:
        year -= 1
    return cal.quarter_value(year, quarter, c.text)


def _year_back(m: re.Match[str], c: Context) -> DateValue | None:
    """ "year-earlier", "year-ago": the story's quarter a year back, else the year before."""
    if c.focus.quarter is not None:
        year, quarter = c.focus.quarter
        return cal.quarter_value(year - 1, quarter, c.text)
    return cal.year_value(c.ref.year - 1, c.text) if c.ref else None


def year_ago_quarter(n: int, c: Context) -> DateValue | None:
    """ "a year ago" in a story about a quarter: that quarter a year back (None otherwise)."""
    if n != 1 or c.focus.quarter is None:
        return None
    year, quarter = c.focus.quarter
    return cal.quarter_value(year - 1, quarter, c.text)


def _half(m: re.Match[str], c: Context) -> DateValue | None:
    year = _stated_year(m, "half", c)
    if year is None:
        return None
    return cal.half_value(year, c.vocab.half_ordinals[norm(m["half_n"])], c.text)


def _season(m: re.Match[str], c: Context) -> DateValue | None:
    first_month = c.vocab.seasons[norm(m["season_n"])]
    if m["season_y"]:
        year = year_number(m["season_y"], c)
    elif c.ref is None:
        return None
    else:
        step = c.vocab.steps[norm(m["season_s"])] if m["season_s"] else None
        year = cal.year_of_season(first_month, c.ref, step=step, tense=c.tense)
    first, _ = cal.season_bounds(year, first_month)
    return cal.months_value(first.year, first_month, 3, c.text)


def plausible_season(m: re.Match[str], text: str) -> bool:
    """A season word with no "this"/"last", year or modifier is a season only after "in",
    "the", "during" ... and not in a name ("the Arab Spring") or "the fall of Kabul"."""
    if m["season_s"] or m["season_y"]:
        return True
    if m.start("season_core") != m.start("season_n"):
        return True  # a modifier: "early summer"
    if _OF_NAME.match(text, m.end("season_n")):
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start("season_n"))
    if before is None:
        return False
    if m["season_n"][0].isupper() and before.group(1)[0].isupper() and before.start() > 0:
        return False  # "the Arab Spring", "Prague Spring"
    return before.group(1).lower() in _SEASON_LEADS


def _decade(m: re.Match[str], c: Context) -> DateValue | None:
    if m["decade_c"]:
        first = int(m["decade_c"]) * 100 + int(m["decade_d"]) * 10
    else:
        first = _latest_decade(int(m["decade_s"]), c)
    return cal.years_value(first, first + 9, c.text)


def _decade_word(m: re.Match[str], c: Context) -> DateValue | None:
    first = _latest_decade(c.vocab.decades[norm(m["decadew_w"])], c)
    return cal.years_value(first, first + 9, c.text)


def _latest_decade(digit: int, c: Context) -> int:
    """ "the '80s", "the nineties": the one in the reference's century unless it starts more than
    ten years after the reference ("the nineties" in 1989 is the 1990s, in 2026 the 1990s too);
    the 1900s without a reference."""
    if c.ref is None:
        return 1900 + digit * 10
    first = c.ref.year // 100 * 100 + digit * 10
    return first if first <= c.ref.year + 10 else first - 100


def _century(m: re.Match[str], c: Context) -> DateValue | None:
    """ "the 20th century": 1900-1999, as TimeML writes it ("19")."""
    n = int(m["century_n"]) if m["century_n"] else c.vocab.centuries[norm(m["century_w"])]
    if not 1 <= n <= 21:
        raise ValueError("not a century")
    return cal.years_value((n - 1) * 100, (n - 1) * 100 + 99, c.text) if n > 1 else None


def _year_end(m: re.Match[str], c: Context) -> DateValue | None:
    """ "year-end", "the end of the year": the year (of publication unless written)."""
    if m["yend_y"]:
        return cal.year_value(int(m["yend_y"]), c.text)
    return cal.year_value(c.ref.year, c.text) if c.ref else None


def _the_year(m: re.Match[str], c: Context) -> DateValue | None:
    return cal.year_value(c.ref.year, c.text) if c.ref else None


def _spelled_year(m: re.Match[str], c: Context) -> DateValue | None:
    """ "nineteen ninety-six", "nineteen oh five", "the year two thousand and one"."""
    if m["spelled_w"]:
        return cal.year_value(year_number(m["spelled_w"], c), c.text)
    extra, tables = norm(m["spelled_k"] or ""), c.vocab.spelled
    after_2000 = (
        tables["digits"].get(extra) or tables["teens"].get(extra) or tables["tens"].get(extra, 0)
    )
    return cal.year_value(2000 + after_2000, c.text)


def _reference(m: re.Match[str], c: Context) -> DateValue | None:
    """ "now", "recently", "soon": bounded by the publication day, with no precision."""
    if c.ref is None:
        return None
    kind = c.vocab.references[norm(m["ref_w"])]
    day = c.ref.isoformat()
    start = None if kind == "past" else day
    end = None if kind == "future" else day
    return DateValue(start=start, end=end, precision=None, text=c.text, source="sentence")


RULES: dict[str, Rule] = {
    "qtr": _quarter,
    "half": _half,
    "qref": _quarter_reference,
    "season": _season,
    "decade": _decade,
    "decadew": _decade_word,
    "century": _century,
    "yend": _year_end,
    "theyear": _the_year,
    "spelled": _spelled_year,
    "yback": _year_back,
    "ref": _reference,
}
