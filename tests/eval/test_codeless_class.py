"""Sentence labels read from an event with no CAMEO code (a resignation, RETREAT/resign): through
the root family of its PLOVER type, so "the president resigned" is ConfliBERT's material
cooperation (penta and quad 2), as a coded RETREAT (0874) is."""

from __future__ import annotations

import pytest

from dragoman.eval.tables import label_map
from dragoman.eval.tasks.sentence_class import _our_class
from dragoman.model import Actor, Event


def _retreat(cameo: str | None, mode: str) -> Event:
    president = Actor(text="President Ruto", name="William Ruto", country="KEN", sector="GOV", role="source")
    return Event(id="e_x", event_type="RETREAT", cameo=cameo, mode=mode, status="occurred",
                 source=president, participants=(president,))  # fmt: skip


@pytest.mark.parametrize("kind", ["penta", "quad"])
def test_a_codeless_retreat_reads_as_its_type_root(kind: str) -> None:
    labels = label_map(kind)
    assert _our_class(labels, _retreat(None, "resign")) == "2"
    assert _our_class(labels, _retreat("0874", "withdraw")) == "2"
