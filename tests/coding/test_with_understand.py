"""Coding on what the real understand stage reads (integration with dragoman.understand).

The other coding tests state their mentions by hand; these run the readers, so they fail when a
change on either side breaks the contract between the stages.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from dragoman.coding import code_events
from dragoman.model import Article, DateValue
from dragoman.options import Options

understand = pytest.importorskip("dragoman.understand")

_EXAMPLES = json.loads(
    resources.files("dragoman").joinpath("data", "ontology", "examples.json").read_text("utf-8")
)
_BENCH = Path(__file__).resolve().parents[3] / "shared" / "bench" / "diplomacy"


def _coded(doc: dict) -> list:
    article = Article(
        id=doc["doc_id"],
        raw_id="r_" + doc["doc_id"],
        origin="examples.json",
        title=None,
        text=doc["text"],
        url=doc["url"],
        outlet=doc["outlet"],
        published=DateValue(start=doc["published"], end=doc["published"], precision="day"),
    )
    opts = Options()
    return code_events(article, understand.annotate(article, opts.understand), opts.coding)


@pytest.mark.parametrize("n", range(len(_EXAMPLES["events"])), ids=lambda n: f"example{n + 1}")
def test_worked_example_end_to_end(n: int) -> None:
    want = _EXAMPLES["events"][n]
    doc = next(d for d in _EXAMPLES["documents"] if d["doc_id"] == want["evidence"][0]["doc_id"])
    got = [e for e in _coded(doc) if e.evidence[0].sentence == want["evidence"][0]["sentence"]]
    assert len(got) == 1
    event = got[0]
    assert (event.event_type, event.cameo[:2], event.status) == (
        want["event_type"],
        want["cameo"][:2],
        want["status"],
    )
    assert sorted(a.country for a in event.participants) == sorted(
        a["country"] for a in want["participants"]
    )
    assert (event.mediator.country if event.mediator else None) == (
        want["mediator"]["country"] if want["mediator"] else None
    )
    assert (event.location.country if event.location else None) == (
        want["location"]["country"] if want["location"] else None
    )


@pytest.mark.skipif(not _BENCH.is_dir(), reason="shared/bench/diplomacy is not beside the repo")
def test_match_report_page_codes_nothing_end_to_end() -> None:
    from dragoman import clean, ingest
    from dragoman.model import Rejected

    opts = Options()
    (raw,) = list(ingest.read([_BENCH / "04_matchday_balkans.txt"], opts.ingest))
    assert not isinstance(raw, Rejected)
    article = clean.clean(raw, opts.clean)
    assert not isinstance(article, Rejected)
    assert code_events(article, understand.annotate(article, opts.understand), opts.coding) == []
