"""The guarded fetcher against real local servers: the address check, redirects, limits.

Only 127.0.0.1 is ever contacted. Private and other addresses in these tests are refused before any
connection is made, which the second ("bystander") server proves for redirects: it is never reached.
"""

from __future__ import annotations

import ipaddress

import pytest

from dragoman.ingest.fetch import (
    FetchFailed,
    FetchOptions,
    FetchRefused,
    address_problem,
    check_url,
    fetch,
    resolve_host,
    vetted_address,
)

from .conftest import PageServer


def trusting(pages: PageServer, **limits: float) -> FetchOptions:
    return FetchOptions(trusted_origins=frozenset({pages.origin}), **limits)  # type: ignore[arg-type]


@pytest.mark.parametrize(("address", "problem"), [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.0.0.1", "private"), ("172.16.5.4", "private"), ("192.168.1.1", "private"), ("fc00::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("240.0.0.1", "reserved"), ("100.64.0.1", "non-global"),
    ("::ffff:127.0.0.1", "loopback (IPv4 127.0.0.1 inside IPv6)"),
    ("::ffff:10.0.0.1", "private (IPv4 10.0.0.1 inside IPv6)"),
    ("2002:a00:1::", "private (IPv4 10.0.0.1 inside IPv6)"),
    ("64:ff9b::7f00:1", "loopback (IPv4 127.0.0.1 inside IPv6)"),
])  # fmt: skip
def test_non_public_addresses_are_named(address: str, problem: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) == problem


@pytest.mark.parametrize(
    "address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(("url", "says"), [
    ("file:///etc/passwd", "file://"),
    ("ftp://example.org/x", "ftp://"),
    ("gopher://example.org/", "gopher://"),
    ("example.org/page", "without a scheme"),
    ("http://user:secret@example.org/", "password"),
    ("http:///nohost", "no host"),
    ("http://example.org:99999/", "port"),
])  # fmt: skip
def test_urls_refused_before_any_lookup(url: str, says: str) -> None:
    with pytest.raises(FetchRefused, match=says):
        check_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/",
        "http://[::1]:8000/",
        "http://localhost/",
        "http://0x7f000001/",
        "http://[::ffff:127.0.0.1]/",
    ],
)
def test_fetch_refuses_non_public_hosts(url: str) -> None:
    with pytest.raises(FetchRefused, match="only public addresses"):
        fetch(url, FetchOptions(timeout=2))


def test_any_non_public_answer_refuses_the_host() -> None:
    """A name resolving to a public and a private address is refused: either could be used."""
    with pytest.raises(FetchRefused, match="10.0.0.1"):
        vetted_address(
            "mixed.example", 80, resolve=lambda host, port: ["93.184.215.14", "10.0.0.1"]
        )
    assert (
        vetted_address("public.example", 80, resolve=lambda host, port: ["93.184.215.14"])
        == "93.184.215.14"
    )


def test_a_trusted_local_origin_is_fetched(pages: PageServer) -> None:
    page = fetch(f"{pages.origin}/page", trusting(pages))
    assert b"Armenian and Azerbaijani" in page.content
    assert page.content_type == "text/html" and page.charset == "utf-8" and page.redirects == ()


def test_the_connection_goes_to_the_vetted_address_with_the_host_name_kept(
    pages: PageServer,
) -> None:
    """DNS rebinding: the fetcher connects to the IP it checked, not to a second lookup of the name."""
    name = f"news.example:{pages.port}"
    lookups: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"] if host == "news.example" else resolve_host(host, port)

    page = fetch(
        f"http://{name}/host",
        FetchOptions(trusted_origins=frozenset({f"http://{name}"})),
        resolver=resolver,
    )
    assert page.content == name.encode()  # the server saw the name, on the address we vetted
    assert lookups == ["news.example"]  # one lookup, then that answer is used


def test_redirects_are_followed_within_the_trusted_origin(pages: PageServer) -> None:
    pages.redirects["/moved"] = "/page"
    page = fetch(f"{pages.origin}/moved", trusting(pages))
    assert page.url == f"{pages.origin}/page"
    assert page.redirects == (f"{pages.origin}/moved",)


@pytest.mark.parametrize("target", [
    "http://127.0.0.1:{bystander}/page",
    "http://localhost:{bystander}/page",
    "http://[::ffff:127.0.0.1]:{bystander}/page",
    "http://10.0.0.1/page",
    "file:///etc/passwd",
])  # fmt: skip
def test_a_redirect_to_a_non_public_address_is_refused(
    pages: PageServer, bystander: PageServer, target: str
) -> None:
    """The first hop is the trusted test server; its redirect is vetted like any URL and refused."""
    pages.redirects["/away"] = target.format(bystander=bystander.port)
    before = len(bystander.requests)
    with pytest.raises(FetchRefused):
        fetch(f"{pages.origin}/away", trusting(pages))
    assert len(bystander.requests) == before, "the refused hop must not be contacted"
    assert pages.requests[-1] == "/away"


def test_at_most_five_redirects(pages: PageServer) -> None:
    for n in range(1, 5):
        pages.redirects[f"/chain/{n}"] = f"/chain/{n + 1}"
    pages.redirects["/chain/5"] = "/page"
    assert (
        fetch(f"{pages.origin}/chain/1", trusting(pages)).redirects[-1].endswith("/chain/5")
    )  # five: fine
    with pytest.raises(FetchRefused, match="more than 5 redirects"):
        fetch(f"{pages.origin}/hop/0", trusting(pages))
    assert pages.requests[-1] == "/hop/5"  # the first request and five redirects, then it stops


@pytest.mark.parametrize("path", ["/big", "/big-undeclared"])
def test_size_limit(pages: PageServer, path: str) -> None:
    with pytest.raises(FetchFailed, match="100000 byte limit"):
        fetch(f"{pages.origin}{path}", trusting(pages, max_bytes=100_000))


def test_time_limit(pages: PageServer) -> None:
    with pytest.raises(FetchFailed):
        fetch(f"{pages.origin}/slow", trusting(pages, timeout=0.5))


@pytest.mark.parametrize(
    ("path", "says"), [("/image", "image/png is not a page"), ("/nothing", "HTTP 404")]
)
def test_what_is_not_a_page_is_refused_with_the_reason(
    pages: PageServer, path: str, says: str
) -> None:
    with pytest.raises(FetchFailed, match=says):
        fetch(f"{pages.origin}{path}", trusting(pages))
