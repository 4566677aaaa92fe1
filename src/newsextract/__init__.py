"""newsextract: turn a raw news article page into a clean, typed record.

    >>> from newsextract import extract
    >>> article = extract(html_bytes, url="https://example.com/news/story")
    >>> article.headline, article.dateline, article.agency, article.paragraphs

`extract()` returns an immutable `Article`; every failure on bad input is a
`NewsextractError`. `extract_url(url)` fetches the page first (the `fetch` extra).
"""

from __future__ import annotations

from newsextract._errors import (
    EmptyInput,
    ExtractionTimeout,
    FetchError,
    InputTooLarge,
    NewsextractError,
    NotHTML,
)
from newsextract._model import Article, Block, BlockKind, Caption, RelatedLink
from newsextract.io.fetch import extract_url
from newsextract.pipeline.run import extract

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Caption",
    "EmptyInput",
    "ExtractionTimeout",
    "FetchError",
    "InputTooLarge",
    "NewsextractError",
    "NotHTML",
    "RelatedLink",
    "__version__",
    "extract",
    "extract_url",
]
