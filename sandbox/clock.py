"""Virtual time for a cluster whose containers are real threads.

This module plays the part of Kubernetes' ``FakeClock`` and of a deterministic thread scheduler at
once. Containers run as Python threads, yet a test that waits five virtual minutes for a
``CrashLoopBackOff`` takes milliseconds, and two runs with the same seed do exactly the same thing.

How it works (see ``docs/fidelity.md`` and the design notes):

* **Managed threads** (:meth:`Clock.spawn`) run one at a time. The thread that *drives* the clock
  (whoever called :meth:`Clock.advance` or :meth:`Clock.run_until`) hands a baton to the first ready
  thread and waits until that thread *parks*: sleeps, waits on a :class:`WaitQueue`, :class:`Event`
  or :class:`Queue`, or ends. Only then does anything else run.
* **Callbacks** (:meth:`Clock.call_at`, :meth:`Clock.call_later`, :meth:`Clock.call_soon`) run on the
  driving thread. The kubelet's sync loops, probes, leases, the scheduler and the controllers are
  callbacks: they must not block.
* When nothing is ready, the clock pops the earliest timer from a heap keyed
  ``(deadline, sequence)`` and sets ``now`` exactly to its deadline. Equal deadlines fire in the
  order they were scheduled.
* A managed thread that never parks (a busy loop, a real ``time.sleep``, a real lock) is found by a
  wall-clock **watchdog**. It is *detached*: the cluster goes on without it, as a real CPU-bound
  process would leave the rest of a node running, and it rejoins the baton at its next clock call.
  Its stack is recorded in :attr:`Clock.runaways`.
* :meth:`Task.kill` makes the thread's next clock call raise :class:`Killed`; a detached thread gets
  the exception raised into it asynchronously.

``Clock(mode="real")`` runs the same machinery on wall time (optionally faster, ``rate=60``) with a
background driver thread, for live demos.
"""

from __future__ import annotations

import contextlib
import ctypes
import heapq
import itertools
import sys
import threading
import time as _walltime
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sandbox.errors import SandboxError

__all__ = [
    "Clock",
    "Task",
    "Timer",
    "WaitQueue",
    "Event",
    "Queue",
    "Killed",
    "Deadlock",
    "ClockError",
    "QueueEmpty",
    "EPOCH",
    "Runaway",
]

#: Where virtual time starts: 2025-01-01T00:00:00Z.
EPOCH = 1735689600.0

_NEW, _READY, _RUNNING, _PARKED, _DETACHED, _DONE = "new", "ready", "running", "parked", "detached", "done"


class ClockError(SandboxError):
    """Misuse of the clock (blocking inside a callback, driving from a managed thread, ...)."""


class Deadlock(ClockError):
    """Everything is parked, nothing is ready and no timer is due: nothing can ever happen again."""


class QueueEmpty(Exception):
    """:meth:`Queue.get` timed out."""


class Killed(BaseException):
    """Raised inside a managed thread that was killed.

    It derives from ``BaseException`` so ``except Exception`` in learner code does not swallow it;
    and it is raised again at every later clock call, so even a bare ``except:`` cannot keep a
    killed container alive for long.
    """

    def __init__(self, reason: str = "killed") -> None:
        super().__init__(reason)
        self.reason = reason


_TIMEOUT = object()


class Timer:
    """A scheduled callback; :meth:`cancel` stops it if it has not fired."""

    __slots__ = ("deadline", "seq", "fn", "args", "cancelled", "fired")

    def __init__(self, deadline: float, seq: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.deadline = deadline
        self.seq = seq
        self.fn = fn
        self.args = args
        self.cancelled = False
        self.fired = False

    def cancel(self) -> None:
        self.cancelled = True

    def __lt__(self, other: Timer) -> bool:
        return (self.deadline, self.seq) < (other.deadline, other.seq)

    def __repr__(self) -> str:
        name = getattr(self.fn, "__qualname__", repr(self.fn))
        return f"<Timer {name} at {self.deadline:.3f}{' cancelled' if self.cancelled else ''}>"


@dataclass
class Runaway:
    """A managed thread the watchdog caught running without ever parking."""

    task: str
    virtual_time: float
    stack: str


class Task:
    """A managed thread: started, scheduled, parked and killed by the clock."""

    def __init__(self, clock: Clock, fn: Callable[..., Any], args: tuple[Any, ...], name: str) -> None:
        self.clock = clock
        self.name = name
        self._fn = fn
        self._args = args
        self.state = _NEW
        self.result: Any = None
        self.exception: BaseException | None = None
        self.waiting_on = "start"
        self._go = threading.Semaphore(0)
        self._parked = threading.Semaphore(0)
        self._wake_value: Any = None
        self._timer: Timer | None = None
        self._pending: Killed | None = None
        self._joiners: WaitQueue | None = None
        self._done_callbacks: list[Callable[[Task], Any]] = []
        self.thread = threading.Thread(target=self._main, name=f"podlab:{name}", daemon=True)

    # -- inside the thread ----------------------------------------------------------------------

    def _main(self) -> None:
        _local.task = self
        self._go.acquire()
        try:
            if self._pending is not None:
                raise self._pending
            self.result = self._fn(*self._args)
        except BaseException as exc:  # noqa: BLE001 - a container may raise anything
            self.exception = exc
        finally:
            self.clock._task_finished(self)

    # -- from outside ---------------------------------------------------------------------------

    @property
    def done(self) -> bool:
        return self.state == _DONE

    @property
    def killed(self) -> bool:
        return self._pending is not None

    def add_done_callback(self, fn: Callable[[Task], Any]) -> None:
        """Call ``fn(task)`` (as a clock callback) once the thread has ended."""
        with self.clock._lock:
            if self.state != _DONE:
                self._done_callbacks.append(fn)
                return
        self.clock.call_soon(fn, self)

    def kill(self, reason: str = "killed") -> None:
        """Make the thread raise :class:`Killed` now (if parked) or at its next clock call."""
        self.clock._kill(self, reason)

    def join(self, timeout: float | None = None) -> bool:
        """Wait (in virtual time) until the thread ends; returns whether it did."""
        if self.done:
            return True
        return self.clock.run_until(lambda: self.done, timeout)

    def __repr__(self) -> str:
        return f"<Task {self.name} {self.state} waiting on {self.waiting_on}>"


_local = threading.local()


def current_task() -> Task | None:
    """The managed thread this code runs in, or ``None``."""
    return getattr(_local, "task", None)


class Clock:
    """Virtual (default) or real time, timers and managed threads.

    Args:
        mode: ``"virtual"`` (deterministic, jumps from timer to timer) or ``"real"`` (wall time).
        rate: in real mode, virtual seconds per wall second (``60`` makes a minute pass in a second).
        start: the Unix time the clock starts at (virtual mode), :data:`EPOCH` by default.
        watchdog: wall seconds a managed thread may run without parking before it is detached.
    """

    def __init__(
        self,
        mode: str = "virtual",
        *,
        rate: float = 1.0,
        start: float = EPOCH,
        watchdog: float = 2.0,
    ) -> None:
        if mode not in ("virtual", "real"):
            raise ValueError(f'clock mode must be "virtual" or "real", not {mode!r}')
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.mode = mode
        self.rate = float(rate)
        self.watchdog = watchdog
        self._lock = threading.RLock()
        self._now = float(start)
        self._start = float(start)
        self._wall0 = _walltime.monotonic()
        self._heap: list[Timer] = []
        self._seq = itertools.count()
        self._ready: deque[Task] = deque()
        self._tasks: list[Task] = []
        self._drive_lock = threading.Lock()
        self._driver: int | None = None
        self._in_callback = False
        self._closed = False
        self.runaways: list[Runaway] = []
        #: Wakes the background driver in real mode.
        self._changed = threading.Condition(self._lock)
        self._real_thread: threading.Thread | None = None
        self._callback_errors: list[BaseException] = []
        if mode == "real":
            self._real_thread = threading.Thread(target=self._real_loop, name="podlab:clock", daemon=True)
            self._real_thread.start()

    # ------------------------------------------------------------------ time

    def now(self) -> float:
        """Seconds since the Unix epoch, on this clock."""
        if self.mode == "real":
            return self._start + (_walltime.monotonic() - self._wall0) * self.rate
        return self._now

    time = now

    def elapsed(self) -> float:
        """Seconds since the clock started."""
        return self.now() - self._start

    def datetime(self) -> datetime:
        """``now()`` as an aware UTC datetime."""
        return datetime.fromtimestamp(self.now(), tz=timezone.utc)

    # ------------------------------------------------------------------ callbacks

    def call_at(self, when: float, fn: Callable[..., Any], *args: Any) -> Timer:
        """Run ``fn(*args)`` on the driving thread at virtual time ``when`` (never early)."""
        with self._lock:
            if self.mode == "virtual":
                when = max(when, self._now)
            t = Timer(when, next(self._seq), fn, args)
            heapq.heappush(self._heap, t)
            if self.mode == "real":
                self._changed.notify_all()
            return t

    def call_later(self, delay: float, fn: Callable[..., Any], *args: Any) -> Timer:
        """Run ``fn(*args)`` after ``delay`` seconds."""
        return self.call_at(self.now() + max(0.0, delay), fn, *args)

    def call_soon(self, fn: Callable[..., Any], *args: Any) -> Timer:
        """Run ``fn(*args)`` as soon as the clock is driven, after what is already due."""
        return self.call_at(self.now(), fn, *args)

    # ------------------------------------------------------------------ managed threads

    def spawn(self, fn: Callable[..., Any], *args: Any, name: str = "task") -> Task:
        """Start ``fn(*args)`` in a managed thread; it first runs when the clock is next driven."""
        if self._closed:
            raise ClockError("the clock is closed")
        task = Task(self, fn, args, name)
        with self._lock:
            self._tasks.append(task)
            task.state = _READY
            self._ready.append(task)
            if self.mode == "real":
                self._changed.notify_all()
        task.thread.start()
        return task

    def tasks(self) -> list[Task]:
        """Managed threads that have not ended."""
        with self._lock:
            return [t for t in self._tasks if t.state != _DONE]

    def _current_managed(self) -> Task | None:
        task = current_task()
        return task if task is not None and task.clock is self else None

    def _park(self, what: str, timeout: float | None = None) -> Any:
        """Park the calling managed thread until woken (value) or ``timeout`` (``_TIMEOUT``)."""
        task = self._current_managed()
        if task is None:
            raise ClockError("only a managed thread can park")
        with self._lock:
            if task._pending is not None:
                raise task._pending
            task.waiting_on = what
            task._wake_value = None
            if timeout is not None:
                task._timer = self._timer_for_task(task, timeout)
            if task.state == _RUNNING:
                task.state = _PARKED
                task._parked.release()
            else:  # detached: nobody waits for us; just become an ordinary parked thread
                task.state = _PARKED
        task._go.acquire()
        with self._lock:
            if task._timer is not None:
                task._timer.cancel()
                task._timer = None
            if task._pending is not None:
                raise task._pending
            return task._wake_value

    def _timer_for_task(self, task: Task, timeout: float) -> Timer:
        t = Timer(self.now() + max(0.0, timeout), next(self._seq), self._wake, (task, _TIMEOUT))
        heapq.heappush(self._heap, t)
        return t

    def _wake(self, task: Task, value: Any = None) -> bool:
        """Make a parked task ready; returns False if it was not parked."""
        with self._lock:
            if task.state != _PARKED:
                return False
            task.state = _READY
            task._wake_value = value
            task.waiting_on = ""
            self._ready.append(task)
            if self.mode == "real":
                self._changed.notify_all()
            return True

    def _kill(self, task: Task, reason: str) -> None:
        with self._lock:
            if task.state == _DONE:
                return
            if task._pending is None:
                task._pending = Killed(reason)
            state = task.state
        if state == _PARKED:
            self._wake(task)
        elif state == _DETACHED:
            _raise_in_thread(task.thread, Killed)
            # let it die before time moves on, so the kill lands at the same virtual time every run
            if task.thread is not threading.current_thread():
                task.thread.join(self.watchdog)

    def _task_finished(self, task: Task) -> None:
        with self._lock:
            was = task.state
            task.state = _DONE
            task.waiting_on = ""
            joiners, task._joiners = task._joiners, None
            callbacks, task._done_callbacks = task._done_callbacks, []
            for cb in callbacks:
                heapq.heappush(self._heap, Timer(self.now(), next(self._seq), cb, (task,)))
            if self.mode == "real":
                self._changed.notify_all()
        if joiners is not None:
            joiners.notify_all()
        if was == _RUNNING:
            task._parked.release()

    def sleep(self, seconds: float) -> None:
        """Sleep in virtual time: parks a managed thread; from outside, drives the clock."""
        if self._current_managed() is not None:
            self._park(f"sleep {seconds:g}s", max(0.0, seconds))
            return
        self._check_not_callback("sleep")
        self.advance(seconds)

    def _check_not_callback(self, what: str) -> None:
        if self._driver == threading.get_ident():
            raise ClockError(f"{what}() cannot be called from a clock callback: callbacks must not block")

    # ------------------------------------------------------------------ driving

    def advance(self, seconds: float) -> None:
        """Run the cluster for ``seconds`` of virtual time (in real mode: wait that long)."""
        if seconds < 0:
            raise ValueError("cannot advance by a negative time")
        if self.mode == "real":
            self._check_not_callback("advance")
            _walltime.sleep(seconds / self.rate)
            return
        self._drive(self._now + seconds, None)

    def run_until(self, predicate: Callable[[], bool], timeout: float | None = None) -> bool:
        """Drive the clock until ``predicate()`` holds (checked whenever the cluster is idle).

        Returns ``False`` if ``timeout`` virtual seconds passed first. Without a timeout, raises
        :class:`Deadlock` when nothing can happen any more.
        """
        if self.mode == "real":
            self._check_not_callback("run_until")
            deadline = None if timeout is None else _walltime.monotonic() + timeout / self.rate
            while not predicate():
                if deadline is not None and _walltime.monotonic() >= deadline:
                    return False
                with self._lock:
                    self._changed.wait(0.01)
            return True
        until = float("inf") if timeout is None else self._now + timeout
        return self._drive(until, predicate)

    def run_all(self) -> None:
        """Run everything that is due now, without moving time."""
        if self.mode == "virtual":
            self._drive(self._now, None)

    def _drive(self, until: float, predicate: Callable[[], bool] | None) -> bool:
        if self._current_managed() is not None:
            raise ClockError("a managed thread cannot drive the clock")
        self._check_not_callback("advance")
        with self._drive_lock:
            self._driver = threading.get_ident()
            try:
                while True:
                    self._run_due()
                    if predicate is not None and predicate():
                        return True
                    with self._lock:
                        nxt = self._next_deadline()
                        if nxt is not None and nxt <= until:
                            self._now = max(self._now, nxt)
                            continue
                        if until == float("inf"):
                            raise Deadlock(self._deadlock_report())
                        self._now = max(self._now, until)
                        return False
            finally:
                self._driver = None

    def _next_deadline(self) -> float | None:
        heap = self._heap
        while heap and heap[0].cancelled:
            heapq.heappop(heap)
        return heap[0].deadline if heap else None

    def _run_due(self) -> None:
        """Run ready threads and due callbacks until nothing more is due at ``now``."""
        while True:
            with self._lock:
                if self._ready:
                    task: Task | None = self._ready.popleft()
                    timer = None
                else:
                    task = None
                    nxt = self._next_deadline()
                    if nxt is None or nxt > self.now():
                        return
                    timer = heapq.heappop(self._heap)
            if task is not None:
                self._run_task(task)
            elif timer is not None:
                timer.fired = True
                timer.fn(*timer.args)

    def _run_task(self, task: Task) -> None:
        with self._lock:
            if task.state != _READY:
                return
            task.state = _RUNNING
        task._go.release()
        if task._parked.acquire(timeout=self.watchdog):
            return
        with self._lock:
            if task.state != _RUNNING:  # it parked or ended just as the watchdog fired
                task._parked.acquire(timeout=0)
                return
            task.state = _DETACHED
            task.waiting_on = "nothing: running without parking (detached by the watchdog)"
            frame = sys._current_frames().get(task.thread.ident or -1)
            stack = "".join(traceback.format_stack(frame)) if frame is not None else ""
            self.runaways.append(Runaway(task.name, self._now, stack))
            if task._pending is not None:
                _raise_in_thread(task.thread, Killed)

    def _deadlock_report(self) -> str:
        lines = ["deadlock: every thread is parked, nothing is ready and no timer is set"]
        for t in self._tasks:
            if t.state != _DONE:
                lines.append(f"  {t.name}: {t.state}, waiting on {t.waiting_on or '?'}")
        return "\n".join(lines)

    # ------------------------------------------------------------------ real mode

    def _real_loop(self) -> None:
        self._driver = threading.get_ident()
        while not self._closed:
            try:
                self._run_due()
            except BaseException as exc:  # noqa: BLE001 - keep the demo cluster alive, report later
                self._callback_errors.append(exc)
            with self._lock:
                if self._ready or self._closed:
                    continue
                nxt = self._next_deadline()
                wait = 0.5 if nxt is None else max(0.0, (nxt - self.now()) / self.rate)
                if wait > 0:
                    self._changed.wait(min(wait, 0.5))

    # ------------------------------------------------------------------ shutdown

    def close(self, timeout: float = 5.0) -> list[str]:
        """Kill every managed thread and wait for them; returns the names of any left running."""
        if self._closed:
            return []
        for task in self.tasks():
            task.kill("clock closed")
        if self.mode == "virtual":
            deadline = _walltime.monotonic() + timeout
            while self.tasks() and _walltime.monotonic() < deadline:
                with self._lock:
                    ready = bool(self._ready)
                if ready:
                    self._drive_ready_only()
                else:
                    # detached threads: wait for them on the wall clock
                    for t in self.tasks():
                        t.thread.join(0.05)
        self._closed = True
        with self._lock:
            self._heap.clear()
            self._changed.notify_all()
        if self._real_thread is not None:
            self._real_thread.join(timeout)
        for t in list(self._tasks):
            t.thread.join(max(0.0, 0.2))
        return [t.name for t in self._tasks if t.thread.is_alive()]

    def _drive_ready_only(self) -> None:
        with self._drive_lock:
            self._driver = threading.get_ident()
            try:
                while True:
                    with self._lock:
                        if not self._ready:
                            return
                        task = self._ready.popleft()
                    self._run_task(task)
            finally:
                self._driver = None

    @property
    def closed(self) -> bool:
        return self._closed

    def __repr__(self) -> str:
        return f"<Clock {self.mode} t={self.elapsed():.3f}s tasks={len(self.tasks())}>"


def _raise_in_thread(thread: threading.Thread, exc_type: type[BaseException]) -> None:
    """Raise ``exc_type`` inside ``thread`` at its next bytecode (CPython only)."""
    if thread.ident is None or not thread.is_alive():
        return
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(exc_type))


# ---------------------------------------------------------------------- synchronisation


@dataclass
class _Waiter:
    task: Task | None
    notified: bool = False
    value: Any = None


class WaitQueue:
    """Threads waiting for something; the clock-aware core of every blocking primitive.

    From a managed thread, :meth:`wait` parks it. From outside code it drives the clock until the
    wait is over, so a test can block on the same primitive a container uses.
    """

    def __init__(self, clock: Clock, what: str = "wait queue") -> None:
        self.clock = clock
        self.what = what
        self._waiters: deque[_Waiter] = deque()

    def wait(
        self,
        timeout: float | None = None,
        what: str | None = None,
        satisfied: Callable[[], bool] | None = None,
    ) -> tuple[bool, Any]:
        """Wait until notified; returns ``(notified, value)`` (``(False, None)`` on timeout).

        ``satisfied`` is checked once the waiter is registered (under the clock's lock): if it already
        holds, the wait returns at once, so no wake-up between a caller's check and its wait is lost.
        """
        clock = self.clock
        task = clock._current_managed()
        waiter = _Waiter(task)
        with clock._lock:
            if satisfied is not None and satisfied():
                return True, None
            self._waiters.append(waiter)
        try:
            if task is not None:
                clock._park(what or self.what, timeout)
            else:
                clock._check_not_callback("wait")
                clock.run_until(lambda: waiter.notified, timeout)
        finally:
            with clock._lock:
                if not waiter.notified:
                    with contextlib.suppress(ValueError):
                        self._waiters.remove(waiter)
        return waiter.notified, waiter.value

    def notify(self, n: int = 1, value: Any = None) -> int:
        """Wake up to ``n`` waiters, oldest first; returns how many were woken."""
        woken = 0
        clock = self.clock
        with clock._lock:
            while self._waiters and woken < n:
                w = self._waiters.popleft()
                w.notified = True
                w.value = value
                if w.task is not None:
                    clock._wake(w.task, value)
                woken += 1
        return woken

    def notify_all(self, value: Any = None) -> int:
        return self.notify(len(self._waiters) + 1_000_000, value)

    def __len__(self) -> int:
        return len(self._waiters)


class Event:
    """A flag threads can wait for, in virtual time (like ``threading.Event``)."""

    def __init__(self, clock: Clock, what: str = "event") -> None:
        self._flag = False
        self._queue = WaitQueue(clock, what)

    def is_set(self) -> bool:
        return self._flag

    def set(self) -> None:
        self._flag = True
        self._queue.notify_all()

    def clear(self) -> None:
        self._flag = False

    def wait(self, timeout: float | None = None) -> bool:
        if self._flag:
            return True
        self._queue.wait(timeout, satisfied=self.is_set)
        return self._flag


@dataclass
class Queue:
    """A FIFO queue whose ``get`` waits in virtual time."""

    clock: Clock
    what: str = "queue"
    maxsize: int = 0
    _items: deque[Any] = field(default_factory=deque)
    _getters: WaitQueue | None = None
    _putters: WaitQueue | None = None

    def __post_init__(self) -> None:
        self._getters = WaitQueue(self.clock, self.what)
        self._putters = WaitQueue(self.clock, f"{self.what} (full)")

    def put(self, item: Any, timeout: float | None = None) -> None:
        assert self._putters is not None and self._getters is not None
        while self.maxsize and len(self._items) >= self.maxsize:
            ok, _ = self._putters.wait(timeout, satisfied=lambda: len(self._items) < self.maxsize)
            if not ok:
                raise TimeoutError(f"{self.what} is full")
        self._items.append(item)
        self._getters.notify()

    def get(self, timeout: float | None = None) -> Any:
        """Take the oldest item, waiting up to ``timeout`` virtual seconds (``QueueEmpty`` then)."""
        assert self._putters is not None and self._getters is not None
        while not self._items:
            if timeout is not None and timeout <= 0:
                raise QueueEmpty(self.what)
            ok, _ = self._getters.wait(timeout, satisfied=lambda: bool(self._items))
            if not ok and not self._items:
                raise QueueEmpty(self.what)
        item = self._items.popleft()
        self._putters.notify()
        return item

    def get_nowait(self) -> Any:
        return self.get(timeout=0)

    def __len__(self) -> int:
        return len(self._items)

    def empty(self) -> bool:
        return not self._items
