"""A party's stated future act, coded as what it states: a promise or a threat.

Ontology decisions 1 and 6 (data/ontology/README.md): scheduled meetings stay CONSULT + planned,
but any other act a party says it will do keeps PLOVER's rule: "Syria is willing to withdraw its
troops" is an intent to yield (CONCEDE 0356), "the United Nations will provide food aid" an intent
to give aid (AGREE 0333), "NATO said it would tighten the blockade" a threat (THREATEN 1381), and
"will withdraw its force unless ..." a conditional warning (THREATEN). What happened is the
statement, so the event occurred when it was said.

    cues.yaml `intents` --load_intents--> Intents --stated_intent(...)--> CAMEO code | None

Only a future the actor states counts (``cue``: "will", "plans to", "is willing to", within a few
words before the trigger): a purpose ("rallied to protest") or a date alone is not an intent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dragoman.coding._datafile import compile_any
from dragoman.coding.ontology import Ontology
from dragoman.datafile import LINE, where
from dragoman.errors import DataFileError

__all__ = ["Intents", "load_intents", "refused_concession", "stated_intent"]

_STATUSES = ("planned", "hypothetical")
# each table's codes, by CAMEO root: what a wrong row must be instead
_ROOTS = {
    "promise": ("03", "an intent (03x)"),
    "threat": ("13", "a threat (13x)"),
    "threat_on_terms": ("13", "a threat (13x)"),
    "refusal": ("12", "a refusal (12x)"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Intents:
    cue: re.Pattern[str]  # read at the end of the text before the trigger
    warning: re.Pattern[str]  # read after the trigger: "unless", a condition put as pressure
    condition: re.Pattern[str]  # read after the trigger: "if", an offer or warning on terms
    promise: Mapping[str, str]  # CAMEO prefix of a cooperative act -> its intent code
    threat: Mapping[str, str]  # CAMEO prefix of a hostile act -> its threat code
    threat_on_terms: Mapping[str, str]  # ... of an act that is a threat only on terms (cuts)
    warned: str  # the threat code of a cooperative act held back "unless ..."
    refusal: Mapping[str, str]  # CAMEO prefix of a concession -> the code of refusing it (124x)


def stated_intent(
    intents: Intents | None, *, cameo: str, status: str, before: str, after: str
) -> str | None:
    """The CAMEO code of the promise or threat a party states by announcing ``cameo``, or None
    when the act is not a stated future one (or its type has no such code: meetings, moves)."""
    if intents is None or status not in _STATUSES or not intents.cue.search(before):
        return None
    warned = intents.warning.search(after) is not None
    on_terms = warned or intents.condition.search(after) is not None
    if status == "hypothetical" and not on_terms:
        return None  # "could", "is considering": neither promised nor threatened
    threat = _longest(intents.threat, cameo) or (
        _longest(intents.threat_on_terms, cameo) if on_terms else None
    )
    if threat is not None:
        return threat
    promise = _longest(intents.promise, cameo)
    if promise is not None and warned:
        return intents.warned
    return promise


def refused_concession(intents: Intents | None, *, cameo: str, before: str) -> str | None:
    """The REJECT code of a concession a party says it will not make ("will not lift the
    sanctions": 1244, "will not release the hostages": 1243), or None."""
    if intents is None or not intents.cue.search(before):
        return None
    return _longest(intents.refusal, cameo)


def _longest(table: Mapping[str, str], cameo: str) -> str | None:
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return None


def load_intents(
    path: Path, data: Mapping[str, Any], macros: Mapping[str, str], ontology: Ontology
) -> Intents | None:
    """``intents`` of cues.yaml, each code checked against cameo_codes.tsv; None when absent."""
    raw = data.get("intents")
    if raw is None:
        return None
    at = where(path, raw)
    if not isinstance(raw, Mapping):
        raise DataFileError(f"{at}: `intents` needs cue, warning, condition, promise, threat")
    tables = {
        key: _table(path, raw, key, ontology)
        for key in ("promise", "threat", "threat_on_terms", "refusal")
    }
    warned = str(raw.get("warned", ""))
    if warned not in ontology.cameo:
        raise DataFileError(f"{at}: intents.warned: {warned!r} is not in cameo_codes.tsv")
    patterns = {}
    for key in ("cue", "warning", "condition"):
        pattern = compile_any(raw.get(key), macros, f"{at}: intents.{key}", words=False)
        if pattern is None:
            raise DataFileError(f"{at}: intents.{key} is missing; add a regex")
        patterns[key] = pattern
    return Intents(warned=warned, **patterns, **tables)


def _table(path: Path, raw: Mapping[str, Any], key: str, ontology: Ontology) -> dict[str, str]:
    table = raw.get(key)
    if not isinstance(table, Mapping):
        raise DataFileError(f"{where(path, raw)}: intents.{key} must map CAMEO prefixes to codes")
    out = {str(k): str(v) for k, v in table.items() if k != LINE}
    root, kind = _ROOTS[key]
    for prefix, code in out.items():
        if code not in ontology.cameo or not code.startswith(root):
            raise DataFileError(
                f"{where(path, table)}: intents.{key}: {prefix!r} -> {code!r} must be {kind} "
                "code of cameo_codes.tsv"
            )
    return out
