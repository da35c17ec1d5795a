"""Answering gazetteer quiz questions from dragoman's own actor data (``data/actors``).

    answer_quiz_question({"question_type": "capital_country", "input": {"city": "Kyiv"}}) -> "UKR"

Question types (bench/gazetteer/README.md): ``holder_on_date`` (a post on a date -> a name),
``igo_code`` (an organisation -> its Phoenix code), ``capital_country`` and ``demonym_country``
(-> ISO3). Office holders come from the dated table (``understand.officeholders.holders``: the
surest holder on that date; none after the source's snapshot). Capitals and demonyms are facts
of the package's ``countries.jsonl``, read as ISO3 (a dependency is its own answer: "Oranjestad"
is ABW, not NLD, though an actor there is coded NLD), with a state before a dependency that
shares a name ("Kingston": JAM, not NFK) and an ambiguous form's default ("Congolese": COD);
the actor gazetteer that reads articles is the fallback for other spellings. Organisation codes
come from ``igos.jsonl`` via the gazetteer's names and aliases.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Mapping
from importlib import resources
from typing import Any

from dragoman.understand.gazetteer import load_gazetteer
from dragoman.understand.officeholders import holders

__all__ = ["answer_quiz_question", "same_answer"]


def answer_quiz_question(question: Mapping[str, Any]) -> str | None:
    """The answer to one quiz question, or None when dragoman's data has none."""
    kind = question.get("question_type")
    given = question.get("input") or {}
    if kind == "holder_on_date":
        return _holder(given)
    if kind == "igo_code":
        return _igo_code(str(given.get("name") or given.get("abbrev") or ""))
    if kind == "capital_country":
        return _fact("capitals", str(given.get("city") or "")) or _country_of(
            str(given.get("city") or ""), "seat"
        )
    if kind == "demonym_country":
        return _fact("demonyms", str(given.get("demonym") or "")) or _country_of(
            str(given.get("demonym") or ""), "demonym"
        )
    return None


def same_answer(a: str | None, b: str | None) -> bool:
    """Equal case-insensitively and without diacritics."""
    return a is not None and b is not None and _fold(a) == _fold(b)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


def _fact(table: str, surface: str) -> str | None:
    """The ISO3 of a capital or demonym in ``countries.jsonl``; "Washington, D.C." is tried
    whole, then without what follows the comma."""
    index = _fact_index()[table]
    for form in (surface, surface.split(",")[0]):
        if found := index.get(_fact_key(form)):
            return found
    return None


@functools.cache
def _fact_index() -> dict[str, dict[str, str]]:
    """Capitals and demonyms -> ISO3: states first, then dependencies, then obsolete entries;
    an ambiguous form goes to its default reading."""
    rows = _jsonl("countries.jsonl")

    def rank(row: dict[str, Any]) -> int:
        return 2 if row.get("obsolete") else 0 if row["iso3"] == row["country"] else 1

    capitals: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for row in sorted(rows, key=rank):
        for form in [row.get("capital"), *row.get("capital_alt", [])]:
            if form:
                capitals.setdefault(_fact_key(form), row["iso3"])
        for form in [*row.get("demonyms", []), *row.get("demonym_plurals", [])]:
            demonyms.setdefault(_fact_key(form), row["iso3"])
    for row in rows:
        for ambiguous in row.get("ambiguous") or []:
            demonyms[_fact_key(ambiguous["form"])] = ambiguous["countries"][0]
    return {"capitals": capitals, "demonyms": demonyms}


def _fact_key(text: str) -> str:
    """Letters and digits only, "Saint" as "St": "St. John's" = "Saint John's" = "ST JOHNS"."""
    words = re.sub(r"[^\w\s]", "", _fold(text).replace("-", " ")).split()
    return " ".join("st" if w == "saint" else w for w in words if w != "the" or len(words) == 1)


def _country_of(surface: str, kind: str) -> str | None:
    for entry in load_gazetteer().lookup(surface):
        if entry.kind == kind and entry.country:
            return entry.country
    return None


def _igo_code(surface: str) -> str | None:
    rows = _igo_rows()
    names = [e.name for e in load_gazetteer().lookup(surface) if e.kind == "igo"]
    for name in [*names, surface]:
        for row in rows:
            forms = [row.get("name"), row.get("abbrev"), *(row.get("aliases") or [])]
            if any(f and _fold(f) == _fold(name) for f in forms):
                return str(row["code"])
    return None


def _holder(given: Mapping[str, Any]) -> str | None:
    """The holder of a post on a date, from the dated office-holder table: the surest first."""
    country = given.get("iso3") or given.get("igo")
    if not country or not given.get("role") or not given.get("date"):
        return None
    try:
        found = holders(
            str(country), str(given["role"]), str(given["date"]),
            position=given.get("position") or None,
        )  # fmt: skip
    except ValueError:
        return None
    return found[0].name if found else None


@functools.cache
def _igo_rows() -> tuple[dict[str, Any], ...]:
    return _jsonl("igos.jsonl")


def _jsonl(name: str) -> tuple[dict[str, Any], ...]:
    text = resources.files("dragoman").joinpath(f"data/actors/{name}").read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())
