"""A byline's desk, its unsigned placeholder, a name's particle and a post's age, in many languages;
the author a dated page node declares."""

from __future__ import annotations

import json

from tests.html_articles import metadata_of
from worker.extract.authors import clean_authors


def test_a_desk_signing_under_the_outlet_name_is_no_author() -> None:
    assert clean_authors(["Redakcja Przykład.pl"], strict=False) == []


def test_a_spanish_desk_signing_under_a_name_shaped_outlet_is_no_author() -> None:
    assert clean_authors(["Redacción Diario Ejemplo Nueve"], strict=False) == []


def test_a_desk_beside_a_co_signer_leaves_the_co_signer() -> None:
    assert clean_authors(["Redaktion und Lena Beispielmann"]) == ["Lena Beispielmann"]


def test_a_desk_set_apart_from_the_name_by_a_sign_leaves_the_name() -> None:
    assert clean_authors(["Redaktion / Lena Beispielmann", "Redakcja – Ola Przykładowa"]) == [
        "Lena Beispielmann",
        "Ola Przykładowa",
    ]


def test_the_desk_abbreviation_alone_is_no_author() -> None:
    assert clean_authors(["red. "], strict=False) == []


def test_a_cms_anonymous_placeholder_is_no_author() -> None:
    assert clean_authors(["anónimo"], strict=False) == []


def test_a_name_keeps_its_von_particle() -> None:
    assert clean_authors(["Greta von Beispiel"], strict=False) == ["Greta von Beispiel"]


def test_a_label_before_von_still_opens_the_byline() -> None:
    assert clean_authors(["Ein Kommentar von Greta Beispiel"]) == ["Greta Beispiel"]


def test_a_kind_of_piece_before_von_is_no_given_name() -> None:
    assert clean_authors(["Interview von Beispielmann", "Kommentar von Musterfrau"]) == [
        "Beispielmann",
        "Musterfrau",
    ]


def test_a_post_age_after_the_name_is_dropped() -> None:
    assert clean_authors(["Marta Ejemplo Rivas Hace 3 horas"]) == ["Marta Ejemplo Rivas"]


def _dated_webpage_naming(person: str) -> tuple[str, str]:
    """A page whose JSON-LD graph has a dated WebPage node (no Article) whose author is `person`."""
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "WebPage",
                "@id": "#page",
                "name": "Puerto abre nuevo muelle",
                "datePublished": "2025-03-04T09:00:00+00:00",
                "author": {"@id": "#person"},
            },
            {"@type": "Person", "@id": "#person", "name": person},
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    body = "<h1>Puerto abre nuevo muelle</h1><p>El puerto abrió hoy un nuevo muelle para barcos.</p>"
    return head, body


def test_a_dated_webpage_node_names_the_author_when_the_graph_has_no_article() -> None:
    head, body = _dated_webpage_naming("Marta Ejemplo")
    assert metadata_of(head, body).authors == ["Marta Ejemplo"]


def test_a_byline_class_inside_a_figure_credits_the_photographer_not_the_author() -> None:
    body = (
        "<h1>Puerto abre nuevo muelle para barcos</h1>"
        "<p>El puerto abrió hoy un nuevo muelle para barcos de carga y de pasajeros.</p>"
        '<figure><img src="muelle.jpg"><span class="photo-byline">Ana Fotógrafa</span></figure>'
        "<p>Las obras duraron dos años y costaron menos de lo previsto al principio.</p>"
    )
    assert metadata_of("", body).authors == []


def test_a_caption_classed_byline_holds_a_sentence_on_the_picture_not_the_author() -> None:
    body = (
        "<h1>Puerto abre nuevo muelle para barcos</h1>"
        '<div class="cutline-byline"><p>Ana Ejemplo y Luis Ejemplo posan en el muelle nuevo.</p></div>'
        "<p>El puerto abrió hoy un nuevo muelle para barcos de carga y de pasajeros.</p>"
    )
    assert metadata_of("", body).authors == []


def test_an_address_in_brackets_after_a_name_leaves_the_name_whole() -> None:
    assert clean_authors(["Radio Ejemplo (www.radio-ejemplo.example)"], strict=False) == ["Radio Ejemplo"]


def test_a_signer_printed_twice_is_one_signer() -> None:
    assert clean_authors(["Ejemplo Ejemplo"], strict=False) == ["Ejemplo"]


def _with_author(author: dict) -> str:
    article = {"@type": "NewsArticle", "headline": "Puerto abre nuevo muelle", "author": author}
    return f'<script type="application/ld+json">{json.dumps(article)}</script>'


def test_markup_left_in_a_declared_name_is_dropped() -> None:
    author = {"@type": "Person", "name": '<a href="/autores/marta-ejemplo">Marta Ejemplo</a>'}
    body = "<h1>Puerto abre nuevo muelle</h1><p>El puerto abrió hoy un nuevo muelle para barcos.</p>"
    assert metadata_of(_with_author(author), body).authors == ["Marta Ejemplo"]


def test_one_person_node_naming_each_co_author_gives_them_all() -> None:
    author = {"@type": "Person", "name": ["Marta Ejemplo", "Luis Muestra"]}
    body = "<h1>Puerto abre nuevo muelle</h1><p>El puerto abrió hoy un nuevo muelle para barcos.</p>"
    assert metadata_of(_with_author(author), body).authors == ["Marta Ejemplo", "Luis Muestra"]


def test_an_author_box_heading_alone_is_no_author() -> None:
    assert clean_authors(["Über den Autor"]) == []


def test_a_login_a_dated_webpage_node_names_is_no_declared_author() -> None:
    head, body = _dated_webpage_naming("mejemplo")
    assert metadata_of(head, body).authors == []


def test_a_name_with_its_von_particle_keeps_it_beside_a_co_author() -> None:
    assert clean_authors(["Lena Muster und Greta von Beispiel"]) == ["Lena Muster", "Greta von Beispiel"]
    assert clean_authors(["Greta von Beispiel und Lena Muster"]) == ["Greta von Beispiel", "Lena Muster"]
