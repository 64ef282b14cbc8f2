"""HTML metadata read from a file (no URL): the page's own evidence of its site's name (the logo's
link to its front page) for the title, and a byline of one linked name per author beside an author
field that names only the first."""

from __future__ import annotations

from tests.html_articles import metadata_of
from worker.article import Metadata

SITE = '<meta property="og:site_name" content="Kreisbote">'
COUNTRY_HOST = '<link rel="canonical" href="https://www.kreisbote.co.uk/lokales/bruecke.html">'
PARAGRAPH = "<p>The council met on Tuesday evening to hear the engineers' report on the old bridge.</p>"


def _read(head: str, body: str) -> Metadata:
    return metadata_of(head, body + PARAGRAPH, lang="de")


def test_logo_link_to_the_front_page_names_the_site_in_the_title() -> None:
    found = _read(
        "<title>Neue Brücke über den Fluss eröffnet - Kreisbote Oberland</title>",
        '<header><a href="/">Kreisbote Oberland</a></header>',
    )
    assert found.title == "Neue Brücke über den Fluss eröffnet"


def test_logo_pictures_alt_text_names_the_site() -> None:
    found = _read(
        "<title>Kreisbote Oberland | Neue Brücke über den Fluss eröffnet</title>",
        '<a href="./index.html"><img src="logo.png" alt="Kreisbote Oberland"></a>',
    )
    assert found.title == "Neue Brücke über den Fluss eröffnet"


def test_link_to_another_sites_front_page_does_not_name_this_site() -> None:
    found = _read(
        "<title>Stadtwerke – Neue Tarife für das kommende Jahr</title>",
        '<p>Mehr bei <a href="https://www.stadtwerke.example/">Stadtwerke</a>.</p>',
    )
    assert found.title == "Stadtwerke – Neue Tarife für das kommende Jahr"


def test_host_under_a_countrys_second_level_label_names_the_site() -> None:
    found = _read(COUNTRY_HOST + "<title>Neue Brücke über den Fluss eröffnet - Kreisbote</title>", "")
    assert found.title == "Neue Brücke über den Fluss eröffnet"


def test_logo_link_to_the_front_page_of_a_country_host_names_the_site() -> None:
    found = _read(
        COUNTRY_HOST + "<title>Neue Brücke über den Fluss eröffnet | Kreisbote Oberland</title>",
        '<a href="https://www.kreisbote.co.uk/">Kreisbote Oberland</a>',
    )
    assert found.title == "Neue Brücke über den Fluss eröffnet"


def test_another_sites_front_page_under_the_same_country_code_does_not_name_this_site() -> None:
    found = _read(
        COUNTRY_HOST + "<title>Stadtwerke – Neue Tarife für das kommende Jahr</title>",
        '<p>Mehr bei <a href="https://www.stadtwerke.co.uk/">Stadtwerke</a>.</p>',
    )
    assert found.title == "Stadtwerke – Neue Tarife für das kommende Jahr"


def test_link_to_the_folders_front_names_a_section_not_the_site() -> None:
    found = _read(
        "<title>Brücken: Was nach der Eröffnung kommt</title>", '<nav><a href="./">Brücken</a></nav>'
    )
    assert found.title == "Brücken: Was nach der Eröffnung kommt"


def test_link_to_the_folders_index_page_names_a_section_not_the_site() -> None:
    found = _read(
        "<title>Brücken: Was nach der Eröffnung kommt</title>",
        '<nav><a href="index.html">Brücken</a></nav>',
    )
    assert found.title == "Brücken: Was nach der Eröffnung kommt"


def test_site_name_holding_a_separator_is_cut_whole() -> None:
    found = _read(
        "<title>Die Brücke im Winter - Kreisbote - Oberland</title>",
        '<h1>Kreisbote - Oberland</h1><a href="/">Kreisbote - Oberland</a>',
    )
    assert found.title == "Die Brücke im Winter"


def test_permalink_pilcrow_is_no_part_of_the_heading() -> None:
    found = _read(
        "<title>Installing the tools — Example Docs</title>",
        '<a href="/">Example Docs</a><h1>Installing the tools<a class="headerlink" href="#x">¶</a></h1>',
    )
    assert found.title == "Installing the tools"


def test_linked_byline_names_every_author_the_author_meta_starts() -> None:
    found = _read(
        '<meta name="author" content="Anna Berger">',
        '<h1>Neue Brücke über den Fluss eröffnet</h1><div class="byline">'
        '<a href="/autor/anna-berger/">Anna Berger</a><span>, </span>'
        '<a href="/autor/jonas-keller/">Jonas Keller</a> und '
        '<a href="/autor/lea-wolf/">Lea Wolf</a></div>',
    )
    assert found.authors == ["Anna Berger", "Jonas Keller", "Lea Wolf"]


def test_name_and_role_stacked_in_a_byline_are_one_author() -> None:
    found = _read(
        '<meta name="author" content="Anna Berger">',
        '<h1>Neue Brücke über den Fluss eröffnet</h1><div class="author-box">'
        '<div class="author-name">Anna Berger</div><div class="author-name">Senior Editor</div></div>',
    )
    assert found.authors == ["Anna Berger"]


def test_byline_without_the_declared_author_does_not_replace_it() -> None:
    found = _read(
        '<meta name="author" content="Anna Berger">',
        '<h1>Neue Brücke über den Fluss eröffnet</h1><div class="byline">'
        '<a href="/autor/jonas-keller/">Jonas Keller</a>, <a href="/autor/lea-wolf/">Lea Wolf</a></div>',
    )
    assert found.authors == ["Anna Berger"]


def test_company_by_its_legal_form_is_no_author() -> None:
    found = _read(
        '<meta name="author" content="Brückenbau Oberland GmbH">',
        "<h1>Neue Brücke über den Fluss eröffnet</h1>",
    )
    assert found.authors == []


def test_byline_label_standing_alone_is_no_author() -> None:
    found = _read("", '<h1>Neue Brücke über den Fluss eröffnet</h1><span class="author">Von</span>')
    assert found.authors == []


def test_copyright_line_in_the_author_field_is_no_author() -> None:
    found = _read(
        '<meta name="author" content="Copyright Kreisbote Verlag GmbH &amp; Co. KG - alle Rechte">',
        "<h1>Neue Brücke über den Fluss eröffnet</h1>",
    )
    assert found.authors == []


def test_site_name_with_its_address_in_the_author_field_names_no_places() -> None:
    found = _read(
        f'{SITE}<meta name="author" content="Kreisbote, Hamburg, Germany">',
        "<h1>Neue Brücke über den Fluss eröffnet</h1>",
    )
    assert found.authors == []


def test_person_after_the_site_name_in_the_author_field_stays() -> None:
    found = _read(
        f'{SITE}<meta name="author" content="Kreisbote, Anna Berger">',
        "<h1>Neue Brücke über den Fluss eröffnet</h1>",
    )
    assert found.authors == ["Anna Berger"]


def test_words_around_a_dates_label_are_no_name() -> None:
    found = _read(
        "",
        '<h1>Neue Brücke über den Fluss eröffnet</h1><div class="author">Ort Oberland Datum</div>',
    )
    assert found.authors == []
