"""The header of a page copied as text in scripts without case or without spaces between words.

Chinese and Japanese write no space between words, and neither they nor Arabic, Hebrew, Hindi or
Korean have capitals: a headline there is found by the same evidence as in English once words are
counted as a reader counts them and a caseless word reads as running text's. The pages are written
here for the purpose.
"""

from __future__ import annotations

from worker.extract.text_header import read_header
from worker.extract.text_signs import (
    looks_like_headline,
    looks_like_prose,
    word_count,
)

JA_HEADLINE = "港の新しいフェリー乗り場、来夏に開業へ"
JA_LEAD = (
    "港湾局は火曜日、二年間の審議を経て新しいフェリー乗り場の建設を承認した。"
    "最初の船は来年の夏に着岸する見込みだという。"
)
JA_SECOND = "住民は、乗り場が旧市街の狭い通りに車を呼び込むと反対してきた。港湾局は交通対策を約束している。"
AR_HEADLINE = "الموافقة على محطة العبارات الجديدة بعد عامين"
AR_LEAD = (
    "وافقت سلطة الميناء يوم الثلاثاء على محطة العبارات الجديدة بعد عامين من الجلسات "
    "وقالت إن أول القوارب سترسو الصيف المقبل."
)
AR_SECOND = "وكان السكان قد قالوا إن المحطة ستجلب حركة المرور إلى الحي القديم وشوارعه الضيقة في وسط المدينة."


def test_a_japanese_headline_counts_its_characters_as_words() -> None:
    assert word_count(JA_HEADLINE) >= 3
    assert looks_like_headline(JA_HEADLINE)


def test_a_two_character_menu_entry_is_no_headline() -> None:
    assert not looks_like_headline("経済")


def test_a_japanese_sentence_is_prose_and_no_headline() -> None:
    assert looks_like_prose(JA_LEAD)
    assert not looks_like_headline(JA_LEAD)


def test_an_arabic_paragraph_is_prose_though_no_word_is_lowercase() -> None:
    assert looks_like_prose(AR_LEAD)


def test_the_japanese_headline_above_the_date_is_the_title() -> None:
    lines = ["ホーム", "ニュース", "経済", "スポーツ", JA_HEADLINE, "2025年3月4日 10:00", JA_LEAD, JA_SECOND]
    header = read_header(lines, [6, 7])
    assert header.title == JA_HEADLINE
    assert header.published == "2025-03-04"


def test_the_arabic_headline_above_the_lead_is_the_title() -> None:
    lines = ["الرئيسية", "أخبار", "رياضة", AR_HEADLINE, AR_LEAD, AR_SECOND]
    assert read_header(lines, [4, 5]).title == AR_HEADLINE


def test_a_latin_line_counts_its_spaced_words() -> None:
    assert word_count("Ferry terminal approved after two years") == 6


def test_a_long_japanese_teaser_without_a_full_stop_is_no_prose() -> None:
    assert not looks_like_prose("東京都の新しいフェリー乗り場をめぐる住民説明会の日程と会場の一覧")


def test_a_related_teaser_above_the_headline_leaves_the_headline_the_title() -> None:
    teaser = "東京都の新しいフェリー乗り場をめぐる住民説明会の日程と会場の一覧"
    lines = ["ホーム", "ニュース", teaser, "経済", JA_HEADLINE, "2025年3月4日 10:00", JA_LEAD, JA_SECOND]
    assert read_header(lines, [6, 7]).title == JA_HEADLINE
