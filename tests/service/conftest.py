"""A real uvicorn server on 127.0.0.1 over a store filled with the bundled demo week."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the API tests need the [service] extra: pip install -e '.[service]'")
uvicorn = pytest.importorskip("uvicorn", reason="the API tests need the [service] extra")

from dragoman.demo import sample_documents  # noqa: E402
from dragoman.options import IngestOptions, Options  # noqa: E402
from dragoman.pipeline import iter_documents  # noqa: E402
from dragoman.service import create_app  # noqa: E402
from dragoman.store import open_store  # noqa: E402

TOKEN = "test-token-0123456789abcdef"
DEMO_OPTIONS = Options(ingest=IngestOptions(ingested="2026-02-15"))


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass(frozen=True)
class Api:
    base: str
    db: Path

    def request(self, method: str, path: str, *, body: bytes | None = None, headers: dict[str, str] | None = None) -> Reply:
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:  # noqa: S310 - our own server on 127.0.0.1
                return Reply(resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read())
        except urllib.error.HTTPError as e:
            return Reply(e.code, {k.lower(): v for k, v in e.headers.items()}, e.read())

    def get(self, path: str, **headers: str) -> Reply:
        return self.request("GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()})

    def post_json(self, path: str, payload: object, *, token: str | None = TOKEN) -> Reply:
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return self.request("POST", path, body=json.dumps(payload).encode(), headers=headers)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo week ingested once; tests that write get their own copy."""
    db = tmp_path_factory.mktemp("demo") / "week.db"
    with open_store(db) as store:
        results = list(iter_documents(sample_documents(DEMO_OPTIONS), store, DEMO_OPTIONS))
    assert [r.outcome for r in results].count("stored") == 10
    return db


def copy_db(source: Path, folder: Path) -> Path:
    target = folder / source.name
    shutil.copy(source, target)  # the store was closed, so the WAL is checkpointed into the file
    return target


@pytest.fixture(scope="module")
def api(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """A read-mostly server on a copy of the demo week, ingest enabled with TOKEN."""
    db = copy_db(demo_db, tmp_path_factory.mktemp("api"))
    with running(create_app(db, TOKEN, options=DEMO_OPTIONS)) as base:
        yield Api(base, db)


class running:
    """Run an ASGI app under uvicorn in a thread on a free port of 127.0.0.1."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        config = uvicorn.Config(app, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.sock.close()
