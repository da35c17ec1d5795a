"""Where an act by a group named only by sector happens, from its context (coding/countryless.py
``in_context``, event_build.py): the act of the same type just told, the sentence's dateline, a
speaker of the group's sector; and interceptions of munitions, which are no assault."""

from __future__ import annotations

import pytest

from dragoman.model import Actor, Event

from .understood import coded

Code = tuple[str | None, str | None] | None


def code_of(actor: Actor | None) -> Code:
    return (actor.country, actor.sector) if actor is not None else None


def of_type(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type]


RALLY = (
    "Hundreds of protesters rallied in central Tehran on Saturday to demand the release of "
    "detainees, witnesses said. Many of those taking part were relatives of detainees. Videos "
    "showed crowds chanting slogans against the judiciary near a main square."
)


def test_a_rally_told_in_detail_takes_the_rallys_country_and_day() -> None:
    rally, detail = of_type(coded(RALLY, "2026-02-14"), "PROTEST")
    assert code_of(detail.source) == ("IRN", "CVL")
    assert detail.date is not None and rally.date is not None
    assert (detail.date.start, detail.date.precision) == ("2026-02-14", "day")
    assert detail.date.start == rally.date.start


def test_an_act_of_another_type_lends_no_setting() -> None:
    text = (
        "Police arrested 30 people in Kano on Monday. Protesters blocked the road near the market."
    )
    (protest,) = of_type(coded(text, "2026-02-14"), "PROTEST")
    assert code_of(protest.source) == (None, "CVL")


def test_an_act_with_a_day_of_its_own_is_another_act() -> None:
    text = (
        "Hundreds of protesters rallied in central Tehran on Saturday. "
        "Crowds marched again on Wednesday near a main square."
    )
    found = of_type(coded(text, "2026-02-19"), "PROTEST")
    later = [e for e in found if e.date is not None and e.date.start == "2026-02-18"]
    assert [code_of(e.source) for e in later] == [(None, "CVL")], found


@pytest.mark.parametrize(
    "text, dyad",
    [
        (
            "KANO — Gunmen killed five villagers on Sunday, police said.",
            (("NGA", "UAF"), ("NGA", "CVL")),
        ),
        (
            "GAZA CITY, Feb 12 (Reuters) - Gunmen opened fire on a checkpoint on Thursday.",
            (("PSE", "UAF"), None),
        ),
    ],
)
def test_a_dateline_places_the_act_of_its_sentence(text: str, dyad: tuple[Code, Code]) -> None:
    found = [(code_of(e.source), code_of(e.target)) for e in coded(text, "2026-02-14")]
    assert dyad in found, found


def test_a_dateline_does_not_place_a_later_sentence() -> None:
    text = "KANO — The governor spoke on Sunday. Gunmen killed five villagers on Monday."
    found = [(code_of(e.source), code_of(e.target)) for e in of_type(coded(text), "ASSAULT")]
    assert found == [((None, "UAF"), (None, "CVL"))], found


def test_a_speaker_of_the_groups_sector_lends_its_country() -> None:
    text = "Nigeria's army said troops had killed 12 gunmen near the border on Monday."
    found = [code_of(e.source) for e in of_type(coded(text), "ASSAULT")]
    assert found == [("NGA", "MIL")], found


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine's air force said air defences had shot down most of the drones on Saturday.",
        "Most of the missiles were intercepted over Kyiv on Saturday, the military said.",
        "Saudi air defences intercepted two ballistic missiles fired at Riyadh on Friday.",
    ],
)
def test_shooting_down_munitions_is_no_assault_by_the_defender(text: str) -> None:
    defender = [
        e
        for e in of_type(coded(text), "ASSAULT")
        if e.source is None or e.source.country in (None, "UKR", "SAU")
    ]
    assert defender == [], [(e.trigger, code_of(e.source)) for e in defender]


def test_shooting_down_a_crewed_aircraft_stays_an_assault() -> None:
    text = "Turkish jets shot down a Russian fighter jet near the Syrian border on Tuesday."
    found = [code_of(e.source) for e in of_type(coded(text), "ASSAULT")]
    assert found == [("TUR", "MIL")], found
