"""The error of the dedup package, a branch of the dragoman tree (``dragoman.errors``).

DragomanError
└── DedupError       an index or clusterer was misused or its saved state is damaged
"""

from __future__ import annotations

from dragoman.errors import DragomanError

__all__ = ["DedupError"]


class DedupError(DragomanError):
    """A near-duplicate index or document clusterer was misused, or its saved state is damaged."""
