"""The photo-credit grammar's limits, label tables and photo sources (`fields.credits` holds
the grammar).

Labels are regex sources grouped by how the credit follows them (a colon, a preposition, a
copyright sign); the picture libraries are literal names. A credit is only ever looked for in
the last `CREDIT_WINDOW_CHARS` characters of a caption, so every pattern's cost is bounded.
"""

from __future__ import annotations

import re
from typing import Final

from newsextract.support.lazyre import compile_lazily
from newsextract.support.words import alternation, words

# --- limits -------------------------------------------------------------------------------

# Credits are short: "Regional Press Office/EPA-EFE" is 29 characters.
MAX_CREDIT_CHARS: Final = 120
# Only the end of a caption is searched: room for the longest credit plus its label.
CREDIT_WINDOW_CHARS: Final = 240
# A line longer than this is a caption or a paragraph, not a credit on its own.
MAX_CREDIT_LINE_CHARS: Final = 160
# Parts of a "Name/Agency/Library" credit.
MAX_SLASH_PARTS: Final = 4
# Words in one part: "Regional Presidential Press Service" has four.
MAX_PART_TOKENS: Final = 6
# Words of a person's name before the slash of an unlabelled credit ("Jane Doe/Source").
MIN_NAME_TOKENS: Final = 2
MAX_NAME_TOKENS: Final = 4
# A labelled credit may contain a few other lower-case words ("Photo: courtesy of the family",
# "Picture: supplied"), but more than this reads as a sentence ("Credit: the bank said ...").
MAX_LOWER_WORDS_LABELLED: Final = 2

# --- labels -------------------------------------------------------------------------------

# Labels followed by a colon (or "..."): the credit is what follows. Only capitalised labels
# count, so "the photo: ..." inside a sentence is left alone.
COLON_LABELS: Final = (
    r"(?:Image|Photo|Picture|Video|Cover)\s?credits?",
    r"Credit\s?Credit",  # a visually hidden "Credit" before a printed "Credit...Jane Doe"
    r"Credits?",
    r"Photos?",
    r"Photograph(?:s|y)?",
    r"Pictures?",
    r"Images?",
    r"Illustrations?",
    r"Graphics?",
    r"Fotos?",
    r"Fotograf(?:ía|ia|ie|ias|ías)",
    r"Bild(?:er)?",
    r"Bildquelle",
    r"Bildrechte",  # de: "picture rights", public broadcasters' credit line
    r"Crédits?(?:\s(?:photo|image))?",
    r"Créditos?",
    r"Фото",
    r"Фотография",
    r"Источник фото",
    r"Zdjęcie",
    r"Fot\.",
    r"Kuva",
    r"Foto\s?credit",
    r"\u1ea2nh",  # vi: "Ảnh: Jane Doe" (photo), how Vietnamese papers end a caption
)
# Labels followed by an equals sign, in scripts without letter case: "[사진 = Jane Doe]",
# "[사진 출처 = Agency]" (ko: photo, photo source).
EQUALS_LABELS: Final = (r"사진(?:\s?출처)?",)
# Source labels name the source of a chart as often as of a photo ("Source: Eurostat"), so
# they count only when what follows names an agency or a picture library.
GUARDED_LABELS: Final = (
    r"Sources?",
    r"Quelle",  # de
    r"Fuente",  # es
    r"Fonte",  # it, pt
    r"Fonti",  # it
    r"Bron",  # nl
)
# Labels followed by a preposition: "Photo by X", "Foto von X", "Photo courtesy of X".
BY_LABELS: Final = (
    r"(?:Photo(?:graph)?|Picture|Image|Illustration|Video)s?\s(?:by|courtesy(?:\sof)?)",
    r"Fotos?\s(?:von|de|di|por|by)",
    r"Bild(?:er)?\svon",
    r"Photos?\sde",
)
# Copyright signs: "© Jane Doe", "(c) 2024 Jane Doe", "Copyright Jane Doe".
COPYRIGHT_LABELS: Final = (r"\u00a9", r"\([cC]\)", r"Copyright")

# Any label, named by its group: `colon`, `guarded`, `by` or `copyright`. The labels are regex
# sources, so they are joined as they are (`alternation` would escape them).
LABEL_RE: Final = compile_lazily(
    r"(?<![^\W_])(?i:"
    rf"(?P<colon>{'|'.join(COLON_LABELS)})\s{{0,2}}(?::|\uff1a|\.\.\.|\u2026)"
    rf"|(?P<guarded>{'|'.join(GUARDED_LABELS)})\s{{0,2}}:"
    rf"|(?P<by>{'|'.join(BY_LABELS)})\s"
    rf"|(?P<equals>{'|'.join(EQUALS_LABELS)})\s{{0,2}}[=\uff1d]"
    r")"
    rf"|(?P<copyright>{'|'.join(COPYRIGHT_LABELS)})(?:\s{{0,2}}\d{{4}})?"
)

# A photo label printed with no colon before the source: French and Italian papers print
# "Photo AFP", "PHOTO JANE DOE / AFP", "(Foto ANSA)"; German ones "Bild Keystone".
BARE_LABEL_RE: Final = compile_lazily(r"(?i:photos?|fotos?|bild|photographie)\s+")

# Position labels that open a caption and are not part of its text.
LEADING_LABEL_RE: Final = compile_lazily(
    r"^(?i:above|below|top|bottom|left|right|centre|center|pictured|main(?: image| photo)?"
    r"|top (?:image|photo)|header image|featured image|lead image|oben|unten|links|rechts"
    r"|arriba|abajo|ci-dessus|en haut|in alto|nella foto|na foto|acima"
    # The word "caption" itself, printed before the text for screen readers or as a label:
    # de "Legende", "Bildlegende"; en "Caption".
    r"|legende|bildlegende|caption)\s{0,2}:\s{0,3}"
)
# Japanese captions end with their source after a full-width equals sign ("...の様子＝ＡＰ",
# "＝共同"): the part after it is the credit when it names an agency or a photo source (a
# date or a place after "＝" is the caption's own: "＝１３日午後"). Read on the NFKC form.
TRAILING_EQUALS_SOURCE_RE: Final = compile_lazily(r"\s?[=\uff1d]\s?([^=\uff1d\s()（）]{1,24})\s*$")
# "（代表撮影）", "(Jane Doe撮影)" (ja, zh: "photographed by"): the photographer, bracketed at the
# end; 代表 is a pool photographer.
TRAILING_SHOT_BY_RE: Final = compile_lazily(r"[(（]\s?([^()（）]{1,24}?)\s?撮影\s?[)）]\s*$")
# "Courtesy of X" names a source without a label before it.
COURTESY_RE: Final = compile_lazily(r"^(?i:courtesy)\b")

# --- photo sources ------------------------------------------------------------------------

# Picture libraries and photo sources that are not news agencies (those come from
# `rules.agencies`), plus the words that only a credit is made of.
PHOTO_SOURCES: Final = (
    "Getty Images",
    "Getty",
    "Shutterstock",
    "Alamy",
    "iStock",
    "iStockphoto",
    "Adobe Stock",
    "Dreamstime",
    "Unsplash",
    "Pexels",
    "Pixabay",
    "EPA",
    "EPA-EFE",
    "Imago",
    "picture alliance",
    "picture-alliance",
    "Keystone",
    "Scanpix",
    "Lehtikuva",
    "ZUMA",
    "ZUMA Press",
    "ZUMA Wire",
    "SOPA Images",
    "LightRocket",
    "NurPhoto",
    "Sipa",
    "Abaca",
    "Redux",
    "Polaris",
    "Magnum",
    "Corbis",
    "Bridgeman",
    "Rex Features",
    "ullstein bild",
    "Photothek",
    "Wikimedia Commons",
    "Wikimedia",
    "Flickr",
    "NASA",
    "ESA",
    "JPL",
    "NOAA",
    "USGS",
    "ESO",
    "Handout",
    "Supplied",  # en (Commonwealth papers): the picture was given to the paper
    "Pool",
    "Stringer",
    "Images",
    "Photo",
    "Photos",
    "Photography",
    "Pictures",
    "Foto",
    "Fotos",
)
PHOTO_SOURCE_RE: Final = compile_lazily(rf"(?<![^\W_])(?:{alternation(PHOTO_SOURCES)})(?![^\W_])")
# Words of the picture-library names, which may be printed in lower case ("picture alliance").
SOURCE_WORDS: Final = frozenset(
    word.casefold() for source in PHOTO_SOURCES for word in re.split(r"[\s-]+", source)
)

# --- words --------------------------------------------------------------------------------

# Lower-case words an unlabelled credit may contain: "Jane Doe/AFP via Getty Images".
CREDIT_CONNECTORS: Final = words(
    "via for of and the de la del von van der di du da dos y e et und courtesy photo"
    # vi: "cung cấp" (provided), the Vietnamese "Supplied": "Ảnh: Bệnh viện cung cấp".
    " cung c\u1ea5p"
)
# Bracketed notes after a caption that say what kind of picture it is, not whose: no credit
# (compared case-folded). English; German; French; Spanish and Portuguese; Italian; Dutch.
PICTURE_NOTES: Final = frozenset(
    {
        "file", "file photo", "archive", "archive photo", "illustration", "montage",
        "screenshot", "handout", "stock photo", "symbolic image",
        "archiv", "archivbild", "archivfoto", "symbolbild", "symbolfoto", "fotomontage",
        "bildmontage",
        "archives", "photo d'archives", "image d'illustration", "photo d'illustration",
        "archivo", "foto de archivo", "imagen de archivo", "arquivo", "foto de arquivo",
        "archivio", "foto d'archivio", "foto di repertorio",
        "archief", "archieffoto", "ter illustratie",
    }
)  # fmt: skip
# Abbreviations whose full stop belongs to the credit rather than ending the caption.
# "zvg." (de-CH, "zur Verfügung gestellt": supplied) is an abbreviation too.
KEEP_DOT: Final = words("jr sr inc co ltd corp bros st zvg")

# --- separators ---------------------------------------------------------------------------

# Between the parts of a credit set as sibling spans or printed as "Agency | Photographer":
# a display separator. The printed convention between credit parts is " / " (the form the
# credit is written in everywhere else), so the parts are joined with that instead.
CREDIT_PART_SEPARATOR = compile_lazily(r"\s+\|\s+")
CREDIT_PART_JOINER = " / "

# --- the credit splitter's fixed patterns (`fields.credits`) -------------------------------

# Where an unlabelled credit may start: after a sentence, a semicolon or a line break. Not
# after " | " or " - ": "Stocks fall | Reuters" is how a page title names its site.
BOUNDARY_RE: Final = compile_lazily(r"[.!?][\"\u201d\u2019']?\s+|;\s+|\n\s*")
# A bracketed credit at the very end: "(AP Photo/Jane Doe)", "(NASA/JPL-Caltech)".
TRAILING_BRACKET_RE: Final = compile_lazily(
    r"[(\[]\s{0,2}([^()\[\]]{2,120}?)\s{0,2}[)\]]\s{0,2}\.?\s*$"
)
# A sentence ends inside the text: two lower-case letters, a stop, a space and a capital.
# Initials ("J. Scott") and "St. Louis" do not end one.
SENTENCE_BREAK_RE: Final = compile_lazily(r"[a-z\u00df-\u00ff]{2}[.!?]\s+[A-Z]")
TEXT_TRAILERS: Final = " \t\n|\u2022\u00b7\u2014\u2013-/;:,([" + "\u00a0"
