"""`dragoman eval --limit 5` over every set of the shared benchmark (../shared/bench).

Skipped when the benchmark is not there: it is data made by others, kept outside the repository.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.eval.cli import eval_command

BENCH = Path(
    os.environ.get("DRAGOMAN_BENCH", Path(__file__).resolve().parents[3] / "shared" / "bench")
)
COUNTS = {"negatives_violated"}

pytestmark = pytest.mark.skipif(
    not (BENCH / "manifest.json").is_file(),
    reason=f"no shared benchmark at {BENCH}; set DRAGOMAN_BENCH to run this test",
)


def test_quick_run_over_every_set_gives_numbers_in_range(tmp_path: Path):
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        eval_command, ["--bench", str(BENCH), "--limit", "5", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    manifest = json.loads((BENCH / "manifest.json").read_text(encoding="utf-8"))
    assert [s["name"] for s in report["sets"]] == [s["name"] for s in manifest["sets"]]
    for s in report["sets"]:
        assert not s["skipped"], f"{s['name']}: {s.get('reason')}"
        assert 1 <= s["n"] <= 5
        assert s["metrics"], s["name"]
        for name, value in s["metrics"].items():
            if name in COUNTS:
                assert isinstance(value, int) and value >= 0, (s["name"], name, value)
            else:
                assert isinstance(value, float | int) and 0.0 <= value <= 1.0, (
                    s["name"],
                    name,
                    value,
                )
