"""The labels `benchmarks/fields.py` scores against: our fixtures and the Zyte news-field labels.

* `load_fixtures()` reads `fixtures/pages/<name>.*` with `fixtures/expected/<name>.json` (see
  fixtures/README.md: keys starting with `_` are not fields, `_url` is the URL to pass).
* `load_newsfields()` reads `../shared/datasets/zyte/newsfields.json`, the hand labels of the
  news fields on the 14 Zyte pages that carry a wire credit, into `NewsLabel`s. A field the
  labeller did not judge is `UNLABELLED` (so that "not labelled" and "the page has none", which
  the file writes as `null` + `has_*: false` or `[]`, are never confused).

The Zyte pages themselves are loaded with `benchmarks._data.load_pages`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Final, TypeAlias, TypeVar

from benchmarks._data import DEFAULT_DATA

__all__ = [
    "DEFAULT_FIXTURES",
    "DEFAULT_NEWSFIELDS",
    "UNLABELLED",
    "CaptionLabel",
    "FixtureCase",
    "NewsLabel",
    "Unlabelled",
    "load_fixtures",
    "load_newsfields",
]

DEFAULT_FIXTURES: Final = Path(__file__).resolve().parents[1] / "fixtures"
DEFAULT_NEWSFIELDS: Final = DEFAULT_DATA / "newsfields.json"


class Unlabelled(Enum):
    """The marker of a field the labeller did not judge (skipped when scoring)."""

    UNLABELLED = "unlabelled"

    def __repr__(self) -> str:
        return "UNLABELLED"


UNLABELLED: Final = Unlabelled.UNLABELLED

T = TypeVar("T")
Labelled: TypeAlias = T | Unlabelled


@dataclass(frozen=True, slots=True)
class FixtureCase:
    """One fixture page and the fields its expected file checks."""

    name: str
    path: Path
    url: str | None
    expected: dict[str, Any]
    """The expected record, without the `_` keys."""

    @property
    def plain_text(self) -> bool:
        """True for a page given as scraped text rather than HTML (`.txt`)."""
        return self.path.suffix == ".txt"

    def read(self) -> bytes:
        return self.path.read_bytes()


def load_fixtures(root: Path = DEFAULT_FIXTURES) -> list[FixtureCase]:
    """The fixtures with an expected file, sorted by name (an empty list when there are none)."""
    pages_dir, expected_dir = root / "pages", root / "expected"
    if not pages_dir.is_dir():
        return []
    cases: list[FixtureCase] = []
    for page in sorted(pages_dir.iterdir()):
        expected_path = expected_dir / f"{page.stem}.json"
        if not page.is_file() or page.name.startswith(".") or not expected_path.is_file():
            continue
        data = json.loads(expected_path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise TypeError(f"{expected_path}: the top level must be a JSON object")
        url = data.get("_url")
        expected = {k: v for k, v in data.items() if not k.startswith("_")}
        cases.append(FixtureCase(page.stem, page, url if isinstance(url, str) else None, expected))
    return cases


@dataclass(frozen=True, slots=True)
class CaptionLabel:
    """A labelled caption: how its text starts, and its credit as printed (label removed)."""

    text_start: str
    credit: str | None


@dataclass(frozen=True, slots=True)
class NewsLabel:
    """The news-field labels of one Zyte page.

    `None` means the labeller judged that the page has none (a correct answer is None or
    empty); `UNLABELLED` means the field was not judged and is not scored.
    """

    id: str
    url: str | None
    headlines: Labelled[tuple[str, ...]]
    """The headline, then the acceptable alternatives (`headline_alt`)."""
    dateline: Labelled[str | None]
    agency: Labelled[str | None]
    authors: Labelled[tuple[str, ...]]
    """`()`: the page names no person."""
    published_days: Labelled[tuple[str, ...]]
    """`YYYY-MM-DD`, then the acceptable alternatives (`published_alt`)."""
    captions: Labelled[tuple[CaptionLabel, ...]]
    related_count_min: Labelled[int]
    first_paragraph: Labelled[tuple[str, ...]]
    """Acceptable starts of the first body paragraph (`first_paragraph_start` and `_alt`)."""
    last_paragraph: Labelled[tuple[str, ...]]
    notes: str


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _with_alternates(entry: dict[str, Any], key: str, alt_key: str) -> Labelled[tuple[str, ...]]:
    main = entry.get(key)
    if main is None:
        return UNLABELLED
    return (str(main), *_strings(entry.get(alt_key)))


def _nullable(entry: dict[str, Any], key: str) -> Labelled[str | None]:
    """A field written as `null` + `has_<key>: false` when the page has none."""
    value = entry.get(key)
    if value is not None:
        return str(value)
    return None if entry.get(f"has_{key}") is False else UNLABELLED


def _news_label(entry: dict[str, Any]) -> NewsLabel:
    authors = entry.get("authors")
    captions = entry.get("captions")
    count_min = entry.get("related_count_min")
    return NewsLabel(
        id=str(entry["id"]),
        url=entry.get("url"),
        headlines=_with_alternates(entry, "headline", "headline_alt"),
        dateline=_nullable(entry, "dateline"),
        agency=_nullable(entry, "agency"),
        authors=UNLABELLED if authors is None else _strings(authors),
        published_days=_with_alternates(entry, "published", "published_alt"),
        captions=(
            UNLABELLED
            if captions is None
            else tuple(CaptionLabel(str(c["text_start"]), c.get("credit")) for c in captions)
        ),
        related_count_min=UNLABELLED if count_min is None else int(count_min),
        first_paragraph=_with_alternates(entry, "first_paragraph_start", "first_paragraph_alt"),
        last_paragraph=_with_alternates(entry, "last_paragraph_start", "last_paragraph_alt"),
        notes=str(entry.get("notes") or ""),
    )


def load_newsfields(path: Path = DEFAULT_NEWSFIELDS) -> list[NewsLabel]:
    """The labelled Zyte pages, in the file's order. FileNotFoundError when it is absent."""
    with path.open(encoding="utf-8") as f:
        entries = json.load(f)
    if not isinstance(entries, list):
        raise TypeError(f"{path}: expected a list of labelled pages")
    return [_news_label(entry) for entry in entries]
