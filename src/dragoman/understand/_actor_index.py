"""The actor gazetteer's records and index: surface forms -> readings, matched over tokens.

``gazetteer`` fills a ``Gazetteer`` from ``data/actors`` and describes the sources and the case
rules; this module holds what it builds and the matching: ``add`` keys a form by its token norms
and remembers its shape (acronym, capitalised, lower case), ``lookup``/``match_at``/``scan`` find
forms whose shape the text fits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dragoman.understand._actor_text import (
    Token,
    all_caps,
    is_acronym,
    phrase_key,
    phrase_tokens,
    tokenize,
)

# When one form has several readings, the first kind in this order wins.
KINDS = ("block", "group", "igo", "country", "seat", "demonym", "role")
_PRIORITY = {k: i for i, k in enumerate(KINDS)}
_MAX_TOKENS = 8
# What one part of a hyphenated word can be ("US-Iran", "Kremlin-backed", "Hamas-run").
_PART_KINDS = frozenset({"country", "demonym", "seat", "igo", "group"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One reading of a surface form."""

    kind: str  # block | group | igo | country | seat | demonym | role
    name: str  # canonical name: "Iran", "European Union", "Hezbollah", "officials"
    country: str | None = None  # ISO3 or slot (UNO, EUR, IGO, NGO, IMG)
    sector: str | None = None
    alternatives: tuple[str, ...] = ()  # every country an ambiguous form can mean, default first
    standalone: bool = True  # role: an actor without a country; group False: a people (needs a noun)
    the: bool = False  # usually written with "the": a preceding "the" joins the mention
    plural: bool = False  # demonym used as a noun for people ("Iranians")
    state: bool = False  # group: an organ of a state (Actor.kind "state")
    source: str = "ours"  # ours | phoenix | gazetteer
    city: bool = False  # seat: a city (a capital, "Tel Aviv"), not a building ("the Kremlin")


@dataclass(frozen=True, slots=True)
class Leader:
    """An office holder in office at the snapshot of ``leaders.jsonl``."""

    name: str
    country: str
    role: str
    position: str | None
    snapshot: str


@dataclass(frozen=True, slots=True)
class Unit:
    """A gazetteer match over tokens ``i:j`` (``start``/``end`` are character offsets)."""

    i: int
    j: int
    start: int
    end: int
    entry: Entry
    part: bool = False  # one part of a hyphenated word ("US" in "US-Iran")


@dataclass(slots=True)
class Gazetteer:
    """Surface forms -> entries, plus the small word lists the resolvers need."""

    index: dict[tuple[str, ...], tuple[tuple[str, Entry], ...]] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)  # first norm -> longest key length
    names: dict[str, str] = field(default_factory=dict)  # code -> canonical name
    modifiers: frozenset[str] = frozenset()
    former: frozenset[str] = frozenset()
    compound_verbs: frozenset[str] = frozenset()  # "brokered" makes "US" in "US-brokered" one
    leading_verbs: frozenset[str] = frozenset()  # "led": "US-led forces" are the US's forces
    minority_words: frozenset[str] = frozenset()  # "ethnic": a people coded where it lives
    region_words: frozenset[str] = frozenset()  # "southern": may come between "in" and a place
    flight_words: frozenset[str] = frozenset()  # "fleeing": refugees are of the land they flee
    flight_causes: frozenset[str] = frozenset()  # "war": "fleeing the war in X" flees X
    posts_abroad: frozenset[str] = frozenset()  # "embassy": "its Kabul embassy" is in Kabul
    region_nouns: frozenset[str] = frozenset()  # "province": "of Sindh province" is a region
    region_adjectives: frozenset[str] = frozenset()  # "provincial": "the Sindh provincial ..."
    name_like: frozenset[str] = frozenset()
    body_heads: frozenset[str] = frozenset()  # "association": "the Association of ..." is a body
    transnational_words: frozenset[str] = frozenset()  # "african": such a body is an NGO
    # role-noun key -> the organisation's organ it names when bare ("Security Council": UNSC)
    bare_organs: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    leaders: dict[tuple[str, ...], tuple[Leader, ...]] = field(default_factory=dict)

    def add(self, form: str, entry: Entry, *, override: bool = False) -> None:
        """Index ``entry`` under ``form``; ``override`` drops earlier entries of its kind."""
        words = phrase_tokens(form)
        if words and words[0].lower() == "the" and len(words) > 1:
            words = words[1:]
            if entry.kind != "role":
                entry = replace_entry(entry, the=True)
        if not words or len(words) > _MAX_TOKENS:
            return
        key = phrase_key(" ".join(words))
        shape = "".join(_shape(w) for w in words)
        current = self.index.get(key, ())
        if override:
            current = tuple((s, e) for s, e in current if e.kind != entry.kind)
        if any(e == entry and s == shape for s, e in current):
            return
        merged = sorted([*current, (shape, entry)], key=lambda se: _PRIORITY[se[1].kind])
        self.index[key] = tuple(merged)
        self.first[key[0]] = max(self.first.get(key[0], 0), len(key))

    def name_of(self, code: str | None) -> str | None:
        if code is None:
            return None
        return self.names.get(code, code)

    def lookup(self, surface: str) -> tuple[Entry, ...]:
        """Every reading of one surface form that passes the case rules ("us" finds nothing)."""
        toks = tokenize(surface)
        if toks and toks[0].norm == "the" and len(toks) > 1:
            toks = toks[1:]
        found = self.index.get(tuple(t.norm for t in toks), ())
        return tuple(e for shape, e in found if _fits(shape, toks, 0))

    def match_at(self, toks: Sequence[Token], i: int) -> tuple[int, Entry] | None:
        """The longest entry starting at token ``i``: (end token, entry)."""
        longest = self.first.get(toks[i].norm)
        if not longest:
            return None
        for n in range(min(longest, len(toks) - i), 0, -1):
            found = self.index.get(tuple(t.norm for t in toks[i : i + n]))
            if found:
                for shape, entry in found:
                    if _fits(shape, toks, i):
                        return i + n, entry
        return None

    def scan(self, toks: Sequence[Token]) -> list[Unit]:
        """Leftmost-longest matches over ``toks``; hyphenated country pairs are split."""
        units: list[Unit] = []
        i, n = 0, len(toks)
        while i < n:
            hit = self.match_at(toks, i)
            if hit is not None:
                j, entry = hit
                units.append(Unit(i, j, toks[i].start, toks[j - 1].end, entry))
                i = j
                continue
            if "-" in toks[i].text:
                units.extend(self._hyphen_parts(toks[i], i))
            i += 1
        return units

    def _hyphen_parts(self, tok: Token, i: int) -> Iterator[Unit]:
        """One unit per actor part of a hyphenated word: every part of "US-Iran",
        "Belgrade-Pristina", "Israeli-Palestinian"; the first part of "EU-brokered",
        "Kremlin-backed", "Omani-mediated" (a word from ``compound_verbs`` last). Words with
        any other part ("Russian-made", "pro-Iran", "well-known") give none."""
        pieces, offset = [], tok.start
        for piece in tok.text.split("-"):
            pieces.append((offset, piece))
            offset += len(piece) + 1
        if pieces[-1][1].lower() in self.compound_verbs:
            pieces.pop()
            wanted = 1
        else:
            wanted = 2
        found = []
        for start, piece in pieces:
            ptoks = tokenize(piece)
            hit = self.match_at(ptoks, 0) if len(ptoks) == 1 else None
            if hit is None or hit[1].kind not in _PART_KINDS:
                return
            found.append(Unit(i, i + 1, start, start + len(piece), hit[1], part=True))
        if len(found) >= wanted:
            yield from found

    def leaders_named(self, toks: Sequence[Token]) -> tuple[Leader, ...]:
        return self.leaders.get(tuple(t.norm for t in toks), ())


def _shape(word: str) -> str:
    if is_acronym(word):
        return "A"
    return "P" if word[0].isupper() else "-"


def _fits(shape: str, toks: Sequence[Token], i: int) -> bool:
    for k, s in enumerate(shape):
        if s == "-":
            continue
        text = toks[i + k].text
        if s == "A" and not all_caps(text):
            return False
        if s == "P" and not text[0].isupper():
            return False
    return True


def replace_entry(entry: Entry, **changes: Any) -> Entry:
    values = {f: getattr(entry, f) for f in entry.__dataclass_fields__}
    values.update(changes)
    return Entry(**values)
