"""The stages of `extract()`, run in order, each a function from one typed value to the next.

    bytes | str --decode--> Source --parse--> tree --read_metadata--> Metadata
    tree --clean--> tree --locate--> Content --segment--> Segments
    Segments + Metadata --news_fields--> NewsFields --assemble--> Article

When our body is nearly empty, readability-lxml's choice of content gets a try (`_fallback`).

Plain page text skips the tree: `segment_text` turns it into `Segments` directly.
"""

from __future__ import annotations

import dataclasses
import sys
from typing import TYPE_CHECKING

from newsextract._model import Article
from newsextract.pipeline.assemble import assemble, site_host
from newsextract.pipeline.blocks import (
    LineKind,
    Segments,
    body_size,
    classify_line,
    paragraph_blocks,
)
from newsextract.pipeline.clean import clean
from newsextract.pipeline.decode import decode
from newsextract.pipeline.fallback import needs_second_opinion, second_opinion
from newsextract.pipeline.locate import locate
from newsextract.pipeline.metadata import Metadata, read_metadata
from newsextract.pipeline.newsfields import news_fields
from newsextract.pipeline.parse import parse
from newsextract.pipeline.plaintext import segment_text
from newsextract.pipeline.related import candidates as related_candidates
from newsextract.pipeline.segment import segment
from newsextract.rules.thresholds import DEFAULT_MAX_BYTES, MIN_CONFIDENT_BODY_CHARS

if TYPE_CHECKING:
    from bs4.element import Tag

    from newsextract.pipeline.trace import Trace


def _second_opinion(page_text: str, own: Segments, host: str | None) -> Segments:
    content = second_opinion(page_text)
    if content is None:
        return own
    theirs = segment(content, site_host=host)
    if sum(map(len, theirs.paragraphs)) <= sum(map(len, own.paragraphs)):
        return own
    # Their body, but our captions, related links and headline: those come from the whole
    # story's scope, which readability's summary has cut away.
    return Segments(
        paragraphs=theirs.paragraphs,
        blocks=theirs.blocks,
        captions=own.captions or theirs.captions,
        related=own.related,
        headline=own.headline,
        standfirst=own.standfirst,
    )


def _captions_as_body(segments: Segments) -> Segments:
    """A story whose only text is its photos' captions (a slideshow of one photo and its
    lines): the captions are its body too, rather than no body at all. They stay captions.
    A caption that reads as a label ("Advertisement" under an ad slot) is no body line."""
    paragraphs = tuple(
        c.text for c in segments.captions if c.text and classify_line(c.text) is LineKind.BODY
    )
    return dataclasses.replace(segments, paragraphs=paragraphs, blocks=paragraph_blocks(paragraphs))


def _soup_markup(source: object) -> str | None:
    """The markup of a BeautifulSoup document or element, or None for anything else.

    Looked up in `sys.modules`, not imported: a caller holding a soup has imported bs4, and
    every other call is spared the import (half a second).
    """
    element = sys.modules.get("bs4.element")
    if element is None or not isinstance(source, element.Tag):
        return None
    # The soup's own serialisation: the same markup its `str()` gives, which is what a
    # caller would otherwise hand over.
    markup: str = source.decode()
    return markup


def _published_body(own: Segments, metadata: Metadata) -> Segments | None:
    """The page's JSON-LD `articleBody`, when it has one of some length and we found none.

    The publisher's own copy of the story outranks readability's guess: pages that render the
    body with scripts, or hide it in markup we cannot read, often still declare it. Bodies
    written as markup are left to readability (their text would carry the tags).
    """
    for body in metadata.article_bodies:
        if "<" in body or needs_second_opinion((body,)):
            continue
        paragraphs = tuple(body.splitlines())
        return dataclasses.replace(own, paragraphs=paragraphs, blocks=paragraph_blocks(paragraphs))
    return None


def run_stages(
    source: str | bytes | Tag,
    *,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    trace: Trace | None = None,
) -> Article:
    """The stages of `extract()`, in order; `trace` (for `--explain`) is handed to each."""
    soup = _soup_markup(source)
    if soup is not None:
        decoded = decode(soup, max_bytes=max_bytes, html=True)
    else:
        decoded = decode(source, max_bytes=max_bytes)  # type: ignore[arg-type]
    located_well = True
    if not decoded.is_html:
        segments = segment_text(decoded.text)
        metadata = Metadata()
    else:
        root = parse(decoded.markup)
        metadata = read_metadata(root)
        host = site_host(url, metadata)
        if trace is not None:
            trace.start(root)
        # Related boxes beside the story are dropped by the cleaner (asides, story footers):
        # they are found first, and the segmenter keeps those near the located story.
        nearby = tuple(related_candidates(root, metadata.box_elements, metadata.title_elements))
        located = locate(clean(root, trace), trace)
        located_well = located.confident
        segments = segment(
            located,
            site_host=host,
            descriptions=metadata.descriptions,
            titles=metadata.titles,
            nearby=nearby,
            trace=trace,
        )
        if needs_second_opinion(segments.paragraphs):
            own = segments
            segments = _published_body(segments, metadata) or _second_opinion(
                decoded.text, segments, host
            )
            if segments is not own:
                located_well = False  # our own reading failed, whatever replaced it
                if trace is not None:
                    trace.notes.append(_REPLACED)
        if not segments.paragraphs and segments.captions:
            segments = _captions_as_body(segments)
    if trace is not None:
        trace.metadata, trace.segments = metadata, segments
    confident = located_well and body_size(segments.paragraphs) >= MIN_CONFIDENT_BODY_CHARS
    fields = news_fields(segments, metadata)
    return assemble(segments, fields, metadata, url=url, confident=confident)


_REPLACED = (
    "our body was too thin: it was replaced by the page's JSON-LD articleBody or by"
    " readability-lxml's choice (fallback.MIN_OWN_BODY_CHARS)"
)
