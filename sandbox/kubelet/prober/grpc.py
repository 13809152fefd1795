"""The gRPC health checking protocol (``grpc.health.v1.Health/Check``) over the sandbox's sockets.

**Simplified framing.** Real gRPC runs on HTTP/2 (HPACK headers, streams, flow control). The
sandbox keeps only what a health check needs, on a plain TCP connection:

1. the client sends the real HTTP/2 connection preface (``PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n``);
2. a gRPC server answers with the bytes of an empty HTTP/2 ``SETTINGS`` frame (nine bytes); any
   other answer, or none, means "not a gRPC server" and the client keeps waiting, as grpc-go's
   ``WithBlock`` dial does, until its deadline;
3. the client sends ``:path /grpc.health.v1.Health/Check\\n`` followed by a real gRPC
   length-prefixed message holding a protobuf ``HealthCheckRequest`` (field 1: ``service``);
4. the server answers ``grpc-status: N\\n`` and ``grpc-message: TEXT\\n``; with status 0 a gRPC
   length-prefixed protobuf ``HealthCheckResponse`` (field 1: ``status`` enum) follows.

:class:`HealthServer` is the server side for container programs (blocking calls on the
container's thread); :func:`check_async` is the kubelet's client, a chain of clock callbacks that
never blocks. The wording of every outcome is ``pkg/probe/grpc/grpc.go``'s.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Any

from sandbox.api.field import go_quote

__all__ = [
    "PREFACE",
    "SETTINGS_FRAME",
    "HEALTH_CHECK_PATH",
    "SERVING_STATUS",
    "HealthServer",
    "CheckOutcome",
    "check_async",
    "go_duration",
]

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
#: An empty HTTP/2 SETTINGS frame: length 0, type 4, flags 0, stream 0.
SETTINGS_FRAME = b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"
HEALTH_CHECK_PATH = "/grpc.health.v1.Health/Check"
#: ``grpc_health_v1.HealthCheckResponse_ServingStatus`` names by number.
SERVING_STATUS = {0: "UNKNOWN", 1: "SERVING", 2: "NOT_SERVING", 3: "SERVICE_UNKNOWN"}
_STATUS_NUMBER = {v: k for k, v in SERVING_STATUS.items()}

# grpc codes used here
OK, NOT_FOUND, UNIMPLEMENTED = 0, 5, 12
_CODE_NAMES = {0: "OK", 1: "Canceled", 2: "Unknown", 3: "InvalidArgument", 4: "DeadlineExceeded", 5: "NotFound",
               12: "Unimplemented", 13: "Internal", 14: "Unavailable"}


def go_duration(seconds: float) -> str:
    """A ``time.Duration`` as Go's ``%v`` prints it (``1s``, ``2.5s``, ``500ms``)."""
    if seconds >= 1 or seconds == 0:
        s = f"{seconds:.9f}".rstrip("0").rstrip(".")
        return f"{s}s"
    ms = seconds * 1000
    s = f"{ms:.6f}".rstrip("0").rstrip(".")
    return f"{s}ms"


# ------------------------------------------------------------------------------ protobuf bits


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _read_varint(data: bytes, i: int) -> tuple[int, int]:
    shift = n = 0
    while i < len(data):
        b = data[i]
        i += 1
        n |= (b & 0x7F) << shift
        if not b & 0x80:
            return n, i
        shift += 7
    raise ValueError("truncated varint")


def encode_request(service: str) -> bytes:
    """A ``HealthCheckRequest`` as a gRPC length-prefixed message."""
    raw = service.encode()
    body = (b"\x0a" + _varint(len(raw)) + raw) if raw else b""
    return b"\x00" + struct.pack(">I", len(body)) + body


def decode_request(body: bytes) -> str:
    i, service = 0, ""
    while i < len(body):
        tag, i = _read_varint(body, i)
        if tag == 0x0A:
            n, i = _read_varint(body, i)
            service = body[i:i + n].decode("utf-8", "replace")
            i += n
        else:
            break
    return service


def encode_response(status: str) -> bytes:
    n = _STATUS_NUMBER.get(status, 0)
    body = (b"\x08" + _varint(n)) if n else b""
    return b"\x00" + struct.pack(">I", len(body)) + body


def decode_response(body: bytes) -> str:
    i, n = 0, 0
    while i < len(body):
        tag, i = _read_varint(body, i)
        if tag == 0x08:
            n, i = _read_varint(body, i)
        else:
            break
    return SERVING_STATUS.get(n, str(n))


# ------------------------------------------------------------------------------ server


class HealthServer:
    """A gRPC server that implements ``grpc.health.v1.Health`` (grpc-go's ``health.Server``).

    ``statuses`` maps service names to ``SERVING``/``NOT_SERVING``; ``""`` is the server as a
    whole. With ``implements_health=False`` it is a gRPC server without the health service
    (``Unimplemented``). Use :meth:`handle` on an accepted :class:`~sandbox.network.Connection`
    whose first bytes were the preface (see :meth:`is_grpc`).
    """

    def __init__(self, statuses: dict[str, str] | None = None, implements_health: bool = True) -> None:
        self.statuses = dict(statuses) if statuses is not None else {"": "SERVING"}
        self.implements_health = implements_health

    def set_serving_status(self, service: str, status: str) -> None:
        """``health.Server.SetServingStatus``."""
        self.statuses[service] = status

    @staticmethod
    def is_grpc(first_bytes: bytes) -> bool:
        """Whether a connection opened with the HTTP/2 preface (a gRPC client)."""
        return first_bytes.startswith(PREFACE[: len(first_bytes)]) and len(first_bytes) > 0

    def answer(self, path: str, service: str) -> tuple[int, str, str | None]:
        """``(grpc-status, grpc-message, serving status or None)`` for one call."""
        if path != HEALTH_CHECK_PATH or not self.implements_health:
            svc = path.rsplit("/", 1)[0].lstrip("/") if "/" in path.lstrip("/") else path
            return UNIMPLEMENTED, f"unknown service {svc}", None
        if service not in self.statuses:
            return NOT_FOUND, "unknown service", None
        return OK, "", self.statuses[service]

    def handle(self, conn: Any, buffered: bytes = b"", timeout: float | None = 30.0) -> None:
        """Serve one connection (blocking, on a container thread): preface, then calls until EOF."""
        buf = bytearray(buffered)
        try:
            while len(buf) < len(PREFACE):
                chunk = conn.recv(65536, timeout=timeout)
                if not chunk:
                    return
                buf += chunk
            if bytes(buf[: len(PREFACE)]) != PREFACE:
                return
            del buf[: len(PREFACE)]
            conn.sendall(SETTINGS_FRAME)
            while True:
                while b"\n" not in buf:
                    chunk = conn.recv(65536, timeout=timeout)
                    if not chunk:
                        return
                    buf += chunk
                line, _, rest = bytes(buf).partition(b"\n")
                buf = bytearray(rest)
                path = line.decode("latin-1").removeprefix(":path ").strip()
                while len(buf) < 5:
                    chunk = conn.recv(65536, timeout=timeout)
                    if not chunk:
                        return
                    buf += chunk
                n = struct.unpack(">I", bytes(buf[1:5]))[0]
                while len(buf) < 5 + n:
                    chunk = conn.recv(65536, timeout=timeout)
                    if not chunk:
                        return
                    buf += chunk
                service = decode_request(bytes(buf[5:5 + n]))
                del buf[: 5 + n]
                code, message, status = self.answer(path, service)
                out = f"grpc-status: {code}\ngrpc-message: {message}\n".encode()
                if code == OK and status is not None:
                    out += encode_response(status)
                conn.sendall(out)
        except (OSError, TimeoutError):
            return
        finally:
            conn.close()


# ------------------------------------------------------------------------------ client


class CheckOutcome:
    """What :func:`check_async` found: ``ok`` and the probe output in the kubelet's words."""

    __slots__ = ("ok", "output")

    def __init__(self, ok: bool, output: str) -> None:
        self.ok = ok
        self.output = output

    def __repr__(self) -> str:
        return f"CheckOutcome(ok={self.ok!r}, output={self.output!r})"


class _Check:
    def __init__(self, network: Any, src: Any, host: str, port: int, service: str, timeout: float,
                 on_done: Callable[[CheckOutcome], Any]) -> None:
        self.network = network
        self.clock = network.clock
        self.src = src
        self.host, self.port, self.service = host, port, service
        self.timeout = timeout
        self.on_done: Callable[[CheckOutcome], Any] | None = on_done
        self.addr = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self.conn: Any = None
        self.phase = "connect"
        self.buf = bytearray()
        self.done = False
        self.timer = self.clock.call_later(timeout, self._deadline)
        self.handle = network.connect_async(src, host, port, self._connected, timeout)

    def _finish(self, ok: bool, output: str) -> None:
        if self.done:
            return
        self.done = True
        self.timer.cancel()
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        cb, self.on_done = self.on_done, None
        if cb is not None:
            cb(CheckOutcome(ok, output))

    def _deadline(self) -> None:
        if self.phase in ("connect", "handshake"):
            self._finish(False, f"timeout: failed to connect service {go_quote(self.addr)} within "
                                f"{go_duration(self.timeout)}: context deadline exceeded")
        else:
            self._finish(False, f"timeout: health rpc did not complete within {go_duration(self.timeout)}")

    def _connected(self, conn: Any, err: BaseException | None) -> None:
        if self.done:
            if conn is not None:
                conn.close()
            return
        if err is not None or conn is None:
            return  # grpc-go (WithBlock) keeps retrying until the deadline
        self.conn = conn
        self.phase = "handshake"
        try:
            conn.sendall(PREFACE)
        except OSError:
            return
        conn.on_readable(self._pump)

    def _pump(self) -> None:
        conn = self.conn
        if self.done or conn is None:
            return
        while True:
            try:
                chunk = conn.recv_nowait(65536)
            except BlockingIOError:
                conn.on_readable(self._pump)
                return
            except OSError:
                chunk = b""
            if not chunk:
                self._eof()
                return
            self.buf += chunk
            if not self._advance():
                return

    def _eof(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self.phase == "handshake":
            return  # transient failure: wait for the deadline
        self._finish(False, "error: health rpc probe failed: rpc error: code = Unavailable desc = "
                            "error reading from server: EOF")

    def _advance(self) -> bool:
        """Consume what arrived; returns whether to keep reading."""
        if self.phase == "handshake":
            if len(self.buf) < len(SETTINGS_FRAME) and SETTINGS_FRAME.startswith(bytes(self.buf)):
                return True
            if bytes(self.buf[: len(SETTINGS_FRAME)]) != SETTINGS_FRAME:
                # not an HTTP/2 server: the connection is useless; grpc-go retries until the deadline
                if self.conn is not None:
                    self.conn.close()
                    self.conn = None
                return False
            del self.buf[: len(SETTINGS_FRAME)]
            self.phase = "call"
            assert self.conn is not None
            self.conn.sendall(f":path {HEALTH_CHECK_PATH}\n".encode() + encode_request(self.service))
        if self.phase == "call":
            text = bytes(self.buf)
            lines = text.split(b"\n", 2)
            if len(lines) < 3:
                return True
            try:
                code = int(lines[0].decode().removeprefix("grpc-status:").strip())
            except ValueError:
                code = 2
            message = lines[1].decode("utf-8", "replace").removeprefix("grpc-message:").strip()
            rest = lines[2]
            if code != OK:
                self._failed_call(code, message)
                return False
            if len(rest) < 5:
                return True
            n = struct.unpack(">I", rest[1:5])[0]
            if len(rest) < 5 + n:
                return True
            status = decode_response(rest[5:5 + n])
            if status != "SERVING":
                self._finish(False, f"service unhealthy (responded with {go_quote(status)})")
            else:
                self._finish(True, "service healthy")
            return False
        return False

    def _failed_call(self, code: int, message: str) -> None:
        if code == UNIMPLEMENTED:
            self._finish(False, "error: this server does not implement the grpc health protocol "
                                f"(grpc.health.v1.Health): {message}")
            return
        name = _CODE_NAMES.get(code, f"Code({code})")
        self._finish(False, f"error: health rpc probe failed: rpc error: code = {name} desc = {message}")


def check_async(network: Any, src: Any, host: str, port: int, service: str, timeout: float,
                on_done: Callable[[CheckOutcome], Any]) -> Any:
    """``grpcProber.Probe`` without blocking: dial ``host:port`` from namespace ``src``, call
    ``Health/Check`` for ``service``, and call ``on_done(CheckOutcome)`` exactly once, within
    ``timeout`` seconds (a clock callback). Returns a handle (no public API)."""
    return _Check(network, src, host, port, service, timeout, on_done)
