"""The PLOVER/CAMEO ontology tables, read once from ``dragoman/data/ontology``.

    plover_types  plover_modes  contexts  sectors  cameo_codes (.tsv)  --load_ontology--> Ontology

The tables are copies of the project's shared ontology (see data/ontology/README.md). ``check`` is
what the lexicon uses to validate a trigger: its CAMEO code must exist, the code's PLOVER type must
equal the trigger's event type, and its mode and contexts must be ones PLOVER defines. A trigger
with no CAMEO code (an act CAMEO lacks, e.g. a resignation) must name its PLOVER mode instead.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dragoman.errors import DataFileError

__all__ = ["CameoCode", "Ontology", "load_ontology"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CameoCode:
    code: str  # "046"
    name: str
    plover_type: str  # "CONSULT", or "none" for CAMEO 01 statements
    plover_mode: str | None
    contexts: tuple[str, ...]
    line: int  # where it is defined in cameo_codes.tsv


@dataclass(frozen=True, slots=True, kw_only=True)
class Ontology:
    types: dict[str, tuple[str, ...]]  # PLOVER type -> its modes
    requires_recipient: frozenset[str]
    contexts: frozenset[str]
    sectors: frozenset[str]
    cameo: dict[str, CameoCode]
    folder: Path

    def check(
        self, *, event_type: str, cameo: str | None, mode: str | None, contexts: Iterable[str]
    ) -> str | None:
        """Why this combination is not valid, or None when it is.

        ``cameo`` None: an act CAMEO has no code for (a resignation, RETREAT/resign); it must
        name its PLOVER mode, which says what the act is where a code would."""
        if event_type not in self.types:
            return f"event_type {event_type!r} is not a PLOVER type ({', '.join(self.types)})"
        if cameo is None:
            if mode is None:
                modes = ", ".join(self.types[event_type]) or "none"
                return (
                    f"cameo null needs a mode: name the {event_type} mode the act is "
                    f"(modes: {modes}), or give a CAMEO code"
                )
            return self._check_mode_contexts(event_type, mode, contexts)
        code = self.cameo.get(cameo)
        if code is None:
            return f'cameo {cameo!r} is not in cameo_codes.tsv (write it quoted, e.g. "046")'
        if code.plover_type != event_type:
            return (
                f"cameo {cameo} ({code.name}) is PLOVER {code.plover_type} in cameo_codes.tsv:"
                f"{code.line}, not {event_type}; change event_type or the code"
            )
        return self._check_mode_contexts(event_type, mode, contexts)

    def _check_mode_contexts(
        self, event_type: str, mode: str | None, contexts: Iterable[str]
    ) -> str | None:
        if mode is not None and mode not in self.types[event_type]:
            modes = ", ".join(self.types[event_type]) or "none"
            return f"mode {mode!r} is not a mode of {event_type} (modes: {modes})"
        unknown = [c for c in contexts if c not in self.contexts]
        if unknown:
            return f"unknown context {unknown[0]!r}; see contexts.tsv"
        return None


def _rows(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            for i, row in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
                yield i, {k: (v or "").strip() for k, v in row.items() if k is not None}
    except OSError as e:
        raise DataFileError(f"{path}: cannot read the ontology table ({e.strerror})") from e


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _need(path: Path, line: int, row: dict[str, str], *keys: str) -> None:
    for key in keys:
        if not row.get(key):
            raise DataFileError(f"{path}:{line}: column {key!r} is empty or missing")


@functools.cache
def load_ontology(folder: str | None = None) -> Ontology:
    """Load and cross-check the ontology tables (the packaged ones unless ``folder`` is given)."""
    base = Path(folder) if folder else Path(str(resources.files("dragoman") / "data" / "ontology"))
    types: dict[str, tuple[str, ...]] = {}
    recipient: set[str] = set()
    path = base / "plover_types.tsv"
    for line, row in _rows(path):
        _need(path, line, row, "type")
        types[row["type"]] = _split(row.get("modes", ""))
        if row.get("requires_recipient") == "yes":
            recipient.add(row["type"])
    path = base / "plover_modes.tsv"
    for line, row in _rows(path):
        _need(path, line, row, "type", "mode")
        if row["type"] not in types or row["mode"] not in types[row["type"]]:
            raise DataFileError(
                f"{path}:{line}: mode {row['mode']!r} of {row['type']!r} is not listed in "
                "plover_types.tsv; add it there or remove the row"
            )
    path = base / "contexts.tsv"
    contexts = frozenset(row["context"] for _, row in _rows(path) if row.get("context"))
    path = base / "sectors.tsv"
    sectors = frozenset(row["code"] for _, row in _rows(path) if row.get("code"))
    path = base / "cameo_codes.tsv"
    cameo: dict[str, CameoCode] = {}
    for line, row in _rows(path):
        _need(path, line, row, "code", "name", "plover_type")
        code, ptype = row["code"], row["plover_type"]
        if ptype != "none" and ptype not in types:
            raise DataFileError(f"{path}:{line}: plover_type {ptype!r} of {code} is unknown")
        ctx = _split(row.get("plover_context", ""))
        bad = [c for c in ctx if c not in contexts]
        if bad:
            raise DataFileError(
                f"{path}:{line}: context {bad[0]!r} of {code} is not in contexts.tsv"
            )
        if code in cameo:
            raise DataFileError(f"{path}:{line}: cameo {code} is defined twice")
        cameo[code] = CameoCode(
            code=code,
            name=row["name"],
            plover_type=ptype,
            plover_mode=row.get("plover_mode") or None,
            contexts=ctx,
            line=line,
        )
    if not types or not cameo:
        raise DataFileError(f"{base}: the ontology tables are empty; reinstall dragoman")
    return Ontology(
        types=types,
        requires_recipient=frozenset(recipient),
        contexts=contexts,
        sectors=sectors,
        cameo=cameo,
        folder=base,
    )
