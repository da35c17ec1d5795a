"""Task ``doc_clusters``: which documents report the same real event (ECB+ ``doc_event``).

Each document goes through the code users run: ``clean.clean`` on its text and URL (title and
publication date from its own lines, when it has them) and ``understand.annotate`` (the people it
names), then ``dedup.profile_document`` and ``dedup.EventClusterer``. Neither the topic nor any other gold field reaches the system; the
clusterer sees the documents in file order, and its clusters do not depend on that order.

Scoring: ``b3_precision``, ``b3_recall``, ``b3_f1`` (per document, averaged) and ``pairwise_f1``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from dragoman import understand
from dragoman.clean import clean
from dragoman.dedup import ClusterSettings, EventClusterer, load_settings
from dragoman.dedup.profile import DocProfile, person_names, profile_document
from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.eval.metrics import b_cubed, pairwise
from dragoman.eval.tasks._common import MAX_ERRORS, read_jsonl, tick
from dragoman.model import RawDocument, Rejected
from dragoman.options import Options

METHOD = (
    "dedup.EventClusterer: rarity-weighted words, names (capitalised words and the people "
    "understand finds) and publication day, two-stage average linkage "
    "(data/dedup/settings.yaml); no topic, no gold field"
)


def profile_item(
    item: Mapping[str, Any], settings: ClusterSettings, opts: Options, *, people: bool = True
) -> DocProfile:
    """One bench document as a pipeline article: cleaned, annotated, then profiled.

    With ``people``, the names of the people the understand stage finds ("Ken Salazar") are
    added to the profile's names, as a pipeline caller passes its annotations. A document that
    ``clean`` refuses (ECB+ has a few one-line texts) is profiled from its raw text, undated,
    rather than dropped: every document must land in some cluster.
    """
    raw = RawDocument(
        id=str(item["id"]),
        origin=str(item["id"]),
        kind="text",
        content=str(item["text"]).encode("utf-8"),
        url=item.get("url"),
    )
    article = clean(raw, opts.clean)
    if isinstance(article, Rejected):
        return profile_document(raw.id, str(item["text"]), settings=settings)
    published = article.published.start if article.published else None
    names = person_names(understand.annotate(article, opts.understand)) if people else ()
    return profile_document(
        raw.id,
        article.text,
        settings=settings,
        title=article.title,
        published=published,
        extra_names=names,
    )


def cluster_profiles(profiles: Iterable[DocProfile], settings: ClusterSettings) -> list[set[str]]:
    clusterer = EventClusterer(settings)
    clusterer.add_all(profiles)
    return [set(c) for c in clusterer.clusters()]


def gold_clusters(docs: Sequence[Mapping[str, Any]]) -> list[set[str]]:
    gold: dict[str, set[str]] = {}
    for d in docs:
        gold.setdefault(str(d["doc_event"]), set()).add(str(d["id"]))
    return list(gold.values())


def score(pred: list[set[str]], gold: list[set[str]]) -> dict[str, float]:
    precision, recall, f1 = b_cubed(pred, gold)
    return {
        "b3_precision": precision,
        "b3_recall": recall,
        "b3_f1": f1,
        "pairwise_f1": pairwise(pred, gold)[2],
    }


def explain(pred: list[set[str]], docs: Sequence[Mapping[str, Any]]) -> list[str]:
    """Example errors: predicted clusters that mix gold events, and gold events split apart."""
    event_of = {str(d["id"]): str(d["doc_event"]) for d in docs}
    errors = []
    for cluster in sorted(pred, key=len, reverse=True):
        events = Counter(event_of[i] for i in cluster)
        if len(events) > 1:
            errors.append(
                f"merged: one cluster of {len(cluster)} holds "
                + ", ".join(f"{e} ×{n}" for e, n in events.most_common())
            )
    parts: dict[str, list[int]] = defaultdict(list)
    for cluster in pred:
        for event, n in Counter(event_of[i] for i in cluster).items():
            parts[event].append(n)
    for event, sizes in sorted(parts.items()):
        if len(sizes) > 1:
            errors.append(
                f"split: {event} in {len(sizes)} clusters of "
                + "+".join(map(str, sorted(sizes, reverse=True)))
            )
    return errors[:MAX_ERRORS]


def run(spec: SetSpec, *, limit: int | None, opts: Options, progress: Progress) -> TaskOutput:
    settings = load_settings().clusters
    docs = read_jsonl(spec.path, limit)
    profiles = [profile_item(d, settings, opts) for d in tick(docs, progress)]
    pred = cluster_profiles(profiles, settings)
    gold = gold_clusters(docs)
    diagnostics: dict[str, Any] = {
        "documents": len(docs),
        "gold_events": len(gold),
        "clusters": len(pred),
        "dated_documents": sum(1 for p in profiles if p.day),
        "method": METHOD,
    }
    return TaskOutput(
        n=len(docs),
        metrics=score(pred, gold),
        diagnostics=diagnostics,
        errors=tuple(explain(pred, docs)),
    )
