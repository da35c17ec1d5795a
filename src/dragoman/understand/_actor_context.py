"""Where a gazetteer match stands in the article, for the actor reader (``actors``).

``MatchContext`` holds the article's tokens and gazetteer matches with lookups by token, and
the tests that make a country, capital or organisation a place or part of a person's name rather
than an actor (the rules are listed in ``actors``' docstring).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from dragoman.understand._actor_index import Gazetteer, Unit
from dragoman.understand._actor_text import Token

LOCATIVE = frozenset(
    {"in", "at", "near", "inside", "outside", "into", "across", "throughout", "within", "around",
     "toward", "towards", "via", "beyond", "onto", "over"}
)  # fmt: skip
MOTION = frozenset(
    {"travel", "travels", "travelled", "traveled", "travelling", "traveling", "fly", "flew",
     "flies", "flying", "flown", "return", "returned", "returns", "returning", "arrive",
     "arrived", "arrives", "arriving", "head", "headed", "heads", "heading", "go", "goes", "went",
     "going", "gone", "come", "came", "comes", "coming", "move", "moved", "moves", "moving",
     "trip", "trips", "visit", "visits", "visited", "visiting", "journey", "flight", "flights",
     "way", "back", "deploy", "deployed", "deploying", "fled", "flee", "fleeing", "relocated",
     "evacuated", "transferred", "expelled", "deported", "extradited", "route", "drive", "drove",
     "sailed", "sail", "bound", "exports", "imports", "shipments", "migrants", "refugees",
     "invitation", "invited", "welcomed", "hosted", "sent", "dispatched", "posted"}
)  # fmt: skip
CONJUNCTIONS = frozenset({"and", "or", ",", "&"})
# Nouns that make "<nationality> <noun>" a place after a preposition ("on the Thai border",
# "into Syrian airspace", "off the Somali coast"); as subjects or objects they are not actors
# either, but only the place is sure.
PLACE_NOUNS = frozenset(
    {"border", "borders", "frontier", "territory", "territories", "waters", "airspace", "soil",
     "coast", "coastline", "shore", "shores", "mainland", "side"}
)  # fmt: skip
_PLACE_PREPOSITIONS = LOCATIVE | {"on", "along", "off", "from", "to"}
# Capitalised words before "Israel", "Jordan", ... that are not first names.
_OPENERS = frozenset(
    {"the", "a", "an", "and", "but", "or", "so", "meanwhile", "however", "earlier", "later",
     "today", "yesterday", "tomorrow", "now", "then", "also", "still", "instead", "separately",
     "in", "on", "at", "for", "from", "with", "by", "after", "before", "since", "while", "when",
     "if", "as", "both", "neither", "either", "nor", "only", "even", "why", "how", "what",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "photo", "video", "update", "analysis", "opinion", "exclusive"}
)  # fmt: skip
_THE = frozenset({"the"})
_DASHES = frozenset("—–-(")


class MatchContext:
    """The article's tokens and gazetteer matches, and what stands around each match."""

    def __init__(
        self, text: str, toks: Sequence[Token], units: Sequence[Unit], gaz: Gazetteer
    ) -> None:
        self.text, self.toks, self.units, self.gaz = text, toks, units, gaz
        self.unit_at = {u.i: k for k, u in enumerate(units) if not u.part}
        self.unit_starts = [u.i for u in units]
        self.breaks = frozenset(
            t for t in range(1, len(toks)) if "\n" in text[toks[t - 1].end : toks[t].start]
        )  # tokens that start a new line: phrases never run across a line break
        self.place_end = -1  # token index after the last unit skipped as a place
        self.dateline_end = -1  # token index after a dateline's place ("GAZA CITY")

    # ------------------------------------------------------------------ not actors here

    def _is_place(self, u: Unit) -> bool:
        e = u.entry
        if e.kind == "igo":
            prev = self._prev_norm(u.i)
            return prev in ("at", "in", "within", "inside", "outside")
        if e.kind == "demonym":
            return False  # "killed in Israeli shelling": a nationality is never the place
        start_tok = u.i - 1 if self._prev_norm(u.i) == "the" else u.i
        prev = self._prev_norm(start_tok)
        if prev in LOCATIVE or self._part_of_place(start_tok):
            return True
        if prev == "with" and start_tok > 1 and self.toks[start_tok - 2].norm in PLACE_NOUNS:
            return True  # "its border with Bulgaria"
        if prev in ("to", "from"):
            before = {self.toks[t].norm for t in range(max(0, start_tok - 4), start_tok - 1)}
            if before & MOTION:
                return True
        if self._dateline(u) or self._dateline_region(u, start_tok):
            return True
        # "in Washington and Tehran": a place coordinated with a place
        between = [self.toks[t].norm for t in range(self.place_end, start_tok)]
        return self.place_end >= 0 and len(between) == 1 and between[0] in CONJUNCTIONS

    def _nationality_place(self, u: Unit, *, possessive: bool = False) -> bool:
        """'on the Thai border', 'into Syrian airspace', 'near Macedonia's border': a
        nationality or a country's possessive and a place noun after a preposition are where
        something happens, not an actor."""
        t = u.i - 1 if self._prev_norm(u.i) == "the" else u.i
        noun = u.j + 1 if possessive else u.j
        return (
            noun < len(self.toks)
            and self.toks[noun].norm in PLACE_NOUNS
            and self._prev_norm(t) in _PLACE_PREPOSITIONS
        )

    def _part_of_place(self, t: int) -> bool:
        """'in the east of the Gaza Strip', 'in northern parts of Syria': a region of a place."""
        words = [tok.norm for tok in self.toks[max(0, t - 5) : t]]
        if not words or words[-1] != "of":
            return False
        head = words[:-1]
        while head and head[-1] in ("parts", "part", "areas"):
            head.pop()
        if not head or head.pop() not in self.gaz.region_words:
            return False
        if head and head[-1] == "the":
            head.pop()
        return bool(head) and head[-1] in LOCATIVE

    def _dateline(self, u: Unit) -> bool:
        """'MOSCOW —', 'GAZA CITY, Palestinian Territories:' opening a line: a place."""
        word = self.toks[u.i].text
        if not (word.isupper() and len(word) > 2):
            return False
        line_start = self.text.rfind("\n", 0, u.start) + 1
        if self.text[line_start : u.start].strip():
            return False
        end, t = u.end, u.j
        while t < len(self.toks) and self.toks[t].is_word and self.toks[t].text.isupper():
            end, t = self.toks[t].end, t + 1  # the rest of the place's name: "GAZA CITY"
        rest = self.text[end : end + 3].lstrip()
        if bool(rest) and (rest[0] in _DASHES or rest[0] == ","):
            self.dateline_end = t
            return True
        return False

    def _dateline_region(self, u: Unit, start_tok: int) -> bool:
        """'GAZA CITY, Palestinian Territories:': the region after a dateline's place."""
        if self.dateline_end < 0 or start_tok != self.dateline_end + 1:
            return False
        rest = self.text[u.end : u.end + 3].lstrip()
        return self.toks[self.dateline_end].norm == "," and rest[:1] in (":", *_DASHES)

    def _minority_home(self, u: Unit) -> Unit | None:
        """The place after "ethnic <people> in [southern]": where the minority lives."""
        toks = self.toks
        if self._prev_norm(u.i) not in self.gaz.minority_words:
            return None
        t = u.j
        if t >= len(toks) or toks[t].norm != "in" or t in self.breaks:
            return None
        t += 1
        while t < len(toks) and toks[t].norm in self.gaz.region_words and t - u.j < 4:
            t += 1
        home = self._unit_starting(t)
        if home is None or home.entry.kind not in ("country", "seat") or not home.entry.country:
            return None
        return home

    def _is_name_part(self, u: Unit) -> bool:
        """'Israel Katz', 'Jordan Bardella', 'Michael Jordan': a country used as a name.

        A neighbour in capitals ("IRAN WARNS WASHINGTON") is a headline, not a name."""
        if u.j - u.i != 1 or self.toks[u.i].norm not in self.gaz.name_like:
            return False
        for t in (u.j, u.i - 1):
            if not 0 <= t < len(self.toks):
                continue
            tok = self.toks[t]
            left, right = (u.i, t) if t > u.i else (t, u.i)
            spaced = self.text[self.toks[left].end : self.toks[right].start] == " "
            if not (tok.is_word and tok.is_cap and spaced) or tok.text.isupper():
                continue
            if t > u.i and self._unit_starting(t) is None:
                return True
            if t < u.i and tok.norm not in _OPENERS and self._unit_covering(t) is None:
                return True
        return False

    # ------------------------------------------------------------------ token helpers

    def _unit_starting(self, t: int) -> Unit | None:
        k = self.unit_at.get(t)
        return self.units[k] if k is not None else None

    def _unit_covering(self, t: int) -> Unit | None:
        k = bisect.bisect_right(self.unit_starts, t) - 1
        if k >= 0 and self.units[k].i <= t < self.units[k].j:
            return self.units[k]
        return None

    def _unit_index_after(self, t: int) -> int:
        return bisect.bisect_left(self.unit_starts, t)

    def _prev_norm(self, t: int) -> str | None:
        return self.toks[t - 1].norm if t > 0 else None

    def _lead(self, t: int) -> tuple[int, bool]:
        """Start offset of a phrase at token ``t`` with the modifiers and 'the' before it
        ("the former Iranian president"), and whether one of them is 'former'."""
        former = False
        while t > 0 and (self.toks[t - 1].norm in self.gaz.modifiers
                         or self.toks[t - 1].norm in self.gaz.former):  # fmt: skip
            t -= 1
            former = former or self.toks[t].norm in self.gaz.former
        return self._with_the(t), former

    def _with_the(self, t: int) -> int:
        """Start offset of token ``t``, or of a 'the' right before it."""
        if t > 0 and self.toks[t - 1].norm in _THE:
            return self.toks[t - 1].start
        return self.toks[t].start
