"""An offer to mediate is AGREE 039; a state agreeing to facilitate or host talks the article
already told is that planned meeting (ontology: "planned mediated talks are CONSULT + planned"),
not a second event. Short articles of ours."""

from __future__ import annotations

import pytest

from .understood import coded


@pytest.mark.parametrize(
    "text",
    [
        (
            "Iran and the United States will hold talks in Geneva on Tuesday. The Swiss government has "
            "agreed to facilitate them."
        ),
        "Colombia and the ELN will resume negotiations next month. Norway agreed to host the talks.",
    ],
)
def test_agreeing_to_facilitate_talks_told_before_adds_no_agreement(text: str) -> None:
    events = coded(text, "2026-02-12")
    assert [e.event_type for e in events if e.event_type == "AGREE"] == []
    assert any(e.event_type == "CONSULT" and e.status == "planned" for e in events)


def test_an_offer_to_mediate_between_two_parties_stays_an_intent_to_mediate() -> None:
    events = coded("Qatar offered to mediate between Ethiopia and Eritrea on Monday.", "2026-02-12")
    offers = [e for e in events if e.cameo == "039"]
    assert offers and all(
        e.event_type == "AGREE" and e.source and e.source.country == "QAT" for e in offers
    )
