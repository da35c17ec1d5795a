"""Cost of one more report as a single track grows, outside the test run.

    python benchmarks/bench_long_track.py [--reports 1000] [--slice 100] [--per-round 20]

One negotiation track (Armenia–Azerbaijan, EU mediating two reports in three) is told report by
report through the real ``Store.save``: a round every ``--per-round`` reports, each announced
(some postponed) before it is held and reported after, by seven outlets, four in five giving the
round number, publication dates up to six days before and three after the meeting (so reports do
not arrive in publication order). For each slice of ``--slice`` reports it prints the CPU time
(``time.process_time``) per report of the whole save, of fusion + tracks, and of the tracks alone
(``refresh_tracks``), with the track's size. Read the CPU columns on a shared machine; the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dragoman.model import Actor, Article, DateValue, Event, Evidence, Place, Source, content_id
from dragoman.store import Store, fusion

ARM = Actor(text="Armenia", name="Armenia", country="ARM", sector="GOV", role="party")
AZE = Actor(text="Azerbaijan", name="Azerbaijan", country="AZE", sector="GOV", role="party")
EU = Actor(text="the European Union", name="European Union", country="EUR", sector="IGO", role="mediator")
CITIES = [("Geneva", "CHE", 46.2), ("Vienna", "AUT", 48.2), ("Brussels", "BEL", 50.8)]


def report(k: int, per_round: int) -> tuple[Article, list[Event]]:
    rng = random.Random(k)
    number = k // per_round + 1
    day = date(2026, 1, 5) + timedelta(days=7 * number)
    published = day + timedelta(days=rng.randrange(-6, 4))
    status = "occurred" if published >= day else rng.choice(["planned", "planned", "postponed"])
    city, country, lat = CITIES[number % 3]
    text = f"Report {k}: round {number} of the talks, {status}, in {city}."
    a = Article(
        id=f"a_{k:06d}", raw_id=f"r_{k}", origin=f"bench/{k}", title=None, text=text, outlet=f"Outlet {k % 7}",
        published=DateValue(start=published.isoformat(), end=None, precision="day"),
    )  # fmt: skip
    e = Event(
        id=content_id("e", a.id, 0), event_type="CONSULT", cameo="046", status=status, participants=(ARM, AZE),
        mediator=EU if k % 3 else None, location=Place(text=city, name=city, country=country, lat=lat, lon=lat),
        date=DateValue(start=day.isoformat(), end=day.isoformat(), precision="day"), round=number if k % 5 else None,
        sources=(Source(doc_id=a.id, outlet=a.outlet, url=None, published=published.isoformat()),),
        evidence=(Evidence(doc_id=a.id, sentence=text, start=0, end=len(text)),),
    )  # fmt: skip
    return a, [e]


class Timer:
    def __init__(self) -> None:
        self.cpu = 0.0

    def wrap(self, step: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            cpu = time.process_time()
            try:
                return step(*args)
            finally:
                self.cpu += time.process_time() - cpu

        return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--slice", type=int, default=100)
    parser.add_argument("--per-round", type=int, default=20)
    args = parser.parse_args()
    both, tracks = Timer(), Timer()
    fusion.fuse_new_events = both.wrap(fusion.fuse_new_events)  # type: ignore[assignment]
    fusion.refresh_tracks = both.wrap(tracks.wrap(fusion.refresh_tracks))  # type: ignore[assignment]
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| reports in the track | rounds | save CPU ms/report | fusion + tracks | tracks |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "long.db") as store:
        for start in range(0, args.reports, args.slice):
            both.cpu = tracks.cpu = 0.0
            cpu = time.process_time()
            for k in range(start, start + args.slice):
                store.save(*report(k, args.per_round))
            total = time.process_time() - cpu
            rounds = store._con.execute("SELECT n_rounds FROM tracks").fetchone()[0]
            per = 1000 / args.slice
            print(f"| {start + args.slice} | {rounds} | {total * per:.1f} | {both.cpu * per:.1f} | {tracks.cpu * per:.1f} |")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
