"""The dedup settings in ``data/dedup/settings.yaml``, read into two frozen records.

    load_settings().near_duplicates.threshold   -> 0.4
    load_settings().clusters.event_threshold    -> ...

Why each value is what it is lives next to it in the YAML file; this module only checks types and
ranges, and names ``file:line`` and the fix when an entry is wrong.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dragoman.datafile import LINE, load_yaml, package_data_path, where
from dragoman.errors import DataFileError

__all__ = ["ClusterSettings", "DedupSettings", "NearDupSettings", "load_settings"]


@dataclass(frozen=True, kw_only=True)
class NearDupSettings:
    """MinHash + LSH over word shingles of the cleaned text."""

    shingle_words: int = 3  # words per shingle
    num_perm: int = 128  # MinHash permutations
    seed: int = 1  # fixed, so every process and every run hashes alike
    threshold: float = 0.4  # estimated Jaccard similarity of the shingle sets for a near-duplicate


@dataclass(frozen=True, kw_only=True)
class ClusterSettings:
    """Documents grouped by the real event they report (see docs/dedup.md)."""

    term_ceiling_zipf: float = 7.0  # a word weighs ceiling - zipf: "the" 0, "Geneva" 3.0
    unknown_zipf: float = 2.5  # zipf assumed for words missing from the frequency table
    number_zipf: float = 3.0  # numbers weigh like a rare word
    name_max_zipf: float = 5.5  # capitalised words at least this common are not names
    names_share: float = 0.7  # similarity = names_share * names cosine + the rest * words cosine
    index_keys: int = 12  # heaviest words and names per document used to find candidates
    link_threshold: float = 0.2  # a candidate pair this similar joins two blocks
    topic_threshold: float = 0.05  # stage 1: average similarity at which a block's stories merge
    event_threshold: float = 0.225  # stage 2: same, with weights local to the stage-1 group
    local_smoothing: float = 1.0  # stage 2 weight = global weight * (smoothing + local rarity)
    date_window_days: int = 30  # two dated reports further apart never share an event


@dataclass(frozen=True, kw_only=True)
class DedupSettings:
    near_duplicates: NearDupSettings
    clusters: ClusterSettings


def _build(cls: type[Any], raw: Any, path: Path | str, section: str) -> Any:
    if not isinstance(raw, dict):
        raise DataFileError(f"{path}: section '{section}' must be a mapping of setting: value")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key == LINE:
            continue
        if key not in fields:
            known = ", ".join(sorted(fields))
            raise DataFileError(
                f"{where(path, raw)}: unknown setting '{section}.{key}'; known: {known}"
            )
        default = fields[key].default
        if isinstance(default, int) and not isinstance(default, bool) and isinstance(value, float):
            raise DataFileError(
                f"{where(path, raw)}: '{section}.{key}' must be a whole number, not {value}"
            )
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise DataFileError(
                f"{where(path, raw)}: '{section}.{key}' must be a number, not {value!r}"
            )
        values[key] = type(default)(value)
    return cls(**values)


def _check(s: DedupSettings, path: Path | str) -> None:
    nd, cl = s.near_duplicates, s.clusters
    problems = []
    if not 0.0 < nd.threshold <= 1.0:
        problems.append(f"near_duplicates.threshold {nd.threshold} must be in (0, 1]")
    if nd.shingle_words < 1 or nd.num_perm < 16:
        problems.append("near_duplicates.shingle_words must be ≥ 1 and num_perm ≥ 16")
    if not 0.0 <= cl.names_share <= 1.0:
        problems.append(f"clusters.names_share {cl.names_share} must be in [0, 1]")
    for name in ("link_threshold", "topic_threshold", "event_threshold"):
        if not 0.0 <= getattr(cl, name) <= 1.0:
            problems.append(f"clusters.{name} {getattr(cl, name)} must be in [0, 1]")
    if problems:
        raise DataFileError(f"{path}: " + "; ".join(problems))


def read_settings(path: Path | str) -> DedupSettings:
    """Settings from a YAML file shaped like ``data/dedup/settings.yaml``."""
    raw = load_yaml(Path(path), what="the dedup settings")
    if not isinstance(raw, dict):
        raise DataFileError(f"{path}: expected the sections near_duplicates: and clusters:")
    settings = DedupSettings(
        near_duplicates=_build(
            NearDupSettings, raw.get("near_duplicates", {}), path, "near_duplicates"
        ),
        clusters=_build(ClusterSettings, raw.get("clusters", {}), path, "clusters"),
    )
    _check(settings, path)
    return settings


@lru_cache(maxsize=1)
def load_settings() -> DedupSettings:
    """The packaged settings (read once per process)."""
    return read_settings(package_data_path("dedup", "settings.yaml"))
