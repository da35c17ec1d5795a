"""The dedup settings file: read into records, and refused with file:line and the fix when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.dedup.settings import load_settings, read_settings
from dragoman.dedup.tuning import topic_folds
from dragoman.errors import DataFileError


def test_packaged_settings_load():
    s = load_settings()
    assert 0 < s.near_duplicates.threshold < 1
    assert s.clusters.topic_threshold < s.clusters.event_threshold


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "clusters:\n  names_shar: 0.7\n",
            r"settings.yaml:2: unknown setting 'clusters.names_shar'; known: .*names_share",
        ),
        (
            "near_duplicates:\n  num_perm: 12.5\n",
            r"'near_duplicates.num_perm' must be a whole number",
        ),
        (
            "near_duplicates:\n  threshold: high\n",
            r"'near_duplicates.threshold' must be a number, not 'high'",
        ),
        (
            "near_duplicates:\n  threshold: 1.5\n",
            r"near_duplicates.threshold 1.5 must be in \(0, 1\]",
        ),
        ("- a list\n", r"expected the sections near_duplicates: and clusters:"),
    ],
)
def test_bad_settings_name_the_place_and_the_fix(tmp_path: Path, text: str, message: str):
    path = tmp_path / "settings.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        read_settings(path)


def test_tuning_folds_keep_each_topic_whole():
    docs = [{"topic": t} for t in ["1", "2", "10", "1", "3", "2", "4", "10", "5"]]
    folds = topic_folds(docs, 2)
    assert sorted(i for fold in folds for i in fold) == list(range(len(docs)))
    for fold in folds:
        topics = {docs[i]["topic"] for i in fold}
        others = {docs[i]["topic"] for f in folds if f is not fold for i in f}
        assert not topics & others
    assert {docs[i]["topic"] for i in folds[0]} == {
        "1",
        "3",
        "5",
    }  # topics 1 2 3 4 5 10 dealt in turn
