"""People: names with the roles the article gives them, and their later mentions."""

from __future__ import annotations

import pytest

from dragoman.model import Actor, ActorMention, Sentence
from dragoman.understand.actors import find_actors
from dragoman.understand.people import find_people, merge_people, resolve_actors
from dragoman.understand.sentences import split_sentences


def split(text: str) -> list[Sentence]:
    """The pipeline's own sentences, as find_* receive them."""
    return list(split_sentences(text))


def people(text: str) -> list[ActorMention]:
    sentences = split(text)
    return find_people(text, sentences, find_actors(text, sentences))


def person(text: str, name: str) -> Actor:
    found = [m.actor for m in people(text) if m.actor.text == name]
    assert found, [(m.actor.text, m.actor.country) for m in people(text)]
    return found[0]


@pytest.mark.parametrize(
    "text, name, country, sector, title",
    [
        # NAME, TITLE of COUNTRY('s ...)
        (
            (
                "Ali Larijani, secretary of Iran's Supreme National Security Council, received a "
                "message from the United States through Omani intermediaries."
            ),
            "Ali Larijani",
            "IRN",
            "GOV",
            "secretary of Iran's Supreme National Security Council",
        ),
        (
            (
                "A message was passed to Ali Larijani, the head of Iran’s Supreme National "
                "Security Council secretariat, by Omani intermediaries."
            ),
            "Ali Larijani",
            "IRN",
            "GOV",
            "head of Iran’s Supreme National Security Council secretariat",
        ),
        # COUNTRY's TITLE NAME
        (
            "Iran's Foreign Minister Abbas Araghchi said the talks were serious.",
            "Abbas Araghchi",
            "IRN",
            "GOV",
            "Foreign Minister",
        ),
        (
            "Oman’s Foreign Minister Badr Albusaidi will chair the talks.",
            "Badr Albusaidi",
            "OMN",
            "GOV",
            "Foreign Minister",
        ),
        # DEMONYM / COUNTRY TITLE NAME
        (
            "US special envoy Steve Witkoff arrived in Geneva.",
            "Steve Witkoff",
            "USA",
            "GOV",
            "special envoy",
        ),
        ("U.S. envoy Steve Witkoff arrived in Geneva.", "Steve Witkoff", "USA", "GOV", "envoy"),
        (
            "Iranian Foreign Minister Abbas Araghchi will travel to Geneva on Monday.",
            "Abbas Araghchi",
            "IRN",
            "GOV",
            "Foreign Minister",
        ),
        (
            "Omani Foreign Minister Badr Albusaidi hosted the delegations.",
            "Badr Albusaidi",
            "OMN",
            "GOV",
            "Foreign Minister",
        ),
        # TITLE NAME of COUNTRY
        (
            "Foreign Minister Badr Albusaidi of Oman hosted the talks.",
            "Badr Albusaidi",
            "OMN",
            "GOV",
            "Foreign Minister",
        ),
        # NAME, the COUNTRY TITLE / NAME, COUNTRY's TITLE
        (
            "Abbas Araghchi, the Iranian foreign minister, said the offer was unacceptable.",
            "Abbas Araghchi",
            "IRN",
            "GOV",
            "Iranian foreign minister",
        ),
        (
            "Badr Albusaidi, Oman's foreign minister, urged both sides to show flexibility.",
            "Badr Albusaidi",
            "OMN",
            "GOV",
            "Oman's foreign minister",
        ),
        # title words decide the sector
        (
            "Iranian armed forces chief of staff Major General Mohammad Bagheri warned Washington.",
            "Mohammad Bagheri",
            "IRN",
            "MIL",
            None,
        ),
        (
            "Venezuelan opposition leader Maria Corina Machado called for protests.",
            "Maria Corina Machado",
            "VEN",
            "OPP",
            "opposition leader",
        ),
        (
            "Former Israeli prime minister Ehud Olmert criticised the plan.",
            "Ehud Olmert",
            "ISR",
            "ELI",
            None,
        ),
        ("Hamas leader Yahya Sinwar rejected the offer.", "Yahya Sinwar", "PSE", "REB", "leader"),
        # particles inside names
        (
            "Iraqi Prime Minister Mohammed Shia al-Sudani met the delegation.",
            "Mohammed Shia al-Sudani",
            "IRQ",
            "GOV",
            "Prime Minister",
        ),
        (
            "European Commission President Ursula von der Leyen announced the package.",
            "Ursula von der Leyen",
            "EUR",
            "GOV",
            "President",
        ),
        # TITLE, NAME,
        (
            "The Kremlin spokesman, Dmitry Peskov, said Moscow was ready.",
            "Dmitry Peskov",
            "RUS",
            "GOV",
            "spokesman",
        ),
    ],
)
def test_person_with_role_from_the_text(
    text: str, name: str, country: str, sector: str, title: str | None
) -> None:
    actor = person(text, name)
    assert (actor.name, actor.country, actor.sector, actor.kind) == (
        name,
        country,
        sector,
        "person",
    )
    if title is not None:
        assert actor.title == title


def test_person_mention_spans_the_title_and_replaces_actors_inside_it() -> None:
    text = (
        "Ali Larijani, secretary of Iran's Supreme National Security Council, received a "
        "message from the United States through Omani intermediaries."
    )
    merged = resolve_actors(text, split(text))
    assert [(text[m.start : m.end], m.actor.kind) for m in merged] == [
        ("Ali Larijani, secretary of Iran's Supreme National Security Council", "person"),
        ("the United States", "state"),
        ("Omani intermediaries", "state"),
    ]
    assert merged[0].actor.text == "Ali Larijani"


def test_later_surname_mentions_resolve_to_the_same_person() -> None:
    text = (
        "Ali Larijani, secretary of Iran's Supreme National Security Council, received the "
        "message on Friday. Larijani said it would be studied carefully. "
        "US special envoy Steve Witkoff will lead the American team. Witkoff said he was hopeful, "
        "and Larijani's office did not comment."
    )
    mentions = people(text)
    got = [
        (m.actor.text, m.actor.name, m.actor.country, m.actor.sector, m.sentence) for m in mentions
    ]
    assert got == [
        ("Ali Larijani", "Ali Larijani", "IRN", "GOV", 0),
        ("Larijani", "Ali Larijani", "IRN", "GOV", 1),
        ("Steve Witkoff", "Steve Witkoff", "USA", "GOV", 2),
        ("Witkoff", "Steve Witkoff", "USA", "GOV", 3),
        ("Larijani", "Ali Larijani", "IRN", "GOV", 3),
    ]
    titles = {m.actor.text: m.actor.title for m in mentions}
    assert titles["Larijani"] == "secretary of Iran's Supreme National Security Council"
    for m in mentions[1:2] + mentions[3:]:
        assert text[m.start : m.end] == m.actor.text


def test_a_surname_two_people_share_resolves_to_neither() -> None:
    text = (
        "Iranian Foreign Minister Abbas Araghchi met Deputy Foreign Minister Kazem Araghchi. "
        "Araghchi said the talks went well."
    )
    assert [m.actor.text for m in people(text)] == ["Abbas Araghchi", "Kazem Araghchi"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "US and Iranian delegations, led by Steve Witkoff and Abbas Araghchi, met on Friday.",
            [("Steve Witkoff", "USA"), ("Abbas Araghchi", "IRN")],
        ),
        (
            (
                "The US delegation in Geneva will be led by special envoy Steve Witkoff and Jared "
                "Kushner, while Iran’s team will be headed by Foreign Minister Abbas Araghchi."
            ),
            [("Steve Witkoff", "USA"), ("Jared Kushner", "USA"), ("Abbas Araghchi", "IRN")],
        ),
        (
            "Foreign Minister Abbas Araghchi will lead the Iranian side.",
            [("Abbas Araghchi", "IRN")],
        ),
        (
            "Geneva will host talks with US envoys Steve Witkoff and Jared Kushner.",
            [("Steve Witkoff", "USA"), ("Jared Kushner", "USA")],
        ),
    ],
)
def test_led_by_and_coordinated_names(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(m.actor.text, m.actor.country) for m in people(text)]
    assert got == expected
    assert all(m.actor.sector == "GOV" for m in people(text))


def test_known_office_holder_gets_a_country_without_a_title() -> None:
    text = "Vladimir Putin said the Kremlin was ready for talks."
    actor = person(text, "Vladimir Putin")
    assert (actor.country, actor.sector, actor.title) == ("RUS", "GOV", None)


@pytest.mark.parametrize(
    "text",
    [
        "The talks in Geneva, a traditional venue for negotiations, will start on Tuesday.",
        "Witkoff said he was hopeful.",  # a surname nobody introduced
        "Protesters gathered in Tehran on Saturday, witnesses said.",
    ],
)
def test_no_person_without_a_role(text: str) -> None:
    assert people(text) == []


def test_merge_people_replaces_overlapping_actor_mentions() -> None:
    text = "Iran's Foreign Minister Abbas Araghchi met Omani officials."
    sentences = split(text)
    actors = find_actors(text, sentences)
    assert [text[m.start : m.end] for m in actors] == ["Iran's Foreign Minister", "Omani officials"]
    merged = merge_people(actors, find_people(text, sentences, actors))
    assert [(text[m.start : m.end], m.actor.kind) for m in merged] == [
        ("Iran's Foreign Minister Abbas Araghchi", "person"),
        ("Omani officials", "state"),
    ]


def test_a_name_of_particle_words_only_does_not_break_the_reader() -> None:
    # unit names written like "Liwaa Abu Fadl Al-Abbas ... and Liwaa Imam Al-Ali": after
    # particles are dropped nothing may be left, which once raised StopIteration
    text = (
        "The brigade, backed by Russian marines, Liwaa Abu Fadl Al-Abbas and Liwaa Imam Al-Ali, "
        "began its assault on the gas fields, commander Abu Al said on Monday."
    )
    mentions = people(text)
    assert [m.actor.title for m in mentions if m.actor.text == "Abu Al"] == ["commander"]
