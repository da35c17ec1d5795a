"""Understand stage: Article -> Annotations (sentences, actors, people, places, dates, attribution).

Each reader is its own module with the signature ``find_X(text, sentences, ...)``; this module only
runs them in order. People come after actors because a person's apposition ("Ali Larijani,
secretary of Iran's Supreme National Security Council") absorbs the country mention inside it.
"""

from __future__ import annotations

from dragoman.model import Annotations, Article
from dragoman.options import UnderstandOptions
from dragoman.understand.actors import find_actors
from dragoman.understand.actors_coref import (
    find_pronoun_actors,
    with_home_countries,
    with_possessive_owners,
)
from dragoman.understand.actors_dated import as_of
from dragoman.understand.attribution import find_attributions
from dragoman.understand.dates import find_dates
from dragoman.understand.people import find_people, merge_people
from dragoman.understand.places import find_places
from dragoman.understand.sentences import split_sentences

__all__ = ["annotate", "split_sentences"]


def annotate(article: Article, opts: UnderstandOptions) -> Annotations:
    """Read one article: every mention carries its sentence index and offsets into article.text."""
    text = article.text
    sentences = split_sentences(text)
    actors = find_actors(text, sentences)
    people = find_people(text, sentences, actors, published=article.published)
    named = with_home_countries(merge_people(actors, people))  # "... from President Konan"
    pronouns = find_pronoun_actors(text, sentences, named)  # "Kushner ... He met"
    found = with_possessive_owners(text, sentences, [*named, *pronouns])  # "its forces"
    return Annotations(
        article_id=article.id,
        sentences=sentences,
        actors=tuple(as_of(found, article.published)),
        places=tuple(find_places(text, sentences, min_population=opts.min_city_population)),
        dates=tuple(find_dates(text, sentences, article.published)),
        attributions=tuple(find_attributions(text, sentences)),
    )
