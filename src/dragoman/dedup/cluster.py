"""Articles grouped by the real-world event they report, incrementally and order-independently.

    clusterer = EventClusterer()
    clusterer.add(profile_document("a_1", text1, settings=clusterer.settings))  -> "a_1"
    clusterer.add(profile_document("a_2", text2, settings=clusterer.settings))  -> "a_1" (same event)
    clusterer.clusters()  -> [("a_1", "a_2"), ...]

How (docs/dedup.md has the picture):
1. **Candidates.** Each profile is filed under its heaviest names and words; a new article is
   compared only with articles sharing one of them and dated within the window (or undated).
2. **Blocks.** A candidate pair at least ``link_threshold`` similar links two articles; the
   connected components of these links are blocks (union-find).
3. **Stories, then events.** Inside the block the new article lands in, average-linkage clustering
   on the similarity groups articles into stories (``topic_threshold``). Inside each story the
   weights are made local (a word or name every article of the story shares says nothing about
   *which* event an article reports) and average linkage runs again (``event_threshold``): the
   Tara Reid and Lindsay Lohan rehab stories share "rehab" and "checked into", not "Reid".

Every step depends only on the set of articles: links compare two profiles, components and the
clustering of a block (ids sorted first) are functions of their members. So the clusters are the
same whatever order articles arrive in; a cluster is named by its smallest article id.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix

from dragoman.dedup.errors import DedupError
from dragoman.dedup.groups import Groups
from dragoman.dedup.linkage import average_linkage
from dragoman.dedup.profile import DocProfile, days_apart
from dragoman.dedup.saved import read_state
from dragoman.dedup.settings import ClusterSettings, load_settings

__all__ = ["EventClusterer"]

FORMAT = "dragoman.event_clusters"
VERSION = 1
Vector = dict[str, float]


def _unit(vector: Mapping[str, float]) -> Vector:
    n = math.sqrt(sum(x * x for x in vector.values()))
    return {k: x / n for k, x in vector.items()} if n else {}


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    # Summed in key order: a set's order changes with the process's string hashing, and a float
    # sum in another order can differ in its last bit, right at a threshold.
    return sum(a[k] * b[k] for k in sorted(a.keys() & b.keys()))


def _ordinal(day: str | None) -> float:
    """The day as a number, NaN when unknown (NaN compares False, so it is never "too far")."""
    if not day:
        return math.nan
    try:
        return float(date.fromisoformat(day).toordinal())
    except ValueError:
        return math.nan


def _week(day: str | None) -> int | None:
    ordinal = _ordinal(day)
    return None if math.isnan(ordinal) else int(ordinal) // 7


def _gram(vectors: Sequence[Vector]) -> np.ndarray:
    """The matrix of dot products of sparse vectors."""
    columns: dict[str, int] = {}
    rows, cols, values = [], [], []
    for r, vector in enumerate(vectors):
        for key, x in vector.items():
            rows.append(r)
            cols.append(columns.setdefault(key, len(columns)))
            values.append(x)
    m = csr_matrix((values, (rows, cols)), shape=(len(vectors), max(1, len(columns))))
    return np.asarray((m @ m.T).todense(), dtype=float)


class EventClusterer:
    """An incremental clusterer of article profiles by event.

    Args:
        settings: the ``clusters`` settings; the packaged ``data/dedup/settings.yaml`` by default.
    """

    def __init__(self, settings: ClusterSettings | None = None) -> None:
        self.settings = settings or load_settings().clusters
        self._profiles: dict[str, DocProfile] = {}
        self._unit_names: dict[str, Vector] = {}
        self._unit_words: dict[str, Vector] = {}
        self._index: dict[str, dict[int | None, list[str]]] = defaultdict(lambda: defaultdict(list))
        self._blocks = Groups()
        self._cluster: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._profiles)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._profiles

    def add(self, profile: DocProfile) -> str:
        """Cluster one more article; the id of the cluster (event) it is now in.

        Adding a known id again changes nothing. Other articles of the same block may change
        cluster too (an article can bridge two partial reports): read ``clusters()`` or
        ``cluster_of()`` afterwards for the current state.
        """
        if profile.id in self._profiles:
            return self._cluster[profile.id]
        self._link(profile)
        self._recluster(self._blocks.members(profile.id))
        return self._cluster[profile.id]

    def add_all(self, profiles: Iterable[DocProfile]) -> None:
        """Add many articles, clustering each block they touch once at the end.

        The same result as calling :meth:`add` for each (the clusters do not depend on order),
        without re-clustering a growing block after every article.
        """
        touched = []
        for profile in profiles:
            if profile.id not in self._profiles:
                self._link(profile)
                touched.append(profile.id)
        done: set[str] = set()
        for doc_id in touched:
            root = self._blocks.root(doc_id)
            if root not in done:
                done.add(root)
                self._recluster(self._blocks.members(doc_id))

    def _link(self, profile: DocProfile) -> None:
        """File the profile and join its block to every candidate similar enough."""
        self._file(profile)
        self._blocks.add(profile.id)
        for other in self._candidates(profile):
            if (
                self._similar(profile.id, other, self._unit_names, self._unit_words)
                >= self.settings.link_threshold
            ):
                self._blocks.union(profile.id, other)

    def cluster_of(self, doc_id: str) -> str:
        """The cluster id (its smallest article id) of an added article."""
        try:
            return self._cluster[doc_id]
        except KeyError:
            raise DedupError(
                f"event clusterer: {doc_id!r} was never added; add its profile first"
            ) from None

    def clusters(self) -> list[tuple[str, ...]]:
        """Every cluster (singletons too) as sorted ids, in the order of their ids."""
        found: dict[str, list[str]] = defaultdict(list)
        for doc_id, cluster in self._cluster.items():
            found[cluster].append(doc_id)
        return [tuple(sorted(found[c])) for c in sorted(found)]

    # -- candidates and similarity ------------------------------------------------------------

    def _file(self, profile: DocProfile) -> None:
        self._profiles[profile.id] = profile
        self._unit_names[profile.id] = _unit(profile.names)
        self._unit_words[profile.id] = _unit(profile.words)
        week = _week(profile.day)
        for key in profile.keys(self.settings.index_keys):
            self._index[key][week].append(profile.id)

    def _candidates(self, profile: DocProfile) -> list[str]:
        """Earlier articles sharing an index key and not dated too far apart, sorted."""
        week = _week(profile.day)
        span = self.settings.date_window_days // 7 + 1
        found: set[str] = set()
        for key in profile.keys(self.settings.index_keys):
            by_week = self._index.get(key)
            if not by_week:
                continue
            if week is None:
                weeks: Iterable[int | None] = list(by_week)
            else:
                weeks = [None, *range(week - span, week + span + 1)]
            for w in weeks:
                found.update(by_week.get(w, ()))
        found.discard(profile.id)
        return sorted(found)

    def _similar(
        self, a: str, b: str, names: Mapping[str, Vector], words: Mapping[str, Vector]
    ) -> float:
        apart = days_apart(self._profiles[a].day, self._profiles[b].day)
        if apart is not None and apart > self.settings.date_window_days:
            return 0.0
        share = self.settings.names_share
        return share * _dot(names[a], names[b]) + (1 - share) * _dot(words[a], words[b])

    def _matrix(
        self, ids: Sequence[str], names: Mapping[str, Vector], words: Mapping[str, Vector]
    ) -> np.ndarray:
        """Similarities of every pair of ``ids`` (sparse products; the same numbers as ``_similar``)."""
        share = self.settings.names_share
        sims = share * _gram([names[i] for i in ids]) + (1 - share) * _gram([words[i] for i in ids])
        days = np.array([_ordinal(self._profiles[i].day) for i in ids], dtype=float)
        apart = np.abs(days[:, None] - days[None, :])
        sims[apart > self.settings.date_window_days] = 0.0  # NaN (undated) compares False
        np.fill_diagonal(sims, 1.0)
        return sims

    # -- clustering inside a block ------------------------------------------------------------

    def _recluster(self, block: Sequence[str]) -> None:
        ids = sorted(block)
        stories = average_linkage(
            ids,
            self._matrix(ids, self._unit_names, self._unit_words),
            self.settings.topic_threshold,
        )
        for story in stories:
            for event in self._events(story):
                name = min(event)
                for doc_id in event:
                    self._cluster[doc_id] = name

    def _events(self, story: list[str]) -> list[list[str]]:
        """Split one story into events, with weights local to the story."""
        if len(story) == 1:
            return [story]
        names = self._local(story, "names")
        words = self._local(story, "words")
        return average_linkage(
            story, self._matrix(story, names, words), self.settings.event_threshold
        )

    def _local(self, story: Sequence[str], field: str) -> dict[str, Vector]:
        """Each article's vector re-weighted by how few articles of the story share each key.

        A key in all n articles keeps ``smoothing + 1/(n+1)`` of its weight, one in half of them
        about ``smoothing + 1/2``. A key only one article has is dropped: it cannot make two
        articles alike, and it would only lengthen that article's vector, splitting long reports
        off their event.
        """
        vectors = {doc_id: getattr(self._profiles[doc_id], field) for doc_id in story}
        df: Counter[str] = Counter()
        for vector in vectors.values():
            df.update(vector.keys())
        n = len(story)
        smoothing = self.settings.local_smoothing
        return {
            doc_id: _unit(
                {k: x * (smoothing + 1 - df[k] / (n + 1)) for k, x in vector.items() if df[k] > 1}
            )
            for doc_id, vector in vectors.items()
        }

    # -- saving -------------------------------------------------------------------------------

    def to_json(self) -> str:
        """Profiles, blocks and clusters as JSON, sorted, so equal states give equal strings."""
        s = self.settings
        state: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "settings": {f: getattr(s, f) for f in s.__dataclass_fields__},
            "profiles": [self._profiles[i].to_dict() for i in sorted(self._profiles)],
            "blocks": [list(b) for b in sorted(sorted(m) for m in self._blocks.sets())],
            "clusters": [list(c) for c in self.clusters()],
        }
        return json.dumps(state, separators=(",", ":"), ensure_ascii=False)

    def to_bytes(self) -> bytes:
        return self.to_json().encode("utf-8")

    @classmethod
    def from_json(cls, data: str) -> EventClusterer:
        """A clusterer saved by :meth:`to_json`, with the settings it was built with.

        Raises:
            DedupError: the data is not a saved clusterer of this format and version.
        """
        state = read_state(
            data,
            what="event clusterer",
            form=FORMAT,
            version=VERSION,
            rebuild="rebuild it by adding the article profiles again",
        )
        try:
            clusterer = cls(ClusterSettings(**state["settings"]))
            for d in state["profiles"]:
                clusterer._file(DocProfile.from_dict(d))
            clusterer._blocks.load(state["blocks"], {i: "" for i in clusterer._profiles})
            for members in state["clusters"]:
                for doc_id in members:
                    clusterer._cluster[doc_id] = min(members)
        except (KeyError, TypeError, ValueError) as e:
            raise DedupError(
                f"event clusterer: saved state is damaged ({e}); rebuild it by adding the profiles again"
            ) from e
        if set(clusterer._cluster) != set(clusterer._profiles):
            raise DedupError(
                "event clusterer: saved state is damaged (clusters and profiles differ); rebuild it"
            )
        return clusterer

    @classmethod
    def from_bytes(cls, data: bytes) -> EventClusterer:
        return cls.from_json(data.decode("utf-8"))
