"""Track settings, read once from ``data/tracks/tracks.yaml``."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from dragoman.datafile import load_yaml, package_data_path
from dragoman.errors import DataFileError


@dataclass(frozen=True, slots=True, kw_only=True)
class TrackSettings:
    round_cameo: frozenset[str]
    not_round_cameo: frozenset[str]
    not_round_status: frozenset[str]
    agreements: Mapping[str, frozenset[str]]  # type -> CAMEO codes (empty: any)
    opening_cameo: frozenset[str]
    context_types: frozenset[str]
    context_days: int
    sequel_round: re.Pattern[str] | None = None  # "a new round": not round 1 with none before it
    delegate_cue: re.Pattern[str] | None = None  # a sentence naming a delegate: "will lead the side"

    def names_delegate(self, sentence: str) -> bool:
        """The sentence says that a person it names takes part in the talks (no cue: any does)."""
        return self.delegate_cue is None or self.delegate_cue.search(sentence) is not None

    def is_sequel(self, words: str | None) -> bool:
        """The words that coded a meeting call it the next of a series ("a new round")."""
        return bool(words and self.sequel_round is not None and self.sequel_round.search(words))

    def is_agreement(self, event_type: str, cameo: str) -> bool:
        codes = self.agreements.get(event_type)
        return codes is not None and (not codes or cameo in codes)


@functools.cache
def track_settings() -> TrackSettings:
    path = package_data_path("tracks", "tracks.yaml")
    data = load_yaml(path, lines=False, what="cannot read the track settings")
    try:
        return TrackSettings(
            round_cameo=frozenset(map(str, data["round_cameo"])),
            not_round_cameo=frozenset(map(str, data["not_round_cameo"])),
            not_round_status=frozenset(data["not_round_status"]),
            agreements={k: frozenset(map(str, v or ())) for k, v in data["agreements"].items()},
            opening_cameo=frozenset(map(str, data["opening_cameo"])),
            context_types=frozenset(data["context_types"]),
            context_days=int(data["context_days"]),
            sequel_round=re.compile(data["sequel_round"], re.IGNORECASE) if data.get("sequel_round") else None,
            delegate_cue=re.compile(data["delegate_cue"], re.IGNORECASE) if data.get("delegate_cue") else None,
        )
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as e:
        raise DataFileError(f"{path}: missing or bad setting ({e}); compare with the file's comments") from e
