"""The attribution patterns of ``data/understand/attribution.yaml``, validated and compiled once.

The file's ``words`` are named word lists; a pattern writes ``{name}`` for "any word of that list".
Each pattern has a ``kind`` (how ``attribution`` walks from the cue to the source), a ``cue``
regular expression and optional ``after``/``not_after``/``not_before`` context. Every error names
the file and the pattern.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from dragoman.datafile import load_yaml
from dragoman.errors import DataFileError

_KINDS = ("speaker_before", "source_after", "citing")
_KEYS = frozenset(
    ["ends_clause", "name", "kind", "cue", "after", "not_after", "not_before", "needs_source_word"]
)
_WORD_LISTS = ("between", "speaker_stops", "not_speaker_end", "source_words")


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    kind: str
    cue: re.Pattern[str]
    after: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    needs_source_word: bool
    ends_clause: bool


@dataclass(frozen=True, slots=True)
class Rules:
    patterns: tuple[Pattern, ...]
    between: frozenset[str]
    speaker_stops: frozenset[str]
    not_speaker_end: frozenset[str]
    source_words: frozenset[str]


@functools.cache
def load_rules() -> Rules:
    """The packaged patterns, compiled on first use."""
    path = resources.files("dragoman").joinpath("data", "understand", "attribution.yaml")
    return compile_rules(load_yaml(path, lines=False), str(path))


def compile_rules(raw: Any, path: str) -> Rules:
    """Validate and compile the attribution data; every error names the file and the entry."""
    if not isinstance(raw, dict) or not isinstance(raw.get("patterns"), list):
        raise DataFileError(f"{path}: expected a mapping with 'words' and a 'patterns' list")
    words = _words(raw, path)
    alternations = {name: "|".join(re.escape(w) for w in items) for name, items in words.items()}
    patterns = []
    seen: set[str] = set()
    for i, item in enumerate(raw["patterns"]):
        patterns.append(_pattern(item, f"{path}: patterns[{i}]", alternations, seen))
    return Rules(
        patterns=tuple(patterns),
        between=frozenset(words["between"]),
        speaker_stops=frozenset(w.lower() for w in words["speaker_stops"]),
        not_speaker_end=frozenset(w.lower() for w in words["not_speaker_end"]),
        source_words=frozenset(w.lower() for w in words["source_words"]),
    )


def _words(raw: Mapping[str, Any], path: str) -> dict[str, list[str]]:
    """The named word lists, each checked to be a list of strings; the four the walker needs."""
    words = raw.get("words") or {}
    if not isinstance(words, dict):
        raise DataFileError(f"{path}: 'words' must map list names to lists of words")
    for name, items in words.items():
        bad = [w for w in items if not isinstance(w, str)] if isinstance(items, list) else [items]
        if bad:
            raise DataFileError(
                f"{path}: words.{name} must be a list of strings, but holds {bad[0]!r}; quote "
                "it (YAML reads a bare on/off/yes/no as true/false)"
            )
    for needed in _WORD_LISTS:
        if needed not in words:
            raise DataFileError(f"{path}: words.{needed} is missing; add the list")
    return words


def _pattern(item: Any, where: str, alternations: Mapping[str, str], seen: set[str]) -> Pattern:
    """One entry of ``patterns``, checked and compiled; its name is added to ``seen``."""
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise DataFileError(f"{where}: needs a 'name'")
    where = f"{where} ({item['name']!r})"
    if item["name"] in seen:
        raise DataFileError(f"{where}: the name is used twice; rename one")
    seen.add(item["name"])
    if item.get("kind") not in _KINDS:
        raise DataFileError(
            f"{where}: 'kind' is {item.get('kind')!r}; use one of {', '.join(_KINDS)}"
        )
    unknown = set(item) - _KEYS
    if unknown:
        raise DataFileError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    if not isinstance(item.get("cue"), str):
        raise DataFileError(f"{where}: needs a 'cue' regular expression")
    compiled = {
        key: _regex(item.get(key), alternations, where, key)
        for key in ("cue", "after", "not_after", "not_before")
    }
    if compiled["not_before"] is not None:
        # anchored at the cue: the pattern must end right where the cue starts
        compiled["not_before"] = re.compile(f"(?:{compiled['not_before'].pattern})\\Z")
    return Pattern(
        name=item["name"],
        kind=item["kind"],
        needs_source_word=bool(item.get("needs_source_word", False)),
        ends_clause=bool(item.get("ends_clause", False)),
        **compiled,  # type: ignore[arg-type]
    )


def _regex(
    pattern: Any, alternations: Mapping[str, str], where: str, key: str
) -> re.Pattern[str] | None:
    if pattern is None:
        return None
    if not isinstance(pattern, str):
        raise DataFileError(f"{where}: '{key}' must be a string")
    try:
        expanded = re.sub(
            r"\{([A-Za-z_]\w*)\}", lambda m: "(?:" + alternations[m.group(1)] + ")", pattern
        )
    except KeyError as e:
        raise DataFileError(
            f"{where}: '{key}' uses {{{e.args[0]}}}, which is not under 'words'"
        ) from e
    try:
        return re.compile(expanded)
    except re.error as e:
        raise DataFileError(f"{where}: '{key}' is not a valid regular expression: {e}") from e
