"""Cost of fusion + tracks per article as the store grows, outside the test run.

    python benchmarks/bench_fusion.py [--articles 100000] [--every 10000] [--no-cache] [--db FILE]

Stores synthetic articles in time order (300 a day, 120 words each), each reporting five of the
last five days' real-world events (so reports merge, as in news: several outlets per event, some
undated), with the real ``Store.save``. For each slice of ``--every`` articles it prints, per
article, the store's wall and CPU time and the part spent in fusion and tracks, the counts, the
share of look-ups the writer's record cache answered, peak RSS and the load average. CPU times
are the ones to compare on a shared machine; flat columns mean the cost does not grow with the
store. The pipeline's own cost per article (clean + understand + coding) comes from
``bench_pipeline.py``; docs/benchmarks.md puts the two together.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dragoman.fuse.cache import FusionCache
from dragoman.model import Actor, Article, DateValue, Event, Evidence, Place, Source, content_id
from dragoman.store import Store, fusion

COUNTRIES = [
    "USA", "IRN", "RUS", "UKR", "CHN", "ISR", "PSE", "TUR", "SYR", "IRQ", "SAU", "ARE", "QAT", "OMN", "EGY",
    "LBN", "ARM", "AZE", "SRB", "XKX", "IND", "PAK", "AFG", "SDN", "ETH", "SOM", "KEN", "NGA", "MLI", "LBY",
    "VEN", "COL", "MEX", "BRA", "PRK", "KOR", "JPN", "TWN", "FRA", "DEU",
]  # fmt: skip
TYPES = [("CONSULT", "046"), ("ASSAULT", "190"), ("ACCUSE", "112"), ("REQUEST", "020"), ("SANCTION", "163"),
         ("AGREE", "030"), ("THREATEN", "130"), ("PROTEST", "141"), ("MOBILIZE", "152"), ("REJECT", "120")]  # fmt: skip
CITIES = [("Geneva", "CHE", 46.2, 6.15), ("Doha", "QAT", 25.29, 51.53), ("Muscat", "OMN", 23.58, 58.41),
          ("Vienna", "AUT", 48.21, 16.37), ("Istanbul", "TUR", 41.01, 28.98), (None, None, None, None)]  # fmt: skip
VOCABULARY = [f"w{i}" for i in range(5000)]
WORDS = "talks border ceasefire prisoners sanctions nuclear energy grain corridor water trade troops".split()


PER_DAY = 300  # articles a day: the news moves on, so a window holds the same number of reports
WORDS_PER_ARTICLE = 120  # a short news item: the near-duplicate signature costs with the text


def true_events(n: int, rng: random.Random) -> list[dict[str, object]]:
    """``n`` real-world events in time order, spread over the days the articles cover."""
    start = date(2026, 1, 1)
    days = max(1, n // PER_DAY)
    pool = []
    for i in range(n):
        a, b = rng.sample(COUNTRIES, 2)
        kind, cameo = rng.choice(TYPES)
        city = rng.choice(CITIES)
        pool.append({"i": i, "parties": (a, b), "type": kind, "cameo": cameo, "city": city,
                     "day": start + timedelta(days=i * days // n), "words": rng.sample(WORDS, 4)})  # fmt: skip
    return pool


def article(n: int, pool: list[dict[str, object]], rng: random.Random) -> tuple[Article, list[Event]]:
    recent = pool[max(0, n - 5 * PER_DAY) : n + 1]  # an article tells of the last few days' events
    told = rng.sample(recent, min(5, len(recent)))
    published = max(t["day"] for t in told) + timedelta(days=rng.randrange(3))  # type: ignore[type-var,operator]
    text = " ".join(rng.choices(VOCABULARY, k=WORDS_PER_ARTICLE))  # distinct pages: no near-duplicates
    a = Article(id=f"a_{n:012d}", raw_id=f"r_{n}", origin=f"synthetic/{n}", title=None, text=text,
                outlet=f"Outlet {n % 300}", published=DateValue(start=published.isoformat(), end=None, precision="day"))  # fmt: skip
    events = []
    for k, t in enumerate(told):
        sentence = f"{' '.join(t['words'])} report {k} of event {t['i']} in article {n}."  # type: ignore[arg-type]
        city, country, lat, lon = t["city"]  # type: ignore[misc]
        dated = rng.random() < 0.8
        day = t["day"].isoformat()  # type: ignore[attr-defined]
        events.append(
            Event(
                id=content_id("e", a.id, k),
                event_type=t["type"],  # type: ignore[arg-type]
                cameo=t["cameo"],  # type: ignore[arg-type]
                status="occurred",
                participants=tuple(
                    Actor(text=c, name=c, country=c, sector="GOV", role="party") for c in t["parties"]  # type: ignore[attr-defined]
                ),
                location=Place(text=city, name=city, country=country, lat=lat, lon=lon) if city else None,
                date=DateValue(start=day, end=day, precision="day") if dated else None,
                sources=(Source(doc_id=a.id, outlet=a.outlet, url=None, published=published.isoformat()),),
                evidence=(Evidence(doc_id=a.id, sentence=sentence, start=0, end=len(sentence)),),
            )
        )
    return a, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=10_000)
    parser.add_argument("--pool", type=int, default=0, help="real-world events (default: articles)")
    parser.add_argument("--no-cache", action="store_true", help="fusion without its record cache")
    parser.add_argument("--db", help="keep the store in this file (default: a temporary one)")
    args = parser.parse_args()
    rng = random.Random(0)
    pool = true_events(args.pool or args.articles, rng)
    spent = {"wall": 0.0, "cpu": 0.0}
    fuse, refresh = fusion.fuse_new_events, fusion.refresh_tracks

    def timed(step):  # type: ignore[no-untyped-def]
        def run(*a):  # type: ignore[no-untyped-def]
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return step(*a)
            finally:
                spent["wall"] += time.perf_counter() - wall
                spent["cpu"] += time.process_time() - cpu

        return run

    fusion.fuse_new_events, fusion.refresh_tracks = timed(fuse), timed(refresh)  # type: ignore[assignment]
    cache = FusionCache.of_size(0, 0) if args.no_cache else FusionCache()
    print(f"load average {os.getloadavg()[0]:.1f}; ms per article in each slice (fusion = fusion + tracks)")
    print(f"{'articles':>9} {'store wall':>11} {'store CPU':>10} {'fusion wall':>12} {'fusion CPU':>11}"
          f" {'occurrences':>12} {'tracks':>7} {'cache hits':>11} {'peak RSS MB':>12} {'load':>5}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(args.db) if args.db else Path(tmp) / "bench.db"
        store = Store(target, fusion_cache=cache)
        wall, cpu = time.perf_counter(), time.process_time()
        for n in range(1, args.articles + 1):
            store.save(*article(n, pool, rng))
            if n % args.every == 0:
                wall, cpu = _report_slice(n, args.every, store, cache, spent, wall, cpu)
        store.close()


def _report_slice(n, every, store, cache, spent, wall, cpu):  # type: ignore[no-untyped-def]
    wall_ms = 1000 * (time.perf_counter() - wall) / every
    cpu_ms = 1000 * (time.process_time() - cpu) / every
    counts = store.counts()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    looked = sum(c.hits + c.misses for c in (cache.reports, cache.occurrences))
    hits = sum(c.hits for c in (cache.reports, cache.occurrences)) / looked if looked else 0.0
    print(f"{n:>9} {wall_ms:>11.2f} {cpu_ms:>10.2f} {1000 * spent['wall'] / every:>12.2f}"
          f" {1000 * spent['cpu'] / every:>11.2f} {counts['occurrences']:>12} {counts['tracks']:>7}"
          f" {100 * hits:>10.0f}% {rss:>12.0f} {os.getloadavg()[0]:>5.1f}", flush=True)  # fmt: skip
    for c in (cache.reports, cache.occurrences):
        c.hits = c.misses = 0
    spent["wall"] = spent["cpu"] = 0.0
    return time.perf_counter(), time.process_time()


if __name__ == "__main__":
    main()
