"""Suite-wide guard: no test may reach the network.

newsextract must never touch the network, whatever a page contains (external entities, DTDs,
`<base href>`, links). For the whole session `socket.socket.connect`/`connect_ex`,
`socket.create_connection` and `socket.getaddrinfo` refuse every destination that is not this
machine, by raising `NetworkAccessBlocked`; and a test during which any such attempt was made
fails, even if the code under test caught the error.

Loopback (127.0.0.0/8, ::1, `localhost`) and Unix sockets stay open, so that in-process
clusters (the Dask tests) still talk to their own workers, and tests/test_fetch.py to its
local HTTP server (newsextract itself refuses loopback URLs unless told to allow them).
Tests that run subprocesses are unaffected: a child process does not inherit the patch, and
talks to its parent over pipes.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--strict-timing",
        action="store_true",
        help="wall-clock bounds as written, without the busy-machine slack (tests/_perf.py)",
    )


def pytest_configure(config: pytest.Config) -> None:
    from tests import _perf

    _perf.strict = bool(config.getoption("--strict-timing"))


_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", ""})


class NetworkAccessBlocked(RuntimeError):
    """A test tried to reach a host other than this machine."""


_attempts: list[str] = []


def _is_local_host(host: object) -> bool:
    if host is None:
        return True  # getaddrinfo(None, port): a local wildcard for a listening socket.
    if isinstance(host, bytes):
        host = host.decode("ascii", errors="replace")
    if not isinstance(host, str):
        return False
    name = host.strip("[]").split("%", 1)[0].lower()
    if name in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False  # A host name that would need a DNS lookup.
    return address.is_loopback or address.is_unspecified


def _refuse(what: str, destination: object) -> None:
    message = (
        f"network access blocked in tests: {what}({destination!r}); newsextract must never"
        " touch the network (see tests/conftest.py)"
    )
    _attempts.append(message)
    raise NetworkAccessBlocked(message)


def _check_address(sock: socket.socket, address: Any, what: str) -> None:
    if sock.family == getattr(socket, "AF_UNIX", None):
        return
    host = address[0] if isinstance(address, tuple) and address else address
    if not _is_local_host(host):
        _refuse(what, address)


@pytest.fixture(scope="session", autouse=True)
def _block_network() -> Iterator[None]:
    """Patch the socket module for the whole session; undo it at the end."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create_connection = socket.create_connection
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> None:
        _check_address(self, address, "socket.connect")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        _check_address(self, address, "socket.connect_ex")
        return real_connect_ex(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if not _is_local_host(address[0]):
            _refuse("socket.create_connection", address)
        return real_create_connection(address, *args, **kwargs)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_local_host(host):
            _refuse("socket.getaddrinfo", host)
        return real_getaddrinfo(host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket.socket, "connect_ex", connect_ex)
        patch.setattr(socket, "create_connection", create_connection)
        patch.setattr(socket, "getaddrinfo", getaddrinfo)
        yield


@pytest.fixture(autouse=True)
def _fail_on_swallowed_network_access() -> Iterator[None]:
    """Fail the test if it tried the network, even when the attempt's error was caught."""
    start = len(_attempts)
    yield
    if len(_attempts) > start:
        pytest.fail("\n".join(_attempts[start:]), pytrace=False)


# --- what every Article must satisfy, whatever the input -------------------------------------

# Labels that are never story text; a paragraph that is exactly one of them is a bug.
BOILERPLATE_LABELS = frozenset({"advertisement", "follow us", "latest headlines", "share this"})


def _is_http_url(value: object) -> bool:
    from urllib.parse import urlsplit

    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def assert_article_invariants(article: Any, *, url: str | None = None) -> None:
    """Fail unless `article` keeps the invariants every extracted `Article` must keep.

    `url` is the URL passed to `extract()`: it is reported as given; without it, a URL the
    page supplies must be absolute http(s).
    """
    from datetime import datetime

    from newsextract import Article

    assert isinstance(article, Article)
    for paragraph in article.paragraphs:
        assert isinstance(paragraph, str) and paragraph, f"empty paragraph in {article!r:.300}"
        assert paragraph == " ".join(paragraph.split()), f"unnormalised: {paragraph!r:.200}"
        assert paragraph.casefold() not in BOILERPLATE_LABELS, f"label kept: {paragraph!r}"
    for link in article.related:
        assert link.url is None or _is_http_url(link.url), f"related URL {link.url!r:.200}"
    for caption in article.captions:
        assert caption.image_url is None or _is_http_url(caption.image_url), (
            f"caption image URL {caption.image_url!r:.200}"
        )
    assert article.top_image is None or _is_http_url(article.top_image), (
        f"top image {article.top_image!r:.200}"
    )
    if url:
        assert article.url == url
    else:
        assert article.url is None or _is_http_url(article.url), f"url {article.url!r:.200}"
    for stamp in (article.published, article.modified):
        assert stamp is None or isinstance(stamp, datetime)
    text = article.to_json()
    text.encode("utf-8")  # No lone surrogates: the record can be written out.
    assert Article.from_json(text) == article


@pytest.fixture(scope="session")
def article_invariants() -> Any:
    """`assert_article_invariants`, for test modules (a fixture, so no test imports conftest)."""
    return assert_article_invariants
