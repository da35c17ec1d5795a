"""Status of a coded act from the words around its trigger (data/coding/status.yaml).

    Window(before, trigger, after, rest) --read_status--> Reading(status, negated, history, ...)

A trigger is read in its clause: ``before`` runs from the previous clause boundary (or trigger) to
the trigger, ``after`` from the trigger to the next one. The first status of ``order`` whose cue is
there wins. Without a cue a verb trigger is "occurred" (``Reading.status`` None, so that the
assembler may still make it "planned" from a future date) and a noun trigger codes nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dragoman.coding._datafile import (
    compile_any,
    compile_pattern,
    data_path,
    load_mapping,
    read_macros,
)
from dragoman.coding.ontology import load_ontology
from dragoman.datafile import where
from dragoman.errors import DataFileError
from dragoman.model import STATUSES

__all__ = ["Reading", "StatusRules", "Window", "load_status_rules", "read_status"]

FUTURE = frozenset({"planned", "postponed", "cancelled", "hypothetical"})


@dataclass(frozen=True, slots=True, kw_only=True)
class _Cue:
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    after_noun: re.Pattern[str] | None
    rest: re.Pattern[str] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusRules:
    order: tuple[str, ...]
    cues: dict[str, _Cue]
    any_cue: _Cue  # every status's cues in one regex per place: a quick "is there any cue?"
    verbal_types: frozenset[str]
    reported_before: re.Pattern[str]
    reported_after: re.Pattern[str]
    reporting: re.Pattern[str]
    progressive: re.Pattern[str]
    condition: re.Pattern[str]
    modal_hypothetical: re.Pattern[str]
    modal_planned: re.Pattern[str]
    negation_before: re.Pattern[str]
    negation_before_noun: re.Pattern[str]
    negation_after: re.Pattern[str]
    history_year: re.Pattern[str]
    history: re.Pattern[str] | None
    habitual: re.Pattern[str] | None
    nested: re.Pattern[str] | None  # after the trigger, where a clause of another act starts
    aside: re.Pattern[str] | None  # before it, a relative clause set off by commas
    # right before it, a passive or perfect relative clause: "a plant which were caused by a "
    background: re.Pattern[str] | None
    max_age_days: int
    date_modifier: re.Pattern[str] | None
    speech_before: re.Pattern[str]  # "said on " right before a date: the statement's date
    speech_after: re.Pattern[str]  # " said" right after one: "the ministry on Friday said"
    same_time: re.Pattern[str]  # ", when " between a date and the clause that shares it
    conjunct_end: re.Pattern[str]  # " and agreed": a date before it ends an earlier conjunct
    sequel: re.Pattern[str]  # "people later gathered": the day of the act told before
    anaphora: re.Pattern[str]  # "The Geneva " before a noun trigger: maybe an act told before
    boundaries: re.Pattern[str]
    circumstantial: re.Pattern[str]
    # "signed at the second round": a meeting named as where a past act happened, so held
    presupposed: re.Pattern[str] | None
    # "follows an opening round held on February 6 in Muscat": the meeting's own participle,
    # after a word that orders it against another act (before), and the participle (after)
    held_own_before: re.Pattern[str] | None
    held_own: re.Pattern[str] | None
    subordinate_before: re.Pattern[str]  # "days before the two countries " (then a verb)
    past_form: re.Pattern[str]  # a trigger in the past tense ("met", "resumed")
    content: dict[str, frozenset[str]]  # governing type -> the types that stay events after it
    content_gap: re.Pattern[str]  # between a governing trigger and one in its complement
    complementizer_end: re.Pattern[str]  # a governing trigger that ends with one ("called for")


@dataclass(frozen=True, slots=True, kw_only=True)
class Window:
    """The text around one trigger, all of it from one sentence."""

    before: str  # clause text before the trigger
    trigger: str
    after: str  # clause text after the trigger
    rest: str  # the sentence after the trigger
    sentence_before: str  # the sentence before the trigger
    before_start: int  # sentence offset where ``before`` starts
    attributed: bool = False  # the sentence cites a source ("..., the Kremlin said")


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    status: str | None  # None: no cue (a verb trigger then defaults to occurred)
    cue_start: int | None = None  # sentence offset of a before-cue (who cancelled, who denied)
    held_at: int | None = None  # sentence offset of a noun's own "held" (its date is near it)
    negated: bool = False
    denial: bool = False  # a denial cue is present
    history: bool = False
    circumstantial: bool = False  # a noun after "after", "at"...; or a trigger inside "if ..."
    # "days before the two countries resume talks": a clause of its own, dated from its own words
    # (and planned when its verb is in the present tense)
    subordinate: bool = False


@functools.cache
def load_status_rules(path: str | None = None) -> StatusRules:
    """Load and compile status.yaml (the packaged one unless ``path`` is given)."""
    file = Path(path) if path else data_path("status.yaml")
    data = load_mapping(file)
    macros = read_macros(file, data)

    def one(key: str, value: Any, *, words: bool = True) -> re.Pattern[str]:
        return compile_pattern(value, macros, f"{where(file, data)}: {key}", words=words)

    order = tuple(data.get("order") or ())
    bad = [s for s in order if s not in STATUSES]
    if not order or bad:
        raise DataFileError(
            f"{where(file, data)}: `order` must list statuses from {', '.join(STATUSES)}"
            + (f"; {bad[0]!r} is not one" if bad else "")
        )
    cues: dict[str, _Cue] = {}
    everything: dict[str, list[str]] = {"before": [], "after": [], "after_noun": [], "rest": []}
    raw = data.get("cues") or {}
    for status in order:
        item = raw.get(status) or {}
        if not isinstance(item, Mapping):
            raise DataFileError(f"{where(file, raw)}: cues.{status} must map before/after/rest")
        ctx = f"{where(file, item, raw.get('__line__', 1))}: cues.{status}"
        cues[status] = _Cue(
            before=compile_any(item.get("before"), macros, f"{ctx}.before"),
            after=compile_any(item.get("after"), macros, f"{ctx}.after"),
            after_noun=compile_any(item.get("after_noun"), macros, f"{ctx}.after_noun"),
            rest=compile_any(item.get("rest"), macros, f"{ctx}.rest"),
        )
        for place, patterns in everything.items():
            value = item.get(place) or []
            patterns.extend([value] if isinstance(value, str) else value)
    reported = data.get("reported_future") or {}
    negation = data.get("negation") or {}
    history = data.get("history") or {}
    modal = data.get("trigger_modal") or {}
    subordinate = data.get("subordinate_future") or {}
    content = data.get("content") or {}
    dates = data.get("dates") or {}
    if not all(
        isinstance(x, Mapping)
        for x in (reported, negation, history, modal, subordinate, content, dates)
    ):
        raise DataFileError(
            f"{file}: reported_future, negation, history, trigger_modal, subordinate_future, "
            "content and dates must be mappings"
        )
    return StatusRules(
        order=order,
        cues=cues,
        any_cue=_Cue(**{k: compile_any(v, macros, f"{file}: cues") for k, v in everything.items()}),
        verbal_types=frozenset(data.get("verbal_types") or ()),
        reported_before=one("reported_future.before", reported.get("before")),
        reported_after=one("reported_future.after", reported.get("after")),
        reporting=one("reporting", data.get("reporting")),
        progressive=one("progressive", data.get("progressive"), words=False),
        condition=one("condition", data.get("condition")),
        modal_hypothetical=one("trigger_modal.hypothetical", modal.get("hypothetical")),
        modal_planned=one("trigger_modal.planned", modal.get("planned")),
        negation_before=one("negation.before", negation.get("before")),
        negation_before_noun=one("negation.before_noun", negation.get("before_noun")),
        negation_after=one("negation.after", negation.get("after")),
        history_year=one("history.year", history.get("year")),
        history=compile_any(history.get("cues"), macros, f"{file}: history.cues"),
        habitual=compile_any(history.get("habitual"), macros, f"{file}: history.habitual"),
        nested=compile_any(history.get("nested"), macros, f"{file}: history.nested"),
        aside=compile_any(history.get("aside"), macros, f"{file}: history.aside", words=False),
        background=compile_any(
            history.get("background"), macros, f"{file}: history.background", words=False
        ),
        max_age_days=int(history.get("max_age_days", 183)),
        date_modifier=compile_any(
            history.get("date_modifier"), macros, f"{file}: history.date_modifier", words=False
        ),
        speech_before=one("dates.speech_before", dates.get("speech_before"), words=False),
        speech_after=one("dates.speech_after", dates.get("speech_after"), words=False),
        same_time=one("dates.same_time", dates.get("same_time"), words=False),
        conjunct_end=one("dates.conjunct_end", dates.get("conjunct_end"), words=False),
        sequel=one("dates.sequel", dates.get("sequel"), words=False),
        anaphora=one("anaphora", data.get("anaphora"), words=False),
        boundaries=one("boundaries", data.get("boundaries"), words=False),
        circumstantial=one("circumstantial", data.get("circumstantial")),
        presupposed=compile_any(data.get("presupposed"), macros, f"{file}: presupposed"),
        held_own_before=compile_any(
            (data.get("held_own") or {}).get("before"), macros, f"{file}: held_own.before"
        ),
        held_own=compile_any(
            (data.get("held_own") or {}).get("after"), macros, f"{file}: held_own.after"
        ),
        subordinate_before=one("subordinate_future.before", subordinate.get("before")),
        past_form=one("subordinate_future.past", subordinate.get("past"), words=False),
        content=_governs(file, content),
        content_gap=one("content.gap", content.get("gap"), words=False),
        complementizer_end=one(
            "content.complementizer_end", content.get("complementizer_end"), words=False
        ),
    )


def _governs(file: Path, content: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    """content.governs: PLOVER type -> the types that stay events in its complement."""
    raw = content.get("governs")
    if not isinstance(raw, Mapping):
        raise DataFileError(
            f"{where(file, content)}: content.governs must map a type to a list of types, "
            "e.g. {REQUEST: [], AGREE: [CONSULT]}"
        )
    known = load_ontology().types
    out: dict[str, frozenset[str]] = {}
    for kind, kept in raw.items():
        if kind == "__line__":
            continue
        if not isinstance(kept, list) or not all(isinstance(k, str) for k in kept):
            raise DataFileError(
                f"{where(file, raw)}: content.governs.{kind} must be a list of types, e.g. []"
            )
        unknown = [t for t in (kind, *kept) if t not in known]
        if unknown:
            raise DataFileError(
                f"{where(file, raw)}: content.governs: {unknown[0]!r} is not a PLOVER type "
                f"({', '.join(known)})"
            )
        out[str(kind)] = frozenset(kept)
    return out


def read_status(
    rules: StatusRules,
    window: Window,
    *,
    event_type: str,
    noun: bool,
    published_year: int | None,
) -> Reading:
    """Read the status cues, negation, history and circumstance of one trigger."""
    if _is_history(rules, _own_clause(rules, window), published_year):
        return Reading(status=None, history=True)
    if rules.background is not None and rules.background.search(window.sentence_before):
        # "observers who were taken hostage": what happened to the noun, told as background
        return Reading(status=None, history=True)
    if noun and rules.circumstantial.search(window.sentence_before):
        if rules.presupposed is not None and rules.presupposed.search(window.sentence_before):
            return Reading(status="occurred")  # "the protocol signed at the second round"
        held = _held_own(rules, window)
        if held is not None:
            return Reading(status="occurred", held_at=held)  # "follows a round held on 6 Feb"
        return Reading(status=None, circumstantial=True)
    if rules.condition.search(window.before):
        return Reading(status=None, circumstantial=True)
    if noun:
        window = _predicate(rules, window)
    present = _present(rules.any_cue, window)
    denial = _cue(rules, "denied", window, verbal=False, noun=noun, present=present)
    negation = rules.negation_before_noun if noun else rules.negation_before
    negated = bool(negation.search(window.before) or rules.negation_after.search(window.after))
    verbal = event_type in rules.verbal_types and not noun
    subordinate = not noun and bool(rules.subordinate_before.search(window.sentence_before))
    future = subordinate and not rules.past_form.match(window.trigger)
    for status in rules.order:
        found = _found(rules, status, window, verbal=verbal, noun=noun, present=present)
        if status == "denied":
            found = denial
        if found is None and status == "planned" and future:
            found = window.before_start + len(window.before)
        if found is not None:
            return Reading(
                status=status,
                cue_start=found,
                negated=negated,
                denial=denial is not None,
                subordinate=subordinate,
            )
    return Reading(status=None, negated=negated, subordinate=subordinate)


def _held_own(rules: StatusRules, w: Window) -> int | None:
    """Where "held" stands (sentence offset) when a meeting named after "follows", "since",
    "after" ... has its own participle with a day or a place: "the session follows an opening
    round held on February 6 in Muscat" tells that round, not only a circumstance. After
    "during" or "at" the meeting is the setting of the act the sentence tells, so it stays one."""
    if rules.held_own is None or rules.held_own_before is None:
        return None
    if not rules.held_own_before.search(w.sentence_before):
        return None
    m = rules.held_own.search(w.after)
    if m is None:
        return None
    return w.before_start + len(w.before) + len(w.trigger) + m.start("held")


def _predicate(rules: StatusRules, w: Window) -> Window:
    """A noun's own predicate ends at the first comma when a status cue comes before it: in
    "where the first round was held on February 6, Omani mediators are expected to carry ...",
    the round was held; what follows the comma is another clause's. After an apposition ("The
    third round, due to open next Tuesday, has been postponed") the whole clause is read."""
    comma = w.after.find(",")
    if comma <= 0 or not w.after[:comma].strip():
        return w
    head = replace(w, after=w.after[:comma])
    if rules.any_cue.after_noun is None or not rules.any_cue.after_noun.search(head.after):
        return w
    return head


def _found(
    rules: StatusRules,
    status: str,
    w: Window,
    *,
    verbal: bool,
    noun: bool,
    present: tuple[bool, bool, bool, bool],
) -> int | None:
    """Where the text says ``status`` (its cues, and a few rules of grammar), or None."""
    if status == "denied" or (status == "occurred" and not noun):
        return None  # denial is read first; a verb is "occurred" by default
    cue = _cue(rules, status, w, verbal=verbal, noun=noun, present=present)
    if status == "hypothetical":
        return _first(cue, _reported(rules, w, planned=False), _modal(rules.modal_hypothetical, w))
    if status == "planned":
        return _first(cue, _reported(rules, w, planned=True), _modal(rules.modal_planned, w))
    if status == "ongoing":
        return _first(cue, _progressive(rules, w))
    return cue


def _first(*offsets: int | None) -> int | None:
    return next((o for o in offsets if o is not None), None)


def _present(cue: _Cue, w: Window) -> tuple[bool, bool, bool, bool]:
    """Which of before, after, after_noun and rest hold any status cue at all."""
    return (
        cue.before is not None and cue.before.search(w.before) is not None,
        cue.after is not None and cue.after.search(w.after) is not None,
        cue.after_noun is not None and cue.after_noun.search(w.after) is not None,
        cue.rest is not None and cue.rest.search(w.rest) is not None,
    )


def _cue(
    rules: StatusRules,
    status: str,
    w: Window,
    *,
    verbal: bool,
    noun: bool,
    present: tuple[bool, bool, bool, bool] = (True, True, True, True),
) -> int | None:
    """Sentence offset of the status cue (the trigger's own offset for after-cues), or None."""
    cue = rules.cues.get(status)
    if cue is None:
        return None
    in_before, in_after, in_after_noun, in_rest = present
    if in_before and cue.before is not None:
        m = cue.before.search(w.before)
        if m:
            return w.before_start + m.start()
    # The complement of a speech act ("urged them to meet if ...") is not the act's own status.
    if verbal and status not in ("denied", "cancelled", "postponed"):
        return None
    trigger_at = w.before_start + len(w.before)
    if in_after and cue.after is not None and cue.after.search(w.after):
        return trigger_at
    if noun and in_after_noun and cue.after_noun is not None and cue.after_noun.search(w.after):
        return trigger_at
    if in_rest and cue.rest is not None and cue.rest.search(w.rest):
        return trigger_at
    return None


def _reported(rules: StatusRules, w: Window, *, planned: bool) -> int | None:
    """'would' is planned after a reporting verb ("said they would meet"), else hypothetical."""
    m = rules.reported_before.search(w.before)
    at = w.before_start + m.start() if m else None
    if m is None and rules.reported_after.search(w.after):
        at = w.before_start + len(w.before)
    if at is None:
        return None
    reported = w.attributed or bool(
        rules.reporting.search(w.sentence_before) or rules.reporting.search(w.rest)
    )
    return at if reported == planned else None


def _modal(regex: re.Pattern[str], w: Window) -> int | None:
    """A modal inside the trigger itself ("treaty could be signed")."""
    m = regex.search(w.trigger)
    return w.before_start + len(w.before) + m.start() if m else None


def _progressive(rules: StatusRules, w: Window) -> int | None:
    first = w.trigger.split(maxsplit=1)[0].lower() if w.trigger.strip() else ""
    if first.endswith("ing") and rules.progressive.search(w.before):
        return w.before_start + len(w.before)
    return None


def _own_clause(rules: StatusRules, window: Window) -> str:
    """The clause without what relative clauses and participles tell of other acts: "launched an
    inquiry into crimes committed during the 1991-95 war", "Armenia and Azerbaijan, which fought a
    war in 2020, met on Tuesday" are no history."""
    nested = rules.nested.search(window.after) if rules.nested is not None else None
    after = window.after[: nested.start()] if nested is not None else window.after
    before = window.before
    if rules.aside is not None:  # read in the whole sentence: the window may open inside one
        text, start = window.sentence_before, len(window.sentence_before) - len(before)
        before = _without(text, start, [m.span() for m in rules.aside.finditer(text)])
    return f"{before}{window.trigger}{after}"


def _without(text: str, start: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:]`` with the characters of ``spans`` (in order, not overlapping) left out."""
    kept, at = [], start
    for a, b in spans:
        if b > at:
            kept.append(text[at : max(a, at)])
            at = b
    kept.append(text[at:])
    return "".join(kept)


def _is_history(rules: StatusRules, clause: str, published_year: int | None) -> bool:
    if published_year is not None:
        for m in rules.history_year.finditer(clause):
            if int(m.group("year")) < published_year:
                return True
    if rules.history is not None and rules.history.search(clause):
        return True
    return bool(rules.habitual is not None and rules.habitual.search(clause))
