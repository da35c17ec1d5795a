"""A meeting its words call the next of a series ("a new round") is numbered only after a round
the track knows (data/tracks/tracks.yaml ``sequel_round``): with none before it, it stays
unnumbered rather than round 1. Invented pages, real pipeline and stores (tests/conftest.py)."""

from __future__ import annotations

from typing import Any

from dragoman import open_store, run
from tests.conftest import StoreFactory
from tests.fuse.stories import write_jsonl

NEW_ROUND = {
    "outlet": "Nile Courier",
    "published": "2026-03-12",
    "title": "Nairobi to host talks",
    "text": (
        "NAIROBI - Negotiators from Ethiopia, Eritrea and Sudan will hold a new round of trilateral talks "
        "in Nairobi on Tuesday, officials said on Thursday.\n\nNo agenda has been published."
    ),
}
FIRST_ROUND = {
    "outlet": "Horn Observer",
    "published": "2026-03-06",
    "title": "Trilateral talks open in Nairobi",
    "text": (
        "NAIROBI - Ethiopia, Eritrea and Sudan held the first round of trilateral talks in Nairobi on "
        "Thursday, officials said.\n\nThe delegations met for six hours."
    ),
}


def _track(stores: StoreFactory, name: str, stories: list[dict[str, Any]]) -> dict[str, Any]:
    db = stores.new(name)
    assert not run([write_jsonl(stores.folder, f"{name}.jsonl", stories)], db=db).rejected
    with open_store(db) as store:
        track = store.track("ERI+ETH+SDN")
    assert track is not None
    return track


def test_a_new_round_with_no_round_known_before_it_is_not_round_one(stores: StoreFactory) -> None:
    track = _track(stores, "sequel", [NEW_ROUND])
    assert track["rounds"] == []
    assert track["status"] == "planned"


def test_a_new_round_after_a_known_round_takes_the_next_number(stores: StoreFactory) -> None:
    track = _track(stores, "after", [FIRST_ROUND, NEW_ROUND])
    assert [(r["round"], r["status"], r["date"]) for r in track["rounds"]] == [
        (1, "occurred", "2026-03-05"),
        (2, "planned", "2026-03-17"),
    ]
