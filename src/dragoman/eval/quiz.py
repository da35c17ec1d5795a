"""Answering gazetteer quiz questions from dragoman's own actor data (``data/actors``).

    answer_quiz_question({"question_type": "capital_country", "input": {"city": "Kyiv"}}) -> "UKR"

Question types (bench/gazetteer/README.md): ``holder_on_date`` (a post on a date -> a name),
``igo_code`` (an organisation -> its Phoenix code), ``capital_country`` and ``demonym_country``
(-> ISO3). Capitals, demonyms and organisation names are resolved by the actor gazetteer that
reads articles (``understand.gazetteer.load_gazetteer``); codes and office holders come from the
package's ``igos.jsonl`` and ``leaders.jsonl``. Those hold only people in office at their source's
snapshot (2022 for most countries, 2026 for the G20/ASEAN states), with a start date and no end:
a question about an earlier holder has no answer here. A public ``dragoman who`` belongs in
``understand/`` once there is a dated table of office holders.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Mapping
from importlib import resources
from typing import Any

from dragoman.understand.gazetteer import load_gazetteer

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
        return _country_of(str(given.get("city") or ""), "seat")
    if kind == "demonym_country":
        return _country_of(str(given.get("demonym") or ""), "demonym")
    return None


def same_answer(a: str | None, b: str | None) -> bool:
    """Equal case-insensitively and without diacritics."""
    return a is not None and b is not None and _fold(a) == _fold(b)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


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
    asked = str(given.get("date") or "")
    role = given.get("role")
    if given.get("iso3"):
        country = given["iso3"]
    else:
        country = next((r["slot"] for r in _igo_rows() if r.get("code") == given.get("igo")), None)
    position = given.get("position")
    dependencies = _dependencies().get(str(country), ())
    candidates = [
        row
        for row in _leader_rows()
        if row.get("country") == country
        and row.get("role") == role
        and (not position or _fold(row.get("position") or "") == _fold(str(position)))
        and not any(d in _fold(row.get("position") or "") for d in dependencies)
        and _on_or_before(row.get("start"), asked)
        and asked <= str(row.get("snapshot") or "")
    ]
    if not candidates:
        return None
    return str(max(candidates, key=lambda r: str(r.get("start") or ""))["name"])


def _on_or_before(start: str | None, asked: str) -> bool:
    """``start`` (a day, month or year) is on or before ``asked``, compared at its precision."""
    return not start or start <= asked[: len(start)]


@functools.cache
def _leader_rows() -> tuple[dict[str, Any], ...]:
    return _jsonl("leaders.jsonl")


@functools.cache
def _dependencies() -> dict[str, tuple[str, ...]]:
    """State code -> folded names of its dependencies: leaders.jsonl files a dependency's officials
    ("Secretary of State of Puerto Rico") under the state, so a post there is not the state's."""
    out: dict[str, list[str]] = {}
    for row in _jsonl("countries.jsonl"):
        if row.get("iso3") != row.get("country"):
            out.setdefault(row["country"], []).extend(
                _fold(n) for n in [row["name"], *row.get("aliases", [])]
            )
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _igo_rows() -> tuple[dict[str, Any], ...]:
    return _jsonl("igos.jsonl")


def _jsonl(name: str) -> tuple[dict[str, Any], ...]:
    text = resources.files("dragoman").joinpath(f"data/actors/{name}").read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())
