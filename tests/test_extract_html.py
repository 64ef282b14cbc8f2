"""HTML metadata: each field's fallback chain, JSON-LD first, then meta tags, then the page."""

from __future__ import annotations

import json
from typing import Any

import lxml.html
import pytest

from worker.article import Metadata
from worker.extract import extract_html_metadata
from worker.extract.html_bylines import byline_in_text, name_after_date, name_before_date

SITE = '<meta property="og:site_name" content="Harbour Gazette">'
URL = "https://gazette.example/world/harbour-wind-farm?utm_source=feed&id=7"


def _page(*, head: str = "", body: str = "", ld: Any = None, lang: str = "en") -> lxml.html.HtmlElement:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld is not None else ""
    html = f'<html lang="{lang}"><head>{head}{script}</head><body>{body}</body></html>'
    return lxml.html.document_fromstring(html)


def _extract(**kwargs: Any) -> Metadata:
    return extract_html_metadata(_page(**kwargs), url=URL)


ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Harbour wind farm approved",
    "datePublished": "2025-02-13T09:30:00+01:00",
    "dateModified": "2025-02-14T10:00:00+01:00",
    "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
    "publisher": {"@type": "Organization", "name": "Harbour Gazette"},
    "image": {"@type": "ImageObject", "url": "/img/farm.jpg"},
    "keywords": "energy, wind, harbour",
}


def test_jsonld_article_gives_title_authors_and_dates() -> None:
    metadata = _extract(ld=ARTICLE)
    assert metadata.title == "Harbour wind farm approved"
    assert metadata.authors == ["Jane Doe", "John Roe"]
    assert metadata.published == "2025-02-13T09:30:00+01:00"
    assert metadata.updated == "2025-02-14T10:00:00+01:00"


def test_jsonld_in_a_graph_with_author_by_reference() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "#page", "name": "Harbour Gazette page"},
            {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
            {**ARTICLE, "author": {"@id": "#jane"}},
        ],
    }
    assert _extract(ld=graph).authors == ["Jane Doe"]


def test_jsonld_as_a_list_of_objects() -> None:
    assert _extract(ld=[{"@type": "BreadcrumbList"}, ARTICLE]).title == "Harbour wind farm approved"


def test_jsonld_image_and_keywords() -> None:
    metadata = _extract(ld=ARTICLE)
    assert metadata.image == "https://gazette.example/img/farm.jpg"
    assert metadata.tags == ["energy", "wind", "harbour"]


def test_jsonld_outranks_conflicting_meta() -> None:
    head = '<meta property="article:published_time" content="2025-03-01T00:00:00Z">'
    assert _extract(head=head, ld=ARTICLE).published == "2025-02-13T09:30:00+01:00"


def test_meta_fills_what_jsonld_lacks() -> None:
    head = '<meta property="og:site_name" content="Harbour Gazette"><meta name="author" content="Ann Lee">'
    ld = {k: v for k, v in ARTICLE.items() if k != "author"}
    metadata = _extract(head=head, ld=ld)
    assert metadata.authors == ["Ann Lee"]
    assert metadata.site_name == "Harbour Gazette"


def test_title_loses_its_site_name_suffix() -> None:
    head = SITE + "<title>Wind farm approved | Harbour Gazette</title>"
    assert _extract(head=head).title == "Wind farm approved"


def test_title_loses_its_site_name_prefix() -> None:
    head = SITE + "<title>Harbour Gazette - Wind farm approved</title>"
    assert _extract(head=head).title == "Wind farm approved"


def test_visible_headline_confirmed_by_metadata_is_the_title() -> None:
    head = '<meta property="og:title" content="Wind farm approved after long review - Gazette">'
    body = "<article><h1>Wind farm approved after long review</h1></article>"
    assert _extract(head=head, body=body).title == "Wind farm approved after long review"


def test_line_break_in_the_headline_separates_its_words() -> None:
    body = "<article><h1>Wind farm approved<br>What the vote means</h1></article>"
    assert _extract(body=body).title == "Wind farm approved What the vote means"


def test_byline_nested_in_a_broken_headline_is_not_part_of_it() -> None:
    head = '<meta property="og:title" content="Wind farm approved after long review">'
    nested = '<h3>Posted on <time datetime="2025-02-13">Feb 13, 2025</time> by jdoe</h3>'
    body = f"<article><h1>Wind farm approved after long review{nested}</h1></article>"
    assert _extract(head=head, body=body).title == "Wind farm approved after long review"


def test_title_loses_the_site_name_written_with_its_tagline() -> None:
    head = (
        '<meta property="og:site_name" content="Harbour Gazette | News from the coast">'
        "<title>Wind farm approved • Harbour Gazette</title>"
    )
    assert _extract(head=head).title == "Wind farm approved"


def test_cut_jsonld_headline_gives_way_to_the_whole_title() -> None:
    whole = (
        "Harbour council approves the offshore wind farm after a long review of its effects"
        " on fishing, birds and the ferry routes"
    )
    ld = {**ARTICLE, "headline": whole[:110]}
    head = f'<meta property="og:title" content="{whole} - Harbour Gazette">'
    assert _extract(head=SITE + head, ld=ld).title == whole


def test_site_name_heading_is_not_the_headline() -> None:
    head = SITE + "<title>Harbour Gazette: Wind farm approved</title>"
    body = "<h1>Harbour Gazette</h1><article><h1>Day one</h1><h1>Day two</h1></article>"
    assert _extract(head=head, body=body).title == "Wind farm approved"


def test_headline_in_the_articles_own_header_is_the_title() -> None:
    head = '<meta property="og:title" content="Council weighs the wind farm">'
    masthead = "<header><h1>Harbour Gazette</h1></header>"
    article = "<article><header><h1>Wind farm approved after long review</h1></header></article>"
    body = f"{masthead}<main>{article}</main>"
    assert _extract(head=SITE + head, body=body).title == "Wind farm approved after long review"


def test_headline_in_a_hero_banner_is_the_title_when_the_page_has_no_other() -> None:
    head = '<meta property="og:title" content="Council weighs the wind farm">'
    banner = "<header><nav>Home</nav><h1>Wind farm approved after long review</h1></header>"
    body = f"{banner}<div><p>Text.</p></div>"
    assert _extract(head=head, body=body).title == "Wind farm approved after long review"


def test_an_empty_logo_heading_does_not_hide_the_hero_banner_headline() -> None:
    head = '<meta property="og:title" content="Council weighs the wind farm">'
    banner = "<header><h1>Wind farm approved after long review</h1></header>"
    logo = "<div class='brand'><h1><img src='/logo.png' alt=''></h1></div>"
    assert _extract(head=head, body=f"{logo}{banner}<div><p>Text.</p></div>").title == (
        "Wind farm approved after long review"
    )


def test_article_inside_a_page_wide_overlay_is_not_a_sidebar() -> None:
    head = '<meta property="og:title" content="Council weighs the wind farm">'
    body = "<aside class='overlay'><article><h1>Wind farm approved after long review</h1></article></aside>"
    assert _extract(head=head, body=body).title == "Wind farm approved after long review"


def test_story_cards_of_a_menu_do_not_outvote_the_headline() -> None:
    head = '<meta property="og:title" content="How the council decided on the wind farm">'
    cards = "<article><h1>Ferry timetable changes</h1></article><article><h1>Harbour master</h1></article>"
    menu = f"<nav>{cards}</nav>"
    body = f"{menu}<article><h1>Wind farm approved after a long review</h1></article>"
    assert _extract(head=head, body=body).title == "Wind farm approved after a long review"


def test_heading_in_a_sidebar_is_not_the_headline() -> None:
    head = SITE + "<title>Wind farm approved | Harbour Gazette</title>"
    body = "<aside><h1>Most read this week</h1></aside><div><p>Text.</p></div>"
    assert _extract(head=head, body=body).title == "Wind farm approved"


def test_headline_written_twice_by_a_responsive_template_counts_once() -> None:
    head = '<meta property="og:title" content="How the council decided on the wind farm">'
    headline = "<h1>Wind farm approved after a long review</h1>"
    body = f"<article><div class='mobile'>{headline}</div><div class='desktop'>{headline}</div></article>"
    assert _extract(head=head, body=body).title == "Wind farm approved after a long review"


def test_headings_of_widgets_outside_the_article_do_not_outvote_its_headline() -> None:
    head = '<meta property="og:title" content="How the council decided on the wind farm">'
    article = "<article><h1>Wind farm approved after a long review</h1><p>Text.</p></article>"
    related = "<div class='related'><h1>Ferry timetable changes</h1><h1>New harbour master named</h1></div>"
    body = f"<main>{article}{related}</main><div class='popup'><h1>Subscribe to the Gazette</h1></div>"
    assert _extract(head=head, body=body).title == "Wind farm approved after a long review"


def test_several_headings_side_by_side_give_way_to_the_metadata_title() -> None:
    head = '<meta property="og:title" content="How the council decided on the wind farm">'
    headlines = "<h1>Wind farm approved after a long review</h1><h1>Ferry timetable changes</h1>"
    body = f"<article>{headlines}</article>"
    assert _extract(head=head, body=body).title == "How the council decided on the wind farm"


def test_visible_byline_when_markup_names_no_author() -> None:
    body = '<article><h1>Wind farm approved</h1><p class="byline">By Jane Doe and John Roe</p></article>'
    assert _extract(body=body).authors == ["Jane Doe", "John Roe"]


def test_comment_author_is_not_the_article_author() -> None:
    comments = '<div class="comments"><span class="author">Bob Fan</span></div>'
    body = f"<article><h1>Wind farm approved</h1></article>{comments}"
    assert _extract(body=body).authors == []


def test_time_element_gives_the_date() -> None:
    time = '<time datetime="2025-02-13T08:00:00-05:00">Feb 13</time>'
    body = f"<article><h1>Wind farm approved</h1>{time}</article>"
    assert _extract(body=body).published == "2025-02-13T08:00:00-05:00"


_PUBLISHED = '<meta property="article:published_time" content="2024-03-10T09:00:00+00:00">'
_MODIFIED = '<meta property="article:modified_time" content="2025-06-18T16:00:00+00:00">'


def test_shown_update_date_does_not_replace_the_declared_publish_date() -> None:
    body = "<article><h1>Wind farm approved</h1><p>By Jane Doe · Updated on June 18, 2025</p></article>"
    found = _extract(head=_PUBLISHED + _MODIFIED, body=body)
    assert (found.published, found.updated) == ("2024-03-10T09:00:00+00:00", "2025-06-18T16:00:00+00:00")


def test_shown_update_date_in_german_does_not_replace_the_declared_publish_date() -> None:
    body = "<article><h1>Windpark genehmigt</h1><p>Von Jana Muster · Aktualisiert am 18.06.2025</p></article>"
    assert _extract(head=_PUBLISHED, body=body, lang="de").published == "2024-03-10T09:00:00+00:00"


def test_shown_modified_day_does_not_replace_the_declared_publish_date() -> None:
    body = "<article><h1>Wind farm approved</h1><p>Jane Doe · June 18, 2025</p></article>"
    assert _extract(head=_PUBLISHED + _MODIFIED, body=body).published == "2024-03-10T09:00:00+00:00"


def test_shown_day_beside_a_declared_time_in_another_zone_keeps_the_declared_time() -> None:
    body = "<article><h1>Wind farm approved</h1><p>Jane Doe · March 9, 2024</p></article>"
    assert _extract(head=_PUBLISHED, body=body).published == "2024-03-10T09:00:00+00:00"


def test_shown_day_no_time_zone_can_reach_from_the_declared_time_outranks_it() -> None:
    head = '<meta property="article:published_time" content="2024-03-10T22:00:00+00:00">'
    body = "<article><h1>Wind farm approved</h1><p>Jane Doe · March 9, 2024</p></article>"
    assert _extract(head=head, body=body).published == "2024-03-09"


def test_meta_named_for_publication_by_its_own_cms_gives_the_date() -> None:
    head = '<meta name="harbourcms:publishedOn" content="July 17, 2025">'
    body = "<article><h1>Wind farm approved</h1></article>"
    assert _extract(head=head, body=body).published == "2025-07-17"


def test_meta_named_for_the_last_publication_is_not_the_publish_date() -> None:
    head = '<meta name="harbourcms:last_published" content="July 17, 2025">'
    assert _extract(head=head, body="<article><h1>Wind farm approved</h1></article>").published is None


def test_meta_for_a_republication_an_unpublication_or_an_expiry_is_not_the_publish_date() -> None:
    names = ("article:republished_time", "unpublish_date", "publish_end_date", "publishing_expiry")
    later = "".join(f'<meta name="{name}" content="2025-09-01T08:00:00+00:00">' for name in names)
    first = '<time class="published" datetime="2024-05-02"></time>'
    body = f"<article><h1>Wind farm approved</h1>{first}</article>"
    assert _extract(head=later, body=body).published == "2024-05-02"


def test_shown_day_under_a_publish_label_outranks_the_declared_date() -> None:
    body = "<article><h1>Wind farm approved</h1><p>Published Apr 26, 2023 Updated Jun 18, 2025</p></article>"
    assert _extract(head=_PUBLISHED, body=body).published == "2023-04-26"


def test_shown_day_under_a_french_publish_label_outranks_the_declared_date() -> None:
    line = "Publié le 26 avril 2023, mis à jour le 18 juin 2025"
    body = f"<article><h1>Parc éolien approuvé</h1><p>{line}</p></article>"
    assert _extract(head=_PUBLISHED, body=body, lang="fr").published == "2023-04-26"


def test_without_declared_date_a_shown_publish_day_outranks_an_update_day() -> None:
    line = "Updated June 18, 2025 · First published March 2, 2024"
    body = f"<article><h1>Wind farm approved</h1><p>{line}</p></article>"
    assert _extract(body=body).published == "2024-03-02"


_FILLER = "<p>" + "The council heard the ferry operators and the fishermen at length. " * 40 + "</p>"


def test_day_written_below_the_article_precedes_a_markup_that_only_gives_the_last_change() -> None:
    body = f"<article><h1>Wind farm approved</h1>{_FILLER}<p>Filed on: 2 March 2024</p></article>"
    assert _extract(head=_MODIFIED, body=body).published == "2024-03-02"


def test_day_in_a_sentence_of_the_article_does_not_precede_the_markup_last_change() -> None:
    history = "<p>The farm was first proposed on March 3, 2019.</p>"
    body = f"<article><h1>Wind farm approved</h1>{_FILLER}{history}</article>"
    assert (_extract(head=_MODIFIED, body=body).published or "")[:10] == "2025-06-18"


def test_day_of_a_related_post_does_not_precede_the_markup_last_change() -> None:
    related = "<div class='related-posts'><a href='/ferry'>Ferry timetable</a> Jan 5, 2021</div>"
    body = f"<article><h1>Wind farm approved</h1>{_FILLER}</article>{related}"
    assert (_extract(head=_MODIFIED, body=body).published or "")[:10] == "2025-06-18"


def test_day_of_a_comment_does_not_precede_the_markup_last_change() -> None:
    comment = "<div class='comments'><p>Ferry fan</p><p>Jan 5, 2021</p></div>"
    body = f"<article><h1>Wind farm approved</h1>{_FILLER}</article>{comment}"
    assert (_extract(head=_MODIFIED, body=body).published or "")[:10] == "2025-06-18"


def test_markup_last_change_stays_when_the_page_writes_only_later_days() -> None:
    filler = "<p>" + "The council heard the ferry operators and the fishermen at length. " * 40 + "</p>"
    body = f"<article><h1>Wind farm approved</h1>{filler}<p>Next hearing: August 2, 2025</p></article>"
    assert (_extract(head=_MODIFIED, body=body).published or "")[:10] == "2025-06-18"


def test_markup_last_change_stays_when_the_page_writes_no_other_day() -> None:
    filler = "<p>" + "The council heard the ferry operators and the fishermen at length. " * 40 + "</p>"
    body = f"<article><h1>Wind farm approved</h1>{filler}<p>Updated June 18, 2025</p></article>"
    assert (_extract(head=_MODIFIED, body=body).published or "")[:10] == "2025-06-18"


def test_sentence_saying_when_the_piece_first_appeared_outranks_the_day_by_the_headline() -> None:
    note = "<p>This guide was originally published on 26 Sep 2019 and has been revised since.</p>"
    byline = "<p>Jane Doe · September 30, 2022</p>"
    filler = "<p>" + "The council heard the ferry operators and the fishermen at length. " * 40 + "</p>"
    body = f"<article><h1>Wind farm approved</h1>{byline}{filler}{note}</article>"
    assert _extract(body=body).published == "2019-09-26"


def test_first_publication_stated_with_a_link_to_the_original_is_read() -> None:
    note = "<p>This piece was <a href='https://quay.example/p/9'>originally published</a> on 26 Sep 2019.</p>"
    body = f"<article><h1>Wind farm approved</h1>{_FILLER}{note}</article>"
    assert _extract(head=_PUBLISHED, body=body).published == "2019-09-26"


def test_first_publication_stated_in_a_comment_is_not_the_articles() -> None:
    comment = "<p>Good piece. This was originally published on 3 Jan 2020 on my own blog.</p>"
    body = f"<article><h1>Wind farm approved</h1>{_FILLER}</article><div id='comments'>{comment}</div>"
    assert _extract(head=_PUBLISHED, body=body).published == "2024-03-10T09:00:00+00:00"


def test_quoted_forum_post_header_is_not_the_first_publication() -> None:
    quote = "<blockquote>Originally Posted by harbourfan on 12 May 2023</blockquote>"
    body = f"<article><h1>Wind farm approved</h1>{_FILLER}{quote}</article>"
    assert _extract(head=_PUBLISHED, body=body).published == "2024-03-10T09:00:00+00:00"


@pytest.mark.timeout(10)  # a hang guard (the first cut took 40 s), not a speed target: bench/ has those
def test_many_first_publication_words_in_one_paragraph_are_read_without_hanging() -> None:
    words = "<span>originally published</span> soon " * 3000
    body = f"<article><h1>Wind farm approved</h1><p>{words}</p></article>"
    assert _extract(head=_PUBLISHED, body=body).published == "2024-03-10T09:00:00+00:00"


def test_copyright_year_is_not_the_publish_date() -> None:
    body = "<article><h1>Wind farm approved</h1><p>Text.</p></article><footer>© 2019 Harbour Gazette</footer>"
    assert extract_html_metadata(_page(body=body), url="https://gazette.example/wind").published is None


def test_future_publish_date_is_refused() -> None:
    head = '<meta property="article:published_time" content="2999-01-01T00:00:00Z">'
    assert _extract(head=head).published is None


def test_canonical_is_absolute_without_tracking() -> None:
    head = '<link rel="canonical" href="/world/harbour-wind-farm?utm_campaign=x&amp;id=7">'
    assert _extract(head=head).canonical_url == "https://gazette.example/world/harbour-wind-farm?id=7"


def test_canonical_falls_back_to_the_url_without_tracking() -> None:
    assert _extract().canonical_url == "https://gazette.example/world/harbour-wind-farm?id=7"


def test_agency_from_credit_line() -> None:
    body = (
        '<article><h1>Wind farm approved</h1><p class="copyright">© 2025 Agence France-Presse</p></article>'
    )
    metadata = _extract(body=body)
    assert metadata.dateline is not None and metadata.dateline.agency == "AFP"


def test_agency_as_author_names_the_agency() -> None:
    metadata = _extract(ld={**ARTICLE, "author": {"@type": "Organization", "name": "Reuters"}})
    assert metadata.dateline is not None and metadata.dateline.agency == "Reuters"


def test_tree_is_not_modified() -> None:
    root = _page(ld=ARTICLE, body="<article><h1>Wind farm approved</h1><p>Text.</p></article>")
    before = lxml.html.tostring(root)
    extract_html_metadata(root, url=URL)
    assert lxml.html.tostring(root) == before


def test_markup_language_is_read() -> None:
    assert _extract(lang="de-DE").language == "de"


def test_byline_in_text_ends_at_any_symbol() -> None:
    text = "Harbour wind farm approved Written by: Jane Doe $ 40 million awarded"
    assert byline_in_text(text, "Harbour wind farm approved") == ["Jane Doe"]


def test_name_standing_before_the_byline_date() -> None:
    text = "Harbour wind farm approved Jane Doe Jul 18, 2025 The council voted on Tuesday."
    assert name_before_date(text, "Harbour wind farm approved") == ["Jane Doe"]


def test_section_name_before_the_date_is_not_a_name() -> None:
    text = "Harbour wind farm approved Offshore Energy Jul 18, 2025 The energy of offshore wind grows."
    assert name_before_date(text, "Harbour wind farm approved") == []


def test_byline_in_text_loses_a_run_on_word_the_page_writes_in_lower_case() -> None:
    text = "Harbour wind farm approved By Jane Doe Winemaker 5 min read. Every winemaker on the coast agrees."
    assert byline_in_text(text, "Harbour wind farm approved") == ["Jane Doe"]


def test_labelled_byline_followed_by_a_capitalised_heading() -> None:
    text = "Harbour wind farm approved Written by Jane Doe Table of contents. Read the table below."
    assert byline_in_text(text, "Harbour wind farm approved") == ["Jane Doe"]


def test_label_followed_by_ordinary_words_is_no_byline() -> None:
    text = "Harbour wind farm approved By Using Our Site you agree. We keep using our site data."
    assert byline_in_text(text, "Harbour wind farm approved") == []


def _html(body: str, *, head: str = "", body_class: str = "") -> Metadata:
    html = f'<html lang="en"><head>{head}</head><body class="{body_class}">{body}</body></html>'
    return extract_html_metadata(lxml.html.document_fromstring(html), url=URL)


def test_page_flags_on_the_body_do_not_hide_the_byline() -> None:
    body = '<article><h1>Wind farm approved</h1><span class="author">Jane Doe</span><p>Text.</p></article>'
    assert _html(body, body_class="no-sidebar footer-widgets-1").authors == ["Jane Doe"]


def test_author_box_gives_its_name_element_not_its_whole_text() -> None:
    box = (
        '<div class="builder-widget-container"><div class="theme-author-box">'
        '<h4 class="theme-author-box__name">Jane Doe</h4>'
        '<div class="theme-author-box__bio">Former Harbour Consultant</div></div></div>'
    )
    body = f"<article><h1>Wind farm approved</h1>{box}<p>Text.</p></article>"
    assert _html(body).authors == ["Jane Doe"]


def test_author_job_line_is_not_a_name() -> None:
    box = '<div class="post-author-job">Licensed Harbour Pilot, Marine Engineering</div>'
    body = f"<article><h1>Wind farm approved</h1>{box}<p>The council voted.</p></article>"
    assert _html(body).authors == []


def test_written_by_in_the_author_box_after_the_article() -> None:
    lead = "<p>The council voted on Tuesday after a long review of the harbour plans.</p>" * 6
    body = f"<article><h1>Wind farm approved</h1>{lead}</article>"
    body += "<div><h3>Written by Jane Doe</h3><p>Jane covers energy.</p></div>"
    assert _html(body).authors == ["Jane Doe"]


def test_written_by_in_spanish_in_the_author_box_after_the_article() -> None:
    lead = "<p>El consejo votó el martes tras una larga revisión de los planes del puerto.</p>" * 6
    body = f"<article><h1>Parque eólico aprobado</h1>{lead}</article>"
    body += "<div><h3>Escrito por Ana García</h3><p>Ana escribe sobre energía.</p></div>"
    assert _html(body).authors == ["Ana García"]


def test_written_by_in_a_sentence_is_no_byline() -> None:
    lead = "<p>The council voted on Tuesday after a long review of the harbour plans.</p>" * 6
    body = (
        f"<article><h1>Wind farm approved</h1>{lead}<p>The study, written by Jane Doe in 2019, is cited.</p>"
    )
    assert _html(body + "</article>").authors == []


def test_name_line_under_the_headline_is_the_byline() -> None:
    body = (
        "<header><h1>How the wind farm was approved</h1>"
        "<p>Jane Doe | Senior Writer | July 2, 2025</p></header><p>The council voted on Tuesday.</p>"
    )
    assert _html(body).authors == ["Jane Doe"]


def test_language_menu_under_the_headline_is_no_byline() -> None:
    body = (
        "<h1>How the wind farm was approved</h1><div><ul><li>English</li><li><a href='/es'>Español</a></li>"
        "</ul></div><p>The council voted on Tuesday.</p>"
    )
    assert _html(body).authors == []


def test_byline_is_found_by_the_visible_headline_when_the_title_is_worded_otherwise() -> None:
    head = '<meta property="og:title" content="Council backs offshore turbines">'
    body = (
        "<p>Council backs offshore turbines in the news today.</p>"
        "<article><h1>Wind farm approved after long review</h1><div>By Jane Doe</div>"
        "<p>The council voted on Tuesday.</p></article>"
    )
    assert _html(body, head=head).authors == ["Jane Doe"]


def test_login_in_the_metadata_gives_way_to_the_printed_byline() -> None:
    head = '<meta name="author" content="jane.doe">'
    body = '<article><h1>Wind farm approved</h1><span class="author">Jane Doe</span><p>Text.</p></article>'
    assert _html(body, head=head).authors == ["Jane Doe"]


def test_admin_account_in_the_metadata_gives_way_to_the_printed_byline() -> None:
    head = '<meta name="author" content="Harbour Admin">'
    body = '<article><h1>Wind farm approved</h1><p class="byline">By Jane Doe</p><p>Text.</p></article>'
    assert _html(body, head=head).authors == ["Jane Doe"]


def test_login_stands_when_the_page_prints_no_byline() -> None:
    head = '<meta name="author" content="jdoe">'
    assert _html("<article><h1>Wind farm approved</h1><p>Text.</p></article>", head=head).authors == ["jdoe"]


def test_credits_in_the_author_meta_are_not_the_author() -> None:
    head = '<meta name="author" content="content: Harbour Gazette, design: Jane Doe">'
    body = '<article><h1>Wind farm approved</h1><span class="author">John Roe</span><p>Text.</p></article>'
    assert _html(body, head=head).authors == ["John Roe"]


def test_byline_in_the_articles_own_footer_is_found() -> None:
    body = (
        '<div class="content-sidebar-wrap"><article><h1>Wind farm approved</h1><p>Text.</p>'
        '<footer class="entry-footer"><span class="entry-author">Posted by: Jane Doe</span></footer>'
        "</article></div>"
    )
    assert _html(body).authors == ["Jane Doe"]


def test_author_in_the_site_footer_is_not_the_byline() -> None:
    body = (
        "<article><h1>Wind farm approved</h1><p>Text.</p></article>"
        '<div class="site-footer"><span class="author">Jane Doe</span></div>'
    )
    assert _html(body).authors == []


def test_person_in_the_author_box_outranks_the_site_signing_at_the_top() -> None:
    lead = "<p>The council voted on Tuesday after a long review of the harbour plans.</p>" * 6
    body = (
        '<article><h1>Wind farm approved</h1><a class="author" href="/author/team">By Harbour Gazette</a>'
        f"{lead}</article><div><p>Written by Jane Doe</p></div>"
    )
    assert _html(body, head=SITE).authors == ["Jane Doe"]


def test_name_line_with_its_section_link_under_the_headline() -> None:
    body = (
        "<div><h1>How the wind farm was approved</h1></div>"
        '<div><a href="/jane">Jane Doe</a> <a href="/energy">#Energy</a> Published on Oct 21, 2025</div>'
        "<p>The council voted on Tuesday.</p>"
    )
    assert _html(body).authors == ["Jane Doe"]


def test_url_settles_which_way_round_a_numeric_date_is_meant() -> None:
    body = "<article><h1>Wind farm approved</h1><p>03/10/2023</p><p>Text.</p></article>"
    url = "https://gazette.example/news/2023/october/03/wind-farm/"
    assert extract_html_metadata(_page(body=body), url=url).published == "2023-10-03"


def test_slashed_date_on_a_french_page_is_read_day_first() -> None:
    body = "<article><h1>Parc éolien approuvé</h1><p>Publié le 03/10/2023</p><p>Texte.</p></article>"
    assert _extract(body=body, lang="fr").published == "2023-10-03"


def test_slashed_date_on_a_british_page_is_read_day_first() -> None:
    body = "<article><h1>Wind farm approved</h1><p>03/10/2023</p><p>Text.</p></article>"
    assert _extract(body=body, lang="en-GB").published == "2023-10-03"


def test_dashed_date_on_a_page_in_english_of_no_region_is_read_day_first() -> None:
    body = "<article><h1>Wind farm approved</h1><p>Filed 05-03-2024</p><p>Text.</p></article>"
    assert _extract(body=body, lang="en").published == "2024-03-05"


def test_dashed_date_on_an_american_page_is_read_month_first() -> None:
    locale = '<meta property="og:locale" content="en_US">'
    body = "<article><h1>Wind farm approved</h1><p>Filed 05-03-2024</p><p>Text.</p></article>"
    assert _extract(head=locale, body=body, lang="en").published == "2024-05-03"


def test_bare_english_takes_its_region_from_the_locale_meta() -> None:
    locale = '<meta property="og:locale" content="en_GB">'
    body = "<article><h1>Wind farm approved</h1><p>03/10/2023</p><p>Text.</p></article>"
    assert _extract(head=locale, body=body, lang="en").published == "2023-10-03"


def test_slashed_date_on_an_american_page_is_read_month_first() -> None:
    body = "<article><h1>Wind farm approved</h1><p>03/10/2023</p><p>Text.</p></article>"
    assert _extract(body=body, lang="en-US").published == "2023-03-10"


def test_scholarly_author_meta_written_family_first_gives_each_name() -> None:
    head = (
        '<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, John">'
    )
    assert _html("<article><h1>Wind farm study</h1><p>Text.</p></article>", head=head).authors == [
        "Jane Doe",
        "John Roe",
    ]


def test_author_meta_with_a_list_of_names_is_split_not_turned_round() -> None:
    head = '<meta name="author" content="Jane Doe, John Roe">'
    assert _html("<article><h1>Wind farm study</h1><p>Text.</p></article>", head=head).authors == [
        "Jane Doe",
        "John Roe",
    ]


def test_dateline_place_in_capitals_after_the_byline_is_not_part_of_the_name() -> None:
    text = "Harbour wind farm approved By Jane Doe BRUSSELS, Dec 20, 2025 (AFP) - The council voted."
    assert byline_in_text(text, "Harbour wind farm approved") == ["Jane Doe"]


def test_surname_in_capitals_stays_part_of_the_name() -> None:
    text = "Parc éolien approuvé Par Jean Paul DUPONT | Le conseil a voté mardi."
    assert byline_in_text(text, "Parc éolien approuvé") == ["Jean Paul DUPONT"]


def test_name_element_is_read_before_its_wrapper_with_the_role() -> None:
    card = (
        '<a class="card-author-name-wrapper" href="/team/jane">'
        '<h2 class="card-author-name">Jane Doe</h2><p>Head Winemaker, Co-Founder</p></a>'
    )
    body = f"<article><h1>Wind farm approved</h1>{card}<p>Text.</p></article>"
    assert _html(body).authors == ["Jane Doe"]


def test_team_signing_before_the_byline_date() -> None:
    text = "Harbour wind farm approved Gazette Team Feb 16, 2026 The team of the council voted."
    assert name_before_date(text, "Harbour wind farm approved") == ["Gazette Team"]


def test_shown_day_read_the_other_way_round_keeps_the_declared_date() -> None:
    head = '<meta property="article:published_time" content="2024-09-10T16:07:00+00:00">'
    body = "<article><h1>Wind farm approved</h1><p>By Jane Doe 09.10.2024</p><p>Text.</p></article>"
    assert _extract(head=head, body=body).published == "2024-09-10T16:07:00+00:00"


def test_byline_in_an_article_swallowed_by_an_unclosed_menu_is_still_found() -> None:
    # The template leaves the menu's <div> open: the parser nests the whole article inside it.
    body = (
        '<nav class="main-nav"><div class="menu-dropdown"><a href="/">Home</a>'
        "<article><h1>Wind farm approved</h1><p><span>Written by</span> <span>Jane Doe</span></p>"
        "<p>The council voted on Tuesday.</p></article></div></nav>"
    )
    assert _html(body).authors == ["Jane Doe"]


def test_a_logo_heading_in_the_menu_does_not_make_it_the_article() -> None:
    # Only the headline's own <h1> marks a menu as an unclosed wrapper of the article; a logo's does not.
    body = (
        '<nav class="menu"><h1 class="logo">Harbour Gazette</h1><a href="/author/john-roe">John Roe</a></nav>'
        "<article><h1>Harbour wind farm approved</h1><p>The council voted.</p></article>"
    )
    assert _html(body).authors == []


def test_a_widget_heading_in_the_sidebar_does_not_make_its_teaser_bylines_the_authors() -> None:
    filler = "<p>" + "The council heard the ferry operators at length. " * 20 + "</p>"
    body = (
        f"<article><h1>Harbour wind farm approved</h1>{filler}</article>"
        '<div class="sidebar"><h1>Most read</h1><p><a href="/ferry">Ferry news</a>'
        ' <span class="byline">By John Roe</span></p></div>'
    )
    assert _html(body).authors == []


def test_name_after_the_byline_date_past_a_separator() -> None:
    text = "Harbour wind farm approved 2025-03-02 · Jane Doe in Energy The council voted on the harbour plan."
    assert name_after_date(text, "Harbour wind farm approved") == ["Jane Doe"]


def test_name_after_the_byline_date_loses_the_article_s_first_word() -> None:
    text = "Harbour wind farm approved Mar 2, 2025 • Jane Doe The council voted. Then the harbour grew."
    assert name_after_date(text, "Harbour wind farm approved") == ["Jane Doe"]


def test_section_after_the_byline_date_is_no_name() -> None:
    text = "Harbour wind farm approved Mar 2, 2025 | Wind Energy The council backed wind energy plans."
    assert name_after_date(text, "Harbour wind farm approved") == []


def test_byline_after_the_headline_repeated_below_a_list_of_posts() -> None:
    others = "".join(f"<li>Ferry timetable changes for the winter, part {n}</li>" for n in range(12))
    posts = f"<ul><li>Harbour wind farm approved</li>{others}</ul>"
    body = (
        f"<div>{posts}</div><article><h1>Harbour wind farm approved</h1>"
        "<p>The council backs the plan.</p><p>Photo: the harbour at dawn.</p>"
        "<p>2025-03-02 · Jane Doe</p><p>The council voted on Tuesday.</p></article>"
    )
    assert _html(body).authors == ["Jane Doe"]


def test_name_written_after_a_contributors_label_in_the_same_element() -> None:
    body = (
        "<article><h1>Wind farm approved</h1><div><strong>Contributors:</strong> Jane Doe</div>"
        "<p>The council voted on Tuesday.</p></article>"
    )
    assert _html(body).authors == ["Jane Doe"]


def test_list_after_an_authors_label_gives_one_author_per_item() -> None:
    body = (
        "<article><h1>Wind farm approved</h1><div><h6>Author(s)</h6>"
        "<ul><li><a href='/lib?a=1'>Jane A. Doe</a></li><li><a href='/lib?a=2'>John B. Roe</a></li></ul>"
        "</div><p>The council voted on Tuesday.</p></article>"
    )
    assert _html(body).authors == ["Jane A. Doe", "John B. Roe"]


def test_this_post_was_written_by_in_the_author_box() -> None:
    lead = "<p>The council voted on Tuesday after a long review of the harbour plans.</p>" * 6
    body = f"<article><h1>Wind farm approved</h1>{lead}</article>"
    body += '<div class="author-bio">This post was written by Jane Doe, Head of Harbour Research</div>'
    assert _html(body).authors == ["Jane Doe"]


def _uploaded_by(name: str) -> dict[str, Any]:
    return {**ARTICLE, "author": {"@type": "Person", "name": name}}


def test_printed_byline_outranks_the_cms_uploader_in_the_markup() -> None:
    body = (
        "<article><h1>Harbour wind farm approved</h1><p>March 2, 2025 By: Jane Doe</p>"
        "<p>The council voted on the harbour plan.</p></article>"
    )
    assert _extract(body=body, ld=_uploaded_by("Sam Upload")).authors == ["Jane Doe"]


def test_reviewer_printed_under_the_headline_does_not_replace_the_markup_author() -> None:
    body = (
        "<article><h1>Harbour wind farm approved</h1><p>Reviewed By: Jane Doe</p>"
        "<p>The council voted on the harbour plan.</p></article>"
    )
    assert _extract(body=body, ld=_uploaded_by("Sam Upload")).authors == ["Sam Upload"]


def test_markup_author_printed_by_the_headline_stays_beside_a_second_byline() -> None:
    body = (
        "<article><h1>Harbour wind farm approved</h1><p>Sam Upload</p><p>By Jane Doe, March 2</p>"
        "<p>The council voted on Tuesday.</p></article>"
    )
    assert _extract(body=body, ld=_uploaded_by("Sam Upload")).authors == ["Sam Upload"]


def test_the_site_typed_person_gives_way_to_the_visible_byline() -> None:
    # A common SEO-plugin setting types the publisher Person: its name stands only when no byline shows.
    site = '<meta property="og:site_name" content="Harbour Gazette">'
    body = (
        "<article><h1>Harbour wind farm approved</h1><p><span class='author'>Jane Doe</span></p>"
        "<p>The council voted on the harbour plan.</p></article>"
    )
    assert _extract(head=site, body=body, ld=_uploaded_by("Harbour Gazette")).authors == ["Jane Doe"]
    bare = (
        "<article><h1>Harbour wind farm approved</h1><p>The council voted on the harbour plan.</p></article>"
    )
    assert _extract(head=site, body=bare, ld=_uploaded_by("Harbour Gazette")).authors == ["Harbour Gazette"]


def test_a_sidebar_authors_widget_is_not_the_byline() -> None:
    body = (
        "<article><h1>Harbour wind farm approved</h1><p>The council voted.</p></article>"
        "<div id='secondary'><h3>Authors</h3>"
        "<ul><li>John Roe</li><li>Mary Major</li><li>Sam Smith</li></ul></div>"
    )
    assert _html(body).authors == []


def test_an_authors_label_in_the_content_block_of_the_headline_is_read() -> None:
    body = (
        "<div class='content'><div class='page-title'><h1>Harbour wind farm approved</h1></div>"
        "<p>The council voted.</p><div><strong>Authors</strong><ul><li>Jane Doe</li><li>John Roe</li></ul>"
        "</div></div><div id='secondary'><p>Links</p></div>"
    )
    assert _html(body).authors == ["Jane Doe", "John Roe"]


def test_a_lead_that_opens_with_by_keeps_the_declared_author() -> None:
    body = (
        "<article><h1>Harbour wind farm approved</h1>"
        "<p>By Midsummer Day, the ferries will run on wind power from the new farm.</p>"
        "<p>The council voted on the harbour plan.</p></article>"
    )
    assert _extract(body=body, ld=_uploaded_by("Jane Doe")).authors == ["Jane Doe"]


def test_a_photo_credit_under_the_headline_keeps_the_declared_author() -> None:
    body = (
        "<article><h1>Harbour wind farm approved</h1><figure><figcaption>The harbour at dawn. By John Roe"
        "</figcaption></figure><p>The council voted on the harbour plan.</p></article>"
    )
    assert _extract(body=body, ld=_uploaded_by("Jane Doe")).authors == ["Jane Doe"]


def test_the_declared_surname_must_stand_as_a_word_by_the_headline() -> None:
    # "Li" inside "Lights" is not the declared author printed by the headline.
    body = (
        "<article><h1>Harbour wind farm approved</h1><p>Lights out. By Jane Doe | March 2</p>"
        "<p>The council voted on the harbour plan.</p></article>"
    )
    assert _extract(body=body, ld=_uploaded_by("Sam Li")).authors == ["Jane Doe"]


def test_first_name_alone_in_the_author_link_gets_the_surname_printed_by_the_headline() -> None:
    body = (
        "<article><h1>Harbour wind farm approved</h1><p>Jane Doe Energy Writer</p>"
        '<a href="/author/jane">Articles by Jane</a><p>The council voted on the harbour plan.</p></article>'
    )
    assert _html(body).authors == ["Jane Doe"]


def test_a_first_name_in_the_headline_is_not_completed_by_the_headline() -> None:
    body = (
        "<article><h1>Why Marta Quill still fills the harbour</h1>"
        '<a href="/author/marta">Marta</a><p>The council voted on the plan.</p></article>'
    )
    assert _html(body).authors == ["Marta"]


def test_first_name_before_a_month_keeps_standing_alone() -> None:
    body = (
        "<article><h1>Harbour wind farm approved</h1><p>Jane March 2, 2025</p>"
        '<a href="/author/jane">Jane</a><p>The council voted on the harbour plan.</p></article>'
    )
    assert _html(body).authors == ["Jane"]


def test_jsonld_person_named_as_the_personal_site_is_the_author() -> None:
    ld = {**ARTICLE, "author": {"@type": "Person", "name": "Jane Doe"}, "publisher": None}
    head = '<meta property="og:site_name" content="Jane Doe">'
    body = (
        "<article><h1>Harbour wind farm approved</h1><p>I read a new study by John Roe (via a friend).</p>"
        "<p>The council voted on the harbour plan.</p></article>"
    )
    assert _extract(head=head, body=body, ld=ld).authors == ["Jane Doe"]


def test_jsonld_person_in_capitals_named_as_the_site_gives_way_to_the_byline() -> None:
    ld = {**ARTICLE, "author": {"@type": "Person", "name": "HARBOUR GAZETTE"}, "publisher": None}
    head = '<meta property="og:site_name" content="HARBOUR GAZETTE">'
    body = (
        '<article><h1>Harbour wind farm approved</h1><p class="byline">By Jane Doe</p>'
        "<p>The council voted on the harbour plan.</p></article>"
    )
    assert _extract(head=head, body=body, ld=ld).authors == ["Jane Doe"]


def test_byline_in_text_does_not_end_inside_a_hyphenated_word() -> None:
    text = (
        "Harbour wind farm approved Designs by Trade Finance and Legal Healthcare Non-Profit Designs "
        "Education Technology Entertainment Banking"
    )
    assert byline_in_text(text, "Harbour wind farm approved") == []


def test_a_time_marked_as_published_outranks_a_time_met_before_it_in_the_article() -> None:
    first = '<time datetime="2024-05-01"></time>'
    marked = '<time itemprop="datePublished" datetime="2024-04-02"></time>'
    body = f"<article>{first}<h1>Wind farm approved</h1>{marked}</article>"
    assert _extract(body=body).published == "2024-04-02"


def test_an_element_classed_as_the_publish_date_gives_way_to_a_time_of_a_publish_class() -> None:
    classed = '<span class="post-publish-date" content="2024-03-03"></span>'
    body = f"<article><h1>Wind farm approved</h1>{classed}</article>"
    assert _extract(body=body).published == "2024-03-03"
    dated = '<time class="post-date" datetime="2024-02-02"></time>'
    body = f"<article><h1>Wind farm approved</h1>{classed}{dated}</article>"
    assert _extract(body=body).published == "2024-02-02"
