"""Tracks (rounds of one negotiation) and their briefs: placeholders until fusion fills the store.

Each route answers 501 with the same message, so clients can code against the paths now; fill them
in here once the store has tracks.
"""

from __future__ import annotations

from fastapi import APIRouter

from dragoman.service.errors import ApiError

router = APIRouter(tags=["tracks"])

NOT_YET = "tracks arrive with fusion"
_RESPONSES = {501: {"description": NOT_YET}}


def _not_yet() -> ApiError:
    return ApiError(501, "not_implemented", NOT_YET)


@router.get("/tracks", responses=_RESPONSES)
def tracks() -> None:
    """Negotiation tracks: not available yet (501)."""
    raise _not_yet()


@router.get("/tracks/{track_id}", responses=_RESPONSES)
def track(track_id: str) -> None:
    """One track with its rounds: not available yet (501)."""
    raise _not_yet()


@router.get("/tracks/{track_id}/brief", responses=_RESPONSES)
def track_brief(track_id: str) -> None:
    """A written brief of one track: not available yet (501)."""
    raise _not_yet()
