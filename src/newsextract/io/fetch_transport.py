"""The httpx transport behind `fetch`: it connects only to addresses a policy allows.

The check is made where the connection is made. `VettedBackend.connect_tcp` (an httpcore
network backend) resolves the host once, refuses the host unless every address it resolves
to passes the policy, and opens the socket to one of those checked addresses itself; TLS then
runs over that socket with the URL's host name, so certificates and SNI are checked as usual.
There is no second lookup between the check and the connection, so a name that resolves to a
public address for the check and to a private one a moment later (DNS rebinding) cannot slip
through. Each hop of a redirect chain to a new host opens a new connection, so each is
checked; a kept-alive connection is reused only for the same host, already checked.

No proxy is ever used (httpx's environment proxies are not mounted on a transport given
explicitly): a proxy resolves names itself, out of reach of the check.

This module imports httpx and httpcore at its top: `fetch` imports it only when it fetches.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import httpcore
import httpx

from newsextract._errors import FetchError

AddressPolicy = Callable[[str], bool]
"""Whether a connection to an IP address (as text, IPv6 scope allowed) may be made."""


def resolve(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, in the resolver's order, each once."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class VettedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to resolved addresses the policy allows."""

    def __init__(self, allowed: AddressPolicy) -> None:
        self._allowed = allowed

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = _addresses(host, port)
        refused = [address for address in addresses if not self._allowed(address)]
        if refused:
            # Every address must pass: a name that mixes public and private addresses is
            # how rebinding attacks get the connection to pick the private one.
            raise FetchError(
                f"refused: {host} resolves to {refused[0]}, which is not a public address"
                " (allow_private=True or --allow-private allows it)"
            )
        failure: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error  # The next address may answer (IPv6 and IPv4, several hosts).
        assert failure is not None
        raise failure


def _addresses(host: str, port: int) -> list[str]:
    if _is_ip_literal(host):
        return [host]  # Nothing to look up.
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise FetchError(f"cannot resolve {host}: {reason}") from error
    if not addresses:
        raise FetchError(f"cannot resolve {host}: no address")
    return addresses


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


# httpcore's errors as httpx's, the most specific first (what httpx's own transport does).
_ERRORS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextmanager
def _as_httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as error:
        for core, mapped in _ERRORS:
            if isinstance(error, core):
                raise mapped(str(error)) from error
        raise


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class VettedTransport(httpx.BaseTransport):
    """An httpx transport over an httpcore pool whose connections `VettedBackend` opens."""

    def __init__(self, allowed: AddressPolicy, max_connections: int) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=max_connections,
            network_backend=VettedBackend(allowed),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _as_httpx_errors():
            response = self._pool.handle_request(core_request)
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()
