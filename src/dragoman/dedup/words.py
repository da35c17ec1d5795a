"""Words of an article as the dedup stage sees them: tokens, shingles, names, and word weights.

    tokens("Talks resumed in Geneva on 17 February.")  -> ["talks", "resumed", "in", "geneva", ...]
    shingles(tokens, 3)                                -> {"talks resumed in", "resumed in geneva", ...}
    names("Officials met in Geneva on Monday.")        -> Counter({"geneva": 1})

Word weights come from a fixed table of English word frequencies (``data/dedup/word_zipf.tsv``),
not from the documents seen so far: a weight that moved with every new article would make the
clusters depend on the order articles arrive in.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from dragoman.datafile import package_data_path
from dragoman.errors import DataFileError

__all__ = ["WordWeights", "load_zipf", "names", "shingles", "tokens"]

# Letters (any script) with inner apostrophes or hyphens, or a number with its separators.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# A capitalised word; whether it starts a sentence is decided from what precedes it.
_CAPITALISED = re.compile(r"[A-Z][^\W\d_]*(?:['’\-][^\W\d_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE_END = frozenset(".!?:;\"“”'‘’([—–-|")
NUMBER_PREFIX = "#"  # names() keys numbers as "#26" so "26" never meets a word


def tokens(text: str) -> list[str]:
    """Lower-cased words and numbers of ``text``, punctuation dropped."""
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def shingles(words: list[str], size: int) -> set[str]:
    """The set of ``size``-word sequences; a text shorter than ``size`` words is one shingle."""
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _starts_sentence(text: str, start: int) -> bool:
    """True when only white space and sentence punctuation (or nothing) precede ``start``."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END


def names(text: str, zipf: Mapping[str, float], *, max_zipf: float) -> Counter[str]:
    """Capitalised words inside sentences, and numbers, as lower-case keys with counts.

    A capitalised word that starts a sentence is left out ("The", "Officials"), and so is one
    common enough in English (zipf ≥ ``max_zipf``) to be a capitalised ordinary word. These are
    the names, places, teams and figures that tell one event from a similar one: "Rahman" versus
    "Thompson", "23 pirates" versus "26 pirates".
    """
    found: Counter[str] = Counter()
    for m in _CAPITALISED.finditer(text):
        if _starts_sentence(text, m.start()):
            continue
        word = m.group().lower().replace("’", "'")
        if zipf.get(word, 0.0) < max_zipf:
            found[word] += 1
    for m in _NUMBER.finditer(text):
        found[NUMBER_PREFIX + m.group()] += 1
    return found


@lru_cache(maxsize=1)
def load_zipf() -> dict[str, float]:
    """``word -> zipf`` (log10 frequency per billion words) from ``data/dedup/word_zipf.tsv``."""
    path = package_data_path("dedup", "word_zipf.tsv")
    table: dict[str, float] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DataFileError(
            f"{path}: cannot read the word frequencies ({e.strerror}); reinstall dragoman"
        ) from e
    for lineno, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        word, _, value = line.partition("\t")
        try:
            table[word] = float(value)
        except ValueError as e:
            raise DataFileError(
                f"{path}:{lineno}: {line!r} is not 'word<TAB>zipf'; fix or delete the line"
            ) from e
    return table


@dataclass(frozen=True, slots=True)
class WordWeights:
    """How much a word says about an article: ``ceiling - zipf``, never below 0.

    With a ceiling of 7, "the" (zipf 7.7) weighs 0, "said" (6.0) 1, "Geneva" (4.0) 3.0, and a word
    missing from the table (rarer than zipf 3) ``ceiling - unknown_zipf``.
    """

    zipf: Mapping[str, float]
    ceiling: float
    unknown_zipf: float
    number_zipf: float

    def weight(self, word: str) -> float:
        if word.startswith(NUMBER_PREFIX):
            return max(0.0, self.ceiling - self.number_zipf)
        return max(0.0, self.ceiling - self.zipf.get(word, self.unknown_zipf))

    def vector(self, counts: Mapping[str, int]) -> dict[str, float]:
        """Sub-linear count times weight, for the words that weigh anything (not normalised)."""
        out: dict[str, float] = {}
        for word, n in counts.items():
            w = self.weight(word)
            if w > 0:
                out[word] = (1.0 + math.log(n)) * w
        return out
