"""Pages laid out the way the web was written before <p> was the rule: the article's text set straight
into a table cell or a <div>, its paragraphs parted by <br><br>, in <font> tags, with no <article> or
<main> to mark it. The cleaner keeps such an article as it keeps one written in paragraphs.

Each page is written here; each test checks one behaviour.
"""

from __future__ import annotations

from tests.html_articles import ARTICLES
from tests.html_articles import clean as _clean
from worker.clean.html import clean_html
from worker.parse import parse_html

ARTICLE = [
    *ARTICLES["en"],
    "The ferry company said it would move its morning crossing to the southern quay while the work "
    "goes on, and that it expects no cancellations because of the building site.",
    "Fishermen who had opposed the plan said they would watch the survey closely, since the seabed "
    "north of the pier is where most of the town's boats set their lobster pots.",
]
LETTERS = [
    "As a lobster fisherman for thirty years I can tell the council that the boats north of the pier "
    "will have nowhere to go while the piles are driven, and nobody has asked us where we should moor.",
    "The ferry timetable is the least of it: the southern quay floods at every spring tide, and the "
    "council has known this since the storm two winters ago without doing anything about it.",
]
MENU = "".join(f"<a href='/s{i}'>Section {i}</a> | " for i in range(8))


def _lines(texts: list[str]) -> str:
    """Paragraphs set as text parted by blank lines, the way old pages wrote them."""
    return "<br><br>\n".join(texts)


def _kept(page: str) -> str:
    return " ".join(_clean(page))


def test_text_parted_by_breaks_in_a_box_named_as_a_sidebar_is_the_article_when_most_of_the_page() -> None:
    # The template's column class names a sidebar layout ("with-sidebar"): a page written in <p>
    # keeps such a column when it holds most of the page's paragraph text; text written with <br>
    # is paragraph text just the same.
    page = (
        f"<html><body><div class='menu'>{MENU}</div>"
        f"<div class='column with-sidebar'><h1>Harbour council votes</h1>{_lines(ARTICLE)}</div>"
        "<div class='footer'>Copyright the Harbour Gazette</div></body></html>"
    )
    kept = _kept(page)
    for text in ARTICLE:
        assert text in kept


def test_a_hidden_raw_copy_of_the_article_does_not_count_as_its_text() -> None:
    # A "republish this story" dialog, hidden until clicked, holds the article again, twice, as raw
    # text parted by <br>: the reader never sees it, so it does not make the dialog the page's article.
    raw = _lines(ARTICLE + ARTICLE)
    page = (
        f"<html><body><div class='menu'>{MENU}</div>"
        f"<div class='story'><h1>Harbour council votes</h1><p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p>"
        f"<p>{ARTICLE[2]}</p></div>"
        f"<div class='share-modal' style='display:none'><div>{raw}</div></div></body></html>"
    )
    kept = _kept(page)
    assert ARTICLE[0] in kept
    assert ARTICLE[3] not in kept


def test_a_forms_lines_parted_by_breaks_are_not_paragraph_text() -> None:
    # A consent form in the sidebar sets its terms straight into the <form>, line by line: longer than
    # the short report beside it, it still is no article text, and the sidebar stays dropped.
    terms = [
        f"Term {i}: by sending this form you agree that the Gazette may keep your name, address and "
        "letter for as long as the letters page needs them."
        for i in range(6)
    ]
    page = (
        f"<html><body><div class='menu'>{MENU}</div>"
        f"<div class='story'><h1>Harbour council votes</h1><p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p></div>"
        f"<div class='sidebar'><form action='/letters'>{_lines(terms)}<button>Send</button></form></div>"
        "</body></html>"
    )
    kept = _kept(page)
    assert ARTICLE[0] in kept
    assert "Term 3" not in kept


def _layout_table(text: str) -> str:
    """The page's layout table, its cell opening with a breadcrumb and a row of share links, the text,
    then the tag links; readers' letters below the table make the box of both the page's text."""
    return (
        f"<html><body><div class='menu'>{MENU}</div><div><h1>Harbour council votes</h1><table><tr><td>"
        "<a href='/news'>News</a> &raquo; <a href='/news/town'>Town news</a> &raquo;"
        "<center><a href='/share/mail'>Mail</a> <a href='/share/print'>Print</a></center>"
        f"{text}<div><a href='/tag/harbour'>Harbour</a>, <a href='/tag/council'>Council</a></div>"
        f"</td></tr></table><h3>Letters</h3><p>{LETTERS[0]}</p><p>{LETTERS[1]}</p></div>"
        "<div class='footer'>Copyright the Harbour Gazette</div></body></html>"
    )


def test_a_prose_cell_in_a_layout_table_is_not_an_item_of_a_headline_list() -> None:
    # Three of the four runs of text in the table open with a link, yet the run holding most of the
    # table's text is the article, not a teaser in a list of headlines.
    page = _layout_table(" ".join(ARTICLE[:4]))
    assert ARTICLE[0] in _kept(page)


def test_prose_parted_by_a_box_of_links_in_a_layout_table_is_not_a_headline_list() -> None:
    # An "also read" box set in the middle of the text: two runs of prose among four of links.
    also = "<div><a href='/older'>Also read: the pier's first extension</a></div>"
    page = _layout_table(f"{' '.join(ARTICLE[:3])}{also}{' '.join(ARTICLE[3:])}")
    kept = _kept(page)
    assert ARTICLE[0] in kept
    assert ARTICLE[3] in kept


def test_a_table_of_headlines_with_their_teasers_in_cells_of_their_own_is_still_dropped() -> None:
    # Each linked headline has its teaser in the cell below it: as many runs of prose as of links. (The
    # rules' verdict: the block model may still weigh such teasers on its own evidence.)
    rows = "".join(
        f"<tr><td><div><a href='/story/{i}'>Story {i} of the week</a></div>"
        f"<div>{LETTERS[i % 2]}</div></td></tr>"
        for i in range(4)
    )
    page = (
        f"<html><body><div class='menu'>{MENU}</div><div><h1>Harbour council votes</h1>"
        f"<p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p><h3>More stories</h3><table>{rows}</table></div>"
        "</body></html>"
    )
    assert LETTERS[0] not in " ".join(clean_html(parse_html(page), rules_only=True))


def test_a_long_comment_in_a_table_of_comments_after_the_article_is_not_spared() -> None:
    # Readers' comments set in a table after the article, each between its writer's link and a reply
    # link: the one long comment holds most of the table's text, yet the page's article is the text
    # before the table, not the comment.
    grumble = (
        "I have walked this pier every morning for forty years and I can say that nobody on the council "
        "ever asked the people who use it what they wanted. The last extension was built in a hurry, its "
        "concrete cracked within two winters and the contractor never paid for the repairs. Before another "
        "penny is spent I would like an honest account of what went wrong last time and who answers for it."
    )
    rows = "".join(
        f"<tr><td><a href='/reader/{i}'>Reader {i}</a> wrote:</td></tr><tr><td>{text}</td></tr>"
        "<tr><td><a href='/reply'>Reply</a></td></tr>"
        for i, text in enumerate(("Good news at last.", grumble, "About time too!"))
    )
    page = (
        f"<html><body><div class='menu'>{MENU}</div><h1>Harbour council votes</h1>"
        f"{''.join(f'<p>{text}</p>' for text in ARTICLE)}<table>{rows}</table>"
        "<div class='footer'>Copyright the Harbour Gazette</div></body></html>"
    )
    kept = _kept(page)
    assert ARTICLE[0] in kept
    assert "forty years" not in kept
