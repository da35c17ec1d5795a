"""Title, outlet, author, URL and publication date of an article.

What the user or the source supplied (the RawDocument's fields) always wins; then the page's
markup (as trafilatura reads it); then what the text itself shows (a byline, a date line).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from urllib.parse import urlsplit

from dragoman.clean.dates import (
    DateLine,
    copyright_year,
    parse_iso,
    read_date_line,
    resolve,
    year_reference,
)
from dragoman.clean.furniture import Cleaned
from dragoman.model import DateValue, RawDocument, normalise_ws

log = logging.getLogger(__name__)

DATE_SEARCH_PARAGRAPHS = 6  # a dateline opens the article; later dates are the story's own
# What follows the name in a byline: " - Diplomatic Correspondent", " | 14 Feb", ", Reuters"
_AUTHOR_TAIL = re.compile(r"(?:\s+[-–—]\s|\s*[|•·,(]|\s(?:on|in|for)\s).*$", re.IGNORECASE)
_AUTHOR_PREFIX = re.compile(r"^(?:(?:written|posted|reported)\s+)?by\s*:?\s+", re.IGNORECASE)
_SEGMENTS = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")


def pick_title(raw: RawDocument, *candidates: str | None) -> str | None:
    """The supplied title, else the first candidate (page markup, then the text's headline)."""
    for title in (raw.title, *candidates):
        if title and title.strip():
            return normalise_ws(title)
    return None


def pick_url(raw: RawDocument, page_url: str | None) -> str | None:
    if raw.url:
        return raw.url
    if page_url and page_url.startswith(("http://", "https://")):
        return page_url
    return None


def pick_outlet(raw: RawDocument, *, sitename: str | None, url: str | None) -> str | None:
    """Supplied outlet, else the page's site name, else the URL's host without "www."."""
    if raw.outlet:
        return raw.outlet
    if sitename and sitename.strip() and not sitename.startswith(("@", "http")):
        return normalise_ws(sitename)
    if url:
        host = urlsplit(url).hostname or ""
        host = host.removeprefix("www.")
        return host or None
    return None


def pick_author(raw: RawDocument, *, meta: str | None, byline: str | None) -> str | None:
    """Supplied author, else the page's author meta, else a "By NAME" byline in the text."""
    if raw.author:
        return raw.author
    for name in (meta, byline):
        cleaned = clean_author(name) if name else None
        if cleaned:
            return cleaned
    return None


def clean_author(name: str) -> str | None:
    """ "by JANE DOE - Diplomatic Correspondent" -> "Jane Doe"."""
    name = _AUTHOR_PREFIX.sub("", normalise_ws(name))
    if ";" not in name:  # "Jane Doe; John Roe" is trafilatura's list of several authors
        name = _AUTHOR_TAIL.sub("", name)
    name = name.strip(" .,:;-–—|")
    if not name or not any(ch.isalpha() for ch in name):
        return None
    if name.isupper():
        name = name.title()
    return name


def pick_published(
    raw: RawDocument,
    *,
    meta_date: str | None,
    cleaned: Cleaned,
    page: str,
) -> DateValue | None:
    """Publication date: supplied > markup > a date line in the text > None.

    A date line without a year ("14 Feb, 13:22") takes the year of the supplied date, else of
    the page's copyright footer ("© 2018–2026": 2026), else of the ingest date. No date at all
    gives None: whether to fall back on the ingest date is the pipeline's decision, not ours.
    """
    supplied = _iso_value(raw.published, source="user")
    if supplied is not None:
        return supplied
    if raw.published:
        log.warning("%s: ignoring published=%r, not an ISO date", raw.origin, raw.published)
    ingested = parse_iso(raw.ingested)
    ingested_day = ingested[0] if ingested else None
    meta = _iso_value(meta_date, source="meta")
    if meta is not None and not _after(meta.start, ingested_day):
        return meta
    found = next(_date_lines(cleaned), None)
    if found is None:
        return None
    reference = None
    if found.year is None:
        footer = copyright_year(page, not_after=ingested_day.year + 1 if ingested_day else None)
        reference = year_reference(published=None, footer_year=footer, ingested=ingested_day)
    day = resolve(found, reference=reference)
    if day is None or _after(day.isoformat(), ingested_day):
        return None
    iso = day.isoformat()
    return DateValue(start=iso, end=iso, precision="day", text=found.text, source="text")


def _iso_value(value: str | None, *, source: str) -> DateValue | None:
    parsed = parse_iso(value)
    if parsed is None:
        return None
    start, end, precision = parsed
    return DateValue(
        start=start.isoformat(),
        end=end.isoformat(),
        precision=precision,
        text=value,
        source=source,
    )


def _after(iso: str | None, ingested: date | None) -> bool:
    """A publication date more than a day after the page was read is a misreading."""
    if iso is None or ingested is None:
        return False
    return date.fromisoformat(iso) > ingested + timedelta(days=1)


def _date_lines(cleaned: Cleaned) -> Iterator[DateLine]:
    """Date lines in page order: every dropped line (bylines, bullets, date lines) and the first
    paragraphs of the body (datelines such as "YEREVAN, 15 May 2026 - ...")."""
    body_seen = 0
    for line in cleaned.lines:
        if line.rule is None:
            body_seen += 1
            if body_seen > DATE_SEARCH_PARAGRAPHS:
                continue
            candidates: Iterable[str] = (line.text,)
        elif line.rule.startswith(("tail:", "block:")):
            continue  # dates under reader comments or related links are not the article's
        else:
            candidates = (line.text, *_SEGMENTS.split(line.text)[1:])
        for text in candidates:
            found = read_date_line(text)
            if found is not None:
                yield found
                break
