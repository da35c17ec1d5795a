"""The command line as a user runs it: real processes, a real SQLite file, the bundled demo week."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PAGE = """<!DOCTYPE html><html><head><title>Envoys to meet in Geneva</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoys to meet in Geneva</h1>
<p>US and Iranian delegations will meet in Geneva next week for a second round of talks, with Oman mediating, officials said on Friday.</p>
<p>The first round was held on February 6 in Muscat, the Omani capital, and both sides described it as constructive.</p>
</article><footer>© 2026 Example Wire. All rights reserved.</footer></body></html>"""


def dragoman(*args: str, cwd: Path, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    src = str(Path(__file__).resolve().parents[2] / "src")  # this checkout, whatever is installed
    env = {**os.environ, "DRAGOMAN_DB": str(cwd / "default.db"), "PYTHONPATH": src}
    proc = subprocess.run(
        [sys.executable, "-m", "dragoman.cli", *args], check=False, cwd=cwd, input=stdin.decode() if stdin else None,
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    if check and proc.returncode != 0:
        raise AssertionError(f"dragoman {' '.join(args)} exited {proc.returncode}:\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    proc = dragoman("demo", "--db", "week.db", cwd=folder)
    assert "events" in proc.stdout and "Talks, meetings and messages" in proc.stdout
    return folder / "week.db"


def test_demo_then_events_json_follows_the_record_schema(demo_db: Path) -> None:
    out = dragoman("events", "--db", str(demo_db), "--json", cwd=demo_db.parent).stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) >= 10
    keys = {"event_type", "mode", "context", "cameo", "source", "target", "participants", "mediator", "location",
            "date", "status", "track", "round", "topics", "sources", "evidence", "confidence"}  # fmt: skip
    for record in records:
        assert keys <= set(record)
        assert record["evidence"] and record["evidence"][0]["sentence"]
        assert record["sources"][0]["doc_id"].startswith("a_")


def test_events_filters_and_show(demo_db: Path) -> None:
    cwd = demo_db.parent
    out = dragoman("events", "--db", str(demo_db), "--type", "CONSULT", "--json", cwd=cwd).stdout
    consults = [json.loads(line) for line in out.splitlines()]
    assert consults and all(r["event_type"] == "CONSULT" for r in consults)
    shown = dragoman("show", consults[0]["id"][:10], "--db", str(demo_db), cwd=cwd).stdout
    assert consults[0]["id"] in shown and "evidence" in shown and "source:" in shown
    missing = dragoman("show", "e_nothing", "--db", str(demo_db), cwd=cwd, check=False)
    assert missing.returncode != 0 and "no event" in missing.stderr


def test_export_formats(demo_db: Path, tmp_path: Path) -> None:
    cwd = demo_db.parent
    tsv = dragoman("export", "--db", str(demo_db), "--format", "cameo-tsv", cwd=cwd).stdout.splitlines()
    assert tsv[0].startswith("event_id\tdate\tsource_code") and len(tsv) > 1
    plover = dragoman("export", "--db", str(demo_db), "--format", "plover-json", cwd=cwd).stdout.splitlines()
    assert all(json.loads(line)["event"] for line in plover)
    target = tmp_path / "events.parquet"
    dragoman("export", "--db", str(demo_db), "--format", "parquet", "-o", str(target), cwd=cwd)
    assert target.stat().st_size > 0


def test_ingest_from_stdin_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    args = ("ingest", "-", "--db", "w.db", "--published", "2026-02-13", "--outlet", "Example Wire")
    first = dragoman(*args, cwd=tmp_path, stdin=PAGE.encode())
    assert "stored 1 new" in first.stdout
    second = dragoman(*args, cwd=tmp_path, stdin=PAGE.encode())
    assert "stored 0 new" in second.stdout and "1 already stored" in second.stdout
    events = [json.loads(x) for x in dragoman("events", "--db", "w.db", "--json", cwd=tmp_path).stdout.splitlines()]
    assert any(e["event_type"] == "CONSULT" and e["sources"][0]["outlet"] == "Example Wire" for e in events)


def test_bad_inputs_are_rejected_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.html").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "lines.jsonl").write_text('{"text": "x"\n', encoding="utf-8")
    (tmp_path / "good.html").write_text(PAGE, encoding="utf-8")
    proc = dragoman("ingest", str(tmp_path), "--db", "b.db", "--published", "2026-02-13", cwd=tmp_path)
    assert "stored 1 new" in proc.stdout and "3 rejected" in proc.stdout
    assert "empty.txt" in proc.stderr and "junk.html" in proc.stderr and "lines.jsonl:1" in proc.stderr
    listed = dragoman("rejected", "--db", "b.db", "--json", cwd=tmp_path).stdout.splitlines()
    assert {Path(json.loads(x)["origin"].split(":")[0]).name for x in listed} == {"empty.txt", "junk.html", "lines.jsonl"}


def test_nothing_ingested_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = dragoman("ingest", str(tmp_path / "empty.txt"), "--db", "c.db", cwd=tmp_path, check=False)
    assert proc.returncode == 1 and "1 rejected" in proc.stdout


def test_bad_date_option_is_a_usage_error(tmp_path: Path) -> None:
    proc = dragoman("ingest", "x.html", "--published", "14/02/2026", cwd=tmp_path, check=False)
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr


def test_help_does_not_import_spacy(tmp_path: Path) -> None:
    code = "import sys, dragoman.cli; sys.argv=['dragoman','--help']\ntry:\n dragoman.cli.main()\nexcept SystemExit: pass\nprint('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=tmp_path).stdout
    assert out.strip().endswith("False")


def test_reading_a_database_that_does_not_exist_says_so(tmp_path: Path) -> None:
    proc = dragoman("events", "--db", "missing.db", cwd=tmp_path, check=False)
    assert proc.returncode == 1 and "no database at missing.db" in proc.stderr
    assert not (tmp_path / "missing.db").exists()


def test_event_table_shows_whom_a_call_to_both_sides_addresses(demo_db: Path) -> None:
    # the demo's "urged both governments to show flexibility": one REQUEST from Oman to the two
    # parties, with no single target; the table names both addressees
    out = dragoman("events", "--db", str(demo_db), "--type", "REQUEST", cwd=demo_db.parent).stdout
    line = next(row for row in out.splitlines() if "OMN GOV ->" in row)
    assert "USA GOV" in line and "IRN GOV" in line
