"""`dragoman serve` as a user runs it: a real process, the token from the environment."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import TOKEN, copy_db

SRC = str(Path(__file__).resolve().parents[2] / "src")  # this checkout, whatever is installed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_runs_the_api_with_the_token_from_the_environment(
    demo_db: Path, tmp_path: Path
) -> None:
    db = copy_db(demo_db, tmp_path)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": SRC, "DRAGOMAN_TOKEN": TOKEN}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dragoman.cli", "serve", "--db", str(db), "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        health = None
        deadline = time.monotonic() + 120
        while health is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as resp:
                    health = json.loads(resp.read())
            except OSError:
                time.sleep(0.3)
        assert health == {
            "status": "ok",
            "schema_version": health and health["schema_version"],
            "ingest_enabled": True,
        }
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=30)
    assert f"serving {db} on http://127.0.0.1:{port}" in stderr


def test_serve_refuses_a_short_token(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": SRC, "DRAGOMAN_TOKEN": "short"}
    proc = subprocess.run([sys.executable, "-m", "dragoman.cli", "serve", "--db", str(tmp_path / "x.db")],
                          check=False, env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 1
    assert "shorter than 16 characters" in proc.stderr
