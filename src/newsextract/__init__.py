"""newsextract: turn a raw news article page into a clean, typed record.

    >>> from newsextract import extract
    >>> article = extract(html_bytes, url="https://example.com/news/story")
    >>> article.headline, article.dateline, article.agency, article.paragraphs

`extract()` returns an immutable `Article`; every failure on bad input is a
`NewsextractError`. `extract_url(url)` fetches the page first (the `fetch` extra).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsextract._errors import (
    EmptyInput,
    ExtractionTimeout,
    FetchError,
    InputTooLarge,
    NewsextractError,
    NotHTML,
)
from newsextract._model import Article, Block, BlockKind, Caption, RelatedLink
from newsextract.pipeline.run import extract

if TYPE_CHECKING:
    from newsextract.io.fetch import extract_url

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # `extract_url` lives with the fetch machinery (its dataclasses, threads, queues), which
    # a caller that extracts bytes never needs: it is imported on first access, which keeps
    # about 10 ms off `import newsextract` (PEP 562).
    if name == "extract_url":
        from newsextract.io.fetch import extract_url

        globals()["extract_url"] = extract_url
        return extract_url
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
