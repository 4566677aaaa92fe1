#!/usr/bin/env python3
"""Where `extract()`'s time goes: each stage of `run_stages` timed over a set's pages.

    python benchmarks/stages.py                  # the zyte pages, best of 3 passes
    python benchmarks/stages.py --source fundus --rounds 5

Each stage function that `newsextract.pipeline.run` calls is wrapped in a timer for the run;
the pass with the least total time is reported, in milliseconds a page. The wrappers cost a
little (the total is a few percent above `speed.py`'s), so compare two trees with this script,
not its totals with `speed.py`'s. Run it on each tree in turn, alternating, when comparing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import SOURCES, load_pages

# The stage functions `run_stages` calls by these names, in pipeline order; a tree without one
# (an older checkout) is timed without it.
STAGES = (
    "decode",
    "parse",
    "read_metadata",
    "related_candidates",
    "clean",
    "locate",
    "segment",
    "news_fields",
    "assemble",
)


def timed(function: Callable[..., Any], name: str, totals: dict[str, float]) -> Callable[..., Any]:
    """`function`, adding the seconds each call takes to `totals[name]`."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - start

    return wrapper


def stage_times(pages: list[bytes], rounds: int) -> tuple[float, dict[str, float]]:
    """The best pass's total and per-stage seconds over `pages`."""
    from newsextract import extract
    from newsextract.pipeline import run

    extract(pages[0])  # imports and first compiles stay out of the timings
    totals = dict.fromkeys(STAGES, 0.0)
    for name in STAGES:
        function = getattr(run, name, None)
        if function is not None:
            setattr(run, name, timed(function, name, totals))
    best: tuple[float, dict[str, float]] | None = None
    for _ in range(rounds):
        totals.update(dict.fromkeys(STAGES, 0.0))
        start = time.perf_counter()
        for page in pages:
            extract(page)
        elapsed = time.perf_counter() - start
        if best is None or elapsed < best[0]:
            best = (elapsed, dict(totals))
    assert best is not None
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default="zyte", choices=sorted(SOURCES))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    pages = [page.html for page in load_pages(SOURCES[args.source])]
    if not pages:
        print(f"no pages in {args.source}", file=sys.stderr)
        return 1
    elapsed, totals = stage_times(pages, max(1, args.rounds))
    per_page = 1000 / len(pages)
    print(f"{args.source}: {len(pages)} pages, best of {args.rounds} passes, ms a page")
    print(f"total {elapsed * per_page:.2f}")
    for name in STAGES:
        print(f"  {name:<20} {totals[name] * per_page:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
