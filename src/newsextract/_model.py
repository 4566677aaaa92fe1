"""The typed, immutable record that `extract()` returns, and its JSON form.

The JSON form is the dataclass's fields, in declaration order, with datetimes as ISO 8601
strings and tuples as lists. It is the CLI's output and is kept stable: fields are only ever
added, never renamed. Both directions are driven by the dataclass fields and their types, so
a new field is one line in the dataclass (and its key in `ArticleDict`, which a test checks).
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, NotRequired, TypedDict, TypeVar, Union, cast

REPR_MAX_CHARS = 60
"""A headline or URL in `repr(article)` is cut to this many characters: enough to recognise
the story in a log line or a debugger, short enough to keep the repr on one line."""


LanguageSource = Literal["html", "meta", "jsonld", "detected"]
"""Where `Article.language` came from: the `<html lang>` attribute, a `<meta>` tag (og:locale,
content-language, dc.language), JSON-LD `inLanguage`, or detection from the text."""


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption that belongs to the story, with its credit split off."""

    text: str
    credit: str | None = None
    image_url: str | None = None


class BlockKind(enum.StrEnum):
    """What a block of the body is, from the markup it was printed in."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"  # a subheading inside the story (`<h2>`...`<h6>`)
    LIST_ITEM = "list_item"  # `<li>`, `<dt>`, `<dd>`
    QUOTE = "quote"  # a `<blockquote>`, or a paragraph inside one
    PREFORMATTED = "preformatted"  # `<pre>` (its whitespace collapsed, as in `paragraphs`)
    TABLE_ROW = "table_row"  # one row of a data table: its cells' texts joined with " | "


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the body, in order: its kind and its text (whitespace collapsed)."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """A link to another story that the page placed in or around this one."""

    text: str
    url: str | None = None


@dataclass(frozen=True, slots=True, repr=False)
class Article:
    """Everything newsextract found on one page. Fields it could not find are empty."""

    url: str | None = None
    headline: str | None = None
    # The summary printed between headline and story (dek, lead, chapo); never in `paragraphs`.
    standfirst: str | None = None
    dateline: str | None = None
    agency: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    top_image: str | None = None
    captions: tuple[Caption, ...] = ()
    paragraphs: tuple[str, ...] = ()
    related: tuple[RelatedLink, ...] = field(default=())
    tags: tuple[str, ...] = ()
    language_source: LanguageSource | None = None
    # False when the body is likely not the story, or not all of it: no paragraph voted for a
    # story block, our own reading found next to nothing (the body came from JSON-LD or
    # readability-lxml), or the body is very short. A batch can route such records to a
    # second look; `benchmarks/confidence.py` measures how well the flag picks weak pages.
    confident: bool = False
    # The body as typed blocks, in order. Their texts are `paragraphs`, except that the cells
    # of a data table's row, each a paragraph there, are one `TABLE_ROW` block here.
    blocks: tuple[Block, ...] = ()

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)

    def __repr__(self) -> str:
        # The full field dump of one wire story runs to 12,000 characters: say which story
        # it is and how much it holds instead. `to_dict()` has everything.
        published = self.published.isoformat() if self.published else None
        return (
            f"Article(headline={_cut(self.headline)!r}, url={_cut(self.url)!r},"
            f" published={published!r}, authors={len(self.authors)},"
            f" paragraphs={len(self.paragraphs)}, chars={len(self.text):,},"
            f" captions={len(self.captions)}, related={len(self.related)},"
            f" tags={len(self.tags)})"
        )

    def to_dict(self) -> ArticleDict:
        """A JSON-ready dict: datetimes as ISO 8601 strings, tuples as lists."""
        return cast("ArticleDict", _encode_fields(self))

    def to_json(self, *, indent: int | None = None) -> str:
        """The record as JSON text (UTF-8 characters kept as they are)."""
        import json  # deferred: only records written as JSON need it

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """The article as Markdown: headline, standfirst, byline line, paragraphs, captions
        with credits, related links (`newsextract.io.formats`)."""
        from newsextract.io.formats import to_markdown

        return to_markdown(self)

    def to_html(self) -> str:
        """The article as a clean HTML document, safe to display: every text escaped, a fixed
        set of tags, http(s) links only (`newsextract.io.formats`)."""
        from newsextract.io.formats import to_html

        return to_html(self)

    @classmethod
    def from_dict(cls, data: typing.Mapping[str, Any]) -> Article:
        """Rebuild an `Article` from `to_dict()` output (or parsed `to_json()` output).

        Missing keys take the field's default and unknown keys are ignored (records carry
        `source` and `warc_*` beside the article's keys). A value of the wrong type raises
        `TypeError`, a date that is not ISO 8601 `ValueError`, each naming the key.
        """
        return _decode_dataclass(cls, data, "Article")

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Rebuild an `Article` from `to_json()` output."""
        import json

        data = json.loads(text)
        if not isinstance(data, dict):
            raise TypeError("an Article's JSON form is an object")
        return cls.from_dict(data)


# --- the JSON forms, for type checkers -------------------------------------------------------


class CaptionDict(TypedDict):
    text: str
    credit: str | None
    image_url: str | None


class BlockDict(TypedDict):
    kind: str
    text: str


class RelatedLinkDict(TypedDict):
    text: str
    url: str | None


class ArticleDict(TypedDict):
    """`Article.to_dict()`: the JSON record of one page, keys in this order."""

    url: str | None
    headline: str | None
    standfirst: str | None
    dateline: str | None
    agency: str | None
    authors: list[str]
    published: str | None
    modified: str | None
    site_name: str | None
    language: str | None
    description: str | None
    top_image: str | None
    captions: list[CaptionDict]
    paragraphs: list[str]
    related: list[RelatedLinkDict]
    tags: list[str]
    language_source: str | None
    confident: bool
    blocks: list[BlockDict]


class _RecordHead(TypedDict):
    source: str
    warc_target_uri: NotRequired[str | None]
    warc_record_id: NotRequired[str | None]
    warc_date: NotRequired[str | None]


class ArticleRecordDict(_RecordHead, ArticleDict):
    """A batch record for a page that was extracted: `source`, the `warc_*` keys for WARC
    pages, the article's keys, and `empty_body: true` only when its body came out empty and
    error records were asked for."""

    empty_body: NotRequired[bool]


class ErrorRecordDict(_RecordHead):
    """A batch record for an input that failed: `error` is an `ErrorKind` value."""

    error: str
    message: str


BatchRecordDict = ArticleRecordDict | ErrorRecordDict
"""One JSON line of a batch: the CLI's, `newsextract.warc`'s and `newsextract.dask`'s."""


# --- field-driven encoding and checked decoding ----------------------------------------------


def _cut(text: str | None) -> str | None:
    if text is None or len(text) <= REPR_MAX_CHARS:
        return text
    return text[: REPR_MAX_CHARS - 1] + "…"


def _encode_fields(instance: Any) -> dict[str, Any]:
    return {name: encode(getattr(instance, name)) for name, encode in _encoders(type(instance))}


_T = TypeVar("_T")

_Encoders = tuple[tuple[str, Callable[[Any], Any]], ...]
_ENCODERS: dict[type, _Encoders] = {}


def _encoders(cls: type) -> _Encoders:
    """Each field's name and the function that makes its value JSON-ready, worked out once
    per class from the type hints (the field loop runs on every record of a batch)."""
    found = _ENCODERS.get(cls)
    if found is None:
        found = _ENCODERS[cls] = tuple((name, _encoder(hint)) for name, hint, _ in field_hints(cls))
    return found


def _identity(value: Any) -> Any:
    return value


def _encoder(hint: Any) -> Callable[[Any], Any]:
    inner = optional_inner(hint)
    if inner is not None:
        encode = _encoder(inner)
        if encode is _identity:
            return _identity
        return lambda value: None if value is None else encode(value)
    if hint is datetime:
        return datetime.isoformat
    if typing.get_origin(hint) is tuple:
        item = _encoder(typing.get_args(hint)[0])
        if item is _identity:
            return list
        return lambda values: [item(value) for value in values]
    if dataclasses.is_dataclass(hint):
        return _encode_fields
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum_value
    return _identity


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def optional_inner(hint: Any) -> Any:
    """`X` for a hint `X | None`, else None."""
    if typing.get_origin(hint) not in (Union, types.UnionType):
        return None
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    return args[0] if len(args) == 1 else None


_Fields = tuple[tuple[str, Any, bool], ...]
_FIELDS: dict[type, _Fields] = {}


def field_hints(cls: type) -> _Fields:
    """Each field's name, resolved type hint, and whether it has a default (hints resolved
    once per class: `get_type_hints` evaluates the annotation strings). The JSON encoding,
    the checked decoding and the Dask dataframe's column types are all derived from it."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = _FIELDS[cls] = tuple(
            (f.name, hints[f.name], f.default is not dataclasses.MISSING)
            for f in dataclasses.fields(cls)
        )
    return found


def _decode_dataclass(cls: type[_T], data: Any, where: str) -> _T:
    if not isinstance(data, typing.Mapping):
        raise TypeError(f"{where}: expected an object, got {type(data).__name__}")
    values: dict[str, Any] = {}
    for name, hint, has_default in field_hints(cls):
        if name in data:
            values[name] = _decode(hint, data[name], f"{where}.{name}")
        elif not has_default:
            raise ValueError(f"{where}: the key {name!r} is missing")
    return cls(**values)


def _decode(hint: Any, value: Any, where: str) -> Any:
    inner = optional_inner(hint)
    if inner is not None:
        return None if value is None else _decode(inner, value, where)
    if hint is datetime:
        return _decode_datetime(value, where)
    if typing.get_origin(hint) is tuple:
        return _decode_tuple(typing.get_args(hint)[0], value, where)
    if dataclasses.is_dataclass(hint):
        return _decode_dataclass(cast("type[Any]", hint), value, where)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        if issubclass(hint, str) and not isinstance(value, str):
            raise TypeError(f"{where}: expected str, got {type(value).__name__}")
        try:
            return hint(value)
        except ValueError:
            members = ", ".join(repr(member.value) for member in hint)
            raise ValueError(f"{where}: expected one of {members}, got {value!r}") from None
    if typing.get_origin(hint) is Literal:
        allowed = typing.get_args(hint)
        if value not in allowed:
            raise ValueError(f"{where}: expected one of {', '.join(map(repr, allowed))}")
        return value
    if not isinstance(value, hint):
        raise TypeError(f"{where}: expected {hint.__name__}, got {type(value).__name__}")
    return value


def _decode_datetime(value: Any, where: str) -> datetime | None:
    if value is None or value == "":  # Empty was never written, but was always read as None.
        return None
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise TypeError(f"{where}: expected an ISO 8601 string, got {type(value).__name__}")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{where}: not an ISO 8601 date: {value!r}") from None


def _decode_tuple(item: Any, value: Any, where: str) -> tuple[Any, ...]:
    if value is None:  # A missing list was always read as empty.
        return ()
    if not isinstance(value, list | tuple):
        raise TypeError(f"{where}: expected a list, got {type(value).__name__}")
    return tuple(_decode(item, v, f"{where}[{n}]") for n, v in enumerate(value))
