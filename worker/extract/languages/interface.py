"""The words of a page's buttons and links, per language ("Share", "Teilen", "Suche", "Newsletter"):
data only. A copied page prints them as lines of their own, near a byline, where a header reader may
take them for a name; no person's name holds one. Left out: words that are also surnames ("Link",
"Post", "Druck", "Mehr", "Stampa").
"""

from __future__ import annotations

INTERFACE: dict[str, str] = {
    "en": "share tweet retweet reblogged reply leave comment comments subscribe newsletter search filter "
          "login signup print menu homepage related latest trending videos photos top privacy",
    "de": "teilen twittern rebloggt antworten kommentieren kommentar kommentare abonnieren newsletter "
          "suche suchen filter anmelden registrieren drucken menü startseite ähnliche neueste beiträge "
          "videos fotos impressum datenschutz",
    "fr": "partager tweeter répondre commentaire commentaires commenter abonner recherche rechercher "
          "connexion imprimer accueil vidéos",
    "es": "compartir tuitear responder comentario comentarios comentar suscríbete suscribirse buscar "
          "búsqueda imprimir inicio vídeos videos",
    "it": "condividi rispondi commento commenti commenta iscriviti cerca ricerca accedi video",
    "pt": "compartilhar partilhar responder comentário comentários comentar assine pesquisar buscar "
          "imprimir entrar vídeos",
    "nl": "delen reageren reacties reactie abonneren zoeken inloggen afdrukken",
    "pl": "udostępnij odpowiedz komentarz komentarze skomentuj subskrybuj szukaj wyszukaj zaloguj drukuj",
}  # fmt: skip


_WORDS = frozenset(word for words in INTERFACE.values() for word in words.split())


def holds_interface_word(name: str) -> bool:
    """Whether a would-be name holds a button's or a link's word of any language ("Teilen Twittern")."""
    return not _WORDS.isdisjoint(name.lower().split())
