"""Average-linkage agglomerative clustering over a similarity matrix, cut at a threshold.

    average_linkage(["a", "b", "c"], [[1, .8, .1], [.8, 1, .2], [.1, .2, 1]], 0.5)
        -> [["a", "b"], ["c"]]

Two groups merge while the mean similarity between their members is at least ``threshold``.
The result depends on the order of ``ids`` only through ties, so callers pass ids sorted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

__all__ = ["average_linkage"]


def average_linkage(
    ids: Sequence[str], sims: np.ndarray | Sequence[Sequence[float]], threshold: float
) -> list[list[str]]:
    """Groups of ``ids`` (each sorted, in the order of their first id)."""
    if len(ids) < 2:
        return [list(ids)]
    distance = 1.0 - np.asarray(sims, dtype=float)
    np.fill_diagonal(distance, 0.0)
    distance = np.clip((distance + distance.T) / 2, 0.0, None)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[str]] = defaultdict(list)
    for doc_id, label in zip(ids, labels, strict=True):
        groups[int(label)].append(doc_id)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
