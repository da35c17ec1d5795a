"""Ingest: every kind of source becomes RawDocuments or Rejected items, with content-derived ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman import ingest
from dragoman.model import RawDocument, Rejected
from dragoman.options import IngestOptions

PAGE = b"<html><head><title>Talks in Geneva</title></head><body><p>Delegations met.</p></body></html>"
TEXT = "Home \u00bb World\n\nUS and Iranian delegations will meet in Geneva next week.\n".encode()


def read_all(*sources: str | Path, **opts: object) -> list[RawDocument | Rejected]:
    return list(ingest.read(list(sources), IngestOptions(ingested="2026-02-15", **opts)))  # type: ignore[arg-type]


def test_reads_html_and_text_files_by_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(PAGE)
    (tmp_path / "b.txt").write_bytes(TEXT)
    docs = read_all(tmp_path / "a.html", tmp_path / "b.txt")
    assert [d.kind for d in docs if isinstance(d, RawDocument)] == ["html", "text"]
    assert docs[0].content == PAGE and docs[0].ingested == "2026-02-15"


def test_directory_is_read_recursively_in_sorted_order_skipping_other_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.htm").write_bytes(PAGE)
    (tmp_path / "a.txt").write_bytes(TEXT)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    docs = read_all(tmp_path)
    assert [Path(d.origin).name for d in docs] == ["a.txt", "b.htm"]


def test_glob_pattern_and_a_pattern_matching_nothing(tmp_path: Path) -> None:
    (tmp_path / "x1.txt").write_bytes(TEXT)
    (tmp_path / "x2.txt").write_bytes(TEXT + b"more")
    docs = read_all(str(tmp_path / "x*.txt"), str(tmp_path / "none*.html"))
    assert sum(isinstance(d, RawDocument) for d in docs) == 2
    (miss,) = [d for d in docs if isinstance(d, Rejected)]
    assert "matches no file" in miss.reason and miss.stage == "ingest"


def test_missing_path_is_rejected_with_its_name(tmp_path: Path) -> None:
    (doc,) = read_all(tmp_path / "gone.html")
    assert isinstance(doc, Rejected) and "gone.html" in doc.reason and "no such file" in doc.reason


def test_same_bytes_give_the_same_id_wherever_they_are(tmp_path: Path) -> None:
    (tmp_path / "one.html").write_bytes(PAGE)
    (tmp_path / "two.html").write_bytes(PAGE)
    one, two = read_all(tmp_path / "one.html", tmp_path / "two.html")
    assert isinstance(one, RawDocument) and isinstance(two, RawDocument)
    assert one.id == two.id
    (other,) = read_all(tmp_path / "one.html", published="2026-02-14")
    assert other.id != one.id and other.published == "2026-02-14"


def test_jsonl_reads_each_line_and_rejects_the_broken_one(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://a.example/1", "title": "T", "text": "Talks resumed.", "published": "2026-02-14T09:00:00Z"}),
        "{not json",
        json.dumps({"html": "<p>Hello</p>", "outlet": "Alpine Wire"}),
        json.dumps({"title": "no body"}),
        "",
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    docs = read_all(path)
    assert len(docs) == 4
    first, broken, html, empty = docs
    assert isinstance(first, RawDocument) and first.url == "https://a.example/1" and first.published == "2026-02-14"
    assert isinstance(broken, Rejected) and broken.origin.endswith("feed.jsonl:2") and "not JSON" in broken.reason
    assert isinstance(html, RawDocument) and html.kind == "html" and html.outlet == "Alpine Wire"
    assert isinstance(empty, Rejected) and "no 'text' or 'html'" in empty.reason


def test_json_file_with_a_list_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": "One."}, {"text": "Two."}]), encoding="utf-8")
    docs = read_all(path)
    assert [d.origin for d in docs] == [f"{path}#1", f"{path}#2"]


def test_oversized_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_bytes(b"<p>" + b"a" * 5000 + b"</p>")
    (doc,) = read_all(path, max_bytes=1000)
    assert isinstance(doc, Rejected) and "limit" in doc.reason and "huge.html" in doc.reason


def test_command_line_metadata_is_applied(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(TEXT)
    (doc,) = read_all(tmp_path / "a.txt", outlet="Alpine Wire", url="https://alpine.example/a", published="2026-02-14")
    assert isinstance(doc, RawDocument)
    assert (doc.outlet, doc.url, doc.published) == ("Alpine Wire", "https://alpine.example/a", "2026-02-14")


@pytest.mark.parametrize("content, kind", [(b"  <!DOCTYPE html><html></html>", "html"), (b"Plain words.", "text")])
def test_unknown_suffix_is_sniffed(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "page.dat"
    path.write_bytes(content)
    (doc,) = read_all(path)
    assert isinstance(doc, RawDocument) and doc.kind == kind
