"""The packaged patterns are valid against the ontology; malformed files fail with file:line."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest
import yaml

from dragoman.coding.lexicon import load_lexicon
from dragoman.coding.ontology import load_ontology
from dragoman.coding.status import load_status_rules
from dragoman.errors import DataFileError

_ONTOLOGY = resources.files("dragoman").joinpath("data", "ontology")
_TRIGGERS = Path(str(resources.files("dragoman").joinpath("data", "coding", "triggers.yaml")))


def _tsv(name: str) -> list[dict[str, str]]:
    with _ONTOLOGY.joinpath(name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


_CAMEO = {row["code"]: row for row in _tsv("cameo_codes.tsv")}
_TYPES = [row["type"] for row in _tsv("plover_types.tsv")]
_MODES = {(row["type"], row["mode"]) for row in _tsv("plover_modes.tsv")}
_CONTEXTS = {row["context"] for row in _tsv("contexts.tsv")}
_RAW = yaml.safe_load(_TRIGGERS.read_text(encoding="utf-8"))["triggers"]


@pytest.mark.parametrize("entry", _RAW, ids=lambda e: e["id"])
def test_trigger_matches_the_ontology_tables(entry: dict) -> None:
    if entry["cameo"] is None:  # an act CAMEO has no code for: its PLOVER mode says what it is
        assert (entry["event_type"], entry["mode"]) in _MODES
    else:
        row = _CAMEO.get(entry["cameo"])
        assert row is not None, f"cameo {entry['cameo']!r} is not in cameo_codes.tsv"
        assert row["plover_type"] == entry["event_type"]
        assert entry["mode"] is None or (entry["event_type"], entry["mode"]) in _MODES
    assert set(entry["context"]) <= _CONTEXTS


def test_all_sixteen_plover_types_have_triggers() -> None:
    assert len(_TYPES) == 16
    counts = {t: sum(e["event_type"] == t for e in _RAW) for t in _TYPES}
    assert all(n >= 2 for n in counts.values()), counts
    assert counts["CONSULT"] >= 10


def test_packaged_lexicon_loads_and_indexes_triggers() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.triggers) == len(_RAW)
    assert {t.event_type for t in lexicon.triggers} == set(_TYPES)
    # nearly every trigger can be pre-checked by the letters its matches start with
    assert len(lexicon.unindexed) <= 3


def test_ontology_tables_load() -> None:
    ontology = load_ontology()
    assert set(ontology.types) == set(_TYPES)
    assert ontology.cameo["057"].plover_type == "SUPPORT"  # signing: SUPPORT, as the table says
    assert ontology.requires_recipient == {"COOPERATE", "AID", "SANCTION"}


def test_status_rules_load() -> None:
    rules = load_status_rules()
    assert rules.order[0] == "denied" and rules.order[-1] == "occurred"


_GOOD = """\
macros:
  TALKS: '(?:talks|negotiations)'
triggers:
  - id: consult.hold
    pattern: 'held {TALKS}'
    event_type: CONSULT
    cameo: "046"
    mode: null
    context: [diplomatic]
    roles: symmetric
"""


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "triggers.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "old, new, message",
    [
        ('cameo: "046"', 'cameo: "999"', "cameo '999' is not in cameo_codes.tsv"),
        ('cameo: "046"', 'cameo: "057"', "is PLOVER SUPPORT"),
        ('cameo: "046"', "cameo: 46", "quoted string"),
        ('cameo: "046"', "cameo: null", "cameo null needs a mode"),
        ("event_type: CONSULT", "event_type: MEET", "not a PLOVER type"),
        ("mode: null", "mode: phone-call", "not a mode of CONSULT"),
        ("context: [diplomatic]", "context: [diplomacy]", "unknown context"),
        ("roles: symmetric", "roles: sideways", "roles 'sideways'"),
        ("held {TALKS}", "held {TALK}", "unknown macro {TALK}"),
        ("held {TALKS}", "held (talks", "not a valid regex"),
        ("    roles: symmetric\n", "", "has no 'roles'"),
        (
            "    roles: symmetric\n",
            "    roles: symmetric\n    colour: red\n",
            "unknown key 'colour'",
        ),
        (
            "    roles: symmetric\n",
            "    roles: symmetric\n    needs_target: yes please\n",
            "needs_target must be true or false",
        ),
    ],
)
def test_malformed_trigger_names_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = _write(tmp_path, _GOOD.replace(old, new))
    with pytest.raises(DataFileError) as err:
        load_lexicon(triggers=path)
    assert f"{path}:4:" in str(err.value)  # the entry starts on line 4
    assert message in str(err.value)


def test_lexicon_must_cover_every_plover_type(tmp_path: Path) -> None:
    path = _write(tmp_path, _GOOD)
    with pytest.raises(DataFileError, match="no trigger codes AGREE"):
        load_lexicon(triggers=path)


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    entry = _GOOD.split("triggers:\n")[1]
    path = _write(tmp_path, _GOOD + entry)
    with pytest.raises(DataFileError, match="already used at"):
        load_lexicon(triggers=path)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, _GOOD + "  - id: [unclosed\n")
    with pytest.raises(DataFileError, match=r"triggers\.yaml:1[012]: not valid YAML"):
        load_lexicon(triggers=path)


@pytest.mark.parametrize(
    "text, message",
    [
        ("order: [planned, maybe]\n", "'maybe' is not one"),
        ("order: [planned]\ncues:\n  planned:\n    before: ['(unclosed']\n", "not a valid regex"),
        ("order: [planned]\nmacros:\n  lower: 'x'\n", "UPPER_CASE"),
    ],
)
def test_malformed_status_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "status.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as err:
        load_status_rules(str(path))
    assert str(path) in str(err.value)


def test_malformed_cue_file(tmp_path: Path) -> None:
    packaged = _TRIGGERS.with_name("cues.yaml").read_text(encoding="utf-8")
    path = tmp_path / "cues.yaml"
    path.write_text(packaged.replace("role: intermediary}", "role: judge}", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"cues\.yaml:\d+: before: each cue needs"):
        load_lexicon(cues=str(path))


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "governs: {REQUEST: [], THREATEN: []",
            "governs: {DEMAND: [], THREATEN: []",
            r"status\.yaml:\d+: content\.governs: 'DEMAND' is not a PLOVER type",
        ),
        ("AGREE: [CONSULT]", "AGREE: CONSULT", "must be a list of types"),
        ("  complementizer_end: '", "  complementizer_end: '(", "not a valid regex"),
    ],
)
def test_malformed_content_rules_name_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    packaged = _TRIGGERS.with_name("status.yaml").read_text(encoding="utf-8")
    assert old in packaged
    path = tmp_path / "status.yaml"
    path.write_text(packaged.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_status_rules(str(path))


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "source_required: [SANCTION]",
            "source_required: [SANCTIONS]",
            "'SANCTIONS' is not a PLOVER",
        ),
        ("trip_talks: [", "trip_talks: 7\nx: [", "`trip_talks` must be a list of words"),
        ("trip_purpose: '(?:for", "trip_purpose: '((?:for", "trip_purpose: pattern"),
    ],
)
def test_malformed_trip_and_source_cues(tmp_path: Path, old: str, new: str, message: str) -> None:
    packaged = _TRIGGERS.with_name("cues.yaml").read_text(encoding="utf-8")
    assert old in packaged
    path = tmp_path / "cues.yaml"
    path.write_text(packaged.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_lexicon(cues=str(path))
