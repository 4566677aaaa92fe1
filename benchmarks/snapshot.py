#!/usr/bin/env python3
"""A checkable record of newsextract's output on every development source.

    python benchmarks/snapshot.py            # compare with the committed digests
    python benchmarks/snapshot.py --diff     # ... and show each changed field's old and new text
    python benchmarks/snapshot.py --update   # write the digests of the current output

`benchmarks/snapshots/<source>.json` maps each page id to one short digest per record field
(no page text, so the pages' licences are not an issue). The fixtures under `fixtures/pages`
are one more source, so a change is visible even without `../shared`. The full records of the
last `--update` stay in `benchmarks/results/snapshot/` (not committed): `--diff` reads the
old text from there when it is present.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import DEFAULT_DATA, load_pages
from newsextract import NewsextractError, extract

ROOT = Path(__file__).resolve().parents[1]
DIGESTS = Path(__file__).resolve().parent / "snapshots"
RECORDS = Path(__file__).resolve().parent / "results" / "snapshot"
DATASETS = DEFAULT_DATA.parent
SOURCES = ("fixtures", "zyte", "fundus", "dragnet")
DIGEST_CHARS = 12  # 48 bits: collisions between two outputs of one field are negligible


@dataclass(frozen=True, slots=True)
class Input:
    id: str
    data: bytes
    url: str | None


def inputs(source: str) -> Iterator[Input]:
    """The pages of one source, or nothing when its data is not here."""
    if source == "fixtures":
        for path in sorted((ROOT / "fixtures" / "pages").iterdir()):
            yield Input(path.stem, path.read_bytes(), None)
        return
    if not (DATASETS / source / "ground-truth.json").is_file():
        return
    for page in load_pages(DATASETS / source):
        yield Input(page.id, page.html, page.url)


def record_of(item: Input) -> dict[str, Any]:
    try:
        return dict(extract(item.data, url=item.url).to_dict())
    except NewsextractError as exc:
        return {"error": type(exc).__name__}


def digest(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def run(source: str) -> dict[str, dict[str, Any]]:
    return {item.id: record_of(item) for item in inputs(source)}


def load_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


def show_change(page: str, field: str, old: Any, new: Any) -> str:
    def lines(value: Any) -> list[str]:
        if isinstance(value, list):
            return [json.dumps(v, ensure_ascii=False) for v in value]
        return [json.dumps(value, ensure_ascii=False)]

    diff = difflib.unified_diff(lines(old), lines(new), "before", "after", lineterm="", n=1)
    return f"--- {page} {field}\n" + "\n".join(list(diff)[2:])


def compare(source: str, records: dict[str, dict[str, Any]], show: bool) -> int:
    """Print what changed against the committed digests; the number of changed pages."""
    committed = load_json(DIGESTS / f"{source}.json")
    old_records = load_json(RECORDS / f"{source}.json")
    changed = 0
    by_field: dict[str, int] = {}
    for page, record in records.items():
        before = committed.get(page, {})
        fields = [
            k for k in record.keys() | before.keys() if before.get(k) != digest(record.get(k))
        ]
        if not fields:
            continue
        changed += 1
        for field in fields:
            by_field[field] = by_field.get(field, 0) + 1
            if show and page in old_records:
                print(show_change(page, field, old_records[page].get(field), record.get(field)))
    gone = committed.keys() - records.keys()
    summary = ", ".join(f"{k} {v}" for k, v in sorted(by_field.items()))
    print(
        f"{source}: {len(records)} pages, {changed} changed"
        + (f" ({summary})" if summary else "")
        + (f", {len(gone)} no longer there" if gone else "")
    )
    return changed + len(gone)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="write the current digests")
    parser.add_argument("--diff", action="store_true", help="show the changed fields")
    parser.add_argument("--source", action="append", choices=SOURCES, help="default: all")
    args = parser.parse_args(argv)
    changed = 0
    for source in args.source or SOURCES:
        records = run(source)
        if not records:
            print(f"{source}: not here, skipped")
            continue
        if args.update:
            write_json(
                DIGESTS / f"{source}.json",
                {p: {k: digest(v) for k, v in r.items()} for p, r in records.items()},
            )
            write_json(RECORDS / f"{source}.json", records)
            print(f"{source}: {len(records)} pages written")
        else:
            changed += compare(source, records, args.diff)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
