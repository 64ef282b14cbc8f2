"""An article is kept whole: a section marker (in CJK text, a short line in full-width brackets
such as ＜…＞ or 【…】) over a box of its own does not end it, and a lone long paragraph brings the
short ones beside it. Pages written here."""

from __future__ import annotations

from worker.clean import clean_html
from worker.clean.html_cut import main_candidates
from worker.parse import parse_html

LEAD = [
    "気象庁によりますと、きょう午前十時ごろ、関東地方で強い揺れを観測する地震がありました。"
    "震源の深さはおよそ五十キロと推定されています。",
    "この地震による津波の心配はないということです。鉄道各社は安全確認のため、一部の路線で運転を見合わせています。",
    "各地の震度は次のとおりです。気象庁は詳しい情報を順次発表するとしています。",
]
INTENSITY = ["東京都の千代田区などで震度5弱を観測しました。"]
TRAFFIC = ["新幹線は点検のため一時運転を見合わせましたが、午前十一時すぎに全線で運転を再開しました。"]


def section(paragraphs: list[str]) -> str:
    return "<div class='body-text'>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"


def quake_report(marker_tag: str) -> str:
    body = (
        section(LEAD)
        + f"<{marker_tag}>＜震度5弱＞</{marker_tag}>"
        + section(INTENSITY)
        + f"<{marker_tag}>【交通への影響】</{marker_tag}>"
        + section(TRAFFIC)
    )
    return (
        "<html><head><title>関東で震度5弱の地震</title></head><body>"
        "<div class='nav'><a href='/'>トップ</a> <a href='/news'>ニュース</a></div>"
        f"<div class='main'><h1>関東で震度5弱の地震</h1>{body}</div></body></html>"
    )


def test_cjk_section_marker_heading_does_not_end_the_article() -> None:
    paragraphs = clean_html(parse_html(quake_report("h3")))
    assert paragraphs == [*LEAD, "＜震度5弱＞", *INTENSITY, "【交通への影響】", *TRAFFIC]


def test_cjk_section_marker_line_does_not_end_the_article() -> None:
    paragraphs = clean_html(parse_html(quake_report("p")))
    assert paragraphs == [*LEAD, "＜震度5弱＞", *INTENSITY, "【交通への影響】", *TRAFFIC]


def test_text_under_a_boilerplate_heading_after_the_article_stays_out() -> None:
    page = quake_report("h3").replace(
        "</div></body>",
        "<h3>Related articles</h3><div class='body-text'><p>The harbour council voted on Tuesday to "
        "extend the northern pier by forty metres, ending a long dispute.</p></div></div></body>",
    )
    paragraphs = clean_html(parse_html(page))
    assert paragraphs[-1] == TRAFFIC[0]


def test_a_lone_long_paragraph_is_not_taken_for_the_whole_article() -> None:
    page = (
        "<html><body><div class='menu'><a href='/a'>Home</a> <a href='/b'>Archive</a> <a href='/c'>About</a>"
        "</div><div class='post'><p>A quick note today.</p><p>We walked along the old canal this morning "
        "and counted eleven herons standing in the shallows, more than we have ever seen there at once, "
        "and a kingfisher that flashed past twice.</p><p>Photos tomorrow.</p></div></body></html>"
    )
    root = parse_html(page)
    assert [el.get("class") for el in main_candidates(root)] == ["post"]


def test_of_marked_bodies_holding_the_same_text_the_outermost_is_the_article() -> None:
    prose = (
        "<p>The ferry between the two islands runs again from Monday, after the harbour wall that "
        "storms broke in January was rebuilt over the spring.</p>"
    )
    page = (
        "<html><body><div class='menu'><a href='/a'>Home</a> <a href='/b'>Archive</a></div>"
        f"<article class='outer'><article class='inner'>{prose * 3}</article></article></body></html>"
    )
    root = parse_html(page)
    assert [el.get("class") for el in main_candidates(root)] == ["outer"]


HARBOUR = [
    "The harbour council voted on Tuesday to extend the northern pier by forty metres, ending a dispute "
    "that had divided the town's fishermen and its ferry operators for almost a decade.",
    "Work is due to start in the spring, once the survey of the seabed has been checked by an "
    "independent engineer and the last objections have been heard by the planning board.",
    "The ferry company said the longer pier would let its larger boats dock at low tide, which should "
    "end the cancellations that have stranded travellers on the island every winter.",
    "Fishermen, who had feared losing their moorings, were promised new berths on the southern side "
    "of the harbour, paid for by the same grant that funds the extension.",
]
TEASER = (
    "<a href='/pier-history'>How the old pier was built, and why it was never long enough</a> "
    "looks back at a century of storms."
)


def harbour_story(related: str) -> str:
    first, second = (f"<p>{p}</p>" for p in HARBOUR[:2])
    rest = "".join(f"<p>{p}</p>" for p in HARBOUR[2:])
    return (
        "<html><head><title>Pier to be extended</title></head><body>"
        "<div class='nav'><a href='/'>Home</a> <a href='/news'>News</a></div>"
        f"<div class='story'><h1>Pier to be extended</h1>{first}{second}{related}{rest}</div></body></html>"
    )


def test_a_related_line_among_the_articles_paragraphs_drops_its_item_and_the_article_goes_on() -> None:
    paragraphs = clean_html(parse_html(harbour_story(f"<p>Related</p><p>{TEASER}</p>")))
    assert paragraphs == HARBOUR


def test_a_related_line_among_the_articles_paragraphs_drops_its_list_and_the_article_goes_on() -> None:
    links = "".join(f"<li><a href='/s{i}'>Harbour story number {i} of the week</a></li>" for i in range(3))
    paragraphs = clean_html(parse_html(harbour_story(f"<p>Related stories</p><ul>{links}</ul>")))
    assert paragraphs == HARBOUR


def teaser_card(i: int) -> str:
    return (
        f"<p><a href='/ferry-{i}'>Ferry story number {i} of the week</a></p>"
        f"<p>In story {i}, the crew of the island ferry spent the night repairing an engine that had failed "
        "in a storm off the point.</p>"
    )


def test_a_related_line_after_the_articles_paragraphs_drops_the_teaser_cards_under_it() -> None:
    cards = "<p>Related</p>" + "".join(teaser_card(i) for i in range(3))
    paragraphs = clean_html(parse_html(harbour_story("").replace("</div></body>", cards + "</div></body>")))
    assert paragraphs == HARBOUR


def test_teaser_cards_under_a_related_line_among_the_articles_paragraphs_are_not_read_as_it() -> None:
    cards = "<p>Related</p>" + "".join(teaser_card(i) for i in range(2))
    paragraphs = clean_html(parse_html(harbour_story(cards)))
    assert paragraphs[:2] == HARBOUR[:2]
    assert not any("the crew of the island ferry" in p for p in paragraphs)


def test_a_related_line_whose_list_was_pruned_drops_no_paragraph_of_the_article() -> None:
    links = "".join(f"<li><a href='/s{i}'>Harbour story number {i} of the week</a></li>" for i in range(3))
    page = harbour_story(f"<p>Related stories</p><ul>{links}</ul>")
    assert clean_html(parse_html(page), rules_only=True) == HARBOUR
