"""`dragoman who` as a user runs it: a real process over the packaged office-holder table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")  # this checkout, whatever is installed


def who(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dragoman.cli", "who", *args],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": SRC},
        check=False,  # the exit status is what several tests check
    )  # fmt: skip


def test_posts_of_a_person_on_a_date() -> None:
    proc = who("Antony Blinken", "--on", "2022-06-01")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(
        "Antony Blinken  foreign minister, United States (USA)  2021-01-26"
    )
    assert "in office at 2022-12-10 (snapshot)" in proc.stdout


def test_holder_of_a_post_that_changed_hands() -> None:
    before = who("--country", "USA", "--role", "foreign minister", "--on", "2008-06-01")
    after = who("--country", "United States", "--role", "secretary of state", "--on", "2010-06-01")
    assert before.stdout.split("  ")[0] == "Condoleezza Rice"
    assert after.stdout.split("  ")[0] == "Hillary Clinton"


def test_json_lines() -> None:
    proc = who("Gerhard Schroeder", "--on", "2003-06-01", "--json")
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["name"], r["country"], r["role"], r["start"], r["end"]) for r in rows] == [
        ("Gerhard Schroder", "DEU", "head of government", "1998-10-27", "2005-11-22")
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (("Jane Q. Nobodyhere",), "No office holder called 'Jane Q. Nobodyhere' is known"),
        # known, but out of office on that date: the latest posts are listed
        (("Gerhard Schröder", "--on", "2010-01-01"), "No post is known for 'Gerhard Schröder' on 2010-01-01"),
        # after the post's newest snapshot nothing is assumed
        (("--country", "USA", "--role", "foreign minister", "--on", "2024-01-01"), "after 2022-12-10"),
        # between two snapshots the sources have a gap
        (("--country", "USA", "--role", "president", "--on", "2015-06-01"), "the sources have a gap"),
    ],
)  # fmt: skip
def test_nothing_known_says_why_and_exits_1(args: tuple[str, ...], message: str) -> None:
    proc = who(*args)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert message in proc.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (("--country", "Atlantis", "--role", "president", "--on", "2020"), "no country or organisation called 'Atlantis'"),
        (("--country", "USA", "--role", "emperor", "--on", "2020"), "no role called 'emperor'"),
        (("Joe Biden", "--on", "June 2022"), "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        (("Joe Biden", "--country", "USA"), "give a NAME, or --country and --role"),
    ],
)  # fmt: skip
def test_bad_questions_name_the_fix(args: tuple[str, ...], message: str) -> None:
    proc = who(*args)
    assert proc.returncode == 2
    assert message in proc.stderr
