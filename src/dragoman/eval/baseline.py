"""The quality gate's data file: which sets to score, how much of each, and their floors.

    tests/eval_baseline.json
    {"version": 1, "tolerance": 0.02,
     "sets": [{"name": "timex", "limit": null, "n": 183, "digest": "sha256:...",
               "floors": {"value_acc": 0.865, "recall": 0.64}, "ceilings": {}}]}

``limit`` is how many items of the set the gate scores (null: all); ``n`` and ``digest`` (sha256 of
the gold files) record what the bounds were pinned on. ``dragoman.eval.gate`` reads and ratchets it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dragoman.errors import ConfigError, DataFileError
from dragoman.eval.bench import load_manifest

__all__ = [
    "TOLERANCE",
    "Baseline",
    "GateSet",
    "baseline_from_manifest",
    "load_baseline",
    "save_baseline",
]

TOLERANCE = 0.02


@dataclass(frozen=True, kw_only=True)
class GateSet:
    """One set of the baseline: how much of it to score, what its gold was, and its bounds."""

    name: str
    limit: int | None = None  # items scored; None for the whole set
    n: int | None = None  # items scored when the bounds were pinned
    digest: str | None = None  # "sha256:..." of the gold files when the bounds were pinned
    floors: dict[str, float] = field(default_factory=dict)  # higher is better
    ceilings: dict[str, float] = field(default_factory=dict)  # lower is better

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "limit": self.limit,
            "n": self.n,
            "digest": self.digest,
            "floors": dict(sorted(self.floors.items())),
            "ceilings": dict(sorted(self.ceilings.items())),
        }


@dataclass(frozen=True, kw_only=True)
class Baseline:
    """The gated sets, in the order they run, and the tolerance of every floor."""

    sets: tuple[GateSet, ...]
    tolerance: float = TOLERANCE

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": 1,
            "tolerance": self.tolerance,
            "sets": [s.to_dict() for s in self.sets],
        }


def load_baseline(path: Path) -> Baseline:
    """The baseline file at ``path``.

    Raises:
        ConfigError: there is no such file.
        DataFileError: the file is not a baseline (the message names the entry and the fix).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ConfigError(
            f"{path}: no baseline; create it with `dragoman eval --gate {path} --update`"
        ) from e
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DataFileError(f"{path}: cannot read the baseline ({e}); fix the file") from e
    entries = data.get("sets") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DataFileError(f'{path}: expected {{"version": 1, "tolerance": 0.02, "sets": [...]}}')
    sets = []
    for k, entry in enumerate(entries, 1):
        if not (isinstance(entry, dict) and isinstance(entry.get("name"), str)):
            raise DataFileError(f"{path}: set {k} has no name; add one or delete the entry")
        limit = entry.get("limit")
        if limit is not None and not (isinstance(limit, int) and limit > 0):
            raise DataFileError(
                f"{path}: set {entry['name']}: limit must be a positive integer or null"
            )
        bounds = {key: entry.get(key) or {} for key in ("floors", "ceilings")}
        for key, values in bounds.items():
            if not isinstance(values, dict) or not all(
                isinstance(v, int | float) for v in values.values()
            ):
                raise DataFileError(
                    f"{path}: set {entry['name']}: {key} must map metrics to numbers"
                )
        sets.append(
            GateSet(
                name=entry["name"],
                limit=limit,
                n=entry.get("n"),
                digest=entry.get("digest"),
                floors=dict(bounds["floors"]),
                ceilings=dict(bounds["ceilings"]),
            )
        )
    tolerance = data.get("tolerance", TOLERANCE)
    if not isinstance(tolerance, int | float) or tolerance < 0:
        raise DataFileError(f"{path}: tolerance must be a number >= 0, such as 0.02")
    return Baseline(sets=tuple(sets), tolerance=float(tolerance))


def save_baseline(baseline: Baseline, path: Path) -> None:
    """Write ``baseline`` to ``path`` (indented, one key order, so diffs review well)."""
    path.write_text(json.dumps(baseline.to_dict(), indent=2) + "\n", encoding="utf-8")


def baseline_from_manifest(bench: Path) -> Baseline:
    """A baseline with every set of the bench, whole and unpinned: the start of a new gate file."""
    return Baseline(sets=tuple(GateSet(name=s.name) for s in load_manifest(bench)))
