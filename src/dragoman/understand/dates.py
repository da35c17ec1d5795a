"""Dates in sentences, resolved against the article's publication date.

    find_dates(text, sentences, published)            -> [DateMention], offsets into text
    resolve("next Tuesday", date(2026, 3, 6))         -> DateValue 2026-03-10, day
    resolve("6 February", date(2026, 11, 1), tense="future") -> DateValue 2027-02-06, day

One regular expression, built from ``data/understand/dates.yaml`` (``_dates_patterns``), finds
every date form; each form has a small deterministic rule (``_FORMS`` here for days, weeks, months
and years; ``_dates_periods`` for quarters, halves, seasons, decades, spelled years and "now",
"recently", "soon", which get no precision and never date an event). Expressions that name no
period ("within months", "in coming weeks", "the second round", "13 people") match no form, so
they give nothing. A results story names its quarter once and then refers back to it ("the
quarter", "a year earlier"): the quarter is carried from sentence to sentence (``Focus``).

The direction of a bare weekday ("on Tuesday") or of a date without a year comes from the tense
of the words around it (``_dates_tense``: "said on Friday that talks will resume on Monday" reads
Friday as past and Monday as future); ``_dates_calendar`` holds the direction rules.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from dragoman.model import DateMention, DateValue, Sentence
from dragoman.understand import _dates_calendar as cal
from dragoman.understand import _dates_periods as periods
from dragoman.understand._dates_context import Context, Focus, Rule, num, year_number
from dragoman.understand._dates_context import month as month_number
from dragoman.understand._dates_tense import TenseAt, tense_reader
from dragoman.understand._dates_vocab import Vocabulary, load_vocabulary, norm

__all__ = ["find_dates", "resolve"]

log = logging.getLogger(__name__)

TENSES = ("future", "past")
_LOOK = 40  # characters to look back for the word before an expression
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z][\w'’-]*)\s*$")
_WORD_AFTER = re.compile(r"\s*([A-Za-z][\w-]*)")


def find_dates(
    text: str, sentences: Sequence[Sentence], published: DateValue | None
) -> list[DateMention]:
    """Find the date expressions of each sentence and resolve them against ``published.start``.

    Without a publication date only expressions that carry their own year are resolved.
    """
    reference = _reference(published)
    vocab = load_vocabulary()
    focus = Focus()  # the quarter the story is about, carried from sentence to sentence
    mentions: list[DateMention] = []
    for sentence in sentences:
        chunk = text[sentence.start : sentence.end]
        tense_at = tense_reader(chunk, vocab)
        for start, end, value in _scan(chunk, vocab, reference, tense_at, focus):
            if value is not None:
                mentions.append(
                    DateMention(
                        sentence=sentence.index,
                        start=sentence.start + start,
                        end=sentence.start + end,
                        value=value,
                    )
                )
    return mentions


def resolve(expression: str, reference: date, *, tense: str | None = None) -> DateValue | None:
    """Resolve the first date expression in ``expression`` against ``reference``.

    Args:
        expression: "next week", "6 February", "on Tuesday" ...
        reference: the publication date.
        tense: "future", "past" or None (unknown); sets the direction of bare weekdays and of
            dates without a year.

    Returns:
        The period, with ``text`` the words it was read from, or None when the expression names
        no date ("within months", "on , with").
    """
    if tense is not None and tense not in TENSES:
        raise ValueError(f"tense must be one of {TENSES} or None, not {tense!r}")
    scan = _scan(expression, load_vocabulary(), reference, lambda _s, _e: tense, Focus())
    for _, _, value in scan:
        if value is not None:
            return value
    return None


def _reference(published: DateValue | None) -> date | None:
    if published is None or not published.start:
        return None
    try:
        return date.fromisoformat(published.start[:10])
    except ValueError:
        log.debug(
            "publication date %r is not an ISO date; resolving absolute dates only", published.start
        )
        return None


def _scan(
    text: str, vocab: Vocabulary, reference: date | None, tense_at: TenseAt, focus: Focus
) -> Iterator[tuple[int, int, DateValue | None]]:
    """Yield (start, end, value) for each expression; value is None when it cannot be resolved.

    A match that fails a check (a lower-case "may", "Good Friday") is dropped and the search goes
    on from the next character, so "Theresa May said on 6 May" still finds 6 May. One that names
    no real day ("30 February") is dropped whole.
    """
    pos = 0
    while (m := vocab.dates.search(text, pos)) is not None:
        form = m.lastgroup or ""
        start = _core_start(m, form)
        if not _plausible(m, form, text, vocab):
            pos = m.start() + 1
            continue
        context = Context(vocab, reference, tense_at(start, m.end()), text[start : m.end()], focus)
        try:
            value = _FORMS[form](m, context)
        except ValueError:  # no such day: "30 February", "18-17 March": nothing, not "March"
            pos = m.end()
            continue
        yield start, m.end(), value
        pos = m.end()


def _core_start(m: re.Match[str], form: str) -> int:
    """Where the mention starts: a lone year leaves out its preposition ("in 2025" -> "2025"),
    a quarter its "the"."""
    core = f"{form}_core"
    return m.start(core) if core in m.re.groupindex else m.start()


def _plausible(m: re.Match[str], form: str, text: str, vocab: Vocabulary) -> bool:
    for name in _month_groups(m.re, form):
        word = m[name]
        if word and norm(word) in vocab.capital_months and not word[0].isupper():
            return False  # "may", "march" as verbs
    if form == "mon" and m.start() == m.start("mon_m"):
        before = _WORD_BEFORE.search(text, max(0, m.start() - _LOOK), m.start())
        if (
            before
            and before.group(1)[0].isupper()
            and norm(before.group(1)) not in vocab.month_guard_allow
        ):
            return False  # "Theresa May", "Prime Minister May"
    if form == "wd":
        before = _WORD_BEFORE.search(text, max(0, m.start("wd_d") - _LOOK), m.start("wd_d"))
        after = _WORD_AFTER.match(text, m.end("wd_d"))
        if before and norm(before.group(1)) in vocab.blockers_before:
            return False  # "Good Friday"
        if after and norm(after.group(1)) in vocab.blockers_after:
            return False  # "the Sunday Times"
    if form == "season":
        return periods.plausible_season(m, text)
    return True


@functools.cache
def _month_groups(pattern: re.Pattern[str], form: str) -> tuple[str, ...]:
    """The groups of ``form`` that hold a month name: "dm_m", "mdmd_m1" ..."""
    return tuple(
        name
        for name in pattern.groupindex
        if name.startswith(form + "_") and name.rstrip("12").endswith("_m")
    )


# --- one rule per form --------------------------------------------------------------------------


def _day_month(p: str) -> Rule:
    def rule(m: re.Match[str], c: Context) -> DateValue | None:
        day, month = num(m[f"{p}_d"], c) or 0, month_number(m[f"{p}_m"], c)
        year = num(m[f"{p}_y"], c)
        if year is None:
            if c.ref is None:
                date(2000, month, day)  # still reject "30 February"
                return None
            year = cal.year_of_day(month, day, c.ref, c.tense)
        return cal.day_value(date(year, month, day), c.text)

    return rule


def _range(
    first: tuple[int, int], last: tuple[int, int], year: int | None, c: Context
) -> DateValue | None:
    """Days from (month, day) to (month, day); a year written once belongs to the end."""
    if year is not None:
        end = date(year, *last)
        start = date(year, *first)
        start = start if start <= end else date(year - 1, *first)
    elif c.ref is None:
        return None
    else:
        start = date(cal.year_of_day(*first, c.ref, c.tense), *first)
        end = date(start.year, *last)
        end = end if end >= start else date(start.year + 1, *last)
    if end <= start or (end - start).days > 62:
        raise ValueError("not a range of days")
    return cal.days_value(start, end, c.text)


def _same_month_range(p: str) -> Rule:
    def rule(m: re.Match[str], c: Context) -> DateValue | None:
        month = month_number(m[f"{p}_m"], c)
        first, last = (month, num(m[f"{p}_d1"], c) or 0), (month, num(m[f"{p}_d2"], c) or 0)
        return _range(first, last, num(m[f"{p}_y"], c), c)

    return rule


def _two_month_range(p: str) -> Rule:
    def rule(m: re.Match[str], c: Context) -> DateValue | None:
        first = (month_number(m[f"{p}_m1"], c), num(m[f"{p}_d1"], c) or 0)
        last = (month_number(m[f"{p}_m2"], c), num(m[f"{p}_d2"], c) or 0)
        return _range(first, last, num(m[f"{p}_y"], c), c)

    return rule


def _iso(m: re.Match[str], c: Context) -> DateValue | None:
    return cal.day_value(date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])), c.text)


def _numeric(m: re.Match[str], c: Context) -> DateValue | None:
    """19.02.2026 is day.month.year; with slashes only an unambiguous order is read."""
    a, b, year = int(m["num_a"]), int(m["num_b"]), int(m["num_y"])
    if m["num_s"] == "/" and a <= 12 and b <= 12 and a != b:
        return None  # 02/03/2026: February or March, US or European order
    day, month = (a, b) if m["num_s"] == "." or a > 12 else (b, a)
    return cal.day_value(date(year, month, day), c.text)


def _month_year(m: re.Match[str], c: Context) -> DateValue | None:
    return cal.month_value(year_number(m["my_y"], c), month_number(m["my_m"], c), c.text)


def _month_relative_year(m: re.Match[str], c: Context) -> DateValue | None:
    """ "June last year", "January this year"."""
    if c.ref is None:
        return None
    year = c.ref.year + c.vocab.steps[norm(m["mrel_s"])]
    return cal.month_value(year, month_number(m["mrel_m"], c), c.text)


def _step_month(m: re.Match[str], c: Context) -> DateValue | None:
    """ "last April": the latest April before this month; "next April": the first one after."""
    if c.ref is None:
        return None
    month, step = month_number(m["relm_m"], c), c.vocab.steps[norm(m["relm_s"])]
    year = c.ref.year
    if step == -1 and month >= c.ref.month:
        year -= 1
    elif step == 1 and month <= c.ref.month:
        year += 1
    return cal.month_value(year, month, c.text)


def _step_period(m: re.Match[str], c: Context) -> DateValue | None:
    """ "next week", "last month", "this quarter", "this year", "the current fiscal year",
    "this weekend"."""
    if c.ref is None:
        return None
    ref, step, unit = c.ref, c.vocab.steps[norm(m["relp_s"])], norm(m["relp_u"])
    if unit == "quarter":
        year, quarter = cal.quarter_of(ref)
        index = year * 4 + quarter - 1 + step
        return cal.quarter_value(index // 4, index % 4 + 1, c.text)
    if unit == "week":
        return cal.week_value(ref + timedelta(weeks=step), c.text)
    if unit == "weekend":
        saturday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step, days=5)
        return cal.days_value(saturday, saturday + timedelta(days=1), c.text)
    if unit == "month":
        return cal.month_value(*cal.add_months(ref.year, ref.month, step), c.text)
    return cal.year_value(ref.year + step, c.text)


def _weekend(m: re.Match[str], c: Context) -> DateValue | None:
    """ "the weekend": the one of this week, or in past tense the latest one begun."""
    if c.ref is None:
        return None
    saturday = c.ref - timedelta(days=c.ref.weekday()) + timedelta(days=5)
    if c.tense == "past" and c.ref < saturday:
        saturday -= timedelta(weeks=1)
    return cal.days_value(saturday, saturday + timedelta(days=1), c.text)


def _shift(n: int, unit_word: str, c: Context) -> DateValue | None:
    if c.ref is None:
        return None
    ref, unit = c.ref, c.vocab.units[norm(unit_word).removesuffix("s")]
    if unit.precision == "month":
        return cal.month_value(*cal.add_months(ref.year, ref.month, n), c.text)
    if unit.precision == "year":
        return cal.year_value(ref.year + n, c.text)
    moved = ref + timedelta(days=n * unit.days)
    return (
        cal.week_value(moved, c.text) if unit.precision == "week" else cal.day_value(moved, c.text)
    )


def _ago(m: re.Match[str], c: Context) -> DateValue | None:
    """ "two days ago"; "a year ago" or "a year earlier" in a story about a quarter is that
    quarter a year back. "Two days earlier" counts from a date in the story: nothing."""
    n, year_unit = num(m["ago_n"], c) or 0, norm(m["ago_u"]).startswith("year")
    if m["ago_w"].lower() == "earlier" and not year_unit:
        return None
    return (year_unit and periods.year_ago_quarter(n, c)) or _shift(-n, m["ago_u"], c)


def _in_n(m: re.Match[str], c: Context) -> DateValue | None:
    """ "in two weeks" is a date looking forward; in past tense it is a duration."""
    return None if c.tense == "past" else _shift(num(m["inn_n"], c) or 0, m["inn_u"], c)


def _relative_day(m: re.Match[str], c: Context) -> DateValue | None:
    if c.ref is None:
        return None
    offset = c.vocab.relative_days[norm(m["relday_w"])]
    return cal.day_value(c.ref + timedelta(days=offset), c.text)


def _weekday(m: re.Match[str], c: Context) -> DateValue | None:
    if c.ref is None:
        return None
    weekday = c.vocab.weekdays[norm(m["wd_d"])]
    step = c.vocab.steps[norm(m["wd_s"])] if m["wd_s"] else None
    if m["wd_mod"] and step is None and weekday == c.ref.weekday():
        return cal.day_value(c.ref, c.text)  # "later on Tuesday" in Tuesday's paper
    return cal.day_value(cal.weekday_near(c.ref, weekday, step=step, tense=c.tense), c.text)


def _bare_month(m: re.Match[str], c: Context) -> DateValue | None:
    if c.ref is None:
        return None
    month = month_number(m["mon_m"], c)
    return cal.month_value(cal.year_of_month(month, c.ref, c.tense), month, c.text)


def _year(p: str) -> Rule:
    """ "in 2025"; "the 1998-99 war" and "2014-2016" span their years."""

    def rule(m: re.Match[str], c: Context) -> DateValue | None:
        first = int(m[f"{p}_y"])
        if m[f"{p}_y2"] is None:
            return cal.year_value(first, c.text)
        last = int(m[f"{p}_y2"]) + (first // 100 * 100 if len(m[f"{p}_y2"]) == 2 else 0)
        if not first < last <= first + 20:
            raise ValueError("not a span of years")
        return cal.years_value(first, last, c.text)

    return rule


_FORMS: dict[str, Rule] = {
    "iso": _iso,
    "num": _numeric,
    "dmdm": _two_month_range("dmdm"),
    "mdmd": _two_month_range("mdmd"),
    "dmb": _same_month_range("dmb"),
    "dmr": _same_month_range("dmr"),
    "mdr": _same_month_range("mdr"),
    "dm": _day_month("dm"),
    "md": _day_month("md"),
    "my": _month_year,
    "mrel": _month_relative_year,
    "relm": _step_month,
    "relp": _step_period,
    "wkend": _weekend,
    "ago": _ago,
    "inn": _in_n,
    "relday": _relative_day,
    "wd": _weekday,
    "mon": _bare_month,
    "year": _year("year"),
    "yearm": _year("yearm"),
    "yearw": _year("yearw"),
    "yeard": _year("yeard"),
    "yearp": _year("yearp"),
    **periods.RULES,
}
