"""Plain-text boilerplate removal: which lines of a whole page copied as text are the article.

Every fixture is written for these tests, in the shape of a page copied whole from a browser: masthead,
headline, dateline, body, then the page's chrome around it.
"""

from __future__ import annotations

from worker.clean.markers import CREDIT_NAMES, LEGAL_WORDS, RIGHTS_WORDS
from worker.clean.text import TextLayout, clean_text
from worker.clean.text_line_model import Flag
from worker.clean.text_lines import classify_lines, read_lines

EN_BODY = [
    "The city council voted on Tuesday to build a network of protected bike lanes across the old town, "
    "ending a debate that had divided residents and shop owners for more than two years.",
    "The plan, which will cost about 40 million euros, adds 35 kilometres of lanes separated from traffic "
    "by low concrete kerbs, and it removes parking from a dozen of the busiest streets.",
    '"We have waited long enough, and the streets belong to everyone who uses them," the deputy mayor '
    "told reporters after the vote, adding that work would start in the spring.",
    "Opponents said that the loss of parking would hurt small shops in the centre, and a group of traders "
    "has already announced that it will challenge the decision in court next month.",
    "The first section, along the river, is due to open before the end of next year if the works are not "
    "delayed by the legal challenge or by the winter weather.",
]
EN_HEADER = [
    "RivertonDaily.com - News From Your Valley",
    "Council backs bike lane network for old town",
    "Riverton, Oct 7 (Valley Press) Oct 7, 2025",
]
EN_HEADLINES = [
    "Local News",
    "School board names new head after long search",
    "Flood defences tested as river rises",
    "Bakery on Main Street closes after fifty years",
    "",
    "Sports",
    "Riverton United held to draw at home",
    "Marathon route changes for next season",
    "Young swimmer breaks regional record",
]
EN_FOOTER = ["Copyright 2025 Riverton Daily. All rights reserved."]


def _page(*blocks: list[str]) -> str:
    """A page copied as text: the lines of a block on consecutive lines, a blank line between blocks."""
    return "\n\n".join("\n".join(block) for block in blocks)


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Body paragraphs as the browser copies them: each its own block."""
    return [[line] for line in lines]


def _body(layout: TextLayout) -> list[str]:
    return layout.paragraphs


def _article(
    body: list[str] = EN_BODY, *, before: list[str] | None = None, after: list[str] | None = None
) -> str:
    return _page(EN_HEADER, before or [], *_paragraphs(body), after or [], EN_FOOTER)


def test_article_paragraphs_are_kept_in_order() -> None:
    assert _body(clean_text(_article())) == EN_BODY


def test_lines_are_the_stripped_non_empty_lines() -> None:
    layout = clean_text("  Masthead  \n\n\n   A headline here\t\n")
    assert layout.lines == ["Masthead", "A headline here"]


def test_empty_text_gives_no_body() -> None:
    assert clean_text("").body == []
    assert clean_text("\n \n\t\n").body == []


def test_masthead_headline_and_dateline_are_not_body() -> None:
    layout = clean_text(_article())
    assert layout.body[0] == layout.lines.index(EN_BODY[0])
    for line in EN_HEADER:
        assert line not in layout.paragraphs


def test_dateline_line_is_not_body() -> None:
    layout = clean_text(_article())
    assert "Riverton, Oct 7 (Valley Press) Oct 7, 2025" not in layout.paragraphs


def test_advertisement_marker_is_removed() -> None:
    body = [*EN_BODY[:2], "ADVERTISEMENT", *EN_BODY[2:]]
    assert _body(clean_text(_article(body))) == EN_BODY


def test_headline_list_under_section_name_is_removed() -> None:
    assert _body(clean_text(_article(after=EN_HEADLINES))) == EN_BODY


def test_copyright_footer_is_removed() -> None:
    layout = clean_text(_article())
    assert EN_FOOTER[0] not in layout.paragraphs
    assert layout.lines.index(EN_FOOTER[0]) > layout.body[-1]


def test_accessibility_links_and_breaking_news_are_removed() -> None:
    text = _page(["Accessibility links", "Breaking News"], EN_HEADER[1:], *_paragraphs(EN_BODY), EN_FOOTER)
    assert _body(clean_text(text)) == EN_BODY


def test_photo_caption_naming_people_is_removed() -> None:
    caption = "The deputy mayor, left, and the head of the traders' association, right, meet on Monday."
    text = _page(EN_HEADER[1:2], [caption], *_paragraphs(EN_BODY), EN_FOOTER)
    assert _body(clean_text(text)) == EN_BODY


def test_photo_credit_is_removed() -> None:
    body = [*EN_BODY[:3], "Photo: Jane Marsh / Valley Press", *EN_BODY[3:]]
    assert _body(clean_text(_article(body))) == EN_BODY


def test_caption_repeated_as_alt_text_is_removed() -> None:
    caption = (
        "Cyclists ride along the river path in Riverton, where the first section of the new lanes will open"
    )
    body = [*EN_BODY[:2], caption, caption + " (Valley Press)", *EN_BODY[2:]]
    assert _body(clean_text(_article(body))) == EN_BODY


def test_subheading_inside_article_is_kept() -> None:
    body = [*EN_BODY[:3], "What happens next", *EN_BODY[3:]]
    assert _body(clean_text(_article(body))) == body


def test_list_introduced_by_a_colon_is_kept() -> None:
    items = ["Riverside Road", "Market Street", "Station Avenue", "the old bridge"]
    body = [*EN_BODY[:2], "The first streets to get the new lanes are:", *items, *EN_BODY[2:]]
    text = _page(EN_HEADER, *_paragraphs(body[:2]), body[2:7], *_paragraphs(body[7:]), EN_FOOTER)
    assert _body(clean_text(text)) == body


def test_short_last_paragraph_is_kept() -> None:
    body = [*EN_BODY, "The council meets again on Friday."]
    assert _body(clean_text(_article(body))) == body


def test_share_bar_is_removed() -> None:
    share = ["Share", "Facebook", "Twitter", "Email", "Click to share on WhatsApp"]
    assert _body(clean_text(_article(before=share, after=share))) == EN_BODY


def test_newsletter_and_cookie_prompts_are_removed() -> None:
    after = [
        "Sign up for our morning newsletter",
        "We use cookies to improve your experience on our site and to show you relevant advertising.",
    ]
    assert _body(clean_text(_article(after=after))) == EN_BODY


def test_related_block_with_teasers_is_removed() -> None:
    after = [
        "Related articles",
        "New bus lanes divide the east side",
        "Traffic in the old town fell by a fifth last year, a study by the university says.",
        "Parking fees to rise in the centre",
    ]
    assert _body(clean_text(_article(after=after))) == EN_BODY


def test_comment_section_is_removed() -> None:
    after = [
        "3 Comments",
        "Mark T. says:",
        "October 7, 2025 at 9:14 pm",
        "About time. I have cycled to work on these streets for ten years and it is dangerous every day.",
        "Reply",
        "Anna says:",
        "October 8, 2025 at 7:02 am",
        "The shops on Market Street will suffer, and nobody on the council seems to care about them at all.",
        "Reply",
    ]
    assert _body(clean_text(_article(after=after))) == EN_BODY


def test_second_article_after_the_footer_is_not_merged() -> None:
    other = [
        "A new ferry will link the two banks of the river from next summer, the port authority said.",
        "The service will run every twenty minutes during the day and once an hour in the evening.",
    ]
    text = _page(
        EN_HEADER,
        *_paragraphs(EN_BODY),
        EN_FOOTER,
        ["Accessibility links", "Breaking News"],
        ["Ferry to link river banks"],
        *_paragraphs(other),
        EN_FOOTER,
    )
    assert _body(clean_text(text)) == EN_BODY


def test_larger_article_wins_when_a_short_one_comes_first() -> None:
    short = [
        "A new ferry will link the two banks of the river from next summer, the port authority said today.",
    ]
    text = _page(
        ["Ferry to link river banks"],
        short,
        EN_FOOTER,
        ["Accessibility links", "Breaking News"],
        EN_HEADER[1:],
        *_paragraphs(EN_BODY),
        EN_FOOTER,
    )
    assert _body(clean_text(text)) == EN_BODY


FR_BODY = [
    "Le conseil municipal a adopté mardi soir un plan de pistes cyclables protégées dans le centre ancien, "
    "après deux ans de débats entre les habitants et les commerçants.",
    "Le projet, d'un coût de quarante millions d'euros, prévoit trente-cinq kilomètres de voies séparées "
    "de la circulation et la suppression du stationnement dans une douzaine de rues.",
    "« Nous avons assez attendu, la rue appartient à tous ceux qui l'utilisent », a déclaré l'adjoint au "
    "maire à la sortie de la séance, en précisant que les travaux commenceraient au printemps.",
    "Les opposants estiment que la perte des places de stationnement va nuire aux petits commerces, et une "
    "association a déjà annoncé un recours devant le tribunal administratif.",
]


def test_french_page_keeps_only_its_article() -> None:
    text = _page(
        [
            "Le Courrier de la Vallée",
            "Le conseil adopte le plan vélo du centre ancien",
            "Rivebourg, 7 oct (AFP) 7 oct 2025",
        ],
        *_paragraphs(FR_BODY[:2]),
        ["Publicité"],
        *_paragraphs(FR_BODY[2:]),
        ["Partager", "Imprimer"],
        [
            "À lire aussi",
            "Les bus électriques arrivent en janvier",
            "Le marché couvert rouvre ses portes",
            "Un nouveau pont pour 2027",
        ],
        ["© 2025 Le Courrier de la Vallée. Tous droits réservés."],
    )
    assert _body(clean_text(text)) == FR_BODY


DE_BODY = [
    "Der Stadtrat hat am Dienstag ein Netz geschützter Radwege in der Altstadt beschlossen und damit einen "
    "Streit beendet, der Anwohner und Händler seit mehr als zwei Jahren beschäftigt hat.",
    "Der Plan kostet rund 40 Millionen Euro und sieht 35 Kilometer Radwege vor, die durch niedrige "
    "Bordsteine vom Verkehr getrennt sind, dafür fallen in zwölf Straßen die Parkplätze weg.",
    "„Wir haben lange genug gewartet, die Straße gehört allen, die sie nutzen“, sagte der Bürgermeister "
    "nach der Abstimmung, die Arbeiten sollen im Frühjahr beginnen.",
    "Die Gegner befürchten, dass die kleinen Geschäfte in der Innenstadt unter dem Wegfall der Parkplätze "
    "leiden, und eine Händlergruppe will gegen den Beschluss klagen.",
]


def test_german_page_keeps_only_its_article() -> None:
    text = _page(
        ["Talbote Online", "Stadtrat beschließt Radwegenetz für die Altstadt", "Talheim, 7. Okt. (dpa)"],
        *_paragraphs(DE_BODY[:2]),
        ["Anzeige"],
        *_paragraphs(DE_BODY[2:]),
        ["Teilen", "Drucken"],
        [
            "Lesen Sie auch",
            "Neue Buslinie ab Januar",
            "Markthalle öffnet wieder",
            "Brücke wird bis 2027 saniert",
        ],
        ["Copyright © 2025 Talbote. Alle Rechte vorbehalten."],
    )
    assert _body(clean_text(text)) == DE_BODY


ES_BODY = [
    "El ayuntamiento aprobó el martes una red de carriles bici protegidos en el casco antiguo, poniendo fin "
    "a un debate que dividía a vecinos y comerciantes desde hace más de dos años.",
    "El plan, que costará unos 40 millones de euros, añade 35 kilómetros de carriles separados del tráfico "
    "y elimina el aparcamiento en una docena de las calles más transitadas.",
    "«Hemos esperado lo suficiente y la calle es de todos los que la usan», dijo el teniente de alcalde tras "
    "la votación, y añadió que las obras comenzarán en primavera.",
    "Los comerciantes del centro creen que la pérdida de plazas de aparcamiento perjudicará a las tiendas "
    "pequeñas, y una asociación ya ha anunciado que recurrirá la decisión.",
]


def test_spanish_page_keeps_only_its_article() -> None:
    text = _page(
        [
            "Diario del Valle",
            "El ayuntamiento aprueba la red de carriles bici",
            "Valdeflores, 7 oct (EFE) 7 oct 2025",
        ],
        *_paragraphs(ES_BODY[:2]),
        ["Publicidad"],
        *_paragraphs(ES_BODY[2:]),
        ["Compartir", "Imprimir"],
        [
            "Noticias relacionadas",
            "Nuevas líneas de autobús en enero",
            "Reabre el mercado central",
            "Un puente nuevo para 2027",
        ],
        ["© 2025 Diario del Valle. Todos los derechos reservados."],
    )
    assert _body(clean_text(text)) == ES_BODY


def test_second_page_opening_with_a_masthead_is_not_merged() -> None:
    other = [
        "A new ferry will link the two banks of the river from next summer, the port authority said.",
        "The service will run every twenty minutes during the day and once an hour in the evening.",
    ]
    text = _page(
        ["Ferry to link river banks"], *_paragraphs(other), EN_HEADER, *_paragraphs(EN_BODY), EN_FOOTER
    )
    assert _body(clean_text(text)) == EN_BODY


def test_copyright_sign_inside_a_caption_is_not_a_footer() -> None:
    body = [*EN_BODY[:2], "The old bridge at dawn, 2019. © Jane Marsh", *EN_BODY[2:]]
    assert _body(clean_text(_article(body))) == EN_BODY


def test_japanese_lines_are_measured_by_their_characters() -> None:
    body = [
        "市議会は火曜日、旧市街に自転車専用レーンを整備する計画を賛成多数で可決した。",
        "計画では約四十億円をかけて、三十五キロの専用レーンを車道から分離して設ける。",
        "反対する商店主らは、駐車場が減れば客足が遠のくとして、来月にも提訴する方針だ。",
    ]
    text = _page(["リバートン日報", "旧市街に自転車レーン網"], *_paragraphs(body), ["© 2025 リバートン日報"])
    assert _body(clean_text(text)) == body


def test_inline_pointer_to_another_article_is_removed() -> None:
    body = [*EN_BODY[:2], "Read more: Riverton opens its first cycle street", *EN_BODY[2:]]
    assert _body(clean_text(_article(body))) == EN_BODY


def test_author_bio_after_the_article_is_removed() -> None:
    bio = ["Jane Marsh is a reporter covering city hall and transport for the Riverton Daily since 2019."]
    assert _body(clean_text(_article(after=bio))) == EN_BODY


def test_article_continues_after_an_inline_related_box() -> None:
    box = ["Related", "New bus lanes divide the east side", "Parking fees to rise in the centre"]
    text = _page(EN_HEADER, *_paragraphs(EN_BODY[:3]), box, *_paragraphs(EN_BODY[3:]), EN_FOOTER)
    assert _body(clean_text(text)) == EN_BODY


def test_teasers_with_summaries_under_more_stories_are_removed() -> None:
    teasers = ["More stories"]
    for headline, summary in (
        (
            "Bus lanes divide the east side",
            "Residents of the east side are split over a plan to give buses their own lanes.",
        ),
        (
            "Parking fees to rise",
            "The council will raise parking fees in the centre by a fifth from January.",
        ),
        (
            "Ferry to link river banks",
            "A new ferry will link the two banks of the river from next summer, it was said.",
        ),
    ):
        teasers += [headline, "Valley Press", summary]
    assert _body(clean_text(_article(after=teasers))) == EN_BODY


def _flags(text: str) -> dict[str, Flag]:
    lines = read_lines(text)
    classify_lines(lines)
    return {line.text: line.flag for line in lines}


def test_notice_phrases_that_share_their_start_are_each_found() -> None:
    flags = _flags(
        "Cookie settings\nRead our cookie policy\nAlle Rechte vorbehalten.\nAlle Rechten voorbehouden."
    )
    assert list(flags.values()) == [Flag.LEGAL, Flag.LEGAL, Flag.FOOTER, Flag.FOOTER]


def test_notice_marks_its_own_line_and_not_its_neighbours() -> None:
    flags = _flags("\n".join([EN_BODY[0], "Privacy policy", EN_BODY[1], "Photo: Getty Images", EN_BODY[2]]))
    assert flags["Privacy policy"] is Flag.LEGAL
    assert flags["Photo: Getty Images"] is Flag.CREDIT
    assert [flags[line] for line in EN_BODY[:3]] == [Flag.NONE] * 3


def test_notice_past_the_head_of_a_long_paragraph_is_not_read() -> None:
    paragraph = EN_BODY[0] + " The council said that all rights reserved to residents would be kept."
    assert _flags(paragraph)[paragraph] is Flag.NONE
    assert _flags("All rights reserved. " + paragraph)["All rights reserved. " + paragraph] is Flag.FOOTER


def test_words_are_counted_alike_in_ascii_and_accented_lines() -> None:
    english, french = read_lines(
        "Rock-'n'-roll -- isn't dead_yet, 42 times.\nL'été -- n'est pas fini_encore, 42 fois."
    )
    assert english.tokens == ["rock-'n'-roll", "isn't", "dead_yet", "42", "times"]
    assert french.tokens == ["l'été", "n'est", "pas", "fini_encore", "42", "fois"]


def test_a_lowercase_line_naming_a_role_is_not_a_bio() -> None:
    bio = "Jane Marsh is a reporter covering city hall."
    assert _flags(bio)[bio] is Flag.BIO
    assert _flags(bio.lower())[bio.lower()] is Flag.NONE


def test_notice_phrases_open_and_end_with_a_letter() -> None:
    # The notice search relies on it: the boundary before a phrase is then a non-word character.
    phrases = RIGHTS_WORDS | LEGAL_WORDS | CREDIT_NAMES
    assert all(phrase[0].isalnum() and phrase[-1].isalnum() for phrase in phrases)


def test_notice_at_the_start_of_a_line_is_found_after_a_notice_on_the_line_before() -> None:
    flags = _flags("Photo: AFP\nAll rights reserved.\nCookie policy")
    assert list(flags.values()) == [Flag.CREDIT, Flag.FOOTER, Flag.LEGAL]
