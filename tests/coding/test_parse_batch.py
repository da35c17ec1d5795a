"""An article's parses in one batch (coding/parse_batch.py, parse_roles.parse_sentences).

Batching is a speed change only: the same parse for each sentence, the same events for the
article, and no sentence parsed that the role rules will not read.
"""

from __future__ import annotations

import logging

import pytest

from dragoman.coding import coder, parse_roles
from dragoman.coding.lexicon import load_lexicon
from dragoman.coding.mentions import sentence_actors
from dragoman.coding.parse_batch import wants_parse
from dragoman.coding.parse_roles import SentenceParse, parse_sentences
from dragoman.coding.rules import find_matches
from dragoman.understand import split_sentences

from .annotate import A, build
from .understood import coded

# A wire story written for this test: passives, reported acts, a coordinated subject and
# sentences with no act, as the parse meets them in a news article.
ARTICLE = """\
GENEVA, Feb 14 (Example Wire) - Iranian nuclear sites were attacked by Israeli jets early on \
Saturday, Iran's foreign ministry said, days before talks with the United States were due to \
resume in Geneva.

Tehran said the strikes had hit a research reactor near Isfahan and accused Washington of \
helping to plan them. The United States and Britain imposed new sanctions on Iran on Friday, \
citing its enrichment of uranium.

Omani officials, who have carried messages between the two sides since January, said the \
round would still go ahead. "The door to diplomacy remains open," an Omani diplomat told \
reporters in Muscat.

Israel was accused by Iran of violating its airspace, and Russia condemned the attack in a \
statement on Saturday. Oil prices rose by four percent in early trading in London.
"""

_LONE = "outside a batch"


def _arcs(doc: object) -> list[tuple[str, str, int]]:
    return [(t.text, t.dep_, t.head.i) for t in doc]  # type: ignore[attr-defined]


def test_a_batch_parses_each_sentence_as_one_call_does() -> None:
    texts = [s.text for s in split_sentences(ARTICLE)]
    batched = parse_sentences(texts)
    assert len(batched) == len(texts) == 7
    for text, parse in zip(texts, batched):
        alone = SentenceParse(text).doc
        assert parse.doc is not None and alone is not None
        assert _arcs(parse.doc) == _arcs(alone), text


def test_the_coder_parses_an_article_in_one_batch_with_the_same_events(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    with caplog.at_level(logging.DEBUG, logger=parse_roles.__name__):
        batched = coded(ARTICLE)
    assert not [r for r in caplog.records if _LONE in r.getMessage()]
    caplog.clear()
    # the reference: the same coder with no batch, each sentence parsed by its own call
    monkeypatch.setattr(coder, "_parses", lambda read: {})
    with caplog.at_level(logging.DEBUG, logger=parse_roles.__name__):
        alone = coded(ARTICLE)
    assert len([r for r in caplog.records if _LONE in r.getMessage()]) >= 2
    assert batched == alone
    dyads = {
        (e.event_type, e.source.country, e.target.country) for e in batched if e.source and e.target
    }
    # read from the parse: two passives, and a coordinated subject that is two acts
    assert {("ASSAULT", "ISR", "IRN"), ("ACCUSE", "IRN", "ISR")} <= dyads
    assert {("SANCTION", "USA", "IRN"), ("SANCTION", "GBR", "IRN")} <= dyads


def test_a_sentence_is_parsed_only_when_the_parse_has_a_country_to_place() -> None:
    lexicon = load_lexicon()
    text = "Masked gunmen were attacked by local militiamen near the market on Monday."
    nobody = (A("gunmen", None, "REB", kind="group"), A("militiamen", None, "REB", kind="group"))
    somebody = (A("gunmen", None, "REB", kind="group"), A("militiamen", "IRQ", "REB", kind="group"))
    (match,) = find_matches(lexicon, text)
    acts = [(match, (0, len(text)), (0, len(text)), None)]
    for actors, wanted in ((nobody, False), (somebody, True)):
        _, annotations = build(text, actors=actors)
        read = sentence_actors(annotations.in_sentence(0), lexicon.cues)
        assert wants_parse(text, acts, read) is wanted
