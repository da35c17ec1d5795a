"""Named bodies the gazetteer does not know: "the Association of African Jurists" NGO, "the
Kenya Union of Journalists" KEN JRN (``groups.yaml``: ``body_heads``, ``transnational_words``).

    tokens + gazetteer matches --named_bodies--> [Body(first, end, country, sector)]

A body's name is a capitalised head word ("Association", "Union"), "of"/"for" and capitalised
words (with "and", "the", "of", "for" between them), optionally after a country or nationality
("the Kenya Union of ..."). Without such a reading, the subject of "Members of the Association
of African Jurists, a body linked to the Organization of African Unity, investigated ..." had
no actor, and the organisation in its apposition became the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dragoman.understand._actor_text import Token
from dragoman.understand.gazetteer import Gazetteer, Unit

__all__ = ["Body", "named_bodies"]

_LINKS = frozenset({"of", "for"})
_INNER = frozenset({"and", "the", "of", "for", "&"})  # between the capitalised words of a name
_PLACE_KINDS = frozenset({"country", "demonym", "seat"})


@dataclass(frozen=True, slots=True)
class Body:
    """A named body over tokens ``first:end``."""

    first: int
    end: int
    country: str | None
    sector: str | None


def named_bodies(toks: Sequence[Token], units: Sequence[Unit], gaz: Gazetteer) -> list[Body]:
    """The named bodies of an article, left to right, none overlapping a gazetteer match that
    starts before it or runs past it."""
    covering = {t: u for u in units for t in range(u.i, u.j)}
    out: list[Body] = []
    for t, tok in enumerate(toks):
        if out and t < out[-1].end:
            continue
        if not (tok.is_cap and tok.norm in gaz.body_heads) or not _free(covering.get(t), t):
            continue
        if t + 2 >= len(toks) or toks[t + 1].norm not in _LINKS:
            continue
        body = _body(toks, t, covering, gaz)
        if body is not None:
            out.append(body)
    return out


def _body(
    toks: Sequence[Token], head: int, covering: dict[int, Unit], gaz: Gazetteer
) -> Body | None:
    end = _name_end(toks, head + 2)
    if end is None:
        return None
    inside = {id(u): u for t in range(head + 2, end) if (u := covering.get(t)) is not None}
    if any(u.j > end or u.entry.kind in ("igo", "group") for u in inside.values()):
        return None  # a known body, or a match running on past the name
    named = [t for t in range(head + 2, end) if toks[t].is_cap and t not in covering]
    if not named and not any(u.entry.kind == "role" for u in inside.values()):
        return None  # "the Union of Myanmar": a country's own name
    first = _name_start(toks, head, covering)  # "the International Federation of ..."
    countries = {u.entry.country for u in inside.values() if u.entry.kind in _PLACE_KINDS}
    before = covering.get(first - 1)
    if before is not None and before.entry.kind in _PLACE_KINDS and before.j == first:
        first = before.i  # "the Kenya Union of Journalists"
        countries.add(before.entry.country)
    words = {toks[t].norm for t in range(first, end)}
    if words & gaz.transnational_words or len(countries) > 1:
        country: str | None = "NGO"
    else:
        country = next(iter(countries), None)
    sector = next((u.entry.sector for u in inside.values() if u.entry.kind == "role"), None)
    return Body(first, end, country, sector)


def _free(unit: Unit | None, t: int) -> bool:
    """The head word is no gazetteer match, or a role noun of its own ("Association")."""
    return unit is None or (unit.entry.kind == "role" and unit.i == t and unit.j == t + 1)


def _name_start(toks: Sequence[Token], head: int, covering: dict[int, Unit]) -> int:
    """The first of up to two capitalised words before the head that no match covers
    ("International", "National"), not a sentence's first word."""
    first = head
    while (
        head - first < 2
        and first > 1
        and toks[first - 1].is_cap
        and toks[first - 1].is_word
        and toks[first - 1].norm not in _INNER
        and first - 1 not in covering
        and toks[first - 2].is_word
    ):
        first -= 1
    return first


def _name_end(toks: Sequence[Token], t: int) -> int | None:
    """The token after the last capitalised word of a name that starts at ``t``."""
    end = None
    while t < len(toks):
        tok = toks[t]
        if tok.is_word and tok.is_cap and tok.norm not in _INNER:
            end = t + 1
        elif not (tok.norm in _INNER and t + 1 < len(toks) and toks[t + 1].is_cap):
            break
        t += 1
    return end
