"""Scoring the fundus labels, the per-source summary table and the `--misses` list of fields.py.

Imported by `benchmarks.fields.main`; the records and outcomes are `benchmarks._fields_match`'s.
The fundus quirks and how they are scored are in `benchmarks._fields_fundus`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from benchmarks._data import Page, decode_page, load_pages
from benchmarks._fields_fundus import (
    FundusLabel,
    credit_right,
    load_fundus,
    people,
    same_caption,
    same_credit_only,
    same_standfirst,
)
from benchmarks._fields_match import (
    NEWSEXTRACT,
    FieldResult,
    ItemCounts,
    NameCounts,
    Outcome,
    Record,
    judge,
    name_counts,
    same_day,
)
from benchmarks._fields_related import (
    RelatedLabel,
    labels_for,
    load_related,
    related_measures,
    score_related,
)
from benchmarks._fields_report import shorten
from benchmarks._fields_runs import (
    PageResult,
    captions_json,
    run_tool,
    score_newsfields,
    score_text,
)

__all__ = [
    "SOURCE_FIELDS",
    "fundus_section",
    "misses",
    "run_fundus",
    "score_fundus",
    "source_table",
]

SOURCE_FIELDS: Final = (
    *("headline", "standfirst", "dateline", "agency", "authors", "published", "captions"),
    *("first paragraph", "related"),
)
"""The fields of the per-source table, in its order."""


def _score_people(got: Sequence[str], want: Sequence[str], publisher: str) -> FieldResult:
    """Authors as sets of people: organisations dropped from both sides first."""
    ours, theirs = people(got, publisher), people(want, publisher)
    counts = name_counts(ours, theirs)
    outcome = judge(bool(ours), bool(theirs), counts.fp == 0 and counts.fn == 0)
    return FieldResult("authors", outcome, list(got), list(theirs), names=counts)


def _score_fundus_captions(
    got: Sequence[tuple[str, str | None]], want: Sequence[tuple[str, str | None]]
) -> FieldResult:
    """Each labelled caption matched to the first unused caption of ours (`same_caption`)."""
    used: set[int] = set()
    found = credits = 0
    for text, credit in want:
        index = next(
            (
                i
                for i, (t, c) in enumerate(got)
                if i not in used
                and (same_caption(t, text) if text else same_credit_only((t, c), (text, credit)))
            ),
            None,
        )
        if index is None:
            continue
        used.add(index)
        found += 1
        credits += credit_right(got[index][1], credit, text)
    items = ItemCounts(len(want), found, credits, len(got) - found, 0)
    right = found == len(want) and credits == len(want)
    outcome = judge(bool(got), bool(want), right)
    return FieldResult("captions", outcome, captions_json(got), captions_json(want), items=items)


def score_fundus(
    record: Record,
    label: FundusLabel,
    related: RelatedLabel | None = None,
    page_url: str | None = None,
) -> list[FieldResult]:
    """Our record against one fundus page: the parser gold, then the hand labels (dateline,
    agency, first paragraph; related links when `related` is given)."""
    results = [
        score_text("headline", record.headline, [label.headline] if label.headline else None)
    ]
    standfirst_ok = same_standfirst(record.standfirst, label.standfirst)
    results.append(
        FieldResult(
            "standfirst",
            judge(bool(record.standfirst), label.standfirst is not None, standfirst_ok),
            record.standfirst,
            label.standfirst,
        )
    )
    if label.authors is not None:
        results.append(_score_people(record.authors, label.authors, label.publisher))
    if label.published:
        day = [label.published]
        results.append(
            FieldResult(
                "published",
                judge(record.published is not None, True, same_day(record.published, day)),
                record.published,
                label.published,
            )
        )
    if label.captions:
        results.append(_score_fundus_captions(record.captions, label.captions))
    if label.news is not None:
        fields = ("dateline", "agency", "first paragraph")
        results.extend(score_newsfields(record, label.news, fields))
    if related is not None:
        results.append(score_related(record.related_links, related, page_url))
    return results


def run_fundus(
    labels: Sequence[FundusLabel],
    pages: Mapping[str, Page],
    related: Mapping[str, tuple[str, ...]] | None = None,
) -> list[PageResult]:
    """newsextract on each labelled fundus page that the data set holds; related links against
    `related` (`source:id` -> hrefs) on the pages it labels."""
    results: list[PageResult] = []
    for label in labels:
        page = pages.get(label.id)
        if page is None:
            continue
        record = run_tool(NEWSEXTRACT, page.html, decode_page(page.html), page.url)
        links = labels_for("fundus", related or {}, label.id, page.html)
        scored = tuple(score_fundus(record, label, links, page.url))
        results.append(PageResult("fundus", label.id, page.url, NEWSEXTRACT, scored, record.error))
    return results


# --- the per-source table ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Column:
    """One source's results for one field."""

    fields: tuple[FieldResult, ...]

    def share(self, ok: Callable[[FieldResult], bool]) -> str:
        if not self.fields:
            return ""
        right = sum(1 for f in self.fields if ok(f))
        return f"{right / len(self.fields):.2f} ({right}/{len(self.fields)})"

    def names(self) -> NameCounts:
        total = NameCounts()
        for f in self.fields:
            total = total + (f.names or NameCounts())
        return total

    def items(self) -> ItemCounts:
        total = ItemCounts()
        for f in self.fields:
            total = total + (f.items or ItemCounts())
        return total


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else ""


def _measures(column: _Column, field: str) -> list[tuple[str, str]]:
    """The rows one field gives: the share right, or the list measures of authors/captions."""
    right = column.share(lambda f: f.outcome is Outcome.RIGHT)
    if field == "authors":
        f1 = column.names().f1
        authorless = [f for f in column.fields if not f.label]
        given = sum(1 for f in authorless if f.outcome is Outcome.FALSE_POS)
        return [
            ("authors, set F1 (people)", "" if f1 is None else f"{f1:.2f}"),
            ("author-less pages given a name", _ratio(given, len(authorless))),
        ]
    if field == "captions":
        items = column.items()
        return [
            ("captions found", _ratio(items.found, items.labelled)),
            ("caption credit right", _ratio(items.credit_right, items.labelled)),
        ]
    if field == "related":
        return related_measures(column.fields)
    if field in ("dateline", "agency"):
        false = sum(1 for f in column.fields if f.outcome is Outcome.FALSE_POS)
        none = sum(1 for f in column.fields if f.label is None)
        return [
            (f"{field} right", right),
            (f"{field}: false pos / pages with none", _ratio(false, none)),
        ]
    return [(f"{field} right", right)]


def source_table(sources: Mapping[str, Sequence[PageResult]]) -> str:
    """Markdown: one row per measure, one column per source (newsextract only)."""
    names = list(sources)
    out = ["| field | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    for field in SOURCE_FIELDS:
        columns = [
            _Column(
                tuple(
                    f
                    for r in sources[name]
                    if r.tool == NEWSEXTRACT
                    for f in r.fields
                    if f.field == field
                )
            )
            for name in names
        ]
        if not any(c.fields for c in columns):
            continue
        per_source = [_measures(c, field) if c.fields else [] for c in columns]
        labels = next(m for m in per_source if m)
        for row, (label, _) in enumerate(labels):
            cells = [m[row][1] if m else "" for m in per_source]
            out.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def misses(results: Iterable[PageResult], field: str) -> list[str]:
    """One line per page where newsextract's `field` is not right: page, got, expected."""
    lines: list[str] = []
    for result in results:
        if result.tool != NEWSEXTRACT:
            continue
        for f in result.fields:
            if f.field == field and f.outcome is not Outcome.RIGHT:
                lines.append(
                    f"- `{result.dataset}:{result.page}` ({f.outcome}): got `{shorten(f.ours)}`"
                    f" — expected `{shorten(f.label)}`"
                )
    return lines


LEGEND_FUNDUS: Final = """\
Fundus: the parser gold of `fields.json` (headline exact; standfirst equal or one a prefix of
the other; authors as sets of people, organisations dropped from both sides; published on
the gold's day; a caption found when its text and ours are equal or one a prefix of the other,
its credit right when equal, or, with a `null` gold credit, none or printed inside the gold
text; a credit-only caption, with no gold text, found only by one of ours with no text and
the same credit) and the hand labels of `newsfields.json` (dateline, agency, first paragraph
start, scored as the Zyte labels). See `benchmarks/_fields_fundus.py` for the quirks."""


def fundus_section(root: Path, payload: dict[str, Any]) -> list[str]:
    """Run the fundus part: its results go to `payload["fundus"]`, its report lines returned."""
    labels = load_fundus(root)
    if not labels or not (root / "ground-truth.json").is_file():
        return [f"(fundus labels not found at {root}: the fundus part is skipped.)", ""]
    pages = {p.id: p for p in load_pages(root, [label.id for label in labels])}
    payload["fundus"] = run_fundus(labels, pages, load_related())
    hand = sum(1 for label in labels if label.news is not None)
    return [
        f"## Fundus ({len(labels)} pages; dateline and agency hand-labelled on {hand})",
        "",
        LEGEND_FUNDUS,
        "",
    ]
