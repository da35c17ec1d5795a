"""The task registry: a manifest's ``task`` name -> the runner that scores such a set.

Each runner is ``run(spec, *, limit, opts, progress) -> TaskOutput`` in its own module, and goes
through the code users run (``clean.clean``, ``understand`` readers, ``coding.code_events``,
``pipeline.process``). Register a new task here, with the manifest keys of the extra files or
folders it reads.
"""

from __future__ import annotations

from dragoman.eval.tasks import (
    actor_phrases,
    diplomacy,
    doc_clusters,
    event_location,
    extraction,
    gazetteer_quiz,
    sentence_class,
    sentence_events,
    timex,
)
from dragoman.eval.tasks._common import Task

__all__ = ["TASKS", "Task"]

TASKS: dict[str, Task] = {
    "sentence_events": Task(sentence_events.run),
    "sentence_class": Task(sentence_class.run, check=sentence_class.check),
    "actor_phrases": Task(actor_phrases.run),
    "extraction": Task(extraction.run, needs=("html_dir",)),
    "event_location": Task(event_location.run),
    "timex": Task(timex.run),
    "doc_clusters": Task(doc_clusters.run),
    "diplomacy_articles": Task(diplomacy.run, needs=("docs_dir",)),
    "gazetteer_quiz": Task(gazetteer_quiz.run),
}
