"""Processes, signals and pipes: what a running program gets from the "kernel".

A program is a callable ``program(proc) -> int | None`` that gets a :class:`Process`: its
``argv``, ``env``, ``cwd``, filesystem view ``fs``, text streams ``stdin``/``stdout``/``stderr``,
credentials, ``hostname``, and the calls that block: :meth:`Process.sleep`,
:meth:`Process.wait_for`, reading a :class:`Pipe`. Every wait goes through the cluster's
:class:`sandbox.clock.Clock`, so virtual time drives it; nothing here calls ``time.sleep``.

Processes live in a :class:`ProcessTable` (a PID namespace): one per container, or one per pod
with ``shareProcessNamespace``. ``kill`` and ``ps`` see exactly that table. Signals follow Linux:

* a signal with a handler (a shell ``trap``) is queued; it interrupts :meth:`Process.sleep` and
  :meth:`Process.wait_for` (they return ``False``) and the program handles it when it likes;
* an ignored signal, and one whose default action is to ignore (``CHLD``, ``WINCH``, ``URG``,
  ``CONT``), does nothing;
* otherwise the process dies at its next call into this API: :class:`ProcessKilled` unwinds
  its thread and its exit status is ``128 + signal`` (143 for ``TERM``, 137 for ``KILL``);
* **PID 1** of a namespace ignores every signal it has no handler for, except ``KILL``: a shell
  run as PID 1 without a ``trap`` does not stop on ``SIGTERM``;
* when PID 1 ends, the kernel kills every other process in its namespace.

A child run in the foreground shares its parent's thread (:meth:`Process.run_child`), which is
cheap: ``sleep 1`` in a shell loop makes no thread. Background children (:meth:`Process.spawn`)
are started by the ``spawner`` (the clock's ``spawn`` by default).
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from enum import IntEnum
from typing import Any, Protocol, runtime_checkable

from sandbox.clock import Clock, Event, Killed
from sandbox.runtime.filesystem import ROOT, Credentials, FSError, MountNamespace

__all__ = [
    "Signal",
    "SIGNAL_NAMES",
    "DEFAULT_ACTIONS",
    "parse_signal",
    "signal_name",
    "Program",
    "register_program",
    "binary",
    "program_for",
    "PROGRAMS",
    "ProcessKilled",
    "ProcessExit",
    "ProcessTable",
    "Process",
    "ProcessLike",
    "TextStream",
    "OutputBuffer",
    "InputText",
    "NullStream",
    "Notifier",
    "Pipe",
    "current_process",
]


class Signal(IntEnum):
    """Linux x86-64 signal numbers."""

    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGSTKFLT = 16
    SIGCHLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGTTIN = 21
    SIGTTOU = 22
    SIGURG = 23
    SIGXCPU = 24
    SIGXFSZ = 25
    SIGVTALRM = 26
    SIGPROF = 27
    SIGWINCH = 28
    SIGIO = 29
    SIGPWR = 30
    SIGSYS = 31


#: Number -> name without ``SIG`` (``15 -> "TERM"``), as ``kill -l`` prints them.
SIGNAL_NAMES: dict[int, str] = {int(s): s.name[3:] for s in Signal}
SIGNAL_NAMES[34] = "RTMIN"
SIGNAL_NAMES[64] = "RTMAX"

_TERM, _CORE, _IGN, _STOP, _CONT = "term", "core", "ign", "stop", "cont"
#: The default action of each signal (``signal(7)``).
DEFAULT_ACTIONS: dict[int, str] = {
    1: _TERM, 2: _TERM, 3: _CORE, 4: _CORE, 5: _CORE, 6: _CORE, 7: _CORE, 8: _CORE, 9: _TERM,
    10: _TERM, 11: _CORE, 12: _TERM, 13: _TERM, 14: _TERM, 15: _TERM, 16: _TERM, 17: _IGN,
    18: _CONT, 19: _STOP, 20: _STOP, 21: _STOP, 22: _STOP, 23: _IGN, 24: _CORE, 25: _CORE,
    26: _TERM, 27: _TERM, 28: _IGN, 29: _TERM, 30: _TERM, 31: _CORE,
}  # fmt: skip

_ALIASES = {"CLD": 17, "POLL": 29, "IOT": 6}


def parse_signal(spec: str | int) -> int:
    """``"TERM"``, ``"SIGTERM"``, ``"term"``, ``"15"`` or ``15`` -> 15; ``ValueError`` if unknown."""
    if isinstance(spec, int):
        if 0 <= spec <= 64:
            return spec
        raise ValueError(str(spec))
    s = spec.strip()
    if s.isdigit():
        return parse_signal(int(s))
    up = s.upper()
    if up.startswith("SIG"):
        up = up[3:]
    for num, name in SIGNAL_NAMES.items():
        if name == up:
            return num
    if up in _ALIASES:
        return _ALIASES[up]
    raise ValueError(spec)


def signal_name(num: int) -> str:
    """15 -> ``"TERM"``; an unknown number gives its digits."""
    return SIGNAL_NAMES.get(num, str(num))


# ---------------------------------------------------------------------------------------------
# programs


Program = Callable[["Process"], "int | None"]

#: Programs by name; a file whose content is :func:`binary(name) <binary>` runs that program.
PROGRAMS: dict[str, Program] = {}

_MAGIC = b"\x7fELF\x02\x01\x01\x00podlab:"


def register_program(name: str, program: Program) -> None:
    """Make ``binary(name)`` files executable as ``program`` (an image registers its binaries)."""
    PROGRAMS[name] = program


def binary(name: str) -> bytes:
    """The bytes of an executable file that runs the registered program ``name``."""
    return _MAGIC + name.encode() + b"\n"


def program_for(data: bytes, programs: Mapping[str, Program] | None = None) -> Program | None:
    """The program a file's content runs, or ``None`` if it is not one of our binaries."""
    if not data.startswith(_MAGIC):
        return None
    name = data[len(_MAGIC) :].split(b"\n", 1)[0].decode()
    return (PROGRAMS if programs is None else programs).get(name)


# ---------------------------------------------------------------------------------------------
# exceptions


class ProcessKilled(BaseException):
    """Unwinds a process's thread when a signal kills it; exit status ``128 + signal``."""

    def __init__(self, process: Process, signal: int) -> None:
        super().__init__(f"pid {process.pid} killed by SIG{signal_name(signal)}")
        self.process = process
        self.signal = signal


class ProcessExit(BaseException):
    """``proc.exit(code)``: end the program at once with ``code``."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


# ---------------------------------------------------------------------------------------------
# streams


@runtime_checkable
class TextStream(Protocol):
    """What ``stdin``/``stdout``/``stderr`` are: text in, text out."""

    def write(self, s: str) -> int: ...

    def read(self, n: int = -1) -> str: ...

    def readline(self) -> str: ...

    def flush(self) -> None: ...


class OutputBuffer:
    """Collects what is written (tests; ``$(...)``); ``getvalue()`` gives it back."""

    def __init__(self, on_write: Callable[[str], Any] | None = None) -> None:
        self._parts: list[str] = []
        self.on_write = on_write

    def write(self, s: str) -> int:
        if s:
            self._parts.append(s)
            if self.on_write is not None:
                self.on_write(s)
        return len(s)

    def read(self, n: int = -1) -> str:
        return ""

    def readline(self) -> str:
        return ""

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def getvalue(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""


class InputText:
    """A fixed text to read, then end of file."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.pos = 0

    def read(self, n: int = -1) -> str:
        end = len(self.text) if n is None or n < 0 else self.pos + n
        s = self.text[self.pos : end]
        self.pos += len(s)
        return s

    def readline(self) -> str:
        i = self.text.find("\n", self.pos)
        end = len(self.text) if i < 0 else i + 1
        s = self.text[self.pos : end]
        self.pos = end
        return s

    def write(self, s: str) -> int:
        return len(s)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


class NullStream(InputText):
    """``/dev/null``: reads end of file, writes vanish."""

    def __init__(self) -> None:
        super().__init__("")


class Notifier:
    """Wakes the processes blocked on something (a pipe, a socket) when it changes."""

    def __init__(self) -> None:
        self._events: list[Event] = []

    def add(self, ev: Event) -> None:
        self._events.append(ev)

    def discard(self, ev: Event) -> None:
        with contextlib.suppress(ValueError):
            self._events.remove(ev)

    def notify(self) -> None:
        for ev in list(self._events):
            ev.set()


class Pipe:
    """A pipe with a bounded buffer: a full pipe blocks the writer, an empty one the reader.

    ``reader()``/``writer()`` give ends; the reader sees end of file once every writer is closed;
    writing when every reader is closed kills the writer with ``SIGPIPE`` (status 141).
    """

    def __init__(self, clock: Clock, capacity: int = 65536) -> None:
        self.clock = clock
        self.capacity = capacity
        self._buf: deque[str] = deque()
        self._size = 0
        self.writers = 0
        self.readers = 0
        self.changed = Notifier()

    def reader(self) -> _PipeReader:
        self.readers += 1
        return _PipeReader(self)

    def writer(self) -> _PipeWriter:
        self.writers += 1
        return _PipeWriter(self)

    def _wait(self, ready: Callable[[], bool]) -> None:
        proc = current_process()
        if proc is not None:
            proc.wait_for(ready, interruptible=False, notifiers=(self.changed,))
            return
        ev = Event(self.clock, "pipe")
        self.changed.add(ev)
        try:
            while not ready():
                ev.clear()
                if ready():
                    break
                ev.wait()
        finally:
            self.changed.discard(ev)

    def _take(self, n: int) -> str:
        out: list[str] = []
        while self._buf and n > 0:
            chunk = self._buf[0]
            if len(chunk) <= n:
                out.append(self._buf.popleft())
                n -= len(chunk)
            else:
                out.append(chunk[:n])
                self._buf[0] = chunk[n:]
                n = 0
        s = "".join(out)
        self._size -= len(s)
        self.changed.notify()
        return s


class _PipeReader:
    def __init__(self, pipe: Pipe) -> None:
        self.pipe = pipe
        self.closed = False

    def read(self, n: int = -1) -> str:
        p = self.pipe
        if n is None or n < 0:
            p._wait(lambda: p.writers == 0)
            return p._take(p._size)
        p._wait(lambda: p._size > 0 or p.writers == 0)
        return p._take(n)

    def readline(self) -> str:
        p = self.pipe

        def ready() -> bool:
            return p.writers == 0 or any("\n" in c for c in p._buf) or p._size >= p.capacity

        p._wait(ready)
        text = "".join(p._buf)
        i = text.find("\n")
        return p._take(len(text) if i < 0 else i + 1)

    def write(self, s: str) -> int:
        raise FSError(9, "pipe")

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.pipe.readers -= 1
            self.pipe.changed.notify()


class _PipeWriter:
    def __init__(self, pipe: Pipe) -> None:
        self.pipe = pipe
        self.closed = False

    def write(self, s: str) -> int:
        p = self.pipe
        i = 0
        while i < len(s):
            if p.readers == 0:
                proc = current_process()
                if proc is not None:
                    raise ProcessKilled(proc, Signal.SIGPIPE)
                raise BrokenPipeError("Broken pipe")
            room = p.capacity - p._size
            if room <= 0:
                p._wait(lambda: p._size < p.capacity or p.readers == 0)
                continue
            chunk = s[i : i + room]
            p._buf.append(chunk)
            p._size += len(chunk)
            i += len(chunk)
            p.changed.notify()
        return len(s)

    def read(self, n: int = -1) -> str:
        return ""

    def readline(self) -> str:
        return ""

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.pipe.writers -= 1
            self.pipe.changed.notify()


# ---------------------------------------------------------------------------------------------
# threads and tables


class _ThreadCtx:
    """The processes running on one thread (a parent waits while its foreground child runs)."""

    __slots__ = ("wake", "stack")

    def __init__(self, clock: Clock) -> None:
        self.wake = Event(clock, "process")
        self.stack: list[Process] = []


_local = threading.local()


def current_process() -> Process | None:
    """The process whose code runs on this thread right now, or ``None``."""
    ctx: _ThreadCtx | None = getattr(_local, "ctx", None)
    return ctx.stack[-1] if ctx is not None and ctx.stack else None


class ProcessTable:
    """A PID namespace: numbers processes from 1; ``kill`` and ``ps`` see only these.

    Args:
        clock: the cluster's clock (every wait goes through it).
        spawner: starts a background process's thread: ``spawner(fn, name)``; the clock's
            ``spawn`` by default.
    """

    def __init__(self, clock: Clock, *, spawner: Callable[[Callable[[], Any], str], Any] | None = None) -> None:
        self.clock = clock
        self.spawner = spawner or (lambda fn, name: clock.spawn(fn, name=name))
        self.processes: dict[int, Process] = {}
        self._next_pid = 1

    def _allocate(self, proc: Process) -> int:
        pid = self._next_pid
        self._next_pid += 1
        self.processes[pid] = proc
        return pid

    def get(self, pid: int) -> Process | None:
        return self.processes.get(pid)

    def list(self) -> list[Process]:
        """Live processes, by pid."""
        return [self.processes[p] for p in sorted(self.processes)]

    def __len__(self) -> int:
        return len(self.processes)

    def kill(self, pid: int, sig: int) -> None:
        """Send ``sig`` to ``pid``; ``ProcessLookupError`` (``No such process``) if none."""
        p = self.processes.get(pid)
        if p is None:
            raise ProcessLookupError("No such process")
        if sig:
            p.deliver(sig)

    def kill_all(self, sig: int = Signal.SIGKILL, *, exclude: Iterable[int] = ()) -> None:
        """Signal every process (the runtime stopping a container, the kernel when PID 1 ends)."""
        skip = set(exclude)
        for p in list(self.processes.values()):
            if p.pid not in skip:
                p.deliver(sig)


_DEFAULT, _IGNORE, _CATCH = "default", "ignore", "catch"


@runtime_checkable
class ProcessLike(Protocol):
    """The process interface programs rely on (implemented by :class:`Process`)."""

    pid: int
    ppid: int
    argv: list[str]
    env: dict[str, str]
    stdin: Any
    stdout: Any
    stderr: Any
    hostname: str

    @property
    def cwd(self) -> str: ...

    @property
    def fs(self) -> MountNamespace: ...

    @property
    def uid(self) -> int: ...

    def now(self) -> float: ...

    def sleep(self, seconds: float) -> bool: ...

    def signal_pending(self) -> bool: ...

    def kill(self, pid: int, sig: int) -> None: ...


class Process:
    """A running program: identity, environment, streams, credentials, signals and waits.

    Make the first one with :meth:`ProcessTable`-wide constructor ``Process(table, argv, fs=...)``
    and run it with :meth:`run` (on the calling thread) or :meth:`start` (on a new managed thread).
    Children come from :meth:`run_child` (foreground, same thread) and :meth:`spawn` (background).
    """

    def __init__(
        self,
        table: ProcessTable,
        argv: list[str],
        *,
        fs: MountNamespace,
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
        stdin: Any = None,
        stdout: Any = None,
        stderr: Any = None,
        creds: Credentials = ROOT,
        hostname: str = "localhost",
        ppid: int = 0,
        net: Any = None,
        programs: Mapping[str, Program] | None = None,
        handlers: Mapping[int, str] | None = None,
    ) -> None:
        self.table = table
        self.clock = table.clock
        self.argv = list(argv)
        self.env: dict[str, str] = dict(env or {})
        self.creds = creds
        self._fs = fs if fs.creds == creds and cwd is None else fs.with_creds(creds, cwd)
        self.stdin = stdin if stdin is not None else NullStream()
        self.stdout = stdout if stdout is not None else NullStream()
        self.stderr = stderr if stderr is not None else NullStream()
        self.hostname = hostname
        self.ppid = ppid
        self.net = net
        self.programs = programs
        #: signal -> "default" | "ignore" | "catch"
        self.handlers: dict[int, str] = dict(handlers or {})
        self.pending: list[int] = []
        self.killed_by: int | None = None
        self.exit_code: int | None = None
        #: the signal that ended it (``None`` if it exited).
        self.term_signal: int | None = None
        self.start_time = self.clock.now()
        self.done = Event(self.clock, "process exit")
        self.task: Any = None
        self._ctx: _ThreadCtx | None = None
        self._parent_ctx: _ThreadCtx | None = None
        self.pid = table._allocate(self)

    # ---------------------------------------------------------------- identity

    @property
    def ipc(self) -> Any:
        """The IPC namespace the process lives in (``ipcs``): set explicitly, else its container's
        (found through the root filesystem, :func:`sandbox.runtime.world.context_of`). podlab-pod."""
        explicit = self.__dict__.get("_ipc")
        if explicit is not None:
            return explicit
        from sandbox.runtime.world import context_of

        ctx = context_of(self)
        return getattr(ctx, "ipc", None) if ctx is not None else None

    @ipc.setter
    def ipc(self, value: Any) -> None:
        self.__dict__["_ipc"] = value

    @property
    def fs(self) -> MountNamespace:
        return self._fs

    @property
    def cwd(self) -> str:
        return self._fs.cwd

    @cwd.setter
    def cwd(self, value: str) -> None:
        self._fs.cwd = value

    @property
    def uid(self) -> int:
        return self.creds.uid

    @property
    def gid(self) -> int:
        return self.creds.gid

    @property
    def groups(self) -> tuple[int, ...]:
        return self.creds.groups

    @property
    def capabilities(self) -> frozenset[str]:
        return self.creds.caps

    @property
    def is_init(self) -> bool:
        """PID 1 of its namespace: ignores signals it has no handler for (but ``KILL``)."""
        return self.pid == 1

    @property
    def alive(self) -> bool:
        return self.exit_code is None

    @property
    def command(self) -> str:
        return " ".join(self.argv)

    def __repr__(self) -> str:
        return f"<Process {self.pid} {self.command!r} {'running' if self.alive else self.exit_code}>"

    # ---------------------------------------------------------------- time

    def now(self) -> float:
        """The clock's time (Unix seconds)."""
        return self.clock.now()

    def sleep(self, seconds: float) -> bool:
        """Sleep ``seconds`` (``math.inf`` for ever); ``False`` if a caught signal cut it short."""
        return self._block(None, seconds, True) == "timeout"

    def wait_for(
        self,
        ready: Callable[[], bool],
        timeout: float | None = None,
        *,
        interruptible: bool = True,
        notifiers: Iterable[Notifier] = (),
    ) -> bool:
        """Block until ``ready()`` holds; ``False`` on timeout or (if interruptible) a caught signal.

        Whatever makes ``ready()`` true must wake the waiter: pass the :class:`Notifier` it uses.
        """
        return self._block(ready, timeout, interruptible, notifiers) == "ready"

    def _block(
        self,
        ready: Callable[[], bool] | None,
        timeout: float | None,
        interruptible: bool,
        notifiers: Iterable[Notifier] = (),
    ) -> str:
        ctx = self._ctx or getattr(_local, "ctx", None)
        if ctx is None:
            raise RuntimeError("this process is not running on this thread")
        clock = self.clock
        deadline = None if timeout is None or math.isinf(timeout) else clock.now() + max(0.0, timeout)
        nots = list(notifiers)
        for n in nots:
            n.add(ctx.wake)
        try:
            while True:
                ctx.wake.clear()
                self._check_killed(ctx)
                if ready is not None and ready():
                    return "ready"
                if interruptible and self.pending:
                    return "signal"
                remaining = None
                if deadline is not None:
                    remaining = deadline - clock.now()
                    if remaining <= 0:
                        return "timeout"
                ctx.wake.wait(remaining)
        finally:
            for n in nots:
                n.discard(ctx.wake)

    def check(self) -> None:
        """Die now if a signal killed this process (long computations may call this)."""
        ctx = self._ctx or getattr(_local, "ctx", None)
        if ctx is not None:
            self._check_killed(ctx)

    def _check_killed(self, ctx: _ThreadCtx) -> None:
        for p in ctx.stack:
            if p.killed_by is not None:
                raise ProcessKilled(p, p.killed_by)

    # ---------------------------------------------------------------- signals

    def set_handler(self, sig: int, disposition: str) -> None:
        """``"default"``, ``"ignore"`` or ``"catch"`` (queue it; the program handles it)."""
        if sig in (Signal.SIGKILL, Signal.SIGSTOP):
            return
        if disposition == _DEFAULT:
            self.handlers.pop(sig, None)
        else:
            self.handlers[sig] = disposition

    def signal_pending(self) -> bool:
        """Whether a caught signal waits to be handled."""
        return bool(self.pending)

    def take_signals(self) -> list[int]:
        """The caught signals that arrived, oldest first (each once), and forget them."""
        out, self.pending = self.pending, []
        return out

    def deliver(self, sig: int) -> None:
        """What the kernel does when ``sig`` is sent to this process."""
        if self.exit_code is not None or sig == 0:
            return
        if sig == Signal.SIGKILL:
            self._die(sig)
            return
        disp = self.handlers.get(sig, _DEFAULT)
        if disp == _IGNORE:
            return
        if disp == _CATCH:
            if sig not in self.pending:
                self.pending.append(sig)
            self._wake()
            return
        action = DEFAULT_ACTIONS.get(sig, _TERM)
        if action in (_IGN, _CONT, _STOP) or self.is_init:
            return
        self._die(sig)

    def _die(self, sig: int) -> None:
        if self.killed_by is None:
            self.killed_by = sig
        if self._ctx is None and self.task is None and self._parent_ctx is None:
            # not started yet (or never will be): it is gone
            self._finish(128 + sig, sig)
        self._wake()

    def _wake(self) -> None:
        ctx = self._ctx
        if ctx is not None:
            ctx.wake.set()

    def kill(self, pid: int, sig: int) -> None:
        """``kill(2)`` within this process's namespace (``PermissionError`` across users)."""
        target = self.table.get(pid)
        if target is None:
            raise ProcessLookupError("No such process")
        if self.uid != 0 and target.uid != self.uid and "KILL" not in self.capabilities:
            raise PermissionError("Operation not permitted")
        target.deliver(sig)

    # ---------------------------------------------------------------- running

    def run(self, program: Program) -> int:
        """Run ``program`` on the calling thread; returns the exit status (``128+sig`` if killed)."""
        ctx: _ThreadCtx | None = getattr(_local, "ctx", None)
        outer = ctx is None
        if ctx is None:
            ctx = _local.ctx = _ThreadCtx(self.clock)
        ctx.stack.append(self)
        self._ctx = ctx
        code: int
        sig: int | None = None
        try:
            try:
                self._check_killed(ctx)
                result = program(self)
                code = 0 if result is None else int(result) & 0xFF
            except ProcessExit as e:
                code = e.code & 0xFF
            except ProcessKilled as e:
                if e.process is not self:
                    self._finish(128 + e.signal, e.signal)
                    raise
                code, sig = 128 + e.signal, e.signal
            except Killed:
                self._finish(137, Signal.SIGKILL)
                raise
        finally:
            ctx.stack.pop()
            self._ctx = None
            if outer:
                _local.ctx = None
        self._finish(code, sig)
        return code

    def start(self, program: Program, name: str | None = None) -> Process:
        """Run ``program`` on a new managed thread (via the table's spawner)."""
        self.task = self.table.spawner(lambda: self._run_quietly(program), name or f"pid {self.pid}")
        return self

    def _run_quietly(self, program: Program) -> int:
        try:
            return self.run(program)
        except ProcessKilled:
            return self.exit_code or 0

    def _finish(self, code: int, sig: int | None = None) -> None:
        if self.exit_code is not None:
            return
        self.exit_code = code
        self.term_signal = sig
        self.table.processes.pop(self.pid, None)
        for s in (self.stdout, self.stderr):
            flush = getattr(s, "flush", None)
            if flush is not None:
                flush()
        self.done.set()
        parent = self.table.get(self.ppid)
        if parent is not None:
            parent._wake()
            parent.deliver(Signal.SIGCHLD)
        if self.pid == 1:
            self.table.kill_all(Signal.SIGKILL)

    def exit(self, code: int = 0) -> None:
        """End the program now with ``code``."""
        raise ProcessExit(code)

    def wait(self, timeout: float | None = None) -> int | None:
        """Wait for this process to end (from outside it, e.g. a test or the kubelet)."""
        self.done.wait(timeout)
        return self.exit_code

    # ---------------------------------------------------------------- children

    def child(
        self,
        argv: list[str],
        *,
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
        stdin: Any = None,
        stdout: Any = None,
        stderr: Any = None,
        creds: Credentials | None = None,
    ) -> Process:
        """A new process (``fork``): inherits credentials, streams, ignored signals and the view."""
        creds = creds or self.creds
        p = Process(
            self.table,
            argv,
            fs=self._fs.with_creds(creds, self.cwd if cwd is None else cwd),
            env=self.env if env is None else env,
            stdin=self.stdin if stdin is None else stdin,
            stdout=self.stdout if stdout is None else stdout,
            stderr=self.stderr if stderr is None else stderr,
            creds=creds,
            hostname=self.hostname,
            ppid=self.pid,
            net=self.net,
            programs=self.programs,
            handlers={s: d for s, d in self.handlers.items() if d == _IGNORE},
        )
        return p

    def run_child(self, child: Process, program: Program) -> int:
        """Run ``child`` in the foreground on this thread (the parent waits); returns its status."""
        child._parent_ctx = self._ctx
        return child.run(program)

    def spawn(self, child: Process, program: Program) -> Process:
        """Start ``child`` in the background on its own thread."""
        return child.start(program, name=f"pid {child.pid} {child.argv[0] if child.argv else ''}")

    def exec(self, argv: list[str], program: Program) -> int:
        """``execve``: become ``program`` (caught signals reset to default); returns its status."""
        self.argv = list(argv)
        self.handlers = {s: d for s, d in self.handlers.items() if d == _IGNORE}
        self.pending = []
        result = program(self)
        return 0 if result is None else int(result) & 0xFF

    def find_program(self, path: str) -> Program | None:
        """The program an executable file runs (``None`` if not one of ours, e.g. a script)."""
        try:
            with self._fs.open(path, "rb") as f:
                head = f.read(256)
        except (FSError, OSError):
            return None
        assert isinstance(head, bytes)
        return program_for(head, self.programs)
