"""Numbered SQL migrations: ``migrations/NNNN_name.sql``, applied in order, once each.

A migration and its row in ``schema_migrations`` commit in one transaction, so a crash leaves the
database either before or after it, never half-way.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from dragoman.errors import StoreError

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    folder = resources.files("dragoman.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.version)


def applied(con: sqlite3.Connection) -> set[int]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return {row[0] for row in con.execute("SELECT version FROM schema_migrations")}


def pending(con: sqlite3.Connection) -> list[Migration]:
    done = applied(con)
    return [m for m in available() if m.version not in done]


def apply(con: sqlite3.Connection) -> list[Migration]:
    """Apply every pending migration; returns those applied."""
    todo = pending(con)
    newest_known = max((m.version for m in available()), default=0)
    newest_applied = max(applied(con), default=0)
    if newest_applied > newest_known:
        raise StoreError(
            f"the database has schema version {newest_applied}, newer than this dragoman "
            f"knows ({newest_known}); upgrade dragoman"
        )
    for migration in todo:
        statements = [s for s in migration.sql.split(";\n") if s.strip()]
        try:
            con.execute("BEGIN IMMEDIATE")
            for statement in statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            con.execute("COMMIT")
        except sqlite3.Error as e:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {migration.version:04d}_{migration.name} failed: {e}") from e
    return todo
