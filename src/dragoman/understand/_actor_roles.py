"""How a person's role is read around the name: the title, its country and its sector.

The patterns of ``data/actors/people.yaml`` for one name at a time (``prefix``, ``apposition``,
``of``, ``leads``); ``people.py`` finds the names and resolves them across the article.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from dragoman.datafile import load_yaml
from dragoman.errors import DataFileError
from dragoman.model import ActorMention, Sentence
from dragoman.understand._actor_text import SentenceIndex, Token, phrase_key
from dragoman.understand.gazetteer import Gazetteer, Unit

_APPOSITION_END = frozenset({",", ";", ".", "(", ")", "—", "–", ":", "!", "?", '"', "“", "”"})
_APPOSITION_STOP = frozenset(
    {"said", "says", "told", "who", "which", "that", "has", "have", "had", "is", "was", "will",
     "would", "and", "but", "while", "when", "after", "before", "on", "in", "at", "as"}
)  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their"})
_MAX_APPOSITION = 16


@dataclass(frozen=True, slots=True)
class _Config:
    titles: dict[tuple[str, ...], str | None]  # None: generic (sector from the organisation)
    title_lengths: dict[str, tuple[int, ...]]  # first word -> key lengths, longest first
    honorifics: frozenset[str]
    particles: frozenset[str]
    led_by: tuple[tuple[str, ...], ...]
    leads: frozenset[str]
    teams: frozenset[str]
    not_names: frozenset[str]


@functools.cache
def config() -> _Config:
    """The word lists of ``data/actors/people.yaml``, loaded once."""
    path = resources.files("dragoman").joinpath("data/actors/people.yaml")
    data = load_yaml(path, label="data/actors/people.yaml", lines=False)
    titles: dict[tuple[str, ...], str | None] = {}
    for sector, words in (data.get("titles") or {}).items():
        for word in words:
            titles.setdefault(phrase_key(str(word)), sector)
    for word in data.get("generic") or []:
        titles.setdefault(phrase_key(str(word)), None)
    if not titles:
        raise DataFileError("data/actors/people.yaml: no `titles`; add them")
    cues = data.get("cues") or {}
    lengths: dict[str, set[int]] = {}
    for key in titles:
        lengths.setdefault(key[0], set()).add(len(key))
    return _Config(
        titles=titles,
        title_lengths={w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()},
        honorifics=frozenset(phrase_key(str(h))[0] for h in data.get("honorifics") or []),
        particles=frozenset(str(p).lower() for p in data.get("particles") or []),
        led_by=tuple(phrase_key(str(c)) for c in cues.get("led_by") or []),
        leads=frozenset(str(c).lower() for c in cues.get("leads") or []),
        teams=frozenset(str(c).lower() for c in cues.get("teams") or []),
        not_names=frozenset(phrase_key(str(w))[0] for w in data.get("not_names") or []),
    )


@dataclass(frozen=True, slots=True)
class _Role:
    start: int  # character offsets of the title phrase (with its country)
    end: int
    country: str | None
    sector: str | None
    title: str | None


class _RoleReader:
    """Title patterns around one name, over the article's tokens and actor mentions."""

    def __init__(
        self,
        text: str,
        toks: Sequence[Token],
        units: Sequence[Unit],
        gaz: Gazetteer,
        cfg: _Config,
        actors: Sequence[ActorMention],
        sentences: Sequence[Sentence],
    ) -> None:
        self.text, self.toks, self.gaz, self.cfg = text, toks, gaz, cfg
        self.actors = sorted(actors, key=lambda m: m.start)
        self.actor_starts = [m.start for m in self.actors]
        self.tok_starts = [tok.start for tok in toks]
        self.sentences = SentenceIndex(sentences)
        self.unit_of: dict[int, Unit] = {}
        for u in units:
            if not u.part:
                for t in range(u.i, u.j):
                    self.unit_of[t] = u
        self.title_of: dict[int, tuple[int, int, str | None]] = self._title_spans()

    def _adjacent(self, t: int, u: int) -> bool:
        return self.text[self.toks[t].end : self.toks[u].start] == " "

    def _line_break(self, t: int) -> bool:
        return t > 0 and "\n" in self.text[self.toks[t - 1].end : self.toks[t].start]

    def _prefix(self, a: int) -> _Role | None:
        """ "Iran's Foreign Minister Abbas Araghchi", "US special envoy Steve Witkoff"."""
        t = a - 1
        while t >= 0 and self.toks[t].norm in self.cfg.honorifics and self._adjacent(t, t + 1):
            t -= 1
        end = t + 1
        has_title = False
        while t >= 0 and self._adjacent(t, t + 1):
            norm = self.toks[t].norm
            unit = self.unit_of.get(t)
            if t in self.title_of or (unit is not None and unit.entry.kind == "role"):
                has_title = True
            elif norm not in self.gaz.modifiers and norm not in self.gaz.former:
                break
            t -= 1
        start = t + 1
        if not has_title or start >= end:
            return None
        span_start, span_end = self.toks[start].start, self.toks[end - 1].end
        org = self._actor_over(span_start, span_end) or self._actor_ending_at(start - 1)
        former = any(self.toks[k].norm in self.gaz.former for k in range(start, end))
        own = self._title_sector(start, end)
        org_sector = org.actor.sector if org else None
        owner = self._owner_noun_sector(start)
        if owner and (org is None or org.actor.country is None):
            org_sector = owner  # "the party's leader": the party's, not a leader's GOV
        if former:
            sector = "ELI"
        elif org is not None and org.start <= span_start and org_sector:
            sector = org_sector  # the actors module read the whole phrase
        else:
            sector = _decide(own, org_sector)
        first = min(span_start, org.start) if org else span_start
        country = org.actor.country if org else None
        return _Role(first, span_end, country, sector, self.text[span_start:span_end])

    def _owner_noun_sector(self, t: int) -> str | None:
        """ "the party's leader X", "the army's commander X": the sector of the body the
        title belongs to, when that body names no country (so is no actor mention)."""
        if t < 2 or self.toks[t - 1].norm != "'s":
            return None
        unit = self.unit_of.get(t - 2)
        return unit.entry.sector if unit is not None and unit.entry.kind == "role" else None

    def _pre_apposition(self, a: int, b: int) -> _Role | None:
        """ "Iran's top negotiator, Abbas Araghchi, said": a role phrase, a comma, the name and
        a closing comma."""
        toks = self.toks
        if a < 2 or toks[a - 1].text != "," or b >= len(toks) or toks[b].text != ",":
            return None
        org = self._actor_ending_at(a - 2)
        if org is None or not self._is_role(a - 2) or org.actor.sector is None:
            return None
        title = self.text[toks[self._role_start(org)].start : org.end] if org else None
        return _Role(org.start, toks[b - 1].end, org.actor.country, org.actor.sector, title)

    def _role_start(self, m: ActorMention) -> int:
        """The first token of the role nouns in an actor mention ("top negotiator")."""
        t = bisect.bisect_left(self.tok_starts, m.start)
        while t < len(self.toks) and self.toks[t].start < m.end:
            norm = self.toks[t].norm
            if self._is_role(t) or norm in self.gaz.modifiers or norm in self.gaz.former:
                return t
            t += 1
        return t

    def _apposition(self, b: int) -> _Role | None:
        """ "Ali Larijani, secretary of Iran's Supreme National Security Council," and the like."""
        toks = self.toks
        if b >= len(toks) or toks[b].text != ",":
            return None
        a = b + 1
        e = a
        while e < len(toks) and e - a < _MAX_APPOSITION:
            tok = toks[e]
            if tok.text in _APPOSITION_END or tok.norm in _APPOSITION_STOP:
                break
            if not tok.is_word and tok.norm not in ("'s", "-", "&") or self._line_break(e):
                break
            e += 1
        s = a
        while s < e and toks[s].norm in _DETERMINERS:
            s += 1
        if s >= e:
            return None
        head = min(e, s + 5)
        has_title = any(
            k in self.title_of or (k in self.unit_of and self.unit_of[k].entry.kind == "role")
            for k in range(s, head)
        )
        first = toks[s]
        opener_ok = (
            s in self.title_of
            or s in self.unit_of
            or first.norm in self.gaz.modifiers
            or first.norm in self.gaz.former
        )
        if not has_title or not opener_ok:
            return None
        span_start, span_end = toks[s].start, toks[e - 1].end
        org = self._first_country_actor(toks[a].start, span_end)
        former = any(toks[k].norm in self.gaz.former for k in range(s, e))
        sector = (
            "ELI"
            if former
            else _decide(self._title_sector(s, e), org.actor.sector if org else None)
        )
        country = org.actor.country if org else None
        return _Role(span_start, span_end, country, sector, self.text[span_start:span_end])

    def _of_country(self, b: int) -> _Role | None:
        """ "Foreign Minister Badr Albusaidi of Oman"."""
        if b >= len(self.toks) or self.toks[b].norm != "of" or b + 1 >= len(self.toks):
            return None
        m = self._actor_starting(b + 1)
        if m is None or m.actor.country is None or m.actor.kind == "group":
            return None
        return _Role(self.toks[b].start, m.end, m.actor.country, None, None)

    def _leads(self, b: int) -> _Role | None:
        """ "Foreign Minister Abbas Araghchi will lead the Iranian side": the team's country."""
        toks = self.toks
        t = b
        while t < len(toks) and t - b < 5 and toks[t].norm not in self.cfg.leads:
            if not toks[t].is_word or t in self.unit_of:
                return None
            t += 1
        if t >= len(toks) or toks[t].norm not in self.cfg.leads or t + 1 >= len(toks):
            return None
        team = self._actor_starting(t + 1)
        if team is None or not team.actor.country or not self._is_team(team):
            return None
        return _Role(team.start, team.end, team.actor.country, team.actor.sector, None)

    def _is_team(self, m: ActorMention) -> bool:
        t = bisect.bisect_left(self.tok_starts, m.end) - 1
        return t >= 0 and self.toks[t].norm in self.cfg.teams

    def _title_sector(self, s: int, e: int) -> str | None:
        """The first specific sector a title word or role noun gives in tokens ``s:e``."""
        t = s
        while t < e:
            if t in self.title_of:
                _, te, sector = self.title_of[t]
                if sector:
                    return sector
                t = te
                continue
            unit = self.unit_of.get(t)
            if unit is not None and unit.entry.kind == "role":
                if unit.entry.sector:
                    return unit.entry.sector
                t = unit.j
                continue
            t += 1
        return None

    def _title_spans(self) -> dict[int, tuple[int, int, str | None]]:
        """Leftmost-longest matches of people.yaml titles: token -> (start, end, sector)."""
        out: dict[int, tuple[int, int, str | None]] = {}
        toks, cfg = self.toks, self.cfg
        t = 0
        while t < len(toks):
            hit = None
            for n in cfg.title_lengths.get(toks[t].norm, ()):
                key = tuple(tok.norm for tok in toks[t : t + n])
                if key in cfg.titles:
                    hit = (t, t + n, cfg.titles[key])
                    break
            if hit is None:
                t += 1
                continue
            for k in range(hit[0], hit[1]):
                out[k] = hit
            t = hit[1]
        return out

    # ------------------------------------------------------------------ actor helpers

    def _is_role(self, t: int) -> bool:
        unit = self.unit_of.get(t)
        return unit is not None and unit.entry.kind == "role"

    def _actor_over(self, start: int, end: int) -> ActorMention | None:
        """The actor mention with a country overlapping [start, end) that ends last."""
        k = bisect.bisect_left(self.actor_starts, end)
        found = [m for m in self.actors[max(0, k - 4) : k] if m.end > start]
        return found[-1] if found else None

    def _actor_ending_at(self, t: int) -> ActorMention | None:
        if t < 0:
            return None
        end = self.toks[t].end
        k = bisect.bisect_left(self.actor_starts, end)
        for m in self.actors[max(0, k - 2) : k]:
            if m.end == end or (self.toks[t].norm == "'s" and m.end == self.toks[t - 1].end):
                return m if m.actor.country else None
        return None

    def _actor_starting(self, t: int) -> ActorMention | None:
        """The actor mention that starts at token ``t`` or, after "the", at the next one."""
        starts = [self.toks[t].start]
        if self.toks[t].norm == "the" and t + 1 < len(self.toks):
            starts.append(self.toks[t + 1].start)
        k = bisect.bisect_left(self.actor_starts, starts[0])
        if k < len(self.actors) and self.actors[k].start in starts:
            return self.actors[k]
        return None

    def _first_country_actor(self, start: int, end: int) -> ActorMention | None:
        k = bisect.bisect_left(self.actor_starts, start)
        for m in self.actors[k:]:
            if m.start >= end:
                break
            if m.actor.country:
                return m
        return None


def _decide(title: str | None, org: str | None) -> str | None:
    """An organisation with its own sector (army, rebels, judiciary) wins over the title word."""
    if org and org != "GOV":
        return org
    return title or org


def _starts(toks: Sequence[Token], t: int, key: tuple[str, ...]) -> bool:
    return len(toks) - t >= len(key) and all(toks[t + k].norm == w for k, w in enumerate(key))
