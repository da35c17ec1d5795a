"""Reading the coder's YAML data files: line numbers kept, macros expanded, patterns compiled.

Every error is a ``DataFileError`` that names ``file:line`` and says what to change, so that the
people who edit the patterns never need to read this code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dragoman.errors import DataFileError

LINE = "__line__"  # key added to every mapping: the 1-based line where it starts
_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records, in each mapping, the line where the mapping starts."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def data_path(name: str) -> Path:
    """The path of a file shipped in ``dragoman/data/coding``."""
    return Path(str(resources.files("dragoman").joinpath("data", "coding", name)))


def load_yaml(path: Path) -> dict[str, Any]:
    """Load a YAML mapping with line numbers; malformed YAML raises DataFileError."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataFileError(
            f"{path}: cannot read the file ({e.strerror}); reinstall dragoman"
        ) from e
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise DataFileError(f"{where}: not valid YAML ({getattr(e, 'problem', e)})") from e
    if not isinstance(data, dict):
        raise DataFileError(f"{path}:1: expected a mapping at the top level")
    return data


def where(path: Path, item: Mapping[str, Any] | None, default: int = 1) -> str:
    """``file:line`` for an item loaded by :func:`load_yaml`."""
    line = item.get(LINE, default) if isinstance(item, Mapping) else default
    return f"{path}:{line}"


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
