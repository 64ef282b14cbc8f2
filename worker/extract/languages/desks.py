"""How each language names a newsroom's desk and an unsigned piece in a byline: data only.

Per language: `desk`, the word for the editorial desk signing a piece ("Redaktion", "Redakcja",
"Redação"), which beside the outlet's name ("Redakcja Example.pl") names no person; `anonymous`, the
word a CMS fills in for no author ("anónimo", "anonyme"); `abbreviated`, the desk's short form that
stands alone as a signature ("red.", "Red."); `box`, an author box's heading or a contributor label,
which alone names no one ("Über den Autor", "Współpraca"); `pieces`, the kinds of piece a byline names
before its "by" where that word is also a name's particle ("Interview von Doe", not "Greta von Doe").
`patterns` merges them; adding a language is a row here.
"""

from __future__ import annotations

from typing import NamedTuple


class Desk(NamedTuple):
    desk: tuple[str, ...]
    anonymous: tuple[str, ...]
    abbreviated: tuple[str, ...]
    box: tuple[str, ...] = ()  # an author box's heading, read as the byline when alone ("Über den Autor")
    pieces: tuple[str, ...] = ()  # "Kommentar von Doe": a kind of piece, no given name, before "von"


def _desk(desk: str, anonymous: str, abbreviated: str = "", box: str = "", pieces: str = "") -> Desk:
    boxes = tuple(label.strip() for label in box.split("/") if label.strip())
    return Desk(
        tuple(desk.split()),
        tuple(anonymous.split()),
        tuple(abbreviated.split()),
        boxes,
        tuple(pieces.split()),
    )


_DE_PIECES = """interview kommentar bericht gastbeitrag gastkommentar analyse reportage essay kolumne
    rezension kritik glosse porträt leitartikel nachruf meinung foto fotos bild bilder video grafik
    zeichnung karikatur illustration podcast recherche übersetzung"""


DESKS: dict[str, Desk] = {
    "en": _desk("newsroom", "anonymous", "", "about the author / author info"),
    "de": _desk(
        "redaktion",
        "anonym",
        "red",
        "über den autor / über die autorin / autoreninfo / zum autor",
        _DE_PIECES,
    ),
    "fr": _desk("rédaction redaction", "anonyme", "réd red", "à propos de l'auteur / l'auteur"),
    "es": _desk("redacción redaccion", "anónimo anonimo anónima", "red", "sobre el autor / acerca del autor"),
    "it": _desk("redazione", "anonimo", "red", "sull'autore / l'autore"),
    "pt": _desk("redação redacção redacao", "anônimo anónimo", "red", "sobre o autor / sobre a autora"),
    "nl": _desk("redactie", "anoniem", "red", "over de auteur / over de schrijver"),
    "pl": _desk("redakcja", "anonim", "red", "o autorze / współpraca"),
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
    return Desk(*(tuple(dict.fromkeys(w for desk in DESKS.values() for w in desk[i])) for i in range(5)))
