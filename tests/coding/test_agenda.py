"""The agenda of an article's talks from the sentences that say what the talks are about
(coding/agenda.py), on short articles of ours."""

from __future__ import annotations

from dragoman.model import Event

from .understood import coded


def _talks(events: list[Event]) -> list[Event]:
    return [e for e in events if e.event_type == "CONSULT"]


def test_a_sentence_on_what_the_talks_focus_on_gives_their_topics() -> None:
    text = (
        "Serbia and Kosovo will hold a new round of talks in Brussels on Thursday, with the European "
        "Union mediating.\n\n"
        "Diplomats said the economy is not on the agenda of those talks, which are focused on missing "
        "persons and on the security guarantees Belgrade has demanded."
    )
    (talks,) = _talks(coded(text, "2026-03-02"))
    assert set(talks.topics) == {"missing persons", "security guarantees"}


def test_a_condition_for_any_agreement_is_on_the_agenda_of_the_talks_still_to_come() -> None:
    text = (
        "Armenia and Azerbaijan held a first round of talks in Vienna on 3 February.\n\n"
        "The second round will be held in Geneva on 10 March, officials said.\n\n"
        "Yerevan insists that a prisoner exchange must be part of any agreement."
    )
    talks = _talks(coded(text, "2026-03-02"))
    by_status = {e.status: e for e in talks}
    assert "prisoner exchange" in by_status["planned"].topics
    assert "prisoner exchange" not in by_status["occurred"].topics


def test_an_article_on_two_tracks_gives_no_one_its_agenda() -> None:
    text = (
        "Serbia and Kosovo will hold talks in Brussels on Thursday.\n\n"
        "Armenia and Azerbaijan will meet in Geneva on the same day.\n\n"
        "The talks are expected to focus on missing persons."
    )
    assert all("missing persons" not in e.topics for e in _talks(coded(text, "2026-03-02")))


def test_the_atomic_energy_agency_is_not_the_energy_topic() -> None:
    text = (
        "Iran and the United States will hold talks in Oman next week.\n\n"
        "Washington wants inspectors of the International Atomic Energy Agency back, while Tehran "
        "says sanctions relief must be part of any understanding."
    )
    (talks,) = _talks(coded(text, "2026-03-02"))
    assert talks.topics == ("sanctions relief",)
