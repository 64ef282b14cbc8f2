"""A loopback HTTP server for polling tests: routes set per test, ETag answered with 304, every
request logged with its time and conditional headers; and small builders for feeds and pages."""

from __future__ import annotations

import http.server
import threading
import time
from datetime import datetime
from email.utils import format_datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import escape


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, dict] = {}
        self.log: list[dict] = []
        self._lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *_: object) -> None:
                pass

            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                with server._lock:
                    server.log.append(
                        {
                            "at": time.monotonic(),
                            "path": path,
                            "if-none-match": self.headers.get("If-None-Match"),
                            "user-agent": self.headers.get("User-Agent"),
                        }
                    )
                route = server.routes.get(path)
                if route is None:
                    self._answer(404, "text/plain", b"no route", {})
                    return
                etag = route["etag"]
                if etag and self.headers.get("If-None-Match") == etag:
                    self._answer(304, None, b"", {"ETag": etag})
                    return
                headers = dict(route["headers"])
                if etag:
                    headers["ETag"] = etag
                self._answer(route["status"], route["content_type"], route["body"], headers)

            def _answer(self, status: int, content_type: str | None, body: bytes, headers: dict) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def route(
        self,
        path: str,
        body: bytes | str,
        content_type: str,
        *,
        status: int = 200,
        etag: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        raw = body.encode() if isinstance(body, str) else body
        self.routes[path] = {
            "body": raw,
            "content_type": content_type,
            "status": status,
            "etag": etag,
            "headers": headers or {},
        }

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def requests(self, path: str) -> list[dict]:
        with self._lock:
            return [r for r in self.log if r["path"] == path]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def rss(items: list[tuple[str, str, datetime]], *, ttl_minutes: int | None = None) -> bytes:
    """An RSS 2.0 feed of (url, title, published) items."""
    ttl = f"<ttl>{ttl_minutes}</ttl>" if ttl_minutes else ""
    body = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(url)}</link>"
        f"<pubDate>{format_datetime(when)}</pubDate>"
        f"<description>Summary of {escape(title)}.</description></item>"
        for url, title, when in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test feed</title>'
        f"<link>http://127.0.0.1/</link><description>test</description>{ttl}{body}</channel></rss>"
    ).encode()


def sitemap(items: list[tuple[str, str, datetime]], *, news: bool = False) -> bytes:
    """A sitemap of (url, title, date) items: lastmod, or Google News fields with `news`."""
    urls = []
    for url, title, when in items:
        if news:
            extra = (
                "<news:news><news:publication><news:name>Test</news:name><news:language>en</news:language>"
                f"</news:publication><news:publication_date>{when.isoformat()}</news:publication_date>"
                f"<news:title>{escape(title)}</news:title></news:news>"
            )
        else:
            extra = f"<lastmod>{when.isoformat()}</lastmod>"
        urls.append(f"<url><loc>{escape(url)}</loc>{extra}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(urls) + "</urlset>"
    ).encode()


def sitemap_index(children: list[tuple[str, datetime]]) -> bytes:
    body = "".join(
        f"<sitemap><loc>{escape(url)}</loc><lastmod>{when.isoformat()}</lastmod></sitemap>"
        for url, when in children
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>'
    ).encode()


_PARAGRAPHS = (
    "The {w} committee met on Tuesday evening to discuss the proposal, which residents of the "
    "{w} district had been waiting on for most of the year, and agreed to publish a full plan.",
    "According to the minutes, the {w} plan will be funded from the regional budget over three "
    "years, with the first contracts for the {w} works expected to be signed before the spring.",
    "Local business owners said the {w} decision came as a relief after months of uncertainty, "
    "though several asked for clearer answers on how long the {w} road closures would last.",
    "A public meeting on the {w} project is planned for next month at the town hall, where the "
    "engineers will present the timetable and answer questions from the {w} neighbourhood.",
)


def article_html(slug: str) -> str:
    """A small news page whose text is unique to `slug` and which shows no date or byline."""
    word = slug.replace("-", " ")
    paragraphs = "".join(f"<p>{p.format(w=word)}</p>" for p in _PARAGRAPHS)
    return (
        f"<!doctype html><html lang='en'><head><title>{word.title()} plan agreed</title></head>"
        f"<body><article><h1>{word.title()} plan agreed</h1>{paragraphs}</article></body></html>"
    )
