"""Sentence features: what the model reads in a sentence, and the TF-IDF row it becomes."""

from __future__ import annotations

import math

from dragoman.learn.features import Structure, Vectorizer, sentence_features


def test_text_features_cover_words_pairs_and_word_pieces() -> None:
    feats = sentence_features("Serbia and Kosovo held 2 rounds of talks.", Structure())
    assert {"w:held", "w:talks", "b:held 0", "b:0 rounds", "c: ta", "c:lks "} <= set(feats.text)
    assert "w:2" not in feats.text  # digits are folded: "2 rounds" and "3 rounds" read alike


def test_structure_features_come_from_the_rule_reading() -> None:
    structure = Structure(codes=("046",), types=("CONSULT",), generated=(True,), actors=5, countries=2)
    feats = sentence_features("Officials said talks could resume next week?", structure)
    assert set(feats.structure) == {
        "r:root=04", "r:code=046", "r:type=CONSULT", "r:generated",
        "a:actors=3", "a:countries=2",  # counts above three are one bucket
        "m:report", "m:hedge", "m:question",
    }  # fmt: skip
    assert "r:none" in sentence_features("Nothing was coded here.", Structure()).structure


def test_rows_are_l2_normalised_text_plus_fixed_structure() -> None:
    docs = [
        sentence_features("Armenia and Azerbaijan held talks.", Structure(codes=("040",))),
        sentence_features("Serbia and Kosovo held talks.", Structure(codes=("040",))),
        sentence_features("Villagers protested in Belgrade.", Structure()),
    ]
    vec = Vectorizer.fit(docs, min_df=2, structure_weight=0.7)
    assert "w:talks" in vec.vocabulary and "w:villagers" not in vec.vocabulary  # min_df 2
    assert "r:none" in vec.vocabulary  # structure names are kept whatever their count
    idx, val = vec.transform(docs[0])
    row = dict(zip(idx, val))
    structure = {vec.vocabulary[n] for n in docs[0].structure}
    assert math.isclose(sum(v * v for j, v in row.items() if j not in structure), 1.0)
    assert all(row[j] == 0.7 for j in structure)
    assert idx == sorted(idx)
