"""Stage ``fuse``: reports of the same real-world event, from any number of articles, become one.

    reports (one per article's event) --same_event--> groups --merge--> Occurrence

``same_event`` is a symmetric test on two reports alone, so the groups (connected reports) do
not depend on arrival order; ``merge`` is a pure function of a group. The store runs both as
articles arrive, comparing a new report only with reports in its block (type and parties) and
date window, so adding one costs the same whatever the store already holds.
"""

from dragoman.fuse.canonical import Claim, Occurrence, independent_sources, occurrence_id
from dragoman.fuse.merger import Merger, merge
from dragoman.fuse.report import Report, anchor_date, block_key, parties, window
from dragoman.fuse.settings import fuse_settings
from dragoman.fuse.similarity import Verdict, same_event

__all__ = [
    "Claim",
    "Merger",
    "Occurrence",
    "Report",
    "Verdict",
    "anchor_date",
    "block_key",
    "fuse_settings",
    "group_reports",
    "independent_sources",
    "merge",
    "occurrence_id",
    "parties",
    "same_event",
    "window",
]


def group_reports(reports: list[Report]) -> list[list[Report]]:
    """All reports in memory, grouped into events (what the store does incrementally)."""
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, list[int]] = {}
    for i, r in enumerate(reports):
        by_key.setdefault(r.key, []).append(i)
    days = fuse_settings().window_days
    for members in by_key.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if _near(reports[i], reports[j], days) and same_event(reports[i], reports[j]).same:
                    a, b = find(i), find(j)
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[Report]] = {}
    for i, r in enumerate(reports):
        groups.setdefault(find(i), []).append(r)
    return sorted(groups.values(), key=lambda g: min(r.event.id for r in g))


def _near(a: Report, b: Report, days: int) -> bool:
    if a.anchor is None or b.anchor is None:
        return True
    lo, hi = window(a.anchor, days)
    return lo <= b.anchor <= hi
