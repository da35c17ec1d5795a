"""Dates of varying precision, and whether a term of office covers a date.

The table's dates are ISO strings of the source's precision: "2014", "2014-03", "2014-03-05".
Strings compare in date order, so a date of lower precision is the range from the string itself
(its lower bound: "2014-03" sorts before "2014-03-01") to the string with "~" appended (its upper
bound: "2014-03~" sorts after "2014-03-31" and before "2014-04"). A day is its own bound.

A term answers a question about a date range ``[q0, q1]`` in one of three ways: it surely covers
it (``certain``), it may, at the precision the source gives (``possible``: "2022" for a term
that started in 2022, asked about June 2022), or it does not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_COVERAGE = re.compile(r"source began \((\d{4}(?:-\d{2})?)\)")


def upper(date: str) -> str:
    """The last day a date of any precision can mean, as a bound that compares with days."""
    return date if len(date) == 10 else date + "~"


def parse_on(on: str | dt.date) -> str:
    """``on`` as an ISO date string of its own precision; an error names the form expected."""
    if isinstance(on, dt.date):
        return on.isoformat()
    text = str(on).strip()
    if not _DATE.fullmatch(text):
        raise ValueError(f"date {on!r} is not YYYY, YYYY-MM or YYYY-MM-DD; write e.g. 2022-06-01")
    try:
        dt.date.fromisoformat((text + "-01-01")[:10])
    except ValueError as e:
        raise ValueError(f"date {on!r} does not exist; write e.g. 2022-06-01") from e
    return text


@dataclass(frozen=True, slots=True)
class Span:
    """When a term surely began and ended, and when it may have: bounds comparable with days."""

    start_lo: str  # the earliest the term may have begun ("" when the source does not say)
    start_hi: str  # the term had surely begun by then
    end_lo: str  # the term surely lasted until (not including) then
    end_hi: str  # the term was surely over after then, or nothing is known after it (snapshot)

    @classmethod
    def of(cls, start: str | None, end: str | None, snapshot: str, note: str = "") -> Span:
        """The span of one row: an open ``end`` means "in office at ``snapshot``" and nothing
        after; a missing ``start`` means "in office before the source began" (its note gives
        the month the coverage began, else only the snapshot is sure)."""
        if start:
            start_lo, start_hi = start, upper(start)
        else:
            began = _COVERAGE.search(note)
            start_lo, start_hi = "", upper(began.group(1) if began else snapshot)
        if end:
            # the day a term ends is the successor's first: only the days before are sure
            end_lo, end_hi = end, upper(end)
        else:  # in office on the snapshot (a day, or some day of its month): nothing after
            end_lo = snapshot + "~" if len(snapshot) == 10 else snapshot
            end_hi = upper(snapshot)
        return cls(start_lo, start_hi, end_lo, end_hi)

    def covers(self, q0: str, q1: str) -> bool | None:
        """True: the term surely covers ``[q0, q1]``; None: it may; False: it does not."""
        if not (self.start_lo <= q1 and q0 <= self.end_hi):
            return False
        return True if self.start_hi <= q0 and q1 < self.end_lo else None

    def overlaps(self, other: Span) -> bool:
        return self.start_lo <= other.end_hi and other.start_lo <= self.end_hi
