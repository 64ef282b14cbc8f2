"""The readers' comments named in the site's own language ("kommentare", "commentaires", "comentarios")
are cut as the English "comments" are; the singular, which also names an opinion column, is not
(`worker.clean.markers.NATIVE_COMMENTS`). Pages written here."""

from __future__ import annotations

from tests.html_articles import ARTICLES, clean


def _page(box: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in ARTICLES["de"])
    note = "Keine Kommentare vorhanden, schreiben Sie den ersten Beitrag zu diesem Artikel hier unten."
    return (
        "<html><head><title>Rathaus</title></head><body><main>"
        f"<h1>Rathaus</h1>{body}<section class='{box}'><p>{note}</p></section>"
        "</main></body></html>"
    )


def test_a_comment_section_named_in_german_is_cut() -> None:
    assert not any("Keine Kommentare" in p for p in clean(_page("kommentare")))


def test_an_opinion_column_named_by_the_singular_is_read() -> None:
    column = "".join(f"<p>{p}</p>" for p in ARTICLES["de"])
    page = (
        f"<html><head><title>Rathaus</title></head><body><div class='kommentar'>{column}</div></body></html>"
    )
    assert clean(page) == ARTICLES["de"]
