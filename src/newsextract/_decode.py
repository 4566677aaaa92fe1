"""Stage 1: bytes or text in, one decoded `Source` out.

Decoding order follows what browsers do, because that is what the page's author saw: a byte
order mark wins, then the charset the page declares (`<meta charset>` or the HTTP-equiv
form), then strict UTF-8, then statistical detection (UnicodeDammit, backed by
charset-normalizer) for legacy pages that declare nothing. A declared charset that fails to
decode is ignored, since pages lie about it more often than they are binary.

The stage also decides whether the input is HTML or plain page text, and rejects input that
is empty, binary or too large with a typed error.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ._errors import EmptyInput, InputTooLarge, NotHTML

DEFAULT_MAX_BYTES = 50_000_000
"""Generous limit on input size: no real article page comes near it."""

_SNIFF_BYTES = 4096
"""How far into the page to look for a charset declaration or a binary signature."""

_BINARY_CONTROL_SHARE = 0.10
"""Share of control characters in the sniffed head above which text is binary, not a page."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of formats that are certainly not a page. Checked before any decoding so that an
# image is reported as such instead of as mojibake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/AVI/WAV) file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 file"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 file"),
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]{1,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-zA-Z0-9_\-.]{1,40})""")

# An HTML page opens with one of these within its first few kilobytes; plain text does not.
_HTML_MARKERS = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a\s|br|table|h[1-6]"
    r"|script|link|main|header|nav|figure|img|ul|li)\b",
    re.IGNORECASE,
)

# Characters lxml rejects or that only appear in binary junk; removed from decoded text.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Source:
    """Decoded input: the text, the encoding it came in, and whether it is HTML."""

    text: str
    encoding: str
    is_html: bool


def decode(source: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Turn raw input into text and classify it; raise a `NewsextractError` on bad input."""
    if isinstance(source, str):
        if len(source) > max_bytes:
            raise InputTooLarge(
                f"input has {len(source):,} characters, over the limit of {max_bytes:,};"
                " pass a larger max_bytes to extract() to accept it"
            )
        text, encoding = source, "unicode"
    elif isinstance(source, bytes | bytearray | memoryview):
        raw = bytes(source)
        if len(raw) > max_bytes:
            raise InputTooLarge(
                f"input has {len(raw):,} bytes, over the limit of {max_bytes:,};"
                " pass a larger max_bytes to extract() to accept it"
            )
        _reject_binary_signature(raw)
        text, encoding = _decode_bytes(raw)
    else:
        raise TypeError(f"extract() takes str or bytes, not {type(source).__name__}")

    if not text.strip():
        raise EmptyInput("the input is empty or only whitespace")
    _reject_binary_text(text)
    text = _CONTROL_CHARS.sub("", text)
    return Source(text=text, encoding=encoding, is_html=looks_like_html(text))


def looks_like_html(text: str) -> bool:
    """Whether text is markup rather than plain page text (judged on its head)."""
    return _HTML_MARKERS.search(text, 0, _SNIFF_BYTES * 4) is not None


def _reject_binary_signature(raw: bytes) -> None:
    head = raw[:16]
    for signature, kind in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise NotHTML(f"the input is {kind}, not an HTML page or page text")


def _reject_binary_text(text: str) -> None:
    head = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in head if ch < "\x09" or "\x0e" <= ch < "\x20")
    if controls > len(head) * _BINARY_CONTROL_SHARE:
        raise NotHTML("the input looks like binary data, not an HTML page or page text")


def _decode_bytes(raw: bytes) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace"), codec.removesuffix("-sig")

    if _looks_like_utf16_without_bom(raw):
        codec = "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"
        return raw.decode(codec, errors="replace"), codec

    declared = _declared_encoding(raw[:_SNIFF_BYTES])
    if declared is not None:
        try:
            return raw.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # The declaration is wrong or unknown: fall through to detection.

    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass

    # Imported here: only pages that are neither declared nor valid UTF-8 need it, and it
    # costs more to import than the rest of the package.
    from bs4.dammit import UnicodeDammit

    dammit = UnicodeDammit(raw, is_html=True)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        return dammit.unicode_markup, str(dammit.original_encoding)
    return raw.decode("utf-8", errors="replace"), "utf-8"


def _declared_encoding(head: bytes) -> str | None:
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page that declares UTF-16 in ASCII-compatible bytes cannot really be UTF-16 (the
    # declaration would then be unreadable); HTML5 says to read it as UTF-8.
    if codec.startswith("utf-16") or codec.startswith("utf-32"):
        return "utf-8"
    # Browsers read Latin-1 and ASCII labels as Windows-1252, its superset.
    if codec in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    return codec


def _looks_like_utf16_without_bom(raw: bytes) -> bool:
    """UTF-16 text of a Latin-script page has a NUL in every other byte."""
    head = raw[:200]
    if len(head) < 8:
        return False
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = len(head) // 2
    return max(even_nuls, odd_nuls) > half * 0.8 and min(even_nuls, odd_nuls) < half * 0.1
