"""The place index's keys and records: how a name is keyed, and what an indexed name means.

Shared by the index build (``_place_index``), the data files (``_place_files``) and the matcher
(``places``), which must all key a name the same way.

Names are compared loosely: case, accents, apostrophes and hyphens are ignored ("Dara’a" =
"Daraa", "Deir ez-Zor" = "Deir ez Zor"), and an Arabic article may be dropped ("Al-Raqqa" =
"Raqqa"); forms with an acronym ("US", "U.S.", "UAE") are kept apart and match only as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

# The Arabic article written lower-case and hyphenated: "al-Bab", "ez-Zor".
ARTICLE = re.compile(r"(?:al|el|ad|ar|as|at|az|an|ash|ed|es|er|ez)-[A-Z]")
ARTICLES = frozenset(
    ["al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ed", "es", "er", "ez"]
)
# Loose keys: apostrophes and ayn/hamza signs dropped, hyphens as spaces, accents folded, letters
# that NFKD does not decompose spelled out. "Dara’a" = "Daraa", "Deir ez-Zor" = "Deir ez Zor".
_ASCII_LOOSE = str.maketrans({"'": None, "`": None, "-": " "})
_NOT_DECOMPOSED = (("ı", "i"), ("ł", "l"), ("ø", "o"), ("đ", "d"), ("ß", "ss"), ("æ", "ae"),
                   ("œ", "oe"), ("þ", "th"), ("ð", "d"), ("ħ", "h"))  # fmt: skip


def _fold(k: str) -> str:
    """Accents off, apostrophes and ayn signs out, hyphens to spaces: "Ḩamāh" -> "hamah"."""
    for a, b in _NOT_DECOMPOSED:
        if a in k:
            k = k.replace(a, b)
    k = unicodedata.normalize("NFKD", k).encode("ascii", "ignore").decode("ascii")
    return k.translate(_ASCII_LOOSE)


def _loosen(k: str) -> str:
    """Lower-cased text with loose punctuation and folded accents; spacing is left as it is."""
    if k.isascii():
        # Most names are plain ASCII: skip the translation when there is nothing to translate.
        if "-" in k or "'" in k or "`" in k:
            k = k.translate(_ASCII_LOOSE)
        return k
    return _fold(k)


def name_key(name: str) -> str:
    """The index key of a name: lower case, loose punctuation, accents folded, single spaces."""
    k = _loosen(name.lower())
    return " ".join(k.split()) if "  " in k or k[:1] == " " or k[-1:] == " " else k


def name_keys(names: list[str]) -> list[str]:
    """``name_key`` of many names at once: the string work runs once over them joined by newlines."""
    k = _loosen("\n".join(names).lower())
    keys = k.split("\n")
    if "  " in k or " \n" in k or "\n " in k or k[:1] == " " or k[-1:] == " ":
        keys = [" ".join(x.split()) for x in keys]
    return keys


def exact_key(name: str) -> str:
    return " ".join(name.replace("’", "'").split())


class Entry(NamedTuple):
    """What one indexed name means; ``alternatives`` are readings chosen from context.

    A named tuple rather than a frozen dataclass: the build makes ~35,000 of them and a frozen
    dataclass is several times slower to construct.
    """

    name: str
    country: str | None
    kind: str
    lat: float | None = None
    lon: float | None = None
    source: str = "gazetteer"  # gazetteer | subdivision | country | override | not_place
    population: int = 0
    capital: bool = False
    person: bool = False
    weak: bool = False  # an English word too ("Hit", "Nice"): a place only after a preposition
    alternatives: tuple[Alternative, ...] = ()

    def in_context(self, s: str, start: int, end: int) -> Entry:
        """The first alternative whose context matches the sentence, else this entry."""
        for alt in self.alternatives:
            if alt.before is not None and not alt.before.search(s, 0, start):
                continue
            if alt.after is not None and not alt.after.search(s[end:]):
                continue
            if alt.sentence is not None and not alt.sentence.search(s):
                continue
            return alt.entry
        return self


@dataclass(frozen=True, slots=True)
class Alternative:
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    sentence: re.Pattern[str] | None
    entry: Entry


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: dict[str, Entry]  # name_key(name) -> entry
    exact: dict[str, Entry]  # case-sensitive forms with an acronym: "US", "U.S.", "the UK"
    first_words: frozenset[str]  # first words of every key: most tokens are rejected by this
    max_tokens: int
    titles: frozenset[str]
    place_words: frozenset[str]
    preposition: re.Pattern[str]
    lower_ends: frozenset[str] = frozenset()  # lower-case last words of names ("the Emirati capital")

    def may_start(self, token: str) -> bool:
        if not (token[0].isupper() or token == "the" or ARTICLE.match(token)):
            return False
        return name_key(token).split(" ", 1)[0] in self.first_words

    def lookup(self, span: str) -> Entry | None:
        entry = self.exact.get(exact_key(span))
        if entry is not None:
            return entry
        key = name_key(span)
        if len(span) <= 4 and span.isupper():
            # An acronym ("UN", "NATO", "SANA") is never a city's other name; a four-letter
            # dateline ("GAZA", "DOHA") may be a city's main name.
            entry = self.names.get(key) if len(span) == 4 else None
            if (
                entry is None
                or entry.source in ("override", "country")
                or name_key(entry.name) == key
            ):
                return entry
            return None
        entry = self.names.get(key)
        if entry is None:
            head, _, rest = key.partition(" ")
            if head in ARTICLES and rest:
                entry = self.names.get(rest)  # "Al-Raqqa" -> "raqqa"
        return entry
