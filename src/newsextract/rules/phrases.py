"""Boilerplate wording: the lines, prefixes and prompts that are page furniture once the
markup that said so is gone, matched on a line's text.

Each table is one vocabulary; inside it, entries are grouped by language group with a comment
per group. The length limit that bounds a pattern sits next to it.
"""

from __future__ import annotations

import re

from newsextract.support.lazyre import compile_lazily

# --- boilerplate wording --------------------------------------------------------------------

# Short lines that are labels, never story text, in several languages. Compared after
# lower-casing and stripping punctuation at the ends.
BOILERPLATE_LINES: frozenset[str] = frozenset(
    {
        # advertising labels
        "advertisement", "advertising", "advert", "ad", "ads", "sponsored", "sponsored content",
        "paid content", "anzeige", "werbung", "publicidad", "publicité", "pubblicità",
        "publicidade", "reclame", "advertentie", "annons", "reklama", "реклама", "広告",
        # more advertising labels, each the word a language's papers print over an ad slot:
        # Turkish; Danish and Norwegian; Finnish; Czech and Slovak; Hungarian; Romanian;
        # Greek; Japanese ("PR", often bracketed); Korean; Chinese; Vietnamese; Malay and
        # Indonesian; Arabic; Hindi
        "reklam", "reklame", "annonse", "mainos", "inzerce", "inzercia", "hirdetés",
        "publicitate", "διαφήμιση", "pr", "[pr]", "광고", "广告", "廣告", "quảng cáo",
        "iklan", "إعلان", "विज्ञापन",
        "story continues below advertisement", "article continues below advertisement",
        "continue reading below", "scroll to continue with content",
        "content continues below", "the article continues below",
        # follow and share widgets
        "follow us", "follow", "share", "share this", "share this article", "share on facebook",
        "share on twitter", "tweet", "email", "print", "copy link", "link copied", "comments",
        "folgen sie uns", "teilen", "síguenos", "compartir", "suivez-nous", "partager",
        "seguici", "condividi", "siga-nos", "compartilhar", "volg ons", "delen",
        "поделиться", "подписывайтесь",
        # navigation headings that open no box of stories (sitewide rails are RAIL_HEADINGS,
        # boxes about the story RELATED_HEADINGS, both consulted first)
        "related topics", "don't miss", "das könnte sie auch interessieren",
        "auch interessant", "potrebbe interessarti",
        # prompts
        "sign up", "subscribe", "subscribe now", "sign up for our newsletter", "newsletter",
        "log in", "sign in", "register", "accept", "accept cookies", "accept all",
        "back to top", "skip to content", "skip to main content", "close", "menu", "search",
        "listen to this article", "listen", "loading", "loading...", "play video", "watch",
        "image", "photo", "video", "audio", "click to expand", "enlarge this image",
        "toggle caption", "hide caption", "show caption", "view comments", "leave a comment",
        "jump to comments", "comment", "reply", "report", "download", "next", "previous",
        # blog engines' comment-form labels, printed where the comments start
        "leave a reply", "leave a response", "post a comment", "post comment", "add comment",
        "add a comment", "no comments yet", "no comments", "comments are closed",
        "trackback", "trackbacks",
    }
)  # fmt: skip

# Lines that open a box of stories about this story: the rest of that block is related links,
# not body. By language group: English; German and Dutch; Spanish, French, Italian and
# Portuguese; Russian; Japanese, Chinese, Korean.
RELATED_HEADINGS: frozenset[str] = frozenset(
    {
        "related", "related articles", "related stories", "related coverage",
        "related content", "related news", "related links", "related reading", "more on this",
        "more on this story", "more on this topic", "read more", "read next", "see also",
        "more stories", "further reading", "also read", "read also", "related posts",
        "related post", "more about this", "more coverage",
        "mehr zum thema", "lesen sie auch", "lesen sie mehr", "weitere artikel",
        "verwandte artikel",
        "verwandte themen", "zum thema", "auch interessant zum thema", "lees ook",
        "meer over dit onderwerp", "gerelateerde artikelen",
        "te puede interesar", "noticias relacionadas", "lee también", "lea también",
        "lire aussi", "à lire aussi", "sur le même sujet", "leggi anche", "leia também",
        "veja também", "saiba mais", "articles liés", "articoli correlati",
        "notícias relacionadas",
        "читайте также", "смотрите также", "по теме",
        "関連記事", "関連ニュース", "相关新闻", "相关阅读", "관련기사", "관련 기사",
    }
)  # fmt: skip

# A short heading that starts with one of these opens a box about the story ("More on the
# Gaza war", "Mehr zum Thema Nahost"), whatever follows the prefix.
RELATED_HEADING_PREFIXES: tuple[str, ...] = (
    "more on", "related", "read more", "more stories", "what to read next", "more about",
    "mehr zum", "mehr über", "weitere artikel zum", "ещё по теме",
)  # fmt: skip

# Headings of sitewide rails: latest headlines, most read, trending, recommendation widgets.
# They are not about this story: their links are neither body nor related (the product rule:
# related stories are the ones the page links as related to this story). Same language groups
# as RELATED_HEADINGS.
RAIL_HEADINGS: frozenset[str] = frozenset(
    {
        "latest", "latest headlines", "latest news", "top stories", "most read",
        "most popular", "trending", "trending now", "recommended", "recommended reading",
        "recommended for you", "you may also like", "you might also like", "popular",
        "more from", "editors' picks", "editor's picks", "just in", "breaking news",
        "meistgelesen", "meistgelesene artikel", "neueste artikel", "top-themen", "beliebt",
        "meest gelezen",
        "lo más leído", "lo más visto", "les plus lus", "à la une", "i più letti",
        "mais lidas", "últimas notícias", "últimas noticias",
        "самое читаемое", "популярное",
    }
)  # fmt: skip

# A short heading that starts with one of these opens a sitewide rail ("Most read in world
# news", "More from Reuters", "Trending in sport"), whatever follows the prefix.
RAIL_HEADING_PREFIXES: tuple[str, ...] = (
    "most read", "most popular", "more from", "latest from", "latest in", "latest news",
    "you may also", "you might also", "trending", "popular in", "editors' picks",
    "editor's picks", "top stories", "recommended", "mehr aus", "meistgelesen", "más de",
    "lo más leído", "lo más visto", "plus de", "les plus lus", "altro da", "i più letti",
    "mais lidas", "mais de", "você pode gostar", "pode gostar", "самое читаемое",
    "recent articles", "recent posts", "recent stories", "more news", "more articles",
    "popular", "most viewed", "most shared", "most watched", "other news", "see more",
    "also on", "watch more", "more videos", "up next", "more in",
)  # fmt: skip
RELATED_HEADING_MAX_CHARS = 60

# An inline line that names one related story: `RELATED Kazakhstan ...`, `READ MORE: ...`.
# Only the capitalised RELATED may be followed by a bare space (the wire style of the seed);
# every other prefix needs a colon, a dash or a bar after it, because tabloids open real
# paragraphs in capitals ("MORE than 100 people ...", "WATCH out for ...").
_RELATED_PREFIXES = (
    "related", "related story", "related article", "related content", "related coverage",
    "related news", "read more", "read also", "see also", "see more", "watch", "read",
    "more", "also read", "also on [\\w.]{2,30}", "mehr zum thema", "lesen sie auch",
    "lea también", "lee también", "lire aussi", "à lire aussi", "leggi anche",
    "leia também", "veja também", "читайте также",
)  # fmt: skip
# An inline related line is a label and one story's title: a line longer than this is a
# paragraph of the story that opens with the word ("RELATED: The endorsed candidates did
# not fare well. Aside from ..."), and stays in the body.
RELATED_LINE_MAX_CHARS = 200
RELATED_LINE = compile_lazily(
    r"^RELATED(?: STORY| ARTICLE| CONTENT| COVERAGE| NEWS)?\s+(?P<title>[^\s:|].*)$"
    r"|^(?i:" + "|".join(_RELATED_PREFIXES) + r")\s*(?::|\s[-–—|>])\s*(?P<title2>\S.*)$"
)

# Lines that are prompts to subscribe or sign up, recognised by wording rather than markup.
PROMPT_LINE = compile_lazily(
    r"^(?:sign up|subscribe|get (?:our|the) .{0,40}newsletter|click here|follow us on"
    r"|download (?:our|the) app|already a subscriber|this article is for subscribers"
    r"|to continue reading|we use cookies|by clicking|support (?:our|independent) journalism"
    r"|melden sie sich|abonnieren|suscríbete|abonnez-vous|iscriviti|assine"
    r"|like this (?:story|article)|share (?:it|this) with|email [\w .'-]{1,40} at \S+@"
    r"|our standards|(?:reach|contact) (?:the )?(?:reporters?|writers?|authors?)\b"
    r"|follow [\w'’]{1,20} (?:full |complete |live )?coverage|more ap \w+"
    r"|(?:listen to|subscribe to|catch up on) .{0,80}\bpodcast\b"
    r"|(?:follow|contact) (?:him|her|them|us|me) (?:on|at)\b"
    # English: following the site on a news aggregator, a newsletter sent to the inbox, a
    # newsletter sign-up closing a "more stories" line. ("Follow Jane Doe on Twitter" closes
    # stories too, but two of the golds count it as the story's text, so it stays.)
    r"|follow [\w.'’&-]{1,30}(?: [\w.'’&-]{1,30}){0,2} on google (?:news|discover)\b"
    r"|get [\w .,'’&-]{0,60}\bdelivered (?:straight |right |directly )?to your inbox)",
    re.IGNORECASE,
)
# A newsletter sign-up closing a "more stories" line ("Catch up on the day ... by signing up to
# our newsletter"): a PROMPT_LINE whose cue may sit anywhere in its first sentence. Kept apart
# and tried only on a line holding SIGNUP_CUE, as a pattern that may start anywhere costs
# every line a scan.
SIGNUP_CUE = "by signing up"
SIGNUP_PROMPT_LINE = compile_lazily(
    r"^[^.!?]{0,100}\bby signing up (?:to|for) our (?:free )?(?:daily |weekly )?newsletter",
    re.IGNORECASE,
)

# The placeholder a page prints for an embed (a video, a post, a chart) until the reader
# consents to load it from another site: a notice about external content and the reader's
# data, not the story. Searched anywhere in a short line, as the notice is often glued to
# its heading or button text. Phrases are the consent tools' own wording, not a story's:
# "ich bin damit einverstanden, dass mir ... angezeigt" and "personenbezogene Daten können an
# Drittplattformen übermittelt werden" are what German consent managers print, and a story
# about data protection says neither.
CONSENT_NOTICE = compile_lazily(
    # German
    r"ich bin damit einverstanden, dass mir"
    r"|(?:findest du|finden sie) (?:hier )?einen (?:[\w,]+ ){0,6}externen inhalt"
    r"|personenbezogene daten (?:können|könnten) an drittplattformen"
    r"|externen? inhalte? (?:mit einem klick )?(?:anzeigen|laden|aktivieren) lassen"
    r"|^empfohlener redaktioneller inhalt$|^ein klick für den datenschutz$"
    r"|^datenschutzeinstellungen anpassen$"
    r"|erst wenn sie (?:hier )?klicken, werden (?:\w+ ){0,4}(?:nachgeladen|geladen|angezeigt)"
    # Czech, Slovak: the skip link around an embed ("content embedded from another site")
    r"|obsah vložený z jiného webu|obsah vložený z iného webu"
    # English
    r"|you (?:need to|must) (?:accept|enable|allow) (?:\w+ ){0,4}cookies to (?:view|see|watch)"
    r"|to (?:view|see|display) this content,? (?:please )?(?:accept|enable|allow) (?:\w+ ){0,3}"
    r"(?:cookies|consent)"
    r"|this (?:content|embed) is (?:hosted|provided) by a third[- ]party"
    # French, Spanish, Italian
    r"|vous devez accepter les cookies|debes aceptar las cookies|devi accettare i cookie",
    re.IGNORECASE,
)
CONSENT_NOTICE_MAX_CHARS = 400
# A word every form of CONSENT_NOTICE holds, looked for first in the lower-cased line: the
# pattern searches the whole line, and most lines of a story hold none of these.
CONSENT_NOTICE_WORDS = (
    "einverstanden", "inhalt", "drittplattform", "datenschutz", "klicken", "vložen", "cookie",
    "consent", "third",
)  # fmt: skip

# Lines that open the page's closing furniture inside the story's container: what follows is
# the broadcast slot, the tag list, the print address or the paywall's offer, never more
# story. German public broadcasters close every story with "Dieses Thema im Programm:" and
# its slot, or "Über dieses Thema berichtete ... am ...". A line opening so ends the body only
# when a story stands above it (`STORY_END_MIN_BODY_CHARS`). Forms printed by one publisher
# only (a print view's address line, one paper's "N % of this article left") are left out.
STORY_END_LINE = compile_lazily(
    # German
    r"^(?:dieses thema im programm\b|über dieses thema berichtete\b"
    # A paywall's notice that the rest of the story is for subscribers: below it come the
    # offer's terms and buttons. German ("Weiterlesen mit <product>"), French, Spanish,
    # Italian, English, Japanese ("this article is for members", "N characters remain").
    r"|weiterlesen mit\b"
    r"|la suite est réservée aux abonnés|(?:este|el) (?:artículo|contenido) es exclusivo para"
    r" (?:suscriptores|socios)|(?:questo|l')\s?articolo è riservato agli abbonati"
    r"|this (?:article|story) is (?:only available|exclusive|reserved) (?:to|for)"
    r" (?:subscribers|members)"
    r"|この記事は(?:有料)?(?:会員|購読者)限定|この記事は有料記事です|残り\d+文字)",
    re.IGNORECASE,
)
STORY_END_LINE_MAX_CHARS = 300

# Words of share bars and app prompts. A short line made mostly of these is a widget that lost
# its markup (`Facebook Twitter WhatsApp Email`), never a sentence.
SOCIAL_WORDS: frozenset[str] = frozenset(
    {
        "facebook", "twitter", "x", "whatsapp", "pinterest", "pint", "pin", "linkedin",
        "reddit", "tumblr", "telegram", "messenger", "email", "e-mail", "mail", "print",
        "share", "shares", "tweet", "google+", "google", "flipboard", "vk", "xing", "sms",
        "copy", "link", "copied", "this", "on", "via", "save", "comment", "comments",
        "compartir", "compartilhar", "compartilhe", "teilen", "partager", "condividi",
        "drucken", "imprimir", "imprimer", "stampa", "baixar", "voltar", "back", "whatsapp.",
        "instagram", "youtube", "tiktok", "snapchat", "threads", "bluesky", "mastodon",
    }
)  # fmt: skip
SOCIAL_LINE_MAX_CHARS = 90
SOCIAL_LINE_MIN_SHARE = 0.6

# A line that opens with a metadata label and carries a date or a time: a byline or a
# "Published ... Updated ..." stamp, not prose. The date is required because "By 2030, ..."
# and "Por 3 votos ..." open real sentences.
_DATE_OR_TIME = (
    r"(?:\d{1,2}[:.h]\d{2}\b|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
    r"|\b[^\W\d_]{3,12}\.? \d{1,2},? \d{4}|\b\d{1,2}\.? (?:de )?[^\W\d_]{3,12}\.?,? (?:de )?\d{4})"
)
META_LINE = compile_lazily(
    r"^(?:by|updated|posted|published|last updated|first published|von|aktualisiert"
    r"|veröffentlicht|stand(?=\s*:)|por|publicado|actualizado|atualizado|par|publié|mis à jour|di"
    r"|pubblicato|aggiornato|door|gepubliceerd|bijgewerkt|опубликовано|обновлено)\b"
    rf"[^!?]{{0,120}}?{_DATE_OR_TIME}",
    re.IGNORECASE,
)
META_LINE_MAX_CHARS = 140

# A line that is only a date and time, in numeric or spelled-out form, perhaps with a weekday
# (of one word, or of two before a comma: Vietnamese "Thứ tư,"). The time may follow a comma,
# a bar or a dash ("28.04.2023 | 17:52 Uhr", "November 20, 2019 - 11:28 AMT") and carry its
# zone, as letters or as an offset in brackets ("(GMT+7)"); German prints "Uhr" after it, and
# a time of day alone with it ("15:36 Uhr") is a stamp too (an English "10:30" alone could be
# a score or a verse: only the German form, whose word says it is a time).
DATE_ONLY_LINE = compile_lazily(
    r"^(?:[^\W\d_]{1,12} [^\W\d_]{1,12},\s*|[\w\-,.]{0,20}[ ,]*)"
    r"(?:\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}"
    r"|\d{1,2}\.? \w{3,12}\.? \d{4}|\w{3,12}\.? \d{1,2},? \d{4}|\d{1,2} de \w{3,12} de \d{4})"
    r"(?:(?:[ ,]+|\s*[|\u2013-]\s*)(?:at|um|à|às|a las|alle|om|в)?\s*\d{1,2}[:.h]\d{2}"
    r"(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*uhr|\s*[A-Z]{2,4}|\s*\((?:GMT|UTC)\s?[+\-\u2212]\d{1,2}(?::?\d{2})?\))?)?\s*$"
    r"|^\d{1,2}[:.]\d{2}\s*uhr\s*$",
    re.IGNORECASE,
)
# The longest line DATE_ONLY_LINE can match on spaced text: a 20-character lead, the longest
# date form ("12 de septiembre de 2024") and time ("a las 10:30 p.m. CEST"), with separators.
# Longer lines are not tried (the pattern costs a prose line with digits a few microseconds).
DATE_ONLY_LINE_MAX_CHARS = 90

# A reading-time line ("5 min read", "Lesezeit: 4 Min.", "Lecture 4 min.", "Tempo de
# leitura: 2 minutos", "3 Min"): the page's estimate of the story's length, not its text. A
# number and a unit alone count only as the abbreviation ("3 Min"): "90 minutes" alone can be
# a heading. The label before the number and the word after it, per language group: English,
# German, French, Portuguese, Spanish, Italian, Dutch, Swedish, Finnish.
_READING_LABEL = (
    r"(?:reading time|read time|lesezeit|lesedauer|lecture|temps de lecture|tempo de leitura"
    r"|tiempo de lectura|tempo di lettura|lettura|leestijd|lästid|lukuaika)"
)
_READING_WORD = (
    r"(?:read|reading|lesezeit|lesedauer|de lecture|de leitura|de lectura|di lettura|leestijd"
    r"|lästid|läsning|lukuaika)"
)
_READING_UNIT = r"min(?:\.|s|ute[sn]?|uten|utos?|uti|utter|uuttia?)?"
_READING_TIME = (
    rf"(?:{_READING_LABEL}\s*:?\s*(?:ca\.\s*)?\d{{1,3}}\s*{_READING_UNIT}(?:\s*{_READING_WORD})?"
    rf"|(?:ca\.\s*)?\d{{1,3}}\s*{_READING_UNIT}\s*{_READING_WORD}|\d{{1,3}}\s*min\.?)\.?"
)
READING_TIME_LINE = compile_lazily(rf"^{_READING_TIME}$", re.IGNORECASE)
# The same estimate closing a meta line ("18.07.2024, 11.08 Uhr 7 min", "12 March 2024 · 5 min
# read"): pages print the date stamp and the reading time on one line. Whatever comes before
# it is judged as a meta line on its own (`blocks._is_metadata_line`). The separators before
# it: space, middle dot, bar, comma, dash.
TRAILING_READING_TIME = compile_lazily(rf"[\s·|,–-]+{_READING_TIME}$", re.IGNORECASE)
# The longest line tried against the time lines (READING_TIME_LINE, PLAYER_TIME_LINE,
# RELATIVE_TIME_LINE): each is a label and a few words at most.
TIME_LINE_MAX_CHARS = 40
# A time stamp relative to now ("1 day ago", "Published 4 hours ago", "vor 2 Stunden", "il y a
# 3 heures", "hace 2 horas", "3 ore fa"), alone on its line, perhaps after a label: when the
# page was rendered, not story text. Per language group: English, German, French, Spanish,
# Italian (the label words as in META_LINE).
RELATIVE_TIME_LINE = compile_lazily(
    r"^(?:(?:published|updated|posted|last updated|veröffentlicht|aktualisiert|publié"
    r"|mis à jour|publicado|actualizado|pubblicato|aggiornato)\s*:?\s*)?"
    r"(?:(?:\d{1,3}|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hrs?|hours?|days?|weeks?|months?"
    r"|years?)\s+ago"
    r"|vor\s+\d{1,3}\s+(?:sekunden|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    r"|il y a\s+\d{1,3}\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|hace\s+\d{1,3}\s+(?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)"
    r"|\d{1,3}\s+(?:secondi|minuti|ore|giorni|settimane|mesi|anni)\s+fa)\.?$",
    re.IGNORECASE,
)
# An audio or video player's readout, elapsed and total time ("00:00 / 03:15", "0:00 / 1:02:41"):
# the player's controls read as text, in any language.
PLAYER_TIME_LINE = compile_lazily(r"^\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?$")

# Labels that open a line of tags or categories.
LABEL_LINE = compile_lazily(
    r"^(?:tags?|tagged(?: with)?|filed under|categor(?:y|ies)|topics?|keywords|schlagworte"
    r"|schlagwörter|themen|etiquetas|temas|mots-clés|thèmes|argomenti|parole chiave"
    r"|assuntos|trefwoorden|теги|метки)\s*:\s*(?=\S)",
    re.IGNORECASE,
)
LABEL_LINE_MAX_CHARS = 400

# Gallery counters ("Image 1 of 5", "Foto 2 von 9"): a line made only of these is navigation.
# One counter; a line is a counter line when nothing else is left once they are removed.
# (A single anchored pattern repeating this unit backtracks exponentially on near misses.)
GALLERY_COUNTER = compile_lazily(
    r"(?:image|photo|picture|slide|foto|bild|imagen|immagine|imagem)\s*\d+\s*"
    r"(?:of|von|de|di|sur|/)\s*(?:/\s*)?\d+",
    re.IGNORECASE,
)
GALLERY_LINE_MAX_CHARS = 200
# The same counter opening a caption ("1of4Grass Valley's ...", "Image 2 of 9 A shopper"),
# with the bar some slideshows print after it ("2 of 12 | A supporter ...").
GALLERY_COUNTER_PREFIX = compile_lazily(
    r"^(?:(?:image|photo|picture|slide|foto|bild|imagen|immagine|imagem)\s*)?\d{1,3}\s*"
    r"(?:of|von|de|di|sur|/)\s*(?:/\s*)?\d{1,3}\s*(?:[|\u2022\u00b7]\s*)?",
    re.IGNORECASE,
)

# A short line that is only a copyright mark and a name or an ID ("© dpa-infocom, dpa:240614-99")
# is agency metadata; a full copyright notice of wire copy is printed text and stays.
SHORT_COPYRIGHT_LINE = compile_lazily(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)
SHORT_COPYRIGHT_MAX_CHARS = 60

# The link text that closes a teaser ("… she said. more"): a paragraph ending in one of these
# links points to another story. English, German, French, Spanish, Portuguese, Italian,
# Dutch, Nordic.
MORE_LINK_TEXTS: frozenset[str] = frozenset(
    {
        "more", "read more", "continue reading", "full story",
        "mehr", "weiterlesen", "mehr lesen", "zum artikel",
        "lire la suite", "la suite", "leer más", "seguir leyendo", "leia mais", "saiba mais",
        "continua a leggere", "leggi tutto", "lees meer", "verder lezen", "läs mer", "les mer",
        "læs mere", "lue lisää",
    }
)  # fmt: skip

# The last word of each: a paragraph ending in none of them is no teaser, whatever its links.
MORE_LINK_LAST_WORDS: frozenset[str] = frozenset(text.split()[-1] for text in MORE_LINK_TEXTS)

# Links and buttons inside a caption that are not part of it.
CAPTION_NOISE: frozenset[str] = frozenset(
    {"acquire licensing rights", "purchase licensing rights", "buy this photo", "enlarge",
     "expand", "view gallery", "open gallery", "view image", "full screen", "fullscreen",
     "zoom", "hide caption", "toggle caption", "show caption", "close", "share"}
)  # fmt: skip

# --- line classes -------------------------------------------------------------------------

LABEL_EDGE = " \t\r\n:|•·-–—>»›▶►→….*#"
# Sign-up and cookie prompts are short; a long paragraph opening with "Subscribe" is prose.
PROMPT_MAX_CHARS = 200

# What ends a sentence or announces more (any Latin-script language): a line ending in one
# is prose or a label, not a credit of capitalised names.
LINE_END_STOPS = (".", "!", "?", ":")
SENTENCE_END = (".", ":", ";", ",", "。", "．", "،", "؛")
# How a line of the story ends (a sentence, a quote closing one, a colon leading into one); a
# short line ending otherwise is furniture above the story: a kicker, the headline again, an
# agency, a time stamp.
STORY_LINE_END = (".", "!", "?", "…", ":", "。", "！", "？", '"', "”", "“", "»", "«", "’", "'", ")")

# How a sentence ends, once the quotes and brackets closing it are set aside: a caption that
# repeats a body paragraph and ends so is a sentence of prose (the paragraph stays, the
# caption goes), not a label such as a name under a portrait.
FULL_STOPS = (".", "!", "?", "\u2026")
CLOSING_QUOTES = "\"'\u201d\u2019)"
# The marks a quotation opens with, in the language groups' styles: straight, English curly,
# German low-9, guillemets both ways, CJK corner brackets.
OPENING_QUOTES = '"\u201c\u201e\u00ab\u00bb\u300c\u300e'

# A description that ends with one of these was cut short by the CMS: the standfirst it was
# taken from may go on past the cut.
ELLIPSES = ("...", "…")

# --- titles -------------------------------------------------------------------------------

# Separators between a title and the site name in `<title>` and `og:title`.
TITLE_SEPARATORS = compile_lazily(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+")

# A video's length and date printed on its card ("21.04.2024 | 3:18 min", "01:48 min", "2:43
# min", an audio's "(1 Min)"): text that holds one is a video teaser, not a photo's caption,
# and no credit. "min" is the abbreviation in de, en, fr, es, it, nl and the Nordic languages.
VIDEO_LENGTH_RE = compile_lazily(
    r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?\s?min\b|\(\s?\d{1,3}\s?(?i:min)\.?\s?\)"
)
# The cue that ends a video teaser's title ("... Breakup Rumors Watch Video").
VIDEO_CUES: frozenset[str] = frozenset({"watch video", "video ansehen", "voir la vidéo"})
# The separator between a kicker and the headline in a declared title (any language): a colon
# ("Hochwasser am Rhein: Deiche halten"). A dash-joined lead-in ("Minderheit in Syrien - ...")
# is the section's label more often than the headline's kicker, so dashes are left out.
HEADLINE_KICKER_SEPARATORS = compile_lazily(r":\s*")
