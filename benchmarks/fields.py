#!/usr/bin/env python3
"""How often newsextract gets each news field right, and how trafilatura and newspaper4k compare.

    PYTHONPATH=src python benchmarks/fields.py                  # every part, Markdown on stdout
    PYTHONPATH=src python benchmarks/fields.py --json out.json  # also the raw per-page results
    PYTHONPATH=src python benchmarks/fields.py --parts fixtures,newsfields --no-peers
    PYTHONPATH=src python benchmarks/fields.py --parts newsfields,fundus --no-peers --misses agency

Five parts (`--parts`):

* `fixtures`: our hand-labelled `fixtures/` (fixtures/README.md), every field an expected file
  names among headline, dateline, agency, authors, published, captions, related, paragraphs.
* `newsfields`: the 14 Zyte pages labelled in `../shared/datasets/zyte/newsfields.json`.
* `fundus`: the 121 fundus pages of `../shared/datasets/fundus/`: headline, standfirst, authors,
  published and captions from the fundus parsers' gold (`fields.json`), dateline, agency and the
  first paragraph from the hand labels (`newsfields.json`, scored as the Zyte ones). The gold's
  quirks are scored so that a correct extractor loses nothing (`benchmarks/_fields_fundus.py`):
  organisations given as authors (an agency, a domain, a staff word, a word of the publisher's
  name) are dropped from both sides before the set F1, and a page left with no person counts as
  author-less; a credit left inside a gold caption (its credit `null`) makes our caption found
  when one text is a prefix of the other, and our credit right when it is printed in that text.
  Standfirst: equal, or one a prefix of the other (the gold joins its paragraphs).
* `datelines`: all 181 Zyte pages; the dateline and agency that open the ground truth's first
  paragraph, read by `newsextract.fields.dateline.parse_dateline` (the reference parser, listed so a
  reader can check it), against ours.
* `peers` (part of the first two unless `--no-peers`): authors, published day and headline from
  `trafilatura.bare_extraction(..., with_metadata=True)` and newspaper4k's `Article.parse()`,
  scored on the same labels.

After the parts, one table gives every field per source (Zyte news fields, fundus) for
newsextract, and `--misses FIELD` lists each page where that field is not right: page, what we
gave, what the label expects.

Comparisons are case-insensitive with whitespace collapsed (`normalize`); names also ignore
full stops ("H.W." = "H. W."); dates are compared by the day the tool gives, in the offset it
gives it. The network is blocked in this process (`benchmarks._peers.install_socket_guard`)
before any extractor runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import logging
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import DEFAULT_DATA, Page, decode_page, load_pages
from benchmarks._fields_data import (
    DEFAULT_FIXTURES,
    UNLABELLED,
    FixtureCase,
    NewsLabel,
    load_fixtures,
    load_newsfields,
)
from benchmarks._fields_fundus import DEFAULT_FUNDUS
from benchmarks._peers import install_socket_guard, network_attempts

__all__ = [
    "DatelineCheck",
    "FieldResult",
    "ItemCounts",
    "NameCounts",
    "Outcome",
    "PageResult",
    "Record",
    "caption_counts",
    "day_of",
    "judge",
    "main",
    "match_texts",
    "name_counts",
    "name_key",
    "normalize",
    "run_datelines",
    "run_fixtures",
    "run_newsfields",
    "same_day",
    "same_text",
    "score_fixture",
    "score_newsfields",
    "starts_with_any",
    "summarize",
]

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


def normalize(text: str | None) -> str:
    """The text as compared: NFC, case-folded, whitespace collapsed (None gives "")."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


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
    paragraphs: tuple[str, ...] = ()
    error: str | None = None


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


_SRC: Final = Path(__file__).resolve().parents[1] / "src"


def _module(name: str) -> Any:
    """Import a module (typed as Any: the peers ship no type information).

    newsextract comes from the installed package, or else from this checkout's src/.
    """
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != "newsextract" or not (_SRC / "newsextract").is_dir():
            raise
        sys.path.insert(0, str(_SRC))
        return importlib.import_module(name)


def newsextract_record(html: bytes, url: str | None) -> Record:
    article = _module("newsextract").extract(html, url=url)
    return Record(
        headline=article.headline,
        standfirst=article.standfirst,
        dateline=article.dateline,
        agency=article.agency,
        authors=tuple(article.authors),
        published=_iso(article.published),
        captions=tuple((c.text, c.credit) for c in article.captions),
        related=tuple(r.text for r in article.related),
        paragraphs=tuple(article.paragraphs),
    )


def _attr(document: Any, name: str) -> Any:
    if isinstance(document, Mapping):
        return document.get(name)
    return getattr(document, name, None)


def trafilatura_record(html: str, url: str | None) -> Record:
    """`bare_extraction(..., with_metadata=True)`: a `Document` in 2.x (a dict in 1.x)."""
    document = _module("trafilatura").bare_extraction(html, url=url, with_metadata=True)
    if document is None:
        return Record()
    # trafilatura joins several authors with "; ".
    author = _attr(document, "author") or ""
    return Record(
        headline=_attr(document, "title") or None,
        authors=tuple(a.strip() for a in str(author).split(";") if a.strip()),
        published=_iso(_attr(document, "date")),
    )


def newspaper_record(html: str, url: str | None) -> Record:
    # fetch_images=False: parse() would otherwise try to download images to pick a top image
    # (blocked here anyway); authors, date and title do not depend on it.
    article = _module("newspaper").Article(url or "http://example.com", fetch_images=False)
    article.download(input_html=html)
    article.parse()
    return Record(
        headline=article.title or None,
        authors=tuple(str(a) for a in article.authors or ()),
        published=_iso(article.publish_date),
    )


def _run(tool: str, html: bytes, text: str, url: str | None) -> Record:
    """One tool on one page; an exception becomes an empty record carrying the error."""
    try:
        if tool == NEWSEXTRACT:
            return newsextract_record(html, url)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if tool == "trafilatura":
                return trafilatura_record(text, url)
            if tool == "newspaper4k":
                return newspaper_record(text, url)
    except Exception as exc:  # one failing page must not stop the run
        return Record(error=f"{type(exc).__name__}: {exc}")
    raise ValueError(f"unknown tool {tool!r}")


# --- scoring -----------------------------------------------------------------------------------


def _score_text(name: str, got: str | None, labels: Sequence[str] | None) -> FieldResult:
    """A text field against its label and alternates (`None`: the page has none)."""
    if labels is None:
        return FieldResult(name, judge(bool(normalize(got)), False, False), got, None)
    right = any(same_text(got, label) for label in labels)
    outcome = judge(bool(normalize(got)), True, right)
    return FieldResult(name, outcome, got, labels[0] if len(labels) == 1 else list(labels))


def _score_authors(got: Sequence[str], want: Sequence[str]) -> FieldResult:
    counts = name_counts(got, want)
    outcome = judge(bool(got), bool(want), counts.fp == 0 and counts.fn == 0)
    return FieldResult("authors", outcome, list(got), list(want), names=counts)


def _score_published(got: str | None, days: Sequence[str] | None) -> FieldResult:
    if days is None:
        return FieldResult("published", judge(got is not None, False, False), got, None)
    label: Any = days[0] if len(days) == 1 else list(days)
    return FieldResult("published", judge(got is not None, True, same_day(got, days)), got, label)


def _score_paragraph(name: str, got: str | None, starts: Sequence[str] | None) -> FieldResult:
    """`starts` None: the page has no body; `[s]`: our paragraph must start with s (prefix)."""
    if starts is None:
        return FieldResult(name, judge(got is not None, False, False), got, None)
    outcome = judge(got is not None, True, starts_with_any(got, starts))
    return FieldResult(name, outcome, got, starts[0] if len(starts) == 1 else list(starts))


def _captions(
    captions: Iterable[tuple[str, str | None]], key: str = "text"
) -> list[dict[str, str | None]]:
    """Captions as JSON objects, for the per-page results."""
    return [{key: text, "credit": credit} for text, credit in captions]


def _list_outcome(got: int, items: ItemCounts, *, complete: bool, credits: bool) -> Outcome:
    """A list field's page outcome: right when every labelled item is found (with its credit);
    with a complete label, also no extra item."""
    all_found = items.found == items.labelled
    credits_ok = not credits or items.credit_right == items.labelled
    extras_ok = not complete or items.extra == 0
    return judge(got > 0, items.labelled > 0, all_found and credits_ok and extras_ok)


def score_fixture(
    record: Record, expected: Mapping[str, Any], fields: Iterable[str] = FIXTURE_FIELDS
) -> list[FieldResult]:
    """Our record against a fixture's expected file, for the fields it names (in `fields`).

    Text fields must be equal, authors equal as sets of names, `published` on the same day,
    captions and related complete lists (found by exact text; captions also by credit),
    the first and last paragraph equal.
    """
    results: list[FieldResult] = []
    for name in fields:
        key = "paragraphs" if name.endswith(" paragraph") else name
        if key not in expected:
            continue
        want = expected[key]
        if name in ("headline", "dateline", "agency"):
            results.append(
                _score_text(name, getattr(record, name), None if want is None else [want])
            )
        elif name == "authors":
            results.append(_score_authors(record.authors, want or ()))
        elif name == "published":
            results.append(_score_published(record.published, None if want is None else [want]))
        elif name == "captions":
            wanted = [(c["text"], c.get("credit")) for c in want or ()]
            items = caption_counts(wanted, record.captions, prefix=False)
            outcome = _list_outcome(len(record.captions), items, complete=True, credits=True)
            results.append(
                FieldResult(
                    name, outcome, _captions(record.captions), _captions(wanted), items=items
                )
            )
        elif name == "related":
            wanted_texts = [r["text"] for r in want or ()]
            items = related_counts(wanted_texts, record.related)
            outcome = _list_outcome(len(record.related), items, complete=True, credits=False)
            results.append(
                FieldResult(name, outcome, list(record.related), wanted_texts, items=items)
            )
        else:
            index = 0 if name == "first paragraph" else -1
            got = record.paragraphs[index] if record.paragraphs else None
            paragraphs = list(want or ())
            label = [paragraphs[index]] if paragraphs else None
            result = _score_paragraph(name, got, label)
            # The fixture gives the whole paragraph: equality, not a prefix.
            if (
                label is not None
                and result.outcome is Outcome.RIGHT
                and not same_text(got, label[0])
            ):
                result = dataclasses.replace(result, outcome=Outcome.WRONG)
            results.append(result)
    return results


def score_newsfields(
    record: Record, label: NewsLabel, fields: Iterable[str] = NEWSFIELDS_FIELDS
) -> list[FieldResult]:
    """Our record against one page's Zyte news-field labels; unlabelled fields are skipped.

    Headline equal to the label or an alternate; dateline and agency equal (None when the label
    says the page has none); authors as sets of names (`[]`: no person); published on the
    labelled day or an alternate; each labelled caption found when one of ours starts with its
    `text_start` (labels are partial: other captions of ours are not errors); paragraphs start
    with the labelled start or an alternate.
    """
    results: list[FieldResult] = []
    for name in fields:
        if name == "headline" and label.headlines is not UNLABELLED:
            results.append(_score_text(name, record.headline, label.headlines))
        elif name in ("dateline", "agency"):
            value = label.dateline if name == "dateline" else label.agency
            if value is not UNLABELLED:
                labels = None if value is None else [value]
                results.append(_score_text(name, getattr(record, name), labels))
        elif name == "authors" and label.authors is not UNLABELLED:
            results.append(_score_authors(record.authors, label.authors))
        elif name == "published" and label.published_days is not UNLABELLED:
            results.append(_score_published(record.published, label.published_days))
        elif name == "captions" and label.captions is not UNLABELLED:
            wanted = [(c.text_start, c.credit) for c in label.captions]
            items = caption_counts(wanted, record.captions, prefix=True)
            outcome = _list_outcome(len(record.captions), items, complete=False, credits=True)
            results.append(
                FieldResult(
                    name,
                    outcome,
                    _captions(record.captions),
                    _captions(wanted, "text_start"),
                    items=items,
                )
            )
        elif name == "related" and label.related_count_min is not UNLABELLED:
            count, minimum = len(record.related), label.related_count_min
            outcome = judge(count > 0, minimum > 0, count >= minimum)
            results.append(FieldResult(name, outcome, list(record.related), f">= {minimum}"))
        elif name in ("first paragraph", "last paragraph"):
            starts = label.first_paragraph if name == "first paragraph" else label.last_paragraph
            if starts is not UNLABELLED:
                index = 0 if name == "first paragraph" else -1
                got = record.paragraphs[index] if record.paragraphs else None
                results.append(_score_paragraph(name, got, starts))
    return results


# --- runs --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageResult:
    """One tool on one labelled page."""

    dataset: str
    page: str
    url: str | None
    tool: str
    fields: tuple[FieldResult, ...]
    error: str | None = None

    def get(self, name: str) -> FieldResult | None:
        return next((f for f in self.fields if f.field == name), None)


def _peer_html_of_fixture(raw: bytes) -> str:
    """A fixture page as the peers get it: decoded with bs4's detection (one page is cp1251)."""
    from bs4.dammit import UnicodeDammit

    markup = UnicodeDammit(raw, is_html=True).unicode_markup
    return markup if isinstance(markup, str) else decode_page(raw)


def run_fixtures(
    cases: Sequence[FixtureCase], tools: Sequence[str] = (NEWSEXTRACT,)
) -> list[PageResult]:
    """Each tool on each fixture. Peers are scored on `PEER_FIELDS` of the HTML fixtures only
    (they do not take scraped text); newsextract on every field of every fixture."""
    results: list[PageResult] = []
    for case in cases:
        raw = case.read()
        for tool in tools:
            if tool != NEWSEXTRACT and case.plain_text:
                continue
            text = "" if tool == NEWSEXTRACT else _peer_html_of_fixture(raw)
            record = _run(tool, raw, text, case.url)
            fields = FIXTURE_FIELDS if tool == NEWSEXTRACT else PEER_FIELDS
            scored = tuple(score_fixture(record, case.expected, fields))
            results.append(PageResult("fixtures", case.name, case.url, tool, scored, record.error))
    return results


def run_newsfields(
    labels: Sequence[NewsLabel], pages: Mapping[str, Page], tools: Sequence[str] = (NEWSEXTRACT,)
) -> list[PageResult]:
    """Each tool on each labelled Zyte page (peers on `PEER_FIELDS`)."""
    results: list[PageResult] = []
    for label in labels:
        page = pages[label.id]
        text = decode_page(page.html)
        for tool in tools:
            record = _run(tool, page.html, text, page.url)
            fields = NEWSFIELDS_FIELDS if tool == NEWSEXTRACT else PEER_FIELDS
            scored = tuple(score_newsfields(record, label, fields))
            results.append(
                PageResult("zyte-newsfields", label.id, page.url, tool, scored, record.error)
            )
    return results


@dataclass(frozen=True, slots=True)
class DatelineCheck:
    """One Zyte page: what the truth's first paragraph opens with, and what we give."""

    page: str
    site: str
    truth_opening: str
    reference_found: bool
    """Whether `parse_dateline` reads a dateline line (place, date and/or agency credit)."""
    reference_dateline: str | None
    reference_agency: str | None
    ours_dateline: str | None
    ours_agency: str | None
    error: str | None = None

    @property
    def dateline_agrees(self) -> bool:
        return same_text(self.ours_dateline, self.reference_dateline)

    @property
    def agency_agrees(self) -> bool:
        return same_text(self.ours_agency, self.reference_agency)


def truth_first_paragraph(truth: str) -> str:
    """The ground truth's first non-blank line, whitespace collapsed."""
    return next((" ".join(line.split()) for line in truth.splitlines() if line.strip()), "")


def run_datelines(pages: Sequence[Page]) -> list[DatelineCheck]:
    parse_dateline = _module("newsextract.fields.dateline").parse_dateline
    checks: list[DatelineCheck] = []
    for page in pages:
        first = truth_first_paragraph(page.truth)
        reference = parse_dateline(first) if first else None
        record = _run(NEWSEXTRACT, page.html, "", page.url)
        checks.append(
            DatelineCheck(
                page=page.id,
                site=page.site,
                truth_opening=first[:200],
                reference_found=reference is not None,
                reference_dateline=reference.dateline if reference else None,
                reference_agency=reference.agency if reference else None,
                ours_dateline=record.dateline,
                ours_agency=record.agency,
                error=record.error,
            )
        )
    return checks


# --- summaries and tables ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldRow:
    """The totals of one field over a data set, for one tool."""

    field: str
    labelled: int
    counts: dict[Outcome, int]
    names: NameCounts | None
    items: ItemCounts | None

    @property
    def right(self) -> int:
        return self.counts.get(Outcome.RIGHT, 0)

    @property
    def accuracy(self) -> float | None:
        return self.right / self.labelled if self.labelled else None


def summarize(results: Iterable[PageResult], tool: str, fields: Sequence[str]) -> list[FieldRow]:
    """One row per field (in `fields` order) over the tool's pages, skipping unscored fields."""
    rows: list[FieldRow] = []
    mine = [r for r in results if r.tool == tool]
    for name in fields:
        scored = [f for r in mine if (f := r.get(name)) is not None]
        if not scored:
            continue
        counts = {o: sum(1 for f in scored if f.outcome is o) for o in Outcome}
        names = [f.names for f in scored if f.names is not None]
        items = [f.items for f in scored if f.items is not None]
        rows.append(
            FieldRow(
                name,
                len(scored),
                counts,
                sum(names, NameCounts()) if names else None,
                sum(items, ItemCounts()) if items else None,
            )
        )
    return rows


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "–"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _detail(row: FieldRow) -> str:
    if row.names is not None:
        n = row.names
        return (
            f"names P {_num(n.precision)} R {_num(n.recall)} F1 {_num(n.f1)} "
            f"(tp {n.tp}, fp {n.fp}, fn {n.fn})"
        )
    if row.items is not None:
        i = row.items
        parts = [f"found {_pct(i.found, i.labelled)}"]
        if row.field == "captions":
            parts.append(f"credit right {_pct(i.credit_right, i.labelled)}")
            parts.append(f"ours not labelled {i.extra}, ours with empty text {i.blank}")
        else:
            parts.append(f"ours not labelled {i.extra}")
        return "; ".join(parts)
    return ""


def field_table(rows: Sequence[FieldRow]) -> str:
    lines = [
        "| field | labelled | right | wrong | missed | false pos | accuracy | detail |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        c = row.counts
        lines.append(
            f"| {row.field} | {row.labelled} | {row.right} | {c[Outcome.WRONG]} "
            f"| {c[Outcome.MISSED]} | {c[Outcome.FALSE_POS]} "
            f"| {_num(row.accuracy)} | {_detail(row)} |"
        )
    return "\n".join(lines)


def peer_table(results: Sequence[PageResult], tools: Sequence[str]) -> str:
    """Headline, authors and published side by side, on the pages every tool was run on."""
    pages = {r.page for r in results if r.tool == tools[-1]}
    common = [r for r in results if r.page in pages]
    summaries = {
        tool: {row.field: row for row in summarize(common, tool, PEER_FIELDS)} for tool in tools
    }
    header = "| field | " + " | ".join(tools) + " |"
    lines = [header, "| --- |" + " ---: |" * len(tools)]

    def cell(tool: str, name: str, how: Callable[[FieldRow], str]) -> str:
        row = summaries[tool].get(name)
        return how(row) if row is not None else "–"

    def line(title: str, name: str, how: Callable[[FieldRow], str]) -> str:
        return f"| {title} | " + " | ".join(cell(t, name, how) for t in tools) + " |"

    lines.append(line("headline right", "headline", lambda r: _pct(r.right, r.labelled)))
    lines.append(line("authors right (page)", "authors", lambda r: _pct(r.right, r.labelled)))
    lines.append(
        line(
            "authors: false pos (page has no person)",
            "authors",
            lambda r: str(r.counts[Outcome.FALSE_POS]),
        )
    )
    lines.append(line("author names P / R / F1", "authors", _prf))
    lines.append(line("published right (day)", "published", lambda r: _pct(r.right, r.labelled)))
    lines.append(line("published missed", "published", lambda r: str(r.counts[Outcome.MISSED])))
    return "\n".join(lines)


def _prf(row: FieldRow) -> str:
    n = row.names or NameCounts()
    return f"{_num(n.precision)} / {_num(n.recall)} / {_num(n.f1)}"


def _short(value: Any, width: int = 90) -> str:
    if value is None:
        return "None"
    if isinstance(value, list | tuple):
        if value and isinstance(value[0], dict):  # captions: text (or text_start) and credit
            shown = [f"{_short(next(iter(c.values())), 40)} [{c.get('credit')}]" for c in value[:4]]
        else:
            shown = [_short(v, 60) for v in value[:6]]
        more = f" (+{len(value) - len(shown)})" if len(value) > len(shown) else ""
        return "[" + "; ".join(shown) + "]" + more
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def mistakes(results: Iterable[PageResult], tool: str = NEWSEXTRACT) -> list[str]:
    """One Markdown list item per field a tool got wrong: page, field, ours vs label."""
    lines: list[str] = []
    for result in results:
        if result.tool != tool:
            continue
        page = result.page[:10] if result.dataset.startswith("zyte") else result.page
        for f in result.fields:
            if f.outcome is Outcome.RIGHT:
                continue
            extra = ""
            if f.items is not None and f.field == "captions":
                i = f.items
                extra = f" (found {i.found}/{i.labelled}, credit right {i.credit_right})"
            elif f.items is not None:
                extra = f" (found {f.items.found}/{f.items.labelled})"
            lines.append(
                f"- `{page}` **{f.field}** ({f.outcome}){extra}: ours `{_short(f.ours)}` — "
                f"label `{_short(f.label)}`"
            )
        if result.error:
            lines.append(f"- `{page}`: extractor raised {result.error}")
    return lines


def dateline_report(checks: Sequence[DatelineCheck]) -> str:
    """The all-pages dateline table, the list of truth openings with a dateline, the false
    positives, and the openings the reference parser rejects that look like datelines."""
    with_line = [c for c in checks if c.reference_found]
    with_place = [c for c in checks if c.reference_dateline]
    with_agency = [c for c in checks if c.reference_agency]
    without_place = [c for c in checks if not c.reference_dateline]
    without_agency = [c for c in checks if not c.reference_agency]
    dl_right = sum(1 for c in with_place if c.dateline_agrees)
    dl_missed = sum(1 for c in with_place if not c.ours_dateline)
    dl_false = [c for c in without_place if c.ours_dateline]
    ag_right = sum(1 for c in with_agency if c.agency_agrees)
    ag_extra = [c for c in without_agency if c.ours_agency]
    rows = [
        ("pages", str(len(checks))),
        (
            "truth's first paragraph opens with a dateline line (reference parser)",
            str(len(with_line)),
        ),
        ("… with a place/date", str(len(with_place))),
        ("… with an agency credit", str(len(with_agency))),
        ("our dateline equals the truth's", _pct(dl_right, len(with_place))),
        ("… we give none", str(dl_missed)),
        ("… we give a different one", str(len(with_place) - dl_right - dl_missed)),
        (
            "false pos: we give a dateline, the truth's first paragraph has none",
            _pct(len(dl_false), len(without_place)),
        ),
        ("our agency equals the truth's credit", _pct(ag_right, len(with_agency))),
        (
            "we give an agency, the truth's first paragraph names none "
            "(from a byline or metadata: not necessarily wrong)",
            str(len(ag_extra)),
        ),
        (
            "dateline agrees, all pages (None = None)",
            _pct(sum(c.dateline_agrees for c in checks), len(checks)),
        ),
        (
            "agency agrees, all pages (None = None)",
            _pct(sum(c.agency_agrees for c in checks), len(checks)),
        ),
        ("extractor errors", str(sum(1 for c in checks if c.error))),
    ]
    out = ["| measure | count |", "| --- | ---: |"]
    out += [f"| {name} | {value} |" for name, value in rows]

    def verdict(c: DatelineCheck) -> str:
        ok = c.dateline_agrees and c.agency_agrees
        return "ok" if ok else "DIFFERS"

    out += [
        "",
        "Truth openings the reference parser reads as a dateline (check the parser here):",
        "",
        "| page | site | truth opens | reference | ours | |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for c in with_line:
        out.append(
            f"| `{c.page[:10]}` | {c.site} | {_cell(c.truth_opening, 60)} "
            f"| {c.reference_dateline} / {c.reference_agency} "
            f"| {c.ours_dateline} / {c.ours_agency} | {verdict(c)} |"
        )
    if dl_false or ag_extra:
        out += [
            "",
            "Pages where we give a dateline or agency the truth's first paragraph does not:",
            "",
        ]
        out += ["| page | site | truth opens | ours |", "| --- | --- | --- | --- |"]
        for c in sorted({*dl_false, *ag_extra}, key=lambda c: c.page):
            out.append(
                f"| `{c.page[:10]}` | {c.site} | {_cell(c.truth_opening, 60)} "
                f"| {c.ours_dateline} / {c.ours_agency} |"
            )
    suspects = [
        c for c in checks if not c.reference_found and _looks_like_dateline(c.truth_opening)
    ]
    if suspects:
        out += [
            "",
            "Truth openings the reference parser rejects that look like a dateline "
            "(a bracket or a capitals-then-dash head; for checking the parser):",
            "",
            "| page | site | truth opens | ours |",
            "| --- | --- | --- | --- |",
        ]
        for c in suspects:
            out.append(
                f"| `{c.page[:10]}` | {c.site} | {_cell(c.truth_opening, 70)} "
                f"| {c.ours_dateline} / {c.ours_agency} |"
            )
    return "\n".join(out)


def _cell(text: str, width: int) -> str:
    return _short(text, width).replace("|", "\\|")


def _looks_like_dateline(opening: str) -> bool:
    head = opening[:60]
    bracket = re.search(r"^[^()]{0,40}\([^()]{1,25}\)", head) is not None
    capitals = re.match(
        r"[A-Z][A-Z .,'\-]{2,40}(?:,[^\u2014\u2013:-]{0,30})?\s*[\u2014\u2013:-]", head
    )
    return bracket or capitals is not None


# --- the report --------------------------------------------------------------------------------

LEGEND_FIELDS: Final = """\
Legend: *right* = equal to the label (a field labelled "none" answered with none counts as
right); *wrong* = a different value; *missed* = the label has a value, we give none; *false
pos* = the label says the page has none, we give one; *accuracy* = right / labelled.
Texts compare case-insensitively with whitespace collapsed; names also ignore full stops;
*published* compares the day in the offset the tool gives."""

LEGEND_FIXTURES: Final = """\
Fixtures: every field its expected file names. *authors* right = the same set of names;
*captions*/*related* right = every expected item found by exact text (captions also with the
expected credit) and no other item (the expected lists are complete); *first/last paragraph*
= equal to the expected first/last body paragraph."""

LEGEND_NEWSFIELDS: Final = """\
Zyte news fields: only the fields labelled on each page (`null` authors/captions = not
labelled, skipped). Headline may equal `headline_alt`; published may fall on a `published_alt`
day; *captions* found = a caption of ours starts with the labelled `text_start` (labels list
only some captions of a slideshow, so other captions of ours are not counted as errors, only
shown as "ours not labelled"); *credit right* = that caption's credit equals the label;
*first/last paragraph* = ours starts with the labelled start or an alternate."""

LEGEND_PEERS: Final = """\
Peers: `trafilatura.bare_extraction(html, url=url, with_metadata=True)` (author split at
"; ", date, title) and newspaper4k `Article(url).download(input_html=html); parse()`
(authors, publish_date, title), given the page as a `str` (Zyte: UTF-8; fixtures: bs4's
encoding detection), scored exactly like newsextract on the same pages. Peer author strings are
not cleaned beyond that split (a trailing job title or agency makes the name wrong)."""

LEGEND_DATELINES: Final = """\
All Zyte pages: the reference is `newsextract.fields.dateline.parse_dateline` on the first line
of the ground truth's articleBody, i.e. what a correct body's first paragraph opens with. It
is newsextract's own grammar, so this part measures whether our pipeline finds that paragraph
and reads it, not whether the grammar is right: the lists below let a reader check the
grammar."""


def _write_json(path: Path, payload: dict[str, Any]) -> None:
    def default(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.asdict(value)
        if isinstance(value, datetime | date):
            return value.isoformat()
        if isinstance(value, StrEnum):
            return str(value)
        raise TypeError(f"not JSON serialisable: {type(value).__name__}")

    def encode(result: PageResult) -> dict[str, Any]:
        return {
            "dataset": result.dataset,
            "page": result.page,
            "url": result.url,
            "tool": result.tool,
            "error": result.error,
            "fields": {
                f.field: {
                    "outcome": str(f.outcome),
                    "ours": f.ours,
                    "label": f.label,
                    **({"names": dataclasses.asdict(f.names)} if f.names else {}),
                    **({"items": dataclasses.asdict(f.items)} if f.items else {}),
                }
                for f in result.fields
            },
        }

    data = {
        key: [encode(r) for r in value] if key != "zyte_datelines" else value
        for key, value in payload.items()
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(data, default=default, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


SOURCE_KEYS: Final = {"zyte": "zyte_newsfields", "fundus": "fundus"}
"""The sources of the by-source table: its column name and the payload key of its results."""

LEGEND_SOURCES: Final = """\
Per field and source, newsextract only: the share of labelled pages right (a field labelled
"none" answered with none counts as right), authors as a set F1 over names and the share of
pages with no person labelled where we give one, captions and credits over labelled captions."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--json", type=Path, help="write the raw per-page results to this file")
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated parts to run (default: {','.join(PARTS)})",
    )
    parser.add_argument("--no-peers", action="store_true", help="skip trafilatura and newspaper4k")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the Zyte data set")
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, help="fixtures root")
    parser.add_argument("--fundus", type=Path, default=DEFAULT_FUNDUS, help="the fundus data set")
    parser.add_argument(
        "--misses", metavar="FIELD", help="list newsextract's misses of FIELD on every source"
    )
    args = parser.parse_args(argv)
    parts = [p.strip() for p in str(args.parts).split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        parser.error(f"unknown part(s) {unknown}; choose from {', '.join(PARTS)}")

    # Imported here: it builds on this module's records and outcomes (a cycle at the top).
    from benchmarks._fields_score import fundus_section, misses, source_table

    install_socket_guard()
    logging.basicConfig(level=logging.ERROR)
    for noisy in ("trafilatura", "newspaper", "htmldate", "courlan", "readability"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    tools = (NEWSEXTRACT,) if args.no_peers else (NEWSEXTRACT, *PEERS)
    payload: dict[str, Any] = {}
    out: list[str] = ["# News fields", ""]

    if "fixtures" in parts:
        cases = load_fixtures(args.fixtures)
        results = run_fixtures(cases, tools)
        payload["fixtures"] = results
        out += [f"## Fixtures ({len(cases)} pages)", "", LEGEND_FIELDS, "", LEGEND_FIXTURES, ""]
        out += [field_table(summarize(results, NEWSEXTRACT, FIXTURE_FIELDS)), ""]
        wrong = mistakes(results)
        out += ["Mistakes:", "", *(wrong or ["- none"]), ""]
        if len(tools) > 1:
            html_pages = sum(1 for c in cases if not c.plain_text)
            out += [f"### Fixtures, side by side ({html_pages} HTML pages)", "", LEGEND_PEERS, ""]
            out += [peer_table(results, tools), ""]

    zyte_ok = (args.data / "ground-truth.json").is_file()
    if not zyte_ok and ("newsfields" in parts or "datelines" in parts):
        out += [f"(Zyte data set not found at {args.data}: its parts are skipped.)", ""]

    if zyte_ok and "newsfields" in parts:
        labels_path = args.data / "newsfields.json"
        if labels_path.is_file():
            labels = load_newsfields(labels_path)
            pages = {p.id: p for p in load_pages(args.data, [label.id for label in labels])}
            results = run_newsfields(labels, pages, tools)
            payload["zyte_newsfields"] = results
            out += [f"## Zyte news fields ({len(labels)} labelled pages)", ""]
            out += [LEGEND_FIELDS, "", LEGEND_NEWSFIELDS, ""]
            out += [field_table(summarize(results, NEWSEXTRACT, NEWSFIELDS_FIELDS)), ""]
            unscored = [
                f
                for f in ("related",)
                if all(label.related_count_min is UNLABELLED for label in labels)
            ]
            if unscored:
                out += [f"Not labelled on any page, not scored: {', '.join(unscored)}.", ""]
            wrong = mistakes(results)
            out += ["Mistakes:", "", *(wrong or ["- none"]), ""]
            if len(tools) > 1:
                out += ["### Zyte news fields, side by side", "", LEGEND_PEERS, ""]
                out += [peer_table(results, tools), ""]
        else:
            out += [f"({labels_path} not found: the news-field part is skipped.)", ""]

    if "fundus" in parts:
        out += fundus_section(args.fundus, payload)
    by_source = {
        name: payload[key] for name, key in SOURCE_KEYS.items() if payload.get(key) is not None
    }
    if by_source:
        out += ["## Every field by source (newsextract)", "", LEGEND_SOURCES, ""]
        out += [source_table(by_source), ""]
    if args.misses:
        listed = [line for results in by_source.values() for line in misses(results, args.misses)]
        out += [f"## Misses: {args.misses}", "", *(listed or ["- none"]), ""]

    if zyte_ok and "datelines" in parts:
        checks = run_datelines(load_pages(args.data))
        payload["zyte_datelines"] = checks
        out += [f"## Zyte, all pages: datelines ({len(checks)} pages)", "", LEGEND_DATELINES, ""]
        out += [dateline_report(checks), ""]

    attempts = network_attempts()
    out.append(f"Network attempts blocked: {len(attempts)}.")
    print("\n".join(out))
    if args.json:
        _write_json(args.json, payload)
        print(f"\nRaw per-page results written to {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    # Run the imported module's main, so that this file and `_fields_score` share one set of
    # classes (a script is `__main__`, a second copy of `benchmarks.fields`).
    from benchmarks.fields import main as _main

    sys.exit(_main())
