"""The phrases actors.py builds mentions from: role-noun chains and the mentions they make.

    tokens from t --_chain--> Chain(end, sector): "senior army commanders" -> MIL
    a gazetteer entry + its span + sector --_emit--> ActorMention (no overlaps; _add)

The reader in actors.py decides what a phrase is (a qualifier, a role noun alone, a place); this
base class reads the role nouns that follow a qualifier and turns a phrase into an Actor with its
country (the one named most in the article when a name fits several), name, sector and kind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dragoman.model import Actor, ActorMention, Sentence
from dragoman.understand._actor_context import MatchContext
from dragoman.understand._actor_text import SentenceIndex, Token, phrase_key
from dragoman.understand.gazetteer import Entry, Gazetteer, Unit

__all__ = ["NOT_IN_PHRASE", "POSSESSORS", "STATE_SECTORS", "Chain", "PhraseBuilder"]

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRE"})
_IGO_SLOTS = frozenset({"UNO", "EUR", "IGO"})
# Words before an organ's bare name that make it someone's own body, and articles that do not.
POSSESSORS = frozenset({"its", "their", "our", "his", "her", "my", "your"})
_OWNERS = POSSESSORS | {"and", "&", "'s", "national"}
_ARTICLES = frozenset({"the", "a", "an"})
# Words that end a noun phrase or cannot sit between a nationality and its head noun.
NOT_IN_PHRASE = frozenset(
    {"the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
     "from", "as", "than", "that", "which", "who", "whom", "whose", "this", "these", "those",
     "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
     "could", "should", "may", "might", "can", "must", "shall", "did", "does", "do", "not", "no",
     "said", "says", "say", "told", "tell", "also", "again", "then", "still", "already", "now",
     "its", "their", "his", "her", "our", "it", "they", "he", "she", "we", "there", "here", "if",
     "after", "before", "during", "since", "until", "while", "when", "where", "against",
     "between", "about", "over", "under", "into", "through", "struck", "hit", "met", "made",
     "overnight", "today", "yesterday", "tomorrow", "early", "late", "last", "next", "ago",
     "recently", "soon", "later", "earlier", "once", "twice", "too", "very", "so"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Chain:
    """Role nouns after a qualifier: where they end and the sector they give."""

    end: int  # token index after the last role noun
    sector: str | None


class PhraseBuilder(MatchContext):
    """Role-noun chains and the actor mentions made from a phrase, collected in ``out``."""

    def __init__(
        self,
        text: str,
        toks: Sequence[Token],
        units: Sequence[Unit],
        gaz: Gazetteer,
        sentences: Sequence[Sentence],
    ) -> None:
        super().__init__(text, toks, units, gaz)
        self.sentences = SentenceIndex(sentences)
        self.present = Counter(
            u.entry.country
            for u in units
            if not u.entry.alternatives and u.entry.kind in ("country", "seat", "demonym")
        )
        self.out: list[ActorMention] = []

    def _chain(self, t: int, *, gap: bool) -> Chain | None:
        """Role nouns from token ``t``, with modifiers ("senior", "former") and up to two plain
        words before the first one when ``gap`` ("Ukraine's energy ministry")."""
        toks, gaz = self.toks, self.gaz
        roles: list[Entry] = []
        first, end, former, plain = t, t, False, 0
        while t < len(toks) and (t == first or t not in self.breaks):
            norm = toks[t].norm
            unit = self._unit_starting(t)
            if unit is not None and unit.entry.kind == "role":
                roles.append(unit.entry)
                t = end = unit.j
                continue
            if unit is not None:
                break
            if norm in gaz.former:
                former, t = True, t + 1
                continue
            if norm in gaz.modifiers:
                t += 1
                continue
            if not roles and gap and plain < 2 and self._gap_word(toks[t]):
                plain, t = plain + 1, t + 1
                continue
            break
        if not roles:
            return None
        sector = "ELI" if former else next((r.sector for r in roles if r.sector), None)
        return Chain(end, sector)

    def _capitalised(self, t: int) -> bool:
        return t < len(self.toks) and t not in self.breaks and self.toks[t].is_cap

    @classmethod
    def _gap_word(cls, tok: Token) -> bool:
        """A word before the role noun: plain, or capitalised in a body's name ("Pensioners")."""
        return cls._plain_word(tok) or (
            tok.is_cap and tok.is_word and tok.norm not in NOT_IN_PHRASE
        )

    @staticmethod
    def _plain_word(tok: Token) -> bool:
        norm = tok.norm
        if not tok.is_word or norm in NOT_IN_PHRASE or norm.endswith(("ed", "ing")):
            return False
        return not (norm.endswith("s") and not norm.endswith(("ss", "us", "is")))

    def _bare_organ(self, u: Unit, start: int) -> bool:
        """A capitalised organ name with nothing before it that makes it a state's body ("The
        Security Council agreed", "a Security Council resolution") is the organisation's organ
        (``igos_organs.yaml``); after a state's council of that name earlier in the article
        ("Turkey's National Security Council ... the Security Council"), it is that council.
        Emits the mention and says whether it did."""
        key = tuple(t.norm for t in self.toks[u.i : u.j])
        organ = self.gaz.bare_organs.get(key)
        if organ is None or not all(t.is_cap for t in self.toks[u.i : u.j]):
            return False
        prev = self.toks[u.i - 1] if u.i > 0 and u.i not in self.breaks else None
        if prev is not None and (
            prev.norm in _OWNERS or (prev.is_cap and prev.norm not in _ARTICLES)
        ):
            return False  # "its Security Council", "Peace and Security Council"
        earlier = next((m.actor for m in reversed(self.out)
                        if m.actor.kind != "igo" and _ends_with(m.actor.text, key)), None)  # fmt: skip
        if earlier is not None:
            self._add(start, u.end, replace(earlier, text=self.text[start : u.end]))
        else:
            self._emit(start, u.end, organ, organ.sector)
        return True

    def _emit_part(self, u: Unit) -> None:
        """One actor part of a hyphenated word: "US" in "US-Iran talks" or "US-brokered"."""
        e = u.entry
        if e.kind in ("country", "seat"):
            sector = e.sector or "GOV"
        elif e.kind == "group":
            sector = e.sector
        elif e.kind == "demonym":  # "Omani-mediated" is Oman's government, "Israeli-" is not
            last = self.toks[u.i].text.rsplit("-", 1)[-1].lower()
            sector = "GOV" if last in self.gaz.compound_verbs else None
        else:
            sector = None
        self._emit(u.start, u.end, e, sector)

    def _emit_phrase(self, u: Unit, end_tok: int, e: Entry, sector: str | None) -> None:
        """A qualifier with what follows it: 'Iranian officials', 'Iran's Supreme ...'."""
        country = self._country(e) if e.country else self._country(u.entry)
        name_entry = e if e.kind == "group" else u.entry
        start, former = self._lead(u.i)
        if former:
            sector = "ELI"
        end = self.toks[end_tok - 1].end
        kind = _kind(name_entry, sector)
        name = name_entry.name if name_entry.kind in ("group", "igo") else self.gaz.name_of(country)
        actor = Actor(text=self.text[start:end], name=name or country or "", country=country,
                      sector=sector, kind=kind)  # fmt: skip
        self._add(start, end, actor)

    def _emit(self, start: int, end: int, e: Entry, sector: str | None) -> None:
        country = self._country(e)
        if e.kind in ("group", "igo") or country is None:
            name = e.name
        else:
            name = self.gaz.name_of(country) or e.name
        actor = Actor(text=self.text[start:end], name=name, country=country, sector=sector,
                      kind=_kind(e, sector))  # fmt: skip
        self._add(start, end, actor)

    def _add(self, start: int, end: int, actor: Actor) -> None:
        if self.out and self.out[-1].end > start:
            return  # never overlap: the earlier mention stands
        sentence = self.sentences.index_at(start)
        self.out.append(ActorMention(sentence=sentence, start=start, end=end, actor=actor))

    def _main_country(self, *, besides: str | None) -> str | None:
        """The country the article names most often (names, capitals, nationalities), other
        than ``besides``; None when two tie or there is none."""
        ranked = [(c, n) for c, n in self.present.most_common(3) if c and c != besides][:2]
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def _country(self, e: Entry) -> str | None:
        if not e.alternatives:
            return e.country
        best = max(e.alternatives, key=lambda c: (self.present[c], c == e.country))
        return best


def _ends_with(text: str, key: tuple[str, ...]) -> bool:
    words = phrase_key(text)
    return len(words) > len(key) and words[-len(key) :] == key


def _kind(e: Entry, sector: str | None) -> str:
    if e.kind == "igo" or (e.kind == "seat" and e.country in _IGO_SLOTS):
        return "igo"
    if e.kind == "group":
        return "state" if e.state else "group"
    if e.kind == "role" or (sector is not None and sector not in STATE_SECTORS):
        return "group"
    return "state"
