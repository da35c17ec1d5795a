"""The hand-edited place data in ``data/places``, read and validated.

* ``places.yaml``: overrides for ambiguous or important names, the forms news uses for
  countries, seas and regions, names that are not places, and the word lists the matcher needs
  (prepositions, modifiers, titles, place words);
* ``stoplist.txt`` and ``common_words.txt``: names, one a line, as index keys.

Every error names the file and the entry, and says what to change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

from dragoman.datafile import load_yaml
from dragoman.errors import DataFileError
from dragoman.understand._place_names import ARTICLE, Alternative, Entry, name_key

_KINDS = ("city", "country", "region")


def _data_file(name: str) -> Any:
    return resources.files("dragoman").joinpath("data", "places", name)


def load_names(name: str) -> frozenset[str]:
    """A list of names, one a line, '#' comments; as index keys."""
    path = _data_file(name)
    words: set[str] = set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        word = line.split("#", 1)[0].strip()
        if word and not (word[0].isupper() or ARTICLE.match(word)):
            raise DataFileError(
                f"{path}:{lineno}: write {word!r} as it is capitalised in text ('March', not 'march')"
            )
        if word:
            words.add(name_key(word))
    return frozenset(words)


def load_places_file() -> dict[str, Any]:
    """places.yaml, validated: each error names the file and the entry."""
    path = _data_file("places.yaml")
    raw = load_yaml(path, lines=False)
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
    phrases = raw.get("capital_phrases") or []
    if not isinstance(phrases, list) or not all(
        isinstance(f, str) and f.count("{demonym}") == 1 for f in phrases
    ):
        raise DataFileError(
            f"{path}: 'capital_phrases' must be a list of strings holding '{{demonym}}' once, "
            f"like \"the {{demonym}} capital\"; got {phrases!r}"
        )
    data["capital_phrases"] = phrases
    data["places"] = [
        place_item(item, f"{path}: places[{i}]") for i, item in enumerate(raw.get("places") or [])
    ]
    return data


def load_demonyms() -> dict[str, tuple[str, ...]]:
    """ISO3 -> the demonyms of each state in ``data/actors/countries.jsonl`` (dependencies and
    former states left out: their capital is not the one a "the Emirati capital" phrase means)."""
    path = resources.files("dragoman").joinpath("data", "actors", "countries.jsonl")
    found: dict[str, tuple[str, ...]] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if row["country"] == row["iso3"] and not row.get("obsolete"):
                found[row["iso3"]] = tuple(row["demonyms"])
        except (ValueError, KeyError, TypeError) as e:
            raise DataFileError(f"{path}:{lineno}: not a country row with iso3 and demonyms ({e})") from e
    return found


def place_item(item: Any, where: str) -> tuple[tuple[str, ...], Entry]:
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
