"""The accuracy script's results and their reports: Markdown tables, failures, the CSV, one page.

Kept apart from `accuracy.py`, which runs the tools, so that each file does one job.
"""

from __future__ import annotations

import csv
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks._cache import tool_version
from benchmarks._data import Page, Source
from benchmarks._metric import PageCounts, Scores, aggregate, unmatched_spans
from benchmarks._peers import BASELINE, PEERS

__all__ = [
    "HARD_F1",
    "PageResult",
    "SourceRun",
    "ToolSummary",
    "explain_page",
    "hard_pages",
    "markdown_table",
    "report_failures",
    "report_tables",
    "summarize",
    "worst_pages",
    "write_csv",
]

HARD_F1 = 0.5
"""A page is hard for every tool when none of them scores a page F1 above this."""


@dataclass(frozen=True, slots=True)
class PageResult:
    """One tool's output on one page, with its score and how long it took."""

    page: Page
    text: str
    seconds: float
    error: str | None
    counts: PageCounts
    cached: bool = False
    """The text and seconds come from the cache (an earlier run), not from this run."""

    @property
    def failed(self) -> bool:
        return self.error is not None or not self.text.strip()


@dataclass(frozen=True, slots=True)
class SourceRun:
    """Every tool's results on one set: tool -> one result per page, in page order."""

    source: Source
    results: dict[str, list[PageResult]]

    @property
    def pages(self) -> list[Page]:
        return [r.page for r in next(iter(self.results.values()), [])]


@dataclass(frozen=True, slots=True)
class ToolSummary:
    tool: str
    scores: Scores
    pages_per_second: float
    failures: int
    cached: int
    """How many of the pages' timings come from the cache."""


def summarize(tool: str, results: Sequence[PageResult]) -> ToolSummary:
    seconds = sum(r.seconds for r in results)
    return ToolSummary(
        tool=tool,
        scores=aggregate(r.counts for r in results),
        pages_per_second=len(results) / seconds if seconds > 0 else 0.0,
        failures=sum(r.failed for r in results),
        cached=sum(r.cached for r in results),
    )


def _f1(results: Sequence[PageResult]) -> float:
    return aggregate(r.counts for r in results).f1


def _short(page_id: str) -> str:
    """A page id for a listing: the Zyte set's 64-hex-digit ids cut to 12 digits."""
    return page_id[:12] if len(page_id) > 40 else page_id


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _header(cells: Sequence[str], left: int = 1) -> list[str]:
    """A Markdown header row and its rule, the first `left` columns left-aligned."""
    rule = ["---"] * left + ["---:"] * (len(cells) - left)
    return [_row(cells), _row(rule)]


# --- tables ---------------------------------------------------------------------------------


def markdown_table(summaries: Sequence[ToolSummary]) -> str:
    """The scores as a Markdown table, with F1 and speed as ratios to the baseline's.

    pages/s computed from cached timings carry a `*`.
    """
    base = next((s for s in summaries if s.tool == BASELINE), None)
    lines = _header(
        [
            *("tool", "P", "R", "F1", "exact", "pages/s", "failures"),
            *(f"F1 / {BASELINE}", f"speed / {BASELINE}"),
        ]
    )
    for s in summaries:
        f1_ratio = speed_ratio = "-"
        if base is not None and base.scores.f1 > 0:
            f1_ratio = f"{s.scores.f1 / base.scores.f1:.3f}"
        if base is not None and base.pages_per_second > 0:
            speed_ratio = f"{s.pages_per_second / base.pages_per_second:.2f}x"
        speed = f"{s.pages_per_second:.1f}{'*' if s.cached else ''}"
        sc = s.scores
        cells = [s.tool, _fmt(sc.precision), _fmt(sc.recall), _fmt(sc.f1), _fmt(sc.accuracy)]
        lines.append(_row([*cells, speed, s.failures, f1_ratio, speed_ratio]))
    return "\n".join(lines)


def source_section(run: SourceRun) -> str:
    pages = run.pages
    sites = len({p.site for p in pages if p.site})
    summaries = [summarize(tool, rs) for tool, rs in run.results.items()]
    lines = [
        f"### {run.source.name}: {len(pages)} pages" + (f", {sites} sites" if sites else ""),
        "",
        f"Gold: {run.source.notes}.",
        "",
        markdown_table(summaries),
    ]
    if any(s.cached for s in summaries):
        lines += ["", _cached_note(summaries)]
    return "\n".join(lines)


def _cached_note(summaries: Sequence[ToolSummary]) -> str:
    cached = ", ".join(
        s.tool + ("" if s.cached == s.scores.pages else f" ({s.cached} of {s.scores.pages})")
        for s in summaries
        if s.cached
    )
    return (
        f"\\* cached timings: pages/s of {cached} from the seconds stored with the cached "
        "text by the run that computed it, not measured in this run."
    )


def mean_table(runs: Sequence[SourceRun]) -> str:
    """Each tool's F1 on each set, and their mean (every set weighs the same)."""
    tools = list(runs[0].results)
    names = [run.source.name for run in runs]
    f1s = {tool: [_f1(run.results[tool]) for run in runs] for tool in tools}
    means = {tool: statistics.fmean(values) for tool, values in f1s.items()}
    base = means.get(BASELINE)
    lines = _header(["tool", *names, "mean F1", f"mean / {BASELINE}"])
    for tool in tools:
        ratio = f"{means[tool] / base:.3f}" if base else "-"
        lines.append(_row([tool, *(_fmt(v) for v in f1s[tool]), _fmt(means[tool]), ratio]))
    return "\n".join(lines)


def halves_table(runs: Sequence[SourceRun]) -> str:
    """F1 on halves A and B of each set (split by a hash of the site, or of the page id)."""
    tools = list(runs[0].results)
    columns = [(run, half) for run in runs for half in ("A", "B")]
    header = [
        f"{run.source.name} {half} ({sum(p.split == half for p in run.pages)})"
        for run, half in columns
    ]
    lines = _header(["tool", *header])
    for tool in tools:
        cells = [_half_f1(run.results[tool], half) for run, half in columns]
        lines.append(_row([tool, *cells]))
    return "\n".join(lines)


def _half_f1(results: Sequence[PageResult], half: str) -> str:
    chosen = [r for r in results if r.page.split == half]
    return _fmt(_f1(chosen)) if chosen else "-"


def language_table(run: SourceRun) -> str:
    """Each tool's F1 per language of the set's pages, the largest groups first."""
    languages: dict[str, int] = {}
    for page in run.pages:
        key = page.language or "?"
        languages[key] = languages.get(key, 0) + 1
    tools = list(run.results)
    lines = _header(["language", "pages", *tools], left=1)
    for language, count in sorted(languages.items(), key=lambda item: (-item[1], item[0])):
        cells = [
            _fmt(_f1([r for r in run.results[tool] if (r.page.language or "?") == language]))
            for tool in tools
        ]
        lines.append(_row([language, count, *cells]))
    return "\n".join(lines)


def versions_line(tools: Sequence[str]) -> str:
    parts = [
        f"{tool} {tool_version(tool)}" if tool in PEERS else f"{tool} (this checkout)"
        for tool in tools
    ]
    return "Tools: " + ", ".join(parts) + "."


def report_tables(runs: Sequence[SourceRun], *, halves: bool = True) -> str:
    """Every table of the run as Markdown: one per set, the mean over sets, the halves, and
    the languages of sets that label them."""
    if not runs:
        return ""
    out = [versions_line(list(runs[0].results)), ""]
    for run in runs:
        out += [source_section(run), ""]
    if len(runs) > 1:
        out += ["### Mean F1 over the sets", "", mean_table(runs), ""]
    if halves:
        out += ["### Halves A and B (F1; pages split by a hash of the site, or of the id)", ""]
        out += [halves_table(runs), ""]
    for run in runs:
        if any(p.language for p in run.pages):
            out += [f"### {run.source.name} by language (F1)", "", language_table(run), ""]
    return "\n".join(out)


# --- lists ----------------------------------------------------------------------------------


def report_failures(runs: Sequence[SourceRun], limit: int = 5) -> str:
    lines: list[str] = []
    for run in runs:
        for tool, rs in run.results.items():
            failed = [r for r in rs if r.failed]
            if not failed:
                continue
            lines.append(f"{run.source.name} / {tool}: {len(failed)} failures")
            for r in failed[:limit]:
                lines.append(f"  {_short(r.page.id)} {r.page.site}: {r.error or 'empty output'}")
            if len(failed) > limit:
                lines.append(f"  ... and {len(failed) - limit} more (see the CSV)")
    if not lines:
        return ""
    return "Failures (exception or empty output, scored as empty text):\n" + "\n".join(lines)


def hard_pages(runs: Sequence[SourceRun]) -> str:
    """The pages on which no tool scores a page F1 above `HARD_F1`."""
    lines: list[str] = []
    for run in runs:
        for page, best_tool, best in _best_per_page(run):
            if best <= HARD_F1:
                lines.append(
                    f"  {run.source.name} {_short(page.id)} {page.site or '-'}: best {best_tool} "
                    f"F1={best:.3f} (gold {len(page.truth.split())} words)"
                )
    if not lines:
        return ""
    return f"Pages where no tool scores above F1 {HARD_F1} ({len(lines)}):\n" + "\n".join(lines)


def _best_per_page(run: SourceRun) -> list[tuple[Page, str, float]]:
    by_tool = {tool: {r.page.id: r for r in rs} for tool, rs in run.results.items()}
    best: list[tuple[Page, str, float]] = []
    for page in run.pages:
        tool = max(by_tool, key=lambda t: by_tool[t][page.id].counts.f1)
        best.append((page, tool, by_tool[tool][page.id].counts.f1))
    return best


def worst_pages(
    tool: str, results: Sequence[PageResult], count: int, source: Source | None = None
) -> str:
    ranked = sorted(results, key=lambda r: r.counts.f1)[:count]
    where = f" on {source.name}" if source is not None else ""
    lines = [f"Worst {len(ranked)} pages for {tool}{where} (id, split, site, F1, P, R):"]
    width = max((len(_short(r.page.id)) for r in ranked), default=0)
    for r in ranked:
        lines.append(
            f"  {_short(r.page.id):<{width}} {r.page.split} {r.page.site or '-':<24} "
            f"F1={r.counts.f1:.3f} "
            f"P={_fmt(r.counts.precision)} R={_fmt(r.counts.recall)}"
            + (f"  [{r.error}]" if r.error else "")
        )
    return "\n".join(lines)


# --- the CSV --------------------------------------------------------------------------------


def write_csv(path: Path, runs: Sequence[SourceRun]) -> None:
    """One row per page, set by set (worst pages of the first tool first): source, id, url,
    site, split, language, then P/R/F1 and error per tool."""
    if not runs or not runs[0].results:
        return
    tools = list(runs[0].results)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = ["source", "id", "url", "site", "split", "language"]
    for tool in tools:
        header += [f"{tool}_P", f"{tool}_R", f"{tool}_F1", f"{tool}_error"]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for run in runs:
            writer.writerows(_csv_rows(run, tools))


def _csv_rows(run: SourceRun, tools: Sequence[str]) -> list[list[str]]:
    by_page = {tool: {r.page.id: r for r in rs} for tool, rs in run.results.items()}
    order = sorted(run.results[tools[0]], key=lambda r: r.counts.f1)
    rows: list[list[str]] = []
    for first in order:
        page = first.page
        row = [run.source.name, page.id, page.url or "", page.site, page.split]
        row.append(page.language or "")
        for tool in tools:
            r = by_page[tool][page.id]
            c = r.counts
            row += [_csv_num(c.precision), _csv_num(c.recall), _csv_num(c.f1)]
            row.append(r.error or ("empty output" if r.failed else ""))
        rows.append(row)
    return rows


def _csv_num(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


# --- one page -------------------------------------------------------------------------------


def explain_page(results: dict[str, list[PageResult]]) -> str:
    """For one page and each tool: its scores, the truth it missed, the text it added."""
    out: list[str] = []
    for tool, rs in results.items():
        for r in rs:
            c = r.counts
            page = r.page
            language = f", {page.language}" if page.language else ""
            out.append(
                f"## {tool} on {page.source.name}/{page.id} ({page.url or 'no URL'}{language})"
            )
            timing = f"{r.seconds * 1000:.0f} ms" + (" (cached)" if r.cached else "")
            out.append(
                f"P={_fmt(c.precision)} R={_fmt(c.recall)} F1={c.f1:.3f} "
                f"tp={c.tp} fp={c.fp} fn={c.fn} exact={c.exact} time={timing}"
            )
            if r.error:
                out.append(f"ERROR: {r.error}")
            for label, spans in (
                ("Missed (in the truth, not in the output)", unmatched_spans(page.truth, r.text)),
                ("Extra (in the output, not in the truth)", unmatched_spans(r.text, page.truth)),
            ):
                out.append(f"\n### {label}: {len(spans)} passages")
                out.extend(f"- {' '.join(span.split())}" for span in spans)
            out.append("")
    return "\n".join(out)
