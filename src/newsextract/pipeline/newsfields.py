"""Stage 6: the wire-story fields, read off the segmented story and the page's metadata.

Each field has an order of sources, most reliable first, and stays empty rather than guess:
- dateline and agency from the line that opens the story (`WASHINGTON (AP) —`), past the
  furniture above it, or from the standfirst;
- agency otherwise from the byline, the page's author organisation, or a closing credit line
  (`(Reporting by ...; Editing by ...)`, `Copyright ... The Associated Press`);
- authors from JSON-LD persons, then meta tags, then the printed byline, never an agency;
- captions with their credit split off.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsextract.fields.agencies import normalise_agency
from newsextract.fields.bylines import (
    agency_from_credit_line,
    is_person_name,
    parse_byline,
    source_line_agencies,
)
from newsextract.fields.credits import join_credit_parts, split_credit, strip_credit_label
from newsextract.fields.dateline import parse_dateline
from newsextract.pipeline.blocks import LineKind, RawCaption, Segments, classify_line
from newsextract.pipeline.metadata import Metadata
from newsextract.rules import phrases
from newsextract.rules.thresholds import (
    CREDIT_LINE_PARAGRAPHS,
    DATELINE_PARAGRAPHS,
    MAX_AUTHORS,
    MAX_DATELINE_PARAGRAPHS,
    MAX_FURNITURE_CHARS,
)


@dataclass(frozen=True, slots=True)
class NewsFields:
    dateline: str | None
    agency: str | None
    authors: tuple[str, ...]
    captions: tuple[RawCaption, ...]


def news_fields(segments: Segments, metadata: Metadata) -> NewsFields:
    """Read dateline, agency, authors and split captions from the story and its metadata."""
    dateline, agency = _dateline(segments, declared_language(metadata))
    authors, byline_agency = _authors(metadata)
    agency = (
        agency
        or _source_agency(metadata, segments.paragraphs)
        or byline_agency
        or _first_agency(metadata.author_orgs)
        or _credit_line_agency(segments.paragraphs)
        or _agency_line(segments.paragraphs[:DATELINE_PARAGRAPHS])
    )
    captions = _clean_captions(segments.captions)
    return NewsFields(dateline=dateline, agency=agency, authors=authors, captions=captions)


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


def _authors(metadata: Metadata) -> tuple[tuple[str, ...], str | None]:
    agency: str | None = None
    for source in (metadata.authors, metadata.bylines):
        names: list[str] = []
        for value in source:
            found, found_agency = parse_byline(value)
            agency = agency or found_agency
            for name in found:
                display = _as_written(name)
                if is_person_name(name) and display not in names:
                    names.append(display)
        if names:
            return tuple(names[:MAX_AUTHORS]), agency
    return (), agency


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
    one of the lines that close the story. All the agencies it names are the story's, so it
    outranks a byline's single agency. The lines that open the story are not read: there, a
    "Quelle: AFP" under the lead photo is the photo's credit."""
    for line in metadata.source_lines:
        found = source_line_agencies(line) or normalise_agency(line)
        if found is not None:
            return found
    for line in (*metadata.bylines, *reversed(paragraphs[-CREDIT_LINE_PARAGRAPHS:])):
        found = source_line_agencies(line)
        if found is not None:
            return found
    return None


def _first_agency(names: tuple[str, ...]) -> str | None:
    for name in names:
        agency = normalise_agency(name)
        if agency is not None:
            return agency
    return None


def _credit_line_agency(paragraphs: tuple[str, ...]) -> str | None:
    for paragraph in reversed(paragraphs[-CREDIT_LINE_PARAGRAPHS:]):
        agency = agency_from_credit_line(paragraph)
        if agency is not None:
            return agency
    return None


def _agency_line(paragraphs: tuple[str, ...]) -> str | None:
    """The agency of a line at the top that is nothing but its name ("Anadolu Ajansı", "AP"):
    the credit some sites print above the story instead of a dateline."""
    for paragraph in paragraphs:
        agency = normalise_agency(paragraph)
        if agency is not None:
            return agency
    return None


def _clean_captions(raw: tuple[RawCaption, ...]) -> tuple[RawCaption, ...]:
    """Credits split off; slideshow counters, label-only and repeated captions dropped.

    A slideshow prints each caption several times (the slide, its thumbnail, a "Caption"
    toggle) and numbers them ("1of4"); a photo with a credit but no caption text has no caption.
    """
    seen: set[str] = set()
    captions: list[RawCaption] = []
    for caption in raw:
        text = phrases.GALLERY_COUNTER_PREFIX.sub("", caption.text, count=1)
        split = _split(RawCaption(text, caption.image_url, caption.credit))
        key = split.text.casefold()
        if not split.text or key in seen or classify_line(split.text) is not LineKind.BODY:
            continue
        seen.add(key)
        captions.append(split)
    return tuple(captions)


def _split(caption: RawCaption) -> RawCaption:
    if caption.credit is not None:
        # A credit element may still carry its label ("Photo by X", "Photograph: X").
        _, bare = split_credit(caption.credit)
        joined = join_credit_parts(bare or strip_credit_label(caption.credit))
        return RawCaption(caption.text, caption.image_url, joined)
    text, found = split_credit(caption.text)
    credit = join_credit_parts(found) if found is not None else None
    return RawCaption(text=text, image_url=caption.image_url, credit=credit)
