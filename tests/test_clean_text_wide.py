"""Plain-text body of pages in scripts written without spaces (Japanese, Chinese).

Every fixture is written for these tests: a page copied whole, with its menu, headline, body and footer.
"""

from __future__ import annotations

from worker.clean.text import clean_text
from worker.clean.text_line_model import LineClass
from worker.clean.text_lines import classify_lines, read_lines
from worker.clean.text_stopwords import STOPWORDS
from worker.clean.text_wide import measure_wide_lines

JA_MENU = ["ホーム", "ニュース", "国際", "経済", "スポーツ", "天気"]
JA_BODY = [
    "きのうの夕方、町の中心にある古い図書館で小さな火事があり、消防によると、けがをした人はいませんでした。",
    "火は二階の倉庫から出たとみられ、職員がすぐに気づいて消火器で消したため、本への被害は少なかったということです。",
    "図書館は来週の月曜日まで休館し、その間に電気の配線を調べて、安全が確認できてから再開する予定です。",
    "町の人たちは、子どものころから通っている大切な場所なので、早く元の姿に戻ってほしいと話していました。",
]
JA_FOOTER = ["利用規約", "お問い合わせ", "サイトマップ"]

ZH_MENU = ["首页", "新闻", "体育", "财经", "科技", "更多"]
ZH_BODY = [
    "本市今年秋天在河边新建了一条自行车道，全长十二公里，连接了老城区和新建的大学城。",
    "市交通局的负责人表示，这条车道开放以后，每天早上有很多学生和上班的人都选择骑车出行。",
    "他说：“我们希望以后能在更多的街道上修建这样的车道，让大家出行更方便。”",
    "不过，也有一些住在附近的居民认为，车道占用了原来的停车位，给他们带来了不便。",
]
ZH_FOOTER = ["关于我们", "联系我们", "版权所有"]


def page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part)


def measured(text: str) -> list:
    lines = read_lines(text, STOPWORDS)
    measure_wide_lines(lines, STOPWORDS)
    classify_lines(lines)
    return lines


def test_japanese_prose_lines_carry_function_characters_as_stop_words() -> None:
    line = measured(JA_BODY[0])[0]
    assert line.stop >= 0.25
    assert line.words > 10


def test_a_japanese_menu_item_has_no_stop_words() -> None:
    assert measured("スポーツ")[0].stop == 0.0


def test_chinese_prose_lines_carry_function_characters_as_stop_words() -> None:
    assert measured(ZH_BODY[1])[0].stop >= 0.25


def test_a_clause_ending_on_an_ideographic_comma_reads_as_a_sentence() -> None:
    assert measured("その後、町の人たちは集まって、")[0].sentence


def test_a_quote_closing_after_a_full_stop_reads_as_a_sentence() -> None:
    assert measured(ZH_BODY[2])[0].sentence


def test_a_long_chinese_menu_row_on_a_page_of_prose_is_not_prose() -> None:
    row = "时政 地方 法治 高层 人事 理论 国际 军事 访谈 港澳 台湾 华人 财经 汽车 房产 教育 科技 体育"
    assert measured(page([row], ZH_BODY))[0].kind is LineClass.BAD


def test_a_latin_line_is_left_as_read() -> None:
    text = "The council met on Tuesday to vote on the plan for new bike lanes in the old town."
    plain = read_lines(text, STOPWORDS)[0]
    again = measured(text)[0]
    assert (again.words, again.stop, again.sentence) == (plain.words, plain.stop, plain.sentence)


def test_japanese_article_is_kept_without_menu_or_footer() -> None:
    layout = clean_text(page(JA_MENU, ["町の図書館で火事"], JA_BODY, JA_FOOTER))
    assert layout.paragraphs == JA_BODY


def test_chinese_article_is_kept_without_menu_or_footer() -> None:
    layout = clean_text(page(ZH_MENU, ["河边新建自行车道"], ZH_BODY, ZH_FOOTER))
    assert layout.paragraphs == ZH_BODY


def test_a_sentence_split_over_lines_at_its_commas_stays_in_the_article() -> None:
    split = ["また、図書館では、", "古い本の修理や、", "子ども向けの読み聞かせも続けるということです。"]
    layout = clean_text(page(JA_MENU, JA_BODY, split, JA_FOOTER))
    assert layout.paragraphs == JA_BODY + split


def test_a_bracketed_section_marker_inside_the_article_stays_in_it() -> None:
    marker = "＜今後の予定＞"
    layout = clean_text(page(JA_MENU, JA_BODY[:2], [marker], JA_BODY[2:], JA_FOOTER))
    assert marker in layout.paragraphs
    assert layout.paragraphs[-1] == JA_BODY[-1]


TH_MENU = ["หน้าแรก", "ข่าว", "กีฬา", "บันเทิง", "เศรษฐกิจ"]
TH_BODY = [
    "เมื่อวานนี้ฝนตกหนักในกรุงเทพมหานคร ทำให้ถนนหลายสายมีน้ำท่วมขัง และการจราจรติดขัดเป็นเวลานานหลายชั่วโมง",
    "เจ้าหน้าที่ของเมืองได้นำเครื่องสูบน้ำไปติดตั้งในจุดที่มีน้ำท่วม เพื่อเร่งระบายน้ำออกจากพื้นที่ให้เร็วที่สุด",
    "นักพยากรณ์อากาศคาดว่าฝนจะยังคงตกต่อเนื่องไปอีกสองถึงสามวัน จึงขอให้ประชาชนติดตามข่าวสารอย่างใกล้ชิด",
]
TH_FOOTER = ["ติดต่อเรา", "แผนผังเว็บไซต์"]


def test_a_thai_line_without_a_full_stop_reads_as_a_sentence_of_function_words() -> None:
    line = measured(TH_BODY[0])[0]
    assert line.sentence
    assert line.stop >= 0.25


def test_thai_article_is_kept_without_menu_or_footer() -> None:
    layout = clean_text(page(TH_MENU, ["ฝนตกหนักในเมืองหลวง"], TH_BODY, TH_FOOTER))
    assert layout.paragraphs == TH_BODY


def test_a_sentence_followed_by_a_bracketed_credit_reads_as_a_sentence() -> None:
    assert measured("新的车道将在明年春天全部开放。（记者 王明）")[0].sentence
