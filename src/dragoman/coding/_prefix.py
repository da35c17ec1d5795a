"""A cheap pre-check for trigger regexes: the few letters a match can start with.

Scanning a sentence with each of some 150 trigger regexes dominates coding time, and most of them
cannot match: "imposed sanctions" needs a word starting "imp", "sla", "ann", ... . ``prefixes``
reads a compiled pattern's syntax tree once and returns the lower-case prefixes (up to three
characters) that every match starts with, or None when it cannot tell (then the regex scans the
whole sentence). The coder then tries the regex only at the word starts that begin that way;
every match starts at one of them, so results are those of a full scan.

It reads the tree with ``re._parser``, CPython's own parser; on any other Python, or any surprise,
it returns None and the coder runs every regex as before.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["may_match", "prefixes", "word_starts"]

_K = 3
_MAX_CLASS = 40  # a character class with more members than this is not enumerated
_WORD_START = re.compile(r"(?<!\w)\w")

try:  # CPython 3.11+: re._parser; older: sre_parse
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons
    _p = _c = None

_Prefix = tuple[str, bool]  # (text so far, frozen: nothing known after it)


def prefixes(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The lower-case prefixes (1-3 characters) every match of ``regex`` starts with, or None."""
    if _p is None:
        return None
    try:
        tree = _p.parse(regex.pattern, regex.flags & ~re.UNICODE)
        found = _seq(list(tree), {("", False)})
    except Exception:  # noqa: BLE001 - an optimisation: any surprise means "cannot tell"
        return None
    if found is None or any(not text for text, _ in found):
        return None
    return frozenset(text for text, _ in found)


def word_starts(text: str) -> dict[str, list[int]]:
    """Where each 1-3 character lower-case prefix starts a word in ``text``."""
    low = text.lower()
    out: dict[str, list[int]] = {}
    for m in _WORD_START.finditer(low):
        i = m.start()
        for key in {low[i : i + 1], low[i : i + 2], low[i : i + 3]}:
            out.setdefault(key, []).append(i)
    return out


def may_match(index: dict[str, list[int]], wanted: frozenset[str] | None) -> bool:
    """Whether a regex with these prefixes can match a text with this ``word_starts`` index."""
    return wanted is None or any(key in index for key in wanted)


def _seq(items: list[Any], start: set[_Prefix]) -> set[_Prefix] | None:
    current = set(start)
    for item in items:
        active = {p for p in current if not p[1] and len(p[0]) < _K}
        if not active:
            break
        options = _node(item)
        settled = current - active
        if options is None:
            current = settled | {(text, True) for text, _ in active}
            continue
        grown: set[_Prefix] = set()
        for text, _ in active:
            for add, frozen in options:
                joined = (text + add)[:_K]
                grown.add((joined, frozen or len(joined) >= _K))
        current = settled | grown
        if len(current) > 2000:
            return None
    return current


def _node(item: tuple[Any, Any]) -> set[_Prefix] | None:
    op, av = item
    if op is _c.LITERAL:
        return {(chr(av).lower(), False)}
    if op is _c.IN:
        chars = _class(av)
        return {(c, False) for c in chars} if chars is not None else None
    if op is _c.BRANCH:
        out: set[_Prefix] = set()
        for sub in av[1]:
            found = _seq(list(sub), {("", False)})
            if found is None:
                return None
            out |= found
        return out
    if op is _c.SUBPATTERN:
        return _seq(list(av[-1]), {("", False)})
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, sub = av
        once = _seq(list(sub), {("", False)})
        if once is None:
            return None if low > 0 else {("", True)}
        if high != 1:  # what a second repetition adds is not followed
            once = {(text, True) for text, _ in once}
        return once | {("", False)} if low == 0 else once
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {("", False)}
    return None


def _class(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av).lower())
        elif op is _c.RANGE:
            lo, hi = av
            if hi - lo > _MAX_CLASS:
                return None
            chars.update(chr(c).lower() for c in range(lo, hi + 1))
        else:  # categories (\w, \s), negation
            return None
    return chars if len(chars) <= _MAX_CLASS else None
