"""The read endpoints over HTTP, checked against the store's own view of the demo week."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest

from dragoman.export import export_text
from dragoman.model import Event
from dragoman.service import create_app
from dragoman.store import open_store

from .conftest import Api, Reply, copy_db, running

API_CSP = "default-src 'none'"


@pytest.fixture(scope="module")
def truth(demo_db: Path) -> list[Event]:
    with open_store(demo_db) as store:
        return store.events()


def key(event: Event) -> str | None:
    return (event.date.start or event.date.end) if event.date else None


def walk(api: Api, query: str) -> list[dict]:
    """Every event of a query, following next_cursor page by page."""
    records: list[dict] = []
    path = f"/events?{query}"
    for _ in range(100):
        reply = api.get(path)
        assert reply.status == 200, reply.text
        page = reply.json()
        records += page["events"]
        if page["next_cursor"] is None:
            return records
        path = page["next"]
    raise AssertionError("pagination did not end")


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
def test_pagination_returns_every_event_exactly_once_in_order(
    api: Api, truth: list[Event], order: str
) -> None:
    records = walk(api, f"limit=7&order={order}")
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == len(truth) > 20
    assert set(ids) == {e.id for e in truth}
    dated = [(r["date"]["start"] or r["date"]["end"]) for r in records if r["date"]]
    assert dated == sorted(dated, reverse=order == "desc")
    assert all(r["date"] is None for r in records[len(dated) :]), "undated events come last"


@pytest.mark.parametrize("limit", [1, 5, 43, 1000])
def test_every_page_size_covers_the_same_events(api: Api, truth: list[Event], limit: int) -> None:
    assert sorted(r["id"] for r in walk(api, f"limit={limit}")) == sorted(e.id for e in truth)


def _has_actor(event: Event, test) -> bool:  # type: ignore[no-untyped-def]
    return any(test(a) for a in (*event.participants, event.mediator) if a is not None)


FILTERS = [
    ("type=CONSULT", lambda e: e.event_type == "CONSULT"),
    ("type=consult&status=PLANNED", lambda e: e.event_type == "CONSULT" and e.status == "planned"),
    ("status=denied", lambda e: e.status == "denied"),
    ("actor=OMN", lambda e: _has_actor(e, lambda a: a.country == "OMN")),
    ("actor=IRN%20GOV", lambda e: _has_actor(e, lambda a: a.country == "IRN" and a.sector == "GOV")),
    ("actor=oman", lambda e: _has_actor(e, lambda a: a.name.lower().startswith("oman"))),
    ("actor=Abbas", lambda e: _has_actor(e, lambda a: a.name.startswith("Abbas"))),
    ("country=CHE", lambda e: e.location is not None and e.location.country == "CHE"),
    ("from=2026-02-10", lambda e: key(e) is not None and key(e) >= "2026-02-10"),
    ("from=2026-02-01&to=2026-02-13", lambda e: key(e) is not None and "2026-02-01" <= key(e) <= "2026-02-13"),
    ("date=2026-02-06", lambda e: key(e) == "2026-02-06"),
    ("text=geneva", lambda e: any("geneva" in v.sentence.lower() for v in e.evidence)),
    ("type=CONSULT&actor=USA&text=Oman", lambda e: e.event_type == "CONSULT"
        and _has_actor(e, lambda a: a.country == "USA") and any("oman" in v.sentence.lower() for v in e.evidence)),
    ("track=none-yet", lambda e: False),
]  # fmt: skip


@pytest.mark.parametrize(("query", "matches"), FILTERS, ids=[q for q, _ in FILTERS])
def test_filters_match_what_the_store_holds(
    api: Api, truth: list[Event], query: str, matches
) -> None:  # type: ignore[no-untyped-def]
    expected = {e.id for e in truth if matches(e)}
    got = [r["id"] for r in walk(api, f"{query}&limit=4")]
    assert len(got) == len(set(got))
    assert set(got) == expected
    assert expected or query.startswith("track"), (
        f"{query} matches nothing in the demo week: a weak test"
    )


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


def test_event_detail_with_sources_evidence_and_its_article(api: Api, truth: list[Event]) -> None:
    event = next(e for e in truth if e.mediator is not None)
    reply = api.get(f"/events/{event.id}")
    assert reply.status == 200
    detail = reply.json()
    assert detail["event"] == event.to_dict()
    assert detail["status_history"] == [] and detail["contradictions"] == []
    assert detail["event"]["sources"] and detail["event"]["evidence"]
    article = api.get(detail["links"]["article"]).json()
    assert article["id"] == detail["article"]["id"] == event.evidence[0].doc_id
    for evidence in detail["event"]["evidence"]:
        assert article["text"][evidence["start"] : evidence["end"]] == evidence["sentence"]


def test_article_spans_point_at_the_evidence_of_every_event_in_it(
    api: Api, truth: list[Event]
) -> None:
    article_id = truth[0].evidence[0].doc_id
    article = api.get(f"/articles/{article_id}").json()
    in_article = {e.id: e for e in truth if e.evidence[0].doc_id == article_id}
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


def test_actors_with_counts(api: Api, truth: list[Event]) -> None:
    expected: Counter[tuple[str, str | None, str | None]] = Counter()
    for event in truth:
        for actor in {
            (a.name, a.country, a.sector) for a in (*event.participants, event.mediator) if a
        }:
            expected[actor] += 1
    body = api.get("/actors?limit=1000").json()
    assert body["total"] == len(expected)
    assert {(a["name"], a["country"], a["sector"]): a["events"] for a in body["actors"]} == dict(
        expected
    )
    counts = [a["events"] for a in body["actors"]]
    assert counts == sorted(counts, reverse=True)
    oman = api.get("/actors?q=om&country=OMN").json()["actors"]
    assert oman and all(a["name"].lower().startswith("om") and a["country"] == "OMN" for a in oman)
    assert oman[0]["roles"].get("mediator", 0) > 0
    assert api.get("/actors?limit=0").status == 422
    assert api.get("/actors?country=Oman").status == 422


@pytest.mark.parametrize("fmt", ["plover-json", "cameo-tsv", "csv"])
def test_export_streams_the_same_rows_as_the_cli_export(
    api: Api, truth: list[Event], fmt: str
) -> None:
    reply = api.get(f"/export/{fmt}")
    assert reply.status == 200
    assert "attachment" in reply.headers["content-disposition"]
    lines = reply.text.splitlines()
    cli_lines = export_text(truth, fmt).splitlines()
    if fmt != "plover-json":
        assert lines[0] == cli_lines[0], "one header, first"
    assert sorted(lines) == sorted(cli_lines)


def test_export_takes_the_event_filters(api: Api, truth: list[Event]) -> None:
    rows = list(
        csv.DictReader(io.StringIO(api.get("/export/csv?type=CONSULT&status=planned").text))
    )
    assert {r["id"] for r in rows} == {
        e.id for e in truth if e.event_type == "CONSULT" and e.status == "planned"
    }
    assert api.get("/export/xml").status == 404
    assert api.get("/export/csv?limit=5").status == 422


def test_export_parquet(api: Api, truth: list[Event], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet export needs pyarrow")
    reply = api.get("/export/parquet")
    assert reply.status == 200
    path = tmp_path / "events.parquet"
    path.write_bytes(reply.body)
    table = pq.read_table(path)
    assert sorted(table.column("id").to_pylist()) == sorted(e.id for e in truth)


def test_docs_page_and_openapi(api: Api) -> None:
    spec = api.get("/openapi.json").json()
    for path in ("/events", "/events/{event_id}", "/actors", "/articles/{article_id}", "/export/{fmt}", "/ingest",
                 "/health", "/tracks"):  # fmt: skip
        assert path in spec["paths"]
    docs = api.get("/docs")
    assert docs.status == 200
    if docs.headers["content-type"].startswith("text/html"):
        assert "script-src 'self'" in docs.headers["content-security-policy"]
        assert "<script>" not in docs.text, "no inline script: every <script> has a src"
        assert api.get("/docs/assets/swagger-ui-bundle.js").status == 200
        assert api.get("/docs/init/docs.js").status == 200


def test_unexpected_errors_are_json_without_a_traceback(
    demo_db: Path, tmp_path: Path, truth: list[Event]
) -> None:
    db = copy_db(demo_db, tmp_path)
    with sqlite3.connect(
        db
    ) as con:  # a record damaged on disk: the server must not leak the parser's error
        con.execute("UPDATE events SET record = '{\"broken' WHERE id = ?", (truth[0].id,))
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
