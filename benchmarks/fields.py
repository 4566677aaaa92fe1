#!/usr/bin/env python3
"""How often newsextract gets each news field right, and how trafilatura and newspaper4k compare.

    PYTHONPATH=src python benchmarks/fields.py                  # every part, Markdown on stdout
    PYTHONPATH=src python benchmarks/fields.py --json out.json  # also the raw per-page results
    PYTHONPATH=src python benchmarks/fields.py --parts fixtures,newsfields --no-peers
    PYTHONPATH=src python benchmarks/fields.py --parts newsfields,fundus --no-peers --misses agency

Five parts (`--parts`):

* `fixtures`: our hand-labelled `fixtures/` (fixtures/README.md), every field an expected file
  names among headline, dateline, agency, authors, published, captions, related, paragraphs.
* `newsfields`: the 14 Zyte pages labelled in `../shared/datasets/zyte/newsfields.json`.
* `fundus`: the 121 fundus pages of `../shared/datasets/fundus/`: headline, standfirst, authors,
  published and captions from the fundus parsers' gold (`fields.json`), dateline, agency and the
  first paragraph from the hand labels (`newsfields.json`, scored as the Zyte ones). The gold's
  quirks are scored so that a correct extractor loses nothing (`benchmarks/_fields_fundus.py`):
  organisations given as authors (an agency, a domain, a staff word, a word of the publisher's
  name) are dropped from both sides before the set F1, and a page left with no person counts as
  author-less; a credit left inside a gold caption (its credit `null`) makes our caption found
  when one text is a prefix of the other, and our credit right when it is printed in that text;
  a credit-only caption (gold text `null`) is found only by one of ours with no text and the
  same credit.
  Standfirst: equal, or one a prefix of the other (the gold joins its paragraphs).
* related links (in `newsfields` and `fundus`): the hand labels of `benchmarks/labels/related.json`
  (72 fundus pages, one per publisher, and the 14 Zyte pages; only hrefs are stored, the anchor
  texts are read from the pages at run time), scored by URL, then by text: "related found" (mean
  share per page with labelled links, and links found/labelled), pages with none labelled given
  some, and precision. The definition of a related link is in `benchmarks/_fields_related.py`.
* `datelines`: all 181 Zyte pages; the dateline and agency that open the ground truth's first
  paragraph, read by `newsextract.fields.dateline.parse_dateline` (the reference parser, listed so a
  reader can check it), against ours.
* `peers` (part of the first two unless `--no-peers`): authors, published day and headline from
  `trafilatura.bare_extraction(..., with_metadata=True)` and newspaper4k's `Article.parse()`,
  scored on the same labels.

After the parts, one table gives every field per source (Zyte news fields, fundus) for
newsextract, and `--misses FIELD` lists each page where that field is not right: page, what we
gave, what the label expects.

Comparisons are case-insensitive with whitespace collapsed (`normalize`); names also ignore
full stops ("H.W." = "H. W."); dates are compared by the day the tool gives, in the offset it
gives it. The network is blocked in this process (`benchmarks._peers.install_socket_guard`)
before any extractor runs.

This file is the command; the work is in `_fields_data`, `_fields_fundus` and `_fields_related`
(the labels; `_fields_related` also scores related links),
`_fields_match` (what is compared and how), `_fields_runs` (each tool's record, scoring and the
runs), `_fields_score` (the fundus scoring, the by-source table, `--misses`) and
`_fields_report` (the tables, legends and `--json`).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import DEFAULT_DATA, load_pages
from benchmarks._fields_data import (
    DEFAULT_FIXTURES,
    UNLABELLED,
    load_fixtures,
    load_newsfields,
)
from benchmarks._fields_fundus import DEFAULT_FUNDUS
from benchmarks._fields_match import FIXTURE_FIELDS, NEWSEXTRACT, NEWSFIELDS_FIELDS, PARTS, PEERS
from benchmarks._fields_related import load_related
from benchmarks._fields_report import (
    LEGEND_DATELINES,
    LEGEND_FIELDS,
    LEGEND_FIXTURES,
    LEGEND_NEWSFIELDS,
    LEGEND_PEERS,
    LEGEND_SOURCES,
    SOURCE_KEYS,
    dateline_report,
    field_table,
    mistakes,
    peer_table,
    summarize,
    write_json,
)
from benchmarks._fields_runs import run_datelines, run_fixtures, run_newsfields
from benchmarks._fields_score import fundus_section, misses, source_table
from benchmarks._peers import install_socket_guard, network_attempts

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--json", type=Path, help="write the raw per-page results to this file")
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated parts to run (default: {','.join(PARTS)})",
    )
    parser.add_argument("--no-peers", action="store_true", help="skip trafilatura and newspaper4k")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the Zyte data set")
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, help="fixtures root")
    parser.add_argument("--fundus", type=Path, default=DEFAULT_FUNDUS, help="the fundus data set")
    parser.add_argument(
        "--misses", metavar="FIELD", help="list newsextract's misses of FIELD on every source"
    )
    args = parser.parse_args(argv)
    parts = [p.strip() for p in str(args.parts).split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        parser.error(f"unknown part(s) {unknown}; choose from {', '.join(PARTS)}")

    install_socket_guard()
    logging.basicConfig(level=logging.ERROR)
    for noisy in ("trafilatura", "newspaper", "htmldate", "courlan", "readability"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    tools = (NEWSEXTRACT,) if args.no_peers else (NEWSEXTRACT, *PEERS)
    payload: dict[str, Any] = {}
    out: list[str] = ["# News fields", ""]

    if "fixtures" in parts:
        cases = load_fixtures(args.fixtures)
        results = run_fixtures(cases, tools)
        payload["fixtures"] = results
        out += [f"## Fixtures ({len(cases)} pages)", "", LEGEND_FIELDS, "", LEGEND_FIXTURES, ""]
        out += [field_table(summarize(results, NEWSEXTRACT, FIXTURE_FIELDS)), ""]
        wrong = mistakes(results)
        out += ["Mistakes:", "", *(wrong or ["- none"]), ""]
        if len(tools) > 1:
            html_pages = sum(1 for c in cases if not c.plain_text)
            out += [f"### Fixtures, side by side ({html_pages} HTML pages)", "", LEGEND_PEERS, ""]
            out += [peer_table(results, tools), ""]

    zyte_ok = (args.data / "ground-truth.json").is_file()
    if not zyte_ok and ("newsfields" in parts or "datelines" in parts):
        out += [f"(Zyte data set not found at {args.data}: its parts are skipped.)", ""]

    if zyte_ok and "newsfields" in parts:
        labels_path = args.data / "newsfields.json"
        if labels_path.is_file():
            labels = load_newsfields(labels_path)
            pages = {p.id: p for p in load_pages(args.data, [label.id for label in labels])}
            related = load_related()
            results = run_newsfields(labels, pages, tools, related)
            payload["zyte_newsfields"] = results
            out += [f"## Zyte news fields ({len(labels)} labelled pages)", ""]
            out += [LEGEND_FIELDS, "", LEGEND_NEWSFIELDS, ""]
            out += [field_table(summarize(results, NEWSEXTRACT, NEWSFIELDS_FIELDS)), ""]
            unscored = [
                f
                for f in ("related",)
                if all(label.related_count_min is UNLABELLED for label in labels)
                and not any(f"zyte:{label.id}" in related for label in labels)
            ]
            if unscored:
                out += [f"Not labelled on any page, not scored: {', '.join(unscored)}.", ""]
            wrong = mistakes(results)
            out += ["Mistakes:", "", *(wrong or ["- none"]), ""]
            if len(tools) > 1:
                out += ["### Zyte news fields, side by side", "", LEGEND_PEERS, ""]
                out += [peer_table(results, tools), ""]
        else:
            out += [f"({labels_path} not found: the news-field part is skipped.)", ""]

    if "fundus" in parts:
        out += fundus_section(args.fundus, payload)
    by_source = {
        name: payload[key] for name, key in SOURCE_KEYS.items() if payload.get(key) is not None
    }
    if by_source:
        out += ["## Every field by source (newsextract)", "", LEGEND_SOURCES, ""]
        out += [source_table(by_source), ""]
    if args.misses:
        listed = [line for results in by_source.values() for line in misses(results, args.misses)]
        out += [f"## Misses: {args.misses}", "", *(listed or ["- none"]), ""]

    if zyte_ok and "datelines" in parts:
        checks = run_datelines(load_pages(args.data))
        payload["zyte_datelines"] = checks
        out += [f"## Zyte, all pages: datelines ({len(checks)} pages)", "", LEGEND_DATELINES, ""]
        out += [dateline_report(checks), ""]

    attempts = network_attempts()
    out.append(f"Network attempts blocked: {len(attempts)}.")
    print("\n".join(out))
    if args.json:
        write_json(args.json, payload)
        print(f"\nRaw per-page results written to {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
