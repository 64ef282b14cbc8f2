"""Web archives: which WARC records are pages, what cannot be read, and `submit` of a WARC file
through the real Redis and a real worker (resumable: a second submit queues nothing new)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.helpers import events, settle, wait_for_entries
from tests.test_batch import article_html, drained
from worker.cli import main
from worker.cli_submit import warc_progress_key
from worker.errors import DeadLetterReason
from worker.warc import SkipReason, WarcDamage, WarcPage, WarcSkip, page_problem, read_warc

CAPTURED = "2024-05-01T10:00:00Z"


class ArchiveWriter:
    """A small WARC file written record by record with warcio."""

    def __init__(self, *, gzip: bool = True, version: str = "WARC/1.1") -> None:
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=gzip, warc_version=version)

    def response(
        self, url: str, body: bytes | str, *, status: str = "200 OK", content_type: str = "text/html"
    ):
        body = body.encode() if isinstance(body, str) else body
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        self._write(url, "response", body, http)
        return self

    def request(self, url: str):
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        self._write(url, "request", b"", http)
        return self

    def _write(self, url: str, kind: str, body: bytes, http: StatusAndHeaders) -> None:
        record = self.writer.create_warc_record(
            url, kind, payload=io.BytesIO(body), http_headers=http, warc_headers_dict={"WARC-Date": CAPTURED}
        )
        self.writer.write_record(record)

    def bytes(self) -> bytes:
        return self.buffer.getvalue()

    def save(self, path: Path, *, cut: int = 0) -> Path:
        data = self.bytes()
        path.write_bytes(data[: len(data) - cut] if cut else data)
        return path


def items(path: Path) -> list:
    return list(read_warc(path, max_body_bytes=1_000_000))


def test_response_with_2xx_status_and_html_is_a_page():
    assert page_problem("response", "200", "text/html; charset=utf-8") is None


def test_request_record_is_not_a_page():
    assert page_problem("request", None, None) is SkipReason.NOT_RESPONSE


def test_response_with_404_is_not_a_page():
    assert page_problem("response", "404", "text/html") is SkipReason.HTTP_STATUS


def test_pdf_response_is_not_a_page():
    assert page_problem("response", "200", "application/pdf") is SkipReason.CONTENT_TYPE


def test_page_carries_its_target_uri_date_and_body(tmp_path):
    path = ArchiveWriter().response("https://news.example/a", "<p>hello</p>").save(tmp_path / "a.warc.gz")
    [page] = items(path)
    assert isinstance(page, WarcPage)
    assert (page.url, page.date, page.body) == ("https://news.example/a", CAPTURED, b"<p>hello</p>")


def test_uncompressed_warc_1_0_is_read(tmp_path):
    archive = ArchiveWriter(gzip=False, version="WARC/1.0")
    path = archive.response("https://news.example/a", "<p>a</p>").response(
        "https://news.example/b", "<p>b</p>"
    )
    assert [i.url for i in items(path.save(tmp_path / "a.warc"))] == [
        "https://news.example/a",
        "https://news.example/b",
    ]


def test_records_that_are_not_pages_are_skipped_with_their_reason(tmp_path):
    archive = ArchiveWriter().request("https://news.example/a")
    archive.response("https://news.example/gone", "<p>gone</p>", status="404 Not Found")
    archive.response("https://news.example/report.pdf", b"%PDF-1.7", content_type="application/pdf")
    reasons = [item.reason for item in items(archive.save(tmp_path / "a.warc.gz"))]
    assert reasons == [SkipReason.NOT_RESPONSE, SkipReason.HTTP_STATUS, SkipReason.CONTENT_TYPE]
    assert all(isinstance(item, WarcSkip) for item in items(tmp_path / "a.warc.gz"))


@pytest.mark.parametrize("gzip", [True, False])
def test_truncated_warc_gives_its_whole_records_then_damage_to_the_end(tmp_path, gzip):
    archive = ArchiveWriter(gzip=gzip)
    archive.response("https://news.example/a", article_html("dock")).response(
        "https://news.example/b", article_html("pier")
    )
    path = archive.save(tmp_path / "cut.warc", cut=40)
    first, damage = items(path)
    assert isinstance(first, WarcPage) and first.url == "https://news.example/a"
    assert isinstance(damage, WarcDamage)
    assert (damage.reason, damage.end) == (DeadLetterReason.BAD_ARCHIVE, path.stat().st_size)


@pytest.mark.parametrize("gzip", [True, False])
def test_garbage_between_records_is_damage_and_reading_goes_on(tmp_path, gzip):
    first = ArchiveWriter(gzip=gzip).response("https://news.example/a", "<p>a</p>").bytes()
    second = ArchiveWriter(gzip=gzip).response("https://news.example/b", "<p>b</p>").bytes()
    path = tmp_path / "mixed.warc"
    path.write_bytes(first + b"\x00garbage that is no record\n" * 5 + second)
    found = items(path)
    assert [type(item) for item in found] == [WarcPage, WarcDamage, WarcPage]
    assert found[2].url == "https://news.example/b"


def test_page_over_the_size_cap_is_too_large_damage(tmp_path):
    path = ArchiveWriter().response("https://news.example/big", "x" * 5000).save(tmp_path / "big.warc.gz")
    [item] = list(read_warc(path, max_body_bytes=1000))
    assert isinstance(item, WarcDamage) and item.reason is DeadLetterReason.TOO_LARGE


def _service_env(settings) -> dict[str, str]:
    return {
        "REDIS_URL": settings.redis_url,
        "NEWSWORKER_KEY_PREFIX": settings.key_prefix,
        "NEWSWORKER_QUEUE": settings.queue,
        "NEWSWORKER_BATCH_MAX_DOCUMENTS": "2",
    }


@pytest.fixture
def crawl(tmp_path) -> Path:
    """Three article pages among a request, a 404 and a PDF, gzipped per record."""
    archive = ArchiveWriter()
    for topic in ("lighthouse", "orchard", "stadium"):
        archive.request(f"https://news.example/{topic}")
        archive.response(f"https://news.example/{topic}", article_html(topic))
    archive.response("https://news.example/missing", article_html("missing"), status="404 Not Found")
    archive.response("https://news.example/annual.pdf", b"%PDF-1.7 ...", content_type="application/pdf")
    return archive.save(tmp_path / "crawl.warc.gz")


@pytest.mark.usefixtures("celery_worker")
def test_submit_of_a_warc_publishes_its_pages_with_url_and_capture_date(
    settings, redis_client, monkeypatch, crawl
):
    for name, value in _service_env(settings).items():
        monkeypatch.setenv(name, value)
    assert main(["submit", str(crawl)]) == 0
    published = [e["data"] for e in events(redis_client, settings.stream, 3)]
    drained(redis_client, settings)
    assert sorted(d["url"] for d in published) == [
        f"https://news.example/{t}" for t in ("lighthouse", "orchard", "stadium")
    ]
    assert all(d["source"]["path"].startswith("crawl.warc.gz#") for d in published)
    assert all(d["source"]["fields_from_feed"] == ["published"] for d in published)
    assert redis_client.xlen(settings.dead_letter_stream) == 0


@pytest.mark.usefixtures("celery_worker")
def test_submitting_the_same_warc_again_queues_nothing_new(
    settings, redis_client, monkeypatch, crawl, capsys
):
    for name, value in _service_env(settings).items():
        monkeypatch.setenv(name, value)
    assert main(["submit", str(crawl)]) == 0
    events(redis_client, settings.stream, 3)
    drained(redis_client, settings)
    assert main(["submit", str(crawl)]) == 0
    settle()
    assert "queued 0 page(s) in 0 batch(es); 3 queued before" in capsys.readouterr().err
    assert redis_client.llen(settings.queue) == 0 and redis_client.xlen(settings.stream) == 3


@pytest.mark.usefixtures("celery_worker")
def test_records_queued_from_a_warc_are_remembered_as_long_as_the_events(
    settings, redis_client, monkeypatch, crawl
):
    import hashlib

    for name, value in _service_env(settings).items():
        monkeypatch.setenv(name, value)
    assert main(["submit", str(crawl)]) == 0
    key = warc_progress_key(settings, hashlib.sha256(crawl.read_bytes()).hexdigest())
    assert redis_client.hlen(key) == 3
    assert 0 < redis_client.ttl(key) <= settings.retention_s
    events(redis_client, settings.stream, 3)
    drained(redis_client, settings)


@pytest.mark.usefixtures("celery_worker")
def test_truncated_warc_gives_one_bad_archive_dead_letter_and_its_whole_pages(
    settings, redis_client, monkeypatch, tmp_path
):
    for name, value in _service_env(settings).items():
        monkeypatch.setenv(name, value)
    archive = ArchiveWriter().response("https://news.example/quay", article_html("quay"))
    archive.response("https://news.example/mill", article_html("mill"))
    path = archive.save(tmp_path / "cut.warc.gz", cut=30)
    assert main(["submit", str(path)]) == 0
    assert main(["submit", str(path)]) == 0  # the damage is recorded once
    [event] = events(redis_client, settings.stream, 1)
    drained(redis_client, settings)
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1)
    assert event["data"]["url"] == "https://news.example/quay"
    assert (letter["reason"], letter["task"]) == ("bad_archive", "newsworker submit")
    assert letter["source"].startswith("cut.warc.gz#")
