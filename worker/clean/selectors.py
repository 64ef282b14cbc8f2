"""Tag and class/id patterns for HTML boilerplate removal: data only, read by `worker.clean.html_*`.

Class and id names are matched as whole name parts: a name is split on "-", "_" and case changes
("shareBar" -> "share", "bar"), so `share` matches "post-share-tools" but not "shareholders".
"""

from __future__ import annotations

import re

from worker.clean.markers import NATIVE_COMMENTS

# Subtrees that never hold article text: dropped by lxml before anything else looks at the page.
DROP_TAGS: tuple[str, ...] = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "input",
    "head",
    "link",
    "meta",
)
# Code: kept whole, whatever its highlighter names its parts.
CODE_TAGS: frozenset[str] = frozenset({"pre", "code"})
# Elements without text, stripped before the article's subtree goes to BeautifulSoup.
VOID_TAGS: tuple[str, ...] = ("img", "source", "track", "wbr", "area", "map", "col", "colgroup")
# Formatting tags: unwrapped (text kept) before BeautifulSoup when they hold no block.
INLINE_TAGS: tuple[str, ...] = (
    "span",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "font",
    "small",
    "big",
    "time",
    "abbr",
    "cite",
    "mark",
    "sup",
    "sub",
    "strike",
    "del",
    "ins",
    "q",
    "code",
    "kbd",
    "var",
    "dfn",
    "tt",
    "nobr",
    "data",
)
# The only attributes the block classifier reads.
KEPT_ATTRIBUTES: tuple[str, ...] = ("class", "id")

# Page furniture by HTML semantics: dropped unless it holds most of the page's paragraph text
# (some sites wrap the whole page in one of them).
# Form controls too: broken markup can leave a whole page inside an unclosed <button> or <label>.
FURNITURE_TAGS: tuple[str, ...] = (
    "nav",
    "aside",
    "footer",
    "dialog",
    "menu",
    "button",
    "select",
    "textarea",
    "label",
)

# Name parts that mark a subtree as boilerplate wherever it stands.
BOILERPLATE_PARTS: frozenset[str] = frozenset(
    {
        "ad",
        "ads",
        "adv",
        "advert",
        "advertisement",
        "advertising",
        "adslot",
        "adunit",
        "banner",
        "breadcrumb",
        "breadcrumbs",
        "comment",
        "comments",
        "commentlist",
        *NATIVE_COMMENTS,
        "consent",
        "cookie",
        "cookies",
        "disqus",
        "dfp",
        "gdpr",
        "masthead",
        "menu",
        "modal",
        "nav",
        "navbar",
        "navigation",
        "newsletter",
        "outbrain",
        "paywall",
        "popup",
        "overlay",
        "regwall",
        "registration",
        "login",
        "signin",
        "promo",
        "promoted",
        "recirc",
        "recirculation",
        "recommended",
        "related",
        "share",
        "sharing",
        "sharebar",
        "sidebar",
        "signup",
        "social",
        "sponsor",
        "sponsored",
        "subscribe",
        "subscription",
        "taboola",
        "ticker",
        "toolbar",
        "trending",
        "footer",
        "tags",
        "tagline",
        "visually",
        "sr",
        "screenreader",
    }
)
# Boilerplate name parts of reader comments: one box per comment, never the article however long.
COMMENT_PARTS: frozenset[str] = frozenset(
    {"comment", "comments", "commentlist", "disqus", "reply", "replies", *NATIVE_COMMENTS}
)

# A live report's running commentary ("live-match-comments", "live_game_comment"): the text of a match's
# or an event's page, written by the newsroom minute by minute, not the readers' comments. The name says
# what is live (the match, the race); a bare "live-comments" or "live-chat-comments" is the readers'.
LIVE_COMMENTARY = re.compile(
    r"(?<![a-z])live[-_](?:match|game|race|event|ticker|text)[-_]comments?(?![a-z])", re.IGNORECASE
)


def is_live_commentary(names: str, boilerplate: frozenset[str]) -> bool:
    """Named as comments (`boilerplate`: the name's boilerplate parts) only as a live commentary."""
    return bool(boilerplate) and boilerplate <= COMMENT_PARTS and LIVE_COMMENTARY.search(names) is not None


# Boilerplate name parts of a subscription gate: on the prompt box, and on the box that holds the rest
# of the article behind it. The second holds paragraphs of prose and is kept.
GATE_PARTS: frozenset[str] = frozenset(
    {"paywall", "regwall", "subscription", "subscribe", "premium", "locked"}
)

# Name parts that mark a block as boilerplate when it is not long running text (captions, credits,
# bylines and datelines, author bios): they also appear on wrappers of the article itself.
SOFT_PARTS: frozenset[str] = frozenset(
    {
        "caption",
        "credit",
        "credits",
        "byline",
        "author",
        "bio",
        "meta",
        "date",
        "time",
        "timestamp",
        "published",
        "updated",
        "figure",
        "photo",
        "image",
        "img",
        "media",
        "gallery",
        "video",
        "copyright",
        "disclaimer",
        "source",
        "topics",
        "keywords",
        "category",
        "more",
        "readmore",
        "print",
        "email",
        "follow",
        "rating",
        "pagination",
        "pager",
        # A control's box ("viewer-btn", "slide-button"): its label, never the article's words.
        "button",
        "btn",
        "header",
        "headline",
        "title",
    }
)
# Soft names of a control's box: its label is dropped as no insert (the blocks around it do not read
# through it: a product box's buy button, a comment form's).
CONTROL_PARTS: frozenset[str] = frozenset({"button", "btn"})
# Soft names that also wrap running text ("richtext-title", "section-header"): under them, prose of
# paragraph length is text.
LOOSE_SOFT_PARTS: frozenset[str] = frozenset({"title", "header", "headline", "media"})
# Name parts that keep a subtree whatever else its names say ("article-body has-share-bar").
CONTENT_PARTS: frozenset[str] = frozenset(
    {"articlebody", "body", "content", "story", "entry", "post", "text", "main", "article", "prose", "embed"}
)

# Hints that an element is the article body: tried in order, first with enough text wins.
ARTICLE_HINTS_XPATH: tuple[str, ...] = (
    "//*[@itemprop='articleBody']",
    "//article",
    "//*[@role='main']",
    "//main",
)

HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
NAME_SPLIT = re.compile(r"[-_\s:./]+|(?<=[a-z])(?=[A-Z])")
NAME_SPLIT_LOWER = re.compile(r"[-_\s:./]+")

# Block-level tags: each starts a new block of text.
BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "li",
        "ul",
        "ol",
        "dl",
        "dd",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "caption",
        "figure",
        "figcaption",
        "address",
        "hr",
        "center",
        "form",
        "fieldset",
        "details",
        "summary",
        "body",
        "html",
    }
)
CELL_TAGS: frozenset[str] = frozenset({"td", "th"})
HEADING_TAGS: frozenset[str] = frozenset({"h2", "h3", "h4", "h5", "h6"})
TITLE_TAGS: frozenset[str] = frozenset({"h1"})
CAPTION_TAGS: frozenset[str] = frozenset({"figcaption", "caption", "figure"})
