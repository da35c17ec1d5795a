"""/tracks, /tracks/{id}, /tracks/{id}/brief and the dashboard's JSON twins, over real HTTP on the
demo week: the same tracks and briefs as the CLI, 404s and 422s that name the fix, and (with
PostgreSQL available) the same answers from both stores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.cli import main
from dragoman.service import create_app
from dragoman.service.security import API_CSP, UI_CSP
from dragoman.store import EventQuery, open_store
from tests.service.conftest import DEMO_OPTIONS, Api, copy_db, running

IRAN_US = "irn-usa-2026"


@pytest.fixture(scope="module")
def site(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    db = copy_db(demo_db, tmp_path_factory.mktemp("tracks"))
    with running(create_app(db, options=DEMO_OPTIONS)) as base:
        yield Api(base, db)


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_tracks_list_the_store_tracks_with_their_rounds(site: Api) -> None:
    reply = site.get("/tracks")
    assert reply.status == 200
    body = reply.json()
    with open_store(site.db) as store:
        assert body["tracks"] == store.tracks()
    assert body["count"] == len(body["tracks"]) == 2
    track = next(t for t in body["tracks"] if t["id"] == IRAN_US)
    assert track["parties"] == ["IRN", "USA"] and track["mediator"] == "OMN"
    rounds = [
        (r["round"], r["status"], r["city"], r["country"], r["date"]) for r in track["rounds"]
    ]
    assert rounds == [
        (1, "occurred", "Muscat", "OMN", "2026-02-06"),
        (2, "planned", "Geneva", "CHE", "2026-02-17"),
    ]


@pytest.mark.parametrize("given", [IRAN_US, "irn-usa", "IRN+USA"])
def test_a_track_by_id_prefix_or_parties_with_its_member_events(site: Api, given: str) -> None:
    reply = site.get(f"/tracks/{given}")
    assert reply.status == 200
    body = reply.json()
    track = body["track"]
    assert track["id"] == IRAN_US
    assert sorted(e["id"] for e in body["events"]) == sorted(track["members"])
    assert all(e["track"] == IRAN_US for e in body["events"])
    dates = [
        (e["date"] or {}).get("start") or (e["date"] or {}).get("end") or "9999"
        for e in body["events"]
    ]
    assert dates == sorted(dates)
    geneva = next(e for e in body["events"] if e["round"] == 2)
    assert geneva["location"]["text"] == "Geneva" and geneva["status"] == "planned"
    assert geneva["independent_sources"] >= 5 and geneva["evidence"]
    assert body["links"]["brief"] == f"/tracks/{IRAN_US}/brief"


def test_the_brief_is_the_cli_brief_in_json_and_markdown(site: Api) -> None:
    reply = site.get(f"/tracks/{IRAN_US}/brief")
    assert reply.status == 200 and reply.headers["content-type"] == "application/json"
    assert reply.json() == json.loads(
        cli("brief", IRAN_US, "--db", str(site.db), "--format", "json")
    )
    assert reply.json()["next_round"]["text"].startswith("Round 2: planned, 2026-02-17, in Geneva")
    md = site.get(f"/tracks/{IRAN_US}/brief?format=md")
    assert md.status == 200 and md.headers["content-type"].startswith("text/markdown")
    assert md.text == cli("brief", IRAN_US, "--db", str(site.db))
    assert md.headers["content-security-policy"].startswith(API_CSP)


@pytest.mark.parametrize("path", ["/tracks/arm-aze-2031", "/tracks/arm-aze-2031/brief"])
def test_an_unknown_track_is_a_404_pointing_at_the_list(site: Api, path: str) -> None:
    reply = site.get(path)
    assert reply.status == 404
    assert reply.json()["error"] == {"status": 404, "code": "not_found",
                                     "message": "no track 'arm-aze-2031'; list them at /tracks"}  # fmt: skip


def test_a_bad_brief_format_is_a_422_naming_it(site: Api) -> None:
    reply = site.get(f"/tracks/{IRAN_US}/brief?format=pdf")
    assert reply.status == 422
    problem = reply.json()["error"]["problems"][0]
    assert problem["parameter"] == "format" and problem["value"] == "pdf"


def test_openapi_documents_the_track_routes(site: Api) -> None:
    spec = site.get("/openapi.json").json()
    for path, schema in (("/tracks", "TrackList"), ("/tracks/{track_id}", "TrackDetail"),
                         ("/tracks/{track_id}/brief", "Brief")):  # fmt: skip
        get = spec["paths"][path]["get"]
        ok = get["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok["$ref"].endswith(f"/{schema}")
        if "{track_id}" in path:
            assert "404" in get["responses"]
    assert "rounds" in spec["components"]["schemas"]["Track"]["properties"]
    assert "/ui/api/timeline" in spec["paths"] and "/ui/timeline" not in spec["paths"]


# -- the dashboard's JSON twins ---------------------------------------------------------------


def test_timeline_twin_filters_like_the_store(site: Api) -> None:
    body = site.get("/ui/api/timeline?type=CONSULT&status=planned").json()
    with open_store(site.db) as store:
        truth = store.occurrences(EventQuery(event_type="CONSULT", status="planned"))
    assert [e["id"] for e in body["events"]] == [o.id for o in truth]
    assert body["count"] == len(truth) > 0 and not body["truncated"]
    assert body["filters"] == {"type": "CONSULT", "status": "planned"}
    assert {t["id"] for t in body["choices"]["tracks"]} == {IRAN_US, "rus-ukr-usa-2026"}
    blank_form = site.get("/ui/api/timeline?q=&type=&status=&actor=&from=&to=&track=").json()
    everything = site.get("/ui/api/timeline").json()
    assert blank_form["count"] == everything["count"] > len(truth) and blank_form["filters"] == {}


def test_timeline_twin_limit_says_when_it_cut(site: Api) -> None:
    body = site.get("/ui/api/timeline?limit=5").json()
    assert body["count"] == 5 and body["truncated"]


@pytest.mark.parametrize("query, parameter", [
    ("type=MEET", "type"), ("status=rumoured", "status"), ("from=17-02-2026", "from"),
    ("limit=0", "limit"), ("limit=many", "limit"), ("stauts=planned", "stauts"),
])  # fmt: skip
def test_twin_parameters_are_checked(site: Api, query: str, parameter: str) -> None:
    for page in ("timeline", "network", "map"):
        reply = site.get(f"/ui/api/{page}?{query}")
        assert reply.status == 422, (page, query)
        assert reply.json()["error"]["problems"][0]["parameter"] == parameter


def test_tracks_twin_names_codes_and_outlets(site: Api) -> None:
    track = next(t for t in site.get("/ui/api/tracks").json()["tracks"] if t["id"] == IRAN_US)
    assert [p["name"] for p in track["parties"]] == ["Iran", "United States"]
    one, two = track["rounds"]
    assert (
        one["country"] == {"code": "OMN", "name": "Oman"}
        and two["country"]["name"] == "Switzerland"
    )
    assert {d["name"] for d in two["delegations"]} >= {"Abbas Araghchi", "Steve Witkoff"}
    assert "Alpine Wire" in {s["outlet"] for s in two["sources"]}
    # the agenda of the round to come, from the sentences saying what the talks are about
    # (coding/agenda.py): none of it is the agenda of the round already held
    assert two["meetings"] and {"nuclear programme", "sanctions", "sanctions relief"} <= set(two["topics"])
    assert one["topics"] == []


def test_network_twin_links_mediator_and_parties(site: Api) -> None:
    body = site.get("/ui/api/network").json()
    nodes = {n["id"]: n for n in body["nodes"]}
    assert {"IRN", "USA", "OMN"} <= set(nodes)
    assert nodes["IRN"]["label"] == "Iran" and "Ali Larijani" in nodes["IRN"]["names"]
    mediate = [e for e in body["edges"] if e["type"] == "MEDIATE" and e["source"] == "OMN"]
    assert {e["target"] for e in mediate} >= {"IRN", "USA"}
    sanction = next(e for e in body["edges"] if e["type"] == "SANCTION")
    assert (sanction["source"], sanction["target"], sanction["directed"]) == ("USA", "IRN", True)
    assert all(i in body["events"] for e in body["edges"] for i in e["events"])


def test_map_twin_places_events_and_round_venues(site: Api) -> None:
    body = site.get("/ui/api/map").json()
    points = {p["name"]: p for p in body["points"]}
    geneva = points["Geneva"]
    assert round(geneva["lat"], 1) == 46.2 and round(geneva["lon"], 1) == 6.1
    # the trilateral talks, "a new round" with no round known before it, have no number yet
    assert {(r["track"], r["round"]) for r in geneva["rounds"]} == {(IRAN_US, 2)}
    assert points["Muscat"]["rounds"][0]["status"] == "occurred"
    switzerland = next(c for c in body["countries"] if c["code"] == "CHE")
    assert (
        switzerland["name"] == "Switzerland" and switzerland["numeric"] == "756"
    )  # world-atlas's id
    assert switzerland["events"] >= len(
        geneva["events"]
    )  # Geneva's, and those placed in the country only
    assert site.get(body["geometry"]).status == 200


def test_evidence_twin_offsets_point_at_the_sentences(site: Api) -> None:
    geneva = next(e for e in site.get(f"/tracks/{IRAN_US}").json()["events"] if e["round"] == 2)
    body = site.get(f"/ui/api/events/{geneva['id']}").json()
    assert body["track"] == {
        "id": IRAN_US,
        "name": "Iran – United States talks (mediator: Oman)",
        "round": 2,
    }
    sentences = {e["sentence"] for e in geneva["evidence"]}
    marked = {a["text"][s["start"] : s["end"]] for a in body["articles"] for s in a["spans"]}
    assert marked == sentences
    published = [a["published"] for a in body["articles"]]
    assert published == sorted(published)
    assert site.get("/ui/api/events/c_nothing").status == 404


def test_pages_are_fixed_html_under_the_ui_policy(site: Api) -> None:
    for name in ("timeline", "tracks", "network", "map"):
        page = site.get(f"/ui/{name}")
        assert page.status == 200 and page.headers["content-type"].startswith("text/html")
        assert page.headers["content-security-policy"] == UI_CSP
        assert f'data-page="{name}"' in page.text
        assert "<script>" not in page.text and "style=" not in page.text  # nothing inline
    assert site.get("/ui/events/anything").status == 200  # the page; its script asks for the event
    assert site.get("/ui/nowhere").status == 404
    home = site.request("GET", "/")
    assert home.status == 200 and 'data-page="timeline"' in home.text  # via the redirect


@pytest.mark.parametrize("path", ["/ui/static/../dashboard.py", "/ui/static/%2e%2e/%2e%2e/app.py",
                                  "/ui/static/page.html", "/ui/static/js/none.js"])  # fmt: skip
def test_static_files_stay_inside_the_folder(site: Api, path: str) -> None:
    assert site.get(path).status == 404


def test_static_files_are_served_with_their_types(site: Api) -> None:
    assert site.get("/ui/static/js/main.js").headers["content-type"].startswith("text/javascript")
    assert site.get("/ui/static/css/dashboard.css").headers["content-type"].startswith("text/css")
    assert site.get("/ui/static/vendor/d3/d3.min.js").body.startswith(b"// https://d3js.org v7.9.2")


# -- both stores --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pg_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    from dragoman.demo import sample_documents
    from dragoman.pipeline import iter_documents
    from tests.conftest import StoreFactory, _skip_without_postgres

    _skip_without_postgres("postgresql")
    pg = StoreFactory("postgresql", tmp_path_factory.mktemp("pg-tracks"))
    url = pg.new("tracks")
    with open_store(url) as store:
        list(iter_documents(sample_documents(DEMO_OPTIONS), store, DEMO_OPTIONS))
    try:
        with running(create_app(url, options=DEMO_OPTIONS)) as base:
            yield Api(base, Path("postgresql"))
    finally:
        pg.close()


@pytest.mark.parametrize("path", [
    "/tracks", f"/tracks/{IRAN_US}", f"/tracks/{IRAN_US}/brief", f"/tracks/{IRAN_US}/brief?format=md",
    "/ui/api/timeline", "/ui/api/timeline?actor=OMN&from=2026-02-10", "/ui/api/tracks", "/ui/api/network",
    "/ui/api/map?type=CONSULT",
])  # fmt: skip
def test_postgresql_answers_the_same(site: Api, pg_site: Api, path: str) -> None:
    expected = site.get(path)
    assert expected.status == 200
    assert pg_site.get(path).body == expected.body
