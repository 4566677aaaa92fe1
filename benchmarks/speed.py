#!/usr/bin/env python3
"""Speed and memory of newsextract and its peers, in one process, on pages held in memory.

    python benchmarks/speed.py                          # all tools, 3 rounds over 181 pages
    python benchmarks/speed.py --tools newsextract,trafilatura,lxml-parse --rounds 5
    python benchmarks/speed.py --size-curve --tools newsextract,trafilatura,lxml-parse

Reports, per tool: pages/s (median of --rounds full passes, the tools' order rotating from
round to round), time as a ratio to trafilatura's
and to the floor `lxml-parse` (`lxml.html.document_fromstring` alone), and the median over
pages of the tracemalloc peak during one page. Imports and first-call set-up are kept out of
the timings by one warm-up pass over a few pages. Also times `python -c "import newsextract"`
in fresh processes and says whether that import pulls in dateparser.

`--size-curve` times each tool per MB on synthetic pages of 10 KB to 10 MB, built in memory
by repeating one article's paragraphs.

Caveat: tracemalloc sees only memory that Python allocates. libxml2's trees (lxml) are
allocated in C and are not counted, so the memory column understates every lxml-based tool.
"""

from __future__ import annotations

import argparse
import html as html_lib
import logging
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import DEFAULT_DATA, load_pages
from benchmarks._peers import (
    BASELINE,
    TOOLS,
    Extractor,
    install_socket_guard,
    lxml_parse_only,
    network_attempts,
)

FLOOR = "lxml-parse"
SPEED_TOOLS: dict[str, Extractor] = {**TOOLS, FLOOR: lxml_parse_only}
DEFAULT_TOOLS = ("newsextract", "trafilatura", "readability-lxml", "newspaper4k", "goose3", FLOOR)
DEFAULT_SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
REPO = Path(__file__).resolve().parents[1]

Input = tuple[bytes, str | None]


@dataclass(frozen=True, slots=True)
class SpeedResult:
    tool: str
    pages: int
    round_seconds: tuple[float, ...]
    failures: int
    peak_bytes: float | None
    """Median over pages of the tracemalloc peak during one page; None if not measured."""

    @property
    def seconds(self) -> float:
        return statistics.median(self.round_seconds)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else float("inf")


def _call(extractor: Extractor, html: bytes, url: str | None) -> bool:
    """Run one page; True when it failed (raised)."""
    try:
        extractor(html, url)
    except Exception:
        return True
    return False


def warm_up(tools: Sequence[str], inputs: Sequence[Input], count: int = 3) -> None:
    """Import each library and let it build its caches, outside every timing."""
    for tool in tools:
        for html, url in inputs[:count]:
            _call(SPEED_TOOLS[tool], html, url)


def time_tools(
    tools: Sequence[str], inputs: Sequence[Input], rounds: int
) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Seconds for each full pass over the inputs, per tool (tools interleaved in each round),
    and the number of pages on which each tool raised (in the first round).

    The order of the tools rotates from round to round, so that no tool always runs right
    after the same other one: a pass that follows goose3's or newspaper4k's (which churn a
    lot of memory) measured up to 30% slower than the same pass after a light one.
    """
    times: dict[str, list[float]] = {tool: [] for tool in tools}
    failures: dict[str, int] = {}
    for round_number in range(rounds):
        shift = round_number % len(tools)
        for tool in (*tools[shift:], *tools[:shift]):
            extractor = SPEED_TOOLS[tool]
            failed = 0
            start = time.perf_counter()
            for html, url in inputs:
                failed += _call(extractor, html, url)
            times[tool].append(time.perf_counter() - start)
            failures.setdefault(tool, failed)
    return times, failures


def peak_memory(tool: str, inputs: Sequence[Input]) -> float:
    """Median over pages of the tracemalloc peak above the memory in use before the page."""
    extractor = SPEED_TOOLS[tool]
    peaks: list[int] = []
    tracemalloc.start()
    try:
        for html, url in inputs:
            tracemalloc.reset_peak()
            before, _ = tracemalloc.get_traced_memory()
            _call(extractor, html, url)
            _, peak = tracemalloc.get_traced_memory()
            peaks.append(peak - before)
    finally:
        tracemalloc.stop()
    return statistics.median(peaks)


def _ratio(value: float, base: float | None) -> str:
    return "-" if not base else f"{value / base:.2f}x"


def speed_table(results: Sequence[SpeedResult]) -> str:
    by_tool = {r.tool: r for r in results}
    base = by_tool[BASELINE].seconds if BASELINE in by_tool else None
    floor = by_tool[FLOOR].seconds if FLOOR in by_tool else None
    lines = [
        f"| tool | pages/s | ms/page | time / {BASELINE} | time / {FLOOR} "
        "| peak KiB/page (median) | failures |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        memory = "-" if r.peak_bytes is None else f"{r.peak_bytes / 1024:,.0f}"
        lines.append(
            f"| {r.tool} | {r.pages_per_second:.1f} | {1000 * r.seconds / r.pages:.1f} "
            f"| {_ratio(r.seconds, base)} | {_ratio(r.seconds, floor)} | {memory} "
            f"| {r.failures} |"
        )
    return "\n".join(lines)


# --- import time ----------------------------------------------------------------------------


def _child_env() -> dict[str, str]:
    """The environment for a fresh interpreter that can import this checkout's newsextract.

    Bytecode may be written: an installed package has its modules compiled, and a checkout
    edited since its last import would otherwise be timed compiling its sources.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    src = str(REPO / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH", "")) if p)
    return env


def _run_child(code: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_child_env(),
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    return elapsed, done.stdout.strip()


def import_report(runs: int) -> str:
    """Median time of `import newsextract` in fresh interpreters; whether dateparser loads."""
    try:
        _run_child("import newsextract")  # Writes the bytecode of any module edited since.
        bare = statistics.median(_run_child("pass")[0] for _ in range(runs))
        full = statistics.median(_run_child("import newsextract")[0] for _ in range(runs))
        _, loaded = _run_child("import newsextract, sys; print('dateparser' in sys.modules)")
    except RuntimeError as exc:
        return f"`import newsextract` failed in a fresh process: {exc}"
    return (
        f'`python -c "import newsextract"`: {1000 * full:.0f} ms median of {runs} '
        f"(bare interpreter {1000 * bare:.0f} ms, "
        f"so the import costs {1000 * (full - bare):.0f} ms); "
        f"dateparser imported: {loaded}"
    )


# --- size curve -----------------------------------------------------------------------------

_FALLBACK_PARAGRAPHS = (
    "The city council voted on Tuesday to extend the harbour tram line by four kilometres, "
    "ending a debate that had run for more than a decade.",
    "Supporters said the extension would cut commuting times for thousands of residents in the "
    "northern districts, while opponents questioned the cost.",
    "Construction is expected to begin next spring and to last about three years, the city's "
    "transport department said in a statement.",
)


def fixture_paragraphs(fixture: Path | None, data: Path) -> tuple[str, list[str]]:
    """Paragraphs to repeat: from --fixture, else the longest Zyte article, else built in."""
    if fixture is not None:
        raw = fixture.read_bytes()
        if fixture.suffix in {".html", ".htm"}:
            import lxml.html

            tree = lxml.html.document_fromstring(raw)
            paragraphs = [" ".join(p.text_content().split()) for p in tree.iter("p")]
        else:
            paragraphs = raw.decode("utf-8", errors="replace").splitlines()
        return fixture.name, [p.strip() for p in paragraphs if len(p.strip()) > 40]
    if (data / "ground-truth.json").is_file():
        page = max(load_pages(data), key=lambda p: len(p.truth))
        paragraphs = [p.strip() for p in page.truth.splitlines() if len(p.strip()) > 40]
        return f"Zyte page {page.id[:12]}", paragraphs
    return "built-in paragraphs", list(_FALLBACK_PARAGRAPHS)


def synthetic_page(paragraphs: Sequence[str], size: int) -> bytes:
    """An article page of about `size` bytes: page furniture around repeated paragraphs."""
    head = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Council extends tram line | Example News</title></head><body>"
        '<header><nav><a href="/">Home</a> <a href="/world">World</a> '
        '<a href="/business">Business</a></nav></header><main><article>'
        '<h1>Council extends tram line</h1><p class="byline">By Jane Reporter</p>'
    )
    tail = (
        "</article></main><footer><p>© Example News. All rights reserved.</p></footer>"
        "</body></html>"
    )
    body: list[str] = []
    length = len(head.encode()) + len(tail.encode())
    i = 0
    while length < size:
        chunk = f"<p>{html_lib.escape(paragraphs[i % len(paragraphs)])}</p>\n"
        body.append(chunk)
        length += len(chunk.encode())
        i += 1
    return (head + "".join(body) + tail).encode("utf-8")


def size_curve(
    tools: Sequence[str], paragraphs: Sequence[str], sizes: Sequence[int], rounds: int
) -> str:
    """Seconds per MB of input, per tool and page size (median of rounds; one at >= 10 MB)."""
    pages = {size: synthetic_page(paragraphs, size) for size in sizes}
    header = "| tool | " + " | ".join(f"{_size_label(s)} (s/MB)" for s in sizes) + " |"
    lines = [header, "| --- |" + " ---: |" * len(sizes)]
    for tool in tools:
        extractor = SPEED_TOOLS[tool]
        cells: list[str] = []
        for size, page in pages.items():
            times: list[float] = []
            failed = False
            for _ in range(1 if size >= 10_000_000 else rounds):
                start = time.perf_counter()
                failed = _call(extractor, page, None) or failed
                times.append(time.perf_counter() - start)
            per_mb = statistics.median(times) / (len(page) / 1e6)
            cells.append(f"{per_mb:.3f}" + (" (failed)" if failed else ""))
            print(f"size curve: {tool} {_size_label(size)} done", file=sys.stderr)
        lines.append(f"| {tool} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _size_label(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def _parse_tools(value: str) -> list[str]:
    tools = [t.strip() for t in value.split(",") if t.strip()]
    if not tools:
        raise argparse.ArgumentTypeError("name at least one tool")
    unknown = [t for t in tools if t not in SPEED_TOOLS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown tool(s) {', '.join(unknown)}; choose from {', '.join(SPEED_TOOLS)}"
        )
    return tools


def _parse_sizes(value: str) -> list[int]:
    units = {"kb": 1000, "k": 1000, "mb": 1_000_000, "m": 1_000_000}
    sizes: list[int] = []
    for raw in value.lower().split(","):
        item = raw.strip()
        unit = next((u for u in sorted(units, key=len, reverse=True) if item.endswith(u)), "")
        number = float(item.removesuffix(unit)) if unit else float(item)
        sizes.append(int(number * units.get(unit, 1)))
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--tools",
        type=_parse_tools,
        default=list(DEFAULT_TOOLS),
        help=f"comma-separated, from: {', '.join(SPEED_TOOLS)} "
        f"(default: {', '.join(DEFAULT_TOOLS)})",
    )
    parser.add_argument("--rounds", type=int, default=3, help="full passes per tool (median)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the Zyte data directory")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    parser.add_argument("--import-runs", type=int, default=5, help="fresh processes to time")
    parser.add_argument("--size-curve", action="store_true", help="time per MB by page size")
    parser.add_argument(
        "--sizes", type=_parse_sizes, default=list(DEFAULT_SIZES), help="e.g. 10kb,100kb,1mb"
    )
    parser.add_argument("--fixture", type=Path, help="HTML or text whose paragraphs to repeat")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.ERROR)
    warnings.simplefilter("ignore")
    install_socket_guard()
    tools: list[str] = args.tools

    if args.size_curve:
        source, paragraphs = fixture_paragraphs(args.fixture, args.data)
        warm_up(tools, [(synthetic_page(paragraphs, 10_000), None)], count=1)
        print(f"### Time per MB of input ({source}, {len(paragraphs)} paragraphs repeated)\n")
        print(size_curve(tools, paragraphs, args.sizes, args.rounds))
        return 0

    if not (args.data / "ground-truth.json").is_file():
        print(f"no data set at {args.data} (give --data DIR)", file=sys.stderr)
        return 2
    inputs: list[Input] = [(p.html, p.url) for p in load_pages(args.data)]
    megabytes = sum(len(html) for html, _ in inputs) / 1e6
    warm_up(tools, inputs)
    times, failures = time_tools(tools, inputs, max(1, args.rounds))
    results = [
        SpeedResult(
            tool=tool,
            pages=len(inputs),
            round_seconds=tuple(times[tool]),
            failures=failures[tool],
            peak_bytes=None if args.no_memory else peak_memory(tool, inputs),
        )
        for tool in tools
    ]
    print(
        f"### Speed: {len(inputs)} pages ({megabytes:.1f} MB) in memory, "
        f"median of {args.rounds} rounds\n"
    )
    print(speed_table(results))
    print(
        "\nMemory: tracemalloc peak per page counts Python allocations only "
        "(libxml2 trees are not seen).\n"
    )
    print(import_report(args.import_runs))
    attempts = network_attempts()
    if attempts:
        print(f"\nBlocked {len(attempts)} network attempts, e.g. {attempts[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
