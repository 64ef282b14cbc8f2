"""Word lists for boilerplate removal: data only, no logic. Keep each list small and multilingual.

Sections are owned by the stage that reads them: `clean.text` and `clean.html` both import from here.
"""

from __future__ import annotations

# --- TEXT ---
# Read by `clean.text_lines`. Phrases are lowercase; a line is compared once lowercased and stripped of
# punctuation: it IS one of the phrases (chrome) or STARTS with one (section heads, credits).


def _phrases(block: str) -> frozenset[str]:
    """A "|"-separated block of phrases as a set (one place to read and extend them)."""
    return frozenset(" ".join(p.split()) for p in block.split("|") if p.strip())


# A line that is only this is page chrome, never article text (ads, share bars, widgets, prompts).
CHROME_LINES: frozenset[str] = _phrases(
    """
    advertisement | advertising | ad | ads | sponsored | sponsored content | promoted | anzeige |
    werbung | publicité | publicidad | pubblicità | publicidade | advertentie | share | share this |
    share this article | share on facebook | share on twitter | tweet | email | e-mail | print |
    copy link | link copied | whatsapp | facebook | twitter | linkedin | pinterest | reddit | teilen |
    drucken | partager | imprimer | compartir | imprimir | condividi | stampa | partilhar | delen |
    follow us | folgen sie uns | suivez-nous | síguenos | accessibility links | skip to content |
    skip to main content | skip to navigation | breaking news | menu | search | close | open | home |
    back to top | top | next | previous | more | show more | load more | see more | view all | see all |
    log in | login | sign in | sign up | register | subscribe | subscribe now | abonnieren | s'abonner |
    suscríbete | abbonati | assine | newsletter | menü | suche | rechercher | buscar | cerca | comments |
    comment | reply | leave a comment | leave a reply | post a comment | kommentare | antworten |
    commentaires | répondre | comentarios | responder | commenti | rispondi | comentários | reacties |
    read more | read full article | continue reading | full story | listen | listen to article |
    weiterlesen | mehr lesen | lire la suite | lire plus | leer más | seguir leyendo | leggi di più |
    continua a leggere | leia mais | saiba mais | lees meer | verder lezen
    """
)

# A short line (no sentence) starting with one of these is a prompt or a button.
CHROME_HEADS: frozenset[str] = _phrases(
    """
    reply | click to | click here | share on | share via | share to | share with | share this |
    follow us | follow me | sign up | subscribe to | log in to | sign in to | register to | download the |
    get the app | antworten | teilen auf | jetzt abonnieren | répondre | partager sur | abonnez-vous |
    inscrivez-vous | responder | compartir en | suscríbete a | rispondi | condividi su | iscriviti |
    responder | partilhar no | reageer | deel op
    """
)

# A short line starting with one of these heads a block that is not the article: what follows it
# (other headlines, comments, a bio) is dropped when it comes after the article's text.
SECTION_HEADS: frozenset[str] = _phrases(
    """
    related | related articles | related stories | related posts | related content | read more |
    read also | read next | next up | up next | more from | more on | more stories | more news |
    you may also like | you might also like | you may like | you might like | also on | recommended |
    recommended for you | most popular | most read | most viewed | trending | top stories | latest |
    latest news | popular | editor's picks | don't miss | see also | also read | about the author | tags |
    topics | filed under | share this | more in | recommended reading | recommended articles |
    recommended stories | related reading | related news |
    popular articles | popular posts | popular stories | trending news | trending now | trending stories |
    explore more | you may also be interested in | keep reading | more articles | lesen sie auch |
    mehr zum thema |
    das könnte sie auch interessieren | meistgelesen | à lire aussi | lire aussi | sur le même sujet |
    les plus lus | à voir aussi | noticias relacionadas | te puede interesar | lo más leído |
    leer también | más noticias | leggi anche | articoli correlati | i più letti | leia também |
    mais lidas | veja também | lees ook | meest gelezen | gerelateerd | empfohlene artikel |
    weitere artikel | articles recommandés | autres articles | artículos recomendados | más artículos |
    articoli consigliati | altri articoli | artigos recomendados | mais artigos | aanbevolen artikelen |
    further reading | ähnliche artikel | ähnliche beiträge | verwandte artikel | verwandte themen |
    zum weiterlesen | auch interessant | das könnte dich auch interessieren | weitere beiträge |
    über den autor | voir aussi | lire également | à lire également | articles liés | articles similaires |
    à propos de l'auteur | artículos relacionados | también te puede interesar | le puede interesar |
    lea también | lee también | vea también | sobre el autor | potrebbe interessarti |
    ti potrebbe interessare | notícias relacionadas | artigos relacionados | leia mais |
    gerelateerde artikelen | czytaj także | czytaj też | zobacz także | zobacz też | читайте также |
    смотрите также | похожие статьи | διαβάστε επίσης
    """
)

# Before a colon, these make a line a link to another article set in the text ("Lea más: <headline>",
# "Czytaj więcej: <headline>"), as a section head or a chrome line before a colon does. English "Read:"
# and "See:" are left out: English pages keep such inline links in their text more often than not.
POINTER_HEADS: frozenset[str] = _phrases(
    """
    lea | lee | lea más | lee más | mira | mire | ver | vea | ver también | puedes ver | puede leer |
    también puedes leer | leia | veja | confira | assista | lire | à lire | voir | à voir | regarder |
    écouter | lesen sie | lies auch | auch lesen | siehe | siehe auch | mehr dazu |
    hören sie | leggi | guarda | vedi | vedi anche | lees | bekijk | zie ook | czytaj | czytaj więcej |
    zobacz | sprawdź | dowiedz się więcej | čtěte | čtěte také | přečtěte si | читайте | смотрите |
    okuyun | ayrıca okuyun | olvassa el | lásd még
    """
)

# A short line that is one of these (or a number of comments, below) opens the readers' comments.
COMMENT_HEADS: frozenset[str] = _phrases(
    """
    comments | reader comments | top comments | top rated comments | leave a reply | leave a comment |
    post a comment | add a comment | join the discussion | join the conversation | discussion |
    kommentare | kommentar schreiben | leserkommentare | commentaires | laisser un commentaire |
    réactions | comentarios | deja un comentario | deja tu comentario | commenti | lascia un commento |
    comentários | deixe um comentário | reacties | reageer
    """
)

# A short line that starts with a number and then one of these opens a comment section ("109 Comments").
COMMENT_COUNTS: frozenset[str] = _phrases(
    """
    comment | comments | response | responses | reply | replies | thought | thoughts | kommentar |
    kommentare | commentaire | commentaires | comentario | comentarios | commento | commenti |
    comentário | comentários | reactie | reacties | réponse | réponses | antwort | antworten | respuesta |
    respuestas
    """
)

# A short line ending with one of these introduces a comment ("Sharon says:").
COMMENT_VERBS: frozenset[str] = _phrases(
    """
    says | said | wrote | writes | commented | replied | schreibt | schrieb | sagt | a écrit | écrit |
    dit | dice | escribió | escribe | ha scritto | scrive | disse | escreveu | schreef | zegt
    """
)

# "Jane Doe is a reporter ...": an author's bio names a role from this list.
BIO_ROLES: frozenset[str] = _phrases(
    """
    writer | reporter | journalist | editor | correspondent | columnist | author | contributor |
    freelance | freelancer | blogger | producer | journaliste | rédacteur | rédactrice | correspondant |
    correspondante | chroniqueur | journalistin | redakteur | redakteurin | korrespondent |
    korrespondentin | autor | autorin | periodista | redactor | redactora | corresponsal | columnista |
    giornalista | redattore | redattrice | jornalista | repórter | redator | redatora | verslaggever |
    redacteur | correspondent
    """
)

# How an author opens a note about themselves: "I'm Jane, a travel writer ..." (then their first name).
BIO_SELF_INTROS: frozenset[str] = _phrases(
    """
    i'm | i’m | i am | hi, i'm | hi, i’m | hi i'm | je suis | moi c'est | ich bin | soy | me llamo |
    sono | mi chiamo | eu sou | sou | ik ben
    """
)

# Lowercase words inside a person's name: "Marna van der Merwe", "Ana de la Cruz", "Omar bin Said".
NAME_PARTICLES: frozenset[str] = _phrases(
    """
    van | von | der | den | de | da | di | du | del | della | la | le | dos | das | ter | ten | bin | ibn |
    al | el | y
    """
)

# A head over the page's list of sources after the article: what follows it is not the article's text.
SOURCE_HEADS: frozenset[str] = _phrases(
    """
    sources | article sources | sources cited | citations | works cited | quellen | quellenangaben |
    sources et références | fuentes | fuentes consultadas | fonti | fontes | bronnen
    """
)

# Words that, after a capitalised "More"/"Mehr"/"Plus", make a short line a section head ("More Tech News").
SECTION_LEADS: frozenset[str] = _phrases(
    """
    more | mehr | plus | más | mais | altri | meer
    """
)

# A line containing one of these is a copyright footer: the page's text ends there.
RIGHTS_WORDS: frozenset[str] = _phrases(
    """
    all rights reserved | alle rechte vorbehalten | tous droits réservés | todos los derechos reservados |
    tutti i diritti riservati | todos os direitos reservados | alle rechten voorbehouden
    """
)

# A line containing one of these is legal or consent text (cookie prompts, policy links).
LEGAL_WORDS: frozenset[str] = _phrases(
    """
    cookie policy | cookie settings | cookie preferences | use cookies | uses cookies | accept cookies |
    privacy policy | terms of use | terms of service | terms and conditions | datenschutzerklärung |
    cookie-einstellungen | verwenden cookies | politique de confidentialité | utilise des cookies |
    utilisons des cookies | política de privacidad | utiliza cookies | utilizamos cookies |
    informativa sulla privacy | utilizza cookie | política de privacidade | utiliza cookies
    """
)

# A line starting with one of these (then ":" or "/") is a photo or video credit.
CREDIT_HEADS: frozenset[str] = _phrases(
    """
    photo | photos | image | images | picture | pictures | video | credit | credits | source | foto |
    fotos | bild | bilder | quelle | crédit | crédits | imagen | fuente | fotografia | imagem | beeld
    """
)

# Picture agencies: a short line naming one is a photo credit ("Jane Doe | Getty Images").
CREDIT_NAMES: frozenset[str] = _phrases(
    """
    getty images | shutterstock | istock | alamy | ap photo | afp photo | reuters photo | epa-efe |
    picture alliance | imago images | keystone | associated press photo | nurphoto | sipa
    """
)

# Words that place a person in a picture: "Jane Doe, left, and ..." marks a caption.
CAPTION_PLACES: frozenset[str] = _phrases(
    """
    left | right | center | centre | second left | second right | second from left | second from right |
    from left | l-r | top | bottom | pictured | à gauche | à droite | au centre | links | rechts | mitte |
    izquierda | derecha | centro | sinistra | destra | esquerda | direita
    """
)

# A prompt in one of the article's last lines makes it the sign-off, not the text: "Follow us on
# Twitter", "Sign up for our newsletter" (regular-expression fragments, matched on the lowercased line).
TEXT_TAIL_PROMPTS: tuple[str, ...] = (
    r"\b(sign[ -]?up|subscribe|newsletter|follow (us|him|her|me|them) on|join our)\b",
    r"\bdownload (our|the) app\b",
    r"\b(abonnez|abonnieren|suscr[íi]bete|inscrivez|s[íi]guenos|suivez-nous|folgen sie (uns|ihm|ihr))",
)


# --- HTML ---
# Read by `clean.html_blocks`. Lowercase regular-expression fragments, matched against a short block's
# lowercased text: either the whole block (the block IS the marker) or its start.

# The readers' comments as a box's class or id names them in the site's own language (read by
# `clean.selectors`, beside the English "comments"), plural only: the singular also names an opinion
# column ("category-kommentar", "commento"), which is an article.
NATIVE_COMMENTS: frozenset[str] = frozenset(
    {"kommentare", "commentaires", "comentarios", "commenti", "komentarze", "reacties", "kommentarer"}
)

# A block that is only one of these is a marker, not text: "ADVERTISEMENT", "Share", "Tweet".
HTML_WHOLE_MARKERS: tuple[str, ...] = (
    r"advert(isement|ising)?s?|advertisement feature|sponsored( content)?|anzeige|werbung",
    r"publicit[ée]|publicidad|annonce|pubblicit[àa]|reklame|patrocinado|gesponsert",
    r"share( this( article| story)?)?|tweet|e-?mail|print|copy link|teilen|drucken|partager|imprimer",
    r"compartir|imprimir|whatsapp|facebook|twitter|linkedin|pinterest|reddit|telegram|flipboard",
    r"comments?|kommentare?|commentaires?|comentarios?|\d+ comments?",
    r"(read|see) more|lire la suite|weiterlesen|leer m[áa]s|sigue leyendo|mehr|more",
    r"top|back to top|zur[üu]ck nach oben|haut de page|volver arriba",
)
# A short block that starts with one of these is a prompt, a pointer to other pages, or a credit.
HTML_LEADING_MARKERS: tuple[str, ...] = (
    r"(read|see) (more|also)|related( articles?| stories| content)?:|more (from|on|about)",
    r"recommended|you (may|might) (also )?like|most (read|popular)|top stories|also read",
    r"lire (aussi|également)|[àa] lire aussi|voir aussi|sur le m[êe]me sujet|lesen sie auch",
    r"mehr zum thema|auch interessant|das k[öo]nnte sie|lee tambi[ée]n|te puede interesar|m[áa]s noticias",
    r"sign up|subscribe|newsletter|abonnez|inscrivez|abonnieren|melden sie sich|suscr[íi]bete|reg[íi]strate",
    r"(this|our) (site|website) uses cookies|we use cookies|cookies?\b|datenschutz|privacy policy",
    r"politique de confidentialit[ée]|pol[íi]tica de privacidad|wir verwenden cookies|utilizamos cookies",
    r"nous utilisons des cookies",
    r"(photo|foto|image|bild|picture|credit|cr[ée]dit|cr[ée]dito|source|quelle|fuente)s?\s*:",
    r"(photo|foto|image|bild) (by|de|von|par)\b|getty images|shutterstock|istock",
    r"©|\(c\)|copyright|all rights reserved|alle rechte vorbehalten|tous droits r[ée]serv[ée]s",
    r"todos los derechos reservados",
    r"follow (us|him|her|me) on|folgen sie|suivez-nous|s[íi]guenos",
    r"leave a (reply|comment)|post a comment|laisser un commentaire|deja un comentario|kommentar schreiben",
    r"click here|klicken sie hier|cliquez ici|haga clic aqu[íi]",
)

# A heading (or a short line standing alone) that is one of these opens a section of boilerplate that
# runs to the end of the box holding it or to the next plain heading: related links, author bios,
# comments, tables of contents.
HTML_SECTION_MARKERS: tuple[str, ...] = (
    r"related( articles?| posts?| stories| content| reading| links)?|more (stories|articles|news|from|on)",
    r"(you )?(may|might) also (like|enjoy)|recommended( for you| reading)?|further reading|read next",
    r"popular( posts| articles)?|most (read|popular|viewed)|trending( now)?|latest (news|posts|articles)",
    r"about the authors?|about (the )?(writer|editor)|author bio|meet the author|written by",
    r"comments?|\d+ comments?|leave a (reply|comment)|join the (conversation|discussion)|discussion",
    r"table of contents|contents|in this article|on this page|jump to|inhalt(sverzeichnis)?|sommaire",
    r"[íi]ndice|tabla de contenidos?|contenido",
    r"(à )?lire aussi|sur le m[êe]me sujet|articles? (li[ée]s|similaires)|commentaires?",
    r"[àa] propos de l'auteur",
    r"(das )?k[öo]nnte sie auch interessieren|mehr zum thema|weitere artikel|kommentare|[üu]ber den autor",
    r"art[íi]culos relacionados|te puede interesar|m[áa]s noticias|comentarios|sobre el autor",
    r"noticias relacionadas|lo m[áa]s le[íi]do|tambi[ée]n te puede interesar",
    r"[äa]hnliche (artikel|beitr[äa]ge)|verwandte (artikel|themen)|zum weiterlesen",
    r"(das )?k[öo]nnte dich auch interessieren|meistgelesen|les plus lus",
    r"articoli correlati|potrebbe interessarti|i pi[ùu] letti",
    r"not[íi]cias relacionadas|artigos relacionados|mais lidas|gerelateerde artikelen|meest gelezen",
    r"notas relacionadas|weiterf[üu]hrende (artikel|beitr[äa]ge|links)|weitere beitr[äa]ge",
    r"passend zum thema|podobne (artyku[łl]y|przepisy)|more like this",
)

# A prompt anywhere in one of the article's last blocks makes it a sign-off, not text: "Follow us on
# Twitter", "Sign up for our newsletter", "Click here to subscribe".
HTML_TAIL_PROMPTS: tuple[str, ...] = (
    r"\b(sign up|subscribe|newsletter|follow (us|him|her|me|them)|click here|join our)\b",
    # a sentence opening on "Follow" that sends the reader to a desk's or a writer's social accounts
    r"(^|[.!?]\s+)follow\b[^.!?]{0,80}\bon "
    r"(facebook|twitter|x|instagram|linkedin|tiktok|youtube|threads|bluesky)\b",
    r"\bdownload (our|the) app\b",
    r"\b(abonnez|abonnieren|suscr[íi]bete|inscrivez|klicken sie hier|cliquez ici|haga clic|s[íi]guenos)",
    r"\b(suivez-nous|folgen sie (uns|ihm|ihr)|newsletter)\b",
    # the site's app and channels
    # the site's app and channels: told to the reader (a sentence opening on the verb, or "our app"),
    # not reported ("Passengers can download the operator's app to check the timetable")
    r"(^|[.!?]\s+)(download|get|install)\b[^.!?]{0,80}\bapps?\b",
    r"\b(download|get|install) our( \w+){0,3} apps?\b",
    r"\b(descarga|descargue|t[ée]l[ée]chargez|scarica|baixe)\b[^.!?]{0,40}\b(app|aplicaci[óo]n|application)\b",
    r"\bcanal de (telegram|youtube|whatsapp)\b",
    # asking the reader for support or membership ("we need your help" only with what it pays for)
    r"\bwe need your (help|support)\b.{0,120}\b(journalism|reporting|donat|contribut)",
    r"\bbecome a (member|subscriber|supporter|patron)\b",
    r"\b(hazte (miembro|socio)|ap[óo]yanos|[úu]nete a nuestr[oa])",
    r"\b(unterst[üu]tzen sie (uns|unsere)|unterst[üu]tze (uns|unsere)|gef[äa]llt (dir|ihnen) unser)",
    r"\b(werden sie mitglied|jetzt (mitglied|abonnieren)|(jetzt|gleich) im abo\b)",
    r"\b(soutenez|faites un don|sostienici|wesprzyj nas|zapraszamy (te[żz] )?do subskrypcji)",
)

# A heading or lone line that is one of these opens the page's notes after the article: the legal
# disclaimer, the affiliate disclosure, the reviewer's bio. Dropped as the sections above are.
HTML_NOTE_SECTION_MARKERS: tuple[str, ...] = (
    r"(legal |medical |financial |affiliate )?(disclaimer|disclosure)s?|about the (reviewers?|experts?)",
    r"avertissement|mentions l[ée]gales|haftungsausschluss|rechtlicher hinweis",
    r"aviso legal|descargo de responsabilidad|avvertenza|esclusione di responsabilit[àa]",
    # further reading, contacts and sources under the article
    r"(weitere|zus[äa]tzliche|mehr) informationen|zusatzinformationen|further information",
    r"kontakt|quellen(angaben)?|related coverage|(mehr|weitere) themen|more topics",
)

# A short paragraph saying the page earns from what it names is the site's disclosure, not the article:
# "We may receive compensation when you click", "Dieser Beitrag enthält Werbung" (lowercase fragments).
HTML_DISCLOSURES: tuple[str, ...] = (
    # the commission named with the links or purchases that earn it, either way round
    r"\bwe (may )?(receive|earn|get) (a )?(compensation|commissions?)\b[^.]{0,80}"
    r"\b(links?|click|purchases?|buy)",
    r"\b(links?|click|purchases?|buy)\b[^.]{0,80}"
    r"\bwe (may )?(receive|earn|get) (a )?(compensation|commissions?)\b",
    r"\b(this|the) (post|article|page) (contains|may contain|includes) affiliate links",
    r"\b(dieser|der) (beitrag|artikel) (enth[äa]lt|beinhaltet) (werbung|affiliate-links|anzeigen)",
    r"\b(ce|cet) (article|billet) contient des liens (affili[ée]s|sponsoris[ée]s)",
    r"\b(este|el) (art[íi]culo|post) contiene enlaces (de afiliados|afiliados|patrocinados)",
)
