#!/usr/bin/env python3
"""Body-text accuracy of newsextract and its peers on every development set (zyte, fundus, dragnet).

    python benchmarks/accuracy.py                          # every tool on every set
    python benchmarks/accuracy.py --source fundus --tools newsextract,trafilatura
    python benchmarks/accuracy.py --source zyte --split A  # one half of the sites
    python benchmarks/accuracy.py --page 0d46122928        # what newsextract missed and added
    python benchmarks/accuracy.py --source dragnet --page 100 --tools newsextract,goose3
    python benchmarks/accuracy.py --no-cache               # recompute the peers too

The metric is the Zyte benchmark's own (see `benchmarks/_metric.py`), applied to each set with
that set's gold (see `benchmarks/_data.py` for what each gold counts as body). A tool that
raises, or returns no text, counts as a failure and scores as an empty prediction. The peers'
outputs are cached (`benchmarks/_cache.py`), so a re-run recomputes newsextract only; their
pages/s then come from the stored timings and are marked so. Per-page scores go to
`benchmarks/results/accuracy-pages.csv`, the Markdown tables to
`benchmarks/results/accuracy-latest.md`. The network is blocked in this process before any
tool runs.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._accuracy_report import (
    PageResult,
    SourceRun,
    explain_page,
    hard_pages,
    report_failures,
    report_tables,
    summarize,
    worst_pages,
    write_csv,
)
from benchmarks._cache import CACHE_DIR, PeerCache
from benchmarks._data import DATASETS, SOURCES, Page, Source, load_pages
from benchmarks._metric import page_counts
from benchmarks._peers import (
    PEERS,
    TOOLS,
    blocked_network,
    extractor_for,
    install_socket_guard,
    network_attempts,
)

__all__ = ["evaluate", "main", "run_source", "run_tool", "summarize", "worst_pages"]

RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_OUT = RESULTS / "accuracy-pages.csv"
DEFAULT_MARKDOWN = RESULTS / "accuracy-latest.md"


# --- running the tools ----------------------------------------------------------------------


def _error_text(exc: Exception) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"


def run_page(tool: str, page: Page) -> PageResult:
    """One live call of the tool on the page; an exception becomes a failure with empty text."""
    extractor = extractor_for(tool, page.source)
    error: str | None = None
    start = time.perf_counter()
    try:
        text = extractor(page.html, page.url)
    except Exception as exc:  # a failing page must not stop the run
        text, error = "", _error_text(exc)
    seconds = time.perf_counter() - start
    if not isinstance(text, str):
        text, error = "", f"returned {type(text).__name__}, not str"
    return _scored(page, text, seconds, error, cached=False)


def _scored(
    page: Page, text: str, seconds: float, error: str | None, *, cached: bool
) -> PageResult:
    counts = page_counts(page.truth, text)
    return PageResult(page, text, seconds, error, counts, cached=cached)


def _warm_up(tool: str, page: Page) -> None:
    """Keep imports and first-call set-up out of the timings."""
    with contextlib.suppress(Exception):
        extractor_for(tool, page.source)(page.html, page.url)


def run_tool(tool: str, pages: Sequence[Page], cache: PeerCache | None = None) -> list[PageResult]:
    """Run one tool over the pages, taking (and adding to) the cache's outputs when given."""
    results: list[PageResult] = []
    warm = False
    try:
        for page in pages:
            hit = cache.get(page) if cache is not None else None
            if hit is not None:
                results.append(_scored(page, hit.text, hit.seconds, hit.error, cached=True))
                continue
            if not warm:
                _warm_up(tool, page)
                warm = True
            result = run_page(tool, page)
            if cache is not None:
                cache.put(page, result.text, result.error, result.seconds)
            results.append(result)
    finally:
        if cache is not None:
            cache.save()
    return results


def evaluate(
    tools: Sequence[str], pages: Sequence[Page], *, cache_dir: Path | None = None
) -> dict[str, list[PageResult]]:
    """Every tool's results on every page, with the network blocked.

    With `cache_dir`, the peers' outputs are read from and added to the cache there;
    newsextract always runs.
    """
    with blocked_network():
        return {tool: run_tool(tool, pages, _cache_for(tool, cache_dir)) for tool in tools}


def _cache_for(tool: str, cache_dir: Path | None) -> PeerCache | None:
    return PeerCache(tool, cache_dir) if cache_dir is not None and tool in PEERS else None


def run_source(
    source: Source, tools: Sequence[str], *, split: str | None, cache_dir: Path | None
) -> SourceRun:
    """Every tool on one set (one half of its sites with `split`), with progress on stderr."""
    pages = [p for p in load_pages(source) if split is None or p.split == split]
    results: dict[str, list[PageResult]] = {}
    for tool in tools:
        start = time.perf_counter()
        results[tool] = evaluate([tool], pages, cache_dir=cache_dir)[tool]
        cached = sum(r.cached for r in results[tool])
        print(
            f"ran {tool} on {source.name}: {len(pages)} pages ({cached} cached) "
            f"in {time.perf_counter() - start:.1f} s",
            file=sys.stderr,
        )
    return SourceRun(source, results)


# --- the command line -----------------------------------------------------------------------


def _parse_tools(value: str) -> list[str]:
    tools = [t.strip() for t in value.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown tool(s) {', '.join(unknown)}; choose from {', '.join(TOOLS)}"
        )
    return tools


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--tools",
        type=_parse_tools,
        default=None,
        help=f"comma-separated, from: {', '.join(TOOLS)} (default: all; with --page: newsextract)",
    )
    parser.add_argument(
        "--source",
        action="append",
        default=None,
        help=f"a set to score, repeatable or comma-separated: {', '.join(SOURCES)} (default: all)",
    )
    parser.add_argument("--page", help="explain one page (id or unique id prefix)")
    parser.add_argument(
        "--datasets", type=Path, default=DATASETS, help="the directory holding the sets"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="per-page scores CSV")
    parser.add_argument(
        "--markdown", type=Path, default=DEFAULT_MARKDOWN, help="where to save the tables"
    )
    parser.add_argument(
        "--split", choices=("A", "B"), default=None, help="score only half A or B of the sites"
    )
    parser.add_argument("--no-cache", action="store_true", help="recompute every peer's output")
    parser.add_argument("--worst", type=int, default=10, help="list each set's N worst pages")
    return parser


def _chosen_sources(names: Sequence[str] | None, datasets: Path) -> list[Source]:
    """The sets asked for (all by default), under `datasets`; exits on an unknown name."""
    wanted = [n.strip() for v in names or [",".join(SOURCES)] for n in v.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in SOURCES]
    if unknown:
        raise SystemExit(
            f"unknown source(s) {', '.join(unknown)}; choose from {', '.join(SOURCES)}"
        )
    return [SOURCES[name].at(datasets) for name in dict.fromkeys(wanted)]


def _resolve_page(sources: Sequence[Source], key: str) -> tuple[Source, str]:
    """The one page whose id is `key` (or, failing that, starts with it) in the sets."""
    ids = [
        (source, p.name.removesuffix(".html.gz"))
        for source in sources
        for p in sorted((source.dir / "html").glob("*.html.gz"))
    ]
    matches = [m for m in ids if m[1] == key] or [m for m in ids if m[1].startswith(key)]
    if len(matches) != 1:
        where = ", ".join(f"{s.name}/{i}" for s, i in matches[:5])
        raise SystemExit(
            f"--page {key!r} matches {len(matches)} pages{f' ({where})' if where else ''}, "
            "need exactly one (narrow it with --source)"
        )
    return matches[0]


def _explain(key: str, tools: Sequence[str], sources: Sequence[Source], cache: Path | None) -> int:
    source, page_id = _resolve_page(sources, key)
    print(explain_page(evaluate(tools, load_pages(source, [page_id]), cache_dir=cache)))
    return 0


def _score(args: argparse.Namespace, sources: Sequence[Source], cache: Path | None) -> int:
    tools = args.tools or list(TOOLS)
    runs = [run_source(s, tools, split=args.split, cache_dir=cache) for s in sources]
    tables = report_tables(runs, halves=args.split is None)
    print(tables)
    args.markdown.parent.mkdir(parents=True, exist_ok=True)
    args.markdown.write_text(tables, encoding="utf-8")
    for text in (report_failures(runs), hard_pages(runs)):
        if text:
            print(text + "\n")
    if args.worst > 0:
        for run in runs:
            print(worst_pages(tools[0], run.results[tools[0]], args.worst, run.source) + "\n")
    attempts = network_attempts()
    if attempts:
        print(f"Blocked {len(attempts)} network attempts, e.g. {attempts[0]}\n")
    write_csv(args.out, runs)
    print(f"Per-page scores: {args.out}\nTables: {args.markdown}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    warnings.simplefilter("ignore")
    install_socket_guard()  # for the whole run (evaluate() also guards when used alone)
    sources = _chosen_sources(args.source, args.datasets)
    missing = [s for s in sources if not s.available]
    for source in missing:
        print(f"no data set at {source.dir}: {source.name} skipped", file=sys.stderr)
    sources = [s for s in sources if s.available]
    if not sources:
        print(f"no data set under {args.datasets} (give --datasets DIR)", file=sys.stderr)
        return 2
    cache = None if args.no_cache else CACHE_DIR
    if args.page:
        return _explain(args.page, args.tools or ["newsextract"], sources, cache)
    return _score(args, sources, cache)


if __name__ == "__main__":
    sys.exit(main())
