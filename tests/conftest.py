"""Store backends for the tests: every test that asks for ``stores`` runs on SQLite and PostgreSQL.

PostgreSQL runs when ``DRAGOMAN_TEST_PG`` names a database the tests may create schemas in
(`.ci/run` starts one); each test gets fresh, empty schemas, dropped afterwards. Without it, the
PostgreSQL variants skip and say how to start a throwaway server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ENV = "DRAGOMAN_TEST_PG"
BACKENDS = ("sqlite", "postgresql")
PG_MISSING = (
    f"PostgreSQL store tests need {PG_ENV}=postgresql://...; start a throwaway server with: "
    f'export {PG_ENV}="$(tools/pg_test_server.sh start)"'
)


def pg_url() -> str | None:
    return os.environ.get(PG_ENV) or None


class StoreFactory:
    """Fresh, empty store targets of one backend: SQLite files in ``folder``, or PostgreSQL
    schemas in the ``DRAGOMAN_TEST_PG`` database (a URL whose search_path is the new schema)."""

    def __init__(self, backend: str, folder: Path) -> None:
        self.backend = backend
        self.folder = folder
        self._schemas: list[str] = []

    def new(self, name: str = "store") -> str:
        if self.backend == "sqlite":
            return str(self.folder / f"{name}.db")
        schema = f"test_{name}_{uuid.uuid4().hex[:10]}"
        with _admin() as con:
            con.execute(f'CREATE SCHEMA "{schema}"')
        self._schemas.append(schema)
        return with_schema(pg_url() or "", schema)

    def close(self) -> None:
        if not self._schemas:
            return
        with _admin() as con:
            for schema in self._schemas:
                con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        self._schemas.clear()


def with_schema(url: str, schema: str) -> str:
    """``url`` with its search_path set to ``schema`` (libpq's ``options`` parameter)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def _admin():  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(pg_url() or "", autocommit=True)


def _skip_without_postgres(backend: str) -> None:
    if backend == "postgresql":
        if pg_url() is None:
            pytest.skip(PG_MISSING)
        pytest.importorskip("psycopg", reason="PostgreSQL tests need psycopg: pip install -e '.[test]'")


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The store backend; module-scoped so a module's shared stores and its fresh ones agree."""
    _skip_without_postgres(request.param)
    return str(request.param)


@pytest.fixture
def stores(backend: str, tmp_path: Path) -> Iterator[StoreFactory]:
    factory = StoreFactory(backend, tmp_path)
    yield factory
    factory.close()


@pytest.fixture(scope="module")
def module_stores(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreFactory]:
    """Stores shared by the tests of one module (filled once, read by many)."""
    factory = StoreFactory(backend, tmp_path_factory.mktemp(backend))
    yield factory
    factory.close()


@pytest.fixture
def pg_stores(tmp_path: Path) -> Iterator[StoreFactory]:
    """PostgreSQL stores only, for tests of what is particular to PostgreSQL."""
    _skip_without_postgres("postgresql")
    factory = StoreFactory("postgresql", tmp_path)
    yield factory
    factory.close()
