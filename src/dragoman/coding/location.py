"""Where an event happened: the place of its sentence tied to its trigger, or none.

    event_location(view, trigger=(start, end)) -> PlaceMention | None

Each place of the sentence is a ``Candidate`` whose score parts the rules read (below); the
learned ranker (``coding/location_model.py``, data/models/location.json) weighs those parts and
chooses, or the rules' own sum does when the ranker cannot be read (``use_model=False``: always).

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
from itertools import pairwise

from dragoman.coding.location_rules import LocationRules, load_location_rules
from dragoman.model import ActorMention, Place, PlaceMention, SentenceView
from dragoman.understand.places import guess_place_at, guess_places

__all__ = [
    "Candidate",
    "LocationRules",
    "candidates",
    "chain_links",
    "event_location",
    "load_location_rules",
    "main_verb",
    "more_specific",
    "precision_rank",
    "rules_location",
]

_WORD = re.compile(r"[\w'’-]+")
_POSSESSIVE = re.compile(r"['’]s\b")
_OWNED = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}")  # "South Africa's volatile " + a place
_WORD_BEFORE = re.compile(r"([\w-]+),?\s+\Z")
_NOUN_BEFORE_OF = re.compile(r"([\w-]+)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place of the sentence as the rules read it for one trigger: the parts of its score,
    which the rules add up (``score``) and the learned ranker weighs (``location_model``)."""

    mention: PlaceMention
    cue: str  # what ties it to the act: a preposition ("in"), "place_noun", "object", ...
    head: float | None  # the cue's score; None: an actor's home ("the army of Syria")
    skipped: int  # words between the preposition and the place ("outside his Istanbul office")
    blocked: str | None  # why it cannot be the place: "home", "speaker", "actor", "possessive" ...
    words: int  # words between the place and the trigger
    breaks: int  # clause breaks between them
    after: bool  # the place follows the trigger
    fronted: bool  # the place opens the sentence ("In Kano, ...")
    loose: bool  # a name no reader knows, read after a preposition or a verb
    actor: bool  # the place's words also name an actor ("US officials", "from the United States")
    score: float | None  # the rules' total; None when blocked


def event_location(
    view: SentenceView,
    *,
    trigger: tuple[int, int],
    rules: LocationRules | None = None,
    use_model: bool = True,
) -> PlaceMention | None:
    """The place of the act named by ``trigger`` (offsets into the sentence), or None.

    Args:
        view: the sentence with its place, actor and attribution mentions.
        trigger: the trigger word's span, relative to the sentence text.
        rules: the rules; the packaged ones by default.
        use_model: rank the candidates with the learned ranker (data/models/location.json) when
            it can be read; False, or no ranker: the rules' scores alone.
    """
    rules = rules or load_location_rules()
    trigger = main_verb(view.sentence.text, trigger, rules)
    found = candidates(view, trigger=trigger, rules=rules)
    if use_model:
        from dragoman.coding.location_model import shipped_ranker

        ranker = shipped_ranker()
        if ranker is not None:
            return ranker.choose(view, trigger, found, rules)
    return rules_location(found, view, trigger, rules)


def main_verb(text: str, trigger: tuple[int, int], rules: LocationRules) -> tuple[int, int]:
    """The verb an auxiliary trigger leads to: "were (reportedly) killed" -> "killed", as the
    coder anchors an act on its first word; any other trigger as it is."""
    start, end = trigger
    for _ in range(4):
        if text[start:end].lower() not in rules.auxiliaries:
            break
        following = _NEXT_WORD.match(text, end)
        if following is None:
            break
        start, end = following.span(1)
    return (start, end) if text[start:end].lower() not in rules.auxiliaries else trigger


_NEXT_WORD = re.compile(r"\s+(?:\w+ly\s+)?([A-Za-z][\w'’-]*)")


def rules_location(
    found: list[Candidate], view: SentenceView, trigger: tuple[int, int], rules: LocationRules
) -> PlaceMention | None:
    """The hand-weighted choice: the best score above the threshold, then its chain's most
    precise place."""
    base = view.sentence.start
    scored = [c for c in found if c.score is not None]
    if not scored:
        return None
    best = max(scored, key=lambda c: (c.score, -abs(c.mention.start - base - trigger[0])))
    if best.score is None or best.score < rules.threshold:
        return None
    mentions = [c.mention for c in scored]
    return more_specific(best.mention, mentions, view.sentence.text, base, rules)


def candidates(
    view: SentenceView, *, trigger: tuple[int, int], rules: LocationRules
) -> list[Candidate]:
    """Every place of the sentence (and each unlisted name after in/at/near, or as the object of
    a verb whose object is a place), in text order, read against the trigger."""
    text, base = view.sentence.text, view.sentence.start
    quoted = [(a.start - base, a.end - base) for a in view.attributions]
    reading = _Reading(text, rules)
    loose = _loose_places(view, trigger, rules)
    out: list[Candidate] = []
    heads: list[tuple[PlaceMention, float | None]] = []  # each place with its phrase's score
    for p in sorted([*view.places, *loose], key=lambda p: p.start):
        cue, head, skipped = _phrase_score(p, heads, text, base, trigger, rules)
        heads.append((p, head))
        out.append(
            _read(p, cue, head, skipped, p in loose, text, base, trigger, quoted, view.actors,
                  reading, rules)
        )  # fmt: skip
    return out


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
) -> tuple[str, float | None, int]:
    """What the words before the place make of it, before distances: (cue, score, words skipped);
    the score is None for an actor's home.

    "in Aleppo" scores as "in"; "the village of Najarah" as a place noun; "Sukhnah, Taybah and
    'Arak" each as the first; "the capital, Kabul" and "outside his Istanbul office" as the
    preposition a few words back; "stormed Najarah" as the object of a verb of taking or striking.
    """
    start = p.start - base
    if earlier:
        q, q_score = earlier[-1]
        between = text[q.end - base : start]
        if q_score is not None:
            # "the villages of Sukhnah, Taybah and 'Arak"; "in South Africa's volatile
            # KwaZulu-Natal province": the owner's preposition
            if rules.coordination.fullmatch(between):
                return "list", q_score, 0
            if _OWNED.fullmatch(between) and not q.end - base <= trigger[0] < start:
                # (not across the act's own verb: "Serbia's president accused Pristina")
                return "owned", q_score, 0
    if start < trigger[0] and _is_passive_subject(p, text, base, trigger, rules):
        return "passive", rules.object_verb, 0  # "Jaffna was captured by government forces"
    prep = p.preposition
    if prep == "of":
        noun = _NOUN_BEFORE_OF.search(text, 0, start)
        if noun is None or noun.group(1).lower() not in rules.place_nouns:
            return "home", None, 0  # "the army of Syria", "the people of Gaza": an actor's home
        return "place_noun", rules.of_place_noun, 0
    if prep is not None:
        return prep, rules.prepositions.get(prep, 0.0), 0
    noun = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if noun is not None and noun.group(1).lower() in rules.place_nouns:
        return "place_noun", rules.of_place_noun, 0  # "the Georgian capital Tbilisi"
    back = rules.preposition_back.search(text, max(0, start - 60), start)
    if back is not None:  # "outside his Istanbul office", "in the capital, Kabul"
        skipped = len(_WORD.findall(back.group(2)))
        prep = back.group(1).lower()
        return prep, rules.prepositions.get(prep, 0.0) - rules.skip_cost * skipped, skipped
    words = _WORD.findall(text[trigger[1] : start]) if start >= trigger[1] else None
    is_object = (
        words is not None
        and len(words) <= rules.object_words
        and not any(w.lower() in rules.not_object_words for w in words)
        and not rules.breaks.search(text, trigger[1], start)
        and _takes_object(text, trigger, rules)
    )
    if is_object:
        return "object", rules.object_verb, 0
    return "none", rules.prepositions.get("none", 0.0), 0


def _read(
    p: PlaceMention,
    cue: str,
    head: float | None,
    skipped: int,
    loose: bool,
    text: str,
    base: int,
    trigger: tuple[int, int],
    quoted: list[tuple[int, int]],
    actors: tuple[ActorMention, ...],
    reading: _Reading,
    rules: LocationRules,
) -> Candidate:
    """The place read as the place of the act: its distances, and the rules' score, or why it
    names an actor or a speaker instead."""
    start, end = p.start - base, p.end - base
    after = start >= trigger[1]
    words, breaks = (
        reading.between(trigger[1], start) if after else reading.between(end, trigger[0])
    )
    words, breaks = max(words, 0), max(breaks, 0)  # a place around the trigger: no distance
    fronted = not after and bool(rules.fronted.match(text, 0, start))
    blocked = _blocked(p, head, text, base, trigger, quoted, actors, rules)
    score = None
    if head is not None and blocked is None:
        if fronted:
            # "In Kano, the airport's lounge was destroyed": the whole sentence's
            head, near_words, near_breaks = head - rules.fronted_cost, 0, 0
        else:
            near_words, near_breaks = words, breaks
        score = (
            head
            - rules.word_cost * near_words
            - rules.clause_cost * min(near_breaks, rules.clause_cap)
            + rules.kind_bonus.get(p.place.kind, 0.0)
        )
        if not after and near_words:
            score -= rules.before_cost
        if text[trigger[0] : trigger[1]].lower() in rules.speech_verbs:
            score -= rules.speech_penalty
    return Candidate(
        mention=p,
        cue=cue,
        head=head,
        skipped=skipped,
        blocked=blocked,
        words=words,
        breaks=breaks,
        after=after,
        fronted=fronted,
        loose=loose,
        actor=any(a.start < p.end and p.start < a.end for a in actors),
        score=score,
    )


def _blocked(
    p: PlaceMention,
    head: float | None,
    text: str,
    base: int,
    trigger: tuple[int, int],
    quoted: list[tuple[int, int]],
    actors: tuple[ActorMention, ...],
    rules: LocationRules,
) -> str | None:
    """Why the place cannot be the place of the act, or None."""
    start, end = p.start - base, p.end - base
    if head is None:
        return "home"
    if any(qs <= start and end <= qe for qs, qe in quoted) or _speaks_after(text, end, rules):
        return "speaker"  # "..., officials in Kabul said", "Diplomats in Brussels said"
    if (
        p.preposition is None
        and head <= rules.prepositions.get("none", 0.0)
        and any(a.start < p.end and p.start < a.end for a in actors)
    ):
        return "actor"  # "captured by Gaza militants": the place names an actor
    if _POSSESSIVE.match(text, end) and not _owns_place(text, end, rules):
        return "possessive"  # "Norway's attempts", "Yemen's Ansar al-Sharia": an actor's home
    if start < trigger[1] and trigger[0] < end:
        return "inside"  # the trigger inside a name
    return None


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


def more_specific(
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


def chain_links(
    ordered: list[PlaceMention], text: str, base: int, rules: LocationRules
) -> list[bool]:
    """For each place but the last, in text order: whether it and the next are one chain."""
    return [
        _is_chain_link(text[a.end - base : b.start - base], rules) for a, b in pairwise(ordered)
    ]


def precision_rank(kind: str) -> int:
    """How precise a place of this kind is: locality 3, city 2, region 1, country 0."""
    return _RANK.get(kind, 0)
