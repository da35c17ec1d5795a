"""Pronoun subjects: "He"/"She" at the head of a sentence stands for the person named just before."""

from __future__ import annotations

from dragoman.model import ActorMention
from dragoman.understand.actors import find_actors
from dragoman.understand.actors_coref import find_pronoun_actors
from dragoman.understand.people import find_people, merge_people
from dragoman.understand.sentences import split_sentences


def pronouns(text: str) -> list[tuple[str, str, str | None, str | None]]:
    sentences = split_sentences(text)
    actors = find_actors(text, sentences)
    named = merge_people(actors, find_people(text, sentences, actors, published="2026-02-15"))
    found: list[ActorMention] = find_pronoun_actors(text, sentences, named)
    return [(text[m.start : m.end], m.actor.name, m.actor.country, m.actor.sector) for m in found]


def test_he_is_the_person_named_in_the_sentence_before() -> None:
    text = (
        "Jared Kushner, the US envoy, arrived in Cairo on Monday. "
        "He met Egyptian President Abdel Fattah al-Sisi on Tuesday."
    )
    assert pronouns(text) == [("He", "Jared Kushner", "USA", "GOV")]


def test_after_an_opening_phrase_and_by_title() -> None:
    text = (
        "The Omani foreign minister flew to Tehran on Sunday. "
        "On Monday, he delivered a message to Iranian officials."
    )
    assert pronouns(text) == [("he", "Oman", "OMN", "GOV")]


def test_she_reaches_back_over_a_sentence_without_a_person() -> None:
    text = (
        "Kaja Kallas, the EU's foreign policy chief, spoke in Brussels. "
        "The talks had stalled for weeks. "
        "She urged Belgrade and Pristina to return to the table."
    )
    assert [(p[0], p[2]) for p in pronouns(text)] == [("She", "EUR")]


def test_no_antecedent_no_actor() -> None:
    # a body is no "he"; and a pronoun that is not the subject is left alone
    assert pronouns("Iranian officials met Omani mediators. He urged calm.") == []
    assert pronouns("Kushner met Sisi in Cairo. Officials said they thanked him.") == []


def test_they_continues_the_previous_sentences_plural_subject() -> None:
    text = (
        "Venezuelan officials met Brazilian mediators in Brasilia on Sunday. "
        "They asked Washington to ease the oil embargo."
    )
    assert pronouns(text) == [("They", "Venezuela", "VEN", "GOV")]
    text = "Kachin rebels overran an army post on Friday. On Saturday, they shelled Myitkyina."
    assert [(p[0], p[2], p[3]) for p in pronouns(text)] == [("they", "MMR", "REB")]


def test_they_after_a_pair_a_person_or_a_country_is_left_alone() -> None:
    assert pronouns("Chile and Peru held talks in Lima. They agreed to meet again.") == []
    assert pronouns("Chile protested to Peru on Monday. They want an apology.") == []
    # not the sentence's subject
    assert pronouns("Bolivian troops crossed the border. Witnesses said they fired shots.") == []
