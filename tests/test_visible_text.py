"""The page's visible text, which bylines and dates are looked for in: what a reader sees, no code."""

from __future__ import annotations

import lxml.html

from worker.extract.html_page import visible_text


def _visible(body: str) -> str:
    return visible_text(lxml.html.document_fromstring(f"<html><body>{body}</body></html>"))


def test_script_and_style_text_is_left_out_and_the_text_after_them_kept() -> None:
    body = "<p>Harbour<script>var x = 1;</script> wind<style>p {color: red}</style> farm</p>"
    assert _visible(body) == "Harbour wind farm"


def test_a_noscript_holding_elements_is_left_out_whole() -> None:
    body = '<p>Before</p><noscript><div>Enable <b>scripts</b></div><img src="x.png"></noscript><p>After</p>'
    assert _visible(body) == "Before After"


def test_text_in_sibling_tags_is_separated_by_a_space() -> None:
    assert _visible("<p><span>By</span><span>Ada Lovelace</span></p>") == "By Ada Lovelace"


def test_a_page_without_a_body_has_no_visible_text() -> None:
    assert visible_text(lxml.html.fromstring("<html><head><title>t</title></head></html>")) == ""


def test_text_after_a_comment_is_kept() -> None:
    """Server-rendered React pages put `<!-- -->` between a label and a value: "By <!-- -->Ada Lovelace"."""
    assert (
        _visible("<p>By <!-- -->Ada Lovelace<!-- --> | March 4, 2025</p>")
        == "By Ada Lovelace | March 4, 2025"
    )
