"""The model shipped in data/models: it loads, filters, disambiguates, and can be switched off."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman import understand
from dragoman.coding import code_events
from dragoman.coding.coder import RuleCoder
from dragoman.errors import DataFileError
from dragoman.eval.tasks._common import text_article
from dragoman.learn import describe, learned_reviewer, shipped_model
from dragoman.learn.features import Structure
from dragoman.learn.model import MODEL_DIR, LearnedModel, load_model
from dragoman.learn.review import decide
from dragoman.options import CodingOptions, Options


@pytest.fixture(scope="module")
def model() -> LearnedModel:
    loaded = shipped_model()
    assert isinstance(loaded, LearnedModel), loaded
    return loaded


def test_model_loads_from_package_data_and_is_small(model: LearnedModel) -> None:
    assert {"plover_gsr", "conflibert_cameo", "diplomacy"} <= set(model.meta["sets"])
    assert len(model.folds) == model.meta["folds"] and model.held_out
    assert set(model.policy) == {
        "drop_below", "drop_written", "recode_confidence", "propose_above", "propose_confidence",
    }  # fmt: skip
    size = sum(p.stat().st_size for p in MODEL_DIR.glob("coder.*"))
    assert size < 30_000_000


def test_model_keeps_a_diplomatic_meeting_and_reads_its_type(model: LearnedModel) -> None:
    talks = "Serbian and Kosovo negotiators held talks in Brussels with the EU envoy on Tuesday."
    meeting = model.read(talks, Structure(codes=("040",), types=("CONSULT",), actors=3, countries=3))
    assert decide(meeting, ["04"], model.policy, actors=3, written=True).action == "keep"
    assert meeting.candidates[0].event_type == "CONSULT"
    # a proposed consultation is anchored on a word of the act, not on a name or "and"
    start, end = model.anchor(talks, "04")
    assert talks[start:end] in ("held", "talks", "negotiators")


def code(text: str, coding: CodingOptions) -> list:
    article = text_article(text, published="2026-03-10", origin="test")
    return code_events(article, understand.annotate(article, Options().understand), coding)


def test_rules_only_when_the_model_is_switched_off() -> None:
    off = CodingOptions(use_model=False)
    assert learned_reviewer(off, RuleCoder(off).lexicon_) is None
    assert describe(off) == "coding: rules only (use_model is off)"
    assert describe(CodingOptions()).startswith("coding: rules + learned model (trained on plover_gsr")
    text = "Serbian and Kosovo negotiators held talks in Brussels on Tuesday."
    assert [e.event_type for e in code(text, off)] == ["CONSULT"]  # the rules alone still code


def test_a_sports_sentence_stays_uncoded_with_the_model_on() -> None:
    # The rules' sports guard stops it before the model is consulted, so no proposal brings it
    # back. (The learned relevance filter alone does not recognise it: see docs/accuracy.md.)
    sports = "Partizan's Ghanaian striker fired a shot against the post as Serbia pressed."
    assert code(sports, CodingOptions()) == []
    talks = "Serbian and Kosovo negotiators held talks in Brussels on Tuesday."
    assert [e.event_type for e in code(talks, CodingOptions())] == ["CONSULT"]


def test_a_missing_model_file_is_an_error_naming_the_fix(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="dragoman train"):
        load_model(tmp_path)
