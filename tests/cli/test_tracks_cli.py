"""`dragoman tracks`, `track`, `brief` and fused `events` on the demo week, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import dragoman


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("week")
    out = dragoman("demo", "--db", "week.db", cwd=folder).stdout
    assert "Negotiation tracks:" in out and "dragoman brief" in out
    return folder / "week.db"


def tracks(week: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    lines = dragoman("tracks", "--db", str(week), "--json", cwd=week.parent).stdout.splitlines()
    return {t["id"]: t for t in map(json.loads, lines)}


def test_parallel_talks_in_geneva_on_the_same_day_are_two_tracks(week: Path) -> None:
    found = tracks(week)
    assert {tuple(t["parties"]) for t in found.values()} >= {("IRN", "USA"), ("RUS", "UKR", "USA")}
    geneva_days = {(t["id"], r["date"]) for t in found.values() for r in t["rounds"] if r["city"] == "Geneva"}
    for t in found.values():  # the trilateral "new round" has no number yet: one of its other meetings
        for i in t["other_meetings"]:
            shown = json.loads(dragoman("show", i, "--db", str(week), "--json", cwd=week.parent).stdout)
            if (shown["location"] or {}).get("text") == "Geneva":
                geneva_days.add((t["id"], shown["date"]["start"]))
    assert {d for _, d in geneva_days} == {"2026-02-17"} and len({i for i, _ in geneva_days}) == 2


def test_the_iran_track_has_round_one_held_in_oman_and_round_two_planned_in_geneva(week: Path) -> None:
    iran = next(t for t in tracks(week).values() if t["parties"] == ["IRN", "USA"])
    assert iran["mediator"] == "OMN"
    assert [(r["round"], r["status"], r["date"], r["country"]) for r in iran["rounds"]] == [
        (1, "occurred", "2026-02-06", "OMN"),
        (2, "planned", "2026-02-17", "CHE"),
    ]
    assert iran["status"] == "ongoing"
    delegations = {(d["side"], d["name"]) for d in iran["rounds"][1]["delegations"]}
    assert {("IRN", "Abbas Araghchi"), ("USA", "Steve Witkoff"), ("OMN", "Badr Albusaidi")} <= delegations
    shown = dragoman("track", iran["id"], "--db", str(week), cwd=week.parent).stdout
    assert "round 2: planned" in shown and "Geneva" in shown and "message" in shown


def test_a_round_reported_by_several_pages_is_one_event_with_several_sources(week: Path) -> None:
    out = dragoman("events", "--db", str(week), "--type", "CONSULT", "--json", cwd=week.parent).stdout
    fused = [json.loads(x) for x in out.splitlines()]
    geneva = [e for e in fused if e["round"] == 2 and e["location"] and e["location"]["text"] == "Geneva"]
    assert len(geneva) == 1
    assert len({s["outlet"] for s in geneva[0]["sources"]}) >= 3
    assert geneva[0]["independent_sources"] >= 3
    per_article = dragoman("events", "--db", str(week), "--type", "CONSULT", "--reports", "--json", cwd=week.parent)
    assert len(per_article.stdout.splitlines()) > len(fused)
    shown = dragoman("show", geneva[0]["id"], "--db", str(week), cwd=week.parent).stdout
    assert "independent sources" in shown and "status planned per" in shown


def test_the_brief_cites_a_source_on_every_line(week: Path) -> None:
    md = dragoman("brief", "irn-usa", "--db", str(week), cwd=week.parent).stdout
    assert md.startswith("# What to expect: Iran")
    assert "## Next round" in md and "Round 2: planned, 2026-02-17, in Geneva" in md
    claims = [line for line in md.splitlines() if line.startswith("- ") and line != "- Nothing reported."]
    assert claims and all(line.endswith("]") for line in claims), [c for c in claims if not c.endswith("]")]
    brief = json.loads(dragoman("brief", "irn-usa", "--db", str(week), "--format", "json", cwd=week.parent).stdout)
    assert brief["next_round"]["round"] == 2 and brief["earlier_rounds"][0]["round"] == 1
    assert any("sanction" in b["text"] for b in brief["background"])
    leads = " ".join(d["text"] for d in brief["delegations"])
    assert "Iran: Abbas Araghchi" in leads and "mediator: Badr Albusaidi" in leads


def test_an_unknown_track_is_a_clear_error(week: Path) -> None:
    proc = dragoman("brief", "nowhere-2026", "--db", str(week), cwd=week.parent, check=False)
    assert proc.returncode != 0 and "dragoman tracks" in proc.stderr
