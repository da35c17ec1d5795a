"""The coder's lexicon: triggers.yaml and cues.yaml, validated against the ontology and compiled.

    data/coding/triggers.yaml + cues.yaml --load_lexicon--> Lexicon(triggers, cues)
    data/coding/cameo_verbs.tsv (generated) ---------------> Lexicon.secondary

The secondary lexicon is generated from the PETRARCH2 CAMEO verb dictionary by
tools/build_verb_lexicon.py: thousands of verb phrases, read only for a sentence in which no
hand-written trigger matches (rules.find_matches), and losing to a hand-written trigger on overlap
should the two ever meet (priority -1). Its regexes are compiled on first use: most never meet a
sentence with the words they need, and compiling all of them takes seconds.

Each trigger's CAMEO code must exist in cameo_codes.tsv with the trigger's PLOVER type, its mode
must be a mode of that type, its contexts PLOVER's; anything else is a DataFileError naming
``file:line``. ``cameo: null`` codes an act CAMEO has no code for (a resignation: RETREAT/resign);
such a trigger must name its mode, and its events carry ``cameo`` None (CAMEO exports skip them).
The lexicon is loaded once per path and shared: it is immutable.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman.coding._datafile import (
    compile_any,
    compile_pattern,
    data_path,
    expand,
    load_mapping,
    read_macros,
)
from dragoman.coding._prefix import prefixes
from dragoman.coding.intents import Intents, load_intents
from dragoman.coding.ontology import Ontology, load_ontology
from dragoman.datafile import LINE, where
from dragoman.errors import DataFileError

__all__ = ["Cues", "ImpliedActor", "Lexicon", "MediatorCue", "Secondary", "Trigger", "load_lexicon"]

ROLES = ("symmetric", "directed", "passive", "domestic", "venue", "mediation", "from_to")
KINDS = ("verb", "noun")
_REQUIRED = ("id", "pattern", "event_type", "cameo", "mode", "context", "roles")
_OPTIONAL = (
    "kind",
    "priority",
    "subordinate",
    "unless",
    "agent",
    "patient",
    "target_from_place",
    "anaphoric",
    "needs_target",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ImpliedActor:
    """An actor a trigger implies when the text names none ("protesters", "security forces")."""

    name: str
    sector: str | None
    cue: re.Pattern[str] | None = None  # the patient is used only when its cue is in the sentence


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    id: str
    regex: re.Pattern[str]
    event_type: str
    cameo: str | None  # None: an act CAMEO has no code for, named by its PLOVER mode
    mode: str | None
    context: tuple[str, ...]
    roles: str
    kind: str = "verb"
    priority: int = 0
    subordinate: bool = False
    unless: re.Pattern[str] | None = None
    agent: ImpliedActor | None = None
    patient: ImpliedActor | None = None
    target_from_place: bool = False
    anaphoric: bool = False  # names a known process's meeting ("the round"): parties carry over
    needs_target: bool = False  # codes only with a recipient ("said that Sudan must": Sudan)
    line: int = 0
    prefixes: frozenset[str] | None = None  # what a match starts with (a pre-check), or None


@dataclass(frozen=True, slots=True, kw_only=True)
class MediatorCue:
    regex: re.Pattern[str]
    role: str  # "mediator" | "intermediary"


@dataclass(frozen=True, slots=True, kw_only=True)
class Cues:
    mediator_before: tuple[MediatorCue, ...]
    mediator_after: tuple[MediatorCue, ...]
    mediator_mention: tuple[MediatorCue, ...]
    location_prepositions: frozenset[str]
    destination_prepositions: frozenset[str]
    sports: re.Pattern[str] | None
    sports_prefixes: frozenset[str] | None  # what a sports match starts with (_prefix.py)
    mediator_hint: tuple[str, ...]  # a sentence with none of these has no mediator
    topics: tuple[tuple[str, re.Pattern[str], frozenset[str] | None], ...]  # tag, regex, prefixes
    rounds: re.Pattern[str]
    round_numbers: dict[str, int]
    confidence: dict[str, float]
    trip_purpose: re.Pattern[str] | None = None  # "travel to Geneva for the talks with ..."
    trip_stops: re.Pattern[str] | None = None  # where a trip's purpose can no longer be read
    trip_with: re.Pattern[str] | None = None  # "... with", "... between": the meeting's sides
    trip_talks: frozenset[str] = frozenset()  # meeting words that name talks (046)
    source_required: frozenset[str] = frozenset()  # types coded only with a source
    # CAMEO code -> PLOVER type of the act when two parties or more do it together (decision 15)
    between_parties: Mapping[str, str] = field(default_factory=dict)
    sides: re.Pattern[str] | None = None  # "both sides", "the two governments"
    object_anaphor: re.Pattern[str] | None = None  # "renewed that demand": recipient told before
    act_object: re.Pattern[str] | None = None  # "welcomed the signing": the signers receive it
    intents: Intents | None = None  # a stated future act: its promise or threat (intents.py)
    agenda: re.Pattern[str] | None = None  # "talks focused on ...": the article's talks' topics
    agenda_negated: re.Pattern[str] | None = None  # "... is not on the agenda"


_SECONDARY_COLUMNS = ("id", "pattern", "cameo", "event_type", "mode", "context", "roles", "starts",
                      "index", "needs", "verb", "line")  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Row:
    id: str
    pattern: str  # macros expanded, not yet compiled
    event_type: str
    cameo: str
    mode: str | None
    context: tuple[str, ...]
    roles: str
    starts: frozenset[str]  # the lower-case words a match starts with
    line: int  # in the dictionary the row was generated from


@dataclass(frozen=True, slots=True, kw_only=True)
class Secondary:
    """The generated triggers, found through the words every match needs (``\\w+`` tokens).

    A row's ``needs`` (cameo_verbs.tsv) are groups of words, a word of each in every match. The
    row is indexed by a pair: a word of its ``index`` group and a word of another group (its verb,
    mostly), "" when it has one group; groups past those two are checked one by one.
    """

    rows: tuple[_Row, ...]
    rest: tuple[tuple[frozenset[str], ...], ...]  # per row: the groups the index leaves out
    by_words: dict[str, dict[str, tuple[int, ...]]]  # index word -> other word -> rows
    _compiled: dict[int, Trigger] = field(default_factory=dict, compare=False, repr=False)

    def candidates(self, words: Collection[str]) -> list[int]:
        """The rows that may match a text made of these lower-case words, in file order."""
        found: set[int] = set()
        by_words = self.by_words
        for first in words:
            inner = by_words.get(first)
            if inner is None:
                continue
            found.update(inner.get("", ()))
            for second in words:
                if second in inner:
                    found.update(inner[second])
        return sorted(i for i in found if all(not g.isdisjoint(words) for g in self.rest[i]))

    def trigger(self, i: int) -> Trigger:
        """Row ``i`` as a Trigger, its regex compiled on first use."""
        trig = self._compiled.get(i)
        if trig is None:
            row = self.rows[i]
            trig = self._compiled[i] = Trigger(
                id=row.id,
                regex=re.compile(rf"(?<!\w)(?:{row.pattern})(?!\w)", re.IGNORECASE),
                event_type=row.event_type,
                cameo=row.cameo,
                mode=row.mode,
                context=row.context,
                roles=row.roles,
                priority=-1,  # any overlapping hand-written trigger wins
                line=row.line,
            )
        return trig


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    cues: Cues
    ontology: Ontology
    # trigger positions by the 1-3 letters their matches start with; `unindexed` always run
    by_prefix: dict[str, tuple[int, ...]]
    unindexed: tuple[int, ...]
    secondary: Secondary = field(default_factory=lambda: Secondary(rows=(), rest=(), by_words={}))


@functools.cache
def load_lexicon(
    triggers: str | None = None, cues: str | None = None, verbs: str | None = None
) -> Lexicon:
    """Load, validate and compile the trigger and cue files (the packaged ones by default).

    ``verbs``: the generated secondary lexicon (default ``cameo_verbs.tsv``; "" for none).
    """
    ontology = load_ontology()
    loaded = _load_triggers(Path(triggers) if triggers else data_path("triggers.yaml"), ontology)
    by_prefix: dict[str, list[int]] = {}
    for i, trig in enumerate(loaded):
        for key in trig.prefixes or ():
            by_prefix.setdefault(key, []).append(i)
    return Lexicon(
        triggers=loaded,
        cues=_load_cues(Path(cues) if cues else data_path("cues.yaml"), ontology),
        ontology=ontology,
        by_prefix={k: tuple(v) for k, v in by_prefix.items()},
        unindexed=tuple(i for i, t in enumerate(loaded) if t.prefixes is None),
        secondary=_load_secondary(
            Path(verbs) if verbs else data_path("cameo_verbs.tsv"), ontology, skip=verbs == ""
        ),
    )


def _load_secondary(path: Path, ontology: Ontology, *, skip: bool = False) -> Secondary:
    """Read cameo_verbs.tsv: ``#macro`` lines, then a header row and one trigger per row."""
    if skip:
        return Secondary(rows=(), rest=(), by_words={})
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DataFileError(
            f"{path}: cannot read the file ({e.strerror}); reinstall dragoman"
        ) from e
    macros: dict[str, str] = {}
    body: list[tuple[int, str]] = []
    for n, line in enumerate(lines, start=1):
        if line.startswith("#macro\t"):
            _, name, regex = (line.split("\t") + ["", ""])[:3]
            macros[name] = expand(regex, macros, f"{path}:{n}: macro {name}")
        elif line.strip() and not line.startswith("#"):
            body.append((n, line))
    if not body or tuple(body[0][1].split("\t")) != _SECONDARY_COLUMNS:
        raise DataFileError(
            f"{path}: the header row must be {' '.join(_SECONDARY_COLUMNS)} (tab-separated); "
            "regenerate it with tools/build_verb_lexicon.py"
        )
    rows: list[_Row] = []
    rest: list[tuple[frozenset[str], ...]] = []
    by_words: dict[str, dict[str, list[int]]] = {}
    for (n, _), cells in zip(body[1:], csv.reader((b for _, b in body[1:]), delimiter="\t",
                                                   quoting=csv.QUOTE_NONE)):  # fmt: skip
        if len(cells) != len(_SECONDARY_COLUMNS):
            raise DataFileError(
                f"{path}:{n}: expected {len(_SECONDARY_COLUMNS)} tab-separated cells"
            )
        r = dict(zip(_SECONDARY_COLUMNS, cells))
        mode, context = r["mode"] or None, tuple(c for c in r["context"].split(",") if c)
        problem = ontology.check(
            event_type=r["event_type"], cameo=r["cameo"], mode=mode, contexts=context
        )
        if problem or r["roles"] not in ROLES:
            raise DataFileError(
                f"{path}:{n}: {r['id']}: {problem or 'unknown roles ' + r['roles']}"
            )
        index = frozenset(r["index"].split())
        groups = [frozenset(g.split("|")) for g in r["needs"].split()]
        groups = [g for g in groups if g != index]
        other = groups.pop(0) if groups else frozenset({""})
        for first in index:
            inner = by_words.setdefault(first, {})
            for second in other:
                inner.setdefault(second, []).append(len(rows))
        rest.append(tuple(groups))
        rows.append(
            _Row(
                id=r["id"],
                pattern=expand(r["pattern"], macros, f"{path}:{n}: {r['id']}"),
                event_type=r["event_type"],
                cameo=r["cameo"],
                mode=mode,
                context=context,
                roles=r["roles"],
                starts=frozenset(r["starts"].split()),
                line=int(r["line"] or 0),
            )
        )
    return Secondary(
        rows=tuple(rows),
        rest=tuple(rest),
        by_words={k: {w: tuple(v) for w, v in d.items()} for k, d in by_words.items()},
    )


def _load_triggers(path: Path, ontology: Ontology) -> tuple[Trigger, ...]:
    data = load_mapping(path)
    macros = read_macros(path, data)
    items = data.get("triggers")
    if not isinstance(items, list) or not items:
        raise DataFileError(f"{where(path, data)}: `triggers` must be a non-empty list")
    seen: dict[str, str] = {}
    out: list[Trigger] = []
    for item in items:
        at = where(path, item)
        if not isinstance(item, Mapping):
            raise DataFileError(f"{at}: each trigger must be a mapping with {', '.join(_REQUIRED)}")
        tid = item.get("id")
        name = f"trigger {tid!r}" if tid else "trigger"
        missing = [k for k in _REQUIRED if k not in item]
        if missing:
            raise DataFileError(f"{at}: {name} has no {missing[0]!r}; add `{missing[0]}: ...`")
        unknown = [k for k in item if k not in _REQUIRED and k not in _OPTIONAL and k != LINE]
        if unknown:
            known = ", ".join((*_REQUIRED, *_OPTIONAL))
            raise DataFileError(f"{at}: {name} has unknown key {unknown[0]!r}; known keys: {known}")
        if not isinstance(tid, str) or not tid:
            raise DataFileError(f"{at}: trigger id must be a non-empty string")
        if tid in seen:
            raise DataFileError(f"{at}: trigger id {tid!r} is already used at {seen[tid]}")
        seen[tid] = at
        out.append(_trigger(item, at, name, macros, ontology))
    missing_types = [t for t in ontology.types if not any(tr.event_type == t for tr in out)]
    if missing_types:
        raise DataFileError(f"{path}: no trigger codes {', '.join(missing_types)}; add some")
    return tuple(out)


def _trigger(
    item: Mapping[str, Any], at: str, name: str, macros: dict[str, str], ontology: Ontology
) -> Trigger:
    cameo, mode, context = item["cameo"], item["mode"], item["context"]
    if cameo is not None and not isinstance(cameo, str):
        raise DataFileError(
            f'{at}: {name}: cameo must be a quoted string, e.g. cameo: "046", or null for an act '
            "CAMEO has no code for"
        )
    if mode is not None and not isinstance(mode, str):
        raise DataFileError(f"{at}: {name}: mode must be a PLOVER mode name or null")
    if not isinstance(context, list) or not all(isinstance(c, str) for c in context):
        raise DataFileError(f"{at}: {name}: context must be a list, e.g. [diplomatic] or []")
    problem = ontology.check(
        event_type=str(item["event_type"]), cameo=cameo, mode=mode, contexts=context
    )
    if problem:
        raise DataFileError(f"{at}: {name}: {problem}")
    roles, kind = item["roles"], item.get("kind", "verb")
    if roles not in ROLES:
        raise DataFileError(f"{at}: {name}: roles {roles!r} is not one of {', '.join(ROLES)}")
    if kind not in KINDS:
        raise DataFileError(f"{at}: {name}: kind {kind!r} is not one of {', '.join(KINDS)}")
    priority = item.get("priority", 0)
    if not isinstance(priority, int):
        raise DataFileError(f"{at}: {name}: priority must be an integer")
    for flag in ("subordinate", "target_from_place", "anaphoric", "needs_target"):
        if not isinstance(item.get(flag, False), bool):
            raise DataFileError(f"{at}: {name}: {flag} must be true or false")
    regex = compile_pattern(item["pattern"], macros, f"{at}: {name}")
    return Trigger(
        id=item["id"],
        regex=regex,
        event_type=item["event_type"],
        cameo=cameo,
        mode=mode,
        context=tuple(context),
        roles=roles,
        kind=kind,
        priority=priority,
        subordinate=item.get("subordinate", False),
        unless=compile_any(item.get("unless"), macros, f"{at}: {name}: unless"),
        agent=_implied(item.get("agent"), at, f"{name}: agent", macros, ontology),
        patient=_implied(item.get("patient"), at, f"{name}: patient", macros, ontology),
        target_from_place=item.get("target_from_place", False),
        anaphoric=item.get("anaphoric", False),
        needs_target=item.get("needs_target", False),
        line=int(item.get(LINE, 0)),
        prefixes=prefixes(regex),
    )


def _implied(
    value: Any, at: str, name: str, macros: dict[str, str], ontology: Ontology
) -> ImpliedActor | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not isinstance(value.get("name"), str):
        raise DataFileError(f"{at}: {name} must be a mapping with `name` and `sector`")
    sector = value.get("sector")
    if sector is not None and sector not in ontology.sectors:
        raise DataFileError(f"{at}: {name}: sector {sector!r} is not in sectors.tsv")
    cue = value.get("cue")
    return ImpliedActor(
        name=value["name"],
        sector=sector,
        cue=compile_pattern(cue, macros, f"{at}: {name}: cue") if cue is not None else None,
    )


def _load_cues(path: Path, ontology: Ontology) -> Cues:
    data = load_mapping(path)
    macros = read_macros(path, data)
    med = data.get("mediators")
    if not isinstance(med, Mapping):
        raise DataFileError(f"{where(path, data)}: `mediators` must map before/after/mention")

    def mediator_cues(key: str) -> tuple[MediatorCue, ...]:
        out = []
        for item in med.get(key) or []:
            at = where(path, item, med.get(LINE, 1))
            if not isinstance(item, Mapping) or item.get("role") not in (
                "mediator",
                "intermediary",
            ):
                raise DataFileError(
                    f"{at}: {key}: each cue needs `pattern` and `role: mediator` or "
                    "`role: intermediary`"
                )
            regex = compile_pattern(item.get("pattern"), macros, f"{at}: {key}", words=False)
            out.append(MediatorCue(regex=regex, role=item["role"]))
        return tuple(out)

    topics = []
    for item in data.get("topics") or []:
        at = where(path, item)
        if not isinstance(item, Mapping) or not isinstance(item.get("tag"), str):
            raise DataFileError(f"{at}: each topic needs `tag` and `pattern`")
        regex = compile_pattern(item.get("pattern"), macros, at)
        topics.append((item["tag"], regex, prefixes(regex)))
    sports = compile_any(data.get("sports"), macros, f"{where(path, data)}: sports")
    hint = med.get("hint") or []
    if not isinstance(hint, list) or not all(isinstance(h, str) for h in hint):
        raise DataFileError(f"{where(path, med)}: mediators.hint must be a list of words")
    rounds = data.get("rounds")
    if not isinstance(rounds, Mapping) or not isinstance(rounds.get("numbers"), Mapping):
        raise DataFileError(f"{where(path, data)}: `rounds` needs `pattern` and `numbers`")
    for key in ("trip_talks", "source_required"):
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataFileError(f"{where(path, data)}: `{key}` must be a list of words")
    unknown = [t for t in data.get("source_required") or () if t not in ontology.types]
    if unknown:
        raise DataFileError(
            f"{where(path, data)}: source_required: {unknown[0]!r} is not a PLOVER type "
            f"({', '.join(ontology.types)})"
        )
    between = _between_parties(path, data, ontology)
    confidence = data.get("confidence") or {}
    try:
        conf = {str(k): float(v) for k, v in confidence.items() if k != LINE}
    except (TypeError, ValueError) as e:
        raise DataFileError(f"{where(path, confidence)}: confidence values must be numbers") from e
    return Cues(
        mediator_before=mediator_cues("before"),
        mediator_after=mediator_cues("after"),
        mediator_mention=mediator_cues("mention"),
        location_prepositions=frozenset(data.get("location_prepositions") or ()),
        destination_prepositions=frozenset(data.get("destination_prepositions") or ()),
        sports=sports,
        sports_prefixes=prefixes(sports) if sports is not None else None,
        mediator_hint=tuple(h.lower() for h in hint),
        topics=tuple(topics),
        rounds=compile_pattern(rounds.get("pattern"), macros, where(path, rounds)),
        round_numbers={str(k): int(v) for k, v in rounds["numbers"].items() if k != LINE},
        confidence=conf,
        trip_purpose=compile_any(data.get("trip_purpose"), macros, f"{path}: trip_purpose"),
        trip_stops=compile_any(data.get("trip_stops"), macros, f"{path}: trip_stops", words=False),
        trip_with=compile_any(data.get("trip_with"), macros, f"{path}: trip_with", words=False),
        trip_talks=frozenset(w.lower() for w in data.get("trip_talks") or ()),
        source_required=frozenset(data.get("source_required") or ()),
        between_parties=between,
        sides=compile_any(data.get("sides"), macros, f"{path}: sides"),
        object_anaphor=compile_any(data.get("object_anaphor"), macros, f"{path}: object_anaphor"),
        act_object=compile_any(data.get("act_object"), macros, f"{path}: act_object", words=False),
        intents=load_intents(path, data, macros, ontology),
        agenda=compile_any(data.get("agenda"), macros, f"{path}: agenda"),
        agenda_negated=compile_any(data.get("agenda_negated"), macros, f"{path}: agenda_negated"),
    )


def _between_parties(path: Path, data: Mapping[str, Any], ontology: Ontology) -> dict[str, str]:
    """``between_parties`` of cues.yaml: CAMEO code -> the PLOVER type of a joint act."""
    raw = data.get("between_parties") or {}
    if not isinstance(raw, Mapping):
        raise DataFileError(
            f"{where(path, data)}: `between_parties` must map a CAMEO code to a type"
        )
    out = {str(k): v for k, v in raw.items() if k != LINE}
    for code, kind in out.items():
        if code not in ontology.cameo or kind not in ontology.types:
            raise DataFileError(
                f"{where(path, raw)}: between_parties: {code!r}: {kind!r} needs a CAMEO code of "
                f"cameo_codes.tsv and a PLOVER type ({', '.join(ontology.types)})"
            )
    return out
