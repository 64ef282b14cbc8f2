"""Word lists, selectors and patterns for metadata extraction: data only, no logic.

Kept in one place (as trafilatura keeps its XPath expressions in `xpaths.py`) so that adding an
agency or a date meta name is a one-line change. The words of each language (months, weekdays,
byline openers, date labels, page furniture) are in `languages.data`, one entry per language, and
merged here into the lists the extractors match.
"""

from __future__ import annotations

import re

from worker.clean.phrases import CaselessPhrases
from worker.extract.languages.data import CJK_BYLINE, merged, merged_rows
from worker.extract.languages.desks import merged_desks


def _words(text: str) -> list[str]:
    """A word list written as one string, to keep long lists readable."""
    return text.split()


# Wire agencies: the short form newsworker publishes, then every spelling that names it.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "Agence France-Press"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "dpa": ("dpa", "Deutsche Presse-Agentur", "dpa-AFX"),
    "EFE": ("EFE", "Agencia EFE"),
    "ANSA": ("ANSA",),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Jiji": ("Jiji", "Jiji Press"),
    "PA": ("PA", "PA Media", "Press Association", "PA Wire"),
    "UPI": ("UPI", "United Press International"),
    "AAP": ("AAP", "Australian Associated Press"),
    "ANI": ("ANI", "Asian News International"),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS", "Indo-Asian News Service"),
    "TASS": ("TASS", "ITAR-TASS"),
    "Interfax": ("Interfax",),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "Yonhap": ("Yonhap", "Yonhap News Agency"),
    "CP": ("CP", "The Canadian Press", "Canadian Press"),
    "APA": ("APA", "Austria Presse Agentur"),
    "Belga": ("Belga",),
    "ANP": ("ANP",),
    "Lusa": ("Lusa",),
    "Europa Press": ("Europa Press",),
    "AGI": ("AGI",),
    "KNA": ("KNA",),
    "epd": ("epd",),
    "SDA": ("SDA", "Keystone-SDA", "ATS"),
    "NTB": ("NTB",),
    "TT": ("TT",),
    "Ritzau": ("Ritzau",),
    "STT": ("STT",),
    "PAP": ("PAP",),
    "CTK": ("CTK", "ČTK"),
    "MTI": ("MTI",),
    "BTA": ("BTA",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "CNA": ("CNA", "Central News Agency"),
    "IRNA": ("IRNA",),
    "WAM": ("WAM",),
    "SPA": ("SPA", "Saudi Press Agency"),
    "MENA": ("MENA",),
    "KCNA": ("KCNA",),
    "Prensa Latina": ("Prensa Latina",),
    "Notimex": ("Notimex",),
    "Agência Brasil": ("Agência Brasil", "Agencia Brasil"),
    "Ukrinform": ("Ukrinform",),
    "PNA": ("PNA", "Philippine News Agency"),
    "NAN": ("NAN", "News Agency of Nigeria"),
    "APS": ("APS",),
}
# Short forms that are also everyday words or initials: only taken inside a dateline's parentheses
# or a credit line, never from free text.
AMBIGUOUS_AGENCY_FORMS = frozenset({"AA", "AP", "PA", "CP", "TT", "RIA", "ATS", "AGI", "SPA", "APS", "NAN"})

# Byline openers in the languages newsworker meets ("By", "Von", "Par", "Por", "Di", "Door", ...).
BYLINE_PREFIXES = (*merged("byline"), *CJK_BYLINE)
# Labels before a list of authors in a page's markup ("Contributors: Jane Doe"); not read as a byline's
# opener in plain text, where a lone "Contributors" line is a menu's.
CONTRIBUTOR_LABELS = ("contributors", "contributor")
# Honorifics written with a full stop before a name ("Prof. Jane Doe"), which is not a sentence's end.
HONORIFICS = ("Dr", "Mr", "Mrs", "Ms", "Prof", "Dott", "Sra", "Mme", "Mlle", "Hr", "Fr")
# Words joining two names: "and" in many languages, and the signs used for it.
# Lowercase particles inside a person's name ("Ludwig van Beethoven", "Luiz da Silva").
NAME_PARTICLES = tuple(_words("van von de der den da das do dos di du del della la le bin al el ter ten"))
NAME_JOINERS = (*merged("name_joiners"), "&")
_DESKS = merged_desks()
# A newsroom's desk in every language ("Redaktion", "Redakcja", "Redação").
DESK_WORDS = frozenset(_DESKS.desk)
# The kinds of piece a byline names before a "von" that is also a name's particle ("Interview von Doe").
PIECE_WORDS = frozenset(_DESKS.pieces)
# Parts of a byline that are not names: roles, ranks and page furniture.
AUTHOR_ROLE_WORDS = (
    frozenset(
        _words(
            """staff writer writers reporter reporters correspondent correspondents editor editors contributor
    contributors columnist columnists senior chief deputy managing associate assistant executive
    contributing special producer analyst team desk news newsroom photographer photography photo photos
    illustrator illustration video graphics intern freelance journalist redaktion redakteur redaktorin
    rédaction rédacteur redazione redacción agenturen agencies agences agencias agenzie
    updated published posted modified last min mins minute
    minutes read reading time comments comment share follow email twitter facebook linkedin instagram
    view profile all articles more about bio see biography expert reviewed fact checked medically
    sources source via courtesy image credit credits getty images shutterstock by written fact-checked
    author reviewer
    reviewers coordinator manager director founder co-founder ceo cto architect head marketing content
    specialist strategist consultant expert"""
        )
    )
    | DESK_WORDS
)
# The last word of a person's job title under her name ("Senior Editor"), which is never a headline's.
PERSON_ROLES = frozenset(
    _words(
        """reporter editor writer correspondent columnist analyst director manager founder co-founder ceo
    contributor producer journalist strategist specialist consultant"""
    )
)
# Roles with which a desk or a site signs when no person does ("Example Contributor", "Team Example").
SIGNATURE_ROLES = frozenset(
    _words("staff team editor editors contributor contributors expert desk newsroom writer writers reporter")
)
# A byline ending in one of these is an organisation signing as a group ("Example Editorial Team").
GROUP_WORDS = frozenset(
    {"team", "staff", "editors", "desk", "newsdesk", "newsroom", "editorial", "contributors"}
)
# A byline that only says one of these is no author.
AUTHOR_STOPLIST = frozenset(
    _words(
        """admin administrator staff editor editors guest user anonymous unknown webmaster redaktion
    team author authors contributor newsdesk desk editorial null none undefined the"""
    )
) | {"written by", "posted by", "by", *_DESKS.anonymous, *_DESKS.abbreviated, *_DESKS.box}
# Last words of an institution's name ("Example Institute"), which beside a person is her affiliation;
# a company's name ends in its legal form (`LEGAL_FORMS`, read by `companies.is_company`).
INSTITUTION_WORDS = frozenset(
    _words(
        """institute institution university college school academy foundation association society council
    network center centre hospital clinic agency ministry department
    universität université universidad università stiftung verband fundación fondation"""
    )
)
# A company's legal form, as written after its name ("Example Media GmbH", "Example Holdings, Inc."):
# the site's operator or a press release's issuer, never the person who wrote the piece. Read in any
# case ("EXAMPLE LLC", "Example Gmbh").
LEGAL_FORMS = (
    "Inc", "LLC", "L.L.C", "Ltd", "Limited", "Corp", "Corporation", "PLC", "LLP", "Pty", "GmbH", "gGmbH",
    "Co. KG", "KGaA", "OHG", "GbR", "S.A.S", "SARL", "S.p.A", "S.r.l", "Srl", "S.L.U", "Oyj", "ApS", "Kft",
    "Zrt", "s.r.o", "d.o.o", "sp. z o.o", "S.A. de C.V", "Ltda",
)  # fmt: skip
# Short legal forms that a person's signature may carry too, as letters after the name ("Jane Doe, PC",
# "Jane Doe, AB") or as a surname ("Kim Sa"): a company's only as written and after a name that is
# not a person's followed by a comma.
SHORT_LEGAL_FORMS = (
    "LP", "PC", "P.C", "AG", "KG", "UG", "eG", "e.V", "e. V", "SE", "SA", "S.A", "SAS", "SpA", "S.L", "B.V",
    "BV", "N.V", "NV", "Oy", "AB", "ASA", "A/S", "a.s", "K.K",
)  # fmt: skip
# A host's second-level label under a country's code that is the registry's, not the site's: "co" in
# example.co.uk, "com" in example.com.au, "ac" in example.ac.jp.
SECOND_LEVEL_LABELS = frozenset(
    _words("ac co com edu gob gouv gov go gv info ltd mil ne net nhs nic nom or org plc sch web")
)
# Words of a CMS account's name ("Site Admin"), which the visible byline's person outranks.
ACCOUNT_WORDS = frozenset({"admin", "administrator", "webmaster", "user", "username", "login"})
AUTHOR_MAX_WORDS = 5
AUTHOR_MAX_CHARS = 60

# Title separators between the headline and the site name, strongest first.
TITLE_SEPARATORS = (" | ", " || ", " – ", " — ", " - ", " :: ", " · ", " • ", " » ", " « ", " / ", ": ")
# "Blog > Health > Tips", "Home » News » World": a spaced step of a breadcrumb trail (not «quotes», not
# the slash a headline writes between two words: "Rain / snow mix").
TRAIL_STEP = re.compile(r"\s[>›»]\s")

# Months and their short forms, in the languages of the pages newsworker meets (`languages.data`):
# spelling to month number. Short forms that are everyday words elsewhere ("set", "out", "mai") only
# ever match between a day and a year or before a day and a year.
MONTHS: dict[str, int] = merged_rows("months")
MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))
# Days of the week and their short forms to `date.weekday()` numbers. They open a dateline ("Sat, 20
# Dec") and are no name; a lead's "said Thursday" names the day the news happened.
WEEKDAY_NUMBERS: dict[str, int] = merged_rows("weekdays")
WEEKDAYS = frozenset(WEEKDAY_NUMBERS)

# Words a page writes right before a date to say what the date is: the day it was last edited, or
# the day it first appeared. Matched as whole words, case-insensitively, in the text before the date.
UPDATED_LABELS = merged("updated")
PUBLISHED_LABELS = merged("published")

# Words that say a date is the first publication wherever they stand in the article ("This article was
# originally published on 26 Sep 2019 and has been updated since"). Not "first posted": a reader's
# words in a comment ("I first posted on ...").
FIRST_PUBLISHED_LABELS = merged("first_published")

# Meta names (property, name or itemprop) that carry the publish date, most trusted first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "article_date_original", "publish-date", "publish_date", "publishdate",
    "published-date", "published_time", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dcterms.created", "dc.date.created", "dc.date", "dcterms.date", "pubdate",
    "publication_date", "citation_publication_date", "citation_date", "date", "cxenseparse:recs:publishtime",
    "originalpublicationdate", "article:post_date", "release_date", "created",
)  # fmt: skip
UPDATED_META = (
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified",
    "article.updated", "last-modified", "lastmod", "modified", "dc.date.modified", "dcterms.modified",
    "updated_time", "parsely-updated",
)  # fmt: skip
AUTHOR_META = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
    "byl", "citation_author", "citation_authors", "cxenseparse:author", "og:article:author", "article.author",
    "authors",
)  # fmt: skip
# Author meta written "Family, Given", one author per tag, by scholarly publishers.
SCHOLARLY_AUTHOR_META = frozenset({"citation_author", "citation_authors", "dc.creator", "dcterms.creator"})
SITE_NAME_META = (
    "og:site_name",
    "application-name",
    "apple-mobile-web-app-title",
    "publisher",
    "dc.publisher",
)
DESCRIPTION_META = ("og:description", "description", "twitter:description", "dc.description")
IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
TITLE_META = ("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title")
TAG_META = ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags")
LANGUAGE_META = ("content-language", "language", "dc.language", "og:locale")

# JSON-LD types that are the article itself, and the weaker ones that only describe the page.
ARTICLE_TYPES = frozenset(
    _words(
        """article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle reviewnewsarticle
    backgroundnewsarticle askpublicnewsarticle blogposting liveblogposting socialmediaposting
    discussionforumposting techarticle scholarlyarticle report review recipe howto medicalwebpage
    creativework posting"""
    )
)
PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "qapage", "faqpage", "collectionpage"})

# Links to an author's page: the link text is the name.
AUTHOR_HREF_PARTS = (
    "/author/", "/authors/", "/writers/", "/contributor/", "/contributors/", "/autor/", "/auteur/",
    "/people/", "/journalist/",
)  # fmt: skip
# Class fragments of a byline's name element, most specific first.
AUTHOR_NAME_CLASSES = ("author__name", "author-name", "authorName")
BYLINE_NAME_CLASSES = ("byline__name", "byline-name", "bylineName")
# An element classed "author" that is its picture, biography or job, not its name.
NOT_AUTHOR_NAME_CLASSES = ("image", "avatar", "bio", "description", "role", "job")
# Classes of a picture's caption, whose "byline" is the photographer's or a sentence on the picture
# ("cutline-byline-container").
CAPTION_CLASSES = ("caption", "cutline")
# Classes of credit and copyright lines, where a wire agency is named.
CREDIT_CLASSES = ("copyright", "credit", "source")
# Class fragments that mark an element some metadata field reads: author and byline names, credits.
MARKED_CLASS_PARTS = ("author", "byline", "creator-name", *CREDIT_CLASSES)
# A label ("Written by", "Author") and the name in the element after it.
BYLINE_LABELS = (
    "Written by",
    "Author",
    "By",
    "Article by",
    "Posted by",
    "Words by",
    "Author:",
    "Written by:",
    "Authors",
    "Authors:",
    "Author(s)",
    "Author(s):",
    "Contributors:",
)
# The label's own element: the name is the text after it, or else the element after it.
BYLINE_LABEL_XPATH = (
    ".//*[" + " or ".join(f'normalize-space(text())="{label}"' for label in BYLINE_LABELS) + "]"
)
# "By Jane Doe and John Roe" in a page's words, where no markup names the author.
BYLINE_IN_TEXT = re.compile(
    r"(?:\b[Bb]y:?|\bBY:?|[Ww]ritten by|[Aa]uthor:|[Vv]on|[Pp]ar|[Pp]or)\s+"
    r"(?P<names>[A-ZÀ-Þ][\w'’.\-]+(?:\s+(?:[A-ZÀ-Þ][\w'’.\-]+|van|von|de|der|da|di|la|le)){1,3}"
    r"(?:\s*(?:,|and|&)\s*[A-ZÀ-Þ][\w'’.\-]+(?:\s+[A-ZÀ-Þ][\w'’.\-]+){1,3}){0,3})"
    # A byline ends the phrase; "by Bringing Legal Work to ..." is prose, and "by Example Non-Profit"
    # ends inside a word, not at a symbol.
    r"(?!-\w)(?=\s*$|\s*[^\w\s.'’]|\s+(?:on|updated|published|posted|last|in)\b|\s+\d|\s+(?:"
    + "|".join(n.capitalize() for n in MONTH_ALTERNATION.split("|"))
    + r")\b)"
)
# Two or three capitalised words (a name) ending just before a byline's date, after a separator.
NAME_BEFORE_DATE = re.compile(
    r"(?:^|[|·•,—–\-]\s*|\s)(?P<name>[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ]\.?)?(?:\s+[A-ZÀ-Þ][\w'’\-]+){1,2})"
    r"\s*[|·•,—–\-]?\s*$"
)
# A byline label and the capitalised words after it, however the phrase ends.
LABELLED_WORDS = re.compile(
    r"(?:\bBy:?|\bBY:?|[Ww]ritten by:?|\bAuthor:)\s+(?P<words>[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ][\w'’\-]+){1,3})"
)
# Labels, capitalised as they start a line, that say the next words are the author wherever on the page
# they stand (an author box under the article); not "Posted by", which comments write too.
WRITTEN_BY_LABELS = merged("written_by")
WRITTEN_BY_XPATH = (
    "//*[not(self::script or self::style)][text()["
    + " or ".join(f'starts-with(normalize-space(.), "{label}")' for label in WRITTEN_BY_LABELS)
    + "]]"
)
WRITTEN_BY = re.compile(
    "^(?:"
    + "|".join(re.escape(label) for label in WRITTEN_BY_LABELS)
    + r")\s*:?\s+(?P<words>[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ]\.)?(?:\s+[A-ZÀ-Þ][\w'’\-]+){1,3})"
    + r"(?P<after>\s+by\b)?"
)
# Plain text: a header line starting with one of these names someone who is not the author
# ("Reviewed by", "Photos by", "Fact checked by").
NOT_AUTHOR_LABELS = merged("not_author")
# Plain text: a reading time ("7 min read"), a header line that is no headline.
READING_TIME = re.compile(
    r"^\d+\s*(?:min|mins|minutes?|minuten|minutos|minuti)\.?\s+"
    r"(?:read|de lecture|lesezeit|lesen|de lectura|lettura|di lettura)\b",
    re.I,
)
# Plain text: a line that opens a table of contents; the headline-like lines below it are entries.
TOC_HEADINGS = merged("contents")
# Plain text: page furniture that has a headline's shape but never is one.
HEADER_CHROME_WORDS = merged("chrome")
# Plain text: a reading time's label before its minutes ("Reading time: 5 minutes", "Lesezeit").
READING_LABELS = merged("reading_time")
# Plain text: what follows a commenter's name on the line above a comment's stamp ("Jane says:").
COMMENTER_WORDS = merged("commenter")
# Plain text: a picture's caption or credit label before a colon ("Photo: Jane Doe", "Foto: dpa").
PICTURE_LABELS = merged("picture")
# Plain text: an author box's heading before the name, and the verb its note opens with after it.
AUTHOR_BOX_HEADINGS = merged("about")
AUTHOR_BIO_VERBS = frozenset(merged("bio_verb"))
PERSON_PRONOUNS = frozenset(merged("pronouns"))
# Plain text: a copyright or rights line, whose year is never a publish date and which may credit an agency.
COPYRIGHT_LINE = CaselessPhrases("©", "(c)", "copyright", "all rights reserved")
