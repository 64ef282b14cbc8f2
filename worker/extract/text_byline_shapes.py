"""Signatures of a shape other than a person's full name: one word a page never writes in lowercase
("Gabo"), or a desk or company signing as a group ("Example Team"). `text_bylines` asks them of a
line beside a shown day or under a headline."""

from __future__ import annotations

from worker.clean.text_stopwords import STOPWORDS
from worker.extract.authors import clean_authors
from worker.extract.patterns import GROUP_WORDS
from worker.extract.text_page_words import PageWords

_HANDLE_CHARS = 25
_GROUP_MAX_WORDS = 4  # "Example Health Editorial Team"


def one_word_name(line: str, common: PageWords) -> bool:
    """A signature of one word ("Gabo", "ServiceTitan"): capitalised, letters only, and a word the
    page never writes in lowercase (a section's "Technology" it does)."""
    word = line.strip()
    if not (2 < len(word) <= _HANDLE_CHARS and word.isalpha() and word[0].isupper()) or word.isupper():
        return False
    if word.lower() in STOPWORDS or common.writes_lowercase(word) or common.capitalises_words:
        return False  # a German page's "Familie" is a section, however it writes it
    return bool(clean_authors([word]))


def group_signature(line: str, common: PageWords) -> bool:
    """A desk or a company signing as a group ("Example Team", "The Example Team", "Team Example",
    "Example Staff"): its group word and a name of a few capitalised words the page never writes in
    lowercase (the page's "team" it may)."""
    words = line.split()
    if words[:1] == ["The"]:
        words = words[1:]
    if len(words) < 2 or len(words) > _GROUP_MAX_WORDS:
        return False
    if words[-1].lower() in GROUP_WORDS:
        brand = words[:-1]
    elif words[0].lower() == "team":
        brand = words[1:]
    else:
        return False
    return all(w[:1].isupper() and w.isalpha() and not common.writes_lowercase(w) for w in brand)
