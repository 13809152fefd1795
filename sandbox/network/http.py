"""HTTP/1.1 over the simulated network: a server, blocking and non-blocking clients, busybox ``wget``.

* :class:`HTTPServer` binds at construction (so ``EADDRINUSE`` surfaces there) and runs its event
  loop in the calling managed thread with a :class:`~sandbox.network.socket.Poller`: one thread
  serves every connection, keep-alive and pipelining included; the handler runs in that thread
  (a handler that sleeps delays everyone, as a single-worker server does). Malformed requests get
  ``400 Bad Request`` and the connection is closed.
* :func:`http_request` / :func:`http_get` block (managed threads, or test code driving the clock).
* :func:`http_request_async` never blocks: for the kubelet's probes and other clock callbacks; the
  result arrives as ``on_done(response, error)`` (a clock callback) and on ``AsyncRequest.event``.
* :func:`wget` returns what busybox ``wget`` prints and exits with.
* :func:`go_http_error` / :func:`go_dial_error` word a failure as Go's ``net/http`` does, which is
  what the kubelet puts in ``Unhealthy`` events
  (``Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused``).

Status lines are written as real servers write them: ``HTTP/1.1 200 OK``, reasons from
``http.HTTPStatus``; an unknown code gets Go's ``status code 599``.
"""

from __future__ import annotations

import contextlib
import json as _json
import re
import socket as _pysocket
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import formatdate
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from sandbox.clock import Event, Timer
from sandbox.network.errors import ECONNRESET, ETIMEDOUT, os_error
from sandbox.network.fabric import TCP_SYN_TIMEOUT, ConnectHandle
from sandbox.network.namespace import NetworkNamespace
from sandbox.network.socket import Address, Connection, ListeningSocket, Poller

__all__ = [
    "Headers",
    "HTTPRequest",
    "HTTPResponse",
    "HTTPServer",
    "HTTPProtocolError",
    "TooManyRedirects",
    "AsyncRequest",
    "WgetResult",
    "http_request",
    "http_get",
    "http_request_async",
    "wget",
    "go_http_error",
    "go_dial_error",
    "reason_phrase",
    "REDIRECT_CODES",
]

REDIRECT_CODES = (301, 302, 303, 307, 308)
_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
_VERSION = re.compile(r"^HTTP/(\d)\.(\d)$")
_HEAD_END = re.compile(rb"\r?\n\r?\n")


def reason_phrase(status: int) -> str:
    """The reason phrase servers write after a status code (``404`` -> ``Not Found``)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"status code {status}"


class HTTPProtocolError(Exception):
    """The peer broke HTTP (bad status line, closed early, ...)."""

    def __init__(self, message: str, *, eof: bool = False) -> None:
        super().__init__(message)
        #: the connection ended before a complete message (Go says ``EOF``)
        self.eof = eof


class TooManyRedirects(HTTPProtocolError):
    """More redirects than ``max_redirects``."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"stopped after {limit} redirects")
        self.limit = limit


# ---------------------------------------------------------------------------------- messages


class Headers:
    """HTTP header fields: ordered, repeatable, looked up case-insensitively."""

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] | Headers | None = None) -> None:
        self._items: list[tuple[str, str]] = []
        if items is None:
            return
        pairs = items.items() if isinstance(items, Mapping | Headers) else items
        for k, v in pairs:
            self.add(k, v)

    def add(self, name: str, value: Any) -> None:
        self._items.append((str(name), str(value)))

    def set(self, name: str, value: Any) -> None:
        """Replace every field called ``name`` with one."""
        self.remove(name)
        self.add(name, value)

    def setdefault(self, name: str, value: Any) -> None:
        if name not in self:
            self.add(name, value)

    def remove(self, name: str) -> None:
        low = name.lower()
        self._items = [(k, v) for k, v in self._items if k.lower() != low]

    def get(self, name: str, default: str | None = None) -> str | None:
        low = name.lower()
        for k, v in self._items:
            if k.lower() == low:
                return v
        return default

    def get_all(self, name: str) -> list[str]:
        low = name.lower()
        return [v for k, v in self._items if k.lower() == low]

    def tokens(self, name: str) -> list[str]:
        """Comma-separated tokens of every ``name`` field, lower-cased (``Connection: close``)."""
        return [t.strip().lower() for v in self.get_all(name) for t in v.split(",") if t.strip()]

    def items(self) -> list[tuple[str, str]]:
        return list(self._items)

    def __getitem__(self, name: str) -> str:
        v = self.get(name)
        if v is None:
            raise KeyError(name)
        return v

    def __setitem__(self, name: str, value: Any) -> None:
        self.set(name, value)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(k for k, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Headers):
            return self._items == other._items
        if isinstance(other, Mapping):
            return {k.lower(): v for k, v in self._items} == {k.lower(): v for k, v in other.items()}
        return NotImplemented

    def to_dict(self) -> dict[str, str]:
        """Last value of each name, names as sent."""
        return {k: v for k, v in self._items}

    def __repr__(self) -> str:
        return f"Headers({self._items!r})"


@dataclass
class HTTPRequest:
    """What a handler gets."""

    method: str
    target: str
    version: str = "HTTP/1.1"
    headers: Headers = field(default_factory=Headers)
    body: bytes = b""
    client: Address = ("", 0)
    server: Address = ("", 0)

    @property
    def path(self) -> str:
        """The decoded path (``/a b`` for ``/a%20b?x=1``)."""
        return unquote(urlsplit(self.target).path) or "/"

    @property
    def query(self) -> str:
        """The raw query string (``x=1``)."""
        return urlsplit(self.target).query

    @property
    def query_params(self) -> dict[str, list[str]]:
        return parse_qs(self.query, keep_blank_values=True)

    @property
    def host(self) -> str | None:
        return self.headers.get("Host")

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        return _json.loads(self.body)


@dataclass
class HTTPResponse:
    """A response: what a handler returns and what the clients give back.

    ``headers`` may be given as a dict or pairs; ``body`` as ``str`` (UTF-8) or bytes; ``reason``
    defaults to the standard phrase.
    """

    status: int = 200
    headers: Any = None
    body: Any = b""
    reason: str | None = None
    version: str = "HTTP/1.1"
    #: the URL this answered (after redirects), set by the clients
    url: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.headers, Headers):
            self.headers = Headers(self.headers)
        if isinstance(self.body, str):
            self.body = self.body.encode()
        elif not isinstance(self.body, bytes):
            self.body = bytes(self.body)
        if self.reason is None:
            self.reason = reason_phrase(self.status)

    @property
    def status_line(self) -> str:
        """``HTTP/1.1 404 Not Found``"""
        return f"{self.version} {self.status} {self.reason}".rstrip()

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 400

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        return _json.loads(self.body)


def _coerce_response(value: Any) -> HTTPResponse:
    if isinstance(value, HTTPResponse):
        return value
    if isinstance(value, str | bytes | bytearray):
        return HTTPResponse(200, body=bytes(value) if not isinstance(value, str) else value)
    if isinstance(value, int):
        return HTTPResponse(value)
    if isinstance(value, tuple):
        if len(value) == 2:
            return HTTPResponse(value[0], body=value[1])
        if len(value) == 3:
            return HTTPResponse(value[0], headers=value[1], body=value[2])
    if isinstance(value, dict | list):
        return HTTPResponse(200, {"Content-Type": "application/json"}, _json.dumps(value))
    raise TypeError(
        "an HTTP handler must return an HTTPResponse, a str/bytes body, a status code, "
        f"(status, body) or (status, headers, body), not {type(value).__name__}"
    )


# ---------------------------------------------------------------------------------- parsing


class _Malformed(Exception):
    def __init__(self, status: int = 400, detail: str = "") -> None:
        super().__init__(detail or reason_phrase(status))
        self.status = status


class _Parser:
    """Incremental HTTP/1.x message parser (requests or responses), pipelining-safe."""

    def __init__(self, *, response: bool, method: str = "GET", max_head: int = 1 << 16) -> None:
        self.response = response
        self.method = method
        self.max_head = max_head
        self.buf = bytearray()
        self.eof = False
        self._reset()

    def _reset(self) -> None:
        self.head: tuple[str, str, str] | None = None
        self.headers = Headers()
        self.body = bytearray()
        self.mode = ""  # "length", "chunked", "close", "none"
        self.remaining = 0
        self.chunk_state = "size"
        self.started = False

    def feed(self, data: bytes) -> None:
        if data:
            self.buf += data
            self.started = True

    def feed_eof(self) -> None:
        self.eof = True

    def _parse_head(self) -> bool:
        if not self.response:
            while self.buf[:2] == b"\r\n" or self.buf[:1] == b"\n":
                del self.buf[: 2 if self.buf[:1] == b"\r" else 1]
        m = _HEAD_END.search(self.buf)
        if m is None:
            if len(self.buf) > self.max_head:
                raise _Malformed(431 if not self.response else 400, "header too large")
            return False
        raw = bytes(self.buf[: m.start()])
        del self.buf[: m.end()]
        try:
            text = raw.decode("latin-1")
        except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes anything
            raise _Malformed() from None
        lines = text.replace("\r\n", "\n").split("\n")
        start = lines[0]
        if self.response:
            parts = start.split(" ", 2)
            if len(parts) < 2 or not _VERSION.match(parts[0]) or not parts[1].isdigit() or len(parts[1]) != 3:
                raise _Malformed(400, f"malformed HTTP response {start!r}")
            self.head = (parts[0], parts[1], parts[2] if len(parts) > 2 else "")
        else:
            parts = start.split(" ")
            if len(parts) != 3 or not _TOKEN.match(parts[0]) or not parts[1]:
                raise _Malformed(400, f"malformed HTTP request {start!r}")
            vm = _VERSION.match(parts[2])
            if not vm:
                raise _Malformed(400, f"malformed HTTP version {parts[2]!r}")
            if vm.group(1) != "1":
                raise _Malformed(505)
            self.head = (parts[0], parts[1], parts[2])
        for line in lines[1:]:
            if not line:
                continue
            if line[0] in " \t":
                raise _Malformed(400, "obsolete line folding")
            name, sep, value = line.partition(":")
            if not sep or not _TOKEN.match(name):
                raise _Malformed(400, f"malformed MIME header line: {line}")
            self.headers.add(name, value.strip(" \t"))
        self._choose_body()
        return True

    def _choose_body(self) -> None:
        assert self.head is not None
        te = self.headers.tokens("Transfer-Encoding")
        lengths = {v.strip() for v in self.headers.get_all("Content-Length")}
        if self.response:
            code = int(self.head[1])
            if self.method == "HEAD" or 100 <= code < 200 or code in (204, 304):
                self.mode = "none"
                return
        else:
            if self.head[2] == "HTTP/1.1" and "Host" not in self.headers:
                raise _Malformed(400, "missing required Host header")
        if te:
            if te[-1] != "chunked":
                raise _Malformed(501 if not self.response else 400, "unsupported transfer encoding")
            self.mode = "chunked"
        elif lengths:
            if len(lengths) != 1 or not next(iter(lengths)).isdigit():
                raise _Malformed(400, "bad Content-Length")
            self.mode = "length"
            self.remaining = int(next(iter(lengths)))
        else:
            self.mode = "close" if self.response else "none"

    def _parse_body(self) -> bool:
        if self.mode == "none":
            return True
        if self.mode == "length":
            take = min(self.remaining, len(self.buf))
            self.body += self.buf[:take]
            del self.buf[:take]
            self.remaining -= take
            if self.remaining == 0:
                return True
            if self.eof:
                raise HTTPProtocolError("unexpected EOF", eof=True)
            return False
        if self.mode == "close":
            self.body += self.buf
            self.buf.clear()
            return self.eof
        # chunked
        while True:
            if self.chunk_state == "size":
                i = self.buf.find(b"\n")
                if i < 0:
                    break
                line = bytes(self.buf[:i]).rstrip(b"\r").split(b";")[0].strip()
                del self.buf[: i + 1]
                try:
                    size = int(line, 16)
                except ValueError:
                    raise _Malformed(400, "bad chunk size") from None
                if size == 0:
                    self.chunk_state = "trailer"
                else:
                    self.remaining = size
                    self.chunk_state = "data"
            elif self.chunk_state == "data":
                take = min(self.remaining, len(self.buf))
                self.body += self.buf[:take]
                del self.buf[:take]
                self.remaining -= take
                if self.remaining:
                    break
                self.chunk_state = "crlf"
            elif self.chunk_state == "crlf":
                i = self.buf.find(b"\n")
                if i < 0:
                    break
                del self.buf[: i + 1]
                self.chunk_state = "size"
            else:  # trailer: lines until an empty one
                i = self.buf.find(b"\n")
                if i < 0:
                    break
                line = bytes(self.buf[:i]).rstrip(b"\r")
                del self.buf[: i + 1]
                if not line:
                    return True
        if self.eof:
            raise HTTPProtocolError("unexpected EOF", eof=True)
        return False

    def next_message(self) -> tuple[tuple[str, str, str], Headers, bytes] | None:
        """A complete message ``(start line parts, headers, body)``, or ``None`` for "need more"."""
        if self.head is None and not self._parse_head():
            if self.eof and self.buf.strip():
                raise HTTPProtocolError("unexpected EOF", eof=True)
            return None
        if not self._parse_body():
            return None
        assert self.head is not None
        msg = (self.head, self.headers, bytes(self.body))
        self._reset()
        self.started = bool(self.buf)
        return msg


def _serialize_response(resp: HTTPResponse, *, head_only: bool, close: bool, date: str,
                        server: str | None, keep_alive_10: bool = False) -> bytes:
    h = Headers(resp.headers)
    status = resp.status
    no_body = 100 <= status < 200 or status in (204, 304)
    if server and "Server" not in h:
        h.add("Server", server)
    h.setdefault("Date", date)
    if not no_body:
        if resp.body and "Content-Type" not in h:
            h.add("Content-Type", "text/plain; charset=utf-8")
        if "Content-Length" not in h and "Transfer-Encoding" not in h:
            h.add("Content-Length", len(resp.body))
    if close:
        h.set("Connection", "close")
    elif keep_alive_10:
        h.set("Connection", "keep-alive")
    lines = [f"HTTP/1.1 {status} {resp.reason}".rstrip()]
    lines += [f"{k}: {v}" for k, v in h.items()]
    out = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    if not head_only and not no_body:
        out += resp.body
    return out


# ---------------------------------------------------------------------------------- server

Handler = Callable[[HTTPRequest], Any]


class _ConnState:
    __slots__ = ("parser", "deadline")

    def __init__(self, deadline: float | None) -> None:
        self.parser = _Parser(response=False)
        self.deadline = deadline


class HTTPServer:
    """A small HTTP/1.1 server in a namespace; :meth:`serve_forever` runs it in the calling thread.

    Args:
        ns: the namespace to listen in.
        port: the port (0 picks a free one; see :attr:`port`).
        handler: ``handler(request) -> HTTPResponse`` (or a body, a status, ``(status, body)``,
            ``(status, headers, body)``, or a dict/list sent as JSON). An exception in it answers
            ``500 Internal Server Error`` and is kept in :attr:`errors`.
        host: the bind address (``0.0.0.0``: every address of the namespace).
        server_header: a ``Server:`` header to send (``nginx/1.27.0``), none by default.
        keepalive_timeout: idle seconds before a kept-alive connection is closed (nginx: 75).
    """

    def __init__(
        self,
        ns: NetworkNamespace,
        port: int,
        handler: Handler,
        *,
        host: str = "0.0.0.0",
        backlog: int = 511,
        server_header: str | None = None,
        keepalive_timeout: float | None = 75.0,
    ) -> None:
        self.ns = ns
        self.clock = ns.network.clock
        self.handler = handler
        self.server_header = server_header
        self.keepalive_timeout = keepalive_timeout
        self.listener: ListeningSocket = ns.listen(port, host, backlog)
        self._poller = Poller(self.clock, f"http server on :{self.listener.port}")
        self._conns: dict[Connection, _ConnState] = {}
        self._stopping = False
        self.requests_served = 0
        #: exceptions the handler raised, in order
        self.errors: list[BaseException] = []
        #: ``(client ip, method, target, status)`` of every answered request, in order
        self.access_log: list[tuple[str, str, str, int]] = []

    @property
    def port(self) -> int:
        return self.listener.port

    @property
    def address(self) -> Address:
        return self.listener.address

    def shutdown(self) -> None:
        """Ask :meth:`serve_forever` to stop (callable from any thread or callback; never blocks)."""
        self._stopping = True
        self._poller.wakeup()

    def close(self) -> None:
        """Stop listening and close every connection."""
        self._stopping = True
        for conn in list(self._conns):
            conn.close()
        self._conns.clear()
        self.listener.close()
        self._poller.wakeup()

    def serve_forever(self, max_requests: int | None = None) -> None:
        """Serve until :meth:`shutdown`/:meth:`close`, or until ``max_requests`` were answered."""
        poller = self._poller
        poller.register(self.listener)
        try:
            while not self._stopping and not self.listener.closed:
                deadlines = [s.deadline for s in self._conns.values() if s.deadline is not None]
                timeout = None if not deadlines else max(0.0, min(deadlines) - self.clock.now())
                for sock in poller.poll(timeout):
                    if sock is self.listener:
                        self._accept_all()
                    else:
                        self._service(sock, max_requests)
                    if self._stopping:
                        break
                now = self.clock.now()
                for conn, st in list(self._conns.items()):
                    if st.deadline is not None and st.deadline <= now and not conn.pending():
                        self._drop(conn)
        finally:
            self.close()

    def _accept_all(self) -> None:
        while True:
            try:
                conn = self.listener.accept_nowait()
            except OSError:
                return
            deadline = None if self.keepalive_timeout is None else self.clock.now() + self.keepalive_timeout
            self._conns[conn] = _ConnState(deadline)
            self._poller.register(conn)

    def _drop(self, conn: Connection) -> None:
        self._poller.unregister(conn)
        self._conns.pop(conn, None)
        conn.close()

    def _date(self) -> str:
        return formatdate(self.clock.now(), usegmt=True)

    def _service(self, conn: Connection, max_requests: int | None) -> None:
        st = self._conns.get(conn)
        if st is None:
            self._poller.unregister(conn)
            return
        try:
            data = conn.recv_nowait(1 << 16)
        except BlockingIOError:
            return
        except OSError:
            self._drop(conn)
            return
        parser = st.parser
        if data:
            parser.feed(data)
        else:
            parser.feed_eof()
        while True:
            try:
                msg = parser.next_message()
            except _Malformed as exc:
                self._send_error(conn, exc.status)
                return
            except HTTPProtocolError:
                self._drop(conn)
                return
            if msg is None:
                if parser.eof:
                    self._drop(conn)
                return
            (method, target, version), headers, body = msg
            req = HTTPRequest(method, target, version, headers, body, conn.peer, conn.local)
            resp = self._call(req)
            conn_tokens = headers.tokens("Connection")
            if version == "HTTP/1.0":
                keep = "keep-alive" in conn_tokens
            else:
                keep = "close" not in conn_tokens
            if "close" in resp.headers.tokens("Connection"):
                keep = False
            self.requests_served += 1
            if max_requests is not None and self.requests_served >= max_requests:
                keep = False
                self._stopping = True
            wire = _serialize_response(
                resp, head_only=method == "HEAD", close=not keep, date=self._date(),
                server=self.server_header, keep_alive_10=keep and version == "HTTP/1.0",
            )
            self.access_log.append((conn.peer[0], method, target, resp.status))
            try:
                conn.sendall(wire)
            except OSError:
                self._drop(conn)
                return
            if not keep:
                self._drop(conn)
                return
            if self.keepalive_timeout is not None:
                st.deadline = self.clock.now() + self.keepalive_timeout

    def _call(self, req: HTTPRequest) -> HTTPResponse:
        try:
            return _coerce_response(self.handler(req))
        except Exception as exc:  # noqa: BLE001 - a handler bug is a 500, as in any server
            self.errors.append(exc)
            return HTTPResponse(500, body="500 Internal Server Error")

    def _send_error(self, conn: Connection, status: int) -> None:
        resp = HTTPResponse(status, body=f"{status} {reason_phrase(status)}")
        self.access_log.append((conn.peer[0], "", "", status))
        with contextlib.suppress(OSError):
            conn.sendall(_serialize_response(resp, head_only=False, close=True, date=self._date(),
                                             server=self.server_header))
        self._drop(conn)

    def __enter__(self) -> HTTPServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<HTTPServer {self.ns.name} :{self.port} served={self.requests_served}>"


# ---------------------------------------------------------------------------------- clients


@dataclass
class _Target:
    url: str
    host: str
    port: int
    path: str
    host_header: str


def _parse_url(url: str) -> _Target:
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    if parts.scheme != "http":
        raise ValueError(f"unsupported protocol scheme {parts.scheme!r} (the sandbox speaks plain HTTP)")
    host = parts.hostname or ""
    if not host:
        raise ValueError(f"no host in URL {url!r}")
    try:
        port = parts.port or 80
    except ValueError:
        raise ValueError(f"invalid port in URL {url!r}") from None
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return _Target(url, host, port, path, parts.netloc.rsplit("@", 1)[-1])


def _request_bytes(method: str, t: _Target, headers: Headers, body: bytes) -> bytes:
    h = Headers()
    h.add("Host", headers.get("Host") or t.host_header)
    for k, v in headers.items():
        if k.lower() != "host":
            h.add(k, v)
    if body or method in ("POST", "PUT", "PATCH"):
        h.setdefault("Content-Length", len(body))
    h.setdefault("Connection", "close")
    lines = [f"{method} {t.path} HTTP/1.1"] + [f"{k}: {v}" for k, v in h.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _to_response(msg: tuple[tuple[str, str, str], Headers, bytes], url: str) -> HTTPResponse:
    (version, code, reason), headers, body = msg
    return HTTPResponse(int(code), headers, body, reason=reason, version=version, url=url)


def _redirect(resp: HTTPResponse, method: str, body: bytes) -> tuple[str, str, bytes] | None:
    loc = resp.headers.get("Location")
    if resp.status not in REDIRECT_CODES or not loc:
        return None
    if resp.status == 303 or (resp.status in (301, 302) and method == "POST"):
        return urljoin(resp.url, loc), ("HEAD" if method == "HEAD" else "GET"), b""
    return urljoin(resp.url, loc), method, body


def _body_bytes(body: bytes | str | None) -> bytes:
    if body is None:
        return b""
    return body.encode() if isinstance(body, str) else bytes(body)


def http_request(
    ns: NetworkNamespace,
    url: str,
    *,
    method: str = "GET",
    headers: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    body: bytes | str | None = None,
    timeout: float | None = None,
    follow_redirects: bool = True,
    max_redirects: int = 10,
) -> HTTPResponse:
    """Send one request from ``ns`` and return the response (any status: no exception for 404).

    ``timeout`` bounds the whole exchange, redirects included (Go's ``Client.Timeout``). Raises
    ``socket.gaierror`` (unknown host), ``ConnectionRefusedError``, ``ConnectionResetError``,
    ``TimeoutError`` (with ``.headers_received``), :class:`HTTPProtocolError`,
    :class:`TooManyRedirects`. Errors carry ``.url``.
    """
    clock = ns.network.clock
    deadline = None if timeout is None else clock.now() + timeout
    method = method.upper()
    data = _body_bytes(body)
    hdrs = Headers(headers)
    redirects = 0
    while True:
        t = _parse_url(url)
        try:
            resp = _exchange(ns, t, method, hdrs, data, deadline)
        except BaseException as exc:
            if isinstance(exc, Exception):
                exc.url = url  # type: ignore[attr-defined]
            raise
        nxt = _redirect(resp, method, data) if follow_redirects else None
        if nxt is None:
            return resp
        redirects += 1
        if redirects > max_redirects:
            exc2 = TooManyRedirects(max_redirects)
            exc2.url = nxt[0]  # type: ignore[attr-defined]
            raise exc2
        url, method, data = nxt


def _remaining(ns: NetworkNamespace, deadline: float | None) -> float | None:
    return None if deadline is None else deadline - ns.network.clock.now()


def _exchange(ns: NetworkNamespace, t: _Target, method: str, headers: Headers, body: bytes,
              deadline: float | None) -> HTTPResponse:
    remaining = _remaining(ns, deadline)
    if remaining is not None and remaining <= 0:
        raise _client_timeout(False)
    try:
        conn = ns.connect(t.host, t.port, timeout=remaining)
    except TimeoutError as exc:
        if deadline is not None and ns.network.clock.now() >= deadline:
            raise _client_timeout(False) from exc
        raise
    with conn:
        conn.sendall(_request_bytes(method, t, headers, body))
        parser = _Parser(response=True, method=method)
        while True:
            try:
                msg = parser.next_message()
            except _Malformed as exc:
                raise HTTPProtocolError(str(exc)) from None
            if msg is not None:
                return _to_response(msg, t.url)
            try:
                chunk = conn.recv(1 << 16, timeout=_remaining(ns, deadline))
            except TimeoutError:
                raise _client_timeout(parser.head is not None) from None
            if chunk:
                parser.feed(chunk)
            else:
                parser.feed_eof()
                if not parser.started:
                    raise HTTPProtocolError("server closed the connection without a response", eof=True)


def _client_timeout(headers_received: bool) -> TimeoutError:
    exc = os_error(ETIMEDOUT)
    assert isinstance(exc, TimeoutError)
    exc.headers_received = headers_received  # type: ignore[attr-defined]
    exc.client_timeout = True  # type: ignore[attr-defined]
    return exc


def http_get(ns: NetworkNamespace, url: str, **kwargs: Any) -> HTTPResponse:
    """``http_request(ns, url, method="GET", ...)``."""
    return http_request(ns, url, method="GET", **kwargs)


class AsyncRequest:
    """An HTTP request under way without a thread (see :func:`http_request_async`).

    Attributes:
        done: whether it finished.
        response: the response, if it got one.
        error: the exception, if it failed (same kinds as :func:`http_request` raises).
        event: a clock :class:`~sandbox.clock.Event` set when done (managed threads may wait on it).
    """

    def __init__(self, ns: NetworkNamespace, url: str, method: str, headers: Headers, body: bytes,
                 timeout: float | None, follow_redirects: bool, max_redirects: int,
                 on_done: Callable[[HTTPResponse | None, BaseException | None], Any] | None) -> None:
        self.ns = ns
        self.clock = ns.network.clock
        self.url = url
        self.method = method.upper()
        self.headers = headers
        self.body = body
        self.follow_redirects = follow_redirects
        self.max_redirects = max_redirects
        self.on_done = on_done
        self.done = False
        self.response: HTTPResponse | None = None
        self.error: BaseException | None = None
        self.event = Event(self.clock, f"http {self.method} {url}")
        self._redirects = 0
        self._conn: Connection | None = None
        self._connect: ConnectHandle | None = None
        self._parser: _Parser | None = None
        self._target: _Target | None = None
        self._timer: Timer | None = None
        if timeout is not None:
            self._timer = self.clock.call_later(timeout, self._expire)
        self._begin()

    def cancel(self) -> None:
        """Give up; ``on_done`` is not called."""
        self.on_done = None
        self._finish(None, None)

    def _begin(self) -> None:
        try:
            self._target = t = _parse_url(self.url)
        except ValueError as exc:
            self._finish(None, exc)
            return
        self._connect = self.ns.network.connect_async(self.ns, t.host, t.port, self._connected)

    def _connected(self, conn: Connection | None, err: BaseException | None) -> None:
        if self.done:
            if conn is not None:
                conn.close()
            return
        if err is not None or conn is None:
            self._finish(None, err)
            return
        self._conn = conn
        assert self._target is not None
        self._parser = _Parser(response=True, method=self.method)
        try:
            conn.sendall(_request_bytes(self.method, self._target, self.headers, self.body))
        except OSError as exc:
            self._finish(None, exc)
            return
        conn.on_readable(self._pump)

    def _pump(self) -> None:
        conn, parser = self._conn, self._parser
        if self.done or conn is None or parser is None:
            return
        while True:
            try:
                chunk = conn.recv_nowait(1 << 16)
            except BlockingIOError:
                conn.on_readable(self._pump)
                return
            except OSError as exc:
                self._finish(None, exc)
                return
            if chunk:
                parser.feed(chunk)
            else:
                parser.feed_eof()
            try:
                msg = parser.next_message()
            except _Malformed as exc:
                self._finish(None, HTTPProtocolError(str(exc)))
                return
            except HTTPProtocolError as exc:
                self._finish(None, exc)
                return
            if msg is None and parser.eof:
                self._finish(None, HTTPProtocolError(
                    "server closed the connection without a response", eof=True))
                return
            if msg is not None:
                conn.close()
                self._conn = None
                self._got(_to_response(msg, self.url))
                return

    def _got(self, resp: HTTPResponse) -> None:
        nxt = _redirect(resp, self.method, self.body) if self.follow_redirects else None
        if nxt is None:
            self._finish(resp, None)
            return
        self._redirects += 1
        if self._redirects > self.max_redirects:
            self._finish(None, TooManyRedirects(self.max_redirects))
            return
        self.url, self.method, self.body = nxt
        self._begin()

    def _expire(self) -> None:
        if not self.done:
            self._finish(None, _client_timeout(self._parser is not None and self._parser.head is not None))

    def _finish(self, resp: HTTPResponse | None, err: BaseException | None) -> None:
        if self.done:
            return
        self.done = True
        self.response, self.error = resp, err
        if err is not None and isinstance(err, Exception) and not hasattr(err, "url"):
            err.url = self.url  # type: ignore[attr-defined]
        if self._timer is not None:
            self._timer.cancel()
        if self._connect is not None:
            self._connect.cancel()
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self.event.set()
        if self.on_done is not None:
            self.clock.call_soon(self.on_done, resp, err)

    def __repr__(self) -> str:
        state = "done" if self.done else "pending"
        return f"<AsyncRequest {self.method} {self.url} {state}>"


def http_request_async(
    ns: NetworkNamespace,
    url: str,
    on_done: Callable[[HTTPResponse | None, BaseException | None], Any] | None = None,
    *,
    method: str = "GET",
    headers: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    body: bytes | str | None = None,
    timeout: float | None = None,
    follow_redirects: bool = True,
    max_redirects: int = 10,
) -> AsyncRequest:
    """Start a request without blocking (safe in clock callbacks).

    ``on_done(response, error)`` runs later as a clock callback, exactly once (never from inside
    this call); exactly one of the two is ``None``. ``timeout`` bounds the whole exchange.
    """
    return AsyncRequest(ns, url, method, Headers(headers), _body_bytes(body), timeout,
                        follow_redirects, max_redirects, on_done)


# ---------------------------------------------------------------------------------- wget


@dataclass
class WgetResult:
    """What busybox ``wget`` did: exit code, the document, and its stderr."""

    exit_code: int
    body: bytes
    stderr: str
    response: HTTPResponse | None = None


def _wget_url(url: str) -> tuple[str, str, int, str]:
    """busybox's ``parse_url``: (host with port as typed, host, port, path without leading /)."""
    if "://" in url:
        scheme, rest = url.split("://", 1)
        if scheme != "http":
            raise ValueError(f"not an http or ftp url: {url}")
    else:
        rest = url
    cut = len(rest)
    for ch in "/?#":
        i = rest.find(ch)
        if 0 <= i < cut:
            cut = i
    hostport, tail = rest[:cut], rest[cut:]
    path = tail[1:] if tail.startswith("/") else tail
    hostport = hostport.rsplit("@", 1)[-1]
    host, port = hostport, 80
    if hostport.startswith("["):
        end = hostport.find("]")
        host = hostport[1:end]
        if hostport[end + 1: end + 2] == ":":
            port = int(hostport[end + 2:])
    elif ":" in hostport:
        host, p = hostport.rsplit(":", 1)
        port = int(p) if p.isdigit() else 80
    return hostport, host, port, path


def wget(
    ns: NetworkNamespace,
    url: str,
    *,
    timeout: float = 900.0,
    quiet: bool = True,
    output: str = "-",
    headers: Mapping[str, str] | None = None,
    user_agent: str = "Wget",
    spider: bool = False,
) -> WgetResult:
    """Run busybox ``wget`` from ``ns`` (a managed thread, or test code driving the clock).

    ``timeout`` is ``-T`` (busybox's default is 900 s); ``quiet`` is ``-q``; ``output`` the ``-O``
    argument (only used in messages: writing the file is the caller's business). Errors are busybox's
    words on stderr with exit code 1::

        wget: bad address 'nosuchhost'
        wget: can't connect to remote host (10.244.1.5): Connection refused
        wget: server returned error: HTTP/1.1 404 Not Found
        wget: download timed out
        wget: error getting response: Connection reset by peer
    """
    clock = ns.network.clock
    err: list[str] = []

    def fail(msg: str, resp: HTTPResponse | None = None) -> WgetResult:
        err.append(f"wget: {msg}\n")
        return WgetResult(1, b"", "".join(err), resp)

    try:
        hostport, host, port, path = _wget_url(url)
    except ValueError as exc:
        return fail(str(exc))
    redir_limit = 16
    while True:
        ip = None
        try:
            ip = ns.network._resolve(ns, host)
        except OSError:
            return fail(f"bad address '{host}'")
        if not quiet:
            shown = f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}"
            err.append(f"Connecting to {hostport} ({shown})\n")
        while True:  # establish_session: same server, new path
            try:
                conn = ns.connect(ip, port, timeout=timeout if timeout else None)
            except TimeoutError:
                if timeout and timeout <= TCP_SYN_TIMEOUT:  # the alarm rang before the kernel gave up
                    return fail("download timed out")
                return fail(f"can't connect to remote host ({ip}): Connection timed out")
            except OSError as exc:
                return fail(f"can't connect to remote host ({ip}): {exc.strerror}")
            h = Headers({"Host": hostport, "User-Agent": user_agent, "Connection": "close"})
            for k, v in (headers or {}).items():
                h.set(k, v)
            request = [f"GET /{path} HTTP/1.1"] + [f"{k}: {v}" for k, v in h.items()]
            with conn:
                conn.sendall(("\r\n".join(request) + "\r\n\r\n").encode("latin-1"))
                parser = _Parser(response=True)
                try:
                    msg = _wget_read(conn, parser, timeout, clock)
                except TimeoutError:
                    return fail("download timed out")
                except ConnectionResetError:
                    return fail("error getting response: Connection reset by peer")
                except (_Malformed, HTTPProtocolError):
                    if parser.head is None:
                        return fail("error getting response")
                    return fail("connection closed prematurely")
            resp = _to_response(msg, url)
            status = resp.status
            if status in (300, 301, 302, 303, 307, 308):
                loc = resp.headers.get("Location")
                if loc:
                    redir_limit -= 1
                    if redir_limit == 0:
                        return fail("too many redirections")
                    if loc.startswith("/"):
                        path = loc[1:]
                        continue
                    try:
                        hostport, host, port, path = _wget_url(loc)
                    except ValueError as exc:
                        return fail(str(exc))
                    break  # resolve_lsa
            elif not (200 <= status <= 204):
                return fail(f"server returned error: {resp.status_line}", resp)
            if spider:
                if not quiet:
                    err.append("remote file exists\n")
                return WgetResult(0, b"", "".join(err), resp)
            if not quiet:
                err.append("writing to stdout\n" if output == "-" else f"saving to '{output}'\n")
                err.append("written to stdout\n" if output == "-" else f"'{output}' saved\n")
            return WgetResult(0, resp.body, "".join(err), resp)


def _wget_read(conn: Connection, parser: _Parser, timeout: float, clock: Any) -> Any:
    while True:
        msg = parser.next_message()
        if msg is not None:
            return msg
        chunk = conn.recv(1 << 16, timeout=timeout if timeout else None)
        if chunk:
            parser.feed(chunk)
        else:
            parser.feed_eof()
            if not parser.started:
                raise HTTPProtocolError("no response", eof=True)


# ---------------------------------------------------------------------------------- Go's words


def _go_addr(addr: Address) -> str:
    ip, port = addr
    return f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}"


def go_dial_error(exc: BaseException, host: str, port: int) -> str:
    """Go's ``net.Dial`` error text (the kubelet's ``tcpSocket`` probe output).

    ``dial tcp 10.244.1.5:8080: connect: connection refused``; a timeout is
    ``dial tcp 10.244.1.5:8080: i/o timeout``; an unknown name
    ``dial tcp: lookup web on 10.96.0.10:53: no such host``.
    """
    if isinstance(exc, _pysocket.gaierror):
        return f"dial tcp: lookup {host}: no such host"
    addr = _go_addr((host, port))
    if isinstance(exc, TimeoutError):
        return f"dial tcp {addr}: i/o timeout"
    if isinstance(exc, OSError) and exc.strerror:
        return f"dial tcp {addr}: connect: {exc.strerror[0].lower()}{exc.strerror[1:]}"
    return f"dial tcp {addr}: {exc}"


def go_http_error(exc: BaseException, method: str, url: str) -> str:
    """Go's ``*url.Error`` text for a failed request (the kubelet's ``httpGet`` probe output).

    ``Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused``,
    ``Get "http://...": context deadline exceeded (Client.Timeout exceeded while awaiting headers)``,
    ``Get "http://...": EOF``, ``Get "http://...": stopped after 10 redirects``.
    """
    op = method[:1].upper() + method[1:].lower()
    url = getattr(exc, "url", None) or url
    prefix = f'{op} "{url}": '
    if isinstance(exc, TimeoutError) and getattr(exc, "client_timeout", False):
        if getattr(exc, "headers_received", False):
            return prefix + "context deadline exceeded (Client.Timeout or context cancellation while reading body)"
        return prefix + "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
    if isinstance(exc, HTTPProtocolError):
        return prefix + ("EOF" if exc.eof else str(exc))
    remote = getattr(exc, "remote", None)
    if isinstance(exc, _pysocket.gaierror):
        host = getattr(exc, "host", None) or (urlsplit(url).hostname or "")
        return prefix + f"dial tcp: lookup {host}: no such host"
    if getattr(exc, "op", None) == "dial" and remote is not None:
        return prefix + go_dial_error(exc, remote[0], remote[1])
    if isinstance(exc, OSError) and exc.errno == ECONNRESET:
        local = getattr(exc, "local", None)
        if local is not None and remote is not None:
            return prefix + f"read tcp {_go_addr(local)}->{_go_addr(remote)}: read: connection reset by peer"
        return prefix + "read: connection reset by peer"
    return prefix + str(exc)
