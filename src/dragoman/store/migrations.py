"""Numbered SQL migrations: ``migrations/<dialect>/NNNN_name.sql``, applied in order, once each.

Each dialect has its own folder (``sqlite``, ``postgresql``) with the same version numbers, so a
schema version means the same tables on both. A migration and its row in ``schema_migrations``
commit in one transaction, so a crash leaves the database either before or after it, never
half-way; the write lock makes two processes opening a new store apply each migration once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from dragoman.errors import StoreError
from dragoman.store.database import Database, split_statements

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
# A SQLite migration that rebuilds a table others reference says so: foreign keys go off around
# its transaction (else dropping the old table deletes the referencing rows), and are checked
# before it commits.
_KEYS_OFF = "-- dragoman: foreign_keys off"
_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations "
    "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available(dialect: str = "sqlite") -> list[Migration]:
    folder = resources.files("dragoman.store") / "migrations" / dialect
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.version)


def applied(db: Database) -> set[int]:
    if not db.has_table("schema_migrations"):
        return set()
    return {row[0] for row in db.execute("SELECT version FROM schema_migrations")}


def pending(db: Database) -> list[Migration]:
    done = applied(db)
    return [m for m in available(db.dialect) if m.version not in done]


def apply(db: Database) -> list[Migration]:
    """Apply every pending migration; returns those applied."""
    newest_known = max((m.version for m in available(db.dialect)), default=0)
    newest_applied = max(applied(db), default=0)
    if newest_applied > newest_known:
        raise StoreError(
            f"the database has schema version {newest_applied}, newer than this dragoman "
            f"knows ({newest_known}); upgrade dragoman"
        )
    todo = pending(db)
    done = []
    for migration in todo:
        keys_off = db.dialect == "sqlite" and _KEYS_OFF in migration.sql
        try:
            if keys_off:  # outside the transaction: SQLite ignores the pragma inside one
                db.execute("PRAGMA foreign_keys=OFF")
            with db.transaction():
                db.execute(_TABLE)
                if migration.version in applied(db):  # another process applied it while we waited
                    continue
                for statement in split_statements(migration.sql):
                    db.execute(statement)
                if keys_off and db.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise StoreError(
                        f"migration {migration.version:04d}_{migration.name} left rows whose "
                        "parent is missing; the database is unchanged"
                    )
                db.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
                )
        except db.Error as e:
            raise StoreError(f"migration {migration.version:04d}_{migration.name} failed: {e}") from e
        finally:
            if keys_off:
                db.execute("PRAGMA foreign_keys=ON")
        done.append(migration)
    return done
