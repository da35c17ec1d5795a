"""Training is reproducible: the same examples and seed give the same bytes and predictions."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sklearn", reason="training needs scikit-learn: pip install 'dragoman[ml]'")

from dragoman.errors import ConfigError
from dragoman.learn.features import Structure
from dragoman.learn.model import load_model, save_model
from dragoman.learn.train import TrainConfig, assign_folds, train

from .conftest import SENTENCES

CONFIG = TrainConfig(
    seed=0,
    folds=2,
    sets=("ours",),
    min_df=1,
    structure_weights=(0.5,),
    cs=(4.0,),
    max_iter=500,
    policy_grid={
        "drop_below": (0.0, 0.3),
        "drop_written": (0.0, 0.2),
        "recode_confidence": (0.8, 1.01),
        "propose_above": (0.5,),
        "propose_confidence": (0.4, 1.01),
    },
)


def test_same_seed_same_model_bytes_and_predictions(small_bench: Path, tmp_path: Path) -> None:
    first, report = train(small_bench, CONFIG)
    second, _ = train(small_bench, CONFIG)
    a = save_model(first, tmp_path / "a")
    b = save_model(second, tmp_path / "b")
    for left, right in zip(a, b):
        assert left.read_bytes() == right.read_bytes(), left.name
    loaded = load_model(tmp_path / "a")
    text = "Kosovo and Serbia held talks in Brussels with the EU envoy."
    structure = Structure(codes=("040",), types=("CONSULT",), actors=3, countries=3)
    assert loaded.read(text, structure) == load_model(tmp_path / "b").read(text, structure)
    assert report["examples"] == len(SENTENCES)
    assert set(report["chosen"]) == {"structure_weight", "C", "min_df"}
    assert len(loaded.folds) == 2 and len(loaded.held_out) == len(SENTENCES)


def test_folds_keep_groups_together_and_balance_sizes() -> None:
    groups = ["a", "a", "a", "b", "c", "c", "d", "e", "f", "g"]
    folds = assign_folds(groups, 3, seed=0)
    assert folds[0] == folds[1] == folds[2] and folds[4] == folds[5]
    assert sorted(folds.count(k) for k in range(3)) in ([3, 3, 4], [2, 4, 4])
    assert folds == assign_folds(groups, 3, seed=0)


def test_a_set_without_coding_labels_is_refused(small_bench: Path) -> None:
    with pytest.raises(ConfigError, match="no set named 'nope'|no set named nope"):
        train(small_bench, TrainConfig(sets=("nope",), folds=2))
