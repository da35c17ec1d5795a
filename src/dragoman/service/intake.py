"""What POST /ingest does after the token check: request -> RawDocument -> the pipeline, one writer.

The pipeline and the store are the CLI's (``pipeline.iter_documents`` on one ``Store``); a lock makes
the server's requests take turns, so there is still one writer, as with ``dragoman ingest``.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date
from typing import Any

from dragoman import ingest
from dragoman.ingest.fetch import FetchOptions, fetch
from dragoman.model import RawDocument, Rejected
from dragoman.options import IngestOptions, Options
from dragoman.pipeline import ItemResult, iter_documents
from dragoman.store import Store

BODY_ORIGIN = "POST /ingest"


class Intake:
    """The server's only writer: one store, one lock."""

    def __init__(
        self,
        store: Store,
        *,
        fetch_options: FetchOptions | None = None,
        options: Options | None = None,
    ) -> None:
        self._store = store
        self._lock = threading.Lock()
        self.fetch_options = fetch_options or FetchOptions()
        self.options = options or Options()

    def run(self, document: RawDocument | Rejected) -> ItemResult:
        """Clean, understand, code and store one document; duplicates and refusals are results."""
        with self._lock:
            return next(iter(iter_documents([document], self._store, self.options)))

    def close(self) -> None:
        with self._lock:
            self._store.close()

    # -- building documents ------------------------------------------------------------------------

    def from_record(self, record: dict[str, Any]) -> RawDocument | Rejected:
        """A JSON body with ``html`` or ``text`` and optional url/title/published/outlet/author."""
        # The ingest package's own reader for one JSON record: the same ids as `dragoman ingest`.
        return ingest._json_document(record, BODY_ORIGIN, self.options.ingest, _today(self.options))

    def from_body(
        self, content: bytes, *, kind: str, meta: IngestOptions
    ) -> RawDocument | Rejected:
        """A raw text/html or text/plain body; ``meta`` carries published/outlet/url from the query."""
        opts = replace(
            self.options.ingest, published=meta.published, outlet=meta.outlet, url=meta.url
        )
        return ingest._document(content, BODY_ORIGIN, kind, opts, _today(self.options))

    def from_url(self, url: str, *, meta: IngestOptions) -> RawDocument:
        """Fetch ``url`` with the guarded fetcher (raises FetchRefused / FetchFailed)."""
        page = fetch(url, self.fetch_options)
        opts = replace(
            self.options.ingest,
            published=meta.published,
            outlet=meta.outlet,
            url=meta.url or page.url,
        )
        kind = "text" if page.content_type == "text/plain" else "html"
        return ingest._document(page.content, page.url, kind, opts, _today(self.options))


def _today(options: Options) -> str:
    return options.ingest.ingested or date.today().isoformat()
