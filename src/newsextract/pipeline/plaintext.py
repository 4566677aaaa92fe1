"""Stage 5 for plain page text: the same segmentation as for HTML, line by line.

Scraped page text has no markup, so the parts of the story are told apart by wording and
shape: the headline is the first line that is not a label and reads like a title (often
printed twice), caption lines carry a photo credit, `RELATED ...` lines and lines under a
related heading (`Read more`) are related stories, and label lines and the titles under a
sitewide rail's heading (`Latest Headlines`, `Most read`) are dropped.
"""

from __future__ import annotations

from newsextract.fields.credits import split_credit
from newsextract.pipeline.blocks import (
    LineKind,
    RawCaption,
    RawLink,
    Segments,
    classify_line,
    normalise_space,
    paragraph_blocks,
    related_title,
    without_closing_separators,
)
from newsextract.rules.phrases import (
    SENTENCE_END,
)
from newsextract.rules.thresholds import (
    CAPTION_WINDOW,
    MAX_HEADLINE_CHARS,
    MAX_RELATED_TITLE_CHARS,
)
from newsextract.support.budget import CHECK_EVERY, check


def segment_text(text: str) -> Segments:
    """Cut plain page text into headline, paragraphs, captions and related lines."""
    lines = [normalise_space(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    headline: str | None = None
    paragraphs: list[str] = []
    captions: list[RawCaption] = []
    related: list[RawLink] = []
    in_related_section = False
    in_rail = False
    for index, line in enumerate(lines):
        if index % CHECK_EVERY == 0:
            check()
        kind = classify_line(line)
        if kind is LineKind.BOILERPLATE or kind is LineKind.STORY_END:
            continue
        if kind is LineKind.RELATED_HEADING or kind is LineKind.RAIL_HEADING:
            in_related_section = True
            in_rail = kind is LineKind.RAIL_HEADING
            continue
        if kind is LineKind.RELATED_LINE:
            related.append(RawLink(related_title(line)))
            continue
        if in_related_section and len(line) <= MAX_RELATED_TITLE_CHARS:
            # Under a sitewide rail's heading ("Latest Headlines"), the titles are other
            # stories of the site: dropped, not related.
            if not in_rail:
                related.append(RawLink(line))
            continue
        in_related_section = False
        if headline is None and not paragraphs and _reads_like_title(line):
            headline = line
            continue
        if line == headline:
            continue
        if not paragraphs and index < _first_body_limit(lines, headline):
            caption_text, credit = split_credit(line)
            if credit is not None:
                captions.append(RawCaption(text=caption_text, credit=credit))
                continue
        paragraphs.append(line)
    body, blocks = without_closing_separators(
        tuple(paragraphs), paragraph_blocks(tuple(paragraphs))
    )
    return Segments(
        paragraphs=body,
        # Scraped text keeps no markup: every body line is a paragraph.
        blocks=blocks,
        captions=tuple(captions),
        related=tuple(related),
        headline=headline,
    )


def _reads_like_title(line: str) -> bool:
    return len(line) <= MAX_HEADLINE_CHARS and not line.endswith(SENTENCE_END)


def _first_body_limit(lines: list[str], headline: str | None) -> int:
    if headline is None:
        return CAPTION_WINDOW
    try:
        return lines.index(headline) + CAPTION_WINDOW + 1
    except ValueError:
        return CAPTION_WINDOW
