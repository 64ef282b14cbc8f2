"""A match's or an event's live commentary, named as "comments" by its template ("live-match-comments"),
is the page's text written by the newsroom minute by minute, not the readers' comments
(`worker.clean.selectors.LIVE_COMMENTARY`). Pages written here."""

from __future__ import annotations

from tests.html_articles import clean

MINUTES = [
    (
        "90'",
        "It is over at the riverside ground: the visitors held on for a draw after a tense last ten minutes.",
    ),
    ("74'", "A corner for the home side, but the header goes well over the bar."),
    ("52'", "The keeper tips a long shot round the post after a quick break down the left."),
    ("3'", "Both sides are feeling each other out in these first minutes."),
]


def _match_page(box: str, entry: str) -> str:
    entries = "".join(
        f"<div class='{entry}'><div class='{entry}-time'>{minute}</div>"
        f"<div class='{entry}-body'>{text}</div></div>"
        for minute, text in MINUTES
    )
    return (
        "<html><head><title>Rovers v United, live</title></head><body><main>"
        "<h1>Rovers v United, live</h1><div class='lineups'><ul><li>J. Smith</li><li>K. Jones</li></ul></div>"
        f"<div class='{box}'>{entries}</div>"
        "</main></body></html>"
    )


def test_a_live_match_commentary_named_as_comments_is_the_text() -> None:
    kept = clean(_match_page("live-match-comments", "live-match-comment"))
    assert MINUTES[0][1] in kept
    assert MINUTES[-1][1] in kept


def test_readers_comments_stay_out() -> None:
    page = _match_page("live-match-comments", "live-match-comment").replace(
        "</main>",
        "<div class='comments'><div class='comment'><p>Great game, we deserved the win today, "
        "what a performance from the whole team in the second half.</p></div></div></main>",
    )
    assert not any("Great game" in p for p in clean(page))


def test_readers_live_chat_named_as_live_comments_stays_out() -> None:
    chat = (
        "<div class='live-chat-comments'><div class='entry'><p>Great game, we deserved the win today, what a "
        "performance from the whole team in the second half.</p></div><div class='entry'><p>Worst referee "
        "I have seen all season, he gave them every single decision in the last twenty minutes.</p></div>"
        "</div>"
    )
    page = _match_page("live-match-comments", "live-match-comment").replace("</main>", f"{chat}</main>")
    kept = clean(page)
    assert MINUTES[0][1] in kept
    assert not any("Great game" in p or "Worst referee" in p for p in kept)
