"""Code a text through the real understand stage, for coding tests whose answer depends on what
the readers find (dates, actors, attributions) and where."""

from __future__ import annotations

from dragoman import understand
from dragoman.coding import code_events
from dragoman.model import Article, DateValue, Event
from dragoman.options import Options


def coded(text: str, published: str = "2026-02-15") -> list[Event]:
    """The events of ``text`` as an Example Wire article published on ``published``."""
    article = Article(
        id="d",
        raw_id="r_d",
        origin="test",
        title=None,
        text=text,
        url=None,
        outlet="Example Wire",
        published=DateValue(start=published, end=published, precision="day"),
    )
    opts = Options()
    return code_events(article, understand.annotate(article, opts.understand), opts.coding)
