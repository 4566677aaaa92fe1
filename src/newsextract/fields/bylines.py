"""Bylines and closing credit lines: who wrote a story, and for which agency.

A printed byline mixes people with everything around them:

    By Jane Doe and John Roe, Associated Press           names, then the agency
    By JANE DOE, AP Business Writer                      a role after the agency
    Von Anna Schmidt und Max Weber                       lead-in and "and" in other languages
    By Jane Doe | Updated 10:30 a.m. ET, Jan. 5, 2024   a time stamp after the name
    By Jane Doe jane.doe@example.com @janedoe            contact details
    By Reuters                                           an agency and no person

`parse_byline` returns the person names, in printed order and as printed (an all-capitals
name stays in capitals: title-casing guesses wrong on "McDONALD" or "de la Cruz", and the caller
can still choose to), plus the agency's short name. `is_person_name` is the test a string must
pass to be reported as an author: two to five capitalised words, no digits, no agency, no
newsroom word ("Staff", "Desk", "News").

`agency_from_credit_line` reads the lines that close a wire story - Reuters'
`(Reporting by ...; Editing by ...)`, AP's `Copyright 2024 The Associated Press. All rights
reserved.` and "... contributed to this report.", `© AFP`, `— With files from The Canadian
Press` - and returns the agency they name.

Each rule is a row in a table below. Only the first `MAX_BYLINE_CHARS` of a byline and lines of
at most `MAX_CREDIT_LINE_CHARS` are read, so every pattern runs in bounded time.
"""

from __future__ import annotations

import re
from typing import Final

from newsextract.fields.agencies import (
    AGENCY_RE,
    agency_in_print,
    agency_pattern,
    find_agency,
    normalise_agency,
)
from newsextract.rules.calendar import WEEKDAY_NAMES, month_forms
from newsextract.rules.names import CJK_NOT_NAME_PARTS, CJK_ROLE_WORDS, NAME_SCRIPTS
from newsextract.support.lazyre import compile_lazily
from newsextract.support.words import words

__all__ = ["agency_from_credit_line", "is_person_name", "parse_byline"]


# A byline is one short line; anything past this is not read.
MAX_BYLINE_CHARS: Final = 300
# A closing credit line. Reuters' lists of reporters and editors can run long.
MAX_CREDIT_LINE_CHARS: Final = 600
# Before its spaces are collapsed, a credit line may be padded, but not by this much.
_MAX_RAW_CREDIT_LINE_CHARS: Final = 4 * MAX_CREDIT_LINE_CHARS
# Words in a person's name: "Jane Doe" to "María del Carmen García López".
MIN_NAME_TOKENS: Final = 2
MAX_NAME_TOKENS: Final = 5
# Longer strings are not one person's name, and are not looked at.
MAX_NAME_CHARS: Final = 100

_SPACE_TRANSLATION: Final = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f\t\n\r", " "))

# Contact details that follow a name and are never part of it.
_CONTACT_RE: Final = compile_lazily(
    r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"  # e-mail
    r"|(?:https?://|www\.)\S{1,200}"  # link
    r"|(?<![\w@])@\w{1,30}"  # handle
)
# Words after which nothing is byline any more: time stamps, share and follow prompts.
_STOP_WORDS_RE: Final = compile_lazily(
    r"(?i:\b(?:last\s+)?(?:updated|published|posted|modified|aktualisiert|ver\u00f6ffentlicht"
    r"|actualizado|publicado|atualizado|aggiornato|pubblicato|bijgewerkt|gepubliceerd"
    r"|mis\s+\u00e0\s+jour|publi\u00e9|follow|e-?mail|twitter|read\s+more|share|comments?"
    r"|contact)\b)"
    r"|\bStand:"
)
# The word that introduces the names, per language. "di" (Italian) only in lower case:
# capitalised, it starts surnames such as "Di Maio".
_LEAD_IN_RE: Final = compile_lazily(
    r"^(?:(?i:(?:written|reporting|reported|words|story|text|report|compiled|analysis|opinion"
    r"|commentary|review|interview|essay|column|perspective|photos|video)\s+by"
    r"|by|von|por|par|door|av|af|autor(?:in)?|author|text|texto|testo|reportage)|di)"
    r"(?:\s{0,2}:|\s)\s{0,3}"
)
_DUTCH_LEAD_IN: Final = "door"
# Separators between names and what follows them.
_SEPARATOR_RE: Final = compile_lazily(
    r"\s{0,3}[,;|/\u2022\u00b7()\[\]]\s{0,3}|\s[-\u2013\u2014]{1,2}\s"
    r"|\s(?:and|&|und|y|e|et|og|och|ja)\s"
)
# Dutch "en" is "and"; in Spanish and French it is "in" and starts a place ("en Madrid").
_DUTCH_AND_RE: Final = compile_lazily(r"\sen\s")
# A person's name ends before these: "Jane Doe in London", "Jane Doe for The Guardian".
_NAME_END_RE: Final = compile_lazily(
    r"\s(?:of|for|in|at|from|to|with|aus|f\u00fcr|mit|en|\u00e0|pour|avec|para|desde|con|per"
    r"|bei|voor|uit)\s.*$",
)
# A date, a time or a weekday ends the name: "Jane Doe Jan. 5, 2024", "Jane Doe 10:30".
# Full names in the byline languages below, and the English abbreviations.
_MONTH_NAMES: Final = "|".join(
    sorted(month_forms(("en", "de", "es", "fr"), abbreviations=("en",)), key=lambda m: (-len(m), m))
)
_WEEKDAY_NAMES: Final = "|".join(
    day for language in ("en", "de", "es", "fr") for day in WEEKDAY_NAMES[language]
)
_DATE_START_RE: Final = compile_lazily(
    rf"(?i:\b(?:{_MONTH_NAMES})\.?\s\d"
    # A weekday only before a comma or a number: "Sunday Okafor" is a photographer's name.
    rf"|\b(?:{_WEEKDAY_NAMES})(?=,|\s{{1,3}}\d))"
    r"|\d"
)
# A possessive after an agency: "CNN's Jane Doe".
_POSSESSIVE_RE: Final = compile_lazily(r"^['\u2019]s\s")

# Job titles that follow a name; the name ends at the first of them.
_ROLE_HEADS: Final = (
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
)
# Words that qualify a job title ("Senior Political Correspondent"); dropped when they end a
# name once the title itself is cut.
_ROLE_QUALIFIERS: Final = words(
    "senior chief deputy associate assistant contributing special foreign national "
    "international political politics business economics economic financial finance markets "
    "science health medical tech technology sports sport entertainment culture arts music "
    "film food travel fashion climate environment environmental energy legal justice crime "
    "security defence defense diplomatic military investigative data digital managing "
    "executive news breaking bureau staff"
)
# Words that never occur in a person's name: newsroom, organisation and page words.
_NOT_NAME_WORDS: Final = words(
    "the news press post times journal herald tribune gazette daily weekly media network "
    "magazine online radio tv television channel wire agency service services group desk "
    "team bureau editorial board newsroom office department ministry government inc ltd "
    "corp company university institute association foundation committee council club party "
    "report reports live updates updated published read more share follow subscribe sign "
    "comments photo photos video image images opinion guest sponsored partner content admin "
    "administrator webmaster staff redaktion redacci\u00f3n r\u00e9daction redazione "
    "view archive archives profile posts articles stories author authors about contact "
    "website homepage biography bio "
    "reda\u00e7\u00e3o agencies agencias agenturen"
)
# Lower-case particles inside names: "Ursula von der Leyen", "Gabriel García y Márquez".
_NAME_PARTICLES: Final = words(
    "von van der den de del della delle dei di da dos das du le la bin ibn al el ter ten zu y e"
)
# A name word: letters with inner dots, apostrophes or hyphens ("J.R.", "O'Neil", "Jean-Luc").
_NAME_TOKEN_RE: Final = compile_lazily(r"[^\W\d_][^\W\d_.'\u2019-]*(?:[.'\u2019-][^\W\d_]*)*\.?")
# A site address is not a name: "Example.com".
_SITE_RE: Final = compile_lazily(r"\.[a-z]{2,}\b")
_EDGE_PUNCTUATION: Final = " .,;:-\u2013\u2014'\"\u201c\u201d\u2018\u2019*"
# Words left dangling once a date is cut: "Jane Doe on", "Jane Doe am".
_TRAILING_CONNECTORS: Final = words("on at le am el il the of for")
_LEADING_CONNECTORS: Final = words("and und y et og och with by mit avec con")

# Closing lines that name their agency through their shape. A row gives the agency, or None
# when the pattern's `agency` group names it.
_CREDIT_LINE_PATTERNS: Final[tuple[tuple[re.Pattern[str], str | None], ...]] = (
    # Reuters closes every story with its reporters and editors in brackets.
    (
        compile_lazily(
            r"^\(\s{0,2}(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|research)"
            r"(?:\s+and\s+\w+)?\s+by)\b[^()]{1,580}\)$"
        ),
        "Reuters",
    ),
    (
        compile_lazily(
            r"^(?i:(?:additional\s+)?reporting\s+by)\b.{1,580};\s{0,3}(?i:editing\s+by)\b"
        ),
        "Reuters",
    ),
    # Bloomberg's closing contact block and its assistance line.
    (
        compile_lazily(r"^(?i:to\s+contact\s+the\s+(?:reporters?|editors?)\s+(?:on|responsible))"),
        "Bloomberg",
    ),
    (compile_lazily(r"^[-\u2013\u2014]{0,2}\s{0,2}(?i:with\s+assistance\s+from)\b"), "Bloomberg"),
    # "Copyright 2024 The Associated Press. All rights reserved.", "© AFP", "(c) 2024 Reuters".
    (
        compile_lazily(
            lambda: (
                r"^(?i:copyright|\u00a9|\(c\))\s{0,2}\u00a9?\s{0,2}(?:\d{4}\s{0,2})?[-\u2013,]?\s{0,2}"
                rf"(?P<agency>{agency_pattern()})(?:[\s.,;]|$)"
            )
        ),
        None,
    ),
    # A sign-off or a bare agency: "— Associated Press", "(AFP)", "dpa/lby".
    (
        compile_lazily(
            lambda: (
                r"^[-\u2013\u2014]{0,2}\s{0,2}[(\[]?\s{0,2}(?:the\s+)?"
                rf"(?P<agency>{agency_pattern()})(?:/[^\W\d_]{{2,4}})?\s{{0,2}}[)\]]?\.?$"
            ),
            re.IGNORECASE,
        ),
        None,
    ),
    # "— With files from The Canadian Press", "Mit Material von dpa", "Source: Xinhua".
    (
        compile_lazily(
            lambda: (
                r"^[-\u2013\u2014]{0,2}\s{0,2}[(\[]?\s{0,2}(?i:(?:with\s+)?files\s+from|with\s+reporting"
                r"\s+(?:from|by)|with|information\s+from|material\s+from|mit\s+material\s+(?:von|der)"
                r"|con\s+informaci\u00f3n\s+de|avec|source|sources|fuente|quelle|fonte)"
                rf"\s{{0,2}}:?\s{{1,3}}(?:the\s+|la\s+agencia\s+)?(?P<agency>{agency_pattern()})"
                # The credit ends the line: "With AP's help, officials ..." is a sentence.
                r"(?![^\W_]).{0,40}$"
            )
        ),
        None,
    ),
)
# Sentences that credit an agency somewhere in them: "Associated Press writer Jane Doe
# contributed to this report.", "Information from Reuters was used in this report."
_CREDIT_PHRASES_RE: Final = compile_lazily(
    r"(?i:\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)"
    r"|\bcontributed\s+(?:reporting|research)|\bwas\s+used\s+in\s+this\s+report"
    r"|\bsolely\s+responsible\s+for\s+all\s+content|\bcontribuy\u00f3\b|\ba\s+contribu\u00e9\b"
    r"|\bcontribuiu\b|\bhat\s+beigetragen|\bhaben\s+beigetragen)"
)


def parse_byline(text: str) -> tuple[tuple[str, ...], str | None]:
    """The person names in a printed byline, in order and as printed, and its agency.

    `By Jane Doe and John Roe, Associated Press` gives `(("Jane Doe", "John Roe"), "AP")`;
    `By Reuters` gives `((), "Reuters")`; roles, contact details and time stamps are dropped.
    """
    line = text[:MAX_BYLINE_CHARS].translate(_SPACE_TRANSLATION)
    line = _CONTACT_RE.sub(" ", line)
    # Nothing after a time stamp, a date or a share prompt is part of the byline.
    for end_pattern in (_STOP_WORDS_RE, _DATE_START_RE):
        end = end_pattern.search(line)
        if end is not None:
            line = line[: end.start()]
    line = line.strip(_EDGE_PUNCTUATION)
    lead_in = _LEAD_IN_RE.match(line)
    dutch = False
    if lead_in is not None:
        dutch = lead_in.group().strip(" :").casefold() == _DUTCH_LEAD_IN
        line = line[lead_in.end() :]
    segments = _SEPARATOR_RE.split(line)
    if dutch:
        segments = [part for segment in segments for part in _DUTCH_AND_RE.split(segment)]
    names: list[str] = []
    agency: str | None = None
    for segment in segments:
        name, segment_agency = _read_segment(segment)
        agency = agency or segment_agency
        if name is not None and is_person_name(name) and name not in names:
            names.append(name)
    return tuple(names), agency


def _read_segment(segment: str) -> tuple[str | None, str | None]:
    """One separated part of a byline: a name candidate, an agency, both or neither."""
    words = segment.strip(_EDGE_PUNCTUATION).split()
    while words and words[0].casefold() in _LEADING_CONNECTORS:
        words = words[1:]
    part = _strip_trailing(" ".join(words), _TRAILING_CONNECTORS)
    if not part:
        return None, None
    agency, part = _split_agency(part)
    part = _NAME_END_RE.sub("", part)
    part = _strip_role(part)
    return (part or None), agency


def _split_agency(part: str) -> tuple[str | None, str]:
    """Take an agency off a segment: "Jane Doe Associated Press Writer", "CNN's Jane Doe"."""
    for match in AGENCY_RE.finditer(part):
        agency = agency_in_print(match.group())
        if agency is None:
            continue
        before = part[: match.start()].strip(_EDGE_PUNCTUATION)
        after = part[match.end() :]
        possessive = _POSSESSIVE_RE.match(after)
        if not before and possessive is not None:
            return agency, after[possessive.end() :].strip()
        if _only_rolewords(after):
            before_words = before.split()
            if before_words and before_words[-1].casefold() in {"the", "of", "for", "with"}:
                before_words = before_words[:-1]
            return agency, " ".join(before_words)
        if before:  # An agency inside a longer name-like run: "Antara Dev" is a person.
            continue
    return None, part


def _only_rolewords(text: str) -> bool:
    return all(
        word.casefold() in _ROLE_HEADS or word.casefold() in _ROLE_QUALIFIERS
        for word in text.strip(_EDGE_PUNCTUATION).split()
    )


def _strip_role(part: str) -> str:
    """Cut a name at its job title: "Jane Doe Senior Political Correspondent" -> "Jane Doe"."""
    words = part.split()
    for index, word in enumerate(words):
        if word.strip(_EDGE_PUNCTUATION).casefold() in _ROLE_HEADS:
            words = words[:index]
            break
    while words and words[-1].strip(_EDGE_PUNCTUATION).casefold() in _ROLE_QUALIFIERS:
        words = words[:-1]
    return " ".join(words).strip(_EDGE_PUNCTUATION)


def _strip_trailing(part: str, dangling: frozenset[str]) -> str:
    words = part.strip(_EDGE_PUNCTUATION).split()
    while words and words[-1].strip(_EDGE_PUNCTUATION).casefold() in dangling:
        words = words[:-1]
    return " ".join(words).strip(_EDGE_PUNCTUATION)


def is_person_name(text: str) -> bool:
    """Whether `text` reads as one person's name.

    Two to five words, each capitalised (lower-case particles such as "von", "de" inside), no
    digits, no site address, not an agency and no newsroom or organisation word: `Jane Doe`,
    `JANE DOE`, `Ursula von der Leyen` pass; `Staff Writer`, `Reuters`, `The Editorial Board`,
    `Example.com` do not. Single names ("Madonna") do not pass either.
    """
    stripped = text.strip()
    if len(stripped) > MAX_NAME_CHARS:
        return False
    words = stripped.split()
    if len(words) <= MIN_NAME_TOKENS and _is_cjk_name("".join(words)):
        return True
    if not MIN_NAME_TOKENS <= len(words) <= MAX_NAME_TOKENS:
        return False
    if _SITE_RE.search(stripped) or normalise_agency(stripped) is not None:
        return False
    if not all(_NAME_TOKEN_RE.fullmatch(word) for word in words):
        return False  # Digits, symbols or brackets.
    if any(word.strip(".").casefold() in _NOT_NAME_WORDS | _ROLE_HEADS for word in words):
        return False
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    if not all(word[0].isupper() or word in _NAME_PARTICLES for word in words[1:-1]):
        return False
    # At least one word that is not an initial: "J. K." is not a name on its own.
    return any(len(word.rstrip(".")) > 1 and "." not in word for word in words)


def _is_cjk_name(text: str) -> bool:
    """A Chinese, Japanese or Korean name: a short run of one script (`rules/names`), written
    with or without a space between family and given name, with no organisation part."""
    if not text:
        return False
    for first, last, shortest, longest in NAME_SCRIPTS:
        if all(first <= ord(char) <= last for char in text):
            return shortest <= len(text) <= longest and not any(
                part in text for part in CJK_NOT_NAME_PARTS
            )
    return False


def agency_from_credit_line(text: str) -> str | None:
    """The agency a story's closing credit line names, or None when the line is no credit.

    `(Reporting by Jane Doe; Editing by John Roe)` gives `Reuters`; `Copyright 2024 The
    Associated Press. All rights reserved.`, `— Associated Press` and `Associated Press writer
    Jane Doe contributed to this report.` give `AP`; `© AFP` gives `AFP`.
    """
    if len(text) > _MAX_RAW_CREDIT_LINE_CHARS:
        return None
    # `split()` takes no-break and thin spaces for whitespace too: no translation needed.
    line = " ".join(text.split())
    if not line or len(line) > MAX_CREDIT_LINE_CHARS:
        return None
    for pattern, agency in _CREDIT_LINE_PATTERNS:
        match = pattern.search(line)
        if match is None:
            continue
        if agency is not None:
            return agency
        found = agency_in_print(match.group("agency"))
        if found is not None:
            return found
    if _CREDIT_PHRASES_RE.search(line):
        return find_agency(line)
    return None
