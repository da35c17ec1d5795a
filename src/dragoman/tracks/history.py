"""A track's status history, replayed from the rounds' status claims and kept between updates.

    replay = StatusReplay()
    replay.change(removed, added)  # (round, claim) pairs that left or joined the rounds
    replay.points                  # the history: each change of the track's status

The claims are replayed in publication order and every report of one day is read before the day
is judged (a page of unknown date comes last: it cannot open a history it may not have begun).
The state before each of the last ``KEPT_DAYS`` publication days is kept, so a change replays only
the claims from its earliest day on: news mostly arrives in publication order, so that is the last
day or two, however long the track.
The result is the same as replaying every claim from the start (tests/tracks/test_ledger.py).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from dragoman.fuse.settings import lifecycle
from dragoman.tracks.parts import ClaimKey

# A claim in replay order: (publication key, round, doc id, value, outlet, published), with "" for
# no outlet or date so that entries compare. The value and outlet are part of the order, so two
# claims of one report on one day replay the same way whichever was stored first.
Entry = tuple[str, int, str, str, str, str]
Cause = tuple[int, Entry]

#: Publication days whose state is kept: a change dated earlier replays the whole history (news
#: arrives mostly in publication order; a backfill out of order costs a full replay per change).
KEPT_DAYS = 64


class StatusReplay:
    def __init__(self) -> None:
        self.points: list[Point] = []
        self._entries: list[Entry] = []
        self._known: dict[int, str] = {}
        self._cause: Cause | None = None
        # publication key -> (round statuses, number of points, cause) before that day's claims
        self._before: dict[str, tuple[tuple[tuple[int, str], ...], int, Cause | None]] = {}
        self._days: list[str] = []  # the keys of _before, sorted
        self._pruned = False  # whether days before the first in _days lost their state

    def change(self, removed: Iterable[tuple[int, ClaimKey]], added: Iterable[tuple[int, ClaimKey]]) -> None:
        """Take the claims out of and into the replay, and replay from the earliest day touched."""
        earliest: str | None = None
        for number, claim in removed:
            entry = _entry(number, claim)
            at = bisect.bisect_left(self._entries, entry)
            if at == len(self._entries) or self._entries[at] != entry:
                raise ValueError(f"status claim {entry} is not in the replay: rebuild the track")
            del self._entries[at]
            earliest = entry[0] if earliest is None else min(earliest, entry[0])
        for number, claim in added:
            entry = _entry(number, claim)
            bisect.insort(self._entries, entry)
            earliest = entry[0] if earliest is None else min(earliest, entry[0])
        if earliest is not None:
            self._replay_from(earliest)

    @property
    def status(self) -> str:
        return self.points[-1].status if self.points else "planned"

    def _replay_from(self, day: str) -> None:
        if self._pruned and (not self._days or day < self._days[0]):
            day = ""  # earlier than any state kept: replay everything
            self.points, self._known, self._cause = [], {}, None
            self._before, self._days, self._pruned = {}, [], False
        at = bisect.bisect_left(self._days, day)
        if at < len(self._days):  # the state before the first day kept on or after ``day``
            known, n_points, cause = self._before[self._days[at]]
            self._known, self._cause = dict(known), cause
            del self.points[n_points:]
            for gone in self._days[at:]:
                del self._before[gone]
            del self._days[at:]
        start = bisect.bisect_left(self._entries, (day,))  # type: ignore[arg-type]
        entries = self._entries
        for i in range(start, len(entries)):
            entry = entries[i]
            published, number = entry[0], entry[1]
            if i == start or entries[i - 1][0] != published:
                self._before[published] = (tuple(self._known.items()), len(self.points), self._cause)
                self._days.append(published)
            before = self._known.get(number)
            self._known[number] = _next_status(before, entry[3])
            if self._known[number] != before:
                self._cause = (number, entry)
            if i + 1 < len(entries) and entries[i + 1][0] == published:
                continue  # read every report of one day before judging the day
            status = _track_status(self._known)
            if self._cause is not None and (not self.points or self.points[-1].status != status):
                n, why = self._cause
                self.points.append(Point(status=status, round=n, state=self._known[n], entry=why))
        if len(self._days) > KEPT_DAYS:  # memory: a change older than the kept days replays all
            for gone in self._days[:-KEPT_DAYS]:
                del self._before[gone]
            del self._days[:-KEPT_DAYS]
            self._pruned = True


@dataclass(frozen=True, slots=True)
class Point:
    """One change of the track's status: the round whose claim made it, and that round's state."""

    status: str
    round: int
    state: str
    entry: Entry


def _entry(number: int, claim: ClaimKey) -> Entry:
    key, doc_id, value, outlet, published = claim
    return (key, number, doc_id, value, outlet or "", published or "")


def _next_status(old: str | None, new: str) -> str:
    if old is None or lifecycle().may_move(old, new):
        return new
    return old


def _track_status(rounds: dict[int, str]) -> str:
    last = rounds[max(rounds)]
    if last in ("postponed", "cancelled"):
        return "postponed"
    if any(s in ("occurred", "ongoing") for s in rounds.values()):
        return "ongoing"
    return "planned"
