"""Extraction: trafilatura for HTML, the visible-text fallback, and plain-text paragraphs."""

from __future__ import annotations

import pytest
from clean_helpers import FIXTURES

from dragoman.clean.extract import extract_html, is_html, split_text, visible_text


def test_extract_html_lines_and_metadata() -> None:
    page = (FIXTURES / "geneva_talks.html").read_text(encoding="utf-8")
    extracted = extract_html(page, max_date="2026-11-27")
    assert extracted.extractor == "trafilatura"
    assert (
        extracted.title
        == "Armenian and Azerbaijani ministers agree to resume border talks in Geneva"
    )
    assert extracted.date == "2026-03-04"
    assert extracted.sitename == "Lakeside Observer"
    assert any(line.startswith("GENEVA — The foreign ministers") for line in extracted.lines)
    assert not any("alpine_reader" in line for line in extracted.lines)  # comments excluded


def test_max_date_guards_against_future_markup_dates() -> None:
    page = (FIXTURES / "geneva_talks.html").read_text(encoding="utf-8")
    assert extract_html(page, max_date="2026-03-01").date != "2026-03-04"


def test_xml_declaration_is_accepted() -> None:
    page = "<?xml version='1.0' encoding='utf-8'?>\n" + (FIXTURES / "geneva_talks.html").read_text(
        encoding="utf-8"
    )
    assert any("GENEVA" in line for line in extract_html(page).lines)


def test_fallback_reads_visible_blocks_of_a_cut_page() -> None:
    page = (
        '<html lang="fr"><head><title>Talks resume</title><meta property="og:site_name" '
        'content="Le Lac"><meta property="article:published_time" content="2026-03-04T09:00">'
        "</head><body><nav><a>Home</a><a>World</a></nav><div><p>Ministers met in Geneva on "
        "Tuesday.</p><p>They agreed to meet again.<br>Officials said so.</p><script>var x=1;"
        "</script><footer>© 2026</footer><p>The talks will resume in Ap"
    )
    extracted = visible_text(page)
    assert extracted.lines == (
        "Ministers met in Geneva on Tuesday.",
        "They agreed to meet again.",
        "Officials said so.",
        "The talks will resume in Ap",
    )
    assert (extracted.title, extracted.sitename, extracted.date, extracted.language) == (
        "Talks resume",
        "Le Lac",
        "2026-03-04",
        "fr",
    )


def test_page_cut_in_the_head_gives_no_lines() -> None:
    page = (FIXTURES / "geneva_talks.html").read_text(encoding="utf-8")[:300]
    assert extract_html(page).lines == ()


@pytest.mark.parametrize(
    "kind, text, expected",
    [
        ("html", "<!DOCTYPE html><html><body>x</body></html>", True),
        ("text", "  <html lang='en'><head></head></html>", True),
        ("text", "<?xml version='1.0'?>\n<html><body></body></html>", True),
        ("text", "Talks in Geneva <b>resumed</b> on Monday.", False),
        ("html", "Talks in Geneva <b>resumed</b> on Monday.", True),
        ("html", "Talks in Geneva resumed on Monday; 3 < 4 and 5 > 2.", False),
        ("text", "<p>a</p><p>b</p><p>c</p><div>d</div><br>", True),
    ],
)
def test_is_html(kind: str, text: str, expected: bool) -> None:
    assert is_html(kind, text) is expected


def test_split_text_one_paragraph_per_line() -> None:
    text = (
        "Talks resume in Geneva\n"
        "Negotiators met on Monday for the first time since January, officials said on Tuesday.\n"
        "The next round is due in March, according to the mediators who hosted the meeting.\n"
        "\n\n"
        "Related news\n"
    )
    assert split_text(text) == (
        "Talks resume in Geneva",
        "Negotiators met on Monday for the first time since January, officials said on Tuesday.",
        "The next round is due in March, according to the mediators who hosted the meeting.",
        "Related news",
    )


def test_split_text_joins_hard_wrapped_paragraphs() -> None:
    text = (
        "Talks resume in Geneva\r\n\r\n"
        "Negotiators from the United States and Iran met in Geneva on Tuesday\r\n"
        "for a second round of talks, officials said, as both sides sought to\r\n"
        "narrow differences over enrichment and the pace of sanctions relief.\r\n"
        "\r\n"
        "Oman mediated the talks, which lasted about four hours and ended with\r\n"
        "an agreement to meet again.\r\n"
    )
    assert split_text(text) == (
        "Talks resume in Geneva",
        (
            "Negotiators from the United States and Iran met in Geneva on Tuesday for a second "
            "round of talks, officials said, as both sides sought to narrow differences over "
            "enrichment and the pace of sanctions relief."
        ),
        (
            "Oman mediated the talks, which lasted about four hours and ended with an agreement "
            "to meet again."
        ),
    )


def test_split_text_does_not_join_a_list_of_headlines() -> None:
    text = (
        "You may also like\n"
        "Iran demands lifting of sanctions before any nuclear deal is signed\n"
        "US Treasury targets tankers carrying Iranian crude to Asian buyers\n"
        "Rights groups say thousands were detained in January's crackdown\n"
    )
    assert len(split_text(text)) == 4


def test_split_text_turns_gapped_menus_into_lists() -> None:
    assert split_text("Menu   News   World   Region\nSaid.  Then he left.  Quickly.") == (
        "Menu | News | World | Region",
        "Said.  Then he left.  Quickly.",
    )
