"""A round still to come whose reports name no mediator shows the track's, marked as coming from
the track (store/track_rows.py ``with_expected_mediators``, the track and brief views); a round
held keeps what its reports say. The pages are invented."""

from __future__ import annotations

from typing import Any

from dragoman import open_store, run
from dragoman.store.track_rows import with_expected_mediators
from dragoman.tracks.brief import make_brief, render_markdown
from tests.conftest import StoreFactory
from tests.fuse.stories import write_jsonl

FIRST = {
    "outlet": "Alpine Wire",
    "published": "2026-02-04",
    "title": "Armenia and Azerbaijan open talks in Vienna",
    "text": (
        "VIENNA - Armenia and Azerbaijan held the first round of their peace talks in Vienna on "
        "Tuesday, with the European Union mediating, diplomats said."
    ),
}
NEXT = {
    "outlet": "Harbor Daily",
    "published": "2026-03-02",
    "title": "Second round set for Geneva",
    "text": (
        "Armenia and Azerbaijan will hold the second round of their peace talks in Geneva on "
        "10 March, officials in both capitals said on Monday."
    ),
}


def test_a_planned_round_with_no_mediator_reported_shows_the_tracks(
    stores: StoreFactory,
) -> None:
    db = stores.new("expected")
    report = run([write_jsonl(stores.folder, "expected.jsonl", [FIRST, NEXT])], db=db)
    assert not report.rejected, report.rejected
    with open_store(db) as store:
        (listed,) = store.tracks()
        track = store.track(listed["id"])
        assert track is not None
        members = {i: o for i in track["members"] if (o := store.occurrence(i)) is not None}
        brief = make_brief(track, members, store.track_context(track["id"]))
    assert track["mediator"] == "EUR"
    first, second = track["rounds"]
    assert (first["status"], first["mediator"], first.get("mediator_from")) == (
        "occurred",
        "EUR",
        None,
    )
    assert (second["status"], second["mediator"], second["mediator_from"]) == (
        "planned",
        "EUR",
        "track",
    )
    assert "(from the track" in render_markdown(brief)


def record(status: str, mediator: str | None) -> dict[str, Any]:
    return {"mediator": "OMN", "rounds": [{"round": 1, "status": status, "mediator": mediator}]}


def test_a_round_held_with_no_mediator_reported_takes_none() -> None:
    (held,) = with_expected_mediators(record("occurred", None))["rounds"]
    assert held["mediator"] is None and "mediator_from" not in held


def test_a_round_with_its_own_mediator_keeps_it() -> None:
    (own,) = with_expected_mediators(record("planned", "QAT"))["rounds"]
    assert own["mediator"] == "QAT" and "mediator_from" not in own


def test_a_postponed_round_expects_the_tracks_mediator_too() -> None:
    (later,) = with_expected_mediators(record("postponed", None))["rounds"]
    assert (later["mediator"], later["mediator_from"]) == ("OMN", "track")
