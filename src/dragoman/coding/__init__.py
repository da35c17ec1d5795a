"""Coding stage: Article + Annotations -> PLOVER events with CAMEO codes, status and evidence.

    events = code_events(article, annotations, opts.coding)

``opts.coder`` names the coder; "rules.v1" (``RuleCoder``) codes from the editable patterns in
data/coding/ (triggers.yaml, status.yaml, cues.yaml), checked against data/ontology/ on load.
"""

from __future__ import annotations

from dragoman.coding.coder import RuleCoder
from dragoman.errors import ConfigError
from dragoman.model import Annotations, Article, Event
from dragoman.options import CodingOptions

__all__ = ["CODERS", "RuleCoder", "code_events"]

CODERS: dict[str, type[RuleCoder]] = {"rules.v1": RuleCoder}


def code_events(article: Article, annotations: Annotations, opts: CodingOptions) -> list[Event]:
    """Code every event the article states, in text order.

    Raises:
        ConfigError: ``opts.coder`` is not a known coder.
        DataFileError: a packaged pattern or ontology file is malformed (file:line).
    """
    try:
        coder_class = CODERS[opts.coder]
    except KeyError as e:
        known = ", ".join(sorted(CODERS))
        raise ConfigError(f"unknown coder {opts.coder!r}; known coders: {known}") from e
    return coder_class(opts).code(article, annotations)
