"""Stage ``tracks``: negotiation processes built from canonical events, and their briefs."""

from dragoman.tracks.build import (
    Delegate,
    Round,
    StatusPoint,
    Track,
    build_track,
    track_id,
)
from dragoman.tracks.ledger import TrackLedger
from dragoman.tracks.settings import track_settings

__all__ = ["Delegate", "Round", "StatusPoint", "Track", "TrackLedger", "build_track", "track_id", "track_settings"]
