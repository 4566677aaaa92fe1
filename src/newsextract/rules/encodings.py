"""Encoding tables of the decode stage: byte order marks, the signatures of files that are not
pages, the markers of HTML, the web's encodings and the codec each is read with, and the
legacy encodings detection chooses from.

These follow the Unicode, WHATWG and file-format specifications and what browsers do, not
pages; none is bound to a language except where a comment says so. The numeric limits of the
stage are in `thresholds`.
"""

from __future__ import annotations

import codecs
import re

from newsextract.support.lazyre import compile_lazily

# A byte order mark outranks any declaration; UTF-32 marks are checked before UTF-16's, whose
# little-endian mark is a prefix of UTF-32's.
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# The first bytes of gzip data: a page file or a WARC record body that starts with them is
# decompressed first (the decode stage refuses it as binary if it is not).
GZIP_MAGIC = b"\x1f\x8b"

# Signatures of formats that are certainly not a page. Checked before any decoding so that an
# image is reported as such instead of as mojibake.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/AVI/WAV) file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (GZIP_MAGIC, "gzip-compressed data (decompress it first)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 file"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 file"),
)

# An HTML page opens with one of these within its first few kilobytes; plain text does not.
HTML_MARKERS = compile_lazily(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|span|a\s|br|table|h[1-6]"
    r"|script|link|main|header|nav|figure|img|ul|li)\b",
    re.IGNORECASE,
)

# The encodings of the WHATWG Encoding Standard (webencodings turns a page's label into one of
# these names, as browsers do), each mapped to the Python codec that decodes it the way
# browsers do: GBK is decoded as GB18030, Big5 with the Hong Kong extensions, Shift_JIS and
# EUC-KR as their Windows supersets. Anything else is refused: "replacement" (the labels
# browsers deliberately do not decode, such as hz-gb-2312 and iso-2022-kr), x-user-defined,
# and every label that is not a web encoding at all (`undefined` always raises, `punycode` is
# quadratic, `utf-7` and EBCDIC turn markup into different text).
WEB_CODECS: dict[str, str] = {
    "utf-8": "utf-8", "utf-16le": "utf-16-le", "utf-16be": "utf-16-be",
    "windows-1252": "cp1252", "windows-1250": "cp1250", "windows-1251": "cp1251",
    "windows-1253": "cp1253", "windows-1254": "cp1254", "windows-1255": "cp1255",
    "windows-1256": "cp1256", "windows-1257": "cp1257", "windows-1258": "cp1258",
    "windows-874": "cp874",
    "iso-8859-2": "iso8859-2", "iso-8859-3": "iso8859-3", "iso-8859-4": "iso8859-4",
    "iso-8859-5": "iso8859-5", "iso-8859-6": "iso8859-6", "iso-8859-7": "iso8859-7",
    "iso-8859-8": "iso8859-8", "iso-8859-8-i": "iso8859-8", "iso-8859-10": "iso8859-10",
    "iso-8859-13": "iso8859-13", "iso-8859-14": "iso8859-14", "iso-8859-15": "iso8859-15",
    "iso-8859-16": "iso8859-16",
    "koi8-r": "koi8-r", "koi8-u": "koi8-u", "ibm866": "cp866",
    "macintosh": "mac-roman", "x-mac-cyrillic": "mac-cyrillic",
    "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs",
    "shift_jis": "cp932", "euc-jp": "euc_jp", "iso-2022-jp": "iso2022_jp", "euc-kr": "cp949",
}  # fmt: skip

# Declarations (the codec a page's charset names, None for none) under which stray bytes in a
# UTF-8 page are Windows-1252 characters pasted in from a word processor: any other legacy
# declaration means the stray bytes are more likely in that encoding (`pipeline.decode`).
PASTED_INTO_DECLARATIONS: frozenset[str | None] = frozenset({None, "utf-8", "cp1252"})
# The five bytes Windows-1252 leaves undefined: a page holding one is not a paste.
NOT_WINDOWS_1252: frozenset[int] = frozenset(b"\x81\x8d\x8f\x90\x9d")

# Legacy encodings detection chooses from (UTF-8, UTF-16 and UTF-32 are recognised before it
# runs), and the order to prefer them in when they read equally well: by how many pages use
# them.
DETECTABLE_ENCODINGS: tuple[str, ...] = (
    "cp1252", "cp1251", "cp1250", "gb18030", "cp932", "cp949", "big5", "euc_jp", "cp1256",
    "cp1253", "cp1254", "cp1255", "cp874", "cp1257", "cp1258", "koi8_r", "koi8_u",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_15", "cp866", "mac_roman", "mac_cyrillic",
    "iso2022_jp",
)  # fmt: skip
