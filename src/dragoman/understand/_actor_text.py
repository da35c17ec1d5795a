"""Word tokens with character offsets, and the sentence an offset falls in: shared by the
gazetteer, actors and people modules.

A token is a word ("Iran", "al-Sudani", "d'Ivoire", "G7"), a dotted abbreviation ("U.S.", "U.S",
"D.C."), a possessive ending ("'s", "’s") or one punctuation character. Each carries a
normalised form for lookups: case-folded, without diacritics, dots or curly apostrophes
("U.S." -> "us", "Türkiye" -> "turkiye", "Iran’s" -> "iran" + "'s").
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from dragoman.model import Sentence

_TOKEN = re.compile(
    r"[A-Z](?:\.[A-Z])+\.?"  # U.S.  U.S  U.N.  D.C.
    r"|[^\W_]\w*(?:(?:-|['’](?!s\b))[^\W_]\w*)*"  # words with inner hyphens and apostrophes
    r"|['’]s\b"  # possessive
    r"|\S"  # any other character
)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    norm: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


@functools.lru_cache(maxsize=100_000)
def normalise(word: str) -> str:
    """The lookup form of one token."""
    w = word.replace("’", "'")
    if "." in w and len(w) > 1:
        w = w.replace(".", "")
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    return w.casefold()


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(), normalise(m.group())) for m in _TOKEN.finditer(text)
    ]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The lookup key of a lexicon phrase: the norms of its tokens."""
    return tuple(normalise(m.group()) for m in _TOKEN.finditer(phrase))


def phrase_tokens(phrase: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(phrase)]


def is_acronym(word: str) -> bool:
    """Short all-capital forms ("US", "U.S.", "UN", "EU", "UAE") that must match case-sensitively."""
    letters = word.replace(".", "")
    return 1 < len(letters) <= 3 and letters.isalpha() and letters.isupper()


def all_caps(word: str) -> bool:
    letters = word.replace(".", "")
    return letters.isalpha() and letters.isupper()


class SentenceIndex:
    """Which sentence a character offset falls in: a binary search over the sentences' starts."""

    __slots__ = ("indexes", "starts")

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.starts = [s.start for s in sentences]
        self.indexes = [s.index for s in sentences]

    def index_at(self, offset: int) -> int:
        """The index of the sentence that holds ``offset``; the first one's for an offset before
        it, and 0 when there are no sentences."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.indexes[k] if k >= 0 else (self.indexes[0] if self.indexes else 0)

    def start_at(self, offset: int) -> int:
        """Where the sentence that holds ``offset`` starts; 0 for an offset before the first."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.starts[k] if k >= 0 else 0
