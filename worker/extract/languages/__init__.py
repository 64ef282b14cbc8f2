"""The words each language writes what extraction reads with, as data in one place, no logic.

    words.py      the shape of a language's row (`Words`): months, weekdays, byline openers, date
                  labels, name joiners, page furniture...
    data.py       one `Words` per language (`LANGUAGES`), and the lists merged over all of them
    ages.py       how each language writes a post's age ("2 hours ago", "vor 3 Stunden")
    interface.py  the words of a page's buttons and links ("Share", "Teilen")

Adding a language, or a word to one, is a change here alone. Which language a page is in is read by
`worker.extract.language`; the stop lists of ~100 languages come from jusText (`clean.text_stopwords`).
"""
