"""The sentence shown for an event says what the event is: a held round is shown by a sentence
that says it was held, not by a denial folded into it (fuse/merger.py), end to end on two invented
pages in real stores (tests/conftest.py)."""

from __future__ import annotations

import pytest

from dragoman import open_store, run
from tests.conftest import StoreFactory
from tests.fuse.stories import write_jsonl

DENIAL = {  # published first: in publication order its sentence would come first
    "outlet": "Levant Ledger",
    "published": "2026-02-14",
    "title": "Tehran denies direct contact",
    "text": (
        "BEIRUT - Tehran on Saturday denied reports that its negotiators had met US officials face to "
        "face during the first round of talks with the United States, held on February 6 in Muscat.\n\n"
        "The foreign ministry said in a statement that the talks had been entirely indirect."
    ),
}
HELD = {
    "outlet": "Gulf Courier",
    "published": "2026-02-15",
    "title": "Second round set for Geneva",
    "text": (
        "Iran and the United States will hold a second round of talks in Geneva on Tuesday, with Oman "
        "mediating.\n\nThe first round was held on February 6 in Muscat, where Omani officials shuttled "
        "between the two delegations."
    ),
}


@pytest.mark.parametrize(
    "order", [[DENIAL, HELD], [HELD, DENIAL]], ids=["denial-first", "held-first"]
)
def test_a_held_round_is_shown_by_the_sentence_that_says_it_was_held(
    stores: StoreFactory, order: list[dict[str, str]]
) -> None:
    db = stores.new("lead")
    assert not run([write_jsonl(stores.folder, "lead.jsonl", order)], db=db).rejected
    with open_store(db) as store:
        (first,) = [o for o in store.occurrences() if o.event.round == 1]
    assert first.event.status == "occurred"
    assert {s.outlet for s in first.event.sources} == {"Levant Ledger", "Gulf Courier"}
    assert first.event.evidence[0].sentence.startswith("The first round was held on February 6")
    assert len(first.event.evidence) == 2  # the denial's sentence is kept, after it
