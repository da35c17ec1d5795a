"""Near-duplicate groups: syndicated and updated copies join, other stories about the same talks do not."""

from __future__ import annotations

import json
import random

import pytest

from dragoman.dedup import DedupError, NearDupIndex, NearDupSettings, load_settings
from tests.dedup.stories import (
    FOOTBALL_STORY,
    OTHER_STORY_SAME_TALKS,
    WIRE_COPY,
    WIRE_ORIGINAL,
    WIRE_UPDATE,
)

ARTICLES = {
    "a_wire": WIRE_ORIGINAL,
    "b_copy": WIRE_COPY,
    "c_update": WIRE_UPDATE,
    "d_swiss": OTHER_STORY_SAME_TALKS,
    "e_football": FOOTBALL_STORY,
}


def build(order: list[str]) -> NearDupIndex:
    index = NearDupIndex()
    for doc_id in order:
        index.add(doc_id, ARTICLES[doc_id])
    return index


def test_wire_copy_and_update_join_the_original_and_nothing_else_does():
    index = NearDupIndex()
    assert index.add("a_wire", WIRE_ORIGINAL) is None
    assert index.add("b_copy", WIRE_COPY) == "a_wire"
    assert index.add("c_update", WIRE_UPDATE) == "a_wire"
    assert index.add("d_swiss", OTHER_STORY_SAME_TALKS) is None
    assert index.add("e_football", FOOTBALL_STORY) is None
    assert index.groups() == [("a_wire", "b_copy", "c_update")]
    assert index.group("d_swiss") == ("d_swiss",)
    assert index.representative("c_update") == "a_wire"


def test_similarity_separates_copies_from_other_reports_of_the_same_talks():
    index = build(list(ARTICLES))
    threshold = load_settings().near_duplicates.threshold
    assert index.similarity("a_wire", "b_copy") >= threshold + 0.2
    assert index.similarity("a_wire", "c_update") >= threshold + 0.2
    assert index.similarity("a_wire", "d_swiss") < 0.1


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_groups_and_representatives_do_not_depend_on_insertion_order(seed):
    order = list(ARTICLES)
    random.Random(seed).shuffle(order)
    shuffled = build(order)
    reference = build(sorted(ARTICLES))
    assert shuffled.groups() == reference.groups() == [("a_wire", "b_copy", "c_update")]
    assert shuffled.to_json() == reference.to_json()


def test_the_representative_is_the_smallest_id_even_when_it_arrives_last():
    index = NearDupIndex()
    index.add("c_update", WIRE_UPDATE)
    assert index.add("b_copy", WIRE_COPY) == "c_update"  # the earlier document it joined
    assert index.add("a_wire", WIRE_ORIGINAL) == "b_copy"
    assert index.representative("c_update") == "a_wire"


def test_rank_makes_the_earliest_published_copy_the_representative():
    index = NearDupIndex()
    index.add("a_wire", WIRE_ORIGINAL, rank="2026-02-13T09:00")
    index.add("b_copy", WIRE_COPY, rank="2026-02-13T08:15")
    assert index.representative("a_wire") == "b_copy"
    assert index.groups() == [("b_copy", "a_wire")]


def test_a_round_up_quoting_two_wire_stories_joins_their_groups():
    # A page that reprints both stories is a near-duplicate of each (about 0.56 and 0.44), so
    # the two groups become one: near-duplicate groups are transitive.
    index = NearDupIndex(NearDupSettings(threshold=0.3))
    index.add("a_wire", WIRE_ORIGINAL)
    index.add("d_swiss", OTHER_STORY_SAME_TALKS)
    index.add("d_swiss_2", "Updated. " + OTHER_STORY_SAME_TALKS + " More to follow.")
    assert index.groups() == [("d_swiss", "d_swiss_2")]
    assert index.add("z_roundup", WIRE_ORIGINAL + "\n\n" + OTHER_STORY_SAME_TALKS) == "a_wire"
    assert index.groups() == [("a_wire", "d_swiss", "d_swiss_2", "z_roundup")]


def test_serialise_and_restore_round_trip():
    index = build(list(ARTICLES))
    restored = NearDupIndex.from_bytes(index.to_bytes())
    assert restored.groups() == index.groups()
    assert restored.to_json() == index.to_json()
    assert restored.settings == index.settings
    # The restored index keeps working: a further copy joins the restored group.
    assert restored.add("f_copy", "Breaking: " + WIRE_COPY) == "a_wire"
    assert json.loads(restored.to_json())["groups"] == [["a_wire", "b_copy", "c_update", "f_copy"]]


def test_adding_an_id_again_is_harmless_but_a_different_text_is_refused():
    index = build(list(ARTICLES))
    assert index.add("b_copy", WIRE_COPY) == "a_wire"
    assert len(index) == 5
    with pytest.raises(DedupError, match="'b_copy' is already indexed with another text"):
        index.add("b_copy", FOOTBALL_STORY)


def test_damaged_saved_state_is_refused_with_the_fix():
    with pytest.raises(DedupError, match="not JSON"):
        NearDupIndex.from_json("{not json")
    with pytest.raises(DedupError, match="rebuild the index"):
        NearDupIndex.from_json(json.dumps({"format": "something else"}))
    state = json.loads(build(["a_wire"]).to_json())
    state["signatures"] = "AAAA"
    with pytest.raises(DedupError, match="damaged"):
        NearDupIndex.from_json(json.dumps(state))


def test_unknown_id_names_the_fix():
    with pytest.raises(DedupError, match="add\\(doc_id, text\\) first"):
        NearDupIndex().representative("a_missing")
