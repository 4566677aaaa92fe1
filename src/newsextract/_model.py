"""The typed, immutable record that `extract()` returns, and its JSON form.

The JSON form is the dataclass's fields, in declaration order, with datetimes as ISO 8601
strings and tuples as lists. It is the CLI's output and is kept stable: fields are only ever
added, never renamed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

LanguageSource = Literal["html", "meta", "jsonld", "detected"]
"""Where `Article.language` came from: the `<html lang>` attribute, a `<meta>` tag (og:locale,
content-language, dc.language), JSON-LD `inLanguage`, or detection from the text."""


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption that belongs to the story, with its credit split off."""

    text: str
    credit: str | None = None
    image_url: str | None = None


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """A link to another story that the page placed in or around this one."""

    text: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
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

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: datetimes as ISO 8601 strings, tuples as lists."""
        return {
            "url": self.url,
            "headline": self.headline,
            "standfirst": self.standfirst,
            "dateline": self.dateline,
            "agency": self.agency,
            "authors": list(self.authors),
            "published": _iso(self.published),
            "modified": _iso(self.modified),
            "site_name": self.site_name,
            "language": self.language,
            "description": self.description,
            "top_image": self.top_image,
            "captions": [
                {"text": c.text, "credit": c.credit, "image_url": c.image_url}
                for c in self.captions
            ],
            "paragraphs": list(self.paragraphs),
            "related": [{"text": r.text, "url": r.url} for r in self.related],
            "tags": list(self.tags),
            "language_source": self.language_source,
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """The record as JSON text (UTF-8 characters kept as they are)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an `Article` from `to_dict()` output (or parsed `to_json()` output)."""
        return cls(
            url=data.get("url"),
            headline=data.get("headline"),
            standfirst=data.get("standfirst"),
            dateline=data.get("dateline"),
            agency=data.get("agency"),
            authors=tuple(data.get("authors") or ()),
            published=_from_iso(data.get("published")),
            modified=_from_iso(data.get("modified")),
            site_name=data.get("site_name"),
            language=data.get("language"),
            description=data.get("description"),
            top_image=data.get("top_image"),
            captions=tuple(
                Caption(c["text"], c.get("credit"), c.get("image_url"))
                for c in data.get("captions") or ()
            ),
            paragraphs=tuple(data.get("paragraphs") or ()),
            related=tuple(RelatedLink(r["text"], r.get("url")) for r in data.get("related") or ()),
            tags=tuple(data.get("tags") or ()),
            language_source=data.get("language_source"),
        )

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Rebuild an `Article` from `to_json()` output."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise TypeError("an Article's JSON form is an object")
        return cls.from_dict(data)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
