"""Which of an article's sentences the role rules will read a parse of, asked before coding them.

    [(Match, scope, clause, cut)] + SentenceActors --wants_parse--> bool
    the article's wanted sentences --parse_sentences--> one nlp.pipe batch

The coder reads its sentences one by one, and roles.py asks for a sentence's parse only where the
surface reading is unsure. Parsing those sentences one call each costs about half as much again as
one batch per article, so the coder first asks this module which sentences will be wanted and
parses them together. The answer comes from roles.py itself: ``assign_roles`` runs on a stand-in
parse that records whether it was read, so the prediction cannot drift from the rules. It is exact
for a sentence's first act; a later act whose subject is the previous act's ("met ... and agreed
to") may ask for a sentence that was not predicted, which is then parsed alone (same result).
"""

from __future__ import annotations

from collections.abc import Iterable

from dragoman.coding.mentions import SentenceActors
from dragoman.coding.parse_roles import SentenceParse
from dragoman.coding.roles import assign_roles
from dragoman.coding.rules import Match

__all__ = ["Act", "wants_parse"]

# One trigger as the coder reads it: the match, its scope, its clause, and the offset of a
# cancellation cue (assign_roles's ``cut``).
Act = tuple[Match, tuple[int, int], tuple[int, int], int | None]


class _Probe(SentenceParse):
    """A parse that is never made: it records that the rules asked for it and gives None, so
    they go on with their surface reading."""

    __slots__ = ("asked",)

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.asked = False

    @property
    def doc(self) -> None:  # type: ignore[override]
        """None, as without a parser; the rules asked for it."""
        self.asked = True


def wants_parse(sentence: str, acts: Iterable[Act], actors: SentenceActors) -> bool:
    """Whether roles.py will read the parse of ``sentence`` for one of its acts."""
    if not actors.principals:
        return False  # the parse only places actor mentions: none, nothing to place
    for match, scope, clause, cut in acts:
        probe = _Probe(sentence)
        # location_country, previous and cues are read after the parse is asked for, or on
        # paths that never ask (domestic acts, visits)
        assign_roles(
            match, scope, clause, actors, sentence=sentence, location_country=None, cut=cut,
            parse=probe,
        )  # fmt: skip
        if probe.asked:
            return True
    return False
