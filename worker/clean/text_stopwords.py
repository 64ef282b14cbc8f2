"""Stopwords of the page's language: jusText's lists (~100 languages) chosen by py3langid.

The plain-text classifier reads the share of function words in a line, as jusText does: running prose
is full of them, menus, headline lists and credits are not. The page's language is detected first on
its long lines and that language's list is used; where the language is not confidently known or has no
list, the fallback is a small merged set of the most frequent function words of seven languages (en, fr,
de, es, it, pt, nl), which the metadata readers also use (`STOPWORDS`).
"""

from __future__ import annotations

from functools import cache

import justext

_EN = """
am being both each few here him himself its itself me may might must never now off once other ours own
same should since such those through too under until very where while whom why yet us again against any
before below between down during further how let many much must new nor said says say than through us
upon use used way well whether within without a about after all also an and any are as at be because
been but by can could did do does for from had has have he her his how i if in into is it its just more
most my no not of on one only or our out over she so some than that the their them then there these they
this to up was we were what when which who will with would you your
"""
_FR = """
ai as avons car ceci cela celle celui ces chez comment dont donc elles encore eu fut ici leurs ma mes
moi mon ni notre nos peu peut quand quel quelle quels sera seront si son tous tout toute toutes trop
vers votre vos déjà alors ainsi autre autres avant bien à au aux avec ce ces cette comme dans de des du
elle en est et été il ils je la le les leur lui mais même ne nous on ont ou où par pas plus pour qu que
qui sa sans se ses son sont sur un une vous y été était avait aussi fait très entre après depuis
"""
_DE = """
aber alle allem allen aller alles also andere anderen bereits bin dann darum dass deine dem denn dessen
dies diese diesem diesen dieser dieses dort du er euch hier ihm ihn ihnen ihre ihrem ihren immer jetzt
kein keine man mehr mich mir muss nun ob ohne schon sein seine seinem seinen seiner selbst sehr soll
sollen unter viel vom während weil welche wenn wer wieder will zwischen auch auf aus bei bis das dass
dem den der des die doch durch ein eine einem einen einer es für hat hatte ich ihr im in ist kann mit
nach nicht noch nur oder sich sie sind so über um und uns von vor war wie wir wird werden wurde zu zum
zur als am an
"""
_ES = """
aunque cada desde durante ellos ellas era eran esa ese eso esos estas estos estaba había hasta les mi
mismo nos nosotros otra otro otros porque puede qué quien sea según siempre solo tanto tiene tienen todo
todos tras tu usted a al como con de del el ella en entre es esta este fue ha han la las le les lo los
más muy no o para pero por que se ser si sin sobre su sus también un una uno y ya donde cuando hay está
son
"""
_IT = """
alle agli anche c'è cosa così dei degli dove ed era erano essere gli hai ho loro mentre molto nei nelle
noi ogni perché però poi può qui quella quello questi sempre senza sia solo sul sulla tutti tutto uno
voi a al alla anche che chi come con da dal dalla del della dei delle di e è gli ha hanno il in io la le
lo ma nel nella non per più quando se si sono su sua suo tra un una uno ci questo questa ancora
"""
_PT = """
aos até cada ainda algo assim bem depois desde deve dos ela eles essa esse esta este estão eu isso isto
lhe mesmo muito nem nós onde outra outro pode porque quem seja sempre sobre suas seus tem têm todo todos
vai você a ao aos as com como da das de do dos e é ela ele em entre era foi há mais mas na nas no nos o
os ou para pela pelo por que se sem ser seu sua são também um uma já quando está
"""
_NL = """
al alles andere bent dan daar deze doen dus echter eens ge geen had heb hebben heeft hem hier hoe haar
iets kan kon maar meer men mij mijn moet na nu ons onze reeds toch toen u veel want waren wel werden wie
wij zal zelf zou aan als bij dat de den der die dit door een en er het hij hun ik in is je maar met naar
niet nog of om ook op over te tot uit van voor was wat we werd wordt zich zijn ze zo
"""

STOPWORDS: frozenset[str] = frozenset(" ".join((_EN, _FR, _DE, _ES, _IT, _PT, _NL)).split())

# py3langid's ISO 639-1 codes -> jusText's stoplist names (the languages both know).
_JUSTEXT_NAMES = {
    "af": "Afrikaans", "an": "Aragonese", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "br": "Breton", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "ga": "Irish", "gl": "Galician", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "ht": "Haitian", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "jv": "Javanese", "ka": "Georgian", "kk": "Kazakh", "kn": "Kannada", "ko": "Korean",
    "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lb": "Luxembourgish", "lt": "Lithuanian",
    "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi", "ms": "Malay", "mt": "Maltese",
    "nb": "Norwegian_Bokmal", "ne": "Nepali", "nl": "Dutch", "nn": "Norwegian_Nynorsk",
    "no": "Norwegian_Bokmal", "oc": "Occitan", "pl": "Polish", "pt": "Portuguese", "qu": "Quechua",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian",
    "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "vo": "Volapuk", "wa": "Walloon",
}  # fmt: skip
# Scripts written without spaces between words have no word to look up: there, the function words are
# single characters (Japanese particles and endings in hiragana, Chinese grammatical characters), and
# their share of a line's characters says prose as a stop list's share of words does elsewhere
# (`clean.text_wide`). Per language, as data; a Han or kana line is read with all of them.
FUNCTION_CHARS = {
    "ja": "のはがをにでともへやかなだてたしれるいます",
    "zh": "的了是在和有这也就不都而与对及被把将从为们我他她它之于以其或但所等着过还又很会能要可说个",
    # The same characters in traditional script (Taiwan, Hong Kong).
    "zh-hant": "這與對將從為們於過還會說個後來並該",
}
WIDE_FUNCTION_CHARS: frozenset[str] = frozenset("".join(FUNCTION_CHARS.values()))
# Thai writes words together too, and spaces between phrases: its function words are looked for
# inside the runs of letters (jusText has no Thai list).
UNSPACED_FUNCTION_WORDS = {
    "th": "ที่ และ ของ ใน การ ได้ เป็น มี ไม่ ให้ ว่า จะ กับ นี้ แต่ ซึ่ง โดย จาก ไป มา แล้ว อยู่ คือ เพื่อ "
    "หรือ ก็ ความ ยัง เมื่อ ถึง ทำ",
}

# Below this confidence the language is a guess: the merged fallback is safer than a wrong list.
MIN_CONFIDENCE = 0.9


@cache
def stoplist(code: str | None) -> frozenset[str]:
    """jusText's stopwords of the language `code` (ISO 639-1); the merged fallback when it has none."""
    name = _JUSTEXT_NAMES.get(code or "")
    return frozenset(justext.get_stoplist(name)) if name else STOPWORDS


def page_language(prose: str) -> str | None:
    """The language `prose` (a page's longest lines) is written in, when it is told with confidence."""
    # Imported here: worker.extract's metadata readers import this module's STOPWORDS.
    from worker.extract.language import detect_language

    code, confidence = detect_language(prose)
    return code if code and confidence >= MIN_CONFIDENCE else None


def page_stopwords(prose: str) -> frozenset[str]:
    """The stopwords of the language `prose` (a page's longest lines) is written in."""
    return stoplist(page_language(prose))
