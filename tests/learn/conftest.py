"""A small training bench we write ourselves: invented sentences about real parties, labelled in
the bench's own format (bench/coding/README.md), so training can run without ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# (text, CAMEO code, PLOVER type) or (text, None, None) for a sentence with no event
SENTENCES = [
    ("Armenian and Azerbaijani foreign ministers held talks in Abu Dhabi on Tuesday.", "040", "CONSULT"),
    ("The Serbian president met the Kosovo prime minister in Brussels on Thursday.", "042", "CONSULT"),
    ("Iran's envoy met Omani officials in Muscat to discuss the nuclear file.", "043", "CONSULT"),
    ("Georgia's prime minister hosted the Armenian foreign minister in Tbilisi.", "042", "CONSULT"),
    ("Serbia and Kosovo agreed to set up a joint commission on missing persons.", "057", "AGREE"),
    ("Armenia and Azerbaijan signed a protocol on border delimitation.", "057", "AGREE"),
    ("Kazakhstan agreed to host the third round of the peace talks.", "036", "AGREE"),
    ("Azerbaijani troops shelled Armenian positions near the border overnight.", "190", "ASSAULT"),
    ("Gunmen attacked a Kosovo police patrol near Zubin Potok, killing one officer.", "180", "ASSAULT"),
    ("Russian forces struck Ukrainian energy facilities with drones.", "190", "ASSAULT"),
    ("Thousands of demonstrators marched through Belgrade against the government.", "141", "PROTEST"),
    ("Villagers blocked the road to the border crossing in protest at the protocol.", "144", "PROTEST"),
    ("The European Union imposed new sanctions on Russian banks.", "163", "SANCTION"),
    ("Serbia banned imports of goods from Kosovo after the attack.", "163", "SANCTION"),
    ("Kosovo police arrested three Serbian citizens at the border.", "173", "COERCE"),
    ("Azerbaijan accused Armenia of violating the ceasefire.", "112", "ACCUSE"),
    ("The United States called on both sides to show restraint.", "024", "REQUEST"),
    ("Armenia rejected the Azerbaijani proposal for a new corridor.", "120", "REJECT"),
    ("Iran threatened to close the Strait of Hormuz if sanctions were tightened.", "138", "THREATEN"),
    ("The European Union sent humanitarian aid to the flooded regions of Serbia.", "073", "AID"),
    ("The derby ended in a goalless draw after the striker fired a shot over the bar.", None, None),
    ("The coach said his team would attack from the first minute against Serbia.", None, None),
    ("Analysts say the region has a long history of wars and broken truces.", None, None),
    ("The weather in Yerevan was mild on Sunday, with light rain in the evening.", None, None),
]


def write_bench(folder: Path) -> Path:
    """A benchmark directory with one sentence_events set made of SENTENCES."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for k, (text, cameo, plover) in enumerate(SENTENCES):
        item = {"id": f"ours/{k}", "text": text, "date": "2026-03-10", "group": f"g{k}"}
        if cameo is None:
            item.update(no_event=True, events=[])
        else:
            item.update(no_event=False, events=[{"cameo": cameo, "plover": plover}])
        lines.append(json.dumps(item))
    (folder / "ours.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    manifest = {"version": 1, "sets": [{"name": "ours", "path": "ours.jsonl", "task": "sentence_events"}]}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def small_bench(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_bench(tmp_path_factory.mktemp("bench"))
