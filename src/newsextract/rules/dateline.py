"""The dateline grammar's limits, word tables and fixed patterns (`fields.dateline` reads them).

Every limit bounds what one pattern or check of the grammar reads; every word table is a
list of words that may, or may never, stand in a place's position.
"""

from __future__ import annotations

from typing import Final

from newsextract.rules.calendar import month_forms
from newsextract.support.lazyre import compile_lazily
from newsextract.support.words import alternation, words

# --- limits -------------------------------------------------------------------------------

# A dateline is short; nothing past this many characters of the paragraph is read, which also
# bounds the cost of every pattern below whatever the paragraph's length.
MAX_DATELINE_CHARS: Final = 200
# Place plus date before an agency: "SAN JOSE, Calif., May 2, 2024" is about 30 characters.
MAX_PREFIX_CHARS: Final = 90
# Comma-separated parts before an agency: place, state, date, year.
MAX_PREFIX_SEGMENTS: Final = 4
# Words in one part: "LAS PALMAS DE GRAN CANARIA" has five.
MAX_SEGMENT_TOKENS: Final = 5
# A place in capitals without an agency: at most this many words and at least this many
# letters, so that "UN" or "EU" followed by a dash is not taken for a place.
MAX_PLACE_TOKENS: Final = 5
MIN_PLACE_LETTERS: Final = 3
# After the place: state or country, date, year (and an Indonesian site name).
MAX_PLACE_EXTRA_SEGMENTS: Final = 3
# A state or country after the place: "Bosnia and Herzegovina".
MAX_REGION_TOKENS: Final = 3
# A bracketed source that is not a known agency (`DALLAS (WFAA) --`, `Hamburg (abc).`): a
# call sign, initials or a site name, never a sentence in brackets.
MAX_OTHER_MARKER_CHARS: Final = 30
# A place in mixed case before a spaced dash: "London/Teheran", "Frankfurt am Main".
MAX_MIXED_PLACE_TOKENS: Final = 3

# --- characters ---------------------------------------------------------------------------

# Spaces that print like a space; mapped to one so the patterns need only one kind.
PRINTED_SPACES: Final = "\u00a0\u2007\u2009\u202f\t"
# What separates the dateline from the story: a hyphen, double hyphen, en or em dash (the
# Spanish dot-dash `.-` and a colon are the grammar's).
DASHES: Final = "-\u2010\u2012\u2013\u2014\u2015"
# Quotes and brackets that may open a story sentence glued to the marker: "(CNN)The ...".
STORY_OPENERS: Final = "\"'\u201c\u2018\u00ab\u201e"

# --- words --------------------------------------------------------------------------------

# Lower-case words a place or date may contain: particles of place names and month names.
PLACE_PARTICLES: Final = words(
    "de del della dei di do da dos das du des la le les el los las am an der den sur "
    "sous en upon of y e et al aan op"
)
# Month names and their printed abbreviations, in the languages wire services file in.
MONTH_LANGUAGES: Final = ("en", "es", "fr", "de", "it", "pt", "nl", "ru", "uk")

# Capitalised words that open sentences, not place names: "By Jane Doe (AP)", "In Berlin".
# "The" is not here, for "The Hague (AFP) -".
SENTENCE_OPENERS: Final = words(
    "A An In On At As By For From But And Or If When While After Before Since During "
    "According This That These Those It He She They We I You Officials Police"
)
# Words that open a sentence in the languages whose papers print a mixed-case place before a
# dash ("Heute - ...", "Die Polizei – ..."): never the first word of such a place. Kept apart
# from `SENTENCE_OPENERS`, which also vets places before an agency ("La Haye (AFP)").
MIXED_PLACE_NOT_FIRST: Final = SENTENCE_OPENERS | words(
    # de
    "Der Die Das Ein Eine Im Am Auf Aus Bei Mit Nach Von Vor Zum Zur Es Er Sie Wir Ich "
    "Heute Gestern Morgen Jetzt Hier Dort Nun Doch Aber Und Oder Wie Was Wer Wo Wenn "
    # fr, es, it, pt, nl
    "Le La Les Un Une Des Il Elle Ils El Los Las Lo Una Uno Gli Lei Os As Um Uma Het Een De"
)
# German regional papers print the place with a full stop: "Duisburg. Erste Entwürfe ...".
# In English a one-word sentence looks the same ("Finally. A ...", "Gen. David ..."), so the
# form is read only on pages that declare one of these languages.
DOTTED_PLACE_LANGUAGES: Final = frozenset({"de"})
# German one-word sentences that open a story as the place would ("Endlich. Nach ..."). Only
# the words a test needs are listed: the other 28 of the first table ("Nein", "Achtung",
# "Schluss" ...) changed no output on any development page, and none came with a page.
DOTTED_NOT_PLACES: Final = words("Endlich")
# The correspondent's label some papers print before the place: "DALLA NOSTRA CORRISPONDENTE
# NEW YORK —" (it), "DE NOTRE CORRESPONDANT À BERLIN" (fr), "FROM OUR CORRESPONDENT IN ..."
# (en), "DE NUESTRO CORRESPONSAL EN ..." (es). The place after it is the dateline.
CORRESPONDENT_LABEL: Final = (
    r"(?i:dal(?:la)?\s+nostr[oa]\s+(?:corrispondente|inviat[oa])"
    r"|de\s+not(?:re)?\s+(?:correspondant|envoy\u00e9)e?(?:\s+sp\u00e9ciale?)?(?:\s+\u00e0)?"
    r"|from\s+our\s+(?:own\s+)?correspondent(?:\s+in)?"
    r"|de\s+nuestr[oa]\s+(?:corresponsal|enviad[oa]\s+especial)(?:\s+en)?)\s{1,3}"
)
# Words in capitals that open labels, headlines or sentences but never a place name, so a
# capitalised opener such as "BREAKING:", "FILE -", "EDITOR'S NOTE -" or "NASA -" is not read
# as a dateline.
NOT_PLACE_WORDS: Final = words(
    # Labels
    "BREAKING UPDATE UPDATED UPDATES EXCLUSIVE ALERT URGENT FLASH DEVELOPING LIVE VIDEO "
    "VIDEOS PHOTO PHOTOS PICTURES GALLERY AUDIO PODCAST LISTEN WATCH READ MORE OPINION "
    "ANALYSIS EXPLAINER FACTBOX INSIGHT COMMENTARY EDITORIAL REVIEW INTERVIEW TIMELINE RECAP "
    "PREVIEW CORRECTION CORRECTIONS CLARIFICATION NOTE EDITOR'S EDITOR\u2019S EDITORS FILE "
    "HANDOUT TRANSCRIPT SPONSORED ADVERTISEMENT RELATED WARNING SPOILER SPOILERS IMPORTANT "
    "ATTENTION REMINDER DISCLAIMER DISCLOSURE SUMMARY NEWSLETTER SUBSCRIBE POLL QUIZ "
    "TRENDING HIGHLIGHTS OBITUARY SOURCE SOURCES CREDIT CREDITS CONTACT QUESTION ANSWER "
    "WHAT WHEN WHERE WHY HOW WHO DETAILS INFO PRICE TICKETS TIP TIPS BONUS STEP PART "
    "CHAPTER PS NB FYI ICYMI "
    # Sentence words
    "I ME OK YES IS ARE WAS WERE BE BEEN NOT NO THIS THAT THESE THOSE WE YOU IT HE SHE THEY "
    "MY YOUR OUR THEIR HIS HER TO FOR WITH AT IN ON BY FROM WILL CAN HAS HAVE HAD DO DOES "
    "DID JUST NOW "
    # Organisations often named first in a paragraph
    "NASA NATO FBI CIA NSA UN EU US USA UK IMF OPEC WTO NFL NBA MLB NHL FIFA UEFA IOC CEO "
    "GOP ECB SEC FDA CDC EPA DOJ NHS BBC IRS ICE TSA FAA NTSB DHS"
)

# --- patterns -----------------------------------------------------------------------------

# The grammar's fixed patterns, built from the characters, words and limits above; the agency
# marker, which embeds the agency table, is built in `fields.dateline`. Every one is linear:
# fixed character classes with bounded repeats.
# What separates the dateline from the story: a dash, the Spanish dot-dash `.-`, or a colon;
# after a slash marker also the full stop TASS prints.
AFTER_MARKER_RE: Final = compile_lazily(
    rf" {{0,3}}(?:\.? {{0,2}}[{DASHES}]{{1,3}}|:|\.(?= {{1,2}}[^\W\d_])) {{0,3}}"
)
AFTER_SLASH_MARKER_RE: Final = compile_lazily(r" {0,3}\. {0,3}")
# The first separator after a place in capitals. A hyphen counts only with a space before it,
# so "UPDATE 2-Oil" and "WINSTON-SALEM" are not split; dashes and double hyphens always count.
PLACE_SEPARATOR_RE: Final = compile_lazily(
    r" {1,3}-(?= )| {0,3}--| {0,3}[\u2012\u2013\u2014\u2015]|:(?= )"
)
PLACE_SEPARATOR_TAIL_RE: Final = compile_lazily(rf" {{0,3}}(?:[{DASHES}]{{1,3}}|:) {{0,3}}")

CORRESPONDENT_LABEL_RE: Final = compile_lazily(CORRESPONDENT_LABEL)

# Characters a place or date is printed with.
PREFIX_CHARS_RE: Final = compile_lazily(r"[^\W_]|[ .,'\u2019/&\-]")

# Month names and their printed abbreviations, in the languages wire services file in.
MONTH_FORMS: Final = month_forms(MONTH_LANGUAGES, abbreviations=MONTH_LANGUAGES)
FULL_MONTH_FORMS: Final = month_forms(MONTH_LANGUAGES)
MONTH_ALTERNATION: Final = alternation(MONTH_FORMS)
ALLOWED_LOWER_WORDS: Final = PLACE_PARTICLES | MONTH_FORMS
# One comma-separated date part: "March 3", "Jan. 10", "3 mar", "12 GEN", "3 de março",
# "3. März 2024", the year after "May 2,", or a bare day ("MADRID, 3 (EUROPA PRESS)").
DATE_SEGMENT_RE: Final = compile_lazily(
    rf"(?i:\d{{1,2}}\.? (?:de )?(?:{MONTH_ALTERNATION})\.?(?: (?:de )?\d{{4}})?"
    rf"|(?:{MONTH_ALTERNATION})\.? \d{{1,2}}(?:st|nd|rd|th)?\.?"
    rf"|\d{{4}}|\d{{1,2}}\.?)"
)
# A site name some Indonesian outlets print where the agency would be: "JAKARTA, KOMPAS.com -".
SITE_SEGMENT_RE: Final = compile_lazily(r"[^\W_][\w-]{0,30}(?:\.[A-Za-z]{2,6}){1,2}")

# A bracketed source that is not a known agency, after a place: a broadcaster's call sign
# (`DALLAS (WFAA) --`), an editor's initials (`Hamburg (abc).`), a site (`Lima, 3 Jun
# (Diario.pe).-`). The dateline stands whatever the marker is; the marker is an agency only
# when one of its parts names one. Only a dash, the dot-dash or a full stop before the story
# may follow it, never a bare space ("Angela Muster (SPD) sagte" is a sentence), and a dash
# only after a place in capitals or with a date (`Apple Inc (AAPL) —` opens a sentence).
OTHER_MARKER_RE: Final = compile_lazily(
    rf"(?P<prefix>[^()]{{1,{MAX_PREFIX_CHARS}}}?) {{0,2}}"
    rf"\((?P<marker>[^()\s](?:[^()]{{0,{MAX_OTHER_MARKER_CHARS - 2}}}[^()\s])?)\)"
    rf"(?P<separator> {{0,3}}\.? {{0,2}}[{DASHES}]{{1,3}} {{0,3}}|\. {{1,2}}(?=[^\W\d_]))"
)
# Where a marker names several sources or adds initials: "KNA/xy", "APA, red", "dpa-AFX".
MARKER_PARTS_RE: Final = compile_lazily(r"[/,;]")
# Where a sentence ends: a place without an agency opens a dateline only when a sentence of
# the story follows it.
SENTENCE_END_RE: Final = compile_lazily(r"[.!?\u3002](?:\s|$)")
# A place in mixed case, without an agency, then a spaced dash and a story that opens with a
# capital, a digit or a quote: "Gundremmingen - Die ...", "London/Teheran – ...", "Nendeln,
# 27.6.2025 – ...". Words are capitalised (particles aside) and joined by spaces, slashes or
# hyphens. "Copywriter – the word ..." (lower case after the dash) is a sentence.
MIXED_WORD: Final = r"[^\W\d_](?:[^\W\d_]|['\u2019\-]){0,30}"
MIXED_PLACE_RE: Final = compile_lazily(
    rf"(?P<place>{MIXED_WORD}(?:[ /]{MIXED_WORD}){{0,{MAX_MIXED_PLACE_TOKENS - 1}}})"
    r"(?:, (?P<date>\d{1,2}\.\d{1,2}\.(?:\d{2,4})?))?"
    rf" {{1,3}}[{DASHES}]{{1,2}} {{1,3}}"
)
# German regional papers print the place with a full stop ("Duisburg. Erste ..."): read only
# on pages in `DOTTED_PLACE_LANGUAGES`, one capitalised word or two joined by a slash.
DOTTED_PLACE_RE: Final = compile_lazily(
    rf"(?P<place>{MIXED_WORD}(?:/{MIXED_WORD})?)\. (?=[^\W\d_]|[\u201e\u201c\"])"
)
