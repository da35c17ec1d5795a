"""Marginal cost of fusion + tracks per article as the store grows, outside the test run.

    python benchmarks/bench_fusion.py [--levels 1000,10000,100000] [--measure 1000] [--demo 3] [--seeds FILE]

For each level, a fresh store is seeded with that many synthetic articles in bulk, through the
store's own writer functions (article and report rows, near-duplicate signatures, one merged
occurrence per real-world event with ``fuse.merge`` and the writer's ``_write_occurrence``, the
tracks rebuilt once per parties, the read tables indexed by ``occurrence_index``). Then the store
is opened again, as a new process would, and the next articles of the same stream go through the
real ``Store.save`` one by one: ``--warmup`` of them first (the writer's cache fills), then
``--measure`` timed ones. Last, the demo week (``--demo`` copies of the ten sample pages) goes
through the whole pipeline (clean, understand, coding, store) into the same store, each stage
timed, fusion + tracks inside the store stage.

Each level runs in its own process, so its memory is its own (RSS after the timed articles, and
its growth over them). CPU time (``time.process_time``) is the number to
read on a shared machine; the load average is printed beside wall times. ``--seeds FILE`` keeps
each seeded store and reuses it on the next run (the seed does not depend on the fusion code, so
two versions of it can be timed on the same store).

The stream: 300 articles a day, 120 words each (distinct texts), each reporting five of the last
five days' real-world events between 40 countries (10 types, 80 % dated, some at a venue), so an
event has about five reports from different outlets. Seeding groups reports by the real-world
event they tell (the generator knows it); from there on, fusion decides.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dragoman.fuse import Report, merge
from dragoman.fuse.cache import FusionCache
from dragoman.model import Actor, Article, DateValue, Event, Evidence, Place, Source, content_id
from dragoman.store import Store, fusion, neardup, occurrence_index

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
WORDS = ["talks", "border", "ceasefire", "prisoners", "sanctions", "nuclear", "energy", "grain", "corridor", "water", "trade", "troops"]
PER_DAY = 300  # articles (and real-world events) a day: a date window holds the same number of reports
RECENT = 5 * PER_DAY  # an article tells of the last five days' events
WORDS_PER_ARTICLE = 120  # a short news item: the near-duplicate signature costs with the text
START = date(2026, 1, 1)


def true_event(i: int) -> dict[str, Any]:
    """Real-world event ``i`` (in time order), the same whatever else is generated."""
    rng = random.Random(i)
    a, b = rng.sample(COUNTRIES, 2)
    kind, cameo = rng.choice(TYPES)
    return {"i": i, "parties": (a, b), "type": kind, "cameo": cameo, "city": rng.choice(CITIES),
            "day": START + timedelta(days=i // PER_DAY), "words": rng.sample(WORDS, 4)}  # fmt: skip


def article(n: int) -> tuple[Article, list[Event], list[int]]:
    """Article ``n`` of the stream, its events, and the real-world event each tells."""
    rng = random.Random(-n)
    told = [true_event(i) for i in rng.sample(range(max(0, n - RECENT), n + 1), min(5, n + 1))]
    published = max(t["day"] for t in told) + timedelta(days=rng.randrange(3))
    text = " ".join(rng.choices(VOCABULARY, k=WORDS_PER_ARTICLE))  # distinct pages: no near-duplicates
    a = Article(id=f"a_{n:012d}", raw_id=f"r_{n}", origin=f"synthetic/{n}", title=None, text=text,
                outlet=f"Outlet {n % 300}", published=DateValue(start=published.isoformat(), end=None, precision="day"))  # fmt: skip
    events = []
    for k, t in enumerate(told):
        sentence = f"{' '.join(t['words'])} report {k} of event {t['i']} in article {n}."
        city, country, lat, lon = t["city"]
        day = t["day"].isoformat()
        events.append(
            Event(
                id=content_id("e", a.id, k),
                event_type=t["type"],
                cameo=t["cameo"],
                status="occurred",
                participants=tuple(Actor(text=c, name=c, country=c, sector="GOV", role="party") for c in t["parties"]),
                location=Place(text=city, name=city, country=country, lat=lat, lon=lon) if city else None,
                date=DateValue(start=day, end=day, precision="day") if rng.random() < 0.8 else None,
                sources=(Source(doc_id=a.id, outlet=a.outlet, url=None, published=published.isoformat()),),
                evidence=(Evidence(doc_id=a.id, sentence=sentence, start=0, end=len(sentence)),),
            )
        )
    return a, events, [t["i"] for t in told]


# -- seeding ----------------------------------------------------------------------------------


def seed(store: Store, articles: int) -> None:
    """Articles 0 .. ``articles``-1 with their reports, occurrences, tracks and read tables, in bulk."""
    con = store._con
    con.execute("PRAGMA cache_size = -2000000")  # 2 GB of pages: random-key index inserts, not the writer, set the pace
    index, bands = neardup._index()
    open_groups: dict[int, list[Report]] = {}  # real-world event -> its reports so far
    keys: set[str] = set()
    with con.transaction():
        for n in range(articles):
            a, events, told = article(n)
            _insert_article(store, a)
            signature = index.signature(a.text)
            con.execute("INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)",
                        (a.id, signature.astype("<u4").tobytes()))  # fmt: skip
            con.executemany(
                "INSERT INTO article_bands (band, key, article_id) VALUES (?, ?, ?)",
                [(b, k - 2 * neardup._SIGNED if k >= neardup._SIGNED else k, a.id)
                 for b, k in enumerate(bands.keys(signature))],
            )  # fmt: skip
            reports = []
            for event, i in zip(events, told, strict=True):
                store._insert_event(a.id, event)
                report = Report.of(event, article_id=a.id, published=a.published.start, outlet=a.outlet)
                open_groups.setdefault(i, []).append(report)
                reports.append((report.key, report.anchor, event.id))
            con.executemany("UPDATE events SET block_key = ?, anchor = ? WHERE id = ?", reports)
            if n % PER_DAY == 0:  # events no later article can tell are complete
                _write_groups(con, open_groups, n - RECENT, keys)
        _write_groups(con, open_groups, articles, keys)
        fusion.refresh_tracks(con, keys)
        con.execute("INSERT INTO occurrence_index_backlog (occurrence_id) SELECT id FROM occurrences")
        occurrence_index.index_backlog(con)


def _insert_article(store: Store, a: Article) -> None:
    assert a.published is not None
    store._con.execute(
        "INSERT INTO articles (id, raw_id, origin, outlet, published, published_precision, text, ingested_at,"
        " doc_group) VALUES (?,?,?,?,?,?,?,?,?)",
        (a.id, a.raw_id, a.origin, a.outlet, a.published.start, a.published.precision, a.text, "2026-01-01", a.id),
    )
    store._con.execute("INSERT INTO raw_seen (raw_id, article_id, origin) VALUES (?,?,?)", (a.raw_id, a.id, a.origin))


def _write_groups(con: Any, groups: dict[int, list[Report]], before: int, keys: set[str]) -> None:
    for i in sorted(k for k in groups if k < before):
        reports = groups.pop(i)
        occurrence = merge(reports)
        fusion._write_occurrence(con, occurrence, sorted(r.event.id for r in reports))
        if occurrence.event.event_type in ("CONSULT", "AGREE"):
            keys.add(fusion._parties_key(occurrence))


# -- measuring --------------------------------------------------------------------------------


class Timer:
    """CPU and wall seconds spent inside the wrapped functions."""

    def __init__(self) -> None:
        self.cpu = self.wall = 0.0

    def wrap(self, step: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return step(*args)
            finally:
                self.wall += time.perf_counter() - wall
                self.cpu += time.process_time() - cpu

        return run


def rss_mb() -> float:
    """Resident memory now (not the peak: the seed's peak is not the writer's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_level(level: int, warmup: int, measure: int, demo: int, db: Path, seeded: Path | None) -> dict[str, Any]:
    """Seed a store of ``level`` articles at ``db`` (or copy the one kept at ``seeded``), then time it."""
    started = time.perf_counter()
    if seeded is not None and seeded.exists():
        shutil.copyfile(seeded, db)  # the seed does not depend on the fusion code being measured
    else:
        with Store(db) as store:
            seed(store, level)
        if seeded is not None:
            shutil.copyfile(db, seeded)
    seeded_s = time.perf_counter() - started
    timer = Timer()
    fusion.fuse_new_events = timer.wrap(fusion.fuse_new_events)  # type: ignore[assignment]
    fusion.refresh_tracks = timer.wrap(fusion.refresh_tracks)  # type: ignore[assignment]
    result: dict[str, Any] = {"level": level, "seed_s": round(seeded_s, 1)}
    with Store(db, fusion_cache=FusionCache()) as store:
        for n in range(level, level + warmup):
            store.save(*article(n)[:2])
        rss_before = rss_mb()
        timer.cpu = timer.wall = 0.0
        wall, cpu = time.perf_counter(), time.process_time()
        for n in range(level + warmup, level + warmup + measure):
            store.save(*article(n)[:2])
        result.update(
            store_cpu_ms=1000 * (time.process_time() - cpu) / measure,
            store_wall_ms=1000 * (time.perf_counter() - wall) / measure,
            fusion_cpu_ms=1000 * timer.cpu / measure,
            fusion_wall_ms=1000 * timer.wall / measure,
            rss_mb=rss_mb(),
            rss_growth_mb=rss_mb() - rss_before,
            counts=store.counts(),
            load=os.getloadavg()[0],
        )
        if demo:
            result["demo"] = demo_week(store, demo, timer)
    return result


def demo_week(store: Store, copies: int, timer: Timer) -> dict[str, float]:
    """CPU ms per article of each pipeline stage on ``copies`` of the demo week, into ``store``."""
    from dragoman import clean, coding, understand
    from dragoman.demo import sample_documents
    from dragoman.model import Rejected
    from dragoman.options import Options

    opts = Options()
    docs = [d for d in sample_documents(opts) if not isinstance(d, Rejected)]
    for doc in docs[:2]:  # load models, gazetteers and lexicons once, as a long ingest would
        a = clean.clean(doc, opts.clean)
        assert not isinstance(a, Rejected)
        coding.code_events(a, understand.annotate(a, opts.understand), opts.coding)
    cpu = dict.fromkeys(("clean", "understand", "coding", "store"), 0.0)
    timer.cpu = 0.0
    stored = 0
    for i in range(copies):
        for doc in docs:
            c0 = time.process_time()
            a = clean.clean(_variant(doc, i), opts.clean)
            c1 = time.process_time()
            if isinstance(a, Rejected):
                continue
            annotations = understand.annotate(a, opts.understand)
            c2 = time.process_time()
            events = coding.code_events(a, annotations, opts.coding)
            c3 = time.process_time()
            people = [m for m in annotations.actors if m.actor.kind == "person"]  # as pipeline.process does
            stored += store.save(a, events, people)
            c4 = time.process_time()
            for stage, dt in zip(cpu, (c1 - c0, c2 - c1, c3 - c2, c4 - c3), strict=True):
                cpu[stage] += dt
    per = {stage: 1000 * s / max(stored, 1) for stage, s in cpu.items()}
    per["fusion"] = 1000 * timer.cpu / max(stored, 1)
    per["articles"] = stored
    return per


def _variant(doc: Any, i: int) -> Any:
    """A copy whose text differs by two words, so the store counts it as a new article."""
    return replace(doc, id=f"{doc.id}-{i}", content=doc.content.replace(b" said ", f" said (copy {i}) ".encode(), 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1000,10000,100000", help="store sizes in articles, comma-separated")
    parser.add_argument("--warmup", type=int, default=300, help="articles saved before timing (the cache fills)")
    parser.add_argument("--measure", type=int, default=1000, help="articles timed at each level")
    parser.add_argument("--demo", type=int, default=3, help="copies of the demo week through the whole pipeline")
    parser.add_argument("--seeds", help="keep each seeded store as SEEDS.<level>.db and reuse it on the next run")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a level, in this process
    args = parser.parse_args()
    if args.one is not None:
        seeded = Path(f"{args.seeds}.{args.one}.db") if args.seeds else None
        with tempfile.TemporaryDirectory() as tmp:
            result = measure_level(args.one, args.warmup, args.measure, args.demo, Path(tmp) / "bench.db", seeded)
            print(json.dumps(result))
        return
    print(f"load average at start {os.getloadavg()[0]:.1f}; ms per article, CPU (wall in brackets)")
    for line in _levels(args):
        print(line, flush=True)


def _levels(args: argparse.Namespace) -> Iterator[str]:
    yield (f"{'articles':>9} {'seed s':>7} {'store CPU':>10} {'fusion CPU':>11} {'(wall)':>8} {'occurrences':>12}"
           f" {'tracks':>7} {'RSS MB':>7} {'+RSS':>5} {'load':>5} | demo: pipeline CPU, fusion CPU, share")  # fmt: skip
    for level in (int(x) for x in args.levels.split(",")):
        cmd = [sys.executable, __file__, "--one", str(level), "--warmup", str(args.warmup),
               "--measure", str(args.measure), "--demo", str(args.demo)] + (["--seeds", args.seeds] if args.seeds else [])  # fmt: skip
        r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
        line = (f"{level:>9} {r['seed_s']:>7.0f} {r['store_cpu_ms']:>10.2f} {r['fusion_cpu_ms']:>11.2f}"
                f" {'(' + format(r['fusion_wall_ms'], '.1f') + ')':>8} {r['counts']['occurrences']:>12}"
                f" {r['counts']['tracks']:>7} {r['rss_mb']:>7.0f} {r['rss_growth_mb']:>5.1f} {r['load']:>5.1f}")  # fmt: skip
        if "demo" in r:
            d = r["demo"]
            total = d["clean"] + d["understand"] + d["coding"] + d["store"]
            line += f" | {total:.1f}, {d['fusion']:.1f}, {100 * d['fusion'] / total:.0f} %"
            # The synthetic stream's store cost in a real pipeline: clean + understand + coding from the demo week.
            line += f"; stream share {100 * r['fusion_cpu_ms'] / (total - d['store'] + r['store_cpu_ms']):.0f} %"
        yield line


if __name__ == "__main__":
    main()
