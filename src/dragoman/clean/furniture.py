"""Our furniture layer: drop the page furniture an extractor lets through, or a scrape keeps.

It runs on the lines trafilatura extracted from HTML and on the paragraphs of plain-text scrapes
alike. The patterns are data (``data/clean/furniture.yaml``, see ``rules.py``); this module holds
what a single pattern cannot say: teaser blocks that run until the body resumes, reader comments
that run to the end, paragraphs repeated from the headline or lead, and the headline of a
plain-text scrape.

Every dropped line is kept in ``Cleaned.removed`` so a surprising article can be debugged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dragoman.clean.dates import read_date_line
from dragoman.clean.rules import Rules
from dragoman.model import normalise_ws

log = logging.getLogger(__name__)

BODY_MIN_CHARS = 100  # a paragraph this long means the article body has started
TEASER_MAX_CHARS = 120  # teaser headlines are shorter; a longer line ends a teaser block
LIST_TEASER_MAX_CHARS = 300  # "- Headline Summary sentence." items of a related-links list
REPEAT_MIN_CHARS = 25  # shorter repeats ("- Yes", table cells) are left alone
LEAD_PARAGRAPHS = 2  # the lead a teaser box may repeat
LINK_RUN_MIN, LINK_MAX_CHARS = 8, 30  # a menu: eight or more very short lines in a row
TITLE_MAX_CHARS = 200
MASTHEAD_MAX_CHARS = 40
_SENTENCE_END = tuple('.!?:;,"”’)')
_KEY_JUNK = re.compile(r"[\W_]+")
_HAS_WORD = re.compile(r"\w")
_ELLIPSIS = ("…", "...")
_SENTENCE_STOP = re.compile(r"(?<!\.\.)[.!][\"”’)]?$")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the page and what the layer decided: ``rule`` is None when it is kept."""

    text: str
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The layer's result: the kept paragraphs plus what it learnt on the way."""

    lines: tuple[Line, ...]  # every line, in page order, with its verdict
    author: str | None = None  # from a byline line
    title: str | None = None  # the headline of a plain-text scrape
    masthead: str | None = None  # "STEPPE TIMES" above a plain-text headline

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(line.text for line in self.lines if line.rule is None)

    @property
    def removed(self) -> tuple[str, ...]:
        return tuple(line.text for line in self.lines if line.rule is not None)


def key(text: str) -> str:
    """Compare lines case- and punctuation-insensitively: "Talks resume!" == "talks resume"."""
    return _KEY_JUNK.sub(" ", text.casefold()).strip()


def strip_furniture(
    lines: Sequence[str], *, rules: Rules, title: str | None = None, find_title: bool = False
) -> Cleaned:
    """Classify each line as body or furniture.

    Args:
        lines: the page's lines or paragraphs, in order (empty ones are skipped).
        rules: compiled furniture rules.
        title: the known headline; short lines equal to it are dropped wherever they are.
        find_title: plain text only: take the first short unpunctuated line as the headline.
    """
    texts = [t for t in (_single_cell(normalise_ws(line)) for line in lines) if t]
    found_title = None
    masthead = None
    verdicts: list[str | None] = [None] * len(texts)
    author = _mark_rules(texts, verdicts, rules)
    if find_title:
        found_title, masthead = _mark_header(texts, verdicts, title)
        title = title or found_title
    _mark_link_runs(texts, verdicts)
    _mark_repeats(texts, verdicts, title)
    kept_lines = tuple(
        Line(_apply_inline(text, rules) if rule is None else text, rule)
        for text, rule in zip(texts, verdicts, strict=True)
    )
    dropped = sum(rule is not None for rule in verdicts)
    log.debug("furniture: dropped %d of %d lines", dropped, len(texts))
    return Cleaned(kept_lines, author=author, title=found_title, masthead=masthead)


def _single_cell(text: str) -> str:
    """ "| GENEVA — The ministers ... |": old table layouts put whole paragraphs in one-cell rows,
    which trafilatura writes as table rows; unwrap them so the rules see the paragraph."""
    if text.startswith("|") and text.endswith("|"):
        cells = [cell.strip() for cell in text.strip("|").split("|") if cell.strip()]
        if len(cells) == 1:
            return cells[0]
    return text


def _mark_rules(texts: list[str], verdicts: list[str | None], rules: Rules) -> str | None:
    """Apply the line, block and tail rules in page order; return the byline's author."""
    author = None
    block: str | None = None
    body_seen = False
    for i, text in enumerate(texts):
        if not _HAS_WORD.search(text):
            verdicts[i] = "no words"  # "***", "|---|---|", a lone bullet
            continue
        tail = rules.first("tail", text)
        if tail is not None:
            verdicts[i] = f"tail:{tail[0].name}"
            if body_seen:
                # Reader comments and forms follow; nothing after them is the article.
                for j in range(i + 1, len(texts)):
                    verdicts[j] = f"tail:{tail[0].name}"
                break
            continue
        heading = rules.first("block", text)
        if heading is not None:
            block = heading[0].name
            verdicts[i] = f"block:{block}"
            continue
        if block is not None:
            if _is_teaser(text):
                verdicts[i] = f"block:{block}"
                continue
            block = None
        date_line = read_date_line(text) if len(text) <= TEASER_MAX_CHARS else None
        if date_line is not None and date_line.only_date:
            verdicts[i] = "date line"
            continue
        hit = rules.first("line", text)
        if hit is not None:
            rule, match = hit
            verdicts[i] = rule.name
            if author is None and "author" in rule.regex.groupindex and match["author"]:
                author = match["author"]
            continue
        body_seen = body_seen or len(text) >= BODY_MIN_CHARS
    return author


def _is_teaser(text: str) -> bool:
    """A line that can belong to a "You may also like" block: a headline or a list item.

    Teaser headlines do not end with a full stop; a short sentence that does is the body
    resuming (some outlets write one-sentence paragraphs right after a mid-article teaser box).
    """
    if text.startswith(("- ", "• ", "* ")):
        return len(text) <= LIST_TEASER_MAX_CHARS
    return len(text) <= TEASER_MAX_CHARS and not _SENTENCE_STOP.search(text)


def _is_body(text: str) -> bool:
    """A body paragraph: a sentence, or too long for a headline (some run past 100 chars)."""
    return len(text) > TITLE_MAX_CHARS or (len(text) >= 60 and text.endswith(_SENTENCE_END))


def _mark_header(
    texts: list[str], verdicts: list[str | None], known: str | None
) -> tuple[str | None, str | None]:
    """Plain text: find the headline above the body and drop the other header lines.

    Above the first body paragraph a scrape holds the masthead ("STEPPE TIMES"), section labels
    and the headline. The headline is the first short line without final punctuation that is not
    a masthead in capitals; the other unpunctuated short lines there are dropped with it. With a
    ``known`` headline, only the lines equal to it count as the headline.
    """
    title = masthead = None
    known_key = key(known) if known else None
    for i, text in enumerate(texts):
        if verdicts[i] is not None:
            continue
        if _is_body(text):
            break
        if len(text) > TITLE_MAX_CHARS or text.endswith(_SENTENCE_END):
            continue  # a standfirst or kicker sentence: content, keep it
        if known_key is not None and key(text) == known_key:
            title = text
            verdicts[i] = "title"
        elif title is None and _is_masthead(text):
            masthead = masthead or text
            verdicts[i] = "masthead"
        elif title is None and known_key is None:
            title = text
            verdicts[i] = "title"
        elif len(text) <= MASTHEAD_MAX_CHARS:
            verdicts[i] = "header"
    return title, masthead


def _is_masthead(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(text) <= MASTHEAD_MAX_CHARS and bool(letters) and all(ch.isupper() for ch in letters)


def _mark_link_runs(texts: list[str], verdicts: list[str | None]) -> None:
    """Drop long runs of very short lines: menus and link lists that the extractor kept.

    A run is LINK_RUN_MIN or more kept lines in a row, each at most LINK_MAX_CHARS long, none a
    sentence or a list item ("- ...") or table row ("| ... |"), which is how extractors mark the
    real lists and tables of an article.
    """
    run: list[int] = []
    for i, text in enumerate([*texts, ""]):
        if i < len(texts) and verdicts[i] is not None:
            continue  # already furniture: does not break a run
        if i < len(texts) and _is_link(text):
            run.append(i)
            continue
        if len(run) >= LINK_RUN_MIN:
            for j in run:
                verdicts[j] = "link list"
        run = []


def _is_link(text: str) -> bool:
    return (
        len(text) <= LINK_MAX_CHARS
        and not text.startswith(("- ", "|", "* ", "• "))
        and not text.endswith(_SENTENCE_END)
    )


def _mark_repeats(texts: list[str], verdicts: list[str | None], title: str | None) -> None:
    """Drop the headline wherever it recurs, and later copies of the lead.

    Teaser boxes repeat the headline and lead ("Geneva talks resume / Negotiators met ...");
    the first occurrence is the article's, later ones are furniture. A teaser may also cut the
    lead short with an ellipsis, so a line ending in "…" that starts an earlier paragraph goes too.
    Other repeated paragraphs stay: on the extraction benchmark they are real content (interview
    questions, recipe cards, list items, table headers), and dropping every repeat cost 0.002 F1.
    """
    title_key = key(title) if title else None
    lead: set[str] = set()
    kept: list[str] = []
    for i, text in enumerate(texts):
        if verdicts[i] is not None:
            continue
        k = key(text)
        if title_key and k == title_key and len(text) <= TITLE_MAX_CHARS:
            verdicts[i] = "title"
        elif _repeats_lead(text, k, lead, kept):
            verdicts[i] = "repeat"
        else:
            kept.append(k)
            if len(kept) <= LEAD_PARAGRAPHS:
                lead.add(k)


def _repeats_lead(text: str, k: str, lead: set[str], kept: list[str]) -> bool:
    if len(text) >= REPEAT_MIN_CHARS and k in lead:
        return True
    return text.endswith(_ELLIPSIS) and _cut_repeat(k, kept)


def _cut_repeat(k: str, earlier: list[str]) -> bool:
    return len(k) >= REPEAT_MIN_CHARS and any(p.startswith(k) and p != k for p in earlier)


def _apply_inline(text: str, rules: Rules) -> str:
    for rule in rules.inline:
        text = rule.regex.sub(rule.replace or "", text)
    return text
