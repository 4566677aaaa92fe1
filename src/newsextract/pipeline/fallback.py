"""A second opinion on the main content, from readability-lxml, for when ours finds nothing.

Our locator almost always finds a story; when it finds next to none (a page whose markup
defeats both the publisher hints and the paragraph vote), readability-lxml's independent
algorithm gets a try on the original page, and its choice goes through our own cleaning and
segmentation. It costs a second parse and about 25 ms, so it runs only in that case.
"""

from __future__ import annotations

from lxml import etree

from newsextract.pipeline.blocks import body_size
from newsextract.pipeline.clean import clean
from newsextract.pipeline.locate import Content
from newsextract.pipeline.parse import parse
from newsextract.rules.thresholds import (
    MAX_FALLBACK_CHARS,
    MIN_OWN_BODY_CHARS,
)


def needs_second_opinion(paragraphs: tuple[str, ...]) -> bool:
    """Whether our own body is too thin to trust: measured in Latin-letter equivalents, so a
    whole Korean or Japanese story of 120 characters is not taken for a fragment."""
    return body_size(paragraphs) < MIN_OWN_BODY_CHARS


def second_opinion(page_text: str) -> Content | None:
    """readability-lxml's main content of the page, cleaned our way; None if it has none."""
    if len(page_text) > MAX_FALLBACK_CHARS:
        return None
    import logging

    from readability import Document

    logging.getLogger("readability.readability").setLevel(logging.ERROR)
    try:
        # Our own parse, with its guards against hostile markup, not readability's.
        summary = Document(parse(page_text, html_elements=True)).summary(html_partial=True)
    except Exception:  # a third-party heuristic may fail in any way; our result stands
        return None
    if not summary or not summary.strip():
        return None
    root = clean(parse(summary))
    body = root.find("body")
    container: etree._Element = body if body is not None else root
    return Content((container,), confident=False)
