"""The REST API benchmark's store on PostgreSQL: the SQLite store bench_api.py generates, copied.

    python benchmarks/bench_api.py --db postgresql://... --from /tmp/api-1m.db

The PostgreSQL store is created by ``open_store`` (its schema is whatever the migrations make), then
each table of the SQLite store is copied into it with COPY, the same rows (so both backends are
measured on one data set). The indexes the migrations made are dropped for the copy and made again
after it, from their own definitions (``pg_indexes``); primary keys and unique constraints stay.
The full-text table, a tsvector per canonical event on PostgreSQL where SQLite has FTS5, is built
from the evidence sentences as the store's writer builds it (``occurrence_index._insert_text``).
Then ANALYZE, as a server's autovacuum would do after a load this size.

A request's CPU on PostgreSQL is mostly the server backend's, not the client's: ``backend_cpu``
reads it from /proc for the backend serving one connection (the benchmark runs on the same machine).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from dragoman.store import open_store

# In foreign-key order. occurrence_text is built, not copied; tracks and aliases are empty in the bench.
TABLES = (
    "articles", "article_signatures", "events", "event_actors", "event_sources", "evidence", "occurrences",
    "actors", "actor_roles", "occurrence_actors", "occurrence_keys", "report_actors",
)  # fmt: skip
BATCH = 50_000


def load(url: str, source: Path) -> None:
    """Create the store at ``url`` with the migrations and copy the SQLite store ``source`` into it,
    unless it already holds canonical events."""
    open_store(url).close()
    import psycopg

    with psycopg.connect(url, autocommit=True) as pg:
        if pg.execute("SELECT count(*) FROM (SELECT 1 FROM occurrences LIMIT 1) o").fetchone()[0]:
            return
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        indexes = _secondary_indexes(pg)
        for name, _ in indexes:
            pg.execute(f'DROP INDEX "{name}"')
        started = time.perf_counter()
        for table in TABLES:
            _copy(src, pg, table)
            print(f"  {table} copied ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        pg.execute("SELECT setval(pg_get_serial_sequence('actors', 'id'), (SELECT max(id) FROM actors))")
        pg.execute(
            "INSERT INTO occurrence_text (occurrence_id, document)"
            " SELECT s.occurrence_id, to_tsvector('simple', string_agg(s.sentence, E'\\n' ORDER BY s.sentence))"
            " FROM (SELECT DISTINCT r.occurrence_id, v.sentence FROM events r JOIN evidence v ON v.event_id = r.id"
            "       WHERE r.occurrence_id IS NOT NULL) s GROUP BY s.occurrence_id"
        )
        print(f"  occurrence_text built ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        for name, definition in indexes:
            pg.execute(definition)
            print(f"  {name} made ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        pg.execute("ANALYZE")
        src.close()


def _secondary_indexes(pg: Any) -> list[tuple[str, str]]:
    """The indexes of the copied tables that no constraint owns, with their CREATE statements."""
    return [
        (name, definition)
        for name, definition in pg.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema()"
            " AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
            "   WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace)",
            ([*TABLES, "occurrence_text"],),
        )
    ]


def _copy(src: sqlite3.Connection, pg: Any, table: str) -> None:
    """Every row of ``table``, the columns both stores have (not PostgreSQL's generated row ids)."""
    wanted = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
    writable = {
        r[0]
        for r in pg.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = %s AND is_identity = 'NO' AND is_generated = 'NEVER'"
            " OR (table_schema = current_schema() AND table_name = %s AND identity_generation = 'BY DEFAULT')",
            (table, table),
        )
    }
    columns = [c for c in wanted if c in writable]
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows = src.execute(f"SELECT {quoted} FROM {table}")
    with pg.cursor() as cur, cur.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        while batch := rows.fetchmany(BATCH):
            for row in batch:
                copy.write_row(row)


def backend_cpu(pid: int) -> float:
    """CPU seconds (user + system) the process ``pid`` has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
