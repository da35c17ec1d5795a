"""Code a text through the real understand stage, for coding tests whose answer depends on what
the readers find (dates, actors, attributions) and where."""

from __future__ import annotations

from dragoman import understand
from dragoman.coding import code_events
from dragoman.model import Article, DateValue, Event, SentenceView
from dragoman.options import Options


def _article(text: str, published: str) -> Article:
    return Article(
        id="d",
        raw_id="r_d",
        origin="test",
        title=None,
        text=text,
        url=None,
        outlet="Example Wire",
        published=DateValue(start=published, end=published, precision="day"),
    )


def coded(text: str, published: str = "2026-02-15") -> list[Event]:
    """The events of ``text`` as an Example Wire article published on ``published``."""
    article = _article(text, published)
    opts = Options()
    return code_events(article, understand.annotate(article, opts.understand), opts.coding)


def dyads(events: list[Event]) -> set[tuple[str, str, str | None, str | None]]:
    """(type, CAMEO code, source country, target country) of each event."""
    return {
        (e.event_type, e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
    }


def sentence_view(
    text: str, trigger: str, published: str = "2026-02-14"
) -> tuple[SentenceView, tuple[int, int]]:
    """The sentence holding the first ``trigger`` of ``text``, as the understand stage reads it,
    and the trigger's span relative to that sentence."""
    annotations = understand.annotate(_article(text, published), Options().understand)
    at = text.index(trigger)
    index = next(s.index for s in annotations.sentences if s.start <= at < s.end)
    view = annotations.in_sentence(index)
    start = at - view.sentence.start
    return view, (start, start + len(trigger))
