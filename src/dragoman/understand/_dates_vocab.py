"""The date reader's vocabulary: ``data/understand/dates.yaml``, validated and compiled once.

The YAML holds the words (months, weekdays, relative words, tense cues); this module checks them,
then builds two regular expressions from them: one alternation of every date form, tried left to
right at each position, and one of the tense cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from dragoman.errors import DataFileError

PRECISIONS = ("day", "week", "month", "year")


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
    cues = {
        kind: check.words(tense.get(kind), f"tense.{kind}")
        for kind in ("future", "past", "present", "cancel")
    }
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
        dates=_compile_dates(
            full_months=[m for m in months if m not in abbreviations],
            abbreviations=abbreviations,
            weekdays=list(weekdays),
            units=list(units),
            modifiers=check.words(top["modifiers"], "modifiers"),
            hedges=check.words(top["hedges"], "hedges"),
            year_preps=year_preps,
            **tables,
        ),
        cues=_compile_cues(**cues),
        clause_breaks=_compile_breaks(
            check.words(tense.get("clause_breaks"), "tense.clause_breaks")
        ),
        **tables,
    )


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


def _char(ch: str) -> str:
    """One character of a phrase: a space matches any white space, an apostrophe either one."""
    return {" ": r"\s+", "'": "['’]"}.get(ch, re.escape(ch))


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words`` as a trie: "t(?:o(?:day|night)|uesday)".

    The regex engine tries the branches of an alternation one by one; sharing prefixes makes it
    branch on one character at a time. Longer words win ("this past" over "this").
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie) or "(?!)"


def _trie_pattern(node: dict) -> str:  # type: ignore[type-arg]
    branches = [_char(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # a word ends here: longer ones optional


def _word(words: Iterable[str]) -> str:
    return r"\b" + _alt(words) + r"\b"


def _compile_dates(
    *,
    full_months: list[str],
    abbreviations: list[str],
    weekdays: list[str],
    units: list[str],
    modifiers: list[str],
    hedges: list[str],
    year_preps: Mapping[str, list[str]],
    numbers: Mapping[str, int],
    relative_days: Mapping[str, int],
    steps: Mapping[str, int],
) -> re.Pattern[str]:
    """One alternation of named forms; ``match.lastgroup`` names the form that matched."""
    month = rf"\b(?:{_alt(full_months)}\b|{_alt(abbreviations)}(?:\.|\b))"
    full = _word(full_months)
    weekday = _word(weekdays)
    day = r"(?<![\w.,:/])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?![.:,/]\d)"
    year = r"\b(?:1[89]|2[01])\d\d\b(?![.,]\d)"
    dash = r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*"
    time = (
        r"(?:,?\s*(?:at\s+)?(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap]\.?m\b\.?)?"
        r"(?:\s*(?:gmt|utc|cet|est|edt|local\s+time)\b)?)?"
    )
    mod = _word(modifiers)
    number = rf"(?:{_word(numbers)}|\b\d{{1,3}}\b)"
    unit = rf"(?:{_alt(units)})s?\b"
    hedge = rf"(?:{_word(hedges)}\s+)?"
    part = r"(?:\s+(?:morning|afternoon|evening|night)\b)?"
    step = _word(steps)
    no_percent = r"(?!\s*(?:%|per\s*cent\b|percent\b))"

    def year_of(g: str) -> str:  # ", 2026" after a day and month
        return rf"(?:,?\s+(?P<{g}>{year}))?"

    def years(p: str) -> str:  # "2025", or a span of years "1998-99", "2014-2016"
        return rf"(?P<{p}_y>{year})(?:[-–/](?P<{p}_y2>\d\d(?:\d\d)?)\b)?"

    forms = {
        "iso": rf"(?P<iso_y>{year})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])"
        r"(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\w-])",
        "num": rf"(?<![\w.,:/])(?P<num_a>\d{{1,2}})(?P<num_s>[./])(?P<num_b>\d{{1,2}})(?P=num_s)"
        rf"(?P<num_y>{year})",
        "dmdm": rf"(?:\b(?:from|between)\s+)?(?:the\s+)?(?P<dmdm_d1>{day})\s+(?:of\s+)?"
        rf"(?P<dmdm_m1>{month}){dash}(?:the\s+)?(?P<dmdm_d2>{day})\s+(?:of\s+)?"
        rf"(?P<dmdm_m2>{month}){year_of('dmdm_y')}",
        "dmb": rf"\bbetween\s+(?:the\s+)?(?P<dmb_d1>{day})\s+and\s+(?:the\s+)?(?P<dmb_d2>{day})"
        rf"\s+(?:of\s+)?(?P<dmb_m>{month}){year_of('dmb_y')}",
        "dmr": rf"(?:\bfrom\s+)?(?:the\s+)?(?P<dmr_d1>{day}){dash}(?:the\s+)?(?P<dmr_d2>{day})"
        rf"\s+(?:of\s+)?(?P<dmr_m>{month}){year_of('dmr_y')}",
        "mdmd": rf"(?:\b(?:from|between)\s+)?(?P<mdmd_m1>{month})\s+(?P<mdmd_d1>{day}){dash}"
        rf"(?P<mdmd_m2>{month})\s+(?P<mdmd_d2>{day}){year_of('mdmd_y')}",
        "mdr": rf"(?:\bfrom\s+)?(?P<mdr_m>{month})\s+(?P<mdr_d1>{day}){dash}(?P<mdr_d2>{day})"
        rf"{year_of('mdr_y')}",
        "dm": rf"(?:(?P<dm_w>{weekday}),?\s+)?(?:the\s+)?(?P<dm_d>{day})\s+(?:of\s+)?"
        rf"(?P<dm_m>{month}){year_of('dm_y')}{time}",
        "md": rf"(?:(?P<md_w>{weekday}),?\s+)?(?P<md_m>{month})\s+(?:the\s+)?(?P<md_d>{day})"
        rf"{year_of('md_y')}{time}",
        "my": rf"(?:{mod}[\s-]+)?(?P<my_m>{month})(?:\s+of)?,?\s+(?P<my_y>{year})",
        "mrel": rf"(?:{mod}[\s-]+)?(?P<mrel_m>{full})\s+(?P<mrel_s>this|last|next)\s+year\b",
        "relm": rf"(?:{mod}[\s-]+)?(?P<relm_s>{step})\s+(?P<relm_m>{full})",
        "relp": rf"(?:{mod}[\s-]+)?(?P<relp_s>{step})\s+(?P<relp_u>week|weekend|month|year)\b",
        "wkend": r"\bthe\s+weekend\b",
        "ago": rf"{hedge}(?P<ago_n>{number})\s+(?P<ago_u>{unit})\s+ago\b",
        "inn": rf"\bin\s+{hedge}(?P<inn_n>{number})\s+(?P<inn_u>{unit})(?:['’]?\s*time\b)?",
        "relday": rf"(?:(?P<relday_mod>{mod})\s+)?(?P<relday_w>{_word(relative_days)}){part}",
        "wd": rf"(?:(?P<wd_mod>{mod})\s+(?:on\s+)?)?(?:(?P<wd_s>{step})\s+)?(?P<wd_d>{weekday})"
        rf"{part}",
        "mon": rf"(?:{mod}[\s-]+)?(?P<mon_m>{full})",
        # A lone year: after a strong preposition, a modifier, a weak preposition when no
        # lower-case word follows, or a determiner. The mention starts at `_core`.
        "year": rf"\b{_alt(year_preps['strong'])}\s+(?:the\s+(?:year\s+)?)?"
        rf"(?P<year_core>(?:{mod}[\s-]+)?{years('year')}){no_percent}",
        "yearm": rf"(?P<yearm_core>{mod}[\s-]+{years('yearm')}){no_percent}",
        "yearw": rf"\b{_alt(year_preps['weak'])}\s+(?P<yearw_core>{years('yearw')})"
        rf"(?!\s+(?-i:[a-z])){no_percent}",
        "yeard": rf"\b{_alt(year_preps['determiners'])}\s+(?P<yeard_core>{years('yeard')})"
        rf"{no_percent}",
    }
    # Every form starts at a word boundary with a digit, a word that is a date on its own
    # ("March", "Friday", "today"), or a lead word ("in", "the", "last", "early") followed by a
    # digit or a vocabulary word. Checking that first spares the engine trying every form at
    # each position: ten times faster.
    alone = [*full_months, *abbreviations, *weekdays, *(w for w in relative_days if " " not in w)]
    phrases = [*modifiers, *hedges, *numbers, *relative_days, *steps, *units,
               *(w for group in year_preps.values() for w in group)]  # fmt: skip
    leads = {w.split()[0] for w in phrases} | {"between", "from", "the", "in"}
    seconds = {t for w in [*alone, *phrases] for t in w.split()}
    seconds |= {"on", "of", "the", "weekend", *(u + "s" for u in units)}
    gate = rf"\b(?=\d|{_alt(alone)}(?![a-z])|{_alt(leads)}[\s-]+(?:\d|{_alt(seconds)}(?![a-z])))"
    alternation = "|".join(f"(?P<{name}>{body})" for name, body in forms.items())
    return re.compile(f"{gate}(?:{alternation})", re.IGNORECASE)


def _compile_breaks(words: list[str]) -> re.Pattern[str]:
    """Where a clause may start: punctuation, a line break, or a conjunction of dates.yaml."""
    return re.compile(rf"[,;:()\[\]\"“”—–\n]|{_word(words)}", re.IGNORECASE)


def _compile_cues(
    *, future: list[str], past: list[str], present: list[str], cancel: list[str]
) -> re.Pattern[str]:
    """Tense cues. A future cue takes the verb after it, so "will be held" is not a past "held"."""
    adverbs = r"(?:\s+(?:not|be|been|have|also|then|now|soon|likely|probably|again|only|formally))*"
    return re.compile(
        rf"(?:\b|(?=['’]))(?:(?P<future>{_alt(future)}\b{adverbs}(?:\s+[a-z]+\b)?)"
        rf"|(?P<past>{_alt(past)}\b)"
        rf"|(?P<cancel>{_alt(cancel)}\b)"
        rf"|(?P<present>{_alt(present)}\b{adverbs}(?:\s+[a-z]+ed\b)?)"
        r"|(?P<ed>\b[a-z][a-z-]{2,}ed\b))",
        re.IGNORECASE,
    )
