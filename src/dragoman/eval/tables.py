"""The evaluation tables in ``data/eval``: label maps and code aliases, validated on load.

label_map("penta").gold_class("3")        -> "3"
label_map("penta").our_class("046")       -> "1"     (by CAMEO root)
aliases("country", "events")["KSV"]       -> "XKX"
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

from dragoman.datafile import load_yaml, package_data_path
from dragoman.errors import ConfigError, DataFileError

__all__ = ["LabelMap", "aliases", "label_kinds", "label_map"]

_DIR = "data/eval"
_AXES = ("cameo_root", "plover")
_SCOPES = ("any", "events", "cameo", "diplomacy")
_KINDS = ("country", "sector")


@dataclass(frozen=True, slots=True)
class LabelMap:
    """How one kind of sentence label compares with our main event (``sentence_labels.yaml``)."""

    kind: str
    ours: str  # cameo_root | plover
    gold_to_class: dict[str, str]
    ours_to_class: dict[str, str]
    no_event: frozenset[str]

    @property
    def classes(self) -> list[str]:
        return sorted(set(self.gold_to_class.values()))

    def gold_class(self, label: object) -> str | None:
        """The class of a gold label, or None when it is not scored (or means no event)."""
        return self.gold_to_class.get(str(label))

    def our_class(self, value: str | None) -> str | None:
        """The class of our main event's value (a CAMEO code, or a PLOVER type), or None."""
        if not value:
            return None
        key = value[:2] if self.ours == "cameo_root" else value
        return self.ours_to_class.get(key)


@functools.cache
def _labels() -> dict[str, LabelMap]:
    name = f"{_DIR}/sentence_labels.yaml"
    data = load_yaml(package_data_path("eval", "sentence_labels.yaml"), label=name, lines=False)
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: expected one mapping per label kind")
    out = {}
    for kind, block in data.items():
        out[str(kind)] = _label_map(str(kind), block, name)
    return out


def _label_map(kind: str, block: Any, name: str) -> LabelMap:
    where = f"{name}: {kind}"
    if not isinstance(block, dict) or block.get("ours") not in _AXES:
        raise DataFileError(f"{where}: `ours` must be one of {', '.join(_AXES)}")
    classes = block.get("classes")
    if not isinstance(classes, dict) or not classes:
        raise DataFileError(
            f"{where}: `classes` must map each class to {{gold: [...], ours: [...]}}"
        )
    gold_to_class: dict[str, str] = {}
    ours_to_class: dict[str, str] = {}
    for cls, sides in classes.items():
        if not isinstance(sides, dict) or not sides.get("gold") or not sides.get("ours"):
            raise DataFileError(f"{where}: class {cls!r} needs non-empty `gold` and `ours` lists")
        for side, table in (("gold", gold_to_class), ("ours", ours_to_class)):
            for value in sides[side]:
                if str(value) in table:
                    raise DataFileError(
                        f"{where}: {side} value {value!r} is in classes {table[str(value)]!r} "
                        f"and {cls!r}; keep it in one"
                    )
                table[str(value)] = str(cls)
    no_event = frozenset(str(v) for v in block.get("no_event") or ())
    clash = no_event & gold_to_class.keys()
    if clash:
        raise DataFileError(f"{where}: {', '.join(sorted(clash))} both in a class and in no_event")
    return LabelMap(kind, block["ours"], gold_to_class, ours_to_class, no_event)


def label_kinds() -> list[str]:
    return sorted(_labels())


def label_map(kind: str) -> LabelMap:
    """The map for ``label_kind`` ``kind``.

    Raises:
        ConfigError: no map for that kind (the manifest names a kind the table lacks).
    """
    maps = _labels()
    if kind not in maps:
        raise ConfigError(
            f"no label map for label_kind {kind!r} in {_DIR}/sentence_labels.yaml; "
            f"known: {', '.join(sorted(maps))}"
        )
    return maps[kind]


@functools.cache
def _alias_rows() -> tuple[tuple[str, str, str, str], ...]:
    name = f"{_DIR}/code_aliases.tsv"
    rows = []
    reader = csv.DictReader(_read("code_aliases.tsv").splitlines(), delimiter="\t")
    for lineno, row in enumerate(reader, 2):
        scope, kind = row.get("scope") or "", row.get("kind") or ""
        code, reads_as = row.get("code") or "", row.get("reads_as") or ""
        if scope not in _SCOPES or kind not in _KINDS or not code or not reads_as:
            raise DataFileError(
                f"{name}:{lineno}: need scope ({'/'.join(_SCOPES)}), kind ({'/'.join(_KINDS)}), "
                "code and reads_as"
            )
        rows.append((scope, kind, code, reads_as))
    return tuple(rows)


@functools.cache
def aliases(kind: str, *scopes: str) -> dict[str, str]:
    """``code -> reads_as`` for ``kind`` (country, sector) in the given scopes and scope ``any``."""
    wanted = {"any", *scopes}
    return {code: reads for scope, k, code, reads in _alias_rows() if k == kind and scope in wanted}


def _read(filename: str) -> str:
    return resources.files("dragoman").joinpath(f"{_DIR}/{filename}").read_text(encoding="utf-8")
