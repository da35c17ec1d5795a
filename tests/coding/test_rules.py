"""Trigger matching in one sentence: what a requested, refused or threatened act is (its content)."""

from __future__ import annotations

import pytest

from dragoman.coding.lexicon import load_lexicon
from dragoman.coding.rules import find_matches, without_content
from dragoman.coding.status import load_status_rules

from .annotate import A, code

EUR = A("The EU", "EUR", None, kind="igo")


# The act in the complement of a request, demand, refusal, threat or agreement is what was asked,
# refused, threatened or agreed, not an event of its own.
@pytest.mark.parametrize(
    "text, actors, want",
    [
        pytest.param(
            "In a statement carried by state media later on Friday, the Supreme National Security "
            "Council demanded that the United States lift the sanctions imposed on Iran's oil "
            "exports and banking sector.",
            (
                A("the Supreme National Security Council", "IRN"),
                A("the United States", "USA"),
                A("Iran's", "IRN"),
            ),
            [("REQUEST", "IRN", "USA")],
            id="demanded-that-they-lift",
        ),
        pytest.param(
            "The council demanded that Washington lift sanctions on Iranian banks.",
            (A("The council", "IRN"), A("Washington", "USA"), A("Iranian", "IRN", "BUS")),
            [("REQUEST", "IRN", "USA")],
            id="demanded-that-washington-lift",
        ),
        pytest.param(
            "The EU urged Moscow to withdraw its forces and lift sanctions on European farm goods.",
            (EUR, A("Moscow", "RUS")),
            [("REQUEST", "EUR", "RUS")],
            id="urged-to-withdraw-and-lift",
        ),
        pytest.param(
            "Oman's foreign minister urged both governments to show flexibility and avoid steps "
            "that could raise tensions before the meeting.",
            (A("Oman's foreign minister", "OMN", kind="person"),),
            [("REQUEST", "OMN", None)],
            id="urged-to-avoid-steps",
        ),
        pytest.param(
            "The UN envoy urged Armenia and Azerbaijan to meet again before the end of the month.",
            (
                A("The UN envoy", "UNO", None, kind="person"),
                A("Armenia", "ARM"),
                A("Azerbaijan", "AZE"),
            ),
            [("REQUEST", "UNO", "ARM"), ("REQUEST", "UNO", "AZE")],
            id="urged-to-meet",
        ),
        pytest.param(
            "Ankara called for new sanctions on Damascus.",
            (A("Ankara", "TUR"), A("Damascus", "SYR")),
            [("REQUEST", "TUR", "SYR")],
            id="called-for-sanctions",
        ),
        pytest.param(
            "Washington refused to lift sanctions on Iran.",
            (A("Washington", "USA"), A("Iran", "IRN")),
            [("REJECT", "USA", "IRN")],
            id="refused-to-lift",
        ),
        pytest.param(
            "Kosovo's prime minister rejected a European appeal to meet Serbian negotiators in "
            "Brussels.",
            (
                A("Kosovo's prime minister", "XKX", kind="person"),
                A("European", "EUR", None, kind="igo"),
                A("Serbian negotiators", "SRB"),
            ),
            [("REJECT", "XKX", "EUR")],
            id="rejected-an-appeal-to-meet",
        ),
        pytest.param(
            "Baku threatened to shell Armenian positions near the border.",
            (A("Baku", "AZE"), A("Armenian", "ARM", "MIL")),
            [("THREATEN", "AZE", "ARM")],
            id="threatened-to-shell",
        ),
        # Controls: an act named inside the complement's noun phrase did happen.
        pytest.param(
            "Turkey asked Tehran and Damascus to provide information about arms seized last week "
            "in southeastern Turkey.",
            (A("Turkey", "TUR"), A("Tehran", "IRN"), A("Damascus", "SYR")),
            [("REQUEST", "TUR", "IRN"), ("REQUEST", "TUR", "SYR"), ("COERCE", "IRN", None)],
            id="control-a-participle-further-on",
        ),
        pytest.param(
            "Ukraine demanded an inquiry into the shelling of Kharkiv by Russian forces.",
            (A("Ukraine", "UKR"), A("Russian forces", "RUS", "MIL")),
            [("REQUEST", "UKR", None), ("ASSAULT", None, "RUS")],
            id="control-an-inquiry-into-an-act",
        ),
        pytest.param(
            "Serbia called for calm after Kosovo police arrested two Serbs in the north.",
            (A("Serbia", "SRB"), A("Kosovo police", "XKX", "COP"), A("Serbs", "SRB", "CVL")),
            [("REQUEST", "SRB", "XKX"), ("COERCE", "XKX", "SRB")],
            id="control-another-clause",
        ),
    ],
)
def test_a_requested_act_is_the_requests_content(text, actors, want) -> None:
    events = code(text, actors=actors)
    assert [
        (
            e.event_type,
            e.source.country if e.source else None,
            e.target.country if e.target else None,
        )
        for e in events
    ] == want


def test_an_agreed_meeting_stays_an_event() -> None:
    """An agreement to meet is the planned meeting (bench convention "Meetings"): AGREE does not
    make a CONSULT in its complement its content, as a request would."""
    lexicon, rules = load_lexicon(), load_status_rules()
    agreed = "The two sides agreed that their negotiators would hold talks in Abu Dhabi."
    urged = "The EU urged both sides to hold talks in Abu Dhabi."
    assert [
        m.trigger.event_type for m in without_content(rules, agreed, find_matches(lexicon, agreed))
    ] == [
        "AGREE",
        "CONSULT",
    ]
    assert [
        m.trigger.event_type for m in without_content(rules, urged, find_matches(lexicon, urged))
    ] == ["REQUEST"]
