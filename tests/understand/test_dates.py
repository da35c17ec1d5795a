"""understand/dates.py: date expressions in news sentences, resolved against publication dates."""

from __future__ import annotations

import json
import os
import time
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
import yaml

from dragoman.errors import DataFileError
from dragoman.eval.tasks.timex import TimexCounts, score_document
from dragoman.model import DateMention, DateValue, Sentence
from dragoman.understand._dates_vocab import load_vocabulary
from dragoman.understand.dates import find_dates, resolve
from dragoman.understand.sentences import split_sentences


def split(text: str) -> list[Sentence]:
    """The pipeline's own sentences, as find_dates receives them."""
    return list(split_sentences(text))


def published(iso: str) -> DateValue:
    return DateValue(start=iso, end=iso, precision="day", source="meta")


def found(text: str, iso: str | None) -> list[tuple[str, str | None, str | None, str | None]]:
    mentions = find_dates(text, split(text), published(iso) if iso else None)
    for m in mentions:
        assert text[m.start : m.end] == m.value.text
        assert m.value.source == "sentence"
    return [(m.value.text or "", m.value.start, m.value.end, m.value.precision) for m in mentions]


# Saturday 14 February 2026, Friday 6 March 2026 and their neighbours.
@pytest.mark.parametrize(
    "sentence, iso, expected",
    [
        ("US and Iranian delegations will meet in Geneva next week, officials said.", "2026-02-14",
         [("next week", "2026-02-16", "2026-02-22", "week")]),
        ("The first round was held on February 6 in Oman.", "2026-02-14",
         [("February 6", "2026-02-06", "2026-02-06", "day")]),
        ("Negotiators will meet next Tuesday in Washington.", "2026-03-06",
         [("next Tuesday", "2026-03-10", "2026-03-10", "day")]),
        (("The two delegations held the first round of peace talks in Washington on Tuesday and "
          "agreed to meet again in Abu Dhabi next month."), "2026-03-10",
         [("Tuesday", "2026-03-10", "2026-03-10", "day"),
          ("next month", "2026-04-01", "2026-04-30", "month")]),
        ("Officials said Thursday's meeting in Brussels had produced only one signed document.",
         "2026-02-21", [("Thursday", "2026-02-19", "2026-02-19", "day")]),
        ("The talks come weeks after a violent crackdown on protesters in Iran last month.",
         "2026-02-14", [("last month", "2026-01-01", "2026-01-31", "month")]),
        ("Round 3 in Almaty next month is expected to focus on the border.", "2026-04-14",
         [("next month", "2026-05-01", "2026-05-31", "month")]),
        ("Kazakhstan's foreign ministry said the third round would be held in Almaty on 19 May.",
         "2026-04-17", [("19 May", "2026-05-19", "2026-05-19", "day")]),
        ("The next round will take place in Muscat on 6 February.", "2026-11-01",
         [("6 February", "2027-02-06", "2027-02-06", "day")]),
        ("US officials said on Friday that the talks would resume on Monday.", "2026-02-14",
         [("Friday", "2026-02-13", "2026-02-13", "day"),
          ("Monday", "2026-02-16", "2026-02-16", "day")]),
        ("The foreign ministers met in Munich on 17-18 February.", "2026-02-21",
         [("17-18 February", "2026-02-17", "2026-02-18", "day")]),
        ("The summit will be held between 17 and 19 February.", "2026-02-06",
         [("between 17 and 19 February", "2026-02-17", "2026-02-19", "day")]),
        ("The nuclear deal was signed in Vienna on 14 July 2015.", "2026-02-14",
         [("14 July 2015", "2015-07-14", "2015-07-14", "day")]),
        ("Iran has enriched uranium beyond the agreed limits since 2019.", "2026-02-14",
         [("2019", "2019-01-01", "2019-12-31", "year")]),
        ("Washington withdrew from the 2015 nuclear deal in May 2018.", "2026-02-14",
         [("2015", "2015-01-01", "2015-12-31", "year"),
          ("May 2018", "2018-05-01", "2018-05-31", "month")]),
        ("By Jelena Markovic · 19.02.2026 | 20:10", "2026-02-19",
         [("19.02.2026", "2026-02-19", "2026-02-19", "day")]),
        ("Posted 21 Feb, 13:22", "2026-02-21",
         [("21 Feb, 13:22", "2026-02-21", "2026-02-21", "day")]),
        ("The envoy will travel to Belgrade and Pristina later this week.", "2026-03-23",
         [("later this week", "2026-03-23", "2026-03-29", "week")]),
        ("The European Union has called off Tuesday's round of the dialogue.", "2026-03-23",
         [("Tuesday", "2026-03-24", "2026-03-24", "day")]),
        ("The round was postponed on Tuesday after a clash on the border.", "2026-03-26",
         [("Tuesday", "2026-03-24", "2026-03-24", "day")]),
        ("Two days ago the foreign ministers spoke by phone.", "2026-02-14",
         [("Two days ago", "2026-02-12", "2026-02-12", "day")]),
        ("The delegations are due to meet again in two weeks.", "2026-02-14",
         [("in two weeks", "2026-02-28", "2026-02-28", "day")]),
        ("Diplomats expect a ceasefire by mid-March.", "2026-02-14",
         [("mid-March", "2026-03-01", "2026-03-31", "month")]),
        ("The round could be held in Almaty in June if the border calms.", "2026-05-15",
         [("June", "2026-06-01", "2026-06-30", "month")]),
        ("The ministers met in Geneva on Saturday.", "2026-02-14",
         [("Saturday", "2026-02-14", "2026-02-14", "day")]),
        ("Negotiators will return to Geneva on Saturday.", "2026-02-14",
         [("Saturday", "2026-02-21", "2026-02-21", "day")]),
        ("The last meeting was on 20 December in Doha.", "2026-01-05",
         [("20 December", "2025-12-20", "2025-12-20", "day")]),
        ("Talks in Geneva on 5 January, a spokesman says.", "2026-12-28",
         [("5 January", "2027-01-05", "2027-01-05", "day")]),
        ("Sanctions were lifted yesterday and a new round starts tomorrow.", "2026-02-14",
         [("yesterday", "2026-02-13", "2026-02-13", "day"),
          ("tomorrow", "2026-02-15", "2026-02-15", "day")]),
        ("Fighting in the 1998-99 war left thousands missing.", "2026-02-19",
         [("1998-99", "1998-01-01", "1999-12-31", "year")]),
        ("Theresa May met the delegation in May.", "2026-02-14",
         [("May", "2025-05-01", "2025-05-31", "month")]),
    ],
)  # fmt: skip
def test_find_dates_resolves_against_publication_date(sentence, iso, expected):
    assert found(sentence, iso) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting is scheduled to take place on , with officials from both sides attending.",
        "The talks were due to resume on [date missing], according to the statement.",
        "The second round ended without agreement.",
        "At least 13 people were killed in the shelling.",
        "The United States has deployed 2,000 troops to the region.",
        "The commander said a force of 2000 troops was ready.",
        "Resolution 2231 endorsed the nuclear deal.",
        "The statement was released at 13:22.",
        "G7 leaders condemned the attack.",
        "Support for the deal stood at 62% in the capital.",
        "The 65-year-old minister, aged 65, resigned.",
        "A peace treaty could be signed within months.",
        "Officials expect progress in coming weeks.",
        "Protesters may march on the embassy.",
        "The Sunday Times first reported the leak.",
        "Both sides invoked the Good Friday Agreement.",
        "The ceasefire document is dated 02/03/2026.",
    ],
)
def test_numbers_and_slots_that_are_not_dates_give_nothing(sentence):
    assert found(sentence, "2026-02-14") == []


@pytest.mark.parametrize(
    "expression, reference, tense, expected",
    [
        ("6 February", "2026-02-14", None, ("2026-02-06", "2026-02-06", "day")),
        ("February 6", "2026-02-14", None, ("2026-02-06", "2026-02-06", "day")),
        ("Feb. 6", "2026-02-14", None, ("2026-02-06", "2026-02-06", "day")),
        ("6 Feb 2026", "2026-11-01", "future", ("2026-02-06", "2026-02-06", "day")),
        ("February 6, 2026", "2026-02-14", None, ("2026-02-06", "2026-02-06", "day")),
        ("2026-02-06", "2026-02-14", None, ("2026-02-06", "2026-02-06", "day")),
        ("19.02.2026", "2026-02-14", None, ("2026-02-19", "2026-02-19", "day")),
        ("on 17 February", "2026-02-14", None, ("2026-02-17", "2026-02-17", "day")),
        ("the 6th of February", "2026-02-14", None, ("2026-02-06", "2026-02-06", "day")),
        ("Saturday, 14 February 2026", "2026-02-14", None, ("2026-02-14", "2026-02-14", "day")),
        ("March 2026", "2026-02-14", None, ("2026-03-01", "2026-03-31", "month")),
        ("in March", "2026-02-14", None, ("2026-03-01", "2026-03-31", "month")),
        ("in March", "2026-11-14", "future", ("2027-03-01", "2027-03-31", "month")),
        ("in November", "2026-02-14", "past", ("2025-11-01", "2025-11-30", "month")),
        ("in 2025", "2026-02-14", None, ("2025-01-01", "2025-12-31", "year")),
        ("by 2030", "2026-02-14", None, ("2030-01-01", "2030-12-31", "year")),
        ("17-18 February", "2026-02-14", None, ("2026-02-17", "2026-02-18", "day")),
        ("between 17 and 19 February", "2026-02-14", None, ("2026-02-17", "2026-02-19", "day")),
        ("28 February - 2 March", "2026-02-14", None, ("2026-02-28", "2026-03-02", "day")),
        ("March 3-5, 2026", "2026-02-14", None, ("2026-03-03", "2026-03-05", "day")),
        ("19 May", "2026-04-17", "future", ("2026-05-19", "2026-05-19", "day")),
        ("6 February", "2026-11-01", "future", ("2027-02-06", "2027-02-06", "day")),
        ("6 February", "2026-02-01", "past", ("2026-02-06", "2026-02-06", "day")),
        ("20 February", "2026-02-01", "past", ("2025-02-20", "2025-02-20", "day")),
        ("today", "2026-02-14", None, ("2026-02-14", "2026-02-14", "day")),
        ("tonight", "2026-02-14", None, ("2026-02-14", "2026-02-14", "day")),
        ("yesterday", "2026-02-14", None, ("2026-02-13", "2026-02-13", "day")),
        ("tomorrow", "2026-02-14", None, ("2026-02-15", "2026-02-15", "day")),
        ("on Friday", "2026-02-14", "past", ("2026-02-13", "2026-02-13", "day")),
        ("on Friday", "2026-02-14", "future", ("2026-02-20", "2026-02-20", "day")),
        ("Friday", "2026-03-06", "future", ("2026-03-13", "2026-03-13", "day")),
        ("Friday", "2026-03-06", "past", ("2026-03-06", "2026-03-06", "day")),
        ("Thursday", "2026-02-14", None, ("2026-02-12", "2026-02-12", "day")),
        ("Monday", "2026-02-14", None, ("2026-02-16", "2026-02-16", "day")),
        ("last Friday", "2026-02-14", None, ("2026-02-13", "2026-02-13", "day")),
        ("last Friday", "2026-02-13", None, ("2026-02-06", "2026-02-06", "day")),
        ("next Tuesday", "2026-03-06", None, ("2026-03-10", "2026-03-10", "day")),
        ("next Friday", "2026-03-06", None, ("2026-03-13", "2026-03-13", "day")),
        ("this Tuesday", "2026-03-06", None, ("2026-03-10", "2026-03-10", "day")),
        ("Tuesday's round", "2026-03-06", "future", ("2026-03-10", "2026-03-10", "day")),
        ("Thursday's meeting", "2026-02-21", "past", ("2026-02-19", "2026-02-19", "day")),
        ("later on Tuesday", "2026-03-10", "future", ("2026-03-10", "2026-03-10", "day")),
        ("next week", "2026-02-14", None, ("2026-02-16", "2026-02-22", "week")),
        ("last week", "2026-02-14", None, ("2026-02-02", "2026-02-08", "week")),
        ("this week", "2026-02-14", None, ("2026-02-09", "2026-02-15", "week")),
        ("later this week", "2026-02-11", None, ("2026-02-09", "2026-02-15", "week")),
        ("earlier this week", "2026-02-11", None, ("2026-02-09", "2026-02-15", "week")),
        ("this weekend", "2026-02-11", None, ("2026-02-14", "2026-02-15", "day")),
        ("next month", "2026-02-14", None, ("2026-03-01", "2026-03-31", "month")),
        ("next month", "2026-12-14", None, ("2027-01-01", "2027-01-31", "month")),
        ("last month", "2026-02-14", None, ("2026-01-01", "2026-01-31", "month")),
        ("this month", "2026-02-14", None, ("2026-02-01", "2026-02-28", "month")),
        ("later this month", "2026-02-14", None, ("2026-02-01", "2026-02-28", "month")),
        ("early March", "2026-02-14", None, ("2026-03-01", "2026-03-31", "month")),
        ("late March", "2026-02-14", None, ("2026-03-01", "2026-03-31", "month")),
        ("mid-March", "2026-02-14", None, ("2026-03-01", "2026-03-31", "month")),
        ("last April", "2026-02-14", None, ("2025-04-01", "2025-04-30", "month")),
        ("June last year", "2026-02-14", None, ("2025-06-01", "2025-06-30", "month")),
        ("next year", "2026-02-14", None, ("2027-01-01", "2027-12-31", "year")),
        ("last year", "2026-02-14", None, ("2025-01-01", "2025-12-31", "year")),
        ("early next year", "2026-02-14", None, ("2027-01-01", "2027-12-31", "year")),
        ("in two weeks", "2026-02-14", None, ("2026-02-28", "2026-02-28", "day")),
        ("in 10 days", "2026-02-14", None, ("2026-02-24", "2026-02-24", "day")),
        ("two days ago", "2026-02-14", None, ("2026-02-12", "2026-02-12", "day")),
        ("3 days ago", "2026-02-14", None, ("2026-02-11", "2026-02-11", "day")),
        ("about a week ago", "2026-02-14", None, ("2026-02-07", "2026-02-07", "day")),
        ("two months ago", "2026-02-14", None, ("2025-12-01", "2025-12-31", "month")),
        ("a year ago", "2026-02-14", None, ("2025-01-01", "2025-12-31", "year")),
        ("14 Feb, 13:22", "2026-02-21", None, ("2026-02-14", "2026-02-14", "day")),
        ("February 29", "2026-02-14", "past", ("2024-02-29", "2024-02-29", "day")),
    ],
)
def test_resolve(expression, reference, tense, expected):
    value = resolve(expression, date.fromisoformat(reference), tense=tense)
    assert value is not None
    assert (value.start, value.end, value.precision) == expected
    assert value.text and value.text in expression


@pytest.mark.parametrize(
    "expression, tense",
    [
        ("within months", None),
        ("in coming weeks", None),
        ("in the coming days", None),
        ("on , with", None),
        ("on [date missing],", None),
        ("the second round", None),
        ("at 13:22", None),
        ("30 February", None),
        ("in 10 days", "past"),  # "killed in 10 days of fighting": a duration
    ],
)
def test_resolve_gives_none_for_what_names_no_date(expression, tense):
    assert resolve(expression, date(2026, 2, 14), tense=tense) is None


def test_mentions_carry_sentence_index_and_offsets_into_the_text():
    text = (
        "GENEVA - Iranian and US negotiators met on Tuesday.\n\n"
        "They will meet again next week, Oman's foreign ministry said. No date was given."
    )
    mentions = find_dates(text, split(text), published("2026-02-12"))
    assert [(m.sentence, text[m.start : m.end], m.value.start) for m in mentions] == [
        (0, "Tuesday", "2026-02-10"),
        (1, "next week", "2026-02-16"),
    ]
    assert all(isinstance(m, DateMention) for m in mentions)


def test_without_publication_date_only_dates_with_a_year_are_resolved():
    text = "The deal was signed on 14 July 2015. Talks resume on Tuesday and next week."
    assert found(text, None) == [("14 July 2015", "2015-07-14", "2015-07-14", "day")]
    assert find_dates(text, split(text), DateValue(start=None, end=None, precision=None)) != []


def test_publication_date_with_time_of_day():
    text = "Talks were held yesterday."
    mentions = find_dates(text, split(text), published("2026-02-14T21:47:00+01:00"))
    assert [m.value.start for m in mentions] == ["2026-02-13"]


def test_resolve_rejects_an_unknown_tense():
    with pytest.raises(ValueError, match="tense"):
        resolve("Friday", date(2026, 2, 14), tense="present")


def test_vocabulary_is_loaded_once():
    assert load_vocabulary() is load_vocabulary()


def _packaged_vocabulary() -> dict:
    path = resources.files("dragoman") / "data" / "understand" / "dates.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _drop_months(v: dict) -> None:
    v["months"].pop()


def _bad_number(v: dict) -> None:
    v["months"][4]["number"] = 13


def _no_future(v: dict) -> None:
    del v["tense"]["future"]


def _bad_precision(v: dict) -> None:
    v["units"]["week"]["precision"] = "fortnight"


def _no_numbers(v: dict) -> None:
    del v["numbers"]


def _boolean_word(v: dict) -> None:
    v["month_name_guard_allow"].append(True)  # what YAML makes of an unquoted `on`


@pytest.mark.parametrize(
    "break_it, key",
    [
        (_drop_months, "'months'"),
        (_bad_number, "'months[4].number'"),
        (_no_future, "'tense.future'"),
        (_bad_precision, "'units.week.precision'"),
        (_no_numbers, "'numbers' is missing"),
        (_boolean_word, "put the word in quotes"),
    ],
)
def test_malformed_vocabulary_names_file_and_key(tmp_path, break_it, key):
    vocabulary = _packaged_vocabulary()
    break_it(vocabulary)
    path = tmp_path / "dates.yaml"
    path.write_text(yaml.safe_dump(vocabulary), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_vocabulary(path)
    assert str(path) in str(error.value) and key in str(error.value)


def test_vocabulary_that_is_not_yaml(tmp_path):
    path = tmp_path / "dates.yaml"
    path.write_text("months: [january\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid YAML"):
        load_vocabulary(path)


_NEWS = [
    "US and Iranian delegations will meet in Geneva next week, officials said on Friday.",
    "The first round was held on February 6 in Muscat, with Oman's foreign minister mediating.",
    "Iran's foreign minister told reporters the talks had been constructive.",
    "At least 13 people were killed and 2,000 troops were deployed after the clash.",
    "The European Union has called off Tuesday's round of the Belgrade-Pristina dialogue.",
    "Kazakhstan said the third round would be held in Almaty on 19 May.",
    "Security Council Resolution 2231 endorsed the 2015 agreement.",
    "Protesters gathered outside the parliament building in the capital.",
    "The envoy plans to visit both capitals later this week, his office said.",
    "Analysts said a treaty could be signed within months if the border stays calm.",
]


def test_reads_at_least_2000_sentences_a_second():
    text = " ".join(_NEWS * 300)
    sentences, reference = split(text), published("2026-02-14")
    find_dates(text, sentences[:10], reference)  # compile the vocabulary first
    best = min(_seconds(lambda: find_dates(text, sentences, reference)) for _ in range(3))
    assert len(sentences) / best >= 2000


def _seconds(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


# --- TempEval-3 TimeBank: value accuracy against TimeML DATE values ------------------------------

_BENCH = Path(
    os.environ.get("DRAGOMAN_BENCH", Path(__file__).resolve().parents[3] / "shared" / "bench")
)
_TIMEBANK = _BENCH / "time" / "timebank.jsonl"


@pytest.mark.skipif(
    not _TIMEBANK.exists(), reason=f"TimeBank not found at {_TIMEBANK}; set DRAGOMAN_BENCH"
)
def test_timebank_value_accuracy(capsys):
    """Relaxed TempEval-3 matching (see bench/time/README.md): a gold DATE is found when a
    mention overlaps it, one to one, the largest overlap first; its value must equal the gold."""
    total = TimexCounts()
    for line in _TIMEBANK.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text = doc["text"]
        total += score_document(doc["gold_timex"], find_dates(text, split(text), published(doc["dct"])))
    value_acc, recall = total.exact / total.found, total.found / total.gold_dates
    with capsys.disabled():
        print(
            f"\nTimeBank DATE: value_acc {value_acc:.3f} ({total.exact}/{total.found}), recall "
            f"{recall:.3f} ({total.found}/{total.gold_dates}), value recall "
            f"{total.exact / total.gold_dates:.3f}, precision {total.on_gold / total.predicted:.3f} "
            f"({total.on_gold}/{total.predicted}); full days: value_acc "
            f"{total.day_exact / total.day_found:.3f}, recall {total.day_found / total.day_gold:.3f}"
        )
    assert value_acc >= 0.6  # the target is 0.90
    assert recall >= 0.55  # a floor under today's 0.64, against silent losses
