"""Markup vocabularies: the tags, attributes, class and id words, ARIA roles and XPath
expressions by which the stages recognise page furniture, the story's container, captions,
related boxes, bylines and dates, and the weights the locator gives them.

Class and id words are not language-bound (CMS class names are mostly English), except where a
comment names the languages (`firma`, `auteur`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from newsextract.support.lazyre import LazyPattern, compile_lazily

# --- parsing ------------------------------------------------------------------------------

# HTML's own syntax, as far as the parse stage's taming pass models it (pipeline.parse._tame)
# to keep the nesting depth it counts close to the one libxml2 builds. These follow the HTML
# standard and libxml2, not pages: no entry is a heuristic.
#
# Elements whose content is text up to their end tag, never markup.
RAW_TEXT_TAGS: tuple[str, ...] = (
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
)  # fmt: skip
# Elements that have no content and no end tag: they open nothing.
VOID_TAGS: frozenset[str] = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen", "image", "isindex"}
)  # fmt: skip
# A start tag of these closes an open `<p>` at the top of the stack.
CLOSES_P_TAGS: frozenset[str] = frozenset(
    {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
     "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
     "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"}
)  # fmt: skip
# Elements a page has only one of: a second start tag opens nothing.
SINGLETON_TAGS: frozenset[str] = frozenset({"html", "head", "body"})
# Elements that start a new line of text when their inner markup is flattened (a wider set
# than `BLOCK_TAGS`, which names the blocks the later stages cut text at).
LINE_BREAK_TAGS: frozenset[str] = CLOSES_P_TAGS | {
    "li", "dd", "dt", "tr", "td", "th", "caption", "tbody", "thead", "tfoot", "center", "dir",
    "summary", "legend", "search", "hgroup", "option", "body", "html",
}  # fmt: skip
# The open elements a start tag implicitly ends when they are at the top of the stack.
IMPLIED_END_TAGS: dict[str, frozenset[str]] = {
    **dict.fromkeys(CLOSES_P_TAGS, frozenset({"p"})),
    "li": frozenset({"li", "p"}),
    "dt": frozenset({"dt", "dd", "p"}),
    "dd": frozenset({"dt", "dd", "p"}),
    "tr": frozenset({"tr", "td", "th"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "option": frozenset({"option"}),
}
# libxml2 lets an end tag close only open elements of no higher priority: `</b>` does not
# close an open `<div>` (libxml2's own priority table; every other element has the default).
END_TAG_PRIORITY: dict[str, int] = {
    "div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180,
    "table": 190, "head": 200, "body": 200, "html": 220,
}  # fmt: skip
DEFAULT_END_TAG_PRIORITY = 100

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

# Void elements libxml2's HTML parser does not know: it nests what follows inside them (a
# `<picture>`'s `<img>` inside its last `<source>`, `COVID-<wbr>19` as `<wbr>19</wbr>`, so the
# word reads as two runs). The tags go as the page is parsed; what was put inside them stays.
NESTING_VOID_TAGS = ("source", "wbr")

# Markup that prints no text a reader sees and states nothing about the article: removed as
# soon as the page is parsed, so that no stage walks its elements (icons' `<path>`s are a
# tenth of a page's elements) and no link text takes in an icon's tooltip (`<svg><title>`).
INERT_TAGS = ("svg", "style")

# Forms hold search boxes and newsletter sign-ups; some CMSs (ASP.NET) wrap the whole page in
# one, so only a form with little text is dropped.
FORM_MAX_TEXT = 300
# The tags the cleaner judges one by one after the others are stripped (footers and asides
# may be the story's, forms may wrap the page), in the order it judges them; `<br>`s are
# marked last, in what is left. Language-independent: tag names.
JUDGED_TAGS = ("footer", "aside", "form", "br")

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
    "promo", "breadcrumb",
    # The box about the writer, after or beside the story (its text is a biography, not
    # the story): in any spelling (`about_author`, `authorBio`, `author_profile`).
    # `post-author` also names a blog's "Posted by" byline, which is no body either (the
    # metadata stage reads bylines before cleaning).
    "author-bio", "author-info", "about-author", "author-box", "author-profile",
    "editor-bio", "extended-bio", "mini-bio", "short-bio", "contributor-bio", "post-author",
    "login", "register", "donate", "app-promo", "cta", "visually-hidden",
    "sr-only", "screen-reader", "offscreen", "nocontent", "rating", "reactions", "feedback",
    "navbar", "navigation",
    "site-header", "site-footer", "masthead", "pagination", "pager", "toolbar",
    "post-nav", "nav-links", "prev-next", "next-prev", "previous-post", "next-post",
    "article-nav", "pagenav", "postnav", "tooltip", "popover", "hovercard", "rollover-", "footer",
    "flyout",
    # A rail or box of the site's coming events (`featured-events`, `module-upcoming-events`,
    # `eventwidget`): listings of other pages, not the story.
    "featured-events", "upcoming-events", "more-events", "next-events",
    "event-widget", "events-widget", "event-list", "events-list",
    # The site's or blog's tagline in the page header: one long sentence that can outvote a
    # short post.
    "site-description", "blog-description",
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
# Of those, the words of a post's meta line: a paragraph so named (`<p class="postmetadata">`,
# an old blog theme's filing-and-feeds footer) is that line however long it is; only a
# container so named can be a wrapped story.
META_LINE_WORDS: tuple[str, ...] = ("article-meta", "post-meta", "entry-meta")

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


# Where a class or id word can start: at the start of the attribute or after a separator, so
# `ad-slot` matches `ad-slot` and `top-ad-slot` but `shadow` never matches `ad`.
_WORD_START = r"(?:^|[\s_\-:]|__)"


def _first_char(alternative: str) -> str:
    # An alternative starts with a literal character, escaped or not (`re.escape`, `_compound`).
    head = alternative[:2] if alternative.startswith("\\") else alternative[:1]
    if not head or head in "()[]{}.?*+|^$":
        raise ValueError(f"an alternative must start with a literal character: {alternative!r}")
    return head


def _starting_with(alternatives: Iterable[str]) -> str:
    """A lookahead for the first characters of `alternatives`: placed after `_WORD_START`, it
    turns away at once a place where no word can start (most places, a separator followed by
    a digit or a letter no word starts with)."""
    chars = sorted({_first_char(a)[-1] for a in alternatives})
    return "(?=[" + "".join(re.escape(c) for c in chars) + "])"


def _by_first_char(alternatives: Iterable[str]) -> str:
    """`"|".join(alternatives)` with the alternatives that start with the same character in one
    branch, in their order: it matches what the plain alternation matches, preferring the
    same alternative (only those starting with the character at hand can match there), while
    `re` tries a couple of dozen branches where it tried over a hundred, at every place a word
    may start."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        head = _first_char(alternative)
        groups.setdefault(head, []).append(alternative[len(head) :])
    return "|".join(f"{head}(?:{'|'.join(rests)})" for head, rests in groups.items())


def _words_alternation(words: Iterable[str]) -> str:
    # Longest first: the word reported is the longest one at that place (`more-stories`, not
    # `more`), and a lookahead then one branch per first character (see `_by_first_char`).
    alternatives = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    return _starting_with(alternatives) + f"(?:{_by_first_char(alternatives)})"


def _word_pattern(words: tuple[str, ...]) -> LazyPattern[str]:
    # Class and id strings are lower-cased before matching: a case-sensitive pattern of literal
    # words runs several times faster than an ignore-case one.
    return compile_lazily(_WORD_START + _words_alternation(words))


def _compound(word: str) -> str:
    """`word` as a pattern whose inner hyphens also match an underscore or nothing: templates
    spell the same compound `about-author`, `about_author` and `aboutauthor` (a trailing
    hyphen, as in `ads-`, stays literal)."""
    return r"[-_]?".join(re.escape(part) for part in re.split(r"(?<=[a-z0-9])-(?=[a-z0-9])", word))


def _whole_word_pattern(words: tuple[str, ...]) -> LazyPattern[str]:
    # As `_word_pattern`, and the word must also end at a separator or the end: `lead` but
    # not Tailwind's `leading-tight`.
    return compile_lazily(rf"(?:^|[\s_\-:]){_words_alternation(words)}(?=$|[\s_\-:])")


CONTENT_ATTR = _word_pattern(CONTENT_WORDS)
META_LINE_ATTR = compile_lazily(
    r"(?:^|[\s_\-:]|__)(?:" + "|".join(_compound(w) for w in META_LINE_WORDS) + ")"
)
# Posts quoted from social networks are part of the story (the text quotes them), even though
# their wrappers carry words like "social".
EMBED_WORDS: tuple[str, ...] = (
    "embed", "twitter-tweet", "instagram-media", "tiktok-embed", "fb-post", "bluesky-embed",
)  # fmt: skip
# "caption" is distinctive enough to count anywhere in a class, camelCase included
# (`StoryPhoto-figureEmbedCaption`); the other caption words only at a word start.
CAPTION_ATTR = compile_lazily(_word_pattern(CAPTION_WORDS).pattern + "|caption")
RELATED_ATTR = _word_pattern(RELATED_WORDS)
# Of those, the words of sitewide rails ("Latest", "Most read"): such a box is not about the
# story, so it does not make a furniture-named container (a story footer) worth keeping.
SITEWIDE_RAIL_WORDS: tuple[str, ...] = ("latest", "most-read", "mostread")
# A box named by the other words is about the story: a story footer or aside holding one is
# kept for the segmenter, which reads the box into `related` (its other furniture children are
# still judged one by one).
STORY_RELATED_ATTR = _word_pattern(tuple(w for w in RELATED_WORDS if w not in SITEWIDE_RAIL_WORDS))
# Class words of a teaser card or a teaser list embedded in the story (`article-preview`,
# `wp-block-inline-teaser`, `teaser-absatz`, `linkcard`): inside the story's scope, such an
# element that is mostly links points to other stories, and is related, not body. Outside it,
# teaser lists are the site's rails. Used by all languages' CMSs.
INLINE_TEASER_WORDS: tuple[str, ...] = ("teaser", "preview", "linkcard", "link-card")
INLINE_TEASER_ATTR = _word_pattern(INLINE_TEASER_WORDS)
# Words that make a box named like a related one something else, read anywhere in its class
# (`RecircMostPopular`, `c-posts--articleTrending`, `RelatedTopics`): a sitewide rail of the
# most popular, trending, latest or recommended stories (a recommendation widget), or a list
# of topic pages, or an ad network's recommendation widget. Not about this story. Read on the
# box and on its parent and grandparent (`<ul class="tags"><li>Mehr zum Thema ...`).
NOT_STORY_BOX_WORDS: tuple[str, ...] = (
    "popular", "trending", "latest", "mostread", "most-read", "mostviewed", "most-viewed",
    "topics", "tags", "recommend", "taboola", "outbrain", "plista",
)  # fmt: skip
# A photo gallery embedded in a story: its slides' texts are captions of other pictures, not
# the story (a slideshow page of its own is kept whole: see GALLERY_MIN_STORY_CHARS).
GALLERY_WORDS: tuple[str, ...] = ("slideshow", "slide-show", "gallery", "carousel", "galerie")
GALLERY_ATTR = _word_pattern(GALLERY_WORDS)


# All class and id vocabularies in one pattern, for the cleaner's single scan of a class
# string: each match names its tier in its group. Compounds match in every spelling
# (`_compound`).
# Words that start like a furniture word but name no furniture, matched first so that the
# furniture word does not match inside them: `shared` (a CMS's component library:
# `article-headers-shared-teaser-image`) is not `share` (a share bar: `share-bar`, `sharebar`,
# and Jetpack's `sharedaddy`, which goes on as a word start). All languages' CMSs.
NOT_FURNITURE_WORDS: tuple[str, ...] = ("shared",)

_VOCABULARY_TIERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("keep", CONTENT_WORDS + CAPTION_WORDS + RELATED_WORDS),
    # An embed is kept unless it is a consent placeholder (`embed-wrapper js-embed-consent`):
    # then it is a prompt, not the quoted post.
    ("embed", EMBED_WORDS),
    ("never", NEVER_STORY_WORDS),
    ("strong", BOILERPLATE_WORDS),
    ("weak", WEAK_BOILERPLATE_WORDS),
)
# Each tier's compounds, longest first; one branch per first character (`_by_first_char`).
_TIER_ALTERNATIVES = tuple(
    (tier, [_compound(w) for w in sorted(words, key=len, reverse=True)])
    for tier, words in _VOCABULARY_TIERS
)
_NEUTRAL_ALTERNATIVES = [re.escape(w) for w in NOT_FURNITURE_WORDS]
CLASS_VOCABULARY = compile_lazily(
    _WORD_START
    + _starting_with(
        [
            *_NEUTRAL_ALTERNATIVES,
            *(a for _, alternatives in _TIER_ALTERNATIVES for a in alternatives),
        ]
    )
    + "(?:"
    + rf"(?P<neutral>(?:{'|'.join(_NEUTRAL_ALTERNATIVES)})(?=$|[\s_\-:]))|"
    + "|".join(
        f"(?P<{tier}>{_by_first_char(alternatives)})" for tier, alternatives in _TIER_ALTERNATIVES
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

# The elements the publisher marks as the body (without `data-testid`): the cleaner finds them
# once a page and asks of a furniture-named box whether it holds one.
MARKED_BODIES_XPATH = etree.XPath(
    "//@itemprop[.='articleBody' or .='articlebody']/.. | //@property[.='articleBody']/.."
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

# Whole class or id tokens that mark furniture but are too short to match as word starts
# (`bio`: the box about the writer, see the author words above).
BOILERPLATE_TOKENS: frozenset[str] = frozenset(
    {"ad", "ads", "adv", "advert", "banner", "social", "share", "nav", "sponsored", "hide",
     "hidden", "d-none", "print-only", "noprint", "comments", "related", "bio"}
)  # fmt: skip

HIDDEN_STYLE = compile_lazily(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Class words of a standfirst (the summary printed between headline and story). It is not the
# story's first paragraph, so sibling merging leaves it out; a `lead`/`lede` class, by
# contrast, marks the story's own first paragraph and is kept.
STANDFIRST_ATTR = compile_lazily(
    r"standfirst|chapo|chapeau|(?:^|[\s_-])dek(?:$|[\s_-])|sub-?headline|subtitle|strapline"
    r"|kicker|surtitre",
)

# Class words of a kicker, the topic line a CMS prints inside the <h1> above the headline:
# English kicker/overline/eyebrow/supertitle, German Dachzeile/Spitzmarke (and topline),
# French surtitre, Spanish antetítulo/cintillo, Italian occhiello. Whole words only.
KICKER_WORDS: tuple[str, ...] = (
    "kicker", "overline", "eyebrow", "supertitle", "topline", "dachzeile", "spitzmarke",
    "surtitre", "antetitulo", "cintillo", "occhiello",
)  # fmt: skip
KICKER_ATTR = _whole_word_pattern(KICKER_WORDS)
# What a kicker leaves at the edge of the headline once cut: its separator, hidden or not.
HEADLINE_SEPARATOR_CHARS = ":-–—|·•/"

# Class words of the element that holds a standfirst, or of its wrapper, when it sits right
# below the headline: English dek/standfirst/summary, German Vorspann/Einleitung/Teaser,
# French chapo, Spanish entradilla/bajada/sumario, Portuguese sapo, Nordic preamble/ingress,
# Czech and Slovak perex.
# Whole words only (`lead` but not Tailwind's `leading-tight`). Unlike STANDFIRST_ATTR, no
# kicker: a kicker is printed above the headline.
STANDFIRST_WORDS: tuple[str, ...] = (
    "standfirst", "dek", "deck", "subtitle", "sub-title", "subheadline", "sub-headline",
    "subhead", "subheader", "strapline", "summary", "abstract", "excerpt", "desc",
    "description", "lead", "lead-text", "leadtext", "lede", "intro", "intro-text", "introtext",
    "teaser", "teaser-text", "preface", "vorspann", "einleitung", "preamble", "ingress",
    "chapo", "chapeau", "entradilla", "bajada", "sumario", "sapo", "perex",
)  # fmt: skip
STANDFIRST_WORDS_ATTR = _whole_word_pattern(STANDFIRST_WORDS)
# Tags a standfirst is printed in: a paragraph, a subheading, a wrapper, or a bold run.
STANDFIRST_TAGS: frozenset[str] = frozenset(
    {"p", "div", "h2", "h3", "span", "section", "header", "strong"}
)
# Class or id words of a site's tagline in its masthead (the blog and site themes' own names,
# all languages): a "description" that describes the site, not the story.
TAGLINE_WORDS: tuple[str, ...] = ("site-description", "blog-description", "tagline", "slogan")
TAGLINE_ATTR = _whole_word_pattern(TAGLINE_WORDS)
# Tags that print a paragraph in bold (any language): a first paragraph wholly in them that the
# page also declares as its description is the standfirst (`pipeline/standfirst.py`).
BOLD_TAGS: frozenset[str] = frozenset({"strong", "b"})
# Language-neutral (markup). Utility classes that set a font weight (Tailwind, Bootstrap): a
# story's first paragraph in one of them, above paragraphs without it, is the template's
# standfirst (`pipeline/standfirst.py`).
WEIGHT_CLASSES: frozenset[str] = frozenset(
    {"font-medium", "font-semibold", "font-bold", "fw-medium", "fw-semibold", "fw-bold"}
)
# Language-neutral (markup). The heading tags a page prints its deck in under the `<h1>`
# inside the story's own element: one that prints the declared description is the
# standfirst, not a subheading (a subheading is never the page's summary).
DECK_HEADING_TAGS: frozenset[str] = frozenset({"h2", "h3"})

# Class words of a printed byline, in several languages (`firma`, `auteur`, `autor`).
BYLINE_CLASS_WORDS: tuple[str, ...] = (
    "byline", "author", "autor", "auteur", "autore", "firma", "signature", "signatur",
    "verfasser", "writer", "reporter",
)  # fmt: skip
# Class words of a source line, the credit saying whose copy the story is ("Quelle: sid/dpa"
# in a `article-footer_source`): English (most CMSs), German, Spanish/Italian/Portuguese,
# Turkish. Only a line that reads as a source line counts (`fields.bylines`), so a chart's or
# a photo's `source` element names no agency.
SOURCE_CLASS_WORDS: tuple[str, ...] = ("source", "quelle", "fuente", "fonte", "kaynak")
# Where a byline is another story's or another person's, never the story's own: a teaser
# card, a "most read" box or a comment list prints its own "By ..." lines, and a quote's
# `<cite>` names the speaker. Tags: an aside or nav is beside the story, a blockquote quotes
# someone, a figure's byline is its photographer's or its video's (`Bild © Jane Doe`, a
# video player's "| Jane Doe"). Class words: the related-box and comment vocabularies above
# (all languages' CMSs use the English words).
NOT_STORY_BYLINE_TAGS: frozenset[str] = frozenset(
    {"aside", "nav", "blockquote", "figure", "figcaption"}
)
COMMENT_WORDS: tuple[str, ...] = ("comment", "disqus")
NOT_STORY_BYLINE_ATTR = _word_pattern(("teaser", "promo", *RELATED_WORDS, *COMMENT_WORDS))
# A subheading (see SUBHEADING_TAGS) named with these words opens the comment section: what
# follows it in its container is comments, named or not (blog templates print each comment
# as a bare <div>).
COMMENT_ATTR = _word_pattern(COMMENT_WORDS)

# A photo and a short text in a box named with these words is no figure, whatever its layout:
# a teaser card (a photo and a summary), a related box, an author's portrait over the byline,
# a comment with its avatar. Matched on the box and its ancestors inside the story's scope.
NOT_FIGURE_ATTR = _word_pattern(
    ("teaser", "card", "promo", *RELATED_WORDS, *BYLINE_CLASS_WORDS, *COMMENT_WORDS)
)

# Names of an image that is not a photo (a logo, an icon, an avatar): in its class, id or file
# name. Such an image beside a short text makes no figure (a footer's logo and address, a
# weather widget's icon).
NOT_PHOTO_NAMES = compile_lazily(r"(?i:logo|icon|avatar|emoji|sprite|badge)")

# Class words of an element that prints the publication date for readers.
DATE_CLASS_WORDS: tuple[str, ...] = (
    "date", "publish", "posted", "timestamp", "fecha", "datum", "data-pub", "pubdate", "time",
)  # fmt: skip
# Class words of a printed list of the story's tags or topics.
TAG_LIST_CLASS_WORDS: tuple[str, ...] = (
    "tags", "topics", "keywords", "etiquetas", "schlagw", "mots-cles", "argomenti", "temas",
)  # fmt: skip
# A heading so named is the story's byline, time stamp or tag line set in a heading tag, never
# a section head of the story (`clean`: a weak-named heading above prose stays unless so named).
METADATA_ATTR = _word_pattern(
    (*BYLINE_CLASS_WORDS, *DATE_CLASS_WORDS, *TAG_LIST_CLASS_WORDS, "article-meta", "post-meta",
     "entry-meta")
)  # fmt: skip

# --- content location: weights ------------------------------------------------------------

# Commas of several scripts: prose has them, menus and link lists do not.
COMMAS = (",", "،", "，", "、")
POSITIVE_NAMES = compile_lazily(
    r"article|body|content|entry|hentry|main|page|post|text|blog|story|news|prose"
)
NEGATIVE_NAMES = compile_lazily(
    r"hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta"
    r"|outbrain|promo|related|scroll|shoutbox|sidebar|skyscraper|sponsor|shopping|tags"
    r"|tool|widget|teaser|recommend|more|card|list",
)
# Names of a page's side rail (`sidebar2`, `right-rail`), whole words: the locator does not
# let a rail's text win over a candidate outside it (`locate._off_the_rail`).
SIDE_RAIL_ATTR = compile_lazily(r"(?:^|[\s_\-:])(?:side[-_]?bar|rail)(?=$|[\s_\-:\d])")
TAG_BONUS: dict[str, float] = {
    "div": 5, "article": 8, "main": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "form": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3,
    "address": -3, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}  # fmt: skip
VOTING_TAGS = ("p", "pre", "td", "blockquote", "div", "section", "article", "font", "span")
PROSE_TAGS = frozenset({"p", "pre", "td", "blockquote"})

# --- segmentation -------------------------------------------------------------------------

CONTAINER_TAGS = frozenset({"div", "section", "aside", "ul", "ol", "nav", "span", "header"})
# Elements that never hold body text even when they survive cleaning.
SKIP_TAGS = frozenset({"h1", "figure", "figcaption", "img", "picture", "hr", "br"})
# A figure and its caption: what they hold is a photo's, never furniture of the page (clean).
FIGURE_TAGS = ("figure", "figcaption")
# What a photo is printed in: text inside one is a caption or a credit, never a standfirst.
PHOTO_TAGS = (*FIGURE_TAGS, "picture")
# Ancestors that bound the story's scope for captions and related boxes.
SCOPE_TAGS = frozenset({"article", "main"})
# Headings below the page's own `<h1>`: a section's, a teaser card's, a related link's card's,
# the comment section's.
SUBHEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
# The kind of a body block printed in (or inside) these tags (`BlockKind` values); other tags
# keep their parent's kind.
BLOCK_KIND_OF_TAG: dict[str, str] = {
    **dict.fromkeys(SUBHEADING_TAGS, "heading"),
    **dict.fromkeys(("li", "dt", "dd"), "list_item"),
    "blockquote": "quote",
    "pre": "preformatted",
}
# Table cells: a row of two or more cells of inline text is one block of data.
CELL_TAGS = ("td", "th")
CREDIT_CLASS_WORDS = ("credit", "photographer", "byline", "copyright", "source", "author")
# Tags a photo credit is set in beside or inside a caption ("<small>(c) Jane Doe</small>",
# "<footer>Jane Doe/Agency</footer>" at the foot of a <figure>).
CREDIT_TAGS = frozenset({"cite", "small", "footer"})
IMAGE_ATTRS = ("src", "data-src", "data-lazy-src", "data-original", "data-url")

# Attributes that can hide an element or give it a furniture role, whatever its names.
HIDING_ATTRIBUTES = frozenset({"hidden", "aria-hidden", "style", "role"})

# --- metadata -----------------------------------------------------------------------------

# schema.org types whose properties describe the article itself.
ARTICLE_TYPES = frozenset(
    {
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
        "liveblogposting", "socialmediaposting", "scholarlyarticle", "techarticle", "report",
        "posting", "webpage",
    }
)  # fmt: skip
# JSON-LD keys under which a page nests the article's object (a `@graph` of several objects,
# a `WebPage` whose `mainEntity` is the article): searched for an object of `ARTICLE_TYPES`.
JSON_LD_CONTAINER_KEYS = ("@graph", "mainEntity", "mainEntityOfPage")
# `<byline>`: the element some CMSs and feeds (NewsML, a few news templates) print the byline
# in, which no class names.
METADATA_TAGS = frozenset({"meta", "script", "time", "link", "title", "h1", "base", "byline"})
# Meta names (lower-cased `name` or `property`) for each field, most trusted first.
META_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "dc.title", "title", "sailthru.title"),
    "site_name": ("og:site_name", "application-name", "twitter:site"),
    "description": ("og:description", "description", "twitter:description", "dc.description"),
    "image": ("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
              "twitter:image:src", "thumbnail"),
    "url": ("og:url",),
    "locale": ("og:locale", "content-language", "dc.language", "language"),
    "published": ("article:published_time", "og:article:published_time", "datepublished",
                  "published_time", "publishdate", "publish-date", "pubdate", "date",
                  "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
                  "parsely-pub-date", "article.published", "og:published_time",
                  "cxenseparse:recs:publishtime", "publication_date", "originalpublicationdate"),
    "modified": ("article:modified_time", "og:updated_time", "datemodified", "modified_time",
                 "last-modified", "dcterms.modified", "article.updated", "lastmod"),
    # `articleauthor`: Turkish CMSs name the story's author or agency there.
    "author": ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author",
               "byl", "cxenseparse:author", "articleauthor"),
    "tags": ("article:tag", "keywords", "news_keywords", "parsely-tags", "sailthru.tags"),
    "section": ("article:section",),
    # The rights holder: a declared "author" it names is the publisher (`metadata`).
    "copyright": ("copyright", "dc.rights", "dcterms.rights", "rights"),
}  # fmt: skip

# Fields whose line breaks are kept (each line's spacing normalised): JSON-LD `articleBody`,
# the publisher's copy of the story, one paragraph a line.
MULTILINE_META_FIELDS: frozenset[str] = frozenset({"article_body"})
# Fields whose values are text to print: pages escape their entities twice in them
# (`content="K&amp;uuml;hlt&amp;uuml;rme"`, a JSON-LD `"headline": "Kohberger&#8217;s"`).
# URLs are left as they are: `&copy=` in a query is no entity.
TEXT_META_FIELDS: frozenset[str] = frozenset(
    {"title", "page_title", "description", "site_name", "author", "author_org", "article_body"}
)

# The page's own header, navigation and footer: a related box there is the site's, not the
# story's (`pipeline/related.py`).
PAGE_FURNITURE_TAGS: frozenset[str] = frozenset({"nav", "header", "footer"})
# A box with text that is no figure whatever it holds: a paragraph with a photo set in it, a
# link around a photo and a title (a teaser), a quote, an item of a list of cards.
NOT_FIGURE_TAGS: frozenset[str] = frozenset({"p", "a", "blockquote", "li"})
# The blocks a caption printed in its own box after its photo's box is set in (`<div><img
# alt="X"></div><div><span>X</span></div>`): not a heading, a list item, a quote or a table
# cell, which may repeat a photo's `alt` without being its caption. All languages.
ALT_CAPTION_TAGS: frozenset[str] = frozenset({"div", "p", "span", "figcaption", "small"})
# The blocks of a caption container that, when their whole text is a credit line, are the
# caption's credit wherever they sit in it: block-level only, as an inline element of the
# caption's sentence ("the view from <a>NASA</a>'s camera") is part of that sentence.
CREDIT_BLOCK_TAGS: frozenset[str] = frozenset({"div", "p"})
# Inside a `<figure>`, what holds no credit of its own (a photo, the link to a lightbox): a
# caption's credit printed elsewhere in its figure is looked for in the rest. (An icon's
# `<svg>` is gone before this is asked: `INERT_TAGS`.)
NOT_CREDIT_TAGS: frozenset[str] = frozenset({"img", "picture", "a"})
# What sets the site's name apart after a photo's description in its `alt` ("Caption - Site
# Name", "Caption | Site"), written so by CMSs in every language; the name is a few words.
ALT_TAG_SEPARATORS: tuple[str, ...] = (" - ", " | ", " – ", " — ")

# --- assembly -----------------------------------------------------------------------------

# Query keys that name one post on a site's root URL (WordPress, and CMSs copying it).
POST_ID_KEYS: frozenset[str] = frozenset({"p", "post", "id", "story", "article"})

# First path segments of listing pages, which are never another story.
# By language group: English (and most CMSs); German; Dutch and French; Spanish, Italian and
# Portuguese. A related box's links to these are the story's author, topic or legal pages.
SECTION_PATHS = frozenset(
    {
        "tag", "tags", "topic", "topics", "category", "categories", "author", "authors",
        "section", "profile", "subjects", "hub",
        "autor", "autoren", "themen", "thema", "schlagworte", "impressum",
        "auteur", "auteurs", "sujet", "sujets", "onderwerp",
        "temas", "tema", "autore", "autori", "argomenti",
    }
)  # fmt: skip

# A byline's neighbours that share its words but hold a biography or a photo.
NOT_BYLINE_CLASS = compile_lazily("bio|description|avatar|image|photo")
MODIFIED_CLASS = compile_lazily(r"modif|updat|aktualis|actualiz|atualiz|mis-a-jour")

# Class tokens that describe what an element is tagged with or what state it is in, not what
# it is: CMSs print a story's taxonomy and features on its container (WordPress's
# `tag-cookie-recipes category-news has-comments no-sidebar`). Their words must not make the
# story look like furniture, so such tokens are left out before the vocabularies are matched
# (unless the token itself starts with a vocabulary word: `tag-list` is a tag list).
DESCRIPTIVE_TOKEN_PREFIXES: tuple[str, ...] = (
    "tag-", "category-", "categories-", "cat-", "has-", "no-", "with-", "without-",
    "format-", "status-", "type-",
)  # fmt: skip

# --- explain ------------------------------------------------------------------------------

# `newsextract --explain` cuts the whole page into blocks as the body walk would, furniture
# included, to say what became of each.
#
# Elements whose text no reader sees: not blocks of the page.
INVISIBLE_TAGS: frozenset[str] = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "meta"}
)
# Elements whose text is a block of its own: the body walk's block tags, the headline, and
# the page furniture that cleaning removes whole.
EXPLAIN_BLOCK_TAGS: frozenset[str] = BLOCK_TAGS | {
    "h1", "body", "nav", "aside", "footer", "menu", "dialog",
}  # fmt: skip
# A paragraph-like element without block children is one block, as in the body walk.
EXPLAIN_LEAF_TAGS: frozenset[str] = PARAGRAPH_TAGS | {"h1", "figcaption", *CELL_TAGS}

# Tags of a bare block (no class, no id; any language) beside the located story that an editor
# wraps a part of the story in (a list of findings, footnotes): `pipeline/locate.py` adds one whose
# paragraphs vote and that is mostly not links.
BARE_SECTION_TAGS: frozenset[str] = frozenset({"div", "section"})
