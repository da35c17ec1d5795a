"""People as actors: a name, the role the article gives it, and every later mention.

    text + sentences + actor mentions --find_people--> [ActorMention(..., Actor(kind="person"))]

Patterns and word lists are in ``data/actors/people.yaml`` (its header lists them with examples).
A person's mention spans the name with the title and country phrase that introduce it ("Iran's
Foreign Minister Abbas Araghchi", "Ali Larijani, secretary of Iran's Supreme National Security
Council"), so it overlaps the actor mentions inside and replaces them (``merge_people``); the
Actor's ``text`` is the name as written, ``title`` the office as read ("secretary of Iran's
Supreme National Security Council"). Later mentions ("Larijani said") span the name only and
carry the same Actor with their own ``text``. A full name the text gives no role takes the post
it held on the article's publication date from the dated office-holder table
(``officeholders.actor_office``): "Hosni Mubarak said" is EGY GOV in 2005, EGY ELI in 2026.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dragoman.model import Actor, ActorMention, DateValue, Sentence
from dragoman.understand._actor_roles import _RoleReader, _starts, config
from dragoman.understand._officeholder_titled import titled_office
from dragoman.understand.actors import find_actors
from dragoman.understand.gazetteer import analyse, load_gazetteer
from dragoman.understand.officeholders import Office, actor_office

__all__ = ["find_people", "merge_people", "resolve_actors"]

_ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ar|as|at|az|an|ash|ed|es|er|ez)-[A-Z]")
_MAX_NAME = 4
_PRECISION_CHARS = {"day": 10, "week": 10, "month": 7, "year": 4}


@dataclass(slots=True)
class _Person:
    name: str
    surname: str  # norm of the last name word
    words: tuple[str, ...]  # norms of the name words
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, surface


def find_people(
    text: str,
    sentences: Sequence[Sentence],
    actors: Sequence[ActorMention],
    *,
    published: DateValue | str | None = None,
) -> list[ActorMention]:
    """People in ``text`` with their roles, and every later mention of them in the article.

    Args:
        text: the article text; offsets index into it.
        sentences: the article's sentences.
        actors: ``find_actors(text, sentences)``: the countries and roles around the names.
        published: the article's date ("2022-06-01", or the Article's ``published``): a name
            the text gives no role gets the post it held then (``officeholders.actor_office``).
    """
    gaz = load_gazetteer()
    toks, units = analyse(text)
    reader = _PeopleReader(text, toks, units, gaz, config(), actors, sentences)
    reader.on = _on(published)
    return reader.read()


def merge_people(
    actors: Sequence[ActorMention], people: Sequence[ActorMention]
) -> list[ActorMention]:
    """People replace the actor mentions they overlap; the result is sorted by position."""
    kept = [a for a in actors if not any(p.start < a.end and a.start < p.end for p in people)]
    return sorted([*kept, *people], key=lambda m: (m.start, m.end))


def resolve_actors(
    text: str, sentences: Sequence[Sentence], *, published: DateValue | str | None = None
) -> list[ActorMention]:
    """``find_actors`` and ``find_people`` merged: every actor mention, people included."""
    actors = find_actors(text, sentences)
    return merge_people(actors, find_people(text, sentences, actors, published=published))


def _on(published: DateValue | str | None) -> str | None:
    """The publication date at its precision ("2026-02", "2026-02-14"); None when undated."""
    if isinstance(published, DateValue):
        if published.precision is None or not published.start:
            return None
        return published.start[: _PRECISION_CHARS[published.precision]]
    return published or None


class _PeopleReader(_RoleReader):
    """Names in one article, their roles (``_RoleReader``) and every mention of them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people: dict[tuple[str, ...], _Person] = {}
        self.runs: list[tuple[int, int]] | None = None
        self.on: str | None = None  # the publication date, for office holders

    # ------------------------------------------------------------------ driver

    def read(self) -> list[ActorMention]:
        runs = self._name_runs()
        previous: tuple[int, _Person | None] = (-1, None)
        for a, b in runs:
            if not 1 <= self._caps(a, b) <= _MAX_NAME:
                continue
            person = self._full_name(a, b)
            if person is None and previous[1] is not None and self._shares_title(previous, a):
                person = self._coordinated(a, b, previous[1])
            previous = (b, person)
        self._led_by(runs)
        self._known_leaders()
        return self._mentions(runs)

    # ------------------------------------------------------------------ names

    def _is_name_word(self, t: int) -> bool:
        tok = self.toks[t]
        if not tok.is_word or t in self.unit_of or t in self.title_of:
            return False
        if _ARTICLE_PREFIX.match(tok.text):
            return True
        if not tok.is_cap or tok.norm in self.cfg.not_names or tok.norm in self.cfg.honorifics:
            return False
        letters = tok.text.replace(".", "")
        return not (len(letters) > 1 and letters.isupper()) and not tok.text[0].isdigit()

    def _name_runs(self) -> list[tuple[int, int]]:
        """Maximal runs of name words (particles inside), as token ranges."""
        if self.runs is not None:
            return self.runs
        n = len(self.toks)
        name = [self._is_name_word(t) for t in range(n)]
        inner = [name[t] or self._particle(t) for t in range(n)]
        runs: list[tuple[int, int]] = []
        t = 0
        while t < n:
            if not name[t]:
                t += 1
                continue
            a, b = t, t + 1
            while b < n and inner[b] and self._adjacent(b - 1, b):
                b += 1
            while b > a + 1 and not name[b - 1]:
                b -= 1
            runs.append((a, b))
            t = b
        self.runs = runs
        return runs

    def _span(self, a: int, b: int) -> tuple[int, int, str]:
        start, end = self.toks[a].start, self.toks[b - 1].end
        return start, end, self.text[start:end]

    def _particle(self, t: int) -> bool:
        tok = self.toks[t]
        return tok.text.islower() and tok.norm in self.cfg.particles

    def _caps(self, a: int, b: int) -> int:
        return sum(1 for t in range(a, b) if not self._particle(t))

    def _person(self, a: int, b: int) -> _Person:
        """The person named by tokens ``a:b``: an earlier one whose name contains it or is
        contained in it ("Araghchi" / "Abbas Araghchi"), or a new one."""
        words = tuple(self.toks[t].norm for t in range(a, b))
        name = self.text[self.toks[a].start : self.toks[b - 1].end]
        person = self.people.get(words) or self._by_surname(words)
        if person is None:
            # a name made only of particle words ("Al", "De" capitalised) keeps its last word
            surname = next((w for w in reversed(words) if w not in self.cfg.particles), words[-1])
            person = _Person(name, surname, words)
        elif len(words) > len(person.words):  # the fuller name becomes the canonical one
            person.name, person.words = name, words
        self.people[words] = person
        return person

    # ------------------------------------------------------------------ full names

    def _shares_title(self, previous: tuple[int, _Person | None], a: int) -> bool:
        """ "US envoys Steve Witkoff and Jared Kushner": a plural title covers both names."""
        end, person = previous
        if person is None or not person.title or not self._caps(a, a + 1):
            return False
        between = self.text[self.toks[end - 1].end : self.toks[a].start].strip()
        last = person.title.split()[-1].lower()
        return between in ("and", ",", ", and") and last.endswith("s") and not last.endswith("ss")

    def _coordinated(self, a: int, b: int, like: _Person) -> _Person:
        person = self._person(a, b)
        person.country = person.country or like.country
        person.sector = person.sector or like.sector
        person.title = person.title or like.title
        person.spans.append(self._span(a, b))
        return person

    def _full_name(self, a: int, b: int) -> _Person | None:
        pre = self._prefix(a) or self._pre_apposition(a, b)
        post = self._apposition(b)
        of = self._of_country(b) if post is None else None
        if pre is None and post is None:
            return None
        person = self._person(a, b)
        leads = None if any(r and r.country for r in (pre, post, of)) else self._leads(b)
        roles = [r for r in (pre, post, of, leads) if r is not None]
        for field_name in ("country", "sector", "title"):
            if getattr(person, field_name) is None:
                value = next(
                    (getattr(r, field_name) for r in roles if getattr(r, field_name)), None
                )
                setattr(person, field_name, value)
        start = pre.start if pre else self.toks[a].start
        end = max(
            [self.toks[b - 1].end, *(r.end for r in roles if r is not pre and r is not leads)]
        )
        person.spans.append((start, end, self.text[self.toks[a].start : self.toks[b - 1].end]))
        return person

    # ------------------------------------------------------------------ led by X and Y

    def _led_by(self, runs: list[tuple[int, int]]) -> None:
        run_at = {a: b for a, b in runs}
        toks = self.toks
        firsts = {c[0] for c in self.cfg.led_by}
        for t in range(len(toks)):
            if toks[t].norm not in firsts:
                continue
            cue = next((c for c in self.cfg.led_by if _starts(toks, t, c)), None)
            if cue is None:
                continue
            names: list[tuple[int, int]] = []
            k = t + len(cue)
            while k < len(toks):
                while k < len(toks) and (k in self.title_of or self._is_role(k)
                                         or toks[k].norm in self.gaz.modifiers):  # fmt: skip
                    k += 1
                while k < len(toks) and toks[k].norm in self.cfg.honorifics:
                    k += 1
                if k not in run_at:
                    break
                names.append((k, run_at[k]))
                k = run_at[k]
                if k < len(toks) and toks[k].norm in (",", "and"):
                    k += 1
                    if k < len(toks) and toks[k].norm == "and":
                        k += 1
                    continue
                break
            if names:
                self._assign_led(t, names)

    def _assign_led(self, cue: int, names: list[tuple[int, int]]) -> None:
        """Countries for the names after a cue: the coordinated actors before it, in order
        ("US and Iranian delegations, led by X and Y"), or the one team before it for all."""
        targets = self._led_targets(cue, len(names))
        for n, (a, b) in enumerate(names):
            key = tuple(self.toks[t].norm for t in range(a, b))
            known = self.people.get(key) or self._by_surname(key)
            if known is not None and len(key) > len(known.words):
                self._person(a, b)  # the fuller name becomes the canonical one
            if known is not None and known.country:
                continue
            if known is None and b - a == 1:
                continue  # a lone surname nobody has introduced
            if known is None and not targets:
                continue
            person = known or self._person(a, b)
            if targets and person.country is None:
                person.country = targets[n].actor.country
                person.sector = person.sector or targets[n].actor.sector
            if known is None:
                person.spans.append(self._span(a, b))

    def _led_targets(self, cue: int, count: int) -> list[ActorMention]:
        start = self.sentences.start_at(self.toks[cue].start)
        before = [
            m
            for m in self.actors
            if start <= m.start and m.end <= self.toks[cue].start and m.actor.country
            and m.actor.kind in ("state", "igo")
        ]  # fmt: skip
        if not before:
            return []
        group = [before[-1]]
        for m in reversed(before[:-1]):
            between = self.text[m.end : group[0].start].strip()
            if between not in (",", "and", "or", ", and"):
                break
            group.insert(0, m)
        if count == 1:
            return [before[-1]]
        if len(group) == count:
            return group
        if self._is_team(before[-1]):
            return [before[-1]] * count
        return []

    # ------------------------------------------------------------------ known office holders

    def _known_leaders(self) -> None:
        """A full name the text gives no role or no country: the post it held on the
        publication date, from the dated office-holder table; what the text says wins."""
        for person in {id(p): p for p in self.people.values()}.values():
            if person.country is None and (office := self._office(person.name)):
                person.country = office.country
            elif person.country is None and person.title and len(person.words) == 1:
                # "President Trump": the title and the surname name the post's holder
                titled = titled_office(person.surname, person.title, self.on)
                person.country = titled.country if titled else None
        for a, b in self._name_runs():
            if not 2 <= self._caps(a, b) <= _MAX_NAME:
                continue
            key = tuple(self.toks[t].norm for t in range(a, b))
            if key in self.people or not (office := self._office(self._span(a, b)[2])):
                continue
            person = self._person(a, b)
            person.country = person.country or office.country
            if person.sector is None and person.title is None:
                person.sector, person.title = office.sector, office.title
            person.spans.append(self._span(a, b))

    def _office(self, name: str) -> Office | None:
        return actor_office(name, self.on)

    # ------------------------------------------------------------------ mentions

    def _by_surname(self, key: tuple[str, ...]) -> _Person | None:
        """The one person whose name shares the surname and contains, or is contained in, ``key``."""
        surname = next((w for w in reversed(key) if w not in self.cfg.particles), None)
        found = {
            id(p): p
            for p in self.people.values()
            if p.surname == surname and (set(key) <= set(p.words) or set(p.words) <= set(key))
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _mentions(self, runs: list[tuple[int, int]]) -> list[ActorMention]:
        taken: list[tuple[int, int]] = []
        out: list[ActorMention] = []

        def actor_of(p: _Person, surface: str) -> Actor:
            return Actor(text=surface, name=p.name, country=p.country, sector=p.sector,
                         kind="person", title=p.title)  # fmt: skip

        for a, b in runs:  # "Jared Kushner" after "Kushner, the president's son-in-law"
            if self._caps(a, b) >= 2:
                key = tuple(self.toks[t].norm for t in range(a, b))
                found = self._by_surname(key)
                if found is not None and len(key) > len(found.words):
                    self._person(a, b)
        for person in {id(p): p for p in self.people.values()}.values():
            for start, end, surface in person.spans:
                taken.append((start, end))
                out.append(self._mention(start, end, actor_of(person, surface)))
        for a, b in runs:
            start, end = self.toks[a].start, self.toks[b - 1].end
            if any(s < end and start < e for s, e in taken):
                continue
            key = tuple(self.toks[t].norm for t in range(a, b))
            person = self.people.get(key) or self._by_surname(key)
            if person is None or not (person.country or person.sector or person.title):
                continue
            taken.append((start, end))
            out.append(self._mention(start, end, actor_of(person, self.text[start:end])))
        out.sort(key=lambda m: (m.start, -m.end))
        kept: list[ActorMention] = []
        for m in out:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        return kept

    def _mention(self, start: int, end: int, actor: Actor) -> ActorMention:
        sentence = self.sentences.index_at(start)
        return ActorMention(sentence=sentence, start=start, end=end, actor=actor)
