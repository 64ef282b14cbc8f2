"""The plain-text cleaner counts the function words of the page's own language."""

from worker.clean.text_stopwords import STOPWORDS, page_stopwords, stoplist

POLISH = (
    "Rząd przyjął w piątek projekt ustawy, który ma zmienić zasady finansowania szpitali w całym kraju. "
    "Minister zdrowia powiedział, że nowe przepisy wejdą w życie od przyszłego roku i że pieniądze "
    "trafią przede wszystkim do tych placówek, które są najbardziej zadłużone."
)


def test_a_polish_page_is_read_with_the_polish_stoplist() -> None:
    words = page_stopwords(POLISH)
    assert words == stoplist("pl")
    assert {"że", "który", "są"} <= words


def test_a_language_without_a_stoplist_falls_back_to_the_merged_set() -> None:
    assert stoplist("zu") is STOPWORDS


def test_too_little_text_to_tell_the_language_falls_back_to_the_merged_set() -> None:
    assert page_stopwords("Home | News | Sport") is STOPWORDS
