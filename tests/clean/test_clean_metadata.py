"""Metadata choices: supplied > markup > text, and the cleaning of names and hosts."""

from __future__ import annotations

import pytest
from clean_helpers import raw_document

from dragoman.clean import clean
from dragoman.clean.metadata import clean_author, pick_author, pick_outlet
from dragoman.model import Article
from dragoman.options import CleanOptions

BODY = (
    "<p>Foreign ministers from the two countries met in Geneva on Tuesday and agreed to resume "
    "talks on their shared border, according to a joint statement issued after the meeting.</p>"
)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("by Jane Doe - Diplomatic Correspondent", "Jane Doe"),
        ("By JANE DOE", "Jane Doe"),
        ("Written by Jane Doe | 14 Feb 2026", "Jane Doe"),
        ("Mariam Al-Hosani", "Mariam Al-Hosani"),
        ("Jane Doe, Reuters", "Jane Doe"),
        ("Jane Doe; John Roe", "Jane Doe; John Roe"),  # trafilatura's list of authors
        ("  By:  Ana de la Cruz  ", "Ana de la Cruz"),
        ("- 12 -", None),
        ("", None),
    ],
)
def test_clean_author(name: str, expected: str | None) -> None:
    assert clean_author(name) == expected


def test_author_priority() -> None:
    supplied = raw_document(b"", author="Desk")
    assert pick_author(supplied, meta="Jane Doe", byline="John Roe") == "Desk"
    plain = raw_document(b"")
    assert pick_author(plain, meta="Jane Doe", byline="John Roe") == "Jane Doe"
    assert pick_author(plain, meta=None, byline="JOHN ROE") == "John Roe"
    assert pick_author(plain, meta=None, byline=None) is None


@pytest.mark.parametrize(
    "outlet, sitename, url, expected",
    [
        ("Wire", "Site", "https://www.example.org/a", "Wire"),
        (None, "Lakeside Observer", "https://www.example.org/a", "Lakeside Observer"),
        (None, None, "https://www.example.org/a", "example.org"),
        (None, "@lakeside", "https://news.example.org/a", "news.example.org"),
        (None, None, None, None),
    ],
)
def test_outlet_priority(
    outlet: str | None, sitename: str | None, url: str | None, expected: str | None
) -> None:
    raw = raw_document(b"", outlet=outlet)
    assert pick_outlet(raw, sitename=sitename, url=url) == expected


def test_outlet_from_the_url_when_the_page_has_no_site_name() -> None:
    page = f"<html><head><title>Talks</title></head><body>{BODY}</body></html>".encode()
    article = clean(raw_document(page, url="https://www.border-news.example/a/1"), CleanOptions())
    assert isinstance(article, Article)
    assert (article.outlet, article.url) == (
        "border-news.example",
        "https://www.border-news.example/a/1",
    )


@pytest.mark.parametrize("lang, expected", [("fr", "fr"), ("en-GB", "en"), (None, "en")])
def test_language_from_the_page(lang: str | None, expected: str) -> None:
    attr = f' lang="{lang}"' if lang else ""
    page = f"<html{attr}><head><title>Talks</title></head><body>{BODY}</body></html>".encode()
    article = clean(raw_document(page), CleanOptions())
    assert isinstance(article, Article)
    assert article.language == expected


def test_markup_date_after_ingest_is_ignored() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2027-06-01">'
        f"</head><body>{BODY}</body></html>"
    ).encode()
    article = clean(raw_document(page, ingested="2026-11-26"), CleanOptions())
    assert isinstance(article, Article)
    assert article.published is None


def test_bad_supplied_date_is_ignored_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    page = f"<html><body>{BODY}</body></html>".encode()
    article = clean(raw_document(page, published="last Tuesday"), CleanOptions())
    assert isinstance(article, Article)
    assert article.published is None
    assert "not an ISO date" in caplog.text
