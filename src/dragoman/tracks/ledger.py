"""A track kept up to date occurrence by occurrence: ``TrackLedger``.

    ledger = TrackLedger(parties)
    ledger.put_members(occurrences, people)   # new or changed talks and agreements of the parties
    ledger.drop(ids)                          # occurrences merged into others
    ledger.set_visits(mediator, occurrences)  # the mediator's meetings with one party
    ledger.track(load) -> Track | None

The ledger holds one ``Part`` per occurrence (tracks/parts.py) and the sums the track is made of
(names, topics, dates, sources, mediator votes), the status replay (tracks/history.py) and the
rounds it built. A change subtracts the old part and adds the new one, replays the status claims
from the earliest day it touched, and rebuilds only the rounds whose meetings, agreements or
delegations changed, reading their occurrences with ``load``. So the cost of a change follows the
size of the round it touches and the number of meetings, not the number of reports in the track.
``build_track`` is a new ledger fed everything at once; the store keeps ledgers between articles
(store/fusion.py) and tests that both give the same track (tests/tracks/test_ledger.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from dragoman.fuse.canonical import Occurrence
from dragoman.fuse.merger import most_common
from dragoman.fuse.report import parties as parties_of
from dragoman.tracks.build import Delegate, Round, StatusPoint, Track, make_round, track_id
from dragoman.tracks.history import Point, StatusReplay
from dragoman.tracks.parts import ClaimKey, Part, lead_of, part_of, round_groups
from dragoman.tracks.settings import TrackSettings, track_settings

Loader = Callable[[list[str]], Mapping[str, Occurrence]]
Signature = tuple[Any, ...]


class TrackLedger:
    def __init__(self, parties: frozenset[str], settings: TrackSettings | None = None) -> None:
        self.parties = parties
        self.visits_mediator: str | None = None  # whose visits ``set_visits`` gave
        self._s = settings or track_settings()
        self._members: dict[str, Part] = {}
        self._agreements: dict[str, Part] = {}  # the members that are agreements
        self._visits: dict[str, Part] = {}
        self._people: dict[str, tuple[Delegate, ...]] = {}
        self._counted: dict[str, Part] = {}  # members and visits, once each: what the sums hold
        self._names: dict[str, Counter[str]] = {}
        self._topics: Counter[str] = Counter()
        self._dates: Counter[str] = Counter()
        self._docs: Counter[str] = Counter()
        self._votes: Counter[str] = Counter()  # mediators of the parties' meetings
        self._replay = StatusReplay()
        self._claimed: dict[str, tuple[int, tuple[ClaimKey, ...]]] = {}  # what the replay holds, by part
        self._rounds: dict[int, tuple[Signature, Round]] = {}
        # What changed since the last ``track()``: a round none of whose meetings changed, with the
        # same mediator and agreements, is the round built then.
        self._dirty: set[str] = set()
        self._deals_changed = True
        self._last_mediator: str | None = None
        self._points: list[tuple[Point, StatusPoint]] = []

    # -- changes ------------------------------------------------------------------------------

    def put_members(self, occurrences: Iterable[Occurrence], people: Mapping[str, Sequence[Delegate]]) -> None:
        """Add or replace talks and agreements of the parties; ``people`` for their meetings."""
        for o in occurrences:
            part = part_of(o, visit=False, s=self._s)
            self._unvote(self._members.get(o.id))
            self._members[o.id] = part
            self._dirty.add(o.id)
            self._deals_changed |= part.agreement or o.id in self._agreements
            if part.agreement:
                self._agreements[o.id] = part
            else:
                self._agreements.pop(o.id, None)
            if part.mediator:
                self._votes[part.mediator] += 1
            self._people[o.id] = tuple(people.get(o.id, ()))
            self._recount(o.id)

    def drop(self, ids: Iterable[str]) -> None:
        """Forget occurrences that are gone (merged into another), as members or visits."""
        for i in ids:
            self._dirty.add(i)
            self._deals_changed |= i in self._agreements
            self._unvote(self._members.pop(i, None))
            self._agreements.pop(i, None)
            self._visits.pop(i, None)
            self._people.pop(i, None)
            self._recount(i)

    def set_visits(self, mediator: str | None, occurrences: Iterable[Occurrence]) -> None:
        """Replace every visit with the meetings of ``mediator`` with one party."""
        for i in list(self._visits):
            del self._visits[i]
            self._recount(i)
        self.visits_mediator = mediator
        self.put_visits(occurrences)

    def put_visits(self, occurrences: Iterable[Occurrence]) -> None:
        """Add or replace visits of the mediator ``set_visits`` named."""
        for o in occurrences:
            if self.visits_mediator and self.visits_mediator in parties_of(o.event):
                self._visits[o.id] = part_of(o, visit=True, s=self._s)
            else:
                self._visits.pop(o.id, None)
            self._recount(o.id)

    @property
    def size(self) -> int:
        """How many occurrences it holds a part of (what its memory grows with)."""
        return len(self._counted)

    @property
    def mediator(self) -> str | None:
        """The code that mediates most of the parties' meetings (the smallest code on a tie)."""
        return most_common(self._votes)

    # -- the track ----------------------------------------------------------------------------

    def track(self, load: Loader) -> Track | None:
        """The track as the parts now make it, or None when the parties hold no talks; ``load``
        reads the occurrences of the rounds that must be built again."""
        meetings = sorted((p for p in self._members.values() if p.meeting), key=lambda p: p.when)
        groups = round_groups([p for p in meetings if p.is_round])
        self._sync_replay(groups)
        if not any(p.opens for p in meetings):
            return None
        mediator = self.mediator
        same = not self._deals_changed and mediator == self._last_mediator
        rounds = tuple(self._round(n, g, mediator, load, same) for n, g in sorted(groups.items()))
        self._rounds = {r.number: self._rounds[r.number] for r in rounds}
        self._dirty, self._deals_changed, self._last_mediator = set(), False, mediator
        in_rounds = {i for r in rounds for i in r.meetings}
        visits = sorted(self._visits) if mediator else []
        dates = self._dates
        first = min(dates) if dates else None
        return Track(
            id=track_id(self.parties, first[:4] if first else None),
            parties=tuple(sorted(self.parties)),
            names={code: most_common(c) for code, c in sorted(self._names.items())},
            mediator=mediator,
            status=self._replay.status,
            status_history=self._history(),
            rounds=rounds,
            members=tuple(sorted(self._counted)),
            other_meetings=tuple(i for i in [*(p.id for p in meetings), *visits] if i not in in_rounds),
            topics=tuple(sorted(self._topics, key=lambda t: (-self._topics[t], t))),
            first_date=first,
            last_date=max(dates) if dates else None,
            sources=tuple(sorted(self._docs)),
        )

    def _history(self) -> tuple[StatusPoint, ...]:
        """The replay's points as status points, converting only the points not converted before."""
        points = self._replay.points
        same = common_prefix([p for p, _ in self._points], points)
        self._points = self._points[:same] + [(p, _point(p)) for p in points[same:]]
        return tuple(sp for _, sp in self._points)

    def _round(self, number: int, group: list[Part], mediator: str | None, load: Loader, same: bool) -> Round:
        kept = self._rounds.get(number)
        if same and kept is not None and kept[1].meetings == tuple(p.id for p in group) and self._dirty.isdisjoint(kept[1].meetings):
            return kept[1]  # nothing it is built from changed
        lead = lead_of(group)
        deals = tuple(
            sorted(
                a.id
                for a in self._agreements.values()
                if a.round == number or (lead.day and a.day and abs((a.day - lead.day).days) <= 1)
            )
        )
        sides = set(self.parties) | ({mediator} if mediator else set())
        people = _people(group, self._people, sides)
        signature = (tuple((p.id, p.version) for p in group), deals, people)
        if kept is not None and kept[0] == signature:
            return kept[1]
        found = load([p.id for p in group])
        occurrences = [found[p.id] for p in group]
        built = make_round(number, occurrences, found[lead.id], deals, people)
        self._rounds[number] = (signature, built)
        return built

    def _sync_replay(self, groups: dict[int, list[Part]]) -> None:
        """Give the status replay the claims of the meetings now in rounds: the difference from
        what it holds, so it replays only from the earliest day that changed."""
        wanted = {p.id: (n, p.claims) for n, group in groups.items() for p in group}
        removed: list[tuple[int, ClaimKey]] = []
        added: list[tuple[int, ClaimKey]] = []
        for i in sorted(set(wanted) | set(self._claimed)):
            old, new = self._claimed.get(i), wanted.get(i)
            if old is new or old == new:
                continue
            if old is not None and new is not None and old[0] == new[0]:
                gone, came = Counter(old[1]) - Counter(new[1]), Counter(new[1]) - Counter(old[1])
                removed += [(old[0], c) for c in gone.elements()]
                added += [(new[0], c) for c in came.elements()]
                continue
            if old is not None:
                removed += [(old[0], c) for c in old[1]]
            if new is not None:
                added += [(new[0], c) for c in new[1]]
        self._claimed = wanted
        self._replay.change(removed, added)

    def _recount(self, occurrence_id: str) -> None:
        """Make the sums count ``occurrence_id`` as it now is: a member, a visit, or gone."""
        old = self._counted.pop(occurrence_id, None)
        if old is not None:
            self._count(old, -1)
        new = self._members.get(occurrence_id) or self._visits.get(occurrence_id)
        if new is not None:
            self._counted[occurrence_id] = new
            self._count(new, 1)

    def _count(self, p: Part, sign: int) -> None:
        for code, name in p.names:
            _bump(self._names.setdefault(code, Counter()), name, sign)
            if not self._names[code]:
                del self._names[code]
        for topic in p.topics:
            _bump(self._topics, topic, sign)
        for day in p.dates:
            _bump(self._dates, day, sign)
        for doc in p.docs:
            _bump(self._docs, doc, sign)

    def _unvote(self, old: Part | None) -> None:
        if old is not None and old.mediator:
            _bump(self._votes, old.mediator, -1)


def common_prefix(kept: Sequence[object], now: Sequence[object]) -> int:
    """How many first entries of ``now`` are the very objects ``kept`` has there. A history
    changes only by cutting it and appending new entries, so the shared part is a prefix and can
    be found by halving."""
    lo, hi = 0, min(len(kept), len(now))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if kept[mid - 1] is now[mid - 1]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _bump(counter: Counter[str], key: str, sign: int) -> None:
    """Add ``sign`` to ``counter[key]``, leaving no key at zero (``min``/``max`` read the keys)."""
    n = counter[key] + sign
    if n:
        counter[key] = n
    else:
        del counter[key]


def _people(group: list[Part], people: Mapping[str, Sequence[Delegate]], sides: set[str]) -> tuple[Delegate, ...]:
    found: dict[tuple[str, str], Delegate] = {}
    for p in group:
        for d in people.get(p.id, ()):
            if d.side in sides:
                found.setdefault((d.side, d.name), d)
    return tuple(found[k] for k in sorted(found))


def _point(p: Point) -> StatusPoint:
    _, _, doc_id, _, outlet, published = p.entry
    return StatusPoint(
        reported=published or None, status=p.status, doc_id=doc_id, outlet=outlet or None, because=f"round {p.round} {p.state}"
    )
