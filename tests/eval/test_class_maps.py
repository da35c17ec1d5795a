"""How our events fall into the classes of the sentence_class sets (data/eval/sentence_labels.yaml),
read through the real pipeline: ACLED's "Agreement" holds ceasefires, releases and surrenders,
which PLOVER codes RETREAT (or CONCEDE when only promised), not only AGREE."""

from __future__ import annotations

import pytest

from dragoman.eval.tables import label_map
from dragoman.eval.tasks._common import code_text
from dragoman.eval.tasks.sentence_class import main_event
from dragoman.options import Options


@pytest.mark.parametrize(
    "text, plover",
    [
        pytest.param(
            "Sudan and South Sudan agreed a 72-hour humanitarian ceasefire on Monday.",
            "CONCEDE",
            id="ceasefire",
        ),
        pytest.param(
            "Ethiopia released 40 Eritrean soldiers captured during the border war.",
            "RETREAT",
            id="release",
        ),
        pytest.param(
            "Colombia and the ELN rebels reached a peace agreement in Havana.", "AGREE", id="deal"
        ),
    ],
)
def test_agreements_between_parties_fall_in_acled_agreement(text: str, plover: str) -> None:
    coded = code_text(text, published="2026-02-14", origin="test", opts=Options())
    main = main_event(coded.events)
    assert main is not None and main.event_type == plover
    acled = label_map("acled_subtype")
    assert acled.our_class(main.event_type) == acled.gold_class("AGREEMENT") == "AGREE"


def test_fighting_stays_apart_from_agreements() -> None:
    acled = label_map("acled_subtype")
    assert acled.our_class("ASSAULT") == acled.gold_class("ARMED_CLASH") == "ASSAULT"
    assert acled.our_class("CONSULT") is None  # talks: ACLED's unscored DIPLO, not Agreement
