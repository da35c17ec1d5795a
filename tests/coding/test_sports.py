"""Sports pages use the words of war and diplomacy: attack, fired a shot, rejected an offer, talks
with the coach, Serbia face Armenia. None of it is an event."""

from __future__ import annotations

import pytest

from .annotate import A, P, code

# The body of a football match report (bench/diplomacy/04_matchday_balkans.txt, CC0).
MATCH_REPORT = """\
Crvena zvezda beat Partizan 2-1 in a tense "eternal derby" at the Rajko Mitić Stadium on Sunday night, opening an eight-point gap at the top of the SuperLiga with eleven rounds left to play.

Partizan's attack looked sharper in the opening half hour, and their Ghanaian striker fired a shot against the post in the 17th minute before Zvezda went ahead against the run of play, their Brazilian midfielder turning in a corner at the near post.

The game was held up for six minutes in the second half after flares thrown from the north stand landed on the pitch, and the Football Association of Serbia said it would open disciplinary proceedings against both clubs.

Partizan's winger, who was born in Pristina and came through the club's academy, was again their best player, beating his marker repeatedly on the left. Partizan rejected a loan offer for him from a Turkish club in January, and the board is due to hold talks with the coach on Monday about his future.

"We attacked, we pressed, we fought for every ball, and we lost to two moments," the Partizan coach said.

Zvezda travel to Novi Pazar on Saturday before the international break, when Serbia face Armenia in a friendly in Yerevan.

Serbia coach names seven uncapped players for Yerevan friendly"""

# What an actors reader would find in it: country names and adjectives.
_ACTORS = (
    A("Ghanaian", "GHA", None),
    A("Brazilian", "BRA", None),
    A("Serbia", "SRB"),
    A("Turkish", "TUR", None),
    A("Serbia", "SRB", nth=1),
    A("Armenia", "ARM"),
    A("Serbia", "SRB", nth=2),
)
_PLACES = (
    P("Pristina", "XKX"),
    P("Novi Pazar", "SRB"),
    P("Yerevan", "ARM"),
    P("Yerevan", "ARM", nth=1),
)


def test_match_report_codes_nothing() -> None:
    assert code(MATCH_REPORT, actors=_ACTORS, places=_PLACES, published="2026-03-08") == []


@pytest.mark.parametrize(
    "text, actors",
    [
        (
            "Serbia's attack looked sharper after the break and their striker fired a shot against the post.",
            (A("Serbia's", "SRB"),),
        ),
        (
            "Armenia rejected a loan offer from a Turkish club for their striker.",
            (A("Armenia", "ARM"), A("Turkish", "TUR", None)),
        ),
        (
            "The Serbian federation is due to hold talks with the coach on Monday.",
            (A("Serbian", "SRB"),),
        ),
        (
            "Serbia face Armenia in a friendly in Yerevan on Saturday.",
            (A("Serbia", "SRB"), A("Armenia", "ARM")),
        ),
        (
            "Georgia beat Azerbaijan 3-0 in Tbilisi, and the visitors' coach resigned.",
            (A("Georgia", "GEO"), A("Azerbaijan", "AZE")),
        ),
        (
            "Kosovo fans clashed with police outside the stadium before the match.",
            (A("Kosovo", "XKX"),),
        ),
    ],
)
def test_sports_sentences_code_nothing(text: str, actors: tuple) -> None:
    assert code(text, actors=actors) == []


@pytest.mark.parametrize(
    "text, actors, event_type",
    [
        (
            "Armenia rejected an offer of talks from Azerbaijan.",
            (A("Armenia", "ARM"), A("Azerbaijan", "AZE")),
            "REJECT",
        ),
        (
            "Serbian and Kosovo negotiators held talks in Brussels on Monday.",
            (A("Serbian", "SRB"), A("Kosovo", "XKX")),
            "CONSULT",
        ),
        (
            "Azerbaijani forces fired on Armenian positions near Sotk.",
            (A("Azerbaijani forces", "AZE", "MIL"), A("Armenian", "ARM", "MIL")),
            "ASSAULT",
        ),
    ],
)
def test_the_same_words_in_politics_do_code(text: str, actors: tuple, event_type: str) -> None:
    assert [e.event_type for e in code(text, actors=actors)] == [event_type]
