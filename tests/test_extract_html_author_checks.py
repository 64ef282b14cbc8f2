"""HTML authors read from a file (no URL): a source naming no one who may sign (a company, a byline's
label alone) gives way to the next; people whose names hold a label's word, follow a copyright mark
or the site's name, or carry letters after a comma stay authors."""

from __future__ import annotations

import lxml.html

from worker.article import Metadata
from worker.extract import extract_html_metadata
from worker.extract.companies import is_company
from worker.extract.html_author_checks import may_sign

SITE = '<meta property="og:site_name" content="Kreisbote">'
HEADLINE = "<h1>Neue Brücke über den Fluss eröffnet</h1>"
PARAGRAPH = "<p>The council met on Tuesday evening to hear the engineers' report on the old bridge.</p>"
# Two lines of the article before a dated line: a byline is read there by its date, not as the line
# under the headline.
LEAD = "<p>Die Brücke wurde am Morgen eröffnet.</p><p>Kurz vor Mittag.</p>"
COMPANY = '<meta name="author" content="Brückenbau Oberland GmbH">'


def _read(head: str, body: str, under_headline: str = "") -> Metadata:
    html = (
        f'<html lang="de"><head>{head}</head><body>{HEADLINE}{under_headline}{PARAGRAPH}{body}</body></html>'
    )
    return extract_html_metadata(lxml.html.document_fromstring(html))


def test_company_in_the_author_meta_gives_way_to_the_author_box() -> None:
    found = _read(COMPANY, '<div class="author-box"><span class="author-name">Jane Doe</span></div>')
    assert found.authors == ["Jane Doe"]


def test_company_in_the_author_meta_gives_way_to_a_written_by_line() -> None:
    found = _read(COMPANY, "<p>Written by Jane Doe</p>")
    assert found.authors == ["Jane Doe"]


def test_lone_label_in_the_author_meta_gives_way_to_the_author_box() -> None:
    found = _read('<meta name="author" content="Von">', '<span class="author-name">Jane Doe</span>')
    assert found.authors == ["Jane Doe"]


def test_company_in_the_first_byline_element_gives_way_to_the_next() -> None:
    found = _read(
        "",
        '<span class="author-name">Brückenbau Oberland GmbH</span><span class="author-name">Jane Doe</span>',
    )
    assert found.authors == ["Jane Doe"]


def test_short_legal_form_after_a_companys_name_is_no_author() -> None:
    assert _read('<meta name="author" content="Brückenbau Oberland AG">', "").authors == []


def test_letters_after_a_persons_name_and_a_comma_are_no_legal_form() -> None:
    assert _read('<meta name="author" content="Jane Doe, PC">', "").authors == ["Jane Doe, PC"]


def test_person_whose_surname_is_a_dates_label_is_an_author() -> None:
    assert _read("", '<div class="author">Von Peter Stand</div>').authors == ["Peter Stand"]


def test_person_whose_name_is_a_publish_label_is_an_author() -> None:
    assert _read('<meta name="author" content="Paru Raman">', "").authors == ["Paru Raman"]


def test_dates_label_with_its_colon_and_digits_is_no_author() -> None:
    assert _read("", '<div class="author">Stand: 12.03.2025</div>').authors == []


def test_picture_label_with_a_full_stop_is_no_name() -> None:
    assert not may_sign("fot. Jan Kowalski")


def test_copyright_mark_before_a_persons_name_leaves_the_person() -> None:
    assert _read('<meta name="author" content="© Jane Doe">', "").authors == ["Jane Doe"]


def test_copyright_line_with_years_before_a_persons_name_leaves_the_person() -> None:
    found = _read('<meta name="author" content="Copyright 2025 Jane Doe. All rights reserved.">', "")
    assert found.authors == ["Jane Doe"]


def test_copyright_line_of_the_site_names_no_author() -> None:
    found = _read('<meta name="author" content="Copyright 2025 Kreisbote. All rights reserved.">', "")
    assert found.authors == []


def test_person_in_capitals_after_the_site_name_is_an_author() -> None:
    found = _read(f'{SITE}<meta name="author" content="Kreisbote, ANNA BERGER">', "")
    assert found.authors == ["Anna Berger"]


def test_legal_forms_make_a_company_in_any_case() -> None:
    assert is_company("Example Media GmbH")
    assert is_company("EXAMPLE HOLDINGS, LLC")
    assert is_company("Example Media AG")


def test_a_persons_name_ending_like_a_short_legal_form_is_no_company() -> None:
    assert not is_company("Kim Sa")
    assert not is_company("Jane Doe, AB")


def test_label_word_the_page_writes_before_a_colon_is_no_surname() -> None:
    found = _read("", '<div class="author">Von Anna Bild: Agentur Beispiel</div>')
    assert found.authors == []


def test_weekday_opening_the_date_is_no_part_of_the_name_before_it() -> None:
    found = _read("", "", f"{LEAD}<p>Jane Doe Freitag, 04.02.2022</p>")
    assert found.authors == ["Jane Doe"]


def test_agency_and_weekday_before_the_date_name_no_person() -> None:
    assert _read("", "", f"{LEAD}<p>SID Freitag, 04.02.2022</p>").authors == []
