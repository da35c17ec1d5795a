"""dragoman: news about diplomacy and conflict in, evidence-backed event records out.

    >>> import dragoman
    >>> report = dragoman.run(["pages/"], db="week.db")
    >>> store = dragoman.open_store("week.db")
    >>> store.events(dragoman.EventQuery(event_type="CONSULT", status="planned"))

Names are imported lazily so that ``import dragoman`` (and ``dragoman --help``) stays fast.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"

_EXPORTS = {
    "run": "dragoman.pipeline",
    "iter_run": "dragoman.pipeline",
    "process": "dragoman.pipeline",
    "open_store": "dragoman.store",
    "Store": "dragoman.store",
    "EventQuery": "dragoman.store",
    "Options": "dragoman.options",
    "Article": "dragoman.model",
    "Actor": "dragoman.model",
    "Annotations": "dragoman.model",
    "DateValue": "dragoman.model",
    "Event": "dragoman.model",
    "Evidence": "dragoman.model",
    "Place": "dragoman.model",
    "RawDocument": "dragoman.model",
    "Rejected": "dragoman.model",
    "RunReport": "dragoman.model",
    "Sentence": "dragoman.model",
    "Source": "dragoman.model",
    "DragomanError": "dragoman.errors",
    "holders": "dragoman.understand.officeholders",
    "posts": "dragoman.understand.officeholders",
}
__all__ = sorted(_EXPORTS)  # noqa: PLE0605  (one table names the lazy exports)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dragoman' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
