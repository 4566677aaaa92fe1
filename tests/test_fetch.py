"""Fetching URLs (`extract_url`, `fetch_urls`, the command) against a real HTTP server.

The server runs on 127.0.0.1 in a thread of the test process. The suite's network guard
(tests/conftest.py) leaves loopback open and refuses everything else, so these tests reach
only this server: a fetch that tried any other address (a redirect to a private address
that the check failed to refuse, or a second DNS lookup of a test host name) would fail its
test. Fetches to the server pass `allow_private=True`, since loopback is private; the tests
of the refusal itself count 127.0.0.1 as public (`loopback_is_public`) and show that the
next hop, or another address of the same name, is refused without a connection.
"""

from __future__ import annotations

import functools
import gzip
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import brotli
import pytest

import newsextract
from newsextract import FetchError, NotHTML, extract_url
from newsextract.io import fetch, fetch_transport
from newsextract.io.batch import PageTask, Record, run
from newsextract.io.fetch import FetchOptions, UrlTask, fetch_urls, is_public_address
from tests._cli import SRC, json_lines, run_cli

PAGE = (
    "<html><head><title>Harbour ferry</title></head><body><article>"
    "<h1>Harbour ferry returns</h1>"
    "<p>The harbour ferry returned to service on Monday after a winter of repairs.</p>"
    "<p>Passengers lined the pier before dawn, and the first crossing sold out.</p>"
    "</article></body></html>"
)
PAGE_BYTES = PAGE.encode("utf-8")
# Declares UTF-8 but is Windows-1252: the HTTP charset outranks the page, as in a browser.
CAFE = (
    '<html><head><meta charset="utf-8"></head><body><article><h1>Caf\xe9 reopens</h1>'
    "<p>The caf\xe9 on the quay reopened on Friday \u2013 with its old menu, the owner said.</p>"
    "</article></body></html>"
).encode("cp1252")
CAFE_TEXT = "The café on the quay reopened on Friday – with its old menu, the owner said."


@dataclass
class ServerState:
    """What the server saw; reset before each test."""

    hits: dict[str, int] = field(default_factory=dict)
    headers: list[dict[str, str]] = field(default_factory=list)
    sent: dict[str, int] = field(default_factory=dict)
    busy: int = 0
    most_busy: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    finished: threading.Event = field(default_factory=threading.Event)

    def reset(self) -> None:
        self.hits.clear()
        self.headers.clear()
        self.sent.clear()
        self.busy = self.most_busy = 0
        self.finished.clear()


STATE = ServerState()
Route = Callable[["_Handler"], None]
ROUTES: dict[str, Route] = {}


def route(path: str) -> Callable[[Route], Route]:
    def register(function: Route) -> Route:
        ROUTES[path] = function
        return function

    return register


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        with STATE.lock:
            STATE.hits[path] = STATE.hits.get(path, 0) + 1
            STATE.headers.append(dict(self.headers.items()))
        handler = ROUTES.get(path)
        try:
            if handler is None:
                self.reply(404, b"not here", "text/plain")
            else:
                handler(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # The client gave up: what several tests want.

    def reply(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.reply(status, b"", "text/plain", Location=location)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # Quiet: pytest shows failures, not access logs.


@route("/page")
def _page(h: _Handler) -> None:
    h.reply(200, PAGE_BYTES, "text/html; charset=utf-8")


@route("/old")
def _old(h: _Handler) -> None:
    h.redirect("/page", 301)


@route("/slow-headers")
def _slow_headers(h: _Handler) -> None:
    time.sleep(2)
    h.reply(200, PAGE_BYTES, "text/html")


@route("/slow-body")
def _slow_body(h: _Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(len(PAGE_BYTES)))
    h.end_headers()
    h.wfile.write(PAGE_BYTES[:100])
    h.wfile.flush()
    time.sleep(2)
    h.wfile.write(PAGE_BYTES[100:])


@route("/drip")
def _drip(h: _Handler) -> None:
    """A byte every 0.1 s: never silent for the read timeout, but it never ends either."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(100):
        h.wfile.write(b" ")
        h.wfile.flush()
        time.sleep(0.1)


HUGE_LIMIT = 200_000_000


@route("/huge")
def _huge(h: _Handler) -> None:
    """200 MB with no Content-Length (the body ends with the connection)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"<p>" + b"x" * 65_530 + b"</p>"
    sent = 0
    try:
        while sent < HUGE_LIMIT:
            h.wfile.write(chunk)
            sent += len(chunk)
    finally:
        STATE.sent["/huge"] = sent
        STATE.finished.set()


@route("/huge-declared")
def _huge_declared(h: _Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(10**10))
    h.end_headers()
    h.wfile.write(b"<p>" * 1000)


@route("/loop/a")
def _loop_a(h: _Handler) -> None:
    h.redirect("/loop/b")


@route("/loop/b")
def _loop_b(h: _Handler) -> None:
    h.redirect("/loop/a")


@route("/image")
def _image(h: _Handler) -> None:
    h.reply(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100_000, "image/png")


@route("/gzip")
def _gzip(h: _Handler) -> None:
    h.reply(200, gzip.compress(PAGE_BYTES), "text/html", Content_Encoding="gzip")


@route("/br")
def _br(h: _Handler) -> None:
    h.reply(200, brotli.compress(PAGE_BYTES), "text/html", Content_Encoding="br")


@functools.cache
def _bomb() -> bytes:
    """A few hundred bytes that inflate to 20 MB."""
    return bytes(brotli.compress(b" " * 20_000_000, quality=1))


@route("/br-bomb")
def _br_bomb(h: _Handler) -> None:
    h.reply(200, _bomb(), "text/html", Content_Encoding="br")


@route("/cp1252")
def _cp1252(h: _Handler) -> None:
    h.reply(200, CAFE, "text/html; charset=windows-1252")


@route("/busy")
def _busy(h: _Handler) -> None:
    """429 with Retry-After: 1 on the first request, then the page."""
    if STATE.hits["/busy"] == 1:
        h.reply(429, b"slow down", "text/plain", Retry_After="1")
    else:
        h.reply(200, PAGE_BYTES, "text/html")


@route("/unavailable")
def _unavailable(h: _Handler) -> None:
    h.reply(503, b"down", "text/plain", Retry_After="0")


@route("/busy-for-an-hour")
def _busy_for_an_hour(h: _Handler) -> None:
    h.reply(429, b"come back later", "text/plain", Retry_After="3600")


@route("/missing")
def _missing(h: _Handler) -> None:
    h.reply(404, b"gone", "text/html")


@route("/to-file")
def _to_file(h: _Handler) -> None:
    h.redirect("file:///etc/passwd")


@route("/to-metadata")
def _to_metadata(h: _Handler) -> None:
    h.redirect("http://169.254.169.254/latest/meta-data/")


@route("/to-internal")
def _to_internal(h: _Handler) -> None:
    h.redirect(f"http://internal.test:{h.server.server_address[1]}/page")


@route("/wait")
def _wait(h: _Handler) -> None:
    """0.3 s of work, counting how many requests are in here at once."""
    with STATE.lock:
        STATE.busy += 1
        STATE.most_busy = max(STATE.most_busy, STATE.busy)
    time.sleep(0.3)
    with STATE.lock:
        STATE.busy -= 1
    h.reply(200, PAGE_BYTES, "text/html")


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)
        # A client that hung up (a refused body, a timeout) is what several tests want.


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The server's base URL, `http://127.0.0.1:PORT`."""
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def _fresh_state() -> None:
    STATE.reset()


@pytest.fixture
def loopback_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count 127.0.0.1 (and only it) as public, so that the address check runs on the
    server's hop and must refuse the next one."""
    real = fetch.is_public_address
    monkeypatch.setattr(fetch, "is_public_address", lambda a: a == "127.0.0.1" or real(a))


@dataclass
class FakeDns:
    """Host names resolved from `table` instead of DNS; every lookup is kept in `lookups`."""

    table: dict[str, list[str]] = field(default_factory=dict)
    lookups: list[str] = field(default_factory=list)

    def resolve(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        if host not in self.table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return self.table[host]


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> FakeDns:
    dns = FakeDns()
    monkeypatch.setattr(fetch_transport, "resolve", dns.resolve)
    return dns


def _fetch(url: str, **options: Any) -> newsextract.Article:
    return extract_url(url, allow_private=True, **options)


# --- the page --------------------------------------------------------------------------------


def test_a_page_is_fetched_and_extracted(server: str) -> None:
    article = _fetch(f"{server}/page")
    assert article.headline == "Harbour ferry returns"
    assert article.paragraphs[0].startswith("The harbour ferry returned")
    assert article.url == f"{server}/page"
    agent = STATE.headers[0]["User-Agent"]
    assert agent.startswith(f"newsextract/{newsextract.__version__} ")


def test_a_redirect_is_followed_and_the_final_url_reported(server: str) -> None:
    article = _fetch(f"{server}/old")
    assert article.url == f"{server}/page"
    assert STATE.hits == {"/old": 1, "/page": 1}


@pytest.mark.parametrize("path", ["/gzip", "/br"])
def test_compressed_bodies_are_undone(server: str, path: str) -> None:
    article = _fetch(f"{server}{path}")
    assert article.headline == "Harbour ferry returns"
    assert "br" in STATE.headers[0]["Accept-Encoding"]


def test_the_http_charset_outranks_the_page_declaration(server: str) -> None:
    article = _fetch(f"{server}/cp1252")
    assert article.headline == "Café reopens"
    assert article.paragraphs == (CAFE_TEXT,)


def test_an_image_is_not_html_and_not_downloaded(server: str) -> None:
    with pytest.raises(NotHTML, match="image/png"):
        _fetch(f"{server}/image")


# --- limits ----------------------------------------------------------------------------------


@pytest.mark.perf  # waits, not CPU: 5x headroom over the timeout, under the 2 s reply
def test_a_reply_that_does_not_come_times_out(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out: 127\.0\.0\.1 sent nothing for 0\.3 s"):
        _fetch(f"{server}/slow-headers", read_timeout=0.3)
    assert time.monotonic() - started < 1.5


def test_a_body_that_stops_coming_times_out(server: str) -> None:
    with pytest.raises(FetchError, match="timed out"):
        _fetch(f"{server}/slow-body", read_timeout=0.3)


@pytest.mark.perf  # waits, not CPU: 5x headroom over the timeout, under the 2 s reply
def test_a_dripping_body_hits_the_total_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"the download took over 0\.5 s"):
        _fetch(f"{server}/drip", read_timeout=1.0, total_timeout=0.5)
    assert time.monotonic() - started < 1.5


def test_a_huge_body_is_cut_off_while_streaming(server: str) -> None:
    with pytest.raises(FetchError, match="over the limit of 1,000,000 bytes"):
        _fetch(f"{server}/huge", max_bytes=1_000_000)
    assert STATE.finished.wait(10)
    # The server got to write only what the socket buffers hold beyond the first megabyte.
    assert STATE.sent["/huge"] < HUGE_LIMIT // 10


def test_a_declared_huge_body_is_refused_before_reading(server: str) -> None:
    with pytest.raises(FetchError, match="10,000,000,000 bytes, over the limit"):
        _fetch(f"{server}/huge-declared")


def test_a_brotli_bomb_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="inflates past 1,000,000 bytes"):
        _fetch(f"{server}/br-bomb", max_bytes=1_000_000)


def test_a_redirect_loop_stops_at_the_limit(server: str) -> None:
    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        _fetch(f"{server}/loop/a", max_redirects=3)
    assert sum(STATE.hits.values()) == 4


def test_an_http_error_status_is_a_fetch_error(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404 Not Found") as caught:
        _fetch(f"{server}/missing")
    assert caught.value.status == 404


@pytest.mark.parametrize("url", ["ftp://example.com/a", "file:///etc/passwd", "/relative"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        extract_url(url)


def test_a_redirect_to_another_scheme_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="only http and https URLs are fetched, not file:"):
        _fetch(f"{server}/to-file")


# --- 429 and 503 -----------------------------------------------------------------------------


def test_429_is_retried_after_retry_after(server: str) -> None:
    started = time.monotonic()
    article = _fetch(f"{server}/busy")
    assert article.headline == "Harbour ferry returns"
    assert STATE.hits["/busy"] == 2
    assert time.monotonic() - started >= 1.0


def test_503_gives_up_after_the_retries(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 503 Service Unavailable, still after 2 retries"):
        _fetch(f"{server}/unavailable", retries=2)
    assert STATE.hits["/unavailable"] == 3


@pytest.mark.perf  # waits, not CPU: 5x headroom over the timeout, under the 2 s reply
def test_a_retry_after_over_the_cap_is_not_waited_for(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="Retry-After 3600 is over the 30 s"):
        _fetch(f"{server}/busy-for-an-hour")
    assert STATE.hits["/busy-for-an-hour"] == 1
    assert time.monotonic() - started < 1.0


def test_retry_after_as_a_date() -> None:
    soon = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 5))
    delay = fetch._retry_delay(soon, 0)
    assert delay is not None and 3 < delay <= 5
    assert fetch._retry_delay("Wed, 21 Oct 2015 07:28:00 GMT", 0) == 0.0
    assert fetch._retry_delay(None, 1) == 2 * fetch.BACKOFF_BASE


# --- private addresses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fc00::1",
        "fe80::1%eth0",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",
        "64:ff9b::a00:1",
        "ff02::1",
        "not an address",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(address)


def test_loopback_is_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1"):
        extract_url(f"{server}/page")
    assert STATE.hits == {}


@pytest.mark.usefixtures("loopback_is_public")
def test_a_redirect_to_a_private_address_is_refused(server: str) -> None:
    # The first hop passes the check; the redirect to the metadata service must not. Had it
    # connected, the suite's network guard would fail this test.
    with pytest.raises(FetchError, match=r"169\.254\.169\.254, which is not a public address"):
        extract_url(f"{server}/to-metadata")
    assert STATE.hits == {"/to-metadata": 1}


@pytest.mark.usefixtures("loopback_is_public")
def test_a_name_with_any_private_address_is_refused(server: str, fake_dns: FakeDns) -> None:
    fake_dns.table["internal.test"] = ["127.0.0.1", "10.0.0.8"]
    with pytest.raises(FetchError, match=r"internal\.test resolves to 10\.0\.0\.8"):
        extract_url(f"{server}/to-internal")


@pytest.mark.usefixtures("loopback_is_public")
def test_the_connection_goes_to_the_checked_address(server: str, fake_dns: FakeDns) -> None:
    # One lookup, then the socket goes to the address checked: a second lookup of the name
    # (where DNS rebinding would strike) would hit the suite's guard and fail the test.
    port = server.rsplit(":", 1)[1]
    fake_dns.table["news.test"] = ["127.0.0.1"]
    article = extract_url(f"http://news.test:{port}/page")
    assert article.headline == "Harbour ferry returns"
    assert fake_dns.lookups == ["news.test"]
    assert STATE.headers[0]["Host"] == f"news.test:{port}"


@pytest.mark.usefixtures("fake_dns")
def test_an_unresolvable_name_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match=r"cannot resolve nowhere\.test: Name or service"):
        extract_url("http://nowhere.test/")


# --- batches ---------------------------------------------------------------------------------


def test_a_batch_keeps_input_order_and_reports_each_failure(server: str) -> None:
    tasks: list[UrlTask | Record] = [
        UrlTask(f"{server}/slow-body"),  # Slowest first: the others finish before it.
        UrlTask(f"{server}/page"),
        Record("given.html", error="ReadError", message="cannot read"),
        UrlTask(f"{server}/missing"),
        UrlTask(f"{server}/image"),
    ]
    options = FetchOptions(allow_private=True, read_timeout=5)
    records = list(run(fetch_urls(tasks, options, workers=4)))
    assert [r.source for r in records] == [
        f"{server}/slow-body",
        f"{server}/page",
        "given.html",
        f"{server}/missing",
        f"{server}/image",
    ]
    assert [r.error for r in records] == [None, None, "ReadError", "FetchError", "NotHTML"]
    assert records[3].message == "HTTP 404 Not Found"


def test_a_batch_fetches_at_most_per_host_at_once(server: str) -> None:
    tasks = [UrlTask(f"{server}/wait?n={n}") for n in range(6)]
    options = FetchOptions(allow_private=True)
    items = list(fetch_urls(tasks, options, workers=6, per_host=2))
    assert all(isinstance(item, PageTask) for item in items)
    assert STATE.most_busy == 2


def test_fetched_pages_carry_the_http_charset(server: str) -> None:
    (item,) = fetch_urls([UrlTask(f"{server}/cp1252")], FetchOptions(allow_private=True))
    assert isinstance(item, PageTask)
    assert item.charset == "windows-1252" and item.url == f"{server}/cp1252"
    (record,) = run([item])
    assert record.article is not None and record.article.paragraphs == (CAFE_TEXT,)


def test_the_command_fetches_urls_in_order(server: str, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{server}/gzip\n{server}/missing\n")
    result = run_cli(
        "--allow-private", f"{server}/old", "--from-file", str(listing), "-j", "1", "-q"
    )
    assert result.returncode == 1
    records = json_lines(result)
    assert [r["source"] for r in records] == [f"{server}/old", f"{server}/gzip"]
    assert records[0]["url"] == f"{server}/page"
    assert result.stderr.decode().splitlines() == [
        f"newsextract: {server}/missing: HTTP 404 Not Found"
    ]


def test_the_command_prints_one_url_as_one_object(server: str) -> None:
    result = run_cli("--allow-private", f"{server}/page")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"] == "Harbour ferry returns"


def test_the_command_refuses_loopback_without_allow_private(server: str) -> None:
    result = run_cli(f"{server}/page", "--error-records", "--format", "jsonl")
    assert result.returncode == 1
    (record,) = json_lines(result)
    assert record["error"] == "FetchError"
    assert "not a public address" in record["message"]
    assert STATE.hits == {}


# --- without httpx ---------------------------------------------------------------------------


def _python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": ""},
        timeout=120,
        check=True,
    )
    return result.stdout.strip()


def test_import_newsextract_does_not_load_httpx() -> None:
    code = "import newsextract, sys; print('httpx' in sys.modules, 'httpcore' in sys.modules)"
    assert _python(code) == "False False"


def test_missing_httpx_says_how_to_install_it() -> None:
    code = (
        "import sys\n"
        "sys.modules['httpx'] = None\n"
        "from newsextract import extract_url\n"
        "from newsextract.io.fetch import UrlTask, fetch_urls\n"
        "try:\n"
        "    extract_url('https://example.com/')\n"
        "except ModuleNotFoundError as error:\n"
        "    print(error)\n"
        "(record,) = fetch_urls([UrlTask('https://example.com/')])\n"
        "print(record.error, record.message)\n"
    )
    hint = "fetching URLs needs httpx: pip install 'newsextract[fetch]'"
    assert _python(code).splitlines() == [hint, f"MissingDependency {hint}"]
