#!/usr/bin/env python3
"""Robustness of newsextract on pathological and random pages: crashes, hangs, worst cost.

    python benchmarks/robustness.py                    # all generators + 500 random pages
    python benchmarks/robustness.py --random 5000 --seed 7
    python benchmarks/robustness.py --quick            # small sizes, 100 random pages
    python benchmarks/robustness.py --budget 30 -v     # per-case hang budget, list every case

Every case runs in a worker process that is killed when it overruns its budget, so a hang or a
hard crash (a segfault) costs one case, not the run. Reported:

- cases tried, and how many returned an Article or raised a typed `NewsextractError`;
- crashes: any other exception escaping `extract()` (with the case and the last frames);
- hangs: cases over the budget, `max(--hang-ratio x lxml's parse time, --budget)`;
- network attempts (the worker blocks and counts them) and pages that leaked a canary file;
- the worst time per MB as a ratio to lxml: `extract()` seconds over
  `lxml.html.document_fromstring` seconds (`huge_tree=True`) on the same input, for inputs of
  at least 64 KB (on smaller ones both are dominated by fixed costs).

The inputs the tests also check (story text, binary headers, legacy-encoded texts, the
entity bomb, the adversarial strings and their page) come from benchmarks/_robustness_inputs.py,
shared with tests/test_robustness.py; the sizes and the random pages are this script's: empty and
binary input, a 30 MB page, 100,000-deep nesting, a million sibling paragraphs, broken markup,
attribute bombs, encodings without or with wrong declarations, entity bombs, external entities,
file and script links, 1 MB lines, and long adversarial strings for every regular expression
that reads page text; plus random pages of real tags, class names and news phrases.

`extract()` runs with `time_budget=None`, so that a slow stage shows as slow rather than as a
timeout error. Exit status 1 when there was a crash, a hang, a network attempt or a leak.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import gzip
import html as htmllib
import multiprocessing
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the `benchmarks` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._robustness_inputs import (
    BILLION_LAUGHS,
    BINARY_HEADERS,
    FRENCH,
    HEADLINE,
    HTML_ONLY,
    LEGACY,
    STRESS,
    P,
    Q,
    page,
    stress_page,
    stress_text,
)

MIN_RATIO_BYTES = 64 * 1024
CANARY = "CANARY-9b2e-LOCAL-FILE"


@dataclass
class Case:
    """One input: its source, extract() keyword arguments, and an optional fairer baseline."""

    name: str
    source: str | bytes
    kwargs: dict[str, Any] = field(default_factory=dict)
    # lxml's time on this input is no baseline (it gives up at once, or is itself quadratic):
    # time lxml on this source instead.
    baseline: str | bytes | None = None


@dataclass
class Result:
    case: str
    size: int
    outcome: str  # "article", an error class name, "crash", "hang"
    seconds: float
    lxml_seconds: float | None
    detail: str = ""
    network: int = 0
    leaked: bool = False

    @property
    def ratio(self) -> float | None:
        if self.lxml_seconds is None or self.size < MIN_RATIO_BYTES:
            return None
        return self.seconds / max(self.lxml_seconds, 1e-6)


# --- generators -------------------------------------------------------------------------------


def _ordinary(size: int) -> str:
    """`size` characters of ordinary markup, the baseline for inputs lxml cannot time fairly."""
    unit = '<p class="a">Some text, <b>bold</b>.</p>\n'
    return "<html><body>" + unit * (size // len(unit)) + "</body></html>"


def pathological(big_mb: int, siblings: int, canary: Path) -> Iterator[Case]:
    """The fixed pathological inputs."""
    for name, source in (
        ("empty-bytes", b""),
        ("empty-str", ""),
        ("whitespace", " \n\t\u3000\u00a0 "),
        ("bom-only", codecs.BOM_UTF8),
    ):
        yield Case(name, source)
    rng = random.Random(0)
    for name, (header, _) in (*sorted(BINARY_HEADERS.items()), ("random-bytes", (b"", ""))):
        yield Case(f"binary-{name}", header + rng.randbytes(200_000))
    yield Case("gzip-page", gzip.compress(page(f"<p>{P}</p>").encode()))
    yield Case("all-byte-values", bytes(range(256)) * 1000)

    paragraphs = []
    size = 0
    index = 0
    while size < big_mb * 1_000_000:
        line = (
            f"<p>Paragraph {index} of the council's report: the bridge, closed since May, was"
            f" inspected again on Tuesday, and engineers found no new cracks.</p>\n"
        )
        paragraphs.append(line)
        size += len(line)
        index += 1
    big = page(*paragraphs).encode()
    yield Case(f"page-{big_mb}mb", big)
    yield Case(f"page-{big_mb}mb-over-max-bytes", big, {"max_bytes": len(big) // 2}, baseline=b"")
    del big, paragraphs

    # libxml2 gives up on these at once (2,048 levels), so lxml's time on them is no
    # baseline: the same number of bytes of ordinary markup is.
    deep = "<div>" * 100_000 + f"<p>{P}</p>" + "</div>" * 100_000
    yield Case("deep-100k", deep, baseline=_ordinary(len(deep)))
    unclosed = f"<p>{P}</p>" + "<font>" * 100_000 + f"<p>{Q}</p>"
    yield Case("unclosed-100k", unclosed, baseline=_ordinary(len(unclosed)))
    mixed = "<b><div><ul><li>" * 750 + f"<p>{P}</p>"
    yield Case("deep-3000-mixed", mixed, baseline=_ordinary(len(mixed)))
    yield Case(f"siblings-x-{siblings}", "<html><body>" + "<p>x</p>" * siblings)
    yield Case("siblings-sentence-200k", "<html><body>" + f"<p>{P}</p>" * 200_000)
    for index, broken in enumerate(
        (
            f"<div><p>{P} <b>bold <i>both</b> after</i><p>{Q}</div></span></table><p>Third",
            f"<p>{P}</p></html><p>{Q}</p>",
            f"<html><body><p>{P}</p></body></html><html><body><p>{Q}</p></body></html>",
            f"<p>{P}</p><!-- unclosed <p>{Q}</p>",
            f"<p>{P}</p><script>document.write('<p>')</p><p>{Q}</p>",
            f"<table><tr><td><p>{P}<td><p>{Q}</table></table></table>",
            "<p>" + "</" * 50_000,
            "<p>" + "<a " * 20_000,
            "<p>" + "<!" * 50_000,
            "<p>" + "&#" * 100_000,
        )
    ):
        yield Case(f"broken-markup-{index}", broken, baseline=_ordinary(len(broken)))

    attributes = " ".join(f"a{i}=1" for i in range(200_000))
    ordinary = _ordinary(len(attributes))
    yield Case("attribute-bomb", page(f"<p {attributes}>{P} {Q} {P} {Q}</p>"), baseline=ordinary)
    yield Case("attribute-bomb-thin-body", page(f"<p {attributes}>{P}</p>"), baseline=ordinary)

    french = FRENCH
    utf8 = page(f"<p>{french} Fin du café</p>").encode()
    yield Case("utf8-cut-mid-character", utf8[: utf8.rindex("é".encode()) + 1])
    for codec in ("utf-16-le", "utf-16-be"):
        yield Case(f"{codec}-bom", ("\ufeff" + page(f"<p>{french}</p>")).encode(codec))
        yield Case(f"{codec}-no-bom", page(f"<p>{french}</p>").encode(codec))
    yield Case(
        "meta-latin1-bytes-utf8",
        page(f"<p>{french}</p>", head='<meta charset="iso-8859-1">').encode(),
    )
    yield Case(
        "meta-utf8-bytes-cp1252",
        page(f"<p>{french} “merci” – 5 €</p>", head='<meta charset="utf-8">').encode("cp1252"),
    )
    for label in ("undefined", "punycode", "utf-7", "cp037"):
        yield Case(
            f"meta-charset-{label}",
            page(f"<p>{french}</p>", head=f'<meta charset="{label}">').encode(),
        )
    for text, codec, _ in LEGACY.values():
        yield Case(f"undeclared-{codec}", page(f"<p>{text}</p>").encode(codec))
        yield Case(f"undeclared-{codec}-text", f"{text}\n\n{text}".encode(codec))
    yield Case("lone-surrogates", page(f"<p>{P}\ud800\x00</p>"))

    yield Case("billion-laughs", BILLION_LAUGHS)
    uri = canary.as_uri()
    yield Case(
        "external-entities",
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "{uri}"><!ENTITY % p SYSTEM'
        f' "{uri}"> %p;]><html><head><title>&e;</title><link rel="stylesheet" href="{uri}">'
        f'</head><body><p>{P}</p><p>&e;</p><img src="{uri}"><iframe src="{uri}"></iframe>'
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{uri}"/></body></html>',
    )
    yield Case(
        "file-base-and-script-links",
        '<html><head><base href="file:///etc/"></head><body><article>'
        f"<p>{P}</p><p>{Q}</p><ul class='related'>"
        "<li><a href='passwd'>A relative story with a long title</a></li>"
        "<li><a href='javascript:alert(1)'>A script story with a long title</a></li>"
        "</ul></article></body></html>",
    )
    mega = "x" * 1_000_000
    yield Case("1mb-word-html", page(f"<p>{P}</p><p>{mega}</p><p>{Q}</p>"))
    yield Case("1mb-word-text", f"{HEADLINE}\n\n{P}\n\n{mega}\n\n{Q}")
    yield Case(
        "1mb-attributes",
        f'<html lang="{mega}"><head><meta name="author" content="{mega}"></head>'
        f'<body><article class="{mega}" style="{mega}"><p title="{mega}">{P}</p>'
        f'<a href="/{mega}">A related story with a long title</a></article></body></html>',
    )
    for url in ("http://[::1", "javascript:alert(1)", "http://" + "a" * 100_000 + ".com/"):
        yield Case(f"page-url-{url[:12]}", page(f"<p>{P}</p>"), {"url": url})


def stress() -> Iterator[Case]:
    """The tests' adversarial strings (`STRESS`), each in a page and as text."""
    for name, adversarial in STRESS.items():
        yield Case(f"stress-html[{name}]", stress_page(adversarial))
        if name not in HTML_ONLY:
            yield Case(f"stress-text[{name}]", stress_text(adversarial))


# The vocabulary of random pages: what the stages look for, and what must never come out.
TAGS = (
    "div", "p", "span", "article", "section", "figure", "figcaption", "a", "ul", "li", "h1",
    "h2", "h3", "script", "table", "tr", "td", "br", "img", "time", "aside", "nav", "main",
    "blockquote", "b", "i", "em", "footer", "header", "form", "iframe", "pre",
)  # fmt: skip
CLASSES = (
    "share", "related", "caption", "article-body", "ad-slot", "byline", "credit", "sidebar",
    "newsletter", "comments", "widget", "hidden", "entry-content", "most-read", "social",
    "promo", "tags", "photo-credit", "story-body", "recirc", "x", "",
)  # fmt: skip
HREFS = (
    "https://news.example.com/2024/03/03/a-story-slug", "/2024/03/04/another-story-slug",
    "relative-story-slug-here", "//cdn.example.net/2024/01/01/story", "javascript:alert(1)",
    "data:text/html,<b>x</b>", "file:///etc/passwd", "http://[::1", "#top", "",
)  # fmt: skip
PHRASES = (
    "Advertisement", "Follow Us", "Latest Headlines", "Share this", "RELATED: Bridge reopens",
    "WASHINGTON (AP) —", "Photo by Jane Doe/AP", "By Jane Doe and John Roe, Associated Press",
    "(Reporting by Jane Doe; Editing by John Roe)", "© AFP", "Image 1 of 5", P, Q,
    "Published March 3, 2024", "&amp; &lt; &#0; &lol;", "東京都は今日、発表しました。", ". .",
)  # fmt: skip


def _random_node(rng: random.Random, depth: int) -> str:
    if depth > 6 or rng.random() < 0.35:
        text = rng.choice(PHRASES) if rng.random() < 0.7 else _random_text(rng)
        return htmllib.escape(text) if rng.random() < 0.9 else text
    tag = rng.choice(TAGS)
    attributes = ""
    if rng.random() < 0.5:
        attributes += f' class="{" ".join(rng.sample(CLASSES, rng.randint(1, 2)))}"'
    if tag in ("a", "img") or rng.random() < 0.1:
        name = "href" if tag != "img" else "src"
        attributes += f' {name}="{htmllib.escape(rng.choice(HREFS), quote=True)}"'
    if rng.random() < 0.05:
        attributes += rng.choice(
            (' itemprop="articleBody"', ' role="navigation"', " hidden", ' datetime="2024-03-03"')
        )
    if tag in ("br", "img"):
        return f"<{tag}{attributes}>"
    children = "".join(_random_node(rng, depth + 1) for _ in range(rng.randint(0, 5)))
    close = f"</{tag}>" if rng.random() < 0.9 else ""
    return f"<{tag}{attributes}>{children}{close}"


def _random_text(rng: random.Random) -> str:
    alphabet = "abcdefghij KLMNOP .,;:()-—/@©&<>\"'\u00a0\u200béü中ж\n"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))


def random_pages(count: int, seed: int) -> Iterator[Case]:
    """`count` random pages (and the odd random bytes), reproducible from `seed`."""
    rng = random.Random(seed)
    for index in range(count):
        roll = rng.random()
        if roll < 0.05:
            yield Case(f"random-bytes-{index}", rng.randbytes(rng.randint(0, 5000)))
            continue
        body = "".join(_random_node(rng, 0) for _ in range(rng.randint(1, 6)))
        head = ""
        if rng.random() < 0.5:
            head = (
                f'<meta property="og:image" content="{rng.choice(HREFS)}">'
                f'<meta property="article:published_time" content="{rng.choice(PHRASES)}">'
                f'<link rel="canonical" href="{rng.choice(HREFS)}">'
            )
        text = f"<html><head>{head}</head><body>{body}</body></html>"
        source: str | bytes = text
        if rng.random() < 0.3:
            source = text.encode(rng.choice(("utf-8", "cp1252", "utf-16")), errors="replace")
        url = rng.choice((None, None, "https://news.example.com/2024/03/03/x", "http://[::1"))
        yield Case(f"random-page-{index}", source, {"url": url} if url else {})


# --- the worker -------------------------------------------------------------------------------


def _worker(connection: Connection) -> None:
    import lxml.html

    from benchmarks._peers import install_socket_guard, network_attempts
    from newsextract import NewsextractError, extract

    install_socket_guard()
    parser = lxml.html.HTMLParser(huge_tree=True, encoding="utf-8")
    while True:
        message = connection.recv()
        if message is None:
            return
        case: Case = message
        before = len(network_attempts())
        start = time.perf_counter()
        detail = ""
        try:
            article = extract(case.source, time_budget=None, **case.kwargs)
            outcome = "article"
            leaked = CANARY in article.to_json()
        except NewsextractError as error:
            outcome, leaked = type(error).__name__, False
        except Exception as error:  # what the benchmark is looking for
            outcome, leaked = "crash", False
            detail = "".join(traceback.format_exception(error)[-4:])
        seconds = time.perf_counter() - start
        baseline = case.source if case.baseline is None else case.baseline
        data = baseline.encode("utf-8", "replace") if isinstance(baseline, str) else baseline
        lxml_seconds: float | None = None
        if data:
            start = time.perf_counter()
            with contextlib.suppress(Exception):  # lxml's verdict on junk does not matter
                lxml.html.document_fromstring(data, parser=parser)
            lxml_seconds = time.perf_counter() - start
        connection.send(
            (outcome, seconds, lxml_seconds, detail, len(network_attempts()) - before, leaked)
        )


class Runner:
    """One worker process at a time; a worker that overruns its budget is killed and replaced."""

    def __init__(self, budget: float) -> None:
        self.budget = budget
        self._context = multiprocessing.get_context("fork" if sys.platform != "win32" else None)
        self._start()

    def _start(self) -> None:
        self._parent, child = self._context.Pipe()
        self._process = self._context.Process(target=_worker, args=(child,), daemon=True)
        self._process.start()

    def run(self, case: Case) -> Result:
        size = len(
            case.source.encode("utf-8", "replace") if isinstance(case.source, str) else case.source
        )
        start = time.perf_counter()
        self._parent.send(case)
        if not self._parent.poll(self.budget):
            self._process.kill()
            self._process.join()
            self._start()
            return Result(case.name, size, "hang", time.perf_counter() - start, None)
        try:
            outcome, seconds, lxml_seconds, detail, network, leaked = self._parent.recv()
        except EOFError:  # the worker died: a crash below Python (segfault, abort)
            self._process.join()
            code = self._process.exitcode
            self._start()
            return Result(
                case.name, size, "crash", time.perf_counter() - start, None, f"exit {code}"
            )
        return Result(case.name, size, outcome, seconds, lxml_seconds, detail, network, leaked)

    def close(self) -> None:
        self._parent.send(None)
        self._process.join(timeout=5)


# --- the report -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    options = _arguments(argv)
    with tempfile.TemporaryDirectory() as scratch:
        canary = Path(scratch) / "canary.txt"
        canary.write_text(CANARY, encoding="utf-8")
        big_mb, siblings = (3, 200_000) if options.quick else (30, 1_000_000)
        cases = [
            *pathological(big_mb, siblings, canary),
            *stress(),
            *random_pages(options.random, options.seed),
        ]
        runner = Runner(options.budget)
        results: list[Result] = []
        started = time.perf_counter()
        try:
            for case in cases:
                result = runner.run(case)
                results.append(result)
                if options.verbose or result.outcome in ("crash", "hang") or result.network:
                    _print_result(result)
        finally:
            runner.close()
    return _summary(results, time.perf_counter() - started, options)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--random", type=int, default=500, help="random pages (default 500)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random pages")
    parser.add_argument(
        "--budget", type=float, default=60.0, help="seconds after which a case is a hang"
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, 100 random pages")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every case")
    options = parser.parse_args(argv)
    if options.quick and options.random == 500:
        options.random = 100
    return options


def _print_result(result: Result) -> None:
    ratio = f"{result.ratio:8.1f}x" if result.ratio is not None else "        -"
    print(
        f"{result.outcome:>14}  {result.seconds:8.3f}s  {ratio}  {result.size / 1e6:8.3f} MB"
        f"  {result.case}",
        flush=True,
    )
    if result.detail:
        print("                " + result.detail.replace("\n", "\n                "))


def _summary(results: list[Result], elapsed: float, options: argparse.Namespace) -> int:
    crashes = [r for r in results if r.outcome == "crash"]
    hangs = [r for r in results if r.outcome == "hang"]
    network = sum(r.network for r in results)
    leaks = [r for r in results if r.leaked]
    articles = sum(1 for r in results if r.outcome == "article")
    typed = len(results) - articles - len(crashes) - len(hangs)
    rated = [r for r in results if r.ratio is not None]
    print()
    print(f"cases tried      {len(results)}  ({elapsed:.0f} s, seed {options.seed})")
    print(f"articles         {articles}")
    print(f"typed errors     {typed}")
    print(f"crashes          {len(crashes)}")
    print(f"hangs            {len(hangs)}  (over {options.budget:.0f} s)")
    print(f"network attempts {network}")
    print(f"file leaks       {len(leaks)}")
    if rated:
        worst = max(rated, key=lambda r: r.ratio or 0.0)
        per_mb = worst.seconds / (worst.size / 1e6)
        print(
            f"worst time/MB    {worst.ratio:.1f}x lxml ({per_mb:.3f} s/MB, {worst.seconds:.2f} s"
            f" on {worst.size / 1e6:.2f} MB): {worst.case}"
        )
        print("slowest by ratio (inputs >= 64 KB):")
        for result in sorted(rated, key=lambda r: r.ratio or 0.0, reverse=True)[:8]:
            _print_result(result)
    return 1 if crashes or hangs or network or leaks else 0


if __name__ == "__main__":
    sys.exit(main())
