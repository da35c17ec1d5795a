"""A month of invented reporting on two negotiation tracks, written for these tests.

Armenia-Azerbaijan: round 1 held in Vienna on 3 February; round 2 announced for Geneva on
10 March (two outlets), postponed the day before, held on 24 March, then denied by one side.
Serbia-Kosovo: a separate track announced in the same article, same city, same day.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ANNOUNCED = {
    "outlet": "Alpine Wire",
    "published": "2026-03-02",
    "title": "Geneva to host two sets of talks",
    "text": (
        "GENEVA - Negotiators from Armenia and Azerbaijan will meet in Geneva on 10 March for the second "
        "round of peace talks, with the European Union mediating, diplomats said on Monday.\n\n"
        "The first round was held in Vienna on 3 February.\n\n"
        "In a separate track, delegations from Serbia and Kosovo are due to meet in Geneva on 10 March as "
        "well, with the European Union mediating."
    ),
}
CONFIRMED_PLAN = {
    "outlet": "Harbor Daily",
    "published": "2026-03-05",
    "title": "Armenia-Azerbaijan round set for Geneva",
    "text": (
        "Armenia and Azerbaijan are expected to hold the second round of their peace negotiations in Geneva "
        "next Tuesday, with the European Union mediating, according to officials familiar with the "
        "planning.\n\nThe talks will focus on border delimitation and transport links."
    ),
}
POSTPONED = {
    "outlet": "Caspian Herald",
    "published": "2026-03-09",
    "title": "Armenia-Azerbaijan talks postponed",
    "text": (
        "The second round of peace talks between Armenia and Azerbaijan, due to open in Geneva on Tuesday, "
        "has been postponed, the European Union said on Monday.\n\nNo new date was given."
    ),
}
HELD = {
    "outlet": "Meridian Post",
    "published": "2026-03-24",
    "title": "Armenia and Azerbaijan hold second round",
    "text": (
        "GENEVA - Armenia and Azerbaijan held the second round of their peace talks in Geneva on Tuesday, "
        "with the European Union mediating.\n\nBoth sides described the talks as constructive."
    ),
}
DENIED = {
    "outlet": "Ararat Courier",
    "published": "2026-03-26",
    "title": "Baku denies Geneva meeting",
    "text": (
        "Azerbaijan's foreign ministry on Thursday denied that its negotiators had met Armenian officials "
        "in Geneva on Tuesday, calling the reports of a second round false.\n\n"
        "The ministry gave no further details."
    ),
}
SYNDICATED = {  # the Meridian Post story taken by another outlet, with an update at the end
    "outlet": "Gulf Courier",
    "published": "2026-03-24",
    "title": "Second round of Armenia-Azerbaijan talks held in Geneva",
    "text": HELD["text"] + "\n\nA joint statement is expected on Wednesday, a spokesperson said.",
}
MONTH = [ANNOUNCED, CONFIRMED_PLAN, POSTPONED, HELD]


def write_jsonl(folder: Path, name: str, stories: Sequence[dict[str, Any]]) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    return path
