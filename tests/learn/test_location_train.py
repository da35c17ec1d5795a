"""learn/location_train.py: the event-location ranker trained on records we write ourselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sklearn", reason="training needs scikit-learn: pip install 'dragoman[ml]'")

from dragoman.coding.location import candidates, load_location_rules, main_verb
from dragoman.coding.location_model import load_ranker, save_ranker, sentence_key
from dragoman.learn.location_train import read_views, train_ranker

_WRITTEN = [
    ("Soldiers shot two men in the town of Deraa on Friday.", "shot", "Deraa"),
    ("Rebels shelled the village of Kafr Nabl overnight.", "shelled", "Kafr Nabl"),
    ("Police arrested five students in Nairobi on Monday.", "arrested", "Nairobi"),
    ("A bomb exploded near a market in Kirkuk, killing four.", "exploded", "Kirkuk"),
    ("Thousands marched through the streets of Tbilisi.", "marched", "Tbilisi"),
    ("Gunmen killed a guard at a checkpoint in Mosul.", "killed", "Mosul"),
    ("The army said in Kabul that a convoy was ambushed.", "ambushed", None),
    ("More than 300 people have been killed since the war in Yemen began.", "killed", None),
    ("Troops captured the rebel commander, officials in Bogota said.", "captured", None),
    ("The Kenyan police shot a suspect on Sunday.", "shot", None),
    ("Militants stormed a hotel in Mogadishu on Saturday.", "stormed", "Mogadishu"),
    ("Protesters gathered outside the parliament in Yerevan.", "gathered", "Yerevan"),
]


def _records() -> list[dict[str, Any]]:
    out = []
    for n, (text, trigger, place) in enumerate(_WRITTEN):
        at = text.index(trigger)
        gold = []
        if place:
            start = text.index(place)
            gold = [{"text": place, "start": start, "end": start + len(place)}]
        out.append(
            {"id": f"w{n}", "text": text, "trigger": trigger, "trigger_start": at,
             "trigger_end": at + len(trigger), "locations": gold}
        )  # fmt: skip
    return out


def test_training_writes_a_ranker_with_its_folds(tmp_path: Path) -> None:
    records = _records()
    views = list(read_views(records))
    config = {"seed": 0, "folds": 2, "min_count": 1, "l2": [1.0], "threshold": [0.3, 0.5]}
    ranker, report = train_ranker(records, views, config)
    assert report["records"] == len(records)
    assert len(ranker.folds) == 2 and ranker.threshold in (0.3, 0.5)
    keys = {sentence_key(v.sentence.text) for v in views if v is not None}
    assert set(ranker.held_out) == keys and set(ranker.held_out.values()) == {0, 1}
    # the full model has learned its records: each place, and none for the speakers' and the
    # war's places and for the police's home
    rules = load_location_rules()
    for item, view in zip(records, views):
        base = view.sentence.start
        trigger = main_verb(
            view.sentence.text, (item["trigger_start"] - base, item["trigger_end"] - base), rules
        )
        found = candidates(view, trigger=trigger, rules=rules)
        chosen = ranker.choose(view, trigger, found, rules, holdout=False)
        gold = item["locations"][0]["text"] if item["locations"] else None
        assert (chosen.place.text if chosen else None) == gold, item["text"]
    first = save_ranker(ranker, tmp_path / "a.json")
    again, _ = train_ranker(records, views, config)
    assert save_ranker(again, tmp_path / "b.json").read_bytes() == first.read_bytes()
    assert load_ranker(first).held_out == ranker.held_out
