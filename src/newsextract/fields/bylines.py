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

Each rule is a row in a table of `rules.bylines`. Only the first `MAX_BYLINE_CHARS` of a byline
and lines of at most `MAX_CREDIT_LINE_CHARS` are read, so every pattern runs in bounded time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from newsextract.fields.agencies import (
    AGENCY_RE,
    agency_in_print,
    agency_pattern,
    find_agency,
    normalise_agency,
)
from newsextract.rules.bylines import (
    AGENCY_LEAD_WORDS,
    CJK_LEAD_IN_RE,
    CLOSING_BRACKET_RE,
    CLOSING_BRACKET_TAIL_CHARS,
    CREDIT_LINE_FORMS,
    FILING_PLACE_CONNECTORS,
    LONE_BYLINE_NOT_NAME_WORDS,
    MAX_BYLINE_CHARS,
    MAX_CREDIT_LINE_CHARS,
    MAX_FILING_PLACE_WORDS,
    MAX_LONE_BYLINE_CHARS,
    MAX_LONE_BYLINE_NAMES,
    MAX_NAME_CHARS,
    MAX_NAME_TOKENS,
    MAX_SOURCE_LINE_CHARS,
    MIN_NAME_TOKENS,
    NOT_WRITER_LEAD_IN_RE,
    PRINTED_SPACES,
    SIGN_OFF_DASHES,
    SOURCE_INITIALS_RE,
    SOURCE_LINE_LABELS,
    SOURCE_PART_SEPARATOR_RE,
    SOURCE_SITE_RE,
    CreditLineForm,
)
from newsextract.rules.bylines import CONTACT_RE as _CONTACT_RE
from newsextract.rules.bylines import CREDIT_PHRASES_RE as _CREDIT_PHRASES_RE
from newsextract.rules.bylines import DATE_START_RE as _DATE_START_RE
from newsextract.rules.bylines import DUTCH_AND_RE as _DUTCH_AND_RE
from newsextract.rules.bylines import DUTCH_LEAD_IN as _DUTCH_LEAD_IN
from newsextract.rules.bylines import EDGE_PUNCTUATION as _EDGE_PUNCTUATION
from newsextract.rules.bylines import LEAD_IN_RE as _LEAD_IN_RE
from newsextract.rules.bylines import LEADING_CONNECTORS as _LEADING_CONNECTORS
from newsextract.rules.bylines import MAX_RAW_CREDIT_LINE_CHARS as _MAX_RAW_CREDIT_LINE_CHARS
from newsextract.rules.bylines import NAME_END_RE as _NAME_END_RE
from newsextract.rules.bylines import NAME_PARTICLES as _NAME_PARTICLES
from newsextract.rules.bylines import NAME_TOKEN_RE as _NAME_TOKEN_RE
from newsextract.rules.bylines import NOT_NAME_WORDS as _NOT_NAME_WORDS
from newsextract.rules.bylines import POSSESSIVE_RE as _POSSESSIVE_RE
from newsextract.rules.bylines import ROLE_HEADS as _ROLE_HEADS
from newsextract.rules.bylines import ROLE_QUALIFIERS as _ROLE_QUALIFIERS
from newsextract.rules.bylines import SEPARATOR_RE as _SEPARATOR_RE
from newsextract.rules.bylines import SITE_RE as _SITE_RE
from newsextract.rules.bylines import STOP_WORDS_RE as _STOP_WORDS_RE
from newsextract.rules.bylines import TRAILING_CONNECTORS as _TRAILING_CONNECTORS
from newsextract.rules.names import CJK_NOT_NAME_PARTS, CJK_ROLE_WORDS, NAME_SCRIPTS
from newsextract.support.lazyre import LazyPattern, compile_lazily

__all__ = [
    "agency_from_credit_line",
    "is_person_name",
    "lone_byline",
    "parse_byline",
    "source_line_agencies",
]


_SPACE_TRANSLATION: Final = str.maketrans(dict.fromkeys(PRINTED_SPACES, " "))


def _credit_line_source(form: CreditLineForm) -> str | Callable[[], str]:
    source = form.source
    if isinstance(source, str):
        return source
    # Built on first use: the agency pattern is large (see `fields.agencies`).
    return lambda: source(agency_pattern())


# The closing-line forms of `rules.bylines`, compiled on first use. A row gives the agency, or
# None when the pattern's `agency` group names it.
_CREDIT_LINE_PATTERNS: Final[tuple[tuple[LazyPattern[str], str | None], ...]] = tuple(
    (compile_lazily(_credit_line_source(form), form.flags), form.agency)
    for form in CREDIT_LINE_FORMS
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
    cjk = CJK_LEAD_IN_RE.match(line) if lead_in is None else None
    dutch = False
    if cjk is not None:
        line = line[cjk.end() :]
    elif lead_in is not None:
        dutch = lead_in.group().strip(" :").casefold() == _DUTCH_LEAD_IN
        line = line[lead_in.end() :]
    segments = _SEPARATOR_RE.split(line)
    if dutch:
        segments = [part for segment in segments for part in _DUTCH_AND_RE.split(segment)]
    if cjk is not None:
        # Chinese bylines set the names apart with spaces: "记者 张三 李四".
        segments = [part for segment in segments for part in segment.split()]
    names: list[str] = []
    agency: str | None = None
    for segment in segments:
        name, segment_agency = _read_segment(segment)
        agency = agency or segment_agency
        if name is not None and is_person_name(name) and name not in names:
            names.append(name)
    return tuple(names), agency


def lone_byline(text: str) -> tuple[str, ...]:
    """The names of a paragraph that is a byline and nothing else, or ().

    Some CMSs have no byline element: the story opens, or signs off, with a line holding the
    author's name alone (`Jane Doe`, `Jane Doe/John Roe`, `– Jane Doe`, `By Jane Doe`). Every
    part between separators must read as a whole person's name; a lead-in, a role, a date or
    any other word makes the line something else (a caption credit, a sentence). A line in
    capitals, or a name run together without spaces, is not read: those are as often labels.
    """
    line = text.strip().translate(_SPACE_TRANSLATION).strip(_EDGE_PUNCTUATION)
    if not line or len(line) > MAX_LONE_BYLINE_CHARS:
        return ()
    lead_in = _LEAD_IN_RE.match(line)
    if lead_in is not None:
        line = line[lead_in.end() :]
    parts = [part.strip(_EDGE_PUNCTUATION) for part in _SEPARATOR_RE.split(line)]
    parts = [part for part in parts if part]
    if not 0 < len(parts) <= MAX_LONE_BYLINE_NAMES or line.isupper():
        return ()  # a line in capitals is a label or a button ("SUBSCRIBE NOW")
    # Whole names of two words or more: a run of CJK characters alone is as often a label.
    if not all(len(part.split()) >= MIN_NAME_TOKENS and is_person_name(part) for part in parts):
        return ()
    if any(word.casefold() in LONE_BYLINE_NOT_NAME_WORDS for word in line.split()):
        return ()
    return tuple(dict.fromkeys(parts))


def is_marked_byline(text: str, *, closing: bool) -> bool:
    """Whether a line is printed as a byline by its own words, whatever its type: it opens
    with a lead-in (`By`, `Von:`, `Auteur :`, not `Photos by`), or, closing the story, with a
    dash (the sign-off `– Jane Doe`). A line without such a mark needs bold type to be read
    as one (`pipeline.newsfields._lone_byline`)."""
    line = text.lstrip().translate(_SPACE_TRANSLATION)
    if _LEAD_IN_RE.match(line) is not None:
        return NOT_WRITER_LEAD_IN_RE.match(line) is None
    return closing and line[:1] in SIGN_OFF_DASHES


def cjk_byline(text: str) -> tuple[str, ...]:
    """The names of a Chinese, Japanese or Korean line that is a byline and nothing else, by
    its own words: a lead-in (`作者：张三`, `记者 张三 李四`, `本报记者王五`) or a reporter's
    title after the name (`홍길동 기자`, `山田太郎 記者`); or ().

    A run of Han or Hangul alone is as often a label as a name (`lone_byline` skips it): only
    a line so marked, short, and naming people in those scripts only, is read.
    """
    line = text.strip().translate(_SPACE_TRANSLATION)
    if not line or len(line) > MAX_LONE_BYLINE_CHARS:
        return ()
    words = line.split()
    marked = CJK_LEAD_IN_RE.match(line) is not None or (
        len(words) > 1 and words[-1] in CJK_ROLE_WORDS
    )
    if not marked:
        return ()
    names = parse_byline(line)[0]
    return names if names and all(_name_script(name) for name in names) else ()


def _name_script(text: str) -> tuple[int, int, int, int] | None:
    """The row of `NAME_SCRIPTS` (Hangul, Han) that every character of `text` is in, or None."""
    for script in NAME_SCRIPTS:
        first, last, _, _ = script
        if all(first <= ord(char) <= last for char in text):
            return script
    return None


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
        if _only_rolewords(after) or (not before and _only_filing_place(after)):
            before_words = before.split()
            if before_words and before_words[-1].casefold() in AGENCY_LEAD_WORDS:
                before_words = before_words[:-1]
            return agency, " ".join(before_words)
        if before:  # An agency inside a longer name-like run: "Antara Dev" is a person.
            continue
    return None, part


def _only_filing_place(text: str) -> bool:
    """Whether `text` is only where an agency filed from: " in Kyiv", " aus Paris"."""
    words = text.split()
    if not words or words[0].casefold() not in FILING_PLACE_CONNECTORS:
        return False
    place = words[1:]
    return 0 < len(place) <= MAX_FILING_PLACE_WORDS and all(w[:1].isupper() for w in place)


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


# Words no name holds, organisation words and job titles alike: united once, not for every
# word of every name asked about.
_NOT_NAME_OR_ROLE_WORDS = _NOT_NAME_WORDS | _ROLE_HEADS


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
    if any(word.strip(".").casefold() in _NOT_NAME_OR_ROLE_WORDS for word in words):
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
    script = _name_script(text)
    if script is None:
        return False
    _, _, shortest, longest = script
    return shortest <= len(text) <= longest and not any(part in text for part in CJK_NOT_NAME_PARTS)


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


def source_line_agencies(text: str) -> str | None:
    """The agencies a source line names, in printed order, joined by "/"; None for any other
    line.

    A source line is a label of `SOURCE_LINE_LABELS` and a short list (`Quelle: sid/dpa` gives
    `SID/dpa`, `(Quelle: APA/sda/dpa)` gives `APA/Keystone-SDA/dpa`), or, without a label, a
    slash-joined list of agencies and lower-case editor initials (`sak/Reuters`). Every part is
    an agency, an editor's initials or the site's own address (`Quelle: ntv.de, ino/dpa` gives
    `dpa`): a part that is none of these makes the line a sentence, not a credit. Under a
    label an agency may be printed in lower case (`sid`), the wire services' own habit.
    """
    line = " ".join(text.split()).strip("()[] .")
    if not line or len(line) > MAX_SOURCE_LINE_CHARS:
        return None
    label, colon, rest = line.partition(":")
    labelled = bool(colon) and label.strip().casefold() in SOURCE_LINE_LABELS
    if not labelled:
        if "/" not in line:
            return None
        rest = line
    return _listed_agencies(rest, labelled=labelled)


def closing_bracket_agencies(text: str) -> str | None:
    """The agencies of the bracketed credit that ends a story's paragraph, or None.

    German, Swiss, Austrian and Italian papers close a wire story with its source in brackets
    at the end of the last sentence, often with the editor's initials and sometimes with no
    space before it: `... beschlossen. (dpa/abc)`, `... lundi. (ats/xyz)`, `... (KNA, AB)`,
    `... erklärt(dpa)`. Every part must be an agency or initials (`_listed_agencies`, as under
    a source label: the closing bracket is the label), so `(AFP/Getty Images)` or `(in 2024)`
    is no credit.
    """
    # Searched from a position, not in a slice: the pattern's `\A` (a credit on a line of its
    # own) must not match where a long paragraph's tail happens to begin.
    match = CLOSING_BRACKET_RE.search(text, max(0, len(text) - CLOSING_BRACKET_TAIL_CHARS))
    return None if match is None else _listed_agencies(match.group("credit"), labelled=True)


def _listed_agencies(listed: str, *, labelled: bool) -> str | None:
    """The agencies of a credit list (`sid/dpa`, `ino/dpa`, `APA, red`), or None when a part is
    neither an agency nor an editor's initials (nor, under a label, the site's address)."""
    agencies: list[str] = []
    for raw in SOURCE_PART_SEPARATOR_RE.split(listed.strip()):
        part = raw.strip(" .()[]")
        if not part:
            continue
        agency = normalise_agency(part) if labelled else agency_in_print(part)
        if agency is not None:
            if agency not in agencies:
                agencies.append(agency)
        elif labelled and SOURCE_SITE_RE.fullmatch(part):
            continue
        elif not SOURCE_INITIALS_RE.fullmatch(part) or not (labelled or part.islower()):
            return None
    return "/".join(agencies) or None
