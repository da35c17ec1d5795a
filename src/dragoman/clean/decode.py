"""Bytes to text, once: refuse empty and binary input, then find the encoding.

Order: a byte-order mark; strict UTF-8; the charset the page declares; UTF-8 with stray
Windows-1252 bytes (pages pasted together from two sources); charset-normalizer; and last,
Windows-1252 with replacement characters, which never fails.
"""

from __future__ import annotations

import codecs
import logging
import re

from dragoman.errors import CleanError

log = logging.getLogger(__name__)

SNIFF_BYTES = 65_536  # enough to judge a file; keeps the check fast on big ones
# C0 controls except tab, newline, vertical tab, form feed and carriage return; plus DEL.
_CONTROL = bytes([*range(9), 14, 15, *range(16, 32), 127])
_HIGH = bytes(range(128, 256))
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive; gunzip it first"),
    (b"\x7fELF", "a program"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"wOFF", "a web font"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{2,40})|<\?xml[^>]{0,100}encoding\s*=\s*["']([\w.:-]{2,40})""",
    re.IGNORECASE,
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Browsers read these labels as Windows-1252 (WHATWG Encoding); so do we.
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii",
                        "us-ascii", "windows-1252", "cp1252", "x-cp1252"})  # fmt: skip
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _cp1252_byte(error: UnicodeError) -> tuple[str, int]:
    """Error handler: read one undecodable byte as Windows-1252 (Latin-1 where 1252 has a hole)."""
    assert isinstance(error, UnicodeDecodeError)
    raw = error.object[error.start : error.start + 1]
    return raw.decode("cp1252", errors="ignore") or raw.decode("latin-1"), error.start + 1


codecs.register_error("dragoman.cp1252", _cp1252_byte)


def decode(content: bytes, *, max_binary_ratio: float = 0.05) -> str:
    """The text of ``content``, with NUL and other control characters removed.

    Raises:
        CleanError: the content is empty, white space only, or binary data; the message names
            the problem and what to do.
    """
    if not content:
        raise CleanError("file is empty; nothing to ingest")
    bom = _bom(content)
    if bom is None:
        _refuse_binary(content, max_binary_ratio)
        text = _decode_unmarked(content)
        # Counting the bytes is 10x faster than searching the text, and nearly always zero.
        has_controls = len(content.translate(None, _CONTROL)) != len(content)
    else:
        text = content[len(bom[0]) :].decode(bom[1], errors="replace")
        has_controls = True
    if has_controls:
        text = _CONTROL_CHARS.sub("", text)  # lxml refuses them, and they carry no text
    if not text.strip():
        raise CleanError("file holds only white space; nothing to ingest")
    return text


def _bom(content: bytes) -> tuple[bytes, str] | None:
    for mark, encoding in _BOMS:
        if content.startswith(mark):
            return mark, encoding
    return None


def _refuse_binary(content: bytes, max_ratio: float) -> None:
    sample = content[:SNIFF_BYTES]
    for signature, what in _SIGNATURES:
        if sample.startswith(signature):
            raise CleanError(
                f"looks like binary data ({what}), not an article; pass HTML or text files"
            )
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    ratio = controls / len(sample)
    if ratio > max_ratio:
        raise CleanError(
            f"looks like binary data ({ratio:.0%} control bytes), not an article; "
            "pass HTML or text files"
        )


def _decode_unmarked(content: bytes) -> str:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(content)
    if declared:
        try:
            return content.decode(declared)
        except (UnicodeDecodeError, LookupError):
            log.debug("declared charset %s does not fit the bytes; detecting", declared)
    if _mostly_utf8(content):
        return content.decode("utf-8", errors="dragoman.cp1252")
    return _detect(content)


def _declared_charset(content: bytes) -> str | None:
    m = _DECLARED.search(content[:4096])
    if m is None:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", errors="ignore").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _mostly_utf8(content: bytes) -> bool:
    """Valid UTF-8 sequences outnumber stray high bytes: UTF-8 with a pasted-in cp1252 part."""
    sample = content[: SNIFF_BYTES * 4]
    high = len(sample) - len(sample.translate(None, _HIGH))
    valid = sum(len(m) for m in _UTF8_MULTIBYTE.findall(sample))
    return valid >= 6 and valid >= high - valid


def _detect(content: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(content[: SNIFF_BYTES * 4])
    best = matches.best()
    if best is None:
        return content.decode("cp1252", errors="replace")
    # charset-normalizer cannot tell Western codepages apart on short texts and often says
    # cp1250 or iso8859_10 for a cp1252 page ("Genčve" for "Genève"). Windows-1252 is by far the
    # most common of them on the web, so it wins a tie.
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.01:
            return content.decode("cp1252", errors="replace")
    return (
        str(best) if len(content) <= SNIFF_BYTES * 4 else content.decode(best.encoding, "replace")
    )
