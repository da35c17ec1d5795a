"""One article telling the act of one day twice, once with no place: one event (fuse.similarity,
``_told_in_detail``), and only then."""

from __future__ import annotations

from dragoman.fuse import Report, same_event
from dragoman.model import Actor, DateValue, Place
from tests.fuse.reports import told

TEHRAN = Place(text="Tehran", name="Tehran", country="IRN", lat=35.6944, lon=51.4215)
ISFAHAN = Place(text="Isfahan", name="Isfahan", country="IRN", lat=32.6525, lon=51.6746)
UKRAINE = Actor(text="Ukraine", name="Ukraine", country="UKR", sector="GOV")


def crowd(text: str) -> Actor:
    return Actor(text=text, name=text, country="IRN", sector="CVL", role="source", kind="group")


def report(
    sentence: str,
    *,
    doc: str = "a",
    place: Place | None = None,
    day: str | None = "2026-02-14",
    source: Actor | None = None,
    target: Actor | None = None,
    event_type: str = "PROTEST",
) -> Report:
    source = source if source is not None or target is not None else crowd("protesters")
    date = (
        DateValue(start=day, end=day, precision="day", source="sentence")
        if day
        else DateValue(start=None, end="2026-02-14", precision=None, source="publication")
    )
    return told(
        sentence,
        doc=doc,
        published="2026-02-14",
        event_type=event_type,
        cameo="141" if event_type == "PROTEST" else "020",
        status="occurred",
        source=source,
        target=target,
        participants=tuple(a for a in (source, target) if a is not None),
        location=place,
        date=date,
    )


RALLY = report(
    "Hundreds of protesters rallied in central Tehran on Saturday to demand the release of "
    "people detained during last month's unrest, witnesses said.",
    place=TEHRAN,
)
DETAIL = "Videos verified by rights monitors showed crowds chanting slogans near a main square."


def test_the_rally_told_again_with_no_place_is_the_rally() -> None:
    detail = report(DETAIL, source=crowd("crowds"))
    verdict = same_event(RALLY, detail)
    assert verdict.same, verdict.why
    assert same_event(detail, RALLY).same


def test_another_article_needs_more_than_the_day() -> None:
    detail = report(DETAIL, doc="b", source=crowd("crowds"))
    assert not same_event(RALLY, detail).same


def test_two_placed_acts_of_one_day_are_compared_by_place() -> None:
    other = report("Students also marched in Isfahan on Saturday.", place=ISFAHAN)
    assert not same_event(RALLY, other).same


def test_an_undated_act_is_not_told_again_by_its_day() -> None:
    undated = report(DETAIL, source=crowd("crowds"), day=None)
    assert not same_event(RALLY, undated).same


def test_acts_in_opposite_directions_stay_apart() -> None:
    asks = report(
        "Ukraine's foreign ministry called on partners to speed up deliveries of air defence.",
        source=UKRAINE,
        event_type="REQUEST",
    )
    asked = report(
        "European governments have pressed to be kept informed and say any settlement must "
        "guarantee Ukraine's security.",
        target=UKRAINE,
        event_type="REQUEST",
    )
    assert not same_event(asks, asked).same
