"""End to end on the bundled demo week: the events the foundation issue promises, and none from furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.demo import sample_documents, summarise
from dragoman.model import Event
from dragoman.options import IngestOptions, Options
from dragoman.pipeline import iter_documents
from dragoman.store import open_store

# Teasers, related-news items and reader comments in the sample pages: never evidence for an event.
FURNITURE = [
    "US Treasury targets tankers carrying Iranian crude",
    "Moldova reports drone debris near border village",
    "Russian drones hit Ukrainian power plants overnight",
    "Kremlin sets Geneva date for trilateral Ukraine talks",
    "Hundreds rally in Tehran to demand release of detainees",
    "Ankara and Baku sign new energy cooperation memorandum",
    "Kremlin confirms Geneva date for talks with Ukraine and US",
    "Russian strikes plunge Ukrainian cities into darkness",
    "Azerbaijan and Iran open new border crossing for trucks",
    "Washington should lift the sanctions if it wants to be taken seriously",
    "Oman deserves a medal",
    "This site uses Akismet",
]


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> list[Event]:
    db = tmp_path_factory.mktemp("week") / "week.db"
    opts = Options(ingest=IngestOptions(ingested="2026-02-15"))
    with open_store(db) as store:
        results = list(iter_documents(sample_documents(opts), store, opts))
        assert [r.outcome for r in results].count("stored") == 10, [r.rejected for r in results if r.rejected]
        return store.events()


def countries(event: Event) -> set[str]:
    return {a.country for a in event.participants if a.country}


def consults(events: list[Event], parties: set[str]) -> list[Event]:
    return [e for e in events if e.event_type == "CONSULT" and countries(e) == parties]


def test_every_event_has_evidence_from_its_article(events: list[Event]) -> None:
    assert events
    for event in events:
        assert event.evidence and event.sources
        assert all(ev.sentence.strip() and ev.end > ev.start for ev in event.evidence)


def test_planned_second_round_in_geneva_with_oman_mediating(events: list[Event]) -> None:
    planned = [e for e in consults(events, {"USA", "IRN"}) if e.status == "planned"]
    assert planned, "no planned USA-IRN talks"
    in_geneva = [e for e in planned if e.location and e.location.country == "CHE" and "Geneva" in e.location.text]
    assert in_geneva, [e.location for e in planned]
    assert any(e.mediator and e.mediator.country == "OMN" for e in planned)
    assert any(e.date and e.date.start and e.date.start <= "2026-02-17" <= (e.date.end or e.date.start) for e in in_geneva)


def test_delegations_carry_country_and_sector(events: list[Event]) -> None:
    actors = [a for e in consults(events, {"USA", "IRN"}) for a in e.participants]
    assert {(a.country, a.sector) for a in actors} >= {("USA", "GOV"), ("IRN", "GOV")}


def test_first_round_occurred_on_6_february(events: list[Event]) -> None:
    held = [e for e in consults(events, {"USA", "IRN"}) if e.status == "occurred" and e.date and e.date.start == "2026-02-06"]
    assert held, [(e.status, e.date, e.evidence[0].sentence) for e in consults(events, {"USA", "IRN"})]


def test_parallel_trilateral_talks_are_a_separate_event(events: list[Event]) -> None:
    trilateral = [e for e in events if e.event_type == "CONSULT" and {"RUS", "UKR"} <= countries(e)]
    assert trilateral
    assert all("IRN" not in countries(e) for e in trilateral)


def test_message_through_omani_intermediaries(events: list[Event]) -> None:
    messages = [e for e in events if e.event_type == "CONSULT" and e.mediator and e.mediator.role == "intermediary"]
    assert any(e.mediator.country == "OMN" for e in messages if e.mediator)


@pytest.mark.parametrize("event_type", ["SANCTION", "MOBILIZE", "ASSAULT", "PROTEST", "REQUEST", "ACCUSE", "THREATEN"])
def test_background_events_have_the_right_types(events: list[Event], event_type: str) -> None:
    assert any(e.event_type == event_type for e in events)


def test_sanctions_are_usa_against_iran(events: list[Event]) -> None:
    sanctions = [e for e in events if e.event_type == "SANCTION"]
    assert any(e.source and e.source.country == "USA" and e.target and e.target.country == "IRN" for e in sanctions)


def test_no_event_comes_from_page_furniture(events: list[Event]) -> None:
    for event in events:
        for evidence in event.evidence:
            for teaser in FURNITURE:
                assert teaser.lower() not in evidence.sentence.lower(), (teaser, event.event_type)


def test_no_date_comes_from_an_empty_slot(events: list[Event]) -> None:
    for event in events:
        if "take place on ," in event.evidence[0].sentence or "[date missing]" in event.evidence[0].sentence:
            assert event.date is None or event.date.start is None or event.date.precision is None


def test_rerunning_the_week_changes_nothing(tmp_path: Path) -> None:
    opts = Options(ingest=IngestOptions(ingested="2026-02-15"))
    with open_store(tmp_path / "w.db") as store:
        list(iter_documents(sample_documents(opts), store, opts))
        before = store.counts(), [e.to_dict() for e in store.events()]
        again = list(iter_documents(sample_documents(opts), store, opts))
        assert {r.outcome for r in again} == {"duplicate"}
        assert (store.counts(), [e.to_dict() for e in store.events()]) == before


def test_summary_names_who_acts_on_whom(events: list[Event]) -> None:
    # an unnamed requester is "?", never the target standing alone as if it had asked; a call to
    # "both governments" names the two parties it is addressed to
    summary = summarise(events, articles=10, rejected=0)
    others = [line for line in summary.splitlines() if line.startswith("- ")]
    unnamed = [e.target.name for e in events if e.source is None and e.target is not None]
    assert unnamed and all(f"? -> {name}" in summary for name in unnamed)
    call = next(line for line in others if line.startswith("- REQUEST 020") and "(OMN GOV) ->" in line)
    assert "United States (USA GOV)" in call and "Iran (IRN GOV)" in call
