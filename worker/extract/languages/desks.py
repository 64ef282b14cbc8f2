"""How each language names a newsroom's desk and an unsigned piece in a byline: data only.

Per language: `desk`, the word for the editorial desk signing a piece ("Redaktion", "Redakcja",
"Redação"), which beside the outlet's name ("Redakcja Example.pl") names no person; `anonymous`, the
word a CMS fills in for no author ("anónimo", "anonyme"); `abbreviated`, the desk's short form that
stands alone as a signature ("red.", "Red."). `patterns` merges them; adding a language is a row here.
"""

from __future__ import annotations

from typing import NamedTuple


class Desk(NamedTuple):
    desk: tuple[str, ...]
    anonymous: tuple[str, ...]
    abbreviated: tuple[str, ...]


def _desk(desk: str, anonymous: str, abbreviated: str = "") -> Desk:
    return Desk(tuple(desk.split()), tuple(anonymous.split()), tuple(abbreviated.split()))


DESKS: dict[str, Desk] = {
    "en": _desk("newsroom", "anonymous"),
    "de": _desk("redaktion", "anonym", "red"),
    "fr": _desk("rédaction redaction", "anonyme", "réd red"),
    "es": _desk("redacción redaccion", "anónimo anonimo anónima", "red"),
    "it": _desk("redazione", "anonimo", "red"),
    "pt": _desk("redação redacção redacao", "anônimo anónimo", "red"),
    "nl": _desk("redactie", "anoniem", "red"),
    "pl": _desk("redakcja", "anonim", "red"),
    "cs": _desk("redakce", "anonym", "red"),
    "sk": _desk("redakcia", "anonym", "red"),
    "hr": _desk("redakcija uredništvo", "anonimno"),
    "sl": _desk("uredništvo", "anonimno"),
    "ro": _desk("redacția redactia", "anonim"),
    "hu": _desk("szerkesztőség", "névtelen", "szerk"),
    "fi": _desk("toimitus", "nimetön"),
    "sv": _desk("redaktionen", "anonym", "red"),
    "no": _desk("redaksjonen", "anonym", "red"),
    "da": _desk("redaktionen", "anonym", "red"),
    "tr": _desk("editör", "anonim"),
    "ru": _desk("редакция", "аноним"),
    "uk": _desk("редакція", "анонім"),
}


def merged_desks() -> Desk:
    """Every language's words, each once, in the order of `DESKS`."""
    return Desk(*(tuple(dict.fromkeys(w for desk in DESKS.values() for w in desk[i])) for i in range(3)))
