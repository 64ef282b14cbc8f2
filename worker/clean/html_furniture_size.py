"""Whether a box its class names as furniture (a caption, a byline, a bio, a "more" link) is the size
and shape of furniture, which the block stage then reads as short text (`worker.clean.html_blocks`).
A box that holds more text than furniture does wraps the article; one that holds subheadings, each
over a paragraph, is a run of the article's sections, whatever its class says ("more-features")."""

from __future__ import annotations

from bs4 import Tag

from worker.clean.selectors import HEADING_TAGS

# A box holding this many subheadings, each over a paragraph, is a section of text, not a caption,
# byline or bio box (which carry one heading at most: "About the author").
SECTION_MIN_HEADINGS = 2
# Only the box's first headings are read, however many it holds.
SECTION_HEADINGS_READ = 12


def is_furniture_sized(tag: Tag, limit: int) -> bool:
    """At most `limit` characters of text, and not a run of subheaded paragraphs."""
    return _at_most_chars(tag, limit) and not _is_sectioned(tag)


def _at_most_chars(tag: Tag, limit: int) -> bool:
    """`len(tag.get_text()) <= limit`, reading only as far as the limit: a named box may wrap the
    whole article."""
    size = 0
    for string in tag.strings:
        size += len(string)
        if size > limit:
            return False
    return True


def _is_sectioned(tag: Tag) -> bool:
    """Subheadings, each followed right away by a paragraph, at least `SECTION_MIN_HEADINGS` of them
    among its first `SECTION_HEADINGS_READ`."""
    headed = 0
    for heading in tag.find_all(HEADING_TAGS, limit=SECTION_HEADINGS_READ):
        following = heading.find_next_sibling()
        if following is not None and following.name == "p":
            headed += 1
            if headed >= SECTION_MIN_HEADINGS:
                return True
    return False
