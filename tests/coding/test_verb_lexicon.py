"""The generated verb lexicon: tools/build_verb_lexicon.py and data/coding/cameo_verbs.tsv.

The converter runs on a small dictionary written here in PETRARCH's format; the packaged file is
checked against the ontology and, when the shared dictionary is there, against a fresh build; and
the coder uses it only for sentences the hand-written triggers leave uncoded.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

import pytest

from dragoman.coding._datafile import data_path
from dragoman.coding.lexicon import load_lexicon
from dragoman.coding.ontology import load_ontology
from dragoman.coding.rules import find_matches

from .annotate import A, code

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DRAGOMAN_SHARED") or REPO.parent / "shared")
DICTIONARY = SHARED / "resources" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"


def _tool():
    spec = importlib.util.spec_from_file_location(
        "build_verb_lexicon", REPO / "tools" / "build_verb_lexicon.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tool = _tool()

# Our own lines in the dictionary's format: a synonym set (plurals generated, "_" keeps a word as
# it is), verb blocks with irregular forms, own codes and multi-word verbs, and patterns.
SNIPPET = """\
####### SYNONYM SETS #######

&ARMS
+RIFLE
+MORTAR_SHELL
+AMMUNITION_

####### VERB PATTERNS #######

---  COMMANDEER   [171]  ---
COMMANDEER
EXPROPRIATE [1711]
REQUISITION {REQUISITIONS REQUISITIONED REQUISITIONING }
+ROUND_UP
- * &ARMS                                             [1711]        # COMMANDEER
- * (FROM SMUGGLERS)                                  [1711]        # EXPROPRIATE
- * STATEMENT                                         [010]         # COMMANDEER
- * ATTENTION                                         [---]         # REQUISITION
- * (AT {CHECK POINT})                                [1711]
- * CONVOY                                            [1711]        # SNATCH

---  SUMMON   [---]  ---
SUMMON
- * AMBASSADOR                                        [:114]        # SUMMON
- * (FOR TALKS)                                       [045]         # SUMMON

---  SADDLE   [---]  ---
SADDLE
EASE
- * SANCTIONS                                         [172]         # SADDLE
- * SANCTIONS                                         [081]         # EASE

---  POSTPONE   [---]  ---
POSTPONE
+PUT_OFF {+PUTS_OFF +PUTTING_OFF }
- * SUMMIT                                            [161]         # POSTPONE
- * TRIP                                              [161]         # PUT_OFF

---  PLAN   [---]  ---
PLAN
OFFER
- * VISIT                                             [036]         # PLAN
- * TALKS                                             [036]         # OFFER
- * FROM                                              [061]         # OFFER

---  SAY   [010]  ---
SAY {SAYS SAID SAYING }

######## TRANSFORMATIONS ########
"""

CODES = tool.DEFAULT_CODES  # the ontology's cameo_codes.tsv


@pytest.fixture(scope="module")
def snippet_entries():
    return tool.build_entries(tool.parse_dictionary(SNIPPET), tool.read_codes(CODES))


@pytest.fixture(scope="module")
def snippet_lexicon(tmp_path_factory, snippet_entries):
    path = tmp_path_factory.mktemp("verbs") / "verbs.tsv"
    tool.write_tsv(
        snippet_entries, path, source="test", synsets=tool.parse_dictionary(SNIPPET).synsets
    )
    return load_lexicon(verbs=str(path))


def _by_verb(entries, verb: str) -> dict[str, object]:
    return {e.cameo: e for e in entries if e.verb == verb}


def test_parser_reads_sets_forms_and_codes() -> None:
    d = tool.parse_dictionary(SNIPPET)
    assert ("rifles",) in d.synsets["&ARMS"] and ("mortar", "shells") in d.synsets["&ARMS"]
    assert ("ammunition",) in d.synsets["&ARMS"] and ("ammunitions",) not in d.synsets["&ARMS"]
    block = d.blocks[0]
    verbs = {v.lemma: v for v in block.verbs}
    assert (block.name, block.code) == ("COMMANDEER", "171")
    assert set(verbs["commandeer"].forms) == {
        "commandeer", "commandeers", "commandeered", "commandeering"
    }  # fmt: skip
    assert verbs["requisition"].forms == (
        "requisition", "requisitions", "requisitioned", "requisitioning"
    )  # irregular: as given  # fmt: skip
    assert verbs["requisition"].past == ("requisitioned",)
    assert verbs["expropriate"].code == "1711"
    assert "rounded up" in verbs["round up"].forms
    assert [p.code for p in block.patterns] == ["1711", "1711", "010", "---", "1711", "1711"]
    assert [b.name for b in d.blocks][-1] == "SAY"  # transformations are not read


def test_converter_keeps_codes_and_applies_the_ontology_decisions(snippet_entries) -> None:
    codes = {(e.verb, e.cameo) for e in snippet_entries}
    assert ("commandeer", "1711") in codes  # "- * &ARMS [1711] # COMMANDEER"
    assert ("expropriate", "1711") in codes  # the comment names the verb
    assert ("requisition", "1711") not in {(e.verb, e.cameo) for e in snippet_entries
                                           if "smugglers" in e.pattern}  # fmt: skip
    assert not any(e.cameo.startswith("01") for e in snippet_entries)  # statements: no type
    assert not any("attention" in e.pattern for e in snippet_entries)  # [---] codes nothing
    assert not any("convoy" in e.pattern for e in snippet_entries)  # written for SNATCH
    # no comment: the pattern is every verb's
    assert {e.verb for e in snippet_entries if "check" in e.pattern} == {
        "commandeer", "expropriate", "requisition", "round up"
    }  # fmt: skip
    summon = _by_verb(snippet_entries, "summon")
    assert summon["114"].roles == "passive"  # [:114] is the reverse act
    assert summon["046"].event_type == "CONSULT"  # decision 2: mediation 045 is 046
    assert _by_verb(snippet_entries, "saddle")["163"].event_type == "SANCTION"  # decision 4
    assert "085" in _by_verb(snippet_entries, "ease")  # easing sanctions is 085
    assert not _by_verb(snippet_entries, "postpone")  # a postponed summit is a status
    assert not _by_verb(snippet_entries, "put off")
    assert "036" not in _by_verb(snippet_entries, "plan")  # decision 1: a planned visit
    assert _by_verb(snippet_entries, "offer")["036"].event_type == "AGREE"  # offering talks
    assert "061" not in _by_verb(snippet_entries, "offer")  # "offered from": the verb alone
    assert not _by_verb(snippet_entries, "say")  # 010, and too generic to code alone


def test_bare_verbs_only_when_specific(snippet_entries) -> None:
    bare = [e for e in snippet_entries if " " not in e.needs and "{W" not in e.pattern]
    # EXPROPRIATE has its own code; COMMANDEER heads its block (171); REQUISITION has neither
    assert {e.verb for e in bare} == {"expropriate", "commandeer"}
    assert {e.cameo for e in bare if e.verb == "commandeer"} == {"171"}


def test_output_is_deterministic(snippet_entries, tmp_path) -> None:
    synsets = tool.parse_dictionary(SNIPPET).synsets
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    tool.write_tsv(snippet_entries, first, source="test", synsets=synsets)
    again = tool.build_entries(tool.parse_dictionary(SNIPPET), tool.read_codes(CODES))
    tool.write_tsv(again, second, source="test", synsets=synsets)
    assert first.read_bytes() == second.read_bytes()
    assert len({e.id for e in again}) == len(again)


@pytest.mark.parametrize(
    "sentence, want",
    [
        ("Customs officers expropriated the cargo from smugglers on Monday.", "1711"),
        ("Militiamen commandeered two old rifles at the depot.", "1711"),
        ("The militia commandeered the town hall.", "171"),  # the bare verb, a past form
        ("Militiamen are commandeering farms in the north.", "171"),  # a progressive
        ("The council will commandeer the ferries.", "171"),  # a base form after a modal
        ("Germany saddled the importers with sanctions.", "163"),
    ],
)
def test_converted_patterns_match(snippet_lexicon, sentence: str, want: str) -> None:
    matches = find_matches(snippet_lexicon, sentence)
    assert [m.trigger.cameo for m in matches] == [want]


@pytest.mark.parametrize(
    "sentence",
    [
        "A commandeer of ships is rare.",  # the -s/base forms do not code alone
        "The plan to commandeer the port was dropped.",  # "to": an act planned, not done
        "Police said the trucks commandeered by the army were returned.",  # a participle
        "They saddled the horses and demanded sanctions.",  # a clause word in the gap
        "Germany saddled exporting firms with sanctions.",  # an -ing word in the gap
        "Officials must expropriate the land from smugglers.",  # "must": asked for, not done
    ],
)
def test_converted_patterns_stay_quiet(snippet_lexicon, sentence: str) -> None:
    assert [m for m in find_matches(snippet_lexicon, sentence) if m.trigger.priority < 0] == []


# ------------------------------------------------------------------ the packaged lexicon


def test_packaged_lexicon_codes_are_valid_against_the_ontology() -> None:
    secondary = load_lexicon().secondary
    ontology = load_ontology()
    assert len(secondary.rows) > 3000
    for row in secondary.rows:
        code = ontology.cameo[row.cameo]
        assert code.plover_type == row.event_type, row.id
        assert row.cameo[:2] != "01", row.id  # statements have no PLOVER type
        assert (
            ontology.check(
                event_type=row.event_type, cameo=row.cameo, mode=row.mode, contexts=row.context
            )
            is None
        )
    assert {r.event_type for r in secondary.rows} == set(ontology.types)


def test_packaged_lexicon_regexes_compile() -> None:
    secondary = load_lexicon().secondary
    # one row per CAMEO code and roles hint: compiling all of them takes seconds
    sample = {(r.cameo, r.roles): i for i, r in enumerate(secondary.rows)}
    for i in sample.values():
        assert isinstance(secondary.trigger(i).regex, re.Pattern)


@pytest.mark.skipif(not DICTIONARY.exists(), reason="the shared PETRARCH2 dictionary is not here")
def test_packaged_lexicon_is_what_the_script_builds(tmp_path) -> None:
    out = tmp_path / "cameo_verbs.tsv"
    assert tool.main(["--dictionary", str(DICTIONARY), "--out", str(out)]) == 0
    assert out.read_bytes() == data_path("cameo_verbs.tsv").read_bytes(), (
        "cameo_verbs.tsv is stale: run python tools/build_verb_lexicon.py"
    )


# Sentences of our own that no hand-written trigger codes, each an act the generated lexicon
# knows; with the actors the understand stage would read.
@pytest.mark.parametrize(
    "text, actors, want",
    [
        pytest.param(
            "Venezuela nationalized the oil fields of two American companies.",
            (A("Venezuela", "VEN"), A("American", "USA", "BUS")),
            ("COERCE", "171", "VEN", "USA"),
            id="nationalized",
        ),
        pytest.param(
            "Turkey thanked Qatar for its help in freeing the hostages.",
            (A("Turkey", "TUR"), A("Qatar", "QAT")),
            ("SUPPORT", "051", "TUR", "QAT"),
            id="thanked",
        ),
        pytest.param(
            "Government troops besieged the rebel-held town of Kidal for a third week.",
            (A("Government troops", "MLI", "MIL"), A("rebel-held", "MLI", "REB")),
            ("COERCE", "191", "MLI", "MLI"),
            id="besieged",
        ),
        pytest.param(
            "Ethiopia has broken relations with Eritrea.",
            (A("Ethiopia", "ETH"), A("Eritrea", "ERI")),
            ("SANCTION", "161", "ETH", "ERI"),
            id="broken-relations",
        ),
        pytest.param(
            "Chad closed its border with Sudan on Friday.",
            (A("Chad", "TCD"), A("Sudan", "SDN")),
            ("COERCE", "172", "TCD", "SDN"),
            id="closed-border",
        ),
    ],
)
def test_generated_lexicon_codes_what_triggers_yaml_misses(text, actors, want) -> None:
    hand = load_lexicon(verbs="")
    assert find_matches(hand, text) == []  # triggers.yaml alone codes nothing here
    events = code(text, actors=actors)
    got = [
        (e.event_type, e.cameo, e.source.country if e.source else None,
         e.target.country if e.target else None)
        for e in events
    ]  # fmt: skip
    assert got == [want]


@pytest.mark.parametrize(
    "text",
    [
        "Officials spent the day in meetings of their own.",
        "The company imported cars from Japan.",  # "imported from": the verb alone, too generic
        "The flood killed twelve people in the valley.",  # "killed" alone is not an attack
        "The start of the regional trip was delayed by a day.",  # "start" a noun
        "Such a step enjoyed support from Moscow.",  # a state, not an act
    ],
)
def test_generated_lexicon_stays_quiet(text: str) -> None:
    assert [m for m in find_matches(load_lexicon(), text) if m.trigger.priority < 0] == []


def test_hand_written_triggers_win() -> None:
    # "expelled" is hand-written (166); the generated lexicon is not read for this sentence
    lexicon = load_lexicon()
    matches = find_matches(lexicon, "Ukraine expelled two Russian diplomats for spying.")
    assert [(m.trigger.id, m.trigger.priority) for m in matches] == [("sanction.expel", 0)]


@pytest.mark.parametrize(
    ("lemma", "past", "ing"),
    [
        ("agree", "agreed", "agreeing"),
        ("guarantee", "guaranteed", "guaranteeing"),
        ("eye", "eyed", "eyeing"),
        ("provide", "provided", "providing"),
        ("tie", "tied", "tying"),
        ("ban", "banned", "banning"),
    ],
)
def test_regular_forms_spell_the_past_and_gerund(lemma: str, past: str, ing: str) -> None:
    forms, pasts = tool._regular_forms(lemma)
    assert pasts == [past]  # "agree" + "ed" was "agreeed", which no sentence contains
    assert ing in forms
