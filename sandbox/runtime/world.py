"""The world a Python image's function sees: ``c`` in ``def greeter(c): ...``.

``c`` wraps the container's process (:class:`sandbox.runtime.process.Process`) and the pod it
runs in. Everything that waits goes through the cluster's virtual clock::

    @image("example.com/greeter:1.0")
    def greeter(c):
        c.print(f"hello {c.env.get('NAME', 'world')}")   # stdout: `kubectl logs`
        while not c.terminating:                          # SIGTERM received?
            c.sleep(10)                                   # False if a signal cut it short
        return 0                                          # the exit code (None = 0)

* ``c.argv`` is the full argv (``c.argv[0]`` the executable), ``c.args`` is ``c.argv[1:]``.
* SIGTERM is *caught* for the function: it sets :attr:`World.terminating` and wakes
  :meth:`World.sleep`; a function that does not stop is killed (exit 137) when the grace period
  ends. ``c.on_signal("SIGTERM", "default")`` restores the kernel's default (which, for PID 1,
  is to ignore it).
* An exception raised by the function prints its traceback to stderr (``kubectl logs`` shows
  it) and exits with code 1, as ``python`` does; ``sys.exit(n)`` and :meth:`World.exit` exit
  with ``n``.
* :meth:`World.allocate` counts memory against the container's limit: going over it
  OOM-kills the container (exit 137, reason ``OOMKilled``).
"""

from __future__ import annotations

import traceback
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sandbox.runtime.filesystem import FileSystem, FSError, MountNamespace
from sandbox.runtime.process import (
    OutputBuffer,
    Process,
    ProcessExit,
    ProcessKilled,
    Program,
    Signal,
    current_process,
    parse_signal,
    program_for,
)

__all__ = [
    "MemoryCgroup",
    "ContainerContext",
    "register_context",
    "context_of",
    "World",
    "RunResult",
    "world_program",
    "find_executable",
    "ExecError",
    "parse_bytes",
]


class MemoryCgroup:
    """A container's memory accounting (``memory.max`` and ``memory.current`` of its cgroup).

    :meth:`charge` past ``limit`` OOM-kills the container: ``on_oom`` is called (the runtime
    kills every process of the container) and the charging process dies with SIGKILL.
    """

    def __init__(self, limit: int | None = None, on_oom: Callable[[], Any] | None = None) -> None:
        self.limit = limit
        self.usage = 0
        self.peak = 0
        self.oom_killed = False
        self.on_oom = on_oom

    def charge(self, nbytes: int) -> None:
        """Count ``nbytes`` more; over the limit, the OOM killer ends the container."""
        nbytes = int(nbytes)
        if nbytes < 0:
            raise ValueError("cannot allocate a negative amount of memory")
        if self.limit is not None and self.usage + nbytes > self.limit:
            self.peak = max(self.peak, self.limit)
            self.oom_killed = True
            if self.on_oom is not None:
                self.on_oom()
            proc = current_process()
            if proc is not None:
                raise ProcessKilled(proc, Signal.SIGKILL)
            raise MemoryError(f"memory limit of {self.limit} bytes exceeded")
        self.usage += nbytes
        self.peak = max(self.peak, self.usage)

    def uncharge(self, nbytes: int) -> None:
        """Give ``nbytes`` back."""
        self.usage = max(0, self.usage - int(nbytes))


@dataclass
class ContainerContext:
    """What a container's processes can find about the container and its pod."""

    container_id: str
    name: str
    pod_name: str
    namespace: str
    hostname: str
    pod_ips: list[str]
    network: Any
    ipc: Any
    memory: MemoryCgroup
    image: Any
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pod_ip(self) -> str:
        return self.pod_ips[0] if self.pod_ips else ""


_CONTEXTS: weakref.WeakKeyDictionary[FileSystem, ContainerContext] = weakref.WeakKeyDictionary()


def register_context(root: FileSystem, ctx: ContainerContext) -> None:
    """Tie ``ctx`` to a container's root filesystem (the runtime does this at create)."""
    _CONTEXTS[root] = ctx


def context_of(proc: Any) -> ContainerContext | None:
    """The container a process runs in (found through its root filesystem), or ``None``."""
    fs = getattr(proc, "fs", None)
    if not isinstance(fs, MountNamespace):
        return None
    return _CONTEXTS.get(fs.root)


class ExecError(Exception):
    """``execve`` failed; ``str(e)`` is runc's words: ``exec: "foo": executable file not found in $PATH``."""


def find_executable(fs: MountNamespace, name: str, path_env: str | None) -> tuple[str, Program, list[str]]:
    """Find ``name`` as ``execvp`` does: a name with ``/`` is a path, else each ``PATH`` entry.

    Returns ``(path, program, prefix)``: ``prefix`` is the interpreter's argv for a ``#!`` script
    (``["/bin/sh"]``), to put before the script's path. Raises :class:`ExecError`.
    """
    if not name:
        raise ExecError('exec: "": executable file not found in $PATH')
    if "/" in name:
        candidates = [name]
    else:
        dirs = (path_env if path_env is not None else "").split(":")
        candidates = [(d.rstrip("/") or "") + "/" + name if d else name for d in dirs]
    denied = False
    for cand in candidates:
        try:
            st = fs.stat(cand)
        except FSError as e:
            if "/" in name:
                raise ExecError(f'exec: "{name}": stat {name}: {_go_words(e)}') from None
            continue
        if st.is_dir:
            if "/" in name:
                raise ExecError(f'exec: "{name}": is a directory: permission denied')
            continue
        if not fs.access(cand, 1):
            denied = True
            if "/" in name:
                raise ExecError(f'exec: "{name}": permission denied')
            continue
        try:
            with fs.open(cand, "rb") as f:
                head = f.read(512)
        except FSError as e:
            raise ExecError(f'exec: "{name}": {_go_words(e)}') from None
        assert isinstance(head, bytes)
        program = program_for(head)
        if program is not None:
            return cand, program, []
        if head.startswith(b"#!"):
            line = head[2:].split(b"\n", 1)[0].decode(errors="replace").strip()
            parts = line.split()
            if not parts:
                raise ExecError(f'exec: "{name}": exec format error')
            interp_path, interp, inner = find_executable(fs, parts[0], path_env)
            return cand, interp, inner + [interp_path, *parts[1:]]
        raise ExecError(f'exec: "{name}": exec format error')
    if denied:
        raise ExecError(f'exec: "{name}": permission denied')
    raise ExecError(f'exec: "{name}": executable file not found in $PATH')


def _go_words(e: OSError) -> str:
    """An errno's words as Go's ``syscall.Errno`` prints them (lower case)."""
    s = str(e)
    return s[:1].lower() + s[1:]


_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_bytes(text: str) -> int:
    """``150M`` or ``150Mi`` -> 157286400 (stress's and dd's suffixes, and Kubernetes' binary ones:
    powers of 1024)."""
    t = text.strip().lower()
    if t.endswith("i"):  # Kubernetes' binary suffixes (64Mi, 1Gi) mean the same powers of 1024
        t = t[:-1]
    num = t.rstrip("bkmgt")
    unit = t[len(num) :].rstrip("b") or ""
    if unit not in _UNITS:
        raise ValueError(f"invalid size: {text}")
    return int(float(num) * _UNITS[unit])


@dataclass
class RunResult:
    """What :meth:`World.run` gives back."""

    exit_code: int
    stdout: str = ""
    stderr: str = ""


Handler = Callable[[int], Any] | str


class World:
    """The container's world, as the function of a Python image receives it."""

    def __init__(self, proc: Process) -> None:
        self.proc = proc
        self._ctx = context_of(proc)
        self._handlers: dict[int, Handler] = {}
        self._terminating = False
        self.received: list[int] = []
        proc.set_handler(Signal.SIGTERM, "catch")

    # -- identity -----------------------------------------------------------------------------

    @property
    def argv(self) -> list[str]:
        """The full argv: ``argv[0]`` is the program as it was found."""
        return self.proc.argv

    @property
    def args(self) -> list[str]:
        """``argv[1:]``: the container's arguments."""
        return self.proc.argv[1:]

    @property
    def env(self) -> dict[str, str]:
        return self.proc.env

    @property
    def fs(self) -> MountNamespace:
        """The container's filesystem (``read_text``, ``write_text``, ``exists``, ``listdir``, ...)."""
        return self.proc.fs

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def uid(self) -> int:
        return self.proc.uid

    @property
    def gid(self) -> int:
        return self.proc.gid

    @property
    def hostname(self) -> str:
        return self.proc.hostname

    @property
    def pod_ip(self) -> str:
        """The pod's (first) IP address; ``""`` outside a pod."""
        return self._ctx.pod_ip if self._ctx else ""

    @property
    def pod_ips(self) -> list[str]:
        return list(self._ctx.pod_ips) if self._ctx else []

    @property
    def container_name(self) -> str:
        return self._ctx.name if self._ctx else ""

    @property
    def net(self) -> Any:
        """The pod's network namespace (sockets: ``listen``, ``connect``, HTTP helpers)."""
        if self._ctx is None or self._ctx.network is None:
            raise RuntimeError("this process has no network namespace")
        return self._ctx.network

    @property
    def ipc(self) -> Any:
        """The pod's IPC namespace (shared memory, semaphores, message queues)."""
        if self._ctx is None:
            raise RuntimeError("this process has no IPC namespace")
        return self._ctx.ipc

    # -- output -------------------------------------------------------------------------------

    @property
    def stdout(self) -> Any:
        return self.proc.stdout

    @property
    def stderr(self) -> Any:
        return self.proc.stderr

    @property
    def stdin(self) -> Any:
        return self.proc.stdin

    def print(self, *objects: Any, sep: str = " ", end: str = "\n", file: Any = None, flush: bool = False) -> None:
        """Like ``print``: to stdout (``kubectl logs``) unless ``file=c.stderr``."""
        out = self.proc.stdout if file is None else file
        out.write(sep.join(str(o) for o in objects) + end)

    def log(self, *objects: Any) -> None:
        """Print to stderr."""
        self.print(*objects, file=self.proc.stderr)

    # -- time and signals ---------------------------------------------------------------------

    def now(self) -> float:
        """The time (Unix seconds, virtual)."""
        return self.proc.now()

    def sleep(self, seconds: float) -> bool:
        """Sleep ``seconds`` of virtual time; ``False`` if a signal (SIGTERM) cut it short."""
        self._poll()
        ok = self.proc.sleep(seconds)
        if not ok:
            self._poll()
        return ok

    def wait_until(self, predicate: Callable[[], bool], timeout: float | None = None, *, notifiers: Iterable[Any] = ()) -> bool:
        """Wait until ``predicate()`` holds (woken by ``notifiers``; re-checked each second of
        virtual time otherwise); ``False`` on timeout or a signal."""
        deadline = None if timeout is None else self.now() + timeout
        nots = list(notifiers)
        while True:
            self._poll()
            if predicate():
                return True
            remaining = None if deadline is None else deadline - self.now()
            if remaining is not None and remaining <= 0:
                return False
            step = remaining if nots else (1.0 if remaining is None else min(1.0, remaining))
            if self.proc.wait_for(predicate, step, notifiers=nots):
                return True
            if self.proc.signal_pending():
                self._poll()
                return False

    @property
    def terminating(self) -> bool:
        """Whether SIGTERM has been received (the kubelet is stopping the container)."""
        self._poll()
        return self._terminating

    def on_signal(self, sig: int | str, handler: Handler) -> None:
        """Handle ``sig`` (``"SIGTERM"``, ``"USR1"``, 15): ``handler(sig)`` is called at the
        program's next call into ``c`` (sleep, ``terminating``...); ``"ignore"`` ignores it;
        ``"default"`` restores the kernel's default action."""
        num = parse_signal(sig)
        if handler == "ignore":
            self.proc.set_handler(num, "ignore")
            self._handlers.pop(num, None)
        elif handler == "default":
            self.proc.set_handler(num, "default")
            self._handlers.pop(num, None)
        elif callable(handler):
            self.proc.set_handler(num, "catch")
            self._handlers[num] = handler
        else:
            raise ValueError(f"a signal handler is a callable, 'ignore' or 'default', not {handler!r}")

    def _poll(self) -> None:
        self.proc.check()
        for sig in self.proc.take_signals():
            self.received.append(sig)
            if sig == Signal.SIGTERM:
                self._terminating = True
            h = self._handlers.get(sig)
            if callable(h):
                h(sig)

    def exit(self, code: int = 0) -> None:
        """End the program now with ``code``."""
        raise ProcessExit(code)

    # -- memory -------------------------------------------------------------------------------

    def allocate(self, nbytes: int | str) -> None:
        """Use ``nbytes`` (or ``"150M"``) more memory; past the limit the container is OOMKilled."""
        n = parse_bytes(nbytes) if isinstance(nbytes, str) else int(nbytes)
        if self._ctx is None:
            return
        self._ctx.memory.charge(n)

    def free(self, nbytes: int | str) -> None:
        """Give memory back."""
        n = parse_bytes(nbytes) if isinstance(nbytes, str) else int(nbytes)
        if self._ctx is not None:
            self._ctx.memory.uncharge(n)

    @property
    def memory_usage(self) -> int:
        """Bytes this container has allocated."""
        return self._ctx.memory.usage if self._ctx else 0

    # -- other programs -----------------------------------------------------------------------

    def run(self, argv: list[str] | str, *, capture: bool = False, stdin: str | None = None) -> RunResult:
        """Run another program of the image in the foreground (``subprocess.run``-like).

        ``argv`` is a list, or a string run with ``sh -c``. With ``capture`` the output is
        returned instead of going to the container's log. ``FileNotFoundError`` if the program
        is not found on ``PATH``.
        """
        if isinstance(argv, str):
            argv = ["sh", "-c", argv]
        from sandbox.runtime.process import InputText

        try:
            path, program, prefix = find_executable(self.fs, argv[0], self.env.get("PATH"))
        except ExecError as e:
            raise FileNotFoundError(2, str(e), argv[0]) from None
        out = OutputBuffer() if capture else None
        err = OutputBuffer() if capture else None
        child = self.proc.child(
            [*prefix, path if prefix else argv[0], *argv[1:]],
            stdout=out,
            stderr=err,
            stdin=InputText(stdin) if stdin is not None else None,
        )
        code = self.proc.run_child(child, program)
        return RunResult(code, out.getvalue() if out else "", err.getvalue() if err else "")

    # -- running the function -----------------------------------------------------------------

    def _main(self, fn: Callable[[World], Any]) -> int:
        try:
            result = fn(self)
        except SystemExit as e:
            return self._exit_status(e.code)
        except Exception as exc:  # noqa: BLE001 - a learner's program may raise anything
            tb = exc.__traceback__
            while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
                tb = tb.tb_next
            text = "".join(traceback.format_exception(type(exc), exc, tb))
            self.proc.stderr.write(text)
            return 1
        return self._exit_status(result)

    def _exit_status(self, result: Any) -> int:
        if result is None:
            return 0
        if isinstance(result, bool):
            return int(result)
        if isinstance(result, int):
            return result & 0xFF
        self.proc.stderr.write(f"{result}\n")
        return 1


def world_program(fn: Callable[[World], Any]) -> Program:
    """Make ``fn(c)`` a program (``program(proc) -> int``) that gets a :class:`World`."""

    def program(proc: Process) -> int:
        return World(proc)._main(fn)

    program.__name__ = getattr(fn, "__name__", "program")
    program.__qualname__ = getattr(fn, "__qualname__", "program")
    program.__doc__ = fn.__doc__
    return program
