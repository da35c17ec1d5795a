"""Actor mentions: who acts, as PLOVER codes it (country or slot + sector).

    text + sentences --find_actors--> [ActorMention(sentence, start, end, Actor)]

Reads the gazetteer matches (``gazetteer.scan``) left to right and joins them into phrases:

* a country, capital or seat alone is its government: "Iran", "the United States", "Tehran",
  "the Kremlin" -> GOV ("the Pentagon" MIL, "the Knesset" LEG); "Brussels" is the EU;
* a country, nationality, organisation or group before role nouns: "Iranian officials" IRN GOV,
  "U.S. naval forces" USA MIL, "Iran's Supreme National Security Council" IRN GOV, "UN
  peacekeepers" UNO MIL, "Houthi rebels" YEM REB. The first role noun decides ("army commander"
  MIL, "opposition leader" OPP); "former"/"ex-" make it ELI. After a nationality or a possessive,
  up to two plain words may come first ("Ukraine's energy ministry", "Iranian nuclear negotiators");
* coordinated nationalities share the noun: "US and Iranian delegations" -> USA GOV, IRN GOV
  (each mention covers its own word, as in the ontology's worked example 1);
* a nationality before any other noun names the country with no sector: "the Iranian economy";
* role nouns alone have no country ("protesters", "the opposition", kind ``group``) unless a
  following "of/from X" (any sector) or "in X" (civilian, police, rebel, ... sectors) names it:
  "protesters in Tehran" IRN CVL;
* organisations take their PLOVER slot (UNO, EUR, IGO, NGO) and no sector: "the IAEA" UNO.

A country, capital, seat or organisation that is a place is not an actor and is skipped (the
places module reports it): after "in", "at", "near", "into", "across", ... ("talks in Muscat"),
after "to"/"from" following a verb of motion ("travel to Washington"; but "a message from
Washington" is an actor), in a dateline ("MOSCOW —"), and in coordination with such a place
("in Washington and Tehran"). Names that are also people's names ("Israel Katz", "Jordan
Bardella") and longer names that contain a country ("the Washington Post") are not actors.
These tests, with the token lookups, are in ``_actor_context``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from dragoman.model import Actor, ActorMention, Sentence
from dragoman.understand._actor_context import CONJUNCTIONS, MatchContext
from dragoman.understand._actor_text import SentenceIndex, Token
from dragoman.understand.gazetteer import Entry, Gazetteer, Unit, analyse, load_gazetteer

log = logging.getLogger(__name__)

__all__ = ["find_actors"]

# Prepositions that give a bare role noun its country, per sector ("of" and "from" always).
IN_FILLS = frozenset({"CVL", "COP", "OPP", "REB", "LEG", "JUD", "EDU", "LAB", "AGR", "SOC", "REL",
                      "UAF", "CRM", "PRM", "JRN", "BUS", "MED"})  # fmt: skip
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRE"})
_IGO_SLOTS = frozenset({"UNO", "EUR", "IGO"})
_BASED = frozenset({"based", "headquartered", "stationed"})  # "<role> based in <place>"
# Words that end a noun phrase or cannot sit between a nationality and its head noun.
_STOP = frozenset(
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
class _Chain:
    """Role nouns after a qualifier: where they end and the sector they give."""

    end: int  # token index after the last role noun
    sector: str | None


def find_actors(text: str, sentences: Sequence[Sentence]) -> list[ActorMention]:
    """Actor mentions in ``text``, in order, without overlaps.

    Args:
        text: the article text; offsets in the mentions index into it.
        sentences: the article's sentences; a mention gets the index of the sentence it starts in.
    """
    gaz = load_gazetteer()
    toks, units = analyse(text)
    return _Reader(text, toks, units, gaz, sentences).read()


class _Reader(MatchContext):
    """Joins the gazetteer matches of one article into actor mentions, left to right."""

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

    # ------------------------------------------------------------------ main loop

    def read(self) -> list[ActorMention]:
        k = 0
        while k < len(self.units):
            u = self.units[k]
            if u.part:
                k = self._part(k)
            elif u.entry.kind == "block":
                k += 1
            elif u.entry.kind == "role":
                k = self._role(k)
            else:
                k = self._qualifier(k)
        self.out.sort(key=lambda m: m.start)
        return self.out

    # ------------------------------------------------------------------ qualifiers

    def _qualifier(self, k: int) -> int:
        u = self.units[k]
        e = u.entry
        if self._adjectival(u) and (done := self._coordination(k)) is not None:
            return done
        possessive = u.j < len(self.toks) and self.toks[u.j].norm == "'s"
        after = u.j + 1 if possessive else u.j
        nxt = None if after in self.breaks else self._unit_starting(after)
        if nxt is not None and nxt.entry.kind == "group" and e.kind != "group":
            self._emit_phrase(u, nxt.j, nxt.entry, nxt.entry.sector)
            return self.unit_at[nxt.i] + 1
        if self._adjectival(u) and nxt is not None and _plural_demonym(nxt.entry):
            # "Bosnian Serbs", "Iraqi Kurds": a people of the first country, its civilians
            self._emit_phrase(u, nxt.j, e, "CVL")
            return self.unit_at[nxt.i] + 1
        # "Montenegro Municipality Association": capitalised words name a body of the country
        gap = possessive or e.kind == "demonym" or self._capitalised(after)
        chain = self._chain(after, gap=gap)
        if chain is not None and (e.kind != "demonym" or not e.plural):
            self._emit_phrase(u, chain.end, e, self._phrase_sector(e, chain))
            return self._unit_index_after(chain.end)
        if not possessive and (done := self._minority(k)) is not None:
            return done
        self._alone(u, possessive=possessive)
        return k + 1

    def _minority(self, k: int) -> int | None:
        """'ethnic Albanians in south Serbia': civilians of the country they live in."""
        u = self.units[k]
        home = self._minority_home(u) if _plural_demonym(u.entry) else None
        if home is None:
            return None
        start = self._with_the(u.i - 1)
        country = self._country(home.entry)
        actor = Actor(text=self.text[start : home.end], name=self.gaz.name_of(country) or "",
                      country=country, sector="CVL", kind="group")  # fmt: skip
        self._add(start, home.end, actor)
        return self.unit_at[home.i] + 1

    def _phrase_sector(self, e: Entry, chain: _Chain) -> str | None:
        if chain.sector == "ELI":
            return "ELI"
        if e.kind == "group" and e.sector:
            return e.sector
        if e.kind == "seat" and e.sector != "GOV":
            return e.sector
        return chain.sector

    def _adjectival(self, u: Unit) -> bool:
        e = u.entry
        if e.kind == "demonym" and not e.plural:
            return True
        word = self.toks[u.i].text
        return u.j - u.i == 1 and e.kind in ("country", "igo") and word.replace(".", "").isupper()

    def _coordination(self, k: int) -> int | None:
        """'US and Iranian delegations', 'Russian, Ukrainian and US negotiators'."""
        members = [self.units[k]]
        while True:
            last = members[-1]
            t = last.j
            seen_conj = False
            while t < len(self.toks) and self.toks[t].norm in CONJUNCTIONS and t not in self.breaks:
                seen_conj = True
                t += 1
            nxt = self._unit_starting(t)
            if not seen_conj or nxt is None or not self._adjectival(nxt):
                break
            members.append(nxt)
        if len(members) < 2:
            return None
        chain = self._chain(members[-1].j, gap=True)
        if chain is None:
            return None
        for m in members:
            self._emit(m.start if m is not members[0] else self._with_the(m.i), m.end, m.entry,
                       self._phrase_sector(m.entry, chain))  # fmt: skip
        return self._unit_index_after(chain.end)

    def _chain(self, t: int, *, gap: bool) -> _Chain | None:
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
        return _Chain(end, sector)

    def _capitalised(self, t: int) -> bool:
        return t < len(self.toks) and t not in self.breaks and self.toks[t].is_cap

    @classmethod
    def _gap_word(cls, tok: Token) -> bool:
        """A word before the role noun: plain, or capitalised in a body's name ("Pensioners")."""
        return cls._plain_word(tok) or (tok.is_cap and tok.is_word and tok.norm not in _STOP)

    @staticmethod
    def _plain_word(tok: Token) -> bool:
        norm = tok.norm
        if not tok.is_word or norm in _STOP or norm.endswith(("ed", "ing")):
            return False
        return not (norm.endswith("s") and not norm.endswith(("ss", "us", "is")))

    # ------------------------------------------------------------------ alone

    def _alone(self, u: Unit, *, possessive: bool) -> None:
        e = u.entry
        if e.kind == "group":
            self._emit(self._with_the(u.i), u.end, e, e.sector)
            return
        if not possessive and self._is_place(u):
            self.place_end = u.j
            return
        if e.kind == "demonym":
            start = self._with_the(u.i)
            end = u.end if e.plural else self._noun_phrase_end(u.j, u.end)
            # "2,000 Libyans", "Serbs demonstrated": people, civilians. "the Americans" is
            # the side in a negotiation, often its government: left without a sector.
            people = e.plural and start == u.start
            self._emit(start, end, e, "CVL" if people else None)
            return
        if not possessive and self._is_name_part(u):
            return
        start = self._with_the(u.i) if e.the else u.start
        sector = None if e.kind == "igo" else e.sector or "GOV"
        self._emit(start, u.end, e, sector)

    def _noun_phrase_end(self, t: int, end: int) -> int:
        """'the Iranian economy', 'Russian missile strikes': up to three following words."""
        for n, tok in enumerate(self.toks[t : t + 3]):
            if (
                t + n in self.breaks
                or not tok.is_word
                or tok.is_cap
                or tok.norm in _STOP
                or self._unit_starting(t + n)
            ):
                break
            end = tok.end
            if tok.norm.endswith("s") and not tok.norm.endswith("ss"):
                break
        return end

    # ------------------------------------------------------------------ role nouns

    def _role(self, k: int) -> int:
        u = self.units[k]
        toks = self.toks
        # modifiers before the noun join the mention: "a former defence minister"
        start, former = self._lead(u.i)
        chain = self._chain(u.i, gap=False)
        if chain is None:  # cannot happen: the unit at u.i is a role noun
            return k + 1
        sector = "ELI" if former else chain.sector
        end_tok = chain.end
        country_unit: Unit | None = None
        at = end_tok
        if at + 1 < len(toks) and toks[at].norm in _BASED and toks[at + 1].norm == "in":
            at += 1  # "a newspaper based in Beirut", "troops stationed in Syria"
        prep = toks[at].norm if at < len(toks) else None
        if prep in ("of", "from", "in"):
            t = at + 1
            if t < len(toks) and toks[t].norm == "the":
                t += 1
            cand = self._unit_starting(t)
            if (cand is not None and cand.entry.kind in ("country", "seat", "igo")
                    and (prep != "in" or sector in IN_FILLS)
                    and not (cand.j < len(toks) and toks[cand.j].norm == "'s")):  # fmt: skip
                country_unit = cand
        if country_unit is None and not u.entry.standalone:
            return self._unit_index_after(end_tok)
        if country_unit is not None:
            e = country_unit.entry
            self._emit(start, country_unit.end, e, sector)
            return self.unit_at[country_unit.i] + 1
        end = toks[end_tok - 1].end
        name = " ".join(t.text for t in toks[u.i : end_tok]).lower()
        actor = Actor(text=self.text[start:end], name=name, country=None, sector=sector,
                      kind="group")  # fmt: skip
        self._add(start, end, actor)
        return self._unit_index_after(end_tok)

    # ------------------------------------------------------------------ emitting

    def _part(self, k: int) -> int:
        """A part of a hyphenated word; "Vietnamese-led forces" joins the nouns it leads."""
        u = self.units[k]
        chain = self._led_chain(u)
        if chain is None:
            self._emit_part(u)
            return k + 1
        self._emit_phrase(u, chain.end, u.entry, chain.sector)
        return self._unit_index_after(chain.end)

    def _led_chain(self, u: Unit) -> _Chain | None:
        """The role nouns after "X-led" that belong to X ("US-led forces" are US forces)."""
        last = self.toks[u.i].text.rsplit("-", 1)[-1].lower()
        if u.entry.kind not in ("country", "demonym", "seat") or last not in self.gaz.leading_verbs:
            return None
        chain = self._chain(u.j, gap=False)
        return chain if chain is not None and chain.sector else None

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

    def _country(self, e: Entry) -> str | None:
        if not e.alternatives:
            return e.country
        best = max(e.alternatives, key=lambda c: (self.present[c], c == e.country))
        return best


def _plural_demonym(e: Entry) -> bool:
    return e.kind == "demonym" and e.plural


def _kind(e: Entry, sector: str | None) -> str:
    if e.kind == "igo" or (e.kind == "seat" and e.country in _IGO_SLOTS):
        return "igo"
    if e.kind == "group":
        return "state" if e.state else "group"
    if e.kind == "role" or (sector is not None and sector not in STATE_SECTORS):
        return "group"
    return "state"
