"""code_events as the pipeline calls it: options, stable ids, evidence, the record's shape, speed."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from dragoman.coding import code_events
from dragoman.errors import ConfigError
from dragoman.options import CodingOptions

from .annotate import A, D, P, T, build, code
from .test_examples import _DOCS, _READ

_TEXT = (
    "Russia and Ukraine held talks in Istanbul on Monday, Turkish officials said. "
    "The US imposed sanctions on Russian banks. "
    "Protesters rallied in Tbilisi against the new law."
)
_READING = {
    "actors": (
        A("Russia", "RUS"),
        A("Ukraine", "UKR"),
        A("Turkish officials", "TUR"),
        A("The US", "USA"),
        A("Russian", "RUS", "BUS"),
    ),
    "places": (P("Istanbul", "TUR"), P("Tbilisi", "GEO")),
    "dates": (D("on Monday", "2026-02-09", "2026-02-09", "day"),),
    "attributions": (T("Turkish officials said", "Turkish officials"),),
}


def test_events_in_text_order_with_evidence() -> None:
    article, annotations = build(_TEXT, **_READING)
    events = code_events(article, annotations, CodingOptions())
    assert [e.event_type for e in events] == ["CONSULT", "SANCTION", "PROTEST"]
    for e in events:
        (ev,) = e.evidence
        assert article.text[ev.start : ev.end] == ev.sentence
        assert e.trigger and e.trigger in ev.sentence
        (src,) = e.sources
        assert (src.doc_id, src.outlet, src.url, src.published) == (
            "d1",
            "Example Wire",
            "https://news.example.com/a/101",
            "2026-02-14",
        )
    assert events[0].sources[0].attributed_to == "Turkish officials"
    assert events[1].sources[0].attributed_to is None


def test_ids_are_stable_and_distinct() -> None:
    first = [e.id for e in code(_TEXT, **_READING)]
    again = [e.id for e in code(_TEXT, **_READING)]
    assert first == again
    assert len(set(first)) == len(first)
    assert all(re.fullmatch(r"e_[0-9a-f]{16}", i) for i in first)
    other = [e.id for e in code(_TEXT, doc_id="d2", **_READING)]
    assert not set(first) & set(other)


def test_record_shape_is_the_ontology_record() -> None:
    keys = {
        "id",
        "event_type",
        "mode",
        "context",
        "cameo",
        "source",
        "target",
        "participants",
        "mediator",
        "location",
        "date",
        "status",
        "track",
        "round",
        "topics",
        "sources",
        "evidence",
        "confidence",
        "trigger",
    }
    for e in code(_TEXT, **_READING):
        d = e.to_dict()
        assert set(d) == keys
        assert 0.0 <= d["confidence"] <= 1.0
        assert d["track"] is None  # tracks are the tracks stage's business


def test_min_confidence_filters() -> None:
    article, annotations = build(_TEXT, **_READING)
    every = code_events(article, annotations, CodingOptions())
    kept = code_events(article, annotations, CodingOptions(min_confidence=0.8))
    assert kept and len(kept) < len(every)
    assert all(e.confidence >= 0.8 for e in kept)


def test_unknown_coder_names_the_known_ones() -> None:
    article, annotations = build(_TEXT, **_READING)
    with pytest.raises(ConfigError, match=r"unknown coder 'ml\.v9'; known coders: rules\.v1"):
        code_events(article, annotations, CodingOptions(coder="ml.v9"))


def test_an_article_without_sentences_codes_nothing() -> None:
    article, annotations = build("", published=None)
    assert code_events(article, annotations, CodingOptions()) == []


_FILLER = (
    "The ministry building overlooks the river. Officials spent the day in meetings of their own. "
    "Prices in the capital have risen by a tenth since January. The weather stayed mild. "
    "Most residents have heard little about the process. The report runs to forty pages. "
    "Shops reopened after the holiday. Traffic was heavy on the ring road in the evening. "
)


def test_a_long_article_codes_every_copy_of_its_events_once() -> None:
    # Speed is measured in benchmarks/bench_pipeline.py, not here: a timed test fails on a busy machine.
    doc, read = _DOCS["d1"], _READ["d1"]
    unit = doc["text"] + " " + _FILLER
    copies = 40

    def repeat(mentions):
        out = []
        for k in range(copies):
            for m in mentions:
                n = len(re.findall(rf"(?<!\w){re.escape(m.surface)}(?!\w)", unit))
                out.append(replace(m, nth=m.nth + k * n))
        return tuple(out)

    article, annotations = build(
        " ".join([unit] * copies),
        actors=repeat(read["actors"]),
        places=repeat(read["places"]),
        dates=repeat(read["dates"]),
        attributions=repeat(read["attributions"]),
    )
    events = code_events(article, annotations, CodingOptions())
    assert len(events) == 5 * copies
    assert len({e.id for e in events}) == len(events)


# A sanction has a sanctioner as well as a recipient: with none in its sentence, the one an earlier
# sentence of the article named; with none at all, no half dyad.
@pytest.mark.parametrize(
    "text, read, want",
    [
        pytest.param(
            "New sanctions on Iranian oil tankers took effect on Friday.",
            {"actors": (A("Iranian", "IRN", "BUS"),)},
            [],
            id="nobody-imposing",
        ),
        pytest.param(
            # today's attribution reader takes "Washington added" for a citation (see the report
            # on attribution.yaml): Washington is then a speaker, not the sanctioner
            "Washington added to the pressure on Wednesday with new sanctions on tankers carrying "
            "Iranian oil.",
            {
                "actors": (A("Washington", "USA"), A("Iranian", "IRN", "BUS")),
                "attributions": (T("Washington added", "Washington"),),
            },
            [],
            id="sanctioner-read-as-a-speaker",
        ),
        pytest.param(
            "Washington added to the pressure on Wednesday with new sanctions on tankers carrying "
            "Iranian oil.",
            {"actors": (A("Washington", "USA"), A("Iranian", "IRN", "BUS"))},
            [("USA", "IRN")],
            id="sanctioner-named",
        ),
        pytest.param(
            "The US Treasury imposed sanctions on Iranian shipping companies on Wednesday. "
            "Further sanctions on Iranian tankers followed on Friday.",
            {
                "actors": (
                    A("The US Treasury", "USA"),
                    A("Iranian", "IRN", "BUS"),
                    A("Iranian", "IRN", "BUS", nth=1),
                )
            },
            [("USA", "IRN"), ("USA", "IRN")],  # the second's sanctioner is inherited
            id="sanctioner-in-an-earlier-sentence",
        ),
        pytest.param(
            "The EU imposed sanctions on Russian banks on Monday. "
            "Further sanctions on Iranian tankers followed on Friday.",
            {
                "actors": (
                    A("The EU", "EUR", None, kind="igo"),
                    A("Russian", "RUS", "BUS"),
                    A("Iranian", "IRN", "BUS"),
                )
            },
            [("EUR", "RUS")],  # another recipient: no sanctioner to inherit
            id="earlier-sanctioner-of-another-recipient",
        ),
    ],
)
def test_a_sanction_needs_a_sanctioner(text, read, want) -> None:
    events = code(text, **read)
    assert [(e.source.country, e.target.country) for e in events] == want
    assert all(e.event_type == "SANCTION" and len(e.participants) == 2 for e in events)
    if len(events) == 2:  # a sanctioner from another sentence is less certain
        assert events[1].confidence < events[0].confidence


# The one who denies is a party to the event denied, not a source the outlet cites.
@pytest.mark.parametrize(
    "text, attribution, cited",
    [
        pytest.param(
            # an outright denial ("face to face" would deny only the mode: test_direct_contact.py)
            "Tehran also denied reports that its negotiators had met US officials "
            "during the first round.",
            T("Tehran also denied reports", "Tehran also denied"),  # as the reader takes it today
            None,
            id="denier-read-as-a-source",
        ),
        pytest.param(
            "Pristina flatly denied reports that its negotiators had met Serbian officials in "
            "Brussels, Kosovo media reported.",
            T("Kosovo media reported", "Kosovo media"),
            "Kosovo media",
            id="a-denial-reported-by-media",
        ),
    ],
)
def test_the_denier_is_not_the_cited_source(text, attribution, cited) -> None:
    denier = A("Tehran", "IRN") if "Tehran" in text else A("Pristina", "XKX")
    other = A("US officials", "USA") if "US officials" in text else A("Serbian officials", "SRB")
    (e,) = code(
        text,
        actors=(denier, other),
        places=(P("Brussels", "BEL"),) if "Brussels" in text else (),
        attributions=(attribution,),
    )
    assert (e.event_type, e.status) == ("CONSULT", "denied")
    assert {a.country for a in e.participants} == {denier.country, other.country}
    assert e.sources[0].attributed_to == cited
