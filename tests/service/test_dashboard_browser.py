"""The dashboard in a real browser: Debian's chromium, headless, driven by selenium through
chromedriver, against uvicorn on 127.0.0.1 serving the demo week plus one hostile article.

Each page must draw what the demo week holds (an event on the timeline, the Iran–US track with its
two rounds, the map with Geneva, the evidence highlighted), with no error or policy violation in
the browser's console, and the hostile article's ``<script>`` and ``onerror=`` must stay text.
Screenshots go to test-artifacts/ (docs/img/ has copies from one run).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

webdriver = pytest.importorskip(
    "selenium.webdriver", reason="the browser tests need selenium: pip install -e '.[test]'"
)

from selenium.common.exceptions import JavascriptException, NoAlertPresentException
from selenium.webdriver.common.by import By

from dragoman import ingest
from dragoman.pipeline import iter_documents
from dragoman.service import create_app
from dragoman.store import open_store
from tests.service.conftest import DEMO_OPTIONS, copy_db, running

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
IRAN_US = "irn-usa-2026"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1440,900",
)  # fmt: skip
SCRIPT_PAYLOAD = "<script>alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"
# Written for this test: a plausible report with markup where text belongs, in the sentences
# that become evidence, the title, the outlet and a javascript: URL.
HOSTILE = {
    "text": (
        "VIENNA — Armenian and Azerbaijani foreign ministers held talks in Vienna on 3 March 2026 "
        f"{SCRIPT_PAYLOAD} with Austria hosting the meeting, officials in both capitals said.\n\n"
        f"The ministers agreed to meet again in April {IMG_PAYLOAD} to continue work on the border "
        "commission, according to a joint statement released after the session.\n\n"
        "Diplomats said the atmosphere was constructive and that both delegations had brought maps "
        "of the disputed sections of the frontier."
    ),
    "title": "Talks in Vienna <script>alert('title')</script>",
    "outlet": 'Example <b onmouseover="alert(2)">Wire</b>',
    "published": "2026-03-03",
    "url": "javascript:alert(1)",
}


def _binaries() -> tuple[str, str]:
    browser = (
        os.environ.get("DRAGOMAN_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )
    driver = os.environ.get("DRAGOMAN_CHROMEDRIVER") or shutil.which("chromedriver")
    if not browser or not driver:
        pytest.skip(
            "the browser tests need Debian's chromium and chromium-driver "
            "(apt-get install chromium chromium-driver; .ci/run installs them)"
        )
    return browser, driver


@pytest.fixture(scope="module")
def site(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo week plus the hostile article, served by uvicorn on a free port."""
    _binaries()
    folder = tmp_path_factory.mktemp("browser")
    db = copy_db(demo_db, folder)
    source = folder / "hostile.jsonl"
    source.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    with open_store(db) as store:
        results = list(
            iter_documents(ingest.read([source], DEMO_OPTIONS.ingest), store, DEMO_OPTIONS)
        )
    assert [r.outcome for r in results] == ["stored"]
    with running(create_app(db)) as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    binary, driver = _binaries()
    options = webdriver.ChromeOptions()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.set_capability("unhandledPromptBehavior", "ignore")  # an alert stays open for us to see
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        yield chrome
    finally:
        chrome.quit()


def open_page(browser: Any, url: str, screenshot: str | None = None) -> Any:
    """Load a page, wait until its script has drawn it, and check the console stayed clean."""
    browser.get(url)
    deadline = time.monotonic() + 20
    while browser.execute_script("return document.body.dataset.ready") != "true":
        error = browser.find_elements(By.CSS_SELECTOR, "#main .error")
        assert not error, f"{url}: {error[0].text}"
        assert time.monotonic() < deadline, f"{url}: the page did not finish drawing"
        time.sleep(0.05)
    assert_no_alert(browser)
    problems = [
        e["message"] for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")
    ]
    assert not problems, f"{url}: the console reports {problems}"
    if screenshot:
        browser.save_screenshot(str(ARTIFACTS / f"dashboard-{screenshot}.png"))
    return browser


def wait_for_url(browser: Any, fragment: str, seconds: float = 20) -> None:
    """Wait until the browser has navigated to a URL containing ``fragment``."""
    deadline = time.monotonic() + seconds
    while fragment not in browser.current_url:
        assert time.monotonic() < deadline, f"the browser stayed on {browser.current_url}"
        time.sleep(0.05)


def assert_no_alert(browser: Any) -> None:
    try:
        alert = browser.switch_to.alert
    except NoAlertPresentException:
        return
    text = alert.text
    alert.dismiss()
    raise AssertionError(f"an alert opened: {text!r}")


def css(browser: Any, selector: str) -> list[Any]:
    return browser.find_elements(By.CSS_SELECTOR, selector)


def api(site: str, path: str) -> Any:
    """A JSON twin, read by the test itself (not through the page)."""
    import urllib.request

    with urllib.request.urlopen(site + path, timeout=30) as response:
        return json.load(response)


def test_timeline_shows_the_events(browser: Any, site: str) -> None:
    open_page(browser, f"{site}/ui/timeline", "timeline")
    expected = api(site, "/ui/api/timeline")
    cards = css(browser, "article.card")
    assert len(cards) == expected["count"] > 20
    geneva = next(e for e in expected["events"] if e["track"] == IRAN_US and e["round"] == 2)
    card = browser.find_element(By.CSS_SELECTOR, f'article.card[data-event="{geneva["id"]}"]')
    assert card.find_element(By.CSS_SELECTOR, ".badge.type").text == "CONSULT"
    assert card.find_element(By.CSS_SELECTOR, ".badge.status").text == "planned"
    assert "Geneva, Switzerland" in card.text and "United States – Iran" in card.text
    assert len(css(browser, "svg.overview circle.dot")) == sum(
        1 for e in expected["events"] if e["date"]
    )


def test_timeline_filters_through_the_form(browser: Any, site: str) -> None:
    open_page(browser, f"{site}/ui/timeline")
    browser.find_element(
        By.CSS_SELECTOR, ".filters select[name=type] option[value=SANCTION]"
    ).click()
    browser.find_element(By.CSS_SELECTOR, ".filters button[type=submit]").click()
    # The click only starts the navigation; under load current_url still names the old page.
    wait_for_url(browser, "type=SANCTION")
    open_page(browser, browser.current_url)
    badges = [b.text for b in css(browser, "article.card .badge.type")]
    assert badges and set(badges) == {"SANCTION"}


def test_tracks_page_shows_iran_us_with_two_rounds(browser: Any, site: str) -> None:
    open_page(browser, f"{site}/ui/tracks", "tracks")
    track = browser.find_element(By.CSS_SELECTOR, f'section.track[data-track="{IRAN_US}"]')
    assert "Iran – United States talks" in track.find_element(By.TAG_NAME, "h2").text
    rounds = track.find_elements(By.CSS_SELECTOR, ".round-card")
    assert len(rounds) == 2
    held, planned = rounds
    assert held.find_element(By.CSS_SELECTOR, ".badge.status").text == "occurred"
    assert held.find_element(By.CSS_SELECTOR, ".venue").text == "Muscat, Oman"
    assert planned.find_element(By.CSS_SELECTOR, ".badge.status").text == "planned"
    assert planned.find_element(By.CSS_SELECTOR, ".venue").text == "Geneva, Switzerland"
    assert "Steve Witkoff" in planned.text and "Oman" in planned.text
    stations = track.find_elements(By.CSS_SELECTOR, "svg.round-line g.station")
    assert [s.get_attribute("class") for s in stations] == [
        "station s-occurred",
        "station s-planned",
    ]
    track.find_element(By.CSS_SELECTOR, ".brief button").click()
    deadline = time.monotonic() + 10
    while not track.find_elements(By.CSS_SELECTOR, ".brief-section"):
        assert time.monotonic() < deadline, "the brief did not load"
        time.sleep(0.05)
    assert (
        "Round 2: planned, 2026-02-17, in Geneva"
        in track.find_element(By.CSS_SELECTOR, ".brief-body").text
    )


def test_map_draws_countries_and_geneva(browser: Any, site: str) -> None:
    open_page(browser, f"{site}/ui/map", "map")
    shapes = css(browser, "svg.map path.country")
    assert len(shapes) > 200 and all(s.get_attribute("d") for s in shapes[:20])
    assert browser.find_element(
        By.CSS_SELECTOR, 'path.country.active[data-country="756"]'
    )  # Switzerland
    geneva = browser.find_element(By.CSS_SELECTOR, 'g.marker[data-place="Geneva"]')
    assert "venue" in geneva.get_attribute("class") and geneva.find_elements(
        By.CSS_SELECTOR, "circle.ring"
    )
    box = browser.find_element(By.CSS_SELECTOR, "svg.map").rect
    at = geneva.find_element(By.CSS_SELECTOR, "circle.dot").rect
    assert (
        box["x"] <= at["x"] <= box["x"] + box["width"]
        and box["y"] <= at["y"] <= box["y"] + box["height"]
    )
    geneva.find_element(By.CSS_SELECTOR, "circle.dot").click()
    side = browser.find_element(By.CSS_SELECTOR, "aside.detail")
    assert side.find_element(By.TAG_NAME, "h2").text == "Geneva" and side.find_elements(
        By.CSS_SELECTOR, ".card"
    )


def test_network_links_the_mediator(browser: Any, site: str) -> None:
    open_page(browser, f"{site}/ui/network", "network")
    nodes = {n.get_attribute("data-node") for n in css(browser, "svg.network g.node")}
    assert {"IRN", "USA", "OMN"} <= nodes
    assert css(browser, 'svg.network path.edge[data-type="MEDIATE"]')
    browser.find_element(By.CSS_SELECTOR, 'g.node[data-node="OMN"] circle').click()
    side = browser.find_element(By.CSS_SELECTOR, "aside.detail")
    assert side.find_element(By.TAG_NAME, "h2").text.startswith("Oman") and side.find_elements(
        By.CSS_SELECTOR, ".card"
    )


def test_evidence_panel_highlights_the_sentences(browser: Any, site: str) -> None:
    track = api(site, f"/tracks/{IRAN_US}")
    geneva = next(e for e in track["events"] if e["round"] == 2)
    open_page(browser, f"{site}/ui/events/{geneva['id']}", "evidence")
    data = api(site, f"/ui/api/events/{geneva['id']}")
    choices = css(browser, "button.article-choice")
    assert len(choices) == len(data["articles"]) >= 5
    for button, article in zip(choices[:3], data["articles"][:3], strict=True):
        button.click()
        assert browser.find_element(By.CSS_SELECTOR, ".article-title").text == article["title"]
        marked = [m.text for m in css(browser, ".article-text mark.evidence")]
        wanted = [article["text"][s["start"] : s["end"]] for s in article["spans"]]
        assert marked == wanted and marked
        assert set(marked) <= {e["sentence"] for e in geneva["evidence"]}
    assert "Iran – United States talks" in browser.find_element(By.CSS_SELECTOR, ".facts").text


def test_a_hostile_article_renders_inert(browser: Any, site: str) -> None:
    hostile = api(site, "/ui/api/timeline?q=alert(1)")["events"]
    assert len(hostile) == 2  # the talks, and the next meeting agreed
    talks = next(e for e in hostile if SCRIPT_PAYLOAD in e["sentence"])
    open_page(browser, f"{site}/ui/events/{talks['id']}", "hostile-article")
    mark = browser.find_element(By.CSS_SELECTOR, ".article-text mark.evidence")
    assert SCRIPT_PAYLOAD in mark.text  # shown as the characters it is
    text = browser.find_element(By.CSS_SELECTOR, ".article-text").text
    assert IMG_PAYLOAD in text
    assert browser.find_element(By.CSS_SELECTOR, ".article-title").text == HOSTILE["title"]
    assert HOSTILE["outlet"] in browser.find_element(By.CSS_SELECTOR, ".article-viewer").text
    assert not css(
        browser, "#main script, #main img, #main b, #main [onerror], #main [onmouseover]"
    )
    assert browser.find_element(By.LINK_TEXT, "original").get_attribute("href").endswith("#")
    scripts = [s.get_attribute("src") for s in css(browser, "script")]
    assert all(s and s.startswith(site + "/ui/static/") for s in scripts), scripts
    open_page(browser, f"{site}/ui/timeline?q=onerror", "hostile-timeline")
    sentence = browser.find_element(By.CSS_SELECTOR, "article.card .sentence").text
    assert IMG_PAYLOAD in sentence and not css(browser, "#main img")
    assert_no_alert(browser)


def test_the_policy_stops_html_from_strings_even_by_mistake(browser: Any, site: str) -> None:
    """Trusted Types: assigning a string to innerHTML throws, so no code path can inject markup."""
    open_page(browser, f"{site}/ui/timeline")
    with pytest.raises(JavascriptException, match="TrustedHTML"):
        browser.execute_script(
            "document.getElementById('main').innerHTML = '<img src=x onerror=alert(1)>';"
        )
    assert not css(browser, "#main img")
    browser.get_log("browser")  # the violation report it logged is the point of this test
