"""Pronoun subjects within an article: "Jared Kushner, the US envoy, arrived in Cairo. He met ..."

    text + sentences + actor mentions --find_pronoun_actors--> [ActorMention for "He"/"She"/"They"]

A sentence whose subject is "he" or "she" (first word, after a short opening phrase: "On
Tuesday, she ...", or after the person's own staff: "His office said he would ...") continues with the person the article last named as a subject: the first
person in the nearest of the three sentences before it that names one (by name, or by a
title: "the Iranian foreign minister"). The mention covers the
pronoun and carries that person's actor, so the coder reads "He met Egyptian President X" as a
meeting of two countries. "the two sides" and "both countries" are read by the coder
(coding/sides.py). A sentence-subject "They" continues the previous sentence's subject when
that is one plural body ("Iranian officials ... They urged calm"); other "they" and object
pronouns are left alone: their antecedent is too often a thing, or several.

A possessive before a role noun ("its forces", "their troops", "his government") is that
noun's body of the actor the pronoun stands for (``with_possessive_owners``): the actors with a
country earlier in the sentence, when they are all of one country (people only, for "his"/"her");
a sentence that opens with the possessive takes the previous sentence's. "Iran and the US said
their negotiators ..." names two countries: left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from dragoman.model import Actor, ActorMention, Sentence
from dragoman.understand._actor_roles import config
from dragoman.understand._actor_text import SentenceIndex, phrase_key
from dragoman.understand.gazetteer import analyse, load_gazetteer

__all__ = ["find_pronoun_actors", "with_home_countries", "with_possessive_owners"]

# "He", "She", or an opening of up to five words and a comma before it ("On Tuesday, he"), or the
# person's own staff reporting what they will do ("His office said he would travel to ...")
_SUBJECT = re.compile(
    r"(?:[\w'’-]+(?:\s+[\w'’-]+){0,4},\s+"
    r"|(?:his|her)\s+(?:office|spokes(?:man|woman|person)|aides?|press\s+office)\s+"
    r"(?:said|says|added|announced|confirmed)\s+(?:that\s+)?)?"
    r"\b(he|she)\b(?=\s+\w)",
    re.IGNORECASE,
)
# "They" opening a sentence, or after an opening phrase and a comma ("On Monday, they ...")
_THEY = re.compile(r"(?:[\w'’-]+(?:\s+[\w'’-]+){0,4},\s+)?\b(they)\b(?=\s+\w)", re.IGNORECASE)
_LOOK_BACK = 3  # sentences
_POSSESSIVES = {"its": "any", "their": "any", "his": "person", "her": "person"}
_SLOTS = frozenset({"UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC"})  # organisations: no home


def find_pronoun_actors(
    text: str, sentences: Sequence[Sentence], actors: Sequence[ActorMention]
) -> list[ActorMention]:
    """An actor mention for each sentence-subject "he"/"she" whose person the article named just
    before; offsets index into ``text``."""
    people: dict[int, ActorMention] = {}
    for m in sorted(actors, key=lambda m: m.start):
        if _one_person(m, text) and m.actor.country and m.sentence not in people:
            people[m.sentence] = m  # the first person of a sentence: most often its subject
    out = []
    for k, s in enumerate(sentences):
        found = _SUBJECT.match(text, s.start, s.end)
        if found is None:
            continue
        antecedent = next((people[j] for j in range(k - 1, k - 1 - _LOOK_BACK, -1) if j in people),
                          None)  # fmt: skip
        if antecedent is None:
            continue
        start, end = found.span(1)
        actor = antecedent.actor
        out.append(
            ActorMention(sentence=k, start=start, end=end, actor=_as_text(actor, text[start:end]))
        )
    out.extend(_they_subjects(text, sentences, actors))
    return sorted(out, key=lambda m: m.start)


def _they_subjects(
    text: str, sentences: Sequence[Sentence], actors: Sequence[ActorMention]
) -> list[ActorMention]:
    """'Iranian officials met Omani mediators. They urged calm.': a sentence-subject "They"
    continues the previous sentence's subject when that is one plural body with a country
    (its first mention, "Iranian officials", "Kurdish fighters"). Two coordinated subjects ("Iran
    and the US held talks. They agreed ...") are one pair, not one actor: left alone."""
    first: dict[int, list[ActorMention]] = {}
    for m in sorted(actors, key=lambda m: m.start):
        first.setdefault(m.sentence, []).append(m)
    out = []
    for k, s in enumerate(sentences):
        found = _THEY.match(text, s.start, s.end)
        before = first.get(k - 1)
        if found is None or not before:
            continue
        subject = before[0]
        if not _plural_body(subject, text) or _coordinated(subject, before[1:], text):
            continue
        start, end = found.span(1)
        actor = _as_text(subject.actor, text[start:end])
        out.append(ActorMention(sentence=k, start=start, end=end, actor=actor))
    return out


def _plural_body(m: ActorMention, text: str) -> bool:
    """A body named by a plural noun ("officials", "Kurds", "fighters"), with a country."""
    words = text[m.start : m.end].split()
    last = words[-1] if words else ""
    plural = last.endswith("s") and not last.endswith("ss") and not last[:1].isupper()
    return bool(m.actor.country) and m.actor.kind != "person" and (plural or _people(last))


def _people(word: str) -> bool:
    """A people's plural, capitalised ("Kurds", "Tamils"), as the gazetteer reads it."""
    return any(e.plural for e in load_gazetteer().lookup(word))


def _coordinated(subject: ActorMention, rest: Sequence[ActorMention], text: str) -> bool:
    nxt = rest[0] if rest else None
    return nxt is not None and text[subject.end : nxt.start].strip().lower() in ("and", ",", "or")


def _one_person(m: ActorMention, text: str) -> bool:
    """A named person, or a phrase that ends in a person's title ("the Iranian foreign
    minister", "Oman's foreign minister"), not a body ("Iranian officials", "Iran")."""
    if m.actor.kind == "person":
        return True
    words = phrase_key(text[m.start : m.end])
    titles = config().titles
    return any(words[-n:] in titles for n in (1, 2, 3) if len(words) > n)


def _as_text(actor: Actor, surface: str) -> Actor:
    """The antecedent's actor, written as the pronoun that stands for it here."""
    return replace(actor, text=surface)


def with_possessive_owners(
    text: str, sentences: Sequence[Sentence], actors: Sequence[ActorMention]
) -> list[ActorMention]:
    """``actors`` with each "its/their/his/her" + role noun whose owner is plain as one mention
    of that owner's country (the bare noun's countryless mention, if any, gives way to it)."""
    gaz = load_gazetteer()
    toks, units = analyse(text)
    index = SentenceIndex(sentences)
    out = list(actors)
    for u in units:
        if u.entry.kind != "role" or u.part:
            continue
        t = u.i - 1
        while t >= 0 and toks[t].norm in gaz.modifiers:
            t -= 1  # "their own forces", "its senior officials"
        if t < 0 or toks[t].norm not in _POSSESSIVES:
            continue
        start = toks[t].start
        inside = [m for m in out if m.start < u.end and start < m.end]
        if any(m.actor.country or not (start <= m.start and m.end <= u.end) for m in inside):
            continue  # already someone's: "its Iranian counterparts"
        k = index.index_at(start)
        owner = _owner(actors, text, k, start, people=_POSSESSIVES[toks[t].norm])
        if owner is None:
            continue
        kind = "state" if owner.kind == "person" else owner.kind
        actor = Actor(text=text[start : u.end], name=owner.name, country=owner.country,
                      sector=u.entry.sector, kind=kind)  # fmt: skip
        out = [m for m in out if m not in inside]
        out.append(ActorMention(sentence=k, start=start, end=u.end, actor=actor))
    return sorted(out, key=lambda m: m.start)


def _owner(
    actors: Sequence[ActorMention], text: str, k: int, at: int, *, people: str
) -> Actor | None:
    """The one country the actors before ``at`` in sentence ``k`` share (else those of the
    sentence before, when none precede in ``k``); for "his"/"her", people only."""
    for sentence in (k, k - 1):
        before = [m.actor for m in actors
                  if m.sentence == sentence and m.start < at and m.actor.country
                  and (people == "any" or _one_person(m, text))]  # fmt: skip
        if before:
            return before[0] if len({a.country for a in before}) == 1 else None
    return None


def with_home_countries(actors: Sequence[ActorMention]) -> list[ActorMention]:
    """``actors`` with each titled person the text and the office-holder table give no country
    (a holder after the table's snapshots, a misspelt name) placed in the one country the
    sentence names before them: "Rebels in Ivory Coast rejected an appeal from President Konan"
    CIV GOV, "Mali's opposition rejected the re-election of President Keita" MLI GOV. Every
    mention of that person in the article takes the country found."""
    homes: dict[str, Actor] = {}
    for m in actors:
        a = m.actor
        if a.kind == "person" and a.country is None and a.title and a.name not in homes:
            home = _home(actors, m)
            if home is not None:
                homes[a.name] = replace(a, country=home)
    if not homes:
        return list(actors)
    return [
        replace(m, actor=replace(homes[m.actor.name], text=m.actor.text, role=m.actor.role))
        if m.actor.kind == "person" and m.actor.country is None and m.actor.name in homes
        else m
        for m in actors
    ]


# How far after a person (characters) a country still stands in the person's own phrase
# ("envoy Witkoff the American one"); further on it is the object of another act.
_BESIDE = 30


def _home(actors: Sequence[ActorMention], person: ActorMention) -> str | None:
    """The one country the bodies before ``person`` in its sentence name, or None. Organisations
    have no home, and a sentence naming two countries (before the person, or right after:
    "Araghchi will lead the Iranian team and envoy Witkoff the American one"; not "... ordered
    President Menem to appear for questioning over arms sales to Croatia"), or a person of
    another country beside this one ("Secretary Tillerson and Russian Foreign Minister Lavrov"),
    says nothing."""
    same = [m for m in actors if m.sentence == person.sentence and m is not person]
    bodies = [m for m in same if m.actor.kind != "person" and m.actor.country]
    homes = {m.actor.country for m in bodies if m.start < person.start} - _SLOTS
    beside = [m for m in bodies if m.start < person.start or m.start - person.end <= _BESIDE]
    named = {m.actor.country for m in beside} - _SLOTS
    others = {m.actor.country for m in same if m.actor.kind == "person" and m.actor.country}
    if len(homes) != 1 or not (others | named) <= homes:
        return None
    return homes.pop()
