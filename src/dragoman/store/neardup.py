"""Near-duplicate groups of stored articles, kept in the store's write transaction.

A new article's MinHash signature (``dedup.NearDupIndex.signature``) and LSH band keys are stored;
the articles sharing a band key are compared by signature, and those at or above the threshold
are its near-duplicates. ``articles.doc_group`` is the smallest article id of the group, so the
groups do not depend on arrival order. Fusion counts a group once among an event's sources.
"""

from __future__ import annotations

import functools

import numpy as np

from dragoman.dedup import NearDupIndex
from dragoman.dedup.bands import BandIndex
from dragoman.store.database import Database

_SIGNED = 2**63


@functools.cache
def _index() -> tuple[NearDupIndex, BandIndex]:
    index = NearDupIndex()
    s = index.settings
    return index, BandIndex(num_perm=s.num_perm, threshold=s.threshold)


def group_article(con: Database, article_id: str, text: str) -> str:
    """Record ``article_id``'s signature and return the near-duplicate group it belongs to."""
    index, bands = _index()
    signature = index.signature(text)
    keys = [k - 2 * _SIGNED if k >= _SIGNED else k for k in bands.keys(signature)]  # signed 64-bit columns
    near = [
        other
        for other, blob in con.execute(
            "SELECT s.article_id, s.signature FROM article_signatures s WHERE s.article_id IN"
            " (SELECT article_id FROM article_bands WHERE"
            + " OR ".join(["(band = ? AND key = ?)"] * len(keys))
            + ") ORDER BY s.article_id",
            [x for pair in enumerate(keys) for x in pair],
        )
        if other != article_id and _similar(signature, blob, index.settings.threshold)
    ]
    con.execute(
        "INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET signature = excluded.signature",
        (article_id, signature.astype("<u4").tobytes()),
    )
    con.executemany(
        "INSERT INTO article_bands (band, key, article_id) VALUES (?, ?, ?)",
        [(band, key, article_id) for band, key in enumerate(keys)],
    )
    groups = sorted({article_id} | {_group(con, other) for other in near})
    group = groups[0]
    con.execute("UPDATE articles SET doc_group = ? WHERE id = ?", (group, article_id))
    if len(groups) > 1:  # this article bridges groups: they become one
        con.executemany("UPDATE articles SET doc_group = ? WHERE doc_group = ?", [(group, g) for g in groups[1:]])
    return group


def _group(con: Database, article_id: str) -> str:
    row = con.execute("SELECT coalesce(doc_group, id) FROM articles WHERE id = ?", (article_id,)).fetchone()
    return str(row[0]) if row else article_id


def _similar(signature: np.ndarray, blob: bytes, threshold: float) -> bool:
    other = np.frombuffer(blob, dtype="<u4")
    return float(np.count_nonzero(signature.astype("<u4") == other)) / len(other) >= threshold
