"""The furniture rules file: the packaged one loads; a broken one fails with file, line and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.clean.rules import default_path, load_rules
from dragoman.errors import DataFileError


def test_packaged_rules_load() -> None:
    rules = load_rules()
    assert rules.source == str(default_path())
    assert {r.name for r in rules.line} >= {"breadcrumb", "byline", "photo credit", "copyright"}
    assert rules.block and rules.tail and rules.inline
    assert all(r.where.startswith("furniture.yaml:") for r in rules.line)


def test_rule_names_are_unique() -> None:
    rules = load_rules()
    for section in (rules.line, rules.block, rules.tail, rules.inline):
        names = [r.name for r in section]
        assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "text, message",
    [
        ("line: [", "not valid YAML"),
        ("- just a list", "expected sections line, block, tail, inline"),
        ("lines:\n  - name: x\n    pattern: y\n", "unknown section(s) lines"),
        ("line: {name: x}", "section 'line' must be a list"),
        ("line:\n  - just a string\n", "line entry 1 must be a mapping"),
        (
            "line:\n  - name: ok\n    pattern: 'a'\n  - pattern: 'b'\n",
            ":4: line entry 2: has no name",
        ),
        ("line:\n  - name: no pattern\n", ":2: line entry 'no pattern': has no pattern"),
        ("line:\n  - name: bad\n    pattern: '(unclosed'\n", ":2: line entry 'bad': bad regex"),
        (
            "line:\n  - name: big\n    pattern: a\n    max_chars: -5\n",
            "max_chars must be a positive",
        ),
        (
            "line:\n  - name: c\n    pattern: a\n    case_sensitive: maybe\n",
            "case_sensitive must be",
        ),
        ("line:\n  - name: t\n    pattern: a\n    typo: 1\n", "unknown key(s) typo"),
        ("inline:\n  - name: r\n    pattern: a\n", "add `replace:`"),
        (
            "line:\n  - name: r\n    pattern: a\n    replace: b\n",
            "`replace` is only for inline rules",
        ),
        ("inline:\n  - name: g\n    pattern: '(a)'\n    replace: '\\2'\n", "refers to group 2"),
    ],
)
def test_broken_rules_name_file_line_and_fix(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "furniture.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        load_rules(path)
    assert str(path) in str(e.value)
    assert message in str(e.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read the furniture rules"):
        load_rules(tmp_path / "nope.yaml")


def test_custom_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "furniture.yaml"
    path.write_text(
        "line:\n  - name: kicker\n    pattern: 'exclusive'\n    max_chars: 20\n"
        "inline:\n  - name: x\n    pattern: '(?P<w>Genf)'\n    replace: 'Geneva'\n",
        encoding="utf-8",
    )
    rules = load_rules(path)
    assert rules.first("line", "EXCLUSIVE") is not None
    assert rules.first("line", "Exclusive interviews with ministers in the capital") is None
    assert rules.block == ()
