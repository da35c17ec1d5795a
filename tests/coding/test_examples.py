"""The ontology's six worked examples (data/ontology/examples.json) must come out as written."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from dragoman.coding import code_events
from dragoman.options import CodingOptions

from .annotate import A, D, P, T, build

_EXAMPLES = json.loads(
    resources.files("dragoman").joinpath("data", "ontology", "examples.json").read_text("utf-8")
)
_DOCS = {d["doc_id"]: d for d in _EXAMPLES["documents"]}

# What the understand stage reads in each document (as its readers are specified to).
_READ = {
    "d1": {
        "actors": (
            A("US", "USA"),
            A("Iranian", "IRN"),
            A("Oman", "OMN"),
            A("Oman", "OMN", nth=1),  # "held ... in Oman": also a place, the venue
            A("Ali Larijani", "IRN", "GOV", kind="person"),
            A("Iran's", "IRN"),  # inside the person's apposition
            A("the United States", "USA"),
            A("Omani intermediaries", "OMN"),
            A("The US", "USA"),
            A("Iranian", "IRN", None, nth=1),
        ),
        "places": (
            P("Geneva", "CHE"),
            P("Oman", "OMN", "country", nth=1),
            P("Iran", "IRN", "country", nth=1),
        ),
        "dates": (
            D("next week", "2026-02-16", "2026-02-22", "week"),
            D("February 6", "2026-02-06", "2026-02-06", "day"),
            D("last month", "2026-01-01", "2026-01-31", "month"),
        ),
        "attributions": (T("according to rights groups", "rights groups"),),
    },
    "d2": {
        "actors": (
            A("Russia", "RUS"),
            A("Ukraine", "UKR"),
            A("the United States", "USA"),
            A("the Kremlin", "RUS"),
        ),
        "places": (P("Geneva", "CHE"),),
        "attributions": (T("the Kremlin said", "the Kremlin"),),
    },
}


def _coded(doc_id: str) -> list:
    doc = _DOCS[doc_id]
    article, annotations = build(
        doc["text"],
        doc_id=doc_id,
        outlet=doc["outlet"],
        url=doc["url"],
        published=doc["published"],
        **_READ[doc_id],
    )
    return code_events(article, annotations, CodingOptions())


def _countries(actors) -> list:
    return sorted(a["country"] for a in actors)


@pytest.mark.parametrize("n", range(len(_EXAMPLES["events"])), ids=lambda n: f"example{n + 1}")
def test_worked_example(n: int) -> None:
    want = _EXAMPLES["events"][n]
    doc_id = want["evidence"][0]["doc_id"]
    sentence = want["evidence"][0]["sentence"]
    got = [e for e in _coded(doc_id) if e.evidence[0].sentence == sentence]
    assert len(got) == 1, [e.to_dict() for e in got]
    event = got[0].to_dict()
    assert event["event_type"] == want["event_type"]
    assert event["cameo"][:2] == want["cameo"][:2]
    assert event["cameo"] == want["cameo"]
    assert event["mode"] == want["mode"]
    assert event["status"] == want["status"]
    assert _countries(event["participants"]) == _countries(want["participants"])
    assert (event["source"] or {}).get("country") == (want["source"] or {}).get("country")
    assert (event["target"] or {}).get("country") == (want["target"] or {}).get("country")
    assert (event["mediator"] or {}).get("country") == (want["mediator"] or {}).get("country")
    assert (event["mediator"] or {}).get("role") == (want["mediator"] or {}).get("role")
    assert (event["location"] or {}).get("country") == (want["location"] or {}).get("country")
    # The record adds the date's words and where it came from to the ontology's date fields.
    assert {k: (event["date"] or {}).get(k) for k in want["date"] or {}} == (want["date"] or {})
    assert (event["date"] is None) == (want["date"] is None)
    assert event["context"] == want["context"]
    assert event["topics"] == want["topics"]
    # The record adds each source's publication date to the ontology's source fields.
    assert [{k: s[k] for k in w} for s, w in zip(event["sources"], want["sources"], strict=True)] == want["sources"]
    assert all(s["published"] for s in event["sources"])
    assert event["evidence"][0] == want["evidence"][0]
    assert 0.0 <= event["confidence"] <= 1.0


@pytest.mark.parametrize("doc_id, count", [("d1", 5), ("d2", 1)])
def test_worked_documents_code_nothing_else(doc_id: str, count: int) -> None:
    # "The talks follow ..." in d1 is a reference back, not a meeting.
    assert len(_coded(doc_id)) == count


def test_first_round_number_is_read() -> None:
    second = [e for e in _coded("d1") if e.trigger == "first round"]
    assert [e.round for e in second] == [1]
