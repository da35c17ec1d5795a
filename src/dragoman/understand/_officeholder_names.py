"""Keys under which an office holder's name is found, from strict to loose.

    rules.keys("Nuri al-Maliki")  -> NameKeys(exact="nuri al maliki", compact="nurialmaliki",
                                              skeleton="nralmlk", first="nuri", words=3)

* ``exact``: the words without case, diacritics, dots or hyphens, leading honorifics dropped
  ("Sheikh", "Dr"): "Antony Blinken" = "ANTONY BLINKEN", "Schröder" = "Schroder",
  "Kim Jong-un" = "Kim Jong Un". Shown, and counted (a name needs two words), not indexed.
* ``compact``, the key names are indexed by: the letters only, without middle initials, Arabic article particles as one "al"
  and the transliteration rewrites of ``officeholders.yaml`` applied: "Robert M. Gates" =
  "Robert Gates", "Badr Albusaidi" = "Badr Al Busaidi",
  "Abdel Fattah el-Sisi" = "Abdel Fattah al-Sisi", "Gerhard Schroeder" = "Gerhard Schroder",
  "Volodymyr Zelenskyy" = "Volodymyr Zelensky".
* ``skeleton``: each word's first letter and its consonants ("Ahmadinejad" = "Ahmedinejad",
  "Hosni Mubarak" = "Husni Mubarek"): loose, so only a person's lookup by name tries it, after
  the others found nothing; the people reader never does.

The table holds some 20,000 distinct names, so ``keys_many`` works on all of them at once with
whole-text replacements rather than word by word: loading stays well under a second.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_VOWELS_AFTER = re.compile(r"(?<=[^\W\d_])[aeiouy]+")
_DOUBLE = re.compile(r"([^\W\d_])\1+")
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014"
_NOTHING = re.compile(r"(?!)")
_INITIAL = re.compile(r" [^\W\d_](?= )")  # a one-letter word after another word


@dataclass(frozen=True, slots=True)
class NameKeys:
    exact: str
    compact: str
    skeleton: str
    first: str  # the first word's compact form, for "first name + surname" lookups
    words: int


class NameRules:
    """The rules of one data file; ``keys_many`` applies them to many names at once."""

    __slots__ = ("_articles", "_honorifics", "spellings")

    def __init__(
        self, honorifics: frozenset[str], articles: frozenset[str],
        spellings: tuple[tuple[str, str], ...],
    ) -> None:  # fmt: skip
        self.spellings = spellings
        self._articles = tuple(sorted(articles))
        # honorifics lead a name only when a name follows them ("Sheikh Tamim", not "Sheikh")
        words = "|".join(sorted(map(re.escape, honorifics), key=len, reverse=True))
        self._honorifics = re.compile(rf"^(?:(?:{words}) )+(?=\S)", re.MULTILINE) if words else None

    def keys(self, name: str) -> NameKeys:
        return self.keys_many([" ".join(name.split())])[0]

    def words(self, name: str) -> list[str]:
        """The folded words of ``name`` (hyphens split words), leading honorifics dropped."""
        return self._words(fold(" ".join(name.split()))).split()

    def keys_many(self, names: list[str], *, skeleton: bool = True) -> list[NameKeys]:
        """Keys of every name; without ``skeleton`` that key is left empty (it costs the most)."""
        exact, spaced = self._forms(names)
        compact = spaced.split("\n")
        loose = _DOUBLE.sub(r"\1", _VOWELS_AFTER.sub("", spaced)).split("\n") if skeleton else None
        return [
            NameKeys(
                exact=e,
                compact=c.replace(" ", ""),
                skeleton=loose[k].replace(" ", "") if loose else "",
                first=c.split(" ", 1)[0],
                words=e.count(" ") + 1 if e else 0,
            )
            for k, (e, c) in enumerate(zip(exact.split("\n"), compact, strict=True))
        ]

    def compact_keys(self, names: list[str]) -> list[str]:
        """The ``compact`` key of every name: all that indexing needs, fast."""
        return self._forms(names, exact=False)[1].replace(" ", "").split("\n")

    def _forms(self, names: list[str], *, exact: bool = True) -> tuple[str, str]:
        """The exact keys ("" without ``exact``) and the compact keys with their word spaces,
        one name a line."""
        folded = fold("\n".join(names))  # a name holds no line break (keys() sees to it)
        words = self._words(folded) if exact else ""
        with_al = "\n" + folded.replace(" ", "  ").replace("\n", "\n ")
        for article in self._articles:  # "el-Sisi" -> "al Sisi"
            for hyphen in _HYPHENS:
                with_al = with_al.replace(f" {article}{hyphen}", " al ")
        spaced = " " + self._words(with_al[1:]).replace("'", "").replace("\n", " \n ") + " "
        spaced = spaced.replace(" el ", " al ")
        spaced = _INITIAL.sub("", spaced)  # "Robert M. Gates" = "Robert Gates"
        for a, b in self.spellings:
            spaced = spaced.replace(a, b)
        return words, spaced.replace(" \n ", "\n")[1:-1]

    def _words(self, folded: str) -> str:
        """One name a line, as words of letters (and inner apostrophes) joined by one space."""
        text = _separators(folded).sub(" ", folded)
        for edge, plain in ((" '", " "), ("' ", " "), ("\n'", "\n"), ("'\n", "\n")):
            text = text.replace(edge, plain)
        while "  " in text:
            text = text.replace("  ", " ")
        text = text.replace("\n ", "\n").replace(" \n", "\n").strip(" '")
        return self._honorifics.sub("", text) if self._honorifics else text


def _separators(text: str) -> re.Pattern[str]:
    """A pattern of every character in ``text`` that is neither a letter, an apostrophe nor a
    line break (found in one pass over the distinct characters, not over the text)."""
    chars = sorted(c for c in set(text) if not c.isalpha() and c not in "'\n")
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]+") if chars else _NOTHING


def fold(text: str) -> str:
    """Case-folded, without diacritics; curly apostrophes made straight."""
    text = text.replace("’", "'").replace("‘", "'")
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text.casefold()
