"""Helpers for the clean-stage tests: fixture files and RawDocuments built from them.

A plain module rather than a conftest.py, so its name cannot clash with other test folders.
"""

from __future__ import annotations

from pathlib import Path

from dragoman.model import DocKind, RawDocument

FIXTURES = Path(__file__).parent / "fixtures"


def raw_document(
    content: bytes,
    *,
    kind: DocKind = "html",
    origin: str = "x.html",
    published: str | None = None,
    ingested: str | None = "2026-11-26",
    **metadata: str | None,
) -> RawDocument:
    return RawDocument(
        id="r_test",
        origin=origin,
        kind=kind,
        content=content,
        published=published,
        ingested=ingested,
        **metadata,
    )


def fixture_document(name: str, **overrides: object) -> RawDocument:
    path = FIXTURES / name
    kind: DocKind = "html" if path.suffix in {".html", ".png", ".bin"} else "text"
    params: dict[str, object] = {"kind": kind, "origin": name, **overrides}
    return raw_document(path.read_bytes(), **params)  # type: ignore[arg-type]
