"""What an agreement is about (coding/agreement_objects.py), on short articles of ours: the topics
of the rest of the trigger's clause, and an agreement told again by a definite noun."""

from __future__ import annotations

from dragoman.model import Event

from .understood import coded


def _agreements(events: list[Event]) -> list[Event]:
    return [e for e in events if e.event_type == "AGREE"]


def _parties(event: Event) -> set[str]:
    return {a.country for a in event.participants if a.country and a.role != "mediator"}


def test_an_agreement_whose_scope_a_later_trigger_cuts_takes_the_topics_of_its_clause() -> None:
    text = (
        "Negotiators from Ethiopia and Eritrea met in Vienna on Wednesday and agreed to carry out a "
        "prisoner exchange before the end of the month, diplomats said."
    )
    (agreement,) = _agreements(coded(text, "2026-04-08"))
    assert agreement.topics == ("prisoner exchange",)


def test_the_understanding_told_again_is_the_denied_one_told_before() -> None:
    text = (
        "Eritrea's government on Saturday denied a report that its negotiators had agreed in Vienna to "
        "begin border demarcation before the rainy season.\n\n"
        "Ethiopian state television said on Thursday, citing officials in the Ethiopian delegation, "
        "that Ethiopia and Eritrea had reached the understanding at Wednesday's meeting in Vienna."
    )
    denial, claim = _agreements(coded(text, "2026-04-11"))
    assert (denial.status, claim.status) == ("denied", "occurred")
    assert claim.trigger == "reached the understanding"
    assert claim.topics == denial.topics == ("border delimitation",)
    # "its negotiators" agreed with Ethiopia: the denial takes the parties of the claim
    assert _parties(denial) == _parties(claim) == {"ERI", "ETH"}


def test_a_definite_noun_does_not_reach_back_to_an_agreement_between_other_parties() -> None:
    text = (
        "Armenia and Azerbaijan agreed on Monday to set up a joint commission on missing persons.\n\n"
        "Ethiopia and Eritrea reached the agreement on Tuesday after months of talks in Vienna."
    )
    agreements = _agreements(coded(text, "2026-04-15"))
    later = next(e for e in agreements if _parties(e) == {"ERI", "ETH"})
    assert later.topics == ()
