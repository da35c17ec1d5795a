"""Interceptions: a defender shooting down incoming munitions is defence, not an assault.

    sentence + ASSAULT trigger --is_interception--> True: no event (data/coding/interceptions.yaml)

"Ukraine's air force said air defences had shot down most of the drones": the act is the
launcher's attack, told on its own; the interception codes nothing.
"""

from __future__ import annotations

import functools
import re

from dragoman.coding._datafile import compile_pattern, data_path, load_mapping, read_macros
from dragoman.errors import DataFileError

__all__ = ["is_interception"]


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """The interception patterns of data/coding/interceptions.yaml, macros expanded."""
    path = data_path("interceptions.yaml")
    data = load_mapping(path)
    macros = read_macros(path, data)
    patterns = data.get("patterns")
    if not isinstance(patterns, list) or not patterns:
        raise DataFileError(f"{path}: `patterns` must be a list of quoted regexes")
    return tuple(
        compile_pattern(p, macros, f"{path}: patterns[{i}]") for i, p in enumerate(patterns)
    )


def is_interception(sentence: str, trigger: tuple[int, int], event_type: str) -> bool:
    """Whether the ASSAULT trigger at ``trigger`` is part of an interception of munitions: a
    pattern's match that covers the trigger."""
    if event_type != "ASSAULT":
        return False
    start, end = trigger
    return any(
        m.start() <= start and end <= m.end() for p in _patterns() for m in p.finditer(sentence)
    )
