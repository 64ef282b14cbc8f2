"""Whether a box its class names as furniture (a caption, a byline, a bio, a "more" link) is the size
and shape of furniture, which the block stage then reads as short text (`worker.clean.html_blocks`).
A box that holds more text than furniture does wraps the article; one where at least two unlinked
subheadings each stand over a paragraph of prose length is a run of the article's sections, whatever
its class says ("more-features"). Its other headings may stand over anything."""

from __future__ import annotations

from bs4 import NavigableString, Tag

from worker.clean.selectors import BLOCK_TAGS, HEADING_TAGS

# A box where this many unlinked subheadings stand each over a paragraph (of `SECTION_MIN_CHARS`) is a
# run of sections of text, not a caption, byline or bio box (a bio's "About the author" and "Contact"
# head short lines; a gallery's "Photo 1 of 4" heads short captions).
SECTION_MIN_HEADINGS = 2
# Only the box's first headings are read, however many it holds.
SECTION_HEADINGS_READ = 12
# Each subheaded paragraph is at least this long (a gallery's or bio's lines are shorter).
SECTION_MIN_CHARS = 80


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
    """At least `SECTION_MIN_HEADINGS` of its first `SECTION_HEADINGS_READ` headings are not links and
    are followed right away by a paragraph of at least `SECTION_MIN_CHARS` characters; the others are
    not counted, whatever follows them."""
    headed = 0
    for heading in tag.find_all(HEADING_TAGS, limit=SECTION_HEADINGS_READ):
        if heading.find("a") is None and len(_paragraph_after(heading)) >= SECTION_MIN_CHARS:
            headed += 1
            if headed >= SECTION_MIN_HEADINGS:
                return True
    return False


def _paragraph_after(heading: Tag) -> str:
    """The <p> right after a heading, else (an older page) the text set straight after it, up to the
    next <br> or block: its own words, not a link's (a headline of another page is no section's text)."""
    following = heading.find_next_sibling()
    if following is not None and following.name == "p":
        return following.get_text(" ", strip=True)
    parts = []
    for node in heading.next_siblings:
        if isinstance(node, Tag):
            if node.name == "br" or node.name in BLOCK_TAGS:
                break
            if node.name != "a":
                parts.append(node.get_text(" "))
        elif type(node) is NavigableString:  # not a comment
            parts.append(node)
    return " ".join("".join(parts).split())
