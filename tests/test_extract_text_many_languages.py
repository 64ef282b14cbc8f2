"""Authors and publish days read from whole-page plain text in many languages: the byline words,
date labels and time words of each language come from `languages.data`, and a name the page prints in
its author's address or link is still a name."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker.article import Metadata
from worker.document import Document, InputKind
from worker.extract.authors import clean_authors, writes_in_lowercase
from worker.extract.text import without_section_after
from worker.extract.text_dated_names import name_beside_date
from worker.extract.text_page_words import PageWords
from worker.pipeline import extract_article

NOW = datetime(2026, 12, 6, tzinfo=UTC)

# A short page per language: a menu, the headline, the byline cluster, three paragraphs of prose.
PROSE = {
    "pl": [
        "Rada miasta zdecydowała we wtorek o uruchomieniu nowego połączenia promowego na wyspy po dwóch "
        "latach sporów i licznych konsultacji z mieszkańcami oraz przewoźnikami.",
        "Pierwsze statki mają wypłynąć wiosną, gdy tylko zostanie odbudowana przystań, która od dawna "
        "wymagała remontu i była zamknięta dla pasażerów przez większą część roku.",
        "Mieszkańcy wysp od lat skarżyli się na brak regularnych połączeń, które zmuszały ich do długich "
        "podróży przez ląd, a radni obiecali, że rozkład będzie gotowy jeszcze przed latem.",
    ],
    "hu": [
        "A városi tanács kedden döntött arról, hogy két év vita és számos egyeztetés után új kompjáratot "
        "indít a szigetekre, amelyet a lakók már régóta kértek a képviselőktől.",
        "Az első hajók tavasszal indulnak, amint a régi kikötőt újjáépítik, amely az év nagy részében "
        "zárva volt az utasok előtt, és sürgős felújításra szorult a téli viharok után.",
        "A szigeteken élők évek óta panaszkodtak a rendszeres járatok hiányára, ezért hosszú utakat "
        "kellett megtenniük a szárazföldön keresztül, a tanács pedig nyár előtt közli a menetrendet.",
    ],
    "tr": [
        "Belediye meclisi salı günü, iki yıl süren tartışmalar ve sakinlerle yapılan çok sayıda görüşmenin "
        "ardından adalara yeni bir feribot hattı açılmasına karar verdi ve planı onayladı.",
        "İlk gemilerin, uzun süredir onarım bekleyen ve yılın büyük bölümünde yolculara kapalı kalan iskele "
        "yeniden inşa edilir edilmez ilkbaharda sefere başlaması bekleniyor.",
        "Ada sakinleri yıllardır düzenli seferlerin olmamasından şikâyet ediyor ve karadan uzun yolculuklar "
        "yapmak zorunda kalıyordu; meclis tarifenin yazdan önce hazır olacağını söyledi.",
    ],
    "de": [
        "Der Gemeinderat hat am Dienstag nach zwei Jahren Streit und vielen Gesprächen mit den Anwohnern "
        "die neue Fährverbindung zu den Inseln beschlossen und den Plan der Verwaltung gebilligt.",
        "Die ersten Boote sollen im nächsten Frühjahr fahren, sobald der alte Anleger neu gebaut worden "
        "ist, der den größten Teil des Jahres für die Fahrgäste gesperrt war.",
        "Die Bewohner der Inseln klagen seit Jahren über fehlende regelmäßige Verbindungen, die sie zu "
        "langen Umwegen über das Festland zwingen; der Fahrplan soll vor dem Sommer stehen.",
    ],
    "pt": [
        "A câmara municipal decidiu na terça-feira abrir uma nova ligação de ferry para as ilhas, depois "
        "de dois anos de discussão e de muitas reuniões com os moradores e os operadores.",
        "Os primeiros barcos devem partir na primavera, assim que o velho cais for reconstruído, depois de "
        "ter estado fechado aos passageiros durante a maior parte do ano passado.",
        "Os moradores das ilhas queixam-se há anos da falta de ligações regulares, que os obrigam a longas "
        "viagens pelo continente, e os vereadores prometeram o horário antes do verão.",
    ],
}


# Each page's headline in its own language, so no language's words are read on another's page.
HEADLINES = {
    "pl": "Nowe połączenie promowe na wyspy",
    "hu": "Új kompjárat indul a szigetekre",
    "tr": "Adalara yeni feribot hattı açılıyor",
    "de": "Neue Fähre zu den Inseln",
    "pt": "Nova ligação de ferry para as ilhas",
}


def _page(language: str, header: list[str]) -> str:
    menu = ["Start", "Kontakt", "Archiv"]
    return "\n\n".join([*menu, *header, *PROSE[language], "© 2025 Example Media"])


def _read(language: str, header: list[str]) -> Metadata:
    return extract_article(Document(_page(language, header), InputKind.TEXT, None), now=NOW).metadata


@pytest.mark.parametrize(
    ("language", "byline", "name"),
    [
        ("pl", "Autorka: Anna Nowak", "Anna Nowak"),
        ("pl", "Tekst: Jan Kowalski", "Jan Kowalski"),
        ("hu", "Szerző: Kovács Anna", "Kovács Anna"),
        ("tr", "Yazar: Ayşe Demir", "Ayşe Demir"),
        ("de", "Kolumnist*in: Kim Weber", "Kim Weber"),
        ("pt", "Autora: Ana Costa", "Ana Costa"),
    ],
)
def test_a_byline_opened_by_its_languages_word_names_its_author(
    language: str, byline: str, name: str
) -> None:
    metadata = _read(language, [HEADLINES[language], byline, "12.03.2025"])
    assert metadata.authors == [name]


def test_a_translators_credit_names_no_author() -> None:
    metadata = _read("de", [HEADLINES["de"], "Übersetzung Kim Weber, 12.03.25"])
    assert metadata.authors == []


@pytest.mark.parametrize(
    ("language", "stamp", "day"),
    [
        ("pt", "postado em 04/05/2025 05:49", "2025-05-04"),
        ("de", "Veröffentlichung: 16. Oktober 2024", "2024-10-16"),
        ("de", "Letzte Aktualisierung: 28.01.2025", "2025-01-28"),
        ("hu", "Közzétéve: 2025. március 12.", "2025-03-12"),
    ],
)
def test_a_labelled_date_of_its_language_is_the_publish_day(language: str, stamp: str, day: str) -> None:
    metadata = _read(language, [HEADLINES[language], stamp])
    assert (metadata.published or "")[:10] == day


def test_an_updated_label_after_the_name_is_no_part_of_it() -> None:
    metadata = _read("de", [HEADLINES["de"], "Kim Weber Zuletzt geändert am 06.11.2024"])
    assert metadata.authors == ["Kim Weber"]
    assert (metadata.published or "")[:10] == "2024-11-06"


def test_a_name_after_a_date_and_a_lone_comma_is_the_author() -> None:
    common = PageWords(PROSE["de"], 0)
    assert name_beside_date("1. Februar 2022 , Kim Weber", common) == "Kim Weber"


def test_a_time_word_of_its_language_belongs_to_the_date() -> None:
    common = PageWords(PROSE["de"], 0)
    assert name_beside_date("19.2.2020 klo 14.00 Kim Weber", common) == "Kim Weber"


@pytest.mark.parametrize(
    "text",
    [
        "Schreiben Sie an kim.weber@example.org",
        "Kontakt: kim.weber | example.org",
        "Mehr von ihr: https://example.org/autor/kim-weber/",
        "Ihr Blog: kimweber.se",
    ],
)
def test_a_name_in_an_address_or_a_link_is_not_the_page_writing_it_in_lowercase(text: str) -> None:
    word = "kimweber" if "kimweber" in text else "kim"
    assert not writes_in_lowercase(word, text)


def test_a_word_before_a_full_stop_and_a_capital_is_the_pages_word() -> None:
    assert writes_in_lowercase("ende", "bis zum ende.Dann")


def test_a_gender_star_is_no_footnote_mark() -> None:
    assert clean_authors(["Autor*in: Kim Weber"]) == ["Kim Weber"]
    assert clean_authors(["Jane Doe, MD*"]) == ["Jane Doe, MD"]


def test_a_gender_star_before_a_capital_is_no_footnote_mark() -> None:
    assert clean_authors(["Autor*In: Kim Weber"]) == ["Kim Weber"]
    assert clean_authors(["AUTOR*IN: KIM WEBER"]) == ["Kim Weber"]


def test_a_plural_byline_word_names_every_author() -> None:
    assert clean_authors(["Autor*innen: Kim Weber und Jan Roth"]) == ["Kim Weber", "Jan Roth"]
    assert clean_authors(["Autoren: Kim Weber und Jan Roth"]) == ["Kim Weber", "Jan Roth"]
    assert clean_authors(["Autor_innen: Kim Weber und Jan Roth"]) == ["Kim Weber", "Jan Roth"]


def test_dan_is_a_given_name_not_a_joining_word() -> None:
    assert clean_authors(["Dan Goodin"]) == ["Dan Goodin"]


def test_a_section_the_menu_prints_after_the_name_is_no_part_of_it() -> None:
    lines = ["Kultur", "Reisen", "Neue Fähre zu den Inseln", "30. Oktober 2024 Kim Weber Kultur"]
    assert without_section_after(["Kim Weber Kultur"], lines, title_line=2) == ["Kim Weber"]


def test_an_outlet_the_page_prints_after_the_name_is_no_part_of_it() -> None:
    lines = ["Fährblatt International", "Neue Fähre zu den Inseln", "von Kim Weber Fährblatt International"]
    assert without_section_after(["Kim Weber Fährblatt International"], lines, title_line=1) == ["Kim Weber"]


def test_a_name_the_page_prints_whole_keeps_its_words() -> None:
    lines = ["Weber", "Dr. Kim Weber", "von Dr. Kim Weber"]
    assert without_section_after(["Dr. Kim Weber"], lines) == ["Dr. Kim Weber"]


def test_a_surname_printed_once_under_the_headline_is_no_section() -> None:
    lines = ["Noticias", "Nuevo ferry a las islas", "Por María García López", "López", "Periodista de puerto"]
    assert without_section_after(["María García López"], lines, title_line=1) == ["María García López"]


def test_a_section_printed_twice_under_the_headline_is_cut_off() -> None:
    lines = ["Nuevo ferry a las islas", "Por María García López Cultura", "Cultura", "Más", "Cultura"]
    cut = without_section_after(["María García López Cultura"], lines, title_line=0)
    assert cut == ["María García López"]


def test_a_name_keeps_two_words_whatever_the_menu_prints() -> None:
    assert without_section_after(["Kim Weber"], ["Weber", "Kim Weber Kultur"]) == ["Kim Weber"]


def test_titles_after_a_name_the_author_box_prints_alone_are_cut_off() -> None:
    lines = [
        "Why the Island Ferries Run Late",
        "Written By: Greta Wendholm Gardener & Astrologer",
        "Greta Wendholm",
    ]
    assert without_section_after(["Greta Wendholm Gardener"], lines, title_line=0) == ["Greta Wendholm"]


@pytest.mark.parametrize(
    ("language", "line", "name"),
    [
        ("pt", "Esportes | Por: Ana Costa | Atualizado em 12.03.2025", "Ana Costa"),
        ("de", "Politik | Von: Kim Weber | 12.03.2025", "Kim Weber"),
    ],
)
def test_a_labelled_byline_between_a_section_and_a_date_names_its_author(
    language: str, line: str, name: str
) -> None:
    metadata = _read(language, [HEADLINES[language], line])
    assert (metadata.authors, metadata.published) == ([name], "2025-03-12")


def test_an_opener_before_a_particle_and_one_word_names_no_one() -> None:
    metadata = _read("pt", [HEADLINES["pt"], "Texto de Outono", "12.03.2025"])
    assert metadata.authors == []


def test_one_capitalised_word_joined_by_and_on_a_page_capitalising_its_nouns_makes_a_heading() -> None:
    metadata = _read("de", [HEADLINES["de"], "Von Hamburger Fischbrötchen und Krabbenkuttern", "12.03.2025"])
    assert metadata.authors == []


def test_full_names_joined_by_and_on_a_page_capitalising_its_nouns_are_the_authors() -> None:
    metadata = _read("de", [HEADLINES["de"], "Von Kim Weber und Jana Brandt", "12.03.2025"])
    assert metadata.authors == ["Kim Weber", "Jana Brandt"]


@pytest.mark.parametrize("desk", ["Agenturen", "Redaktion"])
def test_a_full_name_joined_by_and_to_the_agencies_or_the_desk_is_the_author(desk: str) -> None:
    metadata = _read("de", [HEADLINES["de"], f"Von Kim Weber und {desk}", "12.03.2025"])
    assert metadata.authors == ["Kim Weber"]


def test_a_name_joined_by_and_to_an_agency_in_lowercase_is_the_author() -> None:
    metadata = _read("de", [HEADLINES["de"], "Von Kim Weber und dpa"])
    assert metadata.authors == ["Kim Weber"]
