"""Sentences and their character offsets in the cleaned text.

spaCy's rule-based sentencizer on a blank English pipeline: its tokenizer knows "U.S.", "Feb." and
"Gen." so they do not end sentences, and it costs almost nothing next to a statistical parser.
Paragraph breaks always end a sentence.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from dragoman.model import Sentence

_PARAGRAPH = re.compile(r"\n\s*\n")
# The sentencizer keeps a quotation mark after a full stop with the sentence it ends, even an
# opening one ('go ahead. "The door ...'): a mark after a space opens the next sentence.
_OPENING_QUOTE_AT_END = re.compile(r"\s[\"“‘'«]+$")


@cache
def _nlp() -> Any:
    import spacy  # imported here so that `dragoman --help` does not pay for it

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences; offsets are 0-based and end-exclusive."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        end = match.start() if match else len(text)
        _split_paragraph(text, pos, end, spans)
        pos = match.end() if match else len(text)
    return tuple(Sentence(index=i, start=s, end=e, text=text[s:e]) for i, (s, e) in enumerate(spans))


def _split_paragraph(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    paragraph = text[start:end]
    if not paragraph.strip():
        return
    doc = _nlp()(paragraph)
    carried = None  # where an opening quote cut from the previous sentence starts
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        if carried is not None:
            s, carried = carried, None
        quote = _OPENING_QUOTE_AT_END.search(paragraph, s, e)
        if quote is not None and e < len(paragraph):
            carried = quote.start() + 1
            e = carried
        while s < e and paragraph[s].isspace():
            s += 1
        while e > s and paragraph[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((start + s, start + e))
