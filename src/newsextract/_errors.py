"""The one exception hierarchy that `extract()` raises, and the kinds of batch failure.

Every failure a page can cause is a `NewsextractError`; callers that process millions of pages
catch that one class and move on. Anything else escaping is a bug.
"""

from __future__ import annotations

from enum import StrEnum


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


class ErrorKind(StrEnum):
    """Why a batch input gave no article: the `error` value of a failed record.

    One vocabulary for the CLI, `newsextract.warc` and `newsextract.dask`. The values are
    the strings the JSON records carry (a member is a `str`, so it compares and serialises
    as its value); new kinds are only ever added.
    """

    READ_ERROR = "ReadError"
    """The file could not be read (missing, a directory, not a regular file, no permission)."""
    DECOMPRESS_ERROR = "DecompressError"
    """A gzip page, or a WARC record's HTTP body, could not be decompressed."""
    EMPTY_INPUT = "EmptyInput"
    """`EmptyInput` was raised: the page is empty or only whitespace."""
    NOT_HTML = "NotHTML"
    """`NotHTML` was raised: the input is binary data, not a page."""
    INPUT_TOO_LARGE = "InputTooLarge"
    """The page is over the size limit (`InputTooLarge`)."""
    EXTRACTION_TIMEOUT = "ExtractionTimeout"
    """`ExtractionTimeout` was raised: the page took longer than its time budget."""
    FETCH_ERROR = "FetchError"
    """A URL could not be fetched (`FetchError`: timeout, size, redirects, status, address)."""
    WARC_ERROR = "WarcError"
    """A WARC file is not one, or a record of it is damaged or cut short."""
    MISSING_DEPENDENCY = "MissingDependency"
    """A WARC input, but FastWARC (the `warc` extra) is not installed."""
    WORKER_CRASHED = "WorkerCrashed"
    """The worker process died on this page (a crash in C code, or out of memory)."""
    INTERNAL_ERROR = "InternalError"
    """A bug: a pipeline stage raised something other than a `NewsextractError`."""

    @classmethod
    def of(cls, error: NewsextractError) -> ErrorKind:
        """The kind of an error `extract()` raised: the name of its class (or of the nearest
        base class that is a kind, for a subclass)."""
        for klass in type(error).__mro__:
            if klass.__name__ in cls._value2member_map_:
                return cls(klass.__name__)
        return cls.INTERNAL_ERROR
