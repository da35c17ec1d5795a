"""Actor mentions: countries, seats, nationalities with role nouns, groups and organisations."""

from __future__ import annotations

import itertools
import json
import os
from importlib import resources
from pathlib import Path

import pytest
import yaml

from dragoman.model import ActorMention, Sentence
from dragoman.understand.actors import find_actors
from dragoman.understand.gazetteer import load_gazetteer
from dragoman.understand.people import resolve_actors
from dragoman.understand.sentences import split_sentences

BENCH = Path(os.environ.get("DRAGOMAN_BENCH") or Path(__file__).resolve().parents[3] / "shared" / "bench") / "actors" / "actor_phrases.jsonl"
DATA = Path(str(resources.files("dragoman").joinpath("data/actors")))
PLOVER_SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}  # fmt: skip


def split(text: str) -> list[Sentence]:
    """The pipeline's own sentences, as find_* receive them."""
    return list(split_sentences(text))


def actors(text: str) -> list[ActorMention]:
    return find_actors(text, split(text))


def codes(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(text[m.start : m.end], m.actor.country, m.actor.sector) for m in actors(text)]


def covering(mentions: list[ActorMention], text: str, phrase: str) -> ActorMention | None:
    start = text.index(phrase)
    end = start + len(phrase)
    found = [m for m in mentions if m.start < end and start < m.end]
    return max(found, key=lambda m: min(m.end, end) - max(m.start, start)) if found else None


# ----------------------------------------------------------------------------- countries


@pytest.mark.parametrize(
    "sentence, phrase, country",
    [
        ("Iran rejected the proposal on Monday.", "Iran", "IRN"),
        ("The United States has imposed new sanctions.", "The United States", "USA"),
        ("The US has imposed sanctions aimed at crippling the Iranian economy.", "The US", "USA"),
        ("U.S. and European diplomats disagreed.", "U.S.", "USA"),
        ("Iran accused the U.S of bad faith.", "the U.S", "USA"),
        ("USA and Mexico signed the accord.", "USA", "USA"),
        ("America will not back down, the president said.", "America", "USA"),
        ("Britain summoned the ambassador.", "Britain", "GBR"),
        ("The UK joined the statement.", "The UK", "GBR"),
        ("The UAE offered to mediate between the two sides.", "The UAE", "ARE"),
        ("Kosovo accused Serbia of stoking tension in the north.", "Kosovo", "XKX"),
        ("Serbia denied the charge.", "Serbia", "SRB"),
        ("Georgia condemned the move by the breakaway region.", "Georgia", "GEO"),
        ("Türkiye offered to host the next round.", "Türkiye", "TUR"),
        ("The Netherlands recalled its envoy.", "The Netherlands", "NLD"),
    ],
)
def test_country_names_are_governments(sentence: str, phrase: str, country: str) -> None:
    m = covering(actors(sentence), sentence, phrase)
    assert m is not None, codes(sentence)
    assert (sentence[m.start : m.end], m.actor.country, m.actor.sector) == (phrase, country, "GOV")
    assert m.actor.kind == "state"
    assert m.actor.text == phrase


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister told us that the talks would resume.",
        "Let us be clear about what was agreed.",
        "A turkey farm and fine china were damaged in the storm.",
    ],
)
def test_pronoun_us_and_common_words_are_not_countries(sentence: str) -> None:
    assert [c for c in codes(sentence) if c[1] is not None] == []


def test_compound_list_gives_one_mention_per_country() -> None:
    text = "Russia, Ukraine and the United States will hold trilateral talks in Geneva."
    assert codes(text) == [
        ("Russia", "RUS", "GOV"),
        ("Ukraine", "UKR", "GOV"),
        ("the United States", "USA", "GOV"),
    ]


def test_hyphenated_pair_gives_both_countries() -> None:
    assert codes("US-Iran talks resumed in Muscat.") == [
        ("US", "USA", "GOV"),
        ("Iran", "IRN", "GOV"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The US-facilitated talks between Kigali and Kinshasa resumed on Tuesday.",
         [("US", "USA", "GOV")]),
        ("An EU-brokered deal on licence plates eased tension in the north.",
         [("EU", "EUR", None)]),
        ("Envoys met on Friday to revive the Belgrade-Pristina dialogue.",
         [("Belgrade", "SRB", "GOV"), ("Pristina", "XKX", "GOV")]),
        ("Armenia-Azerbaijan peace talks opened with a draft treaty on the table.",
         [("Armenia", "ARM", "GOV"), ("Azerbaijan", "AZE", "GOV")]),
        ("Analysts expect the Russia-Ukraine war to dominate the summit.",
         [("Russia", "RUS", "GOV"), ("Ukraine", "UKR", "GOV")]),
        ("The Kremlin-backed authorities announced a referendum.",
         [("Kremlin", "RUS", "GOV")]),
        ("Omani-mediated talks produced a prisoner swap.",
         [("Omani", "OMN", "GOV")]),
        ("The Saudi-led coalition announced a truce.",
         [("Saudi", "SAU", "GOV")]),
    ],
)  # fmt: skip
def test_actor_parts_of_hyphenated_words(
    sentence: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    found = codes(sentence)
    assert [c for c in found if c[0] in {e[0] for e in expected}] == expected
    for m in actors(sentence):  # each mention covers its own part, not the whole word
        assert "-" not in sentence[m.start : m.end]


@pytest.mark.parametrize(
    "sentence, phrase, country",
    [
        ("Guinea-Bissau postponed the legislative elections.", "Guinea-Bissau", "GNB"),
        ("Timor-Leste applied to join the bloc.", "Timor-Leste", "TLS"),
        ("Bosnia-Herzegovina recalled its ambassador.", "Bosnia-Herzegovina", "BIH"),
    ],
)
def test_hyphenated_country_names_match_whole(sentence: str, phrase: str, country: str) -> None:
    assert codes(sentence)[0] == (phrase, country, "GOV")


@pytest.mark.parametrize(
    "sentence",
    [
        "Austria-Hungary collapsed at the end of the First World War.",
        "A well-known analyst described the long-range strike as a warning.",
        "Pro-Russian bloggers shared the footage.",
        "A US-based think tank published the figures.",
    ],
)
def test_other_hyphenated_words_are_not_actors(sentence: str) -> None:
    assert [c for c in codes(sentence) if c[1] is not None] == []


def test_hyphenated_words_keep_whole_group_names() -> None:
    text = "Al-Qaeda fighters attacked a checkpoint."
    assert codes(text) == [("Al-Qaeda fighters", "IMG", "REB")]


def test_made_in_compound_adds_no_actor_beyond_the_nationality() -> None:
    # "Russian-made" names where drones were built, not who used them
    plain = {c[1] for c in codes("Russian drones struck a power station.")}
    made = {c[1] for c in codes("Russian-made drones struck a power station.")}
    assert made <= plain


@pytest.mark.parametrize(
    "text, country",
    [
        ("Congolese troops clashed with M23 rebels near Goma.", "COD"),
        ("Congolese soldiers returned to Brazzaville after the talks in Brazzaville.", "COG"),
        ("Dominican officials met the delegation.", "DOM"),
        ("Dominica said on Monday that Dominican officials would attend.", "DMA"),
    ],
)
def test_ambiguous_nationalities_take_the_article_context(text: str, country: str) -> None:
    first_demonym = next(
        m for m in actors(text) if "Congolese" in m.actor.text or "Dominican" in m.actor.text
    )
    assert first_demonym.actor.country == country


# ----------------------------------------------------------------------------- seats


@pytest.mark.parametrize(
    "sentence, phrase, country, sector",
    [
        ("Tehran rejected the proposal on Monday.", "Tehran", "IRN", "GOV"),
        ("Washington imposed new sanctions on the refinery.", "Washington", "USA", "GOV"),
        ("Moscow said it was ready to talk.", "Moscow", "RUS", "GOV"),
        ("Kyiv said the talks had been constructive.", "Kyiv", "UKR", "GOV"),
        ("Muscat has long served as a quiet channel.", "Muscat", "OMN", "GOV"),
        ("Beijing urged restraint on both sides.", "Beijing", "CHN", "GOV"),
        ("Pristina denied that any agreement had been reached.", "Pristina", "XKX", "GOV"),
        ("Belgrade recalled its negotiator.", "Belgrade", "SRB", "GOV"),
        ("Yerevan accused Baku of shelling.", "Yerevan", "ARM", "GOV"),
        ("Yerevan accused Baku of shelling.", "Baku", "AZE", "GOV"),
        ("The proposal was welcomed by the White House.", "the White House", "USA", "GOV"),
        ("Russia, Ukraine and the US will meet, the Kremlin said.", "the Kremlin", "RUS", "GOV"),
        ("Downing Street said the prime minister would attend.", "Downing Street", "GBR", "GOV"),
        ("The Elysee said France would send a delegation.", "The Elysee", "FRA", "GOV"),
        ("Brussels said it would extend the sanctions.", "Brussels", "EUR", "GOV"),
        ("The Pentagon ordered a second carrier to the region.", "The Pentagon", "USA", "MIL"),
        ("A message from Washington was delivered to Ali Larijani.", "Washington", "USA", "GOV"),
        ("Oman delivered a message to Tehran on Friday.", "Tehran", "IRN", "GOV"),
    ],
)
def test_capitals_and_seats_stand_for_governments(
    sentence: str, phrase: str, country: str, sector: str
) -> None:
    m = covering(actors(sentence), sentence, phrase)
    assert m is not None, codes(sentence)
    assert (sentence[m.start : m.end], m.actor.country, m.actor.sector) == (phrase, country, sector)


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("The first round of talks was held in Muscat on February 6.", "Muscat"),
        ("Officials met at the Kremlin on Thursday.", "Kremlin"),
        ("Air-raid sirens sounded near Kyiv overnight.", "Kyiv"),
        ("Araghchi will travel to Tehran after the talks.", "Tehran"),
        ("The envoy returned from Moscow late on Sunday.", "Moscow"),
        ("Talks in Washington and Tehran have stalled.", "Tehran"),
        ("EU ministers met in Brussels to discuss the package.", "Brussels"),
        ("MOSCOW — Negotiators will meet in Geneva on Tuesday.", "MOSCOW"),
    ],
)
def test_capitals_after_locative_prepositions_are_places(sentence: str, place: str) -> None:
    assert covering(actors(sentence), sentence, place) is None, codes(sentence)


@pytest.mark.parametrize(
    "sentence, phrase",
    [
        ("The Washington Post reported the decision first.", "Washington"),
        ("Migration from Latin America rose again.", "America"),
        ("Israel Katz said the army was ready.", "Israel"),
        ("Jordan Bardella criticised the government.", "Jordan"),
    ],
)
def test_names_that_contain_a_country_are_not_actors(sentence: str, phrase: str) -> None:
    m = covering(actors(sentence), sentence, phrase)
    assert m is None or m.actor.country is None, codes(sentence)


# ----------------------------------------------------------------------------- role nouns


@pytest.mark.parametrize(
    "sentence, phrase, country, sector",
    [
        ("Iranian officials said the talks were serious.", "Iranian officials", "IRN", "GOV"),
        ("U.S. naval forces moved into the Arabian Sea.", "U.S. naval forces", "USA", "MIL"),
        ("The message came through Omani intermediaries.", "Omani intermediaries", "OMN", "GOV"),
        ("Ukrainian troops pushed back the assault.", "Ukrainian troops", "UKR", "MIL"),
        ("Iranian security forces fired on crowds.", "Iranian security forces", "IRN", "COP"),
        ("Iranian protesters rallied on Saturday.", "Iranian protesters", "IRN", "CVL"),
        ("Russian soldiers crossed the river.", "Russian soldiers", "RUS", "MIL"),
        ("The Indian army said two soldiers were hurt.", "The Indian army", "IND", "MIL"),
        ("Chinese state media said the visit was a success.", "Chinese state media", "CHN", "JRN"),
        ("The Turkish parliament approved the deal.", "The Turkish parliament", "TUR", "LEG"),
        ("British intelligence assessed the threat.", "British intelligence", "GBR", "SPY"),
        (
            "Venezuelan opposition leaders called a strike.",
            "Venezuelan opposition leaders",
            "VEN",
            "OPP",
        ),
        ("Kosovo police arrested three men.", "Kosovo police", "XKX", "COP"),
        ("The U.S. Navy said it tracked the vessel.", "The U.S. Navy", "USA", "MIL"),
        ("Armenian border guards reported fire.", "Armenian border guards", "ARM", "MIL"),
        ("Qatari mediators shuttled between the rooms.", "Qatari mediators", "QAT", "GOV"),
        ("Iranian judges upheld the sentence.", "Iranian judges", "IRN", "JUD"),
        ("Sudanese paramilitaries seized the town.", "Sudanese paramilitaries", "SDN", "PRM"),
        ("The Iranian side presented its proposal.", "The Iranian side", "IRN", "GOV"),
        ("The US side is expected to include two envoys.", "The US side", "USA", "GOV"),
        (
            "Iran's Supreme National Security Council demanded that the US lift sanctions.",
            "Iran's Supreme National Security Council",
            "IRN",
            "GOV",
        ),
        (
            "Ukraine's energy ministry said power was restored.",
            "Ukraine's energy ministry",
            "UKR",
            "GOV",
        ),
        (
            "Iran's Revolutionary Guards seized a tanker.",
            "Iran's Revolutionary Guards",
            "IRN",
            "MIL",
        ),
        (
            "A Chinese foreign ministry spokesman urged calm.",
            "Chinese foreign ministry spokesman",
            "CHN",
            "GOV",
        ),
        (
            "The Egyptian foreign minister arrived on Sunday.",
            "The Egyptian foreign minister",
            "EGY",
            "GOV",
        ),
        (
            "A senior Iranian official accused the United States.",
            "senior Iranian official",
            "IRN",
            "GOV",
        ),
        (
            "A former Iranian diplomat said the offer was serious.",
            "former Iranian diplomat",
            "IRN",
            "ELI",
        ),
        ("The Iranian people have suffered under sanctions.", "The Iranian people", "IRN", "CVL"),
    ],
)
def test_nationality_or_country_with_a_role_noun(
    sentence: str, phrase: str, country: str, sector: str
) -> None:
    m = covering(actors(sentence), sentence, phrase)
    assert m is not None, codes(sentence)
    assert (sentence[m.start : m.end], m.actor.country, m.actor.sector) == (phrase, country, sector)


def test_coordinated_nationalities_share_the_role_noun() -> None:
    text = "US and Iranian delegations will meet in Geneva next week, with Oman mediating."
    assert codes(text) == [("US", "USA", "GOV"), ("Iranian", "IRN", "GOV"), ("Oman", "OMN", "GOV")]


def test_coordinated_nationalities_before_military_nouns() -> None:
    text = "Russian and Ukrainian troops exchanged fire overnight."
    assert codes(text) == [("Russian", "RUS", "MIL"), ("Ukrainian", "UKR", "MIL")]


@pytest.mark.parametrize(
    "sentence, phrase, country",
    [
        (
            "The US has imposed sanctions aimed at crippling the Iranian economy.",
            "the Iranian economy",
            "IRN",
        ),
        ("Russian missile strikes hit the grid overnight.", "Russian missile strikes", "RUS"),
        ("New sanctions target Iranian oil shipping.", "Iranian oil shipping", "IRN"),
    ],
)
def test_nationality_before_other_nouns_has_no_sector(
    sentence: str, phrase: str, country: str
) -> None:
    m = covering(actors(sentence), sentence, phrase)
    assert m is not None
    assert (sentence[m.start : m.end], m.actor.country, m.actor.sector) == (phrase, country, None)


@pytest.mark.parametrize(
    "sentence, phrase, sector",
    [
        ("Protesters gathered outside the ministry.", "Protesters", "CVL"),
        ("Rebels shelled the town overnight.", "Rebels", "REB"),
        ("Security forces dispersed the crowd.", "Security forces", "COP"),
        ("The opposition boycotted the vote.", "The opposition", "OPP"),
        ("Gunmen opened fire on the convoy.", "Gunmen", "UAF"),
        ("Local residents said the shelling lasted hours.", "Local residents", "CVL"),
        ("Rights groups said dozens were detained.", "Rights groups", "SOC"),
        ("A former defence minister criticised the plan.", "former defence minister", "ELI"),
        ("Militants attacked a checkpoint.", "Militants", "REB"),
        ("Journalists were barred from the hearing.", "Journalists", "JRN"),
        ("Refugees crossed the border overnight.", "Refugees", "REF"),
        ("Clerics called for calm.", "Clerics", "REL"),
        ("Lawmakers approved the budget.", "Lawmakers", "LEG"),
    ],
)
def test_bare_role_nouns_have_no_country(sentence: str, phrase: str, sector: str) -> None:
    m = covering(actors(sentence), sentence, phrase)
    assert m is not None, codes(sentence)
    assert (sentence[m.start : m.end], m.actor.country, m.actor.sector) == (phrase, None, sector)
    assert m.actor.kind == "group"


@pytest.mark.parametrize(
    "sentence, phrase, country, sector",
    [
        (
            "Hundreds of protesters in Tehran demanded the release of detainees.",
            "protesters in Tehran",
            "IRN",
            "CVL",
        ),
        (
            "The talks follow a crackdown on protesters in Iran last month.",
            "protesters in Iran",
            "IRN",
            "CVL",
        ),
        ("The government of Iran rejected the report.", "The government of Iran", "IRN", "GOV"),
        ("Negotiators from Russia arrived on Monday.", "Negotiators from Russia", "RUS", "GOV"),
    ],
)
def test_role_noun_takes_the_country_of_its_prepositional_phrase(
    sentence: str, phrase: str, country: str, sector: str
) -> None:
    m = covering(actors(sentence), sentence, phrase)
    assert m is not None
    assert (sentence[m.start : m.end], m.actor.country, m.actor.sector) == (phrase, country, sector)


def test_officials_in_a_capital_do_not_take_its_country() -> None:
    # foreign diplomats in Moscow are not Russian: "in" fills civilians, police, rebels, ...
    assert codes("Diplomats in Moscow said the venue was chosen with care.") == [
        ("Diplomats", None, "GOV")
    ]


# ----------------------------------------------------------------------------- groups, IGOs


@pytest.mark.parametrize(
    "sentence, phrase, country, sector, name",
    [
        ("The EU said it would respond.", "The EU", "EUR", None, "European Union"),
        (
            "The European Union imposed new measures.",
            "The European Union",
            "EUR",
            None,
            "European Union",
        ),
        (
            "The European Commission proposed a package.",
            "The European Commission",
            "EUR",
            None,
            "European Commission",
        ),
        ("NATO allies met on Thursday.", "NATO", "IGO", None, "North Atlantic Treaty Organization"),
        (
            "Nato said the drills would go ahead.",
            "Nato",
            "IGO",
            None,
            "North Atlantic Treaty Organization",
        ),
        (
            "The IAEA said inspectors had access.",
            "The IAEA",
            "UNO",
            None,
            "International Atomic Energy Agency",
        ),
        (
            "The United Nations called for a ceasefire.",
            "The United Nations",
            "UNO",
            None,
            "United Nations",
        ),
        ("The UN said aid was blocked.", "The UN", "UNO", None, "United Nations"),
        (
            "The UN Security Council will meet on Friday.",
            "The UN Security Council",
            "UNO",
            "GOV",  # an organ with a sector of its own (data/actors/igos_organs.yaml)
            "United Nations Security Council",
        ),
        (
            "The African Union suspended the country.",
            "The African Union",
            "IGO",
            None,
            "African Union",
        ),
        (
            "EU foreign ministers agreed new measures.",
            "EU foreign ministers",
            "EUR",
            "GOV",
            "European Union",
        ),
        ("UN peacekeepers came under fire.", "UN peacekeepers", "UNO", "MIL", "United Nations"),
    ],
)
def test_organisations_take_their_plover_slot(
    sentence: str, phrase: str, country: str, sector: str | None, name: str
) -> None:
    m = covering(actors(sentence), sentence, phrase)
    assert m is not None
    assert (sentence[m.start : m.end], m.actor.country, m.actor.sector) == (phrase, country, sector)
    assert (m.actor.name, m.actor.kind) == (name, "igo")


@pytest.mark.parametrize(
    "sentence, phrase, country, sector",
    [
        ("Hezbollah fighters fired rockets.", "Hezbollah fighters", "LBN", "REB"),
        ("Houthi rebels attacked a ship.", "Houthi rebels", "YEM", "REB"),
        ("The Rapid Support Forces took the city.", "The Rapid Support Forces", "SDN", "PRM"),
        (
            "The Palestinian Authority condemned the raid.",
            "The Palestinian Authority",
            "PSE",
            "GOV",
        ),
        ("The IRGC seized a tanker.", "The IRGC", "IRN", "MIL"),
        ("Hamas said it had received the proposal.", "Hamas", "PSE", "REB"),
    ],
)
def test_named_groups(sentence: str, phrase: str, country: str, sector: str) -> None:
    m = covering(actors(sentence), sentence, phrase)
    assert m is not None
    assert (sentence[m.start : m.end], m.actor.country, m.actor.sector) == (phrase, country, sector)


# ----------------------------------------------------------------------------- offsets


def test_offsets_sentences_and_no_overlaps() -> None:
    text = (
        "US and Iranian delegations will meet in Geneva next week, with Oman mediating. "
        "The first round was held on February 6 in Oman. "
        "Ali Larijani, secretary of Iran's Supreme National Security Council, received a message "
        "from the United States through Omani intermediaries. "
        "The US has imposed sanctions aimed at crippling the Iranian economy."
    )
    sentences = split(text)
    mentions = find_actors(text, sentences)
    for m in mentions:
        assert text[m.start : m.end] == m.actor.text
        s = sentences[m.sentence]
        assert s.start <= m.start < s.end
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start
    assert [(m.sentence, m.actor.country) for m in mentions] == [
        (0, "USA"), (0, "IRN"), (0, "OMN"),  # "in Oman" in sentence 1 is a place
        (2, "IRN"), (2, "USA"), (2, "OMN"),
        (3, "USA"), (3, "IRN"),
    ]  # fmt: skip


def test_worked_example_actors() -> None:
    """The ontology's worked examples 1, 3, 4 and 6, read as one article."""
    text = (
        "US and Iranian delegations will meet in Geneva next week, with Oman mediating. "
        "Ali Larijani, secretary of Iran's Supreme National Security Council, received a message "
        "from the United States through Omani intermediaries. "
        "The US has imposed sanctions aimed at crippling the Iranian economy. "
        "Russia, Ukraine and the United States will hold trilateral talks in Geneva, the Kremlin said."
    )
    got = [(m.actor.text, m.actor.name, m.actor.country, m.actor.sector)
           for m in resolve_actors(text, split(text))]  # fmt: skip
    assert got == [
        ("US", "United States", "USA", "GOV"),
        ("Iranian", "Iran", "IRN", "GOV"),
        ("Oman", "Oman", "OMN", "GOV"),
        ("Ali Larijani", "Ali Larijani", "IRN", "GOV"),
        ("the United States", "United States", "USA", "GOV"),
        ("Omani intermediaries", "Oman", "OMN", "GOV"),
        ("The US", "United States", "USA", "GOV"),
        ("the Iranian economy", "Iran", "IRN", None),
        ("Russia", "Russia", "RUS", "GOV"),
        ("Ukraine", "Ukraine", "UKR", "GOV"),
        ("the United States", "United States", "USA", "GOV"),
        ("the Kremlin", "Russia", "RUS", "GOV"),
    ]


# ----------------------------------------------------------------------------- gazetteer


def test_gazetteer_is_built_once() -> None:
    assert load_gazetteer() is load_gazetteer()


@pytest.mark.parametrize(
    "surface, kind, country",
    [
        ("U.S.", "country", "USA"),
        ("U.S", "country", "USA"),
        ("US", "country", "USA"),
        ("the United States", "country", "USA"),
        ("Kosovo", "country", "XKX"),
        ("Kosovar", "demonym", "XKX"),
        ("Iranians", "demonym", "IRN"),
        ("Elysée", "seat", "FRA"),
        ("Kiev", "seat", "UKR"),
        ("Puerto Rico", "country", "USA"),
        ("the IAEA", "igo", "UNO"),
        ("Amnesty International", "igo", "NGO"),
        ("officials", "role", None),
    ],
)
def test_gazetteer_lookup(surface: str, kind: str, country: str | None) -> None:
    entries = load_gazetteer().lookup(surface)
    assert entries, surface
    assert (entries[0].kind, entries[0].country) == (kind, country)


@pytest.mark.parametrize("surface", ["us", "Us", "un", "eu", "turkey", "chad"])
def test_gazetteer_short_capitals_and_proper_names_are_case_sensitive(surface: str) -> None:
    assert not [e for e in load_gazetteer().lookup(surface) if e.kind != "role"]


def test_gazetteer_ambiguous_forms_list_every_reading() -> None:
    (congolese,) = load_gazetteer().lookup("Congolese")
    assert congolese.alternatives == ("COD", "COG")
    assert load_gazetteer().lookup("Dominican")[0].alternatives == ("DOM", "DMA")


def test_actor_data_files_are_consistent() -> None:
    countries = [json.loads(line) for line in (DATA / "countries.jsonl").open(encoding="utf-8")]
    usa = next(c for c in countries if c["iso3"] == "USA")
    assert {"U.S.", "US", "USA", "America", "United States"} <= {*usa["aliases"], usa["name"]}
    assert next(c for c in countries if c["iso3"] == "XKX")["name"] == "Kosovo"
    igos = [json.loads(line) for line in (DATA / "igos.jsonl").open(encoding="utf-8")]
    slots = {i["name"]: i["slot"] for i in igos}
    assert slots["International Atomic Energy Agency"] == "UNO"
    assert slots["European Commission"] == "EUR"
    assert slots["North Atlantic Treaty Organization"] == "IGO"
    assert slots["Organization for Security and Co-operation in Europe"] == "IGO"
    assert slots["Human Rights Watch"] == "NGO"
    ours = yaml.safe_load((DATA / "agents.yaml").read_text(encoding="utf-8"))
    phoenix = yaml.safe_load((DATA / "agents_phoenix.yaml").read_text(encoding="utf-8"))
    assert {g["sector"] for g in ours["agents"]} <= PLOVER_SECTORS
    assert set(phoenix["sectors"]) <= PLOVER_SECTORS
    groups = yaml.safe_load((DATA / "groups.yaml").read_text(encoding="utf-8"))
    assert {g.get("sector") for g in groups["groups"]} - {None} <= PLOVER_SECTORS


# ----------------------------------------------------------------------------- benchmark


def _bench_rows() -> list[dict[str, object]]:
    if not BENCH.exists():
        pytest.skip(f"no actor benchmark at {BENCH} (shared bench folder not mounted)")
    return [json.loads(line) for line in BENCH.open(encoding="utf-8") if line.strip()]


def test_actor_phrases_benchmark(capsys: pytest.CaptureFixture[str]) -> None:
    """Each phrase of ../shared/bench/actors/actor_phrases.jsonl, read in its context sentence
    when it has one; the mention that overlaps the phrase most is the answer."""
    rows = _bench_rows()
    country_ok = country_n = sector_ok = sector_n = 0
    misses = []
    for row in rows:
        text = str(row["context"] or row["text"])
        phrase = str(row["text"])
        m = covering(resolve_actors(text, split(text)), text, phrase)
        if row["expect_none"]:
            c_ok = s_ok = m is None
        else:
            c_ok = m is not None and (m.actor.country or "") == row["country"]
            s_ok = m is not None and (m.actor.sector or "") == row["sector"]
        if row["country"] is not None:
            country_n, country_ok = country_n + 1, country_ok + c_ok
        if row["sector"] is not None:
            sector_n, sector_ok = sector_n + 1, sector_ok + s_ok
        if (row["country"] is not None and not c_ok) or (row["sector"] is not None and not s_ok):
            got = (m.actor.country, m.actor.sector) if m else None
            misses.append(
                f"{row['id']} {phrase!r}: gold {row['country']}/{row['sector']}, got {got}"
            )
    country_acc, sector_acc = country_ok / country_n, sector_ok / sector_n
    with capsys.disabled():
        print(f"\nactor_phrases: country_acc {country_acc:.3f} ({country_ok}/{country_n}), "
              f"sector_acc {sector_acc:.3f} ({sector_ok}/{sector_n})")  # fmt: skip
        for miss in misses:
            print("  miss", miss)
    assert country_acc >= 0.75
    assert sector_acc >= 0.6
