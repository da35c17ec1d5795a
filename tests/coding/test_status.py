"""Status from the words around a trigger: planned, occurred, ongoing, postponed, cancelled, denied,
hypothetical; and the sentences that code nothing (negation, history, habit, conditions)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from .annotate import A, D, P, T, code, summary

ARM, AZE = A("Armenia", "ARM"), A("Azerbaijan", "AZE")
SRB, XKX = A("Serbia", "SRB"), A("Kosovo", "XKX")


@pytest.mark.parametrize(
    "text, read, want",
    [
        pytest.param(
            "The third round of Armenian-Azerbaijani peace talks, due to open in Almaty next "
            "Tuesday, has been postponed, the US State Department said on Friday, two days after "
            "the deadliest clash on the border in more than two years.",
            {
                "actors": (
                    A("Armenian", "ARM"),
                    A("Azerbaijani", "AZE"),
                    A("the US State Department", "USA"),
                ),
                "places": (P("Almaty", "KAZ"),),
                "dates": (
                    D("next Tuesday", "2026-05-19", "2026-05-19", "day"),
                    D("on Friday", "2026-05-15", "2026-05-15", "day"),
                ),
                "attributions": (T("the US State Department said", "the US State Department"),),
                "published": "2026-05-15",
            },
            [("CONSULT", "postponed", {"ARM", "AZE"}, None, "KAZ")],
            id="postponed",
        ),
        pytest.param(
            "The European Union has called off Tuesday's round of the Belgrade-Pristina dialogue in "
            "Brussels after an attack on a Kosovo police patrol near the northern border, the EU's "
            "envoy said on Sunday.",
            {
                "actors": (
                    A("The European Union", "EUR", kind="igo"),
                    A("Belgrade", "SRB"),
                    A("Pristina", "XKX"),
                    A("Kosovo police", "XKX", "COP"),
                    A("the EU's envoy", "EUR", kind="person"),
                ),
                "places": (P("Brussels", "BEL"), P("Belgrade", "SRB"), P("Pristina", "XKX")),
                "dates": (D("Tuesday's", "2026-03-24", "2026-03-24", "day"),),
                "attributions": (T("the EU's envoy said"),),
                "published": "2026-03-22",
            },
            # the canceller is not a party; the attack after "after" is background
            [("CONSULT", "cancelled", {"SRB", "XKX"}, None, "BEL")],
            id="cancelled",
        ),
        pytest.param(
            "Tuesday's round in Brussels will not go ahead, the EU's envoy says.",
            {
                "actors": (A("the EU's envoy", "EUR", kind="person"),),
                "places": (P("Brussels", "BEL"),),
                "attributions": (T("the EU's envoy says"),),
                "text_before": "Serbia and Kosovo will meet in Brussels on Tuesday. ",
            },
            [
                ("CONSULT", "planned", {"SRB", "XKX"}, None, "BEL"),
                ("CONSULT", "cancelled", {"SRB", "XKX"}, None, "BEL"),
            ],
            id="cancelled-round-takes-the-parties-of-the-meeting",
        ),
        pytest.param(
            # an outright denial ("any direct meeting" denies only the mode: test_direct_contact.py)
            "Tehran denied that any meeting took place in Muscat.",
            {"actors": (A("Tehran", "IRN"),), "places": (P("Tehran", "IRN"), P("Muscat", "OMN"))},
            [("CONSULT", "denied", {"IRN"}, None, "OMN")],
            id="denied",
        ),
        pytest.param(
            "Last week an Azerbaijani news site reported that the two deputy prime ministers had held "
            "an unannounced meeting in Tbilisi; the Armenian government's spokesperson dismissed the "
            'report, saying "no such meeting took place".',
            {
                "actors": (A("Azerbaijani", "AZE"), A("Armenian", "ARM")),
                "places": (P("Tbilisi", "GEO"),),
                "attributions": (
                    T("an Azerbaijani news site reported", "an Azerbaijani news site"),
                ),
                "text_before": "Armenian and Azerbaijani officials met in Abu Dhabi on Tuesday. ",
            },
            [
                ("CONSULT", "occurred", {"ARM", "AZE"}, None, "ARE"),
                ("CONSULT", "denied", {"ARM", "AZE"}, None, "GEO"),
            ],
            id="denied-report-one-event",
        ),
        pytest.param(
            "Kosovo's government on Saturday denied a report that its negotiators had agreed in "
            "Brussels to have a draft statute for the association ready before the summer.",
            {"actors": (A("Kosovo's government", "XKX"),), "places": (P("Brussels", "BEL"),)},
            [("AGREE", "denied", {"XKX"}, None, "BEL")],
            id="denied-agreement",
        ),
        pytest.param(
            "Serbia's president and Kosovo's prime minister could meet later in the spring, EU "
            "officials said.",
            {
                "actors": (
                    A("Serbia's president", "SRB", kind="person"),
                    A("Kosovo's prime minister", "XKX", kind="person"),
                    A("EU officials", "EUR"),
                ),
                "attributions": (T("EU officials said", "EU officials"),),
            },
            [("CONSULT", "hypothetical", {"SRB", "XKX"}, None, None)],
            id="hypothetical",
        ),
        pytest.param(
            "Diplomats in Brussels said a meeting between the Serbian president and Kosovo's prime "
            "minister, hosted by the EU, could follow later in the spring.",
            {
                "actors": (A("Serbian", "SRB"), A("Kosovo's", "XKX"), A("EU", "EUR", kind="igo")),
                "places": (P("Brussels", "BEL"),),
            },
            [("CONSULT", "hypothetical", {"SRB", "XKX"}, "EUR", None)],
            id="hypothetical-noun-with-mediator",
        ),
        pytest.param(
            "Diplomats said the round could be held in Almaty in June if the situation on the border calms.",
            {
                "places": (P("Almaty", "KAZ"),),
                "text_before": "Armenia and Azerbaijan held talks in Washington. ",
            },
            [
                ("CONSULT", "occurred", {"ARM", "AZE"}, None, "USA"),
                ("CONSULT", "hypothetical", {"ARM", "AZE"}, None, "KAZ"),
            ],
            id="hypothetical-round-of-known-parties",
        ),
        pytest.param(
            "Vermeulen said the negotiators would meet again in Brussels on 24 March.",
            {
                "places": (P("Brussels", "BEL"),),
                "text_before": "Serbia and Kosovo met in Brussels on Thursday. ",
            },
            [
                ("CONSULT", "occurred", {"SRB", "XKX"}, None, "BEL"),
                ("CONSULT", "planned", {"SRB", "XKX"}, None, "BEL"),
            ],
            id="reported-would-is-planned",
        ),
        pytest.param(
            "Russia, Ukraine and the United States will hold trilateral talks in Geneva.",
            {
                "actors": (A("Russia", "RUS"), A("Ukraine", "UKR"), A("the United States", "USA")),
                "places": (P("Geneva", "CHE"),),
            },
            [("CONSULT", "planned", {"RUS", "UKR", "USA"}, None, "CHE")],
            id="planned-will",
        ),
        pytest.param(
            "The next round of the dialogue is scheduled for 24 March in Brussels.",
            {
                "places": (P("Brussels", "BEL"),),
                "text_before": "Serbia and Kosovo met in Brussels on Thursday. ",
            },
            [
                ("CONSULT", "occurred", {"SRB", "XKX"}, None, "BEL"),
                ("CONSULT", "planned", {"SRB", "XKX"}, None, "BEL"),
            ],
            id="planned-scheduled",
        ),
        pytest.param(
            "Serbia and Kosovo meet in Brussels on 24 March.",
            {
                "actors": (SRB, XKX),
                "places": (P("Brussels", "BEL"),),
                "dates": (D("on 24 March", "2026-03-24", "2026-03-24", "day"),),
                "published": "2026-03-10",
            },
            [("CONSULT", "planned", {"SRB", "XKX"}, None, "BEL")],
            id="planned-from-a-future-date",
        ),
        pytest.param(
            "Azerbaijan's armed forces are meanwhile holding large-scale command-staff exercises "
            "involving up to 15,000 troops.",
            {"actors": (A("Azerbaijan's armed forces", "AZE", "MIL"),)},
            [("MOBILIZE", "ongoing", {"AZE"}, None, None)],
            id="ongoing-progressive",
        ),
        pytest.param(
            "Talks between Armenia and Azerbaijan are under way in Abu Dhabi.",
            {"actors": (ARM, AZE), "places": (P("Abu Dhabi", "ARE"),)},
            [("CONSULT", "ongoing", {"ARM", "AZE"}, None, "ARE")],
            id="ongoing-under-way",
        ),
        pytest.param(
            "Kosovo's prime minister said on Sunday that his government would not return to the "
            'negotiating table "as long as Belgrade shelters the attackers".',
            {
                "actors": (
                    A("Kosovo's prime minister", "XKX", kind="person"),
                    A("Belgrade", "SRB"),
                ),
                "attributions": (T("Kosovo's prime minister said"),),
            },
            [("REJECT", "occurred", {"SRB", "XKX"}, None, None)],
            id="speech-act-with-would-occurred",
        ),
        pytest.param(
            "Some analysts believe a comprehensive peace treaty could be signed within months.",
            {"text_before": "Armenia and Azerbaijan held talks in Abu Dhabi. "},
            [
                ("CONSULT", "occurred", {"ARM", "AZE"}, None, "ARE"),
                ("AGREE", "hypothetical", {"ARM", "AZE"}, None, None),  # decision 15
            ],
            id="modal-inside-trigger",
        ),
    ],
)
def test_status(text: str, read: dict, want: list) -> None:
    read = dict(read)
    before = read.pop("text_before", "")
    if before:  # an earlier sentence of the same article, for anaphora and prior reports
        read["actors"] = _parties_of(before) + _after(before, read.get("actors", ()))
        read["places"] = _venues_of(before) + _after(before, read.get("places", ()))
    assert [summary(e) for e in code(before + text, **read)] == [
        (t, s, frozenset(p), m, loc) for t, s, p, m, loc in want
    ]


_KNOWN = {
    "Armenia": "ARM",
    "Azerbaijan": "AZE",
    "Serbia": "SRB",
    "Kosovo": "XKX",
    "Armenian": "ARM",
    "Azerbaijani": "AZE",
}
_CITIES = {"Washington": "USA", "Abu Dhabi": "ARE", "Brussels": "BEL"}


def _after(before: str, mentions: tuple) -> tuple:
    """The mentions of the tested sentence, skipping occurrences in the sentence before it."""
    return tuple(
        replace(m, nth=m.nth + len(re.findall(rf"(?<!\w){re.escape(m.surface)}(?!\w)", before)))
        for m in mentions
    )


def _parties_of(sentence: str) -> tuple:
    return tuple(A(w, c) for w, c in _KNOWN.items() if f"{w} " in sentence)


def _venues_of(sentence: str) -> tuple:
    return tuple(P(w, c) for w, c in _CITIES.items() if w in sentence)


@pytest.mark.parametrize(
    "text, actors",
    [
        pytest.param(
            "Officials on both sides said the two foreign ministers did not hold a separate "
            "bilateral meeting on the sidelines.",
            (),
            id="negated-no-actors",
        ),
        pytest.param(
            "Armenia and Azerbaijan did not hold talks on Tuesday.", (ARM, AZE), id="negated"
        ),
        pytest.param("Serbia and Kosovo have never met at this level.", (SRB, XKX), id="never"),
        pytest.param(
            'A US official said a final text "might be within reach by the summer", but cautioned '
            "that nothing had been agreed.",
            (A("US", "USA"),),
            id="nothing-agreed",
        ),
        pytest.param(
            "Pristina signed up to the association in a 2013 agreement but has never set it up.",
            (A("Pristina", "XKX"),),
            id="history-2013",
        ),
        pytest.param(
            "Oman has previously hosted talks between Iran and the United States.",
            (A("Oman", "OMN"), A("Iran", "IRN"), A("the United States", "USA")),
            id="history-previously-hosted",
        ),
        pytest.param(
            "The neighbours fought two wars over Karabakh, in the early 1990s and in 2020.",
            (),
            id="history-wars",
        ),
        pytest.param(
            "Skeptics point to earlier rounds of talks, mediated at different times by Moscow and "
            "Brussels, that produced promising statements and little else.",
            (A("Moscow", "RUS"), A("Brussels", "EUR", kind="igo")),
            id="history-earlier-rounds",
        ),
        pytest.param(
            "Azerbaijan holds such exercises several times a year.", (AZE,), id="habitual"
        ),
        pytest.param(
            "Oman has hosted talks between Iran and the United States before.",
            (A("Oman", "OMN"), A("Iran", "IRN"), A("the United States", "USA")),
            id="history-has-hosted",
        ),
        pytest.param(
            "The Iranian authorities have rejected those accounts, describing the unrest as riots "
            "organised by foreign enemies.",
            (A("The Iranian authorities", "IRN"),),
            id="rejecting-accounts-is-no-rejection",
        ),
        pytest.param(
            "Port operators have turned away vessels linked to the blacklisted companies.",
            (),
            id="adjective-blacklisted",
        ),
        pytest.param(
            "Switzerland's foreign ministry confirmed it was providing good offices for the meeting "
            "but declined to name the venue.",
            (A("Switzerland's foreign ministry", "CHE"),),
            id="declined-to-name",
        ),
        pytest.param(
            "Officials on both tracks have said the two meetings are unrelated and will be held at "
            "different venues.",
            (),
            id="plural-meetings",
        ),
        pytest.param(
            "Saturday's statement did not mention the talks directly.",
            (),
            id="negated-verb-not-noun",
        ),
        pytest.param(
            "Analysts cautioned that the talks could still stall over the constitutional question.",
            (),
            id="hedge",
        ),
        pytest.param(
            "Whether the two leaders will attend the Almaty meeting themselves remains unclear.",
            (),
            id="attendance-unclear",
        ),
        pytest.param(
            "An EU spokesperson declined to comment on the substance of the talks, saying only that "
            'the discussions "remain confidential".',
            (A("EU", "EUR", kind="igo"),),
            id="no-comment",
        ),
        pytest.param(
            "Analysts in Belgrade said the leak may have been intended to put pressure on Pristina "
            "ahead of the March round.",
            (A("Pristina", "XKX"),),
            id="circumstance",
        ),
    ],
)
def test_codes_nothing(text: str, actors: tuple) -> None:
    assert code(text, actors=actors, published="2026-03-10") == []


def test_negation_after_a_report_is_a_denial() -> None:
    text = (
        "Iranian and US officials met in Muscat on Sunday, a diplomat said. "
        "Tehran said no meeting with US officials took place."
    )
    actors = (A("Iranian", "IRN"), A("US", "USA"), A("Tehran", "IRN"), A("US", "USA", nth=1))
    events = code(
        text, actors=actors, places=(P("Muscat", "OMN"),), attributions=(T("a diplomat said"),)
    )
    assert [(e.event_type, e.status) for e in events] == [
        ("CONSULT", "occurred"),
        ("CONSULT", "denied"),
    ]


def test_a_condition_is_not_an_event() -> None:
    events = code(
        "Iran warned it would close the Strait of Hormuz if attacked.", actors=(A("Iran", "IRN"),)
    )
    assert [(e.event_type, e.status) for e in events] == [("THREATEN", "occurred")]


def test_dates_default_to_publication() -> None:
    past, future = code(
        "Armenia and Azerbaijan held talks. Armenia and Azerbaijan will meet again.",
        actors=(ARM, AZE, A("Armenia", "ARM", nth=1), A("Azerbaijan", "AZE", nth=1)),
        published="2026-03-10",
    )
    assert (past.date.start, past.date.end, past.date.precision) == (None, "2026-03-10", None)
    assert (future.date.start, future.date.end, future.date.precision) == ("2026-03-10", None, None)


# After "before"/"until", an act is read in its own clause: a present tense is a future act, and
# the main clause's date is the main act's ("..., state media said on Friday, days before the two
# countries resume talks": the talks are planned, and not on Friday).
_OMAN = A("Oman's foreign minister", "OMN", kind="person")
_IRN_USA = (A("Iran", "IRN"), A("the United States", "USA"))
_FRIDAY = D("on Friday", "2026-02-13", "2026-02-13", "day")


@pytest.mark.parametrize(
    "text, actors, dates, status, date",
    [
        pytest.param(
            "Oman's foreign minister flew home on Friday, days before Iran and the United States "
            "resume talks in Geneva.",
            (_OMAN, *_IRN_USA),
            (_FRIDAY,),
            "planned",
            "2026-02-14",  # no date of its own: from publication on
            id="days-before-they-resume",
        ),
        pytest.param(
            "Oman's foreign minister flew home on Friday, days before Iran and the United States "
            "resumed talks in Geneva.",
            (_OMAN, *_IRN_USA),
            (_FRIDAY,),
            "occurred",
            None,  # no date of its own: up to publication
            id="days-before-they-resumed",
        ),
        pytest.param(
            "The envoys will shuttle between the capitals until Iran and the United States meet "
            "again in Geneva on Tuesday.",
            _IRN_USA,
            (D("on Tuesday", "2026-02-17", "2026-02-17", "day"),),
            "planned",
            "2026-02-17",
            id="until-they-meet-on-tuesday",
        ),
        pytest.param(
            "Prisoner lists were swapped on Friday, hours before Iran and the United States hold a "
            "second round of talks in Geneva.",
            _IRN_USA,
            (_FRIDAY,),
            "planned",
            "2026-02-14",
            id="hours-before-they-hold",
        ),
    ],
)
def test_an_act_after_before_is_read_in_its_own_clause(text, actors, dates, status, date) -> None:
    (e,) = code(
        text, actors=actors, places=(P("Geneva", "CHE"),), dates=dates, published="2026-02-14"
    )
    assert summary(e) == ("CONSULT", status, frozenset({"IRN", "USA"}), None, "CHE")
    assert e.date.start == date
