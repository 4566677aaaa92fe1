"""Pages fetched over HTTP(S): `extract_url()`, and the command's URL inputs.

Needs the `fetch` extra (httpx, and brotli for `br` bodies): `pip install 'newsextract[fetch]'`.
httpx is imported only when a URL is fetched, so `import newsextract` neither needs nor loads it.

What a fetch does, and why:

- **http and https only**, on every hop. Redirects (301, 302, 303, 307, 308) are followed
  here, at most `max_redirects`, so that every hop's URL and address are checked.
- **No private, loopback, link-local, shared, multicast or reserved address** unless the
  caller allows it: a service that extracts user-supplied URLs must not become a way into
  its own network. `fetch_transport` checks every address a host resolves to and connects
  to the checked address itself (no second lookup, so no DNS rebinding between check and
  connection); no proxy is used.
- **Timeouts**: to connect, between bytes of the reply, and for the whole download (a
  server that drips a byte just inside the read timeout cannot hold a worker for long).
  Name resolution runs in the system resolver, with its own timeouts.
- **A size cap, streamed**: a Content-Length over `max_bytes` is refused before reading; the
  body is read in chunks and the fetch stops as soon as it passes `max_bytes`. Content
  encodings (gzip, deflate, br) are undone by the WARC reader's `undo_http_encodings`, with
  the same cap checked while inflating.
- **429 and 503** are retried a few times, after the wait that Retry-After asks for (seconds
  or a date) up to a cap, else after an exponential backoff; a server that asks for more
  than the cap is not waited for.
- **Content type**: a 2xx reply whose Content-Type is not a page (an image, a PDF) is
  `NotHTML` and its body is not downloaded. The Content-Type's charset goes with the body
  into the same decoding as a WARC page's (`io/batch.py`, `_apply_charset`).
- A clear **User-Agent**: `newsextract/VERSION`, with httpx's version.

Batches (`fetch_urls`, the CLI): URLs are fetched on a few threads of the main process
(fetching waits on the network, extraction on the CPU, which the worker processes do), at
most `PER_HOST` at a time per host, and come out in input order.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from newsextract._errors import ErrorKind, FetchError, NewsextractError, NotHTML
from newsextract.rules.thresholds import DEFAULT_MAX_BYTES, DEFAULT_TIME_BUDGET

if TYPE_CHECKING:
    import ipaddress
    import queue

    import httpx

    from newsextract._model import Article
    from newsextract.io.batch import PageTask, Record

MISSING_FETCHER = "fetching URLs needs httpx: pip install 'newsextract[fetch]'"

CONNECT_TIMEOUT = 10.0
"""Seconds to open a connection (TLS included). A live server answers in well under a second;
ten covers a slow link and a lost packet or two (the kernel resends a SYN after 1 s, 3 s)."""
READ_TIMEOUT = 30.0
"""Seconds of silence allowed while waiting for the reply or its next bytes: a server that
builds a heavy page may think for several seconds; past half a minute it is stuck."""
TOTAL_TIMEOUT = 120.0
"""Seconds for one URL's whole download, hops and retries included: a 50 MB page at a slow
3.5 Mbit/s, and a stop for a server that sends a byte at a time just inside READ_TIMEOUT."""
MAX_REDIRECTS = 10
"""Hops followed. News sites chain http -> https -> www -> canonical -> consent page: under
five in practice; browsers stop at 20, but a chain past ten is a loop or a trap."""
MAX_RETRIES = 2
"""Retries after a 429 or 503: enough to ride out a short throttle, few enough that a
server that keeps refusing costs a batch little."""
RETRY_AFTER_CAP = 30.0
"""The longest Retry-After waited for, in seconds; a server that asks for more gets no retry
(waiting longer would stall a batch slot for one page)."""
BACKOFF_BASE = 1.0
"""Seconds before the first retry when the server gives no Retry-After; doubled each time."""
FETCH_WORKERS = 8
"""URLs fetched at once in a batch: enough to hide network latency behind a few cores of
extraction, few enough to stay polite and bounded in memory (each holds at most max_bytes)."""
PER_HOST = 2
"""Connections at once to one host in a batch, the old HTTP/1.1 advice for polite clients: a
list of one site's pages must not look like an attack on it."""
_AHEAD = 4
"""URLs fetched ahead of the output per worker thread: a slow URL first in line does not idle
the threads, and memory stays bounded."""
_CLOSE_WAIT = 1.0
"""Seconds a closing batch waits for its fetch threads: idle ones stop at once; one blocked in
a read after Ctrl-C is left to its timeout rather than stalling the exit."""

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 503})
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
"""Content types fetched as pages (text/plain: extract() takes page text too)."""
_UNTYPED = frozenset({"", "application/octet-stream"})
"""Content types that say nothing (no header, or a server's default for unknown files):
the body is fetched and `extract()` tells a page from binary data, as for files."""
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
_NAT64 = "64:ff9b::/96"
"""IPv6 addresses that a NAT64 gateway maps to the IPv4 address in their last 32 bits."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How URLs are fetched; the defaults are the module's constants."""

    max_bytes: int = DEFAULT_MAX_BYTES
    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT
    total_timeout: float = TOTAL_TIMEOUT
    max_redirects: int = MAX_REDIRECTS
    retries: int = MAX_RETRIES
    allow_private: bool = False
    """Allow private, loopback, link-local and other non-public addresses."""
    user_agent: str | None = None
    """None: `newsextract/VERSION (+python-httpx/VERSION)`."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched page: its body (content encodings undone), its HTTP charset, its final URL."""

    data: bytes
    charset: str | None
    url: str


# --- which addresses may be reached ----------------------------------------------------------


def is_public_address(address: str) -> bool:
    """Whether an IP address (IPv6 scope allowed) is on the public internet.

    Refused: private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local (169.254/16
    with the cloud metadata service, fe80::/10), shared (100.64/10), documentation, multicast,
    reserved and unspecified addresses, and IPv6 forms that carry such an IPv4 address
    (IPv4-mapped, 6to4, NAT64).
    """
    import ipaddress  # Here, not at the top: `import newsextract` does not need it.

    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return is_public_address(str(embedded))
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    import ipaddress

    if ip in ipaddress.ip_network(_NAT64):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _any_address(address: str) -> bool:
    return True


# --- one URL ---------------------------------------------------------------------------------


class Fetcher:
    """Fetches URLs with one httpx client (connections are reused); safe to share between
    threads. `host_slots` limits connections per host; `stop` ends waits and downloads early.

    Raises `ModuleNotFoundError` with the install hint when httpx is missing.
    """

    def __init__(
        self,
        options: FetchOptions,
        *,
        max_connections: int = 1,
        host_slots: _HostSlots | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        try:
            import httpx

            from newsextract.io.fetch_transport import VettedTransport
        except ModuleNotFoundError as error:
            raise ModuleNotFoundError(MISSING_FETCHER, name="httpx") from error
        self._options = options
        self._slots = host_slots
        self._stop = stop or threading.Event()
        policy = _any_address if options.allow_private else is_public_address
        self._client = httpx.Client(
            transport=VettedTransport(policy, max_connections),
            timeout=httpx.Timeout(options.read_timeout, connect=options.connect_timeout),
            follow_redirects=False,
            trust_env=False,
            headers=_headers(options, httpx.__version__),
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """The page at `url`, after redirects; raises `FetchError` or `NotHTML`."""
        deadline = time.monotonic() + self._options.total_timeout
        current = url
        for _ in range(self._options.max_redirects + 1):
            target = _checked_url(current)
            with self._slot(target):
                response = self._get(target, deadline)
                try:
                    location = _redirect_location(response)
                    if location is None:
                        return self._page(response, target, deadline)
                finally:
                    response.close()
            current = str(target.join(location))
        raise FetchError(f"too many redirects (more than {self._options.max_redirects})")

    def _slot(self, url: httpx.URL) -> AbstractContextManager[None]:
        if self._slots is None:
            return nullcontext()
        return self._slots.hold(f"{url.host}:{url.port or url.scheme}")

    def _get(self, url: httpx.URL, deadline: float) -> httpx.Response:
        """The reply to a GET, after the retries that 429 and 503 allow."""
        retries = self._options.retries
        for attempt in range(retries + 1):
            response = self._send(url)
            status = response.status_code
            if status not in _RETRY_STATUSES:
                return response
            response.close()
            what = f"HTTP {status} {response.reason_phrase}".rstrip()
            if attempt == retries:
                raise FetchError(f"{what}, still after {retries} retries", status=status)
            delay = _retry_delay(response.headers.get("Retry-After"), attempt)
            if delay is None:
                asked = response.headers.get("Retry-After")
                raise FetchError(
                    f"{what}: Retry-After {asked} is over the {RETRY_AFTER_CAP:g} s this waits",
                    status=status,
                )
            if time.monotonic() + delay > deadline:
                raise FetchError(f"{what}: no time left to retry", status=status)
            if self._stop.wait(delay):
                raise FetchError("stopped")
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _send(self, url: httpx.URL) -> httpx.Response:
        request = self._client.build_request("GET", url)
        with _fetch_errors(url, self._options):
            return self._client.send(request, stream=True)

    def _page(self, response: httpx.Response, url: httpx.URL, deadline: float) -> Fetched:
        status = response.status_code
        if not 200 <= status < 300:
            raise FetchError(f"HTTP {status} {response.reason_phrase}".rstrip(), status=status)
        media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media not in _PAGE_TYPES and media not in _UNTYPED:
            raise NotHTML(f"the server sent {media}, not a page")
        limit = self._options.max_bytes
        declared = _content_length(response)
        if declared is not None and declared > limit:
            raise FetchError(f"the reply is {declared:,} bytes, over the limit of {limit:,}")
        raw = self._read(response, url, deadline)
        from newsextract.io.warc_reader import undo_http_encodings

        try:
            # Chunked transfer is undone by the HTTP layer already; only content codings remain.
            data = undo_http_encodings(
                raw, None, response.headers.get("Content-Encoding"), limit=limit
            )
        except ValueError as error:
            raise FetchError(f"cannot decode the body: {error}") from error
        return Fetched(data, response.charset_encoding, str(url))

    def _read(self, response: httpx.Response, url: httpx.URL, deadline: float) -> bytes:
        """The raw body, read in chunks; stops as soon as it passes the limit or the deadline."""
        limit = self._options.max_bytes
        body = bytearray()
        with _fetch_errors(url, self._options):
            # Pieces as they arrive (at most 64 KiB, httpcore's read size): with a chunk size,
            # httpx would gather bytes before handing them on, and the checks would wait.
            for chunk in response.iter_raw():
                body += chunk
                if len(body) > limit:
                    raise FetchError(f"the reply is over the limit of {limit:,} bytes")
                if time.monotonic() > deadline:
                    total = self._options.total_timeout
                    raise FetchError(f"timed out: the download took over {total:g} s")
                if self._stop.is_set():
                    raise FetchError("stopped")
        return bytes(body)


def _headers(options: FetchOptions, httpx_version: str) -> dict[str, str]:
    from newsextract import __version__

    agent = options.user_agent or f"newsextract/{__version__} (+python-httpx/{httpx_version})"
    return {
        "User-Agent": agent,
        "Accept": _ACCEPT,
        # Only what `undo_http_encodings` undoes (httpx alone would offer zstd when installed).
        "Accept-Encoding": "gzip, deflate, br" if _has_brotli() else "gzip, deflate",
    }


def _has_brotli() -> bool:
    try:
        import brotli  # type: ignore[import-not-found,import-untyped,unused-ignore]  # noqa: F401
    except ModuleNotFoundError:
        return False
    return True


def _checked_url(text: str) -> httpx.URL:
    import httpx

    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, TypeError) as error:
        raise FetchError(f"not a valid URL: {error}") from error
    if url.scheme not in {"http", "https"}:
        scheme = f"{url.scheme}:" if url.scheme else "a relative URL"
        raise FetchError(f"only http and https URLs are fetched, not {scheme} ({text[:200]})")
    if not url.host:
        raise FetchError(f"the URL has no host: {text[:200]}")
    return url


def _redirect_location(response: httpx.Response) -> str | None:
    """Where a redirect points; None for any other reply (a 3xx without Location included,
    which then fails as an HTTP status)."""
    if response.status_code not in _REDIRECTS:
        return None
    return response.headers.get("Location") or None


def _content_length(response: httpx.Response) -> int | None:
    try:
        return int(response.headers["Content-Length"])
    except (KeyError, ValueError):
        return None


def _retry_delay(retry_after: str | None, attempt: int) -> float | None:
    """Seconds to wait before retry `attempt` (0 first): Retry-After's seconds or date, else
    the backoff; None when the server asks for more than the cap."""
    if retry_after is None or not retry_after.strip():
        return BACKOFF_BASE * 2.0**attempt
    text = retry_after.strip()
    if text.isdigit():
        delay = float(text)
    else:
        from email.utils import parsedate_to_datetime  # Imported here: 30 ms, rarely needed.

        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return BACKOFF_BASE * 2.0**attempt  # Unreadable: as if absent.
        delay = max(0.0, when.timestamp() - time.time())
    return delay if delay <= RETRY_AFTER_CAP else None


@contextmanager
def _fetch_errors(url: httpx.URL, options: FetchOptions) -> Iterator[None]:
    """httpx's errors as `FetchError`s whose message says what happened."""
    import httpx

    host = url.host
    try:
        yield
    except httpx.ConnectTimeout as error:
        wait = options.connect_timeout
        raise FetchError(f"timed out connecting to {host} (after {wait:g} s)") from error
    except httpx.ReadTimeout as error:
        wait = options.read_timeout
        raise FetchError(f"timed out: {host} sent nothing for {wait:g} s") from error
    except httpx.TimeoutException as error:
        raise FetchError(f"timed out talking to {host}: {error}") from error
    except httpx.ConnectError as error:
        raise FetchError(f"cannot connect to {host}: {error}") from error
    except httpx.ProtocolError as error:
        raise FetchError(f"bad HTTP reply from {host}: {error}") from error
    except httpx.HTTPError as error:
        raise FetchError(f"fetching from {host} failed: {error}") from error


def extract_url(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    total_timeout: float = TOTAL_TIMEOUT,
    max_redirects: int = MAX_REDIRECTS,
    retries: int = MAX_RETRIES,
    allow_private: bool = False,
    user_agent: str | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> Article:
    """Fetch the page at an http(s) `url` and extract its article (needs the `fetch` extra).

    The article's `url` is the page's address after redirects. `allow_private` allows
    private, loopback and link-local addresses (refused by default: see the module's notes);
    the other limits are the module's constants. Raises `FetchError` when the page cannot be
    fetched, `NotHTML` when the server says it is not a page, the `NewsextractError`s of
    `extract()` for the page itself, and `ModuleNotFoundError` with an install hint when
    httpx is missing.
    """
    options = FetchOptions(
        max_bytes=max_bytes,
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        total_timeout=total_timeout,
        max_redirects=max_redirects,
        retries=retries,
        allow_private=allow_private,
        user_agent=user_agent,
    )
    with Fetcher(options) as fetcher:
        page = fetcher.fetch(url)
    # The HTTP charset is applied exactly as for a WARC page (batch.process_bytes).
    from newsextract import extract
    from newsextract.io.batch import _apply_charset

    source = _apply_charset(page.data, page.charset)
    return extract(source, url=page.url, max_bytes=max_bytes, time_budget=time_budget)


# --- many URLs, in order ---------------------------------------------------------------------


def is_url(name: str) -> bool:
    """Whether a command-line input names a URL to fetch (`http://` or `https://`)."""
    return name[:8].lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class UrlTask:
    """A URL to fetch; `page_url` replaces the final URL as the page's address when given."""

    url: str
    page_url: str | None = None


def fetch_urls(
    tasks: Iterable[T | UrlTask],
    options: FetchOptions | None = None,
    *,
    workers: int = FETCH_WORKERS,
    per_host: int = PER_HOST,
) -> Iterator[T | PageTask | Record]:
    """`tasks` in their order, each `UrlTask` replaced by its fetched page (a `PageTask` with
    the HTTP charset, for `batch.run`) or a failure `Record` in its place.

    URLs are fetched on `workers` threads, at most `per_host` at a time per host, up to a
    bounded number ahead of the output. Without httpx every URL is a `MissingDependency`
    record. Closing the iterator stops the fetching.
    """
    runner: _Runner | None = None
    missing = False
    pending: deque[T | Record | _Pending] = deque()
    window = max(1, workers) * _AHEAD
    try:
        for task in tasks:
            if isinstance(task, UrlTask) and runner is None and not missing:
                try:
                    runner = _Runner(options or FetchOptions(), workers, per_host)
                except ModuleNotFoundError:
                    missing = True
            if isinstance(task, UrlTask):
                pending.append(runner.submit(task) if runner else _missing_record(task))
            else:
                pending.append(task)
            while pending and (len(pending) > window or _ready(pending[0])):
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        if runner is not None:
            runner.close()


def _ready(item: object) -> bool:
    return not isinstance(item, _Pending) or item.done()


def _result(item: T | _Pending) -> T | PageTask | Record:
    return item.result() if isinstance(item, _Pending) else item


def _missing_record(task: UrlTask) -> Record:
    from newsextract.io.batch import Record

    return Record(task.url, error=ErrorKind.MISSING_DEPENDENCY, message=MISSING_FETCHER)


class _HostSlots:
    """At most `per_host` holders at a time for each host."""

    def __init__(self, per_host: int) -> None:
        self._per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    @contextmanager
    def hold(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._slots.get(host)
            if slot is None:
                slot = self._slots[host] = threading.BoundedSemaphore(self._per_host)
        with slot:
            yield


class _Pending:
    """One URL's result, to come from a fetch thread."""

    def __init__(self, task: UrlTask) -> None:
        self.task = task
        self._done = threading.Event()
        self._result: PageTask | Record | None = None

    def set(self, result: PageTask | Record) -> None:
        self._result = result
        self._done.set()

    def done(self) -> bool:
        return self._done.is_set()

    def result(self) -> PageTask | Record:
        self._done.wait()
        assert self._result is not None
        return self._result


class _Runner:
    """Worker threads fetching `UrlTask`s from a queue, each into its `_Pending`.

    Daemon threads rather than a ThreadPoolExecutor: after Ctrl-C a thread blocked in a read
    must not hold up the exit (an executor's threads are joined at exit); `stop` ends their
    waits and downloads at the next chunk.
    """

    def __init__(self, options: FetchOptions, workers: int, per_host: int) -> None:
        self._stop = threading.Event()
        self._fetcher = Fetcher(
            options,
            max_connections=max(1, workers),
            host_slots=_HostSlots(per_host),
            stop=self._stop,
        )
        import queue  # Here, not at the top: `import newsextract` does not need it.

        self._jobs: queue.SimpleQueue[_Pending | None] = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._work, name=f"newsextract-fetch-{n}", daemon=True)
            for n in range(max(1, workers))
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, task: UrlTask) -> _Pending:
        pending = _Pending(task)
        self._jobs.put(pending)
        return pending

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._stop.is_set():
                return
            job.set(_fetch_task(self._fetcher, job.task))

    def close(self) -> None:
        self._stop.set()
        for _ in self._threads:
            self._jobs.put(None)
        deadline = time.monotonic() + _CLOSE_WAIT
        for thread in self._threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        # A thread still in a read (after Ctrl-C) keeps its client: closing a socket under a
        # blocked read is unsafe. It ends at its read timeout, or with the process.
        if not any(thread.is_alive() for thread in self._threads):
            self._fetcher.close()


def _fetch_task(fetcher: Fetcher, task: UrlTask) -> PageTask | Record:
    """One URL's fetched page, or its failure as a record; never raises."""
    from newsextract.io.batch import PageTask, Record

    try:
        page = fetcher.fetch(task.url)
    except NewsextractError as error:
        return Record(task.url, error=ErrorKind.of(error), message=str(error))
    except Exception as error:  # A bug must not stop the batch: it becomes a record.
        message = f"{type(error).__name__}: {error}"
        return Record(task.url, error=ErrorKind.INTERNAL_ERROR, message=message)
    return PageTask(page.data, task.url, task.page_url or page.url, page.charset)


__all__ = [
    "CONNECT_TIMEOUT",
    "MAX_REDIRECTS",
    "MAX_RETRIES",
    "MISSING_FETCHER",
    "READ_TIMEOUT",
    "TOTAL_TIMEOUT",
    "FetchOptions",
    "Fetched",
    "Fetcher",
    "UrlTask",
    "extract_url",
    "fetch_urls",
    "is_public_address",
    "is_url",
]
