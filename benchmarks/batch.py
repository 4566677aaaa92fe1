#!/usr/bin/env python3
"""Batch throughput: `--jobs` scaling of the CLI, and FastWARC vs warcio as the WARC reader.

    python benchmarks/batch.py --jobs 1,2 --pages 200,2000 # CLI on generated pages
    python benchmarks/batch.py --jobs 1,2 --from DIR       # CLI on real pages (*.html[.gz])
    python benchmarks/batch.py --warc --pages 400          # reader comparison (needs warcio)
    python benchmarks/batch.py --warc --from DIR --pages 400

Pages are generated (seeded, so every run sees the same bytes): news-site pages of 80-110
KB (see `generate_page`). `--from DIR` uses real pages instead, cycled up to `--pages`.

`--jobs` runs `python -m newsextract -q -j N DIR` in a subprocess (output to /dev/null) for
each N and each batch size of `--pages`, `--rounds` times interleaved, and reports the best
wall time, pages/s, and each N's speed-up over the first, as a Markdown table. Process start
and import are included, as a user would see them; the fixed cost of a run (start, import,
starting workers) is printed apart, from the line through the smallest and largest batch,
and so is the first-page cost that the parent pays once before forking the workers. The
machine's own ceiling is printed too: two `--jobs 1` processes started together, each on half
of the largest batch, against one on all of it (no coordination, so no pool does better).

`--warc` writes the pages into one WARC (gzip and plain) with warcio's writer, a request
record beside every third response, and times reading every response's headers and payload
with each reader (best of `--rounds`).
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_TEXT = (
    "council approved the new ferry terminal on Tuesday after a long debate officials said"
    " construction starts in May and the project will cost million residents opposed plan"
    " harbour city mayor transport minister agreed budget vote week report expected spring"
    " police said storm damaged roads schools closed power lines thousands homes without"
)
_WORDS = _TEXT.split(" ")


def generate_page(rng: random.Random, number: int) -> bytes:
    """One synthetic news page of about 80-110 KB, shaped like a CMS article page: a head
    with metadata and an inline state script, a mega-menu, the story (dateline, byline,
    8-20 paragraphs, captioned photos, a related box), sidebars, a teaser grid, comments and
    a footer of link columns."""

    def sentence(low: int = 12, high: int = 30) -> str:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
        return " ".join(words).capitalize() + "."

    def paragraph() -> str:
        return " ".join(sentence() for _ in range(rng.randint(2, 5)))

    def teaser(n: int) -> str:
        return (
            f'<div class="teaser card"><a href="/news/2024/03/{n:02d}/story-{n}">'
            f'<img src="/img/t{n}.jpg" alt=""><h3>{sentence(5, 10)}</h3></a>'
            f'<p class="summary">{sentence()}</p><time>March {1 + n % 28}, 2024</time></div>'
        )

    menu = "".join(
        f'<div class="menu-section"><h4>{sentence(1, 2)}</h4><ul>'
        + "".join(f'<li><a href="/s/{m}/{i}">{sentence(1, 3)[:-1]}</a></li>' for i in range(20))
        + "</ul></div>"
        for m in range(16)
    )
    story = [f"<p>HARBOURTON, March 5 (Reuters) - {paragraph()}</p>"]
    for n in range(rng.randint(8, 20)):
        story.append(f"<p>{paragraph()}</p>")
        if n in (3, 9):
            story.append(
                f'<figure><img src="/img/photo{n}.jpg"><figcaption>{sentence(8, 14)}'
                ' <span class="credit">Photo: Jane Doe/Gazette</span></figcaption></figure>'
            )
    related = "".join(
        f'<li><a href="/news/2024/03/0{i}/story-{i}">{sentence(5, 9)}</a></li>' for i in range(6)
    )
    most_read = "".join(f"<li>{teaser(100 + i)}</li>" for i in range(10))
    grid = "".join(teaser(200 + i) for i in range(40))
    comments = "".join(
        f'<div class="comment"><span class="author">reader{i}</span><p>{sentence()}</p></div>'
        for i in range(10)
    )
    footer = "".join(
        '<div class="col"><ul>'
        + "".join(f'<li><a href="/about/{c}/{i}">{sentence(1, 3)}</a></li>' for i in range(20))
        + "</ul></div>"
        for c in range(5)
    )
    state = "window.__STATE__ = {" + ",".join(f'"k{i}": "{sentence(3, 6)}"' for i in range(500))
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{sentence(6, 10)} | Harbourton Gazette</title>"
        f'<meta property="og:title" content="Story {number}">'
        '<meta property="article:published_time" content="2024-03-05T09:30:00Z">'
        '<meta name="author" content="Jane Doe">'
        f"<style>{'.c{color:red}' * 300}</style><script>{state}}};</script></head><body>"
        f'<header><nav class="main-nav">{menu}</nav></header>'
        '<div class="ad ad-top">Advertisement</div>'
        f"<main><article><h1>{sentence(6, 12)[:-1]}</h1>"
        '<div class="byline">By Jane Doe and John Roe</div>'
        + "".join(story)
        + f'<aside class="related-stories"><h2>Related</h2><ul>{related}</ul></aside>'
        '<div class="newsletter">Sign up for our newsletter</div></article></main>'
        f'<aside class="sidebar"><h2>Most read</h2><ol>{most_read}</ol></aside>'
        f'<section class="more-stories">{grid}</section>'
        f'<section class="comments">{comments}</section>'
        f'<footer class="site-footer">{footer}</footer>'
        f"<script>{state}}};</script></body></html>"
    ).encode()


def load_pages(count: int, source: Path | None) -> list[bytes]:
    """`count` pages: generated, or real ones from `source` cycled."""
    if source is None:
        rng = random.Random(20240305)
        return [generate_page(rng, n) for n in range(count)]
    files = sorted(p for p in source.iterdir() if p.name.endswith((".html", ".html.gz")))
    real = [gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes() for p in files]
    return [real[n % len(real)] for n in range(count)]


def bench_jobs(pages: list[bytes], sizes: Sequence[int], jobs: Sequence[int], rounds: int) -> None:
    """Wall time of the CLI for each batch size and `--jobs` value (rounds interleaved, so a
    change in the machine's load hits every cell alike; best of `rounds`), each value's
    speed-up over the first, and the fixed cost of a run: the intercept of the line through
    the smallest and largest batch."""
    size = sum(map(len, pages)) / len(pages) / 1000
    load = os.getloadavg()[0]
    print(f"{size:.0f} KB mean page, {os.cpu_count()} cores, load average {load:.2f} at start")
    print(f"first-page cost (pattern compiling; paid once before the fork): {_warm_up_ms():.0f} ms")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    best: dict[tuple[int, int], float] = {}
    ceiling = float("inf")
    with tempfile.TemporaryDirectory() as directory:
        folders = {count: Path(directory, str(count)) for count in sizes}
        for count, folder in folders.items():
            folder.mkdir()
            for n, page in enumerate(pages[:count]):
                (folder / f"page-{n:05d}.html").write_bytes(page)
        halves = _halves(Path(directory, "halves"), pages[: max(sizes)])
        for _ in range(rounds):
            for count, folder in folders.items():
                for n in jobs:
                    seconds = _run_seconds([_command(n, folder)], env)
                    best[count, n] = min(best.get((count, n), seconds), seconds)
            ceiling = min(ceiling, _run_seconds([_command(1, half) for half in halves], env))
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    print("| pages | --jobs | seconds | pages/s | speed-up |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for count in sizes:
        for n in jobs:
            seconds = best[count, n]
            gain = best[count, jobs[0]] / seconds
            print(f"| {count:,} | {n} | {seconds:.2f} | {count / seconds:.1f} | {gain:.2f}x |")
    high = max(sizes)
    print(
        f"machine's ceiling: two `--jobs 1` runs at once, each on half of the {high:,} pages,"
        f" {ceiling:.2f} s, {best[high, jobs[0]] / ceiling:.2f}x one `--jobs {jobs[0]}` run"
    )
    if len(sizes) > 1:
        low, high = min(sizes), max(sizes)
        for n in jobs:
            per_page = (best[high, n] - best[low, n]) / (high - low)
            fixed = best[low, n] - low * per_page
            print(
                f"--jobs {n}: fixed cost {fixed:.2f} s a run (start, import, workers),"
                f" then {1 / per_page:.1f} pages/s"
            )


def _warm_up_ms() -> float:
    """What a process's first page costs beyond the pages after it, in a fresh process."""
    code = (
        "import time, newsextract.io.warm_up as w; t = time.perf_counter(); w.warm_up();"
        " a = time.perf_counter() - t; t = time.perf_counter(); w.warm_up();"
        " print((a - (time.perf_counter() - t)) * 1000)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, check=True, timeout=600
    )
    return float(result.stdout)


def _command(jobs: int, folder: Path) -> list[str]:
    return [sys.executable, "-m", "newsextract", "-q", "-j", str(jobs), str(folder)]


def _halves(directory: Path, pages: list[bytes]) -> list[Path]:
    """`pages` split between two folders: two independent processes, one on each, share
    nothing, so their speed-up over one process on all is what the machine allows."""
    folders = [directory / "a", directory / "b"]
    for folder in folders:
        folder.mkdir(parents=True)
    for n, page in enumerate(pages):
        (folders[n % 2] / f"page-{n:05d}.html").write_bytes(page)
    return folders


def _run_seconds(commands: list[list[str]], env: dict[str, str]) -> float:
    """Wall time of `commands` started together, until the last one ends."""
    started = time.perf_counter()
    running = [subprocess.Popen(c, env=env, stdout=subprocess.DEVNULL) for c in commands]
    for process in running:
        process.wait(timeout=3600)
    return time.perf_counter() - started


def write_warc(path: Path, pages: list[bytes], gzipped: bool) -> None:
    """A WARC of one response per page, and a request record beside every third one."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)
        for n, page in enumerate(pages):
            uri = f"https://gazette.example/news/{n}"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(page), http_headers=headers
                )
            )
            if n % 3 == 0:
                request = b"GET / HTTP/1.1\r\nHost: gazette.example\r\n\r\n"
                writer.write_record(
                    writer.create_warc_record(uri, "request", payload=io.BytesIO(request))
                )


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    total = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response):
            _ = (record.headers.get("WARC-Target-URI"), record.headers.get("WARC-Date"))
            _ = (record.record_id, record.http_content_type, record.http_charset)
            total += len(record.reader.read())
    return total


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    total = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type != "response":
                continue
            headers = record.rec_headers
            _ = (headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date"))
            _ = headers.get_header("WARC-Record-ID")
            _ = record.http_headers.get_header("Content-Type")
            total += len(record.raw_stream.read())
    return total


def read_newsextract(path: Path) -> int:
    """The reader as newsextract uses it (all records, HTTP parsed per response, checks)."""
    sys.path.insert(0, str(REPO / "src"))
    from newsextract.io.warc_reader import WarcPage, iter_pages

    with path.open("rb") as handle:
        return sum(len(p.data) for p in iter_pages(handle) if isinstance(p, WarcPage))


def bench_warc(pages: list[bytes], rounds: int) -> None:
    readers: dict[str, Callable[[Path], int]] = {
        "fastwarc": read_fastwarc,
        "warcio": read_warcio,
        "newsextract.io.warc_reader": read_newsextract,
    }
    with tempfile.TemporaryDirectory() as directory:
        for gzipped in (True, False):
            path = Path(directory, "bench.warc" + (".gz" if gzipped else ""))
            write_warc(path, pages, gzipped)
            print(f"{path.name}: {len(pages)} pages, {path.stat().st_size / 1e6:.1f} MB")
            for name, reader in readers.items():
                reader(path)  # warm-up: imports, page cache
                best = min(_time(reader, path) for _ in range(rounds))
                print(f"  {name:18s} {best * 1000:7.1f} ms  {len(pages) / best:8.0f} pages/s")


def _time(reader: Callable[[Path], int], path: Path) -> float:
    started = time.perf_counter()
    reader(path)
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages",
        default="200",
        help="pages to generate or cycle; with --jobs, comma-separated batch sizes, e.g. 200,2000",
    )
    parser.add_argument("--from", dest="source", type=Path, help="real pages (*.html[.gz])")
    parser.add_argument("--jobs", help="comma-separated --jobs values to time, e.g. 1,2")
    parser.add_argument("--warc", action="store_true", help="compare the WARC readers")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.pages.split(",")]
    pages = load_pages(max(sizes), args.source)
    if args.jobs:
        bench_jobs(pages, sizes, [int(n) for n in args.jobs.split(",")], args.rounds)
    if args.warc:
        bench_warc(pages, args.rounds)
    if not (args.jobs or args.warc):
        parser.error("give --jobs and/or --warc")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
