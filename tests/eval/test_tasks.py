"""The scoring pieces of each task, the label and alias tables, and the quiz answers."""

from __future__ import annotations

import pytest

from dragoman.errors import ConfigError, DataFileError
from dragoman.eval.quiz import answer_quiz_question, same_answer
from dragoman.eval.tables import _label_map, aliases, label_kinds, label_map
from dragoman.eval.tasks.diplomacy import date_distance
from dragoman.eval.tasks.event_location import nearest_place, normalise
from dragoman.eval.tasks.extraction import page_scores, pooled, shingles, tokens
from dragoman.eval.tasks.sentence_class import gold_label, main_event
from dragoman.eval.tasks.timex import score_document, timeml
from dragoman.model import DateMention, DateValue, Event, Place, PlaceMention


def period(start: str, end: str, precision: str) -> DateValue:
    return DateValue(start=start, end=end, precision=precision)


@pytest.mark.parametrize(
    "value, expected",
    [
        (period("1998-02-13", "1998-02-13", "day"), "1998-02-13"),
        (period("1998-02-14", "1998-02-15", "day"), "1998-W07-WE"),
        (period("1998-02-10", "1998-02-12", "day"), None),
        (period("1998-02-09", "1998-02-15", "week"), "1998-W07"),
        (period("1998-02-01", "1998-02-28", "month"), "1998-02"),
        (period("1998-01-01", "1998-12-31", "year"), "1998"),
        (period("1998-01-01", "1999-12-31", "year"), None),
        # no precision, bounded by the publication day: "recently" is the past, TimeML PAST_REF
        (DateValue(start=None, end="1998-02-13", precision=None), "PAST_REF"),
        (DateValue(start=None, end=None, precision=None), None),
    ],
)
def test_timeml_writes_our_periods_at_their_own_granularity(value, expected):
    assert timeml(value) == expected


def test_timex_matching_is_one_to_one_largest_overlap_first():
    gold = [
        {"start": 0, "end": 10, "type": "DATE", "value": "2026-02-06"},
        {"start": 20, "end": 30, "type": "DATE", "value": "2026-02"},
        {"start": 40, "end": 44, "type": "DURATION", "value": "P2W"},
        {"start": 50, "end": 60, "type": "DATE", "value": "2026"},
    ]
    mentions = [
        DateMention(sentence=0, start=2, end=10, value=period("2026-02-06", "2026-02-06", "day")),
        DateMention(sentence=0, start=0, end=3, value=period("2026-02-01", "2026-02-28", "month")),
        DateMention(sentence=0, start=22, end=28, value=period("2026-02-02", "2026-02-08", "week")),
        DateMention(sentence=0, start=41, end=43, value=period("2026-02-02", "2026-02-02", "day")),
    ]
    counts = score_document(gold, mentions)
    assert (counts.gold_dates, counts.found, counts.exact) == (3, 2, 1)
    assert (counts.predicted, counts.on_gold) == (4, 4)
    assert (counts.day_gold, counts.day_found, counts.day_exact) == (1, 1, 1)
    assert counts.value_acc == 0.5 and counts.recall == pytest.approx(2 / 3)


def test_extraction_scores_follow_the_benchmark():
    gold = "The envoys met in Geneva on Tuesday and agreed to meet again."
    assert tokens("U.S.-Iran talks") == ["U", "S", "Iran", "talks"]
    assert shingles(["a", "b"]) == {("a", "b"): 1}
    assert not shingles([])
    assert page_scores(gold, gold) == (1.0, 1.0)
    assert page_scores(gold, "") == (None, 0.0)  # nothing output: no precision, recall 0
    precision, recall = page_scores(
        gold, gold + " Subscribe to our newsletter for more news today."
    )
    assert recall == 1.0 and 0.5 < precision < 1.0
    assert page_scores("Talks", "talks", n=1, lower=True) == (1.0, 1.0)
    # Means of page precision (pages with output) and recall (all pages); F1 of the means.
    assert pooled([(1.0, 1.0), (None, 0.0)]) == (1.0, 0.5, pytest.approx(2 / 3))


def test_location_strings_and_nearest_place():
    assert normalise("  The  West Bank, ") == "west bank"
    assert normalise("southern rural Aleppo.") == "southern rural aleppo"

    def at(start: int, end: int) -> PlaceMention:
        return PlaceMention(sentence=0, start=start, end=end,
                            place=Place(text="x", name="x", country=None))  # fmt: skip

    far, near, after = at(0, 5), at(20, 26), at(40, 45)
    assert nearest_place([far, near, after], 30, 35) is near
    assert nearest_place([far, after], 20, 25) is far  # 15 before and 15 after: the earlier wins
    assert nearest_place([], 1, 2) is None


@pytest.mark.parametrize(
    "gold, precision, ours, ok",
    [
        (None, None, None, 0),
        ("2026-03-10", "day", period("2026-03-11", "2026-03-11", "day"), 1),
        ("2026-03-10", "day", period("2026-03-12", "2026-03-12", "day"), None),
        ("2026-03-10", "day", period("2026-03-09", "2026-03-15", "week"), 1),
        ("2026-03-10", "day", period("2026-03-01", "2026-03-31", "month"), 9),
        ("2026-04-01", "day", period("2026-03-01", "2026-03-31", "month"), None),
        ("2026-03-16", "week", period("2026-03-19", "2026-03-19", "day"), 3),
        ("2026-03-16", "week", period("2026-03-23", "2026-03-23", "day"), None),
        ("2026-04-01", "month", period("2026-04-14", "2026-04-14", "day"), 13),
        ("2026-03-10", "day", None, None),
        ("2026-03-10", "day", period("2026-01-01", "2026-12-31", "year"), None),
    ],
)
def test_diplomacy_dates_agree_by_the_recipe(gold, precision, ours, ok):
    event = Event(id="e", event_type="CONSULT", cameo="046", status="occurred", date=ours)
    assert date_distance(gold, precision, event) == ok


def test_label_maps():
    assert {"penta", "quad", "acled_subtype"} <= set(label_kinds())
    penta = label_map("penta")
    assert (
        penta.gold_class(3) == "3"
        and penta.our_class("163") == "3"
        and penta.our_class("145") == "4"
    )
    assert penta.our_class("020") == "0" and penta.our_class(None) is None
    acled = label_map("acled_subtype")
    assert acled.gold_class("AIR_STRIKE") == "ASSAULT" and acled.our_class("ASSAULT") == "ASSAULT"
    assert acled.gold_class("DIPLO") is None and "OTHER" in acled.no_event
    with pytest.raises(ConfigError, match="known: "):
        label_map("octa")
    assert gold_label({"label": {"penta": 2}}, "penta") == "2"
    assert gold_label({"label": "ARREST"}, "acled_subtype") == "ARREST"


@pytest.mark.parametrize(
    "block, message",
    [
        ({"ours": "goldstein", "classes": {}}, "`ours` must be one of"),
        ({"ours": "plover", "classes": {"A": {"gold": ["x"]}}}, "needs non-empty"),
        ({"ours": "plover", "classes": {"A": {"gold": ["x"], "ours": ["A"]},
                                        "B": {"gold": ["x"], "ours": ["B"]}}}, "keep it in one"),
        ({"ours": "plover", "classes": {"A": {"gold": ["x"], "ours": ["A"]}}, "no_event": ["x"]},
         "both in a class and in no_event"),
    ],
)  # fmt: skip
def test_malformed_label_map_names_file_and_kind(block, message):
    with pytest.raises(DataFileError, match=f"sentence_labels.yaml: demo: .*{message}"):
        _label_map("demo", block, "data/eval/sentence_labels.yaml")


def test_code_aliases():
    countries = aliases("country", "events")
    assert countries["KSV"] == "XKX" and countries["UNO"] == "IGO"
    assert aliases("sector", "cameo")["MED"] == "JRN"
    assert "MED" not in aliases("sector")  # PLOVER-coded gold: MED is health, as ours
    assert aliases("sector")["MUS"] == "REL"
    assert aliases("country", "diplomacy")["IGOEU"] == "EUR" and "UNO" not in aliases(
        "country", "diplomacy"
    )


def test_main_event_is_the_most_confident_first():
    def ev(i: str, confidence: float) -> Event:
        return Event(
            id=i, event_type="CONSULT", cameo="046", status="occurred", confidence=confidence
        )

    assert main_event([ev("a", 0.5), ev("b", 0.9), ev("c", 0.9)]).id == "b"
    assert main_event([]) is None


@pytest.mark.parametrize(
    "question, answer",
    [
        ({"question_type": "capital_country", "input": {"city": "Tehran"}}, "IRN"),
        ({"question_type": "capital_country", "input": {"city": "Atlantis"}}, None),
        ({"question_type": "demonym_country", "input": {"demonym": "Omani"}}, "OMN"),
        ({"question_type": "igo_code", "input": {"abbrev": "NATO"}}, "IGOWSTNAT"),
        ({"question_type": "igo_code", "input": {"name": "United Nations"}}, "IGOUNO"),
        # Puerto Rico's "Secretary of State" is filed under USA too; it is not the US post.
        ({"question_type": "holder_on_date",
          "input": {"iso3": "USA", "role": "foreign minister", "date": "2022-03-01"}}, "Antony Blinken"),
        # Before the holder's start, and after the data's snapshot, there is no answer.
        ({"question_type": "holder_on_date",
          "input": {"iso3": "USA", "role": "foreign minister", "date": "2020-03-01"}}, None),
        ({"question_type": "holder_on_date",
          "input": {"iso3": "USA", "role": "foreign minister", "date": "2024-03-01"}}, None),
        ({"question_type": "weather", "input": {}}, None),
    ],
)  # fmt: skip
def test_answer_quiz_question(question, answer):
    assert answer_quiz_question(question) == answer


def test_same_answer_ignores_case_and_diacritics():
    assert same_answer("António Guterres", "antonio guterres")
    assert not same_answer(None, "x") and not same_answer("Wang Yi", "Yang Jiechi")


def test_reciprocal_talks_are_scored_as_sources_in_plovers_convention():
    from dragoman.eval.tasks.sentence_events import reciprocal_as_sources
    from dragoman.export.codes import dyads
    from tests.coding.understood import coded

    talks, *_ = coded("Iranian and Omani officials held talks in Muscat on Friday.")
    assert {(a.country, b.country) for a, b, _ in dyads(talks)} == {("IRN", "OMN"), ("OMN", "IRN")}
    assert sorted((a.country, b, code[:2]) for a, b, code in reciprocal_as_sources(talks)) == [
        ("IRN", None, "04"),
        ("OMN", None, "04"),
    ]
    (strike,) = coded("Israeli jets bombed Syrian army positions near Damascus on Friday.")
    assert reciprocal_as_sources(strike) == dyads(strike)
