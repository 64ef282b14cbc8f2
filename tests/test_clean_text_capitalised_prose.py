"""Headline case on a page whose prose capitalises most words (German nouns): there a lead that
does not end like a sentence is no headline, and stays the article's first paragraph; on an English
page a title-cased line still reads as a headline.

Every fixture is written for these tests."""

from __future__ import annotations

from worker.clean.text import clean_text
from worker.clean.text_line_model import DEFAULT_LINE_THRESHOLDS, headline_caps
from worker.clean.text_lines import read_lines
from worker.clean.text_stopwords import stoplist

GERMAN_LEAD = (
    "Zwei Wochen lang lag die Fähre wegen stürmischer Böen fest im Hafen, doch seit Montag bringt sie "
    "Pendler, Schulkinder, Touristen und Lieferwagen wieder pünktlich über den Fluss ans andere Ufer"
)
GERMAN = [
    "Der Betreiber hatte die Verbindung Anfang des Monats eingestellt, nachdem Wellen von mehr als zwei "
    "Metern Höhe die Anlegestelle beschädigt hatten.",
    "Handwerker haben den Steg inzwischen repariert, und die Behörde hat die Anlage am Freitag nach "
    "einer gründlichen Prüfung wieder freigegeben.",
    "Für die Fahrgäste ändert sich am Fahrplan nichts, die Fahrten beginnen wie gewohnt um sechs Uhr am "
    "Morgen und enden gegen Mitternacht.",
    "Die Stadt will nun prüfen, ob ein zweiter Anleger auf der Südseite die Verbindung bei Unwettern "
    "sicherer machen kann.",
]
GERMAN_PAGE = [
    "Startseite",
    "Nachrichten",
    "Region",
    "Fähre fährt wieder nach Sturmpause",
    GERMAN_LEAD,
    *GERMAN,
    "Impressum",
    "Datenschutz",
]

ENGLISH_TITLE = "Harbour Ferry Returns To Service After Two Weeks Of Storm Damage Repairs"
ENGLISH = [
    "The operator suspended the crossing at the start of the month, after waves of more than two metres "
    "damaged the landing stage on the northern bank.",
    "Workers have since repaired the pier, and the harbour office cleared it for use on Friday after a "
    "careful inspection of the new timber.",
    "Nothing changes in the timetable for passengers: the first boat still leaves at six in the morning "
    "and the last one shortly before midnight.",
    "The town now wants to find out whether a second landing on the southern side could keep the route "
    "open when the next storm comes.",
]


def test_german_prose_raises_the_share_that_reads_as_headline_case() -> None:
    german = read_lines(GERMAN, stoplist("de"))
    english = read_lines(ENGLISH, stoplist("en"))
    assert headline_caps(german) > DEFAULT_LINE_THRESHOLDS.headline_caps
    assert headline_caps(english) == DEFAULT_LINE_THRESHOLDS.headline_caps


def test_too_few_sentences_leave_the_share_as_it_is() -> None:
    assert headline_caps(read_lines(GERMAN[:2], stoplist("de"))) == DEFAULT_LINE_THRESHOLDS.headline_caps


def test_a_german_lead_without_a_full_stop_opens_the_body() -> None:
    layout = clean_text("\n\n".join(GERMAN_PAGE))
    assert layout.paragraphs == [GERMAN_LEAD, *GERMAN]


def test_an_english_title_cased_line_stays_out_of_the_body() -> None:
    layout = clean_text("\n\n".join(["Home", "News", ENGLISH_TITLE, *ENGLISH, "Privacy policy"]))
    assert layout.paragraphs == ENGLISH
