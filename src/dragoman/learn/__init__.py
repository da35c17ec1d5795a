"""Learned components of the coder: a sentence relevance filter and a CAMEO/PLOVER disambiguator.

    reviewer = learned_reviewer(opts.coding, lexicon)   # None: rules only
    matches = reviewer.review(text, matches, actors=2, countries=2)

The rule coder stays in charge of actors, direction, status and evidence; the model, trained on the
dev data of ../shared/bench by ``dragoman train`` and shipped in data/models/, only decides which of
a sentence's trigger candidates code an act, and proposes one where the rules found an actor but no
trigger (review.py). Reading the model needs numpy; training it needs scikit-learn
(``pip install 'dragoman[ml]'``). When the model cannot be used the coder runs on its rules alone and
says so once per process in a warning.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

from dragoman.errors import DataFileError
from dragoman.options import CodingOptions

if TYPE_CHECKING:
    from dragoman.coding.lexicon import Lexicon
    from dragoman.learn.model import LearnedModel
    from dragoman.learn.review import Reviewer

log = logging.getLogger(__name__)

__all__ = ["describe", "learned_reviewer", "shipped_model"]

INSTALL_HINT = "pip install 'dragoman[ml]'"


@functools.cache
def shipped_model() -> LearnedModel | str:
    """The packaged model, or why it cannot be used (warned about once per process)."""
    try:
        from dragoman.learn.model import load_model
    except ImportError as e:
        reason = f"the learned coding model needs numpy ({e.name} missing): {INSTALL_HINT}"
    else:
        try:
            return load_model()
        except DataFileError as e:
            reason = str(e)
    log.warning("coding with rules only: %s", reason)
    return reason


def learned_reviewer(opts: CodingOptions, lexicon: Lexicon) -> Reviewer | None:
    """The reviewer the coder consults, or None when ``use_model`` is off or the model is missing."""
    if not opts.use_model:
        return None
    model = shipped_model()
    if isinstance(model, str):
        return None
    key = (id(lexicon), opts.model_holdout)
    reviewer = _REVIEWERS.get(key)
    if reviewer is None or reviewer.lexicon is not lexicon:
        from dragoman.learn.review import Reviewer

        reviewer = _REVIEWERS[key] = Reviewer(model, lexicon, holdout=opts.model_holdout)
    return reviewer


# The coder is built once per article; its lexicon is loaded once per process, so is its reviewer.
_REVIEWERS: dict[tuple[int, bool], Reviewer] = {}


def describe(opts: CodingOptions) -> str:
    """One line saying how events are coded: with the learned model or by rules only, and why."""
    if not opts.use_model:
        return "coding: rules only (use_model is off)"
    model = shipped_model()
    if isinstance(model, str):
        return f"coding: rules only ({model})"
    trained = ", ".join(model.meta.get("sets", ()))
    line = f"coding: rules + learned model (trained on {trained})"
    if opts.model_holdout and model.held_out:
        line += (
            f"; its {len(model.held_out):,} training sentences are read by the fold model "
            "that did not see them"
        )
    return line
