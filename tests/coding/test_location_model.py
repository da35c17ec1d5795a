"""coding/location_model.py: the learned event-location ranker over the rules' candidates, read
by the real understand stage, and its file (save, load, fold models, the rules fallback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.coding.location import candidates, event_location, load_location_rules
from dragoman.coding.location_model import (
    LocationRanker,
    Weights,
    features,
    load_ranker,
    save_ranker,
    sentence_key,
    shipped_ranker,
    trigger_stem,
)
from dragoman.errors import DataFileError

from .understood import sentence_view


def ranked_place(text: str, trigger: str) -> str | None:
    view, span = sentence_view(text, trigger)
    found = event_location(view, trigger=span)
    return text[found.start : found.end] if found else None


needs_ranker = pytest.mark.skipif(
    shipped_ranker() is None, reason="data/models/location.json missing: dragoman train --location"
)


@needs_ranker
@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        # the site of the act, not the home of the people in it
        ("Soldiers shot dead two protesters in the town of Deraa on Friday.", "shot", "Deraa"),
        ("Kenyan police arrested six suspects at a hotel in Mombasa.", "arrested", "Mombasa"),
        ("A roadside bomb exploded near a checkpoint in the village of Kafr Nabl.", "exploded",
         "Kafr Nabl"),
        ("Thousands of Georgians marched through the centre of Tbilisi on Sunday.", "marched",
         "Tbilisi"),
        # of a chain, the precise place
        ("Gunmen killed four guards in the Kajaki district of Helmand province.", "killed",
         "Kajaki"),
        # the venue of a meeting, not the delegations' capitals
        ("Officials from Washington and Tehran met in Muscat on Saturday.", "met", "Muscat"),
        # the coder anchors on an auxiliary: the place is read against the verb it leads to
        ("Nine fighters were reportedly killed in clashes near Idlib.", "were", "Idlib"),
    ],
)  # fmt: skip
def test_the_ranker_picks_the_site(sentence: str, trigger: str, expected: str) -> None:
    assert ranked_place(sentence, trigger) == expected


@needs_ranker
@pytest.mark.parametrize(
    "sentence, trigger",
    [
        # reported speech: where it was said, not where the act happened
        ("The convoy was ambushed on Monday, officials in Kabul said.", "ambushed"),
        ("Diplomats in Brussels said the talks would resume soon.", "talks"),
        # background: the country names a war or a home, not the site of this act
        ("More than 100,000 people have been killed since the war in Syria began.", "killed"),
        ("The Iraqi army captured three suspects on Tuesday.", "captured"),
        # the parties of an act are not its place
        ("Russia and Ukraine held talks on Sunday.", "held"),
        ("Iranian negotiators met US officials face to face last week.", "met"),
        ("The minister received a message from the United States on Monday.", "received"),
    ],
)
def test_the_ranker_gives_none_for_speakers_and_background(sentence: str, trigger: str) -> None:
    assert ranked_place(sentence, trigger) is None


def test_without_the_model_the_rules_decide() -> None:
    view, span = sentence_view("Government troops stormed the village of Najarah.", "stormed")
    found = event_location(view, trigger=span, use_model=False)
    assert found is not None and found.place.text == "Najarah"


def test_features_expose_the_parts_of_the_rules_score() -> None:
    view, span = sentence_view("Rebels shelled the town of Rastan in central Syria on Monday.", "shelled")
    rules = load_location_rules()
    found = candidates(view, trigger=span, rules=rules)
    rows = features(found, view, span, rules)
    by_name = {c.mention.place.text: row for c, row in zip(found, rows)}
    assert by_name["Rastan"]["cue=place_noun"] == 1.0
    assert by_name["Rastan"]["link_after=in"] == 1.0  # "Rastan in central Syria"
    assert by_name["Syria"]["cue=in"] == 1.0
    assert by_name["Syria"]["words"] > by_name["Rastan"]["words"]
    assert by_name["Rastan"]["trigger=shell"] == 1.0


def test_trigger_stems_pool_a_verbs_forms() -> None:
    assert trigger_stem("killed") == trigger_stem("killing") == trigger_stem("kills") == "kill"
    assert trigger_stem("Shelled") == "shell"
    assert trigger_stem("is") == "is"


def _tiny_ranker(held_out: dict[str, int]) -> LocationRanker:
    prefer_in = Weights({"cue=in": 3.0, "kind=country": -1.0}, -1.0)
    prefer_nothing = Weights({}, -5.0)
    return LocationRanker(
        full=prefer_in, threshold=0.5, chain_walk=False, folds=(prefer_nothing,),
        held_out=held_out,
    )  # fmt: skip


def test_a_training_sentence_is_read_by_its_fold_model() -> None:
    text = "Two soldiers were killed in Kandahar on Sunday."
    view, span = sentence_view(text, "killed")
    rules = load_location_rules()
    found = candidates(view, trigger=span, rules=rules)
    unseen = _tiny_ranker({})
    seen = _tiny_ranker({sentence_key(text): 0})
    assert unseen.choose(view, span, found, rules) is not None
    assert seen.choose(view, span, found, rules) is None  # the fold model: "no place"
    assert seen.choose(view, span, found, rules, holdout=False) is not None


def test_the_ranker_file_round_trips(tmp_path: Path) -> None:
    ranker = _tiny_ranker({"0123456789abcdef": 0})
    path = save_ranker(ranker, tmp_path / "location.json")
    again = load_ranker(path)
    assert again.full == ranker.full and again.folds == ranker.folds
    assert again.held_out == ranker.held_out and again.threshold == 0.5
    assert save_ranker(again, tmp_path / "again.json").read_bytes() == path.read_bytes()


def test_a_broken_ranker_file_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"train --location"):
        load_ranker(tmp_path / "missing.json")
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"format": 0}), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"format 0, expected 1"):
        load_ranker(path)
