"""Job titles a copied page glues before a byline's name with a hyphen, per language ("Senior-Editor
Jane Doe", "Verkehrs-Experte Jan Roth", "Rédacteur-en-chef ..."): data only. The last part of the
hyphenated word is looked up, lowercase. `text_name_glue` strips such a word from a name.
"""

from __future__ import annotations

GLUED_ROLES: dict[str, str] = {
    "en": "editor writer reporter correspondent columnist expert analyst journalist producer contributor "
          "specialist strategist director manager founder",
    "de": "experte expertin redakteur redakteurin korrespondent korrespondentin kolumnist kolumnistin "
          "reporter reporterin journalist journalistin autor autorin chefredakteur chefredakteurin "
          "ressortleiter ressortleiterin analyst analystin",
    "fr": "rédacteur rédactrice journaliste correspondant correspondante chroniqueur chroniqueuse "
          "expert experte éditorialiste",
    "es": "redactor redactora periodista corresponsal columnista experto experta editor editora",
    "it": "redattore redattrice giornalista corrispondente editorialista esperto esperta",
    "pt": "redator redatora jornalista correspondente colunista especialista editor editora",
    "nl": "redacteur redactrice journalist correspondent columnist expert verslaggever",
    "pl": "redaktor redaktorka dziennikarz dziennikarka korespondent ekspert ekspertka",
}  # fmt: skip

ROLE_WORDS = frozenset(word for words in GLUED_ROLES.values() for word in words.split())
