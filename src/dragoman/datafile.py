"""Reading dragoman's YAML data files, so that every error names ``file:line``.

Each reader checks the shape of its own file; this module only finds, reads and parses the file,
recording in each mapping the line where it starts (under ``LINE``), so that the reader's errors
can point the people who edit the data at the entry to fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from dragoman.errors import DataFileError

__all__ = ["LINE", "LineLoader", "load_yaml", "package_data_path", "where"]

LINE = "__line__"  # key added to every mapping: the 1-based line where it starts

# libyaml's parser when PyYAML was built with it (much faster), else the pure-Python one.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(yaml.SafeLoader):
    """A safe loader that records, in each mapping, the line where the mapping starts."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def package_data_path(*parts: str) -> Path:
    """The path of a file shipped in ``dragoman/data``: ``package_data_path("clean", "x.yaml")``."""
    return Path(str(resources.files("dragoman").joinpath("data", *parts)))


def load_yaml(
    path: Path | Traversable,
    *,
    label: str | None = None,
    lines: bool = True,
    what: str = "the file",
) -> Any:
    """The parsed content of one YAML file (any type: the caller checks its shape).

    Args:
        path: a path, or a packaged file (``importlib.resources``).
        label: how errors name the file; the path itself by default.
        lines: record each mapping's line under ``LINE``; without, parse with libyaml (faster).
        what: how a read error names the content, "cannot read the furniture rules".

    Raises:
        DataFileError: the file cannot be read or is not valid YAML (naming the line).
    """
    name = str(path) if label is None else label
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataFileError(f"{name}: cannot read {what} ({e.strerror}); reinstall dragoman") from e
    try:
        return yaml.load(text, Loader=LineLoader if lines else _FAST_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f"{name}:{mark.line + 1}" if mark is not None else name
        raise DataFileError(f"{at}: not valid YAML ({getattr(e, 'problem', e)})") from e


def where(path: Path | str, item: Mapping[str, Any] | None, default: int = 1) -> str:
    """``file:line`` for an item loaded by :func:`load_yaml`."""
    line = item.get(LINE, default) if isinstance(item, Mapping) else default
    return f"{path}:{line}"
