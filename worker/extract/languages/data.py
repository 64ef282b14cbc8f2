"""The words metadata extraction reads, per language: data only, no logic.

One `Words` per language: how it writes months and weekdays in dates, the words that open a byline
("By", "Von", "Par", "Por"...), the labels that say what a date is ("Updated", "Publié le"), the
labels of people who are not the author ("Reviewed by"), and page furniture (a contents list's
heading, a reading time's label). `patterns` merges them into the lists the extractors match, so
adding a language, or a word to one, is a change here alone. A language whose spelling of a word
is another's ("januar", "april") lists it too: each list stands whole. Lowercase unless the case is
what the page prints (`written_by`).
"""

from __future__ import annotations

from worker.extract.languages.words import Words, rows

_DE_BY = ("geschrieben von", "verfasst von", "veröffentlicht von", "gepostet von", "erstellt von",
          "ein artikel von", "ein beitrag von", "artikel von", "beitrag von", "von", "autor", "autorin",
          "text", "kolumnist", "kolumnistin", "autor*in", "autor/in", "autor:in", "kolumnist*in",
          "kolumnist/in", "autoren", "autorinnen", "autor*innen", "autor:innen", "autor/innen",
          "autor_innen")  # fmt: skip
_DE_PUBLISHED = ("veröffentlicht", "veröffentlichung", "erschienen", "publiziert", "erstellt", "eingetragen",
                 "datum")  # fmt: skip
_DE_UPDATED = ("aktualisiert", "aktualisierung", "letzte aktualisierung", "geändert", "letzte änderung",
               "zuletzt aktualisiert", "zuletzt geändert", "stand")  # fmt: skip
_EN_BY = ("written by", "words by", "posted by", "reported by", "story by", "article by", "published by",
          "reviewed by", "edited by", "text by", "photos by", "by", "from", "author", "authors",
          "text")  # fmt: skip
_FR_BY = ("écrit par", "rédigé par", "publié par", "propos recueillis par", "par", "auteur", "autrice",
          "réd")  # fmt: skip
_ES_BY = ("escrito por", "publicado por", "redactado por", "escribe", "por", "autor", "autora", "texto",
          "redacción")  # fmt: skip
# Words opening a part after a headline's dash that carries its sentence on ("– Until Now").
_EN_CONTINUATIONS = ("a", "an", "the", "and", "but", "or", "so", "yet", "nor", "until", "till", "now",
                     "then", "again", "still", "even", "not", "no", "here", "here's", "here’s",
                     "heres", "why", "how", "what", "when", "where", "who", "which", "if", "as",
                     "after", "before", "since", "while", "despite", "with", "without", "for", "to",
                     "from", "in", "on", "at", "by", "of", "is", "are", "was", "were", "will", "can",
                     "could", "may", "might", "should", "would", "says", "say", "said", "report",
                     "reports")  # fmt: skip
_EN_CHROME = ("share", "read more", "read next", "posted", "credit", "photo", "image",
              "table of contents", "learn", "subscribe", "sign", "follow", "advertisement", "related",
              "home", "menu", "skip", "search", "log in", "listen", "print", "email", "comment",
              "comments", "see more", "contents", "breaking news", "accessibility", "cookie",
              "privacy", "terms", "watch", "trending", "most popular", "latest", "get a demo",
              "request a demo", "book a demo", "talk to us", "contact us", "advertise with us",
              "get started", "back to", "get in touch", "start free trial",
              "start your free trial")  # fmt: skip
LANGUAGES: dict[str, Words] = {
    "en": Words(
        clock=("at", "pm", "am", "a.m.", "p.m.", "utc", "gmt"),
        months=rows(
            "january jan / february feb / march mar / april apr / may / june jun / july jul / "
            "august aug / september sep sept / october oct / november nov / december dec"
        ),
        weekdays=rows(
            "monday mon / tuesday tue tues / wednesday wed / thursday thu thur thurs / friday fri / "
            "saturday sat / sunday sun"
        ),
        byline=_EN_BY,
        written_by=(
            "Written by",
            "Written By",
            "WRITTEN BY",
            "Author:",
            "This post was written by",
            "This article was written by",
            "About the Author:",
            "About the author:",
        ),
        not_author=(
            "edited",
            "reviewed",
            "medically reviewed",
            "fact checked",
            "fact-checked",
            "photo",
            "photos",
            "photographs",
            "illustration",
            "illustrations",
            "translated",
        ),
        published=("published", "posted", "first published", "originally published"),
        updated=(
            "updated",
            "last updated",
            "last update",
            "modified",
            "last modified",
            "revised",
            "reviewed",
        ),
        first_published=("originally published", "first published", "originally posted"),
        name_joiners=("and", "with"),
        commenter=("says", "said", "wrote", "writes", "replied", "reply"),
        reading_time=("reading time", "read time"),
        contents=(
            "table of contents",
            "contents",
            "in this article",
            "in this post",
            "in this guide",
            "on this page",
            "jump to",
        ),
        chrome=_EN_CHROME,
        picture=(
            "photo",
            "photograph",
            "image",
            "picture",
            "credit",
            "illustration",
            "image credit",
            "photo credit",
        ),
        about=("about",),
        bio_verb=("is", "was", "has"),
        pronouns=("he", "she", "his", "her", "he's", "she's", "he’s", "she’s"),
        first_person=("i", "my", "me", "i'm", "i’m", "i've", "i’ve"),
        continuations=_EN_CONTINUATIONS,
    ),
    "de": Words(
        clock=("um", "uhr"),
        months=rows(
            "januar jänner jan jän / februar feb febr / märz maerz mär / april apr / mai / juni jun / "
            "juli jul / august aug / september sep sept / oktober okt / november nov / dezember dez"
        ),
        weekdays=rows("montag / dienstag / mittwoch / donnerstag / freitag / samstag / sonntag"),
        byline=_DE_BY,
        written_by=("Geschrieben von", "Autor:"),
        not_author=("bearbeitet", "übersetzt", "übersetzung", "fotos", "foto"),
        published=_DE_PUBLISHED,
        updated=_DE_UPDATED,
        first_published=("ursprünglich veröffentlicht", "erstmals veröffentlicht"),
        name_joiners=("und",),
        commenter=("antwortete",),
        reading_time=("lesezeit",),
        contents=("inhalt", "inhaltsverzeichnis"),
        picture=("foto", "bild", "bildquelle", "fotograf"),
        about=("über",),
        bio_verb=("ist", "war"),
        pronouns=("er", "sie", "seine", "ihre"),
        first_person=("ich", "mein", "meine", "mir", "mich"),
        piece_kinds=("kommentar", "gastbeitrag", "interview", "analyse", "essay", "glosse", "kolumne"),
    ),
    "fr": Words(
        clock=("à", "h"),
        months=rows(
            "janvier janv / février févr fevrier / mars / avril avr / mai / juin / juillet juil / "
            "août aout / septembre sept / octobre oct / novembre nov / décembre decembre déc"
        ),
        weekdays=rows("lundi / mardi / mercredi / jeudi / vendredi / samedi / dimanche"),
        byline=_FR_BY,
        written_by=("Rédigé par", "Écrit par", "Auteur :", "Auteur:"),
        not_author=("édité", "traduit", "traduction", "relu", "photos"),
        published=("publié", "publié le", "mis en ligne", "paru", "date de publication"),
        updated=("mis à jour", "mise à jour", "modifié", "actualisé"),
        first_published=("initialement publié", "publié initialement"),
        name_joiners=("et",),
        commenter=("a écrit",),
        reading_time=("temps de lecture",),
        contents=("sommaire", "dans cet article"),
        picture=("photo", "crédit", "crédit photo", "illustration", "légende"),
        about=("à propos de",),
        bio_verb=("est",),
        pronouns=("il", "elle"),
        first_person=("je", "j'ai", "j’ai", "moi"),
    ),
    "es": Words(
        clock=("a las", "h", "hs"),
        months=rows(
            "enero ene / febrero feb / marzo mar / abril abr / mayo / junio jun / julio jul / "
            "agosto ago / septiembre sep / octubre oct / noviembre nov / diciembre dic"
        ),
        weekdays=rows("lunes / martes / miércoles / jueves / viernes / sábado / domingo"),
        byline=_ES_BY,
        written_by=("Escrito por", "Autor:"),
        not_author=("revisado", "editado", "traducido", "traducción", "fotos"),
        published=("publicado", "publicada", "fecha de publicación"),
        updated=("actualizado", "actualizada", "actualización", "modificado"),
        first_published=("publicado originalmente", "originalmente publicado"),
        name_joiners=("y",),
        commenter=("dice", "escribió"),
        reading_time=("tiempo de lectura",),
        contents=("índice", "indice", "tabla de contenidos", "tabla de contenido", "contenido", "contenidos"),
        picture=("foto", "imagen", "crédito", "fotografía"),
        about=("sobre",),
        bio_verb=("es",),
        pronouns=("él", "ella"),
        first_person=("yo", "mis"),
    ),
    "it": Words(
        clock=("alle", "ore"),
        months=rows(
            "gennaio genn gen / febbraio feb / marzo mar / aprile apr / maggio mag / giugno giu / "
            "luglio lug / agosto ago / settembre set / ottobre ott / novembre nov / dicembre dic"
        ),
        weekdays=rows(
            "lunedì lunedi / martedì martedi / mercoledì mercoledi / giovedì giovedi / venerdì venerdi / "
            "sabato / domenica"
        ),
        byline=("scritto da", "pubblicato da", "postato da", "a cura di", "di", "da", "autore", "autrice"),
        written_by=("Scritto da",),
        not_author=("revisionato", "tradotto", "traduzione"),
        published=("pubblicato", "pubblicata", "data di pubblicazione"),
        updated=("aggiornato", "aggiornata", "aggiornamento"),
        first_published=("pubblicato originariamente",),
        name_joiners=("e",),
        reading_time=("tempo di lettura",),
        contents=("indice", "in questo articolo"),
        picture=("foto", "immagine", "credito"),
        bio_verb=("è",),
        pronouns=("lui", "lei"),
        first_person=("io", "mio"),
    ),
    "pt": Words(
        clock=("às", "h"),
        months=rows(
            "janeiro jan / fevereiro fev / março mar / abril abr / maio mai / junho jun / julho jul / "
            "agosto ago / setembro set / outubro out / novembro nov / dezembro dez"
        ),
        weekdays=rows(
            "segunda-feira / terça-feira / quarta-feira / quinta-feira / sexta-feira / sábado / domingo"
        ),
        byline=("escrito por", "publicado por", "por", "autor", "autora", "texto", "da"),
        not_author=("revisado", "editado", "traduzido", "tradução"),
        published=("publicado", "publicada", "postado", "data de publicação"),
        updated=("atualizado", "atualizada", "atualização"),
        first_published=("originalmente publicado",),
        name_joiners=("e",),
        picture=("foto", "imagem", "crédito", "fotografia"),
        about=("sobre",),
        bio_verb=("é",),
        pronouns=("ele", "ela"),
        first_person=("eu", "meu", "minha"),
    ),
    "nl": Words(
        clock=("om", "uur"),
        months=rows(
            "januari jan / februari feb / maart mrt / april apr / mei / juni jun / juli jul / "
            "augustus aug / september sep / oktober okt / november nov / december dec"
        ),
        weekdays=rows("maandag / dinsdag / woensdag / donderdag / vrijdag / zaterdag / zondag"),
        byline=("door", "geschreven door", "geplaatst door", "gepubliceerd door", "auteur", "tekst"),
        written_by=("Geschreven door",),
        not_author=("vertaald", "vertaling", "bewerkt"),
        published=("gepubliceerd", "geplaatst", "datum"),
        updated=("bijgewerkt", "laatst bijgewerkt", "gewijzigd", "aangepast"),
        first_published=("oorspronkelijk gepubliceerd",),
        name_joiners=("en",),
        reading_time=("leestijd",),
        picture=("foto", "beeld", "afbeelding"),
        about=("over",),
        bio_verb=("is",),
        pronouns=("hij", "zij", "ze", "zijn", "haar"),
        first_person=("ik", "mijn"),
    ),
    "pl": Words(
        clock=("o", "godz", "godz."),
        months=rows(
            "stycznia sty / lutego lut / marca / kwietnia kwi / maja maj / czerwca cze / lipca lip / "
            "sierpnia sie / września wrz / października paź / listopada lis / grudnia gru"
        ),
        weekdays=rows("poniedziałek / wtorek / środa / czwartek / piątek / sobota / niedziela"),
        byline=("napisane przez", "przez", "autor", "autorka", "autorzy", "tekst", "napisał", "napisała"),
        written_by=("Napisane przez", "Autor:"),
        not_author=("tłumaczenie", "przetłumaczył", "przetłumaczyła"),
        published=("opublikowano", "data publikacji", "dodano", "data dodania"),
        updated=("zaktualizowano", "aktualizacja"),
        name_joiners=("i", "oraz"),
        reading_time=("czas czytania",),
        picture=("fot", "fot.", "zdjęcie", "foto", "ilustracja"),
    ),
    "cs": Words(
        clock=("v", "hod", "hod."),
        months=rows(
            "ledna / února / března / dubna / května / června / července / srpna / září / října / "
            "listopadu / prosince"
        ),
        weekdays=rows("pondělí / úterý / středa / čtvrtek / pátek / sobota / neděle"),
        byline=("napsal", "napsala", "autor", "autorka", "text"),
        not_author=("přeložil", "přeložila", "překlad"),
        published=("publikováno", "zveřejněno", "vydáno"),
        updated=("aktualizováno", "upraveno"),
        name_joiners=("a",),
        picture=("foto", "snímek", "ilustrace"),
    ),
    "ru": Words(
        clock=("в",),
        months=rows(
            "января янв / февраля фев / марта мар / апреля апр / мая / июня июн / июля июл / "
            "августа авг / сентября сен / октября окт / ноября ноя / декабря дек"
        ),
        weekdays=rows(
            "понедельник / вторник / среду среда / четверг / пятницу пятница / субботу суббота / воскресенье"
        ),
        byline=("автор", "авторы", "текст"),
        not_author=("перевод", "фото"),
        published=("опубликовано", "дата публикации"),
        updated=("обновлено", "обновлён", "изменено"),
        name_joiners=("и",),
        picture=("фото", "иллюстрация"),
    ),
    "uk": Words(
        months=rows(
            "січня / лютого / березня / квітня / травня / червня / липня / серпня / вересня / жовтня / "
            "листопада / грудня"
        ),
        weekdays=rows("понеділок / вівторок / середу / четвер / пʼятницю / суботу / неділю"),
        byline=("автор", "автори", "текст"),
        not_author=("переклад",),
        published=("опубліковано",),
        updated=("оновлено",),
        name_joiners=("і", "та"),
        picture=("фото",),
    ),
    "tr": Words(
        months=rows(
            "ocak / şubat subat / mart / nisan / mayıs mayis / haziran / temmuz / ağustos agustos / "
            "eylül eylul / ekim / kasım kasim / aralık aralik"
        ),
        weekdays=rows("pazartesi / salı / çarşamba / perşembe / cuma / cumartesi / pazar"),
        byline=("yazan", "yazar"),
        published=("yayınlandı",),
        updated=("güncellendi",),
        name_joiners=("ve",),
        picture=("fotoğraf", "foto"),
    ),
    "ro": Words(
        months=rows(
            "ianuarie / februarie / martie / aprilie / mai / iunie / iulie / august / septembrie / "
            "octombrie / noiembrie / decembrie"
        ),
        byline=("autor", "scris de"),
        published=("publicat",),
        updated=("actualizat",),
        name_joiners=("și", "şi"),
        picture=("foto", "sursa foto"),
    ),
    "fi": Words(
        clock=("klo",),
        months=rows(
            "tammikuuta / helmikuuta / maaliskuuta / huhtikuuta / toukokuuta / kesäkuuta / heinäkuuta / "
            "elokuuta / syyskuuta / lokakuuta / marraskuuta / joulukuuta"
        ),
        byline=("teksti", "kirjoittaja"),
        published=("julkaistu",),
        updated=("päivitetty",),
        name_joiners=("ja",),
        picture=("kuva",),
    ),
    "hu": Words(
        months=rows(
            "január / február febr / március / április / május / június / július / augusztus / "
            "szeptember / október / november / december"
        ),
        byline=("szerző", "írta"),
        published=("közzétéve", "publikálva", "megjelent"),
        updated=("frissítve", "módosítva"),
        name_joiners=("és",),
        picture=("fotó", "kép"),
    ),
    "id": Words(
        months=rows(
            "januari / februari / maret / april / mei / juni / juli / agustus / september / oktober / "
            "november / desember"
        ),
        byline=("penulis",),  # not "oleh" (by): a Ukrainian given name, and "Oleh karena itu" opens prose
        published=("diterbitkan", "dipublikasikan"),
        updated=("diperbarui",),
        picture=("foto", "gambar"),
    ),
    "sv": Words(
        clock=("kl", "kl."),
        months=rows(
            "januari jan / februari feb / mars / april apr / maj / juni jun / juli jul / augusti aug / "
            "september sep / oktober okt / november nov / december dec"
        ),
        weekdays=rows("måndag / tisdag / onsdag / torsdag / fredag / lördag / söndag"),
        byline=("av", "skrivet av", "skribent"),
        published=("publicerad", "publicerat"),
        updated=("uppdaterad",),
        name_joiners=("och",),
        picture=("foto", "bild"),
        about=("om",),
        bio_verb=("är",),
        pronouns=("han", "hon", "hans", "hennes"),
    ),
    "da": Words(
        clock=("kl", "kl."),
        months=rows(
            "januar jan / februar feb / marts / april apr / maj / juni jun / juli jul / august aug / "
            "september sep / oktober okt / november nov / december dec"
        ),
        weekdays=rows("mandag / tirsdag / onsdag / torsdag / fredag / lørdag / søndag"),
        byline=("af", "skrevet af", "skribent"),
        published=("udgivet", "offentliggjort"),
        updated=("opdateret",),
        name_joiners=("og",),
        picture=("foto", "billede"),
        about=("om",),
        bio_verb=("er",),
        pronouns=("han", "hun", "hans", "hendes"),
    ),
    "no": Words(
        clock=("kl", "kl."),
        months=rows(
            "januar jan / februar feb / mars / april apr / mai / juni jun / juli jul / august aug / "
            "september sep / oktober okt / november nov / desember"
        ),
        weekdays=rows("mandag / tirsdag / onsdag / torsdag / fredag / lørdag / søndag"),
        byline=("av", "skrevet av"),
        published=("publisert",),
        updated=("oppdatert",),
        name_joiners=("og",),
        picture=("foto", "bilde"),
        about=("om",),
        bio_verb=("er",),
        pronouns=("han", "hun", "hans", "hennes"),
    ),
}
# Chinese and Japanese name the reporter after "記者" / "记者" (reporter), "作者" or "筆者" (author).
# Outside `LANGUAGES`: their dates are numbers ("2019年11月28日"), read by their own pattern, not month names.
CJK_BYLINE = ("记者", "記者", "作者", "筆者")


def merged(field: str) -> tuple[str, ...]:
    """One field's words across every language, each once, in the order of `LANGUAGES`."""
    return tuple(dict.fromkeys(w for words in LANGUAGES.values() for w in getattr(words, field)))


def merged_rows(field: str) -> dict[str, int]:
    """A rows field (`months`, `weekdays`) across every language: each spelling and its row's number,
    counted from `start` as the field counts (months from 1, weekdays from 0)."""
    start = 1 if field == "months" else 0
    found: dict[str, int] = {}
    for words in LANGUAGES.values():
        for number, spellings in enumerate(getattr(words, field), start=start):
            for spelling in spellings:
                found.setdefault(spelling, number)
    return found
