"""The byline cluster of a plain-text article's header: bylines, dates and a dateline read upward from
the lead among the header's pieces (`text_header` chooses the headline around them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from worker.article import Dateline
from worker.extract.dateline import parse_dateline
from worker.extract.dates import DateRole, dates_in_text, role_before
from worker.extract.text_byline_below import phrase_byline
from worker.extract.text_byline_labels import label_byline
from worker.extract.text_bylines import inner_byline
from worker.extract.text_cluster import (
    BYLINE_LABEL,
    COLON_GLUED,
    DOTS,
    META_HEAD,
    META_SIGN,
    NAME_REACH,
    byline_head,
    dated_part,
    kind_byline,
    long_byline,
    may_be_dateline,
    name_with_agency,
    name_with_handle,
    signed_after_credit,
)
from worker.extract.text_dated_names import inner_byline_day, name_on_dated_piece
from worker.extract.text_dates import date_before_on_line, days_of_line
from worker.extract.text_page_words import PageWords
from worker.extract.text_signs import DATE_LABEL_ALONE, MAX_META_WORDS, NOT_AUTHOR, date_of_line, is_byline

_KIND_REACH = 30  # lines above the lead where "Analysis by Jane Doe" or "Jane Doe @jane" signs it
_MAX_LABEL_WORDS = 4  # "Last updated on:", "Written by"


@dataclass(slots=True)
class _Meta:
    """What the byline cluster says, and which pieces it holds."""

    positions: set[int] = field(default_factory=set)
    bylines: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    dateline: Dateline | None = None

    def add_day(self, day: str | None, *, is_update: bool) -> None:
        """A shown day: an update's only when labelled so ("Updated Feb 3"); the nearest line wins."""
        if is_update:
            self.updated = self.updated or day
        else:
            self.published = self.published or day


def read_meta(pieces: list[tuple[int, str]], lead: int, common: PageWords) -> _Meta:
    """Bylines, dates and a dateline among the pieces, read upward from the lead. A piece longer
    than any of them is passed over at once: most of a header is menus and teasers; but a byline
    that goes on with the dates and a fact-checker ("By Jane Doe – Updated ... | Reviewed by ...")
    is read for its first part."""
    meta = _Meta()
    for position in range(len(pieces) - 1, -1, -1):
        index, text = pieces[position]
        words = len(text.split())
        if words > MAX_META_WORDS:
            if index != lead and NOT_AUTHOR.match(text):  # the credit's dates are the reviewer's
                if signed := signed_after_credit(text):
                    meta.bylines.insert(0, byline_head(signed.strip(), common))
            elif index != lead and (head := long_byline(text)):
                meta.bylines.insert(0, byline_head(head, common))
                meta.positions.add(position)
                for at, day in dates_in_text(text, limit=1):
                    meta.add_day(day, is_update=_is_update(text, at))
            elif lead - NAME_REACH <= index < lead and (inner := inner_byline(text, common)):
                meta.bylines.insert(0, inner)  # "... the islands. By Jane Doe on Dec. 19, 2025"
                meta.add_day(inner_byline_day(text, inner), is_update=False)
            continue
        if index >= lead - _KIND_REACH and (
            name := kind_byline(text, common) or name_with_handle(text, common)
        ):
            meta.bylines.insert(0, name)  # not a position of the cluster: the headline is chosen as before
            continue
        if not (META_SIGN.search(text) or META_HEAD.match(text)):
            continue
        below = pieces[position + 1][1] if position + 1 < len(pieces) else None
        if may_be_dateline(text) and (found := parse_dateline(text)):
            if name := name_with_agency(text, found[0], common):  # "Jane Doe (AFP)": a byline
                meta.bylines.insert(0, name)
                meta.dateline = meta.dateline or Dateline(agency=found[0].agency)
            elif meta.dateline is None:
                meta.dateline, meta.published = found[0], found[1] or meta.published
            meta.positions.add(position)
        elif index == lead:
            continue  # of the lead itself only a dateline opening it counts
        elif is_byline(text):
            meta.positions.add(position)  # never the headline, even when it names no one
            if phrase_byline(text):
                continue  # "From Theory to Practice, The Example Ontology": a subtitle's words
            head = DOTS.split(text, maxsplit=1)[0].strip()  # "By Jane Doe | Travel | 8 min read"
            meta.bylines.insert(
                0, byline_head(COLON_GLUED.sub(r"\1 ", head if is_byline(head) else text), common)
            )
            for at, day in dates_in_text(text, limit=1):  # "By Jane Doe | Updated Sep 9, 2025"
                meta.add_day(day, is_update=_is_update(text, at))
        elif words <= _MAX_LABEL_WORDS and below is not None and _label_alone(pieces, position, meta):
            continue
        elif NOT_AUTHOR.match(text):
            meta.positions.update((position, position + 1))  # "Edited by" / "Reviewed by X": no author
            if signed := signed_after_credit(text):  # "Reviewed by X | By Jane Doe"
                meta.bylines.insert(0, byline_head(signed.strip(), common))
        elif (dated := dated_part(text)) is not None:
            part, day = dated
            above = pieces[position - 1][1] if position > 0 else ""
            if not DATE_LABEL_ALONE.match(above):  # else the label above it says what day it is
                for shown, is_update in days_of_line(
                    part, day, date_before=date_before_on_line(pieces, position)
                ):
                    meta.add_day(shown, is_update=is_update)
            meta.positions.add(position)
            if name := name_on_dated_piece(pieces, position, common):
                meta.bylines.insert(0, name)
        elif lead - NAME_REACH <= index < lead and (inner := inner_byline(text, common)):
            meta.bylines.insert(0, inner)  # "January 22, 2025 By Jane DoeIn Travel, Tips"
    return meta


def _is_update(text: str, at: int) -> bool:
    """Whether the label before the date at `at` says it is an update (`dates.role_before`)."""
    return role_before(text, at) is DateRole.UPDATED


def _label_alone(pieces: list[tuple[int, str]], position: int, meta: _Meta) -> bool:
    """A label on a line of its own, what it labels on the next: "Last updated" / "Aug 4, 2025",
    "Written by" / "Jane Doe" (and the names split over the lines after), "Reviewed by" / "John Roe"
    (no author)."""
    label, below = pieces[position][1], pieces[position + 1][1]
    if DATE_LABEL_ALONE.match(label):
        if (day := date_of_line(below)) is None:
            meta.positions.add(position)  # a label whose date the copy lost: what is below is no date
            return True
        meta.add_day(day, is_update=_is_update(label, len(label)))
    elif NOT_AUTHOR.match(label):
        pass
    elif BYLINE_LABEL.match(label) and (named := label_byline([text for _, text in pieces], position)):
        meta.bylines.insert(0, named)
    else:
        return False
    meta.positions.update((position, position + 1))
    return True
