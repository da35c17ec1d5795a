"""REST API latency on a generated store: p50/p99 of typical read queries at N events.

    python benchmarks/bench_api.py                       # 1,000,000 events (a ~2 GB file, a few minutes)
    python benchmarks/bench_api.py --events 100000       # smaller
    python benchmarks/bench_api.py --db /tmp/api-1m.db   # reuse a store generated before
    python benchmarks/bench_api.py --explain             # also print SQLite's query plans

The store is created by ``open_store`` (so its schema is whatever the migrations make) and filled
with synthetic rows in the columns of schema 1: about three events per article, two or three actors
per event drawn from a skewed list of countries (a few are in many events, most in few), dates over
three years, 5% undated. uvicorn serves it on 127.0.0.1 in a child process; this process is the
client, one keep-alive connection, requests in sequence. Numbers go to stdout as a Markdown table.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pycountry

from dragoman.model import content_id
from dragoman.store import open_store

SEED = 7
TYPES = {"CONSULT": 30, "REQUEST": 10, "ACCUSE": 9, "ASSAULT": 9, "AGREE": 7, "SUPPORT": 6, "REJECT": 5,
         "THREATEN": 5, "SANCTION": 4, "COOPERATE": 4, "PROTEST": 3, "AID": 3, "COERCE": 2, "MOBILIZE": 1,
         "CONCEDE": 1, "RETREAT": 1}  # fmt: skip
CAMEO = {"CONSULT": "040", "REQUEST": "020", "ACCUSE": "112", "ASSAULT": "190", "AGREE": "030", "SUPPORT": "050",
         "REJECT": "120", "THREATEN": "130", "SANCTION": "163", "COOPERATE": "060", "PROTEST": "140", "AID": "070",
         "COERCE": "170", "MOBILIZE": "150", "CONCEDE": "080", "RETREAT": "087"}  # fmt: skip
STATUSES = {
    "occurred": 70,
    "planned": 12,
    "ongoing": 5,
    "denied": 4,
    "hypothetical": 4,
    "postponed": 3,
    "cancelled": 2,
}
SECTORS = {"GOV": 60, "MIL": 15, "": 15, "CVL": 5, "COP": 5}
WORDS = (
    "talks",
    "envoy",
    "ministers",
    "delegation",
    "border",
    "statement",
    "summit",
    "officials",
    "sanctions",
)
START = date(2023, 3, 1)
DAYS = 1096


def generate(path: Path, n_events: int, rng: random.Random) -> None:
    """Create the store with the migrations, then fill it in one transaction."""
    open_store(path).close()
    countries = [(c.alpha_3, c.name) for c in pycountry.countries]
    rng.shuffle(countries)
    weights = [
        1 / (rank + 1) ** 1.1 for rank in range(len(countries))
    ]  # Zipf-like: a few in most events
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=OFF")  # a bulk load into a fresh file: nothing to roll back to
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-2000000")  # 2 GB: the id indexes are filled in random order
    con.execute("BEGIN")
    article_id = ""
    for i in range(n_events):
        if i % 3 == 0:
            article_id = content_id("a", "bench", i)
            day = (START + timedelta(days=rng.randrange(DAYS))).isoformat()
            con.execute(
                "INSERT INTO articles (id, raw_id, origin, url, title, outlet, published, published_precision,"
                " text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (article_id, "r" + article_id, "bench", f"https://news.example/{i}", f"Story {i}",
                 f"Outlet {i % 50}", day, "day", _article_text(rng), day),
            )  # fmt: skip
        _insert_event(con, rng, i, article_id, countries, weights)
        if i % 100_000 == 99_999:
            print(f"  {i + 1:,} events", file=sys.stderr)
    con.execute("COMMIT")
    con.execute("PRAGMA journal_mode=WAL")  # back to the store's mode
    con.close()


def _insert_event(con: sqlite3.Connection, rng: random.Random, i: int, article_id: str,
                  countries: list[tuple[str, str]], weights: list[float]) -> None:  # fmt: skip
    event_type = rng.choices(list(TYPES), list(TYPES.values()))[0]
    status = rng.choices(list(STATUSES), list(STATUSES.values()))[0]
    day = START + timedelta(days=rng.randrange(DAYS))
    dated = rng.random() > 0.05
    start = day.isoformat() if dated else None
    parties = []
    for code, name in rng.choices(countries, weights, k=rng.choice((2, 2, 3))):
        sector = rng.choices(list(SECTORS), list(SECTORS.values()))[0] or None
        parties.append(
            {
                "text": name,
                "name": name,
                "country": code,
                "sector": sector,
                "role": "party",
                "kind": "state",
            }
        )
    place = rng.choices(countries, weights)[0] if rng.random() < 0.6 else None
    word = rng.choice(WORDS) if rng.random() > 0.02 else "ceasefire"
    sentence = f"{parties[0]['name']} and {parties[1]['name']} {word} {event_type.lower()} on {start or 'an unknown day'}."
    event_id = content_id("e", article_id, i)
    record = {
        "id": event_id, "event_type": event_type, "mode": None, "context": [], "cameo": CAMEO[event_type],
        "source": None, "target": None, "participants": parties, "mediator": None,
        "location": {"text": place[1], "country": place[0], "lat": None, "lon": None} if place else None,
        "date": {"start": start, "end": start, "precision": "day"} if dated else None,
        "status": status, "track": None, "round": None, "topics": [],
        "sources": [{"doc_id": article_id, "outlet": f"Outlet {i % 50}", "url": f"https://news.example/{i}",
                     "attributed_to": None, "published": None}],
        "evidence": [{"doc_id": article_id, "sentence": sentence, "start": 0, "end": len(sentence)}],
        "confidence": 0.7, "trigger": word,
    }  # fmt: skip
    con.execute(
        "INSERT INTO events (id, article_id, sentence_start, event_type, cameo, status, date_start, date_end,"
        " date_precision, location_text, location_country, confidence, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (event_id, article_id, i % 3, event_type, CAMEO[event_type], status, start, start, "day" if dated else None,
         place[1] if place else None, place[0] if place else None, 0.7, json.dumps(record)),
    )  # fmt: skip
    con.executemany(
        "INSERT INTO event_actors (event_id, position, role, name, country, sector, text) VALUES (?,?,?,?,?,?,?)",
        [
            (event_id, n, "party", p["name"], p["country"], p["sector"], p["text"])
            for n, p in enumerate(parties)
        ],
    )
    con.execute("INSERT INTO event_sources (event_id, doc_id, outlet, url) VALUES (?,?,?,?)",
                (event_id, article_id, f"Outlet {i % 50}", f"https://news.example/{i}"))  # fmt: skip
    con.execute('INSERT INTO evidence (event_id, doc_id, sentence, start, "end") VALUES (?,?,?,?,?)',
                (event_id, article_id, sentence, 0, len(sentence)))  # fmt: skip


def _article_text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(60))


def queries(con: sqlite3.Connection, rng: random.Random) -> dict[str, Callable[[], str]]:
    """Typical requests; each draws its parameter from a pool so the page cache is not all it measures."""
    ids = [r[0] for r in con.execute("SELECT id FROM events WHERE rowid % 997 = 0 LIMIT 300")]
    articles = [
        r[0] for r in con.execute("SELECT id FROM articles WHERE rowid % 331 = 0 LIMIT 300")
    ]
    by_count = con.execute(
        "SELECT country FROM event_actors GROUP BY country ORDER BY count(*) DESC"
    ).fetchall()
    common = [r[0] for r in by_count[:5]]
    rare = [r[0] for r in by_count[-40:]]
    names = [r[0][:4] for r in con.execute("SELECT DISTINCT name FROM event_actors LIMIT 50")]
    places = [r[0] for r in by_count[5:40]]

    def month() -> str:
        d = START + timedelta(days=rng.randrange(DAYS - 31))
        return f"from={d.isoformat()}&to={(d + timedelta(days=30)).isoformat()}"

    return {
        "/events (first page)": lambda: "/events?limit=50",
        "/events?type=&status=": lambda: (
            f"/events?type={rng.choice(list(TYPES))}&status={rng.choice(list(STATUSES))}"
        ),
        "/events?from=&to= (a month)": lambda: f"/events?{month()}",
        "/events?actor= (frequent code)": lambda: f"/events?actor={rng.choice(common)}",
        "/events?actor= (rare code)": lambda: f"/events?actor={rng.choice(rare)}",
        "/events?actor= (name prefix)": lambda: f"/events?actor={rng.choice(names)}",
        "/events?country=": lambda: f"/events?country={rng.choice(places)}",
        "/events?type=&actor=&from=": lambda: (
            f"/events?type=CONSULT&actor={rng.choice(common)}&{month()}"
        ),
        "/events?text= (2% of events)": lambda: "/events?text=ceasefire",
        "/events?order=desc": lambda: "/events?order=desc&limit=50",
        "/events/{id}": lambda: f"/events/{rng.choice(ids)}",
        "/articles/{id}": lambda: f"/articles/{rng.choice(articles)}",
        "/actors (cached)": lambda: "/actors?limit=100",
    }


def serve(db: Path) -> tuple[subprocess.Popen[bytes], int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = (
        "import uvicorn, sys; from dragoman.service import create_app; "
        f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start")


def measure(port: int, make_path: Callable[[], str], n: int) -> tuple[list[float], int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times: list[float] = []
    status = 200
    for _ in range(n):
        path = make_path()
        started = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        times.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            status = response.status
    conn.close()
    return times, status


def wait_for_actor_counts(port: int) -> float:
    started = time.perf_counter()
    while True:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", "/actors?limit=1")
        status = conn.getresponse().status
        conn.close()
        if status == 200:
            return time.perf_counter() - started
        time.sleep(1)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def explain(con: sqlite3.Connection) -> Iterator[str]:
    """The plans of the /events queries, as the server runs them."""
    from dragoman.service.eventsql import SORT_KEY
    from dragoman.service.params import event_filters

    for label, filters in (("type+status", event_filters(event_type="CONSULT", status="planned")),
                           ("actor code", event_filters(actor="USA")),
                           ("country", event_filters(country="CHE")),
                           ("text", event_filters(text="ceasefire"))):  # fmt: skip
        where, args = filters.where()
        sql = (f"EXPLAIN QUERY PLAN SELECT e.id FROM events e WHERE {' AND '.join(where)} AND {SORT_KEY} > ''"
               f" ORDER BY {SORT_KEY}, e.id LIMIT 51")  # fmt: skip
        yield f"{label}: " + " | ".join(r[3] for r in con.execute(sql, args))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--events", type=int, default=1_000_000, help="events to generate (default 1,000,000)"
    )
    parser.add_argument(
        "--db", type=Path, help="store file; generated if missing (default /tmp/dragoman-api-N.db)"
    )
    parser.add_argument(
        "--requests", type=int, default=300, help="requests per query (default 300)"
    )
    parser.add_argument("--explain", action="store_true", help="print the query plans of /events")
    parser.add_argument(
        "--analyze",
        action="store_true",
        help="run ANALYZE on the store first (kept in the file), to see the planner with statistics",
    )
    parser.add_argument(
        "--index",
        action="append",
        default=[],
        metavar="SQL",
        help="CREATE INDEX statement to add first (kept in the file), to try an index",
    )
    args = parser.parse_args()
    db = args.db or Path(f"/tmp/dragoman-api-{args.events}.db")
    rng = random.Random(SEED)
    if not db.exists():
        started = time.perf_counter()
        print(f"generating {args.events:,} events into {db}", file=sys.stderr)
        generate(db, args.events, rng)
        print(f"generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    con = sqlite3.connect(db)
    for statement in args.index:
        con.execute(statement)
    if args.analyze:
        con.execute("ANALYZE")
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    if args.explain:
        for line in explain(con):
            print(line, file=sys.stderr)
    plan = queries(con, rng)
    con.close()
    proc, port = serve(db)
    try:
        counted = wait_for_actor_counts(
            port
        )  # the server counts actors in a thread: measure after it
        print(f"\n{n_events:,} events in {db} ({db.stat().st_size / 1e9:.1f} GB); {args.requests} requests per query;"
              f" actor counts ready {counted:.0f} s after the server started\n")  # fmt: skip
        print("| query | p50 ms | p99 ms | max ms |")
        print("|---|---:|---:|---:|")
        for label, make_path in plan.items():
            measure(
                port, make_path, 5
            )  # warm the connection and the page cache for this query shape
            times, status = measure(port, make_path, args.requests)
            flag = "" if status == 200 else f" (HTTP {status})"
            print(f"| `{label}`{flag} | {statistics.median(times):.1f} | {percentile(times, 0.99):.1f} |"
                  f" {max(times):.1f} |")  # fmt: skip
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
