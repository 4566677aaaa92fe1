"""The tables, lists and legends `benchmarks/fields.py` prints, and its `--json` file."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from benchmarks._fields_match import (
    NEWSEXTRACT,
    PEER_FIELDS,
    ItemCounts,
    NameCounts,
    Outcome,
)
from benchmarks._fields_runs import DatelineCheck, PageResult

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


def shorten(value: Any, width: int = 90) -> str:
    if value is None:
        return "None"
    if isinstance(value, list | tuple):
        if value and isinstance(value[0], dict):  # captions: text (or text_start) and credit
            shown = [
                f"{shorten(next(iter(c.values())), 40)} [{c.get('credit')}]" for c in value[:4]
            ]
        else:
            shown = [shorten(v, 60) for v in value[:6]]
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
                f"- `{page}` **{f.field}** ({f.outcome}){extra}: ours `{shorten(f.ours)}` — "
                f"label `{shorten(f.label)}`"
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
    return shorten(text, width).replace("|", "\\|")


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


def write_json(path: Path, payload: dict[str, Any]) -> None:
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
