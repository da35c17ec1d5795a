"""A page that names an agreement only by its document ("the only document from Wednesday is the
one on missing persons") is one more source of that agreement, not of the other deal of the same
meeting; end to end through the real pipeline into real stores (tests/conftest.py).

The pages are those of test_agreement_objects.py, with the Eritrean negotiator's words quoted in
the denial."""

from __future__ import annotations

import pytest

from tests.conftest import StoreFactory
from tests.fuse.test_agreement_objects import DENIAL, MEETING, agreements_by_topics, ingest_stories

QUOTED_DENIAL = {
    **DENIAL,
    "text": DENIAL["text"]
    + ' "The only document from Wednesday is the one on missing persons," the negotiator added.',
}


@pytest.mark.parametrize("order", [[0, 1], [1, 0]], ids=["meeting-first", "denial-first"])
def test_the_document_named_in_a_denial_joins_the_agreement_it_names(
    stores: StoreFactory, order: list[int]
) -> None:
    pages = [MEETING, QUOTED_DENIAL]
    found = agreements_by_topics(ingest_stories(stores, "quoted", [pages[i] for i in order]))
    assert set(found) == {("missing persons",), ("border delimitation",)}
    commission, border = found[("missing persons",)], found[("border delimitation",)]
    assert {s.outlet for s in commission.event.sources} == {"Alpine Wire", "Horn Observer"}
    assert commission.event.status == "occurred"
    # the denied deal stays its own event, with the denying page only
    assert {s.outlet for s in border.event.sources} == {"Horn Observer"}
    assert border.event.status == "denied"
