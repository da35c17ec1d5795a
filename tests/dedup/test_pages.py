"""From page to near-duplicate group: cleaning drops the page's own repeat of its lead in the
"related" block, so a wire story on a web page and its plain-text copy stay one group."""

from __future__ import annotations

from dragoman.clean import clean
from dragoman.dedup import NearDupIndex
from dragoman.model import Article, RawDocument
from dragoman.options import CleanOptions
from tests.dedup.stories import OTHER_STORY_SAME_TALKS, WIRE_BODY, WIRE_ORIGINAL

TITLE = "Iran and US to hold second round of talks in Geneva"
PARAGRAPHS = WIRE_BODY.split("\n\n")


def page() -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>{TITLE} | Gulf Courier</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{TITLE}</h1><p class='byline'>By Staff Reporter</p>{body}</article>"
        "<aside class='related'><h2>Related stories</h2><ul>"
        f"<li><a href='/world/iran-us-geneva'>{TITLE}</a><p>{PARAGRAPHS[0]}</p></li>"
        "<li><a href='/world/oman'>Oman's quiet diplomacy explained</a></li></ul></aside>"
        "<footer>© 2026 Gulf Courier</footer></body></html>"
    )


def cleaned() -> Article:
    raw = RawDocument(
        id="r_page",
        origin="gulf_courier.html",
        kind="html",
        content=page().encode("utf-8"),
        url="https://gulf-courier.example/world/iran-us-geneva",
    )
    article = clean(raw, CleanOptions())
    assert isinstance(article, Article), article
    return article


def test_the_related_block_repeating_the_lead_is_gone_after_cleaning():
    text = cleaned().text
    assert text.count(PARAGRAPHS[0]) == 1
    assert "Related stories" not in text and "Gulf Courier" not in text


def test_the_cleaned_page_joins_the_plain_wire_copy_and_not_the_other_story():
    index = NearDupIndex()
    index.add("a_plain", WIRE_ORIGINAL)
    index.add("b_swiss", OTHER_STORY_SAME_TALKS)
    assert index.add("c_page", cleaned().text) == "a_plain"
    assert index.similarity("a_plain", "c_page") > 0.8
    assert index.groups() == [("a_plain", "c_page")]
