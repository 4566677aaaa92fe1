"""The `newsextract` command: HTML pages (or page text) in, JSON records out.

One input prints one JSON object; several print JSON Lines in input order. A file that cannot
be read or extracted is reported on stderr with one line naming it; the other inputs are
still converted, and the exit code says that something failed.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ._errors import NewsextractError
from ._model import Article
from ._pipeline import extract

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
# Batches shorter than this finish before a progress bar would help.
PROGRESS_MIN_INPUTS = 20
_GZIP_MAGIC = b"\x1f\x8b"
# Decompressed pages above this are refused, so a gzip bomb cannot exhaust memory.
MAX_DECOMPRESSED_BYTES = 50_000_000

_EPILOG = """\
examples:
  newsextract page.html                     one page -> one JSON object
  newsextract --url https://example.com/a page.html
  curl -s https://example.com/a | newsextract - --url https://example.com/a
  newsextract pages/*.html > records.jsonl  several pages -> JSON Lines, in input order
  newsextract --format text page.html       headline and body as plain text
  newsextract --output out/ pages/*.html    one out/<name>.json per page

Inputs may be gzip-compressed (.gz). A file that cannot be read or extracted is named on
stderr, the rest are still converted, and the exit code is 1.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsextract",
        description="Extract the article from news pages as JSON: headline, dateline, agency,"
        " authors, dates, captions with credits, body paragraphs and related links.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="FILE", help="HTML or text files; '-' reads stdin"
    )
    parser.add_argument(
        "--url", help="the page's URL, to resolve its links (only with a single input)"
    )
    parser.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        help="json (default for one input), jsonl (default for several) or text",
    )
    parser.add_argument(
        "--output", metavar="DIR", type=Path, help="write one DIR/<name>.json per input"
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bar, even on a terminal"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (0 ok, 1 some input failed, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    inputs: list[str] = args.inputs
    if args.url and len(inputs) > 1:
        parser.error("--url applies to one input; give one FILE with it")
    fmt: str = args.format or ("json" if len(inputs) == 1 else "jsonl")
    if args.output is not None:
        args.output.mkdir(parents=True, exist_ok=True)

    failures = 0
    for name, result in _with_progress(_convert_all(inputs, args.url), len(inputs), args):
        if isinstance(result, str):
            failures += 1
            print(f"newsextract: {name}: {result}", file=sys.stderr)
            continue
        if args.output is not None:
            _write_atomically(args.output / f"{_stem(name)}.json", result.to_json(indent=2))
        else:
            _print(result, fmt, sys.stdout)
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _convert_all(inputs: list[str], url: str | None) -> Iterator[tuple[str, Article | str]]:
    for name in inputs:
        yield name, _convert(name, url)


def _convert(name: str, url: str | None) -> Article | str:
    """The article, or a one-line reason why there is none."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    if data.startswith(_GZIP_MAGIC):
        try:
            data = _gunzip(data)
        except (OSError, EOFError, ValueError) as error:
            return f"cannot decompress: {error}"
    try:
        return extract(data, url=url)
    except NewsextractError as error:
        return str(error)


def _gunzip(data: bytes) -> bytes:
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        out = stream.read(MAX_DECOMPRESSED_BYTES + 1)
    if len(out) > MAX_DECOMPRESSED_BYTES:
        raise ValueError(f"decompressed page is over {MAX_DECOMPRESSED_BYTES:,} bytes")
    return out


def _print(article: Article, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(article.to_json(indent=2) + "\n")
    elif fmt == "jsonl":
        out.write(article.to_json() + "\n")
    else:
        parts = [article.headline or "", *article.paragraphs]
        out.write("\n\n".join(p for p in parts if p) + "\n")
    out.flush()


def _with_progress(
    results: Iterator[tuple[str, Article | str]], total: int, args: argparse.Namespace
) -> Iterator[tuple[str, Article | str]]:
    if args.no_progress or total < PROGRESS_MIN_INPUTS or not sys.stderr.isatty():
        yield from results
        return
    from tqdm import tqdm

    yield from tqdm(results, total=total, unit="page", file=sys.stderr)


def _stem(name: str) -> str:
    if name == "-":
        return "stdin"
    base = Path(name).name
    for suffix in (".gz", ".html", ".htm", ".txt", ".xhtml"):
        base = base.removesuffix(suffix)
    return base or "page"


def _write_atomically(path: Path, text: str) -> None:
    # Write beside the target, then rename: an interrupted run never leaves half a file.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
