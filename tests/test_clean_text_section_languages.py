"""Pages copied as text in German, Spanish, Polish, Russian and Greek: the head over a box of other
stories ("Ähnliche Beiträge", "Lea también: ...", "Читайте также") ends the article or is dropped
from it as the English one is, and a picture's short credit ("© Anna Weber / Bildagentur") between
two paragraphs does not end the article as a footer's copyright line does.

Every fixture is written for these tests."""

from __future__ import annotations

import pytest

from worker.clean.text import clean_text
from worker.clean.text_line_model import Flag
from worker.clean.text_lines import classify_lines, read_lines

GERMAN = [
    "Der Stadtrat hat am Montagabend beschlossen, die alte Brücke über den Fluss im kommenden Frühjahr "
    "abzureißen und durch einen Neubau zu ersetzen, der auch Radfahrern Platz bieten soll.",
    "Die Kosten für das Vorhaben werden auf rund zwölf Millionen Euro geschätzt, von denen das Land "
    "nach Angaben der Verwaltung etwa die Hälfte übernehmen will, wenn der Antrag rechtzeitig eingeht.",
    "Anwohner hatten sich in den vergangenen Monaten über den Lärm der Baustelle beklagt, die nun "
    "noch mindestens zwei Jahre bestehen bleiben wird, wie die Stadt in einer Mitteilung einräumte.",
]
GERMAN_TEASERS = [
    "Neue Buslinie verbindet ab Mai die Vororte mit dem Bahnhof.",
    "Die Bibliothek bleibt im Sommer drei Wochen lang geschlossen.",
    "Der Wochenmarkt zieht während der Bauarbeiten an den Hafen.",
]
SPANISH = [
    "El ayuntamiento aprobó el lunes por la noche un plan para renovar el mercado central de la ciudad, "
    "que lleva más de una década esperando una reforma de su cubierta y de sus instalaciones.",
    "Las obras comenzarán en otoño y durarán unos dieciocho meses, durante los cuales los comerciantes "
    "se trasladarán a una carpa provisional instalada en la plaza que hay junto a la estación.",
    "Los vecinos del barrio celebraron la noticia, aunque pidieron que se mantengan los precios de los "
    "puestos y que se respete el horario de apertura de los sábados por la mañana.",
]
POLISH = [
    "Rada miasta zdecydowała w poniedziałek wieczorem, że stary most nad rzeką zostanie rozebrany "
    "wiosną przyszłego roku, a na jego miejscu powstanie nowa przeprawa z drogą dla rowerów.",
    "Koszt inwestycji szacuje się na około dwanaście milionów złotych, z czego połowę ma pokryć "
    "województwo, jeśli wniosek o dofinansowanie zostanie złożony w terminie do końca miesiąca.",
    "Mieszkańcy okolicznych ulic od miesięcy skarżą się na hałas, a budowa potrwa co najmniej dwa "
    "lata, co przyznał w poniedziałek rzecznik urzędu miasta podczas konferencji prasowej.",
]
POLISH_TEASERS = [
    "Nowa linia autobusowa połączy od maja osiedla z dworcem.",
    "Biblioteka będzie zamknięta przez trzy tygodnie w lipcu.",
    "Targowisko przeniesie się na czas budowy bliżej portu.",
]
RUSSIAN = [
    "Городской совет в понедельник вечером решил снести старый мост через реку весной следующего года "
    "и построить на его месте новый, с отдельной полосой для велосипедистов и широкими тротуарами.",
    "Стоимость работ оценивается примерно в двенадцать миллионов, и половину этой суммы, по словам "
    "представителей администрации, готова взять на себя область, если заявку подадут вовремя.",
    "Жители соседних улиц уже несколько месяцев жалуются на шум, а стройка продлится ещё как минимум "
    "два года, признал в понедельник представитель городской администрации на пресс-конференции.",
]
RUSSIAN_TEASERS = [
    "Новый автобусный маршрут с мая свяжет окраины с вокзалом.",
    "Библиотека закроется на три недели в июле из-за ремонта.",
    "Рынок на время стройки переедет поближе к речному порту.",
]
GREEK = [
    "Το δημοτικό συμβούλιο αποφάσισε τη Δευτέρα το βράδυ να κατεδαφιστεί η παλιά γέφυρα του ποταμού "
    "την επόμενη άνοιξη και να χτιστεί στη θέση της μια νέα, με ξεχωριστή λωρίδα για τα ποδήλατα.",
    "Το κόστος του έργου εκτιμάται σε περίπου δώδεκα εκατομμύρια ευρώ, από τα οποία η περιφέρεια "
    "θα καλύψει τα μισά, εφόσον η αίτηση χρηματοδότησης υποβληθεί μέσα στην προθεσμία του μήνα.",
    "Οι κάτοικοι των γύρω δρόμων διαμαρτύρονται εδώ και μήνες για τον θόρυβο, και τα έργα θα "
    "διαρκέσουν τουλάχιστον δύο χρόνια ακόμη, όπως παραδέχθηκε ο εκπρόσωπος του δήμου τη Δευτέρα.",
]
GREEK_TEASERS = [
    "Νέα λεωφορειακή γραμμή θα συνδέει από τον Μάιο τα προάστια.",
    "Η βιβλιοθήκη θα μείνει κλειστή για τρεις εβδομάδες τον Ιούλιο.",
    "Η λαϊκή αγορά μεταφέρεται κοντά στο λιμάνι όσο κρατούν τα έργα.",
]


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(block) for block in blocks)


def _flags(lines: list[str]) -> list[Flag]:
    rows = read_lines(lines)
    classify_lines(rows)
    return [row.flag for row in rows]


@pytest.mark.parametrize(
    ("paragraphs", "head", "teasers"),
    [
        (GERMAN, "Ähnliche Beiträge", GERMAN_TEASERS),
        (GERMAN, "Das könnte dich auch interessieren", GERMAN_TEASERS),
        (POLISH, "Czytaj także", POLISH_TEASERS),
        (RUSSIAN, "Читайте также", RUSSIAN_TEASERS),
        (GREEK, "Διαβάστε επίσης", GREEK_TEASERS),
    ],
)
def test_a_box_of_other_stories_below_the_article_is_not_the_article(
    paragraphs: list[str], head: str, teasers: list[str]
) -> None:
    page = _page(["Lokales", "Startseite"], *([p] for p in paragraphs), [head], teasers, ["Impressum"])
    assert clean_text(page).paragraphs == paragraphs


def test_the_heads_are_section_heads_in_each_language() -> None:
    heads = ["Ähnliche Beiträge", "Verwandte Themen", "Czytaj także", "Читайте также", "Διαβάστε επίσης"]
    assert _flags(heads) == [Flag.SECTION] * len(heads)


def test_a_pointer_to_another_story_inside_the_article_is_dropped() -> None:
    pointer = "Lea también: El puerto amplía su horario de carga durante el verano"
    page = _page(["Noticias"], [SPANISH[0]], [pointer], *([p] for p in SPANISH[1:]))
    assert clean_text(page).paragraphs == SPANISH
    assert _flags([pointer]) == [Flag.CHROME]


CREDIT = "© Anna Weber / Bildagentur"


def test_a_short_credit_between_paragraphs_does_not_end_the_article() -> None:
    page = _page(["Lokales"], GERMAN[:1], [CREDIT], GERMAN[1:], ["© Stadtanzeiger Verlag"])
    assert clean_text(page).paragraphs == GERMAN


def test_a_short_credit_above_a_paragraph_is_a_credit_and_at_the_end_the_footer() -> None:
    assert _flags([GERMAN[0], CREDIT, GERMAN[1]])[1] is Flag.CREDIT
    assert _flags([GERMAN[0], GERMAN[1], CREDIT])[2] is Flag.FOOTER


def test_a_short_copyright_line_under_a_menu_and_over_prose_is_the_footer() -> None:
    """No article paragraph above it: the site's footer, with another page's prose (the next story, a
    cookie notice) under it, still ends what comes before it."""
    assert _flags(["Lokales", "Startseite", "© Stadtanzeiger Verlag", GERMAN[0]])[2] is Flag.FOOTER
