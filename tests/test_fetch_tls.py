"""A fetch verifies the server's certificate: a page served over TLS under a CA the system does not
trust is refused with a connection error that says so. One TLS context a process serves every fetch."""

from __future__ import annotations

import shutil
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from tests.certificates import make_certificates
from worker.errors import FetchConnectionError
from worker.fetch import FetchPolicy, fetch, new_client

PAGE = b"<html><head><title>Harbour news</title></head><body><p>A page.</p></body></html>"


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *_: object) -> None:
        return


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 whose certificate a CA of the test's own signed: its URL and CA."""
    if not shutil.which("openssl"):
        pytest.skip("the openssl command is not installed")
    make_certificates(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "server.crt", tmp_path / "server.key")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{server.server_address[1]}/story", tmp_path / "ca.crt"
    server.shutdown()
    server.server_close()


def test_a_certificate_from_an_unknown_ca_is_refused(https_server):
    url, ca_file = https_server
    httpx.get(url, verify=ssl.create_default_context(cafile=str(ca_file))).raise_for_status()  # it serves
    policy = FetchPolicy(allow_private_networks=True)
    with new_client() as client, pytest.raises(FetchConnectionError, match="CERTIFICATE_VERIFY_FAILED"):
        fetch(url, policy=policy, client=client)
