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
Bardella") and longer names that contain a country ("the Washington Post") are not actors; a
nationality or a country's possessive before a place noun after a preposition ("on the Thai
border", "near Macedonia's border") is a place. Named bodies the gazetteer does not know ("the
Association of African Jurists" NGO) are read in ``_actor_bodies``; a bare organ name ("The
Security Council agreed") is the organisation's (``igos_organs.yaml``).
These tests, with the token lookups, are in ``_actor_context``; the role-noun chains and the
mentions made from a phrase are in ``_actor_phrases``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from dragoman.model import Actor, ActorMention, Sentence
from dragoman.understand._actor_bodies import Body, named_bodies
from dragoman.understand._actor_context import CONJUNCTIONS
from dragoman.understand._actor_phrases import (
    NOT_IN_PHRASE,
    POSSESSORS,
    STATE_SECTORS,
    Chain,
    PhraseBuilder,
)
from dragoman.understand._actor_regions import region_after, region_before
from dragoman.understand.gazetteer import Entry, Unit, analyse, load_gazetteer

log = logging.getLogger(__name__)

__all__ = ["find_actors"]

# Prepositions that give a bare role noun its country, per sector ("of" and "from" always).
IN_FILLS = frozenset({"CVL", "COP", "OPP", "REB", "LEG", "JUD", "EDU", "LAB", "AGR", "SOC", "REL",
                      "UAF", "CRM", "PRM", "JRN", "BUS", "MED"})  # fmt: skip
_BASED = frozenset({"based", "headquartered", "stationed"})  # "<role> based in <place>"
_CLAUSE_END = frozenset({",", ";", ":", ".", "and", "but", "to", "for", "after", "as", "who"})


def find_actors(text: str, sentences: Sequence[Sentence]) -> list[ActorMention]:
    """Actor mentions in ``text``, in order, without overlaps.

    Args:
        text: the article text; offsets in the mentions index into it.
        sentences: the article's sentences; a mention gets the index of the sentence it starts in.
    """
    gaz = load_gazetteer()
    toks, units = analyse(text)
    return _Reader(text, toks, units, gaz, sentences).read()


class _Reader(PhraseBuilder):
    """Joins the gazetteer matches of one article into actor mentions, left to right."""

    # ------------------------------------------------------------------ main loop

    def read(self) -> list[ActorMention]:
        bodies = named_bodies(self.toks, self.units, self.gaz)
        inside = {t for b in bodies for t in range(b.first, b.end)}
        k = 0
        while k < len(self.units):
            u = self.units[k]
            if u.i in inside:
                k += 1  # a word of a named body's name: "the Kenya Union of Journalists"
            elif u.part:
                k = self._part(k)
            elif u.entry.kind == "block":
                k += 1
            elif u.entry.kind == "role":
                k = self._role(k)
            else:
                k = self._qualifier(k)
        self._add_bodies(bodies)
        self.out.sort(key=lambda m: m.start)
        return self.out

    def _add_bodies(self, bodies: Sequence[Body]) -> None:
        """Each named body as a mention (with a "the" before it), unless one read over its
        words already covers part of it."""
        for b in bodies:
            start, end = self._with_the(b.first), self.toks[b.end - 1].end
            if any(m.start < end and start < m.end for m in self.out):
                continue
            name = self.text[self.toks[b.first].start : end]
            actor = Actor(text=self.text[start:end], name=name, country=b.country,
                          sector=b.sector, kind="group")  # fmt: skip
            sentence = self.sentences.index_at(start)
            self.out.append(ActorMention(sentence=sentence, start=start, end=end, actor=actor))

    # ------------------------------------------------------------------ qualifiers

    def _qualifier(self, k: int) -> int:
        u = self.units[k]
        e = u.entry
        if self._adjectival(u) and (done := self._coordination(k)) is not None:
            return done
        possessive = u.j < len(self.toks) and self.toks[u.j].norm == "'s"
        after = u.j + 1 if possessive else u.j
        nxt = None if after in self.breaks else self._unit_starting(after)
        if nxt is not None and _people(nxt.entry) and e.kind != "group":
            return self._nation_people(u, nxt, k)
        if nxt is not None and nxt.entry.kind == "group" and e.kind != "group":
            self._emit_phrase(u, nxt.j, nxt.entry, nxt.entry.sector)
            return self.unit_at[nxt.i] + 1
        if self._adjectival(u) and nxt is not None and _plural_demonym(nxt.entry):
            # "Bosnian Serbs", "Iraqi Kurds": a people of the first country, its civilians
            self._emit_phrase(u, nxt.j, e, "CVL")
            return self.unit_at[nxt.i] + 1
        # "Montenegro Municipality Association": capitalised words name a body of the country
        gap = possessive or e.kind == "demonym" or self._capitalised(after)
        chain = self._chain(after, gap=gap and e.standalone)
        if chain is not None and not e.standalone and self._capitalised(after):
            chain = None  # a people's adjective before a name: "Shan State", "Tamil Nadu"
        if chain is not None and self._post_abroad(u, after):
            return self._unit_index_after(chain.end)  # "its Kabul embassy": Kabul is a place
        if chain is not None and (e.kind != "demonym" or not e.plural):
            self._emit_phrase(u, chain.end, e, self._phrase_sector(e, chain))
            return self._unit_index_after(chain.end)
        if not possessive and (done := self._minority(k)) is not None:
            return done
        self._alone(u, possessive=possessive)
        return k + 1

    def _nation_people(self, u: Unit, people: Unit, k: int) -> int:
        """'Iraqi Kurds' IRQ CVL, 'Iraqi Kurdish fighters' IRQ REB: the people of the state
        named first; with no role noun after the adjective, the state stands alone."""
        if people.entry.plural:
            self._emit_phrase(u, people.j, u.entry, "CVL")
            return self.unit_at[people.i] + 1
        chain = None if self._capitalised(people.j) else self._chain(people.j, gap=False)
        if chain is None:
            self._alone(u, possessive=False)
            return k + 1
        self._emit_phrase(u, chain.end, u.entry, chain.sector)
        return self._unit_index_after(chain.end)

    def _minority(self, k: int) -> int | None:
        """'ethnic Albanians in south Serbia': civilians of the country they live in; with no
        home named, of the one country the article names most besides their kin state ("Ethnic
        Albanians ... near Macedonia's border with Bulgaria, Macedonian officials said": MKD),
        else of no country ("ethnic Serbs blocked the roads"): a people is not its kin state,
        and the act's place gives them one (coding/one_sided.py)."""
        u = self.units[k]
        if not _plural_demonym(u.entry) or self._prev_norm(u.i) not in self.gaz.minority_words:
            return None
        home = self._minority_home(u)
        start = self._with_the(u.i - 1)
        if home is None:
            country = self._main_country(besides=u.entry.country)
            actor = Actor(text=self.text[start : u.end], name=f"ethnic {self.toks[u.i].text}",
                          country=country, sector="CVL", kind="group")  # fmt: skip
            self._add(start, u.end, actor)
            return k + 1
        country = self._country(home.entry)
        actor = Actor(text=self.text[start : home.end], name=self.gaz.name_of(country) or "",
                      country=country, sector="CVL", kind="group")  # fmt: skip
        self._add(start, home.end, actor)
        return self.unit_at[home.i] + 1

    def _post_abroad(self, u: Unit, noun: int) -> bool:
        """'its USSR embassy', 'their Kabul consulate': the owner is the possessor, not the
        country named, which is where the post is."""
        return (
            self._prev_norm(u.i) in POSSESSORS
            and noun < len(self.toks)
            and self.toks[noun].norm in self.gaz.posts_abroad
        )

    def _phrase_sector(self, e: Entry, chain: Chain) -> str | None:
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

    # ------------------------------------------------------------------ alone

    def _alone(self, u: Unit, *, possessive: bool) -> None:
        e = u.entry
        if e.kind == "group" and not e.standalone:
            return  # a people's adjective with no role noun: "Karen Pierce", "Shan State"
        if e.kind == "group":
            self._emit(self._with_the(u.i), u.end, e, e.sector)
            return
        if not possessive and self._is_place(u):
            self.place_end = u.j
            return
        if (
            possessive
            and e.kind in ("country", "seat")
            and self._nationality_place(u, possessive=True)
        ):
            self.place_end = u.j + 2  # "near Macedonia's border"
            return
        if e.kind == "demonym" and not e.plural and self._nationality_place(u):
            self.place_end = u.j + 1
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
        sector = e.sector if e.kind == "igo" else e.sector or "GOV"
        self._emit(start, u.end, e, sector)

    def _noun_phrase_end(self, t: int, end: int) -> int:
        """'the Iranian economy', 'Russian missile strikes': up to three following words."""
        for n, tok in enumerate(self.toks[t : t + 3]):
            if (
                t + n in self.breaks
                or not tok.is_word
                or tok.is_cap
                or tok.norm in NOT_IN_PHRASE
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
        if country_unit is None:
            country_unit = self._fled_home(at)
        if country_unit is None and (region := self._region(u.i, at, prep, sector)) is not None:
            country, first, last = region
            begin = min(start, self._with_the(first))
            kind = "state" if sector in STATE_SECTORS else "group"
            actor = Actor(text=self.text[begin:last], name=self.gaz.name_of(country) or country,
                          country=country, sector=sector, kind=kind)  # fmt: skip
            self._add(begin, last, actor)
            return self._unit_index_after(at + 1)
        if country_unit is None and self._bare_organ(u, start):
            return k + 1  # "The Security Council agreed": the UN's
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

    def _region(
        self, noun: int, at: int, prep: str | None, sector: str | None
    ) -> tuple[str, int, int] | None:
        """A named region's organ ('the Sindh provincial government', 'the government of Sindh
        province') or people ('police in Sindh province'): country, first token, end offset."""
        state = sector in STATE_SECTORS
        before = region_before(self.toks, noun, self.gaz.region_adjectives) if state else None
        if before is not None:
            return before[0], before[1], self.toks[at - 1].end
        follows = (prep == "of" and state) or (prep == "in" and sector in IN_FILLS)
        after = region_after(self.toks, at + 1, self.gaz.region_nouns) if follows else None
        if after is not None:
            return after[0], noun, self.toks[after[1] - 1].end
        return None

    def _fled_home(self, at: int) -> Unit | None:
        """The country people flee: 'refugees fleeing Liberia', '(who) fled the fighting in
        eastern Congo'; within the clause, a few words on, right after the verb or after 'in'."""
        toks = self.toks
        if at < len(toks) and toks[at].norm == "who":
            at += 1
        if at >= len(toks) or toks[at].norm not in self.gaz.flight_words:
            return None
        for t in range(at + 1, min(at + 8, len(toks))):
            if t in self.breaks or toks[t].norm in _CLAUSE_END:
                return None
            prev = toks[t - 1].norm
            right_after = t == at + 1 or (t == at + 2 and prev == "the")
            cand = self._unit_starting(t)
            if cand is None or cand.entry.kind not in ("country", "seat"):
                continue
            return cand if right_after or self._fled_cause_before(t) else None
        return None

    def _fled_cause_before(self, t: int) -> bool:
        """'the civil war in (eastern) Liberia': a cause of flight, then 'in', before token t."""
        k = t - 1
        while k > 0 and self.toks[k].norm in self.gaz.region_words and self.toks[k].norm != "the":
            k -= 1
        return self.toks[k].norm == "in" and self.toks[k - 1].norm in self.gaz.flight_causes

    # ------------------------------------------------------------------ hyphenated words

    def _part(self, k: int) -> int:
        """A part of a hyphenated word; "Vietnamese-led forces" joins the nouns it leads."""
        u = self.units[k]
        chain = self._led_chain(u)
        if chain is None and _people(u.entry) and not u.entry.plural:
            return k + 1  # "Kurdish-controlled areas": a people's adjective names no actor alone
        if chain is None:
            self._emit_part(u)
            return k + 1
        self._emit_phrase(u, chain.end, u.entry, chain.sector)
        return self._unit_index_after(chain.end)

    def _led_chain(self, u: Unit) -> Chain | None:
        """The role nouns after "X-led" that belong to X ("US-led forces" are US forces)."""
        last = self.toks[u.i].text.rsplit("-", 1)[-1].lower()
        led = u.entry.kind in ("country", "demonym", "seat") or _people(u.entry)
        if not led or last not in self.gaz.leading_verbs:
            return None
        chain = self._chain(u.j, gap=False)
        return chain if chain is not None and chain.sector else None


def _people(e: Entry) -> bool:
    """A people of ``groups.yaml`` (``peoples``), not a named group."""
    return e.kind == "group" and (e.plural or not e.standalone)


def _plural_demonym(e: Entry) -> bool:
    return e.kind == "demonym" and e.plural
