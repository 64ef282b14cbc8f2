"""What closes an article's body but is not the article: the author's or the company's box.

A page copied as text often ends its article with a box about who wrote it ("Jane Doe" / "Senior
Writer" / "Jane Doe is a reporter who covers ...") or about the publisher ("About Example Media" /
"Example Media is a leader in ..."). Its paragraphs are prose, so the weighing keeps them. They are
told by their shape: a short line that is only a name (or a name after a head such as "About",
"Written by"), then within two lines a paragraph that opens with that name. A bare name counts only
when the page prints it above the article too (the byline): a list article's last entry ("Pine Lake"
/ "Pine Lake is ...") is not taken for a box, unless its paragraph names a writer's trade or the
author introduces themselves ("I'm Jane, ..."). Only the last lines of the body are searched.

The article may also close with its list of sources under a head ("Article Sources", "Citations"):
those lines go, when they are the body's last third at most.
"""

from __future__ import annotations

import re

from worker.clean.markers import BIO_ROLES, BIO_SELF_INTROS, NAME_PARTICLES, SOURCE_HEADS, TEXT_TAIL_PROMPTS
from worker.clean.text_line_model import Line, LineClass

_PROSE = (LineClass.GOOD, LineClass.NEAR_GOOD)
# Heads that put a name on a box: "About Jane Doe", "Written by Jane Doe", "Sobre Carlos", "Über ...".
_BOX_HEAD = re.compile(
    r"^(?:about(?: the author)?|written by|by|author|sobre(?: o autor| el autor)?|über|"
    r"à propos de|a propos de|autor|auteur|autore)\b[:\s]*",
    re.I,
)
_NAME_EDGES = " :–—-|"
_TAIL_LINES = 8  # the box sits among the body's last lines
_MAX_NAME_WORDS = 4
_MAX_HEAD_WORDS = 3  # a line over a box: "Written by", "About the author"
_BIO_REACH = 2  # the name's paragraph comes right after it, or after a job title
_NAME_REACH_CHARS = 120  # under a head, the bio may name its person a clause or two in
# A sign-off's prompt: "Follow us on ...", "Sign up for our newsletter", "Click here to subscribe".
_TAIL_PROMPT = re.compile("|".join(TEXT_TAIL_PROMPTS))
_PROMPT_MAX_WORDS = 60  # a longer line is a paragraph that happens to name a newsletter
_MIN_KEPT_LINES = 3  # a short post's last paragraph may well invite the reader: it is kept
_MAX_SIGN_OFF_SHARE = 0.25  # of the body's characters
_ROLE_REACH_CHARS = 160  # a bio names its person's trade in its first sentence
_MAX_SOURCES_SHARE = 0.35  # of the body's characters: sources close an article, they are not half of it
_SOURCE_HEAD_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _box_name(line: Line) -> tuple[str, bool] | None:
    """The name a short line gives, and whether a head introduced it ("About ..."); None when the
    line is not a name: a sentence, a number, a lowercase word, or too many words."""
    text = line.text
    if line.sentence or line.words > _MAX_NAME_WORDS + 3 or any(char.isdigit() for char in text):
        return None
    head = _BOX_HEAD.match(text)
    name = (text[head.end() :] if head else text).strip(_NAME_EDGES)
    words = [word for word in name.split() if word not in NAME_PARTICLES]  # "van der" in a name
    if not 1 <= len(words) <= _MAX_NAME_WORDS or not all(word[:1].isupper() for word in words):
        return None
    if not head and (len(words) < 2 or line.stop > 0.0):
        return None  # a bare name is two words or more, none of them a function word
    return name, head is not None


def _opens_with(paragraph: str, name: str) -> bool:
    """Whether a paragraph opens with the name as its subject: the whole name, or its first word
    followed by something other than the name's next word ("Jane is ...", not "Cloud computing" or
    "Ferry links" under "Ferry Link")."""
    if paragraph.startswith(name):
        return True
    words = name.split()
    first, _, rest = paragraph.partition(" ")
    first = first.rstrip(",")
    if first.endswith(("’s", "'s")):
        first = first[:-2]
    if first != words[0] or not rest:
        return False
    return len(words) == 1 or not rest.split(" ", 1)[0].lower().startswith(words[1].lower())


def _introduces_self(paragraph: str, name: str) -> bool:
    """Whether a paragraph opens with its author introducing themselves by the name's first word:
    "I'm Jane, a travel writer ...", "Ich bin Jana ..."."""
    low = paragraph[: len(name) + 16].lower()
    first = name.split()[0].lower()
    return any(low.startswith(f"{intro} {first}") for intro in BIO_SELF_INTROS)


def _names_role(paragraph: str) -> bool:
    """Whether a paragraph's opening names a writer's trade ("... is a freelance writer living in ...")."""
    return not BIO_ROLES.isdisjoint(_WORD.findall(paragraph[:_ROLE_REACH_CHARS].lower()))


def _names_early(paragraph: str, name: str) -> bool:
    """Whether a paragraph names the person in its first clause or two ("Father of two, Jane Doe
    is ...", "As a sales manager, Jane Doe ..."): enough under a head that announces a box."""
    return len(name.split()) >= 2 and name in paragraph[:_NAME_REACH_CHARS]


def author_box_start(lines: list[Line], body: list[int]) -> int | None:
    """The position in `body` where a box about the author or the publisher starts (with the short
    head line right above its name, "Written by"), or None when the body does not end with one."""
    if len(body) < 3:
        return None
    above: str | None = None  # the page above the body, read only when a bare name needs it
    for position in range(max(1, len(body) - _TAIL_LINES), len(body)):
        index = body[position]
        found = _box_name(lines[index])
        if found is None:
            continue
        name, headed = found
        paragraph = next(
            (line for line in lines[index + 1 : index + 1 + _BIO_REACH] if line.kind in _PROSE), None
        )
        if paragraph is None:
            continue
        if _introduces_self(paragraph.text, name):
            pass  # "Jane Doe" over "I'm Jane, ...": the author speaks of themselves
        elif not _opens_with(paragraph.text, name) and not (headed and _names_early(paragraph.text, name)):
            continue
        elif not headed and not _names_role(paragraph.text):
            # A bare name over a paragraph about it that names no writer's trade: only the page's
            # byline above the article says it is the author's.
            if above is None:
                above = "\n".join(line.text for line in lines[: body[0]])
            if name not in above:
                continue
        previous = lines[body[position - 1]]
        if body[position - 1] == index - 1 and not previous.sentence and previous.words <= _MAX_HEAD_WORDS:
            position -= 1  # "Written by" over the name
        return position
    return None


def tail_prompt_start(lines: list[Line], body: list[int]) -> int | None:
    """The position in `body` where the article's sign-off starts: its last lines, from the first
    that prompts the reader (follow, sign up, subscribe) down, with only prompts and short lines
    (a newsletter's name, "No thanks") below it. None when the body ends with its own prose."""
    cut = None
    for position in range(len(body) - 1, max(0, len(body) - 1 - _TAIL_LINES), -1):
        line = lines[body[position]]
        if line.words <= _PROMPT_MAX_WORDS and _TAIL_PROMPT.search(line.low):
            cut = position
        elif line.kind in _PROSE:
            break
    if cut is None or cut < _MIN_KEPT_LINES:
        return None
    cut_chars = sum(lines[index].chars for index in body[cut:])
    if cut_chars > _MAX_SIGN_OFF_SHARE * sum(lines[index].chars for index in body):
        return None
    return cut


def sources_start(lines: list[Line], body: list[int]) -> int | None:
    """The position in `body` where the article's list of sources starts: a short head such as
    "Sources" or "Citations" inside the body's span with less than a third of the body's text
    below it (a long page's sources section in the middle of its text is left alone). None when
    there is none."""
    if len(body) < _MIN_KEPT_LINES:
        return None
    total = sum(lines[index].chars for index in body)
    below = total
    position = 0
    for index in range(body[0], body[-1] + 1):
        while position < len(body) and body[position] <= index:
            below -= lines[body[position]].chars
            position += 1
        line = lines[index]
        if (
            line.words <= _SOURCE_HEAD_WORDS
            and not line.sentence
            and line.key.rstrip(":").strip() in SOURCE_HEADS
            and below <= _MAX_SOURCES_SHARE * total
            and position >= _MIN_KEPT_LINES
        ):
            return position - 1 if position and body[position - 1] == index else position
    return None
