"""The shape of what `languages.data` holds for each language: which words metadata extraction
reads, field by field, and how month and weekday rows are written."""

from __future__ import annotations

from dataclasses import dataclass


def rows(text: str) -> tuple[tuple[str, ...], ...]:
    """One row per month (or weekday), its spellings separated by spaces, rows by " / "."""
    return tuple(tuple(row.split()) for row in text.split(" / "))


@dataclass(frozen=True, slots=True)
class Words:
    """A language's words. `months`: 12 rows, January first, full names, the genitive dates use
    ("3 maja 2024") and short forms; `weekdays`: 7 rows, Monday first (`date.weekday()`)."""

    months: tuple[tuple[str, ...], ...] = ()
    weekdays: tuple[tuple[str, ...], ...] = ()
    byline: tuple[str, ...] = ()  # what opens a byline: "by", "written by", "von"
    written_by: tuple[str, ...] = ()  # a label, as printed, naming the author wherever it stands
    not_author: tuple[str, ...] = ()  # a label naming someone else: "reviewed", "photos"
    published: tuple[str, ...] = ()  # a label saying a date is the publication
    updated: tuple[str, ...] = ()  # a label saying a date is the last change
    first_published: tuple[str, ...] = ()  # words saying when a piece first appeared, wherever they stand
    name_joiners: tuple[str, ...] = ()  # "and" between two names
    commenter: tuple[str, ...] = ()  # the verb after a commenter's name ("Jane says:")
    reading_time: tuple[str, ...] = ()  # a reading time's label ("Lesezeit")
    clock: tuple[str, ...] = ()  # the words a date's time is written with ("at 10:30 am", "um 10:30 Uhr")
    contents: tuple[str, ...] = ()  # a table of contents' heading
    chrome: tuple[str, ...] = ()  # page furniture with a headline's shape ("Read more", "Subscribe")
    picture: tuple[str, ...] = ()  # a picture's caption or credit label, before a colon ("Photo:", "Foto:")
    about: tuple[str, ...] = ()  # an author box's heading before the name ("About Jane")
    pronouns: tuple[str, ...] = ()  # a note on a person says "she", on a product "it"
    bio_verb: tuple[str, ...] = ()  # the verb opening an author's note: "Jane Doe is a ..."
    piece_kinds: tuple[str, ...] = ()  # a piece's kind before "von", not a given name ("Kommentar von")
    first_person: tuple[str, ...] = ()  # a writer speaking of herself ("I", "my"): a personal site's prose
    # A headline's words after a dash that go on with its sentence, not a label of the page's kind:
    # an article, a conjunction, an adverb opening the part ("– Until Now", "— Here's Why", "- The Sequel").
    continuations: tuple[str, ...] = ()
