"""find_attributions: whom the outlet cites, as a short phrase chain with the clause's span."""

from __future__ import annotations

import re

import pytest

from dragoman.errors import DataFileError
from dragoman.model import Attribution, Sentence
from dragoman.understand import attribution
from dragoman.understand.attribution import find_attributions
from dragoman.understand.sentences import split_sentences


def sentences(text: str) -> list[Sentence]:
    """The pipeline's own sentences, as find_* receive them."""
    return list(split_sentences(text))


def attributions(text: str) -> list[Attribution]:
    return find_attributions(text, sentences(text))


@pytest.mark.parametrize(
    "text, expected, clause",
    [
        ("The United States and Iran agreed to hold a third round in Muscat, Reuters reported, citing a US official.",
         "Reuters, citing a US official", "Reuters reported, citing a US official"),
        ("Washington and Tehran are expected to convene another round in Geneva, Reuters reported, referencing a U.S. official.",
         "Reuters, referencing a U.S. official", "Reuters reported, referencing a U.S. official"),
        ("The talks will move to Geneva next month, according to a source briefed on the arrangements.",
         "a source briefed on the arrangements", "according to a source briefed on the arrangements"),
        ("At least 40 protesters were killed in the crackdown, according to rights groups.",
         "rights groups", "according to rights groups"),
        ("The delegation left Belgrade on Monday evening, state media said.", "state media", "state media said"),
        ("The summit has been postponed indefinitely, the Kremlin said.", "the Kremlin", "the Kremlin said"),
        ("The Kremlin said on Tuesday that the summit had been postponed.", "The Kremlin", "The Kremlin said"),
        ("Araghchi told reporters the proposal was a basis for talks.", "Araghchi", "Araghchi told"),
        ("Officials said the meeting in Doha was constructive.", "Officials", "Officials said"),
        ("The meeting was constructive, officials said.", "officials", "officials said"),
        ("Serbian state media said the talks in Brussels had collapsed, citing sources in the Serbian delegation.",
         "Serbian state media, citing sources in the Serbian delegation",
         "Serbian state media said the talks in Brussels had collapsed, citing sources in the Serbian delegation"),
        ("Negotiations will resume next week, a diplomat briefed on the talks told The Caspian Ledger.",
         "a diplomat briefed on the talks", "a diplomat briefed on the talks told"),
        ("Oman will host the fourth round, Reuters reported, citing two officials familiar with the planning.",
         "Reuters, citing two officials familiar with the planning",
         "Reuters reported, citing two officials familiar with the planning"),
        ("Tehran will send its deputy foreign minister, citing a US official.", "a US official", "citing a US official"),
        ("“We are ready for a fair and balanced agreement,” Larijani said.", "Larijani", "Larijani said"),
        ("“We are close to an understanding,” said a senior European diplomat.",
         "a senior European diplomat", "said a senior European diplomat"),
        ("Iran's foreign ministry spokesman Esmaeil Baghaei said on Monday that talks would continue.",
         "Iran's foreign ministry spokesman Esmaeil Baghaei", "Iran's foreign ministry spokesman Esmaeil Baghaei said"),
        ("Ali Larijani, secretary of Iran's Supreme National Security Council, said the talks were useful.",
         "Ali Larijani", "Ali Larijani, secretary of Iran's Supreme National Security Council, said"),
        ("Citing two officials, Reuters reported that the talks would resume in Rome.",
         "Reuters, citing two officials", "Citing two officials, Reuters reported"),
        ("The US and Iran said they would meet again within a month.", "The US and Iran", "The US and Iran said"),
        ("On Tuesday the ministry said the ambassador had been recalled.", "the ministry", "the ministry said"),
        # over ~8 words, a speaker is cut at its relative clause
        ("A senior official who spoke on condition of anonymity said the draft was ready.",
         "A senior official", "A senior official who spoke on condition of anonymity said"),
        ("A diplomat who attended said the draft was ready.",
         "A diplomat who attended", "A diplomat who attended said"),
    ],
)  # fmt: skip
def test_attribution_chain(text, expected, clause):
    found = attributions(text)
    assert [a.text for a in found] == [expected]
    assert text[found[0].start : found[0].end] == clause


def test_several_attributions_in_one_sentence():
    text = "Larijani said the talks had been useful, the semi-official Tasnim news agency reported."
    assert [a.text for a in attributions(text)] == [
        "Larijani",
        "the semi-official Tasnim news agency",
    ]


def test_offsets_and_sentence_indices_refer_to_the_article():
    text = (
        "The talks ended on Saturday. "
        "A third round is planned, according to a source briefed on the arrangements. "
        "“We want results,” Araghchi told reporters."
    )
    found = attributions(text)
    assert [(a.sentence, a.text) for a in found] == [
        (1, "a source briefed on the arrangements"),
        (2, "Araghchi"),
    ]
    assert [text[a.start : a.end] for a in found] == [
        "according to a source briefed on the arrangements",
        "Araghchi told",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The US told Iran to halt enrichment before the next round.",
        "Iran withdrew its delegation, citing security concerns.",
        "The reported attack killed five people near the border.",
        "There were no reports of injuries after the blast.",
        "Delegates from both sides met in Geneva on Tuesday.",
        "“I said no to their proposal,”",
    ],
)
def test_no_attribution(text):
    assert attributions(text) == []


def test_verbs_inside_quotations_are_not_cues():
    text = "“I told them we said no,” Araghchi told reporters in Muscat."
    assert [a.text for a in attributions(text)] == ["Araghchi"]


def _data(**pattern):
    words = {"between": ["has"], "speaker_stops": ["that"], "not_speaker_end": ["the"],
             "source_words": ["official"], "say": ["said"]}  # fmt: skip
    return {
        "words": words,
        "patterns": [{"name": "p", "kind": "speaker_before", "cue": "said", **pattern}],
    }


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"patterns": "none"}, "'patterns' list"),
        (_data(cue="\\b(?:{verbs})\\b"), "{verbs}, which is not under 'words'"),
        (_data(cue="(said"), "'cue' is not a valid regular expression"),
        (_data(kind="speaker"), "'kind' is 'speaker'"),
        (_data(colour="red"), "unknown key(s) colour"),
        ({"words": {"between": [True]}, "patterns": []}, "words.between must be a list of strings"),
        ({"words": {"between": []}, "patterns": []}, "words.speaker_stops is missing"),
    ],
)
def test_malformed_attribution_data_names_file_and_entry(raw, message):
    with pytest.raises(DataFileError, match=re.escape(message)) as e:
        attribution._compile(raw, "attribution.yaml")
    assert str(e.value).startswith("attribution.yaml")


def test_shipped_patterns_compile_with_unique_names():
    rules = attribution._rules()
    names = [p.name for p in rules.patterns]
    assert len(names) == len(set(names)) and {"according_to", "citing", "speaker_said"} <= set(
        names
    )
