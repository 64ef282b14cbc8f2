"""A total time cap on an HTTP exchange, enforced on every socket operation.

httpx's timeouts bound each read; a server that drips its headers or body a byte at a time never
trips one. Here the connection pool's network backend clamps every connect, read and write to the
time left before the current fetch's deadline (a context variable set by `fetch`), and fails the
operation once none is left. httpcore turns that into a ReadTimeout, which `fetch` maps as usual.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

import httpcore
import httpx

_deadline: ContextVar[float | None] = ContextVar("newsworker_fetch_deadline", default=None)


@contextmanager
def fetch_deadline(deadline: float) -> Iterator[None]:
    """Every socket operation inside the block ends by `deadline` (a `time.monotonic()` value)."""
    token = _deadline.set(deadline)
    try:
        yield
    finally:
        _deadline.reset(token)


def _bounded(timeout: float | None) -> float | None:
    deadline = _deadline.get()
    if deadline is None:
        return timeout
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise httpcore.ReadTimeout("the fetch's total time cap was reached")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, _bounded(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(host, port, _bounded(timeout), local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._backend.connect_unix_socket(path, _bounded(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


@cache
def verifying_context() -> ssl.SSLContext:
    """httpx's default TLS context (certificates verified against certifi's roots), built once per
    process and inherited across the pool's fork: loading the roots costs about 45 ms each time."""
    return httpx.create_ssl_context(trust_env=False)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport over a pool whose sockets honour `fetch_deadline`; keeps no connection alive."""

    def __init__(self) -> None:
        context = verifying_context()
        super().__init__(verify=context, trust_env=False, limits=httpx.Limits(max_keepalive_connections=0))
        # httpx builds its pool in __init__ with no way to pass a network backend: replace it.
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_keepalive_connections=0,
            network_backend=_DeadlineBackend(),
        )
