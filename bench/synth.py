"""Synthetic news for the dedup and load benchmarks: one handwritten wire story, unrelated articles
recombined from a word bank, and five site templates with their own chrome.

Nothing here comes from a real site or a shared data set: the story and the word bank are written for
these benchmarks, so the figures can be reproduced anywhere.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import dataclass

WIRE_TITLE = "Harbour city opens floating solar farm on disused reservoir"
WIRE_PARAGRAPHS = (
    "PORTMERE (Wire Press) - The city of Portmere switched on a floating solar farm on Tuesday, "
    "covering most of the disused Eastbank reservoir with 41,000 panels that officials say will "
    "supply power to about 9,000 homes.",
    "The project, which cost 38 million euros, was financed by a municipal bond sold mostly to local "
    "savers last spring, according to the city's energy department.",
    "Engineers anchored the panels to the reservoir floor with cables designed to rise and fall with "
    "the water level, a technique first tested on a smaller pond outside the city in 2021.",
    '"We had a reservoir nobody used and a roof space problem nobody could solve," deputy mayor '
    'Ilse Varga told reporters at the opening. "This turns one into the answer to the other."',
    "Critics on the city council had argued that the money would have been better spent insulating "
    "social housing, and a local fishing club said it had lost access to part of the shore.",
    "The energy department said the panels stay cooler on the water than on land, which raises their "
    "output by roughly a tenth compared with a similar field installation.",
    "Birdwatchers will monitor the site for two years under an agreement with a regional wildlife "
    "trust, after concerns that the array could disturb wintering ducks.",
    "Portmere plans to tender a second, smaller array on the western quarry lake next year if the "
    "first twelve months of production meet the forecasts.",
)

_NAMES = [
    "Amara",
    "Bello",
    "Chen",
    "Dufour",
    "Eriksen",
    "Farah",
    "Gallo",
    "Horvat",
    "Ibsen",
    "Jansen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
]
_PLACES = [
    "Alderton",
    "Brackwater",
    "Castelnau",
    "Dunmore",
    "Elsfield",
    "Fairhaven",
    "Grimsby",
    "Holloway",
    "Inverlane",
    "Jarrow",
]
_SUBJECTS = (
    "the regional council",
    "a group of nurses",
    "the transport minister",
    "local farmers",
    "the central bank",
    "a start-up from {place}",
    "the national museum",
    "striking dock workers",
    "the football club",
    "residents of {place}",
    "a court in {place}",
    "the health authority",
    "two universities",
    "the school board",
    "a coalition of charities",
    "the port operator",
)
_VERBS = (
    "announced",
    "rejected",
    "postponed",
    "approved",
    "criticised",
    "defended",
    "unveiled",
    "cancelled",
    "expanded",
    "questioned",
    "funded",
    "reviewed",
    "delayed",
    "welcomed",
)
_OBJECTS = (
    "plans for a new tram line",
    "a pay offer of {n} percent",
    "the closure of {n} branches",
    "a budget of {n} million",
    "changes to the parking rules",
    "an exhibition of early maps",
    "a study on river pollution",
    "the merger with a rival",
    "a ban on night flights",
    "a programme to repair {n} bridges",
    "the sale of the old hospital",
    "new rules for landlords",
    "a festival expected to draw {n},000 visitors",
    "a recall of {n} vehicles",
)
_TAILS = (
    "on {day}",
    "after months of talks",
    "despite protests outside the building",
    "according to a statement",
    "in a vote of {n} to {m}",
    "ahead of the winter season",
    "citing rising costs",
    "following an inquiry led by {name}",
    "with support from {place}",
    "to the surprise of analysts",
    "in a letter seen by reporters",
    "at a meeting in {place}",
)
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_QUOTES = (
    '"We did not expect this," said {name}, a spokesperson.',
    '{name}, who leads the opposition group, called the decision "short-sighted".',
    "Officials in {place} said further details would follow next week.",
    "A spokesperson for {name} declined to comment.",
    "The figures have not been independently verified.",
)


def _fill(pattern: str, rng: random.Random) -> str:
    return pattern.format(
        place=rng.choice(_PLACES),
        name=f"{rng.choice(_NAMES)} {rng.choice(_NAMES)}",
        n=rng.randint(2, 99),
        m=rng.randint(2, 99),
        day=rng.choice(_DAYS),
    )


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return _fill(rng.choice(_QUOTES), rng)
    text = " ".join(_fill(rng.choice(part), rng) for part in (_SUBJECTS, _VERBS, _OBJECTS, _TAILS))
    return text[0].upper() + text[1:] + "."


@dataclass(frozen=True, slots=True)
class Story:
    title: str
    paragraphs: tuple[str, ...]


def unrelated_story(rng: random.Random, paragraphs: int = 7) -> Story:
    """A story recombined from the word bank: each sentence drawn anew, so stories share no more than
    stock phrases."""
    body = tuple(
        " ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(4, paragraphs))
    )
    title = sentence(rng).rstrip(".")
    return Story(title=title, paragraphs=body)


def wire_story() -> Story:
    return Story(title=WIRE_TITLE, paragraphs=WIRE_PARAGRAPHS)


# --- five site templates: the same article with different chrome -------------------------------

_NAV = ("Home", "World", "Business", "Sport", "Culture", "Opinion", "Weather", "Podcasts")


def _related(rng: random.Random, count: int) -> str:
    return "".join(
        f'<li><a href="/story/{rng.randint(1, 99999)}">{sentence(rng)}</a></li>' for _ in range(count)
    )


def _paras(story: Story, tag: str = "p") -> str:
    return "".join(f"<{tag}>{html.escape(p)}</{tag}>" for p in story.paragraphs)


def _courier(story: Story, url: str, rng: random.Random) -> str:
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in _NAV)
    return (
        f"<!doctype html><html lang=en><head><title>{html.escape(story.title)} | The Courier</title>"
        f'<link rel="canonical" href="{url}"><meta property="og:site_name" content="The Courier"></head>'
        f"<body><header><nav><ul>{nav}</ul></nav></header><main><article>"
        f"<h1>{html.escape(story.title)}</h1><p class=byline>By Staff Reporter</p>{_paras(story)}"
        f"</article><aside><h2>Most read</h2><ul>{_related(rng, 5)}</ul></aside></main>"
        "<footer><p>© 2025 The Courier. All rights reserved.</p><a href=/privacy>Privacy</a></footer>"
        "</body></html>"
    )


def _gazette(story: Story, url: str, rng: random.Random) -> str:
    return (
        f"<html><head><meta charset=utf-8><title>{html.escape(story.title)}</title>"
        f'<link rel="canonical" href="{url}"></head><body>'
        '<div id="cookie">We use cookies to improve your experience. <button>Accept</button></div>'
        '<div class="top"><a href="/">Valley Gazette</a> | <a href="/subscribe">Subscribe</a></div>'
        f'<div class="content"><div class="headline"><h1>{html.escape(story.title)}</h1></div>'
        f'<div class="story-body">{_paras(story)}</div>'
        f'<div class="related"><h3>Related stories</h3><ul>{_related(rng, 4)}</ul></div>'
        '<div class="comments"><h3>Comments (3)</h3><p>Great news for the town!</p></div></div>'
        "<div class=footer>Valley Gazette, 12 Mill Road. Contact us. Terms of use.</div></body></html>"
    )


def _wirefeed(story: Story, url: str, rng: random.Random) -> str:
    return (
        f'<html><head><title>{html.escape(story.title)} - WireFeed</title><meta name="description" '
        f'content="{html.escape(story.paragraphs[0][:150])}"><link rel="canonical" href="{url}"></head>'
        '<body><div class="ad">Advertisement</div><section class="main"><header>'
        f"<h1 class=title>{html.escape(story.title)}</h1><time>5 March 2025</time></header>"
        f'<div class="text">{_paras(story, "div")}</div></section>'
        f'<section class="more"><h2>More from WireFeed</h2><ul>{_related(rng, 6)}</ul></section>'
        "<p>Sign up for our newsletter to get the top stories every morning.</p></body></html>"
    )


def _metro(story: Story, url: str, rng: random.Random) -> str:
    body = "".join(
        f"<p>{html.escape(p)}</p>" + ('<div class="inline-ad">Advertisement</div>' if i == 2 else "")
        for i, p in enumerate(story.paragraphs)
    )
    return (
        f'<!DOCTYPE html><html><head><title>{html.escape(story.title)}</title><link rel="canonical" '
        f'href="{url}"><script>var tracking = {{"page": 1}};</script></head><body>'
        '<nav class="menu"><a href="/">Metro Daily</a><a href="/news">News</a><a href="/tv">TV</a></nav>'
        f'<article class="post"><h1>{html.escape(story.title)}</h1><div class="entry">{body}</div>'
        '<p class="tags">Tags: <a href="/t/energy">energy</a>, <a href="/t/city">city</a></p></article>'
        f'<div class="sidebar"><h4>Trending</h4><ul>{_related(rng, 5)}</ul></div>'
        "<footer>Metro Daily Ltd. Registered in England. Cookie settings.</footer></body></html>"
    )


def _plainnews(story: Story, url: str, rng: random.Random) -> str:
    return (
        f'<html><head><title>{html.escape(story.title)}</title><link rel="canonical" href="{url}"></head>'
        '<body><table width="100%"><tr><td class="left"><a href="/">Front page</a><br><a href="/archive">'
        'Archive</a></td><td class="center">'
        f"<h2>{html.escape(story.title)}</h2>{_paras(story)}"
        "<p><i>Share this article: Facebook | X | Email</i></p></td>"
        f'<td class="right"><b>Latest</b><ul>{_related(rng, 3)}</ul></td></tr></table></body></html>'
    )


TEMPLATES: tuple[Callable[[Story, str, random.Random], str], ...] = (
    _courier,
    _gazette,
    _wirefeed,
    _metro,
    _plainnews,
)


def render(story: Story, template: int, url: str, rng: random.Random) -> str:
    return TEMPLATES[template % len(TEMPLATES)](story, url, rng)


def as_plain_text(story: Story, site: str, rng: random.Random) -> str:
    """The story as a whole page copied as text: menu, headline, body, related links, footer."""
    menu = "  ".join(_NAV[: rng.randint(4, 8)])
    related = "\n".join(sentence(rng) for _ in range(3))
    body = "\n\n".join(story.paragraphs)
    return f"{site}\n{menu}\n\n{story.title}\n\n{body}\n\nRelated\n{related}\n\n© 2025 {site}\n"
