"""Ingest stage: paths, globs, directories and stdin -> RawDocument | Rejected.

Reading never raises for one bad item: a missing file, an oversized page or a JSON line that is not
JSON becomes a ``Rejected`` naming the item and the fix, and the rest of the batch goes on.
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from dragoman.model import RawDocument, Rejected
from dragoman.options import IngestOptions

log = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
KNOWN_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | JSON_SUFFIXES
STDIN = "-"


def read(sources: Iterable[str | Path], opts: IngestOptions) -> Iterator[RawDocument | Rejected]:
    """Yield one RawDocument (or Rejected) per article found in ``sources``, in a stable order."""
    today = opts.ingested or date.today().isoformat()
    for source in sources:
        if str(source) == STDIN:
            yield from _read_stream(sys.stdin.buffer, "<stdin>", opts, today)
            continue
        for path in _expand(str(source)):
            if isinstance(path, Rejected):
                yield path
            else:
                yield from read_file(path, opts, today=today)


def _expand(source: str) -> Iterator[Path | Rejected]:
    """A file, a directory (recursively, known suffixes only) or a glob, sorted for determinism."""
    path = Path(source)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES)
        if not found:
            log.warning("no .html/.txt/.json/.jsonl files under %s", path)
        yield from found
    elif path.is_file():
        yield path
    elif glob.has_magic(source):
        matches = sorted(Path(p) for p in glob.glob(source, recursive=True) if Path(p).is_file())
        if not matches:
            yield _rejected(source, f"{source}: the pattern matches no file; check the path")
        yield from matches
    else:
        yield _rejected(source, f"{source}: no such file or directory; check the path")


def read_file(path: Path, opts: IngestOptions, *, today: str) -> Iterator[RawDocument | Rejected]:
    """Read one file: a page (.html/.txt) or a collection of articles (.json/.jsonl)."""
    origin = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        yield _rejected(origin, f"{origin}: cannot read ({e.strerror}); check permissions")
        return
    if size > opts.max_bytes:
        yield _rejected(
            origin,
            f"{origin}: {size / 1e6:.1f} MB is larger than the {opts.max_bytes / 1e6:.0f} MB limit; "
            "split it or raise --max-bytes",
        )
        return
    try:
        content = path.read_bytes()
    except OSError as e:
        yield _rejected(origin, f"{origin}: cannot read ({e.strerror}); check permissions")
        return
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        yield from _read_json_records(content, origin, opts, today, whole=suffix == ".json")
    else:
        kind = "html" if suffix in HTML_SUFFIXES or _looks_like_html(content) else "text"
        yield _document(content, origin, kind, opts, today)


def _read_stream(stream: BinaryIO, origin: str, opts: IngestOptions, today: str) -> Iterator[
    RawDocument | Rejected
]:
    content = stream.read(opts.max_bytes + 1)
    if len(content) > opts.max_bytes:
        yield _rejected(origin, f"{origin}: input is larger than the {opts.max_bytes} byte limit")
        return
    stripped = content.lstrip()
    if stripped[:1] in (b"{", b"["):
        yield from _read_json_records(content, origin, opts, today, whole=stripped[:1] == b"[")
    else:
        kind = "html" if _looks_like_html(content) else "text"
        yield _document(content, origin, kind, opts, today)


def _read_json_records(
    content: bytes, origin: str, opts: IngestOptions, today: str, *, whole: bool
) -> Iterator[RawDocument | Rejected]:
    """A .json file holds one object or a list; a .jsonl file holds one object per line."""
    if whole:
        try:
            data = json.loads(content)
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            yield _rejected(origin, f"{origin}: not valid JSON ({e}); fix the file or use .jsonl")
            return
        records = data if isinstance(data, list) else [data]
        for n, record in enumerate(records, start=1):
            yield _json_document(record, f"{origin}#{n}", opts, today)
        return
    for n, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            record = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            yield _rejected(where, f"{where}: line is not JSON ({e.msg}); fix or delete the line")
            continue
        yield _json_document(record, where, opts, today)


def _json_document(record: object, origin: str, opts: IngestOptions, today: str) -> RawDocument | Rejected:
    if not isinstance(record, dict):
        return _rejected(origin, f"{origin}: expected an object with text or html, got {type(record).__name__}")
    html, text = record.get("html"), record.get("text")
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str) or not body.strip():
        return _rejected(origin, f"{origin}: the record has no 'text' or 'html'; add one of them")
    kind = "html" if body is html else "text"
    published = record.get("published") or record.get("date")
    return _document(
        body.encode("utf-8"),
        origin,
        kind,
        opts,
        today,
        url=_str_or_none(record.get("url")),
        title=_str_or_none(record.get("title")),
        published=_str_or_none(published)[:10] if _str_or_none(published) else None,
        outlet=_str_or_none(record.get("outlet")),
        author=_str_or_none(record.get("author")),
    )


def _document(
    content: bytes,
    origin: str,
    kind: str,
    opts: IngestOptions,
    today: str,
    *,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
) -> RawDocument:
    url = url or opts.url
    published = published or opts.published
    outlet = outlet or opts.outlet
    # The id covers the bytes and the metadata that changes how they are read, not the path:
    # the same page ingested from two places is one document.
    digest = hashlib.sha256(content).hexdigest()
    raw_id = "r_" + hashlib.sha256(f"{digest}|{url}|{published}|{outlet}".encode()).hexdigest()[:16]
    return RawDocument(
        id=raw_id,
        origin=origin,
        kind="html" if kind == "html" else "text",
        content=content,
        url=url,
        title=title,
        published=published,
        outlet=outlet,
        author=author,
        ingested=today,
    )


def _looks_like_html(content: bytes) -> bool:
    head = content[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<p>" in head


def _str_or_none(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _rejected(origin: str, reason: str) -> Rejected:
    log.info("rejected %s: %s", origin, reason)
    return Rejected(id="x_" + hashlib.sha256(origin.encode()).hexdigest()[:16], origin=origin, stage="ingest", reason=reason)
