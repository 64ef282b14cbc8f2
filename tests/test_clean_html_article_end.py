"""Where the article ends inside its own box: the site's pitch after the last paragraph (follow us, get
the app, become a member) and the notes under a further-reading or contact label are not the article;
a last paragraph that only speaks of such things is. Pages written here."""

from __future__ import annotations

import pytest

from tests.html_articles import ARTICLES
from worker.clean import clean_html
from worker.parse import parse_html

ARTICLE = {lang: ARTICLES[lang] for lang in ("en", "de", "es")}


def _page(body: str, lang: str) -> str:
    return (
        f"<html lang='{lang}'><head><title>t</title></head><body><div class='page'><article>"
        f"<h1>A headline for the test page</h1><div class='body'>{body}</div></article></div></body></html>"
    )


def _clean(body: str, lang: str) -> list[str]:
    return clean_html(parse_html(_page(body, lang)))


def _paragraphs(lang: str) -> str:
    return "".join(f"<p>{text}</p>" for text in ARTICLE[lang])


@pytest.mark.parametrize(
    ("lang", "pitch"),
    [
        ("en", "Download the Harbour Times apps for the latest stories and breaking news updates."),
        ("en", "Get the latest news straight to your phone with the Harbour Times app."),
        ("en", "We need your help. Help us keep local reporting free for every reader. Donate"),
        ("es", "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular en este enlace."),
        ("es", "Hacemos periodismo desde hace cien años. HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS."),
        ("de", "Gefällt dir unser Magazin? Wir verzichten auf eine Bezahlschranke, das bleibt so."),
        ("de", "Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie unsere Arbeit mit einem Beitrag."),
    ],
)
def test_the_sites_pitch_after_the_last_paragraph_is_removed(lang: str, pitch: str) -> None:
    assert _clean(_paragraphs(lang) + f"<p>{pitch}</p>", lang) == ARTICLE[lang]


def test_a_linked_line_asking_the_reader_to_follow_a_desk_on_social_networks_is_removed() -> None:
    pitch = (
        "Follow the Harbour Times letters desk on <a href='/fb'>Facebook</a>, "
        "<a href='/tw'>Twitter</a> and <a href='/ig'>Instagram</a>."
    )
    assert _clean(_paragraphs("en") + f"<p>{pitch}</p>", "en") == ARTICLE["en"]


@pytest.mark.parametrize(
    ("lang", "last"),
    [
        (
            "en",
            "Passengers can download the ferry operator's app to check the new timetable.",
        ),
        (
            "en",
            "Police said: we need your help to find the missing boat, last seen off the north pier.",
        ),
        ("de", "Die Bibliothek bietet ihre Zeitschriften künftig auch im Abo für Schulen und Vereine an."),
        ("en", "The harbour master said residents could follow the works on Facebook."),
    ],
)
def test_a_last_paragraph_that_reports_an_app_a_plea_or_a_subscription_is_kept(lang: str, last: str) -> None:
    assert _clean(_paragraphs(lang) + f"<p>{last}</p>", lang) == [*ARTICLE[lang], last]


def test_a_last_paragraph_about_subscribers_is_kept() -> None:
    last = (
        "The ferry company said its number of season-ticket subscribers grew by a tenth last year, "
        "and it expects the longer pier to bring more of them."
    )
    assert _clean(_paragraphs("en") + f"<p>{last}</p>", "en") == [*ARTICLE["en"], last]


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("de", "Weitere Informationen:"),
        ("de", "Kontakt:"),
        ("de", "Quellenangaben:"),
        ("en", "Further information"),
    ],
)
def test_notes_under_a_further_information_label_after_the_article_are_removed(lang: str, label: str) -> None:
    notes = (
        f"<div class='notes'><p><strong>{label}</strong></p>"
        "<p>Dr. Jane Example, Harbour Institute, jane@example.org</p>"
        "<p>Annual report of the harbour council, 2021 edition</p></div>"
    )
    assert _clean(_paragraphs(lang) + notes, lang) == ARTICLE[lang]


def test_a_label_word_opening_a_sentence_of_the_article_is_kept() -> None:
    line = "Kontakt zur Verwaltung gab es bis zuletzt nicht, sagte die Sprecherin des Vereins am Abend."
    paragraphs = ARTICLE["de"]
    body = f"<p>{paragraphs[0]}</p><p>{line}</p><p>{paragraphs[1]}</p><p>{paragraphs[2]}</p>"
    assert _clean(body, "de") == [paragraphs[0], line, paragraphs[1], paragraphs[2]]


@pytest.mark.parametrize(
    ("lang", "heading"), [("es", "Notas relacionadas"), ("de", "Weiterführende Artikel")]
)
def test_other_stories_under_a_related_heading_in_the_article_box_are_removed(
    lang: str, heading: str
) -> None:
    teaser = ARTICLE["en"][0]
    other = (
        f"<h2>{heading}</h2><h2><a href='/other'>The pier vote in pictures</a></h2>"
        f"<p>{teaser}</p><p>{ARTICLE['en'][1]}</p>"
    )
    assert _clean(_paragraphs(lang) + other, lang) == ARTICLE[lang]


@pytest.mark.parametrize(
    ("lang", "disclosure"),
    [
        ("en", "This post contains affiliate links. We may receive compensation when you click on them."),
        ("de", "*Werbung. Dieser Beitrag enthält Werbung für eine Fahrradmarke."),
    ],
)
def test_the_sites_disclosure_above_the_article_is_removed(lang: str, disclosure: str) -> None:
    assert _clean(f"<p>{disclosure}</p>" + _paragraphs(lang), lang) == ARTICLE[lang]


def test_a_paragraph_on_commissions_in_the_article_is_kept() -> None:
    line = (
        '"We earn a commission on every booking," the founder of the ferry booking site said, adding '
        "that the survey of the seabed had been checked by an independent engineer."
    )
    paragraphs = ARTICLE["en"]
    body = f"<p>{paragraphs[0]}</p><p>{line}</p><p>{paragraphs[1]}</p><p>{paragraphs[2]}</p>"
    assert _clean(body, "en") == [paragraphs[0], line, paragraphs[1], paragraphs[2]]
