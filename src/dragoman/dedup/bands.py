"""Locality-sensitive hashing over MinHash bands, stored compactly.

    bands = BandIndex(num_perm=128, threshold=0.4)    # 32 bands of 4 values (datasketch's choice)
    bands.insert(signature, 0)
    bands.query(other_signature)                      -> {0} when a band is equal

Two signatures that agree on all values of one band are candidates. The band count and width are
those datasketch's ``MinHashLSH`` picks for the threshold (equal weight on missed and false
candidates). The tables differ from datasketch's: its in-memory index keeps a Python set per
bucket and the band bytes per document, about 12 KB per document at 100,000 documents; here each
band is a dict from a 64-bit key to a document number (a list only when a bucket holds several),
about 3 KB. A rare key collision only adds a candidate, which the caller's similarity check drops.
"""

from __future__ import annotations

import numpy as np
from datasketch import MinHashLSH

__all__ = ["BandIndex"]

_SEED = 20260226  # fixed: band keys must be the same in every process that rebuilds an index

Bucket = int | list[int]


class BandIndex:
    """Band tables of MinHash signatures; documents are numbered by the caller."""

    def __init__(self, *, num_perm: int, threshold: float) -> None:
        params = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.bands: int = params.b
        self.rows: int = params.r
        rng = np.random.RandomState(_SEED)
        # Odd 64-bit multipliers: a band's key is sum(value * multiplier) mod 2**64.
        self._mult = rng.randint(0, 2**62, size=self.rows, dtype=np.uint64) * np.uint64(
            2
        ) + np.uint64(1)
        self._tables: list[dict[int, Bucket]] = [{} for _ in range(self.bands)]

    def keys(self, signature: np.ndarray) -> list[int]:
        """One 64-bit key per band of ``signature``."""
        return self._key_matrix(signature[None, :])[0]

    def _key_matrix(self, signatures: np.ndarray) -> list[list[int]]:
        """Band keys of many signatures at once (one row each)."""
        n = len(signatures)
        width = self.bands * self.rows
        values = signatures[:, :width].astype(np.uint64).reshape(n, self.bands, self.rows)
        keys: list[list[int]] = (values * self._mult).sum(axis=2, dtype=np.uint64).tolist()
        return keys

    def query(self, signature: np.ndarray) -> set[int]:
        """Numbers of the documents sharing at least one band with ``signature``."""
        found: set[int] = set()
        for table, key in zip(self._tables, self.keys(signature), strict=True):
            bucket = table.get(key)
            if bucket is None:
                continue
            if isinstance(bucket, int):
                found.add(bucket)
            else:
                found.update(bucket)
        return found

    def insert(self, signature: np.ndarray, number: int) -> None:
        self._insert_keys(self.keys(signature), number)

    def insert_many(self, signatures: np.ndarray, first: int) -> None:
        """Insert rows numbered ``first``, ``first + 1``, ... (how a saved index is rebuilt)."""
        for offset, keys in enumerate(self._key_matrix(signatures)):
            self._insert_keys(keys, first + offset)

    def _insert_keys(self, keys: list[int], number: int) -> None:
        for table, key in zip(self._tables, keys, strict=True):
            bucket = table.get(key)
            if bucket is None:
                table[key] = number
            elif isinstance(bucket, int):
                table[key] = [bucket, number]
            else:
                bucket.append(number)
