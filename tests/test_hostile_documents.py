"""Broken and hostile documents: each gives a clean article or a typed error, fast, never a crash.

Through `load_document` + `extract_article` (the worker's own path), one case through the real worker
to a dead letter, and a property test throwing random bytes and random HTML at both.
"""

from __future__ import annotations

import gzip
import time

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.helpers import wait_for_entries
from worker.article import Article
from worker.document import InputKind, load_document
from worker.errors import (
    BinaryDocument,
    DocumentTooDeep,
    DocumentTooLarge,
    EmptyDocument,
    NewsworkerError,
    NotAnArticle,
)
from worker.pipeline import extract_article

# Generous bound against hangs (not a speed test): one document, loaded and extracted.
HANG_BOUND_S = 20.0
FRENCH = "Le café de la gare a rouvert ses portes après des travaux, a annoncé la mairie mardi."
FRENCH_2 = "Les habitants du quartier réclamaient depuis des années un lieu où se retrouver."


def ingest(raw: bytes | str, **kwargs: object) -> Article:
    """load + extract, as the worker does, failing the test if it takes longer than the hang bound."""
    start = time.monotonic()
    try:
        return extract_article(load_document(raw, **kwargs))
    finally:
        assert time.monotonic() - start < HANG_BOUND_S


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article><h1>Titre</h1>{body}</article></body></html>"


@pytest.mark.parametrize("raw", ["", b"", "   \n\t ", b" \r\n \t", "\u3000\u00a0 "])
def test_empty_and_whitespace_only_are_empty(raw):
    with pytest.raises(EmptyDocument):
        ingest(raw)


@pytest.mark.parametrize(
    "raw",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100),
        gzip.compress(b"\x00\x01\x02 not html at all " * 50),
        gzip.compress(page("<p>html, but still gzip-compressed bytes</p>").encode()),
        b"\x00\x01\x02\x03" * 100,
    ],
    ids=["pdf", "png", "gzip-binary", "gzip-of-html", "nul-bytes"],
)
def test_binary_documents_are_binary(raw):
    with pytest.raises(BinaryDocument):
        ingest(raw)


def test_page_declaring_utf8_but_written_in_windows_1252_reads_right():
    raw = page(f"<p>{FRENCH}</p><p>{FRENCH_2}</p>", "<meta charset='utf-8'>").encode("cp1252")
    assert FRENCH in ingest(raw).text


def test_page_declaring_latin1_but_written_in_utf8_reads_right():
    raw = page(f"<p>{FRENCH}</p><p>{FRENCH_2}</p>", "<meta charset='iso-8859-1'>").encode("utf-8")
    assert FRENCH in ingest(raw).text


def test_page_mixing_utf8_and_windows_1252_reads_right():
    raw = (
        page(f"<p>{FRENCH}</p>", "<meta charset='utf-8'>")
        .encode("utf-8")
        .replace(b"</article>", f"<p>{FRENCH_2}</p></article>".encode("cp1252"))
    )
    text = ingest(raw).text
    assert FRENCH in text and FRENCH_2 in text


def test_page_that_decodes_to_noise_is_a_typed_error():
    raw = b"<html><body><p>" + bytes(range(0x80, 0x100)) * 200 + b"</p></body></html>"
    with pytest.raises(NewsworkerError):
        ingest(raw, content_type="text/html; charset=utf-8")


@pytest.mark.parametrize("as_text", [False, True], ids=["bytes", "str"])
def test_fifty_megabyte_page_is_refused_before_parsing(as_text):
    raw = b"<html><body>" + b"<p>word word word</p>" * (50 * 1024 * 1024 // 21)
    start = time.monotonic()
    with pytest.raises(DocumentTooLarge):
        load_document(raw.decode() if as_text else raw)
    assert time.monotonic() - start < 5  # refused on its size, no tree built


@pytest.mark.parametrize("tag", ["div", "b", "span"])
def test_hundred_thousand_nested_elements_are_too_deep(tag):
    raw = page(f"<{tag}>" * 100_000 + "<p>deep</p>" + f"</{tag}>" * 100_000)
    with pytest.raises(DocumentTooDeep):
        ingest(raw)


def test_hundred_thousand_sibling_elements_are_not_too_deep():
    raw = page("<p>Ordinary sentence number one of many in this article.</p>" * 2 + "<i></i>" * 100_000)
    assert "Ordinary sentence" in ingest(raw).text


def test_page_that_is_only_scripts_is_not_an_article():
    raw = (
        "<html><head>"
        + "<script>var a = 1;</script>" * 100
        + "</head><body><script>go()</script></body></html>"
    )
    with pytest.raises(NotAnArticle):
        ingest(raw)


def test_utf16_page_with_a_bom_reads_right():
    raw = b"\xff\xfe" + page(f"<p>{FRENCH}</p><p>{FRENCH_2}</p>").encode("utf-16-le")
    assert FRENCH in ingest(raw).text


def test_control_characters_in_text_are_binary():
    with pytest.raises(BinaryDocument):
        ingest("text \x01\x02\x03\x04 with control characters " * 10, kind=InputKind.TEXT)


@pytest.mark.usefixtures("celery_worker")
def test_deeply_nested_page_through_the_worker_is_one_dead_letter(settings, redis_client):
    from worker.tasks import ingest_html

    ingest_html.delay(page("<div>" * 100_000 + "deep" + "</div>" * 100_000))
    [letter] = wait_for_entries(redis_client, settings.dead_letter_stream, 1, timeout_s=30)
    assert letter["reason"] == "too_deep"
    assert int(letter["input_bytes"]) > 500_000
    assert redis_client.xlen(settings.stream) == 0


# --- property: anything in, an Article or a NewsworkerError out, within the hang bound ---------

_TAGS = ["p", "div", "span", "article", "h1", "h2", "script", "style", "a", "li", "ul", "table", "td", "br"]
_words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)


@st.composite
def random_html(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        choice = draw(st.integers(0, 3))
        if choice == 0 or depth > 6:
            parts.append(draw(_words))
        elif choice == 1:
            parts.append(draw(st.sampled_from(["<", ">", "&", "</p>", "<!--", "-->", "<![CDATA[", "&#0;"])))
        else:
            tag = draw(st.sampled_from(_TAGS))
            attrs = draw(st.sampled_from(["", ' class="x"', " id='y'", " href=javascript:x", ' class="nav"']))
            parts.append(f"<{tag}{attrs}>{draw(random_html(depth + 1))}</{tag}>")
    return "".join(parts)


def _load_and_extract(raw: bytes | str, kind: InputKind) -> None:
    start = time.monotonic()
    try:
        article = extract_article(load_document(raw, kind=kind))
    except NewsworkerError:
        pass  # a typed error is a fine answer
    else:
        assert isinstance(article, Article) and article.paragraphs
    assert time.monotonic() - start < HANG_BOUND_S


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=4096), kind=st.sampled_from(list(InputKind)))
def test_random_bytes_give_an_article_or_a_typed_error(raw, kind):
    _load_and_extract(raw, kind)


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=random_html(), kind=st.sampled_from([InputKind.AUTO, InputKind.HTML]))
def test_random_html_gives_an_article_or_a_typed_error(body, kind):
    _load_and_extract(f"<html><head><title>t</title></head><body>{body}</body></html>", kind)


def test_stray_control_characters_and_lone_surrogates_are_dropped_before_parsing():
    page = "<html><body><article><p>Readers wrote in to the paper about the new bridge\x08 today.</p>"
    page += "<p>The council said the bridge would open in spring, after two years of delays.</p>" * 5
    page += "<p>A lone surrogate \ud800 must not reach the parser either, whatever its source.</p></article>"
    document = load_document(page + "</body></html>")
    assert "\x08" not in document.text
    assert "\ud800" not in document.text
    assert "new bridge today" in extract_article(document).text


def test_noncharacters_and_form_feeds_are_dropped_as_the_controls_are():
    text = "The harbour council met on Tuesday\ufffe to vote on the pier.\x0c It passed.\uffff"
    loaded = load_document(text * 20, kind=InputKind.TEXT).text
    assert not {"\ufffe", "\uffff", "\x0c"} & set(loaded)
    assert "on Tuesday to vote" in loaded


@pytest.mark.parametrize("stray", ["\x01", "\x08", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff"])
def test_a_stray_character_is_dropped_alike_from_utf8_bytes_and_from_text(stray):
    paragraph = "<p>Caf\u00e9 owners met the mayor on Monday to talk about the new terrace rules.</p>" * 3
    page = f"<html><body><p>The mayor{stray} listened.</p>{paragraph}</body></html>"
    from_bytes = load_document(page.encode("utf-8"), kind=InputKind.HTML)
    from_text = load_document(page, kind=InputKind.HTML)
    assert from_bytes.text == from_text.text == page.replace(stray, "")


def test_content_after_a_premature_closing_html_tag_is_still_parsed():
    from worker.parse import parse_html

    page = "<html><body><nav>Menu</nav></body></html>\n"
    page += "<div><p>The article starts after the template's end.</p></div>"
    assert "The article starts" in parse_html(page).text_content()


def test_a_page_with_a_few_stray_nul_bytes_is_read_not_refused_as_binary():
    paragraph = "The harbour council voted on Tuesday to extend the northern pier by forty metres. " * 3
    raw = page(f"<p>{paragraph}</p>\x00" * 5).encode()
    assert ingest(raw).paragraphs == [paragraph.strip()] * 5
