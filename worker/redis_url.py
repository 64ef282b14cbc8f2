"""REDIS_URL checked once at start, and the TLS options that go with a `rediss://` URL.

A malformed URL (an unencoded `#`, `?` or `/` in the password, a port that is not a number) would
otherwise surface much later as a traceback from deep inside redis-py or kombu. `redis_url_problem`
names the problem in one sentence, with the password masked, for `Settings.from_env` to raise.

TLS is verified by default, for the stream client (redis-py) and the broker (kombu) alike, from one
dict (`tls_options`): kombu on its own turns a bare `rediss://` into "insecure SSL behaviour". The
only way to skip verification is `NEWSWORKER_REDIS_TLS_INSECURE=true`, said in the log at start.
"""

from __future__ import annotations

import ssl
from typing import Any
from urllib.parse import parse_qsl, urlsplit

SCHEMES = ("redis", "rediss", "unix", "sentinel")
_ENCODE_HINT = "percent-encode a '#', '?', '/' or '@' in the user name or password (%23, %3F, %2F, %40)"
# redis-py would read these from the URL, kombu would not: TLS is configured one way only.
_TLS_QUERY_KEYS = frozenset(
    {"ssl", "ssl_cert_reqs", "ssl_ca_certs", "ssl_certfile", "ssl_keyfile", "ssl_check_hostname"}
)


def masked_url(url: str) -> str:
    """The URL with whatever sits between `://` and its last `@` masked, even when it does not parse
    (a `#` in the password would otherwise put the rest of the password in the "fragment")."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    userinfo, _, host_part = rest.rpartition("@")
    user = userinfo.split(":", 1)[0] if ":" in userinfo else ""
    return f"{scheme}://{user}:***@{host_part}"


def redis_url_problem(url: str) -> str | None:
    """What is wrong with `url` as a REDIS_URL, in words; None when redis-py and kombu can use it."""
    scheme = url.partition("://")[0].lower() if "://" in url else ""
    if scheme not in SCHEMES:
        return f"the scheme must be one of {', '.join(s + '://' for s in SCHEMES)}"
    if scheme == "sentinel":
        for part in url.split(";"):
            problem = _host_problem(part.strip())
            if problem:
                return problem
        return None
    if scheme == "unix":
        parts = urlsplit(url)
        if parts.fragment or not parts.path:
            return f"a unix:// URL needs the socket's path; {_ENCODE_HINT}"
        return _query_problem(parts.query)
    return _host_problem(url)


def _host_problem(url: str) -> str | None:
    userinfo = url.partition("://")[2].rpartition("@")[0]
    unencoded = [char for char in "#?/" if char in userinfo]
    if unencoded:
        return f"the user name or password holds an unencoded {unencoded[0]!r}; {_ENCODE_HINT}"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "the port is not a number from 1 to 65535"
    if parts.fragment:
        return f"it has a '#' fragment; {_ENCODE_HINT}"
    if not parts.hostname:
        return f"it has no host name; {_ENCODE_HINT}"
    if port == 0:
        return "the port is not a number from 1 to 65535"
    database = parts.path.strip("/")
    if database and not database.isdigit():
        return f"the database (the path, {database!r}) must be a number; {_ENCODE_HINT}"
    return _query_problem(parts.query)


def _query_problem(query: str) -> str | None:
    keys = {key for key, _ in parse_qsl(query, keep_blank_values=True)}
    if keys & _TLS_QUERY_KEYS:
        return (
            f"TLS options in the URL ({', '.join(sorted(keys & _TLS_QUERY_KEYS))}) are not used: "
            "set NEWSWORKER_REDIS_TLS_CA_FILE (or NEWSWORKER_REDIS_TLS_INSECURE=true) instead"
        )
    return None


def uses_tls(url: str) -> bool:
    return url.lower().startswith("rediss://")


def tls_options(
    *,
    ca_file: str | None = None,
    cert_file: str | None = None,
    key_file: str | None = None,
    insecure: bool = False,
) -> dict[str, Any]:
    """Keyword arguments of redis-py's SSLConnection; kombu passes `broker_use_ssl` on to it as is.

    Verified by default: the server's certificate must chain to `ca_file` (or to the system's CAs
    when none is given) and name the host. `insecure` turns both checks off, and nothing else does."""
    if insecure:
        options: dict[str, Any] = {"ssl_cert_reqs": ssl.CERT_NONE, "ssl_check_hostname": False}
    else:
        options = {"ssl_cert_reqs": ssl.CERT_REQUIRED, "ssl_check_hostname": True}
        if ca_file:
            options["ssl_ca_certs"] = ca_file
    if cert_file:
        options["ssl_certfile"] = cert_file
    if key_file:
        options["ssl_keyfile"] = key_file
    return options
