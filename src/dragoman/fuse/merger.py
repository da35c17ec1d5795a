"""The canonical event of a growing set of reports, folded in one report at a time.

``merge(reports)`` is a pure function of the set of reports (their order does not matter): the
status is replayed through the lifecycle in publication order, the most precise date wins (the
latest report among equally precise ones, so a postponement's new date replaces the old one), and
every field keeps its provenance: which source said which value, when, in which sentence.

A ``Merger`` keeps what ``merge`` needs as running tallies (counts, the first report in
publication order for each value, each report's claims and their JSON), so folding one more report
into an event of hundreds costs about what it costs for an event of five, and ``Merger.add`` in any
order and in any number of steps gives exactly ``merge`` of all the reports. The store's writer
keeps the merger of each recent occurrence and folds new reports into it (store/fusion.py).
"""

from __future__ import annotations

import bisect
import heapq
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from itertools import chain
from typing import Any

from dragoman.fuse.canonical import Claim, Occurrence, independent_sources_of, occurrence_id
from dragoman.fuse.report import Report
from dragoman.fuse.settings import Lifecycle, lifecycle
from dragoman.model import DateValue, Evidence, Place, Source

_PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1}
# Statuses whose report is often dated by the announcement: "denied on Thursday that they met".
_ANNOUNCED = frozenset({"planned", "postponed", "cancelled", "denied"})

Key = tuple[str, int, str]  # a report's place in publication order: date, same-day rank, id
At = tuple[Key, int]  # a claim's place: its report's key, its index among the report's claims


def merge(reports: Iterable[Report], rules: Lifecycle | None = None) -> Occurrence:
    """The canonical event of ``reports`` (one or more reports of the same event)."""
    merger = Merger(rules).add(reports)
    if not merger.members:
        raise ValueError("merge() needs at least one report")
    return merger.occurrence()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Merger:
    """Running tallies of an occurrence's reports; ``occurrence()`` is ``merge`` of them all."""

    def __init__(self, rules: Lifecycle | None = None) -> None:
        self._life = rules or lifecycle()
        self.members: dict[str, str] = {}  # report id -> its article's near-duplicate group
        self._keys: list[Key] = []  # sorted
        self._ids: list[str] = []  # sorted
        self._claims: dict[str, tuple[Claim, ...]] = {}  # by report id
        self._claims_json: dict[str, tuple[str, ...]] = {}
        # (article, sentence) -> last status
        self._said: dict[tuple[str, str], tuple[Key, str]] = {}
        self._at: dict[str, dict[str, list[At]]] = {}  # field -> value -> claims saying it
        # (field, value, other value) -> the first disagreeing pair of claims and its JSON; only
        # the pairs of a value that got a new claim (``_dirty``) are looked at again.
        self._found: dict[tuple[str, str, str], tuple[tuple[Claim, Claim], str] | None] = {}
        self._dirty: set[tuple[str, str]] = set()
        # the found pairs, in order
        self._listed: list[tuple[tuple[Claim, Claim], str]] | None = None
        self._history: list[Claim] | None = []  # None: a report came in before the last one
        self._counts: dict[str, Counter[Any]] = {
            f: Counter() for f in ("cameo", "mode", "round", "mediator", "place")
        }
        self._first: dict[str, dict[Any, tuple[Key, Any]]] = {"mediator": {}, "place": {}}
        # by status; None: any
        self._lead: dict[str | None, tuple[tuple[float, int, str], Report]] = {}
        self._date: tuple[tuple[float, str], Key, DateValue] | None = None
        self._undated: tuple[Key, DateValue] | None = None
        # the dated reports that say the act occurred, and the first day one was published
        self._done: list[tuple[tuple[float, str], Key, DateValue]] = []
        self._first_done: str | None = None
        self._topics: set[str] = set()
        self._context: set[str] = set()
        self._sources: dict[str, tuple[At, Source, str]] = {}  # doc id -> first, with its JSON
        self._evidence: dict[tuple[str, int], tuple[At, Evidence, str]] = {}
        self._confidence = 0.0
        self._pairs: set[tuple[str, str]] = set()  # (near-duplicate group, outlet)

    def copy(self) -> Merger:
        """An independent copy (the writer's cache keeps the original until the write commits)."""
        other = object.__new__(Merger)
        for name, value in self.__dict__.items():
            other.__dict__[name] = value
        other.members, other._keys, other._ids = (
            dict(self.members),
            list(self._keys),
            list(self._ids),
        )
        other._claims, other._claims_json, other._said = (
            dict(self._claims),
            dict(self._claims_json),
            dict(self._said),
        )
        other._at = {f: {v: list(at) for v, at in by.items()} for f, by in self._at.items()}
        other._found, other._dirty = dict(self._found), set(self._dirty)
        other._history = None if self._history is None else list(self._history)
        other._done = list(self._done)
        other._counts = {f: Counter(c) for f, c in self._counts.items()}
        other._first = {f: dict(d) for f, d in self._first.items()}
        other._lead, other._topics, other._context = (
            dict(self._lead),
            set(self._topics),
            set(self._context),
        )
        other._sources, other._evidence, other._pairs = (
            dict(self._sources),
            dict(self._evidence),
            set(self._pairs),
        )
        return other

    # -- folding in ------------------------------------------------------------------------------

    def add(self, reports: Iterable[Report]) -> Merger:
        """Fold ``reports`` in (a report already in is ignored); returns self."""
        for r in reports:
            if r.event.id not in self.members:
                self._add(r)
        return self

    def _add(self, r: Report) -> None:
        e = r.event
        key: Key = (r.published or "", self._life.same_day_rank.get(e.status, 0), e.id)
        last = self._keys[-1] if self._keys else None
        bisect.insort(self._keys, key)
        bisect.insort(self._ids, e.id)
        self.members[e.id] = r.group
        claims = _claims(r)
        self._claims[e.id] = claims
        self._claims_json[e.id] = tuple(_dumps(c.to_dict()) for c in claims)
        said = (r.article_id, _sentence(r))
        if said not in self._said or self._said[said][0] < key:
            if said in self._said and self._said[said][1] != e.status:  # dates compared by status
                self._dirty.update(("date", v) for v in self._at.get("date", ()))
            self._said[said] = (key, e.status)
        for j, c in enumerate(claims):
            bisect.insort(self._at.setdefault(c.field, {}).setdefault(c.value, []), (key, j))
            self._dirty.add((c.field, c.value))
        self._fold_status(key, last, claims)
        self._tally(key, r)

    def _fold_status(self, key: Key, last: Key | None, claims: tuple[Claim, ...]) -> None:
        if self._history is None or (last is not None and key < last):
            self._history = None  # reported before the last one: replayed when asked for
            return
        status = claims[0]  # every report claims a status, first
        current = self._history[-1].value if self._history else None
        if (
            current is None
            or status.value != current
            and self._life.may_move(current, status.value)
        ):
            self._history.append(status)

    def _tally(self, key: Key, r: Report) -> None:
        e = r.event
        counts = self._counts
        counts["cameo"][e.cameo] += 1
        if e.mode:
            counts["mode"][e.mode] += 1
        if e.round is not None:
            counts["round"][e.round] += 1
        if e.mediator is not None:
            code = e.mediator.country or e.mediator.name
            counts["mediator"][code] += 1
            _keep_first(self._first["mediator"], code, key, e.mediator)
        if e.location is not None:
            p = e.location
            counts["place"][(p.text, p.country)] += 1
            _keep_first(self._first["place"], (p.lat is None, p.text, p.country), key, p)
        rank = (-e.confidence, -len(e.participants), e.id)
        # the lead is the best report with the final status, else any
        for status in (e.status, None):
            if status not in self._lead or rank < self._lead[status][0]:
                self._lead[status] = (rank, r)
        if e.date is not None and e.date.precision in _PRECISION_RANK:
            best = (_date_rank(r), r.published or "")
            if _better((best, key), self._date):
                self._date = (best, key, e.date)
            if e.status == "occurred" and r.published:
                self._done.append((best, key, e.date))
                self._first_done = min(self._first_done or r.published, r.published)
        elif e.date is not None and (self._undated is None or key > self._undated[0]):
            self._undated = (key, e.date)
        self._topics.update(e.topics)
        self._context.update(e.context)
        for n, s in enumerate(
            e.sources or (Source(doc_id=r.article_id, outlet=r.outlet, url=None),)
        ):
            if s.doc_id not in self._sources or (key, n) < self._sources[s.doc_id][0]:
                s = s if s.published == r.published else replace(s, published=r.published)
                self._sources[s.doc_id] = ((key, n), s, _dumps(s.to_dict()))
        for n, ev in enumerate(e.evidence):
            if (ev.doc_id, ev.start) not in self._evidence or (key, n) < self._evidence[
                (ev.doc_id, ev.start)
            ][0]:
                self._evidence[(ev.doc_id, ev.start)] = ((key, n), ev, _dumps(ev.to_dict()))
        self._confidence = max(self._confidence, e.confidence)
        self._pairs.add((r.group, r.source_name))

    # -- the occurrence ------------------------------------------------------------------------

    def occurrence(self) -> Occurrence:
        """What ``merge`` gives for every report folded in so far."""
        history = self._status_history()
        final = history[-1].value
        lead = self._lead_report(final)
        sources = independent_sources_of(self._pairs)
        counts = self._counts
        mediator = most_common(counts["mediator"])
        event = replace(
            lead.event,
            id=occurrence_id(self._ids[:1]),
            cameo=most_common(counts["cameo"]) or lead.event.cameo,
            mode=most_common(counts["mode"]),
            status=final,
            mediator=self._first["mediator"][mediator][1] if mediator is not None else None,
            location=self._location(),
            date=self._date_of(final),
            round=most_common(counts["round"]),
            topics=tuple(sorted(self._topics)),
            context=tuple(sorted(self._context)),
            sources=tuple(s for _, s, _ in sorted(self._sources.values(), key=_first_item)),
            evidence=tuple(ev for _, ev, _ in self._evidence_in_order(lead)),
            confidence=round(min(0.99, self._confidence + 0.05 * (sources - 1)), 3),
        )
        return Occurrence(
            event=event,
            reports=tuple(self._ids),
            history=history,
            contradictions=self._contradictions(),
            provenance=tuple(chain.from_iterable(self._claims[k[2]] for k in self._keys)),
            independent_sources=sources,
        )

    def record(self, o: Occurrence) -> str:
        """``o`` (this merger's occurrence) as the store's JSON record, the text
        ``json.dumps(o.to_dict(), ensure_ascii=False, sort_keys=True)`` gives, built from the
        JSON each claim, source and evidence got when it came in."""
        parts = {
            k: _dumps(v) for k, v in replace(o.event, sources=(), evidence=()).to_dict().items()
        }
        parts["sources"] = _json_list(
            j for _, _, j in sorted(self._sources.values(), key=_first_item)
        )
        parts["evidence"] = _json_list(
            j for _, _, j in self._evidence_in_order(self._lead_report(o.event.status))
        )
        parts["provenance"] = _json_list(
            chain.from_iterable(self._claims_json[k[2]] for k in self._keys)
        )
        parts["reports"] = _dumps(self._ids)
        parts["independent_sources"] = _dumps(o.independent_sources)
        parts["status_history"] = _dumps([c.to_dict() for c in o.history])
        parts["contradictions"] = self._contradictions_json()
        return "{" + ", ".join(f"{_dumps(k)}: {parts[k]}" for k in sorted(parts)) + "}"

    def _lead_report(self, status: str) -> Report:
        """The best report with the final status, else the best of all."""
        return (self._lead.get(status) or self._lead[None])[1]

    def _evidence_in_order(self, lead: Report) -> list[tuple[At, Evidence, str]]:
        """The evidence in publication order, the lead report's first: the sentence shown for an
        event says what the event is ("the first round was held on February 6"), not a denial
        of something else that was folded into it."""
        own = {(ev.doc_id, ev.start) for ev in lead.event.evidence}
        return [
            v
            for _, v in sorted(self._evidence.items(), key=lambda kv: (kv[0] not in own, kv[1][0]))
        ]

    def _status_history(self) -> tuple[Claim, ...]:
        if self._history is None:  # replay the status claims in publication order
            self._history = []
            for key in self._keys:
                self._fold_status(key, None, self._claims[key[2]])
        return tuple(self._history)

    def _date_of(self, final: str) -> DateValue | None:
        """The best-ranked date; but an act that occurred cannot have happened after its first
        report, so a later one (a Sunday paper's "Iran has demanded", dated to its own day) gives
        way to the best date of a report saying it occurred no later than that first report."""
        if self._date is None:
            return self._undated[1] if self._undated else None
        chosen = self._date
        first = self._first_done
        if final == "occurred" and first is not None and (chosen[2].start or "")[:10] > first:
            for candidate in self._done:
                if (candidate[2].start or "")[:10] <= first and (
                    chosen is self._date or _better(candidate[:2], chosen)
                ):
                    chosen = candidate
        return chosen[2]

    def _location(self) -> Place | None:
        counts = self._counts["place"]
        firsts = self._first["place"]
        if not firsts:
            return None
        best = min(firsts, key=lambda k: (k[0], -counts[(k[1], k[2])], k[1], firsts[k][0]))
        return firsts[best][1]  # type: ignore[no-any-return]

    def _contradictions(self) -> tuple[tuple[Claim, Claim], ...]:
        """Pairs of sources that disagree: on the status (held vs denied, held vs postponed), on the
        day of an event both report with the same status (a postponement's new date is no
        contradiction), on the place or the round number. For each pair of disagreeing values,
        the first pair of claims (in publication order) from two documents; values are compared
        once per pair of distinct values, and again only when one of them gets a new claim."""
        if self._dirty or self._listed is None:
            for field, v in sorted(self._dirty):
                by_value = self._at[field]
                for w in by_value:
                    if w != v:
                        lo, hi = min(v, w), max(v, w)
                        pair = (
                            self._first_pair(by_value[lo], by_value[hi])
                            if _disagree(field, lo, hi, self._life)
                            else None
                        )
                        self._found[(field, lo, hi)] = (
                            (pair, _dumps([pair[0].to_dict(), pair[1].to_dict()])) if pair else None
                        )
            self._dirty.clear()
            self._listed = [found for _, found in sorted(self._found.items()) if found is not None]
        return tuple(pair for pair, _ in self._listed)

    def _contradictions_json(self) -> str:
        self._contradictions()
        assert self._listed is not None
        return _json_list(text for _, text in self._listed)

    def _first_pair(self, at_v: list[At], at_w: list[At]) -> tuple[Claim, Claim] | None:
        """The first two claims, one of each value, from different documents (and for dates, both
        about the same status)."""
        of_v = set(at_v)
        # in order, lazily: the first pair is most often found at once
        for i in heapq.merge(at_v, at_w):
            a = self._claim(i)
            others = at_w if i in of_v else at_v
            for j in others[bisect.bisect_right(others, i) :]:
                b = self._claim(j)
                if a.doc_id == b.doc_id:
                    continue
                if a.field == "date" and self._status_said(a) != self._status_said(b):
                    continue
                return a, b
        return None

    def _claim(self, at: At) -> Claim:
        return self._claims[at[0][2]][at[1]]

    def _status_said(self, c: Claim) -> str:
        return self._said[(c.doc_id, c.sentence)][1]


def _keep_first(first: dict[Any, tuple[Key, Any]], value: Any, key: Key, item: Any) -> None:
    if value not in first or key < first[value][0]:
        first[value] = (key, item)


def _first_item(entry: tuple[At, Any, str]) -> At:
    return entry[0]


def _json_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _claims(r: Report) -> tuple[Claim, ...]:
    e = r.event
    sentence = _sentence(r)
    values = {
        "status": e.status,
        "date": e.date.label() if e.date and e.date.precision else None,
        "location": f"{e.location.text} ({e.location.country})" if e.location else None,
        "mediator": e.mediator.country or e.mediator.name if e.mediator else None,
        "round": str(e.round) if e.round is not None else None,
    }
    return tuple(
        Claim(
            field=k,
            value=v,
            doc_id=r.article_id,
            outlet=r.outlet,
            published=r.published,
            sentence=sentence,
        )
        for k, v in values.items()
        if v is not None
    )


def _disagree(field: str, a: str, b: str, life: Lifecycle) -> bool:
    if field == "status":
        return life.contradicts(a, b)
    if field == "date":
        return _dates_clash(a, b)
    if field == "location":
        return _country(a) != _country(b)  # "Switzerland" and "Geneva" do not disagree
    return field != "mediator"


def _dates_clash(a: str, b: str) -> bool:
    # Only two day dates disagree outright; a week or month may contain the other's day.
    return "(" not in a and "(" not in b and "undated" not in a + b


def _country(location: str) -> str:
    return location.rsplit("(", 1)[-1]


def _sentence(r: Report) -> str:
    return r.event.evidence[0].sentence if r.event.evidence else ""


def most_common(counts: Counter[Any]) -> Any:
    """The most counted value, the smallest (as text) on a tie; None for no values."""
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _better(new: tuple[tuple[float, str], Key], old: tuple[Any, ...] | None) -> bool:
    """Whether a date ranked ``new`` (rank, then the later report; the earlier key on a tie)
    beats ``old``."""
    return old is None or new[0] > old[0] or new[0] == old[0] and new[1] < old[1]


def _date_rank(r: Report) -> float:
    """Precision, but a plan, postponement or denial dated on its own publication day ranks last:
    that day is most often when it was announced ("confirmed on Tuesday that it would host"), not
    the date of the meeting, and another report usually gives the real one."""
    value = r.event.date
    assert value is not None and value.precision is not None
    announced = (
        r.event.status in _ANNOUNCED and value.start is not None and value.start[:10] == r.published
    )
    return 0.5 if announced else _PRECISION_RANK[value.precision]


__all__ = ["Merger", "merge"]
