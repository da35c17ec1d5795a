"""Acts whose other side is a named body or a host: a veto targets the council that voted, an
offer to host talks is the host's offer to the parties. Short texts of ours, through the real
understand stage."""

from __future__ import annotations

from .understood import coded


def test_a_veto_of_a_security_council_resolution_targets_the_council() -> None:
    events = coded("Russia on Tuesday vetoed a Security Council resolution on the Aleppo truce.")
    vetoes = [e for e in events if e.event_type == "REJECT"]
    assert vetoes and all(
        e.source and e.source.country == "RUS" and e.target and e.target.country == "UNO"
        for e in vetoes
    ), vetoes


def test_saying_one_stands_ready_to_host_talks_is_an_offer_to_the_parties() -> None:
    text = (
        "President Ruto of Kenya said on Sunday he would be ready to host a meeting between the "
        "Sudanese army and the Rapid Support Forces."
    )
    offers = [e for e in coded(text) if e.event_type == "AGREE" and e.cameo == "039"]
    assert {(e.source.country if e.source else None) for e in offers} == {"KEN"}, offers
    assert {e.target.country for e in offers if e.target} == {"SDN"}, offers


def test_a_state_willing_to_mediate_offers_mediation_to_both_sides() -> None:
    events = coded("Turkey said it was willing to mediate between Georgia and Armenia.")
    offers = {(e.source.country, e.target.country) for e in events
              if e.cameo == "039" and e.source and e.target}  # fmt: skip
    assert offers == {("TUR", "GEO"), ("TUR", "ARM")}, events


def test_the_body_in_the_subjects_apposition_is_not_the_source() -> None:
    text = (
        "Members of the Association of Asian Surgeons, a group linked to the World Health "
        "Organization, investigated the deaths of 40 patients in Dhaka hospitals."
    )
    events = [e for e in coded(text) if e.source is not None]
    assert events and all(e.source.country == "NGO" for e in events), events
