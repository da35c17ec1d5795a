"""Near-duplicate articles: the same story republished, syndicated or updated.

    index = NearDupIndex()
    index.add("a_1", wire_story)               -> None   (nothing like it yet)
    index.add("a_2", same_story_other_outlet)  -> "a_1"  (joins a_1's group)
    index.representative("a_2")                -> "a_1"
    NearDupIndex.from_bytes(index.to_bytes())  -> the same index

Each text becomes the set of its word 3-grams (``settings.yaml``), summarised by a MinHash
(datasketch, fixed seed, so every process hashes alike). LSH over bands of the MinHash
(``bands.BandIndex``) finds the earlier documents likely to be similar in constant time; a
candidate is a near-duplicate when the estimated Jaccard similarity of the two shingle sets
reaches the threshold. Near-duplicate pairs are joined transitively (union-find): an update of a
syndicated copy joins the original.

Order does not matter: whether two documents are near-duplicates depends only on their two texts,
so the groups are the same whatever order the documents are added in; a group's representative is
its smallest ``(rank, doc_id)``, so it does not depend on order either.
"""

from __future__ import annotations

import base64
import json
import zlib
from typing import Any

import numpy as np
from datasketch import MinHash

from dragoman.dedup.bands import BandIndex
from dragoman.dedup.errors import DedupError
from dragoman.dedup.groups import Groups
from dragoman.dedup.saved import read_state
from dragoman.dedup.settings import NearDupSettings, load_settings
from dragoman.dedup.words import shingles, tokens

__all__ = ["NearDupIndex"]

FORMAT = "dragoman.neardup"
VERSION = 1
_SCHEME = "affine32"  # datasketch's 32-bit scheme: stable values, half the memory of 64-bit
# CRC-32 (C, stable across processes) hashes each shingle; datasketch's default SHA-1 wrapper
# cost three quarters of add(). The affine32 scheme mixes the value before permuting it.
_DTYPE = np.dtype("<u4")
_INITIAL_ROWS = 1024


class NearDupIndex:
    """An incremental index of document signatures that groups near-duplicates.

    Args:
        settings: shingle size, permutations, seed and threshold; the packaged
            ``data/dedup/settings.yaml`` by default.
    """

    def __init__(self, settings: NearDupSettings | None = None) -> None:
        self.settings = settings or load_settings().near_duplicates
        s = self.settings
        self._perm = MinHash(num_perm=s.num_perm, seed=s.seed, scheme=_SCHEME).permutations
        self._bands = BandIndex(num_perm=s.num_perm, threshold=s.threshold)
        self._ids: list[str] = []  # document number -> id
        self._number: dict[str, int] = {}
        # One row per document, grown by doubling: a numpy array per document would cost more
        # in object headers than its 512 bytes of values.
        self._rows = np.zeros((_INITIAL_ROWS, s.num_perm), dtype=_DTYPE)
        self._groups = Groups()

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._number

    def signature(self, text: str) -> np.ndarray:
        """The MinHash values of ``text``'s shingles (uint32, one per permutation)."""
        s = self.settings
        m = MinHash(
            num_perm=s.num_perm,
            seed=s.seed,
            permutations=self._perm,
            scheme=_SCHEME,
            hashfunc=zlib.crc32,
        )
        m.update_batch([sh.encode("utf-8") for sh in shingles(tokens(text), s.shingle_words)])
        return m.hashvalues.astype(_DTYPE)

    def similarity(self, a: str, b: str) -> float:
        """Estimated Jaccard similarity of two indexed documents' shingle sets."""
        self._require(a)
        self._require(b)
        return self._estimate(self._stored(a), self._stored(b))

    def add(self, doc_id: str, text: str, *, rank: str = "") -> str | None:
        """Index one document; the id of the earlier near-duplicate group it joins, or None.

        Args:
            doc_id: the article id (content-derived ids make re-adding harmless).
            text: the cleaned article text.
            rank: what orders a group's members before their ids (for example the publication
                time, to make the earliest report the representative); "" for all by default.

        Returns:
            The representative of the group the document joined, counted among the documents
            added before it, or None when it is like none of them. Adding an id again returns
            the same answer and changes nothing.

        Raises:
            DedupError: ``doc_id`` is already indexed with a different text.
        """
        sig = self.signature(text)
        if doc_id in self._number:
            if not np.array_equal(sig, self._stored(doc_id)):
                raise DedupError(
                    f"near-duplicate index: {doc_id!r} is already indexed with another text; "
                    "give each version of an article its own id"
                )
            return self._earlier_representative(doc_id)
        self._groups.add(doc_id, rank)
        for number in sorted(self._bands.query(sig)):
            if self._estimate(sig, self._rows[number]) >= self.settings.threshold:
                self._groups.union(doc_id, self._ids[number])
        self._store(doc_id, sig)
        return self._earlier_representative(doc_id)

    def representative(self, doc_id: str) -> str:
        """The smallest ``(rank, id)`` of ``doc_id``'s group (itself when it has no near-duplicate)."""
        self._require(doc_id)
        return self._groups.representative(doc_id)

    def group(self, doc_id: str) -> tuple[str, ...]:
        """Every member of ``doc_id``'s group, representative first."""
        self._require(doc_id)
        return tuple(self._groups.members(doc_id))

    def groups(self) -> list[tuple[str, ...]]:
        """The groups of two or more documents, each representative first, in representative order."""
        return [tuple(m) for m in self._groups.sets(min_size=2)]

    def to_json(self) -> str:
        """The whole index as JSON (signatures base64-encoded); ids in sorted order, so equal
        indexes give equal strings whatever order their documents were added in."""
        s = self.settings
        ids = sorted(self._number)
        rows = self._rows[[self._number[i] for i in ids]] if ids else self._rows[:0]
        state: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "settings": {
                "shingle_words": s.shingle_words,
                "num_perm": s.num_perm,
                "seed": s.seed,
                "threshold": s.threshold,
            },
            "docs": [[doc_id, self._groups.rank(doc_id)] for doc_id in ids],
            # The signatures of "docs", in that order, as one block of little-endian uint32.
            "signatures": base64.b64encode(rows.astype(_DTYPE).tobytes()).decode("ascii"),
            "groups": [list(g) for g in self.groups()],
        }
        return json.dumps(state, separators=(",", ":"), ensure_ascii=False)

    def to_bytes(self) -> bytes:
        return self.to_json().encode("utf-8")

    @classmethod
    def from_json(cls, data: str) -> NearDupIndex:
        """An index saved by :meth:`to_json`, with the settings it was built with.

        Raises:
            DedupError: the data is not a saved index of this format and version.
        """
        state = read_state(
            data,
            what="near-duplicate index",
            form=FORMAT,
            version=VERSION,
            rebuild="rebuild the index by adding the articles again",
        )
        try:
            index = cls(NearDupSettings(**state["settings"]))
            ranks: dict[str, str] = {}
            docs = state["docs"]
            rows = np.frombuffer(base64.b64decode(state["signatures"]), dtype=_DTYPE)
            if rows.size != len(docs) * index.settings.num_perm:
                raise ValueError(f"{rows.size} signature values for {len(docs)} documents")
            index._load_rows(rows.reshape(len(docs), index.settings.num_perm), [d[0] for d in docs])
            for doc_id, rank in docs:
                index._groups.add(doc_id, rank)
                ranks[doc_id] = rank
            index._groups.load(state["groups"], ranks)
        except (KeyError, TypeError, ValueError) as e:
            raise DedupError(
                f"near-duplicate index: saved state is damaged ({e}); rebuild it by adding the articles again"
            ) from e
        return index

    @classmethod
    def from_bytes(cls, data: bytes) -> NearDupIndex:
        return cls.from_json(data.decode("utf-8"))

    def _store(self, doc_id: str, sig: np.ndarray) -> None:
        number = len(self._ids)
        if number == len(self._rows):
            self._rows = np.concatenate([self._rows, np.zeros_like(self._rows)])
        self._rows[number] = sig
        self._ids.append(doc_id)
        self._number[doc_id] = number
        self._bands.insert(sig, number)

    def _load_rows(self, rows: np.ndarray, ids: list[str]) -> None:
        """Signatures of a saved index, all at once (band keys computed in one numpy pass)."""
        first = len(self._ids)
        needed = first + len(ids)
        if needed > len(self._rows):
            grown = np.zeros(
                (max(needed, 2 * len(self._rows)), self.settings.num_perm), dtype=_DTYPE
            )
            grown[:first] = self._rows[:first]
            self._rows = grown
        self._rows[first:needed] = rows
        for offset, doc_id in enumerate(ids):
            if doc_id in self._number:
                raise ValueError(f"{doc_id}: saved twice")
            self._ids.append(doc_id)
            self._number[doc_id] = first + offset
        self._bands.insert_many(rows, first)

    def _stored(self, doc_id: str) -> np.ndarray:
        return self._rows[self._number[doc_id]]

    def _estimate(self, a: np.ndarray, b: np.ndarray) -> float:
        return float(np.count_nonzero(a == b)) / self.settings.num_perm

    def _earlier_representative(self, doc_id: str) -> str | None:
        """The smallest key among the other members of ``doc_id``'s group, or None."""
        others = [m for m in self._groups.members(doc_id) if m != doc_id]
        return others[0] if others else None

    def _require(self, doc_id: str) -> None:
        if doc_id not in self._number:
            raise DedupError(
                f"near-duplicate index: {doc_id!r} was never added; add(doc_id, text) first"
            )
