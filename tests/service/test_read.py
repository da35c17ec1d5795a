"""The read endpoints over HTTP, checked against the store's own view of the demo week.

/events lists canonical events (each real-world event once); /reports the per-article reports."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from dragoman.export import export_text
from dragoman.fuse import Occurrence
from dragoman.model import Actor, Event
from dragoman.service import create_app
from dragoman.store import open_store

from .conftest import Api, Reply, copy_db, running

API_CSP = "default-src 'none'"


@dataclass(frozen=True)
class Truth:
    """A canonical event as the store holds it, with its reports (the actor and text filters
    look at every report of it)."""

    occurrence: Occurrence
    reports: list[Event]

    @property
    def event(self) -> Event:
        return self.occurrence.event

    @property
    def id(self) -> str:
        return self.occurrence.id

    def actors(self) -> list[Actor]:
        return [a for r in self.reports for a in (*r.participants, r.mediator) if a is not None]

    def sentences(self) -> list[str]:
        return [v.sentence for r in self.reports for v in r.evidence]


@pytest.fixture(scope="module")
def truth(demo_db: Path) -> list[Truth]:
    with open_store(demo_db) as store:
        return [Truth(o, [store.event(i) for i in o.reports]) for o in store.occurrences()]


@pytest.fixture(scope="module")
def reports(demo_db: Path) -> list[Event]:
    with open_store(demo_db) as store:
        return store.events()


def key(event: Event) -> str | None:
    return (event.date.start or event.date.end) if event.date else None


def walk(api: Api, query: str, endpoint: str = "/events") -> list[dict]:
    """Every event of a query, following next_cursor page by page."""
    records: list[dict] = []
    path = f"{endpoint}?{query}"
    for _ in range(100):
        reply = api.get(path)
        assert reply.status == 200, reply.text
        page = reply.json()
        records += page["events"]
        if page["next_cursor"] is None:
            return records
        path = page["next"]
    raise AssertionError("pagination did not end")


def word(text: str, w: str) -> bool:
    return re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) is not None


def test_health(api: Api) -> None:
    reply = api.get("/health")
    assert reply.status == 200
    assert reply.json() == {
        "status": "ok",
        "schema_version": reply.json()["schema_version"],
        "ingest_enabled": True,
    }
    assert reply.json()["schema_version"] >= 1


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_pagination_returns_every_event_exactly_once_in_order(api: Api, truth: list[Truth], order: str) -> None:
    records = walk(api, f"limit=7&order={order}")
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == len(truth) > 20
    assert set(ids) == {t.id for t in truth}
    dated = [(r["date"]["start"] or r["date"]["end"]) for r in records if r["date"]]
    assert dated == sorted(dated, reverse=order == "desc")
    assert all(r["date"] is None for r in records[len(dated) :]), "undated events come last"


def test_reports_stay_reachable_page_by_page(api: Api, reports: list[Event], truth: list[Truth]) -> None:
    records = walk(api, "limit=9", endpoint="/reports")
    assert sorted(r["id"] for r in records) == sorted(e.id for e in reports)
    assert len(reports) > len(truth), "the demo week has events told by several articles"
    planned = {r["id"] for r in walk(api, "status=planned&limit=3", endpoint="/reports")}
    assert planned == {e.id for e in reports if e.status == "planned"}


@pytest.mark.parametrize("limit", [1, 5, 43, 1000])
def test_every_page_size_covers_the_same_events(api: Api, truth: list[Truth], limit: int) -> None:
    assert sorted(r["id"] for r in walk(api, f"limit={limit}")) == sorted(t.id for t in truth)


def test_each_item_counts_its_sources(api: Api, truth: list[Truth]) -> None:
    by_id = {t.id: t for t in truth}
    for record in walk(api, "limit=100"):
        t = by_id[record["id"]]
        assert record["report_count"] == len(t.reports) == len(record["reports"])
        assert record["source_count"] == len(record["sources"]) >= 1
        assert record["independent_sources"] == t.occurrence.independent_sources
        assert record["status"] == t.event.status and record["track"] == t.event.track
    assert any(r["report_count"] > 1 for r in walk(api, "limit=100")), "no fused event in the demo week"


def _has_actor(t: Truth, test) -> bool:  # type: ignore[no-untyped-def]
    return any(test(a) for a in t.actors())


FILTERS = [
    ("type=CONSULT", lambda t: t.event.event_type == "CONSULT"),
    ("type=consult&status=PLANNED", lambda t: t.event.event_type == "CONSULT" and t.event.status == "planned"),
    # the demo week denies no meeting outright (a denial of direct contact is round 1 held)
    ("status=occurred", lambda t: t.event.status == "occurred"),
    ("actor=OMN", lambda t: _has_actor(t, lambda a: a.country == "OMN")),
    ("actor=IRN%20GOV", lambda t: _has_actor(t, lambda a: a.country == "IRN" and a.sector == "GOV")),
    ("actor=oman", lambda t: _has_actor(t, lambda a: (a.name or "").lower().startswith("oman"))),
    ("actor=Abbas", lambda t: _has_actor(t, lambda a: (a.name or "").startswith("Abbas"))),
    ("country=CHE", lambda t: t.event.location is not None and t.event.location.country == "CHE"),
    ("from=2026-02-10", lambda t: key(t.event) is not None and key(t.event) >= "2026-02-10"),
    ("from=2026-02-01&to=2026-02-13", lambda t: key(t.event) is not None and "2026-02-01" <= key(t.event) <= "2026-02-13"),
    ("date=2026-02-06", lambda t: key(t.event) == "2026-02-06"),
    ("text=geneva", lambda t: any(word(s, "geneva") for s in t.sentences())),
    ("text=talks%20Geneva", lambda t: any(word(s, "geneva") and word(s, "talks") for s in t.sentences())),
    ("type=CONSULT&actor=USA&text=Oman", lambda t: t.event.event_type == "CONSULT"
        and _has_actor(t, lambda a: a.country == "USA") and any(word(s, "oman") for s in t.sentences())),
    ("track=irn-usa-2026", lambda t: t.event.track == "irn-usa-2026"),
    ("track=irn-usa-2026&status=planned&order=desc", lambda t: t.event.track == "irn-usa-2026" and t.event.status == "planned"),
    ("actor=USA&from=2026-02-07&order=desc", lambda t: _has_actor(t, lambda a: a.country == "USA")
        and key(t.event) is not None and key(t.event) >= "2026-02-07"),
    ("text=geneva&order=desc", lambda t: any(word(s, "geneva") for s in t.sentences())),
    ("track=none-such", lambda t: False),
    ("actor=Nonesuch%20Person", lambda t: False),
]  # fmt: skip


@pytest.mark.parametrize(("query", "matches"), FILTERS, ids=[q for q, _ in FILTERS])
def test_filters_match_what_the_store_holds(api: Api, truth: list[Truth], query: str, matches) -> None:  # type: ignore[no-untyped-def]
    expected = {t.id for t in truth if matches(t)}
    got = [r["id"] for r in walk(api, f"{query}&limit=2")]
    assert len(got) == len(set(got))
    assert set(got) == expected
    assert expected or "none" in query.lower(), f"{query} matches nothing in the demo week: a weak test"
    if "order=desc" in query:
        dates = [key(next(t.event for t in truth if t.id == i)) for i in got]
        assert [d for d in dates if d] == sorted((d for d in dates if d), reverse=True)


def test_the_track_filter_finds_the_geneva_round(api: Api) -> None:
    track = api.get("/tracks/irn-usa-2026").json()
    events = walk(api, "track=irn-usa-2026&limit=3")
    rounds = {r["round"]: r for r in events if r["round"] is not None}
    assert set(rounds) == {1, 2}
    geneva = rounds[2]
    assert geneva["location"]["text"] == "Geneva" and geneva["status"] == "planned"
    assert geneva["date"]["start"] == "2026-02-17"
    assert rounds[1]["location"]["text"] == "Muscat"
    assert {r["id"] for r in events} >= {m["id"] for m in track["events"] if m.get("round")}


def test_csv_by_parameter_and_by_accept_header(api: Api) -> None:
    page = api.get("/events?limit=10").json()
    for reply in (
        api.get("/events?limit=10&format=csv"),
        api.get("/events?limit=10", Accept="text/csv"),
    ):
        assert reply.status == 200
        assert reply.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(reply.text)))
        assert [r["id"] for r in rows] == [e["id"] for e in page["events"]]
        assert rows[0]["evidence"] == page["events"][0]["evidence"][0]["sentence"]
        assert (
            "cursor=" in reply.headers["link"]
            and reply.headers["x-next-cursor"] == page["next_cursor"]
        )


@pytest.mark.parametrize("query", [
    "date=notadate", "limit=-1", "limit=0", "limit=1001", "limit=ten", "from=2026-02-30", "to=14/02/2026",
    "type=TALKS", "status=rumoured", "country=Iran", "from=2026-02-10&to=2026-02-01", "date=2026-02-06&from=2026-02-01",
    "cursor=not-a-cursor", "stauts=planned", "order=sideways", "format=xml", "text=", "actor=%20",
])  # fmt: skip
def test_bad_parameters_are_422_naming_the_parameter(api: Api, query: str) -> None:
    reply = api.get(f"/events?{query}")
    assert reply.status == 422, reply.text
    assert reply.headers["content-type"] == "application/json"
    error = reply.json()["error"]
    assert error["code"] == "invalid_parameter" and error["status"] == 422
    name = query.split("=")[0]
    assert name in error["message"], error
    assert "Traceback" not in reply.text


def test_a_cursor_only_works_with_its_own_query(api: Api) -> None:
    cursor = api.get("/events?limit=2&type=CONSULT").json()["next_cursor"]
    assert api.get(f"/events?limit=2&type=CONSULT&cursor={cursor}").status == 200
    reply = api.get(f"/events?limit=2&type=REQUEST&cursor={cursor}")
    assert reply.status == 422 and "another query" in reply.json()["error"]["message"]


def test_event_detail_with_reports_evidence_and_status_history(api: Api, truth: list[Truth]) -> None:
    fused = next(t for t in truth if len(t.reports) > 1 and t.event.mediator is not None)
    detail = api.get(f"/events/{fused.id}").json()
    assert detail["event"]["id"] == fused.id and detail["resolved_from"] is None
    assert detail["event"]["reports"] == list(fused.occurrence.reports)
    assert [r["id"] for r in detail["reports"]] and {r["id"] for r in detail["reports"]} == set(fused.occurrence.reports)
    assert detail["status_history"] == [c.to_dict() for c in fused.occurrence.history]
    assert detail["contradictions"] == detail["event"]["contradictions"]
    for evidence in detail["event"]["evidence"]:
        article = api.get(f"/articles/{evidence['doc_id']}").json()
        assert article["text"][evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert {r["article"]["id"] for r in detail["reports"]} == {s["doc_id"] for s in detail["event"]["sources"]}


def test_an_old_id_a_report_id_and_a_prefix_find_the_canonical_event(api: Api, demo_db: Path) -> None:
    with sqlite3.connect(demo_db) as con:
        aliases = con.execute("SELECT old_id, new_id FROM occurrence_aliases ORDER BY old_id").fetchall()
        report_id, owner = con.execute("SELECT id, occurrence_id FROM events ORDER BY id LIMIT 1").fetchone()
    assert aliases, "the demo week merges events told in several articles"
    for old, new in aliases:
        detail = api.get(f"/events/{old}").json()
        assert detail["event"]["id"] == new and detail["resolved_from"] == old
    assert api.get(f"/events/{report_id}").json()["event"]["id"] == owner
    assert api.get(f"/events/{owner[:10]}").json()["event"]["id"] == owner
    report = api.get(f"/reports/{report_id}").json()
    assert report["event"]["id"] == report_id and report["links"]["event"] == f"/events/{report_id}"


def test_article_spans_point_at_the_evidence_of_every_report_in_it(api: Api, reports: list[Event]) -> None:
    article_id = reports[0].evidence[0].doc_id
    article = api.get(f"/articles/{article_id}").json()
    in_article = {e.id: e for e in reports if e.evidence[0].doc_id == article_id}
    assert {s["event_id"] for s in article["spans"]} == set(in_article)
    for span in article["spans"]:
        sentence = article["text"][span["start"] : span["end"]]
        assert sentence in {v.sentence for v in in_article[span["event_id"]].evidence}
        assert span["event_type"] == in_article[span["event_id"]].event_type


@pytest.mark.parametrize(
    "path", ["/events/e_0000000000000000", "/articles/a_nothing", "/no/such/endpoint"]
)
def test_not_found_is_a_json_404(api: Api, path: str) -> None:
    reply = api.get(path)
    assert reply.status == 404
    assert reply.json()["error"]["code"] == "not_found"
    assert reply.headers["content-security-policy"].startswith(API_CSP)


def test_actors_with_counts_of_canonical_events(api: Api, truth: list[Truth]) -> None:
    expected: Counter[tuple[str | None, str | None, str | None]] = Counter()
    for t in truth:
        for actor in {(a.name, a.country, a.sector) for a in t.actors()}:
            expected[actor] += 1
    body = api.get("/actors?limit=1000").json()
    assert body["total"] == len(expected) and body["fresh"] is True
    assert {(a["name"], a["country"], a["sector"]): a["events"] for a in body["actors"]} == dict(expected)
    counts = [a["events"] for a in body["actors"]]
    assert counts == sorted(counts, reverse=True)
    oman = api.get("/actors?q=om&country=OMN").json()["actors"]
    assert oman and all(a["name"].lower().startswith("om") and a["country"] == "OMN" for a in oman)
    assert oman[0]["roles"].get("mediator", 0) > 0
    assert api.get("/actors?limit=0").status == 422
    assert api.get("/actors?country=Oman").status == 422


@pytest.mark.parametrize("fmt", ["plover-json", "cameo-tsv", "csv"])
def test_export_streams_the_same_rows_as_the_cli_export(api: Api, truth: list[Truth], reports: list[Event],
                                                        fmt: str) -> None:  # fmt: skip
    for path, events in ((f"/export/{fmt}", [t.event for t in truth]), (f"/export/{fmt}?reports=true", reports)):
        reply = api.get(path)
        assert reply.status == 200
        assert "attachment" in reply.headers["content-disposition"]
        lines = reply.text.splitlines()
        cli_lines = export_text(events, fmt).splitlines()
        if fmt != "plover-json":
            assert lines[0] == cli_lines[0], "one header, first"
        assert sorted(lines) == sorted(cli_lines)


def test_export_takes_the_event_filters(api: Api, truth: list[Truth]) -> None:
    rows = list(csv.DictReader(io.StringIO(api.get("/export/csv?type=CONSULT&status=planned").text)))
    assert {r["id"] for r in rows} == {
        t.id for t in truth if t.event.event_type == "CONSULT" and t.event.status == "planned"
    } != set()
    assert api.get("/export/xml").status == 404
    assert api.get("/export/csv?limit=5").status == 422


def test_export_parquet(api: Api, truth: list[Truth], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet export needs pyarrow")
    reply = api.get("/export/parquet")
    assert reply.status == 200
    path = tmp_path / "events.parquet"
    path.write_bytes(reply.body)
    table = pq.read_table(path)
    assert sorted(table.column("id").to_pylist()) == sorted(t.id for t in truth)


def test_docs_page_and_openapi(api: Api) -> None:
    spec = api.get("/openapi.json").json()
    for path in ("/events", "/events/{event_id}", "/reports", "/reports/{report_id}", "/actors",
                 "/articles/{article_id}", "/export/{fmt}", "/ingest", "/health", "/tracks"):  # fmt: skip
        assert path in spec["paths"]
    docs = api.get("/docs")
    assert docs.status == 200
    if docs.headers["content-type"].startswith("text/html"):
        assert "script-src 'self'" in docs.headers["content-security-policy"]
        assert "<script>" not in docs.text, "no inline script: every <script> has a src"
        assert api.get("/docs/assets/swagger-ui-bundle.js").status == 200
        assert api.get("/docs/init/docs.js").status == 200


def test_unexpected_errors_are_json_without_a_traceback(demo_db: Path, tmp_path: Path, truth: list[Truth]) -> None:
    db = copy_db(demo_db, tmp_path)
    with sqlite3.connect(
        db
    ) as con:  # a record damaged on disk: the server must not leak the parser's error
        con.execute("UPDATE occurrences SET record = '{\"broken' WHERE id = ?", (truth[0].id,))
    with running(create_app(db)) as base:
        reply = Api(base, db).get(f"/events/{quote(truth[0].id)}")
    assert reply.status == 500
    error = reply.json()["error"]
    assert error["code"] == "internal_error"
    assert "Traceback" not in reply.text and "json" not in error["message"].lower()
    assert reply.headers["x-content-type-options"] == "nosniff"


def _security_headers(reply: Reply) -> None:
    assert reply.headers["content-security-policy"].startswith(API_CSP)
    assert reply.headers["x-content-type-options"] == "nosniff"


def test_every_answer_carries_the_security_headers(api: Api) -> None:
    for reply in (
        api.get("/events?limit=1"),
        api.get("/events?limit=-1"),
        api.get("/export/csv"),
        api.get("/tracks"),
    ):
        _security_headers(reply)
    assert json.loads(api.get("/events?limit=1").body)["events"]
