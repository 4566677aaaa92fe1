"""`extract()`: the stages run in order, each a function from one typed value to the next.

    bytes | str --decode--> Source --parse--> tree --read_metadata--> Metadata
    tree --clean--> tree --locate--> Content --segment--> Segments
    Segments + Metadata --news_fields--> NewsFields --assemble--> Article

When our body is nearly empty, readability-lxml's choice of content gets a try (`_fallback`).

Plain page text skips the tree: `segment_text` turns it into `Segments` directly.
"""

from __future__ import annotations

from newsextract._model import Article
from newsextract.pipeline.assemble import assemble, site_host
from newsextract.pipeline.blocks import Segments
from newsextract.pipeline.clean import clean
from newsextract.pipeline.decode import DEFAULT_MAX_BYTES, decode
from newsextract.pipeline.fallback import needs_second_opinion, second_opinion
from newsextract.pipeline.locate import locate
from newsextract.pipeline.metadata import Metadata, read_metadata
from newsextract.pipeline.newsfields import news_fields
from newsextract.pipeline.parse import parse
from newsextract.pipeline.plaintext import segment_text
from newsextract.pipeline.segment import segment
from newsextract.support import budget
from newsextract.support.budget import DEFAULT_TIME_BUDGET


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
        captions=own.captions or theirs.captions,
        related=own.related,
        headline=own.headline,
        standfirst=own.standfirst,
    )


def extract(
    source: str | bytes,
    *,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> Article:
    """Extract the article from one page.

    `source` is the page's HTML, as bytes (the encoding is detected) or text, or the page's
    plain text as scraped. `url` is the page's address: it resolves relative links and is
    reported as the article's URL (otherwise the page's canonical URL is used).

    Limits: input over `max_bytes` raises `InputTooLarge`; extraction taking longer than
    `time_budget` seconds raises `ExtractionTimeout` (None disables the budget). Empty input
    raises `EmptyInput` and binary data `NotHTML`. All are `NewsextractError`s. Fields the
    page does not give are empty.
    """
    with budget.time_budget(time_budget):
        decoded = decode(source, max_bytes=max_bytes)
        if not decoded.is_html:
            segments = segment_text(decoded.text)
            metadata = Metadata()
        else:
            root = parse(decoded.markup)
            metadata = read_metadata(root)
            host = site_host(url, metadata)
            segments = segment(
                locate(clean(root)), site_host=host, descriptions=metadata.descriptions
            )
            if needs_second_opinion(segments.paragraphs):
                segments = _second_opinion(decoded.text, segments, host)
        return assemble(segments, news_fields(segments, metadata), metadata, url=url)
