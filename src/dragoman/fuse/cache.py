"""The store writer's memory of parsed records, so fusion does not decode the same JSON again.

Fusion compares each new report with the reports of its block and date window, and a track reads
the occurrences of its rounds: without a cache the same stored records are parsed over and over. An entry is found by the record's id *and* the stored values it was parsed from (the JSON
text, and for a report its article's date, outlet and near-duplicate group); it is used only when
the values read from the store now are the same, so what fusion computes never depends on the
cache, even when another writer changed a row meanwhile. The least recently used entries go first,
so memory stays flat however large the store grows. ``size=0`` turns the cache off.

It also keeps the ``Merger`` of each recent occurrence (fuse/merger.py), so a new report is folded
into it instead of the occurrence being merged again from all its reports. A merger is used only
when the occurrence's members and their near-duplicate groups, read from the store, are the ones
it holds (a report's own record never changes once stored). And the ``TrackLedger`` of each recent
parties key (store/track_update.py), so a track takes in what changed instead of being built again,
used only when the key's token in the store is the one this writer wrote last.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from dragoman.fuse.canonical import Occurrence
from dragoman.fuse.merger import Merger
from dragoman.fuse.report import Report

if TYPE_CHECKING:
    from dragoman.store.track_update import KeptTrack

T = TypeVar("T")

#: Entries kept by default: a few days of news (reports) and the tracks' recent occurrences.
#: Measured in docs/benchmarks.md ("Fusion and tracks as the store grows").
REPORTS = 16_384
OCCURRENCES = 4_096
MERGERS = 2_048
LEDGERS = 1_024  # parties keys of talks: a track each, and pairs whose talks opened none
LEDGER_PARTS = 32_768  # occurrences held by all kept ledgers together (a few kB each)


class RecordCache(Generic[T]):
    """Parsed records by id, each valid only for the stored values it was parsed from."""

    def __init__(self, size: int, weigh: Callable[[T], int] | None = None, budget: int = 0) -> None:
        """``size`` entries at most; with ``weigh``, also at most ``budget`` of their weights
        together (the most recent entry is kept whatever it weighs)."""
        if size < 0:
            raise ValueError(f"a record cache holds 0 or more entries, not {size}")
        self.size = size
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[str, tuple[Hashable, T]] = OrderedDict()
        self._weigh = weigh
        self._budget = budget
        self._weights: dict[str, int] = {}
        self._total = 0  # of the weights

    def get(self, key: str, stored: Hashable, parse: Callable[[], T]) -> T:
        """The parsed record ``key``, parsing it with ``parse()`` unless ``stored`` is unchanged."""
        entry = self._entries.get(key)
        if entry is not None and entry[0] == stored:
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[1]
        self.misses += 1
        value = parse()
        self.put(key, stored, value)
        return value

    def find(self, key: str) -> tuple[Hashable, T] | None:
        """The entry for ``key`` and the stored values it was made from, for the caller to check."""
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: str, stored: Hashable, value: T) -> None:
        """Remember ``value`` as what ``stored`` parses to (a record this writer just wrote)."""
        if not self.size:
            return
        self._entries[key] = (stored, value)
        self._entries.move_to_end(key)
        if self._weigh is not None:
            self._total += self._weigh(value) - self._weights.get(key, 0)
            self._weights[key] = self._weigh(value)
        while len(self._entries) > self.size or (len(self._entries) > 1 and self._total > self._budget):
            gone, _ = self._entries.popitem(last=False)
            self._total -= self._weights.pop(gone, 0)

    def forget(self, key: str) -> None:
        """Drop the entry of ``key``: its value is about to change in place."""
        self._entries.pop(key, None)
        self._total -= self._weights.pop(key, 0)

    def __len__(self) -> int:
        return len(self._entries)


@dataclass(slots=True)
class FusionCache:
    """The writer's caches: reports (per-article events), occurrences and their mergers, each a
    bounded LRU."""

    reports: RecordCache[Report] = field(default_factory=lambda: RecordCache(REPORTS))
    occurrences: RecordCache[Occurrence] = field(default_factory=lambda: RecordCache(OCCURRENCES))
    mergers: RecordCache[Merger] = field(default_factory=lambda: RecordCache(MERGERS))
    ledgers: RecordCache[KeptTrack] = field(default_factory=lambda: ledger_cache(LEDGERS))

    @classmethod
    def of_size(cls, reports: int = REPORTS, occurrences: int = OCCURRENCES, mergers: int | None = None) -> FusionCache:
        """Caches of these sizes; ``mergers`` defaults to ``occurrences``, at most ``MERGERS``."""
        if mergers is None:
            mergers = min(occurrences, MERGERS)
        ledgers = min(occurrences, LEDGERS)
        return cls(
            reports=RecordCache(reports),
            occurrences=RecordCache(occurrences),
            mergers=RecordCache(mergers),
            ledgers=ledger_cache(ledgers),
        )


def ledger_cache(size: int) -> RecordCache[KeptTrack]:
    """Kept track ledgers, bounded in number and in the occurrences they hold together, since a
    ledger grows with its track (a part per occurrence)."""
    return RecordCache(size, weigh=lambda kept: kept.ledger.size, budget=LEDGER_PARTS)


def record_version(o: Occurrence) -> tuple[int, int]:
    """What tells one stored record of an occurrence from another: an occurrence's reports only
    ever grow (its id comes from its smallest report, and reports are never removed), and with
    the same reports only the count of independent sources can change (two near-duplicate groups
    joined), so (reports, independent sources) stand for the record without reading it."""
    return (len(o.reports), o.independent_sources)
