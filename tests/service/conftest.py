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

pytest.importorskip(
    "fastapi", reason="the API tests need the [service] extra: pip install -e '.[service]'"
)
uvicorn = pytest.importorskip("uvicorn", reason="the API tests need the [service] extra")

from dragoman.demo import sample_documents
from dragoman.options import IngestOptions, Options
from dragoman.pipeline import iter_documents
from dragoman.service import create_app
from dragoman.store import open_store

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

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        req = urllib.request.Request(
            self.base + path, data=body, method=method, headers=headers or {}
        )
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return Reply(
                    resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
                )
        except urllib.error.HTTPError as e:
            return Reply(e.code, {k.lower(): v for k, v in e.headers.items()}, e.read())

    def get(self, path: str, **headers: str) -> Reply:
        return self.request(
            "GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()}
        )

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
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

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


ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Envoys meet in Vienna</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoys meet in Vienna</h1>
<p>Armenian and Azerbaijani foreign ministers held talks in Vienna on 3 March 2026, with Austria hosting the meeting, officials in both capitals said.</p>
<p>The ministers agreed to meet again in April to continue work on the border commission, according to a joint statement.</p>
</article><footer>© 2026 Example Wire. All rights reserved.</footer></body></html>"""


class PageServer:
    """A plain http.server on 127.0.0.1 with pages, redirects and misbehaviour; it logs every request."""

    def __init__(self) -> None:
        import http.server

        self.requests: list[str] = []
        self.redirects: dict[str, str] = {}
        server_self = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server_self.requests.append(self.path)
                try:
                    server_self.handle(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up first, as the time-limit test means it to

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def handle(self, h: Any) -> None:
        path = h.path
        if path in self.redirects:
            return self._send(h, 302, b"", "text/html", Location=self.redirects[path])
        if path.startswith("/hop/"):
            return self._send(h, 302, b"", "text/html", Location=f"/hop/{int(path[5:]) + 1}")
        if path == "/page":
            return self._send(h, 200, ARTICLE_HTML.encode(), "text/html; charset=utf-8")
        if path == "/host":
            return self._send(h, 200, h.headers["Host"].encode(), "text/plain")
        if path == "/big":
            return self._send(h, 200, b"<p>" + b"x" * 300_000 + b"</p>", "text/html")
        if path == "/big-undeclared":  # no Content-Length: the limit must hold while reading
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Connection", "close")
            h.end_headers()
            for _ in range(40):
                h.wfile.write(b"y" * 10_000)
            return None
        if path == "/slow":
            time.sleep(2.5)
            return self._send(h, 200, b"<p>late</p>", "text/html")
        if path == "/image":
            return self._send(h, 200, b"\x89PNG\r\n\x1a\n", "image/png")
        return self._send(h, 404, b"not here", "text/plain")

    @staticmethod
    def _send(h: Any, status: int, body: bytes, content_type: str, **headers: str) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            h.send_header(name, value)
        h.end_headers()
        h.wfile.write(body)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def pages() -> Iterator[PageServer]:
    server = PageServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def bystander() -> Iterator[PageServer]:
    """A second local server that redirects point at; it must never be reached."""
    server = PageServer()
    yield server
    server.close()
