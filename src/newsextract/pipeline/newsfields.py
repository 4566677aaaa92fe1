"""Stage 6: the wire-story fields, read off the segmented story and the page's metadata.

Each field has an order of sources, most reliable first, and stays empty rather than guess:
- dateline and agency from the line that opens the story (`WASHINGTON (AP) —`), past the
  furniture above it, or from the standfirst;
- agency otherwise from the byline, the page's author organisation, or a closing credit line
  (`(Reporting by ...; Editing by ...)`, `Copyright ... The Associated Press`);
- authors from JSON-LD persons, then meta tags, then the printed byline, then a line of the
  story that is a byline alone, never an agency;
- the credit lines: lines among the story's opening ones that hold nothing but a lead-in and
  the names the authors field gives (`Von Anna Schmidt` over a story by Anna Schmidt), or the
  agency's name alone, which assembly takes out of the body: they are those fields, printed;
- captions with their credit split off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsextract._model import BlockKind
from newsextract.fields.agencies import normalise_agency
from newsextract.fields.bylines import (
    agency_from_credit_line,
    cjk_byline,
    closing_bracket_agencies,
    is_marked_byline,
    is_person_name,
    lone_byline,
    parse_byline,
    source_line_agencies,
)
from newsextract.fields.credits import (
    join_credit_parts,
    split_credit,
    strip_credit_label,
    strip_leading_label,
)
from newsextract.fields.dateline import parse_dateline
from newsextract.fields.script_dateline import script_correspondent
from newsextract.pipeline.blocks import LineKind, RawCaption, Segments, classify_line
from newsextract.pipeline.metadata import Metadata
from newsextract.rules import phrases
from newsextract.rules.bylines import DATED_CREDIT_SEPARATORS, FIELD_LABEL_RE
from newsextract.rules.calendar import BYLINE_CLOCK_WORDS, PRINTED_DATE, PRINTED_TIME
from newsextract.rules.dateline import MAX_DATELINE_CHARS
from newsextract.rules.thresholds import (
    CREDIT_LINE_PARAGRAPHS,
    DATELINE_PARAGRAPHS,
    LONE_BYLINE_OPENING,
    MAX_AUTHORS,
    MAX_DATED_BYLINE_CHARS,
    MAX_DATELINE_PARAGRAPHS,
    MAX_FURNITURE_CHARS,
)


@dataclass(frozen=True, slots=True)
class NewsFields:
    dateline: str | None
    agency: str | None
    authors: tuple[str, ...]
    captions: tuple[RawCaption, ...]
    credit_lines: tuple[str, ...] = ()
    """Opening body lines that print the authors or the agency and nothing else."""


def news_fields(segments: Segments, metadata: Metadata) -> NewsFields:
    """Read dateline, agency, authors and split captions from the story and its metadata."""
    dateline, agency = _dateline(segments, declared_language(metadata))
    # Subheadings, list items and quotes are no byline lines: only paragraphs are read.
    paragraphs = tuple(b.text for b in segments.blocks if b.kind is BlockKind.PARAGRAPH)
    authors, byline_agency, from_line = _authors(metadata, paragraphs or segments.paragraphs)
    agency = (
        agency
        or _source_agency(metadata, segments.paragraphs)
        or byline_agency
        or _first_agency(metadata.author_orgs)
        or _credit_line_agency(segments.paragraphs)
        or _agency_line(segments.paragraphs[:DATELINE_PARAGRAPHS])
    )
    captions = _clean_captions(segments.captions)
    return NewsFields(
        dateline=dateline,
        agency=agency,
        authors=authors,
        captions=captions,
        # Every kind of block: a byline set as a list item or a heading is no body either.
        credit_lines=credit_lines(segments.paragraphs, () if from_line else authors, agency),
    )


def credit_lines(
    paragraphs: tuple[str, ...], authors: tuple[str, ...], agency: str | None
) -> tuple[str, ...]:
    """The opening lines that are the story's byline or agency credit and nothing else: the
    authors and agency fields as printed, not body text.

    - a byline alone (`lone_byline`: `By Jane Doe`, `Von: Anna Schmidt`, `di Mario Rossi`,
      `Jane Doe/John Roe`) naming exactly the story's authors;
    - an agency's name alone (`AFP`, `dpa`, `Associated Press`) naming the story's agency:
      the credit some sites print over the story instead of a dateline.

    Both among the story's opening lines (past furniture, as the dateline is looked for). The
    names must be the authors the page states elsewhere (its JSON-LD, meta tags or byline
    element): a name line that says anything else (a photographer, a second writer, a date
    after the name) is not the story's byline alone, and stays. The caller passes no authors
    when they were read off a line of the story itself: that line (a bold name, as often a
    subheading or a caption) is then the only witness, and stays in the body.
    """
    if not authors and not agency:
        return ()
    wanted = {name.casefold() for name in authors}
    found: list[str] = []
    for paragraph in _opening_paragraphs(paragraphs):
        if agency is not None and normalise_agency(paragraph) == agency:
            found.append(paragraph)
            continue
        names = (lone_byline(paragraph) or lone_byline(_undated(paragraph))) if wanted else ()
        if names and {_as_written(name).casefold() for name in names} == wanted:
            found.append(paragraph)
    return tuple(found)


def _undated(line: str) -> str:
    """A byline printed with its date and time ("Jane Doe 4 March 2025 - 14:41", "9. März 2025
    um 15:46 Uhr / Jane Doe") less them and their clock words (`BYLINE_CLOCK_WORDS`): its
    names, for `lone_byline` to read. A line with no printed date gives ""."""
    parts = _around_date(line, MAX_DATED_BYLINE_CHARS)
    if parts is None:
        return ""
    rest = PRINTED_TIME.sub(" ", " ".join(parts))
    words = [w for w in rest.split() if w.casefold() not in BYLINE_CLOCK_WORDS]
    return " ".join(words).strip(DATED_CREDIT_SEPARATORS)


def _around_date(line: str, limit: int) -> tuple[str, str] | None:
    """What a short line prints before and after its first date (`PRINTED_DATE`), or None
    when it prints none or is longer than `limit`: a credit line and its date."""
    if len(line) > limit:
        return None
    date = PRINTED_DATE.search(line)
    return None if date is None else (line[: date.start()], line[date.end() :])


def declared_language(metadata: Metadata) -> str | None:
    """The page's declared language, which lets the dateline grammar read its press's forms."""
    declared = metadata.declared_language()
    return declared[0] if declared else None


def _dateline(segments: Segments, language: str | None) -> tuple[str | None, str | None]:
    """From the paragraphs that open the story, past furniture lines, or else from the
    standfirst (some papers open the teaser with the place: "Berlin. Der ...")."""
    for paragraph in _opening_paragraphs(segments.paragraphs):
        found = parse_dateline(paragraph, language)
        if found is not None:
            return found.dateline, found.agency
    if segments.standfirst:
        found = parse_dateline(segments.standfirst, language)
        # A standfirst opens with a label in capitals ("LIVE -", "LE POINT SUR ... -") more
        # often than with a place: there, capitals count only with an agency.
        if found is not None and (found.agency or not (found.dateline or "").isupper()):
            return found.dateline, found.agency
    return None, None


def _opening_paragraphs(paragraphs: tuple[str, ...]) -> Iterator[str]:
    """The first `DATELINE_PARAGRAPHS`, then more while the last one was furniture."""
    for index, paragraph in enumerate(paragraphs[:MAX_DATELINE_PARAGRAPHS]):
        if index >= DATELINE_PARAGRAPHS and not _is_furniture(paragraphs[index - 1]):
            return
        yield paragraph


def _is_furniture(paragraph: str) -> bool:
    """A line that ends no sentence: a kicker, a repeated headline, an agency, a time stamp."""
    line = paragraph.rstrip()
    return len(line) <= MAX_FURNITURE_CHARS and not line.endswith(phrases.STORY_LINE_END)


def _authors(
    metadata: Metadata, paragraphs: tuple[str, ...]
) -> tuple[tuple[str, ...], str | None, bool]:
    """The authors, the agency a byline names, and whether the names were read off a line of
    the story itself (`_lone_byline`) rather than the page's metadata or byline element."""
    declared, agency = _names(metadata.authors)
    if declared:
        return tuple(declared[:MAX_AUTHORS]), agency, False
    printed, printed_agency = _names(metadata.bylines)
    agency = agency or printed_agency
    if printed:
        return tuple(printed[:MAX_AUTHORS]), agency, False
    lone = _lone_byline(paragraphs, metadata.bold_lines) or _correspondent(paragraphs)
    return lone, agency, bool(lone)


def _correspondent(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """The correspondent a Japanese paper names in the frame that opens its story
    (`【ソウル＝山田太郎】`), past furniture as the dateline is looked for."""
    for paragraph in _opening_paragraphs(paragraphs):
        name = script_correspondent(paragraph.lstrip()[:MAX_DATELINE_CHARS])
        if name is not None:
            return (name,)
    return ()


def _names(values: tuple[str, ...]) -> tuple[list[str], str | None]:
    agency: str | None = None
    names: list[str] = []
    for value in values:
        found, found_agency = parse_byline(value)
        agency = agency or found_agency
        for name in found:
            display = _as_written(name)
            if is_person_name(name) and display not in names:
                names.append(display)
    return names, agency


def _lone_byline(paragraphs: tuple[str, ...], bold_lines: tuple[str, ...]) -> tuple[str, ...]:
    """The names of a paragraph that is a byline alone, printed in bold or marked as a byline
    by its words (a lead-in, a sign-off's dash: `is_marked_byline`), among the story's first
    lines or its last (a sign-off), for pages whose byline has no element of its own. (A line
    in plain type with a name-like form and no mark is as often a heading or a button label.)

    The line must stand next to prose: before the story's text (not before a label, as an
    interviewee's name over their title is), or after it at the very end.
    """
    count = len(paragraphs)
    places = [*range(min(LONE_BYLINE_OPENING, count - 1)), count - 1]
    for index in dict.fromkeys(i for i in places if i >= 0):
        beside = (
            paragraphs[index + 1] if index < count - 1 else paragraphs[index - 1] if index else ""
        )
        if not beside or _is_furniture(beside):
            continue
        names = cjk_byline(paragraphs[index])
        if names:
            return names  # marked by its own words, and no case to fix
        if paragraphs[index] not in bold_lines and not _marked_alone(paragraphs, index):
            continue
        names = lone_byline(paragraphs[index])
        if names:
            return tuple(_as_written(name) for name in names)
    return ()


def _marked_alone(paragraphs: tuple[str, ...], index: int) -> bool:
    """Whether the line at `index` is marked as a byline by its words (`is_marked_byline`) and
    is not one entry of a list of labelled fields ("Name: ...", "Author: ...", "Description:
    ..." describing a product or an event, whose author is not the story's)."""
    last = len(paragraphs) - 1
    if not is_marked_byline(paragraphs[index], closing=index == last):
        return False
    if index == last and index and _is_quotation(paragraphs[index - 1]):
        return False  # "— Albert Einstein" under a closing quotation: its speaker, not the author
    neighbours = paragraphs[max(index - 1, 0) : index] + paragraphs[index + 1 : index + 2]
    return not any(FIELD_LABEL_RE.match(line) for line in neighbours)


def _is_quotation(paragraph: str) -> bool:
    """A paragraph that is wholly a quotation: it opens with a quote mark and ends with one."""
    text = paragraph.strip()
    return text[:1] in phrases.OPENING_QUOTES and text.rstrip(".!?")[-1:] in phrases.CLOSING_QUOTES


def _as_written(name: str) -> str:
    """A name printed in capitals (`MARTHA KESSLER`, AFP's `Claire DUBREUIL`) as written.

    Only words wholly in capitals, of three letters or more, are changed: initials (`J.R.`)
    and mixed-case words (`McDonald`, `de`) are already as their owner writes them.
    """
    return " ".join(_capitalised(word) for word in name.split())


def _capitalised(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 3 or "." in word or not word.isupper():
        return word
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word.lower())


def _source_agency(metadata: Metadata, paragraphs: tuple[str, ...]) -> str | None:
    """The agencies of a source line ("Quelle: sid/dpa", "sak/Reuters"): a byline, an element
    named as a source (whose text may also be one agency's name alone: "APA" under "von"), or
    one of the lines that close the story, or the bracketed credit that ends one of them
    ("... beschlossen. (dpa/abc)"). All the agencies it names are the story's, so it
    outranks a byline's single agency. The lines that open the story are not read: there, a
    "Quelle: AFP" under the lead photo is the photo's credit."""
    for line in metadata.source_lines:
        found = source_line_agencies(line) or normalise_agency(line)
        if found is not None:
            return found
    for line in metadata.bylines:
        found = source_line_agencies(line)
        if found is not None:
            return found
    for line in reversed(paragraphs[-CREDIT_LINE_PARAGRAPHS:]):
        found = source_line_agencies(line) or closing_bracket_agencies(line)
        if found is not None:
            return found
    return None


def _first_agency(names: tuple[str, ...]) -> str | None:
    return next((a for a in map(normalise_agency, names) if a is not None), None)


def _credit_line_agency(paragraphs: tuple[str, ...]) -> str | None:
    for paragraph in reversed(paragraphs[-CREDIT_LINE_PARAGRAPHS:]):
        agency = agency_from_credit_line(paragraph)
        if agency is not None:
            return agency
    return None


def _agency_line(paragraphs: tuple[str, ...]) -> str | None:
    """The agency of a line at the top that is nothing but its name ("Anadolu Ajansı", "AP"),
    or its name and a date: the credit some sites print above the story instead of a
    dateline."""
    for paragraph in paragraphs:
        agency = normalise_agency(paragraph) or _dated_agency(paragraph)
        if agency is not None:
            return agency
    return None


def _dated_agency(line: str) -> str | None:
    """The agency of a line that is its name and a date, a time beside it or not ("Agencia
    EFE 12.03.2023", "AFP | 3. März 2024, 14:05"): the credit and filing time some sites
    print over the story."""
    parts = _around_date(line, MAX_FURNITURE_CHARS)
    if parts is None or not parts[0]:
        return None
    before, after = (part.strip(DATED_CREDIT_SEPARATORS) for part in parts)
    if after and PRINTED_TIME.fullmatch(after) is None:
        return None
    return normalise_agency(before)


def _clean_captions(raw: tuple[RawCaption, ...]) -> tuple[RawCaption, ...]:
    """Credits split off; slideshow counters, label-only and repeated captions dropped.

    A slideshow prints each caption several times (the slide, its thumbnail, a "Caption"
    toggle) and numbers them ("1of4"): a caption whose text was already given is a repeat. A
    photo printed with a credit and no caption text (`<figcaption>© Jane Doe</figcaption>`) is
    a caption with an empty text: its credit is the photo's. Those have no text to tell a
    repeat by, so a repeat is the same credit on the same image (several photos of one story
    may share a credit).
    """
    seen: set[tuple[str, str | None, str | None]] = set()
    captions: list[RawCaption] = []
    for caption in raw:
        text = phrases.GALLERY_COUNTER_PREFIX.sub("", caption.text, count=1)
        split = _split(RawCaption(text, caption.image_url, caption.credit))
        if split.text:
            if classify_line(split.text) is not LineKind.BODY:
                continue
            key: tuple[str, str | None, str | None] = (split.text.casefold(), None, None)
        elif split.credit:
            key = ("", split.credit.casefold(), split.image_url)
        else:
            continue
        if key in seen:
            continue
        seen.add(key)
        captions.append(split)
    return _without_echoed_credits(captions)


def _without_echoed_credits(captions: list[RawCaption]) -> tuple[RawCaption, ...]:
    """Credit-only captions that repeat a captioned photo's credit dropped: a credit element
    read on its own beside the figure's caption (`<span class="credit">` next to the
    `<figcaption>`) belongs to that photo, whose caption already carries it. One is a repeat
    when a caption with text has its image, or (its own image unknown) its credit."""
    images = {c.image_url for c in captions if c.text and c.image_url}
    credits = {c.credit.casefold() for c in captions if c.text and c.credit}

    def echoed(c: RawCaption) -> bool:
        if c.text:
            return False
        if c.image_url:
            return c.image_url in images
        return (c.credit or "").casefold() in credits

    return tuple(c for c in captions if not echoed(c))


def _split(caption: RawCaption) -> RawCaption:
    if caption.credit is not None and phrases.VIDEO_LENGTH_RE.search(caption.credit):
        # A video card's date and length ("26.10.2025 / 2:43 min") set where a photo's credit
        # would be: no credit.
        return RawCaption(caption.text, caption.image_url, None)
    if caption.credit is not None:
        # A credit element may still carry its label ("Photo by X", "Photograph: X").
        _, bare = split_credit(caption.credit)
        joined = join_credit_parts(bare or strip_credit_label(caption.credit))
        return RawCaption(strip_leading_label(caption.text), caption.image_url, joined)
    text, found = split_credit(caption.text)
    credit = join_credit_parts(found) if found is not None else None
    return RawCaption(text=text, image_url=caption.image_url, credit=credit)
