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
from newsextract.rules.thresholds import DEFAULT_MAX_BYTES, DEFAULT_TIME_BUDGET

# Not `typing.TYPE_CHECKING`: importing `typing` (and the `re` it compiles patterns with) is
# a cost `import newsextract` spares; type checkers treat this name the same way.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from bs4.element import Tag

    from newsextract._model import Article, Block, BlockKind, Caption, RelatedLink
    from newsextract.io.fetch import extract_url

__version__ = "0.1.0"

# Imported on first access (PEP 562), so that `import newsextract` loads neither lxml nor the
# pipeline, the rules and the record dataclasses: a process that only imports the package
# (the CLI's `--help`, a worker pool's parent, an application's start-up) does not pay for
# them. `extract_url` also brings the fetch machinery (threads, queues, httpx).
_LAZY = {
    "Article": "newsextract._model",
    "Block": "newsextract._model",
    "BlockKind": "newsextract._model",
    "Caption": "newsextract._model",
    "RelatedLink": "newsextract._model",
    "extract_url": "newsextract.io.fetch",
}


def extract(
    source: str | bytes | Tag,
    *,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> Article:
    """Extract the article from one page.

    `source` is the page's HTML, as bytes (the encoding is detected) or text, or the page's
    plain text as scraped, or a `bs4.BeautifulSoup` document or `bs4.Tag` (the same as
    extracting its markup). `url` is the page's address: it resolves relative links and is
    reported as the article's URL (otherwise the page's canonical URL is used).

    Limits: input over `max_bytes` raises `InputTooLarge`; extraction taking longer than
    `time_budget` seconds raises `ExtractionTimeout` (None disables the budget). Empty input
    raises `EmptyInput` and binary data `NotHTML`. All are `NewsextractError`s. Fields the
    page does not give are empty.
    """
    # The stages are imported on the first call (later calls find them in `sys.modules`).
    from newsextract.pipeline.run import run_stages
    from newsextract.support import budget

    with budget.time_budget(time_budget):
        return run_stages(source, url=url, max_bytes=max_bytes)


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
