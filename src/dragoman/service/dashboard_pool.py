"""Read connections for /tracks and the dashboard: ``Store`` objects handed out one per request.

The canonical events and tracks are read through the same ``Store`` API as the CLI (``dragoman
tracks``, ``dragoman brief``), so the server and the command line cannot disagree. A ``Store`` is
not shared between threads (FastAPI runs these routes in a thread pool): a request borrows one,
gives it back, and idle ones are kept for the next request, because opening one checks migrations
(about 10 ms on SQLite). Writes stay with the app's one writer; these stores only read.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dragoman.store import Store, open_store

MAX_IDLE = 8  # enough for a browser's parallel requests; more would only hold connections open


class StorePool:
    """Idle read stores of one database, reused across requests."""

    def __init__(self, db: str | Path) -> None:
        self.db = db
        self._idle: list[Store] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A store for this request alone; back in the pool afterwards (closed if the pool is full)."""
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = open_store(self.db)
        try:
            yield store
        finally:
            self._give_back(store)

    def _give_back(self, store: Store) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < MAX_IDLE:
                self._idle.append(store)
                return
        store.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()


def pool_of(request: Any) -> StorePool:
    """The pool ``dashboard.install`` put on the app."""
    return request.app.state.dragoman_reads  # type: ignore[no-any-return]
