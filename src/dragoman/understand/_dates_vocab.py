"""The date reader's vocabulary: ``data/understand/dates.yaml``, validated and compiled once.

The YAML holds the words (months, weekdays, relative words, parts of years, tense cues); this
module checks them, then has ``_dates_patterns`` build the regular expressions from them: one
alternation of every date form, tried left to right at each position, and one of the tense cues.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from dragoman.errors import DataFileError
from dragoman.understand._dates_patterns import (
    Words,
    compile_breaks,
    compile_cues,
    compile_dates,
)

PRECISIONS = ("day", "week", "month", "year")
REFERENCES = ("present", "past", "future")


@dataclass(frozen=True, slots=True)
class Unit:
    days: int  # days in one unit; 0 for months and years, which step by calendar
    precision: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words of ``dates.yaml`` keyed by their normalised (lower-case, single-spaced) form."""

    months: Mapping[str, int]  # name or abbreviation -> 1..12
    capital_months: frozenset[str]  # months only when written with a capital ("May")
    weekdays: Mapping[str, int]  # name -> 0 (Monday) .. 6
    blockers_before: frozenset[str]
    blockers_after: frozenset[str]
    numbers: Mapping[str, int]
    relative_days: Mapping[str, int]
    steps: Mapping[str, int]
    units: Mapping[str, Unit]
    month_guard_allow: frozenset[str]
    not_past: frozenset[str]
    quarter_ordinals: Mapping[str, int]  # "third" -> 3
    half_ordinals: Mapping[str, int]
    seasons: Mapping[str, int]  # season -> its first month
    decades: Mapping[str, int]  # "nineties" -> 9
    centuries: Mapping[str, int]  # "twentieth" -> 20
    quarter_latest: frozenset[str]  # "the latest quarter": the quarter the story is about
    quarter_current: frozenset[str]  # "the current quarter": the quarter of publication
    references: Mapping[str, str]  # "now" -> "present", "recently" -> "past" ...
    spelled: Mapping[str, Mapping[str, int]]  # spelled_years: centuries, tens, units, digits ...
    dates: re.Pattern[str]
    cues: re.Pattern[str]  # groups future, past, cancel, present, ed (a word in -ed)
    clause_breaks: re.Pattern[str]


def norm(phrase: str) -> str:
    """The lookup key of a matched phrase: lower case, single spaces, no trailing dot."""
    return " ".join(phrase.lower().replace("’", "'").split()).rstrip(".")


@cache
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Read, validate and compile the vocabulary; ``path`` defaults to the packaged file.

    Raises:
        DataFileError: the file is missing, is not YAML, or a key is missing or malformed.
    """
    if path is None:
        label = "dragoman/data/understand/dates.yaml"
        file: Path | Traversable = (
            resources.files("dragoman") / "data" / "understand" / "dates.yaml"
        )
    else:
        label, file = str(path), path
    try:
        source = file.read_text(encoding="utf-8")
    except OSError as e:
        raise DataFileError(f"{label}: cannot read the date vocabulary: {e}") from e
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as e:
        raise DataFileError(f"{label}: not valid YAML: {e}") from e
    return _build(_Checker(label), data)


class _Checker:
    """Type checks whose errors name the file and the key."""

    def __init__(self, label: str) -> None:
        self.label = label

    def fail(self, key: str, problem: str) -> DataFileError:
        return DataFileError(f"{self.label}: key '{key}' {problem}")

    def mapping(self, value: Any, key: str) -> dict[str, Any]:
        if not isinstance(value, dict) or not value:
            raise self.fail(key, "must be a non-empty mapping")
        return value

    def words(self, value: Any, key: str, *, empty: bool = False) -> list[str]:
        if not isinstance(value, list) or (not value and not empty):
            raise self.fail(key, "must be a list of words")
        for i, word in enumerate(value):
            if isinstance(word, bool):  # YAML 1.1 reads on/off/yes/no as booleans
                raise self.fail(f"{key}[{i}]", f"is {word!r}: put the word in quotes")
            if not isinstance(word, str) or not word.strip():
                raise self.fail(f"{key}[{i}]", f"must be a non-empty string, not {word!r}")
        return [norm(w) for w in value]

    def integer(self, value: Any, key: str, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(key, f"must be an integer from {low} to {high}, not {value!r}")
        return value

    def numbers(self, value: Any, key: str, low: int, high: int) -> dict[str, int]:
        table = self.mapping(value, key)
        for word in table:
            if not isinstance(word, str):  # `no:` and `on:` are booleans in YAML 1.1
                raise self.fail(f"{key}.{word}", "must be a word: put it in quotes")
        return {norm(k): self.integer(v, f"{key}.{k}", low, high) for k, v in table.items()}


_KEYS = (
    "months",
    "weekdays",
    "weekday_blockers",
    "numbers",
    "relative_days",
    "relative_steps",
    "units",
    "modifiers",
    "hedges",
    "year_prepositions",
    "month_name_guard_allow",
    "tense",
    "year_parts",
    "quarter_references",
    "general_references",
    "spelled_years",
)


def _build(check: _Checker, data: Any) -> Vocabulary:
    top = check.mapping(data, "<top level>")
    for key in _KEYS:
        if key not in top:
            raise check.fail(key, "is missing")
    months, abbreviations, capital = _months(check, top["months"])
    weekdays = _weekdays(check, top["weekdays"])
    units = _units(check, top["units"])
    blockers = check.mapping(top["weekday_blockers"], "weekday_blockers")
    tense = check.mapping(top["tense"], "tense")
    preps = check.mapping(top["year_prepositions"], "year_prepositions")
    year_preps = {
        kind: check.words(preps.get(kind), f"year_prepositions.{kind}")
        for kind in ("strong", "weak", "determiners")
    }
    tables = {
        "numbers": check.numbers(top["numbers"], "numbers", 1, 100),
        "relative_days": check.numbers(top["relative_days"], "relative_days", -7, 7),
        "steps": check.numbers(top["relative_steps"], "relative_steps", -1, 1),
    }
    parts = _year_parts(check, top["year_parts"])
    quarter_refs = check.mapping(top["quarter_references"], "quarter_references")
    latest, current, year_back = (
        check.words(quarter_refs.get(k), f"quarter_references.{k}")
        for k in ("latest", "current", "year_back")
    )
    references = _references(check, top["general_references"])
    spelled = _spelled_years(check, top["spelled_years"])
    cues = {
        kind: check.words(tense.get(kind), f"tense.{kind}")
        for kind in ("future", "past", "present", "cancel")
    }
    words = Words(
        full_months=[m for m in months if m not in abbreviations],
        abbreviations=abbreviations,
        weekdays=list(weekdays),
        units=list(units),
        modifiers=check.words(top["modifiers"], "modifiers"),
        hedges=check.words(top["hedges"], "hedges"),
        year_preps=year_preps,
        numbers=list(tables["numbers"]),
        relative_days=list(tables["relative_days"]),
        steps=list(tables["steps"]),
        quarter_ordinals=list(parts["quarter_ordinals"]),
        half_ordinals=list(parts["half_ordinals"]),
        seasons=list(parts["seasons"]),
        decades=list(parts["decades"]),
        centuries=list(parts["centuries"]),
        quarter_latest=latest,
        quarter_current=current,
        year_back=year_back,
        references=list(references),
        spelled={k: list(v) for k, v in spelled.items()},
    )
    return Vocabulary(
        months=months,
        capital_months=frozenset(capital),
        weekdays=weekdays,
        blockers_before=frozenset(check.words(blockers.get("before"), "weekday_blockers.before")),
        blockers_after=frozenset(check.words(blockers.get("after"), "weekday_blockers.after")),
        units=units,
        month_guard_allow=frozenset(
            check.words(top["month_name_guard_allow"], "month_name_guard_allow")
        ),
        not_past=frozenset(check.words(tense.get("not_past", []), "tense.not_past", empty=True)),
        quarter_latest=frozenset(latest),
        quarter_current=frozenset(current),
        references=references,
        spelled=spelled,
        dates=compile_dates(words),
        cues=compile_cues(**cues),
        clause_breaks=compile_breaks(
            check.words(tense.get("clause_breaks"), "tense.clause_breaks")
        ),
        **parts,
        **tables,
    )


_PART_RANGES = {
    "quarter_ordinals": (1, 4),
    "half_ordinals": (1, 2),
    "seasons": (1, 12),
    "decades": (0, 9),
    "centuries": (1, 21),
}


def _year_parts(check: _Checker, value: Any) -> dict[str, dict[str, int]]:
    parts = check.mapping(value, "year_parts")
    return {
        key: check.numbers(parts.get(key), f"year_parts.{key}", low, high)
        for key, (low, high) in _PART_RANGES.items()
    }


def _spelled_years(check: _Checker, value: Any) -> dict[str, dict[str, int]]:
    table = check.mapping(value, "spelled_years")
    return {
        key: check.numbers(table.get(key), f"spelled_years.{key}", 1, 99)
        for key in ("centuries", "tens", "units", "digits", "teens")
    }


def _references(check: _Checker, value: Any) -> dict[str, str]:
    """Phrase -> "present" | "past" | "future"."""
    table = check.mapping(value, "general_references")
    return {
        phrase: kind
        for kind in REFERENCES
        for phrase in check.words(table.get(kind), f"general_references.{kind}")
    }


def _months(check: _Checker, value: Any) -> tuple[dict[str, int], list[str], set[str]]:
    """Month number by name and abbreviation; the abbreviations; the words needing a capital."""
    if not isinstance(value, list) or len(value) != 12:
        raise check.fail("months", "must list the twelve months")
    months: dict[str, int] = {}
    abbreviations: list[str] = []
    capital: set[str] = set()
    for i, entry in enumerate(value):
        entry = check.mapping(entry, f"months[{i}]")
        if not isinstance(entry.get("name"), str):
            raise check.fail(f"months[{i}].name", "must be a month name")
        name = norm(entry["name"])
        number = check.integer(entry.get("number"), f"months[{i}].number", 1, 12)
        key = f"months[{i}].abbreviations"
        abbrs = check.words(entry.get("abbreviations", []), key, empty=True)
        months[name] = number
        months.update(dict.fromkeys(abbrs, number))
        abbreviations += abbrs
        if entry.get("needs_capital", False) is True:
            capital.update([name, *abbrs])
    if sorted(set(months.values())) != list(range(1, 13)):
        raise check.fail("months", "must give each number from 1 to 12")
    return months, abbreviations, capital


def _weekdays(check: _Checker, value: Any) -> dict[str, int]:
    weekdays: dict[str, int] = {}
    for i, entry in enumerate(value if isinstance(value, list) else []):
        entry = check.mapping(entry, f"weekdays[{i}]")
        if not isinstance(entry.get("name"), str):
            raise check.fail(f"weekdays[{i}].name", "must be a weekday name")
        number = check.integer(entry.get("number"), f"weekdays[{i}].number", 0, 6)
        weekdays[norm(entry["name"])] = number
    if sorted(weekdays.values()) != list(range(7)):
        raise check.fail("weekdays", "must list seven weekdays numbered 0 (Monday) to 6")
    return weekdays


def _units(check: _Checker, value: Any) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for name, spec in check.mapping(value, "units").items():
        spec = check.mapping(spec, f"units.{name}")
        days = check.integer(spec.get("days"), f"units.{name}.days", 0, 366)
        precision = spec.get("precision")
        if precision not in PRECISIONS:
            raise check.fail(f"units.{name}.precision", f"must be one of {', '.join(PRECISIONS)}")
        if precision in ("day", "week") and days == 0:
            raise check.fail(f"units.{name}.days", f"must be at least 1 for precision {precision}")
        units[norm(name)] = Unit(days=days, precision=precision)
    for name in ("day", "week", "month", "year"):
        if name not in units:
            raise check.fail(f"units.{name}", "is missing")
    return units
