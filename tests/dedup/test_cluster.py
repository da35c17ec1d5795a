"""Clustering reports by event: two Geneva meetings a year apart stay apart, in any order."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest

from dragoman.dedup import DedupError, load_settings
from dragoman.dedup.cluster import EventClusterer
from dragoman.dedup.profile import DocProfile, profile_document, similarity
from tests.dedup.meetings import ALL_REPORTS, BYSTANDER, MEETING_2025, MEETING_2026

SETTINGS = load_settings().clusters
EXPECTED = [
    ("m25_alpine", "m25_ararat", "m25_caspian"),
    ("m26_alpine", "m26_caspian", "m26_meridian"),
    ("x_danube",),
]


def profiles(reports: list[tuple[str, str, str, str]] = ALL_REPORTS) -> list[DocProfile]:
    return [
        profile_document(doc_id, text, settings=SETTINGS, title=title, published=day)
        for doc_id, day, title, text in reports
    ]


def clustered(items: list[DocProfile]) -> EventClusterer:
    clusterer = EventClusterer(SETTINGS)
    for p in items:
        clusterer.add(p)
    return clusterer


def test_two_meetings_in_geneva_a_year_apart_stay_apart():
    clusterer = clustered(profiles())
    assert clusterer.clusters() == EXPECTED
    assert clusterer.cluster_of("m26_meridian") == "m26_alpine"


def test_the_meetings_share_many_names_so_the_date_keeps_them_apart():
    # The trap ECB+ is built around: reports of the two meetings are more alike than unrelated
    # news, because the same ministers meet in the same city.
    by_id = {p.id: p for p in profiles()}
    undated = replace(SETTINGS, date_window_days=10**6)
    across = similarity(by_id["m25_caspian"], by_id["m26_caspian"], undated)
    assert across > 0.3
    assert similarity(by_id["m25_caspian"], by_id["m26_caspian"], SETTINGS) == 0.0
    assert similarity(by_id["m25_caspian"], by_id["x_danube"], undated) < 0.05


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_clusters_do_not_depend_on_the_order_of_arrival(seed):
    items = profiles()
    random.Random(seed).shuffle(items)
    one_by_one = clustered(items)
    batch = EventClusterer(SETTINGS)
    batch.add_all(items)
    assert one_by_one.clusters() == batch.clusters() == EXPECTED
    assert one_by_one.to_json() == clustered(profiles()).to_json()


def test_a_later_report_joins_its_event_while_clusters_build_up():
    clusterer = EventClusterer(SETTINGS)
    first, *rest = profiles(MEETING_2026)
    assert clusterer.add(first) == "m26_alpine"
    for p in rest:
        assert clusterer.add(p) == "m26_alpine"
    assert clusterer.add(profiles([BYSTANDER])[0]) == "x_danube"
    assert clusterer.add(profiles(MEETING_2025)[0]) == "m25_alpine"


def test_adding_a_profile_again_changes_nothing():
    clusterer = clustered(profiles())
    before = clusterer.to_json()
    assert clusterer.add(profiles()[0]) == "m25_alpine"
    assert clusterer.to_json() == before


def test_serialise_and_restore_round_trip():
    clusterer = clustered(profiles(MEETING_2025 + [BYSTANDER]))
    restored = EventClusterer.from_bytes(clusterer.to_bytes())
    assert restored.clusters() == clusterer.clusters()
    assert restored.to_json() == clusterer.to_json()
    for p in profiles(MEETING_2026):
        restored.add(p)
    assert restored.clusters() == EXPECTED


def test_damaged_state_and_unknown_ids_are_refused_with_the_fix():
    with pytest.raises(DedupError, match="not JSON"):
        EventClusterer.from_json("[")
    state = json.loads(clustered(profiles()).to_json())
    state["clusters"] = state["clusters"][:1]
    with pytest.raises(DedupError, match="damaged"):
        EventClusterer.from_json(json.dumps(state))
    with pytest.raises(DedupError, match="add its profile first"):
        EventClusterer(SETTINGS).cluster_of("a_missing")


def test_profile_names_are_capitalised_words_inside_sentences_and_numbers():
    p = profile_document(
        "a_1",
        "Officials said Omani mediators carried 26 proposals. The Geneva round follows.",
        settings=SETTINGS,
    )
    assert {"omani", "geneva", "#26"} <= set(p.names)
    assert "officials" not in p.names  # starts the sentence
    assert "the" not in p.names and "said" in p.words
    assert "the" not in p.words  # too common to weigh anything


def test_profile_round_trips_through_its_dict():
    p = profiles()[0]
    again = DocProfile.from_dict(json.loads(json.dumps(p.to_dict())))
    assert again.id == p.id and again.day == "2025-03-11"
    assert again.names == pytest.approx(p.names)
