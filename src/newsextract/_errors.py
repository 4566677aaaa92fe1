"""The one exception hierarchy that `extract()` raises.

Every failure a page can cause is a `NewsextractError`; callers that process millions of pages
catch that one class and move on. Anything else escaping is a bug.
"""

from __future__ import annotations


class NewsextractError(Exception):
    """Base class of every error newsextract raises on bad input."""


class EmptyInput(NewsextractError):
    """The input is empty or only whitespace. (Markup without text is a page: it gives an
    `Article` with empty fields.)"""


class NotHTML(NewsextractError):
    """The input is binary data (an image, a PDF, an archive), not a page or its text."""


class InputTooLarge(NewsextractError):
    """The input is larger than the `max_bytes` limit given to `extract()`."""


class ExtractionTimeout(NewsextractError):
    """Extraction took longer than the `time_budget` given to `extract()`."""


class FetchError(NewsextractError):
    """A URL could not be fetched: a timeout, a body over `max_bytes`, too many redirects, an
    HTTP error status (`status` holds it), a refused address or scheme, a failed connection.
    The message says which."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
