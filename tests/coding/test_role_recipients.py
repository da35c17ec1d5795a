"""Recipients: every listed target gets its dyad, and one-sided acts find the target they name."""

from __future__ import annotations

import pytest

from dragoman.model import Actor, Event

from .understood import coded


def code_of(actor: Actor | None) -> tuple[str | None, str | None] | None:
    return (actor.country, actor.sector) if actor is not None else None


def dyads(text: str) -> set[tuple[str, tuple | None, tuple | None]]:
    events: list[Event] = coded(text)
    return {(e.event_type, code_of(e.source), code_of(e.target)) for e in events}


@pytest.mark.parametrize(
    "text, event_type, source, targets",
    [
        (
            "The Armenian foreign minister urged Turkey and Azerbaijan to reopen the border.",
            "REQUEST",
            ("ARM", "GOV"),
            {("TUR", "GOV"), ("AZE", "GOV")},
        ),
        (
            "Tehran accused the United States and Israel of plotting the attack on the pipeline.",
            "ACCUSE",
            ("IRN", "GOV"),
            {("USA", "GOV"), ("ISR", "GOV")},
        ),
        (
            "Brussels imposed sanctions on Belarus, Iran and North Korea on Monday.",
            "SANCTION",
            ("EUR", "GOV"),
            {("BLR", "GOV"), ("IRN", "GOV"), ("PRK", "GOV")},
        ),
    ],
)
def test_each_listed_recipient_gets_a_dyad(
    text: str, event_type: str, source: tuple, targets: set[tuple]
) -> None:
    found = dyads(text)
    assert {(event_type, source, t) for t in targets} <= found, found


def test_comma_and_between_two_actors_joins_clauses_not_recipients() -> None:
    found = dyads("Moscow accused Kyiv, and London said on Monday it would send more air defences.")
    accused = {d for d in found if d[0] == "ACCUSE"}
    assert accused == {("ACCUSE", ("RUS", "GOV"), ("UKR", "GOV"))}, found


def test_listed_sources_and_recipients_give_every_pair() -> None:
    found = dyads("The US and Britain imposed sanctions on Iran and Syria on Monday.")
    pairs = {(s[0], t[0]) for kind, s, t in found if kind == "SANCTION" and s and t}
    assert pairs == {("USA", "IRN"), ("USA", "SYR"), ("GBR", "IRN"), ("GBR", "SYR")}, found


def test_a_recipient_after_another_clause_is_not_listed() -> None:
    # "and" joins two clauses here, not two recipients: only Georgia is urged
    found = dyads("Moscow urged Georgia to withdraw its troops, and Tbilisi refused on Friday.")
    requests = {d for d in found if d[0] == "REQUEST"}
    assert requests == {("REQUEST", ("RUS", "GOV"), ("GEO", "GOV"))}, found


@pytest.mark.parametrize(
    "text, source, target",
    [
        (
            "Thousands of students rallied in Belgrade against the government of Serbia.",
            ("SRB", "CVL"),
            ("SRB", "GOV"),
        ),
        (
            (
                "Protesters in Tbilisi marched on parliament, calling for the resignation of "
                "Prime Minister Irakli Kobakhidze."
            ),
            ("GEO", "CVL"),
            ("GEO", "GOV"),
        ),
        (
            (
                "Farmers in Warsaw blocked roads to show their disapproval of the European Union's "
                "trade deal."
            ),
            ("POL", "AGR"),
            ("EUR", None),
        ),
    ],
)
def test_one_sided_act_takes_the_target_a_cue_names(
    text: str, source: tuple, target: tuple
) -> None:
    found = dyads(text)
    assert ("PROTEST", source, target) in found, found


def test_those_after_a_crackdown_suffer_it() -> None:
    # the trigger implies its agent; the protesters named after it are the target
    found = dyads("A violent crackdown on protesters in Iran followed the disputed vote.")
    assert ("ASSAULT", ("IRN", "COP"), ("IRN", "CVL")) in found, found


def test_one_sided_act_without_a_cue_has_no_target() -> None:
    # no actor after the trigger: nobody to protest against
    found = dyads("Students protested in Tehran on Saturday.")
    assert found == {("PROTEST", ("IRN", "CVL"), None)}, found


@pytest.mark.parametrize(
    "text, event_type, source, target",
    [
        (
            "Russian forces shelled Kharkiv overnight, killing four people.",
            "ASSAULT",
            ("RUS", "MIL"),
            ("UKR", "CVL"),
        ),
        (
            "Turkish authorities imposed a curfew in the town of Cizre after the vote.",
            "COERCE",
            ("TUR", "GOV"),
            ("TUR", "CVL"),
        ),
    ],
)
def test_an_attack_on_a_place_targets_its_civilians(
    text: str, event_type: str, source: tuple, target: tuple
) -> None:
    found = dyads(text)
    assert (event_type, source, target) in found, found


def test_a_protest_in_a_place_does_not_target_it() -> None:
    found = dyads("Thousands of Armenians rallied in Yerevan on Saturday.")
    assert found == {("PROTEST", ("ARM", "CVL"), None)}, found


def test_a_coordinated_subject_with_no_recipient_codes_without_failing() -> None:
    # "The United States and Britain imposed ...": one dyad per source, and with no recipient
    # named a sanction codes nothing (it needs one) instead of failing the article
    assert dyads("The United States and Britain imposed new sanctions on Tuesday.") == set()
    assert dyads("The United States and Britain imposed new sanctions on Syria on Tuesday.") == {
        ("SANCTION", ("USA", "GOV"), ("SYR", "GOV")),
        ("SANCTION", ("GBR", "GOV"), ("SYR", "GOV")),
    }
