"""Numeric thresholds of the pipeline stages, grouped by stage, each with its reason.

A limit that bounds one phrase pattern (`META_LINE_MAX_CHARS`) sits next to that pattern in
`phrases`; date limits sit in `calendar`; memo sizes are not rules and stay with their memo.
"""

from __future__ import annotations

# --- every call -------------------------------------------------------------------------

# Seconds one `extract()` call may take: two orders of magnitude above a normal page.
DEFAULT_TIME_BUDGET = 10.0

# --- decode -------------------------------------------------------------------------------

# Generous limit on input size: no real article page comes near it. The decode stage refuses
# larger input; the batch, WARC, fetch and Dask readers stop reading at it.
DEFAULT_MAX_BYTES = 50_000_000

# How far into the page to look for a charset declaration or a binary signature.
SNIFF_BYTES = 4096
# Share of control characters in the sniffed head above which text is binary, not a page.
BINARY_CONTROL_SHARE = 0.10
# Windows-1252 bytes pasted into a UTF-8 page come one character at a time among UTF-8 or
# ASCII text ("Größe" gives a run of two); a longer run of non-UTF-8 bytes is legacy text in
# another encoding (Cyrillic, Greek or CJK words), and the page is not repaired.
MAX_PASTED_RUN = 3
# A page that is UTF-8 apart from a few stray bytes (a Windows-1252 character pasted into a
# UTF-8 template) is read as UTF-8 when it has at least this many well-formed non-ASCII
# characters per bad byte. Legacy text decoded as UTF-8 has far fewer: its non-ASCII bytes
# rarely happen to form UTF-8 sequences.
UTF8_GOOD_PER_BAD = 8
# ...and, when the page declares UTF-8, at least this many: the declaration is what a browser
# goes by, and legacy text misdeclared as UTF-8 still has almost no well-formed sequences.
UTF8_GOOD_PER_BAD_DECLARED = 2
# Detection reads at most this much of the page, starting just before its first non-ASCII
# byte, so that its cost does not grow with the page.
DETECT_BYTES = 256 * 1024
# Detection results whose chaos is within this of the least chaotic one count as equally good.
CHAOS_MARGIN = 0.02

# --- parse --------------------------------------------------------------------------------

# Levels of elements in a returned tree, `<html>` being the first: libxml2's own limit.
MAX_DEPTH = 256
# Attributes kept on one element of a page with a suspiciously long tag.
MAX_ATTRIBUTES = 256
# A tag at least this long may carry enough attributes to make libxml2 crawl.
LONG_TAG_CHARS = 16_384
# The first nesting cap leaves room below `MAX_DEPTH` for the `<html>` and `<body>` that
# libxml2 adds.
DEPTH_MARGIN = 16
# How many times the nesting is capped ever lower when libxml2 still finds the page too deep
# (the parse stage's simple model of HTML's implied end tags can disagree with libxml2's).
DEPTH_RETRIES = 3

# --- locate -------------------------------------------------------------------------------

# A paragraph shorter than this is a label, a date or a button, not prose: it casts no vote.
MIN_VOTING_CHARS = 25
# A vote grows by one point per this many characters, up to a cap, so that one very long
# paragraph does not outweigh many ordinary ones.
CHARS_PER_POINT = 100
MAX_LENGTH_POINTS = 3
# How a vote is shared up the tree: the parent gets it all, the grandparent half, and further
# ancestors a third of it divided by their distance.
ANCESTOR_LEVELS = 4
# A publisher's own body markup is trusted when it holds at least this much text.
MIN_HINTED_CHARS = 250
# Siblings of the winner join it when they score this share of the winner's score (and at
# least the minimum)...
SIBLING_SCORE_SHARE = 0.2
MIN_SIBLING_SCORE = 10.0
# ...or when they are a prose paragraph of this length with little link text.
SIBLING_PROSE_CHARS = 80
SIBLING_MAX_LINK_DENSITY = 0.25
# Candidates holding this many <article> elements are listings and lose most of their score.
LEADERS_CHECKED = 5
LISTING_MIN_ARTICLES = 2
LISTING_PENALTY = 0.3
# An <article> holding the page's <h1> wins over another <article> scoring up to this much
# more than it.
HEADLINED_ARTICLE_SHARE = 0.5
# The container of the page's <h1> (this many levels up from it at most) replaces a winner
# that lies outside it when it holds more text and scores this share of the winner's score.
HEADLINE_CONTAINER_LEVELS = 4
HEADLINE_CONTAINER_SHARE = 0.5
# A winner inside a side rail gives way to the best candidate outside any rail that scores
# this share of its score: a post of a few list lines scores a third to a half of a rail's
# "about me" paragraph, whose every comma counts.
RAIL_WINNER_SHARE = 0.3
# A rail's boxes sit right in it: an element so named further above the winner than this
# many levels is a layout wrapper (the main column of a page "with sidebar").
RAIL_LEVELS = 3
# The winner's parent replaces it when it scores this share of the winner's score.
WIDEN_SCORE_SHARE = 1.0
# Class/id words that make a candidate more or less likely to be the story.
CLASS_WEIGHT = 25

# --- segment ------------------------------------------------------------------------------

# A list whose items are nearly all link text is a list of stories, not part of the story.
LINK_LIST_MIN_ITEMS = 2
LINK_LIST_DENSITY = 0.8
# A related box is a list of links; a "related" element with mostly prose is something else.
RELATED_BOX_MIN_LINK_DENSITY = 0.5
# A container opened by a "Related" heading is a box when this share of its text is links.
RELATED_CONTAINER_MIN_LINK_DENSITY = 0.3
# A related heading opens the box that is its parent, or an ancestor up to this many levels
# above it (the heading wrapped in a title `<div>`, the list in a wrapper of its own).
RELATED_HEADING_MAX_BOX_LEVELS = 4
# The metadata pass collects short texts that may head a related box by their first characters
# (a prefilter: `pipeline.related` reads the whole heading); no heading is shorter than this.
RELATED_HEADING_KEY_CHARS = 4
# A related box's heading is a short text: an element with more descendants than this holds
# more than one line.
MAX_HEADING_DESCENDANTS = 3
# A box is no story box when it or an ancestor this close is named as a rail or a tag list.
NOT_STORY_BOX_LEVELS = 2
# A related box outside the story's scope is beside the story when the two meet at most this
# many levels above the scope (the column or the page section holding both).
RELATED_NEAR_STORY_LEVELS = 3
# A link-only block with at least this many links is a cluster of links, not prose.
LINK_CLUSTER_MIN_LINKS = 3
# A paragraph that is a single link of at least this many words points to another story.
MIN_LONE_LINK_WORDS = 4
# Paragraphs a caption container may hold (its text and its credit, say); one holding more is
# no caption.
CAPTION_MAX_PARAGRAPHS = 2
# A credit beside a caption is a line ("Jane Doe/Agency"): an element named or set as a credit
# with more text than this is not one (a figure's own text block, a byline box).
CREDIT_ELEMENT_MAX_CHARS = 160
# A photo without caption markup: the text printed under it in the smallest box that holds it
# and some text is its caption when that text is this short (two or three lines of a caption)
# in at most this many blocks (the caption, its credit, a location line).
UNMARKED_CAPTION_MAX_CHARS = 320
UNMARKED_CAPTION_MAX_BLOCKS = 3
# Fewer words than this is a badge over a teaser's photo ("mit Video", "1 min", "Liveblog").
UNMARKED_CAPTION_MIN_WORDS = 3
# A last line of capitalised words this short under such a caption is its credit ("Getty
# Images", "REUTERS", "The London Standard").
UNMARKED_CREDIT_MAX_CHARS = 40
UNMARKED_CREDIT_MAX_WORDS = 4
# How far above the photo that box is looked for: a picture in a link in a wrapper in the box.
UNMARKED_FIGURE_MAX_DEPTH = 6
# An image set smaller than this (width or height attribute, in pixels) is an avatar, an icon
# or a feed badge, not a story's photo.
MIN_PHOTO_PIXELS = 100
# Such captions inside the story leave its body only when this much of its text remains; with
# less, the story is a photo post whose lines are its text.
UNMARKED_MIN_STORY_CHARS = 600
# A caption printed again as a body paragraph is the paragraph's echo (the paragraph stays)
# when it is a sentence of at least this many words; a name under a portrait ("Kyle Doe") is
# shorter, and stays a caption.
ECHO_MIN_WORDS = 5
# A related link's text is a headline: at least this many characters.
MIN_RELATED_TEXT = 12

# --- clean --------------------------------------------------------------------------------

# An element named like furniture but holding this many paragraphs of real text, or this much
# text with few links, is the story in a container with an unlucky class (`post has-sidebar`,
# Blogger's `widget Blog`), so it is kept. Comment sections and prompts get no such benefit:
# they are long prose too.
GUARD_MIN_PARAGRAPHS = 4
GUARD_MIN_PARAGRAPH_TEXT = 600
GUARD_MIN_TEXT = 1000
GUARD_MAX_LINK_DENSITY = 0.25
# An element with a weak furniture word survives when one of its text runs is of paragraph
# length; a teaser's blurb is shorter.
GUARD_PROSE_CHARS = 100
# Furniture-named containers kept for holding the story, nested this deep, are not checked
# again below that: the check reads the subtree.
MAX_GUARDED_LEVELS = 3

# --- metadata -----------------------------------------------------------------------------

# Text of a byline element longer than this is an author bio or a whole header, not a byline.
MAX_BYLINE_CHARS = 200
# How far up a byline element's ancestors are read to tell whether it sits in a teaser, a
# comment or a quote (`rules/markup.NOT_STORY_BYLINE_*`). Such boxes wrap their byline within
# a dozen levels; the bound keeps the look linear on pathologically deep pages.
MAX_BYLINE_SCOPE_LEVELS = 40
# A byline element printing its names as sibling elements with no separator
# (`metadata._byline_text`): from two names, up to a list a byline can hold (past it, the
# element is a staff list or a whole header); each leaf must hold a whole name of at least
# this many words, so that a name split into first- and last-name elements stays one.
MIN_SEPARATE_NAMES = 2
MAX_SEPARATE_NAMES = 10
MIN_NAME_WORDS = 2
# JSON-LD larger than this is a data dump, not page metadata; skipped to bound the work.
MAX_JSON_LD_CHARS = 1_000_000
# A tag is a word or a short phrase.
MAX_TAG_CHARS = 40

# --- assemble -----------------------------------------------------------------------------

# A title part this short (in words) next to a longer part is the site's name.
MAX_SITE_NAME_WORDS = 4
# A kicker is a topic line of a few words ("Hochwasser am Rhein", "Nach dem Rückzug"): a
# declared title's lead-in longer than this is no kicker the printed headline left out.
MAX_KICKER_WORDS = 6
# Lines above the body's copy of the headline that can be its kicker or the section's name
# (a label line, `MAX_LABEL_CHARS` at most, no sentence stop): two, "Sport" then "Handball".
MAX_LABELS_ABOVE_HEADLINE = 2
MAX_LABEL_CHARS = 40
# Elements above the `<h1>` read for a kicker printed on its own, and the longest of them
# (anything longer is a teaser or a menu, not a topic line).
MAX_KICKER_SIBLINGS = 2
MAX_KICKER_CHARS = 120
# Printed date candidates tried, in page order; the publication date is printed near the top.
MAX_PRINTED_DATES_TRIED = 3
# A link whose path is shorter than this is a section or home page, not a story.
MIN_STORY_PATH_CHARS = 12

# --- news fields --------------------------------------------------------------------------

# The dateline opens the story, but a stray standfirst sometimes comes first: the first this
# many paragraphs are always read.
DATELINE_PARAGRAPHS = 2
# A byline line with its date and time ("Jane Doe 4 March 2025 - 14:41"): names, a date and a
# time fit in this; a longer line with a date in it is a sentence.
MAX_DATED_BYLINE_CHARS = 120
# Past them, furniture lines (a kicker, the headline again, "dpa", a time stamp: no sentence
# end) are looked past, up to this many paragraphs in all.
MAX_DATELINE_PARAGRAPHS = 5
# A furniture line is at most a headline's length; a longer line is text, however it ends.
MAX_FURNITURE_CHARS = 120
# Closing credit lines (`(Reporting by ...)`, copyright) sit among the last paragraphs.
CREDIT_LINE_PARAGRAPHS = 4
MAX_AUTHORS = 10
# A byline printed as a line of its own in the story opens it (after a kicker or a standfirst
# line or two), among the first this many paragraphs, or is the last paragraph (a sign-off).
LONE_BYLINE_OPENING = 4

# --- language -----------------------------------------------------------------------------

# Text given to the detector, at most: a few paragraphs decide the language as well as the
# whole body does, and the cost stays that of a short text on any page. The detector's time
# grows with the text (a walk over its bytes in Python): at 600 characters it costs a third
# of what 2,000 did, and on the zyte, fundus and dragnet pages it names the same language as
# at 2,000 on every page (1,678 texts; still so at 300).
DETECT_CHARS = 600
# Below this much text (a caption, a one-line page) a detector's guess is mostly noise, so the
# language stays unknown.
MIN_DETECT_CHARS = 40
# Text the function-word check reads, at most: about a hundred words are plenty to tell a
# quarter of function words from none, and the check runs on every page that declares a
# listed language, so it stays cheap.
DOUBT_CHARS = 600
# Words of text needed before a declaration is doubted: fewer say too little.
MIN_WORDS_TO_DOUBT = 30
# A declared language whose function words are under this share of the text's words is
# doubted. Running text in the language has 0.2-0.35 of them; another language sharing a few
# short words (`a`, `in`, `de`) stays well under 0.05.
MIN_FUNCTION_WORD_SHARE = 0.05

# --- plain text ---------------------------------------------------------------------------

# A title is short and does not end like a statement; questions and quotes are fine
# ("Can floating solar farms save old reservoirs?").
MAX_HEADLINE_CHARS = 250
# Under a related heading, short lines are story titles; a long line is prose again.
MAX_RELATED_TITLE_CHARS = 160
# A caption line sits above the story, within this many lines of the headline.
CAPTION_WINDOW = 4

# --- fallback -----------------------------------------------------------------------------

# Below this many characters of body text our own result counts as "found nothing"; kana, CJK
# and Hangul count `WIDE_CHAR_WEIGHT` each, as for the confident signal.
MIN_OWN_BODY_CHARS = 200
# A body shorter than this is not called confident (`Article.confident`): where the wrong
# block wins it is most often a short one (a teaser, a caption, a comment). Short stories
# exist, so such pages are flagged for a look, not dropped.
MIN_CONFIDENT_BODY_CHARS = 300
# A kana, CJK or Hangul character says about as much as this many Latin letters (a word of
# two or three), so a short-looking Japanese story is not taken for a teaser.
WIDE_CHAR_WEIGHT = 3
# readability-lxml's cost grows faster than linearly on huge pages (200,000 paragraphs take
# it ten seconds); above this size the second opinion is skipped rather than risk a stall.
MAX_FALLBACK_CHARS = 500_000

# --- galleries ------------------------------------------------------------------------------

# An embedded gallery leaves the body only when this much of the story's text lies outside
# it; with less, the gallery is the page's content (a slideshow story) and stays.
GALLERY_MIN_STORY_CHARS = 600

# --- teaser cards -------------------------------------------------------------------------

# A teaser card (a linked headline and its blurb, advertising another story) is short: the
# headline, a sentence or two, perhaps a kicker. A container holding more is part of the story.
TEASER_CARD_MAX_CHARS = 500
# A heading is a link to another story when nearly all of its text is link text.
TEASER_HEADING_MIN_LINK_SHARE = 0.8
# Cards leave the body only when this much of the story's text lies outside them; with less,
# the cards are the page's content (a listing, an index of posts) and stay.
TEASER_MIN_STORY_CHARS = 600
# A list of teasers (a box of linked headlines, each with its blurb) has at least this many
# items: one linked line and its text is as often a sentence of the story.
TEASER_LIST_MIN_ITEMS = 2
# The box's heading and a wrapper (`<section><h3>Related</h3><ul><li>...`) are looked through
# down to this many levels to reach the items.
TEASER_LIST_MAX_WRAPPER_LEVELS = 2
# A teaser whose "more" cue is an element of its own has a blurb of a sentence or two; a
# longer paragraph ending in a "more" element is prose with a stray button.
MAX_CUE_TEASER_CHARS = 300

# A closing-furniture line (`phrases.STORY_END_LINE`) ends the body only below this much of it:
# above a story's first paragraphs, such a line is a teaser's or a box's, not the story's end.
STORY_END_MIN_BODY_CHARS = 400

# --- standfirst ------------------------------------------------------------------------------

# A standfirst is a sentence or a short paragraph or two: shorter is a label or a kicker,
# longer is the story itself in a container with an unlucky class.
MIN_STANDFIRST_CHARS = 30
MAX_STANDFIRST_CHARS = 800
# A named lead block that holds a photo or video is the lead image's, unless it prints at
# least this many paragraphs of its own beside it: a standfirst in several paragraphs.
MIN_STANDFIRST_PARAGRAPHS = 2
# Elements looked at after the headline before giving up: the standfirst sits right below it,
# and a cap keeps the look cheap on pages whose story starts far away.
MAX_ELEMENTS_SCANNED = 400
# A place printed before the standfirst in its own element ("Berlin.", "Bad Homburg."): a few
# words and a full stop; longer text before the standfirst is something else.
MAX_PLACE_WORDS = 3
MAX_PLACE_CHARS = 30
# How far above the story the headline may sit for both to share the story's header.
MAX_HEADER_LEVELS = 6
# Without a headline, how far above the story a standfirst is looked for.
HEADLESS_REGION_LEVELS = 2
# A description is often cut short with an ellipsis: its first this many characters match.
MIN_DESCRIPTION_PREFIX = 60
# How far above the story an outside standfirst and the story may meet, unless the story's
# own headline meets it higher up (then the standfirst may too).
MAX_OUTSIDE_LEVELS = 3
# An `<h1>` is the story's headline when it prints a declared title, or at least this share of
# one from its start (a `<title>` appends the site's short name: "Story - Site"). A blog's
# name in its `<h1>` may open a `<title>` too ("Blog › Post"), but as a smaller share: a post's
# title is seldom much shorter than the blog's name.
DECLARED_HEADLINE_SHARE = 0.65
# Wrappers above a paragraph whose names still speak for it.
MAX_NAMED_WRAPPER_LEVELS = 2
# A `data-*` value read as a name (`data-testid="article-intro"`) is one identifier: longer
# values, or values with spaces, are content (a title, a JSON blob), not names.
MAX_DATA_NAME_CHARS = 60

# Figures printed between the story's headline and the `<article>` or `<main>` holding its text
# are its lead photo (or a photo and a video); more than this is a carousel of other stories.
LEAD_FIGURES_MAX = 2
# A caption printed in its own box after its photo's box is a line in a few elements
# (`<div><span>Text</span></div>`); a box of more is a block of the story, not read further.
ALT_CAPTION_MAX_ELEMENTS = 8
# Indentation and line breaks make a box's raw text longer than its collapsed text: a raw text
# this many times a limit on the collapsed one cannot collapse under it (a cheap first test).
RAW_TEXT_FACTOR = 8
