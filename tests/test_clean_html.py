"""What `clean_html` keeps and what it removes, one behaviour per test, on small pages written here.

Each page is an article of a few paragraphs in one of four languages, with one kind of boilerplate
around or inside it; the test checks the boilerplate is gone and the article is whole.
"""

from __future__ import annotations

import pytest

from tests.html_articles import ARTICLES
from tests.html_articles import clean as _clean
from worker.clean import clean_html
from worker.clean.html_blocks import Block, BlockClass, classify_block
from worker.clean.html_cut import first_cut
from worker.clean.html_revise import revise_blocks
from worker.parse import parse_html

LANGUAGES = tuple(ARTICLES)


def _paragraphs(lang: str = "en") -> str:
    return "".join(f"<p>{text}</p>" for text in ARTICLES[lang])


def _page(article: str, *, before: str = "", after: str = "", outside: str = "", lang: str = "en") -> str:
    """A page with `article` as the body of an <article>, `before`/`after` inside it around the body,
    and `outside` after the article in the page."""
    return (
        f"<html lang='{lang}'><head><title>t</title></head><body>"
        f"<div class='page'><article><h1>A headline for the test page</h1>{before}"
        f"<div class='body'>{article}</div>{after}</article>{outside}</div></body></html>"
    )


def _text(html: str) -> str:
    return "\n".join(_clean(html))


def _block(text: str = "", **kwargs: object) -> Block:
    """A block with defaults that read as article text; override one feature per test."""
    return Block(text=text or ARTICLES["en"][0], tag=str(kwargs.pop("tag", "p")), **kwargs)  # type: ignore[arg-type]


# --- what is kept ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_article_paragraphs_are_returned_in_order(lang: str) -> None:
    assert _clean(_page(_paragraphs(lang), lang=lang)) == ARTICLES[lang]


def test_whitespace_inside_a_paragraph_is_collapsed() -> None:
    spaced = ARTICLES["en"][0].replace(" ", " \n\t ")
    assert _clean(_page(f"<p>{spaced}</p>" + _paragraphs()))[0] == ARTICLES["en"][0]


def test_headline_is_not_part_of_the_body() -> None:
    assert "A headline for the test page" not in _text(_page(_paragraphs()))


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "What happens next"),
        ("fr", "Et maintenant"),
        ("de", "Wie es weitergeht"),
        ("es", "Qué pasa ahora"),
    ],
)
def test_subheading_inside_article_is_kept(lang: str, heading: str) -> None:
    first, *rest = ARTICLES[lang]
    body = f"<p>{first}</p><h2>{heading}</h2>" + "".join(f"<p>{p}</p>" for p in rest)
    assert _clean(_page(body, lang=lang)) == [first, heading, *rest]


@pytest.mark.parametrize(("lang", "heading"), [("en", "What happens next"), ("es", "Qué pasa ahora")])
def test_subheading_in_a_wrapper_named_title_is_kept(lang: str, heading: str) -> None:
    first, *rest = ARTICLES[lang]
    body = f"<p>{first}</p><div class='block-title'><h2>{heading}</h2></div>" + "".join(
        f"<p>{p}</p>" for p in rest
    )
    assert _clean(_page(body, lang=lang)) == [first, heading, *rest]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_paragraph_in_a_wrapper_named_title_is_kept(lang: str) -> None:
    first, second, third = ARTICLES[lang]
    body = f"<p>{first}</p><div class='richtext-title'><p>{second}</p></div><p>{third}</p>"
    assert _clean(_page(body, lang=lang)) == [first, second, third]


def test_long_bio_in_an_author_box_is_removed() -> None:
    bio = (
        "Jane Doe has covered the harbour, the council and the fishing fleet for twelve years, first "
        "for a weekly paper and then for this site, and she lives with her family in the old town. "
        "She studied history and journalism and has written two books about the coast."
    )
    assert "Jane Doe" not in _text(_page(_paragraphs(), after=f"<div class='author-box'><p>{bio}</p></div>"))


# Bios written for these tests: the author's name, then who they are.
AUTHOR_BIOS: dict[str, str] = {
    "en": "Jane Doe is a senior writer at the Coast Gazette. She has covered the harbour, the council "
    "and the fishing fleet for twelve years.",
    "de": "Jane Doe ist Redakteurin beim Küstenboten. Sie berichtet seit zwölf Jahren über den Hafen, "
    "den Stadtrat und die Fischereiflotte.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_bio_opening_with_the_authors_name_after_the_article_is_removed(lang: str) -> None:
    page = _page(_paragraphs(lang), after=f"<div class='extra'><p>{AUTHOR_BIOS[lang]}</p></div>", lang=lang)
    assert clean_html(parse_html(page), authors=["Jane Doe"]) == ARTICLES[lang]


def test_box_headed_by_the_authors_name_after_the_article_is_removed() -> None:
    box = (
        "<div class='card'><h4>Jane Doe</h4><p>Jane has covered the harbour, the council and the "
        "fishing fleet for twelve years, and lives in the old town.</p></div>"
    )
    assert clean_html(parse_html(_page(_paragraphs(), after=box)), authors=["Jane Doe"]) == ARTICLES["en"]


def test_byline_with_the_authors_name_before_the_article_is_removed() -> None:
    byline = "<p>By Jane Doe, harbour correspondent. Updated 12 May 2024.</p>"
    page = _page(_paragraphs(), before=byline)
    assert clean_html(parse_html(page), authors=["Jane Doe"]) == ARTICLES["en"]


def test_paragraph_opening_with_the_authors_name_inside_the_article_is_kept() -> None:
    first, second, third = ARTICLES["en"]
    own = "Jane Doe asked the harbour master why the survey of the seabed had taken so long to finish."
    body = f"<p>{first}</p><p>{own}</p><p>{second}</p><p>{third}</p>"
    assert clean_html(parse_html(_page(body)), authors=["Jane Doe"]) == [first, own, second, third]


def test_one_word_author_name_marks_no_bio() -> None:
    closing = "Reuters is a news agency that has covered the harbour and its council for many years."
    page = _page(_paragraphs() + f"<p>{closing}</p>")
    assert clean_html(parse_html(page), authors=["Reuters"]) == [*ARTICLES["en"], closing]


DISCLAIMERS: dict[str, str] = {
    "en": "The views in this piece are the writer's own. Nothing here is advice; ask a professional first.",
    "fr": "Les opinions exprimées ici n'engagent que leur auteur. Rien ici ne constitue un conseil.",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_paragraph_after_the_box_holding_the_article_is_removed(lang: str) -> None:
    note = f"<div class='extra'><p>{DISCLAIMERS[lang]}</p></div>"
    assert _clean(_page(_paragraphs(lang), outside=note, lang=lang)) == ARTICLES[lang]


def test_paragraph_before_the_box_holding_the_article_is_kept() -> None:
    intro = "<div class='extra'><p>" + DISCLAIMERS["en"] + "</p></div>"
    assert _clean(_page(_paragraphs(), before=intro)) == [DISCLAIMERS["en"], *ARTICLES["en"]]


def test_long_paragraph_holding_most_of_the_article_is_not_its_box() -> None:
    first, second, third = ARTICLES["en"]
    long = " ".join([first, second, third] * 3)
    assert _clean(_page(f"<p>{long}</p><p>{first}</p>")) == [long, first]


@pytest.mark.parametrize(
    ("lang", "heading"), [("en", "Disclaimer"), ("en", "About the reviewer"), ("de", "Haftungsausschluss")]
)
def test_notes_under_a_disclaimer_heading_after_the_article_are_removed(lang: str, heading: str) -> None:
    notes = f"<h3>{heading}</h3><p>{DISCLAIMERS['en']}</p><p>{DISCLAIMERS['fr']}</p>"
    assert _clean(_page(_paragraphs(lang) + notes, lang=lang)) == ARTICLES[lang]


def test_paragraph_left_inside_a_figure_is_kept() -> None:
    first, second, third = ARTICLES["en"]
    figure = (
        f"<figure><img src='a.jpg'><figcaption>The pier. Photo: Jane Doe</figcaption><p>{second}</p></figure>"
    )
    assert _clean(_page(f"<p>{first}</p>{figure}<p>{third}</p>")) == [first, second, third]


def test_table_set_in_a_figure_is_kept() -> None:
    intro = "The final standings after the last race of the season:"
    rows = "".join(f"<tr><td>{n}</td><td>Driver {n}</td><td>{100 - n}</td></tr>" for n in range(1, 5))
    figure = (
        f"<figure class='table'><table>{rows}</table><figcaption>Source: the league</figcaption></figure>"
    )
    body = f"<p>{ARTICLES['en'][0]}</p><p>{intro}</p>{figure}<p>{ARTICLES['en'][1]}</p>"
    kept = _clean(_page(body))
    assert "2 Driver 2 98" in kept
    assert "Source: the league" not in kept


def test_words_split_by_formatting_tags_keep_their_spaces() -> None:
    formatted = (
        "<p>The <strong>harbour</strong> council <em>voted</em>\n<a href='/x'>on Tuesday</a> "
        "<span class='x'>to</span> <b>extend</b><i> the</i> northern pier by forty metres, ending a "
        "dispute that had divided fishermen and ferry operators for most of the year.</p>"
    )
    assert _clean(_page(formatted + _paragraphs()))[0] == ARTICLES["en"][0]


def test_formatting_tag_around_blocks_keeps_its_name() -> None:
    bio = "<span class='author-bio'><p>Jane Doe writes about harbours and boats for the paper.</p></span>"
    assert "Jane Doe" not in _text(_page(_paragraphs(), after=bio))


def test_empty_block_between_two_runs_of_text_still_separates_them() -> None:
    first, second = ARTICLES["en"][0], ARTICLES["en"][1]
    body = f"<div>{first}<div class='clear'></div>{second}</div><p>{ARTICLES['en'][2]}</p>"
    assert _clean(_page(body))[:2] == [first, second]


def test_empty_link_and_spacer_do_not_split_a_paragraph() -> None:
    first = ARTICLES["en"][0]
    words = first.split(" ")
    half = len(words) // 2
    spaced = " ".join(words[:half]) + " <a href='/icon'></a><span></span>" + " ".join(words[half:])
    assert _clean(_page(f"<p>{spaced}</p>" + _paragraphs()))[0] == first


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "en",
            [
                "Round 1: 10 March - Harbour Park",
                "Round 2: 8 April - North Quay",
                "Round 3: 22 April - Old Town",
            ],
        ),
        (
            "pt",
            [
                "1a etapa: 10 de março - Porto",
                "2a etapa: 8 de abril - Lisboa",
                "3a etapa: 22 de abril - Faro",
            ],
        ),
    ],
)
def test_lines_set_under_one_another_with_breaks_are_kept(lang: str, lines: list[str]) -> None:
    schedule = "<br>".join(lines)
    links = "<div><a href='/1'>North Quay</a> <a href='/2'>Old Town</a></div>"
    body = f"<p>{schedule}</p>{links}{_paragraphs()}"
    assert " ".join(lines) in _clean(_page(body))


def test_short_line_said_twice_in_the_article_is_kept_twice() -> None:
    first, second, third = ARTICLES["en"]
    step = "Rest for two minutes."
    body = f"<p>{first}</p><p>{step}</p><p>{second}</p><p>{step}</p><p>{third}</p>"
    assert _clean(_page(body)).count(step) == 2


def test_paragraph_repeated_as_a_pull_quote_is_kept_once() -> None:
    first, second, third = ARTICLES["en"]
    long = f"{second} {third}"
    body = f"<p>{first}</p><p>{long}</p><blockquote><p>{long}</p></blockquote><p>{third}</p>"
    assert _clean(_page(body)) == [first, long, third]


def test_embedded_post_quoted_in_the_article_is_kept() -> None:
    first, second, third = ARTICLES["en"]
    post = "The new pier will change the whole town, and we could not be happier about it today."
    embed = f"<div class='social-media-embed'><blockquote class='post'><p>{post}</p></blockquote></div>"
    assert _clean(_page(f"<p>{first}</p><p>{second}</p>{embed}<p>{third}</p>")) == [
        first,
        second,
        post,
        third,
    ]


def test_line_break_inside_an_empty_link_still_separates_two_words() -> None:
    first = ARTICLES["en"][0]
    words = first.split(" ")
    half = len(words) // 2
    broken = " ".join(words[:half]) + "<a href='/x'><br></a>" + " ".join(words[half:])
    assert _clean(_page(f"<p>{broken}</p>" + _paragraphs()))[0] == first


def test_quote_inside_article_is_kept() -> None:
    quote = "“We have waited long enough for this pier, and now it will finally be built,” she said."
    body = f"<p>{ARTICLES['en'][0]}</p><blockquote><p>{quote}</p></blockquote><p>{ARTICLES['en'][1]}</p>"
    assert quote in _clean(_page(body))


def test_list_that_belongs_to_the_article_is_kept() -> None:
    intro = "The council set three conditions for the contractor:"
    items = ["no work on Sundays", "a noise limit at night", "a weekly report"]
    body = (
        f"<p>{ARTICLES['en'][0]}</p><p>{intro}</p><ul>"
        + "".join(f"<li>{item}</li>" for item in items)
        + f"</ul><p>{ARTICLES['en'][1]}</p>"
    )
    kept = _clean(_page(body))
    assert intro in kept
    assert all(item in kept for item in items)


def test_table_rows_after_an_intro_are_kept() -> None:
    intro = "The final standings after the last race of the season:"
    rows = "".join(f"<tr><td>{n}</td><td>Driver {n}</td><td>{100 - n}</td></tr>" for n in range(1, 5))
    body = f"<p>{ARTICLES['en'][0]}</p><p>{intro}</p><table>{rows}</table>"
    kept = _clean(_page(body))
    assert "1 Driver 1 99" in kept
    assert "4 Driver 4 96" in kept


def test_article_body_markup_is_followed() -> None:
    other = "This long paragraph belongs to a promotional box that the page places next to its article body."
    html = (
        "<html><body><div class='wrap'>"
        f"<div class='box'><p>{other}</p></div>"
        f"<div itemprop='articleBody'>{_paragraphs()}</div>"
        "</div></body></html>"
    )
    kept = _clean(html)
    assert kept == ARTICLES["en"]


def test_ideographic_paragraphs_are_kept() -> None:
    paragraphs = [
        "市議会は火曜日、北側の桟橋を四十メートル延長する計画を承認した。",
        "工事は春に始まる予定だ。",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    assert _clean(_page(body, lang="ja")) == paragraphs


def test_article_inside_broken_markup_is_kept() -> None:
    # An unclosed <button> in the menu swallows the rest of the page when parsed.
    html = f"<html><body><div class='menu-top'><button class='menu-button'>Menu<main>{_paragraphs()}</main>"
    assert _clean(html) == ARTICLES["en"]


# --- what is removed ------------------------------------------------------------------------------


def test_navigation_menu_is_removed() -> None:
    nav = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
    assert "World" not in _text(f"<html><body>{nav}" + _page(_paragraphs())[12:])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_breadcrumbs_are_removed(lang: str) -> None:
    crumbs = "<div class='breadcrumbs'><a href='/'>Start</a> › <a href='/x'>Lokales</a></div>"
    assert "Lokales" not in _text(_page(_paragraphs(lang), before=crumbs, lang=lang))


def test_breaking_news_ticker_is_removed() -> None:
    ticker = "<div class='news-ticker'><span>Breaking: storm warning for the coast tonight</span></div>"
    assert "storm warning" not in _text(_page(_paragraphs(), before=ticker))


@pytest.mark.parametrize(
    ("lang", "label"), [("en", "ADVERTISEMENT"), ("fr", "Publicité"), ("de", "Anzeige"), ("es", "Publicidad")]
)
def test_advertisement_label_is_removed(lang: str, label: str) -> None:
    first, *rest = ARTICLES[lang]
    body = f"<p>{first}</p><div><span>{label}</span></div>" + "".join(f"<p>{p}</p>" for p in rest)
    assert label not in _text(_page(body, lang=lang))


def test_ad_slot_is_removed() -> None:
    offer = "Buy the new phone today with a discount that ends at midnight, only here."
    ad = f"<div class='ad-slot'><p>{offer}</p></div>"
    assert "discount" not in _text(_page(_paragraphs(), after=ad))


@pytest.mark.parametrize(
    ("lang", "share"),
    [("en", "Share Tweet Email"), ("fr", "Partager Imprimer"), ("de", "Teilen Drucken"), ("es", "Compartir")],
)
def test_share_bar_is_removed(lang: str, share: str) -> None:
    bar = "<div>" + "".join(f"<a href='#'>{word}</a> " for word in share.split()) + "</div>"
    text = _text(_page(_paragraphs(lang), before=bar, after=bar, lang=lang))
    assert share.split()[0] not in text


@pytest.mark.parametrize(
    ("lang", "prompt"),
    [
        ("en", "Sign up for our newsletter and get the morning briefing in your inbox."),
        ("fr", "Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité."),
        ("de", "Abonnieren Sie unseren Newsletter und verpassen Sie keine Nachricht mehr."),
        ("es", "Suscríbete a nuestro boletín y recibe las noticias más importantes del día."),
    ],
)
def test_newsletter_prompt_is_removed(lang: str, prompt: str) -> None:
    box = f"<div class='newsletter-signup'><p>{prompt}</p></div>"
    assert prompt not in _text(_page(_paragraphs(lang), after=box, lang=lang))


@pytest.mark.parametrize(
    ("lang", "notice"),
    [
        ("en", "We use cookies to improve your experience. Accept all"),
        ("fr", "Nous utilisons des cookies pour améliorer votre expérience."),
        ("de", "Wir verwenden Cookies, um Ihnen ein besseres Erlebnis zu bieten."),
        ("es", "Utilizamos cookies para mejorar su experiencia."),
    ],
)
def test_cookie_notice_is_removed(lang: str, notice: str) -> None:
    banner = f"<div id='cookie-banner'><p>{notice}</p></div>"
    assert notice not in _text(_page(_paragraphs(lang), outside=banner, lang=lang))


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "Related articles"),
        ("fr", "À lire aussi"),
        ("de", "Mehr zum Thema"),
        ("es", "Noticias relacionadas"),
    ],
)
def test_related_block_under_a_section_name_is_removed(lang: str, heading: str) -> None:
    teaser = "A different story about the regional budget, with a long title that reads like a sentence."
    related = f"<div><h3>{heading}</h3><p>{teaser}</p></div>"
    text = _text(_page(_paragraphs(lang), after=related, lang=lang))
    assert heading not in text
    assert teaser not in text


def test_list_of_other_headlines_is_removed() -> None:
    items = "".join(
        f"<li><a href='/s{n}'>Another headline number {n} about something else</a> "
        f"A one-sentence teaser that summarises story number {n} for readers of the front page.</li>"
        for n in range(4)
    )
    text = _text(_page(_paragraphs(), after=f"<ul>{items}</ul>"))
    assert "Another headline" not in text
    assert "teaser" not in text


ROUNDUP = {
    "en": [
        ("The ferry company is adding a night crossing.", "The first boat leaves at midnight from May."),
        ("The old lighthouse will open to visitors.", "Tickets go on sale next week at the harbour office."),
        ("Fishing quotas are unchanged for next year.", "The ministry confirmed the figures on Monday."),
    ],
    "fr": [
        ("La compagnie de ferry ajoute une traversée de nuit.", "Le premier bateau partira à minuit."),
        ("Le vieux phare ouvrira ses portes au public.", "Les billets seront en vente la semaine prochaine."),
        ("Les quotas de pêche restent inchangés.", "Le ministère a confirmé les chiffres lundi."),
    ],
}


@pytest.mark.parametrize("lang", ROUNDUP)
def test_roundup_of_linked_lead_ins_inside_the_article_is_kept(lang: str) -> None:
    first, *rest = ARTICLES[lang]
    items = "".join(
        f"<li><strong><a href='/x'>{lead}</a></strong> {more}</li>" for lead, more in ROUNDUP[lang]
    )
    body = f"<p>{first}</p><ol>{items}</ol>" + "".join(f"<p>{p}</p>" for p in rest)
    kept = _clean(_page(body, lang=lang))
    for lead, more in ROUNDUP[lang]:
        assert f"{lead} {more}" in kept
    assert kept[-1] == rest[-1]


def test_list_of_addresses_between_article_paragraphs_is_kept() -> None:
    first, *rest = ARTICLES["en"]
    items = "".join(
        f"<li><a href='/c{n}'>Harbour Clinic {n}</a> 1{n} Quay Street, open weekdays</li>" for n in range(4)
    )
    body = f"<p>{first}</p><ul>{items}</ul>" + "".join(f"<p>{p}</p>" for p in rest)
    kept = _clean(_page(body))
    assert "Harbour Clinic 2 12 Quay Street, open weekdays" in kept


ANNOUNCED = {
    "en": ("The changes merged this month:", ["Start faster", "Shrink the index", "Fix the cache"]),
    "fr": ("Les changements fusionnés ce mois-ci :", ["Démarrer", "Réduire l'index", "Corriger le cache"]),
}


@pytest.mark.parametrize("lang", ANNOUNCED)
def test_list_of_links_announced_by_a_colon_inside_the_article_is_kept(lang: str) -> None:
    first, *rest = ARTICLES[lang]
    intro, items = ANNOUNCED[lang]
    links = "".join(f"<li><a href='/pr/{n}'>{item}</a> (#{n})</li>" for n, item in enumerate(items))
    body = f"<p>{first}</p><p>{intro}</p><ul>{links}</ul>" + "".join(f"<p>{p}</p>" for p in rest)
    kept = _clean(_page(body, lang=lang))
    assert intro in kept
    assert all(f"{item} (#{n})" in kept for n, item in enumerate(items))


@pytest.mark.parametrize(("lang", "heading"), [("en", "Three months before"), ("fr", "Trois mois avant")])
def test_checklist_with_links_under_a_subheading_inside_the_article_is_kept(lang: str, heading: str) -> None:
    first, *rest = ARTICLES[lang]
    items = ["Book the <a href='/v'>venue</a> now", "Send the <a href='/c'>cards</a>", "Order the cake"]
    body = (
        f"<p>{first}</p><h3>{heading}</h3><ul>"
        + "".join(f"<li>{item}</li>" for item in items)
        + f"</ul><h3>{heading}!</h3><ul><li>Call the <a href='/b'>band</a></li><li>Pick the music</li></ul>"
        + "".join(f"<p>{p}</p>" for p in rest)
    )
    kept = _clean(_page(body, lang=lang))
    assert "Book the venue now" in kept
    assert "Call the band" in kept


def test_code_keeps_the_parts_its_highlighter_names_comment() -> None:
    code = (
        "<pre><code><span class='token comment'># start a repository</span>\n"
        "git init\n<span class='token comment'># stage every change</span>\ngit add -A</code></pre>"
    )
    body = f"<p>{ARTICLES['en'][0]}</p>{code}<p>{ARTICLES['en'][1]}</p>"
    text = _text(_page(body))
    assert "start a repository" in text
    assert "stage every change" in text


def _teaser_articles(count: int = 4) -> str:
    """Teaser cards marked up as <article>s, each with a longer paragraph than a short article has."""
    return "".join(
        f"<article class='card'><h2><a href='/t{n}'>Another story number {n}</a></h2><p>Teaser {n}: "
        + "a long summary of a different story that the site wants readers to open next, " * 3
        + "written to be read.</p></article>"
        for n in range(count)
    )


def _cards(count: int, teaser: str) -> str:
    """Cards: a linked headline, one teaser, a date."""
    return "".join(
        f"<div class='card'><h3><a href='/c{n}'>Card headline number {n}</a></h3>"
        f"<div>{teaser} {n}.</div><div>12 May</div></div>"
        for n in range(count)
    )


@pytest.mark.parametrize("lang", ["en", "es"])
def test_grid_of_teaser_cards_after_the_article_is_removed(lang: str) -> None:
    teaser = (
        "Una historia distinta sobre otro tema que el sitio quiere que los lectores abran después, número"
    )
    if lang == "en":
        teaser = "A different story on another subject that the site wants readers to open next, number"
    kept = _clean(_page(_paragraphs(lang), after=_cards(5, teaser), lang=lang))
    assert kept == ARTICLES[lang]


def test_page_made_of_linked_items_keeps_them() -> None:
    intro = "Five ideas for a weekend, each with a short note on why it is worth the trip."
    teaser = "A quiet place by the river with a view of the old bridge and a good cafe, idea"
    html = f"<html><body><main><p>{intro}</p>{_cards(5, teaser)}</main></body></html>"
    kept = _clean(html)
    assert f"{teaser} 3." in kept


@pytest.mark.parametrize(("lang", "heading"), [("en", "1. The harbour app"), ("de", "1. Die Hafen-App")])
def test_subheading_that_is_a_link_inside_the_article_is_kept(lang: str, heading: str) -> None:
    first, second, third = ARTICLES[lang]
    body = f"<p>{first}</p><h3><a href='/app'>{heading}</a></h3><p>{second}</p><p>{third}</p>"
    assert _clean(_page(body, lang=lang)) == [first, heading, second, third]


def test_cards_in_the_same_list_as_the_articles_entries_are_kept() -> None:
    entries = "".join(f"<li><h2>Entry {n}</h2><p>{text}</p></li>" for n, text in enumerate(ARTICLES["en"]))
    teaser = "A camera on the ridge above the lake that shows the weather coming over the valley, camera"
    cards = "".join(
        f"<li><h2><a href='/cam/{n}'>Camera {n}</a></h2><p>{teaser} {n}.</p><div><a href='/v/{n}'>View</a>"
        "</div></li>"
        for n in range(4)
    )
    kept = _clean(f"<html><body><main><ul>{entries}{cards}</ul></main></body></html>")
    assert f"{teaser} 3." in kept


@pytest.mark.parametrize(
    ("lang", "title", "headline"),
    [
        ("en", "The pier will be extended | Harbour News", "The pier will be extended"),
        ("de", "Die Bibliothek wird saniert - Stadtblatt", "Die Bibliothek wird saniert"),
    ],
)
def test_article_holding_the_page_title_is_chosen_over_teaser_articles(
    lang: str, title: str, headline: str
) -> None:
    short = ARTICLES[lang][:2]
    html = (
        f"<html><head><title>{title}</title></head><body>"
        f"<div class='columns'><article><h1>{headline}</h1><p>{short[0]}</p><p>{short[1]}</p></article>"
        f"<div class='grid'>{_teaser_articles()}</div></div></body></html>"
    )
    assert _clean(html) == short


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("en", "The northern pier at low tide. Photo: Jane Doe"),
        ("fr", "Le centre-ville vu depuis la mairie. Photo : Jean Dupont"),
        ("de", "Die Stadtbibliothek am Marktplatz. Foto: Max Muster"),
        ("es", "El paseo marítimo al atardecer. Foto: Ana López"),
    ],
)
def test_caption_and_credit_are_removed(lang: str, caption: str) -> None:
    first, *rest = ARTICLES[lang]
    figure = f"<figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure>"
    body = f"<p>{first}</p>{figure}" + "".join(f"<p>{p}</p>" for p in rest)
    assert _clean(_page(body, lang=lang)) == ARTICLES[lang]


@pytest.mark.parametrize(
    ("lang", "heading", "bio"),
    [
        (
            "en",
            "About the author",
            "Jane Doe covers local politics and has reported on the harbour for ten years.",
        ),
        ("fr", "À propos de l'auteur", "Jean Dupont couvre la politique locale depuis une dizaine d'années."),
        ("de", "Über den Autor", "Max Muster berichtet seit zehn Jahren über die Kommunalpolitik der Stadt."),
        ("es", "Sobre el autor", "Ana López cubre la política municipal desde hace más de diez años."),
    ],
)
def test_author_bio_at_the_end_is_removed(lang: str, heading: str, bio: str) -> None:
    box = f"<div class='about'><h3>{heading}</h3><p>{bio}</p></div>"
    assert _clean(_page(_paragraphs(lang) + box, lang=lang)) == ARTICLES[lang]


def test_comment_section_is_removed() -> None:
    comment = "I have lived here for thirty years and this is the best news the town has had in a long time."
    comments = (
        f"<section id='comments'><h3>3 Comments</h3><div class='comment'><p>{comment}</p></div></section>"
    )
    assert comment not in _text(_page(_paragraphs(), outside=comments))


@pytest.mark.parametrize(
    "line",
    [
        "© 2024 The Harbour Times. All rights reserved.",
        "© 2024 Le Journal. Tous droits réservés.",
        "© 2024 Die Zeitung. Alle Rechte vorbehalten.",
        "© 2024 El Diario. Todos los derechos reservados.",
    ],
)
def test_copyright_line_is_removed(line: str) -> None:
    assert line not in _text(_page(_paragraphs() + f"<p>{line}</p>"))


@pytest.mark.parametrize(
    ("lang", "prompt"),
    [
        ("en", "Follow us on Twitter and Facebook for more news from the harbour and the town."),
        ("fr", "Suivez-nous sur les réseaux sociaux pour ne rien manquer de l'actualité locale."),
        ("de", "Folgen Sie uns auf Instagram, um keine Nachricht aus der Stadt zu verpassen."),
        ("es", "Síguenos en las redes sociales para no perderte ninguna noticia del paseo."),
    ],
)
def test_prompt_closing_the_article_is_removed(lang: str, prompt: str) -> None:
    assert _clean(_page(_paragraphs(lang) + f"<p>{prompt}</p>", lang=lang)) == ARTICLES[lang]


def test_hidden_element_is_removed() -> None:
    text = "This paragraph is hidden from readers and must not appear here."
    hidden = f"<div style='display: none'><p>{text}</p></div>"
    assert "hidden from readers" not in _text(_page(_paragraphs(), after=hidden))


def test_sidebar_is_removed() -> None:
    aside = (
        "<aside><p>Our most popular stories this week, collected by the editors for you to read.</p></aside>"
    )
    assert "popular stories" not in _text(_page(_paragraphs(), outside=aside))


# --- the steps alone ------------------------------------------------------------------------------


def test_first_cut_drops_scripts_and_styles() -> None:
    root = parse_html(
        _page(_paragraphs()).replace("<div class='body'>", "<div class='body'><script>x=1</script>")
    )
    first_cut(root)
    assert not list(root.iter("script", "style"))


def test_long_prose_block_is_good() -> None:
    assert classify_block(_block()) is BlockClass.GOOD


def test_block_mostly_of_links_is_bad() -> None:
    text = "Home World Politics Business Sport"
    assert classify_block(_block(text, link_chars=len(text))) is BlockClass.BAD


def test_block_inside_a_caption_is_bad() -> None:
    assert classify_block(_block(in_caption=True)) is BlockClass.BAD


def test_short_block_is_short() -> None:
    assert classify_block(_block("Updated 5 May")) is BlockClass.SHORT


def test_short_block_between_article_paragraphs_is_kept() -> None:
    blocks = [
        _block(cls=BlockClass.GOOD),
        _block("He left.", cls=BlockClass.SHORT),
        _block(cls=BlockClass.GOOD),
    ]
    assert revise_blocks(blocks)[1].cls is BlockClass.GOOD


def test_short_block_after_the_article_is_dropped() -> None:
    blocks = [_block(cls=BlockClass.GOOD), _block("Filed under: Harbour", cls=BlockClass.SHORT)]
    assert revise_blocks(blocks)[1].cls is BlockClass.BAD


def test_short_line_inside_the_article_next_to_its_text_is_kept() -> None:
    blocks = [
        _block(cls=BlockClass.GOOD),
        _block("Prep: 10 minutes", cls=BlockClass.SHORT),
        _block("Jump to recipe", cls=BlockClass.BAD, link_chars=14),
        _block(cls=BlockClass.GOOD),
    ]
    assert revise_blocks(blocks)[1].cls is BlockClass.GOOD


def test_short_link_inside_the_article_next_to_its_text_is_dropped() -> None:
    blocks = [
        _block(cls=BlockClass.GOOD),
        _block("See the recipe", cls=BlockClass.SHORT, link_chars=14),
        _block("Jump to recipe", cls=BlockClass.BAD, link_chars=14),
        _block(cls=BlockClass.GOOD),
    ]
    assert revise_blocks(blocks)[1].cls is BlockClass.BAD


def test_paragraph_recalled_in_the_next_box_of_the_article_is_kept_twice() -> None:
    first, second, third = ARTICLES["en"]
    long = f"{second} {third}"
    body = (
        f"<div><p>{first}</p><p>{long}</p></div><h2>What comes next</h2>"
        f"<div><p>{third}</p><p>{long}</p></div>"
    )
    assert _clean(_page(body)).count(long) == 2


def test_soft_hyphens_and_zero_width_spaces_are_not_kept_in_the_text() -> None:
    first, second, third = ARTICLES["en"]
    hinted = first.replace("a", "a\u00ad", 3).replace(" ", " \u200b", 2)
    assert _clean(_page(f"<p>{hinted}</p><p>{second}</p><p>{third}</p>"))[0] == first


def test_a_lead_repeated_as_the_first_paragraph_of_the_body_is_kept_once() -> None:
    first, second, third = ARTICLES["en"]
    lead = f"{second} {third}"
    page = (
        "<html><head><title>t</title></head><body><article><h1>A headline for the test page</h1>"
        f"<div class='standfirst'><p>{lead}</p></div>"
        f"<div class='body'><p>{lead}</p><p>{first}</p><p>{second}</p><p>{third}</p></div>"
        "</article></body></html>"
    )
    assert _clean(page).count(lead) == 1
