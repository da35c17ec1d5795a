"""Clean stage: RawDocument -> Article (main text without page furniture, plus metadata) | Rejected.

    bytes --decode--> str --extract (trafilatura | split_text)--> lines
          --strip_furniture (data/clean/furniture.yaml)--> paragraphs --metadata--> Article

``clean`` never raises for bad input: an empty file, binary data or a page with no article text
becomes a ``Rejected`` whose reason names the problem and what to do.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from dragoman.clean.decode import decode
from dragoman.clean.extract import Extracted, extract_html, is_html, split_text
from dragoman.clean.furniture import Cleaned, strip_furniture
from dragoman.clean.metadata import (
    pick_author,
    pick_outlet,
    pick_published,
    pick_title,
    pick_url,
)
from dragoman.clean.rules import load_rules
from dragoman.errors import CleanError
from dragoman.model import Article, RawDocument, Rejected, content_id, normalise_ws
from dragoman.options import CleanOptions

__all__ = ["clean"]

log = logging.getLogger(__name__)


def clean(raw: RawDocument, opts: CleanOptions) -> Article | Rejected:
    """The article in ``raw``, or a ``Rejected`` saying why there is none.

    Args:
        raw: one document as ingest read it.
        opts: ``min_chars`` (shorter text is no article) and ``max_binary_ratio``.

    Returns:
        An ``Article`` whose ``text`` is paragraphs joined by blank lines, or a ``Rejected`` with
        ``stage="clean"`` and a one-line reason: the origin, the problem and what to do.
    """
    try:
        return _clean(raw, opts)
    except CleanError as e:
        log.info("rejected %s: %s", raw.origin, e)
        # Named like ingest's refusals ("page.html: file is empty; ..."), so a list of reasons
        # says which item each is about.
        return Rejected(id=raw.id, origin=raw.origin, stage="clean", reason=f"{raw.origin}: {e}")


def _clean(raw: RawDocument, opts: CleanOptions) -> Article:
    page = decode(raw.content, max_binary_ratio=opts.max_binary_ratio)
    html = is_html(raw.kind, page)
    if html:
        extracted = extract_html(page, url=raw.url, max_date=_max_date(raw.ingested))
    else:
        extracted = Extracted(lines=split_text(page), extractor="text")
    cleaned = strip_furniture(
        extracted.lines,
        rules=load_rules(),
        title=raw.title or extracted.title,
        find_title=not html,
    )
    text = "\n\n".join(cleaned.paragraphs)
    _check_length(text, cleaned, opts)
    url = pick_url(raw, extracted.url)
    return Article(
        id=content_id("a", normalise_ws(text)),
        raw_id=raw.id,
        origin=raw.origin,
        title=pick_title(raw, extracted.title, cleaned.title),
        text=text,
        url=url,
        outlet=pick_outlet(raw, sitename=extracted.sitename or _masthead(cleaned), url=url),
        author=pick_author(raw, meta=extracted.author, byline=cleaned.author),
        published=pick_published(raw, meta_date=extracted.date, cleaned=cleaned, page=page),
        language=_language(extracted.language),
        removed=cleaned.removed,
    )


def _check_length(text: str, cleaned: Cleaned, opts: CleanOptions) -> None:
    if not text:
        what = "page furniture" if cleaned.lines else "markup"
        raise CleanError(
            f"no article text found, only {what}; pass the article page itself, not an index, "
            "login or error page"
        )
    if len(text) < opts.min_chars:
        raise CleanError(
            f"only {len(text)} characters of article text after removing page furniture "
            f"(minimum {opts.min_chars}); pass the full article, or lower --min-chars"
        )


def _max_date(ingested: str | None) -> str:
    """The latest plausible publication date: the day after ingest (time zones), else tomorrow."""
    try:
        day = date.fromisoformat(ingested[:10]) if ingested else date.today()
    except ValueError:
        day = date.today()
    return (day + timedelta(days=1)).isoformat()


def _masthead(cleaned: Cleaned) -> str | None:
    """ "STEPPE TIMES" above a scraped headline -> "Steppe Times"."""
    return cleaned.masthead.title() if cleaned.masthead else None


def _language(code: str | None) -> str:
    """Two-letter language of the page (html lang / meta), English when the page does not say."""
    if code and len(code) >= 2 and code[:2].isalpha():
        return code[:2].lower()
    return "en"
