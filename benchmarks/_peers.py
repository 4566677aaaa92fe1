"""One adapter per extractor: `(html_bytes, url) -> body text`, and a guard against the network.

Each adapter calls its library the way the Zyte benchmark's own runner script does
(`extractors/run_*.py` in scrapinghub/article-extraction-benchmark), so that our numbers can be
checked against the published ones:

* the page is decoded (`_data.decode_page`: on the Zyte set, as UTF-8 like the benchmark's
  runners) and the `str` is passed; newsextract alone gets the raw bytes, since detecting the
  encoding is part of its job;
* trafilatura: `extract(html, include_comments=False)`, no url;
* readability-lxml: `Document(html).summary(html_partial=True)`, then the text of that HTML
  with a line break at every block element (the benchmark uses the `html-text` package for
  this step; `html_to_text` below does the same job with lxml alone);
* newspaper4k: `newspaper.article(url, input_html=html)` (which downloads no page and parses),
  with `fetch_images=False`;
* goose3: `Goose().extract(raw_html=html).cleaned_text`.

Libraries are imported on first use, so that a script can keep import time out of its timings
by calling each adapter once before it starts the clock.
"""

from __future__ import annotations

import importlib
import socket
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from benchmarks._data import Source, decode_page

__all__ = [
    "BASELINE",
    "PEERS",
    "TOOLS",
    "Extractor",
    "NetworkBlockedError",
    "blocked_network",
    "extractor_for",
    "html_to_text",
    "install_socket_guard",
    "network_attempts",
]

Extractor = Callable[[bytes, str | None], str]

_SRC = Path(__file__).resolve().parents[1] / "src"


# --- the network guard ---------------------------------------------------------------------


class NetworkBlockedError(ConnectionError):
    """Raised by every socket connect or name look-up once the guard is installed.

    A `ConnectionError` (an `OSError`), so a library that handles an unreachable network
    carries on as it would offline; each attempt is counted all the same.
    """


_attempts: list[str] = []


def network_attempts() -> list[str]:
    """What the peers tried to reach since the guard was installed."""
    return list(_attempts)


_GUARDED = (
    (socket.socket, "connect"),
    (socket.socket, "connect_ex"),
    (socket, "create_connection"),
    (socket, "getaddrinfo"),
    (socket, "gethostbyname"),
)


def install_socket_guard() -> Callable[[], None]:
    """Make every outgoing connection and DNS look-up in this process raise.

    Returns a function that puts the originals back (a no-op if the guard was already on).
    """
    if getattr(socket, "_benchmark_guarded", False):
        return lambda: None

    def refuse(what: str) -> Callable[..., Any]:
        def blocked(*args: Any, **kwargs: Any) -> Any:
            target = next((a for a in args if not isinstance(a, socket.socket)), "")
            _attempts.append(f"{what} {target!r}")
            raise NetworkBlockedError(f"benchmark: network access blocked ({what} {target!r})")

        return blocked

    originals = [(owner, name, getattr(owner, name)) for owner, name in _GUARDED]
    for owner, name, _ in originals:
        setattr(owner, name, refuse(name))
    socket._benchmark_guarded = True  # type: ignore[attr-defined]

    def uninstall() -> None:
        for owner, name, original in originals:
            setattr(owner, name, original)
        socket._benchmark_guarded = False  # type: ignore[attr-defined]

    return uninstall


@contextmanager
def blocked_network() -> Iterator[None]:
    """The socket guard for the duration of a `with` block."""
    uninstall = install_socket_guard()
    try:
        yield
    finally:
        uninstall()


# --- HTML to text, for readability's HTML output --------------------------------------------

_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "caption", "center", "dd"),
        *("details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure"),
        *("footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr"),
        *("li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table"),
        *("tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul"),
    }
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head"})


def html_to_text(html: str) -> str:
    """The visible text of an HTML fragment, with a line break around every block element.

    Inline elements (`a`, `b`, `span`, ...) join their text to their neighbours' as a browser
    does, so `foo<b>bar</b>` is one token; block elements and `<br>` separate words.
    """
    import lxml.html
    from lxml import etree

    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP_TAGS or isinstance(el, etree._Comment):
            if el.tail:
                parts.append(el.tail)
            return
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


# --- the adapters ---------------------------------------------------------------------------


@cache
def _module(name: str) -> Any:
    """Import a peer library (typed as Any: most ship no type information)."""
    return importlib.import_module(name)


@cache
def _newsextract_extract() -> Callable[..., Any]:
    """`newsextract.extract`, from the installed package or else from this checkout's src/."""
    try:
        module = importlib.import_module("newsextract")
    except ModuleNotFoundError:
        if not (_SRC / "newsextract").is_dir():
            raise
        sys.path.insert(0, str(_SRC))
        module = importlib.import_module("newsextract")
    extract: Callable[..., Any] = module.extract
    return extract


def newsextract_text(html: bytes, url: str | None) -> str:
    text: str = _newsextract_extract()(html, url=url).text
    return text


def newsextract_with_standfirst_text(html: bytes, url: str | None) -> str:
    """The body with the standfirst in front, for sets whose gold counts it as body.

    `Article.standfirst` (a `str` or None) is read only where the installed newsextract has
    it; without it this is `newsextract_text`.
    """
    article = _newsextract_extract()(html, url=url)
    text: str = article.text
    standfirst: str | None = getattr(article, "standfirst", None)
    return f"{standfirst}\n\n{text}" if standfirst else text


def trafilatura_text(html: bytes, url: str | None) -> str:
    text: str | None = _module("trafilatura").extract(decode_page(html), include_comments=False)
    return text or ""


def trafilatura_precision_text(html: bytes, url: str | None) -> str:
    text: str | None = _module("trafilatura").extract(
        decode_page(html), include_comments=False, favor_precision=True
    )
    return text or ""


def readability_text(html: bytes, url: str | None) -> str:
    document = _module("readability").Document(decode_page(html))
    return html_to_text(document.summary(html_partial=True))


def newspaper4k_text(html: bytes, url: str | None) -> str:
    # With input_html set, `article()` downloads no page. fetch_images=False stops it from
    # fetching images to choose a top image (the benchmark's runner leaves it on; the body
    # text does not depend on it, and without it the peer makes no network attempt at all).
    article = _module("newspaper").article(
        url or "", input_html=decode_page(html), fetch_images=False
    )
    text: str = article.text
    return text


@cache
def _goose() -> Any:
    # One extractor for the run, as an application would keep one; the benchmark's runner
    # builds a new Goose() per page, which gives the same text and only costs time.
    return _module("goose3").Goose()


def goose3_text(html: bytes, url: str | None) -> str:
    text: str = _goose().extract(raw_html=decode_page(html)).cleaned_text
    return text


def lxml_parse_only(html: bytes, url: str | None) -> str:
    """The floor: parsing the page into an lxml tree and nothing else."""
    _module("lxml.html").document_fromstring(html)
    return ""


PEERS: dict[str, Extractor] = {
    "trafilatura": trafilatura_text,
    "trafilatura-precision": trafilatura_precision_text,
    "readability-lxml": readability_text,
    "newspaper4k": newspaper4k_text,
    "goose3": goose3_text,
}
"""The other libraries, by the name the scripts' `--tools` option takes."""

TOOLS: dict[str, Extractor] = {"newsextract": newsextract_text, **PEERS}
"""Every extractor the accuracy script can score."""


def extractor_for(tool: str, source: Source) -> Extractor:
    """The tool's adapter for a set: newsextract adds its standfirst where the set's gold
    has one (`Source.gold_has_standfirst`); every other tool runs the same on every set."""
    if tool == "newsextract" and source.gold_has_standfirst:
        return newsextract_with_standfirst_text
    return TOOLS[tool]


BASELINE = "trafilatura"
"""The tool that ratios are given against."""
