"""The small files the office-holder lookups need besides the table itself.

* ``Roles`` (``officeholders.yaml``): each post's sector and other names, the transliteration
  rewrites and Arabic article particles of name matching, and how long a post open at its
  snapshot is taken as still held by the people reader;
* ``Places`` (``countries.jsonl``, ``igos.jsonl``): a country or organisation named by code or
  name, its display name, and the code an actor of it carries (a dependency's state, an
  organisation's slot UNO/EUR/IGO/NGO).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from dragoman.datafile import load_yaml
from dragoman.errors import DataFileError
from dragoman.understand._officeholder_names import fold

_DATA = "data/actors"
_ORG_CODE = re.compile(r"(?:IGO|NGO)[A-Z]*")
_ISO3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class Roles:
    order: dict[str, int]  # role -> its place in the file
    sectors: dict[str, str | None]
    notable: frozenset[str]
    names: dict[str, str]  # folded role or other name -> role
    articles: frozenset[str]
    spellings: tuple[tuple[str, str], ...]
    still_held_years: int
    doubtful_notes: tuple[str, ...] = ()

    def doubtful(self, note: str) -> bool:
        return any(d in note for d in self.doubtful_notes)

    def role(self, text: str) -> str | None:
        return self.names.get(" ".join(fold(text).replace("-", " ").split()))

    def sector(self, role: str) -> str | None:
        return self.sectors.get(role, "GOV")


@functools.cache
def load_roles() -> Roles:
    name = f"{_DATA}/officeholders.yaml"
    data = load_yaml(resources.files("dragoman").joinpath(name), label=name)
    if not isinstance(data, dict) or not isinstance(data.get("roles"), list):
        raise DataFileError(f"{name}: expected a mapping with a `roles` list")
    order: dict[str, int] = {}
    sectors: dict[str, str | None] = {}
    names: dict[str, str] = {}
    notable = set()
    for k, entry in enumerate(data["roles"]):
        if not isinstance(entry, dict) or not entry.get("role"):
            raise DataFileError(f"{name}:{_line(entry)}: a roles entry needs `role: NAME`")
        role = str(entry["role"])
        order[role] = k
        sectors[role] = entry.get("sector")
        if entry.get("notable"):
            notable.add(role)
        for form in [role, *(entry.get("names") or [])]:
            key = " ".join(fold(str(form)).replace("-", " ").split())
            if names.setdefault(key, role) != role:
                raise DataFileError(
                    f"{name}:{_line(entry)}: {form!r} already names {names[key]!r}; keep it once"
                )
    spellings = []
    for pair in data.get("spellings") or []:
        if not (isinstance(pair, list) and len(pair) == 2):
            raise DataFileError(f"{name}: spelling {pair!r} is not [from, to]; write e.g. [oe, o]")
        spellings.append((str(pair[0]), str(pair[1])))
    return Roles(
        order=order,
        sectors=sectors,
        notable=frozenset(notable),
        names=names,
        articles=frozenset(str(a) for a in data.get("articles") or []),
        spellings=tuple(spellings),
        still_held_years=int(data.get("still_held_years", 0)),
        doubtful_notes=tuple(str(n) for n in data.get("doubtful_notes") or []),
    )


def _line(entry: Any) -> Any:
    return entry.get("__line__", "?") if isinstance(entry, dict) else "?"


@dataclass(frozen=True, slots=True)
class Places:
    codes: dict[str, str]  # folded name or alias -> ISO3 or organisation code
    names: dict[str, str]  # code -> display name
    actor_codes: dict[str, str]  # code -> actor country code (state of a dependency, IGO slot)

    def code(self, text: str) -> str | None:
        text = text.strip()
        if _ISO3.fullmatch(text) and text in self.names or _ORG_CODE.fullmatch(text):
            return text
        return self.codes.get(_key(text))

    def name(self, code: str | None) -> str:
        return self.names.get(code, code) if code else ""

    def actor_code(self, code: str | None) -> str | None:
        """The code an actor of ``code`` carries: Puerto Rico -> USA, IGOUNOJUDICJ -> UNO."""
        if not code:
            return None
        if code in self.actor_codes:
            return self.actor_codes[code]
        if code.startswith("NGO"):
            return "NGO"
        if code.startswith("IGOUNO"):
            return "UNO"
        return "EUR" if code.startswith("IGOEUREEC") else "IGO" if code.startswith("IGO") else code


@functools.cache
def load_places() -> Places:
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    actor_codes: dict[str, str] = {}
    countries = _jsonl("countries.jsonl")
    igos = _jsonl("igos.jsonl")
    for row in countries:
        names[row["iso3"]] = row["name"]
        actor_codes[row["iso3"]] = row["country"]
        codes.setdefault(_key(row["name"]), row["iso3"])
    for row in igos:
        names.setdefault(row["code"], row["name"])
        actor_codes.setdefault(row["code"], row["slot"])
        codes.setdefault(_key(row["name"]), row["code"])
    for row in countries:  # short forms after every full name: "Congo" is one, by default
        for form in row["aliases"]:
            codes.setdefault(_key(form), row["iso3"])
        for ambiguous in row.get("ambiguous") or []:
            codes[_key(ambiguous["form"])] = ambiguous["countries"][0]
    for row in igos:
        for form in [row.get("abbrev") or "", *row["aliases"]]:
            if form:
                codes.setdefault(_key(form), row["code"])
    return Places(codes=codes, names=names, actor_codes=actor_codes)


def _key(text: str) -> str:
    text = re.sub(r"^the\s+", "", fold(text).replace(".", ""))
    return " ".join(text.split())


def _jsonl(name: str) -> list[dict[str, Any]]:
    text = resources.files("dragoman").joinpath(f"{_DATA}/{name}").read_text(encoding="utf-8")
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise DataFileError(f"{_DATA}/{name}:{lineno}: not valid JSON: {e}") from e
    return out
