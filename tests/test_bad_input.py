"""Hostile and broken input through the whole pipeline: each bad item is rejected with a reason that
names it, the batch goes on, and nothing stored is lost or duplicated."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from dragoman.options import IngestOptions, Options
from dragoman.pipeline import iter_run, run
from dragoman.store import open_store

BODY = (
    "<p>Russia, Ukraine and the United States will hold trilateral talks in Geneva on Tuesday, "
    "officials in Genève said on Friday, as diplomats prepared the venue near the lake.</p>"
    "<p>The first round of the talks was held in Abu Dhabi last month, and both delegations "
    "described it as businesslike, according to a diplomat briefed on the arrangements.</p>"
)


def page(title: str, body: str = BODY) -> str:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "01_good.html").write_text(page("Trilateral talks set for Geneva"), encoding="utf-8")
    (folder / "02_empty.txt").write_bytes(b"")
    (folder / "03_binary.html").write_bytes(bytes(range(256)) * 64)
    swiss = BODY.replace("officials in Genève said on Friday", "the Swiss foreign ministry in Genève confirmed on Friday")
    (folder / "04_cp1252.html").write_bytes(page("Talks in Genève, officials say", swiss).encode("cp1252"))
    (folder / "05_truncated.html").write_text(page("Cut off page")[:400], encoding="utf-8")
    (folder / "06_huge.html").write_bytes(b"<html><body><p>" + b"word " * 10_500_000 + b"</p></body></html>")
    (folder / "07_lines.jsonl").write_text(
        '{"text": "Negotiators from Armenia and Azerbaijan will meet in Washington next Tuesday for talks on a peace treaty, officials said.", "published": "2026-03-06"}\n'
        "this line is not json\n",
        encoding="utf-8",
    )
    (folder / "08_whitespace.txt").write_text("   \n\n\t  \n", encoding="utf-8")
    return folder


def test_each_bad_item_is_rejected_with_its_name_and_the_rest_is_stored(batch: Path, tmp_path: Path) -> None:
    opts = Options(ingest=IngestOptions(published="2026-02-13", ingested="2026-02-15"))
    with open_store(tmp_path / "b.db") as store:
        report = run([batch], store=store, opts=opts)
        reasons = {r.origin.split("/")[-1]: r.reason for r in report.rejected}
        assert set(reasons) == {"02_empty.txt", "03_binary.html", "06_huge.html", "07_lines.jsonl:2", "08_whitespace.txt"}
        for origin, reason in reasons.items():
            assert origin in reason and ";" in reason  # names the item, then what to do
        assert "MB is larger than" in reasons["06_huge.html"]
        assert report.stored == 4  # good, cp1252, truncated, the JSONL line
        texts = {a.origin.split("/")[-1]: a.text for a in store.articles()}
        assert "Genève" in texts["04_cp1252.html"]
        assert store.counts()["rejected"] == 5


def test_an_interrupted_ingest_can_be_run_again(batch: Path, tmp_path: Path) -> None:
    opts = Options(ingest=IngestOptions(published="2026-02-13", ingested="2026-02-15"))
    with open_store(tmp_path / "once.db") as store:
        run([batch], store=store, opts=opts)
        expected = store.counts(), sorted(e.id for e in store.events())
    with open_store(tmp_path / "twice.db") as store:
        # Stop after three items, as a killed process would, then run the whole batch again.
        list(itertools.islice(iter_run([batch], store, opts), 3))
        run([batch], store=store, opts=opts)
        run([batch], store=store, opts=opts)
        assert store.counts()["articles"] == expected[0]["articles"]
        assert store.counts()["events"] == expected[0]["events"]
        assert sorted(e.id for e in store.events()) == expected[1]
