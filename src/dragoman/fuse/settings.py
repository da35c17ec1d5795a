"""Fusion settings and the status lifecycle, read once from ``data/fuse/*.yaml``."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dragoman.datafile import load_yaml, package_data_path
from dragoman.errors import DataFileError
from dragoman.model import STATUSES


@dataclass(frozen=True, slots=True, kw_only=True)
class FuseSettings:
    window_days: int
    day_tolerance: int
    recent_days: int
    same_day_text_overlap: float
    text_overlap: float
    min_word_length: int
    no_round_cameo: frozenset[str]
    stopwords: frozenset[str]
    prospect_verbs: frozenset[str] = frozenset()  # words of a prospect's trigger that name no thing
    told_before: re.Pattern[str] | None = None  # a trigger pointing back: "renewed that demand"
    object_types: frozenset[str] = frozenset()  # types whose topics say what was agreed


@dataclass(frozen=True, slots=True, kw_only=True)
class Lifecycle:
    moves: Mapping[str, frozenset[str]]  # status -> statuses a later report may move it to
    contradicting: frozenset[frozenset[str]]
    same_day_rank: Mapping[str, int]

    def may_move(self, old: str, new: str) -> bool:
        return new in self.moves.get(old, frozenset())

    def contradicts(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.contradicting


@functools.cache
def fuse_settings() -> FuseSettings:
    path = package_data_path("fuse", "settings.yaml")
    data = load_yaml(path, lines=False, what="cannot read the fusion settings")
    try:
        return FuseSettings(
            window_days=int(data["window_days"]),
            day_tolerance=int(data["day_tolerance"]),
            recent_days=int(data["recent_days"]),
            same_day_text_overlap=float(data["same_day_text_overlap"]),
            text_overlap=float(data["text_overlap"]),
            min_word_length=int(data["min_word_length"]),
            no_round_cameo=frozenset(map(str, data["no_round_cameo"])),
            stopwords=frozenset(str(w).lower() for w in data["stopwords"]),
            prospect_verbs=frozenset(str(w).lower() for w in data.get("prospect_verbs") or ()),
            told_before=re.compile(data["told_before"], re.IGNORECASE)
            if data.get("told_before")
            else None,
            object_types=frozenset(map(str, data.get("object_types") or ())),
        )
    except (KeyError, TypeError, ValueError, re.error) as e:
        raise DataFileError(f"{path}: missing or bad setting ({e}); compare with the file's comments") from e


@functools.cache
def lifecycle() -> Lifecycle:
    path = package_data_path("fuse", "lifecycle.yaml")
    data: dict[str, Any] = load_yaml(path, lines=False, what="cannot read the status lifecycle")
    moves = {s: frozenset(data.get(s) or ()) for s in STATUSES}
    named = set(moves) | {t for targets in moves.values() for t in targets}
    pairs = frozenset(frozenset(p) for p in data.get("contradicting") or ())
    order = list(data.get("same_day_order") or ())
    named |= {s for p in pairs for s in p} | set(order)
    unknown = sorted(named - set(STATUSES))
    if unknown or sorted(order) != sorted(STATUSES):
        raise DataFileError(
            f"{path}: statuses must be {', '.join(STATUSES)}; unknown {unknown}, "
            f"same_day_order lists {order}"
        )
    return Lifecycle(
        moves=moves, contradicting=pairs, same_day_rank={s: i for i, s in enumerate(order)}
    )
