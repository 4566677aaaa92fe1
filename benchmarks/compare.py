#!/usr/bin/env python3
"""Two checkouts of newsextract timed in one process, page by page: is a change faster?

    python benchmarks/compare.py ../base .            # base checkout against this one
    python benchmarks/compare.py ../base . --passes 6 --source zyte,fundus

On a shared machine the speed of the same code drifts by 5-10% from one run to the next,
which hides the 1-3% a speed change is worth. Here both trees run in the same process, each
page by one and then by the other (the order alternating), so that a drift slows both
alike: two copies of the same tree come out within a few tenths of a percent. Each tree's
package is copied to a temporary folder under another name (`newsextract_a`,
`newsextract_b`), so that the two can be imported side by side. Reports wall time and each
stage's time (as `stages.py` wraps them), in milliseconds a page, after one warm-up pass.
"""

from __future__ import annotations

import argparse
import importlib
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import SOURCES, load_pages
from benchmarks.stages import STAGES, timed

_PACKAGE = re.compile(r"\bnewsextract\b")


def _copy_package(checkout: Path, name: str, into: Path) -> None:
    """`checkout`'s package, copied to `into/name` with every reference to it renamed."""
    target = into / name
    shutil.copytree(
        checkout / "src" / "newsextract", target, ignore=shutil.ignore_patterns("__pycache__")
    )
    for path in target.rglob("*.py"):
        path.write_text(_PACKAGE.sub(name, path.read_text(encoding="utf-8")), encoding="utf-8")


def _timed_run(name: str, totals: dict[str, float]) -> Callable[..., Any]:
    """The package's `run_stages`, with each stage it calls adding its time to `totals`."""
    run = importlib.import_module(f"{name}.pipeline.run")
    for stage in STAGES:
        function = getattr(run, stage, None)
        if function is not None:
            setattr(run, stage, timed(function, stage, totals))
    run_stages: Callable[..., Any] = run.run_stages
    return run_stages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path, help="the first checkout (the base)")
    parser.add_argument("b", type=Path, help="the second checkout (the change)")
    parser.add_argument("--passes", type=int, default=4)
    parser.add_argument("--source", default="zyte", help="comma-separated sources")
    args = parser.parse_args(argv)
    pages = [page for source in args.source.split(",") for page in load_pages(SOURCES[source])]
    if not pages:
        print("no pages", file=sys.stderr)
        return 1
    names = ("newsextract_a", "newsextract_b")
    stage_totals: dict[str, dict[str, float]] = {n: dict.fromkeys(STAGES, 0.0) for n in names}
    wall = dict.fromkeys(names, 0.0)
    with tempfile.TemporaryDirectory() as folder:
        for checkout, name in zip((args.a, args.b), names, strict=True):
            _copy_package(checkout.resolve(), name, Path(folder))
        sys.path.insert(0, folder)
        runs = {name: _timed_run(name, stage_totals[name]) for name in names}
        for page in pages:  # warm-up: imports, compiled patterns, memos
            for name in names:
                runs[name](page.html, url=page.url)
        for totals in stage_totals.values():
            totals.update(dict.fromkeys(STAGES, 0.0))
        for round_ in range(args.passes):
            for index, page in enumerate(pages):
                order = names if (round_ + index) % 2 == 0 else names[::-1]
                for name in order:
                    start = time.perf_counter()
                    runs[name](page.html, url=page.url)
                    wall[name] += time.perf_counter() - start
    per_page = 1000 / (args.passes * len(pages))
    a, b = names
    print(f"{len(pages)} pages x {args.passes} passes, ms a page: a={args.a} b={args.b}")
    change = (wall[b] / wall[a] - 1) * 100 if wall[a] else 0.0
    print(
        f"{'wall':<20} {wall[a] * per_page:8.3f} {wall[b] * per_page:8.3f}"
        f" {(wall[b] - wall[a]) * per_page:+.3f} ({change:+.1f}%)"
    )
    for stage in STAGES:
        ta, tb = stage_totals[a][stage] * per_page, stage_totals[b][stage] * per_page
        print(f"  {stage:<18} {ta:8.3f} {tb:8.3f} {tb - ta:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
