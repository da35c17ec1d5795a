"""What an agreement is about, read once the whole article is coded.

Fusion tells two agreements reached at one meeting apart by their topics (fuse/similarity.py,
``object_types``), so an agreement's report should carry them even when its own words do not:

- the trigger's scope can be cut short by a later trigger ("agreed to carry out a prisoner
  exchange": "prisoner exchange" codes RETREAT); the topics are then read from the trigger to the
  end of its clause;
- an agreement told again by a definite noun names no object of its own:

    "Kosovo's government denied a report that its negotiators had agreed in Brussels to have a
    draft statute for the Association of Serb-majority Municipalities ready ..."
    "Serbian state media said ... that the two sides had reached the understanding at Thursday's
    meeting with the EU's envoy."

  "the understanding" is the one told before: the later report takes the earlier one's topics, and
  the earlier one, a denial naming one side ("its negotiators"), takes the later one's parties, so
  that the claim and its denial are compared as reports of one act.

Patterns in data/coding/agreement_objects.yaml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from dragoman.coding import evidence as ev
from dragoman.coding._datafile import data_path, load_mapping
from dragoman.coding.lexicon import Cues
from dragoman.datafile import where
from dragoman.errors import DataFileError
from dragoman.model import Event


@dataclass(frozen=True, slots=True)
class ObjectRules:
    types: frozenset[str]
    clause_end: re.Pattern[str]
    told_before: re.Pattern[str]


@functools.cache
def object_rules(path: str | None = None) -> ObjectRules:
    """``agreement_objects.yaml`` (or the file at ``path``), checked and compiled."""
    file = Path(path) if path else data_path("agreement_objects.yaml")
    data = load_mapping(file)
    types = data.get("types")
    patterns = {key: data.get(key) for key in ("clause_end", "told_before")}
    if not isinstance(types, list) or not all(isinstance(p, str) for p in patterns.values()):
        raise DataFileError(
            f"{where(file, data)}: needs `types` (a list of PLOVER types), `clause_end` and "
            "`told_before` (regexes); see the comments in the packaged file"
        )
    try:
        compiled = {key: re.compile(str(p), re.IGNORECASE) for key, p in patterns.items()}
    except re.error as e:
        raise DataFileError(f"{where(file, data)}: bad regex ({e}); fix the pattern") from e
    return ObjectRules(frozenset(map(str, types)), compiled["clause_end"], compiled["told_before"])


def with_objects(events: list[Event], cues: Cues, rules: ObjectRules | None = None) -> list[Event]:
    """``events`` (one article's, in text order) with the topics of their agreements completed."""
    rules = rules or object_rules()
    out = [_clause_topics(e, cues, rules) for e in events]
    for i, event in enumerate(out):
        if event.event_type not in rules.types or event.topics or not _points_back(event, rules):
            continue
        j = _antecedent(out, i)
        if j is None:
            continue
        earlier = out[j]
        out[i] = replace(event, topics=earlier.topics)
        if _parties(earlier) < _parties(event):  # "its negotiators had agreed": one side named
            # ... with whom, and at whose table: the later report's parties and mediator
            mediator = earlier.mediator or event.mediator
            out[j] = replace(earlier, participants=event.participants, mediator=mediator)
    return out


def _clause_topics(event: Event, cues: Cues, rules: ObjectRules) -> Event:
    """An agreement with no topics takes those of the rest of its trigger's clause."""
    if (
        event.event_type not in rules.types
        or event.topics
        or not event.trigger
        or not event.evidence
    ):
        return event
    sentence = event.evidence[0].sentence
    at = sentence.find(event.trigger)
    if at < 0:
        return event
    rest = sentence[at + len(event.trigger) :]
    end = rules.clause_end.search(rest)
    found = ev.topics(cues, rest[: end.start()] if end else rest)
    return replace(event, topics=found) if found else event


def _points_back(event: Event, rules: ObjectRules) -> bool:
    return bool(event.trigger and rules.told_before.search(event.trigger.strip()))


def _antecedent(events: list[Event], i: int) -> int | None:
    """The nearest earlier report of the same type whose object is known and whose parties the
    later report's include (a definite noun does not reach back to other parties' deals)."""
    later = events[i]
    for j in range(i - 1, -1, -1):
        e = events[j]
        if e.event_type == later.event_type and e.topics and _parties(e) <= _parties(later):
            return j
    return None


def _parties(event: Event) -> frozenset[str]:
    return frozenset(
        a.country or a.name
        for a in event.participants
        if a.role not in ("mediator", "intermediary")
    )
