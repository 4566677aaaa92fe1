"""Every rule that names markup or boilerplate wording, kept in one place.

The stages import their XPath expressions, tag sets and phrase tables from here, so that a rule
is found and changed in one spot, and so that the vocabulary can grow (more languages, more
CMS class names) without touching any algorithm.
"""

from __future__ import annotations

import re

from lxml import etree

from newsextract.support.lazyre import compile_lazily

# --- cleaning -------------------------------------------------------------------------------

# Elements whose whole subtree never holds story text.
DROP_TAGS: frozenset[str] = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe",
        "object", "embed", "applet", "button", "select", "textarea", "input", "option",
        "nav", "aside", "footer", "audio", "video", "source", "track", "map", "dialog",
        "head", "link", "meta", "base", "menu",
    }
)  # fmt: skip

# Forms hold search boxes and newsletter sign-ups; some CMSs (ASP.NET) wrap the whole page in
# one, so only a form with little text is dropped.
FORM_MAX_TEXT = 300

# Class and id words that mark page furniture, in three tiers by how sure the word is.
# Matched as whole words or word starts inside the joined class and id, so `share-bar`,
# `socialLinks` and `newsletter_signup` all match.
#
# Never the story, even when long: comments and prompts are prose too.
NEVER_STORY_WORDS: tuple[str, ...] = (
    "comment", "disqus", "cookie", "consent", "gdpr", "newsletter", "signup", "sign-up",
    "outbrain", "taboola",
)  # fmt: skip
# Furniture unless it holds several paragraphs of story (a container with an unlucky class:
# `subscriber-premium` on a paywalled story body).
BOILERPLATE_WORDS: tuple[str, ...] = (
    "subscribe", "subscription",
    "share", "sharing", "social", "follow", "advert", "adslot", "ad-slot", "ad-container",
    "ad-wrapper", "adunit", "ad-unit", "ads-", "dfp", "gpt-ad", "google-ad", "sponsor",
    "promo", "breadcrumb", "author-bio", "authorbio", "author-info", "about-author",
    "author-box", "login", "register", "donate", "app-promo", "cta", "visually-hidden",
    "sr-only", "screen-reader", "offscreen", "nocontent", "rating", "reactions", "feedback",
    "navbar", "navigation",
    "site-header", "site-footer", "masthead", "pagination", "pager", "toolbar",
    "post-nav", "nav-links", "prev-next", "next-prev", "previous-post", "next-post",
    "article-nav", "pagenav", "postnav", "tooltip", "popover", "hovercard", "rollover-", "footer",
    "flyout",
)  # fmt: skip
# Usually furniture, but CMSs also put these words on the story's own containers (Blogger's
# `widget Blog`, `paywall` on a subscriber story): removed only when they hold no prose.
WEAK_BOILERPLATE_WORDS: tuple[str, ...] = (
    "widget", "sidebar", "rail", "tools", "skip", "jump", "modal", "popup", "overlay",
    "menu", "topics", "tags", "tag-list", "taglist", "email", "copyright", "disclaimer",
    "hidden", "paywall",
    # A byline or meta line is a line: an element so named that holds a paragraph-long run
    # of text is a story wrapped by a broken or generous byline tag.
    "byline", "article-meta", "post-meta", "entry-meta", "timestamp",
)  # fmt: skip

# Words that, alongside a boilerplate word, say the element is (or holds) the story itself; an
# element carrying both is kept (e.g. `article-body has-share-bar`).
CONTENT_WORDS: tuple[str, ...] = (
    "article-body", "articlebody", "article-content", "articlecontent", "article-text",
    "story-body", "storybody", "story-content", "story-text", "entry-content", "post-content",
    "post-body", "main-content", "maincontent", "content-body", "body-text", "bodytext",
    "article__body", "article__content", "rich-text", "richtext", "text-body",
)  # fmt: skip

# Caption containers are not page furniture but they are not body either: the segmenter reads
# them as captions before cleaning drops them.
CAPTION_WORDS: tuple[str, ...] = (
    "caption", "figcaption", "wp-caption-text", "image-caption", "media-caption",
    "photo-caption", "img-caption", "credit", "photo-credit",
)  # fmt: skip

# Boxes whose links are stories the page recommends: harvested into `related`, never body.
RELATED_WORDS: tuple[str, ...] = (
    "related", "recommend", "more-stories", "morestories", "read-more", "readmore",
    "more-on", "moreon", "see-also", "seealso", "also-read", "alsoread", "further-reading",
    "latest", "most-read", "mostread", "recirc",
)  # fmt: skip


def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # A word counts at the start of the attribute or after a separator, so `ad-slot` matches
    # `ad-slot` and `top-ad-slot` but `shadow` never matches `ad`.
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # Class and id strings are lower-cased before matching: a case-sensitive pattern of literal
    # words runs several times faster than an ignore-case one.
    return compile_lazily(rf"(?:^|[\s_\-:]|__)(?:{alternation})")


CONTENT_ATTR = _word_pattern(CONTENT_WORDS)
# Posts quoted from social networks are part of the story (the text quotes them), even though
# their wrappers carry words like "social".
EMBED_WORDS: tuple[str, ...] = (
    "embed", "twitter-tweet", "instagram-media", "tiktok-embed", "fb-post", "bluesky-embed",
)  # fmt: skip
# "caption" is distinctive enough to count anywhere in a class, camelCase included
# (`InlineImage-imageEmbedCaption`); the other caption words only at a word start.
CAPTION_ATTR = compile_lazily(_word_pattern(CAPTION_WORDS).pattern + "|caption")
RELATED_ATTR = _word_pattern(RELATED_WORDS)

# All class and id vocabularies in one pattern, for the cleaner's single scan of a class
# string: each match names its tier in its group.
CLASS_VOCABULARY = compile_lazily(
    r"(?:^|[\s_\-:]|__)(?:"
    + "|".join(
        f"(?P<{tier}>{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})"
        for tier, words in (
            ("keep", CONTENT_WORDS + CAPTION_WORDS + RELATED_WORDS + EMBED_WORDS),
            ("never", NEVER_STORY_WORDS),
            ("strong", BOILERPLATE_WORDS),
            ("weak", WEAK_BOILERPLATE_WORDS),
        )
    )
    + ")|(?P<caption>caption)",
)

# ARIA roles that mark furniture.
BOILERPLATE_ROLES: frozenset[str] = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert",
     "menu", "menubar", "toolbar"}
)  # fmt: skip

# --- content location -----------------------------------------------------------------------

# Markup that publishers use to say "this is the story": checked before any scoring.
# Both expressions step to the attribute and test its value, rather than test every element
# with a predicate: libxml2 evaluates them three to four times faster.
ARTICLE_BODY_XPATH = etree.XPath(
    "//@itemprop[.='articleBody' or .='articlebody']/.. | //@data-testid[.='article-body']/.."
    " | //@property[.='articleBody']/.."
)

# The same question asked of one element: does it hold the publisher-marked body?
MARKED_BODY_XPATH = etree.XPath(
    "boolean(descendant::*/@itemprop[.='articleBody' or .='articlebody']"
    " or descendant::*/@property[.='articleBody'])"
)

BLOCK_TAGS: frozenset[str] = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th",
     "figcaption", "div", "section", "article", "main", "ul", "ol", "dl", "table", "tr",
     "tbody", "thead", "figure", "header", "form", "center", "details", "summary", "address"}
)  # fmt: skip

# Tags whose own text is a paragraph of the story when they sit inside the located content.
PARAGRAPH_TAGS: frozenset[str] = frozenset(
    {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "address"}
)

# --- boilerplate wording --------------------------------------------------------------------

# Short lines that are labels, never story text, in several languages. Compared after
# lower-casing and stripping punctuation at the ends.
BOILERPLATE_LINES: frozenset[str] = frozenset(
    {
        # advertising labels
        "advertisement", "advertising", "advert", "ad", "ads", "sponsored", "sponsored content",
        "paid content", "anzeige", "werbung", "publicidad", "publicité", "pubblicità",
        "publicidade", "reclame", "advertentie", "annons", "reklama", "реклама", "広告",
        "story continues below advertisement", "article continues below advertisement",
        "continue reading below", "scroll to continue with content",
        "content continues below", "the article continues below",
        # follow and share widgets
        "follow us", "follow", "share", "share this", "share this article", "share on facebook",
        "share on twitter", "tweet", "email", "print", "copy link", "link copied", "comments",
        "folgen sie uns", "teilen", "síguenos", "compartir", "suivez-nous", "partager",
        "seguici", "condividi", "siga-nos", "compartilhar", "volg ons", "delen",
        "поделиться", "подписывайтесь",
        # navigation and recirculation headings
        "latest headlines", "latest news", "latest", "top stories", "most read", "most popular",
        "trending", "trending now", "recommended", "recommended for you", "related",
        "related articles", "related stories", "related coverage", "related content",
        "related news", "related topics", "more on this story", "more from", "more stories",
        "read more", "read next", "see also", "you may also like", "you might also like",
        "don't miss", "mehr zum thema", "das könnte sie auch interessieren", "lesen sie auch",
        "auch interessant", "te puede interesar", "noticias relacionadas", "lee también",
        "lire aussi", "à lire aussi", "sur le même sujet", "leggi anche", "potrebbe interessarti",
        "leia também", "veja também", "lees ook", "читайте также", "смотрите также",
        # prompts
        "sign up", "subscribe", "subscribe now", "sign up for our newsletter", "newsletter",
        "log in", "sign in", "register", "accept", "accept cookies", "accept all",
        "back to top", "skip to content", "skip to main content", "close", "menu", "search",
        "listen to this article", "listen", "loading", "loading...", "play video", "watch",
        "image", "photo", "video", "audio", "click to expand", "enlarge this image",
        "toggle caption", "hide caption", "show caption", "view comments", "leave a comment",
        "jump to comments", "comment", "reply", "report", "download", "next", "previous",
    }
)  # fmt: skip

# Lines that open a recirculation block: the rest of that block is related links, not body.
RELATED_HEADINGS: frozenset[str] = frozenset(
    {
        "related", "related articles", "related stories", "related coverage",
        "related content", "related news", "related links", "related reading", "more on this",
        "more on this story", "more on this topic", "read more", "read next", "see also",
        "recommended", "recommended reading", "recommended for you", "you may also like",
        "you might also like", "latest headlines", "latest news", "more stories",
        "further reading", "also read", "mehr zum thema", "lesen sie auch", "weitere artikel",
        "te puede interesar", "noticias relacionadas", "lee también", "lea también",
        "lire aussi", "à lire aussi", "sur le même sujet", "leggi anche", "leia também",
        "veja também", "saiba mais", "lees ook", "meer over dit onderwerp", "читайте также",
        "смотрите также", "по теме",
    }
)  # fmt: skip

# A short heading that starts with one of these opens a recirculation box ("Most read in world
# news", "More from Reuters"), whatever follows the prefix.
RELATED_HEADING_PREFIXES: tuple[str, ...] = (
    "most read", "most popular", "more from", "more in", "more on", "latest from",
    "latest in", "recommended", "related", "you may also", "you might also", "trending in",
    "read more", "more stories", "popular in", "what to read next", "editors' picks",
    "editor's picks", "top stories", "mehr aus", "mehr zum", "meistgelesen", "más de",
    "lo más leído", "lo más visto", "plus de", "les plus lus", "altro da", "i più letti",
    "mais lidas", "mais de", "você pode gostar", "pode gostar", "самое читаемое", "ещё по теме",
    "recent articles", "recent posts", "recent stories", "more news", "more articles",
    "popular", "most viewed", "most shared", "most watched", "trending",
    "other news", "see more", "also on", "watch more", "more videos", "up next",
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
    r"|(?:follow|contact) (?:him|her|them|us|me) (?:on|at)\b)",
    re.IGNORECASE,
)

# Whole class or id tokens that mark furniture but are too short to match as word starts.
BOILERPLATE_TOKENS: frozenset[str] = frozenset(
    {"ad", "ads", "adv", "advert", "banner", "social", "share", "nav", "sponsored", "hide",
     "hidden", "d-none", "print-only", "noprint", "comments", "related"}
)  # fmt: skip

HIDDEN_STYLE = compile_lazily(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

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
    r"|veröffentlicht|por|publicado|actualizado|atualizado|par|publié|mis à jour|di"
    r"|pubblicato|aggiornato|door|gepubliceerd|bijgewerkt|опубликовано|обновлено)\b"
    rf"[^!?]{{0,120}}?{_DATE_OR_TIME}",
    re.IGNORECASE,
)
META_LINE_MAX_CHARS = 140

# A line that is only a date and time, in numeric or spelled-out form, perhaps with a weekday.
DATE_ONLY_LINE = compile_lazily(
    r"^[\w\-,.]{0,20}[ ,]*(?:\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}|\d{1,2}\.? \w{3,12}\.? \d{4}"
    r"|\w{3,12}\.? \d{1,2},? \d{4}|\d{1,2} de \w{3,12} de \d{4})"
    r"(?:[ ,]+(?:at|um|à|às|a las|alle|om|в)?\s*\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)

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
# The same counter opening a caption ("1of4Grass Valley's ...", "Image 2 of 9 A shopper").
GALLERY_COUNTER_PREFIX = compile_lazily(
    r"^(?:(?:image|photo|picture|slide|foto|bild|imagen|immagine|imagem)\s*)?\d{1,3}\s*"
    r"(?:of|von|de|di|sur|/)\s*(?:/\s*)?\d{1,3}\s*",
    re.IGNORECASE,
)

# A short line that is only a copyright mark and a name or an ID ("© dpa-infocom, dpa:240614-99")
# is agency metadata; a full copyright notice of wire copy is printed text and stays.
SHORT_COPYRIGHT_LINE = compile_lazily(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)
SHORT_COPYRIGHT_MAX_CHARS = 60

# Class words of a standfirst (the summary printed between headline and story). It is not the
# story's first paragraph, so sibling merging leaves it out; a `lead`/`lede` class, by
# contrast, marks the story's own first paragraph and is kept.
STANDFIRST_ATTR = compile_lazily(
    r"standfirst|chapo|chapeau|(?:^|[\s_-])dek(?:$|[\s_-])|sub-?headline|subtitle|strapline"
    r"|kicker|surtitre",
)

# Class words of the element that holds a standfirst, or of its wrapper, when it sits right
# below the headline: English dek/standfirst/summary, German Vorspann/Einleitung/Teaser,
# French chapo, Spanish entradilla/bajada/sumario, Portuguese sapo, Nordic preamble/ingress.
# Whole words only (`lead` but not Tailwind's `leading-tight`). Unlike STANDFIRST_ATTR, no
# kicker: a kicker is printed above the headline.
STANDFIRST_WORDS: tuple[str, ...] = (
    "standfirst", "dek", "deck", "subtitle", "sub-title", "subheadline", "sub-headline",
    "subhead", "subheader", "strapline", "summary", "abstract", "excerpt", "desc",
    "description", "lead", "lead-text", "leadtext", "lede", "intro", "intro-text", "introtext",
    "teaser", "teaser-text", "preface", "vorspann", "einleitung", "preamble", "ingress",
    "chapo", "chapeau", "entradilla", "bajada", "sumario", "sapo",
)  # fmt: skip
STANDFIRST_WORDS_ATTR = compile_lazily(
    r"(?:^|[\s_\-:])(?:"
    + "|".join(re.escape(w) for w in sorted(STANDFIRST_WORDS, key=len, reverse=True))
    + r")(?=$|[\s_\-:])"
)

# Links and buttons inside a caption that are not part of it.
CAPTION_NOISE: frozenset[str] = frozenset(
    {"acquire licensing rights", "purchase licensing rights", "buy this photo", "enlarge",
     "expand", "view gallery", "open gallery", "view image", "full screen", "fullscreen",
     "zoom", "hide caption", "toggle caption", "show caption", "close", "share"}
)  # fmt: skip

# Class words of a printed byline, in several languages (`firma`, `auteur`, `autor`).
BYLINE_CLASS_WORDS: tuple[str, ...] = (
    "byline", "author", "autor", "auteur", "autore", "firma", "signature", "signatur",
    "verfasser", "writer", "reporter",
)  # fmt: skip
# Class words of an element that prints the publication date for readers.
DATE_CLASS_WORDS: tuple[str, ...] = (
    "date", "publish", "posted", "timestamp", "fecha", "datum", "data-pub", "pubdate", "time",
)  # fmt: skip
# Class words of a printed list of the story's tags or topics.
TAG_LIST_CLASS_WORDS: tuple[str, ...] = (
    "tags", "topics", "keywords", "etiquetas", "schlagw", "mots-cles", "argomenti", "temas",
)  # fmt: skip

# Class tokens that describe what an element is tagged with or what state it is in, not what
# it is: CMSs print a story's taxonomy and features on its container (WordPress's
# `tag-cookie-recipes category-news has-comments no-sidebar`). Their words must not make the
# story look like furniture, so such tokens are left out before the vocabularies are matched
# (unless the token itself starts with a vocabulary word: `tag-list` is a tag list).
DESCRIPTIVE_TOKEN_PREFIXES: tuple[str, ...] = (
    "tag-", "category-", "categories-", "cat-", "has-", "no-", "with-", "without-",
    "format-", "status-", "type-",
)  # fmt: skip
