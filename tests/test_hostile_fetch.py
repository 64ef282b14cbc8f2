"""Hostile servers and URLs: every cap of `fetch` against a loopback server of the test's own.

The server is on 127.0.0.1, so fetching from it needs `allow_private_networks=True`; the checks on
redirect targets run with that policy where the target's scheme is what must be refused, and with a
policy that allows only the test server's own address (`is_public_address` narrowed for the test)
where the target's address is. `check_url` is also tested alone with the default policy, for each
target address and for names that resolve to loopback.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import ipaddress
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.helpers import wait_for_entries
from worker.config import FetchLimits
from worker.errors import (
    FetchConnectionError,
    FetchError,
    FetchHTTPStatus,
    FetchRefused,
    FetchTimeout,
    FetchTooLarge,
    FetchTooManyRedirects,
)
from worker.fetch import FetchPolicy, _mapped_errors, check_url, embedded_ipv4, fetch, is_public_address

SERVER_LIFETIME_S = 20.0  # no handler of the test server runs longer than this
BOMB = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MB of zeros, ~64 KB on the wire
ARTICLE = (
    b"<html><head><title>Fine</title></head><body><article><h1>Fine</h1>"
    + b"<p>An ordinary paragraph of an ordinary article, long enough to count as one.</p>" * 5
    + b"</article></body></html>"
)


class HostileHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_: object) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        route = getattr(self, "route_" + parts.path.strip("/").replace("-", "_"), None)
        if route is None:
            self._send(404, b"no route")
        else:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                route(query)

    def route_ok(self, _: dict) -> None:
        self._send(200, ARTICLE, Content_Type="text/html; charset=utf-8")

    def route_bomb(self, _: dict) -> None:
        self._send(200, BOMB, Content_Type="text/html", Content_Encoding="gzip")

    def route_endless(self, _: dict) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<p>" + b"more " * 2000 + b"</p>"
        deadline = time.monotonic() + SERVER_LIFETIME_S
        while time.monotonic() < deadline:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))

    def route_drip(self, query: dict) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        if query.get("gzip"):
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        # gzip: a header, then empty deflate blocks, which decode to nothing at all
        if query.get("gzip"):
            self.wfile.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff")
        drop = b"\x00\x00\x00\xff\xff" if query.get("gzip") else b"x"
        deadline = time.monotonic() + SERVER_LIFETIME_S
        while time.monotonic() < deadline:
            self.wfile.write(drop)
            self.wfile.flush()
            time.sleep(0.1)

    def route_header_drip(self, _: dict) -> None:
        """Headers that never end: one harmless header line every 0.1 s."""
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        deadline = time.monotonic() + SERVER_LIFETIME_S
        while time.monotonic() < deadline:
            self.wfile.write(b"X-Drip: 1\r\n")
            self.wfile.flush()
            time.sleep(0.1)

    def route_redirect(self, query: dict) -> None:
        self._send(302, b"", Location=query["to"])

    def route_loop(self, query: dict) -> None:
        hops = int(query.get("n", "0"))
        self._send(302, b"", Location=f"/loop?n={hops + 1}")

    def route_missing(self, _: dict) -> None:
        self._send(404, b"<h1>Not found</h1>", Content_Type="text/html")

    def route_broken(self, _: dict) -> None:
        self._send(500, b"<h1>Server error</h1>", Content_Type="text/html")


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HostileHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


LOOPBACK_OK = FetchPolicy(
    allow_private_networks=True,
    limits=FetchLimits(connect_timeout_s=2, read_timeout_s=2, total_timeout_s=3, max_bytes=1024 * 1024),
)


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    from worker.fetch import new_client

    with new_client() as http:
        yield http


@pytest.fixture
def only_the_test_server_is_public(monkeypatch: pytest.MonkeyPatch) -> FetchPolicy:
    """A policy that refuses private addresses, with 127.0.0.1 (the test server) counted as public."""
    import worker.fetch as fetch_module

    real = fetch_module.is_public_address
    monkeypatch.setattr(fetch_module, "is_public_address", lambda a: a == "127.0.0.1" or real(a))
    return replace(LOOPBACK_OK, allow_private_networks=False)


def test_plain_page_is_fetched(hostile, client):
    result = fetch(hostile + "/ok", policy=LOOPBACK_OK, client=client)
    assert result.status == 200 and result.body == ARTICLE


def test_decompression_bomb_stops_at_the_byte_cap(hostile, client):
    start = time.monotonic()
    with pytest.raises(FetchTooLarge):
        fetch(hostile + "/bomb", policy=LOOPBACK_OK, client=client)
    assert time.monotonic() - start < 10


def test_endless_chunked_body_stops_at_the_byte_cap(hostile, client):
    with pytest.raises(FetchTooLarge):
        fetch(hostile + "/endless", policy=LOOPBACK_OK, client=client)


@pytest.mark.parametrize("encoded", [False, True], ids=["plain", "gzip"])
def test_slow_drip_stops_at_the_total_time_cap(hostile, client, encoded):
    """A byte every 0.1 s never trips the 2 s read timeout; only the 3 s total cap can stop it."""
    start = time.monotonic()
    with pytest.raises(FetchTimeout):
        fetch(hostile + "/drip" + ("?gzip=1" if encoded else ""), policy=LOOPBACK_OK, client=client)
    assert time.monotonic() - start < LOOPBACK_OK.limits.total_timeout_s + 3


def test_header_drip_stops_at_the_total_time_cap(hostile, client):
    """Headers sent a line every 0.1 s: no read times out, the total cap must end it."""
    start = time.monotonic()
    with pytest.raises(FetchTimeout):
        fetch(hostile + "/header-drip", policy=LOOPBACK_OK, client=client)
    assert time.monotonic() - start < LOOPBACK_OK.limits.total_timeout_s + 1


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/_x"])
def test_redirect_to_another_scheme_is_refused(hostile, client, target):
    with pytest.raises(FetchRefused, match="scheme"):
        fetch(f"{hostile}/redirect?to={target}", policy=LOOPBACK_OK, client=client)


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.2/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:10.0.0.1]/",
    ],
)
def test_redirect_to_a_private_address_is_refused_before_connecting(
    hostile, client, only_the_test_server_is_public, target
):
    policy = only_the_test_server_is_public
    assert fetch(hostile + "/ok", policy=policy, client=client).status == 200  # the first hop is allowed
    start = time.monotonic()
    with pytest.raises(FetchRefused, match="non-public address"):
        fetch(f"{hostile}/redirect?to={target}", policy=policy, client=client)
    assert time.monotonic() - start < 2  # refused, not timed out connecting to 10.0.0.1


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://localhost/",
        "http://0.0.0.0/",
        "http://2130706433/",  # 127.0.0.1 as one number: resolved, then refused
        "http://[::ffff:127.0.0.1]/",
        "http://192.168.1.1/",
        "http://[fd00::1]/",
    ],
)
def test_check_url_refuses_non_public_addresses_after_resolution(url):
    with pytest.raises(FetchRefused, match="non-public address"):
        check_url(url, FetchPolicy())


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/", "gopher://example.com/", "data:,x"]
)
def test_check_url_refuses_other_schemes(url):
    with pytest.raises(FetchRefused, match="scheme"):
        check_url(url, FetchPolicy())


def test_unresolvable_host_is_a_connection_error():
    with pytest.raises(FetchConnectionError):
        check_url("http://no-such-host.invalid/", FetchPolicy())


def test_too_many_redirects_are_refused(hostile, client):
    with pytest.raises(FetchTooManyRedirects):
        fetch(hostile + "/loop", policy=LOOPBACK_OK, client=client)


def test_not_found_is_final_and_server_error_retryable(hostile, client):
    with pytest.raises(FetchHTTPStatus) as missing:
        fetch(hostile + "/missing", policy=LOOPBACK_OK, client=client)
    with pytest.raises(FetchHTTPStatus) as broken:
        fetch(hostile + "/broken", policy=LOOPBACK_OK, client=client)
    assert (missing.value.status, missing.value.retryable) == (404, False)
    assert (broken.value.status, broken.value.retryable) == (500, True)


@pytest.mark.usefixtures("celery_worker")
def test_decompression_bomb_through_the_worker_is_one_dead_letter(hostile, settings, redis_client):
    from worker.tasks import ingest_url

    ingest_url.delay(hostile + "/bomb")
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1, timeout_s=30)
    assert letter["reason"] == "fetch_too_large"
    assert redis_client.xlen(settings.stream) == 0


# --- IPv6 forms that carry an IPv4 address --------------------------------------------------------

# Teredo with server 65.54.227.120 and client 127.0.0.1 (stored XOR 0xffffffff as 80ff:fffe).
TEREDO_TO_LOOPBACK = "2001:0:4136:e378:8000:63bf:80ff:fffe"


@pytest.mark.parametrize(
    "address",
    [
        "::127.0.0.1",  # IPv4-compatible
        "::8.8.8.8",  # IPv4-compatible is deprecated and never routed, whatever it carries
        "::ffff:169.254.169.254",  # IPv4-mapped
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b:1::a00:1",  # local-use NAT64
        "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "2002:c0a8:101::1",  # 6to4 of 192.168.1.1
        TEREDO_TO_LOOPBACK,
    ],
)
def test_ipv6_address_carrying_a_private_ipv4_is_not_public(address):
    assert not is_public_address(address)


@pytest.mark.parametrize(
    "address", ["64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8", "2606:4700::1111"]
)
def test_ipv6_address_carrying_a_public_ipv4_is_public(address):
    assert is_public_address(address)


def test_teredo_address_gives_its_client_and_server_ipv4():
    assert [str(v4) for v4 in embedded_ipv4(ipaddress.IPv6Address(TEREDO_TO_LOOPBACK))] == [
        "65.54.227.120",
        "127.0.0.1",
    ]


@pytest.mark.parametrize("address", ["::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1"])
def test_check_url_refuses_ipv6_literals_carrying_private_ipv4(address):
    with pytest.raises(FetchRefused, match="non-public address"):
        check_url(f"http://[{address}]/", FetchPolicy())


# --- every httpx error becomes one of ours ---------------------------------------------------------


def _concrete_httpx_errors() -> list[type[Exception]]:
    found: list[type[Exception]] = []
    pending: list[type[Exception]] = [
        httpx.HTTPError,
        httpx.InvalidURL,
        httpx.StreamError,
        httpx.CookieConflict,
    ]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda c: c.__name__)


def _instance(cls: type[Exception]) -> Exception:
    request = httpx.Request("GET", "http://example.com/")
    if issubclass(cls, httpx.HTTPStatusError):
        return cls("boom", request=request, response=httpx.Response(503, request=request))
    if issubclass(cls, httpx.StreamError) and cls is not httpx.StreamError:
        return cls()
    return cls("boom")


@pytest.mark.parametrize("error", _concrete_httpx_errors(), ids=lambda c: c.__name__)
def test_every_httpx_error_maps_to_a_fetch_error(error):
    with pytest.raises(FetchError) as raised, _mapped_errors("http://example.com/"):
        raise _instance(error)
    assert type(raised.value) is not FetchError and raised.value.url == "http://example.com/"


@pytest.mark.parametrize(
    "target", ["http:127.0.0.1:8765/x", "https:127.0.0.1:8765/x", "http://xn--/", "http://a]/", "//[::1/x"]
)
def test_redirect_to_a_malformed_url_is_refused(hostile, client, target):
    with pytest.raises(FetchRefused, match="malformed URL"):
        fetch(f"{hostile}/redirect?to={target}", policy=LOOPBACK_OK, client=client)


@pytest.mark.usefixtures("celery_worker")
def test_redirect_to_a_malformed_url_through_the_worker_is_a_fetch_refused_dead_letter(
    hostile, settings, redis_client
):
    from worker.tasks import ingest_url

    ingest_url.delay(f"{hostile}/redirect?to=http:127.0.0.1:8765/x")
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1, timeout_s=30)
    assert letter["reason"] == "fetch_refused"


@pytest.mark.usefixtures("celery_worker")
def test_feed_redirecting_to_a_malformed_url_is_a_fetch_refused_dead_letter(hostile, settings, redis_client):
    from worker.feed_tasks import poll_source

    poll_source.delay(f"{hostile}/redirect?to=http:127.0.0.1:8765/feed.xml")
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1, timeout_s=30)
    assert (letter["reason"], letter["task"]) == ("fetch_refused", "worker.feed_tasks.poll_source")
