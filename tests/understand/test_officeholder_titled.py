"""A leader named by title and surname: "President Trump", "Chancellor Merz"."""

from __future__ import annotations

import pytest

from dragoman import understand
from dragoman.model import Article, DateValue
from dragoman.options import Options
from dragoman.understand._officeholder_titled import titled_office


def people(text: str, published: str) -> list[tuple[str, str | None]]:
    article = Article(id="a", raw_id="r", origin="test", title=None, text=text,
                      published=DateValue(start=published, end=published, precision="day"))  # fmt: skip
    found = understand.annotate(article, Options().understand).actors
    return [(m.actor.text or "", m.actor.country) for m in found if m.actor.kind == "person"]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("President Trump threatened new tariffs on steel.", "2025-05-01", ("Trump", "USA")),
        ("Chancellor Merz spoke to reporters in Berlin.", "2025-06-01", ("Merz", "DEU")),
        ("Prime Minister Starmer flew to Washington.", "2025-06-01", ("Starmer", "GBR")),
        ("President Putin accused the West of escalation.", "2024-01-01", ("Putin", "RUS")),
        # a placeholder date between two terms of the same country's presidents
        ("President Bush threatened further action.", "2000-01-01", ("Bush", "USA")),
    ],
)
def test_a_titled_surname_names_the_posts_holder(
    text: str, published: str, expected: tuple[str, str]
) -> None:
    assert expected in people(text, published), people(text, published)


def test_a_surname_held_in_several_countries_stays_unknown() -> None:
    # Korea and others have had presidents named Lee: no one country
    assert titled_office("Lee", "President", "2024-01-01") is None


def test_a_title_is_needed_and_must_fit_the_post() -> None:
    assert titled_office("Trump", "", "2025-05-01") is None
    office = titled_office("Trump", "President", "2025-05-01")
    assert office is not None and office.country == "USA" and office.sector == "GOV"


def test_a_king_is_named_without_his_regnal_number() -> None:
    # the table lists "Hassan II"; news writes "King Hassan"
    assert ("Hassan", "MAR") in people("King Hassan received the envoy in Rabat.", "1995-03-01")


def test_a_post_bearing_the_title_wins_over_one_of_the_same_rank() -> None:
    # a head of state named Hassan who was a president is no "King Hassan"
    office = titled_office("Hassan", "King", "2002-01-01")
    assert office is None or office.title == "King", office
