"""The learned reviewer and an act with no CAMEO code (a resignation): the model's classes are
CAMEO codes, so the hand-written trigger stands whatever the model reads, and a coded trigger of
the same sentence is still reviewed."""

from __future__ import annotations

import pytest

from dragoman.coding.lexicon import load_lexicon
from dragoman.coding.rules import find_matches
from dragoman.learn import shipped_model
from dragoman.learn.model import LearnedModel
from dragoman.learn.review import Reviewer


@pytest.fixture(scope="module")
def reviewer() -> Reviewer:
    model = shipped_model()
    assert isinstance(model, LearnedModel), model
    return Reviewer(model, load_lexicon(), holdout=False)


@pytest.mark.parametrize(
    "text",
    [
        "Bolivia's mining minister Jorge Quispe resigned on Wednesday.",
        "Bolivia's mining minister resigned and the army withdrew its troops from the border.",
    ],
    ids=["alone", "beside-a-coded-act"],
)
def test_a_resignation_trigger_stands_through_the_review(reviewer: Reviewer, text: str) -> None:
    matches = find_matches(reviewer.lexicon, text)
    assert any(m.trigger.cameo is None for m in matches)
    kept = reviewer.review(text, matches, actors=1, countries=1)
    resign = [m for m in kept if m.trigger.cameo is None]
    assert [(m.trigger.id, m.text) for m in resign] == [("retreat.resign", "resigned")]
    assert [m.start for m in kept] == sorted(m.start for m in kept)
