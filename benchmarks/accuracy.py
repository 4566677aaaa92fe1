#!/usr/bin/env python3
"""Body-text accuracy of newsextract and its peers on the Zyte article-extraction benchmark.

    python benchmarks/accuracy.py                      # every tool, all pages, halves A and B
    python benchmarks/accuracy.py --tools newsextract,trafilatura --split A
    python benchmarks/accuracy.py --page 0d46122928    # what newsextract missed and added
    python benchmarks/accuracy.py --page 0d46122928 --tools newsextract,trafilatura

The metric is the benchmark's own (see `benchmarks/_metric.py`). A tool that raises, or returns
no text, counts as a failure and scores as an empty prediction. Per-page scores go to
`benchmarks/results/accuracy-pages.csv`, worst pages of the first tool first. The network is
blocked in this process before any tool runs.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import logging
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import DEFAULT_DATA, Page, load_pages
from benchmarks._metric import PageCounts, Scores, aggregate, page_counts, unmatched_spans
from benchmarks._peers import (
    BASELINE,
    TOOLS,
    blocked_network,
    install_socket_guard,
    network_attempts,
)

DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "accuracy-pages.csv"
SPLITS = ("all", "A", "B")


@dataclass(frozen=True, slots=True)
class PageResult:
    """One tool's output on one page, with its score and how long it took."""

    page: Page
    text: str
    seconds: float
    error: str | None
    counts: PageCounts

    @property
    def failed(self) -> bool:
        return self.error is not None or not self.text.strip()


@dataclass(frozen=True, slots=True)
class ToolSummary:
    tool: str
    scores: Scores
    pages_per_second: float
    failures: int


def run_tool(tool: str, pages: Sequence[Page]) -> list[PageResult]:
    """Run one tool over the pages; an exception becomes a failure with empty text."""
    extractor = TOOLS[tool]
    if pages:  # warm-up: keep imports and first-call set-up out of the timings
        with contextlib.suppress(Exception):
            extractor(pages[0].html, pages[0].url)
    results: list[PageResult] = []
    for page in pages:
        error: str | None = None
        start = time.perf_counter()
        try:
            text = extractor(page.html, page.url)
        except Exception as exc:  # a failing page must not stop the run
            text, error = "", f"{type(exc).__name__}: {' '.join(str(exc).split())}"
        seconds = time.perf_counter() - start
        if not isinstance(text, str):
            text, error = "", f"returned {type(text).__name__}, not str"
        results.append(
            PageResult(
                page=page,
                text=text,
                seconds=seconds,
                error=error,
                counts=page_counts(page.truth, text),
            )
        )
    return results


def evaluate(tools: Sequence[str], pages: Sequence[Page]) -> dict[str, list[PageResult]]:
    """Every tool's results on every page, with the network blocked."""
    with blocked_network():
        return {tool: run_tool(tool, pages) for tool in tools}


def summarize(tool: str, results: Sequence[PageResult]) -> ToolSummary:
    seconds = sum(r.seconds for r in results)
    return ToolSummary(
        tool=tool,
        scores=aggregate(r.counts for r in results),
        pages_per_second=len(results) / seconds if seconds > 0 else 0.0,
        failures=sum(r.failed for r in results),
    )


def markdown_table(summaries: Sequence[ToolSummary]) -> str:
    """The scores as a Markdown table, with F1 and speed as ratios to the baseline's."""
    base = next((s for s in summaries if s.tool == BASELINE), None)
    lines = [
        f"| tool | P | R | F1 | exact | pages/s | failures | F1 / {BASELINE} "
        f"| speed / {BASELINE} |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in summaries:
        f1_ratio = speed_ratio = "-"
        if base is not None and base.scores.f1 > 0:
            f1_ratio = f"{s.scores.f1 / base.scores.f1:.3f}"
        if base is not None and base.pages_per_second > 0:
            speed_ratio = f"{s.pages_per_second / base.pages_per_second:.2f}x"
        lines.append(
            f"| {s.tool} | {s.scores.precision:.3f} | {s.scores.recall:.3f} "
            f"| {s.scores.f1:.3f} | {s.scores.accuracy:.3f} | {s.pages_per_second:.1f} "
            f"| {s.failures} | {f1_ratio} | {speed_ratio} |"
        )
    return "\n".join(lines)


def report_tables(results: dict[str, list[PageResult]], splits: Sequence[str]) -> str:
    out: list[str] = []
    for split in splits:
        chosen = {
            tool: [r for r in rs if split in ("all", r.page.split)] for tool, rs in results.items()
        }
        any_results = next(iter(chosen.values()), [])
        n_pages = len(any_results)
        n_sites = len({r.page.site for r in any_results})
        title = "All pages" if split == "all" else f"Split {split}"
        out.append(f"### {title}: {n_pages} pages, {n_sites} sites\n")
        if n_pages:
            out.append(markdown_table([summarize(t, rs) for t, rs in chosen.items()]))
        out.append("")
    return "\n".join(out)


def report_failures(results: dict[str, list[PageResult]], limit: int = 5) -> str:
    lines: list[str] = []
    for tool, rs in results.items():
        failed = [r for r in rs if r.failed]
        if not failed:
            continue
        lines.append(f"{tool}: {len(failed)} failures")
        for r in failed[:limit]:
            lines.append(f"  {r.page.id[:12]} {r.page.site}: {r.error or 'empty output'}")
        if len(failed) > limit:
            lines.append(f"  ... and {len(failed) - limit} more (see the CSV)")
    return "\n".join(lines)


def worst_pages(tool: str, results: Sequence[PageResult], count: int) -> str:
    ranked = sorted(results, key=lambda r: r.counts.f1)[:count]
    lines = [f"Worst {len(ranked)} pages for {tool} (id, split, site, F1, P, R):"]
    for r in ranked:
        lines.append(
            f"  {r.page.id[:12]} {r.page.split} {r.page.site:<32} F1={r.counts.f1:.3f} "
            f"P={_fmt(r.counts.precision)} R={_fmt(r.counts.recall)}"
            + (f"  [{r.error}]" if r.error else "")
        )
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def write_csv(path: Path, results: dict[str, list[PageResult]]) -> None:
    """One row per page (worst pages of the first tool first): id, url, P/R/F1 per tool."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tools = list(results)
    if not tools:
        return
    by_page = {tool: {r.page.id: r for r in rs} for tool, rs in results.items()}
    first = results[tools[0]]
    order = [r.page for r in sorted(first, key=lambda r: r.counts.f1)]
    header = ["id", "url", "site", "split"]
    for tool in tools:
        header += [f"{tool}_P", f"{tool}_R", f"{tool}_F1", f"{tool}_error"]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for page in order:
            row: list[str] = [page.id, page.url or "", page.site, page.split]
            for tool in tools:
                r = by_page[tool][page.id]
                error = r.error or ("empty output" if r.failed else "")
                row += [_csv_num(r.counts.precision), _csv_num(r.counts.recall)]
                row += [_csv_num(r.counts.f1), error]
            writer.writerow(row)


def _csv_num(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def explain_page(results: dict[str, list[PageResult]]) -> str:
    """For one page and each tool: its scores, the truth it missed, the text it added."""
    out: list[str] = []
    for tool, rs in results.items():
        for r in rs:
            c = r.counts
            out.append(f"## {tool} on {r.page.id} ({r.page.url})")
            out.append(
                f"P={_fmt(c.precision)} R={_fmt(c.recall)} F1={c.f1:.3f} "
                f"tp={c.tp} fp={c.fp} fn={c.fn} exact={c.exact} time={r.seconds * 1000:.0f} ms"
            )
            if r.error:
                out.append(f"ERROR: {r.error}")
            for label, spans in (
                ("Missed (in the truth, not in the output)", unmatched_spans(r.page.truth, r.text)),
                ("Extra (in the output, not in the truth)", unmatched_spans(r.text, r.page.truth)),
            ):
                out.append(f"\n### {label}: {len(spans)} passages")
                out.extend(f"- {' '.join(span.split())}" for span in spans)
            out.append("")
    return "\n".join(out)


def _resolve_page(pages_dir: Path, key: str) -> str:
    ids = sorted(p.name.removesuffix(".html.gz") for p in (pages_dir / "html").glob("*.html.gz"))
    matches = [i for i in ids if i.startswith(key)]
    if len(matches) != 1:
        raise SystemExit(f"--page {key!r} matches {len(matches)} pages, need exactly one")
    return matches[0]


def _parse_tools(value: str) -> list[str]:
    tools = [t.strip() for t in value.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown tool(s) {', '.join(unknown)}; choose from {', '.join(TOOLS)}"
        )
    return tools


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--tools",
        type=_parse_tools,
        default=None,
        help=f"comma-separated, from: {', '.join(TOOLS)} (default: all; with --page: newsextract)",
    )
    parser.add_argument("--page", help="explain one page (id or unique id prefix)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the Zyte data directory")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="per-page scores CSV")
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default=None,
        help="score only half A or B of the sites (default: print all, A and B)",
    )
    parser.add_argument("--worst", type=int, default=10, help="list the N worst pages")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.ERROR)
    warnings.simplefilter("ignore")
    install_socket_guard()  # for the whole run (evaluate() also guards when used alone)
    if not (args.data / "ground-truth.json").is_file():
        print(f"no data set at {args.data} (give --data DIR)", file=sys.stderr)
        return 2

    if args.page:
        tools = args.tools or ["newsextract"]
        pages = load_pages(args.data, [_resolve_page(args.data, args.page)])
        print(explain_page(evaluate(tools, pages)))
        return 0

    tools = args.tools or list(TOOLS)
    pages = load_pages(args.data)
    if args.split in ("A", "B"):
        pages = [p for p in pages if p.split == args.split]
        splits: Sequence[str] = [args.split]
    else:
        splits = ["all"] if args.split == "all" else SPLITS

    results: dict[str, list[PageResult]] = {}
    for tool in tools:
        start = time.perf_counter()
        results[tool] = evaluate([tool], pages)[tool]
        print(
            f"ran {tool} on {len(pages)} pages in {time.perf_counter() - start:.1f} s",
            file=sys.stderr,
        )

    print(report_tables(results, splits))
    failures = report_failures(results)
    if failures:
        print("Failures (exception or empty output, scored as empty text):")
        print(failures + "\n")
    first = tools[0]
    if args.worst > 0:
        print(worst_pages(first, results[first], args.worst) + "\n")
    attempts = network_attempts()
    if attempts:
        print(f"Blocked {len(attempts)} network attempts, e.g. {attempts[0]}\n")
    write_csv(args.out, results)
    print(f"Per-page scores: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
