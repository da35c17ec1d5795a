"""Load, validate and compile the furniture rules in ``data/clean/furniture.yaml``.

The patterns are data that editors tune against the extraction benchmark; this module turns them
into compiled regexes and refuses a malformed entry with the file, the entry's line and the fix.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from dragoman.datafile import LINE, load_yaml, package_data_path
from dragoman.errors import DataFileError

RuleKind = Literal["line", "block", "tail", "inline"]
KINDS: tuple[RuleKind, ...] = ("line", "block", "tail", "inline")
DEFAULT_MAX_CHARS = 200
_KEYS = frozenset({"name", "pattern", "max_chars", "case_sensitive", "replace"})


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled furniture pattern."""

    name: str
    kind: RuleKind
    regex: re.Pattern[str]
    max_chars: int
    replace: str | None = None
    where: str = ""  # "furniture.yaml:42", for messages

    def matches(self, line: str) -> re.Match[str] | None:
        """Whole-line match, skipped for lines longer than ``max_chars``."""
        if len(line) > self.max_chars:
            return None
        return self.regex.fullmatch(line)


@dataclass(frozen=True, slots=True)
class Rules:
    """All furniture rules, by section."""

    line: tuple[Rule, ...]
    block: tuple[Rule, ...]
    tail: tuple[Rule, ...]
    inline: tuple[Rule, ...]
    source: str
    _by_size: dict[str, tuple[list[int], list[tuple[Rule, ...]]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for kind in ("line", "block", "tail"):
            self._by_size[kind] = _size_index(getattr(self, kind))

    def first(self, kind: RuleKind, line: str) -> tuple[Rule, re.Match[str]] | None:
        """The first rule of ``kind`` (in file order) that matches the whole ``line``."""
        sizes, applicable = self._by_size[kind]
        slot = bisect_left(sizes, len(line))
        if slot == len(sizes):
            return None  # longer than every rule's max_chars: a body paragraph
        for rule in applicable[slot]:
            m = rule.regex.fullmatch(line)
            if m is not None:
                return rule, m
        return None


def _size_index(rules: tuple[Rule, ...]) -> tuple[list[int], list[tuple[Rule, ...]]]:
    """For each distinct max_chars, the rules (in file order) that accept a line that long.

    Every page line is tried against every rule, so skipping the rules a line is too long for,
    without a length check per rule, keeps the layer at a few milliseconds a page.
    """
    sizes = sorted({rule.max_chars for rule in rules})
    return sizes, [tuple(r for r in rules if r.max_chars >= size) for size in sizes]


def default_path() -> Path:
    """The furniture file shipped with the package."""
    return package_data_path("clean", "furniture.yaml")


@lru_cache(maxsize=8)
def load_rules(path: Path | None = None) -> Rules:
    """Read and compile the rules at ``path`` (the packaged file by default).

    Raises:
        DataFileError: the file is missing, is not YAML, or an entry is malformed.
    """
    path = path or default_path()
    doc = load_yaml(path, what="the furniture rules")
    if not isinstance(doc, dict):
        raise DataFileError(f"{path}: expected sections {', '.join(KINDS)} at the top level")
    unknown = set(doc) - set(KINDS) - {LINE}
    if unknown:
        raise DataFileError(
            f"{path}: unknown section(s) {', '.join(sorted(unknown))}; use {', '.join(KINDS)}"
        )
    compiled = {kind: _compile_section(path, kind, doc.get(kind) or []) for kind in KINDS}
    return Rules(**compiled, source=str(path))


def _compile_section(path: Path, kind: RuleKind, entries: object) -> tuple[Rule, ...]:
    if not isinstance(entries, list):
        raise DataFileError(f"{path}: section '{kind}' must be a list of entries")
    return tuple(_compile_entry(path, kind, i, entry) for i, entry in enumerate(entries, 1))


def _compile_entry(path: Path, kind: RuleKind, index: int, entry: object) -> Rule:
    if not isinstance(entry, dict):
        raise DataFileError(f"{path}: {kind} entry {index} must be a mapping with name and pattern")
    where = f"{path.name}:{entry.get(LINE, '?')}"
    name = entry.get("name")
    label = f"{path}:{entry.get(LINE, '?')}: {kind} entry {name or index!r}"
    unknown = set(entry) - _KEYS - {LINE}
    if unknown:
        raise DataFileError(f"{label}: unknown key(s) {', '.join(sorted(unknown))}")
    if not isinstance(name, str) or not name.strip():
        raise DataFileError(f"{label}: has no name; add `name: short label`")
    pattern = entry.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise DataFileError(f"{label}: has no pattern; add `pattern: 'regex'` or delete the entry")
    max_chars = entry.get("max_chars", DEFAULT_MAX_CHARS)
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars <= 0:
        raise DataFileError(f"{label}: max_chars must be a positive integer, not {max_chars!r}")
    case_sensitive = entry.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise DataFileError(f"{label}: case_sensitive must be true or false")
    replace = entry.get("replace")
    if (kind == "inline") != (replace is not None):
        fix = "add `replace:`" if kind == "inline" else "`replace` is only for inline rules"
        raise DataFileError(f"{label}: {fix}")
    if replace is not None and not isinstance(replace, str):
        raise DataFileError(f"{label}: replace must be a string")
    try:
        regex = re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    except re.error as e:
        raise DataFileError(f"{label}: bad regex ({e}); fix the pattern") from e
    if replace is not None:
        _check_groups(label, regex, replace)
    return Rule(name.strip(), kind, regex, max_chars, replace, where)


_GROUP_REF = re.compile(r"\\(\d+)|\\g<(\w+)>")


def _check_groups(label: str, regex: re.Pattern[str], replace: str) -> None:
    """Refuse a replacement that names a group the pattern lacks (re only notices on a match)."""
    for number, name in _GROUP_REF.findall(replace):
        ref = int(number) if number else (int(name) if name.isdigit() else name)
        known = ref <= regex.groups if isinstance(ref, int) else ref in regex.groupindex
        if not known:
            raise DataFileError(
                f"{label}: replace refers to group {ref!r}, which the pattern lacks"
            )
