"""Stage 1: bytes or text in, one decoded `Source` out.

Decoding order follows what browsers do, because that is what the page's author saw, with one
correction for a common lie: a byte order mark wins; then a page that is valid UTF-8 and holds
non-ASCII text is UTF-8 whatever it declares (CMS templates often say `iso-8859-1` over UTF-8
content, while legacy text is practically never valid UTF-8 by accident); then the charset the
page declares (`<meta charset>`, the HTTP-equiv form or an XML declaration), if it is one of
the encodings browsers support; then UTF-8 again, tolerating a character cut off at the end
and a few stray bytes; then statistical detection (charset-normalizer) for legacy pages that
declare nothing. A declared charset that fails to decode is ignored, since pages lie about it
more often than they are binary. Legacy labels are read as the supersets browsers use for
them (`gb2312` as GB18030, `shift_jis` as Windows-31J, `iso-8859-1` as Windows-1252).

Only the web's encodings are ever used: a page declaring `charset=undefined`, `punycode`,
`utf-7` or an EBCDIC code page cannot make Python run an unusual codec over its bytes.

The stage also decides whether the input is HTML or plain page text, and rejects input that
is empty, binary or too large with a typed error.
"""

from __future__ import annotations

import codecs
import functools
import re
import threading
from dataclasses import dataclass

from newsextract._errors import EmptyInput, InputTooLarge, NotHTML
from newsextract.rules.encodings import (
    BINARY_SIGNATURES,
    BYTE_ORDER_MARKS,
    DETECTABLE_ENCODINGS,
    HTML_MARKERS,
    NOT_WINDOWS_1252,
    PASTED_INTO_DECLARATIONS,
    WEB_CODECS,
)
from newsextract.rules.thresholds import (
    BINARY_CONTROL_SHARE,
    CHAOS_MARGIN,
    DEFAULT_MAX_BYTES,
    DETECT_BYTES,
    MAX_PASTED_RUN,
    SNIFF_BYTES,
    UTF8_GOOD_PER_BAD,
    UTF8_GOOD_PER_BAD_DECLARED,
)
from newsextract.support.lazyre import compile_lazily

_META_CHARSET = compile_lazily(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]{1,40})""", re.IGNORECASE
)
_XML_ENCODING = compile_lazily(
    rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-zA-Z0-9_\-.]{1,40})"""
)

# Characters lxml rejects or that only appear in binary junk, and lone surrogates (which only
# a `str` input can carry and no encoder can write out); removed from decoded text.
# Characters that only binary data has in any number (tab, newlines and carriage return are text).
_BINARY_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = compile_lazily(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

# A UTF-8 page with Windows-1252 characters pasted into it (smart quotes, dashes, accented
# letters from a word processor, common in news CMSs) is repaired when it is "mostly UTF-8":
# its declaration is UTF-8, Windows-1252 or absent (any other legacy declaration means the
# stray bytes are more likely in that encoding); every run of bytes that is not UTF-8 is at
# most this long, since a pasted character sits among ASCII or UTF-8 text ("Größe" gives a
# run of two), while Cyrillic, Greek or CJK legacy text gives whole words of such bytes;
# every such byte is a Windows-1252 character; and the page has real UTF-8 text: at least
# one well-formed non-ASCII character when it declares UTF-8, and at least as many as
# there are stray bytes otherwise (legacy Latin text practically never forms UTF-8 by
# chance, so a page without UTF-8 characters is left to its declaration and detection).
# The run limit is `rules.thresholds.MAX_PASTED_RUN`; the declarations and the undefined
# bytes are in `rules.encodings`.
_WINDOWS_1252_LEFTOVERS = "newsextract.windows-1252"
_STRAY_SPANS = "newsextract.stray-spans"
# Where the page being checked has bytes that are not UTF-8, per thread (a codec error handler
# is global): found by one decode in C, the handler called once per stray sequence.
_stray = threading.local()


def _as_windows_1252(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: the bytes UTF-8 cannot read, read as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):  # pragma: no cover - registered for decoding
        raise error
    return error.object[error.start : error.end].decode("cp1252", "replace"), error.end


def _record_stray_span(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: note where the bytes UTF-8 cannot read are, and drop them."""
    if not isinstance(error, UnicodeDecodeError):  # pragma: no cover - registered for decoding
        raise error
    spans: list[list[int]] = _stray.spans
    if spans and spans[-1][1] == error.start:
        spans[-1][1] = error.end  # One run of stray bytes, reported sequence by sequence.
    else:
        spans.append([error.start, error.end])
    return "", error.end


codecs.register_error(_WINDOWS_1252_LEFTOVERS, _as_windows_1252)
codecs.register_error(_STRAY_SPANS, _record_stray_span)

# ASCII bytes that are never the second byte of a multi-byte character in any ASCII-compatible
# legacy encoding: a sample cut just before one never splits a character.
_SAFE_CUT = compile_lazily(rb"[\n<]")
_NON_ASCII_BYTE = compile_lazily(rb"[\x80-\xff]")


@dataclass(frozen=True, slots=True)
class Source:
    """Decoded input: the text, the encoding it came in, and whether it is HTML.

    `markup` is the same text as UTF-8 bytes, which is what the parser reads fastest; for a
    page that arrived as clean UTF-8 it is the input itself, not a copy.
    """

    text: str
    encoding: str
    is_html: bool
    markup: bytes


def decode(
    source: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, html: bool = False
) -> Source:
    """Turn raw input into text and classify it; raise a `NewsextractError` on bad input.

    `html` says the caller knows the input is markup (a soup's serialisation, which may be a
    single element that the markers of `looks_like_html` do not name).
    """
    if isinstance(source, str):
        if len(source) > max_bytes:
            raise InputTooLarge(
                f"input has {len(source):,} characters, over the limit of {max_bytes:,};"
                " pass a larger max_bytes to extract() to accept it"
            )
        text, encoding, utf8 = source, "unicode", None
    elif isinstance(source, bytes | bytearray | memoryview):
        raw = bytes(source)
        if len(raw) > max_bytes:
            raise InputTooLarge(
                f"input has {len(raw):,} bytes, over the limit of {max_bytes:,};"
                " pass a larger max_bytes to extract() to accept it"
            )
        _reject_binary_signature(raw)
        text, encoding, as_is = _decode_bytes(raw)
        utf8 = raw if as_is else None
    else:
        raise TypeError(
            "extract() takes str or bytes (or a BeautifulSoup document or Tag),"
            f" not {type(source).__name__}"
        )

    # `isspace` stops at the first printed character; `strip` would copy the whole page.
    if not text or text.isspace():
        raise EmptyInput("the input is empty or only whitespace")
    _reject_binary_text(text)
    markup = utf8 if utf8 is not None else _utf8_or_none(text)
    if markup is None or _has_control_chars(text, markup):
        text = _CONTROL_CHARS.sub("", text)
        markup = text.encode("utf-8")
    is_html = html or looks_like_html(text)
    return Source(text=text, encoding=encoding, is_html=is_html, markup=markup)


def looks_like_html(text: str) -> bool:
    """Whether text is markup rather than plain page text (judged on its head)."""
    return HTML_MARKERS.search(text, 0, SNIFF_BYTES * 4) is not None


def _reject_binary_signature(raw: bytes) -> None:
    head = raw[:16]
    for signature, kind in BINARY_SIGNATURES:
        if head.startswith(signature):
            raise NotHTML(f"the input is {kind}, not an HTML page or page text")


def _utf8_or_none(text: str) -> bytes | None:
    """`text` as UTF-8, or None when it holds lone surrogates (only a `str` input can)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def _has_control_chars(text: str, utf8: bytes) -> bool:
    # Most pages have none. One `in` per control byte is a vectorised memchr over the UTF-8
    # bytes: the 29 scans cost half of one bytes.translate, which moves every byte (and a
    # regex search over the str is ten times slower still).
    return any(byte in utf8 for byte in _CONTROL_BYTES) or "\ufffe" in text or "\uffff" in text


def _reject_binary_text(text: str) -> None:
    head = text[:SNIFF_BYTES]
    # Counted on bytes: `bytes.translate` runs in C, `str.translate` calls back per character.
    data = head.encode("utf-8", "surrogatepass")
    controls = len(data) - len(data.translate(None, _BINARY_CONTROL_BYTES))
    if controls > len(head) * BINARY_CONTROL_SHARE:
        raise NotHTML("the input looks like binary data, not an HTML page or page text")


def _decode_bytes(raw: bytes) -> tuple[str, str, bool]:
    """The text, its encoding, and whether `raw` is exactly the text's UTF-8 form."""
    for bom, codec in BYTE_ORDER_MARKS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace"), codec.removesuffix("-sig"), False

    if _looks_like_utf16_without_bom(raw):
        codec = "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"
        return raw.decode(codec, errors="replace"), codec, False

    declared = _declared_encoding(raw[:SNIFF_BYTES])
    if declared in (None, "utf-8") or not raw.isascii():
        # Valid UTF-8 with non-ASCII text is UTF-8, whatever the page says it is.
        try:
            return raw.decode("utf-8"), "utf-8", True
        except UnicodeDecodeError:
            pass
        if declared in PASTED_INTO_DECLARATIONS:
            repaired = _repair_pasted_windows_1252(raw, declared_utf8=declared == "utf-8")
            if repaired is not None:
                return repaired, "utf-8", False
    if declared is not None and declared != "utf-8":
        try:
            return raw.decode(declared), declared, False
        except UnicodeDecodeError:
            pass  # The declaration is wrong: fall through to detection.

    utf8 = _decode_nearly_utf8(raw, declared_utf8=declared == "utf-8")
    if utf8 is not None:
        return utf8, "utf-8", False

    detected = _detect_encoding(raw)
    if detected is not None:
        return raw.decode(detected, errors="replace"), detected, False
    return raw.decode("utf-8", errors="replace"), "utf-8", False


def _repair_pasted_windows_1252(raw: bytes, *, declared_utf8: bool) -> str | None:
    """`raw`, UTF-8 with a few Windows-1252 characters pasted in, as text; None otherwise.

    Runs only on pages that are not valid UTF-8, and decides on one decode in C: the Python
    work is per run of stray bytes.
    """
    _stray.spans = []
    try:
        utf8_text = raw.decode("utf-8", _STRAY_SPANS)
        spans: list[list[int]] = _stray.spans
    finally:
        del _stray.spans
    if spans and spans[-1][1] == len(raw) and _is_cut_off(raw, spans[-1][0]):
        # A page cut off in the middle of its last character: the cut is no paste.
        raw = raw[: spans.pop()[0]]
        if not spans:
            return None
    stray = 0
    for start, end in spans:
        if end - start > MAX_PASTED_RUN or not NOT_WINDOWS_1252.isdisjoint(raw[start:end]):
            return None
        stray += end - start
    utf8_chars = len(utf8_text) - len(utf8_text.encode("ascii", "ignore"))
    if utf8_chars < (1 if declared_utf8 else max(1, stray)):
        return None
    return _detwingle_runs(raw, spans)


def _is_cut_off(raw: bytes, start: int) -> bool:
    """Whether the stray bytes from `start` to the end are a UTF-8 character cut short."""
    return len(raw) - start < 4 and raw[start] >= 0xC2


def _detwingle_runs(raw: bytes, spans: list[list[int]]) -> str:
    """`raw` as text, each span of stray bytes read as the Windows-1252 it was pasted as.

    `UnicodeDammit.detwingle` converts the spans' bytes; it is given the spans alone, not the
    page, because it walks every byte in Python (0.16 s on a 600 KB page). It takes a
    Windows-1252 letter from Â to ô (é, à, ç, ñ ...) for the lead byte of a UTF-8 sequence
    and leaves it and the bytes after it as they are; the decode after it reads those as
    Windows-1252. Each span is followed by ASCII or a whole UTF-8 character, so a letter
    left over never joins what follows.
    """
    from bs4.dammit import UnicodeDammit

    parts: list[bytes] = []
    done = 0
    for start, end in spans:
        parts += (raw[done:start], UnicodeDammit.detwingle(raw[start:end]))
        done = end
    parts.append(raw[done:])
    return b"".join(parts).decode("utf-8", _WINDOWS_1252_LEFTOVERS)


def _decode_nearly_utf8(raw: bytes, *, declared_utf8: bool = False) -> str | None:
    """`raw`, which is not valid UTF-8, as UTF-8 if it is only cut off or has stray bytes.

    A page that declares UTF-8 needs fewer well-formed characters per stray byte: a browser
    reads it as UTF-8 whatever its stray bytes (a mangled character's remnant, `&acirc;`
    followed by the two bytes it left), and a legacy page declared as UTF-8 has next to no
    well-formed sequences at all."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.end == len(raw) and _is_cut_off(raw, error.start):
            try:  # Cut off in the middle of the last character: drop what is left of it.
                return raw[: error.start].decode("utf-8")
            except UnicodeDecodeError:
                pass
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    good = non_ascii - bad - raw.count(b"\xef\xbf\xbd")
    if good >= (UTF8_GOOD_PER_BAD_DECLARED if declared_utf8 else UTF8_GOOD_PER_BAD) * bad:
        return text
    return None


def _detect_encoding(raw: bytes) -> str | None:
    """The legacy encoding of undeclared, non-UTF-8 bytes, by statistical detection."""
    # Imported here: only pages that are neither declared nor UTF-8 need it.
    from charset_normalizer import from_bytes

    first = _NON_ASCII_BYTE.search(raw)
    start = 0 if first is None else max(0, first.start() - 1024)
    sample = raw[start : start + DETECT_BYTES]
    if start + DETECT_BYTES < len(raw):
        cuts = [m.start() for m in _SAFE_CUT.finditer(sample, len(sample) // 2)]
        if cuts:
            sample = sample[: cuts[-1]]
    try:
        results = list(from_bytes(sample, cp_isolation=list(DETECTABLE_ENCODINGS)))
    except (ValueError, LookupError, UnicodeError, TypeError):  # pragma: no cover - defensive
        return None
    if not results:
        return None
    # Single-byte Latin code pages often tie on charset-normalizer's "chaos" measure (French
    # reads almost as well in Windows-1257 as in Windows-1252): among the near-best, take the
    # one whose text reads most like a language, then the one more pages are written in.
    least = min(result.chaos for result in results)
    close = [result for result in results if result.chaos <= least + CHAOS_MARGIN]
    best = max(close, key=lambda r: (round(r.coherence, 2), -_detection_rank(r.encoding)))
    return _detected_codec(best.encoding)


@functools.cache
def _detection_ranks() -> dict[str, int]:
    # Built on first use: looking the codecs up imports each one's module.
    return {codecs.lookup(name).name: n for n, name in enumerate(DETECTABLE_ENCODINGS)}


def _detection_rank(encoding: str) -> int:
    ranks = _detection_ranks()
    try:
        return ranks.get(codecs.lookup(encoding).name, len(ranks))
    except LookupError:
        return len(ranks)


def _detected_codec(encoding: str) -> str | None:
    """The codec to decode a detected encoding with: Big5 with its Hong Kong extensions, as
    browsers do; the other detectable encodings are already the supersets browsers use."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None
    if name not in _detection_ranks():
        return None
    return "big5hkscs" if name == "big5" else name


@functools.cache
def web_codec(label: str) -> str | None:
    """The codec browsers decode `label` with, or None when it is no web encoding."""
    # Imported here: the label table is only needed once a page declares a charset.
    import webencodings

    encoding = webencodings.lookup(label)
    return None if encoding is None else WEB_CODECS.get(encoding.name)


def _declared_encoding(head: bytes) -> str | None:
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    codec = web_codec(match.group(1).decode("ascii", errors="ignore"))
    # A page that declares UTF-16 in ASCII-compatible bytes cannot really be UTF-16 (the
    # declaration would then be unreadable); HTML5 says to read it as UTF-8.
    if codec is not None and codec.startswith("utf-16"):
        return "utf-8"
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
