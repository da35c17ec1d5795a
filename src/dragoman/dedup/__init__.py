"""Dedup: near-duplicate articles, and articles grouped by the real event they report.

    NearDupIndex      MinHash + LSH over word shingles: syndicated, republished, updated copies
    EventClusterer    incremental, order-independent clustering of articles by event
    profile_document  what the clusterer reads of an article (words, names, publication day)

Both are pure libraries: they hold no database and print nothing; ``to_json``/``from_json`` let a
store persist them. Settings are in ``data/dedup/settings.yaml``; docs/dedup.md explains the method.
"""

from __future__ import annotations

from dragoman.dedup.cluster import EventClusterer
from dragoman.dedup.errors import DedupError
from dragoman.dedup.neardup import NearDupIndex
from dragoman.dedup.profile import DocProfile, person_names, profile_document
from dragoman.dedup.settings import ClusterSettings, DedupSettings, NearDupSettings, load_settings

__all__ = [
    "ClusterSettings",
    "DedupError",
    "DedupSettings",
    "DocProfile",
    "EventClusterer",
    "NearDupIndex",
    "NearDupSettings",
    "load_settings",
    "person_names",
    "profile_document",
]
