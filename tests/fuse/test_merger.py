"""Folding reports into an occurrence one at a time (fuse/merger.py) gives what merging them all at
once gives, in any order and any number of steps; and a store that folds every new report into
the occurrence it joins, and updates a long track, ends up as one that merges everything again."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest

from dragoman.fuse import Merger, Report, merge
from dragoman.fuse.cache import FusionCache
from dragoman.model import Actor, Article, DateValue, Event, Evidence, Place, Source, content_id
from dragoman.store import Store

ARM = Actor(text="Armenia", name="Armenia", country="ARM", sector="GOV", role="party")
AZE = Actor(text="Azerbaijan", name="Azerbaijan", country="AZE", sector="GOV", role="party")
EU = Actor(text="the European Union", name="European Union", country="EUR", sector="IGO", role="mediator")
CITIES = [("Geneva", "CHE", 46.2), ("Vienna", "AUT", 48.2), ("Bern", "CHE", None)]


def disputed_reports(n: int, seed: int) -> list[Report]:
    """Reports of one meeting that disagree: statuses, days, places in two countries, round
    numbers; some articles tell it twice in one sentence, some outlets copy each other."""
    rng = random.Random(seed)
    reports = []
    for k in range(n):
        article = f"a_{rng.randrange(n // 2 + 1):04d}"
        sentence = f"The second round is set for Geneva ({rng.randrange(3)})."
        day = f"2026-03-{rng.choice([10, 12, 24]):02d}"
        city = rng.choice([*CITIES, None])
        event = Event(
            id=content_id("e", article, k),
            event_type="CONSULT",
            cameo=rng.choice(["046", "043"]),
            status=rng.choice(["planned", "occurred", "postponed", "denied", "cancelled"]),
            participants=(ARM, AZE),
            mediator=rng.choice([None, EU]),
            location=Place(text=city[0], name=city[0], country=city[1], lat=city[2], lon=city[2]) if city else None,
            date=DateValue(start=day, end=day, precision=rng.choice(["day", "day", "week"])) if rng.random() < 0.8 else None,
            round=rng.choice([None, 1, 2, 2]),
            topics=(rng.choice(["border delimitation", "transport links", "prisoner exchange"]),),
            confidence=rng.choice([0.5, 0.7, 0.9]),
            sources=(Source(doc_id=article, outlet=f"Outlet {article[-1]}", url=None),),
            evidence=(Evidence(doc_id=article, sentence=sentence, start=rng.randrange(3), end=40),),
        )
        published = rng.choice(["2026-03-01", "2026-03-09", "2026-03-25", None])
        group = rng.choice([article, "a_copied"])
        reports.append(Report.of(event, article_id=article, published=published, outlet=article[-1], group=group))
    return reports


@pytest.mark.parametrize("seed", range(8))
def test_folding_in_any_order_and_steps_gives_the_merge_of_all(seed: int) -> None:
    reports = disputed_reports(60, seed)
    expected = merge(reports)
    assert expected.contradictions and len(expected.history) > 1  # the case is not trivial
    rng = random.Random(seed)
    shuffled = rng.sample(reports, len(reports))
    merger = Merger()
    while shuffled:
        k = rng.randint(1, 9)
        step, shuffled = shuffled[:k], shuffled[k:]
        kept = merger
        merger = merger.copy().add(step)
        if kept.members:  # the copy took the new reports; the kept merger still has only its own
            assert kept.occurrence() == merge([r for r in reports if r.event.id in kept.members])
    occurrence = merger.add(reports).occurrence()  # reports already in are not counted twice
    assert occurrence == expected
    assert merger.record(occurrence) == json.dumps(expected.to_dict(), ensure_ascii=False, sort_keys=True)


def test_a_report_folded_in_before_the_latest_replays_the_status() -> None:
    held, announced = disputed_reports(2, 0)
    held = Report.of(_with(held.event, status="occurred"), article_id="a_1", published="2026-03-25", outlet="B")
    announced = Report.of(_with(announced.event, status="planned"), article_id="a_0", published="2026-03-02", outlet="A")
    occurrence = Merger().add([held]).add([announced]).occurrence()
    assert [c.value for c in occurrence.history] == ["planned", "occurred"]
    assert occurrence == merge([announced, held])


def test_merge_needs_a_report() -> None:
    with pytest.raises(ValueError, match="at least one report"):
        merge([])


def _with(event: Event, **changes: object) -> Event:
    from dataclasses import replace

    return replace(event, **changes)  # type: ignore[arg-type]


# -- in the store: a long track, updated report by report -------------------------------------------


def long_track(n: int) -> list[tuple[Article, list[Event]]]:
    """``n`` articles, each one report of the Armenia-Azerbaijan talks: ten rounds two weeks apart,
    each announced, some postponed, then held, told by many outlets in Geneva, Vienna or Bern."""
    rng = random.Random(n)
    start = date(2026, 1, 5)
    out = []
    for k in range(n):
        number = k * 10 // n + 1
        day = start + timedelta(days=14 * number)
        published = day + timedelta(days=rng.randrange(-6, 4))
        status = "occurred" if published >= day else rng.choice(["planned", "planned", "postponed"])
        city, country, lat = CITIES[number % 3]
        text = f"Report {k}: Armenian and Azerbaijani negotiators, round {number}, {status}, in {city}."
        article = Article(
            id=f"a_{k:05d}", raw_id=f"r_{k}", origin=f"test/{k}", title=None, text=text, outlet=f"Outlet {k % 7}",
            published=DateValue(start=published.isoformat(), end=None, precision="day"),
        )  # fmt: skip
        event = Event(
            id=content_id("e", article.id, 0), event_type="CONSULT", cameo="046", status=status,
            participants=(ARM, AZE), mediator=EU if k % 3 else None,
            location=Place(text=city, name=city, country=country, lat=lat, lon=lat),
            date=DateValue(start=day.isoformat(), end=day.isoformat(), precision="day"),
            round=number if k % 5 else None,
            sources=(Source(doc_id=article.id, outlet=article.outlet, url=None, published=published.isoformat()),),
            evidence=(Evidence(doc_id=article.id, sentence=text, start=0, end=len(text)),),
        )  # fmt: skip
        out.append((article, [event]))
    return out


def stored(db: str, articles: list[tuple[Article, list[Event]]], cache: FusionCache) -> dict[str, object]:
    with Store(db, fusion_cache=cache) as store:
        for article, events in articles:
            store.save(article, events)
        con = store._con
        return {
            "occurrences": con.execute("SELECT id, track_id, round, n_reports, record FROM occurrences ORDER BY id").fetchall(),
            "tracks": store.tracks(),
            "track_rows": con.execute("SELECT id, record FROM tracks ORDER BY id").fetchall(),
            "round_rows": con.execute("SELECT track_id, number, record FROM track_rounds ORDER BY 1, 2").fetchall(),
            "reports": con.execute("SELECT id, occurrence_id FROM events ORDER BY id").fetchall(),
        }


def test_a_long_track_updated_report_by_report_is_what_merging_everything_gives(tmp_path) -> None:  # type: ignore[no-untyped-def]
    articles = long_track(200)
    cache = FusionCache()
    folded = stored(str(tmp_path / "folded.db"), articles, cache)
    assert cache.mergers.hits > 150  # reports were folded into kept occurrences
    assert cache.ledgers.hits > 150  # and the track updated by each, not built again
    remerged = stored(str(tmp_path / "remerged.db"), articles, FusionCache.of_size(0, 0))
    reversed_ = stored(str(tmp_path / "reversed.db"), articles[::-1], FusionCache())
    assert folded == remerged == reversed_
    (record,) = folded["tracks"]
    assert [r["round"] for r in record["rounds"]] == list(range(1, 11))
    assert all(r["status"] == "occurred" for r in record["rounds"])
    assert len(record["sources"]) == 200
    sizes = sorted(o[3] for o in folded["occurrences"])
    assert sum(sizes) == 200 and sizes[-1] >= 15  # rounds told by many reports
