"""clean(): pages in, Article or Rejected out (end to end over the fixture pages)."""

from __future__ import annotations

import logging

import pytest
from clean_helpers import fixture_document, raw_document

from dragoman.clean import clean
from dragoman.model import Article, Rejected, content_id, normalise_ws
from dragoman.options import CleanOptions

OPTS = CleanOptions()


def _article(name: str, **overrides: object) -> Article:
    result = clean(fixture_document(name, **overrides), OPTS)
    assert isinstance(result, Article), getattr(result, "reason", result)
    return result


# --- the HTML page: trafilatura + our layer ----------------------------------------------------


@pytest.fixture(scope="module")
def geneva() -> Article:
    return _article("geneva_talks.html")


@pytest.mark.parametrize(
    "body",
    [
        "GENEVA — The foreign ministers of Armenia and Azerbaijan agreed on Tuesday to reopen talks",
        "Both delegations said the commissions that handle delimitation would meet again",
        "Baku wants a final text on the border before any new crossings open",
        "the US State Department urged both sides to use the coming weeks",
        "Residents of border villages have followed the process closely.",
        "The two ministers last met in person in October",
    ],
)
def test_html_keeps_body_sentences(geneva: Article, body: str) -> None:
    assert body in geneva.text


@pytest.mark.parametrize(
    "furniture",
    [
        "We use cookies",
        "Accept all",
        "Home » World",
        "EN | FR",
        "Related news",
        "Advertisement",
        "Photo: Swiss Federal Department",
        "Share this article",
        "Most read",
        "Swiss voters back new rail tunnel",
        "Comments (3)",
        "we have heard this before",
        "Leave a Reply",
        "Your email address will not be published",
        "Sign up for our newsletter",
        "All rights reserved",
        "©",
    ],
)
def test_html_drops_furniture(geneva: Article, furniture: str) -> None:
    assert furniture not in geneva.text


def test_html_teaser_repeating_headline_and_lead_is_dropped(geneva: Article) -> None:
    lead = "GENEVA — The foreign ministers of Armenia and Azerbaijan agreed on Tuesday"
    assert geneva.text.count(lead) == 1
    assert geneva.title is not None
    assert geneva.title not in geneva.text
    assert "Related news" in geneva.removed


def test_html_metadata(geneva: Article) -> None:
    assert (
        geneva.title == "Armenian and Azerbaijani ministers agree to resume border talks in Geneva"
    )
    assert geneva.outlet == "Lakeside Observer"
    assert geneva.author == "Ines Marchetti"
    assert geneva.url == "https://lakeside-observer.example/world/caucasus/border-talks-geneva"
    assert geneva.published is not None
    assert (geneva.published.start, geneva.published.end) == ("2026-03-04", "2026-03-04")
    assert (geneva.published.precision, geneva.published.source) == ("day", "meta")
    assert geneva.language == "en"


def test_html_paragraphs_are_single_lines(geneva: Article) -> None:
    paragraphs = geneva.text.split("\n\n")
    assert len(paragraphs) == 7
    assert all(p == normalise_ws(p) and p for p in paragraphs)


def test_id_derives_from_text_only(geneva: Article) -> None:
    assert geneva.id == content_id("a", normalise_ws(geneva.text))
    elsewhere = _article("geneva_talks.html", origin="copy.html", url="https://mirror.example/x")
    assert elsewhere.id == geneva.id
    assert elsewhere.raw_id == "r_test"
    assert elsewhere.origin == "copy.html"


def test_supplied_metadata_wins() -> None:
    article = _article(
        "geneva_talks.html",
        published="2026-03-05",
        outlet="Wire Service",
        author="Desk Editor",
        title="Supplied title",
        url="https://wire.example/1",
    )
    assert article.published is not None
    assert (article.published.start, article.published.source) == ("2026-03-05", "user")
    assert article.published.text == "2026-03-05"
    assert (article.outlet, article.author, article.title, article.url) == (
        "Wire Service",
        "Desk Editor",
        "Supplied title",
        "https://wire.example/1",
    )


# --- the plain-text scrape: our layer alone ----------------------------------------------------


@pytest.fixture(scope="module")
def scraped() -> Article:
    return _article("scraped_tehran.txt", published=None, ingested="2026-11-26")


@pytest.mark.parametrize(
    "furniture",
    [
        "Skip to content",
        "NORTHERN GAZETTE",
        "Menu",
        "EN | RU | HY",
        "Home » World",
        "Oman relays new US proposal to Tehran ahead of third round of talks",  # the title
        "by Leyla Hasanova",
        "Diplomatic Correspondent",
        "14 Feb, 13:22",
        "Source: AFP/Getty",
        "12 min read",
        "Updated 2 hours ago",
        "Share",
        "Tweet",
        "Advertisement",
        "READ MORE",
        "Gulf shipping insurers",
        "Read also",
        "You may also like",
        "Kuwait and Iraq agree on joint patrols",
        "Related news",
        "Qatar opens new terminal",
        "Sign up for our newsletter",
        "We use cookies",
        "Leave a Comment",
        "Required fields are marked",
        "Post Comment",
        "Akismet",
        "Comments (2)",
        "Another round, another proposal",
        "Oman deserves more credit",
        "© 2018–2026",
        "All rights reserved",
    ],
)
def test_text_drops_furniture(scraped: Article, furniture: str) -> None:
    assert furniture not in scraped.text


@pytest.mark.parametrize(
    "body",
    [
        "MUSCAT — Omani mediators have passed a new written proposal from Washington",
        'Iran\'s foreign ministry confirmed that it had received "a set of ideas"',
        "Oman's foreign minister has carried messages between the two sides",
        "the gaps remained wide on the sequencing of sanctions relief.",
        "Iranian state television did not mention the proposal",
    ],
)
def test_text_keeps_body_sentences(scraped: Article, body: str) -> None:
    assert body in scraped.text


def test_text_metadata(scraped: Article) -> None:
    assert scraped.title == "Oman relays new US proposal to Tehran ahead of third round of talks"
    assert scraped.author == "Leyla Hasanova"
    assert scraped.outlet == "Northern Gazette"  # the masthead, as no URL or outlet was given
    assert len(scraped.text.split("\n\n")) == 6


def test_yearless_date_takes_the_footer_year(scraped: Article) -> None:
    # "• 14 Feb, 13:22 •", no published date, read on 2026-11-26, footer "© 2018–2026"
    assert scraped.published is not None
    assert (scraped.published.start, scraped.published.end) == ("2026-02-14", "2026-02-14")
    assert scraped.published.precision == "day"
    assert scraped.published.source == "text"
    assert scraped.published.text == "14 Feb, 13:22"


def test_empty_date_slot_is_marked(scraped: Article) -> None:
    assert "scheduled to take place on [date missing], with officials" in scraped.text
    assert "on ," not in scraped.text


def test_removed_lists_the_dropped_lines(scraped: Article) -> None:
    assert "by Leyla Hasanova - Diplomatic Correspondent" in scraped.removed
    assert "• 14 Feb, 13:22 • Iran" in scraped.removed


# --- dates from the page text ------------------------------------------------------------------


def test_visible_posted_date_only() -> None:
    article = _article("posted_only.html")
    assert article.published is not None
    assert article.published.start == article.published.end == "2026-02-13"
    assert article.published.precision == "day"
    assert article.published.source == "text"
    assert article.published.text == "Posted: 13 February 2026"
    assert "Posted:" not in article.text
    assert article.title == "Caspian states sign fisheries protocol in Baku"
    assert "Caspian states sign fisheries protocol in Baku" not in article.text


@pytest.mark.parametrize(
    "dateline, ingested, footer, expected, source",
    [
        (
            "YEREVAN, 15 May 2026 - The foreign ministers met",
            "2026-11-26",
            "",
            "2026-05-15",
            "text",
        ),
        ("Sunday, 8 March 2026 · 22:41", "2026-11-26", "", "2026-03-08", "text"),
        ("19.02.2026 | 20:10", "2026-11-26", "", "2026-02-19", "text"),
        ("• 14 Feb, 13:22 • Iran", "2026-11-26", "© 2026 The Paper", "2026-02-14", "text"),
        # read on 10 January with no footer: "28 Dec" is last December, not next
        ("• 28 Dec, 09:00 • Iran", "2026-01-10", "", "2025-12-28", "text"),
        # the footer says 2019: an archived page read years later
        ("• 14 Feb, 13:22 • Iran", "2026-11-26", "© 2015–2019 Old Site", "2019-02-14", "text"),
    ],
)
def test_date_lines_in_text(
    dateline: str, ingested: str, footer: str, expected: str, source: str
) -> None:
    body = (
        "Ministers from the two countries met for four hours and agreed to continue talks on "
        "the border commission, their spokespeople said after the meeting ended."
    )
    text = f"Ministers meet again\n\n{dateline}\n\n{body}\n\n{footer}\n".encode()
    result = clean(raw_document(text, kind="text", ingested=ingested), OPTS)
    assert isinstance(result, Article)
    assert result.published is not None
    assert (result.published.start, result.published.source) == (expected, source)
    assert result.published.precision == "day"


def test_no_date_gives_none_not_the_ingest_date() -> None:
    text = (
        b"Talks continue\n\nNegotiators from both sides met again in the capital and agreed to "
        b"hold further sessions, officials said on condition of anonymity.\n"
    )
    result = clean(raw_document(text, kind="text", ingested="2026-11-26"), OPTS)
    assert isinstance(result, Article)
    assert result.published is None


def test_supplied_date_sets_the_year_of_nothing_else() -> None:
    # a supplied date wins over a date line in the text
    text = (
        "• 14 Feb, 13:22 • Iran\n\nNegotiators from both sides met again in the capital and "
        "agreed to hold further sessions, officials said on condition of anonymity.\n"
    ).encode()
    result = clean(raw_document(text, kind="text", published="2026-02-15"), OPTS)
    assert isinstance(result, Article)
    assert result.published is not None
    assert (result.published.start, result.published.source) == ("2026-02-15", "user")


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("cp1252_geneve.html", "Délégués from more than forty countries gathered in Genève"),
        ("cp1252_geneve.html", "“to keep the crossings open” before the rainy season – when"),
        ("cp1252_geneve.txt", "Negotiators left Genève on Thursday"),
        ("mixed_encoding.txt", "A second session in Genève is planned"),
        ("mixed_encoding.txt", "Ministers met in Zürich — and later in Genève"),
        ("utf16_bom.txt", "Talks in Genève resumed on Monday"),
    ],
)
def test_encodings_decode_right(name: str, expected: str) -> None:
    article = _article(name)
    assert expected in article.text
    assert "\ufffd" not in article.text


def test_cp1252_title() -> None:
    assert _article("cp1252_geneve.html").title == "Genève hosts humanitarian conference on Sudan"


# --- bad input: Rejected, never an exception --------------------------------------------------


@pytest.mark.parametrize(
    "name, reason_start, fix",
    [
        ("empty.txt", "file is empty", "nothing to ingest"),
        ("whitespace.txt", "file holds only white space", "nothing to ingest"),
        ("random.bin", "looks like binary data (", "pass HTML or text files"),
        ("pixel.png", "looks like binary data (a PNG image)", "pass HTML or text files"),
    ],
)
def test_bad_files_are_rejected(name: str, reason_start: str, fix: str) -> None:
    result = clean(fixture_document(name), OPTS)
    assert isinstance(result, Rejected)
    assert (result.id, result.origin, result.stage) == ("r_test", name, "clean")
    assert result.reason.startswith(f"{name}: {reason_start}")
    assert fix in result.reason
    assert "\n" not in result.reason


def test_random_bytes_reason_gives_the_share() -> None:
    result = clean(fixture_document("random.bin"), OPTS)
    assert isinstance(result, Rejected)
    assert "% control bytes), not an article" in result.reason


@pytest.mark.parametrize(
    "content, kind, reason_part",
    [
        (b"<html><head><title>Log in</title></head><body><nav>Home</nav></body></html>", "html",
         "no article text found"),
        (b"Too short to be an article.", "text", "characters of article text"),
        (b"<html><body><p>Short.</p></body></html>", "html", "(minimum 80)"),
        (b"\x00\x01\x02 binary \x03\x04 header \x05\x06\x07" * 50, "text", "control bytes"),
        (b"<html><head><title>x</title><meta charset='koi8-r'>", "html", "no article text"),
    ],
)  # fmt: skip
def test_pages_without_an_article_are_rejected(content: bytes, kind: str, reason_part: str) -> None:
    result = clean(raw_document(content, kind=kind), OPTS)  # type: ignore[arg-type]
    assert isinstance(result, Rejected)
    assert reason_part in result.reason


def test_min_chars_is_an_option() -> None:
    content = b"A short but complete report: the ministers met, talked and left."
    assert isinstance(clean(raw_document(content, kind="text"), OPTS), Rejected)
    assert isinstance(
        clean(raw_document(content, kind="text"), CleanOptions(min_chars=20)), Article
    )


def test_rejection_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="dragoman.clean"):
        clean(fixture_document("empty.txt"), OPTS)
    assert any("empty.txt" in r.getMessage() and "empty" in r.getMessage() for r in caplog.records)


def test_truncated_html_keeps_what_it_has() -> None:
    article = _article("truncated.html")
    assert "Diplomats familiar with the discussions said" in article.text
    assert "urged both sides to use the coming weeks" in article.text
    assert "Residents of border villages" not in article.text  # cut off
    assert (
        article.title == "Armenian and Azerbaijani ministers agree to resume border talks in Geneva"
    )


@pytest.mark.parametrize(
    "cut",
    [10, 200, 900, 1500, 2400, 3100, 3333, 4000, 4800, 5200],
)
def test_html_cut_anywhere_never_raises(cut: int) -> None:
    page = fixture_document("geneva_talks.html").content[:cut]
    result = clean(raw_document(page), OPTS)
    assert isinstance(result, Article | Rejected)


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00",  # a UTF-16 BOM and half a character
        b"\xef\xbb\xbf",  # a UTF-8 BOM alone
        "<p>Geneva</p>".encode("utf-32"),
        b"<?xml version='1.0' encoding='utf-8'?><html><body><p>" + b"Talks resumed. " * 20 + b"</p></body></html>",
        b"<html><body>" + "Переговоры в Женеве возобновились в понедельник. ".encode("koi8-r") * 8 + b"</body></html>",
        b"<<<<>>>><</p>" * 30,
        bytes(range(32, 256)) * 4,
    ],
)  # fmt: skip
def test_odd_bytes_never_raise(content: bytes) -> None:
    assert isinstance(clean(raw_document(content), OPTS), Article | Rejected)


def test_html_labelled_text_is_read_as_html() -> None:
    page = fixture_document("geneva_talks.html").content
    article = clean(raw_document(page, kind="text", origin="saved.txt"), OPTS)
    assert isinstance(article, Article)
    assert "<p>" not in article.text
    assert article.outlet == "Lakeside Observer"
