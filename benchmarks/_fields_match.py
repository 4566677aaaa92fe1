"""What `benchmarks/fields.py` compares, and how: the fields scored, text, name, day and list
matching, a field's outcome, and the record each tool gives for a page.

Comparisons are case-insensitive with whitespace collapsed and curly quotes read as straight
ones (`normalize`: a gold parser that prints "it's" for the page's "it’s" has not read another
headline); names also ignore
full stops ("H.W." = "H. W."); dates are compared by the day the tool gives, in the offset it
gives it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Final

NEWSEXTRACT: Final = "newsextract"
PEERS: Final = ("trafilatura", "newspaper4k")
PEER_FIELDS: Final = ("headline", "authors", "published")
FIXTURE_FIELDS: Final = (
    *("headline", "dateline", "agency", "authors", "published"),
    *("captions", "related", "first paragraph", "last paragraph"),
)
NEWSFIELDS_FIELDS: Final = (
    *("headline", "dateline", "agency", "authors", "published"),
    *("captions", "related", "first paragraph", "last paragraph"),
)
PARTS: Final = ("fixtures", "newsfields", "fundus", "datelines")


# --- normalisation and matching ---------------------------------------------------------------


# Curly single and double quotes, read as the straight ones.
_STRAIGHT_QUOTES: Final = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'"}
    | {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'}
)


def normalize(text: str | None) -> str:
    """The text as compared: NFC, case-folded, whitespace collapsed, quotes straight (None
    gives "")."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_STRAIGHT_QUOTES)
    return " ".join(text.split()).casefold()


def same_text(a: str | None, b: str | None) -> bool:
    """Equal after `normalize`; None equals only None (or an all-blank string)."""
    return normalize(a) == normalize(b)


def starts_with_any(text: str | None, starts: Iterable[str]) -> bool:
    """Whether `text` begins with one of `starts`, compared after `normalize`."""
    folded = normalize(text)
    return any(folded.startswith(normalize(start)) for start in starts if normalize(start))


def name_key(name: str) -> str:
    """A person's name as matched: normalised, full stops and commas as spaces, ’ as '."""
    text = unicodedata.normalize("NFC", name).replace("\u2019", "'")
    text = text.replace(".", " ").replace(",", " ")
    return " ".join(text.split()).casefold()


@dataclass(frozen=True, slots=True)
class NameCounts:
    """Names found (tp), names given that are not labelled (fp), labelled names missed (fn)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: NameCounts) -> NameCounts:
        return NameCounts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


def name_counts(got: Iterable[str], want: Iterable[str]) -> NameCounts:
    """Overlap of two author lists as sets of `name_key`s (order and repeats do not count)."""
    got_keys = {name_key(n) for n in got if name_key(n)}
    want_keys = {name_key(n) for n in want if name_key(n)}
    return NameCounts(
        len(got_keys & want_keys), len(got_keys - want_keys), len(want_keys - got_keys)
    )


def day_of(value: datetime | date | str | None) -> date | None:
    """The calendar day of a date value, in the offset it is given in (None when unreadable).

    A string is read as ISO 8601 (`2019-11-18`, `2019-11-18T23:03:00-08:00`, `...Z`).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None


def same_day(got: datetime | date | str | None, days: Iterable[str]) -> bool:
    """Whether `got` falls on one of `days` (`YYYY-MM-DD` or full ISO 8601 strings)."""
    got_day = day_of(got)
    return got_day is not None and any(got_day == day_of(d) for d in days)


def match_texts(wanted: Sequence[str], got: Sequence[str], *, prefix: bool) -> list[int | None]:
    """For each wanted text in order, the index of the first unused `got` text matching it.

    `prefix`: the got text need only start with the wanted one (labels that give a caption's
    start); else the two must be equal. Each got text matches at most one wanted text, so two
    labelled captions with the same text need two of ours. All compared after `normalize`.
    """
    used: set[int] = set()
    keys = [normalize(text) for text in got]
    found: list[int | None] = []
    for text in wanted:
        target = normalize(text)
        index = next(
            (
                i
                for i, key in enumerate(keys)
                if i not in used and (key.startswith(target) if prefix else key == target)
            ),
            None,
        )
        if index is not None:
            used.add(index)
        found.append(index)
    return found


@dataclass(frozen=True, slots=True)
class ItemCounts:
    """Labelled items of a list field (captions, related) and how many of them we gave."""

    labelled: int = 0
    found: int = 0
    credit_right: int = 0
    """Captions only: found with the labelled credit (None labels match a None credit)."""
    extra: int = 0
    """Our items that match no labelled item."""
    blank: int = 0
    """Captions only: ours whose text is empty."""

    def __add__(self, other: ItemCounts) -> ItemCounts:
        return ItemCounts(
            self.labelled + other.labelled,
            self.found + other.found,
            self.credit_right + other.credit_right,
            self.extra + other.extra,
            self.blank + other.blank,
        )


def caption_counts(
    wanted: Sequence[tuple[str, str | None]],
    got: Sequence[tuple[str, str | None]],
    *,
    prefix: bool,
) -> ItemCounts:
    """How many of the wanted (text, credit) captions we give, and with the right credit."""
    matches = match_texts([text for text, _ in wanted], [text for text, _ in got], prefix=prefix)
    found = [m for m in matches if m is not None]
    credit_right = sum(
        1
        for (_, credit), m in zip(wanted, matches, strict=True)
        if m is not None and same_text(got[m][1], credit)
    )
    blank = sum(1 for text, _ in got if not normalize(text))
    return ItemCounts(len(wanted), len(found), credit_right, len(got) - len(found), blank)


def related_counts(wanted: Sequence[str], got: Sequence[str]) -> ItemCounts:
    """How many of the wanted related-link texts we give (exact text)."""
    matches = match_texts(wanted, got, prefix=False)
    found = sum(1 for m in matches if m is not None)
    return ItemCounts(len(wanted), found, 0, len(got) - found, 0)


# --- outcomes ----------------------------------------------------------------------------------


class Outcome(StrEnum):
    RIGHT = "right"
    """Equal to the label; a None label answered with None counts here."""
    WRONG = "wrong"
    """A value different from the labelled one."""
    MISSED = "missed"
    """The label has a value; we give none."""
    FALSE_POS = "false pos"
    """The label says the page has none; we give one."""


def judge(has_value: bool, label_has_value: bool, right: bool) -> Outcome:
    """The outcome of one field from whether each side has a value and whether they agree."""
    if not label_has_value:
        return Outcome.RIGHT if not has_value else Outcome.FALSE_POS
    if not has_value:
        return Outcome.MISSED
    return Outcome.RIGHT if right else Outcome.WRONG


@dataclass(frozen=True, slots=True)
class FieldResult:
    """One field of one page: the outcome, both values (for reading) and item counts."""

    field: str
    outcome: Outcome
    ours: Any
    label: Any
    names: NameCounts | None = None
    items: ItemCounts | None = None


# --- what each tool gives ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Record:
    """The fields one tool gives for one page (peers give only headline, authors, published)."""

    headline: str | None = None
    standfirst: str | None = None
    dateline: str | None = None
    agency: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    """As the tool gives it, ISO 8601 (a datetime's `isoformat()`, or trafilatura's day)."""
    captions: tuple[tuple[str, str | None], ...] = ()
    related: tuple[str, ...] = ()
    related_links: tuple[tuple[str, str | None], ...] = ()
    """newsextract only: each related link's (text, url), scored against `labels/related.json`."""
    paragraphs: tuple[str, ...] = ()
    error: str | None = None
