"""Agreements named by their document, day and subject (coding/agreement_references.py), on short
articles of ours: coded between the parties of the article's meeting, and nothing from a document
that names no recent day or no subject."""

from __future__ import annotations

from dragoman.model import Event

from .understood import coded

TALKS = (
    "Armenia and Azerbaijan held a second round of talks in Abu Dhabi on Tuesday, with the United "
    "States mediating.\n\n"
)


def _agreements(events: list[Event]) -> list[Event]:
    return [e for e in events if e.event_type == "AGREE"]


def _parties(event: Event) -> set[str]:
    return {a.country for a in event.participants if a.country and a.role != "mediator"}


def test_the_only_document_from_a_day_is_the_agreement_reached_that_day() -> None:
    text = (
        "Ethiopian state television said on Thursday that Ethiopia and Eritrea had reached the "
        "understanding at Wednesday's meeting in Vienna with the EU's envoy.\n\n"
        '"No such agreement was reached in Vienna," an Eritrean negotiator wrote. "The only document '
        'from Wednesday is the one on missing persons."'
    )
    agreements = _agreements(coded(text, "2026-04-11"))
    (document,) = [e for e in agreements if e.topics == ("missing persons",)]
    assert (document.status, document.cameo) == ("occurred", "057")
    assert document.date is not None and document.date.start == "2026-04-08"
    assert _parties(document) == {"ERI", "ETH"}
    # the meeting of that day was chaired by the EU: the agreement reached there too
    assert document.mediator is not None and document.mediator.country == "EUR"
    assert "only document" in document.evidence[0].sentence


def test_an_accord_signed_on_a_day_covers_its_subject() -> None:
    text = TALKS + "The accord signed on Tuesday covers the delimitation of their shared border."
    (accord,) = _agreements(coded(text, "2026-04-17"))
    assert accord.topics == ("border delimitation",)
    assert accord.date is not None and accord.date.start == "2026-04-14"
    assert _parties(accord) == {"ARM", "AZE"}
    assert accord.mediator is not None and accord.mediator.country == "USA"


def test_a_text_agreed_last_week_is_dated_that_week_without_the_meeting_of_another_day() -> None:
    text = TALKS + (
        "The text agreed last week on a prisoner exchange still awaits approval by both parliaments."
    )
    (text_agreed,) = _agreements(coded(text, "2026-04-24"))
    assert text_agreed.topics == ("prisoner exchange",)
    assert text_agreed.date is not None and text_agreed.date.precision == "week"
    assert text_agreed.date.start == "2026-04-13"
    assert _parties(text_agreed) == {"ARM", "AZE"}
    assert text_agreed.mediator is None  # the meeting of Tuesday is not that week's agreement


def test_an_agreement_told_before_is_not_coded_again_from_its_document() -> None:
    text = (
        "Armenia and Azerbaijan signed a protocol on border delimitation in Abu Dhabi on Tuesday.\n\n"
        "The protocol signed on Tuesday settles the delimitation of their shared border."
    )
    (protocol,) = _agreements(coded(text, "2026-04-17"))
    assert protocol.topics == ("border delimitation",)
    assert "signed a protocol" in protocol.evidence[0].sentence


def test_documents_with_no_recent_day_or_no_subject_code_no_agreement() -> None:
    text = TALKS + (
        "The document was leaked to the press on Wednesday.\n\n"
        "A document from 1999 on missing persons was also published.\n\n"
        "The only document from 1999 is the one on missing persons.\n\n"
        "The text to be agreed next week on a prisoner exchange is still being drafted.\n\n"
        "The text from Tuesday is the one on the timetable."
    )
    assert _agreements(coded(text, "2026-04-17")) == []


def test_a_document_with_no_meeting_and_no_two_states_names_no_parties() -> None:
    text = "The only document from Wednesday is the one on missing persons, the ministry said."
    assert _agreements(coded(text, "2026-04-11")) == []


def test_an_understanding_reached_at_a_chaired_meeting_takes_its_mediator_and_so_does_its_denial() -> (
    None
):
    text = (
        "Eritrea's government on Saturday denied a report that Eritrean negotiators had agreed in "
        "Vienna to begin border demarcation before the rainy season.\n\n"
        "Ethiopian state television said on Thursday, citing officials in the Ethiopian delegation, "
        "that the two sides had reached the understanding at Wednesday's meeting with the EU's envoy."
        "\n\nEthiopia's foreign ministry declined to comment."
    )
    denial, claim = _agreements(coded(text, "2026-04-11"))
    assert (denial.status, claim.status) == ("denied", "occurred")
    assert claim.mediator is not None and claim.mediator.country == "EUR"
    assert denial.mediator is not None and denial.mediator.country == "EUR"
    assert _parties(denial) == _parties(claim) == {"ERI", "ETH"}


def test_an_agreement_beside_a_meeting_of_another_day_keeps_no_mediator() -> None:
    text = (
        "Ethiopia and Eritrea agreed on Monday to reopen their border crossings, days after a meeting "
        "in Vienna on Thursday with the EU's envoy."
    )
    agreements = _agreements(coded(text, "2026-04-14"))
    assert agreements and all(e.mediator is None for e in agreements)
