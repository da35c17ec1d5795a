"""Wordings whose PLOVER type, or whether they code at all, the coder got wrong (issue 4, session
6): inspectors received, compensation paid, a preparation to attack, traffic blocked, words that
name no act ("a call for" as an object, "insisted" stating a view, civilians "threatened with
starvation", lobby groups "mobilized", "occupied territories", "the army has taken up the task",
"his alleged role", a landslide that "blocked traffic"), the direction of a passive ("indicted
by"), and history read in the act's own clause, not in a relative one. Sentences are our own,
coded through the real understand stage."""

from __future__ import annotations

import pytest

from dragoman.coding.lexicon import load_lexicon
from dragoman.coding.rules import find_matches, windows
from dragoman.coding.status import load_status_rules, read_status

from .understood import coded, dyads


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            "Kazakhstan received a team of observers from the OSCE ahead of the vote.",
            ("RETREAT", "0862", "KAZ", "IGO"),
            id="received-observers",
        ),
        pytest.param(
            "The Serbian army prepared to resume shelling rebel positions in the valley.",
            ("MOBILIZE", "150", "SRB", None),
            id="prepared-to-resume-shelling",
        ),
        pytest.param(
            "Iran insisted on the lifting of all sanctions by the United States.",
            ("REQUEST", "100", "IRN", "USA"),
            id="insisted-on",
        ),
        pytest.param(
            "Serbia's former defence minister has been indicted by a United Nations war crimes "
            "court for his alleged role in the siege.",
            ("ACCUSE", "1121", "UNO", "SRB"),
            id="indicted-by-a-court",
        ),
        pytest.param(
            "Two hundred Fijian peacekeepers were pulled out of the Golan Heights on Friday.",
            ("SANCTION", "1661", "FJI", "SYR"),
            id="peacekeepers-were-pulled-out",
        ),
        pytest.param(
            "The IAEA has sent inspectors to the Bushehr Nuclear Power Plant (BNPP) in southern Iran "
            "to examine the reactor.",
            ("ACCUSE", "090", "UNO", "IRN"),
            id="inspectors-sent-to-a-long-named-place",
        ),
        pytest.param(
            "Iraq said on Tuesday it had paid compensation to 300 Kuwaiti families for property "
            "lost in the invasion.",
            ("CONCEDE", "080", "IRQ", "KWT"),
            id="paid-compensation",
        ),
        pytest.param(
            "Truck drivers blocked traffic on the main highway into Lagos on Monday.",
            ("PROTEST", "144", "NGA", None),
            id="blocked-traffic",
        ),
        pytest.param(
            "Russian troops occupied the town of Kherson on Wednesday.",
            ("COERCE", "192", "RUS", "UKR"),
            id="occupied-a-town",
        ),
    ],
)
def test_wording_codes_its_type(text: str, want: tuple[str, str, str | None, str | None]) -> None:
    assert want in dyads(coded(text))


@pytest.mark.parametrize(
    "text, wrong",
    [
        pytest.param(
            "The Serbian army prepared to resume shelling rebel positions in the valley.",
            "ASSAULT",
            id="prepared-attack-not-yet-assault",
        ),
        pytest.param(
            "Germany praised the French plan and insisted the unrest reflected old rivalries.",
            "REQUEST",
            id="insisted-a-view",
        ),
        pytest.param(
            "The Red Cross asked donors to help feed thousands of Somali families threatened "
            "with famine.",
            "THREATEN",
            id="threatened-with-famine",
        ),
        pytest.param(
            "Serbia's former defence minister has been indicted by a United Nations war crimes "
            "court for his alleged role in the siege.",
            "ACCUSE 112",
            id="alleged-as-adjective",
        ),
        pytest.param(
            "Qatar has mobilized lobby groups in Washington to support its bid.",
            "MOBILIZE",
            id="mobilized-lobby-groups",
        ),
    ],
)
def test_wording_does_not_code_that_type(text: str, wrong: str) -> None:
    """``wrong``: a PLOVER type, or a type and CAMEO code ("ACCUSE 112")."""
    events = coded(text)
    found = {e.event_type for e in events} | {f"{e.event_type} {e.cameo}" for e in events}
    assert wrong not in found


@pytest.mark.parametrize(
    "text, want",
    [
        pytest.param(
            # "a call" is the object of the rejection, not a request of its own
            "The European Union on Monday rejected a call for its monitors to be sent to Georgia.",
            ["REJECT"],
            id="a-call-for-as-object",
        ),
        pytest.param(
            "Turkey called for a freeze on Israeli settlements in occupied territories.",
            ["REQUEST"],
            id="occupied-territories",
        ),
    ],
)
def test_trigger_types(text: str, want: list[str]) -> None:
    assert [m.trigger.event_type for m in find_matches(load_lexicon(), text)] == want


@pytest.mark.parametrize(
    "text",
    [
        # generated 192 "&MILITARY * take": the subject names who, not an occupation
        "The Lebanese army has taken up the task of clearing mines near the border.",
        # generated 060 "continue effort": an effort names no cooperation
        "The rebels continued their effort to topple the government of Mali.",
        # a road blocked by nature or an accident: no protest
        "A landslide blocked traffic on the main road to Kathmandu.",
        "Heavy snow blocked roads across the north of Serbia.",
    ],
)
def test_no_act_is_coded(text: str) -> None:
    assert coded(text) == []


def test_a_dated_war_does_not_date_the_act() -> None:
    # "the 1999 Kosovo war" dates the war; the inquiry opened now is news, not history
    events = coded("Serbia opened an investigation into crimes of the 1999 Kosovo war on Monday.")
    assert [(e.event_type, e.cameo, e.source.country if e.source else None) for e in events] == [
        ("ACCUSE", "090", "SRB")
    ]


def test_arrests_told_by_a_participle_are_coded() -> None:
    # "..., arresting 40": the arrests are an act of their own beside the tear gas
    events = coded(
        "Kenyan police fired tear gas at protesters in Nairobi on Tuesday, arresting 40."
    )
    assert ("COERCE", "173", "KEN") in {(t, code, src) for t, code, src, _ in dyads(events)}
    assert coded("The arresting officer told the court the suspect ran.") == []


@pytest.mark.parametrize(
    "text, history",
    [
        pytest.param(
            "Armenia and Azerbaijan, which fought a war in 2020, met in Geneva on Tuesday.",
            False,
            id="year-in-a-relative-clause-before",
        ),
        pytest.param(
            "Azerbaijan has opened an inquiry into killings carried out during the 2020 war.",
            False,
            id="year-after-a-participle",
        ),
        pytest.param("Russia and Georgia met in Geneva in 2009.", True, id="the-acts-own-year"),
    ],
)
def test_history_is_read_in_the_acts_own_clause(text: str, history: bool) -> None:
    rules = load_status_rules()
    matches = find_matches(load_lexicon(), text)
    (match,) = matches
    (window,) = windows(rules, text, matches)
    reading = read_status(
        rules, window, event_type=match.trigger.event_type, noun=False, published_year=2026
    )
    assert reading.history is history


def test_an_inquiry_into_past_crimes_is_news() -> None:
    events = coded(
        "Azerbaijan has opened an inquiry into killings carried out during the 2020 war."
    )
    assert ("ACCUSE", "090", "AZE", None) in dyads(events)
