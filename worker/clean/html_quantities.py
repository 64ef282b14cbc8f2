"""Lists of amounts: a recipe's ingredients, a dish's nutrients, a kit's contents, kept with the article.

Each item of such a list is a few words led by an amount ("250 g minced lamb", "1½ cups of water",
"390 kcal", "8-9 ripe pears"): far too short for a paragraph, so the rules and the model drop them
as furniture, and a recipe comes out as its steps without what goes into them. The shape is the
same in every language, since it is carried by the figures. A list is one of them when most of its
items open with an amount, none is a link (a numbered table of contents, a "12 comments" counter
and a teaser list link their items) and none is longer than a line; it is read only on a page whose
article was found, where it stands inside the chosen container, and once when the page says it twice.
"""

from __future__ import annotations

import re
import unicodedata

from worker.clean.html_blocks import LIST_TAGS, Block, BlockClass
from worker.clean.selectors import TITLE_TAGS

# An amount then a word: digits (a decimal, "1/4", a range "8-9") or a vulgar fraction, alone or after
# digits ("1½"); a unit or the thing itself follows ("g", "cups", "ripe").
_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_AMOUNT_LED = re.compile(
    rf"^\W{{0,2}}(?:\d+(?:[.,/]\d+)?[{_FRACTIONS}]?|[{_FRACTIONS}])(?:\s*[-–]\s*\d+)?\s*[^\W\d_]"
)
MIN_ITEMS = 3
AMOUNT_SHARE = 0.8
ITEM_MAX_CHARS = 100


def is_amount_led(text: str) -> bool:
    """An amount then a word; not a price ("£5 per month", "€12 a ticket": a tariff or an offer, not
    what goes into the dish)."""
    found = _AMOUNT_LED.match(text)
    return found is not None and not any(unicodedata.category(c) == "Sc" for c in text[: found.end()])


def keep_amount_lists(blocks: list[Block]) -> None:
    """Keep every item of each list of amounts the page's article holds (see the module's doc)."""
    if not any(block.cls is BlockClass.GOOD for block in blocks):
        return
    lists: dict[int, list[Block]] = {}
    for block in blocks:
        if block.in_list and block.group and block.group_tag in LIST_TAGS:
            lists.setdefault(block.group, []).append(block)
    kept: set[tuple[str, ...]] = set()
    for items in lists.values():
        said = tuple(block.text.strip() for block in items)
        if said not in kept and _is_amount_list(items):
            kept.add(said)  # a layout's second copy of the list (another tab, the print view) is not read
            for block in items:
                if not (block.final or block.tag in TITLE_TAGS):
                    block.cls = BlockClass.GOOD


def _is_amount_list(items: list[Block]) -> bool:
    if len(items) < MIN_ITEMS or all(block.cls is BlockClass.GOOD for block in items):
        return False
    if any(block.link_chars or len(block.text) > ITEM_MAX_CHARS for block in items):
        return False
    led = sum(1 for block in items if is_amount_led(block.text.strip()))
    return led >= AMOUNT_SHARE * len(items)
