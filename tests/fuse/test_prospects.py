"""Hypothetical acts (prospects) and undated pages in fusion and tracks, on records of ours."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dragoman import open_store, run
from dragoman.fuse import Report, same_event
from dragoman.model import Actor, DateValue
from tests.conftest import StoreFactory
from tests.fuse.reports import told
from tests.fuse.stories import write_jsonl

ARM = Actor(text="Armenia", name="Armenia", country="ARM", sector="GOV", role="party")
AZE = Actor(text="Azerbaijan", name="Azerbaijan", country="AZE", sector="GOV", role="party")


def prospect(sentence: str, trigger: str, *, doc: str, date: DateValue | None = None) -> Report:
    return told(
        sentence,
        doc=doc,
        published=None,
        event_type="AGREE",
        cameo="057",
        status="hypothetical",
        participants=(ARM, AZE),
        date=date,
        trigger=trigger,
    )


LEADERS = prospect(
    "If the Washington round goes well, the two leaders could sign the treaty at a summit later "
    "this year, the diplomat said.",
    "sign the treaty",
    doc="a",
    date=DateValue(start="2026-01-01", end="2026-12-31", precision="year"),
)


def test_two_prospects_of_signing_the_treaty_are_one() -> None:
    analysts = prospect(
        "Some analysts believe a comprehensive peace treaty could be signed within months.",
        "treaty could be signed",
        doc="b",
    )
    verdict = same_event(LEADERS, analysts)
    assert verdict.same, verdict.why


def test_prospects_of_different_acts_stay_apart() -> None:
    transit = prospect(
        "Officials said the two governments could sign a transit deal within months.",
        "sign a transit deal",
        doc="c",
    )
    assert not same_event(LEADERS, transit).same


def test_a_prospect_and_an_act_that_happened_stay_apart() -> None:
    signed = replace(LEADERS.event, status="occurred", id="e_signed")
    assert not same_event(LEADERS, replace(LEADERS, event=signed, article_id="d")).same


def test_a_demand_told_again_is_the_demand_reported_before() -> None:
    def demand(sentence: str, trigger: str, doc: str, date: DateValue, published: str) -> Report:
        return told(
            sentence,
            doc=doc,
            published=published,
            event_type="REQUEST",
            cameo="100",
            status="occurred",
            source=AZE.with_role("source"),
            target=ARM.with_role("target"),
            participants=(AZE.with_role("source"), ARM.with_role("target")),
            date=date,
            trigger=trigger,
        )

    first = demand(
        "On Wednesday, Azerbaijan's foreign ministry again called on Armenia to amend its constitution.",
        "called on",
        "a",
        DateValue(start="2026-03-04", end="2026-03-04", precision="day"),
        "2026-03-06",
    )
    again = demand(
        "Azerbaijan's foreign ministry had renewed that demand last week.",
        "renewed that demand",
        "b",
        DateValue(start="2026-03-02", end="2026-03-08", precision="week"),
        "2026-03-10",
    )
    assert same_event(first, again).same
    a_month_later = replace(
        again,
        event=replace(
            again.event, date=DateValue(start="2026-04-06", end="2026-04-12", precision="week")
        ),
    )
    assert not same_event(first, a_month_later).same


def test_an_undated_page_does_not_open_the_track_history(
    tmp_path: Path, stores: StoreFactory
) -> None:
    dated = {
        "outlet": "Caspian Wire",
        "published": "2026-04-10",
        "title": "Talks set for Abu Dhabi",
        "text": "Armenia and Azerbaijan will hold the second round of peace talks in Abu Dhabi next "
        "Tuesday, with the United States mediating, officials said.",
    }
    held = {
        "outlet": "Caspian Wire",
        "published": "2026-04-15",
        "title": "Second round held",
        "text": "Armenia and Azerbaijan held the second round of peace talks in Abu Dhabi on Tuesday, "
        "with the United States mediating.",
    }
    undated = {
        "outlet": "Steppe Desk",
        "title": "A round in the Emirati capital",
        "text": "Armenia and Azerbaijan held the second round of their US-mediated peace talks in the "
        "Emirati capital, officials said.",
    }
    db = stores.new("undated")
    report = run([write_jsonl(tmp_path, "pages.jsonl", [undated, dated, held])], db=db)
    assert not report.rejected, report.rejected
    with open_store(db) as store:
        (track,) = store.tracks()
        rounds = [o for o in store.occurrences() if o.event.round == 2]
    history = [(h["reported"], h["status"]) for h in track["status_history"]]
    assert history == [("2026-04-10", "planned"), ("2026-04-15", "ongoing")]
    assert len(rounds) == 1 and len(rounds[0].event.sources) == 3
