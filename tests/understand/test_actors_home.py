"""A titled person neither the text nor the office-holder table places takes the one country
their sentence names before them (understand.actors_coref.with_home_countries)."""

from __future__ import annotations

from dragoman import understand
from dragoman.model import Article, DateValue
from dragoman.options import Options


def people(text: str) -> list[tuple[str, str | None, str | None]]:
    article = Article(id="a", raw_id="r", origin="test", title=None, text=text,
                      published=DateValue(start="2026-02-15", end="2026-02-15", precision="day"))  # fmt: skip
    found = understand.annotate(article, Options().understand).actors
    return [(m.actor.text or "", m.actor.country, m.actor.sector)
            for m in found if m.actor.kind == "person"]  # fmt: skip


def test_an_unknown_president_takes_the_country_named_before_him() -> None:
    text = (
        "Rebels in Ivory Coast rejected an appeal from President Henri Konan to lay down their "
        "arms. Konan said on Friday that the offer stood."
    )
    # the later mention by surname is the same person, with the same country
    assert people(text) == [("Henri Konan", "CIV", "GOV"), ("Konan", "CIV", "GOV")]


def test_a_country_named_later_in_another_act_does_not_unplace_the_person() -> None:
    text = (
        "A Malian judge ordered former president Amadou Sangare to appear for questioning over "
        "arms sales to Niger and Chad in the 1990s."
    )
    assert ("Amadou Sangare", "MLI", "ELI") in people(text)  # a former president: elite


def test_a_possessive_country_places_the_titled_person() -> None:
    text = "Mali's opposition leader rejected the re-election of President Amadou Sangare."
    assert ("Amadou Sangare", "MLI", "GOV") in people(text)


def test_two_countries_or_a_foreign_colleague_leave_the_person_unplaced() -> None:
    assert people("Iran and the US rejected an appeal from President Henri Konan.") == [
        ("Henri Konan", None, "GOV")
    ]
    # a country named after the person counts too: the American side is the envoy's
    found = people(
        "Foreign Minister Abbas Araghchi will lead the Iranian team and special envoy "
        "Henri Konan the American one."
    )
    assert ("Henri Konan", None, "GOV") in found
    # the demonym is the Russian minister's, not the secretary's
    found = people(
        "Secretary of State Rex Tillerson and Russian Foreign Minister Sergey Lavrov met."
    )
    assert ("Rex Tillerson", None, "GOV") in found


def test_an_organisation_is_no_home() -> None:
    assert people("The United Nations welcomed a pledge by President Henri Konan.") == [
        ("Henri Konan", None, "GOV")
    ]
