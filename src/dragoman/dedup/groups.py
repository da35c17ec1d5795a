"""Union-find over document ids, whose representative is the smallest member by a sort key.

The key is ``(rank, doc_id)``: with equal ranks (the default, "") the smallest id represents the
group; give the publication time as rank and the earliest report does. Either way it depends only
on who the members are, never on the order they were added in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

__all__ = ["Groups"]


class Groups:
    """Disjoint sets of ids with the smallest ``(rank, id)`` of each set as its representative."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._rank: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}  # root -> members (roots only)
        self._best: dict[str, str] = {}  # root -> representative (roots only)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._parent

    def __len__(self) -> int:
        return len(self._parent)

    def key(self, doc_id: str) -> tuple[str, str]:
        return (self._rank[doc_id], doc_id)

    def rank(self, doc_id: str) -> str:
        return self._rank[doc_id]

    def add(self, doc_id: str, rank: str = "") -> None:
        """A new singleton (a known id is left as it is)."""
        if doc_id in self._parent:
            return
        self._parent[doc_id] = doc_id
        self._rank[doc_id] = rank
        self._members[doc_id] = [doc_id]
        self._best[doc_id] = doc_id

    def root(self, doc_id: str) -> str:
        parent = self._parent
        root = doc_id
        while parent[root] != root:
            root = parent[root]
        while parent[doc_id] != root:  # path compression
            parent[doc_id], doc_id = root, parent[doc_id]
        return root

    def union(self, a: str, b: str) -> str:
        """Join the sets of ``a`` and ``b``; returns the root of the joined set."""
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return ra
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))
        best_b = self._best.pop(rb)
        if self.key(best_b) < self.key(self._best[ra]):
            self._best[ra] = best_b
        return ra

    def representative(self, doc_id: str) -> str:
        return self._best[self.root(doc_id)]

    def members(self, doc_id: str) -> list[str]:
        """The members of ``doc_id``'s set, sorted by key."""
        return sorted(self._members[self.root(doc_id)], key=self.key)

    def sets(self, *, min_size: int = 1) -> Iterator[list[str]]:
        """Every set with at least ``min_size`` members, each sorted, in representative order."""
        found = [sorted(m, key=self.key) for m in self._members.values() if len(m) >= min_size]
        yield from sorted(found, key=lambda m: self.key(m[0]))

    def load(self, sets: Iterable[Iterable[str]], ranks: dict[str, str]) -> None:
        """Rebuild from serialised sets (every id of a set must be in ``ranks``)."""
        for members in sets:
            ids = list(members)
            for doc_id in ids:
                self.add(doc_id, ranks[doc_id])
            for other in ids[1:]:
                self.union(ids[0], other)
