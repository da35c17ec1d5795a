"""Pronoun subjects after the person's own staff: "His office said he would travel to ..." is the
person named just before; a speaker who is someone else is no opening for the pronoun."""

from __future__ import annotations

from tests.coding.understood import coded
from tests.understand.test_actors_coref import pronouns

ENVOY = (
    "Jonas Vermeulen, the EU's special representative for the dialogue, called off the round on "
    "Sunday. "
)


def test_his_office_said_he_is_the_person_named_before() -> None:
    text = ENVOY + "His office said he would travel to Belgrade and Pristina later this week."
    assert [(p[0], p[2]) for p in pronouns(text)] == [("he", "EUR")]


def test_her_spokeswoman_said_that_she_by_title() -> None:
    text = (
        "The Omani foreign minister flew to Tehran on Sunday. "
        "Her spokeswoman said that she would meet Iranian officials on Monday."
    )
    assert [(p[0], p[2]) for p in pronouns(text)] == [("she", "OMN")]


def test_another_speaker_before_he_is_left_alone() -> None:
    text = ENVOY + "Serbian officials said he would not be welcome in Belgrade."
    assert pronouns(text) == []


def test_the_envoys_planned_trip_is_a_visit_to_each_capital() -> None:
    text = (
        "Jonas Vermeulen, the EU's special representative for the dialogue, urged Serbia and Kosovo "
        "to de-escalate. His office said he would travel to Belgrade and Pristina later this week."
    )
    visits = [e for e in coded(text, "2026-03-23") if e.event_type == "CONSULT"]
    assert {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in visits} == {("EUR", "SRB"), ("EUR", "XKX")}  # fmt: skip
    assert {e.status for e in visits} == {"planned"}
    assert all(e.date is not None and e.date.precision == "week" for e in visits)
