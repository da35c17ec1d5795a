"""The learned event-location ranker: which candidate place of a sentence, if any, is where the
act happened.

    ranker = shipped_ranker()                   # data/models/location.json, or None (rules only)
    ranker.choose(view, trigger, found, rules)  # PlaceMention | None

The rules (``coding/location.py``) read each place of the sentence against the trigger: the
words before it (a preposition, a place noun, a verb whose object it is), its distance in words
and clause breaks, its kind, whether it names an actor or a speaker instead. The ranker takes
those parts as features (``features``), with the trigger's word, the place's chain ("the town of
Rastan in central Syria") and its position among the others, and weighs them by logistic
regression into P(this place is the place of the act). The most probable place wins when its
probability reaches the threshold, else the act has no place in the sentence.

Inference is a sparse dot product in plain Python over a few dozen features (no numpy), weights
read once from a small JSON file written by ``dragoman train --location``
(``learn/location_train.py``). The file also holds the k models of the cross-validation and,
per training sentence, a digest of its text with its fold: a training sentence is read by the
fold model that never saw it, so that scoring the ranker on its own dev data stays honest
(docs/accuracy.md). When the file cannot be read the rules decide alone, with one warning.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman.coding.location import (
    Candidate,
    chain_links,
    more_specific,
    precision_rank,
    rules_location,
)
from dragoman.coding.location_rules import LocationRules
from dragoman.errors import DataFileError
from dragoman.model import PlaceMention, SentenceView

__all__ = [
    "LocationRanker",
    "Weights",
    "eligible",
    "features",
    "load_ranker",
    "save_ranker",
    "sentence_key",
    "shipped_ranker",
    "trigger_stem",
]

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "models" / "location.json"
FORMAT = 1
_ENDING = re.compile(r"(?:ings?|ed|es|s)$")
_WORDS = re.compile(r"[\w'’-]+")
_VERB_ENDING = re.compile(r"[a-z]{3}ed$")
_POSSESSIVE_LINK = re.compile(r"['’]s\b")


def sentence_key(text: str) -> str:
    """A short digest of a sentence's words, to recognise the ranker's training sentences."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def trigger_stem(word: str) -> str:
    """The trigger word without its inflection: "patrolling", "patrolled", "patrols" -> "patroll"
    / "patrol"; close enough to pool a verb's forms in the ranker's vocabulary."""
    word = word.lower()
    stem = _ENDING.sub("", word)
    return stem if len(stem) >= 3 else word


def features(
    found: list[Candidate], view: SentenceView, trigger: tuple[int, int], rules: LocationRules
) -> list[dict[str, float]]:
    """One sparse feature row per candidate (in the order of ``found``), named for reading."""
    text, base = view.sentence.text, view.sentence.start
    ordered = [c.mention for c in found]
    links = chain_links(ordered, text, base, rules)
    chains = _chains(found, links)
    scored = [c.score for c in found if c.score is not None]
    best_score = max(scored, default=None)
    pick = rules_location(found, view, trigger, rules)
    word = text[trigger[0] : trigger[1]].lower()
    stem = trigger_stem(word)
    shared = {
        f"trigger={stem}": 1.0,
        "trigger_speech": float(word in rules.speech_verbs),
        "trigger_object_verb": float(word.startswith(rules.object_verbs)),
        "trigger_place_object_verb": float(word.startswith(rules.place_object_verbs)),
        "candidates": min(len(found), 6) / 3.0,
        "candidates_free": min(sum(c.blocked is None for c in found), 6) / 3.0,
    }
    first_after = next((i for i, c in enumerate(found) if c.after), None)
    last_before = max((i for i, c in enumerate(found) if not c.after), default=None)
    rows = []
    for i, c in enumerate(found):
        row = dict(shared)
        row.update(_own(c, rules))
        row.update(_against_rules(c, best_score, pick, rules))
        chain = chains[i]
        if len(chain) > 1:
            ranks = [precision_rank(found[j].mention.place.kind) for j in chain]
            own = precision_rank(c.mention.place.kind)
            row["chain"] = 1.0
            row["chain_more_precise_exists"] = float(max(ranks) > own)
            row["chain_most_precise"] = float(own == max(ranks))
            row["chain_first"] = float(i == chain[0])
        if i > 0 and links[i - 1]:
            row[f"link_before={_link_kind(found[i - 1].mention, c.mention, text, base)}"] = 1.0
        if i < len(links) and links[i]:
            row[f"link_after={_link_kind(c.mention, found[i + 1].mention, text, base)}"] = 1.0
        row.update(_context(c, text, base))
        side = "after" if c.after else "before"
        row[f"trigger_{side}={stem}"] = 1.0
        row[f"trigger_cue={stem}|{c.cue}"] = 1.0
        row["verbs_between"] = float(min(_verbs_between(c, text, base, trigger, rules), 3))
        for mark in _breaks_between(c, text, base, trigger, rules):
            row[f"break={mark}"] = 1.0
        row["first_after"] = float(i == first_after)
        row["last_before"] = float(i == last_before)
        row["only"] = float(len(found) == 1)
        row["position"] = (c.mention.start - base) / max(len(text), 1)
        rows.append(row)
    return rows


def _own(c: Candidate, rules: LocationRules) -> dict[str, float]:
    """What the rules read of the candidate alone."""
    side = "after" if c.after else "fronted" if c.fronted else "before"
    row = {
        f"cue={c.cue}": 1.0,
        f"cue_{side}={c.cue}": 1.0,
        f"side={side}": 1.0,
        f"kind={c.mention.place.kind}": 1.0,
        "head": c.head if c.head is not None else 0.0,
        "skipped": float(c.skipped),
        "words": min(c.words, 30) / 10.0,
        "log_words": math.log1p(c.words),
        "breaks": float(min(c.breaks, 3)),
        "no_break": float(c.breaks == 0),
        "loose": float(c.loose),
        "actor": float(c.actor),
        "has_country": float(c.mention.place.country is not None),
        "capitals": float(c.mention.place.text.isupper() and len(c.mention.place.text) > 3),
    }
    if c.blocked is not None:
        row[f"blocked={c.blocked}"] = 1.0
    return row


def _verbs_between(
    c: Candidate, text: str, base: int, trigger: tuple[int, int], rules: LocationRules
) -> int:
    """Words that look like verbs between the trigger and the place ("killed ... after they
    landed on the coast"): another verb, another act."""
    start, end = c.mention.start - base, c.mention.end - base
    span = text[trigger[1] : start] if c.after else text[end : trigger[0]]
    verbs = rules.verb_words
    return sum(1 for w in _WORDS.findall(span.lower()) if w in verbs or _VERB_ENDING.search(w))


def _breaks_between(
    c: Candidate, text: str, base: int, trigger: tuple[int, int], rules: LocationRules
) -> set[str]:
    """The clause breaks between the trigger and the place: ",", "when", "after", "said" ..."""
    start, end = c.mention.start - base, c.mention.end - base
    lo, hi = (trigger[1], start) if c.after else (end, trigger[0])
    return {m.group().strip().lower() for m in rules.breaks.finditer(text, lo, max(lo, hi))}


def _link_kind(a: PlaceMention, b: PlaceMention, text: str, base: int) -> str:
    """How two places of one chain are joined: "of" ("the town of Rastan"), "s" ("Yemen's
    capital Sanaa"), "in" ("Rastan in central Syria"), "comma" ("Musa Qala, Helmand"), "other"."""
    link = text[a.end - base : b.start - base].lower()
    if _POSSESSIVE_LINK.match(link):
        return "s"
    words = set(_WORDS.findall(link))
    for kind in ("of", "in", "near"):
        if kind in words:
            return kind
    return "comma" if "," in link else "other"


def _context(c: Candidate, text: str, base: int) -> dict[str, float]:
    """The words around the place: the two before it, the one before its cue's preposition,
    the one after it ("the war in Syria", "an embassy in Paris", "Homs countryside")."""
    start, end = c.mention.start - base, c.mention.end - base
    before = _WORDS.findall(text[max(0, start - 80) : start].lower())[-6:]
    after = _WORDS.findall(text[end : end + 30].lower())[:1]
    row = {}
    if before:
        row[f"w-1={before[-1]}"] = 1.0
    if len(before) > 1:
        row[f"w-2={before[-2]}"] = 1.0
    if after:
        row[f"w+1={after[0]}"] = 1.0
    if c.mention.preposition and c.mention.preposition in before:
        at = len(before) - 1 - before[::-1].index(c.mention.preposition)
        row[f"w_prep={before[at - 1] if at > 0 else '^'}"] = 1.0
    return row


def _against_rules(
    c: Candidate, best: float | None, pick: PlaceMention | None, rules: LocationRules
) -> dict[str, float]:
    """How the hand-weighted rules rank the candidate."""
    if c.score is None or best is None:
        return {}
    return {
        "rules_score": max(min(c.score, 8.0), -8.0) / 4.0,
        "rules_margin": max(c.score - best, -8.0) / 4.0,
        "rules_best": float(c.score == best),
        "rules_above": float(c.score >= rules.threshold),
        "rules_pick": float(pick is not None and pick == c.mention),
    }


def _chains(found: list[Candidate], links: list[bool]) -> list[list[int]]:
    """Per candidate, the indices of the chain it is in (itself alone when in none)."""
    out: list[list[int]] = []
    run = [0] if found else []
    for i, linked in enumerate(links, start=1):
        if linked:
            run.append(i)
            continue
        out.extend([run] * len(run))
        run = [i]
    out.extend([run] * len(run))
    return out


@dataclass(frozen=True, slots=True)
class Weights:
    """One trained logistic model: a weight per feature name, and the intercept."""

    coef: Mapping[str, float]
    intercept: float

    def probability(self, row: Mapping[str, float]) -> float:
        z = self.intercept + sum(v * self.coef.get(k, 0.0) for k, v in row.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@dataclass(frozen=True)
class LocationRanker:
    full: Weights
    threshold: float  # the least probability of a place of the act; below, none
    chain_walk: bool  # after the choice, take its chain's most precise place (as the rules do)
    folds: tuple[Weights, ...] = ()
    held_out: Mapping[str, int] = field(default_factory=dict)  # sentence_key -> fold
    meta: Mapping[str, Any] = field(default_factory=dict)

    def weights_for(self, text: str, *, holdout: bool = True) -> Weights:
        """The fold model that never saw ``text`` when it is a training sentence."""
        if holdout and self.held_out:
            fold = self.held_out.get(sentence_key(text))
            if fold is not None:
                return self.folds[fold]
        return self.full

    def probabilities(
        self,
        view: SentenceView,
        trigger: tuple[int, int],
        found: list[Candidate],
        rules: LocationRules,
        *,
        holdout: bool = True,
    ) -> list[float]:
        """P(place of the act) for each candidate, in the order of ``found``."""
        if not found:
            return []
        weights = self.weights_for(view.sentence.text, holdout=holdout)
        return [weights.probability(row) for row in features(found, view, trigger, rules)]

    def choose(
        self,
        view: SentenceView,
        trigger: tuple[int, int],
        found: list[Candidate],
        rules: LocationRules,
        *,
        holdout: bool = True,
    ) -> PlaceMention | None:
        """The most probable place if it reaches the threshold, else None. A speaker's place
        ("officials in Brussels said") is never the place of the act, whatever the weights."""
        found = eligible(found)
        probs = self.probabilities(view, trigger, found, rules, holdout=holdout)
        if not probs:
            return None
        base = view.sentence.start
        i = max(
            range(len(found)),
            key=lambda j: (probs[j], -abs(found[j].mention.start - base - trigger[0])),
        )
        if probs[i] < self.threshold:
            return None
        best = found[i].mention
        if not self.chain_walk:
            return best
        free = [c.mention for c in found if c.blocked is None or c.mention == best]
        return more_specific(best, free, view.sentence.text, base, rules)


def eligible(found: list[Candidate]) -> list[Candidate]:
    """The candidates the ranker weighs: all but a speaker's place, a name the trigger is in,
    and an actor named as a party ("Russia and Ukraine held talks", "met US officials", "a message
    from the United States"): the rules' hard limits, which no weight may cross."""
    return [c for c in found if c.blocked not in _NEVER and not (c.actor and c.cue in _PARTY_CUES)]


_NEVER = frozenset({"speaker", "inside", "actor"})
# an actor after these is a party the act comes from or goes to ("a message from the United
# States", "a letter to Iran"), not its place
_PARTY_CUES = frozenset({"from", "to", "toward", "towards"})


def save_ranker(ranker: LocationRanker, path: Path = MODEL_PATH) -> Path:
    """Write the ranker as JSON: the feature names once, then one row of weights per model
    (rounded to 4 decimals); the bytes depend only on the ranker."""
    models = [ranker.full, *ranker.folds]
    names = sorted({k for w in models for k, v in w.coef.items() if round(v, 4) != 0.0})
    doc = {
        "format": FORMAT,
        "meta": dict(ranker.meta),
        "threshold": ranker.threshold,
        "chain_walk": ranker.chain_walk,
        "features": names,
        "weights": [[round(w.coef.get(k, 0.0), 4) for k in names] for w in models],
        "intercepts": [round(w.intercept, 4) for w in models],
        "held_out": dict(sorted(ranker.held_out.items())),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", "utf-8")
    return path


def load_ranker(path: Path = MODEL_PATH) -> LocationRanker:
    """Read a ranker written by ``save_ranker``.

    Raises:
        DataFileError: the file is missing, not JSON, or of another format version.
    """
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DataFileError(
            f"{path}: cannot read the event-location ranker ({e}); "
            "run `dragoman train --location` to rebuild it"
        ) from e
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        found = doc.get("format") if isinstance(doc, dict) else None
        raise DataFileError(
            f"{path}: ranker format {found!r}, expected {FORMAT}; "
            "run `dragoman train --location` to rebuild it"
        )
    try:
        names = [str(k) for k in doc["features"]]
        models = [
            Weights({k: float(v) for k, v in zip(names, row) if v}, float(b))
            for row, b in zip(doc["weights"], doc["intercepts"], strict=True)
        ]
        return LocationRanker(
            full=models[0],
            threshold=float(doc["threshold"]),
            chain_walk=bool(doc["chain_walk"]),
            folds=tuple(models[1:]),
            held_out={k: int(v) for k, v in doc["held_out"].items()},
            meta=doc.get("meta", {}),
        )
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise DataFileError(
            f"{path}: the event-location ranker lacks or mangles {e}; "
            "run `dragoman train --location` to rebuild it"
        ) from e


@functools.cache
def shipped_ranker() -> LocationRanker | None:
    """The packaged ranker, or None (warned about once per process): the rules decide alone."""
    try:
        return load_ranker()
    except DataFileError as e:
        log.warning("event locations by rules only: %s", e)
        return None
