"""The learned model's say in the rule coder: filter, disambiguate, and fill a missing trigger.

    reviewer = Reviewer(model, lexicon, holdout=True)
    matches = reviewer.review(text, matches, actors=2, countries=2)

It works on the rule coder's candidate trigger matches, before status, roles and evidence are
read, so that whatever it keeps or adds goes through the same rules as any trigger (a meeting
still needs two sides, a negated act is still dropped, actors and direction still come from the
sentence). ``decide`` is the whole policy, a pure function of the model's reading; its thresholds
were chosen by cross-validation on the dev data and are stored with the model:

* **drop**: the sentence has rule triggers but the relevance filter judges that it states no
  event (``event < drop_below``, or ``drop_written`` when a hand-written trigger matched):
  "the striker fired a shot", commentary, history;
* **recode**: the rules found a trigger, but the model is confident (``recode_confidence``) that the
  act has another CAMEO root than every trigger found; the first trigger's words are kept, coded
  with the model's code;
* **propose**: no rule trigger, at least one actor, and the model is confident the sentence states
  an event (``propose_above``) of one code (``propose_confidence``); the act is anchored at the word
  that weighs most for that code, and the rules do the rest;
* **keep**: otherwise the rules stand as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from dragoman.coding.lexicon import Lexicon, Trigger
from dragoman.coding.rules import Match
from dragoman.learn.features import Structure
from dragoman.learn.model import Candidate, LearnedModel, Reading

__all__ = ["Decision", "Reviewer", "decide", "may_act", "structure_of"]


@dataclass(frozen=True, slots=True)
class Decision:
    action: str  # "keep" | "drop" | "recode" | "propose" | "none"
    candidate: Candidate | None = None


def decide(
    reading: Reading,
    rule_roots: Sequence[str],
    policy: Mapping[str, float],
    *,
    actors: int,
    written: bool = False,
) -> Decision:
    """What the model does with one sentence, given the CAMEO roots of its rule triggers.

    ``written``: a trigger comes from the hand-written triggers.yaml (not the generated verb
    lexicon); those are dropped only below the stricter ``drop_written``, because a dropped
    meeting also takes away the parties that later sentences of the article inherit from it.
    """
    best = reading.candidates[0] if reading.candidates else None
    if best is not None and best.event_type == "none":
        best = None  # a statement (CAMEO 01): PLOVER codes no event for it
    if rule_roots:
        if reading.event < policy["drop_written" if written else "drop_below"]:
            return Decision("drop")
        if (
            best is not None
            and best.root not in rule_roots
            and best.probability >= policy["recode_confidence"]
            and best.probability > max(reading.probability(r) for r in rule_roots)
        ):
            return Decision("recode", best)
        return Decision("keep")
    if (
        best is not None
        and actors >= 1
        and reading.event >= policy["propose_above"]
        and best.probability >= policy["propose_confidence"]
    ):
        return Decision("propose", best)
    return Decision("none")


def may_act(policy: Mapping[str, float], *, matches: bool, written: bool, actors: int) -> bool:
    """Whether ``decide`` can do anything but keep, whatever the model reads (probabilities
    are at most 1): no trigger and no actor, or triggers the policy never drops or recodes."""
    if not matches:
        return actors >= 1 and policy["propose_above"] <= 1 and policy["propose_confidence"] <= 1
    drop = policy["drop_written" if written else "drop_below"]
    return drop > 0 or policy["recode_confidence"] <= 1


def structure_of(matches: Sequence[Match], *, actors: int, countries: int) -> Structure:
    """The rule pipeline's reading of a sentence, as the model's structural features take it."""
    return Structure(
        codes=tuple(m.trigger.cameo for m in matches),
        types=tuple(m.trigger.event_type for m in matches),
        generated=tuple(m.trigger.priority < 0 for m in matches),
        actors=actors,
        countries=countries,
    )


class Reviewer:
    """Applies ``decide`` to a sentence's trigger matches (see the module docstring)."""

    def __init__(self, model: LearnedModel, lexicon: Lexicon, *, holdout: bool) -> None:
        self.model = model
        self.lexicon = lexicon
        self.holdout = holdout
        self.roles_ = _roles_by_root(lexicon)

    def review(
        self, text: str, matches: list[Match], *, actors: int, countries: int
    ) -> list[Match]:
        codeless = [m for m in matches if m.trigger.cameo is None]
        if codeless:
            # an act CAMEO has no code for (a resignation) is outside the model's classes, which
            # are CAMEO codes: its hand-written trigger stands, the model reviews the others
            coded = [m for m in matches if m.trigger.cameo is not None]
            if not coded:
                return matches
            kept = self.review(text, coded, actors=actors, countries=countries)
            return sorted([*codeless, *kept], key=lambda m: m.start)
        written = any(m.trigger.priority >= 0 for m in matches)
        if not may_act(self.model.policy, matches=bool(matches), written=written, actors=actors):
            return matches  # no reading could change anything: do not spend time on one
        structure = structure_of(matches, actors=actors, countries=countries)
        reading = self.model.read(text, structure, holdout=self.holdout)
        roots = tuple(dict.fromkeys(m.trigger.cameo[:2] for m in matches))
        decision = decide(reading, roots, self.model.policy, actors=actors, written=written)
        if decision.action == "drop":
            return []
        if decision.action == "recode" and decision.candidate is not None:
            first = matches[0]
            return [replace(first, trigger=self._trigger(decision.candidate, first.trigger))]
        if decision.action == "propose" and decision.candidate is not None:
            span = self.model.anchor(text, decision.candidate.root, holdout=self.holdout)
            if span is None:
                return matches
            start, end = span
            return [Match(self._trigger(decision.candidate, None), start, end, text[start:end])]
        return matches

    def _trigger(self, candidate: Candidate, base: Trigger | None) -> Trigger:
        """A trigger coding ``candidate``: the rule trigger's words recoded, or a new one."""
        roles = self.roles_.get(candidate.root, "directed")
        if base is not None:
            return replace(
                base,
                id=f"model:{candidate.code}<{base.id}",
                event_type=candidate.event_type,
                cameo=candidate.code,
                mode=None,
                context=(),
                roles=roles,
                agent=None,
                patient=None,
            )
        return Trigger(
            id=f"model:{candidate.code}",
            regex=re.compile(r"(?!)"),  # never matches text: it is placed, not searched for
            event_type=candidate.event_type,
            cameo=candidate.code,
            mode=None,
            context=(),
            roles=roles,
            priority=-2,
        )


def _roles_by_root(lexicon: Lexicon) -> dict[str, str]:
    """How the generated lexicon's triggers of each CAMEO root mostly take their actors
    ("04": symmetric, "14": domestic, else directed)."""
    counts: dict[str, Counter[str]] = {}
    for row in lexicon.secondary.rows:
        counts.setdefault(row.cameo[:2], Counter())[row.roles] += 1
    return {root: c.most_common(1)[0][0] for root, c in counts.items()}
