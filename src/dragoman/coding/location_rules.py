"""The event-location rules, ``data/places/event_location.yaml``, read and checked once.

    rules = load_location_rules()      # LocationRules, cached per path

What the rules mean is told in the YAML file and in ``coding/location.py``, which applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from dragoman.datafile import load_yaml, package_data_path
from dragoman.errors import DataFileError

__all__ = ["LocationRules", "load_location_rules"]


@dataclass(frozen=True, slots=True)
class LocationRules:
    """``event_location.yaml``, checked."""

    threshold: float
    venue_fallback_types: frozenset[str]  # PLOVER types that take a venue of their clause
    prepositions: dict[str, float]
    place_nouns: frozenset[str]
    of_place_noun: float
    object_verbs: tuple[str, ...]
    place_object_verbs: tuple[str, ...]  # whose object is a place even when no reader knows it
    passive_link: re.Pattern[str]  # "Jaffna was captured": between a passive subject and its verb
    participle: re.Pattern[str]  # a trigger in its past participle: "captured", "taken", "hit"
    not_loose_name: re.Pattern[str]  # a time or a count, no place: "4 A.M", "1967 Mideast"
    object_verb: float
    object_words: int
    not_object_words: frozenset[str]  # "captured by Israeli troops": an agent, not an object
    speech_verbs: frozenset[str]
    speech_penalty: float
    word_cost: float
    clause_cost: float
    clause_cap: int  # clause breaks counted at most
    kind_bonus: dict[str, float]  # "locality", "city", "region", "country"
    chain_words: frozenset[str]  # between two places of one chain: "Rastan in central Syria"
    chain_distance: re.Pattern[str]  # ", 70 kilometers northeast of"
    fronted_cost: float
    before_cost: float
    breaks: re.Pattern[str]
    specific_link: re.Pattern[str]
    skip_cost: float
    coordination: re.Pattern[str]  # between two places of one list: ", ", " and "
    preposition_back: re.Pattern[str]  # a preposition a few words before a place
    fronted: re.Pattern[str]  # a sentence opening with its place: "In Kano, ..."
    auxiliaries: frozenset[str]  # a trigger word that only leads to the verb: "were killed"
    verb_words: frozenset[str]  # verbs the ranker counts between a trigger and a place


@cache
def load_location_rules(path: Path | None = None) -> LocationRules:
    """Read and check the rules; ``path`` defaults to the packaged file.

    Raises:
        DataFileError: the file is missing, not YAML, or a key is missing or of the wrong type.
    """
    file = path or package_data_path("places", "event_location.yaml")
    data = load_yaml(file, lines=False, what="the event-location rules")
    check = _Checker(str(file), data)
    words = check.words
    located = [k for k, v in check.table("prepositions").items() if k != "none" and v >= 3]
    preps = "|".join(re.escape(w.lower()) for w in located)
    return LocationRules(
        threshold=check.number("threshold"),
        venue_fallback_types=frozenset(w.upper() for w in words("venue_fallback_types")),
        prepositions={
            k.lower(): check.number(f"prepositions.{k}") for k in check.table("prepositions")
        },
        place_nouns=frozenset(words("place_nouns")),
        of_place_noun=check.number("of_place_noun"),
        object_verbs=tuple(words("object_verbs")),
        place_object_verbs=tuple(words("place_object_verbs")),
        passive_link=check.pattern("passive_link"),
        participle=check.pattern("participle"),
        not_loose_name=check.pattern("not_loose_name"),
        object_verb=check.number("object_verb"),
        object_words=int(check.number("object_words")),
        not_object_words=frozenset(words("not_object_words")),
        speech_verbs=frozenset(words("speech_verbs")),
        speech_penalty=check.number("speech_penalty"),
        word_cost=check.number("word_cost"),
        clause_cost=check.number("clause_cost"),
        clause_cap=int(check.number("clause_cap")),
        kind_bonus={k: check.number(f"kind_bonus.{k}") for k in check.table("kind_bonus")},
        chain_words=frozenset(words("chain_words")) | frozenset(words("place_nouns")),
        chain_distance=check.pattern("chain_distance"),
        fronted_cost=check.number("fronted_cost"),
        before_cost=check.number("before_cost"),
        breaks=re.compile(
            r"[,;:()\[\]\"“”—–]|\s-\s|\b(?:"
            + "|".join(map(re.escape, words("clause_words")))
            + r")\b",
            re.IGNORECASE,
        ),
        specific_link=check.pattern("specific_link"),
        skip_cost=check.number("skip_cost"),
        coordination=re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*(?:the\s+)?", re.IGNORECASE),
        preposition_back=re.compile(
            rf"\b({preps})\s+((?:[\w'’.-]+,?\s+){{1,{int(check.number('skip_words'))}}}?)\Z",
            re.IGNORECASE,
        ),
        auxiliaries=frozenset(words("auxiliaries")),
        verb_words=frozenset(words("verb_words")),
        fronted=re.compile(
            rf"\W*(?:[\w'’.-]+\s+){{0,3}}?,?\s*(?:{preps})\s+(?:[\w'’.-]+\s+){{0,3}}\Z",
            re.IGNORECASE,
        ),
    )


class _Checker:
    def __init__(self, label: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise DataFileError(f"{label}: expected a mapping of rule names at the top level")
        self.label, self.data = label, data

    def _get(self, dotted: str) -> Any:
        value: Any = self.data
        for key in dotted.split("."):
            if not isinstance(value, dict) or key not in value:
                raise DataFileError(f"{self.label}: key '{dotted}' is missing; add it")
            value = value[key]
        return value

    def number(self, key: str) -> float:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DataFileError(f"{self.label}: key '{key}' must be a number, not {value!r}")
        return float(value)

    def table(self, key: str) -> dict[str, Any]:
        value = self._get(key)
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise DataFileError(
                f"{self.label}: key '{key}' must map words to numbers (quote `on`, `off`)"
            )
        return value

    def words(self, key: str) -> list[str]:
        value = self._get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise DataFileError(f"{self.label}: key '{key}' must be a list of words (quote `on`)")
        return [w.lower() for w in value]

    def pattern(self, key: str) -> re.Pattern[str]:
        value = self._get(key)
        try:
            return re.compile(str(value), re.IGNORECASE)
        except re.error as e:
            raise DataFileError(f"{self.label}: key '{key}' is not a valid regex: {e}") from e
