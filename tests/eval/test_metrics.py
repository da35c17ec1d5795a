"""eval/metrics.py: P/R/F1, macro-F1, B³ and pairwise scores on hand-made cases with known answers."""

from __future__ import annotations

import pytest

from dragoman.eval.metrics import (
    Counts,
    add_counts,
    b_cubed,
    f1,
    macro_f1,
    multiset_counts,
    pairwise,
    per_class_counts,
    ratio,
)


@pytest.mark.parametrize(
    "counts, precision, recall, f",
    [
        (Counts(tp=3, fp=1, fn=2), 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35),
        (Counts(tp=0, fp=0, fn=0), 1.0, 1.0, 1.0),  # nothing to find, nothing found
        (Counts(tp=0, fp=0, fn=4), 0.0, 0.0, 0.0),  # nothing found
        (Counts(tp=0, fp=2, fn=0), 0.0, 0.0, 0.0),  # only false alarms
        (Counts(tp=5, fp=0, fn=0), 1.0, 1.0, 1.0),
    ],
)
def test_counts_give_precision_recall_f1(counts, precision, recall, f):
    assert counts.precision == pytest.approx(precision)
    assert counts.recall == pytest.approx(recall)
    assert counts.f1 == pytest.approx(f)


def test_counts_add_and_f1_of_zero():
    assert Counts(1, 2, 3) + Counts(4, 5, 6) == Counts(5, 7, 9)
    assert f1(0.0, 0.0) == 0.0
    assert ratio(1, 0) is None and ratio(1, 4) == 0.25


def test_multiset_counts_count_repeats():
    # Two gold ("USA", "IRN", "04") triples and one predicted: one hit, one miss.
    gold = [("USA", "IRN", "04"), ("USA", "IRN", "04"), ("IRN", None, "11")]
    pred = [("USA", "IRN", "04"), ("OMN", None, "04")]
    assert multiset_counts(gold, pred) == Counts(tp=1, fp=1, fn=2)


def test_per_class_counts_and_macro_f1():
    total: dict = {}
    add_counts(total, per_class_counts(["CONSULT"], ["CONSULT"]))  # right
    add_counts(total, per_class_counts(["CONSULT"], ["AGREE"]))  # CONSULT missed, AGREE false
    add_counts(total, per_class_counts(["ASSAULT"], []))  # missed
    add_counts(total, per_class_counts(["ASSAULT"], ["ASSAULT"]))  # right
    assert total["CONSULT"] == Counts(tp=1, fp=0, fn=1)
    assert total["AGREE"] == Counts(tp=0, fp=1, fn=0)
    assert total["ASSAULT"] == Counts(tp=1, fp=0, fn=1)
    # Averaged over the gold classes (CONSULT, ASSAULT): each has P 1, R 0.5, F1 2/3.
    assert macro_f1(total) == pytest.approx(2 / 3)
    # Over all three classes the never-gold AGREE adds an F1 of 0.
    assert macro_f1(total, ["CONSULT", "ASSAULT", "AGREE"]) == pytest.approx(4 / 9)
    assert macro_f1({}) == 0.0


def test_b_cubed_and_pairwise_known_answer():
    gold = [{"a", "b", "c"}, {"d", "e"}]
    pred = [{"a", "b"}, {"c", "d", "e"}]
    # Per item P: a 1, b 1, c 1/3, d 2/3, e 2/3; R: a 2/3, b 2/3, c 1/3, d 1, e 1.
    precision, recall, f = b_cubed(pred, gold)
    assert precision == pytest.approx(11 / 15)
    assert recall == pytest.approx(11 / 15)
    assert f == pytest.approx(11 / 15)
    # Pairs: predicted ab cd ce de, gold ab ac bc de; two in common.
    assert pairwise(pred, gold) == pytest.approx((0.5, 0.5, 0.5))


def test_b_cubed_baselines():
    gold = [{"a", "b"}, {"c", "d", "e", "f"}]
    singletons = [{x} for x in "abcdef"]
    everything = [set("abcdef")]
    assert b_cubed(singletons, gold) == pytest.approx(
        (1.0, (2 * 0.5 + 4 * 0.25) / 6, f1(1.0, 1 / 3))
    )
    assert pairwise(singletons, gold)[2] == 0.0
    precision, recall, _ = b_cubed(everything, gold)
    assert recall == 1.0 and precision == pytest.approx((2 * 2 / 6 + 4 * 4 / 6) / 6)
    assert b_cubed(gold, gold) == (1.0, 1.0, 1.0)
    assert pairwise(gold, gold) == (1.0, 1.0, 1.0)


def test_b_cubed_refuses_clusterings_of_different_items():
    with pytest.raises(ValueError, match="same items"):
        b_cubed([{"a"}], [{"a"}, {"b"}])
    with pytest.raises(ValueError, match="two clusters"):
        b_cubed([{"a"}, {"a", "b"}], [{"a", "b"}])
