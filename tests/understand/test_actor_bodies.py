"""Who a phrase is when it names a body, a led force, a minority or a state that came later:
"Rwandan-led forces", "the Nigeria Assembly", "ethnic Hungarians in southern Slovakia", "Juba"."""

from __future__ import annotations

import pytest

from dragoman import understand
from dragoman.model import Article, DateValue
from dragoman.options import Options
from tests.understand.mentioned import actors


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "X-led" forces are X's forces; "X-backed" ones are not X's (X only backs them)
        (
            "Rwandan-led forces attacked rebel positions near the border.",
            ("Rwandan-led forces", "RWA", "MIL"),
        ),
        ("US-led troops withdrew from the airbase on Friday.", ("US-led troops", "USA", "MIL")),
        ("Iranian-backed militias fired on the convoy.", ("Iranian", "IRN", "GOV")),
        # a body named after its country: the role noun after the capitalised name decides
        (
            "The teachers demanded higher wages from the Nigeria Assembly.",
            ("the Nigeria Assembly", "NGA", "LEG"),
        ),
        (
            "Croatian Pensioners Association officials met the finance minister.",
            ("Croatian Pensioners Association officials", "HRV", "SOC"),
        ),
        (
            "The opposition leader was questioned by the Kenya Anti-Corruption Commission.",
            ("the Kenya Anti-Corruption Commission", "KEN", "GOV"),
        ),
        # opposition groups and newspapers, with the country an "in" phrase names
        (
            "Opposition groups in Zimbabwe demanded a recount.",
            ("Opposition groups in Zimbabwe", "ZWE", "OPP"),
        ),
        (
            "A newspaper based in Beirut accused the minister of lying.",
            ("newspaper based in Beirut", "LBN", "JRN"),
        ),
        # a minority is coded by where it lives when "in" names the place
        (
            "Ethnic Hungarians in southern Slovakia demanded autonomy from Bratislava.",
            ("Ethnic Hungarians in southern Slovakia", "SVK", "CVL"),
        ),
        # ... and by no country when none is named: a people is not its kin state (the act's
        # place gives it one in the coder)
        ("Ethnic Serbs blocked the bridge at dawn.", ("Ethnic Serbs", None, "CVL")),
    ],
)
def test_bodies_led_forces_and_minorities(
    sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in actors(sentence), actors(sentence)


def test_a_country_name_before_a_weekday_is_still_the_country() -> None:
    text = "Serbia Tuesday accused Kosovo of provocations at the crossing."
    assert ("Serbia", "SRB", "GOV") in actors(text)


def test_a_body_name_is_not_read_as_a_person() -> None:
    # "Teachers" is a title word for the people reader; "Association" is never a name
    article = Article(id="a", raw_id="r", origin="test", title=None,
                      text="The Lagos Teachers Association called a strike.", published=None)  # fmt: skip
    found = understand.annotate(article, Options().understand).actors
    assert [m.actor.kind for m in found if m.actor.text == "Association"] == []
    assert ("Teachers Association", None, "EDU") in [
        (m.actor.text, m.actor.country, m.actor.sector) for m in found
    ]


def _annotated(text: str, published: str) -> list[tuple[str, str | None]]:
    article = Article(id="a", raw_id="r", origin="test", title=None, text=text,
                      published=DateValue(start=published, end=published, precision="day"))  # fmt: skip
    found = understand.annotate(article, Options().understand).actors
    return [(text[m.start : m.end], m.actor.country) for m in found]


@pytest.mark.parametrize(
    "published, country",
    [("2005-03-01", "SDN"), ("2011-07-08", "SDN"), ("2011-07-09", "SSD"), ("2024-01-10", "SSD")],
)
def test_a_state_carved_out_later_reads_as_its_former_state_before_it(
    published: str, country: str
) -> None:
    text = "Juba accused Khartoum of arming the militias."
    assert ("Juba", country) in _annotated(text, published)
    assert ("Khartoum", "SDN") in _annotated(text, published)


@pytest.mark.parametrize(
    "text, place",
    [
        # a dateline's region after its city is a place too
        ("GAZA CITY, Palestinian Territories: Israeli troops raided a camp.", "Palestinian"),
        ("KYIV, Ukraine — Russia accused its neighbour of sabotage.", "Ukraine"),
        # a region of a place after "in the north of"
        ("Turkish jets struck targets in the north of Iraq on Sunday.", "Iraq"),
        ("Fighting spread in northern parts of Syria overnight.", "Syria"),
    ],
)
def test_datelines_and_regions_are_places_not_actors(text: str, place: str) -> None:
    assert not any(phrase.startswith(place) for phrase, _, _ in actors(text)), actors(text)


def test_a_nationality_after_in_is_not_a_place() -> None:
    text = "Four villagers were killed in Israeli shelling on Friday."
    assert ("Israeli shelling", "ISR", None) in actors(text)


def _possessed(text: str) -> list[tuple[str, str | None, str | None]]:
    article = Article(id="a", raw_id="r", origin="test", title=None, text=text, published=None)
    found = understand.annotate(article, Options().understand).actors
    return [(text[m.start : m.end], m.actor.country, m.actor.sector) for m in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Serbian officials said on Tuesday their forces had completed the withdrawal.",
            ("their forces", "SRB", "MIL"),
        ),
        ("Turkey said its troops had shelled the border posts.", ("its troops", "TUR", "MIL")),
        (
            "Kosovo's prime minister said his government would not return to the talks.",
            ("his government", "XKX", "GOV"),
        ),
        # a possessive opening a sentence: the owner named in the sentence before
        (
            "Azerbaijan closed the crossing on Monday. Its border guards turned back the trucks.",
            ("Its border guards", "AZE", "MIL"),
        ),
    ],
)
def test_a_possessive_gives_its_role_noun_the_owners_country(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _possessed(text), _possessed(text)


@pytest.mark.parametrize(
    "text, phrase",
    [
        # two countries before the pronoun: whose negotiators is not plain
        ("Iran and the United States said their negotiators would meet again.", "negotiators"),
        ("Moscow accused Kyiv of attacking its soldiers near the border.", "soldiers"),
    ],
)
def test_a_possessive_with_two_possible_owners_is_left_alone(text: str, phrase: str) -> None:
    assert all(country is None for p, country, _ in _possessed(text) if p.endswith(phrase))


@pytest.mark.parametrize(
    "text, name, sector",
    [
        # the body a title belongs to decides over the title and over the office-holder table
        (
            "Activists rallied in Ankara against the party's leader Kemal Kilicdaroglu.",
            "Kemal Kilicdaroglu",
            "PTY",
        ),
        (
            "Activists rallied in Ramallah against the party's leader Mahmoud Abbas.",
            "Mahmoud Abbas",
            "PTY",
        ),
        ("The army's commander Yasar Guler met the visiting delegation.", "Yasar Guler", "MIL"),
    ],
)
def test_a_title_of_a_named_body_takes_its_sector(text: str, name: str, sector: str) -> None:
    found = _possessed(text)
    assert any(p.endswith(name) and s == sector for p, _, s in found), found
