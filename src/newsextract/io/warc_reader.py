"""Reading WARC files: one `WarcPage` per HTML page a crawl fetched.

Only what extraction needs is read: HTTP `response` records with a 2xx status and an HTML
content type (`text/html`, `application/xhtml+xml`; WARC-Identified-Payload-Type when the
server sent none). Each page comes out as its body with the transfer and content encodings
undone, the charset from the HTTP Content-Type, and the record's URI, ID and date. A damaged
gzip member, a record cut short or a record whose head is broken comes out as one
`WarcFailure`, and reading resumes at the next gzip member (or, in an uncompressed WARC, the
next `WARC/1.` line) that opens a record: a large crawl always has some damage, and every
intact record after it still comes out.

The reader is FastWARC. Measured with `benchmarks/batch.py --warc --pages 400 --from DIR`
on a warcio-written WARC of 400 real pages (174 KB mean, a request record beside every third
response), reading every response's headers and payload, best of 15 over three runs on this
project's 2-core machine: gzipped (13.9 MB) FastWARC 100 ms vs warcio 217 ms; uncompressed
(70 MB) 25 ms vs 58 ms. This module's whole reading path (every record, checks, HTTP decoding)
takes 107 ms and 33 ms. The reader runs in the one parent process that feeds all the workers,
so its speed caps a many-core batch: about 3,700 pages/s gzipped here, where warcio alone
would cap it at 1,850. FastWARC also ships type hints. Its catch: it needs a seekable stream
(`_seekable` reads a pipe into memory first).

The module does no extraction and imports FastWARC only when a WARC is read, so that
`import newsextract` stays fast and works without the `warc` extra.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from newsextract._errors import ErrorKind
from newsextract.rules.encodings import GZIP_MAGIC
from newsextract.rules.thresholds import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from fastwarc.warc import HeaderMap, WarcRecord, WarcRecordType

WARC_SUFFIXES = (".warc", ".warc.gz")
"""File names that are WARC files without looking inside."""

MISSING_READER = "reading WARC files needs FastWARC: pip install 'newsextract[warc]'"

_WARC_MAGIC = b"WARC/1."
_GZIP_MEMBER = GZIP_MAGIC + b"\x08"
"""A gzip member's first bytes (magic and the deflate method): where a damaged gzipped WARC
may resume. A match inside compressed data is rejected by decompressing its start."""
_SKIPPED = "skipped to the next record"
_SCAN_BLOCK = 1 << 20
"""Bytes read at a time while looking for the end of a member or the next record."""
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True, slots=True)
class WarcInfo:
    """Where a page came from in a WARC: the record's target URI, ID and date, as written."""

    target_uri: str | None
    record_id: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One fetched HTML page: its body as sent (encodings undone) and its HTTP charset."""

    data: bytes
    charset: str | None
    info: WarcInfo


@dataclass(frozen=True, slots=True)
class WarcFailure:
    """A record (or the rest of a file) that could not be read; `kind` names the reason."""

    kind: ErrorKind
    message: str
    info: WarcInfo | None = None


def is_warc_name(name: str) -> bool:
    """Whether a file name says WARC (`.warc`, `.warc.gz`, any case)."""
    return name.lower().endswith(WARC_SUFFIXES)


def starts_like_warc(head: bytes) -> bool:
    """Whether the first bytes of a file (gzip-compressed or not) open a WARC record."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, len(_WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(_WARC_MAGIC)


def sniff_warc(path: str | os.PathLike[str]) -> bool:
    """Whether the file at `path` is a WARC, by its first bytes; False if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return starts_like_warc(handle.read(512))
    except OSError:
        return False


def iter_pages(stream: BinaryIO) -> Iterator[WarcPage | WarcFailure]:
    """The HTML pages of one WARC stream (plain or gzip), in file order.

    Damage does not end the file: after a gzip member that does not decompress, or a record
    that is cut short or whose head is broken, one `WarcFailure` says so and reading resumes
    at the next gzip member (in a gzipped WARC) or the next `WARC/1.` line (in a plain one)
    that opens a record. Raises `ModuleNotFoundError` with an install hint when FastWARC is
    missing.
    """
    try:
        from fastwarc.warc import WarcRecordType
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(MISSING_READER, name="fastwarc") from error

    stream = _seekable(stream)
    first = stream.tell()
    head = stream.read(512)
    start: int | None = first
    gzipped = head.startswith(GZIP_MAGIC)
    if not starts_like_warc(head):
        # A gzipped WARC whose first member is damaged still has the others.
        start = _next_record(stream, first + 1, True) if gzipped else None
        if start is None:
            message = "not a WARC file (no WARC/1.x record at its start)"
            yield WarcFailure(ErrorKind.WARC_ERROR, message)
            return
        yield WarcFailure(
            ErrorKind.WARC_ERROR, f"damaged gzip member at byte {first:,}: {_SKIPPED}"
        )
    while start is not None:
        stop = yield from _pages_from(stream, start, gzipped, WarcRecordType.response)
        if stop is None:
            return
        if stop.damaged:
            yield WarcFailure(
                ErrorKind.WARC_ERROR,
                f"damaged gzip member at byte {stop.offset:,}: {_SKIPPED}",
            )
        start = _next_record(stream, stop.offset + 1, gzipped)


@dataclass(frozen=True, slots=True)
class _Stop:
    """Where reading stopped on damage: the damaged member or record's offset, and whether
    a failure for it is still to be reported (a cut-short record reports itself)."""

    offset: int
    damaged: bool


def _pages_from(
    stream: BinaryIO, start: int, gzipped: bool, response: WarcRecordType
) -> Generator[WarcPage | WarcFailure, None, _Stop | None]:
    """The pages from offset `start` on, until the end (None) or damage (where it is)."""
    from fastwarc.warc import ArchiveIterator

    stream.seek(start)
    last: int | None = None  # The offset of the last record read whole.
    try:
        # Every record, not only responses: a record cut short loses its type with its head.
        for record in ArchiveIterator(stream, parse_http=False):
            item = _item_of(record, response)
            if item is not None:
                yield item
            if isinstance(item, WarcFailure) and item.kind is ErrorKind.WARC_ERROR:
                return _Stop(record.stream_pos, damaged=False)
            last = record.stream_pos
    except OSError as error:
        if not gzipped:
            message = f"cannot read the rest of the WARC: {error}"
            yield WarcFailure(ErrorKind.WARC_ERROR, message)
            return None
        # The member after the last whole record is the one that did not decompress.
        return _Stop(start if last is None else _member_end(stream, last), damaged=True)
    return None


def _member_end(stream: BinaryIO, offset: int) -> int:
    """The offset just past the gzip member that starts at `offset` (one byte past `offset`
    when it does not decompress: a whole-file gzip member holding the damage)."""
    stream.seek(offset)
    inflater = zlib.decompressobj(wbits=31)
    consumed = 0
    try:
        while not inflater.eof:
            block = stream.read(_SCAN_BLOCK)
            if not block:
                break
            pending = block
            while pending and not inflater.eof:  # Bounded output: memory stays flat.
                inflater.decompress(pending, _SCAN_BLOCK)
                pending = inflater.unconsumed_tail
            consumed += len(block) - len(inflater.unused_data)
    except zlib.error:
        return offset + 1
    return offset + max(consumed, 1)


def _next_record(stream: BinaryIO, offset: int, gzipped: bool) -> int | None:
    """The offset of the first gzip member (or, in a plain WARC, the first line) at or after
    `offset` that opens a WARC record; None when there is none."""
    magic = _GZIP_MEMBER if gzipped else b"\n" + _WARC_MAGIC
    skip = 0 if gzipped else 1  # A plain record starts after the newline that was matched.
    position = offset - skip
    while True:
        stream.seek(max(position, 0))
        block = stream.read(_SCAN_BLOCK)
        if len(block) < len(magic):
            return None
        found = block.find(magic)
        while found >= 0:
            candidate = position + found + skip
            stream.seek(candidate)
            if candidate >= offset and starts_like_warc(stream.read(512)):
                return candidate
            found = block.find(magic, found + 1)
        # The next block overlaps this one, so a magic across the boundary is not missed.
        position += len(block) - len(magic) + 1


def _item_of(record: WarcRecord, response: WarcRecordType) -> WarcPage | WarcFailure | None:
    """What one record gives: a page, a failure, or nothing (not an HTML page)."""
    # Two mandatory WARC headers; FastWARC yields a record whose head was cut short without.
    if record.record_id is None or "Content-Length" not in record.headers:
        return WarcFailure(ErrorKind.WARC_ERROR, "a record's WARC head is cut short or broken")
    if record.record_type != response:
        return None
    try:
        record.parse_http()
    except (OSError, ValueError):
        return _truncation(record, record.reader.consume())
    return _page_of(record)


def _seekable(stream: BinaryIO) -> BinaryIO:
    """FastWARC needs `tell()`; a pipe is read into memory first."""
    try:
        if stream.seekable():
            return stream
    except (OSError, ValueError):
        pass
    return io.BytesIO(stream.read())


def _page_of(record: WarcRecord) -> WarcPage | WarcFailure | None:
    """The page in one response record; None for a complete record that is not a 2xx page.

    Every response record's body is read through, wanted or not, to notice one that the end
    of the file cut short.
    """
    # Typed as always present, but None when the HTTP head did not parse.
    http: HeaderMap | None = record.http_headers
    if http is None or not _is_wanted(record, http):
        return _truncation(record, record.reader.consume())
    info = _info_of(record)
    expected = record.content_length
    if expected > DEFAULT_MAX_BYTES:
        return WarcFailure(
            ErrorKind.INPUT_TOO_LARGE,
            f"the page has {expected:,} bytes, over {DEFAULT_MAX_BYTES:,}",
            info,
        )
    raw = record.reader.read()
    truncated = _truncation(record, len(raw))
    if truncated is not None:
        return truncated
    try:
        data = undo_http_encodings(raw, http.get("Transfer-Encoding"), http.get("Content-Encoding"))
    except ValueError as error:
        return WarcFailure(
            ErrorKind.DECOMPRESS_ERROR, f"cannot decode the HTTP body: {error}", info
        )
    return WarcPage(data=data, charset=record.http_charset, info=info)


def _truncation(record: WarcRecord, got: int) -> WarcFailure | None:
    """A failure when fewer body bytes were read than the record's headers promise."""
    expected = record.content_length
    if got >= expected:
        return None
    return WarcFailure(
        ErrorKind.WARC_ERROR, f"truncated record: {got:,} of {expected:,} bytes", _info_of(record)
    )


def _is_wanted(record: WarcRecord, http: HeaderMap) -> bool:
    status = http.status_code
    return status is not None and 200 <= status < 300 and _is_html(record)


def _is_html(record: WarcRecord) -> bool:
    content_type = record.http_content_type or record.headers.get("WARC-Identified-Payload-Type")
    return (content_type or "").split(";")[0].strip().lower() in _HTML_TYPES


def _info_of(record: WarcRecord) -> WarcInfo:
    uri = record.headers.get("WARC-Target-URI")
    # WARC 1.0's grammar put the URI in angle brackets; some writers still do.
    if uri is not None:
        uri = uri.strip().removeprefix("<").removesuffix(">") or None
    return WarcInfo(
        target_uri=uri, record_id=record.record_id, date=record.headers.get("WARC-Date")
    )


def undo_http_encodings(
    body: bytes,
    transfer_encoding: str | None,
    content_encoding: str | None,
    *,
    limit: int = DEFAULT_MAX_BYTES,
) -> bytes:
    """The body as the server meant it: chunking and gzip/deflate/br compression undone.

    Crawlers differ: some store the bytes as sent, some decode them and keep the headers. So
    a body that is not chunked or compressed as its headers claim is taken as already
    decoded. Raises `ValueError` for a body that is compressed but corrupt, an unknown
    encoding, or one that inflates past `limit` bytes (checked as it inflates, so that a
    small compressed bomb never takes more memory than the limit).
    """
    if "chunked" in (transfer_encoding or "").lower():
        body = _dechunk(body)
    codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
    for coding in reversed(codings):
        body = _decompress(body, coding, limit)
    return body


def _dechunk(body: bytes) -> bytes:
    """Join HTTP/1.1 chunks; a body that does not parse as chunks is returned as it is."""
    out = io.BytesIO()
    pos = 0
    while True:
        line_end = body.find(b"\r\n", pos)
        size_text = body[pos:line_end].split(b";")[0].strip() if line_end >= 0 else b""
        try:
            size = int(size_text, 16)
        except ValueError:
            return body if pos == 0 else out.getvalue()
        if size == 0:
            return out.getvalue()
        start = line_end + 2
        out.write(body[start : start + size])
        pos = start + size + 2
        if pos > len(body):
            return out.getvalue()


def _decompress(body: bytes, coding: str, limit: int) -> bytes:
    if coding in {"identity", ""}:
        return body
    if coding in {"gzip", "x-gzip"}:
        return inflate(body, 31, limit) if body.startswith(GZIP_MAGIC) else body
    if coding == "deflate":
        # "deflate" is zlib-wrapped by the standard and raw in some servers' practice.
        try:
            return inflate(body, 15, limit)
        except ValueError:
            return inflate(body, -15, limit)
    if coding == "br":
        return _unbrotli(body, limit)
    raise ValueError(f"unsupported Content-Encoding {coding!r}")


def inflate(body: bytes, wbits: int, limit: int, *, whole: bool = False) -> bytes:
    """`body` decompressed (`wbits` as `zlib.decompressobj` reads it: 31 gzip, 15 zlib, -15
    raw deflate), never more than `limit` bytes of it. Raises `ValueError` for corrupt data,
    for more than `limit` bytes, and with `whole` for a stream cut off before its end (a page
    file must be complete; a WARC record's body may have lost its last bytes in the crawl)."""
    inflater = zlib.decompressobj(wbits=wbits)
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error as error:
        raise ValueError(str(error)) from error
    if len(out) > limit:
        raise ValueError(f"the body inflates past {limit:,} bytes")
    if whole and not inflater.eof:
        raise ValueError("compressed file ended before the end-of-stream marker was reached")
    return out


def _unbrotli(body: bytes, limit: int) -> bytes:
    try:
        import brotli  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ModuleNotFoundError as error:
        raise ValueError("Content-Encoding br needs the brotli package") from error
    try:
        decoder = brotli.Decompressor()
        out: bytes = _brotli_process(decoder, body, limit)
    except brotli.error as error:
        # Brotli has no magic number: a body the crawler already decoded fails here.
        if body.lstrip()[:1] == b"<":
            return body
        raise ValueError(str(error)) from error
    if len(out) > limit:
        raise ValueError(f"the body inflates past {limit:,} bytes")
    return out


def _brotli_process(decoder: Any, body: bytes, limit: int) -> bytes:
    """Decompress with the output capped just past `limit` (brotli >= 1.2), so that a body of
    a few kilobytes cannot inflate to gigabytes in memory before its size is checked."""
    try:
        out: bytes = decoder.process(body, output_buffer_limit=limit + 1)
    except TypeError:  # brotli < 1.2 has no output limit: the size is checked afterwards.
        out = decoder.process(body)
    return out


def open_warc(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a WARC file for `iter_pages` (buffered; gzip is detected from the bytes)."""
    return open(path, "rb", buffering=1 << 16)


__all__ = [
    "MISSING_READER",
    "WARC_SUFFIXES",
    "WarcFailure",
    "WarcInfo",
    "WarcPage",
    "is_warc_name",
    "iter_pages",
    "open_warc",
    "sniff_warc",
    "starts_like_warc",
    "undo_http_encodings",
]
