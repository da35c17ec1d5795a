"""Task ``doc_clusters``: which documents report the same real event (ECB+ ``doc_event``).

dragoman has no fuse stage yet, so the prediction is the placeholder every later version must
beat: **each document is its own cluster** (bench/coref/README.md gives its B³ F1 as 0.158 and
pairwise F1 0 on the dev file). Neither the topic nor any other gold field is used. When
``fuse`` lands, its clusters replace ``singletons`` here and nothing else changes.

Scoring: ``b3_precision``, ``b3_recall``, ``b3_f1`` (per document, averaged) and ``pairwise_f1``.
"""

from __future__ import annotations

from typing import Any

from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.eval.metrics import b_cubed, pairwise
from dragoman.eval.tasks._common import read_jsonl, tick
from dragoman.options import Options

METHOD = "placeholder: each document its own cluster (no fuse stage yet)"


def singletons(docs: list[dict[str, Any]]) -> list[set[str]]:
    return [{d["id"]} for d in docs]


def run(spec: SetSpec, *, limit: int | None, opts: Options, progress: Progress) -> TaskOutput:
    del opts
    docs = list(tick(read_jsonl(spec.path, limit), progress))
    gold: dict[str, set[str]] = {}
    for d in docs:
        gold.setdefault(str(d["doc_event"]), set()).add(d["id"])
    pred = singletons(docs)
    precision, recall, f1 = b_cubed(pred, list(gold.values()))
    pair_f1 = pairwise(pred, list(gold.values()))[2]
    metrics = {"b3_precision": precision, "b3_recall": recall, "b3_f1": f1, "pairwise_f1": pair_f1}
    diagnostics: dict[str, Any] = {
        "documents": len(docs),
        "gold_events": len(gold),
        "method": METHOD,
    }
    return TaskOutput(n=len(docs), metrics=metrics, diagnostics=diagnostics)
