"""What is particular to the PostgreSQL store: connecting, one writer at a time across connections,
migrations applied once when several processes open a new store together."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from dragoman.errors import StoreError
from dragoman.model import Article, DateValue
from dragoman.store import migrations, open_store
from tests.conftest import StoreFactory, pg_url


def story(n: int) -> Article:
    text = f"Envoys met for round {n} of the border talks, officials said; the statement numbered it {n}."
    return Article(
        id=f"a_{n:04d}", raw_id=f"r_{n}", origin=f"wire/{n}", title=f"Round {n}", text=text,
        published=DateValue(start="2026-03-02", end="2026-03-02", precision="day"),
    )  # fmt: skip


def test_an_unreachable_database_is_a_store_error_without_the_password(pg_stores: StoreFactory) -> None:
    parts = urlsplit(pg_url() or "")
    netloc = f"{parts.username or 'dragoman'}:s3cret-pw@{parts.netloc.rpartition('@')[2]}"
    missing = urlunsplit(parts._replace(netloc=netloc, path="/no_such_database"))
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as caught:
        open_store(missing)
    assert "no_such_database" in str(caught.value)
    assert "s3cret-pw" not in str(caught.value)


def test_a_second_writer_waits_for_the_first_to_commit(pg_stores: StoreFactory) -> None:
    db = pg_stores.new()
    first, second = open_store(db), open_store(db)
    done = threading.Event()

    def write() -> None:
        second.save(story(2), [])
        done.set()

    try:
        with first._con.transaction():  # the first writer holds the store's write lock
            first.save(story(1), [])
            writer = threading.Thread(target=write)
            writer.start()
            time.sleep(0.5)
            assert not done.is_set(), "the second writer did not wait for the first's transaction"
        writer.join(timeout=30)
        assert done.is_set()
        assert [a.id for a in first.articles()] == ["a_0001", "a_0002"]
    finally:
        first.close()
        second.close()


def test_concurrent_writers_store_every_article_once(pg_stores: StoreFactory) -> None:
    db = pg_stores.new()
    errors: list[BaseException] = []

    def write(numbers: range) -> None:
        try:
            with open_store(db) as store:
                for n in numbers:
                    store.save(story(n), [])
                    store.save(story(n), [])  # a repeat is ignored, even while the other writer writes
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)

    writers = [threading.Thread(target=write, args=(range(k, 40, 4),)) for k in range(4)]
    for t in writers:
        t.start()
    for t in writers:
        t.join(timeout=60)
    assert errors == []
    with open_store(db) as store:
        assert [a.id for a in store.articles()] == [f"a_{n:04d}" for n in range(40)]
        groups = store._con.execute("SELECT count(*), count(DISTINCT article_id) FROM article_signatures").fetchone()
        assert groups == (40, 40)


def test_opening_a_new_store_from_several_connections_migrates_it_once(pg_stores: StoreFactory) -> None:
    db = pg_stores.new()
    versions: list[int] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            with open_store(db) as store:
                versions.append(store.schema_version())
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)

    openers = [threading.Thread(target=open_one) for _ in range(4)]
    for t in openers:
        t.start()
    for t in openers:
        t.join(timeout=60)
    assert errors == []
    with open_store(db) as store:
        rows = store._con.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    newest = migrations.available("postgresql")[-1].version
    assert [r[0] for r in rows] == list(range(1, newest + 1))
    assert versions == [newest] * 4


def test_every_command_takes_a_postgresql_url(pg_stores: StoreFactory, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dragoman.cli import main
    from tests.fuse.stories import MONTH, write_jsonl

    db = pg_stores.new()
    cli = CliRunner()
    ingest = cli.invoke(main, ["ingest", str(write_jsonl(tmp_path, "month.jsonl", MONTH)), "--db", db])
    assert ingest.exit_code == 0, ingest.output
    tracks = cli.invoke(main, ["tracks", "--db", db, "--json"])
    assert tracks.exit_code == 0, tracks.output
    assert [json.loads(line)["id"] for line in tracks.output.splitlines()] == ["arm-aze-2026", "srb-xkx-2026"]
    shown = cli.invoke(main, ["track", "ARM+AZE", "--db", db])
    assert shown.exit_code == 0 and "Geneva" in shown.output, shown.output
    events = cli.invoke(main, ["events", "--db", db, "--type", "CONSULT", "--json"])
    assert events.exit_code == 0 and len(events.output.splitlines()) >= 3, events.output
