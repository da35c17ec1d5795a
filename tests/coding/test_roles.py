"""Who did what to whom: types and CAMEO codes, participants, source/target, mediators, venues."""

from __future__ import annotations

import pytest

from .annotate import A, D, P, T, code, summary

ARM, AZE = A("Armenia", "ARM"), A("Azerbaijan", "AZE")


def _one(text: str, **read):
    events = code(text, **read)
    assert len(events) == 1, [e.to_dict() for e in events]
    return events[0]


# One realistic sentence per PLOVER type (and a few more for the common ones).
@pytest.mark.parametrize(
    "text, actors, event_type, cameo, source, target, parties",
    [
        (
            "Russian and Chinese warships held joint naval exercises in the Sea of Japan.",
            (A("Russian", "RUS", "MIL"), A("Chinese", "CHN", "MIL")),
            "COOPERATE",
            "062",
            None,
            None,
            {"RUS", "CHN"},
        ),
        (
            "Japan sent humanitarian aid to Turkey after the earthquake.",
            (A("Japan", "JPN"), A("Turkey", "TUR")),
            "AID",
            "073",
            "JPN",
            "TUR",
            {"JPN", "TUR"},
        ),
        (
            "Israel and Hamas agreed to a ceasefire on Wednesday.",
            (A("Israel", "ISR"), A("Hamas", "PSE", "REB")),
            "CONCEDE",
            "0356",
            None,
            None,
            {"ISR", "PSE"},
        ),
        (
            "Azerbaijan on Monday handed back a villager from Armenia's Tavush region.",
            (AZE, A("Armenia's", "ARM")),
            "RETREAT",
            "0841",
            "AZE",
            "ARM",
            {"AZE", "ARM"},
        ),
        (
            "Japan's prime minister apologised to South Korea for wartime forced labour.",
            (A("Japan's prime minister", "JPN", kind="person"), A("South Korea", "KOR")),
            "CONCEDE",
            "055",
            "JPN",
            "KOR",
            {"JPN", "KOR"},
        ),
        (
            "On Wednesday, Azerbaijan's foreign ministry again called on Armenia to amend its constitution.",
            (A("Azerbaijan's foreign ministry", "AZE"), ARM),
            "REQUEST",
            "1042",
            "AZE",
            "ARM",
            {"AZE", "ARM"},
        ),
        (
            "The State Department urged both sides to exercise restraint.",
            (A("The State Department", "USA"),),
            "REQUEST",
            "0256",
            "USA",
            None,
            {"USA"},
        ),
        (
            'Kosovo\'s interior minister blamed "criminal groups organised and armed from Belgrade" for the shooting.',
            (A("Kosovo's interior minister", "XKX", kind="person"), A("Belgrade", "SRB")),
            "ACCUSE",
            "112",
            "XKX",
            "SRB",
            {"XKX", "SRB"},
        ),
        (
            "The foreign ministry in Ankara condemned the Israeli strikes on Rafah.",
            (A("The foreign ministry in Ankara", "TUR"), A("Israeli", "ISR", "MIL")),
            "ACCUSE",
            "111",
            "TUR",
            "ISR",
            {"TUR", "ISR"},
        ),
        (
            "Armenia rejected Azerbaijan's demand for a corridor through its territory.",
            (ARM, A("Azerbaijan's", "AZE")),
            "REJECT",
            "120",
            "ARM",
            "AZE",
            {"ARM", "AZE"},
        ),
        (
            "Pyongyang threatened to strike US bases in the region.",
            (A("Pyongyang", "PRK"), A("US", "USA", "MIL")),
            "THREATEN",
            "138",
            "PRK",
            "USA",
            {"PRK", "USA"},
        ),
        (
            # one recipient: two listed ones are two dyads (test_role_recipients.py)
            "The United States welcomed Armenia's decision to sign the agreement.",
            (A("The United States", "USA"), A("Armenia's", "ARM")),
            "SUPPORT",
            "051",
            "USA",
            "ARM",
            {"USA", "ARM"},
        ),
        (
            "Armenia and Azerbaijan signed a protocol on Tuesday fixing the course of their shared border.",
            (ARM, AZE),
            "AGREE",  # a signing between the parties (ontology decision 15)
            "057",
            None,
            None,
            {"ARM", "AZE"},
        ),
        (
            "Chief negotiators from Serbia and Kosovo agreed to set up a joint commission on people still missing from the 1998-99 war.",
            (A("Serbia", "SRB"), A("Kosovo", "XKX")),
            "AGREE",
            "030",
            None,
            None,
            {"SRB", "XKX"},
        ),
        (
            "Several thousand people rallied in North Mitrovica to demand that the association be formed.",
            (),
            "PROTEST",
            "141",
            "XKX",
            None,
            {"XKX"},
        ),
        (
            "The US has imposed sanctions aimed at crippling the Iranian economy.",
            (A("The US", "USA"), A("Iranian", "IRN", None)),
            "SANCTION",
            "163",
            "USA",
            "IRN",
            {"USA", "IRN"},
        ),
        (
            "Moldova expelled a Russian diplomat on Friday.",
            (A("Moldova", "MDA"), A("Russian", "RUS")),
            "SANCTION",
            "166",
            "MDA",
            "RUS",
            {"MDA", "RUS"},
        ),
        (
            "Nicaragua cut diplomatic ties with Taiwan.",
            (A("Nicaragua", "NIC"), A("Taiwan", "TWN")),
            "SANCTION",
            "161",
            "NIC",
            "TWN",
            {"NIC", "TWN"},
        ),
        (
            "The United States deployed an aircraft carrier to the eastern Mediterranean.",
            (A("The United States", "USA"),),
            "MOBILIZE",
            "154",
            "USA",
            None,
            {"USA"},
        ),
        (
            "On Thursday, Azerbaijan had moved artillery and armoured vehicles closer to the border overnight.",
            (AZE,),
            "MOBILIZE",
            "154",
            "AZE",
            None,
            {"AZE"},
        ),
        (
            "Kosovo police arrested three suspects in dawn raids on Sunday.",
            (A("Kosovo police", "XKX", "COP"),),
            "COERCE",
            "173",
            "XKX",
            None,
            {"XKX"},
        ),
        (
            "Unidentified gunmen opened fire on a Kosovo police patrol late on Friday.",
            (A("Unidentified gunmen", None, "UAF", kind="group"), A("Kosovo police", "XKX", "COP")),
            "ASSAULT",
            "193",
            None,
            "XKX",
            {None, "XKX"},  # the gunmen stay a party, country unknown (ontology decision 17)
        ),
        (
            "Israeli warplanes struck targets in southern Lebanon overnight.",
            (A("Israeli", "ISR", "MIL"), A("Lebanon", "LBN")),
            "ASSAULT",
            "195",
            "ISR",
            "LBN",
            {"ISR", "LBN"},
        ),
        (
            "Azerbaijani forces pounded Armenian positions near Sotk.",
            (A("Azerbaijani forces", "AZE", "MIL"), A("Armenian", "ARM", "MIL")),
            "ASSAULT",
            "190",
            "AZE",
            "ARM",
            {"AZE", "ARM"},
        ),
        (
            "Russia launched a drone attack on Kyiv on Sunday.",
            (A("Russia", "RUS"), A("Kyiv", "UKR")),
            "ASSAULT",
            "1952",
            "RUS",
            "UKR",
            {"RUS", "UKR"},
        ),
        (
            "Putin spoke by phone with Erdogan on Tuesday.",
            (A("Putin", "RUS", kind="person"), A("Erdogan", "TUR", kind="person")),
            "CONSULT",
            "041",
            None,
            None,
            {"RUS", "TUR"},
        ),
        (
            "Iran's foreign minister visited Muscat on Monday.",
            (A("Iran's foreign minister", "IRN", kind="person"), A("Muscat", "OMN")),
            "CONSULT",
            "042",
            "IRN",
            "OMN",
            {"IRN", "OMN"},
        ),
    ],
)
def test_type_cameo_and_roles(text, actors, event_type, cameo, source, target, parties) -> None:
    places = (P("North Mitrovica", "XKX"),) if "Mitrovica" in text else ()
    e = _one(text, actors=actors, places=places)
    assert (e.event_type, e.cameo) == (event_type, cameo)
    assert (e.source.country if e.source else None) == source
    assert (e.target.country if e.target else None) == target
    assert {a.country for a in e.participants} == parties
    assert e.status == "occurred"


@pytest.mark.parametrize(
    "text, actors, mediator, role",
    [
        (
            "US and Iranian delegations will meet in Geneva next week, with Oman mediating.",
            (A("US", "USA"), A("Iranian", "IRN"), A("Oman", "OMN")),
            "OMN",
            "mediator",
        ),
        (
            "Israeli and Hamas negotiators held indirect talks in Doha, mediated by Qatar and Egypt.",
            (A("Israeli", "ISR"), A("Hamas", "PSE", "REB"), A("Qatar", "QAT"), A("Egypt", "EGY")),
            "QAT",
            "mediator",
        ),
        (
            "Omani mediators shuttled between the Iranian and US delegations, which held indirect talks in Muscat.",
            (A("Omani mediators", "OMN"), A("Iranian", "IRN"), A("US", "USA")),
            "OMN",
            "mediator",
        ),
        (
            "Armenia and Azerbaijan held the first round of their US-facilitated peace talks in Washington.",
            (ARM, AZE, A("US", "USA")),
            "USA",
            "mediator",
        ),
        (
            "Serbia and Kosovo held talks in Brussels facilitated by the EU.",
            (A("Serbia", "SRB"), A("Kosovo", "XKX"), A("EU", "EUR", kind="igo")),
            "EUR",
            "mediator",
        ),
        (
            (
                "Sudan's army and the Rapid Support Forces held talks in Jeddah brokered by Saudi "
                "Arabia and the United States."
            ),
            (
                A("Sudan's army", "SDN", "MIL"),
                A("the Rapid Support Forces", "SDN", "PRM", kind="group"),
                A("Saudi Arabia", "SAU"),
                A("the United States", "USA"),
            ),
            "SAU",
            "mediator",
        ),
        (
            "Ali Larijani received a message from the United States through Omani intermediaries.",
            (
                A("Ali Larijani", "IRN", kind="person"),
                A("the United States", "USA"),
                A("Omani intermediaries", "OMN"),
            ),
            "OMN",
            "intermediary",
        ),
        (
            "Azerbaijan's president passed a message to Armenia's prime minister through the US envoy on Thursday.",
            (
                A("Azerbaijan's president", "AZE", kind="person"),
                A("Armenia's prime minister", "ARM", kind="person"),
                A("the US envoy", "USA", kind="person"),
            ),
            "USA",
            "intermediary",
        ),
    ],
)
def test_mediators_are_not_participants(text, actors, mediator, role) -> None:
    places = tuple(
        P(c, k)
        for c, k in (
            ("Geneva", "CHE"),
            ("Doha", "QAT"),
            ("Muscat", "OMN"),
            ("Washington", "USA"),
            ("Brussels", "BEL"),
            ("Jeddah", "SAU"),
        )
        if c in text
    )
    e = _one(text, actors=actors, places=places)
    assert e.event_type == "CONSULT"
    assert (e.mediator.country, e.mediator.role) == (mediator, role)
    assert mediator not in {a.country for a in e.participants}
    if role == "mediator":
        assert e.mode == "third-party"
    else:  # decision 3: a message through intermediaries is CONSULT 040 without a mode
        assert (e.cameo, e.mode) == ("040", None)
        assert e.source is not None and e.target is not None


def test_message_received_runs_from_sender_to_receiver() -> None:
    e = _one(
        "Ali Larijani, secretary of Iran's Supreme National Security Council, received a message "
        "from the United States through Omani intermediaries.",
        actors=(
            A("Ali Larijani", "IRN", kind="person"),
            A("Iran's", "IRN"),
            A("the United States", "USA"),
            A("Omani intermediaries", "OMN"),
        ),
    )
    assert (e.source.country, e.target.country, e.target.name) == ("USA", "IRN", "Ali Larijani")
    assert len(e.participants) == 2  # "Iran's" inside the apposition is the same side


def test_a_venue_country_is_the_location_only() -> None:
    text = (
        "Armenia and Azerbaijan held the first round of talks in Washington on Tuesday. "
        "The United Arab Emirates' foreign ministry confirmed that it would host the second round."
    )
    first, second = code(
        text,
        actors=(ARM, AZE, A("The United Arab Emirates' foreign ministry", "ARE")),
        places=(P("Washington", "USA"),),
    )
    assert summary(second) == ("CONSULT", "planned", frozenset({"ARM", "AZE"}), None, "ARE")
    assert (second.round, second.mode, first.round) == (2, "third-party", 1)


def test_a_party_in_its_own_capital_hosts() -> None:
    e = _one(
        "Putin and Erdogan met in Moscow on Friday.",
        actors=(A("Putin", "RUS", kind="person"), A("Erdogan", "TUR", kind="person")),
        places=(P("Moscow", "RUS"),),
    )
    assert {a.role for a in e.participants} == {"host", "party"}
    assert e.mode is None and e.location.country == "RUS"


def test_a_capital_as_actor_is_not_the_location() -> None:
    e = _one(
        "Tehran rejected the proposal in Geneva.",
        actors=(A("Tehran", "IRN"),),
        places=(P("Tehran", "IRN"), P("Geneva", "CHE")),
    )
    assert (e.source.country, e.location.text) == ("IRN", "Geneva")


def test_visits_to_two_capitals_are_two_events() -> None:
    events = code(
        "The US envoy, Carolyn Mercer, would travel to Baku and Yerevan next week, a State "
        "Department spokesperson said.",
        actors=(A("The US envoy", "USA", kind="person"), A("Carolyn Mercer", "USA", kind="person")),
        places=(P("Baku", "AZE"), P("Yerevan", "ARM")),
        dates=(D("next week", "2026-05-18", "2026-05-24", "week"),),
        attributions=(
            T("a State Department spokesperson said", "a State Department spokesperson"),
        ),
        published="2026-05-15",
    )
    assert [summary(e) for e in events] == [
        ("CONSULT", "planned", frozenset({"USA", "AZE"}), None, "AZE"),
        ("CONSULT", "planned", frozenset({"USA", "ARM"}), None, "ARM"),
    ]
    assert all(
        e.cameo == "042" and e.mode == "visit" and e.date.precision == "week" for e in events
    )


@pytest.mark.parametrize(
    "text, read, want",
    [
        pytest.param(
            "Azerbaijan on Monday handed back a villager from Armenia's Tavush region who had been "
            "detained by Azerbaijani border guards on Saturday after straying across the frontier.",
            {
                "actors": (
                    AZE,
                    A("Armenia's", "ARM"),
                    A("Azerbaijani border guards", "AZE", "MIL"),
                ),
                "dates": (
                    D("on Monday", "2026-03-09", "2026-03-09", "day"),
                    D("on Saturday", "2026-03-07", "2026-03-07", "day"),
                ),
                "published": "2026-03-10",
            },
            [("RETREAT", "AZE", "ARM", "2026-03-09"), ("COERCE", "AZE", "ARM", "2026-03-07")],
            id="release-and-detention",
        ),
        pytest.param(
            "Azerbaijani forces shelled Armenian positions near Sotk on Wednesday, and Armenia's "
            "defence ministry accused Baku of violating the ceasefire.",
            {
                "actors": (
                    A("Azerbaijani forces", "AZE", "MIL"),
                    A("Armenian", "ARM", "MIL"),
                    A("Armenia's defence ministry", "ARM"),
                    A("Baku", "AZE"),
                ),
                "places": (P("Sotk", "ARM"), P("Baku", "AZE")),
                "dates": (D("on Wednesday", "2026-05-13", "2026-05-13", "day"),),
                "published": "2026-05-15",
            },
            # the date is the attack's; the accusation's clause gives none
            [("ASSAULT", "AZE", "ARM", "2026-05-13"), ("ACCUSE", "ARM", "AZE", None)],
            id="attack-and-accusation",
        ),
        pytest.param(
            "Chief negotiators from Serbia and Kosovo met in Brussels on Thursday for the first round "
            "of a new phase of the EU-facilitated dialogue and agreed to set up a joint commission on "
            "missing persons, the European Union said.",
            {
                "actors": (
                    A("Serbia", "SRB"),
                    A("Kosovo", "XKX"),
                    A("EU", "EUR", kind="igo"),
                    A("the European Union", "EUR", kind="igo"),
                ),
                "places": (P("Brussels", "BEL"),),
                "attributions": (T("the European Union said", "the European Union"),),
            },
            [("CONSULT", None, None, None), ("AGREE", None, None, None)],
            id="meeting-and-agreement",
        ),
    ],
)
def test_two_events_in_one_sentence(text, read, want) -> None:
    events = code(text, **read)
    got = [
        (
            e.event_type,
            e.source.country if e.source else None,
            e.target.country if e.target else None,
            e.date.start,
        )
        for e in events
    ]
    assert got == [(t, s, tg, d if d else got[i][3]) for i, (t, s, tg, d) in enumerate(want)]
    if events[0].event_type == "CONSULT":  # the shared subject: both acts are Serbia's and Kosovo's
        assert all({a.country for a in e.participants} == {"SRB", "XKX"} for e in events)
        assert all(e.mediator and e.mediator.country == "EUR" for e in events)
        assert events[0].round == 1 and "missing persons" in events[1].topics


def test_a_casualty_is_part_of_the_attack_that_caused_it() -> None:
    e = _one(
        "An Armenian soldier was killed and two others were wounded on Wednesday when Azerbaijani "
        "forces opened fire on Armenian positions near the village of Sotk, Armenia's defence "
        "ministry said.",
        actors=(
            A("Armenian", "ARM", "MIL"),
            A("Azerbaijani forces", "AZE", "MIL"),
            A("Armenian", "ARM", "MIL", nth=1),
            A("Armenia's defence ministry", "ARM"),
        ),
        places=(P("Sotk", "ARM"),),
        attributions=(T("Armenia's defence ministry said"),),
    )
    assert (e.event_type, e.source.country, e.target.country) == ("ASSAULT", "AZE", "ARM")
    assert e.sources[0].attributed_to == "Armenia's defence ministry said"


@pytest.mark.parametrize(
    "text, read, country",
    [
        (
            "In Yerevan, several hundred opposition supporters marched to the government building on Thursday evening.",
            {
                "actors": (A("opposition supporters", None, "OPP", kind="group"),),
                "places": (P("Yerevan", "ARM"),),
            },
            "ARM",
        ),
        (
            "Several hundred people later gathered in North Mitrovica to protest against the arrests, blocking the main road through the town for about two hours.",
            {"places": (P("North Mitrovica", "XKX"),)},
            "XKX",
        ),
        ("Protesters rallied in Tehran on Saturday.", {"places": (P("Tehran", "IRN"),)}, "IRN"),
    ],
)
def test_protests_take_their_country_from_the_place(text, read, country) -> None:
    e = _one(text, **read)
    assert (e.event_type, e.status) == ("PROTEST", "occurred")
    assert next((a.country, a.sector) for a in e.participants) == (
        country,
        read["actors"][0].sector if read.get("actors") else "CVL",
    )


def test_a_speaker_gives_the_country_of_an_unnamed_army() -> None:
    e = _one(
        "Serbia's defence minister said on Saturday that the army had been put on the highest level "
        "of combat readiness and that additional units had been moved towards the administrative "
        "line with Kosovo.",
        actors=(
            A("Serbia's defence minister", "SRB", kind="person"),
            A("the army", None, "MIL", kind="group"),
            A("Kosovo", "XKX"),
        ),
        attributions=(T("Serbia's defence minister said", "Serbia's defence minister"),),
    )
    assert (e.event_type, e.cameo, {a.country for a in e.participants}) == (
        "MOBILIZE",
        "152",
        {"SRB"},
    )


def test_violent_crackdown_implies_its_actors() -> None:
    e = _one(
        "Security forces violently cracked down on protesters in Minsk.",
        actors=(),
        places=(P("Minsk", "BLR"),),
    )
    assert (e.event_type, e.cameo, e.context) == ("ASSAULT", "175", ("repression",))
    assert (e.source.sector, e.target.sector, e.target.text) == ("COP", "CVL", "protesters")
    assert {a.country for a in e.participants} == {"BLR"}


def test_crackdown_without_violence_is_coerce() -> None:
    e = _one(
        "Belarusian police cracked down on independent media outlets.",
        actors=(A("Belarusian police", "BLR", "COP"),),
    )
    assert (e.event_type, e.cameo) == ("COERCE", "170")


def test_an_event_with_no_actor_is_dropped() -> None:
    assert code("Talks were held on Tuesday.", actors=()) == []


@pytest.mark.parametrize(
    "text, cameo_round",
    [
        ("Iran and the United States held a second round of talks in Muscat.", 2),
        ("Iran and the United States held round 3 of their talks in Muscat.", 3),
        ("Iran and the United States held another round of talks in Muscat.", None),
    ],
)
def test_round_numbers(text, cameo_round) -> None:
    e = _one(
        text, actors=(A("Iran", "IRN"), A("the United States", "USA")), places=(P("Muscat", "OMN"),)
    )
    assert (e.event_type, e.round, e.mode) == ("CONSULT", cameo_round, "third-party")


def test_a_message_from_a_sender_delivered_to_a_receiver() -> None:
    e = _one(
        "A message from Washington has been delivered to Ali Larijani through Omani "
        "intermediaries, Iranian state media said.",
        actors=(
            A("Washington", "USA"),
            A("Ali Larijani", "IRN", kind="person"),
            A("Omani intermediaries", "OMN"),
            A("Iranian state media", "IRN", "JRN"),
        ),
        attributions=(T("Iranian state media said", "Iranian state media"),),
    )
    assert (e.cameo, e.source.country, e.target.country) == ("040", "USA", "IRN")
    assert (e.mediator.country, e.mediator.role) == ("OMN", "intermediary")


def test_a_chair_named_after_the_meeting_is_its_mediator() -> None:
    events = code(
        "Iran and the United States held talks in Muscat on 6 February. Delegations are due to "
        "meet again in Geneva on Tuesday, with Oman's foreign minister chairing the session.",
        actors=(
            A("Iran", "IRN"),
            A("the United States", "USA"),
            A("Oman's foreign minister", "OMN", kind="person"),
        ),
        places=(P("Muscat", "OMN"), P("Geneva", "CHE")),
    )
    assert summary(events[-1]) == ("CONSULT", "planned", frozenset({"IRN", "USA"}), "OMN", "CHE")


def test_participle_accused_of_is_not_an_accusation() -> None:
    events = code(
        "The US Treasury imposed sanctions on tankers and shipping companies accused of carrying "
        "Iranian oil.",
        actors=(A("The US Treasury", "USA"), A("Iranian", "IRN", "BUS")),
    )
    assert [e.event_type for e in events] == ["SANCTION"]


def test_a_single_party_meeting_is_not_coded() -> None:
    text = "The Swiss government said the talks would take place in Geneva."
    actors = (A("The Swiss government", "CHE"),)
    assert code(text, actors=actors, places=(P("Geneva", "CHE"),)) == []


# A visit (042/043) needs a host that is a government; travel to a venue, or to a meeting between
# others, is no visit, and a place never becomes a participant under a city's name.
@pytest.mark.parametrize(
    "text, read",
    [
        pytest.param(
            "The Kremlin said on Sunday that the Russian delegation would arrive in Geneva on "
            "Monday and that Moscow expected the meeting to focus on practical questions.",
            {
                "actors": (
                    A("The Kremlin", "RUS"),
                    A("the Russian delegation", "RUS"),
                    A("Moscow", "RUS"),
                ),
                "places": (P("Geneva", "CHE"), P("Moscow", "RUS")),
                "attributions": (T("The Kremlin said", "The Kremlin"),),
            },
            id="arrive-in-a-venue-city",
        ),
        pytest.param(
            "The Armenian delegation arrived in Almaty on Thursday evening.",
            {"actors": (A("The Armenian delegation", "ARM"),), "places": (P("Almaty", "KAZ"),)},
            id="arrive-in-a-city-that-is-no-capital",
        ),
        pytest.param(
            "The foreign ministry said Albusaidi would travel to Switzerland on Monday and hold "
            "separate preparatory meetings with each delegation before the formal session begins.",
            {
                "actors": (
                    A("The foreign ministry", None, kind="group"),
                    A("Albusaidi", "OMN", kind="person"),
                    A("delegation", None, kind="group"),
                ),
                "places": (P("Switzerland", "CHE", "country"),),
                "attributions": (T("The foreign ministry said", "The foreign ministry"),),
            },
            id="mediator-travels-to-meet-each-delegation",
        ),
        pytest.param(
            "The Qatari envoy would fly to Switzerland on Sunday and hold separate meetings with "
            "each delegation.",
            {
                "actors": (
                    A("The Qatari envoy", "QAT", kind="person"),
                    A("delegation", None, kind="group"),
                ),
                "places": (P("Switzerland", "CHE", "country"),),
            },
            id="envoy-flies-to-meet-each-delegation",
        ),
        pytest.param(
            "A Ukrainian delegation would travel to Turkey for the talks, the foreign ministry said.",
            {
                "actors": (A("A Ukrainian delegation", "UKR"),),
                "places": (P("Turkey", "TUR", "country"),),
                "attributions": (T("the foreign ministry said", "the foreign ministry"),),
            },
            id="travel-for-a-known-meeting",
        ),
    ],
)
def test_travel_to_a_venue_is_not_a_visit(text, read) -> None:
    assert code(text, **read) == []


@pytest.mark.parametrize(
    "text, read, want, date, round_",
    [
        pytest.param(
            "Iranian Foreign Minister Abbas Araghchi will travel to Geneva on Monday to lead his "
            "country's delegation at Tuesday's nuclear talks with the United States, Iranian state "
            "media said on Sunday.",
            {
                "actors": (
                    A("Iranian Foreign Minister Abbas Araghchi", "IRN", kind="person"),
                    A("delegation", None, kind="group"),
                    A("the United States", "USA"),
                    A("Iranian state media", "IRN", "JRN", kind="group"),
                ),
                "places": (P("Geneva", "CHE"), P("the United States", "USA", "country")),
                "dates": (
                    D("Monday", "2026-02-16", "2026-02-16", "day"),
                    D("Tuesday", "2026-02-17", "2026-02-17", "day"),
                    D("Sunday", "2026-02-15", "2026-02-15", "day"),
                ),
                "attributions": (T("Iranian state media said", "Iranian state media"),),
                "published": "2026-02-15",
            },
            ("CONSULT", "planned", frozenset({"IRN", "USA"}), None, "CHE"),
            "2026-02-17",  # the talks' day, not the day of travel
            None,
            id="lead-the-delegation-at-talks",
        ),
        pytest.param(
            "Armenia's foreign minister flew to Abu Dhabi on Sunday to attend Monday's peace talks "
            "with Azerbaijan.",
            {
                "actors": (A("Armenia's foreign minister", "ARM", kind="person"), AZE),
                "places": (P("Abu Dhabi", "ARE"),),
                "dates": (
                    D("on Sunday", "2026-04-12", "2026-04-12", "day"),
                    D("Monday's", "2026-04-13", "2026-04-13", "day"),
                ),
                "published": "2026-04-14",
            },
            # Abu Dhabi is a capital, but the Emirates only host: no visit to them
            ("CONSULT", "occurred", frozenset({"ARM", "AZE"}), None, "ARE"),
            "2026-04-13",
            None,
            id="attend-talks-in-a-third-capital",
        ),
        pytest.param(
            "The Serbian negotiator will travel to Brussels on Wednesday for the second round of "
            "talks with Kosovo.",
            {
                "actors": (A("The Serbian negotiator", "SRB", kind="person"), A("Kosovo", "XKX")),
                "places": (P("Brussels", "BEL"),),
                "dates": (D("on Wednesday", "2026-03-25", "2026-03-25", "day"),),
                "published": "2026-03-22",
            },
            ("CONSULT", "planned", frozenset({"SRB", "XKX"}), None, "BEL"),
            None,  # the day of travel is not said to be the day of the talks
            2,
            id="second-round-with-the-other-side",
        ),
    ],
)
def test_a_trip_to_talks_is_the_talks(text, read, want, date, round_) -> None:
    e = _one(text, **read)
    assert summary(e) == want
    assert (e.cameo, e.mode, e.source, e.target) == ("046", "third-party", None, None)
    assert e.date.start == (date or read["published"])
    assert e.round == round_
    assert all(a.name != e.location.text for a in e.participants)


@pytest.mark.parametrize(
    "text, read, hosts",
    [
        pytest.param(
            "The US envoy would travel to Baku and Yerevan next week.",
            {
                "actors": (A("The US envoy", "USA", kind="person"),),
                "places": (P("Baku", "AZE"), P("Yerevan", "ARM")),
            },
            [("Azerbaijan", "Baku"), ("Armenia", "Yerevan")],
            id="two-capitals",
        ),
        pytest.param(
            "Erdogan will travel to Moscow next week for talks with Putin.",
            {
                "actors": (A("Erdogan", "TUR", kind="person"), A("Putin", "RUS", kind="person")),
                "places": (P("Moscow", "RUS"),),
            },
            [("Russia", "Moscow")],  # talks with the host: a visit
            id="talks-with-the-host",
        ),
        pytest.param(
            "Erdogan flew to Moscow on Monday for talks.",
            {"actors": (A("Erdogan", "TUR", kind="person"),), "places": (P("Moscow", "RUS"),)},
            [("Russia", "Moscow")],  # talks with nobody else named: the host's
            id="talks-with-nobody-else",
        ),
        pytest.param(
            "Kazakhstan's foreign minister travelled to Armenia on Friday.",
            {
                "actors": (A("Kazakhstan's foreign minister", "KAZ", kind="person"),),
                "places": (P("Armenia", "ARM", "country"),),
            },
            [("Armenia", "Armenia")],
            id="a-country",
        ),
    ],
)
def test_a_visit_is_to_the_government_of_a_capital_or_country(text, read, hosts) -> None:
    events = code(text, **read)
    assert [(e.cameo, e.mode) for e in events] == [("042", "visit")] * len(hosts)
    assert [(e.target.name, e.target.text) for e in events] == hosts
    assert [(e.target.sector, e.location.text) for e in events] == [("GOV", t) for _, t in hosts]


@pytest.mark.parametrize(
    "text, read, status",
    [
        pytest.param(
            "A message from Washington has been delivered to Ali Larijani, secretary of Iran's "
            "Supreme National Security Council, through Omani intermediaries, Iranian state media "
            "said on Friday, days before the two countries resume nuclear talks in Geneva.",
            {
                "actors": (
                    A("Washington", "USA"),
                    A(
                        "Ali Larijani, secretary of Iran's Supreme National Security Council",
                        "IRN",
                        kind="person",
                        name="Ali Larijani",
                    ),
                    A("Omani intermediaries", "OMN"),
                    A("Iranian state media", "IRN", "JRN", kind="group"),
                ),
                "places": (P("Geneva", "CHE"),),
                "dates": (D("Friday", "2026-02-13", "2026-02-13", "day"),),
                "attributions": (T("Iranian state media said", "Iranian state media"),),
                "published": "2026-02-13",
            },
            "planned",
            id="message-days-before-talks-resume",
        ),
        pytest.param(
            "A letter from Washington was handed to Iran's foreign minister through Qatari "
            "intermediaries on Thursday, days before the two countries resume talks in Oman.",
            {
                "actors": (
                    A("Washington", "USA"),
                    A("Iran's foreign minister", "IRN", kind="person"),
                    A("Qatari intermediaries", "QAT"),
                ),
                "places": (P("Oman", "OMN", "country"),),
                "dates": (D("on Thursday", "2026-02-12", "2026-02-12", "day"),),
            },
            "planned",
            id="letter-days-before-talks-resume",
        ),
        pytest.param(
            "A letter from Washington was handed to Iran's foreign minister through Qatari "
            "intermediaries on Thursday, days before the two countries resumed talks in Oman.",
            {
                "actors": (
                    A("Washington", "USA"),
                    A("Iran's foreign minister", "IRN", kind="person"),
                    A("Qatari intermediaries", "QAT"),
                ),
                "places": (P("Oman", "OMN", "country"),),
                "dates": (D("on Thursday", "2026-02-12", "2026-02-12", "day"),),
            },
            "occurred",
            id="letter-days-before-talks-resumed",
        ),
    ],
)
def test_the_two_countries_after_a_message_are_its_governments(text, read, status) -> None:
    message, talks = code(text, **read)
    assert (message.cameo, message.source.country, message.target.country) == ("040", "USA", "IRN")
    assert message.mediator.role == "intermediary"
    assert (talks.event_type, talks.cameo, talks.status) == ("CONSULT", "046", status)
    # the governments, not the message's sender and receiver; the carrier is the message's only
    assert {(a.name, a.country, a.sector) for a in talks.participants} == {
        ("United States", "USA", "GOV"),
        ("Iran", "IRN", "GOV"),
    }
    assert talks.mediator is None and talks.source is None and talks.target is None
    # the date in the message's clause is the message's: the talks' own clause gives none
    assert (message.date.source, talks.date.source) == ("text", "publication")


@pytest.mark.parametrize(
    "text, read, source, target",
    [
        pytest.param(
            "The council said Iran would not accept an arrangement that left the existing "
            "sanctions in place while asking Tehran to curb its nuclear work.",
            {
                "actors": (A("Iran", "IRN"), A("Tehran", "IRN")),
                "attributions": (T("The council said", "The council"),),
            },
            ("REJECT", "IRN", "GOV"),
            None,
            id="a-country-and-its-capital",
        ),
        pytest.param(
            "Russia would not accept any plan that required Moscow to give up territory.",
            {"actors": (A("Russia", "RUS"), A("Moscow", "RUS"))},
            ("REJECT", "RUS", "GOV"),
            None,
            id="a-country-and-its-capital-again",
        ),
        pytest.param(
            "Iranian police detained Iranian journalists in Tehran on Saturday.",
            {
                "actors": (
                    A("Iranian police", "IRN", "COP"),
                    A("Iranian journalists", "IRN", "JRN"),
                ),
                "places": (P("Tehran", "IRN"),),
            },
            ("COERCE", "IRN", "COP"),
            ("IRN", "JRN"),  # one country, two sectors: a dyad
            id="same-country-other-sector",
        ),
    ],
)
def test_source_and_target_are_two_actors(text, read, source, target) -> None:
    e = _one(text, **read)
    assert (e.event_type, e.source.country, e.source.sector) == source
    assert ((e.target.country, e.target.sector) if e.target else None) == target
    assert len(e.participants) == (2 if target else 1)


@pytest.mark.parametrize(
    "text, read, parties",
    [
        pytest.param(
            "Russia, Ukraine and the United States will hold trilateral talks in Geneva on "
            "Tuesday. The Geneva meeting will take place on the same day as, but separately from, "
            "a second round of nuclear talks between the United States and Iran in the Swiss city.",
            {
                "actors": (
                    A("Russia", "RUS"),
                    A("Ukraine", "UKR"),
                    A("the United States", "USA"),
                    A("the United States", "USA", nth=1),
                    A("Iran", "IRN"),
                ),
                "places": (P("Geneva", "CHE"), P("Geneva", "CHE", nth=1)),
            },
            {"RUS", "UKR", "USA"},
            id="separately-from-a-second-round",
        ),
        pytest.param(
            "Serbia and Kosovo will meet in Brussels on Thursday, a week after the third round of "
            "talks between Armenia and Azerbaijan.",
            {
                "actors": (A("Serbia", "SRB"), A("Kosovo", "XKX"), ARM, AZE),
                "places": (P("Brussels", "BEL"),),
            },
            {"SRB", "XKX"},
            id="a-week-after-a-third-round",
        ),
    ],
)
def test_an_ordinal_in_another_clause_numbers_another_meeting(text, read, parties) -> None:
    e = code(text, **read)[-1]
    assert {a.country for a in e.participants} == parties
    assert e.round is None
