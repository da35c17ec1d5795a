"""POST /ingest over HTTP: the token, pages in, duplicates, URL refusals, hostile text kept inert."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman.ingest.fetch import FetchOptions
from dragoman.service import create_app

from .conftest import ARTICLE_HTML, DEMO_OPTIONS, TOKEN, Api, PageServer, copy_db, running

HOSTILE_TEXT = (
    'Turkish and Greek foreign ministers held talks in Ankara <script>alert("x")</script> on 5 March 2026, '
    "officials said, as protesters waved signs reading <img src=x onerror=alert(1)> outside the venue.\n\n"
    "The ministers agreed to meet again in Athens in May, according to a joint statement from both governments."
)


@pytest.fixture(scope="module")
def writable(
    demo_db: Path, tmp_path_factory: pytest.TempPathFactory, pages: PageServer
) -> Iterator[Api]:
    """A server on its own copy of the demo week that trusts only the local page server."""
    db = copy_db(demo_db, tmp_path_factory.mktemp("ingest"))
    fetch_options = FetchOptions(trusted_origins=frozenset({pages.origin}), timeout=5)
    with running(create_app(db, TOKEN, options=DEMO_OPTIONS, fetch_options=fetch_options)) as base:
        yield Api(base, db)


def all_ids(api: Api, endpoint: str = "/reports") -> list[str]:
    """Every report id (what POST /ingest answers with), or with "/events" every canonical event id."""
    ids: list[str] = []
    path = f"{endpoint}?limit=1000"
    while path:
        page = api.get(path).json()
        ids += [e["id"] for e in page["events"]]
        path = page["next"]
    return ids


def test_without_a_configured_token_ingest_is_disabled(tmp_path: Path) -> None:
    with running(create_app(tmp_path / "empty.db")) as base:
        reply = Api(base, tmp_path / "empty.db").post_json("/ingest", {"html": ARTICLE_HTML})
    assert reply.status == 403
    assert (
        "--token" in reply.json()["error"]["message"]
        and "DRAGOMAN_TOKEN" in reply.json()["error"]["message"]
    )


@pytest.mark.parametrize("token", [None, "wrong-token-0123456789", ""])
def test_a_missing_or_wrong_token_is_401(writable: Api, token: str | None) -> None:
    before = all_ids(writable)
    reply = writable.post_json("/ingest", {"html": ARTICLE_HTML}, token=token)
    assert reply.status == 401
    assert reply.headers["www-authenticate"] == "Bearer"
    assert all_ids(writable) == before


def test_a_short_token_is_refused_at_start(tmp_path: Path) -> None:
    from dragoman.errors import ConfigError

    with pytest.raises(ConfigError, match="16 characters"):
        create_app(tmp_path / "x.db", "short")


def test_posted_html_becomes_events_and_posting_again_adds_nothing(writable: Api) -> None:
    before = set(all_ids(writable))
    page = {
        "html": ARTICLE_HTML,
        "published": "2026-03-03",
        "outlet": "Example Wire",
        "url": "https://example.org/vienna",
    }
    reply = writable.post_json("/ingest", page)
    assert reply.status == 201, reply.text
    stored = reply.json()
    assert stored["outcome"] == "stored" and stored["events"]
    found = writable.get("/events?text=Vienna&actor=ARM").json()["events"]
    assert {e["id"] for e in stored["events"]} <= set(all_ids(writable)) - before
    assert any(e["sources"][0]["outlet"] == "Example Wire" for e in found)
    reports_of_found = {r for e in found for r in e["reports"]}
    assert reports_of_found & {e["id"] for e in stored["events"]}, "the new reports are in canonical events"
    after = all_ids(writable)

    again = writable.post_json("/ingest", page)
    assert again.status == 200 and again.json()["outcome"] == "duplicate"
    assert all_ids(writable) == after


def test_a_raw_html_body_with_metadata_in_the_query(writable: Api) -> None:
    html = (
        ARTICLE_HTML.replace("Vienna", "Prague")
        .replace("Austria", "Czechia")
        .replace("3 March", "9 March")
    )
    reply = writable.request(
        "POST", "/ingest?published=2026-03-09&outlet=Raw%20Wire", body=html.encode(),
        headers={"Content-Type": "text/html; charset=utf-8", "Authorization": f"Bearer {TOKEN}"},
    )  # fmt: skip
    assert reply.status == 201, reply.text
    event_id = reply.json()["events"][0]["id"]
    assert writable.get(f"/events/{event_id}").json()["event"]["sources"][0]["outlet"] == "Raw Wire"


def test_script_in_article_text_comes_back_as_a_json_string(writable: Api) -> None:
    reply = writable.request("POST", "/ingest?published=2026-03-05", body=HOSTILE_TEXT.encode(),
                             headers={"Content-Type": "text/plain", "Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert reply.status == 201, reply.text
    article_id = reply.json()["article_id"]
    for path in (f"/articles/{article_id}", f"/events/{reply.json()['events'][0]['id']}"):
        answer = writable.get(path)
        assert answer.headers["content-type"] == "application/json"
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["content-security-policy"].startswith("default-src 'none'")
        assert not answer.text.lstrip().startswith("<")
    article = writable.get(f"/articles/{article_id}").json()
    assert '<script>alert("x")</script>' in article["text"]
    assert "<img src=x onerror=alert(1)>" in article["text"]
    found = writable.get("/events?text=onerror").json()["events"]
    assert found and '<script>alert("x")</script>' in found[0]["evidence"][0]["sentence"]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:{api}/health",
    "http://10.0.0.1/",
    "http://[::1]:{api}/health",
    "http://localhost:{api}/health",
    "file:///etc/passwd",
    "http://{page_host}/page".replace("{page_host}", "127.0.0.2:{page}"),
])  # fmt: skip
def test_url_ingest_refuses_non_public_targets(writable: Api, pages: PageServer, url: str) -> None:
    api_port = writable.base.rsplit(":", 1)[1]
    reply = writable.post_json("/ingest", {"url": url.format(api=api_port, page=pages.port)})
    assert reply.status == 422, reply.text
    assert reply.json()["error"]["code"] == "url_refused"


def test_url_ingest_of_a_trusted_page_and_a_refused_redirect(writable: Api, pages: PageServer,
                                                             bystander: PageServer) -> None:  # fmt: skip
    pages.redirects["/story"] = "/page"
    reply = writable.post_json(
        "/ingest", {"url": f"{pages.origin}/story", "published": "2026-03-03"}
    )
    assert reply.status in (200, 201), (
        reply.text
    )  # 200 when the same article came in as HTML already
    assert reply.json()["article_id"] or reply.json()["outcome"] == "duplicate"

    pages.redirects["/sneaky"] = f"http://127.0.0.1:{bystander.port}/page"
    reply = writable.post_json("/ingest", {"url": f"{pages.origin}/sneaky"})
    assert reply.status == 422 and reply.json()["error"]["code"] == "url_refused"
    assert "loopback" in reply.json()["error"]["message"]
    assert bystander.requests == []


@pytest.mark.parametrize(("body", "content_type", "status", "says"), [
    (b"{not json", "application/json", 422, "not JSON"),
    (b"{}", "application/json", 422, "html, text or url"),
    (b'{"html": "<p>x</p>", "colour": "red"}', "application/json", 422, "colour"),
    (b'{"text": "x", "published": "14 March"}', "application/json", 422, "published"),
    (b"<feed/>", "application/xml", 415, "text/html"),
    (b"Too short.", "text/plain", 422, "not ingested"),
])  # fmt: skip
def test_bad_bodies_are_refused_with_the_reason(writable: Api, body: bytes, content_type: str, status: int,
                                                says: str) -> None:  # fmt: skip
    reply = writable.request("POST", "/ingest", body=body,
                             headers={"Content-Type": content_type, "Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert reply.status == status, reply.text
    assert says in reply.json()["error"]["message"]


def test_an_oversized_body_is_413_before_it_is_read(writable: Api) -> None:
    import http.client

    host, port = writable.base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.putrequest("POST", "/ingest")
    for name, value in (("Content-Type", "text/plain"), ("Content-Length", "6000000"),
                        ("Authorization", f"Bearer {TOKEN}")):  # fmt: skip
        conn.putheader(name, value)
    conn.endheaders()  # the 6 MB are never sent: the server must answer from the declared length
    reply = conn.getresponse()
    assert reply.status == 413
    assert "byte limit" in json.loads(reply.read())["error"]["message"]
    conn.close()
