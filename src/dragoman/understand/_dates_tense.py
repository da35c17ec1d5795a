"""The tense around a date expression, read from the cue words of ``dates.yaml``.

A date adverbial belongs to the verb of its own clause, usually the one before it: "held the first
round in Washington on Tuesday and agreed to reconvene" is past, "Iran said talks on Friday will
focus on sanctions" is future. So each cue in the sentence costs its distance in words to the
expression, a cue after the expression costs twice that plus one (a tie goes to the cue before),
and every clause break between the two (a comma, "and", "that", a line break) costs as much as
``CLAUSE_BREAK`` words. The cheapest cue gives the tense:

* ``future`` / ``past``;
* ``present`` ("is payable"): None, the direction stays open; a present perfect ("has
  fluctuated") is past, and a cancelling one ("has called off") a cancel cue;
* ``cancel`` ("called off", "postponed"): future for a possessive weekday ("called off Tuesday's
  round": the round had not happened), past otherwise ("postponed on Tuesday").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from dragoman.understand._dates_vocab import Vocabulary, norm

TenseAt = Callable[[int, int], "str | None"]

CLAUSE_BREAK = 20  # words
AFTER_WEIGHT = 2
_WORD = re.compile(r"\w+")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z][\w'’-]*)\s*$")
_POSSESSIVE = re.compile(r"['’]s\b")
_DETERMINERS = frozenset(
    ["a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those"]
)


def tense_reader(sentence: str, vocab: Vocabulary) -> TenseAt:
    """A function giving the tense at the span ``start:end`` of ``sentence``.

    The cues are read on the first call, so sentences without a date cost nothing.
    """
    reading: _Reading | None = None

    def tense_at(start: int, end: int) -> str | None:
        nonlocal reading
        if reading is None:
            reading = _read(sentence, vocab)
        return reading.tense_at(start, end)

    return tense_at


@dataclass(frozen=True, slots=True)
class _Reading:
    sentence: str
    cues: list[tuple[int, int, str]]  # start, end, kind
    words: list[int]  # where each word starts
    breaks: list[int]  # where each clause break starts

    def cost(self, a: int, b: int) -> int:
        """Words plus weighted clause breaks inside ``sentence[a:b]``."""
        words = bisect_left(self.words, b) - bisect_left(self.words, a)
        return words + CLAUSE_BREAK * (bisect_left(self.breaks, b) - bisect_left(self.breaks, a))

    def tense_at(self, start: int, end: int) -> str | None:
        best: tuple[int, str] | None = None
        for cue_start, cue_end, kind in self.cues:
            if cue_end <= start:
                score = self.cost(cue_end, start)
            elif cue_start >= end:
                score = AFTER_WEIGHT * self.cost(end, cue_start) + 1
            else:
                score = 0  # the cue is part of the expression: "last", "next week"
            if best is None or score < best[0]:
                best = (score, kind)
        if best is None or best[1] == "present":
            return None
        if best[1] == "cancel":
            return "future" if _POSSESSIVE.match(self.sentence, end) else "past"
        return best[1]


def _read(sentence: str, vocab: Vocabulary) -> _Reading:
    cues = []
    for m in vocab.cues.finditer(sentence):
        kind = m.lastgroup or ""
        if kind == "ed":
            word = m.group()
            if norm(word) in vocab.not_past or (word[0].isupper() and m.start() > 0):
                continue  # "United", and capitalised names such as "Mohammed" or "Reed"
            before = _WORD_BEFORE.search(sentence, max(0, m.start() - 20), m.start())
            if before and norm(before.group(1)) in _DETERMINERS:
                continue  # an adjective: "the proposed talks", "a renewed push"
            kind = "past"
        elif kind == "perfect":
            kind = "cancel" if m["perfect_cancel"] else "past"
        cues.append((m.start(), m.end(), kind))
    return _Reading(
        sentence=sentence,
        cues=cues,
        words=[m.start() for m in _WORD.finditer(sentence)],
        breaks=[
            m.start()
            for m in vocab.clause_breaks.finditer(sentence)
            if not _joins_names(sentence, m)
        ],
    )


_NAMES_AROUND = re.compile(r"[A-Z][\w.'’-]*\s+$"), re.compile(r"\s+(?:the\s+)?[A-Z]")


def _joins_names(sentence: str, m: re.Match[str]) -> bool:
    """ "and" between two names joins them, not two clauses: "between Australia and India"."""
    if m.group().lower() not in ("and", "or"):
        return False
    before, after = _NAMES_AROUND
    return bool(before.search(sentence, max(0, m.start() - 40), m.start())) and bool(
        after.match(sentence, m.end())
    )
