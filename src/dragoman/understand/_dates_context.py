"""What a date rule knows besides its match: the vocabulary, the reference date, the tense and
the quarter the story is about.

    Rule = (match, Context) -> DateValue | None
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from dragoman.model import DateValue
from dragoman.understand._dates_vocab import Vocabulary, norm

__all__ = ["Context", "Focus", "Rule", "month", "num", "year_number"]


@dataclass(slots=True)
class Focus:
    """The quarter a story is about: the last one it named by ordinal in the publication year
    ("third-quarter profit rose"). "The quarter" and "a year earlier" refer back to it."""

    quarter: tuple[int, int] | None = None  # (year, 1..4)


@dataclass(frozen=True, slots=True)
class Context:
    vocab: Vocabulary
    ref: date | None  # the publication date; rules that need it give None without it
    tense: str | None
    text: str  # the words of the expression, for DateValue.text
    focus: Focus = field(default_factory=Focus)  # shared by the mentions of one document


Rule = Callable[[re.Match[str], Context], DateValue | None]


def num(word: str | None, c: Context) -> int | None:
    """1 from "1", "1st", "one", "a"; None when the group did not match."""
    if word is None:
        return None
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else c.vocab.numbers[norm(word)]


def month(word: str, c: Context) -> int:
    return c.vocab.months[norm(word)]


def year_number(text: str, c: Context) -> int:
    """1996 from "1996" or "nineteen ninety-six"; 1905 from "nineteen oh five" (spelled_years)."""
    if text.isdigit():
        return int(text)
    spelled = c.vocab.spelled
    century, *rest = re.split(r"[\s-]+", norm(text))
    year = spelled["centuries"][century] * 100
    if rest[0] == "oh":
        return year + spelled["units"][" ".join(rest)]
    if rest[0] in spelled["tens"]:
        return year + spelled["tens"][rest[0]] + (spelled["digits"][rest[1]] if rest[1:] else 0)
    return year + spelled["teens"][rest[0]]
