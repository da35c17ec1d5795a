"""Exports: PLOVER JSON lines, CAMEO TSV dyads, CSV and Parquet, following the ontology's export rules."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dragoman.errors import ConfigError
from dragoman.export import FLAT_COLUMNS, export, export_text
from dragoman.model import Actor, DateValue, Event, Evidence, Place, Source

USA = Actor(text="US", name="United States", country="USA", sector="GOV", role="party")
IRN = Actor(text="Iranian", name="Iran", country="IRN", sector="GOV", role="party")
OMN = Actor(text="Oman", name="Oman", country="OMN", sector="GOV", role="mediator")
SENTENCE = "US and Iranian delegations will meet in Geneva next week, with Oman mediating."
SOURCE = (Source(doc_id="d1", outlet="Example Wire", url="https://news.example/a/101"),)
EVIDENCE = (Evidence(doc_id="d1", sentence=SENTENCE, start=0, end=len(SENTENCE)),)


def talks(status: str) -> Event:
    return Event(
        id=f"e_{status}", event_type="CONSULT", cameo="046", status=status, mode="third-party",
        context=("diplomatic",), participants=(USA, IRN), mediator=OMN,
        location=Place(text="Geneva", name="Geneva", country="CHE", lat=46.2, lon=6.15),
        date=DateValue(start="2026-02-16", end="2026-02-22", precision="week"),
        sources=SOURCE, evidence=EVIDENCE, confidence=0.85,
    )  # fmt: skip


SANCTION = Event(
    id="e_sanction", event_type="SANCTION", cameo="163", status="occurred", mode="discontinue",
    source=USA.with_role("source"), target=IRN.with_role("target"),
    participants=(USA.with_role("source"), IRN.with_role("target")),
    date=DateValue(start=None, end="2026-02-14", precision=None), sources=SOURCE, evidence=EVIDENCE,
)  # fmt: skip


def test_plover_json_codes_planned_talks_as_agree_and_drops_denied_ones() -> None:
    lines = export_text([talks("planned"), talks("denied"), SANCTION], "plover-json").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["event"] for r in records] == ["AGREE", "SANCTION"]
    agree, sanction = records
    assert [a["country"] for a in agree["actor"]] == ["USA", "IRN"]
    assert agree["mediator"]["country"] == "OMN" and agree["quad"] == 1
    assert sanction["recipient"] == [{"name": "Iran", "country": "IRN", "sector": "GOV"}]
    assert sanction["quad"] == 4 and sanction["scale"] < 0


def test_cameo_tsv_writes_a_dyad_per_ordered_pair_and_the_mediator_rows() -> None:
    rows = list(csv.DictReader(io.StringIO(export_text([talks("occurred"), SANCTION], "cameo-tsv")), delimiter="\t"))
    dyads = {(r["source_code"], r["target_code"], r["cameo"]) for r in rows}
    assert dyads == {
        ("USAGOV", "IRNGOV", "046"),
        ("IRNGOV", "USAGOV", "046"),
        ("OMNGOV", "USAGOV", "045"),
        ("OMNGOV", "IRNGOV", "045"),
        ("USAGOV", "IRNGOV", "163"),
    }
    sanction = next(r for r in rows if r["cameo"] == "163")
    assert float(sanction["goldstein"]) < 0 and sanction["quad_class"] == "4"


def test_cameo_tsv_codes_planned_talks_036_and_planned_mediation_039() -> None:
    rows = list(csv.DictReader(io.StringIO(export_text([talks("planned")], "cameo-tsv")), delimiter="\t"))
    assert sorted({r["cameo"] for r in rows}) == ["036", "039"]


def test_csv_keeps_every_event_with_its_status_and_evidence() -> None:
    rows = list(csv.DictReader(io.StringIO(export_text([talks("denied"), SANCTION], "csv"))))
    assert [r["status"] for r in rows] == ["denied", "occurred"]
    assert rows[0]["participants"] == "USA GOV; IRN GOV" and rows[0]["mediator_country"] == "OMN"
    assert rows[0]["evidence"] == SENTENCE and rows[0]["outlets"] == "Example Wire"
    assert list(rows[0]) == list(FLAT_COLUMNS)


def test_parquet_round_trips_through_pandas(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas", reason="Parquet export needs the [parquet] extra")
    path = tmp_path / "events.parquet"
    assert export([talks("planned"), SANCTION], "parquet", path) == 2
    frame = pd.read_parquet(path)
    assert list(frame["event_type"]) == ["CONSULT", "SANCTION"]
    assert frame.loc[0, "location_country"] == "CHE"


def test_unknown_format_and_parquet_to_a_stream_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="choose one of"):
        export_text([SANCTION], "xml")
    with pytest.raises(ConfigError, match="--output"):
        export([SANCTION], "parquet", io.StringIO())
