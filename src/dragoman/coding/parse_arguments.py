"""The subject and objects of a trigger, read from a dependency parse as token indices.

    Doc + trigger span --arguments--> Arguments(subjects, objects, passive, speaker, ...)

parse_roles.py turns these tokens into actor mentions. The words the reading needs (target and
locative prepositions, light verbs, verbs of saying) are data: data/coding/parse_roles.yaml.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dragoman.coding._datafile import data_path, load_mapping
from dragoman.errors import DataFileError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Arguments", "ParseWords", "arguments", "parse_words"]

_NOUN_MODIFIERS = ("det", "poss", "amod", "compound", "nummod")

_SUBJECT = ("nsubj", "csubj")
_OBJECT = ("dobj", "dative", "obj")
# A predicate whose subject is its governor's: "agreed to set up", "met ... and agreed".
_SHARES_SUBJECT = ("xcomp", "conj")
# Links from a clause up to the verb it depends on: "said (that) they met", "accused X of plotting".
_CLAUSAL = ("ccomp", "xcomp", "conj", "advcl", "parataxis", "pcomp")


@dataclass(frozen=True, slots=True)
class ParseWords:
    """The word lists of data/coding/parse_roles.yaml, lower-cased."""

    target_prepositions: frozenset[str]
    light_verbs: frozenset[str]
    phrase_prepositions: frozenset[str]
    locative_prepositions: frozenset[str]
    speech_verbs: frozenset[str]
    speaker_pronouns: frozenset[str]
    venue_nouns: frozenset[str]


@functools.cache
def parse_words() -> ParseWords:
    """The packaged word lists, read once; DataFileError names the key that is no word list."""
    path = data_path("parse_roles.yaml")
    data = load_mapping(path)
    lists: dict[str, frozenset[str]] = {}
    for key in ParseWords.__slots__:
        value = data.get(key)
        if not isinstance(value, list):
            raise DataFileError(f"{path}: `{key}` must be a list of lower-case words")
        for word in value:
            if not isinstance(word, str):
                raise DataFileError(
                    f"{path}: `{key}` has {word!r}, not a word; quote it "
                    "(YAML reads on/off/yes/no as true or false)"
                )
        lists[key] = frozenset(w.lower() for w in value)
    return ParseWords(**lists)


@dataclass(frozen=True, slots=True)
class Arguments:
    """The trigger's argument tokens (conjuncts included), as token indices."""

    subjects: tuple[int, ...] = ()
    objects: tuple[int, ...] = ()
    further: tuple[int, ...] = ()  # objects of a "to" clause: "threatened to resume attacks"
    places: tuple[int, ...] = ()  # objects of "in": "opened an embassy in Tehran"
    # ... on its "to" clause or that clause's object, where the act lands: "threatened to ban
    # voting in East Jerusalem" (not where it was said: "rejected the proposal in Geneva")
    object_places: tuple[int, ...] = ()
    passive: bool = False
    reported: bool = False  # the act is the complement of a verb of saying
    speaker: tuple[int, ...] = ()  # that verb's subject
    # coordinated subjects, each a token and its conjuncts: "Russia, Ukraine and the US"
    coordinated: tuple[tuple[int, ...], ...] = ()
    predicate: int | None = None  # the verb (or noun) the act's arguments hang on


def arguments(doc: Doc, start: int, end: int) -> Arguments | None:
    """The subject and objects of the trigger at characters [start, end) of the sentence."""
    inside = [t for t in doc if start <= t.idx < end]
    if not inside:
        return None
    words = parse_words()
    head = _span_head(inside)
    span = {t.i for t in inside}
    subjects: list[Token] = []
    objects: list[Token] = []
    passive = False
    predicate = head
    if head.dep_ in _OBJECT and head.head.i not in span and head.head.lower_ in words.light_verbs:
        predicate = head.head  # "held talks with": the light verb supplies the subject
    elif _nominal(head):
        subjects.extend(_noun_owners(head))  # "Israeli strikes on Gaza", "Russia's attack"
    for t in {predicate, *inside}:
        if t.dep_ == "prep" and t.lower_ in words.target_prepositions:
            objects.extend(c for c in t.children if c.dep_ == "pobj")  # "met with" in the trigger
        for child in t.children:
            if child.dep_ in _SUBJECT and t is predicate:  # "drones attacked": in the trigger too
                subjects.append(child)
            elif child.i in span and child is not head:
                if child.dep_ in _OBJECT and _named(child):
                    objects.append(child)  # a trigger that holds its object: "blockade Paris"
                continue  # the trigger's own words: "talks" of "held talks"
            elif child.dep_ in _SUBJECT:
                continue  # the subject of another word of the trigger
            elif child.dep_ == "nsubjpass" and t is predicate:
                objects.append(child)
                passive = True
            elif child.dep_ == "agent":
                subjects.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "dative" and child.lower_ in words.target_prepositions:
                objects.extend(c for c in child.children if c.dep_ == "pobj")  # "sent aid to"
            elif child.dep_ in _OBJECT and child.i not in span:
                objects.append(child)
                objects.extend(_prep_objects(child, words))  # "fired two shells at Seoul"
            elif child.dep_ == "prep" and child.lower_ in words.target_prepositions:
                objects.extend(c for c in child.children if c.dep_ == "pobj")
        if t is not predicate and t.dep_ in _OBJECT:
            objects.extend(_prep_objects(t, words))  # "held talks with": the noun's "with"
    further = _complement_objects(predicate, words)
    places = _locatives([predicate, *inside, *objects, *further], words)
    object_places = _locatives([*further, *_complements(predicate)], words)
    if not subjects:
        subjects = _inherited_subject(predicate)
    speech = _reporting_verb(predicate, words)
    speaker = [c for c in speech.children if c.dep_ in _SUBJECT] if speech is not None else []
    if (
        speech is not None
        and subjects
        and all(s.lower_ in words.speaker_pronouns for s in subjects)
    ):
        subjects = speaker  # "Russia said it would retaliate": the speaker acts
    return Arguments(
        subjects=_with_conjuncts(subjects),
        objects=_with_conjuncts(objects),
        further=_with_conjuncts(further),
        places=_with_conjuncts(places),
        object_places=_with_conjuncts(object_places),
        passive=passive,
        reported=speech is not None,
        speaker=_with_conjuncts(speaker),
        coordinated=tuple(
            tuple(sorted({t.i, *(c.i for c in t.conjuncts)})) for t in subjects if t.conjuncts
        ),
        predicate=predicate.i,
    )


def _nominal(token: Token) -> bool:
    """A noun trigger ("talks", "strikes"), told by its arcs: the tagger is not loaded, since
    the parser does not need it and it costs a third of the parse."""
    if any(c.dep_ in _NOUN_MODIFIERS for c in token.children):
        return True
    return token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "dative")


def _named(token: Token) -> bool:
    """A capitalised word inside a sentence: a name ("Paris"), not a common noun ("talks");
    told by its case, as the tagger is not loaded."""
    return token.i > 0 and token.text[:1].isupper()


def _span_head(tokens: list[Token]) -> Token:
    """The token of a multi-word trigger whose head lies outside it ("held talks" -> held)."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head is t:
            return t
    return tokens[0]


def _prep_objects(noun: Token, words: ParseWords) -> list[Token]:
    """Objects of a target preposition on a noun: "action against Russia", "talks with"."""
    return [
        c
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in words.target_prepositions
        for c in p.children
        if c.dep_ == "pobj"
    ]


def _complement_objects(verb: Token, words: ParseWords) -> list[Token]:
    """The objects of the verb an act governs ("threatened to resume attacks"): its own
    direct objects and target prepositions, one "to" clause down."""
    found: list[Token] = []
    for comp in (c for c in verb.children if c.dep_ == "xcomp"):
        objects = [c for c in comp.children if c.dep_ in _OBJECT]
        found += objects + [o for c in objects for o in _prep_objects(c, words)]
        found += _prep_objects(comp, words)
    return found


def _complements(verb: Token) -> list[Token]:
    """The verbs of the "to" clauses an act governs: "threatened to close", "agreed to set up"."""
    return [c for c in verb.children if c.dep_ == "xcomp"]


def _locatives(heads: list[Token], words: ParseWords) -> list[Token]:
    """Objects of "in" on the trigger's words or its objects: where the act lands, the target
    when nothing else is ("opened an embassy in Tehran", "carried out strikes in Syria")."""
    return [
        c
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in words.locative_prepositions
        for c in p.children
        if c.dep_ == "pobj"
    ]


def _noun_owners(noun: Token) -> list[Token]:
    """A noun trigger's owner: "Russia's attack", "Israeli strikes", "the US sanctions"."""
    return [
        c
        for c in noun.children
        if c.i < noun.i
        and (c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.text[:1].isupper()))
    ]


def _inherited_subject(verb: Token) -> list[Token]:
    """The subject of a predicate that has none of its own: its governor's ("agreed to set up",
    "met and agreed"), or the noun a relative or participle clause hangs on ("rebels who
    attacked", "forces loyal to")."""
    seen = 0
    while verb.dep_ in _SHARES_SUBJECT and verb.head is not verb and seen < 4:
        verb, seen = verb.head, seen + 1
        own = [c for c in verb.children if c.dep_ in _SUBJECT]
        if own:
            return own
    if verb.dep_ in ("relcl", "acl"):  # clauses that modify a noun
        return [verb.head]
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.lower_ in ("of", "for") and prep.head is not prep:
        # "accused Washington of plotting", "blamed Kyiv for shelling": the accused acts
        return [c for c in prep.head.children if c.dep_ in _OBJECT]
    return []


def _reporting_verb(verb: Token, words: ParseWords) -> Token | None:
    """The verb of saying whose clause holds the act ("The Kremlin said Putin met ...", "accused
    Washington of plotting"); climbs clauses only, not noun phrases ("added to the pressure
    with new sanctions" reports nothing)."""
    t, steps, prev = verb, 0, ""
    while t.head is not t and steps < 4:
        step = t.dep_ in _CLAUSAL or (t.dep_ == "prep" and prev == "pcomp")
        if not step:
            break
        prev, t, steps = t.dep_, t.head, steps + 1
        if t.lower_ in words.speech_verbs:
            return t
    return None


def _with_conjuncts(tokens: list[Token]) -> tuple[int, ...]:
    out: dict[int, None] = {}
    for t in tokens:
        out[t.i] = None
        for c in t.conjuncts:
            out[c.i] = None
    return tuple(sorted(out))
