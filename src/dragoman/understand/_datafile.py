"""Reading the understand readers' YAML data files: one loader, one message for broken syntax.

Each reader validates its own file's shape; this module only parses and names the file on error.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from dragoman.errors import DataFileError

# libyaml's parser when PyYAML was built with it (much faster), else the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path | Traversable, *, label: str | None = None) -> Any:
    """The parsed content of one YAML file (any type: the caller checks its shape).

    Args:
        path: a packaged file (``importlib.resources``) or a path.
        label: how errors name the file; the path itself by default.

    Raises:
        DataFileError: the file is not valid YAML.
    """
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as e:
        raise DataFileError(f"{path if label is None else label}: not valid YAML: {e}") from e
