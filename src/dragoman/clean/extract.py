"""Main text and metadata from a page: trafilatura for HTML, a line splitter for plain text.

trafilatura (``bare_extraction``) is called once per page. When it finds nothing, or fails on a
broken page, a small visible-text extractor over the standard library's tolerant HTML parser
takes over, so a truncated page still gives its paragraphs.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

log = logging.getLogger(__name__)

WRAP_MIN, WRAP_MAX = 50, 100  # line lengths of a hard-wrapped text file
_SENTENCE_END = tuple('.!?:;"”’)')
_MENU_GAP = re.compile(r"\s{2,}|\t")
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_TAG = re.compile(r"<[a-z!/][^>]{0,400}>", re.IGNORECASE)
_CUT_TAG = re.compile(r"<[^>]*\Z")
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([a-z]{2,3})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an extractor read from a page, before our furniture layer."""

    lines: tuple[str, ...]  # paragraphs / list items / table rows, in page order
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO date from the page's markup (meta, JSON-LD, <time>, URL)
    sitename: str | None = None
    url: str | None = None
    language: str | None = None
    extractor: str = "trafilatura"


def is_html(kind: str, text: str) -> bool:
    """Whether to read ``text`` as HTML: it starts like a page or holds several tags.

    The declared ``kind`` decides only when the text itself is unclear: a ".txt" that is really a
    saved page goes to trafilatura, and an ".html" with no tags at all is read as text.
    """
    if _HTML_START.match(text[:2000]):
        return True
    tags = len(_TAG.findall(text[:5000]))
    return tags >= 5 or (kind == "html" and tags > 0)


def extract_html(html: str, *, url: str | None = None, max_date: str | None = None) -> Extracted:
    """Main text lines and metadata of an HTML page.

    Args:
        html: the decoded page.
        url: the page's address when known (helps trafilatura's date and URL metadata).
        max_date: ISO date; markup dates after it are ignored (htmldate's guard against
            nonsense future dates). Pass the ingest date so results do not depend on the clock.
    """
    # lxml refuses str input that still declares its byte encoding; we decoded already.
    html = _XML_DECL.sub("", html, count=1)
    doc = _trafilatura(html, url=url, max_date=max_date)
    text = (doc.text or "") if doc is not None else ""
    if text.strip():
        return Extracted(
            lines=tuple(text.split("\n")),
            title=doc.title,
            author=doc.author,
            date=doc.date,
            sitename=doc.sitename,
            url=doc.url,
            language=doc.language or _page_language(html),
        )
    log.debug("trafilatura found no main text in %s; using the visible-text fallback", url)
    fallback = visible_text(html)
    if doc is not None:  # trafilatura's metadata is still better than ours
        return Extracted(
            lines=fallback.lines,
            title=doc.title or fallback.title,
            author=doc.author or fallback.author,
            date=doc.date or fallback.date,
            sitename=doc.sitename or fallback.sitename,
            url=doc.url or fallback.url,
            language=doc.language or fallback.language,
            extractor="fallback",
        )
    return fallback


def _trafilatura(html: str, *, url: str | None, max_date: str | None) -> Any:
    import trafilatura  # 0.1 s import, paid on the first HTML page only

    date_params = {"extensive_search": False, "original_date": True}
    if max_date:
        date_params["max_date"] = max_date
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            fast=True,  # no readability/justext second pass: faster, and better on the benchmark
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=date_params,
        )
    # A broken page can surface any error from deep inside lxml or trafilatura; one bad page
    # must not stop a batch, and the fallback below still reads what it can.
    except Exception as e:  # noqa: BLE001
        log.warning(
            "trafilatura failed on %s (%s: %s); using the fallback", url, type(e).__name__, e
        )
        return None


def _page_language(html: str) -> str | None:
    """``<html lang="fr">``; trafilatura only fills its language with a language detector."""
    m = _HTML_LANG.search(html[:5000])
    return m.group(1).lower() if m else None


def split_text(text: str) -> tuple[str, ...]:
    """Paragraphs of a plain-text scrape.

    Blank lines separate paragraphs. Inside a blank-line chunk, scrapes usually put one paragraph
    per line, so each line stands alone; only a hard-wrapped chunk is joined back into its
    paragraphs.
    """
    units: list[str] = []
    for chunk in re.split(r"\n[ \t\f\v]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if _hard_wrapped(lines):
            units.extend(_unwrap(lines))
        else:
            units.extend(_menu_as_list(line) for line in lines)
    return tuple(units)


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a margin: none over 100 characters, most over 50, and at least one line that
    starts in lower case, i.e. continues a sentence. Lists of headlines have the lengths of
    wrapped text but each item starts with a capital."""
    if len(lines) < 2 or max(len(line) for line in lines) > WRAP_MAX:
        return False
    if not any(line[:1].islower() for line in lines[1:]):
        return False
    return sum(len(line) >= WRAP_MIN for line in lines) * 2 >= len(lines)


def _unwrap(lines: list[str]) -> list[str]:
    """Join wrapped lines: a line continues the previous one when that one ran to the margin
    without ending a sentence, or when it starts in lower case. Breaking at every sentence end
    may split a paragraph in two, but never glues a furniture line onto the body."""
    units: list[list[str]] = []
    previous = ""
    for line in lines:
        ran_on = len(previous) >= WRAP_MIN and (
            not previous.endswith(_SENTENCE_END) or line[:1].islower()
        )
        if units and ran_on:
            units[-1].append(line)
        else:
            units.append([line])
        previous = line
    return [" ".join(unit) for unit in units]


def _menu_as_list(line: str) -> str:
    """ "Menu  News  World  Business": a menu laid out with wide gaps becomes "Menu | News | ...",
    which the furniture rules recognise; gaps inside prose ("said.  Then") are left alone."""
    parts = _MENU_GAP.split(line)
    short = all(len(p) <= 25 and len(p.split()) <= 3 for p in parts)
    if len(parts) >= 3 and short and not any(p.endswith(_SENTENCE_END) for p in parts):
        return " | ".join(parts)
    return line


# --- fallback: visible text of a page, tolerant of truncation -----------------------------------

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "header", "footer",
                   "aside", "form", "button", "select", "textarea", "iframe", "head", "figure"})  # fmt: skip
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                     "section", "article", "main", "blockquote", "pre", "tr", "table", "dd",
                     "dt", "figcaption", "hr", "title"})  # fmt: skip
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base",
                   "col", "embed", "param", "track"})  # fmt: skip
_META_KEYS = {
    "og:title": "title", "twitter:title": "title", "og:site_name": "sitename", "og:url": "url",
    "author": "author", "article:author": "author", "article:published_time": "date",
    "datepublished": "date", "date": "date", "pubdate": "date", "publish-date": "date",
}  # fmt: skip


class _VisibleText(HTMLParser):
    """Collects block-level text outside navigation, scripts and forms, plus a few meta tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.meta: dict[str, str] = {}
        self._buf: list[str] = []
        self._skip_depth = 0
        self._skip_stack: list[str] = []
        self._in_title = False
        self.page_title = ""
        self.language: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.language = a["lang"][:2].lower()
        elif tag == "meta":
            name = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if name in _META_KEYS and a.get("content"):
                self.meta.setdefault(_META_KEYS[name], a["content"].strip())
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("url", a["href"])
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("date", a["datetime"])
        if tag == "title":
            self._in_title = True
        if tag in _SKIP and tag not in _VOID and tag != "head":
            self._skip_stack.append(tag)
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._skip_stack and tag == self._skip_stack[-1]:
            self._skip_stack.pop()
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page_title += data
        elif not self._skip_stack:
            self._buf.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        self._buf = []
        if text:
            self.lines.append(text)

    def close(self) -> None:
        super().close()
        self._flush()


def visible_text(html: str) -> Extracted:
    """Block-level visible text of ``html`` outside navigation, headers, footers and forms.

    The fallback when trafilatura finds nothing; tolerant of pages cut off mid-tag.
    """
    parser = _VisibleText()
    # html.parser hands a tag cut off at the end of the file back as text; drop it.
    parser.feed(_CUT_TAG.sub("", html))
    parser.close()
    meta = parser.meta
    date = meta.get("date")
    return Extracted(
        lines=tuple(parser.lines),
        title=meta.get("title") or " ".join(parser.page_title.split()) or None,
        author=meta.get("author"),
        date=date[:10] if date and re.match(r"\d{4}-\d\d-\d\d", date) else None,
        sitename=meta.get("sitename"),
        url=meta.get("url"),
        language=parser.language,
        extractor="fallback",
    )
