"""Fetch one web page for ingest without letting a URL reach inside the network.

A URL given to a server is untrusted: it may point at the machine itself (``127.0.0.1``, ``[::1]``),
the private network (``10.0.0.1``), a cloud metadata address (``169.254.169.254``) or a local file.
``fetch`` therefore:

- accepts ``http`` and ``https`` only, and no credentials in the URL;
- resolves the host itself and refuses the URL when *any* address it resolves to is loopback,
  private, link-local, multicast, reserved, unspecified or otherwise not globally routable (IPv4 and
  IPv6, including IPv4 addresses embedded in IPv6: mapped ``::ffff:a.b.c.d``, 6to4, NAT64);
- connects to the address it vetted (the TCP connection is made to that IP; the Host header and the
  TLS certificate check still use the host name), so a DNS answer that changes between the check and
  the connection (DNS rebinding) cannot redirect it;
- follows redirects itself, at most ``max_redirects``, vetting every hop the same way;
- stops at ``max_bytes`` and at ``timeout`` seconds for the whole fetch, redirects included;
- sends no proxy, cookie or credential, and asks for an uncompressed body.

``FetchOptions.trusted_origins`` lists exact origins (``"http://127.0.0.1:8123"``) exempt from the
address check: a test's own local server. A redirect from there to any other origin is vetted as
usual, which is how the tests exercise the redirect check for real.

    IngestError
    ├── FetchRefused   the URL, or an address or redirect on the way, is not allowed
    └── FetchFailed    the page could not be fetched (network, timeout, HTTP status, size, type)
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit

from dragoman.errors import IngestError

log = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

REDIRECTS = frozenset({301, 302, 303, 307, 308})
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_CHUNK = 65_536


class FetchRefused(IngestError):
    """The URL, or an address or redirect on the way to it, is not allowed."""


class FetchFailed(IngestError):
    """The page could not be fetched: network error, timeout, HTTP status, size or content type."""


@dataclass(frozen=True, kw_only=True)
class FetchOptions:
    max_bytes: int = 5_000_000
    timeout: float = 15.0  # seconds for the whole fetch, redirects included
    max_redirects: int = 5
    user_agent: str = "dragoman/0.1 (news event coder)"
    trusted_origins: frozenset[str] = frozenset()  # exempt from the address check; tests only


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    url: str  # the final URL, after redirects
    content: bytes
    content_type: str  # "text/html", "text/plain", ...
    charset: str | None
    redirects: tuple[str, ...]  # the URLs that redirected, in order


def fetch(
    url: str, opts: FetchOptions | None = None, *, resolver: Resolver | None = None
) -> Fetched:
    """GET ``url`` as described in the module docstring; raises FetchRefused or FetchFailed."""
    opts = opts or FetchOptions()
    resolve = resolver or resolve_host
    deadline = time.monotonic() + opts.timeout
    hops: list[str] = []
    current = url
    for _ in range(opts.max_redirects + 1):
        parts, host, port = check_url(current)
        ip = vetted_address(
            host, port, resolve=resolve, trusted=_origin(parts, host, port) in opts.trusted_origins
        )
        connection, response = _get(parts, host, port, ip, opts, deadline)
        try:
            if response.status in REDIRECTS:
                location = response.getheader("Location")
                if not location:
                    raise FetchFailed(
                        f"{current}: HTTP {response.status} redirect without a Location header"
                    )
                hops.append(current)
                current = urljoin(current, location.strip())
                log.info("redirect %s -> %s", hops[-1], current)
                continue
            return _page(current, connection, response, opts, deadline, tuple(hops))
        finally:
            response.close()
            connection.close()
    raise FetchRefused(
        f"{url}: more than {opts.max_redirects} redirects; give the final URL instead"
    )


def check_url(url: str) -> tuple[SplitResult, str, int]:
    """The parsed URL, its host and port; refuses other schemes, credentials and missing hosts."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}://" if scheme else "a URL without a scheme"
        raise FetchRefused(f"{url}: {shown} is not allowed; give an http:// or https:// URL")
    if parts.username is not None or parts.password is not None:
        raise FetchRefused(f"{url}: URLs with a user name or password are not fetched; remove them")
    host = parts.hostname
    if not host:
        raise FetchRefused(f"{url}: the URL has no host name")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as e:
        raise FetchRefused(f"{url}: the port is not a number between 0 and 65535") from e
    return parts, host, port


def vetted_address(host: str, port: int, *, resolve: Resolver, trusted: bool = False) -> str:
    """The IP to connect to for ``host``; refuses when any address it resolves to is not public."""
    addresses = resolve(host, port)
    if not addresses:
        raise FetchFailed(f"{host}: the host name resolves to no address")
    if not trusted:
        for text in addresses:
            problem = address_problem(ipaddress.ip_address(text))
            if problem:
                raise FetchRefused(
                    f"{host} resolves to {text}, a {problem} address; only public addresses are fetched"
                )
    return addresses[0]


def address_problem(ip: IPAddress) -> str | None:
    """Why ``ip`` must not be fetched from ("loopback", "private", ...), or None when it is public."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # ::ffff:a.b.c.d is the IPv4 address itself
            problem = address_problem(ip.ipv4_mapped)
            return f"{problem} (IPv4 {ip.ipv4_mapped} inside IPv6)" if problem else None
        for embedded in _embedded_ipv4(ip):
            problem = address_problem(embedded)
            if problem:
                return f"{problem} (IPv4 {embedded} inside IPv6)"
    checks = (
        (ip.is_loopback, "loopback"),
        (ip.is_unspecified, "unspecified"),
        (ip.is_link_local, "link-local"),
        (ip.is_multicast, "multicast"),
        (ip.is_reserved, "reserved"),
        (ip.is_private, "private"),
    )
    for flagged, label in checks:
        if flagged:
            return label
    return None if ip.is_global else "non-global"


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    found = [ip.sixtofour] if ip.sixtofour is not None else []
    if ip.teredo:
        found.extend(ip.teredo)
    if ip in _NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise FetchFailed(f"{host}: cannot resolve the host name ({e})") from e
    seen: list[str] = []
    for info in infos:
        address = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        if address not in seen:
            seen.append(address)
    return seen


def _origin(parts: SplitResult, host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme.lower()}://{shown}:{port}"


def _get(
    parts: SplitResult, host: str, port: int, ip: str, opts: FetchOptions, deadline: float
) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    timeout = _remaining(deadline, parts.geturl())
    connection: http.client.HTTPConnection
    if parts.scheme.lower() == "https":
        connection = _PinnedHTTPSConnection(host, port, ip=ip, timeout=timeout)
    else:
        connection = _PinnedHTTPConnection(host, port, ip=ip, timeout=timeout)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    headers = {
        "User-Agent": opts.user_agent,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
        "Accept-Encoding": "identity",
        "Connection": "close",
    }
    try:
        connection.request("GET", target, headers=headers)
        return connection, connection.getresponse()
    except (OSError, http.client.HTTPException) as e:
        connection.close()
        raise FetchFailed(f"{parts.geturl()}: cannot fetch ({type(e).__name__}: {e})") from e


def _page(
    url: str,
    connection: http.client.HTTPConnection,
    response: http.client.HTTPResponse,
    opts: FetchOptions,
    deadline: float,
    hops: tuple[str, ...],
) -> Fetched:
    if response.status != 200:
        raise FetchFailed(f"{url}: the server answered HTTP {response.status} {response.reason}")
    content_type = (response.getheader("Content-Type") or "text/html").split(";")[0].strip().lower()
    if content_type not in PAGE_TYPES:
        raise FetchFailed(
            f"{url}: {content_type} is not a page; dragoman reads text/html and text/plain"
        )
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity":
        raise FetchFailed(
            f"{url}: the server sent a {encoding}-compressed body although asked not to"
        )
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > opts.max_bytes:
        raise FetchFailed(
            f"{url}: {int(declared)} bytes is more than the {opts.max_bytes} byte limit"
        )
    return Fetched(
        url=url,
        content=_read_limited(url, connection, response, opts.max_bytes, deadline),
        content_type=content_type,
        charset=response.headers.get_content_charset(),
        redirects=hops,
    )


def _read_limited(
    url: str,
    connection: http.client.HTTPConnection,
    response: http.client.HTTPResponse,
    max_bytes: int,
    deadline: float,
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        sock = getattr(connection, "pinned_socket", None)
        if sock is not None:  # each wait ends at the deadline, not a full timeout later
            sock.settimeout(_remaining(deadline, url))
        else:
            _remaining(deadline, url)
        try:
            chunk = response.read1(_CHUNK)
        except (OSError, http.client.HTTPException) as e:
            raise FetchFailed(
                f"{url}: the connection broke while reading ({type(e).__name__}: {e})"
            ) from e
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchFailed(f"{url}: the page is larger than the {max_bytes} byte limit")
        chunks.append(chunk)


def _remaining(deadline: float, url: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchFailed(f"{url}: no complete answer within the time limit; try again later")
    return left


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to the vetted IP; the Host header keeps the name."""

    def __init__(self, host: str, port: int, *, ip: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._ip = ip
        self.pinned_socket: socket.socket | None = (
            None  # kept after close() hands it to the response
        )

    def connect(self) -> None:
        self.sock = self.pinned_socket = socket.create_connection(
            (self._ip, self.port), self.timeout
        )


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to the vetted IP; SNI and the certificate check use the host name."""

    def __init__(self, host: str, port: int, *, ip: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip
        self.pinned_socket: socket.socket | None = None

    def connect(self) -> None:
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self.pinned_socket = self._context.wrap_socket(  # type: ignore[attr-defined]
            sock, server_hostname=self.host
        )
