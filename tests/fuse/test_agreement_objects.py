"""Two agreements reached at one meeting stay two events: fusion tells them apart by what was agreed
(their topics), end to end through the real pipeline into real stores (tests/conftest.py).

Three invented pages: Alpine Wire reports the Vienna meeting of 8 April and its commission on
missing persons; Horn Observer reports a second deal claimed by Ethiopian state television and
denied by Eritrea; Red Sea Times, a week later, tells only of the commission.
"""

from __future__ import annotations

from typing import Any

import pytest

from dragoman import open_store, run
from dragoman.fuse import Occurrence
from tests.conftest import StoreFactory
from tests.fuse.stories import write_jsonl

MEETING = {
    "outlet": "Alpine Wire",
    "published": "2026-04-08",
    "title": "Ethiopia and Eritrea agree on missing persons commission",
    "text": (
        "VIENNA - Negotiators from Ethiopia and Eritrea met in Vienna on Wednesday for the second round "
        "of their talks and agreed to set up a joint commission on missing persons, diplomats said.\n\n"
        "The two delegations are due to meet again in May."
    ),
}
DENIAL = {
    "outlet": "Horn Observer",
    "published": "2026-04-11",
    "title": "Asmara denies border deal",
    "text": (
        "Eritrea's government on Saturday denied a report that its negotiators had agreed in Vienna to "
        "begin border demarcation before the rainy season.\n\n"
        "Ethiopian state television said on Thursday, citing officials in the Ethiopian delegation, that "
        "Ethiopia and Eritrea had reached the understanding at Wednesday's meeting in Vienna.\n\n"
        '"Nothing of the kind was agreed," an Eritrean negotiator said.'
    ),
}
FOLLOW_UP = {
    "outlet": "Red Sea Times",
    "published": "2026-04-13",
    "title": "Missing persons commission to meet",
    "text": (
        "The commission on missing persons that Ethiopia and Eritrea agreed to set up in Vienna last "
        "week will hold its first meeting on Thursday, the Red Cross said on Monday.\n\n"
        "Families of the missing gathered outside the Red Cross office in Asmara."
    ),
}


def agreements_by_topics(db: str) -> dict[tuple[str, ...], Occurrence]:
    with open_store(db) as store:
        found = [o for o in store.occurrences() if o.event.event_type == "AGREE"]
    by_topics = {o.event.topics: o for o in found}
    assert len(by_topics) == len(found), [o.event.topics for o in found]
    return by_topics


def ingest_stories(stores: StoreFactory, name: str, stories: list[dict[str, Any]]) -> str:
    db = stores.new(name)
    report = run([write_jsonl(stores.folder, f"{name}.jsonl", stories)], db=db)
    assert not report.rejected, report.rejected
    return db


def test_two_pages_on_one_meeting_with_two_agreements_give_two_occurrences(
    stores: StoreFactory,
) -> None:
    found = agreements_by_topics(ingest_stories(stores, "two", [MEETING, DENIAL]))
    assert set(found) == {("missing persons",), ("border delimitation",)}
    commission, border = found[("missing persons",)], found[("border delimitation",)]
    assert {s.outlet for s in commission.event.sources} == {"Alpine Wire"}
    assert commission.event.status == "occurred"
    # the claim (Ethiopian television) and the denial (Eritrea) are one act, denied, both kept
    assert {s.outlet for s in border.event.sources} == {"Horn Observer"}
    assert border.event.status == "denied"
    assert [c.value for c in border.history] == ["occurred", "denied"]
    assert {a.country for a in border.event.participants} == {"ERI", "ETH"}


@pytest.mark.parametrize(
    "order", [[0, 1, 2], [2, 1, 0], [1, 2, 0]], ids=["in-order", "reversed", "denial-first"]
)
def test_a_third_page_on_one_agreement_joins_that_one(
    stores: StoreFactory, order: list[int]
) -> None:
    pages = [MEETING, DENIAL, FOLLOW_UP]
    found = agreements_by_topics(ingest_stories(stores, "three", [pages[i] for i in order]))
    assert set(found) == {("missing persons",), ("border delimitation",)}
    assert {s.outlet for s in found[("missing persons",)].event.sources} == {
        "Alpine Wire",
        "Red Sea Times",
    }
    assert {s.outlet for s in found[("border delimitation",)].event.sources} == {"Horn Observer"}
