"""The dateline that opens a wire story: where (and when) it was filed, and by which agency.

A wire story's first paragraph starts with a short, stylised line before the first sentence:

    WASHINGTON (AP) — ...                 place, agency in brackets, dash
    LONDON, March 3 (Reuters) - ...       place and date
    (Reuters) — ...                       agency only
    MADRID, 3 mar (EFE).- ...             Spanish style, dot-dash
    NEW YORK, May 2, 2024 /PRNewswire/ -- press-release wires put the agency between slashes
    (ANSA) - ROMA, 12 GEN - ...           agency first, then place and date
    BUFFALO, N.Y. — ...                   a newspaper's own dateline: place in capitals, no agency
    DALLAS (WFAA) -- ...                  a bracketed source that is not an agency
    London/Teheran - ...                  a place in mixed case before a spaced dash

`parse_dateline` reads that line into a `Dateline` (the place and/or date as printed, and the
agency's short name from `fields.agencies`). It is a grammar over the first `MAX_DATELINE_CHARS`
characters, built from small tables (`rules.dateline`), and it prefers missing a dateline to
inventing one: a paragraph that opens with an ordinary sentence must give None. These rules
carry that:

* with an agency, the agency must be a known one (so `(and Canada)` or `(AP Photo)` do not
  count) and what precedes it must read as a place and date: capitalised words, digits and a
  few lower-case connectors and month names, no sentence words;
* without an agency, the place must be printed in capitals, must not be a label (`BREAKING`,
  `UPDATE`, `FILE`) or a well-known acronym (`NASA`), and a dash or colon must follow it;
* a bracketed source that is not an agency (`DALLAS (WFAA) --`, `Hamburg (abc).`) keeps the
  dateline, with the agency only when a part of the marker names one (`Köln (KNA/xy).`); after
  a place in mixed case without a date, only a full stop may follow such a marker, unless the
  marker is the place's country or region (`Sotschi (Russland) -`);
* a place in mixed case with no marker (`Gundremmingen - Die ...`) needs a spaced dash, a
  capitalised story that ends a sentence in the paragraph, and no sentence opener for a first
  word.

Every pattern is linear: fixed character classes with bounded repeats, no nested quantifiers
over overlapping classes, and only the head of the paragraph is ever inspected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from newsextract.fields.agencies import agency_pattern, find_agency, normalise_agency
from newsextract.fields.bylines import is_person_name
from newsextract.fields.script_dateline import script_dateline
from newsextract.rules.dateline import (
    AFTER_MARKER_RE,
    AFTER_SLASH_MARKER_RE,
    ALLOWED_LOWER_WORDS,
    CORRESPONDENT_LABEL_RE,
    DASHES,
    DATE_SEGMENT_RE,
    DOTTED_NOT_PLACES,
    DOTTED_PLACE_LANGUAGES,
    DOTTED_PLACE_RE,
    FULL_MONTH_FORMS,
    MARKER_PARTS_RE,
    MAX_DATELINE_CHARS,
    MAX_PLACE_EXTRA_SEGMENTS,
    MAX_PLACE_TOKENS,
    MAX_PREFIX_CHARS,
    MAX_PREFIX_SEGMENTS,
    MAX_REGION_TOKENS,
    MAX_SEGMENT_TOKENS,
    MIN_PLACE_LETTERS,
    MIXED_PLACE_NOT_FIRST,
    MIXED_PLACE_RE,
    NOT_PLACE_WORDS,
    OTHER_MARKER_RE,
    PLACE_PARTICLES,
    PLACE_SEPARATOR_RE,
    PLACE_SEPARATOR_TAIL_RE,
    PREFIX_CHARS_RE,
    PRINTED_SPACES,
    SENTENCE_END_RE,
    SENTENCE_OPENERS,
    SITE_SEGMENT_RE,
    STORY_OPENERS,
)
from newsextract.support.lazyre import compile_lazily

__all__ = ["Dateline", "parse_dateline", "split_dateline"]


@dataclass(frozen=True, slots=True)
class Dateline:
    """A story's dateline: the place and/or date as printed, and the agency's short name."""

    dateline: str | None
    agency: str | None


# Spaces that print like a space; mapped to one so the patterns need only one kind.
_SPACE_TRANSLATION: Final = str.maketrans(dict.fromkeys(PRINTED_SPACES, " "))

# The agency marker: `(Reuters)`, `(dpa/lby)` (dpa's regional services), `(AFP/dpa)`, or a
# press-release wire between slashes, `/PRNewswire/`, `/PRNewswire-Asia/`, `/TASS/`. The
# agency names appear once, with the closing part chosen by the opening bracket or slash
# (`(?(paren)...)`): the names make the pattern large, and compiling it is a fixed cost of
# every process.
_MARKER_RE: Final = compile_lazily(
    lambda: (
        rf"(?:(?P<paren>\()|/)\s{{0,2}}(?P<agency>{agency_pattern()})"
        r"(?(paren)(?:\s{0,2}/\s{0,2}[^\W\d_]{1,20}){0,3}\s{0,2}\)"
        r"|(?:-[^\W\d_]{1,20}(?: [^\W\d_]{1,20}){0,3})?\s{0,2}/)"
    )
)


def parse_dateline(paragraph: str, language: str | None = None) -> Dateline | None:
    """The dateline that opens `paragraph`, or None when it opens with anything else.

    `WASHINGTON (AP) — The ...` gives `Dateline("WASHINGTON", "AP")`, `(Reuters) - ...`
    gives `Dateline(None, "Reuters")`, `BUFFALO, N.Y. — ...` gives
    `Dateline("BUFFALO, N.Y.", None)`. `language`, the page's declared language, lets
    forms that only its press prints count (`Duisburg. Erste ...` in German).
    """
    return split_dateline(paragraph, language)[0]


def split_dateline(paragraph: str, language: str | None = None) -> tuple[Dateline | None, str]:
    """The dateline that opens `paragraph` and the paragraph after it (whole when none)."""
    stripped = paragraph.lstrip()
    label = CORRESPONDENT_LABEL_RE.match(stripped)
    if label is not None:
        stripped = stripped[label.end() :]
    head = stripped[:MAX_DATELINE_CHARS].translate(_SPACE_TRANSLATION)
    found = (
        _in_script_frame(head)
        or _with_agency(head)
        or _with_other_marker(head)
        or _place_only(head)
        or _mixed_case_place(head, stripped)
        or (_dotted_place(head, stripped) if language in DOTTED_PLACE_LANGUAGES else None)
    )
    if found is None:
        return None, paragraph
    dateline, end = found
    return dateline, stripped[end:].lstrip()


def _in_script_frame(head: str) -> tuple[Dateline, int] | None:
    framed = script_dateline(head)
    if framed is None:
        return None
    place, agency, end = framed
    return Dateline(place, agency), end


def _with_agency(head: str) -> tuple[Dateline, int] | None:
    marker = _MARKER_RE.search(head)
    if marker is None:
        return None
    agency = normalise_agency(marker.group("agency"))
    if agency is None:
        return None
    place = _clean_prefix(head[: marker.start()])
    if place and not _reads_as_place_and_date(place):
        return None
    rest_at = marker.end()
    separator = AFTER_MARKER_RE.match(head, rest_at)
    if separator is None and marker.group("paren") is None:
        separator = AFTER_SLASH_MARKER_RE.match(head, rest_at)
    if separator is not None:
        rest_at = separator.end()
    elif not _may_follow_bare_marker(head[rest_at:], place):
        return None
    if not place and separator is not None:
        # ANSA and some others print the agency first: "(ANSA) - ROMA, 12 GEN - ...".
        after = _place_only(head[rest_at:])
        if after is not None:
            return Dateline(after[0].dateline, agency), rest_at + after[1]
    return Dateline(place or None, agency), rest_at


def _with_other_marker(head: str) -> tuple[Dateline, int] | None:
    """A place and a bracketed source that `_MARKER_RE` does not read: `DALLAS (WFAA) --`."""
    found = OTHER_MARKER_RE.match(head)
    if found is None:
        return None
    place = _clean_prefix(found.group("prefix"))
    if not place or not _reads_as_place_and_date(place):
        return None
    marker = found.group("marker")
    parts = MARKER_PARTS_RE.split(marker)
    agency = next((a for a in map(normalise_agency, parts) if a is not None), None)
    if agency is None and find_agency(marker) is not None:
        return None  # An agency with more words, "(AP Photo)": a credit, not a dateline.
    full_stop = found.group("separator").lstrip().startswith(".")
    if agency is None and not full_stop and not _unmistakable_place(place):
        if _bracketed_region(place, marker, head[found.end() :]):
            return Dateline(f"{place} ({marker})", None), found.end()
        return None  # "Apple Inc (AAPL) — Shares rose" is a sentence about a company.
    return Dateline(place, agency), found.end()


def _bracketed_region(place: str, marker: str, story: str) -> bool:
    """A place in mixed case and its country or region in brackets, then a dash and a story
    that opens like a sentence: `Sotschi (Russland) - Die ...`. A marker in capitals is a
    ticker, a party or a call sign (`Apple Inc (AAPL) —`, `Anna Muster (SPD) -`), and a
    person's name is no place."""
    if marker.isupper() or not _is_region(marker) or not story[:1].isupper():
        return False
    words_ = place.split()
    if len(words_) > MAX_REGION_TOKENS or words_[0] in MIXED_PLACE_NOT_FIRST:
        return False
    return len(words_) == 1 or not is_person_name(place)


def _mixed_case_place(head: str, paragraph: str) -> tuple[Dateline, int] | None:
    """A place in mixed case then a spaced dash: `Gundremmingen - Die ...`.

    The story after it must open like a sentence and end like one somewhere in `paragraph`
    ("Fractured Soul - New videos - May 2" is a title line), and must not open with the
    place again ("Jo Muster - Jo Muster is a writer" is a biography).
    """
    found = MIXED_PLACE_RE.match(head)
    if found is None:
        return None
    place, story = found.group("place"), head[found.end() :]
    first = story[:1]
    if not (first.isupper() or first.isdigit() or (first and first in STORY_OPENERS)):
        return None
    if story.startswith(place) or SENTENCE_END_RE.search(paragraph, found.end()) is None:
        return None
    words_ = place.replace("/", " ").split()
    if not _reads_as_placewords(" ".join(words_)) or place.isupper():
        return None  # Sentence words; or capitals, which are `_place_only`'s.
    capitalised = (w for w in words_ if w not in PLACE_PARTICLES)
    if any(not part[:1].isupper() for word in capitalised for part in word.split("-")):
        return None  # "Seven-footer", "e-mail": not a place.
    if words_[0] in MIXED_PLACE_NOT_FIRST or any(w.upper() in NOT_PLACE_WORDS for w in words_):
        return None
    if normalise_agency(place) is not None:
        return None  # An agency alone is not a place.
    date = found.group("date")
    return Dateline(f"{place}, {date}" if date else place, None), found.end()


def _dotted_place(head: str, paragraph: str) -> tuple[Dateline, int] | None:
    """A place and a full stop, as the German regional press prints it: `Duisburg. Erste ...`."""
    found = DOTTED_PLACE_RE.match(head)
    if found is None or SENTENCE_END_RE.search(paragraph, found.end()) is None:
        return None
    if head[found.end()].islower():
        return None  # The story opens like a sentence.
    place = found.group("place")
    parts = place.split("/")
    if not all(part[:1].isupper() and not part.isupper() for part in parts):
        return None  # Capitals are an acronym or a label; lower case a word.
    if any(part in MIXED_PLACE_NOT_FIRST or part in DOTTED_NOT_PLACES for part in parts):
        return None
    if len(place) < MIN_PLACE_LETTERS or normalise_agency(place) is not None:
        return None
    return Dateline(place, None), found.end()


def _clean_prefix(prefix: str) -> str:
    # "NEW YORK--(BUSINESS WIRE)--" and "MOSCOW, March 3. /TASS/." leave a dash or a full
    # stop between the date and the marker; they are not part of the dateline.
    cleaned = prefix.rstrip(" " + DASHES + ",")
    if cleaned.endswith(".") and (
        cleaned[-2:-1].isdigit() or cleaned[:-1].rsplit(" ", 1)[-1].casefold() in FULL_MONTH_FORMS
    ):
        cleaned = cleaned[:-1]  # "МОСКВА, 3 марта. /ТАСС/." ends its date the same way.
    return cleaned


def _may_follow_bare_marker(rest: str, place: str) -> bool:
    """Whether a marker with no dash after it still ends a dateline ("NEW DELHI (PTI) The")."""
    if rest and not (rest[0] == " " or rest[0].isalpha() or rest[0] in STORY_OPENERS):
        return False  # "WASHINGTON (AP), the agency said" is a sentence.
    if not place or rest[:1].isupper():
        return True  # "(CNN)The ..." is how CNN prints it, with or without a place before.
    # Nordic wires print no dash ("København (Ritzau) Regeringen ...", "Stockholm (TT) ..."):
    # after a known agency and a space, a capital opens the story ("Die Regierung (dpa) sagte"
    # stays a sentence), unless the words before it are a person's name, a photo's credit
    # ("Jane Doe (AP) The ..."). A letter without case says nothing either way.
    if rest.lstrip(" ")[:1].isupper() and (len(place.split()) == 1 or not is_person_name(place)):
        return True
    # Otherwise only the unmistakable forms count: a place in capitals, or a date.
    return _unmistakable_place(place)


def _unmistakable_place(place: str) -> bool:
    """A place in capitals, or a place with a date: no company or person is printed so."""
    return _is_capitals(place.split(",", 1)[0]) or any(ch.isdigit() for ch in place)


def _reads_as_place_and_date(prefix: str) -> bool:
    if len(prefix) > MAX_PREFIX_CHARS or normalise_agency(prefix) is not None:
        return False
    if PREFIX_CHARS_RE.sub("", prefix):
        return False  # Brackets, quotes, other symbols: not a dateline.
    segments = [segment.strip() for segment in prefix.split(",")]
    if len(segments) > MAX_PREFIX_SEGMENTS or not all(segments):
        return False
    if segments[0].split()[0] in SENTENCE_OPENERS:
        return False
    return all(_reads_as_placewords(segment) for segment in segments)


def _reads_as_placewords(segment: str) -> bool:
    tokens = segment.split()
    if len(tokens) > MAX_SEGMENT_TOKENS or not _starts_capital_or_digit(tokens[0]):
        return False
    return all(
        _starts_capital_or_digit(token) or token.rstrip(".").casefold() in ALLOWED_LOWER_WORDS
        for token in tokens[1:]
    )


def _starts_capital_or_digit(token: str) -> bool:
    # A letter of a script without case (Arabic, Hebrew) is neither upper nor lower: a place
    # printed in one ("القاهرة (رويترز) -") counts as capitalised.
    first = token[0]
    return first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())


def _is_capitals(text: str) -> bool:
    return text.isupper() and not any(ch.isdigit() for ch in text)


def _place_only(head: str) -> tuple[Dateline, int] | None:
    """A dateline of a place in capitals then a dash, with no agency: "BUFFALO, N.Y. —"."""
    separator = PLACE_SEPARATOR_RE.search(head)
    if separator is None:
        return None
    prefix = head[: separator.start()]
    segments = prefix.split(",")
    place = segments[0].strip()
    if not _is_capital_place(place) or len(segments) - 1 > MAX_PLACE_EXTRA_SEGMENTS:
        return None
    kept_end = len(segments[0].rstrip())
    offset = len(segments[0]) + 1
    for index, raw in enumerate(segments[1:], start=1):
        segment = raw.strip()
        is_last = index == len(segments) - 1
        if is_last and SITE_SEGMENT_RE.fullmatch(segment):
            break  # "JAKARTA, KOMPAS.com -": the site is not part of the dateline.
        if not (_is_region(segment) or DATE_SEGMENT_RE.fullmatch(segment)):
            return None
        kept_end = offset + len(raw.rstrip())
        offset += len(raw) + 1
    tail = PLACE_SEPARATOR_TAIL_RE.match(head, separator.start())
    end = tail.end() if tail is not None else separator.end()
    return Dateline(head[:kept_end], None), end


def _is_capital_place(place: str) -> bool:
    tokens = place.split()
    if not tokens or len(tokens) > MAX_PLACE_TOKENS or not _is_capitals(place):
        return False
    if PREFIX_CHARS_RE.sub("", place) or SITE_SEGMENT_RE.fullmatch(place):
        return False  # Symbols, or a site name ("TEMPO.CO, Jakarta -") where a place would be.
    if sum(ch.isalpha() for ch in place) < MIN_PLACE_LETTERS:
        return False
    if any(token.strip(".") in NOT_PLACE_WORDS for token in tokens):
        return False
    return normalise_agency(place) is None


def _is_region(segment: str) -> bool:
    """A state, province or country after the place: "Calif.", "N.Y.", "Ukraine", "ON"."""
    tokens = segment.split()
    if not tokens or len(tokens) > MAX_REGION_TOKENS or PREFIX_CHARS_RE.sub("", segment):
        return False
    if any(ch.isdigit() for ch in segment) or not tokens[0][0].isupper():
        return False
    return all(token[0].isupper() or token in PLACE_PARTICLES for token in tokens)
