"""Reading the JSON that the near-duplicate index and the event clusterer save themselves as.

Both keep a ``format`` name and a ``version`` in their state, so a file written by another
structure or an older layout is refused with a message that says how to rebuild it.
"""

from __future__ import annotations

import json
from typing import Any

from dragoman.dedup.errors import DedupError

__all__ = ["read_state"]


def read_state(data: str, *, what: str, form: str, version: int, rebuild: str) -> dict[str, Any]:
    """The saved state of ``what`` as a dict, checked to be ``form`` at ``version``.

    Raises:
        DedupError: the data is not JSON, or not a saved ``form`` of this version; the message
            ends with ``rebuild``, how to make the structure again.
    """
    try:
        state = json.loads(data)
    except json.JSONDecodeError as e:
        raise DedupError(f"{what}: saved state is not JSON ({e}); save it with to_json()") from e
    if (
        not isinstance(state, dict)
        or state.get("format") != form
        or state.get("version") != version
    ):
        raise DedupError(f"{what}: saved state is not {form} version {version}; {rebuild}")
    return state
