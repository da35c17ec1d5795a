"""The REST API benchmark's store: N canonical events written in bulk into a SQLite store's real tables.

The store is created by ``open_store`` (so its schema is whatever the migrations make), filled in bulk
with synthetic rows in the real tables (articles, per-article reports with actors, sources and
evidence, and their canonical events as fusion writes them: 85 % told by one article, 10 % by two,
5 % by three; three reports per article), then indexed by the store's own code
(``occurrence_index``). Each canonical event has two or three actors drawn from a skewed list of
countries (a few are in many events, most in few), a date over three years (5 % undated), a place
for 60 %; 3 % of the talks belong to one of 100 tracks. Reports' actor rows (schema 6) are made by
the migration when the store is next opened (bench_api.py opens it).
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pycountry

from dragoman.model import content_id
from dragoman.store import occurrence_index, open_store
from dragoman.store.sqlite import SqliteDatabase

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


def generate(path: Path, n_occurrences: int, rng: random.Random) -> None:
    """Create the store with the migrations, fill its tables in bulk, then index the canonical
    events with the store's own code (``occurrence_index.index_backlog``)."""
    open_store(path).close()
    countries = [(c.alpha_3, c.name) for c in pycountry.countries]
    rng.shuffle(countries)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(countries))]  # Zipf-like: a few in most events
    con = sqlite3.connect(path)
    _bulk_mode(con)
    con.execute("BEGIN")
    rows: dict[str, list[tuple[object, ...]]] = {table: [] for table in _INSERTS}
    article_id, day, n_reports = "", START, 0
    for i in range(n_occurrences):
        members = rng.choices((1, 2, 3), (85, 10, 5))[0]
        shape = _shape(rng, countries, weights)
        reports = []
        for _ in range(members):
            if n_reports % 3 == 0:
                article_id = content_id("a", "bench", n_reports)
                day = START + timedelta(days=rng.randrange(DAYS))
                rows["articles"].append((article_id, "r" + article_id, "bench", f"https://news.example/{n_reports}",
                                         f"Story {n_reports}", f"Outlet {n_reports % 50}", day.isoformat(), "day",
                                         _article_text(rng), day.isoformat()))  # fmt: skip
                rows["article_signatures"].append((article_id,))
            reports.append(_report(rows, rng, n_reports, article_id, day, shape))
            n_reports += 1
        _occurrence(rows, rng, i, reports, shape)
        if len(rows["events"]) >= 20_000:
            _flush(con, rows)
        if i % 100_000 == 99_999:
            print(f"  {i + 1:,} canonical events, {n_reports:,} reports", file=sys.stderr)
    _flush(con, rows)
    con.execute("COMMIT")
    con.close()
    db = SqliteDatabase(path)
    _bulk_mode(db)
    started = time.perf_counter()
    with db.transaction():
        occurrence_index.index_backlog(db)
    print(f"  indexed in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    db.execute("PRAGMA journal_mode=WAL")  # back to the store's mode
    db.close()


def _bulk_mode(con: sqlite3.Connection | SqliteDatabase) -> None:
    con.execute("PRAGMA journal_mode=OFF")  # a bulk load into a fresh file: nothing to roll back to
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-2000000")  # 2 GB: the id indexes are filled in random order


_INSERTS = {
    "articles": "INSERT INTO articles (id, raw_id, origin, url, title, outlet, published, published_precision,"
    " text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
    "events": "INSERT INTO events (id, article_id, sentence_start, event_type, cameo, status, date_start, date_end,"
    " date_precision, location_text, location_country, confidence, record, block_key, anchor, occurrence_id)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "event_actors": "INSERT INTO event_actors (event_id, position, role, name, country, sector, text)"
    " VALUES (?,?,?,?,?,?,?)",
    "event_sources": "INSERT INTO event_sources (event_id, doc_id, outlet, url) VALUES (?,?,?,?)",
    "evidence": 'INSERT INTO evidence (event_id, doc_id, sentence, start, "end") VALUES (?,?,?,?,?)',
    "occurrences": "INSERT INTO occurrences (id, block_key, event_type, cameo, status, date_start, date_end,"
    " date_precision, location_text, location_country, track_id, n_reports, n_sources, n_contradictions,"
    " first_reported, last_reported, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "occurrence_index_backlog": "INSERT INTO occurrence_index_backlog (occurrence_id) VALUES (?)",
    # An empty near-duplicate signature without band keys: no article is ever compared with it, and
    # the store does not take the bench's 333,000 articles for a backlog to group on opening.
    "article_signatures": "INSERT INTO article_signatures (article_id, signature) VALUES (?, x'')",
}


def _flush(con: sqlite3.Connection, rows: dict[str, list[tuple[object, ...]]]) -> None:
    for table, sql in _INSERTS.items():
        con.executemany(sql, rows[table])
        rows[table].clear()


def _shape(rng: random.Random, countries: list[tuple[str, str]], weights: list[float]) -> dict[str, Any]:
    """What the reports of one canonical event share: type, status, date, parties, place."""
    event_type = rng.choices(list(TYPES), list(TYPES.values()))[0]
    parties = []
    for code, name in rng.choices(countries, weights, k=rng.choice((2, 2, 3))):
        sector = rng.choices(list(SECTORS), list(SECTORS.values()))[0] or None
        parties.append({"text": name, "name": name, "country": code, "sector": sector, "role": "party",
                        "kind": "state"})  # fmt: skip
    dated = rng.random() > 0.05
    return {
        "event_type": event_type,
        "status": rng.choices(list(STATUSES), list(STATUSES.values()))[0],
        "start": (START + timedelta(days=rng.randrange(DAYS))).isoformat() if dated else None,
        "parties": parties,
        "place": rng.choices(countries, weights)[0] if rng.random() < 0.6 else None,
    }


def _report(rows: dict[str, list[tuple[object, ...]]], rng: random.Random, n: int, article_id: str, published: date,
            shape: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    event_type, start, place, parties = shape["event_type"], shape["start"], shape["place"], shape["parties"]
    word = rng.choice(WORDS) if rng.random() > 0.02 else "ceasefire"
    sentence = f"{parties[0]['name']} and {parties[1]['name']} {word} {event_type.lower()} on {start or 'an unknown day'}."
    event_id = content_id("e", article_id, n)
    outlet, url = f"Outlet {n % 50}", f"https://news.example/{n}"
    record = {
        "id": event_id, "event_type": event_type, "mode": None, "context": [], "cameo": CAMEO[event_type],
        "source": None, "target": None, "participants": parties, "mediator": None,
        "location": {"text": place[1], "country": place[0], "lat": None, "lon": None} if place else None,
        "date": {"start": start, "end": start, "precision": "day"} if start else None,
        "status": shape["status"], "track": None, "round": None, "topics": [],
        "sources": [{"doc_id": article_id, "outlet": outlet, "url": url, "attributed_to": None, "published": None}],
        "evidence": [{"doc_id": article_id, "sentence": sentence, "start": 0, "end": len(sentence)}],
        "confidence": 0.7, "trigger": word,
    }  # fmt: skip
    rows["events"].append((
        event_id, article_id, n % 3, event_type, CAMEO[event_type], shape["status"], start, start,
        "day" if start else None, place[1] if place else None, place[0] if place else None, 0.7,
        json.dumps(record), None, start or published.isoformat(), None,
    ))  # fmt: skip
    rows["event_actors"] += [(event_id, k, "party", p["name"], p["country"], p["sector"], p["text"])
                             for k, p in enumerate(parties)]  # fmt: skip
    rows["event_sources"].append((event_id, article_id, outlet, url))
    rows["evidence"].append((event_id, article_id, sentence, 0, len(sentence)))
    return {**record, "published": published.isoformat()}


def _occurrence(rows: dict[str, list[tuple[object, ...]]], rng: random.Random, i: int, reports: list[dict[str, Any]],
                shape: dict[str, Any]) -> None:  # fmt: skip
    """The canonical event of ``reports``, as fusion would write it (Occurrence.to_dict())."""
    ids = sorted(r["id"] for r in reports)
    occurrence_id = content_id("c", ids[0])
    block = f"{shape['event_type']}:" + "+".join(sorted({p["country"] for p in shape["parties"]}))
    for n, row in enumerate(rows["events"][-len(reports):]):
        rows["events"][-len(reports) + n] = (*row[:13], block, row[14], occurrence_id)
    claims = [{"field": "status", "value": r["status"], "doc_id": r["sources"][0]["doc_id"],
               "outlet": r["sources"][0]["outlet"], "published": r["published"],
               "sentence": r["evidence"][0]["sentence"]} for r in reports]  # fmt: skip
    record = {
        **{k: v for k, v in reports[0].items() if k != "published"}, "id": occurrence_id,
        "sources": [r["sources"][0] for r in reports], "evidence": [r["evidence"][0] for r in reports],
        "reports": ids, "independent_sources": len(reports), "status_history": claims[:1], "contradictions": [],
        "provenance": claims,
    }  # fmt: skip
    track = f"bench-track-{rng.randrange(100)}" if shape["event_type"] == "CONSULT" and rng.random() < 0.03 else None
    place, start = shape["place"], shape["start"]
    published = sorted(r["published"] for r in reports)
    rows["occurrences"].append((
        occurrence_id, block, shape["event_type"], CAMEO[shape["event_type"]], shape["status"], start, start,
        "day" if start else None, place[1] if place else None, place[0] if place else None, track, len(reports),
        len(reports), 0, published[0], published[-1], json.dumps(record),
    ))  # fmt: skip
    rows["occurrence_index_backlog"].append((occurrence_id,))


def _article_text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(60))
