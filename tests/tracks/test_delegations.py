"""A round's delegations are the people said to lead, join or attend it, not everyone named beside
its reports (store/delegations.py, ``delegate_cue`` of data/tracks/tracks.yaml), end to end
through the real pipeline into real stores (tests/conftest.py). The pages are invented."""

from __future__ import annotations

from typing import Any

from dragoman import open_store, run
from tests.conftest import StoreFactory
from tests.fuse.stories import write_jsonl

MESSAGE_AND_ROUND = {
    "outlet": "Gulf Courier",
    "published": "2026-03-06",
    "title": "Message reaches Tehran before Geneva round",
    "text": (
        "A message from Washington was handed to Ali Larijani, secretary of Iran's Supreme National "
        "Security Council, through Omani intermediaries, state media said on Friday, days before the "
        "two countries resume nuclear talks in Geneva.\n\n"
        "The second round of talks between Iran and the United States will be held in Geneva on "
        "Tuesday, with Oman mediating. Foreign Minister Abbas Araghchi will lead the Iranian side, "
        "while the US team is headed by special envoy Steve Witkoff."
    ),
}
FIRST_ROUND_TOLD_AGAIN = {
    "outlet": "Levant Ledger",
    "published": "2026-03-07",
    "title": "Geneva round set",
    "text": (
        "Iran and the United States held the first round of their talks in Muscat on 20 February, "
        "with Oman mediating. Oman's Foreign Minister Badr Albusaidi will chair the second round in "
        "Geneva on Tuesday."
    ),
}


def rounds(stores: StoreFactory, name: str, stories: list[dict[str, Any]]) -> dict[int, Any]:
    db = stores.new(name)
    report = run([write_jsonl(stores.folder, f"{name}.jsonl", stories)], db=db)
    assert not report.rejected, report.rejected
    with open_store(db) as store:
        (track,) = [t for t in store.tracks() if t["id"].startswith("irn-usa")]
        shown = store.track(track["id"])
    assert shown is not None
    return {r["round"]: r for r in shown["rounds"]}


def people(found: dict[str, Any]) -> set[tuple[str, str]]:
    return {(d["side"], d["name"]) for d in found["delegations"]}


def test_the_recipient_of_a_message_told_beside_a_round_is_no_delegate(
    stores: StoreFactory,
) -> None:
    found = rounds(stores, "message", [MESSAGE_AND_ROUND])
    assert people(found[2]) == {("IRN", "Abbas Araghchi"), ("USA", "Steve Witkoff")}, found[2]


def test_the_chair_of_the_next_round_is_not_a_delegate_of_the_first(
    stores: StoreFactory,
) -> None:
    found = rounds(stores, "chair", [FIRST_ROUND_TOLD_AGAIN])
    assert ("OMN", "Badr Albusaidi") not in people(found[1]), found[1]


DELEGATION_PARAGRAPH = {
    "outlet": "Peninsula Lantern",
    "published": "2026-03-08",
    "title": "Geneva round on Tuesday",
    "text": (
        "Iran and the United States will hold a second round of talks in Geneva on Tuesday, with "
        "Oman mediating, officials said.\n\n"
        "The US delegation in Geneva will be led by special envoy Steve Witkoff and Jared Kushner, "
        "while Iran's team will be headed by Foreign Minister Abbas Araghchi."
    ),
}
TWO_MEETINGS_ONE_CITY = {
    "outlet": "Danube Dispatch",
    "published": "2026-03-08",
    "title": "Two tracks in Geneva",
    "text": (
        "Iran and the United States will hold a second round of talks in Geneva on Tuesday, with "
        "Oman mediating, officials said.\n\n"
        "Russia, Ukraine and the United States will also hold trilateral talks in Geneva on Tuesday.\n\n"
        "The US delegation in Geneva will include Jared Kushner."
    ),
}


def test_a_delegation_told_in_its_own_paragraph_joins_the_meeting_where_it_is_held(
    stores: StoreFactory,
) -> None:
    found = rounds(stores, "own-paragraph", [DELEGATION_PARAGRAPH])
    assert {("USA", "Steve Witkoff"), ("USA", "Jared Kushner"), ("IRN", "Abbas Araghchi")} <= people(
        found[2]
    ), found[2]


def test_a_delegation_in_a_city_of_two_meetings_of_its_side_joins_neither(
    stores: StoreFactory,
) -> None:
    found = rounds(stores, "two-meetings", [TWO_MEETINGS_ONE_CITY])
    assert ("USA", "Jared Kushner") not in people(found[2]), found[2]


VENUE_BY_COUNTRY_NAME = {
    "outlet": "Steppe Times",
    "published": "2026-03-08",
    "title": "Moscow to host the second round",
    "text": (
        "Iran and the United States will hold a second round of talks in Moscow on Tuesday, with "
        "Oman mediating, officials said.\n\n"
        "The US delegation in Russia will be led by special envoy Steve Witkoff and Jared Kushner."
    ),
}


def test_a_delegation_names_its_venue_country_as_the_news_does(stores: StoreFactory) -> None:
    # "Russia", as the actor tables name it, not the ISO name "Russian Federation"
    found = rounds(stores, "country-name", [VENUE_BY_COUNTRY_NAME])
    assert ("USA", "Jared Kushner") in people(found[2]), found[2]
