"""The byline and credit-line grammars' limits, word tables and phrases (`fields.bylines`
holds the grammar).

Phrases are grouped by language inside each pattern; a closing credit line's forms that embed
the agency names are written as functions of the agency pattern's source, which
`fields.agencies` builds and `fields.bylines` passes in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, NamedTuple

from newsextract.rules.calendar import WEEKDAY_NAMES, month_forms
from newsextract.rules.names import CJK_ROLE_WORDS
from newsextract.support.lazyre import compile_lazily
from newsextract.support.words import alternation, words

# --- limits -------------------------------------------------------------------------------

# A byline is one short line; anything past this is not read.
MAX_BYLINE_CHARS: Final = 300
# A closing credit line. Reuters' lists of reporters and editors can run long.
MAX_CREDIT_LINE_CHARS: Final = 600
# Before its spaces are collapsed, a credit line may be padded, but not by this much.
MAX_RAW_CREDIT_LINE_CHARS: Final = 4 * MAX_CREDIT_LINE_CHARS
# Words in a person's name: "Jane Doe" to "María del Carmen García López".
MIN_NAME_TOKENS: Final = 2
MAX_NAME_TOKENS: Final = 5
# Longer strings are not one person's name, and are not looked at.
MAX_NAME_CHARS: Final = 100

# Spaces and line breaks that print like a space; mapped to one before a byline is read.
PRINTED_SPACES: Final = "\u00a0\u2007\u2009\u202f\t\n\r"

# --- phrases ------------------------------------------------------------------------------

# Words after which nothing is byline any more: time stamps, share and follow prompts.
STOP_WORDS_RE: Final = compile_lazily(
    r"(?i:\b(?:last\s+)?(?:updated|published|posted|modified|aktualisiert|ver\u00f6ffentlicht"
    r"|actualizado|publicado|atualizado|aggiornato|pubblicato|bijgewerkt|gepubliceerd"
    r"|mis\s+\u00e0\s+jour|publi\u00e9|follow|e-?mail|twitter|read\s+more|share|comments?"
    r"|contact)\b)"
    r"|\bStand:"
)
# The word that introduces the names, per language. "di" (Italian) only in lower case:
# capitalised, it starts surnames such as "Di Maio".
LEAD_IN_RE: Final = compile_lazily(
    r"^(?:(?i:(?:written|reporting|reported|words|story|text|report|compiled|analysis|opinion"
    r"|commentary|review|interview|essay|column|perspective|photos|video)\s+by"
    r"|by|von|por|par|door|av|af|autor(?:in)?|auteur|autore|autora|author|text|texto|testo"
    r"|reportage)|di)"
    r"(?:\s{0,2}:|\s)\s{0,3}"
)
# The Chinese and Japanese lead-ins: 作者 (author), 记者/記者 (reporter), 撰文 and 文 (text),
# 采写/採寫 (reported and written), 取材・文 (ja: reporting and text), each followed by a colon, a
# slash or a middle dot, full-width or not. Without that mark they open sentences and column
# labels as often ("记者 观察", a reporter's-notes column; "本报记者获悉", "our reporter learned").
CJK_LEAD_IN_RE: Final = compile_lazily(
    r"^(?:(?:本报|本報)?(?:特约|特約)?(?:记者|記者)|作者|撰文|采写|採寫|取材・文|文)"
    r"\s{0,2}[：:/／・]\s{0,2}"
)
DUTCH_LEAD_IN: Final = "door"
# Lead-ins that credit the photos or the video, not the writing: a line so marked is no byline.
NOT_WRITER_LEAD_IN_RE: Final = compile_lazily(r"(?i:photos?|video|fotos?|bilder)\s+(?:by|von)\b")
# What separates a credit's names or agency from the date printed beside it, in a byline
# ("Jane Doe 4 March 2025 - 14:41") or an agency line over the story ("Agencia EFE
# 12.03.2023", "AFP | 3. März 2024, 14:05", "dpa · 03.03.2024"): spaces, commas, bars, middle
# dots, bullets, dashes and slashes, in every language group.
DATED_CREDIT_SEPARATORS: Final = " ,|\u00b7\u2022-\u2013\u2014/"
# A line that opens with one word and a colon ("Name: ...", "Description: ..."): beside a
# marked byline ("Author: ..."), an entry of a list of fields, in any language that labels so.
FIELD_LABEL_RE: Final = compile_lazily(r"[^\W\d_]{2,20} ?:\s")
# The dashes a closing sign-off opens with ("– Jane Doe", "— Jane Doe"), in every language
# group that signs off so: a plain hyphen opens list items as often.
SIGN_OFF_DASHES: Final = "\u2013\u2014"
# A paragraph that is a byline alone (`fields.bylines.lone_byline`): a few names, a line.
MAX_LONE_BYLINE_CHARS: Final = 100
MAX_LONE_BYLINE_NAMES: Final = 3
# Words that open a bold line in title case that is a heading or a credit, not a name (English
# blogs print "A Decisive Victory", "How It Works", "Via Example"): articles, question words,
# "via", possessives. Lower case; a lone line with any of these is not read as a byline.
LONE_BYLINE_NOT_NAME_WORDS: Final = words(
    "a an the how why what when where who via my our your their its it this these new top best"
)
# Separators between names and what follows them.
SEPARATOR_RE: Final = compile_lazily(
    r"\s{0,3}[,;|/\u2022\u00b7()\[\]]\s{0,3}|\s[-\u2013\u2014]{1,2}\s"
    r"|\s(?:and|&|und|y|e|et|og|och|ja)\s"
)
# Dutch "en" is "and"; in Spanish and French it is "in" and starts a place ("en Madrid").
DUTCH_AND_RE: Final = compile_lazily(r"\sen\s")
# A person's name ends before these: "Jane Doe in London", "Jane Doe for The Guardian".
NAME_END_RE: Final = compile_lazily(
    r"\s(?:of|for|in|at|from|to|with|aus|f\u00fcr|mit|en|\u00e0|pour|avec|para|desde|con|per"
    r"|bei|voor|uit)\s.*$",
)
# A date, a time or a weekday ends the name: "Jane Doe Jan. 5, 2024", "Jane Doe 10:30".
# The languages whose month and weekday names end a name (full month names, and the English
# abbreviations): a date printed after the byline ("Jane Doe Jan. 5, 2024").
DATE_NAME_LANGUAGES: Final = ("en", "de", "es", "fr")
DATE_ABBREVIATION_LANGUAGES: Final = ("en",)

# --- words --------------------------------------------------------------------------------

# Job titles that follow a name; the name ends at the first of them.
ROLE_HEADS: Final = (
    words(
        # English
        "writer writers reporter reporters correspondent correspondents editor editors columnist "
        "columnists contributor contributors staff analyst producer photographer journalist "
        "critic blogger desk team chief editor-at-large editor-in-chief anchor host presenter "
        # German, Spanish, French, Italian, Portuguese, Dutch
        "redakteur redakteurin korrespondent korrespondentin reporterin autor autorin "
        "corresponsal redactor redactora periodista enviado enviada correspondant correspondante "
        "journaliste envoy\u00e9 envoy\u00e9e r\u00e9dacteur r\u00e9dactrice inviato inviata "
        "corrispondente giornalista redattore correspondente rep\u00f3rter jornalista redator "
        "verslaggever redacteur"
    )
    | CJK_ROLE_WORDS
)  # Chinese, Japanese, Korean: 기자, 記者, 记者, 特派員 (rules.names).
# Words that qualify a job title ("Senior Political Correspondent"); dropped when they end a
# name once the title itself is cut.
ROLE_QUALIFIERS: Final = words(
    "senior chief deputy associate assistant contributing special foreign national "
    "international political politics business economics economic financial finance markets "
    "science health medical tech technology sports sport entertainment culture arts music "
    "film food travel fashion climate environment environmental energy legal justice crime "
    "security defence defense diplomatic military investigative data digital managing "
    "executive news breaking bureau staff"
)
# Words that never occur in a person's name: newsroom, organisation and page words.
NOT_NAME_WORDS: Final = words(
    "the news press post times journal herald tribune gazette daily weekly media network "
    "magazine online radio tv television channel wire agency service services group desk "
    "team bureau editorial board newsroom office department ministry government inc ltd "
    "corp company university institute association foundation committee council club party "
    "report reports live updates updated published read more share follow subscribe sign "
    "comments photo photos video image images opinion guest sponsored partner content admin "
    "administrator webmaster staff redaktion redacci\u00f3n r\u00e9daction redazione "
    "view archive archives profile posts articles stories author authors about contact "
    "website homepage biography bio "
    "reda\u00e7\u00e3o agencies agencias agenturen "
    # The press's own words in other languages: "Motor Magazin" is a title, not a person.
    "magazin zeitung zeitschrift verlag nachrichten "  # de (and magazin: sv, da, no)
    "diario peri\u00f3dico revista noticias "  # es
    "giornale quotidiano rivista notizie "  # it
    "jornal not\u00edcias "  # pt
    "krant nieuws tidning nyheter nyheder"  # nl, sv, no/da
)
# Lower-case particles inside names: "Ursula von der Leyen", "Gabriel García y Márquez".
NAME_PARTICLES: Final = words(
    "von van der den de del della delle dei di da dos das du le la bin ibn al el ter ten zu y e"
)
EDGE_PUNCTUATION: Final = " .,;:-\u2013\u2014'\"\u201c\u201d\u2018\u2019*"
# Words left dangling once a date is cut: "Jane Doe on", "Jane Doe am".
TRAILING_CONNECTORS: Final = words("on at le am el il the of for")
LEADING_CONNECTORS: Final = words("and und y et og och with by mit avec con")
# Where an agency byline says the story was filed: "Reuters in Kyiv", "AFP aus Paris". The
# place after it is one to `MAX_FILING_PLACE_WORDS` capitalised words.
FILING_PLACE_CONNECTORS: Final = words("in aus à en desde da em")
MAX_FILING_PLACE_WORDS: Final = 3

# --- closing credit lines ---------------------------------------------------------------


class CreditLineForm(NamedTuple):
    """One closing-line shape: its pattern source, the agency it names, and its flags.

    `source` is the regex source, or a function of the agency pattern's source for a shape
    that names the agency in its group `agency` (`agency` is then None: the group says which).
    """

    source: str | Callable[[str], str]
    agency: str | None
    flags: int = 0


# Closing lines that name their agency through their shape, tried in this order.
CREDIT_LINE_FORMS: Final[tuple[CreditLineForm, ...]] = (
    # Reuters closes every story with its reporters and editors in brackets.
    CreditLineForm(
        r"^\(\s{0,2}(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|research)"
        r"(?:\s+and\s+\w+)?\s+by)\b[^()]{1,580}\)$",
        "Reuters",
    ),
    CreditLineForm(
        r"^(?i:(?:additional\s+)?reporting\s+by)\b.{1,580};\s{0,3}(?i:editing\s+by)\b",
        "Reuters",
    ),
    # Bloomberg's closing contact block and its assistance line.
    CreditLineForm(
        r"^(?i:to\s+contact\s+the\s+(?:reporters?|editors?)\s+(?:on|responsible))", "Bloomberg"
    ),
    CreditLineForm(r"^[-\u2013\u2014]{0,2}\s{0,2}(?i:with\s+assistance\s+from)\b", "Bloomberg"),
    # "Copyright 2024 The Associated Press. All rights reserved.", "© AFP", "(c) 2024 Reuters".
    CreditLineForm(
        lambda agency: (
            r"^(?i:copyright|\u00a9|\(c\))\s{0,2}\u00a9?\s{0,2}(?:\d{4}\s{0,2})?[-\u2013,]?\s{0,2}"
            rf"(?P<agency>{agency})(?:[\s.,;]|$)"
        ),
        None,
    ),
    # A sign-off or a bare agency: "— Associated Press", "(AFP)", "dpa/lby".
    CreditLineForm(
        lambda agency: (
            r"^[-\u2013\u2014]{0,2}\s{0,2}[(\[]?\s{0,2}(?:the\s+)?"
            rf"(?P<agency>{agency})(?:/[^\W\d_]{{2,4}})?\s{{0,2}}[)\]]?\.?$"
        ),
        None,
        re.IGNORECASE,
    ),
    # "— With files from The Canadian Press", "Mit Material von dpa", "Source: Xinhua", "mit dpa".
    CreditLineForm(
        lambda agency: (
            r"^[-\u2013\u2014]{0,2}\s{0,2}[(\[]?\s{0,2}(?i:(?:with\s+)?files\s+from|with\s+reporting"
            r"\s+(?:from|by)|with|information\s+from|material\s+from|mit\s+material\s+(?:von|der)"
            # "mit dpa" (de), "met Belga" (nl), "con EFE" (es, it): the story used its copy.
            r"|mit|met|con"
            # "Com Lusa", "Com informações da Reuters" (pt).
            r"|com|com\s+informa\u00e7\u00f5es\s+d[aeo]s?"
            r"|con\s+informaci\u00f3n\s+de|avec|source|sources|fuente|quelle|fonte)"
            rf"\s{{0,2}}:?\s{{1,3}}(?:the\s+|la\s+agencia\s+)?(?P<agency>{agency})"
            # The credit ends the line: "With AP's help, officials ..." is a sentence.
            r"(?![^\W_]).{0,40}$"
        ),
        None,
    ),
)
# Sentences that credit an agency somewhere in them: "Associated Press writer Jane Doe
# contributed to this report.", "Information from Reuters was used in this report."
CREDIT_PHRASES_RE: Final = compile_lazily(
    r"(?i:\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)"
    r"|\bcontributed\s+(?:reporting|research)|\bwas\s+used\s+in\s+this\s+report"
    r"|\bsolely\s+responsible\s+for\s+all\s+content|\bcontribuy\u00f3\b|\ba\s+contribu\u00e9\b"
    r"|\bcontribuiu\b|\bhat\s+beigetragen|\bhaben\s+beigetragen)"
)

# --- source lines ---------------------------------------------------------------------------

# The labels of a source line, the credit a story prints above or below itself to say whose
# copy it is ("Quelle: sid/dpa", "(Quelle: APA/sda/dpa)", "Source: Reuters, AFP"). By language
# group: Germanic (de, nl, sv/da/no), Romance (en/fr "source", es/it/pt), Turkish, Polish.
SOURCE_LINE_LABELS: Final[tuple[str, ...]] = (
    "quelle", "quellen", "bron", "källa", "kilde", "kilder",  # Germanic
    "source", "sources", "fuente", "fuentes", "fonte", "fonti",  # English, Romance
    "kaynak", "źródło",  # Turkish, Polish
)  # fmt: skip
# A source line is a label and a short list: longer, it is a sentence about a source.
MAX_SOURCE_LINE_CHARS: Final = 80
# The parts of a source line that are not agencies and do not stop it: an editor's initials
# (`ino`, `sak`, `red`) and the site's own name (`ntv.de`).
SOURCE_INITIALS_RE: Final = compile_lazily(r"[^\W\d_]{2,4}")
SOURCE_SITE_RE: Final = compile_lazily(r"[\w-]+(?:\.[\w-]+)+")
# What separates the parts: a slash, a comma, a semicolon, "und"/"and"/"y"/"et"/"e"/"&".
SOURCE_PART_SEPARATOR_RE: Final = compile_lazily(
    r"\s*(?:[/,;&+]|\s(?:und|and|y|et|e|en|och|og|ve|i)\s)\s*", re.IGNORECASE
)

# The bracketed credit that ends a wire story's last sentences in the German, Swiss, Austrian and
# Italian press (`... beschlossen. (dpa/abc)`, `(ats/xyz)`, `(KNA, AB)`, glued: `erklärt(dpa)`):
# a short list in round brackets, right after the sentence's end, glued to its last word, or
# as a line of its own, then at most a full stop. A source after a spaced word ("It's
# Complicated (Bloomberg)") is a linked headline's site, not the story's credit. Only a
# paragraph's tail is searched, so the cost is fixed however long the paragraph.
CLOSING_BRACKET_RE: Final = compile_lazily(
    r"(?:\A|[.!?\u2026\"\u201d\u00bb] ?|(?<=[^\W\d_]))"
    r"\( ?(?P<credit>[^()]{2,40}?) ?\) ?\.?\s*$"
)
CLOSING_BRACKET_TAIL_CHARS: Final = 64

# English words that sit between a byline's name run and the agency it names ("Jane Doe of the
# Associated Press", "for AP", "with Reuters"): the last of them is dropped with the agency.
AGENCY_LEAD_WORDS: Final = frozenset({"the", "of", "for", "with"})

# --- the name reader's fixed patterns (`fields.bylines`) -----------------------------------

# Contact details that follow a name and are never part of it.
CONTACT_RE: Final = compile_lazily(
    r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"  # e-mail
    r"|(?:https?://|www\.)\S{1,200}"  # link
    r"|(?<![\w@])@\w{1,30}"  # handle
)
# A date, a time or a weekday ends the name: "Jane Doe Jan. 5, 2024", "Jane Doe 10:30".
_MONTH_NAMES: Final = alternation(
    month_forms(DATE_NAME_LANGUAGES, abbreviations=DATE_ABBREVIATION_LANGUAGES)
)
_WEEKDAY_NAMES: Final = "|".join(
    day for language in DATE_NAME_LANGUAGES for day in WEEKDAY_NAMES[language]
)
DATE_START_RE: Final = compile_lazily(
    rf"(?i:\b(?:{_MONTH_NAMES})\.?\s\d"
    # A weekday only before a comma or a number: "Sunday Okafor" is a photographer's name.
    rf"|\b(?:{_WEEKDAY_NAMES})(?=,|\s{{1,3}}\d))"
    r"|\d"
)
# A possessive after an agency: "CNN's Jane Doe".
POSSESSIVE_RE: Final = compile_lazily(r"^['\u2019]s\s")

# A name word: letters with inner dots, apostrophes or hyphens ("J.R.", "O'Neil", "Jean-Luc").
NAME_TOKEN_RE: Final = compile_lazily(r"[^\W\d_][^\W\d_.'\u2019-]*(?:[.'\u2019-][^\W\d_]*)*\.?")
# A site address is not a name: "Example.com".
SITE_RE: Final = compile_lazily(r"\.[a-z]{2,}\b")
