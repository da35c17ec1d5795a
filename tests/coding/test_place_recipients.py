"""An act with no recipient named takes the place abroad it happens in; one party agreeing to act
on others is a directed AGREE (coding/one_sided.py place_recipient, coding/roles.py)."""

from __future__ import annotations

import pytest

from dragoman.model import Actor, Event

from .understood import coded


def code_of(actor: Actor | None) -> tuple[str | None, str | None] | None:
    return (actor.country, actor.sector) if actor is not None else None


def acts(text: str, event_type: str) -> set[tuple[tuple | None, tuple | None]]:
    events: list[Event] = coded(text)
    return {(code_of(e.source), code_of(e.target)) for e in events if e.event_type == event_type}


@pytest.mark.parametrize(
    "text, event_type, source, target",
    [
        (
            "Russian peacekeepers withdrew from a village in Azerbaijan on Sunday.",
            "RETREAT",
            "RUS",
            "AZE",
        ),
        ("Ethiopian troops remained on alert in Somalia after the raid.", "MOBILIZE", "ETH", "SOM"),
        (
            "Syrian refugees rioted on Tuesday at a camp in southern Turkey.",
            "PROTEST",
            "SYR",
            "TUR",
        ),
        (
            "The United Nations rejected a request to deploy its monitors in Mali.",
            "REJECT",
            "UNO",
            "MLI",
        ),
    ],
)
def test_a_place_abroad_is_the_recipient_when_none_is_named(
    text: str, event_type: str, source: str, target: str
) -> None:
    found = acts(text, event_type)
    assert {(s[0] if s else None, t[0] if t else None) for s, t in found} == {(source, target)}
    # the place stands for its country, not for a sector of it
    assert all(t is not None and t[1] is None for _, t in found), found


@pytest.mark.parametrize(
    "text, event_type",
    [
        # a verbal act's city is where it was said, not whom it was said to
        ("Iran rejected the proposal in Geneva on Monday.", "REJECT"),
        # a place in the actor's own country is where it acts
        ("Students rallied in Tehran on Monday.", "PROTEST"),
        ("Serbian troops withdrew from a village in southern Serbia on Sunday.", "RETREAT"),
    ],
)
def test_no_recipient_from_a_venue_or_a_home_place(text: str, event_type: str) -> None:
    found = acts(text, event_type)
    assert found and all(t is None for _, t in found), found


def test_one_party_agreeing_to_act_on_others_is_directed_at_each() -> None:
    found = acts(
        "EU foreign ministers agreed on Monday to provide 50 million euros of aid for Moldova "
        "and Armenia.",
        "AGREE",
    )
    assert found == {(("EUR", "GOV"), ("MDA", "GOV")), (("EUR", "GOV"), ("ARM", "GOV"))}


def test_an_agreement_in_a_city_keeps_it_as_its_venue_not_a_recipient() -> None:
    events = [e for e in coded("Serbia agreed in Brussels to set up a joint commission.")]
    agree = [e for e in events if e.event_type == "AGREE"]
    assert agree and all(e.target is None for e in agree), events
    assert {a.country for e in agree for a in e.participants} == {"SRB"}


def test_an_ethnic_group_is_of_the_country_it_acts_in() -> None:
    found = acts("Ethnic Serbs blocked roads in northern Kosovo on Monday.", "PROTEST")
    assert {s for s, _ in found} == {("XKX", "CVL")}, found


def test_a_restriction_eased_at_home_targets_the_civilians_of_the_place() -> None:
    # the mirror of imposing it (COERCE): those under the curfew gain by its end
    found = acts("Turkey lifted the curfew in Cizre on Monday.", "CONCEDE")
    assert found == {(("TUR", "GOV"), ("TUR", "CVL"))}, found
