"""The quality gate: the shared benchmark against tests/eval_baseline.json, and the comparison logic.

The first test is the CI gate itself. It runs the fast subset named in the baseline through the
library and fails listing every metric that dropped more than the tolerance below its floor. It is
skipped when the benchmark is not there (data made by others, kept outside the repository: set
DRAGOMAN_BENCH). The other tests judge hand-made results, and run the command on a tiny bench.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.errors import ConfigError, DataFileError
from dragoman.eval.baseline import Baseline, GateSet, load_baseline, save_baseline
from dragoman.eval.bench import SetResult, SetSpec
from dragoman.eval.cli import eval_command
from dragoman.eval.gate import (
    GOLD_CHANGED,
    GateReport,
    Measured,
    Measurement,
    SetVerdict,
    gold_digest,
    judge,
    judge_set,
    measure,
    raise_floors,
)

BASELINE = Path(__file__).resolve().parents[1] / "eval_baseline.json"
BENCH = Path(
    os.environ.get("DRAGOMAN_BENCH", Path(__file__).resolve().parents[3] / "shared" / "bench")
)
DIGEST = "sha256:" + "0" * 64


def test_no_metric_dropped_below_its_floor_on_the_shared_bench():
    if not (BENCH / "manifest.json").is_file():
        pytest.skip(f"no shared benchmark at {BENCH}; set DRAGOMAN_BENCH to run the quality gate")
    baseline = load_baseline(BASELINE)
    measurement = measure(BENCH, baseline)
    report = judge(measurement, baseline)
    assert [s.name for s in report.sets] == [s.name for s in baseline.sets]
    if not report.ok:
        pytest.fail(
            f"quality gate: {len(report.regressions)} regressions (tolerance "
            f"{baseline.tolerance}); fix them, or if the gold changed run `dragoman eval --gate "
            "tests/eval_baseline.json --update`:\n" + "\n".join(report.regressions),
            pytrace=False,
        )


def test_every_gated_set_has_a_digest_and_floors_of_three_decimals():
    baseline = load_baseline(BASELINE)
    assert baseline.tolerance == 0.02
    for entry in baseline.sets:
        assert entry.digest and entry.digest.startswith("sha256:"), entry.name
        assert entry.floors, entry.name
        assert all(round(v, 3) == v for v in entry.floors.values()), entry.name


# --- the comparison, on hand-made results -------------------------------------------------------


def measured(metrics: dict[str, float], *, n: int = 100, digest: str = DIGEST) -> Measured:
    result = SetResult(name="s", task="sentence_events", n=n, metrics=metrics)
    return Measured(result=result, digest=digest)


def entry(floors: dict[str, float], ceilings: dict[str, float] | None = None) -> GateSet:
    return GateSet(name="s", n=100, digest=DIGEST, floors=floors, ceilings=ceilings or {})


@pytest.mark.parametrize(
    "now, ok",
    [
        (0.470, False),  # 0.03 below the floor
        (0.480, True),  # exactly the tolerance below
        (0.490, True),  # 0.01 below
        (0.500, True),
        (0.620, True),  # higher
    ],
)
def test_a_floor_fails_only_on_a_drop_beyond_the_tolerance(now, ok):
    verdict = judge_set(measured({"plover_acc": now}), entry({"plover_acc": 0.5}))
    assert verdict.ok is ok
    (check,) = verdict.checks
    assert check.kind == "floor" and check.bound == 0.5 and check.now == now
    assert (
        check.verdict.startswith("DROP -0.030") if not ok else not check.verdict.startswith("DROP")
    )


@pytest.mark.parametrize(
    "metric, ceiling, now, ok",
    [
        ("false_event_rate", 0.10, 0.13, False),  # a rate: lower is better, tolerance 0.02
        ("false_event_rate", 0.10, 0.11, True),
        ("false_event_rate", 0.10, 0.02, True),
        ("negatives_violated", 0, 1, False),  # a count: any rise fails
        ("negatives_violated", 1, 1, True),
        ("negatives_violated", 1, 0, True),
    ],
)
def test_lower_is_better_metrics_have_a_ceiling(metric, ceiling, now, ok):
    verdict = judge_set(measured({metric: now}), entry({}, {metric: ceiling}))
    assert verdict.ok is ok
    assert [c.kind for c in verdict.checks] == ["ceiling"]


def test_changed_gold_fails_the_set_without_comparing_scores():
    verdict = judge_set(measured({"acc": 0.9}, digest="sha256:" + "1" * 64), entry({"acc": 0.5}))
    assert not verdict.ok
    assert verdict.problem == GOLD_CHANGED and verdict.checks == ()
    assert "gold changed: rerun with --update" in judge_report(verdict).regressions[0]


def test_a_changed_item_count_a_skipped_set_and_a_missing_metric_fail():
    assert (
        "items scored changed"
        in judge_set(measured({"acc": 0.5}, n=60), entry({"acc": 0.5})).problem
    )
    skipped = Measured(
        result=SetResult(name="s", task="x", skipped=True, reason="missing x"), digest=None
    )
    assert judge_set(skipped, entry({"acc": 0.5})).problem == "not scored: missing x"
    verdict = judge_set(measured({"f1": 0.5}), entry({"acc": 0.5, "f1": 0.5}))
    assert not verdict.ok
    assert [(c.metric, c.ok) for c in verdict.checks] == [("f1", True), ("acc", False)]


def test_a_metric_without_a_floor_passes_until_pinned():
    verdict = judge_set(measured({"acc": 0.5, "f1": 0.1}), entry({"acc": 0.5}))
    assert verdict.ok
    assert [c.verdict for c in verdict.checks] == ["ok", "new: no floor yet"]


def judge_report(verdict: SetVerdict) -> GateReport:
    return GateReport(sets=(verdict,), tolerance=0.02)


def measurement_of(*sets: Measured) -> Measurement:
    return Measurement(bench=Path("."), date="2026-11-26", sets=sets)


def test_update_raises_floors_and_never_lowers_one():
    baseline = Baseline(
        sets=(
            entry(
                {"acc": 0.5, "f1": 0.4, "recall": 0.3},
                {"false_event_rate": 0.2, "negatives_violated": 1},
            ),
        )
    )
    now = measured(
        {"acc": 0.6789, "f1": 0.39, "recall": 0.1, "false_event_rate": 0.25,
         "negatives_violated": 0, "precision": 0.71}
    )  # fmt: skip
    new, changes = raise_floors(baseline, measurement_of(now))
    (pinned,) = new.sets
    assert pinned.floors == {"acc": 0.678, "f1": 0.4, "recall": 0.3, "precision": 0.71}
    assert pinned.ceilings == {"false_event_rate": 0.2, "negatives_violated": 0}
    for old in baseline.sets:
        assert all(pinned.floors[m] >= v for m, v in old.floors.items())
        assert all(pinned.ceilings[m] <= v for m, v in old.ceilings.items())
    assert "s acc: floor raised 0.500 -> 0.678" in changes
    assert "s precision: new floor 0.710" in changes
    assert not any("LOWERED" in c or "RAISED" in c for c in changes)
    assert "s negatives_violated: ceiling tightened 1 -> 0" in changes
    # recall dropped 0.2 and the false event rate rose 0.05: still regressions after the update.
    (verdict,) = judge(measurement_of(now), new).sets
    assert [c.metric for c in verdict.checks if not c.ok] == ["recall", "false_event_rate"]


def test_update_pins_a_new_set_rounding_to_the_safe_side():
    fresh = Baseline(sets=(GateSet(name="s", limit=60),))
    new, changes = raise_floors(
        fresh, measurement_of(measured({"acc": 0.36479, "false_event_rate": 0.1231}))
    )
    (pinned,) = new.sets
    assert pinned == GateSet(
        name="s",
        limit=60,
        n=100,
        digest=DIGEST,
        floors={"acc": 0.364},
        ceilings={"false_event_rate": 0.124},
    )
    assert changes == ["s: pinned (floors 1, ceilings 1)"]


def test_update_repins_a_set_whose_gold_changed_and_says_what_went_down():
    baseline = Baseline(sets=(entry({"acc": 0.5}),))
    now = measured({"acc": 0.4}, digest="sha256:" + "1" * 64)
    assert not judge(measurement_of(now), baseline).ok
    new, changes = raise_floors(baseline, measurement_of(now))
    assert new.sets[0].floors == {"acc": 0.4} and new.sets[0].digest == "sha256:" + "1" * 64
    assert changes == [
        "s: re-pinned to the new scores (gold changed)",
        "s acc: floor LOWERED 0.500 -> 0.400",
    ]
    assert judge(measurement_of(now), new).ok


def test_update_keeps_a_set_that_was_not_scored():
    baseline = Baseline(sets=(entry({"acc": 0.5}),))
    skipped = Measured(
        result=SetResult(name="s", task="x", skipped=True, reason="failed"), digest=None
    )
    new, changes = raise_floors(baseline, measurement_of(skipped))
    assert new == baseline and changes == ["s: kept, not scored (failed)"]


# --- the file, the digest and the command, on a tiny bench -------------------------------------


def test_baseline_round_trips_and_bad_files_name_the_fix(tmp_path: Path):
    path = tmp_path / "baseline.json"
    baseline = Baseline(
        sets=(entry({"acc": 0.5}, {"negatives_violated": 0}), GateSet(name="t", limit=40))
    )
    save_baseline(baseline, path)
    assert load_baseline(path) == baseline
    with pytest.raises(ConfigError, match="--update"):
        load_baseline(tmp_path / "absent.json")
    path.write_text('{"sets": [{"name": "s", "floors": {"acc": "high"}}]}', encoding="utf-8")
    with pytest.raises(DataFileError, match="set s: floors must map metrics to numbers"):
        load_baseline(path)
    path.write_text('{"sets": [{"name": "s", "limit": 0}]}', encoding="utf-8")
    with pytest.raises(DataFileError, match="limit must be a positive integer"):
        load_baseline(path)


def test_the_digest_covers_the_gold_file_and_the_folders_a_task_reads(tmp_path: Path):
    (tmp_path / "html").mkdir()
    (tmp_path / "gold.jsonl").write_text('{"id": "p1"}\n', encoding="utf-8")
    (tmp_path / "html" / "p1.html").write_text("<p>one</p>", encoding="utf-8")
    spec = SetSpec(name="x", task="extraction", bench=tmp_path, path=tmp_path / "gold.jsonl",
                   options={"html_dir": "html"})  # fmt: skip
    first = gold_digest(spec, extra_keys=("html_dir",))
    assert first == gold_digest(spec, extra_keys=("html_dir",))
    assert first != gold_digest(spec)
    (tmp_path / "html" / "p1.html").write_text("<p>two</p>", encoding="utf-8")
    assert gold_digest(spec, extra_keys=("html_dir",)) != first
    assert gold_digest(replace(spec, path=tmp_path / "gone.jsonl")) is None


QUIZ = [
    {"id": "q/1", "question_type": "capital_country", "input": {"city": "Tehran"}, "answer": "IRN"},
    {"id": "q/2", "question_type": "demonym_country", "input": {"demonym": "Omani"}, "answer": "OMN"},
]  # fmt: skip


@pytest.fixture
def tiny_bench(tmp_path: Path) -> Path:
    root = tmp_path / "bench"
    root.mkdir()
    (root / "quiz.jsonl").write_text("".join(json.dumps(q) + "\n" for q in QUIZ), encoding="utf-8")
    sets = [{"name": "mini_quiz", "path": "quiz.jsonl", "task": "gazetteer_quiz"}]
    (root / "manifest.json").write_text(json.dumps({"version": 1, "sets": sets}), encoding="utf-8")
    return root


def gate(bench: Path, baseline: Path, *args: str):
    return CliRunner().invoke(eval_command, ["--bench", str(bench), "--gate", str(baseline), *args])


def test_the_command_pins_checks_and_refuses_to_lower(tiny_bench: Path, tmp_path: Path):
    path = tmp_path / "eval_baseline.json"
    result = gate(tiny_bench, path, "--update")  # no file yet: every set of the manifest, whole
    assert result.exit_code == 0, result.output
    assert "mini_quiz: pinned (floors 1, ceilings 0)" in result.output
    assert load_baseline(path).sets[0].floors == {"acc": 1.0}

    result = gate(tiny_bench, path)
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split()
    assert header == ["set", "metric", "floor", "now", "verdict"]
    assert "quality gate passed" in result.output

    data = json.loads(path.read_text(encoding="utf-8"))
    data["sets"][0]["floors"]["acc"] = 1.5  # a floor no score can reach: a drop of 0.5
    path.write_text(json.dumps(data), encoding="utf-8")
    result = gate(tiny_bench, path, "--update")
    assert result.exit_code == 1
    assert "no floor rose" in result.output
    assert "mini_quiz acc 1.000, floor 1.500: DROP -0.500" in result.output
    assert load_baseline(path).sets[0].floors == {"acc": 1.5}  # --update did not lower it

    (tiny_bench / "quiz.jsonl").write_text(json.dumps(QUIZ[0]) + "\n", encoding="utf-8")
    result = gate(tiny_bench, path)
    assert result.exit_code == 1 and "mini_quiz: gold changed: rerun with --update" in result.output
    result = gate(tiny_bench, path, "--update")
    assert result.exit_code == 0, result.output
    assert "mini_quiz acc: floor LOWERED 1.500 -> 1.000" in result.output


def test_a_gated_set_the_bench_lacks_fails_and_only_must_name_gated_sets(tiny_bench: Path):
    baseline = Baseline(sets=(GateSet(name="mini_quiz"), GateSet(name="gone", floors={"acc": 0.5})))
    report = judge(measure(tiny_bench, baseline), baseline)
    assert [(s.name, s.ok) for s in report.sets] == [("mini_quiz", True), ("gone", False)]
    assert report.regressions == [f"gone: not scored: not in {tiny_bench / 'manifest.json'}"]
    with pytest.raises(ConfigError, match="gated sets: gone, mini_quiz"):
        measure(tiny_bench, baseline, only=["timex"])


def test_the_gate_is_skipped_without_a_bench_and_rejects_a_limit(tmp_path: Path):
    result = gate(tmp_path / "no-bench", tmp_path / "b.json")
    assert result.exit_code == 0 and "quality gate skipped" in result.output
    result = gate(tmp_path / "no-bench", tmp_path / "b.json", "--limit", "5")
    assert result.exit_code == 2 and "--limit" in result.output
    result = CliRunner().invoke(eval_command, ["--update"])
    assert result.exit_code == 2 and "--gate" in result.output
