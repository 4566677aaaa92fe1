#!/usr/bin/env python3
"""Whether `Article.confident` is honest: how well the pages it doubts really score.

    python benchmarks/confidence.py                  # every development set
    python benchmarks/confidence.py --source dragnet --list

For each set: how many pages newsextract calls not confident, the mean page F1 of the
confident and of the doubted pages (the accuracy benchmark's metric and gold, standfirst in
front where the gold counts it), and of the weak pages (page F1 under `WEAK_F1`) how many are
doubted (the flag's recall) and how many doubted pages are weak (its precision). A signal is
honest when the doubted pages score clearly below the rest on every set, not on one.
`--list` prints the doubted pages with their F1, to read why.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import SOURCES, Source, load_pages
from benchmarks._metric import page_counts
from benchmarks._peers import blocked_network

# A page scoring under this F1 has the wrong block, or only part of the story.
WEAK_F1 = 0.8


@dataclass(frozen=True, slots=True)
class PageOutcome:
    page_id: str
    f1: float
    confident: bool


def run_source(source: Source) -> list[PageOutcome]:
    """newsextract on every page of the set: its page F1 and its own confidence."""
    from newsextract import NewsextractError, extract

    outcomes = []
    for page in load_pages(source):
        try:
            article = extract(page.html, url=page.url)
        except NewsextractError:
            outcomes.append(PageOutcome(page.id, 0.0, confident=False))
            continue
        body = article.text
        if source.gold_has_standfirst and article.standfirst:
            body = f"{article.standfirst}\n\n{body}"
        outcomes.append(PageOutcome(page.id, page_counts(page.truth, body).f1, article.confident))
    return outcomes


def _mean(values: Sequence[float]) -> str:
    return f"{statistics.fmean(values):.3f}" if values else "-"


def report_row(name: str, outcomes: Sequence[PageOutcome]) -> str:
    doubted = [o for o in outcomes if not o.confident]
    trusted = [o for o in outcomes if o.confident]
    weak = [o for o in outcomes if o.f1 < WEAK_F1]
    weak_doubted = sum(1 for o in weak if not o.confident)
    precision = f"{weak_doubted}/{len(doubted)}" if doubted else "-"
    return (
        f"| {name} | {len(outcomes)} | {len(doubted)} ({len(doubted) / len(outcomes):.0%})"
        f" | {_mean([o.f1 for o in trusted])} | {_mean([o.f1 for o in doubted])}"
        f" | {weak_doubted}/{len(weak)} | {precision} |"
    )


HEADER = (
    "| set | pages | not confident | mean F1, confident | mean F1, not confident"
    f" | weak pages (F1 < {WEAK_F1}) flagged | flagged pages that are weak |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--source", choices=list(SOURCES), action="append")
    parser.add_argument("--list", action="store_true", help="print the doubted pages")
    args = parser.parse_args(argv)
    sources = [s for name, s in SOURCES.items() if not args.source or name in args.source]
    missing = [s.name for s in sources if not s.dir.is_dir()]
    if missing:
        print(f"missing data: {', '.join(missing)} (see ../shared/README.md)", file=sys.stderr)
        return 2
    rows, every = [], []
    with blocked_network():
        for source in sources:
            outcomes = run_source(source)
            every.extend(outcomes)
            rows.append(report_row(source.name, outcomes))
            if args.list:
                for o in sorted((o for o in outcomes if not o.confident), key=lambda o: o.f1):
                    print(f"{source.name} {o.page_id[:12]} F1 {o.f1:.3f}")
    print(HEADER)
    print("\n".join(rows))
    if len(sources) > 1:
        print(report_row("all", every))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
