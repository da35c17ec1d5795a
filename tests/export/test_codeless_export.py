"""An event with no CAMEO code (a resignation, PLOVER RETREAT/resign) in the exports: PLOVER takes
it, quad from its type and scale from its mode; the CAMEO export skips it; a planned withdrawal is
exported to PLOVER as the promise it is (CONCEDE, decisions 1 and 16), an announced resignation as
the office holder's own decision (RETREAT/resign, planned, decision 18)."""

from __future__ import annotations

import json

from dragoman.export import export_text, flat_record, plover_records
from dragoman.export.codes import dyads
from dragoman.model import Actor, DateValue, Event, Evidence, Source

SENTENCE = "Chile's labour minister Rosa Fuentes resigned on Thursday after the pension vote failed."
MINISTER = Actor(text="Rosa Fuentes", name="Rosa Fuentes", country="CHL", sector="GOV", role="source")


def act(status: str, *, cameo: str | None = None, mode: str | None = "resign") -> Event:
    return Event(
        id=f"e_{status}_{cameo}", event_type="RETREAT", cameo=cameo, status=status, mode=mode,
        source=MINISTER, participants=(MINISTER,),
        date=DateValue(start="2026-02-12", end="2026-02-12", precision="day"),
        sources=(Source(doc_id="d7", outlet="Example Wire", url="https://news.example/a/707"),),
        evidence=(Evidence(doc_id="d7", sentence=SENTENCE, start=0, end=len(SENTENCE)),),
    )  # fmt: skip


def test_a_resignation_is_a_plover_record_with_its_mode_and_scale() -> None:
    (record,) = plover_records([act("occurred")])
    assert (record["event"], record["mode"], record["quad"], record["scale"]) == ("RETREAT", "resign", 2, 4.5)
    assert record["cameo"] is None
    assert record["actor"] == [{"name": "Rosa Fuentes", "country": "CHL", "sector": "GOV"}]
    assert record["recipient"] == []


def test_the_cameo_export_skips_an_event_with_no_code() -> None:
    assert dyads(act("occurred")) == []
    tsv = export_text([act("occurred"), act("occurred", cameo="0874", mode="withdraw")], "cameo-tsv")
    rows = tsv.splitlines()[1:]
    assert len(rows) == 1 and "\t0874\t08\t" in rows[0]


def test_csv_and_json_keep_the_event_with_an_empty_code() -> None:
    assert flat_record(act("occurred"))["cameo"] is None
    line = json.loads(export_text([act("occurred")], "plover-json"))
    assert line["cameo"] is None and line["event"] == "RETREAT"


def test_a_planned_withdrawal_is_exported_as_the_promise() -> None:
    (record,) = plover_records([act("planned", cameo="0874", mode="withdraw")])
    # CONCEDE has no modes: the PLOVER line takes the type's own scale
    assert (record["event"], record["mode"], record["quad"]) == ("CONCEDE", None, 1)
    assert record["status"] == "planned"


def test_an_announced_resignation_is_the_office_holders_own_decision() -> None:
    # conceded to no one: it stays RETREAT/resign, planned (decision 18), as an announced cut
    # stays SANCTION, so the later "resigned" report is the same act
    (record,) = plover_records([act("planned")])
    assert (record["event"], record["mode"], record["quad"], record["scale"]) == ("RETREAT", "resign", 2, 4.5)
    assert record["status"] == "planned"
