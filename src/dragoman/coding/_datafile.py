"""The coder's YAML data files: a top-level mapping, macros expanded, patterns compiled.

Reading and line numbers come from :mod:`dragoman.datafile`. Every error is a ``DataFileError``
that names ``file:line`` and says what to change, so that the people who edit the patterns never
need to read this code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dragoman.datafile import LINE, load_yaml, package_data_path, where
from dragoman.errors import DataFileError

__all__ = ["compile_any", "compile_pattern", "data_path", "expand", "load_mapping", "read_macros"]

_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def data_path(name: str) -> Path:
    """The path of a file shipped in ``dragoman/data/coding``."""
    return package_data_path("coding", name)


def load_mapping(path: Path) -> dict[str, Any]:
    """A coder data file: a YAML mapping, each mapping in it carrying its line under ``LINE``."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(f"{path}:1: expected a mapping at the top level")
    return data


def read_macros(path: Path, data: Mapping[str, Any]) -> dict[str, str]:
    """The file's ``macros`` mapping, NAME -> regex, each expanded against the earlier ones."""
    raw = data.get("macros") or {}
    if not isinstance(raw, Mapping):
        raise DataFileError(f"{where(path, data)}: `macros` must map NAME to a regex")
    macros: dict[str, str] = {}
    for name, value in raw.items():
        if name == LINE:
            continue
        if not isinstance(value, str) or not re.fullmatch(r"[A-Z][A-Z0-9_]*", str(name)):
            raise DataFileError(
                f"{where(path, raw)}: macro {name!r} must be an UPPER_CASE name with a regex string"
            )
        macros[name] = expand(value, macros, f"{where(path, raw)}: macro {name}")
    return macros


def expand(pattern: str, macros: Mapping[str, str], context: str) -> str:
    """Replace ``{NAME}`` by the macro's regex; an unknown name is an error naming the known ones."""

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in macros:
            known = ", ".join(sorted(macros)) or "none"
            raise DataFileError(f"{context}: unknown macro {{{name}}}; known macros: {known}")
        return macros[name]

    return _MACRO.sub(sub, pattern)


def compile_pattern(
    pattern: Any, macros: Mapping[str, str], context: str, *, words: bool = True
) -> re.Pattern[str]:
    """Expand and compile one pattern, case-insensitively.

    With ``words`` the pattern must start and end on word boundaries (no letter or digit may touch
    it), which is how every trigger and cue is matched.
    """
    if not isinstance(pattern, str) or not pattern.strip():
        raise DataFileError(f"{context}: the pattern must be a non-empty string")
    body = expand(pattern, macros, context)
    if words:
        body = rf"(?<!\w)(?:{body})(?!\w)"
    try:
        return re.compile(body, re.IGNORECASE)
    except re.error as e:
        raise DataFileError(f"{context}: pattern {pattern!r} is not a valid regex ({e})") from e


def compile_any(
    patterns: Any, macros: Mapping[str, str], context: str, *, words: bool = True, tail: str = ""
) -> re.Pattern[str] | None:
    """One regex for a list of alternatives (None for an empty list); ``tail`` is appended."""
    if patterns is None:
        return None
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise DataFileError(f"{context}: expected a list of regex strings")
    if not patterns:
        return None
    for p in patterns:  # compile one by one first, so that the error names the bad one
        compile_pattern(p, macros, context, words=words)
    body = "|".join(f"(?:{expand(p, macros, context)})" for p in patterns)
    if words:
        body = rf"(?<!\w)(?:{body})(?!\w)"
    return re.compile(body + tail, re.IGNORECASE)
