"""Sockets in a simulated network namespace: streams, listeners, datagrams and a poller.

No real socket is opened. A :class:`Connection` is one end of an in-process byte pipe; data sent
is in the peer's receive buffer at once (no latency, no window: a writer never blocks). Every
blocking call parks through the clock (:class:`~sandbox.clock.WaitQueue`), so ``recv(timeout=5)``
raises after exactly five *virtual* seconds; called from code outside managed threads (a test) it
drives the clock while it waits; called from a clock callback it raises ``ClockError`` (use the
``*_nowait`` methods and :meth:`Connection.on_readable` there).

Errors are Linux's (:mod:`sandbox.network.errors`): ``ConnectionRefusedError`` (111),
``ConnectionResetError`` (104), ``BrokenPipeError`` (32), ``TimeoutError``, ``OSError`` 9 (``Bad
file descriptor``) on a closed socket. Timeouts given to ``accept``/``recv`` raise
``TimeoutError("timed out")`` as Python's own sockets do.

Sockets are owned by the managed thread that created them (or by ``task.net_owner`` if the runtime
set one, so a container's threads share their "process"): when that thread ends, its sockets are
closed as Linux closes a dead process's descriptors. Sockets created by outside code are closed
only explicitly or when their namespace is torn down.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sandbox.clock import Clock, WaitQueue, current_task
from sandbox.network.errors import EBADF, ECONNREFUSED, ECONNRESET, ENOTCONN, EPIPE, os_error

if TYPE_CHECKING:
    from sandbox.network.namespace import NetworkNamespace

__all__ = [
    "Address",
    "Connection",
    "ListeningSocket",
    "DatagramSocket",
    "Poller",
    "SHUT_RD",
    "SHUT_WR",
    "SHUT_RDWR",
]

#: ``(ip, port)``
Address = tuple[str, int]

SHUT_RD, SHUT_WR, SHUT_RDWR = 0, 1, 2


def _timed_out() -> TimeoutError:
    return TimeoutError("timed out")


def _block(clock: Clock, wq: WaitQueue, cond: Callable[[], bool], timeout: float | None) -> bool:
    """Wait until ``cond()`` (checked under the clock's lock); ``False`` if ``timeout`` passed."""
    if cond():
        return True
    if timeout is not None and timeout <= 0:
        return False
    deadline = None if timeout is None else clock.now() + timeout
    while not cond():
        remaining = None if deadline is None else deadline - clock.now()
        if remaining is not None and remaining <= 0:
            return False
        wq.wait(remaining, satisfied=cond)
    return True


def _current_owner() -> Any:
    task = current_task()
    if task is None:
        return None
    return getattr(task, "net_owner", None) or task


class _Watchable:
    """Something whose readiness can change: pollers and one-shot callbacks watch it."""

    clock: Clock

    def __init__(self) -> None:
        self._watchers: list[Callable[[], None]] = []

    def add_watcher(self, fn: Callable[[], None]) -> None:
        """Call ``fn()`` (synchronously, it must not block) whenever readiness may have changed."""
        self._watchers.append(fn)

    def remove_watcher(self, fn: Callable[[], None]) -> None:
        with contextlib.suppress(ValueError):
            self._watchers.remove(fn)

    def _changed(self) -> None:
        for fn in list(self._watchers):
            fn()

    def readable(self) -> bool:  # pragma: no cover - overridden
        raise NotImplementedError

    def on_readable(self, fn: Callable[[], Any]) -> None:
        """Run ``fn()`` once, as a clock callback, when this becomes readable (or now, if it is)."""
        clock = self.clock
        if self.readable():
            clock.call_soon(fn)
            return

        def watcher() -> None:
            if self.readable():
                self.remove_watcher(watcher)
                clock.call_soon(fn)

        self.add_watcher(watcher)


class Connection(_Watchable):
    """One end of an established TCP connection (what ``accept`` and ``connect`` return).

    Attributes:
        local: this end's ``(ip, port)``.
        peer: the other end's ``(ip, port)``.
        ns: the namespace this end lives in.
    """

    def __init__(self, ns: NetworkNamespace, local: Address, peer: Address, owner: Any) -> None:
        super().__init__()
        self.ns = ns
        self.clock = ns.network.clock
        self.local = local
        self.peer = peer
        self.owner = owner
        self._other: Connection | None = None
        self._rbuf = bytearray()
        self._rd_eof = False  # the peer will send nothing more (FIN)
        self._rd_shut = False
        self._wr_shut = False
        self._reset = False  # the peer reset the connection (RST)
        self._peer_gone = False  # the peer closed its end completely
        self._closed = False
        self._holds_port = False  # an outgoing connection's ephemeral port
        self._readers = WaitQueue(self.clock, f"recv on {_fmt(local)} from {_fmt(peer)}")
        #: bytes sent and received, for accounting
        self.bytes_sent = 0
        self.bytes_received = 0

    # ------------------------------------------------------------ state

    @property
    def closed(self) -> bool:
        return self._closed

    def readable(self) -> bool:
        """``recv`` would not block: data, EOF, a reset, or this end closed."""
        return bool(self._rbuf) or self._rd_eof or self._rd_shut or self._reset or self._closed

    def pending(self) -> int:
        """Bytes waiting to be read."""
        return len(self._rbuf)

    def _check_open(self, op: str) -> None:
        if self._closed:
            raise os_error(EBADF, op=op, local=self.local, remote=self.peer)

    # ------------------------------------------------------------ sending

    def send(self, data: bytes | bytearray | memoryview | str) -> int:
        """Send ``data`` (``str`` is UTF-8 encoded); returns the number of bytes sent (all of them).

        Never blocks. Raises ``BrokenPipeError`` after a shutdown for writing or once the peer has
        gone, ``ConnectionResetError`` if the peer reset the connection.
        """
        if isinstance(data, str):
            data = data.encode()
        data = bytes(data)
        with self.clock._lock:
            self._check_open("write")
            if self._reset:
                raise os_error(ECONNRESET, op="write", local=self.local, remote=self.peer)
            if self._wr_shut:
                raise os_error(EPIPE, op="write", local=self.local, remote=self.peer)
            other = self._other
            if self._peer_gone or other is None or other._closed:
                # Linux: the first write to a closed peer succeeds and draws an RST
                self._peer_gone = False
                self._reset = True
                self._rbuf.clear()
                return len(data)
            if not data:
                return 0
            self.bytes_sent += len(data)
            if not self.ns.network._path_ok(self.ns, other.ns):
                return len(data)  # black-holed: the packets never arrive
            other._rbuf += data
            other.bytes_received += len(data)
        other._readers.notify_all()
        other._changed()
        return len(data)

    def sendall(self, data: bytes | bytearray | memoryview | str) -> None:
        """Send all of ``data`` (same as :meth:`send`: sends never block here)."""
        self.send(data)

    write = sendall

    # ------------------------------------------------------------ receiving

    def recv_nowait(self, n: int = 65536) -> bytes:
        """Up to ``n`` bytes without waiting; ``b""`` at EOF; ``BlockingIOError`` if none yet."""
        with self.clock._lock:
            self._check_open("read")
            if self._rbuf:
                chunk = bytes(self._rbuf[:n])
                del self._rbuf[:n]
                return chunk
            if self._reset:
                raise os_error(ECONNRESET, op="read", local=self.local, remote=self.peer)
            if self._rd_eof or self._rd_shut:
                return b""
        raise os_error(11, op="read", local=self.local, remote=self.peer)

    def recv(self, n: int = 65536, timeout: float | None = None) -> bytes:
        """Up to ``n`` bytes, waiting up to ``timeout`` virtual seconds; ``b""`` at EOF."""
        if not _block(self.clock, self._readers, self.readable, timeout):
            raise _timed_out()
        return self.recv_nowait(n)

    read = recv

    def recv_exactly(self, n: int, timeout: float | None = None) -> bytes:
        """Exactly ``n`` bytes (fewer only at EOF), within ``timeout`` seconds overall."""
        deadline = None if timeout is None else self.clock.now() + timeout
        out = bytearray()
        while len(out) < n:
            chunk = self.recv(n - len(out), None if deadline is None else deadline - self.clock.now())
            if not chunk:
                break
            out += chunk
        return bytes(out)

    def recv_until(
        self, delimiter: bytes = b"\n", timeout: float | None = None, max_bytes: int = 1 << 20
    ) -> bytes:
        """Bytes up to and including ``delimiter`` (or what came before EOF), within ``timeout``.

        Reads no further than the delimiter: what follows stays buffered for the next call.
        """
        deadline = None if timeout is None else self.clock.now() + timeout
        while True:
            with self.clock._lock:
                self._check_open("read")
                i = self._rbuf.find(delimiter)
                if i >= 0:
                    end = i + len(delimiter)
                    chunk = bytes(self._rbuf[:end])
                    del self._rbuf[:end]
                    return chunk
                if len(self._rbuf) >= max_bytes:
                    chunk = bytes(self._rbuf[:max_bytes])
                    del self._rbuf[:max_bytes]
                    return chunk
                if self._rd_eof or self._rd_shut or self._reset:
                    if self._rbuf:
                        chunk = bytes(self._rbuf)
                        self._rbuf.clear()
                        return chunk
                    return self.recv_nowait()
                have = len(self._rbuf)
            remaining = None if deadline is None else deadline - self.clock.now()

            def more(have: int = have) -> bool:
                return len(self._rbuf) > have or self._rd_eof or self._rd_shut or self._reset or self._closed

            if not _block(self.clock, self._readers, more, remaining):
                raise _timed_out()

    def readline(self, timeout: float | None = None) -> bytes:
        """One line including its ``\\n`` (``b""`` at EOF)."""
        return self.recv_until(b"\n", timeout)

    # ------------------------------------------------------------ closing

    def shutdown(self, how: int = SHUT_WR) -> None:
        """``SHUT_WR``: send EOF to the peer; ``SHUT_RD``: further reads return ``b""``."""
        with self.clock._lock:
            self._check_open("shutdown")
            if self._other is None:
                raise os_error(ENOTCONN)
            other = self._other
            if how in (SHUT_RD, SHUT_RDWR):
                self._rd_shut = True
            if how in (SHUT_WR, SHUT_RDWR) and not self._wr_shut:
                self._wr_shut = True
                if not other._closed:
                    other._rd_eof = True
                else:
                    other = None
            else:
                other = None
        self._readers.notify_all()
        self._changed()
        if other is not None:
            other._readers.notify_all()
            other._changed()

    def close(self) -> None:
        """Close this end: the peer reads EOF (or gets a reset if data was left unread here)."""
        self._finish(reset=bool(self._rbuf))

    def reset(self) -> None:
        """Abort the connection: the peer's next ``recv``/``send`` raises ``ConnectionResetError``."""
        self._finish(reset=True)

    def _finish(self, reset: bool) -> None:
        with self.clock._lock:
            if self._closed:
                return
            self._closed = True
            self._rbuf.clear()
            other = self._other
            if other is not None and not other._closed:
                if reset:
                    other._reset = True
                    other._rbuf.clear()
                else:
                    other._rd_eof = True
                    other._peer_gone = True
            else:
                other = None
        self.ns._forget(self)
        self._readers.notify_all()
        self._changed()
        if other is not None:
            other._readers.notify_all()
            other._changed()

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open"
        return f"<Connection {_fmt(self.local)} -> {_fmt(self.peer)} {state}>"


class ListeningSocket(_Watchable):
    """A TCP socket in ``LISTEN``: connections wait in its accept queue until :meth:`accept`."""

    def __init__(self, ns: NetworkNamespace, ip: str, port: int, backlog: int, owner: Any) -> None:
        super().__init__()
        self.ns = ns
        self.clock = ns.network.clock
        self.ip = ip
        self.port = port
        self.backlog = max(0, backlog)
        self.owner = owner
        self._queue: deque[Connection] = deque()
        self._syn_waiting: deque[Any] = deque()  # connects waiting for room in the queue
        self._acceptors = WaitQueue(self.clock, f"accept on {_fmt((ip, port))}")
        self._closed = False

    @property
    def address(self) -> Address:
        return (self.ip, self.port)

    @property
    def closed(self) -> bool:
        return self._closed

    def readable(self) -> bool:
        return bool(self._queue) or self._closed

    def _full(self) -> bool:
        # Linux's sk_acceptq_is_full: the queue holds backlog + 1 connections
        return len(self._queue) > self.backlog

    def pending(self) -> int:
        """Connections waiting to be accepted."""
        return len(self._queue)

    def accept_nowait(self) -> Connection:
        """The oldest waiting connection; ``BlockingIOError`` if there is none."""
        with self.clock._lock:
            if self._closed:
                raise os_error(EBADF, op="accept")
            if not self._queue:
                raise os_error(11, op="accept")
            conn = self._queue.popleft()
            owner = _current_owner()
            if owner is not None:
                conn.owner = owner
        self.ns._track(conn)
        self.ns.network._admit_waiting(self)
        return conn

    def accept(self, timeout: float | None = None) -> Connection:
        """Wait (up to ``timeout`` virtual seconds) for a connection and return it."""
        if not _block(self.clock, self._acceptors, self.readable, timeout):
            raise _timed_out()
        return self.accept_nowait()

    def close(self) -> None:
        """Stop listening: the port is free again; connections not yet accepted are reset."""
        with self.clock._lock:
            if self._closed:
                return
            self._closed = True
            queued = list(self._queue)
            self._queue.clear()
            waiting = list(self._syn_waiting)
            self._syn_waiting.clear()
        self.ns._forget(self)
        for conn in queued:
            conn.reset()
        for pending in waiting:
            pending.fail(os_error(ECONNREFUSED, op="dial", remote=pending.remote))
        self._acceptors.notify_all()
        self._changed()

    def __enter__(self) -> ListeningSocket:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<ListeningSocket tcp {_fmt((self.ip, self.port))}{' closed' if self._closed else ''}>"


class DatagramSocket(_Watchable):
    """A bound UDP socket: :meth:`sendto` and :meth:`recvfrom` whole datagrams."""

    def __init__(self, ns: NetworkNamespace, ip: str, port: int, owner: Any) -> None:
        super().__init__()
        self.ns = ns
        self.clock = ns.network.clock
        self.ip = ip
        self.port = port
        self.owner = owner
        self._inbox: deque[tuple[bytes, Address]] = deque()
        self._readers = WaitQueue(self.clock, f"recvfrom on udp {_fmt((ip, port))}")
        self._closed = False

    @property
    def address(self) -> Address:
        return (self.ip, self.port)

    @property
    def closed(self) -> bool:
        return self._closed

    def readable(self) -> bool:
        return bool(self._inbox) or self._closed

    def sendto(self, data: bytes | str, address: tuple[str, int]) -> int:
        """Send one datagram; silently lost if nobody listens there (UDP gives no refusal here)."""
        if isinstance(data, str):
            data = data.encode()
        if self._closed:
            raise os_error(EBADF)
        return self.ns.network._deliver_datagram(self, bytes(data), address)

    def recvfrom_nowait(self, bufsize: int = 65536) -> tuple[bytes, Address]:
        with self.clock._lock:
            if self._closed:
                raise os_error(EBADF)
            if not self._inbox:
                raise os_error(11)
            data, src = self._inbox.popleft()
        return data[:bufsize], src

    def recvfrom(self, bufsize: int = 65536, timeout: float | None = None) -> tuple[bytes, Address]:
        """The next datagram (cut to ``bufsize``) and its sender."""
        if not _block(self.clock, self._readers, self.readable, timeout):
            raise _timed_out()
        return self.recvfrom_nowait(bufsize)

    def _receive(self, data: bytes, src: Address) -> None:
        self._inbox.append((data, src))
        self._readers.notify_all()
        self._changed()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.ns._forget(self)
        self._readers.notify_all()
        self._changed()

    def __enter__(self) -> DatagramSocket:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<DatagramSocket udp {_fmt((self.ip, self.port))}{' closed' if self._closed else ''}>"


class Poller:
    """``select``/``epoll`` for simulated sockets: wait until any registered one is readable.

    One managed thread can serve a thousand connections with it (the HTTP server does). Readiness
    is level-triggered: a socket stays in :meth:`poll`'s answer while it is readable.
    """

    def __init__(self, clock: Clock, what: str = "poll") -> None:
        self.clock = clock
        self._hint: dict[Any, None] = {}
        self._watch: dict[Any, Callable[[], None]] = {}
        self._wq = WaitQueue(clock, what)
        self._woken = False

    def register(self, sock: _Watchable) -> None:
        if sock in self._watch:
            return

        def watcher() -> None:
            self._hint[sock] = None
            self._wq.notify_all()

        self._watch[sock] = watcher
        sock.add_watcher(watcher)
        if sock.readable():
            self._hint[sock] = None

    def unregister(self, sock: _Watchable) -> None:
        fn = self._watch.pop(sock, None)
        if fn is not None:
            sock.remove_watcher(fn)
        self._hint.pop(sock, None)

    def wakeup(self) -> None:
        """Make a waiting :meth:`poll` return (with whatever is ready, maybe nothing)."""
        self._woken = True
        self._wq.notify_all()

    def _ready(self) -> list[Any]:
        ready = [s for s in self._hint if s in self._watch and s.readable()]
        self._hint = dict.fromkeys(ready)
        return ready

    def poll(self, timeout: float | None = None) -> list[Any]:
        """Registered sockets that are readable, oldest notification first; ``[]`` on timeout."""

        def cond() -> bool:
            return self._woken or any(s in self._watch and s.readable() for s in self._hint)

        _block(self.clock, self._wq, cond, timeout)
        self._woken = False
        return self._ready()

    def __len__(self) -> int:
        return len(self._watch)


def _fmt(addr: Address) -> str:
    ip, port = addr
    return f"[{ip}]:{port}" if ":" in ip else f"{ip}:{port}"
