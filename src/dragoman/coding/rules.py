"""Trigger matching and clause windows inside one sentence.

    sentence text --find_matches--> [Match]   (overlaps resolved: priority, then length)
                  (the generated lexicon, cameo_verbs.tsv, only where triggers.yaml finds nothing)
    [Match] --without_content--> [Match]   (a requested or refused act is not an act)
    [Match] --windows--> [Window] (read by status.py)   --scopes--> where each looks for actors

Offsets are relative to the sentence. Who the actors are is roles.py's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dragoman.coding._prefix import word_starts
from dragoman.coding.lexicon import Lexicon, Trigger
from dragoman.coding.status import StatusRules, Window

__all__ = ["Match", "find_matches", "scopes", "windows", "without_content"]

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Match:
    trigger: Trigger
    start: int
    end: int
    text: str


def find_matches(
    lexicon: Lexicon, text: str, index: dict[str, list[int]] | None = None
) -> list[Match]:
    """Every trigger match in ``text``; overlaps go to the higher priority, then the longer.

    The generated lexicon (``lexicon.secondary``) is read only when no hand-written trigger
    matches: it never changes what the hand-written ones code, nor whose actors they get.
    """
    found: list[Match] = []
    # Try each trigger only at the word starts that begin the way its matches must (_prefix.py).
    candidates: dict[int, set[int]] = {}
    for key, positions in (index if index is not None else word_starts(text)).items():
        for i in lexicon.by_prefix.get(key, ()):
            candidates.setdefault(i, set()).update(positions)
    for i, positions in candidates.items():
        trig, after = lexicon.triggers[i], 0
        for pos in sorted(positions):
            if pos < after:
                continue
            m = trig.regex.match(text, pos)
            if m is not None and m.end() > m.start():
                found.append(Match(trig, m.start(), m.end(), m.group()))
                after = m.end()
    for i in lexicon.unindexed:
        trig = lexicon.triggers[i]
        found.extend(
            Match(trig, m.start(), m.end(), m.group())
            for m in trig.regex.finditer(text)
            if m.end() > m.start()
        )
    kept = _resolve(found, text)
    if not kept:  # the generated lexicon codes only what the hand-written triggers leave uncoded
        vetoed = _vetoed(found, text)
        kept = _resolve(
            [m for m in _secondary_matches(lexicon, text) if not _overlaps(m, vetoed)], text
        )
    return kept


def _vetoed(found: list[Match], text: str) -> list[Match]:
    """Hand-written matches their ``unless`` guard removes: "mobilized voters" is no MOBILIZE, so
    the generated lexicon must not code the same words again ("mobilized": CAMEO 150)."""
    return [m for m in found if m.trigger.unless is not None and m.trigger.unless.search(text)]


def _overlaps(m: Match, others: list[Match]) -> bool:
    return any(m.start < o.end and o.start < m.end for o in others)


def _secondary_matches(lexicon: Lexicon, text: str) -> list[Match]:
    """Matches of the generated lexicon: only rows whose needed words are all in the text are
    tried, and only at the words a match can start with."""
    secondary = lexicon.secondary
    found: list[Match] = []
    if not secondary.rows:
        return found
    positions: dict[str, list[int]] = {}  # lower-case word -> where it starts
    for w in _WORD.finditer(text):
        positions.setdefault(w.group().lower(), []).append(w.start())
    for i in secondary.candidates(positions.keys()):
        trig, after = secondary.trigger(i), 0
        starts = sorted(p for word in secondary.rows[i].starts for p in positions.get(word, ()))
        for pos in starts:
            if pos < after:
                continue
            m = trig.regex.match(text, pos)
            if m is not None and m.end() > m.start():
                found.append(Match(trig, m.start(), m.end(), m.group()))
                after = m.end()
    return found


def _resolve(found: list[Match], text: str) -> list[Match]:
    """Overlaps go to the higher priority, then the longer; ``unless`` and ``subordinate`` apply."""
    if not found:
        return found
    guarded: dict[str, bool] = {}
    kept: list[Match] = []
    found.sort(key=lambda m: (-m.trigger.priority, m.start - m.end, m.start, m.trigger.line))
    for m in found:
        trig = m.trigger
        if trig.unless is not None:
            if trig.id not in guarded:
                guarded[trig.id] = bool(trig.unless.search(text))
            if guarded[trig.id]:
                continue
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    # a noun ("in an attack on a village") may yet code nothing without a status cue, so only a
    # verb trigger makes a subordinate one redundant ("killed 46 civilians in an attack on ...")
    main_types = {
        m.trigger.event_type for m in kept if not m.trigger.subordinate and m.trigger.kind != "noun"
    }
    kept = [m for m in kept if not (m.trigger.subordinate and m.trigger.event_type in main_types)]
    kept.sort(key=lambda m: m.start)
    return kept


def windows(
    rules: StatusRules, text: str, matches: list[Match], *, attributed: bool = False
) -> list[Window]:
    """The clause window of each match: bounded by clause boundaries and the other matches."""
    bounds = [(b.start(), b.end()) for b in rules.boundaries.finditer(text)]
    out = []
    for i, m in enumerate(matches):
        lo = matches[i - 1].end if i else 0
        hi = matches[i + 1].start if i + 1 < len(matches) else len(text)
        lo = max([lo, *(e for s, e in bounds if e <= m.start)])
        hi = min([hi, *(s for s, e in bounds if s >= m.end)])
        out.append(
            Window(
                before=text[lo : m.start],
                trigger=m.text,
                after=text[m.end : max(hi, m.end)],
                rest=text[m.end :],
                sentence_before=text[: m.start],
                before_start=lo,
                attributed=attributed,
            )
        )
    return out


def scopes(text: str, matches: list[Match]) -> list[tuple[int, int]]:
    """Where each match looks for its actors: from the previous match to the next one."""
    out = []
    for i, m in enumerate(matches):
        lo = matches[i - 1].end if i else 0
        hi = matches[i + 1].start if i + 1 < len(matches) else len(text)
        semi = text.rfind(";", lo, m.start)
        lo = semi + 1 if semi >= 0 else lo
        semi = text.find(";", m.end, hi)
        out.append((lo, semi if semi >= 0 else hi))
    return out


def without_content(rules: StatusRules, text: str, matches: list[Match]) -> list[Match]:
    """Drop the triggers that are another act's content (status.yaml ``content``).

    "The council demanded that Washington lift sanctions": one REQUEST, the lifting is what was
    demanded; "refused to lift", "threatened to strike", "urged both sides to meet" likewise.
    """
    if not rules.content:
        return matches
    out = []
    for m in matches:
        if not any(_governs(rules, text, g, m) for g in matches if g.end <= m.start):
            out.append(m)
    return out


def _governs(rules: StatusRules, text: str, g: Match, m: Match) -> bool:
    kept = rules.content.get(g.trigger.event_type)
    if kept is None or m.trigger.event_type in kept:
        return False
    gap = text[g.end : m.start]
    if rules.boundaries.search(gap):
        return False
    own = rules.complementizer_end.search(g.text)  # "called for", "agreed to"
    if own is not None:
        gap = own.group() + gap
    return rules.content_gap.match(gap) is not None
