"""The manifest runner and `dragoman eval` on a tiny benchmark directory written here.

Every task runs on a few items of our own; a set with an unknown task and sets with missing
files are listed as skipped, and the JSON report has the shape bench/README.md gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.errors import ConfigError
from dragoman.eval.bench import load_manifest, run_bench
from dragoman.eval.cli import eval_command

README_METRICS = {
    "sentence_events": {
        "plover_acc", "plover_macro_f1", "cameo_root_acc", "cameo_acc", "triple_f1",
        "triple_precision", "triple_recall", "plover_triple_f1", "actor_country_acc",
        "actor_sector_acc", "false_event_rate",
    },
    "sentence_class": {"acc", "macro_f1", "false_event_rate"},
    "actor_phrases": {"country_acc", "sector_acc", "exact_acc"},
    "extraction": {"precision", "recall", "f1", "politics_f1"},
    "event_location": {"exact_acc", "overlap_acc", "country_acc"},
    "timex": {"value_acc", "recall"},
    "doc_clusters": {"b3_precision", "b3_recall", "b3_f1", "pairwise_f1"},
    "diplomacy_articles": {
        "event_precision", "event_recall", "event_f1", "status_acc", "fusion_acc", "round_acc",
        "venue_acc", "track_acc", "negatives_violated",
    },
    "gazetteer_quiz": {"acc"},
}  # fmt: skip
COUNTS = {"negatives_violated"}


def event(cameo: str, plover: str, source: str, target: str | None) -> dict:
    def actor(code: str | None) -> dict | None:
        return {"text": None, "code": code, "country": code, "sector": None} if code else None

    return {"cameo": cameo, "plover": plover, "plover_derived": True,
            "source": actor(source), "target": actor(target)}  # fmt: skip


EVENTS = [
    {"id": "mini/1", "text": "Iranian and Omani officials held talks in Muscat on Tuesday.",
     "date": "2026-02-14", "no_event": False,
     "events": [event("046", "CONSULT", "IRN", "OMN"), event("046", "CONSULT", "OMN", "IRN")]},
    {"id": "mini/2", "text": "Azerbaijan accused Armenia of shelling a border village on Monday.",
     "date": "2026-02-14", "no_event": False, "events": [event("112", "ACCUSE", "AZE", "ARM")]},
    {"id": "mini/3", "text": "The weather in Geneva was mild and sunny on Sunday.", "date": None,
     "no_event": True, "events": []},
]  # fmt: skip
CLASSES = [
    {"id": "cls/1", "text": "Iranian and Omani officials held talks in Muscat on Tuesday.",
     "label": {"penta": 1, "quad": 1}},
    {"id": "cls/2", "text": "Azerbaijan accused Armenia of shelling a border village on Monday.",
     "label": {"penta": 3, "quad": 3}},
]  # fmt: skip
PHRASES = [
    {"id": "p/1", "text": "Omani mediators", "context": None, "country": "OMN", "sector": "GOV",
     "expect_none": False},
    {"id": "p/2", "text": "Muscat", "context": "Muscat welcomed the proposal on Friday.",
     "country": "OMN", "sector": "GOV", "expect_none": False},
    {"id": "p/3", "text": "the weather", "context": None, "country": "", "sector": "",
     "expect_none": True},
]  # fmt: skip
QUIZ = [
    {"id": "q/1", "question_type": "capital_country", "input": {"city": "Tehran"}, "answer": "IRN"},
    {"id": "q/2", "question_type": "demonym_country", "input": {"demonym": "Omani"}, "answer": "OMN"},
]  # fmt: skip
DOCS = [
    {"id": "d1", "doc_event": "e1", "text": "Envoys met in Geneva."},
    {"id": "d2", "doc_event": "e1", "text": "Geneva talks held."},
    {"id": "d3", "doc_event": "e2", "text": "A summit in Muscat."},
]


def span(text: str, part: str) -> dict:
    start = text.index(part)
    return {"text": part, "start": start, "end": start + len(part)}


_T = "Envoys will meet next Tuesday. The last round was held on 6 February."
TIMEX = [
    {"id": "t/1", "dct": "2026-02-14", "text": _T,
     "gold_timex": [{**span(_T, "next Tuesday"), "type": "DATE", "value": "2026-02-17"},
                    {**span(_T, "6 February"), "type": "DATE", "value": "2026-02-06"}]},
]  # fmt: skip
_L1 = "Gunmen attacked a police post in Kandahar on Sunday."
_L2 = "Officials said two soldiers were wounded."
LOCATIONS = [
    {"id": "l/1", "text": _L1, "trigger": "attacked", "trigger_start": _L1.index("attacked"),
     "trigger_end": _L1.index("attacked") + 8, "locations": [span(_L1, "Kandahar")]},
    {"id": "l/2", "text": _L2, "trigger": "wounded", "trigger_start": _L2.index("wounded"),
     "trigger_end": _L2.index("wounded") + 7, "locations": []},
]  # fmt: skip
PAGE = """<!DOCTYPE html><html><head><title>Envoys meet in Geneva</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoys meet in Geneva</h1>
<p>Delegations from Armenia and Azerbaijan met in Geneva on Tuesday for a first round of talks on a
peace treaty, officials from both sides said after the meeting ended in the evening.</p>
<p>The second round is expected in Abu Dhabi next month, according to a diplomat briefed on the
talks, who asked not to be named because the date has not been announced.</p>
</article><footer>© 2026 Example Wire. All rights reserved.</footer></body></html>"""
BODY = (
    "Delegations from Armenia and Azerbaijan met in Geneva on Tuesday for a first round of talks on "
    "a peace treaty, officials from both sides said after the meeting ended in the evening.\n"
    "The second round is expected in Abu Dhabi next month, according to a diplomat briefed on the "
    "talks, who asked not to be named because the date has not been announced."
)
DIPLOMACY = {
    "documents": [{"file": "01_wire.txt", "outlet": "Example Wire", "published": "2026-03-06"}],
    "events": [
        {"id": "round1", "event_type": "CONSULT", "status": "occurred", "participants": ["ARM", "AZE"],
         "mediator": None, "location_country": "CHE", "location_city": "Geneva",
         "date": "2026-03-03", "date_precision": "day", "track": None, "round": 1,
         "reported_in": ["01_wire.txt"], "attributed_to": [],
         "evidence": {"01_wire.txt": "met in Geneva on Tuesday for a first round of talks"}},
    ],
    "tracks": [],
    "negatives": [{"file": "01_wire.txt", "sentence": "The weather in Geneva was mild.", "why": "weather"}],
}  # fmt: skip
WIRE = (
    "GENEVA, 6 March 2026 - Delegations from Armenia and Azerbaijan met in Geneva on Tuesday for a "
    "first round of talks on a peace treaty, officials from both sides said.\n\n"
    "The weather in Geneva was mild.\n"
)


def write_jsonl(path: Path, rows: list[dict]) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path.name


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench")
    write_jsonl(root / "events.jsonl", EVENTS)
    write_jsonl(root / "classes.jsonl", CLASSES)
    write_jsonl(root / "phrases.jsonl", PHRASES)
    write_jsonl(root / "quiz.jsonl", QUIZ)
    write_jsonl(root / "docs.jsonl", DOCS)
    write_jsonl(root / "timex.jsonl", TIMEX)
    write_jsonl(root / "locations.jsonl", LOCATIONS)
    write_jsonl(root / "pages" / "gold.jsonl",
                [{"id": "p1", "url": "https://example.org/a", "articleBody": BODY, "topic": "diplomacy_conflict"}])  # fmt: skip
    (root / "pages" / "html").mkdir()
    (root / "pages" / "html" / "p1.html").write_text(PAGE, encoding="utf-8")
    (root / "dip").mkdir()
    (root / "dip" / "gold.json").write_text(json.dumps(DIPLOMACY), encoding="utf-8")
    (root / "dip" / "01_wire.txt").write_text(WIRE, encoding="utf-8")
    sets = [
        {"name": "mini_events", "path": "events.jsonl", "task": "sentence_events"},
        {"name": "mini_penta", "path": "classes.jsonl", "task": "sentence_class", "label_kind": "penta"},
        {"name": "no_kind", "path": "classes.jsonl", "task": "sentence_class"},
        {"name": "mini_phrases", "path": "phrases.jsonl", "task": "actor_phrases"},
        {"name": "mini_quiz", "path": "quiz.jsonl", "task": "gazetteer_quiz"},
        {"name": "mini_docs", "path": "docs.jsonl", "task": "doc_clusters"},
        {"name": "mini_timex", "path": "timex.jsonl", "task": "timex"},
        {"name": "mini_locations", "path": "locations.jsonl", "task": "event_location"},
        {"name": "mini_pages", "path": "pages/gold.jsonl", "task": "extraction", "html_dir": "pages/html"},
        {"name": "pages_without_dir", "path": "pages/gold.jsonl", "task": "extraction"},
        {"name": "mini_diplomacy", "path": "dip/gold.json", "task": "diplomacy_articles", "docs_dir": "dip"},
        {"name": "summaries", "path": "events.jsonl", "task": "summarise"},
        {"name": "lost", "path": "nowhere/gone.jsonl", "task": "timex"},
    ]  # fmt: skip
    (root / "manifest.json").write_text(json.dumps({"version": 1, "sets": sets}), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def report(bench: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("out") / "report.json"
    result = CliRunner().invoke(eval_command, ["--bench", str(bench), "--json", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_report_has_the_readme_shape(report: dict, bench: Path):
    assert set(report) == {"bench", "date", "sets"}
    assert report["bench"] == str(bench)
    for s in report["sets"]:
        keys = {"name", "task", "n", "seconds", "metrics", "skipped"}
        assert set(s) == (keys | {"reason"} if s["skipped"] else keys), s


def test_unknown_tasks_and_missing_files_are_skipped_with_a_reason(report: dict):
    skipped = {s["name"]: s["reason"] for s in report["sets"] if s["skipped"]}
    assert set(skipped) == {"summaries", "lost", "pages_without_dir", "no_kind"}
    assert "unknown task 'summarise'" in skipped["summaries"]
    assert "gone.jsonl" in skipped["lost"]
    assert "html_dir" in skipped["pages_without_dir"]
    assert "label_kind" in skipped["no_kind"]


def test_every_task_reports_its_readme_metrics_in_range(report: dict):
    ran = [s for s in report["sets"] if not s["skipped"]]
    assert {s["task"] for s in ran} == set(README_METRICS)
    for s in ran:
        assert s["n"] > 0 and s["seconds"] >= 0
        assert s["metrics"], s["name"]
        assert set(s["metrics"]) <= README_METRICS[s["task"]], s["name"]
        for name, value in s["metrics"].items():
            if name in COUNTS:
                assert isinstance(value, int) and value >= 0
            else:
                assert 0.0 <= value <= 1.0, (s["name"], name, value)


def test_known_answers_on_the_tiny_sets(report: dict):
    by_name = {s["name"]: s["metrics"] for s in report["sets"]}
    assert by_name["mini_quiz"] == {"acc": 1.0}
    # Three documents, each alone: B³ P 1, R (1/2 + 1/2 + 1)/3, pairwise F1 0.
    # Three- and four-word texts share one word: too little to join them (dedup.EventClusterer).
    assert by_name["mini_docs"]["b3_precision"] == 1.0
    assert by_name["mini_docs"]["b3_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert by_name["mini_docs"]["pairwise_f1"] == 0.0
    assert by_name["mini_phrases"]["exact_acc"] == 1.0
    assert by_name["mini_timex"] == {"value_acc": 1.0, "recall": 1.0}
    assert by_name["mini_events"]["false_event_rate"] == 0.0
    assert by_name["mini_events"]["cameo_root_acc"] == 1.0
    assert by_name["mini_penta"]["acc"] == 1.0
    assert by_name["mini_pages"]["recall"] > 0.9
    assert by_name["mini_diplomacy"]["event_recall"] == 1.0
    assert by_name["mini_diplomacy"]["negatives_violated"] == 0


def test_only_and_limit(bench: Path):
    report = run_bench(bench, only=["mini_events", "mini_quiz"], limit=1)
    assert [s.name for s in report.sets] == ["mini_events", "mini_quiz"]
    assert all(s.n == 1 for s in report.sets)


def test_unknown_set_name_lists_the_known_ones(bench: Path):
    with pytest.raises(ConfigError, match="known sets: .*mini_events"):
        run_bench(bench, only=["nope"])
    result = CliRunner().invoke(eval_command, ["--bench", str(bench), "--only", "nope"])
    assert result.exit_code != 0 and "no set named nope" in result.output


def test_a_directory_without_manifest_names_the_fix(tmp_path: Path):
    with pytest.raises(ConfigError, match="--bench DIR"):
        load_manifest(tmp_path)
    result = CliRunner().invoke(eval_command, ["--bench", str(tmp_path)])
    assert result.exit_code != 0 and "manifest" in result.output


def test_table_lists_every_set(bench: Path):
    result = CliRunner().invoke(
        eval_command, ["--bench", str(bench), "--only", "mini_quiz", "--only", "lost"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("set") and "items/s" in lines[0]
    assert any(line.startswith("mini_quiz") and "acc 1.000" in line for line in lines)
    assert any(line.startswith("lost") and "skipped: missing" in line for line in lines)
