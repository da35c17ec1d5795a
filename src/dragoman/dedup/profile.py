"""What the event clusterer reads of an article: weighted words, weighted names, publication day.

    p = profile_document("a_1", text, title="Talks resume in Geneva", published="2026-02-17")
    p.names["geneva"]   -> weight of "Geneva" (capitalised inside a sentence)
    similarity(p, q, settings) -> 0.0 .. 1.0

Words and names are weighted by how rare they are in English (``words.WordWeights``), never by
the other documents, so a profile depends on its own article only and can be stored with it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from dragoman.dedup.settings import ClusterSettings
from dragoman.dedup.words import WordWeights, load_zipf, names, tokens
from dragoman.model import Annotations

__all__ = ["DocProfile", "cosine", "days_apart", "person_names", "profile_document", "similarity"]


@dataclass(frozen=True, slots=True)
class DocProfile:
    """One article as the clusterer sees it. ``words`` and ``names`` map a key to its weight."""

    id: str
    words: Mapping[str, float]
    names: Mapping[str, float]
    day: str | None = None  # ISO publication day, when known

    def keys(self, limit: int) -> list[str]:
        """The ``limit`` heaviest names and words: what the candidate index files it under.

        Names are keyed "n:..." and words "w:..." so the two never meet; ties go by key, so the
        choice depends on the profile only.
        """
        found = [(-w, "n:" + k) for k, w in self.names.items()] + [
            (-w, "w:" + k) for k, w in self.words.items()
        ]
        return [key for _, key in sorted(found)[:limit]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "words": {k: round(v, 6) for k, v in sorted(self.words.items())},
            "names": {k: round(v, 6) for k, v in sorted(self.names.items())},
            "day": self.day,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DocProfile:
        return cls(
            id=str(d["id"]),
            words={str(k): float(v) for k, v in d["words"].items()},
            names={str(k): float(v) for k, v in d["names"].items()},
            day=d.get("day"),
        )


def weights(settings: ClusterSettings) -> WordWeights:
    return WordWeights(
        zipf=load_zipf(),
        ceiling=settings.term_ceiling_zipf,
        unknown_zipf=settings.unknown_zipf,
        number_zipf=settings.number_zipf,
    )


def profile_document(
    doc_id: str,
    text: str,
    *,
    settings: ClusterSettings,
    title: str | None = None,
    published: str | None = None,
    extra_names: Iterable[str] = (),
) -> DocProfile:
    """The profile of one article.

    Args:
        doc_id: the article id.
        text: the cleaned text; ``title`` is read as one more line of it.
        settings: the ``clusters`` settings (word weights, what counts as a name).
        published: the publication date (ISO; only the day is kept), or None.
        extra_names: names found by other readers (the understand stage's actors, people and
            places), counted once each on top of the capitalised words.
    """
    full = f"{title}\n{text}" if title and not text.startswith(title) else text
    w = weights(settings)
    found = names(full, w.zipf, max_zipf=settings.name_max_zipf)
    found.update(n.lower() for n in extra_names)
    day = published[:10] if published and len(published) >= 10 else None
    # Keys sorted, as to_dict() writes them: a restored profile then sums in the same order.
    return DocProfile(
        id=doc_id,
        words=dict(sorted(w.vector(Counter(tokens(full))).items())),
        names=dict(sorted(w.vector(found).items())),
        day=day,
    )


def person_names(annotations: Annotations) -> list[str]:
    """The people the understand stage found, by name ("Ken Salazar"), once per mention."""
    return [m.actor.name for m in annotations.actors if m.actor.kind == "person" and m.actor.name]


def norm(vector: Mapping[str, float]) -> float:
    return math.sqrt(sum(x * x for x in vector.values()))


def cosine(a: Mapping[str, float], b: Mapping[str, float], norm_a: float, norm_b: float) -> float:
    if not norm_a or not norm_b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(k, 0.0) for k, x in a.items()) / (norm_a * norm_b)


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two ISO days, or None when either is unknown or unreadable."""
    if not a or not b:
        return None
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def similarity(a: DocProfile, b: DocProfile, settings: ClusterSettings) -> float:
    """Names and words cosine, mixed by ``names_share``; 0 when both are dated too far apart."""
    apart = days_apart(a.day, b.day)
    if apart is not None and apart > settings.date_window_days:
        return 0.0
    share = settings.names_share
    return share * cosine(a.names, b.names, norm(a.names), norm(b.names)) + (1 - share) * cosine(
        a.words, b.words, norm(a.words), norm(b.words)
    )
