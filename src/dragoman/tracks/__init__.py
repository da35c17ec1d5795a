"""Stage ``tracks``: negotiation processes built from canonical events, and their briefs."""

from dragoman.tracks.build import (
    Delegate,
    Round,
    StatusPoint,
    Track,
    build_track,
    track_id,
    track_mediator,
)
from dragoman.tracks.settings import track_settings

__all__ = ["Delegate", "Round", "StatusPoint", "Track", "build_track", "track_id", "track_mediator", "track_settings"]
