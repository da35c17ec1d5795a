"""Where an event happened: the place of its sentence tied to its trigger, or none.

    event_location(view, trigger=(start, end)) -> PlaceMention | None

The rules are data (``data/places/event_location.yaml``). Each place of the sentence (and each
name after in/at/near that no reader knows: "fighting in Manigram") is scored by the words before
it: a preposition ("in Aleppo"), a place noun ("the village of Najarah"), a verb of taking or
striking whose object it is ("stormed Najarah"), the preposition of the list it is in ("the
villages of Sukhnah, Taybah and 'Arak"); minus its distance to the trigger in words and clause
breaks (none for a place that opens the sentence: "In Kano, ..."), plus a bonus for precise kinds.
The best place above the threshold wins, and of a chain of places ("the town of Rastan in central
Syria", "Yemen's capital Sanaa", "Balad Ruz, 70 km northeast of Baghdad") the most precise one.

Places named as actors or as a speaker's whereabouts are never the place of the act:

* a possessive place not followed by a place noun ("Norway's attempts", but "Venezuela's
  capital" is a place);
* a place inside an attribution ("..., officials in Kabul said"), or with a verb of saying;
* a place after "of" that follows a word other than a place noun ("the army of Syria");
* a place with no preposition that is not the object of the trigger ("U.S. troops", "captured by
  Gaza militants").

This is the place of the act, which for a meeting is its venue: "the US delegation met Iranian
negotiators in Geneva" gives Geneva, never the delegation's country.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from dragoman.datafile import load_yaml, package_data_path
from dragoman.errors import DataFileError
from dragoman.model import ActorMention, Place, PlaceMention, SentenceView
from dragoman.understand.places import guess_place_at, guess_places

__all__ = ["LocationRules", "event_location", "load_location_rules"]

_WORD = re.compile(r"[\w'’-]+")
_POSSESSIVE = re.compile(r"['’]s\b")
_OWNED = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}")  # "South Africa's volatile " + a place
_WORD_BEFORE = re.compile(r"([\w-]+),?\s+\Z")
_NOUN_BEFORE_OF = re.compile(r"([\w-]+)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LocationRules:
    """``event_location.yaml``, checked."""

    threshold: float
    prepositions: dict[str, float]
    place_nouns: frozenset[str]
    of_place_noun: float
    object_verbs: tuple[str, ...]
    place_object_verbs: tuple[str, ...]  # whose object is a place even when no reader knows it
    passive_link: re.Pattern[str]  # "Jaffna was captured": between a passive subject and its verb
    participle: re.Pattern[str]  # a trigger in its past participle: "captured", "taken", "hit"
    not_loose_name: re.Pattern[str]  # a guessed name that is a time or a count: "4 A.M", "1967 Mideast"
    object_verb: float
    object_words: int
    not_object_words: frozenset[str]  # "captured by Israeli troops": an agent, not an object
    speech_verbs: frozenset[str]
    speech_penalty: float
    word_cost: float
    clause_cost: float
    clause_cap: int  # clause breaks counted at most
    kind_bonus: dict[str, float]  # "locality", "city", "region", "country"
    chain_words: frozenset[str]  # between two places of one chain: "Rastan in central Syria"
    chain_distance: re.Pattern[str]  # ", 70 kilometers northeast of"
    fronted_cost: float
    before_cost: float
    breaks: re.Pattern[str]
    specific_link: re.Pattern[str]
    skip_cost: float
    coordination: re.Pattern[str]  # between two places of one list: ", ", " and "
    preposition_back: re.Pattern[str]  # a preposition a few words before a place
    fronted: re.Pattern[str]  # a sentence opening with its place: "In Kano, ..."


@cache
def load_location_rules(path: Path | None = None) -> LocationRules:
    """Read and check the rules; ``path`` defaults to the packaged file.

    Raises:
        DataFileError: the file is missing, not YAML, or a key is missing or of the wrong type.
    """
    file = path or package_data_path("places", "event_location.yaml")
    data = load_yaml(file, lines=False, what="the event-location rules")
    check = _Checker(str(file), data)
    words = check.words
    located = [k for k, v in check.table("prepositions").items() if k != "none" and v >= 3]
    preps = "|".join(re.escape(w.lower()) for w in located)
    return LocationRules(
        threshold=check.number("threshold"),
        prepositions={
            k.lower(): check.number(f"prepositions.{k}") for k in check.table("prepositions")
        },
        place_nouns=frozenset(words("place_nouns")),
        of_place_noun=check.number("of_place_noun"),
        object_verbs=tuple(words("object_verbs")),
        place_object_verbs=tuple(words("place_object_verbs")),
        passive_link=check.pattern("passive_link"),
        participle=check.pattern("participle"),
        not_loose_name=check.pattern("not_loose_name"),
        object_verb=check.number("object_verb"),
        object_words=int(check.number("object_words")),
        not_object_words=frozenset(words("not_object_words")),
        speech_verbs=frozenset(words("speech_verbs")),
        speech_penalty=check.number("speech_penalty"),
        word_cost=check.number("word_cost"),
        clause_cost=check.number("clause_cost"),
        clause_cap=int(check.number("clause_cap")),
        kind_bonus={k: check.number(f"kind_bonus.{k}") for k in check.table("kind_bonus")},
        chain_words=frozenset(words("chain_words")) | frozenset(words("place_nouns")),
        chain_distance=check.pattern("chain_distance"),
        fronted_cost=check.number("fronted_cost"),
        before_cost=check.number("before_cost"),
        breaks=re.compile(
            r"[,;:()\[\]\"“”—–]|\s-\s|\b(?:"
            + "|".join(map(re.escape, words("clause_words")))
            + r")\b",
            re.IGNORECASE,
        ),
        specific_link=check.pattern("specific_link"),
        skip_cost=check.number("skip_cost"),
        coordination=re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*(?:the\s+)?", re.IGNORECASE),
        preposition_back=re.compile(
            rf"\b({preps})\s+((?:[\w'’.-]+,?\s+){{1,{int(check.number('skip_words'))}}}?)\Z",
            re.IGNORECASE,
        ),
        fronted=re.compile(
            rf"\W*(?:[\w'’.-]+\s+){{0,3}}?,?\s*(?:{preps})\s+(?:[\w'’.-]+\s+){{0,3}}\Z",
            re.IGNORECASE,
        ),
    )


class _Checker:
    def __init__(self, label: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise DataFileError(f"{label}: expected a mapping of rule names at the top level")
        self.label, self.data = label, data

    def _get(self, dotted: str) -> Any:
        value: Any = self.data
        for key in dotted.split("."):
            if not isinstance(value, dict) or key not in value:
                raise DataFileError(f"{self.label}: key '{dotted}' is missing; add it")
            value = value[key]
        return value

    def number(self, key: str) -> float:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DataFileError(f"{self.label}: key '{key}' must be a number, not {value!r}")
        return float(value)

    def table(self, key: str) -> dict[str, Any]:
        value = self._get(key)
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise DataFileError(
                f"{self.label}: key '{key}' must map words to numbers (quote `on`, `off`)"
            )
        return value

    def words(self, key: str) -> list[str]:
        value = self._get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise DataFileError(f"{self.label}: key '{key}' must be a list of words (quote `on`)")
        return [w.lower() for w in value]

    def pattern(self, key: str) -> re.Pattern[str]:
        value = self._get(key)
        try:
            return re.compile(str(value), re.IGNORECASE)
        except re.error as e:
            raise DataFileError(f"{self.label}: key '{key}' is not a valid regex: {e}") from e


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float
    mention: PlaceMention


def event_location(
    view: SentenceView, *, trigger: tuple[int, int], rules: LocationRules | None = None
) -> PlaceMention | None:
    """The place of the act named by ``trigger`` (offsets into the sentence), or None.

    Args:
        view: the sentence with its place, actor and attribution mentions.
        trigger: the trigger word's span, relative to the sentence text.
        rules: the rules; the packaged ones by default.
    """
    rules = rules or load_location_rules()
    text, base = view.sentence.text, view.sentence.start
    quoted = [(a.start - base, a.end - base) for a in view.attributions]
    reading = _Reading(text, rules)
    scored: list[_Scored] = []
    heads: list[tuple[PlaceMention, float | None]] = []  # each place with its phrase's score
    loose = _loose_places(view, trigger, rules)
    for p in sorted([*view.places, *loose], key=lambda p: p.start):
        head = _phrase_score(p, heads, text, base, trigger, rules)
        heads.append((p, head))
        score = _score(p, head, text, base, trigger, quoted, view.actors, reading, rules)
        if score is not None:
            scored.append(_Scored(score, p))
    if not scored:
        return None
    best = max(scored, key=lambda s: (s.score, -abs(s.mention.start - base - trigger[0])))
    if best.score < rules.threshold:
        return None
    return _more_specific(best.mention, [s.mention for s in scored], text, base, rules)


class _Reading:
    """Word starts and clause breaks of a sentence, for counting what lies between two spans."""

    def __init__(self, text: str, rules: LocationRules) -> None:
        self.words = [m.start() for m in _WORD.finditer(text)]
        self.breaks = [m.start() for m in rules.breaks.finditer(text)]

    def between(self, a: int, b: int) -> tuple[int, int]:
        """(words, clause breaks) starting inside ``a:b``."""
        words = bisect_left(self.words, b) - bisect_left(self.words, a)
        return words, bisect_left(self.breaks, b) - bisect_left(self.breaks, a)


def _phrase_score(
    p: PlaceMention,
    earlier: list[tuple[PlaceMention, float | None]],
    text: str,
    base: int,
    trigger: tuple[int, int],
    rules: LocationRules,
) -> float | None:
    """What the words before the place make of it, before distances: None for an actor's home.

    "in Aleppo" scores as "in"; "the village of Najarah" as a place noun; "Sukhnah, Taybah and
    'Arak" each as the first; "the capital, Kabul" and "outside his Istanbul office" as the
    preposition a few words back; "stormed Najarah" as the object of a verb of taking or striking.
    """
    start = p.start - base
    if earlier:
        q, q_score = earlier[-1]
        between = text[q.end - base : start]
        if q_score is not None and (
            rules.coordination.fullmatch(between) or _OWNED.fullmatch(between)
        ):
            # "the villages of Sukhnah, Taybah and 'Arak"; "in South Africa's volatile
            # KwaZulu-Natal province": the owner's preposition
            return q_score
    if start < trigger[0] and _is_passive_subject(p, text, base, trigger, rules):
        return rules.object_verb  # "Jaffna was captured by government forces"
    prep = p.preposition
    if prep == "of":
        noun = _NOUN_BEFORE_OF.search(text, 0, start)
        if noun is None or noun.group(1).lower() not in rules.place_nouns:
            return None  # "the army of Syria", "the people of Gaza": an actor's home
        return rules.of_place_noun
    if prep is not None:
        return rules.prepositions.get(prep, 0.0)
    noun = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if noun is not None and noun.group(1).lower() in rules.place_nouns:
        return rules.of_place_noun  # "the Georgian capital Tbilisi", "the capital, Kabul"
    back = rules.preposition_back.search(text, max(0, start - 60), start)
    if back is not None:  # "outside his Istanbul office", "in the capital, Kabul"
        skipped = len(_WORD.findall(back.group(2)))
        return rules.prepositions.get(back.group(1).lower(), 0.0) - rules.skip_cost * skipped
    words = _WORD.findall(text[trigger[1] : start]) if start >= trigger[1] else None
    is_object = (
        words is not None
        and len(words) <= rules.object_words
        and not any(w.lower() in rules.not_object_words for w in words)
        and not rules.breaks.search(text, trigger[1], start)
        and _takes_object(text, trigger, rules)
    )
    return rules.object_verb if is_object else rules.prepositions.get("none", 0.0)


def _score(
    p: PlaceMention,
    head: float | None,
    text: str,
    base: int,
    trigger: tuple[int, int],
    quoted: list[tuple[int, int]],
    actors: tuple[ActorMention, ...],
    reading: _Reading,
    rules: LocationRules,
) -> float | None:
    """The place's score as the place of the act, or None when it names an actor or a speaker."""
    start, end = p.start - base, p.end - base
    if head is None:
        return None
    if any(qs <= start and end <= qe for qs, qe in quoted) or _speaks_after(text, end, rules):
        return None  # "..., officials in Kabul said", "Diplomats in Brussels said"
    if (
        p.preposition is None
        and head <= rules.prepositions.get("none", 0.0)
        and any(a.start < p.end and p.start < a.end for a in actors)
    ):
        return None  # "captured by Gaza militants": the place names an actor
    if _POSSESSIVE.match(text, end) and not _owns_place(text, end, rules):
        return None  # "Norway's attempts", "Yemen's Ansar al-Sharia": an actor's home
    if start < trigger[1] and trigger[0] < end:
        return None  # the trigger inside a name
    after = start >= trigger[1]
    if after:
        words, breaks = reading.between(trigger[1], start)
    elif rules.fronted.match(text, 0, start):
        # "In Kano, the airport's lounge was destroyed": the whole sentence's
        words, breaks = 0, 0
        head -= rules.fronted_cost
    else:
        words, breaks = reading.between(end, trigger[0])
    score = head - rules.word_cost * words - rules.clause_cost * min(breaks, rules.clause_cap)
    score += rules.kind_bonus.get(p.place.kind, 0.0)
    if not after and words:
        score -= rules.before_cost
    if text[trigger[0] : trigger[1]].lower() in rules.speech_verbs:
        score -= rules.speech_penalty
    return score


def _is_passive_subject(
    p: PlaceMention, text: str, base: int, trigger: tuple[int, int], rules: LocationRules
) -> bool:
    """ "Jaffna was captured by ...": the place is the subject of a passive verb of taking or
    striking; not "Fecteau of Massachusetts were captured" nor "Ron Arad was captured"."""
    if p.preposition is not None or not _takes_object(text, trigger, rules):
        return False
    if not rules.participle.search(text, trigger[0], trigger[1]):
        return False  # "Ankara has been targeting": active
    before = _WORD_BEFORE.search(text, max(0, p.start - base - 30), p.start - base)
    if before is not None and before.group(1)[:1].isupper():
        return False  # the surname of a person
    return bool(rules.passive_link.match(text[p.end - base : trigger[0]]))


def _modifies_noun(text: str, end: int, rules: LocationRules) -> bool:
    """ "patrolling the West African country's capital", "stormed the Kurdish positions": the
    capitalised words qualify a common noun after them, which is the object."""
    following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if following is None:
        return False
    word = _POSSESSIVE.sub("", following.group())
    return (
        word.islower()
        and word not in rules.place_nouns
        and word not in rules.prepositions
        and word not in rules.not_object_words
    )


def _takes_object(text: str, trigger: tuple[int, int], rules: LocationRules) -> bool:
    """Whether the trigger is a verb of taking or striking, whose object is where it happened."""
    return text[trigger[0] : trigger[1]].lower().startswith(rules.object_verbs)


def _loose_places(
    view: SentenceView, trigger: tuple[int, int], rules: LocationRules
) -> list[PlaceMention]:
    """Names that neither the places reader nor the actors reader knows, after in/at/near ...
    ("fighting in Manigram", ``understand._place_guess`` frame ``after_preposition``) or as the
    object of a verb whose object is a place ("stormed the Technical College"; not "captured",
    which as often takes a person: "captured Ocalan in Kenya")."""
    text, base = view.sentence.text, view.sentence.start
    taken = [(m.start - base, m.end - base) for m in (*view.places, *view.actors)]
    found: dict[tuple[int, int], str | None] = {}
    for start, end in guess_places(text, ("after_preposition",)):
        prep = _PREPOSITION_BEFORE.search(text, max(0, start - 30), start)
        found[start, end] = prep.group(1).lower() if prep else None
    if text[trigger[0] : trigger[1]].lower().startswith(rules.place_object_verbs):
        named = guess_place_at(text, trigger[1])
        if named is not None and not _modifies_noun(text, named[1], rules):
            found.setdefault(named, None)  # the verb's object: no preposition
    return [
        PlaceMention(
            sentence=view.sentence.index,
            start=base + start,
            end=base + end,
            place=Place(text=text[start:end], name=text[start:end], country=None, kind="locality"),
            preposition=prep,
        )
        for (start, end), prep in sorted(found.items())
        if not any(a < end and start < b for a, b in taken)
        and not _ADJECTIVE.search(text, start, end)
        and not rules.not_loose_name.search(text[start:end])
    ]


_PREPOSITION_BEFORE = re.compile(r"\b(\w+)\s+(?:the\s+)?\Z")
# "in the Indonesian capital", "at the SLA-run center": a people's or a group's word, no place
_ADJECTIVE = re.compile(r"(?:ians?|eses?|ish|eans?|-run|-held|-led|-controlled|-backed)\Z")


def _speaks_after(text: str, end: int, rules: LocationRules) -> bool:
    """ "Diplomats in Brussels said": the speakers' place, read when no attribution covers it."""
    following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return following is not None and following.group().lower() in rules.speech_verbs


def _owns_place(text: str, end: int, rules: LocationRules) -> bool:
    """ "Venezuela's capital", "Bosnia's northern territory": a possessive place whose noun is a
    place."""
    following = _WORD.findall(text[end + 2 : end + 40])[:3]
    return any(w.lower() in rules.place_nouns for w in following)


def _more_specific(
    best: PlaceMention, places: list[PlaceMention], text: str, base: int, rules: LocationRules
) -> PlaceMention:
    """The most precise place of the chain the best one is in: "the town of Rastan in central
    Syria" gives Rastan, "Yemen's capital Sanaa" Sanaa, "the Colombo suburb of Nugegoda"
    Nugegoda, "Balad Ruz, 70 kilometers northeast of Baghdad" Balad Ruz."""
    chain = [best]
    ordered = sorted(places, key=lambda p: p.start)
    i = ordered.index(best)
    for step in (-1, 1):  # walk the chain both ways from the best place
        j = i
        while 0 <= j + step < len(ordered):
            a, b = sorted((ordered[j], ordered[j + step]), key=lambda p: p.start)
            link = text[a.end - base : b.start - base]
            if not _is_chain_link(link, rules):
                break
            j += step
            chain.append(ordered[j])
    return max(chain, key=lambda p: (_RANK.get(p.place.kind, 0), -chain.index(p)))


_RANK = {"locality": 3, "city": 2, "region": 1, "country": 0}


def _is_chain_link(link: str, rules: LocationRules) -> bool:
    """Whether the words between two places make them one chain ("X in central Y", "Y's capital
    X", "X, 30 km north of Y")."""
    words = re.sub(r"['’]s\b", " ", link).replace(",", " ").lower().split()
    if all(w in rules.chain_words for w in words):
        return True
    return bool(rules.chain_distance.match(link) or rules.specific_link.match(link))
