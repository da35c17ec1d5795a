"""The policy (``review.decide``) and held-out reading, on hand-made readings and models."""

from __future__ import annotations

import numpy as np

from dragoman.learn.features import Vectorizer
from dragoman.learn.model import Candidate, LearnedModel, Reading, Weights, sentence_key
from dragoman.learn.review import decide, may_act

POLICY = {
    "drop_below": 0.3,
    "drop_written": 0.1,
    "recode_confidence": 0.7,
    "propose_above": 0.6,
    "propose_confidence": 0.5,
}


def reading(event: float, *ranked: tuple[str, str, float]) -> Reading:
    return Reading(
        event=event,
        candidates=tuple(Candidate(code, kind, code[:2], "1", p) for code, kind, p in ranked),
    )


def test_filter_drops_rule_triggers_of_a_sentence_without_event() -> None:
    r = reading(0.2, ("190", "ASSAULT", 0.6), ("040", "CONSULT", 0.4))
    assert decide(r, ["19"], POLICY, actors=2).action == "drop"
    # a hand-written trigger needs a surer filter to be dropped
    assert decide(r, ["19"], POLICY, actors=2, written=True).action == "keep"


def test_confident_other_root_recodes_and_weak_one_keeps_the_rules() -> None:
    confident = reading(0.9, ("040", "CONSULT", 0.8), ("030", "AGREE", 0.2))
    assert decide(confident, ["03"], POLICY, actors=2).action == "recode"
    assert decide(confident, ["03"], POLICY, actors=2).candidate.code == "040"
    unsure = reading(0.9, ("040", "CONSULT", 0.55), ("030", "AGREE", 0.45))
    assert decide(unsure, ["03"], POLICY, actors=2).action == "keep"


def test_proposal_needs_an_actor_an_event_and_a_confident_code() -> None:
    r = reading(0.9, ("040", "CONSULT", 0.7), ("030", "AGREE", 0.3))
    assert decide(r, [], POLICY, actors=1).action == "propose"
    assert decide(r, [], POLICY, actors=0).action == "none"
    assert decide(reading(0.5, ("040", "CONSULT", 0.7)), [], POLICY, actors=2).action == "none"
    statement = reading(0.9, ("010", "none", 0.9), ("040", "CONSULT", 0.1))
    assert decide(statement, [], POLICY, actors=2).action == "none"  # PLOVER codes no statement


def test_training_sentences_are_read_by_the_fold_model_that_did_not_see_them() -> None:
    slices = {"event": (0, 2), "root": (2, 3), "penta": (3, 4), "plover": (4, 5)}

    def weights(value: float) -> Weights:
        return Weights(np.full((1, 5), value, dtype=np.float32), np.zeros(5, np.float32), slices)

    full, fold0, fold1 = weights(0.0), weights(1.0), weights(2.0)
    seen = "Serbia and Kosovo agreed to set up a joint commission."
    model = LearnedModel(
        vectorizer=Vectorizer({"w:serbia": 0}, (1.0,)),
        classes={"event": ("0", "1"), "root": ("04",), "penta": ("1",), "plover": ("CONSULT",)},
        candidates=(Candidate("040", "CONSULT", "04", "1"),),
        full=full,
        folds=(fold0, fold1),
        held_out={sentence_key(seen): 1},
    )
    assert model.weights_for(seen, holdout=True) is fold1
    assert model.weights_for("  Serbia and Kosovo agreed to set up a joint commission. ", holdout=True) is fold1
    assert model.weights_for(seen, holdout=False) is full
    assert model.weights_for("Armenia and Azerbaijan met in Abu Dhabi.", holdout=True) is full


def test_sentences_the_policy_cannot_change_are_not_read() -> None:
    never = {**POLICY, "drop_written": 0.0, "recode_confidence": 1.01}
    assert not may_act(never, matches=True, written=True, actors=2)  # kept whatever is read
    assert may_act(never, matches=True, written=False, actors=2)  # generated: may be dropped
    assert may_act(never, matches=False, written=False, actors=1)  # may be proposed
    assert not may_act(never, matches=False, written=False, actors=0)
