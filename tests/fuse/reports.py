"""One report of one event told in one sentence, as the fusion tests build them."""

from __future__ import annotations

from typing import Any

from dragoman.fuse import Report
from dragoman.model import Event, Evidence, Source, content_id


def told(sentence: str, *, doc: str, published: str | None, **event: Any) -> Report:
    """The report of ``Outlet <doc>`` (published that day) whose evidence is the whole sentence.

    ``event`` holds the Event's own fields (type, code, status, actors, date...); the id, source
    and evidence follow from the sentence and the document, as the coder derives them.
    """
    built = Event(
        id=content_id("e", doc, sentence),
        sources=(Source(doc_id=doc, outlet=f"Outlet {doc}", url=None),),
        evidence=(Evidence(doc_id=doc, sentence=sentence, start=0, end=len(sentence)),),
        **event,
    )
    return Report.of(built, article_id=doc, published=published, outlet=f"Outlet {doc}")
