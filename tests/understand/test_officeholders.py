"""The dated office-holder table: who held a post on a date, and which posts a person held."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from dragoman.understand.officeholders import (
    actor_office,
    holders,
    last_snapshot,
    posts,
    resolve_country,
    resolve_role,
)
from dragoman.understand.people import resolve_actors
from dragoman.understand.sentences import split_sentences

REPO = Path(__file__).resolve().parents[2]
BENCH = Path(os.environ.get("DRAGOMAN_BENCH") or REPO.parent / "shared" / "bench")


def holder(country: str, role: str, on: str) -> str | None:
    found = holders(country, role, on)
    return found[0].name if found else None


@pytest.mark.parametrize(
    "country, role, on, name",
    [
        # the US secretary of state changed hands in January 2009 (CountryInfo cabinet, days)
        ("USA", "foreign minister", "2008-06-01", "Condoleezza Rice"),
        ("USA", "foreign minister", "2010-06-01", "Hillary Clinton"),
        # one day overlaps two terms: the successor's first day is the successor's
        ("USA", "foreign minister", "2005-01-26", "Condoleezza Rice"),
        ("USA", "foreign minister", "2005-01-25", "Colin Powell"),
        # Italy 2022: Wikidata gives years only, world-leaders-current gives Meloni's day
        ("ITA", "head of government", "2022-06-01", "Mario Draghi"),
        ("ITA", "head of government", "2022-11-01", "Giorgia Meloni"),
        # roles and countries by other names; a month or a year asks about any day in it
        ("Germany", "chancellor", "2003-06", "Gerhard Schroder"),
        ("United States", "Secretary of State", "2022-06-01", "Antony Blinken"),
        ("Iran", "head of government", "2007", "Mahmoud Ahmadinejad"),
        # organisations by code or name
        ("IGOUNO", "igo head", "2020-06-01", "António Guterres"),
        ("WTO", "director-general", "2022-06-01", "Ngozi Okonjo-Iweala"),
        # the 2026 snapshot (world-leaders-current) reaches past the 2022 Wikidata rows
        ("USA", "head of state", "2025-06-01", "Donald Trump"),
    ],
)
def test_holder_on_a_date(country: str, role: str, on: str, name: str) -> None:
    assert holder(country, role, on) == name


def test_a_year_of_change_is_uncertain_at_the_sources_precision() -> None:
    # Wikidata: Trump 2017-2021, Biden 2021-; which of them on 1 June 2021 the years cannot say
    found = holders("USA", "head of state", "2021-06-01")
    assert {t.name for t in found} == {"Donald Trump", "Joe Biden"}
    assert not any(t.certain for t in found)
    assert all(t.certain for t in holders("USA", "head of state", "2022-06-01"))


def test_nothing_is_assumed_after_a_snapshot() -> None:
    # Blinken is open at the foreign-minister snapshot of 2022-12-10 and nothing is known after
    assert holder("USA", "foreign minister", "2022-12-01") == "Antony Blinken"
    assert holders("USA", "foreign minister", "2023-06-01") == []
    assert last_snapshot("USA", "foreign minister") == "2022-12-10"
    # Biden's open term is known to 2022-10-09; Trump's second only from 2025-01-20
    assert holders("USA", "head of state", "2024-06-01") == []


@pytest.mark.parametrize(
    "name, on, role, country",
    [
        ("Gerhard Schröder", "2003-06-01", "head of government", "DEU"),
        ("Gerhard Schroeder", "2003-06-01", "head of government", "DEU"),  # transliteration
        ("GERHARD SCHRODER", "2003-06-01", "head of government", "DEU"),
        ("Volodymyr Zelensky", "2022-06-01", "head of state", "UKR"),  # the table: Zelenskyy
        ("Nouri al Maliki", "2007-06-01", "head of government", "IRQ"),  # the table: Nuri al-Maliki
        ("Robert Gates", "2009-05-01", "defense minister", "USA"),  # the table: Robert M. Gates
        ("Abdel Fattah al-Sisi", "2022-06-01", "head of state", "EGY"),  # the table: el-Sisi
        ("Kim Jong Un", "2022-06-01", "head of state", "PRK"),  # the table: Kim Jong-un
    ],
)
def test_posts_of_a_name_in_its_spellings(name: str, on: str, role: str, country: str) -> None:
    assert [(t.role, t.country) for t in posts(name, on)] == [(role, country)]


def test_posts_before_during_and_after_a_term() -> None:
    assert posts("Gerhard Schröder", "1997-06-01") == []  # chancellor from 27 October 1998
    assert [t.role for t in posts("Gerhard Schröder", "1999-06-01")] == ["head of government"]
    assert posts("Gerhard Schröder", "2006-06-01") == []  # succeeded on 22 November 2005


def test_every_post_of_a_person_in_order() -> None:
    terms = [(t.role, t.start) for t in posts("Vladimir Putin")]
    assert terms == [
        ("head of government", "1999-08-09"),
        ("head of state", "1999-12-31"),
        ("head of government", "2008-05-08"),
        ("head of state", "2012-05-07"),  # one term from two sources: the exact start wins
    ]


def test_loose_spellings_only_for_a_lookup_by_name() -> None:
    # consonants alike: "Ahmedinejad", "Husni Mubarek"; the people reader never goes this far
    assert [t.name for t in posts("Mahmoud Ahmedinejad", "2007-06-01")] == ["Mahmoud Ahmadinejad"]
    assert [t.name for t in posts("Husni Mubarek", "2005-06-01")] == ["Hosni Mubarak"]
    assert posts("Mahmoud Ahmedinejad", "2007-06-01", fuzzy=False) == []
    # first name + surname for a long Gulf name
    found = posts("Badr Albusaidi", "2022-06-01")
    assert [(t.name, t.role) for t in found] == [
        ("Badr bin Hamad bin Hamood Al Busaidi", "foreign minister")
    ]


def test_unknown_people_and_bad_questions() -> None:
    assert posts("Jane Q. Nobodyhere") == []
    assert posts("Putin") == []  # a surname alone names too many people
    with pytest.raises(ValueError, match="Atlantis"):
        holders("Atlantis", "head of state", "2020")
    with pytest.raises(ValueError, match="emperor"):
        holders("USA", "emperor", "2020")
    with pytest.raises(ValueError, match="2020-13-01"):
        holders("USA", "head of state", "2020-13-01")
    assert resolve_country("the U.S.") == "USA" and resolve_country("NATO") == "IGOWSTNAT"
    assert resolve_role("Prime Minister") == "head of government"


@pytest.mark.parametrize(
    "name, on, country, sector, title",
    [
        ("Vladimir Putin", "2013-06-01", "RUS", "GOV", "President of Russia"),
        ("Robert Gates", "2009-05-01", "USA", "MIL", "Secretary of Defense"),
        # past every snapshot of his post: still in office as last seen, but no title
        ("Vladimir Putin", None, "RUS", "GOV", None),
        ("Volodymyr Zelensky", "2026-01-15", "UKR", "GOV", None),
        # an organisation's official: its slot, no sector
        ("Antonio Guterres", "2026-01-15", "UNO", None, None),
        # a notable post long over: a former official
        ("Hosni Mubarak", "2026-01-01", "EGY", "ELI", None),
        # France, where most of his rows are, not Andorra where he is co-prince too
        ("Emmanuel Macron", "2022-06-01", "FRA", "GOV", "President of the French Republic"),
    ],
)
def test_actor_office(
    name: str, on: str | None, country: str, sector: str | None, title: str | None
) -> None:
    office = actor_office(name, on)
    assert office is not None
    assert (office.country, office.sector, office.title) == (country, sector, title)


def test_actor_office_is_none_before_a_first_post() -> None:
    assert actor_office("Giorgia Meloni", "2019-01-01") is None  # prime minister from 2022
    assert actor_office("Jane Q. Nobodyhere", "2022-01-01") is None


def people(text: str, published: str | None) -> dict[str, tuple[str | None, str | None]]:
    mentions = resolve_actors(text, split_sentences(text), published=published)
    return {m.actor.text: (m.actor.country, m.actor.sector) for m in mentions if m.actor.kind == "person"}  # fmt: skip


def test_people_reader_takes_the_post_held_on_the_publication_date() -> None:
    text = "Hosni Mubarak received Condoleezza Rice in Cairo on Monday. Mubarak said little."
    assert people(text, "2005-06-20") == {
        "Hosni Mubarak": ("EGY", "GOV"),
        "Condoleezza Rice": ("USA", "GOV"),
        "Mubarak": ("EGY", "GOV"),
    }
    # the same names in a text of 2026: both long out of office
    assert people(text, "2026-01-01")["Condoleezza Rice"] == ("USA", "ELI")


def test_people_reader_keeps_the_role_the_text_gives() -> None:
    text = "Former foreign minister Antony Blinken spoke in Berlin."
    assert people(text, "2022-06-01") == {"Antony Blinken": ("USA", "ELI")}
    text = "Robert Gates, the US defense secretary, met Hamid Karzai in Kabul."
    assert people(text, "2009-12-08")["Robert Gates"] == ("USA", "MIL")


@pytest.mark.skipif(
    not (BENCH / "gazetteer" / "leaders.jsonl").is_file(),
    reason=f"no gazetteer at {BENCH / 'gazetteer'}; set DRAGOMAN_BENCH to check the build",
)
def test_packaged_table_is_what_the_builder_makes(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "tools" / "build_officeholders.py"),
         "--shared", str(BENCH.parent), "--out", str(tmp_path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    built = (tmp_path / "officeholders.tsv.gz").read_bytes()
    packaged = resources.files("dragoman").joinpath("data/actors/officeholders.tsv.gz").read_bytes()
    assert gzip.decompress(built) == gzip.decompress(packaged)
    assert built == packaged  # no time stamp in the gzip header: the same bytes every time
