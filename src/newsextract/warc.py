"""Articles from WARC crawls (needs the `warc` extra: `pip install 'newsextract[warc]'`).

    >>> from newsextract.warc import extract_warc
    >>> for record in extract_warc("crawl.warc.gz"):
    ...     if record.article is not None:
    ...         print(record.warc.target_uri, record.article.headline)
    ...     else:
    ...         print(record.warc and record.warc.target_uri, record.error, record.message)

One `Record` per HTML page of the crawl (HTTP `response` records with a 2xx status and an
HTML content type), in file order. The page's URL is the record's target URI; the charset of
the HTTP Content-Type outranks the page's own declaration, as in a browser. A page that
cannot be extracted, a record cut short or a damaged gzip member is a record with `error`
and `message` instead of an `article`; reading resumes at the next intact record, so every
intact record of a damaged crawl still comes out.

This module lives apart from `newsextract` so that `import newsextract` never loads a WARC
reader; it loads FastWARC only when a WARC is read.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from typing import BinaryIO

from newsextract._errors import ErrorKind
from newsextract.io.batch import Record, run, warc_items
from newsextract.io.warc_reader import MISSING_READER, WarcInfo, open_warc

__all__ = ["ErrorKind", "Record", "WarcInfo", "extract_warc"]


def extract_warc(
    source: str | os.PathLike[str] | BinaryIO, *, jobs: int = 1, name: str | None = None
) -> Iterator[Record]:
    """Extract every HTML page of a WARC file (plain or gzip), in file order.

    `source` is a path or an open binary file. `jobs` > 1 extracts pages on that many worker
    processes (the file is still read here, in order). `name` is what records give as their
    `source` (default: the path, or the file object's name).

    Raises `ModuleNotFoundError` with an install hint when FastWARC is missing, and `OSError`
    when the file cannot be opened; every other problem is a failed `Record`.
    """
    try:
        importlib.import_module("fastwarc.warc")
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(MISSING_READER, name="fastwarc") from error
    if isinstance(source, str | os.PathLike):
        label = name or os.fspath(source)
        with open_warc(source) as stream:
            yield from run(warc_items(stream, label), jobs)
    else:
        label = name or str(getattr(source, "name", "-"))
        yield from run(warc_items(source, label), jobs)
