"""Bytes to text: encodings, and refusing what is not text."""

from __future__ import annotations

import codecs

import pytest
from clean_helpers import FIXTURES

from dragoman.clean.decode import decode
from dragoman.errors import CleanError

SENTENCE = "Délégués met in Genève on Monday – “constructive” talks, officials said."


@pytest.mark.parametrize(
    "content",
    [
        SENTENCE.encode("utf-8"),
        codecs.BOM_UTF8 + SENTENCE.encode("utf-8"),
        codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"),
        SENTENCE.encode("utf-32"),
        # cp1252 with no declaration: detection must not say cp1250 ("Genčve")
        (SENTENCE + " The Swiss délégation confirmed the date.").encode("cp1252"),
    ],
)
def test_decodes_to_the_same_text(content: bytes) -> None:
    assert SENTENCE in decode(content)


@pytest.mark.parametrize(
    "declared, encoding, text",
    [
        ("windows-1252", "cp1252", "Talks in Genève – ended"),
        ("iso-8859-1", "cp1252", "Talks in Genève – ended"),  # browsers read latin-1 as 1252
        ("ISO-8859-15", "iso8859-15", "Talks in Genève cost 5 €"),
        ("koi8-r", "koi8-r", "Переговоры в Женеве"),
    ],
)
def test_declared_charset_is_used(declared: str, encoding: str, text: str) -> None:
    page = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p></body></html>'
    assert text in decode(page.encode(encoding))


def test_utf8_with_a_pasted_cp1252_part() -> None:
    content = (FIXTURES / "mixed_encoding.txt").read_bytes()
    text = decode(content)
    assert "Zürich — and later in Genève —" in text
    assert "A second session in Genève is planned for next week, the Swiss délégation" in text


def test_control_characters_are_removed() -> None:
    content = b"Talks\x00 in\x08 Geneva\x1b resumed on Monday after a pause of two weeks.\n"
    assert decode(content) == "Talks in Geneva resumed on Monday after a pause of two weeks.\n"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "file is empty; nothing to ingest"),
        (b" \n\t\r\n ", "file holds only white space; nothing to ingest"),
        (codecs.BOM_UTF8 + b"  \n", "file holds only white space; nothing to ingest"),
        ((FIXTURES / "pixel.png").read_bytes(), "looks like binary data (a PNG image)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like binary data (a PDF file)"),
        (b"\x1f\x8b\x08\x00" + bytes(100), "(a gzip archive; gunzip it first)"),
        ((FIXTURES / "random.bin").read_bytes(), "% control bytes), not an article"),
        (b"text\x00" * 40, "looks like binary data (20% control bytes)"),
    ],
)
def test_refuses(content: bytes, message: str) -> None:
    with pytest.raises(CleanError) as e:
        decode(content)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


def test_binary_threshold_is_the_option() -> None:
    content = b"Talks in Geneva\x01 resumed on Monday." * 3  # 3 control bytes in 108
    with pytest.raises(CleanError):
        decode(content, max_binary_ratio=0.01)
    assert "Geneva" in decode(content, max_binary_ratio=0.05)
