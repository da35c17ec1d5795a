"""Task ``timex``: dates in a document, resolved against its creation date (TempEval-3 TimeBank).

The document's text is split and read as in any article (``understand.split_sentences``, then
``understand.dates.find_dates`` with the DCT as publication date). Our periods are written in
TimeML's notation at their own granularity (``timeml``): no mapping to the gold's granularity.

Scoring (bench/time/README.md), on the gold DATE expressions, relaxed match: a gold DATE is found
when one of our mentions overlaps it, one to one, the largest overlap first.

* ``recall`` = found / gold DATEs; ``value_acc`` = found with exactly the gold value / found.
* Diagnostics: value recall (exact / all gold DATEs), precision (our mentions overlapping any gold
  TIMEX3 / all ours), and the full-day subset (gold values ``YYYY-MM-DD``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from dragoman import understand
from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.eval.metrics import ratio
from dragoman.eval.tasks._common import add_error, day, drop_none, read_jsonl, tick
from dragoman.model import DateMention, DateValue
from dragoman.options import Options
from dragoman.understand.dates import find_dates

__all__ = ["TimexCounts", "run", "score_document", "timeml"]

_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")


_SEASONS = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}  # first month of a three-month season


def timeml(value: DateValue) -> str | None:
    """Our period in TimeML's notation, at its own granularity: 1998-02-13, 1998-W07, 1998-W07-WE,
    1998-02, 1998-Q3, 1998-H1, 1998-SU, 1998, 199 (a decade), 19 (a century); PRESENT_REF,
    PAST_REF and FUTURE_REF for a value without precision bounded by one day ("now",
    "recently", "soon"). A range of days other than a weekend, of months other than a quarter,
    a half or a season, or of years other than a decade or a century has no single value."""
    if value.precision is None:
        return _reference(value)
    if not value.start or not value.end:
        return None
    start, end = date.fromisoformat(value.start), date.fromisoformat(value.end)
    year, week, _ = start.isocalendar()
    if value.precision == "day":
        if start == end:
            return start.isoformat()
        return (
            f"{year}-W{week:02d}-WE" if start.weekday() == 5 and (end - start).days == 1 else None
        )
    if value.precision == "week":
        return f"{year}-W{week:02d}"
    if value.precision == "month":
        return _months(start, end)
    return _years(start.year, end.year)


def _reference(value: DateValue) -> str | None:
    if value.start and value.end:
        return "PRESENT_REF" if value.start == value.end else None
    return "PAST_REF" if value.end else "FUTURE_REF" if value.start else None


def _months(start: date, end: date) -> str | None:
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 1:
        return start.isoformat()[:7]
    if months == 3 and start.month % 3 == 1:
        return f"{start.year}-Q{start.month // 3 + 1}"
    if months == 6 and start.month in (1, 7):
        return f"{start.year}-H{start.month // 6 + 1}"
    if months == 3 and start.month in _SEASONS:
        return f"{end.year}-{_SEASONS[start.month]}"  # a winter is named by its January's year
    return None


def _years(first: int, last: int) -> str | None:
    if first == last:
        return str(first)
    if first % 10 == 0 and last == first + 9:
        return str(first)[:-1]
    if first % 100 == 0 and last == first + 99:
        return str(first)[:-2]
    return None


@dataclass(frozen=True, slots=True)
class TimexCounts:
    """Counts over documents; ``+`` adds them."""

    gold_dates: int = 0  # gold DATE expressions
    found: int = 0  # ... overlapped by one of ours (one to one)
    exact: int = 0  # ... whose value is exactly the gold value
    predicted: int = 0  # our mentions
    on_gold: int = 0  # ... overlapping any gold TIMEX3
    day_gold: int = 0  # the same three for gold values YYYY-MM-DD
    day_found: int = 0
    day_exact: int = 0

    def __add__(self, other: TimexCounts) -> TimexCounts:
        return TimexCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def value_acc(self) -> float | None:
        return ratio(self.exact, self.found)

    @property
    def recall(self) -> float | None:
        return ratio(self.found, self.gold_dates)


def _overlap(mention: DateMention, gold: dict[str, Any]) -> int:
    return min(mention.end, gold["end"]) - max(mention.start, gold["start"])


def score_document(
    gold_timex: Iterable[dict[str, Any]], mentions: Sequence[DateMention]
) -> TimexCounts:
    """Relaxed TempEval-3 matching of one document's mentions against its gold TIMEX3s."""
    gold_all = list(gold_timex)
    on_gold = sum(
        any(m.start < g["end"] and g["start"] < m.end for g in gold_all) for m in mentions
    )
    free = list(mentions)
    gold_dates = found = exact = day_gold = day_found = day_exact = 0
    for gold in (g for g in gold_all if g["type"] == "DATE"):
        is_day = _FULL_DAY.fullmatch(gold["value"]) is not None
        gold_dates += 1
        day_gold += is_day
        best = max(free, key=lambda m, g=gold: _overlap(m, g), default=None)
        if best is None or _overlap(best, gold) <= 0:
            continue
        free.remove(best)
        found += 1
        day_found += is_day
        if timeml(best.value) == gold["value"]:
            exact += 1
            day_exact += is_day
    return TimexCounts(
        gold_dates, found, exact, len(mentions), on_gold, day_gold, day_found, day_exact
    )


def run(spec: SetSpec, *, limit: int | None, opts: Options, progress: Progress) -> TaskOutput:
    del opts  # the dates reader takes no options
    docs = read_jsonl(spec.path, limit)
    total = TimexCounts()
    errors: list[str] = []
    for doc in tick(docs, progress):
        text = doc["text"]
        mentions = find_dates(text, understand.split_sentences(text), day(doc.get("dct")))
        total = total + score_document(doc.get("gold_timex") or (), mentions)
        _note_errors(doc, mentions, errors)
    metrics = {"value_acc": total.value_acc, "recall": total.recall}
    diagnostics: dict[str, Any] = {
        "documents": len(docs),
        "gold_dates": total.gold_dates,
        "found": total.found,
        "value_recall": ratio(total.exact, total.gold_dates),
        "precision": ratio(total.on_gold, total.predicted),
        "day_value_acc": ratio(total.day_exact, total.day_found),
        "day_recall": ratio(total.day_found, total.day_gold),
    }
    return TaskOutput(
        n=len(docs), metrics=drop_none(metrics), diagnostics=diagnostics, errors=tuple(errors)
    )


def _note_errors(doc: dict[str, Any], mentions: Sequence[DateMention], errors: list[str]) -> None:
    for gold in doc.get("gold_timex") or ():
        if gold["type"] != "DATE":
            continue
        over = [m for m in mentions if _overlap(m, gold) > 0]
        got = timeml(over[0].value) if over else None
        if got != gold["value"]:
            found = f"{over[0].value.text!r} -> {got}" if over else "not found"
            add_error(
                errors,
                f"{doc['id']} (DCT {doc.get('dct')}): {gold['text']!r} = {gold['value']}, "
                f"ours {found}",
            )
            return  # one example per document
