"""HTTP fetching with every cap explicit: scheme, address, redirects, bytes and total time.

Each hop (the first request and every redirect) is resolved here, every address it resolves to is
checked, and the connection goes to the checked address (the Host header and TLS SNI keep the
name), so a DNS answer that changes between check and connect cannot reach a private address.
httpx errors are mapped to `FetchError`s in one place, `_mapped_errors`.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from worker.config import DEFAULT_FETCH_LIMITS, DEFAULT_USER_AGENT, FetchLimits, Settings
from worker.errors import (
    FetchConnectionError,
    FetchError,
    FetchHTTPStatus,
    FetchRefused,
    FetchTimeout,
    FetchTooLarge,
    FetchTooManyRedirects,
)
from worker.http_deadline import DeadlineTransport, fetch_deadline

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"http", "https"})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchPolicy:
    """Who we say we are, what we may reach, and how much we take."""

    limits: FetchLimits = DEFAULT_FETCH_LIMITS
    allow_private_networks: bool = False
    user_agent: str = DEFAULT_USER_AGENT

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchPolicy:
        """The one policy the worker and `newsworker extract URL` both fetch under."""
        return cls(
            limits=settings.fetch,
            allow_private_networks=settings.allow_private_networks,
            user_agent=settings.user_agent,
        )


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str
    final_url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def not_modified(self) -> bool:
        return self.status == 304


# IPv6 ranges that carry an IPv4 address, which the connection may end up reaching (RFC 6052 NAT64,
# RFC 8215 local-use NAT64); and the deprecated IPv4-compatible form `::a.b.c.d` (RFC 4291), which
# no network routes but some stacks still turn into IPv4.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_LOCAL_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """Every IPv4 address an IPv6 address carries or translates to: IPv4-mapped `::ffff:a.b.c.d`,
    IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`, 6to4 `2002:AABB:CCDD::` and both of
    Teredo's (server, and the client XOR 0xffffffff)."""
    found = []
    if ip.ipv4_mapped is not None:
        found.append(ip.ipv4_mapped)
    if ip in _IPV4_COMPATIBLE or ip in _NAT64:
        found.append(ipaddress.IPv4Address(ip.packed[12:]))
    if ip.sixtofour is not None:
        found.append(ip.sixtofour)
    if ip.teredo is not None:
        found.extend(ip.teredo)
    return found


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address. An IPv6 address that carries an IPv4 one is
    public only when every IPv4 it carries is; local-use NAT64 and IPv4-compatible ones never are."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _LOCAL_NAT64 or ip in _IPV4_COMPATIBLE:
            return False
        if ip.ipv4_mapped is not None:
            return is_public_address(str(ip.ipv4_mapped))
        if not all(is_public_address(str(v4)) for v4 in embedded_ipv4(ip)):
            return False
    return ip.is_global and not ip.is_multicast


def resolve_host(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchConnectionError(f"cannot resolve host {host!r}: {exc}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True, slots=True)
class _Hop:
    """One request target, checked: the URL asked for and the address the connection must use."""

    url: str
    host: str
    address: str
    port: int

    def pinned_url(self) -> str:
        parts = urlsplit(self.url)
        address = f"[{self.address}]" if ":" in self.address else self.address
        netloc = f"{address}:{parts.port}" if parts.port else address
        return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))

    def host_header(self) -> str:
        parts = urlsplit(self.url)
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{parts.port}" if parts.port else host


def check_url(url: str, policy: FetchPolicy) -> _Hop:
    """Refuse any scheme but http(s) and, unless allowed, any host resolving to a non-public address."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchRefused(f"malformed URL {url!r}: {exc}", url=url) from exc
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchRefused(
            f"scheme {parts.scheme or '(none)'!r} is not allowed, only http and https", url=url
        )
    host = parts.hostname
    if not host:
        raise FetchRefused(f"URL {url!r} has no host", url=url)
    addresses = resolve_host(host, port)
    if not addresses:
        raise FetchConnectionError(f"host {host!r} resolves to no address", url=url)
    if not policy.allow_private_networks:
        blocked = [a for a in addresses if not is_public_address(a)]
        if blocked:
            raise FetchRefused(
                f"host {host!r} resolves to non-public address {blocked[0]} "
                "(set NEWSWORKER_ALLOW_PRIVATE_NETWORKS=true to allow)",
                url=url,
            )
    return _Hop(url=url, host=host, address=addresses[0], port=port)


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def redirect_target(url: str, location: str) -> str:
    """Where a redirect from `url` leads, resolved as a browser does; a Location that no URL parser
    reads (`http://a]/`) is refused like any malformed URL."""
    try:
        return urljoin(url, location)
    except ValueError as exc:
        raise FetchRefused(f"malformed URL in the redirect from {url}: {location!r}", url=url) from exc


def _is_malformed_location(exc: Exception) -> bool:
    """httpx reports a Location it cannot parse as a RemoteProtocolError (raised `from None`, so only
    its message says so): a redirect to a malformed URL, refused like one, not a retryable failure."""
    return isinstance(exc, httpx.RemoteProtocolError) and str(exc).startswith(
        "Invalid URL in location header"
    )


def fetch_error_for(exc: Exception, url: str) -> FetchError:
    """Our error for one of httpx's (every class in httpx's tree has one), or for a host name httpx
    could not encode (a malformed IDNA label in a redirect target)."""
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeout(f"timed out fetching {url}: {exc.__class__.__name__}", url=url)
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchTooManyRedirects(str(exc), url=url)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchRefused(f"unsupported URL scheme fetching {url}: {exc}", url=url)
    if isinstance(exc, httpx.InvalidURL | UnicodeError) or _is_malformed_location(exc):
        return FetchRefused(f"malformed URL fetching {url}: {exc}", url=url)
    if isinstance(exc, httpx.HTTPStatusError):
        return FetchHTTPStatus(str(exc), url=url, status=exc.response.status_code)
    if isinstance(exc, httpx.DecodingError):
        return FetchConnectionError(f"undecodable response body from {url}: {exc}", url=url)
    return FetchConnectionError(f"connection failed for {url}: {exc!r}", url=url)


# What httpx raises: its HTTPError tree, and apart from it InvalidURL, CookieConflict, StreamError.
HTTPX_ERRORS = (httpx.HTTPError, httpx.InvalidURL, httpx.CookieConflict, httpx.StreamError)


@contextmanager
def _mapped_errors(url: str) -> Iterator[None]:
    """The one place where httpx's errors become ours. httpx builds a redirect's next request even
    when it does not follow it, so a malformed Location (`http:127.0.0.1:8765/x`) raises here."""
    try:
        yield
    except (*HTTPX_ERRORS, UnicodeError) as exc:
        raise fetch_error_for(exc, url) from exc


def _timeout(limits: FetchLimits, remaining_s: float) -> httpx.Timeout:
    read = max(0.1, min(limits.read_timeout_s, remaining_s))
    return httpx.Timeout(read, connect=max(0.1, min(limits.connect_timeout_s, remaining_s)), pool=read)


class _DeadlineStream(httpx.SyncByteStream):
    """A response's raw body, checked against the total deadline on every network read. Decoded
    chunks alone are not enough: a drip of bytes that fill no 64 KB chunk, or decode to nothing
    (gzip), would never reach a check."""

    def __init__(self, stream: httpx.SyncByteStream, deadline: float, total_s: float, url: str) -> None:
        self._stream, self._deadline, self._total_s, self._url = stream, deadline, total_s, url

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            if time.monotonic() > self._deadline:
                raise FetchTimeout(f"{self._url} took longer than {self._total_s}s in total", url=self._url)
            yield chunk

    def close(self) -> None:
        self._stream.close()


def _read_capped(response: httpx.Response, limits: FetchLimits, deadline: float, url: str) -> bytes:
    """Read the decoded body, stopping at `max_bytes` (a decompression bomb is counted after decoding)
    and at the total deadline (a slow drip cannot outlast it by more than one read timeout)."""
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchTooLarge(f"{url} declares {declared} bytes, over the {limits.max_bytes}-byte cap", url=url)
    if isinstance(response.stream, httpx.SyncByteStream):
        response.stream = _DeadlineStream(response.stream, deadline, limits.total_timeout_s, url)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchTooLarge(f"{url} sent more than the {limits.max_bytes}-byte cap", url=url)
        if time.monotonic() > deadline:
            raise FetchTimeout(f"{url} took longer than {limits.total_timeout_s}s in total", url=url)
        chunks.append(chunk)
    return b"".join(chunks)


def new_client() -> httpx.Client:
    """One client per worker process; redirects are followed here, hop by hop, never by httpx.

    Connections go to pinned addresses, and one CDN address serves many hosts: a kept-alive TLS
    connection opened with one host's SNI must not carry another host's request, so none is kept."""
    return httpx.Client(follow_redirects=False, trust_env=False, transport=DeadlineTransport())


def fetch(
    url: str,
    *,
    policy: FetchPolicy,
    client: httpx.Client,
    headers: Mapping[str, str] | None = None,
) -> FetchResult:
    """GET `url` within the policy's caps. 2xx and 304 return; other statuses raise FetchHTTPStatus."""
    limits = policy.limits
    deadline = time.monotonic() + limits.total_timeout_s
    current = url
    for _ in range(limits.max_redirects + 1):
        hop = check_url(current, policy)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchTimeout(f"{url} took longer than {limits.total_timeout_s}s in total", url=url)
        request_headers = {
            "User-Agent": policy.user_agent,
            "Accept-Encoding": "gzip, deflate",
            **(headers or {}),
        }
        request_headers["Host"] = hop.host_header()
        with _mapped_errors(current), fetch_deadline(deadline):
            request = client.build_request(
                "GET",
                hop.pinned_url(),
                headers=request_headers,
                timeout=_timeout(limits, remaining),
                extensions={"sni_hostname": hop.host},
            )
            response = client.send(request, stream=True)
            try:
                if response.status_code in _REDIRECT_STATUSES and "location" in response.headers:
                    current = redirect_target(current, response.headers["location"])
                    log.debug("redirect %s -> %s", hop.url, current)
                    continue
                if response.status_code == 304:
                    return FetchResult(url, current, 304, dict(response.headers), b"")
                if response.status_code >= 400:
                    raise FetchHTTPStatus(
                        f"{current} answered HTTP {response.status_code}",
                        url=current,
                        status=response.status_code,
                        retry_after_s=parse_retry_after(response.headers.get("retry-after")),
                    )
                body = _read_capped(response, limits, deadline, current)
                return FetchResult(url, current, response.status_code, dict(response.headers), body)
            finally:
                response.close()
    raise FetchTooManyRedirects(f"{url} redirected more than {limits.max_redirects} times", url=url)


__all__ = [
    "FetchError",
    "FetchPolicy",
    "FetchResult",
    "check_url",
    "embedded_ipv4",
    "fetch",
    "fetch_error_for",
    "is_public_address",
    "new_client",
]
