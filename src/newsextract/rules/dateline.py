"""The dateline grammar's limits and word tables (`fields.dateline` holds the grammar).

Every limit bounds what one pattern or check of the grammar reads; every word table is a
list of words that may, or may never, stand in a place's position.
"""

from __future__ import annotations

from typing import Final

from newsextract.support.words import words

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
