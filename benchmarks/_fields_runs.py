"""What each tool gives for a page, each field of a page scored against its label (fixtures,
Zyte news-field labels), and the runs over a data set, for `benchmarks/fields.py`.

The fundus labels are scored in `benchmarks._fields_score`.
"""

from __future__ import annotations

import dataclasses
import importlib
import sys
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from benchmarks._data import Page, decode_page
from benchmarks._fields_data import (
    UNLABELLED,
    FixtureCase,
    NewsLabel,
)
from benchmarks._fields_match import (
    FIXTURE_FIELDS,
    NEWSEXTRACT,
    NEWSFIELDS_FIELDS,
    PEER_FIELDS,
    FieldResult,
    ItemCounts,
    Outcome,
    Record,
    caption_counts,
    judge,
    name_counts,
    normalize,
    related_counts,
    same_day,
    same_text,
    starts_with_any,
)
from benchmarks._fields_related import RelatedLabel, labels_for, score_related


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
        related_links=tuple((r.text, r.url) for r in article.related),
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


def run_tool(tool: str, html: bytes, text: str, url: str | None) -> Record:
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


def score_text(name: str, got: str | None, labels: Sequence[str] | None) -> FieldResult:
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


def captions_json(
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


def _score_captions(
    record: Record, wanted: Sequence[tuple[str, str | None]], *, labelled_by_start: bool
) -> FieldResult:
    """Our captions against labelled ones (text and credit). A fixture labels every caption
    whole; a Zyte label gives each caption's start and may leave captions out."""
    items = caption_counts(wanted, record.captions, prefix=labelled_by_start)
    complete = not labelled_by_start
    outcome = _list_outcome(len(record.captions), items, complete=complete, credits=True)
    key = "text_start" if labelled_by_start else "text"
    return FieldResult(
        "captions",
        outcome,
        captions_json(record.captions),
        captions_json(wanted, key),
        items=items,
    )


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
                score_text(name, getattr(record, name), None if want is None else [want])
            )
        elif name == "authors":
            results.append(_score_authors(record.authors, want or ()))
        elif name == "published":
            results.append(_score_published(record.published, None if want is None else [want]))
        elif name == "captions":
            wanted = [(c["text"], c.get("credit")) for c in want or ()]
            results.append(_score_captions(record, wanted, labelled_by_start=False))
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
    record: Record,
    label: NewsLabel,
    fields: Iterable[str] = NEWSFIELDS_FIELDS,
    *,
    related: RelatedLabel | None = None,
    page_url: str | None = None,
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
            results.append(score_text(name, record.headline, label.headlines))
        elif name in ("dateline", "agency"):
            value = label.dateline if name == "dateline" else label.agency
            if value is not UNLABELLED:
                labels = None if value is None else [value]
                results.append(score_text(name, getattr(record, name), labels))
        elif name == "authors" and label.authors is not UNLABELLED:
            results.append(_score_authors(record.authors, label.authors))
        elif name == "published" and label.published_days is not UNLABELLED:
            results.append(_score_published(record.published, label.published_days))
        elif name == "captions" and label.captions is not UNLABELLED:
            wanted = [(c.text_start, c.credit) for c in label.captions]
            results.append(_score_captions(record, wanted, labelled_by_start=True))
        elif name == "related" and related is not None:
            results.append(score_related(record.related_links, related, page_url))
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
            record = run_tool(tool, raw, text, case.url)
            fields = FIXTURE_FIELDS if tool == NEWSEXTRACT else PEER_FIELDS
            scored = tuple(score_fixture(record, case.expected, fields))
            results.append(PageResult("fixtures", case.name, case.url, tool, scored, record.error))
    return results


def run_newsfields(
    labels: Sequence[NewsLabel],
    pages: Mapping[str, Page],
    tools: Sequence[str] = (NEWSEXTRACT,),
    related: Mapping[str, tuple[str, ...]] | None = None,
) -> list[PageResult]:
    """Each tool on each labelled Zyte page (peers on `PEER_FIELDS`); related links against
    `related` (`source:id` -> hrefs, `benchmarks._fields_related.load_related`) when given."""
    results: list[PageResult] = []
    for label in labels:
        page = pages[label.id]
        text = decode_page(page.html)
        links = labels_for("zyte", related or {}, label.id, page.html)
        for tool in tools:
            record = run_tool(tool, page.html, text, page.url)
            fields = NEWSFIELDS_FIELDS if tool == NEWSEXTRACT else PEER_FIELDS
            scored = tuple(
                score_newsfields(record, label, fields, related=links, page_url=page.url)
            )
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
        record = run_tool(NEWSEXTRACT, page.html, "", page.url)
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
