"""Who the sides of a negotiation are, and what their joint acts are, on short articles of ours:
signings between the parties (ontology decision 15), "both sides", an organisation alone at the
process's meeting, a meeting presupposed by what was signed at it, and a date that names a war."""

from __future__ import annotations

import pytest

from dragoman.model import Event

from .understood import coded


def _parties(event: Event) -> set[str]:
    return {a.country for a in event.participants if a.country and a.role != "mediator"}


def _one(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger) for e in events]
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "Armenia and Azerbaijan signed a protocol on Tuesday fixing the course of their shared border.",
        (
            "Meeting in Abu Dhabi on Tuesday, Azerbaijani and Armenian officials put their "
            "signatures to a document that settles where their common frontier runs."
        ),
    ],
)
def test_a_signing_between_the_parties_is_an_agreement_that_keeps_cameo_057(text: str) -> None:
    signing = _one(coded(text, "2026-04-15"), "AGREE")
    assert signing.cameo == "057"
    assert _parties(signing) == {"ARM", "AZE"}


@pytest.mark.parametrize("text", ["Hungary signed the EU declaration backing Ukraine on Monday."])
def test_one_party_signing_on_to_another_s_document_stays_support(text: str) -> None:
    signing = next(e for e in coded(text, "2026-04-15") if e.cameo == "057")
    assert signing.event_type == "SUPPORT"


def test_a_signing_by_both_parties_in_the_passive_is_an_agreement() -> None:
    text = "The protocol was signed by Armenia and Azerbaijan in Abu Dhabi on Tuesday."
    assert _one(coded(text, "2026-04-15"), "AGREE").cameo == "057"


def test_both_sides_after_a_call_are_its_recipients() -> None:
    text = (
        "The third round of Armenian-Azerbaijani peace talks, due to open in Almaty next Tuesday, has "
        "been postponed. The State Department called on both sides to exercise restraint."
    )
    request = _one(coded(text, "2026-05-15"), "REQUEST")
    assert {a.country for a in request.participants} == {"USA", "ARM", "AZE"}


def test_the_two_sides_are_the_states_the_article_names_most_before_any_meeting() -> None:
    text = (
        "Kosovo's government on Saturday rejected a Serbian proposal on energy. Serbia's president "
        "accused Kosovo of stalling. Officials said the two sides had reached an understanding on "
        "Thursday to exchange data on missing persons."
    )
    agreement = _one(coded(text, "2026-02-21"), "AGREE")
    assert _parties(agreement) == {"SRB", "XKX"}


def test_an_organisation_alone_at_the_process_meeting_chairs_it() -> None:
    text = (
        "Serbia and Kosovo agreed on Thursday to exchange data on missing persons. Serbian media said "
        "the deal was struck at Thursday's meeting with the EU's envoy."
    )
    meeting = _one(coded(text, "2026-02-21"), "CONSULT")
    assert _parties(meeting) == {"SRB", "XKX"}
    assert meeting.mediator is not None and meeting.mediator.country == "EUR"
    assert meeting.status == "occurred"
    assert meeting.location is None  # "at Thursday's meeting" names a day, not a place


def test_a_round_named_as_where_a_protocol_was_signed_was_held() -> None:
    text = (
        "Armenia and Azerbaijan agreed on Tuesday to keep talking. The protocol signed at the second "
        "round of talks covers a section of the border."
    )
    rounds = [e for e in coded(text, "2026-04-15") if e.event_type == "CONSULT"]
    assert [(e.round, e.status) for e in rounds] == [(2, "occurred")]


def test_a_round_after_at_with_no_past_act_stays_a_circumstance() -> None:
    text = "Armenia's foreign minister spoke to reporters at the second round of talks."
    assert not [e for e in coded(text, "2026-04-15") if e.event_type == "CONSULT"]


def test_a_date_that_names_a_war_does_not_date_the_agreement() -> None:
    text = (
        "Chief negotiators from Serbia and Kosovo met in Brussels on Thursday for the first round of a "
        "new phase of the EU-facilitated dialogue and agreed to set up a joint commission on people "
        "still missing from the 1998-99 war."
    )
    agreement = _one(coded(text, "2026-02-19"), "AGREE")
    assert agreement.date is not None and agreement.date.start == "2026-02-19"


def test_a_demand_renewed_by_one_side_is_addressed_to_the_other() -> None:
    text = (
        "Armenia's foreign ministry said Yerevan would not accept preconditions, a reference to "
        "Baku's demand that Armenia change its constitution. Azerbaijan's foreign ministry had "
        "renewed that demand last week."
    )
    demand = _one(coded(text, "2026-03-10"), "REQUEST")
    assert demand.source is not None and demand.source.country == "AZE"
    assert {a.country for a in demand.participants} == {"AZE", "ARM"}


@pytest.mark.parametrize(
    "welcome, source",
    [
        ("The US State Department welcomed the signing as a historic step.", "USA"),
        ('The EU\'s foreign policy chief said the bloc "warmly welcomes" the deal.', "EUR"),
    ],
)
def test_a_welcome_of_the_signing_goes_to_both_signers(welcome: str, source: str) -> None:
    text = f"Armenia and Azerbaijan signed a border protocol in Abu Dhabi on Tuesday. {welcome}"
    support = _one(coded(text, "2026-04-14"), "SUPPORT")
    assert {a.country for a in support.participants} == {source, "ARM", "AZE"}


def test_a_call_on_both_governments_is_addressed_to_the_two_parties() -> None:
    events = coded(
        "Oman's foreign minister said on Sunday he would chair Tuesday's talks between the United "
        "States and Iran in Geneva, and urged both governments to show flexibility."
    )
    call = _one(events, "REQUEST")
    assert call.source is not None and call.source.country == "OMN"
    assert call.target is None  # no single target: the call goes to both parties
    assert {a.country for a in call.addressees()} == {"USA", "IRN"}
