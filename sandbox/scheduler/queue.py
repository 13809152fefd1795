"""The scheduling queue (``pkg/scheduler/backend/queue``): active, backoff and unschedulable pods.

* **activeQ**: pods ready to be tried, highest ``spec.priority`` first, then the oldest.
* **backoffQ**: pods that failed and wait out their backoff (1 s, doubling per attempt, at most
  10 s: ``podInitialBackoffSeconds``/``podMaxBackoffSeconds``) before going back to activeQ.
* **unschedulablePods**: pods that fit nowhere. A cluster event that may help (a node added,
  uncordoned, untainted or relabelled, a pod deleted, ...) moves those whose rejecting plugins
  care about it to activeQ, or to backoffQ while they are still backing off. Every 30 s pods that
  have waited there longer than 5 minutes (``podMaxInUnschedulablePodsDuration``) are moved too.
  Pods held by scheduling gates wait here until their gates are removed.

Everything runs on the clock: timers, never threads.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from typing import Any

from sandbox.scheduler.framework import Event, Plugin, Status

__all__ = [
    "QueuedPodInfo",
    "SchedulingQueue",
    "POD_INITIAL_BACKOFF",
    "POD_MAX_BACKOFF",
    "POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION",
    "UNSCHEDULABLE_FLUSH_INTERVAL",
]

POD_INITIAL_BACKOFF = 1.0
POD_MAX_BACKOFF = 10.0
POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION = 300.0
UNSCHEDULABLE_FLUSH_INTERVAL = 30.0


class QueuedPodInfo:
    """A pod in the queue: when it was queued, how often it was tried, who rejected it."""

    __slots__ = ("pod", "timestamp", "attempts", "initial_attempt_timestamp", "unschedulable_plugins",
                 "gated", "gating_status")

    def __init__(self, pod: Any, now: float) -> None:
        self.pod = pod
        self.timestamp = now
        self.attempts = 0
        self.initial_attempt_timestamp: float | None = None
        self.unschedulable_plugins: set[str] = set()
        self.gated = False
        self.gating_status: Status | None = None

    def backoff_duration(self) -> float:
        """``calculateBackoffDuration``: 1 s doubled per attempt after the first, capped at 10 s."""
        d = POD_INITIAL_BACKOFF
        for _ in range(1, self.attempts):
            d *= 2
            if d > POD_MAX_BACKOFF:
                return POD_MAX_BACKOFF
        return d

    def backoff_expiry(self) -> float:
        return self.timestamp + self.backoff_duration()


class SchedulingQueue:
    """``PriorityQueue``. ``on_ready`` is called whenever activeQ gets a pod."""

    def __init__(self, clock: Any, plugins: list[Plugin], on_ready: Callable[[], None]) -> None:
        self.clock = clock
        self.plugins = {p.name: p for p in plugins}
        self.pre_enqueue = [p for p in plugins if hasattr(p, "pre_enqueue")]
        self.on_ready = on_ready
        self._active: list[tuple[int, float, int, str]] = []
        self._active_set: dict[str, QueuedPodInfo] = {}
        self._backoff: dict[str, QueuedPodInfo] = {}
        self._backoff_timers: dict[str, Any] = {}
        self.unschedulable: dict[str, QueuedPodInfo] = {}
        self._seq = itertools.count()
        self._flush_timer: Any = None
        self._start = clock.now()
        self.closed = False

    # -- bookkeeping ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._active_set) + len(self._backoff) + len(self.unschedulable)

    def active_len(self) -> int:
        return len(self._active_set)

    def get(self, uid: str) -> QueuedPodInfo | None:
        return self._active_set.get(uid) or self._backoff.get(uid) or self.unschedulable.get(uid)

    def where(self, uid: str) -> str | None:
        """``active``, ``backoff``, ``unschedulable`` (or ``gated``), or ``None``."""
        if uid in self._active_set:
            return "active"
        if uid in self._backoff:
            return "backoff"
        q = self.unschedulable.get(uid)
        if q is not None:
            return "gated" if q.gated else "unschedulable"
        return None

    def _run_pre_enqueue(self, q: QueuedPodInfo) -> bool:
        for pl in self.pre_enqueue:
            st = pl.pre_enqueue(q.pod)  # type: ignore[attr-defined]
            if st is not None:
                q.gated = True
                q.gating_status = st
                return False
        q.gated = False
        q.gating_status = None
        return True

    def _push_active(self, q: QueuedPodInfo) -> None:
        uid = q.pod.uid
        self._active_set[uid] = q
        heapq.heappush(self._active, (-q.pod.priority, q.timestamp, next(self._seq), uid))
        self.on_ready()

    def _to_active_or_gated(self, q: QueuedPodInfo) -> None:
        if self._run_pre_enqueue(q):
            self._push_active(q)
        else:
            self.unschedulable[q.pod.uid] = q
            self._ensure_flush()

    def _push_backoff(self, q: QueuedPodInfo) -> None:
        uid = q.pod.uid
        self._backoff[uid] = q
        old = self._backoff_timers.pop(uid, None)
        if old is not None:
            old.cancel()
        self._backoff_timers[uid] = self.clock.call_at(q.backoff_expiry(), self._backoff_done, uid)

    def _backoff_done(self, uid: str) -> None:
        self._backoff_timers.pop(uid, None)
        q = self._backoff.pop(uid, None)
        if q is not None and not self.closed:
            self._push_active(q)

    def _is_backing_off(self, q: QueuedPodInfo) -> bool:
        return q.attempts > 0 and q.backoff_expiry() > self.clock.now()

    def _requeue(self, q: QueuedPodInfo) -> None:
        """``requeuePodViaQueueingHint``: to backoffQ while backing off, else activeQ."""
        self.unschedulable.pop(q.pod.uid, None)
        if self._is_backing_off(q):
            self._push_backoff(q)
        else:
            self._to_active_or_gated(q)

    # -- the API the scheduler uses -------------------------------------------------------------

    def add(self, pod: Any) -> None:
        """A new unscheduled pod."""
        if self.get(pod.uid) is not None:
            self.update(pod)
            return
        self._to_active_or_gated(QueuedPodInfo(pod, self.clock.now()))

    def update(self, pod: Any, spec_changed: bool = True) -> None:
        """A pending pod changed. ``spec_changed``: more than its status changed."""
        uid = pod.uid
        q = self.get(uid)
        if q is None:
            self.add(pod)
            return
        q.pod = pod
        if uid in self.unschedulable and spec_changed:
            if q.gated:
                if self._run_pre_enqueue(q):
                    self.unschedulable.pop(uid)
                    q.timestamp = self.clock.now()
                    self._push_active(q)
            else:
                self._requeue(q)

    def delete(self, uid: str) -> QueuedPodInfo | None:
        q = self._active_set.pop(uid, None)
        if q is None:
            q = self._backoff.pop(uid, None)
            t = self._backoff_timers.pop(uid, None)
            if t is not None:
                t.cancel()
        if q is None:
            q = self.unschedulable.pop(uid, None)
        return q

    def pop(self) -> QueuedPodInfo | None:
        """The next pod to try (its ``attempts`` counted), or ``None``."""
        while self._active:
            _, _, _, uid = heapq.heappop(self._active)
            q = self._active_set.pop(uid, None)
            if q is None:
                continue  # deleted or moved since it was pushed
            q.attempts += 1
            if q.initial_attempt_timestamp is None:
                q.initial_attempt_timestamp = self.clock.now()
            return q
        return None

    def add_unschedulable(self, q: QueuedPodInfo, plugins: set[str]) -> None:
        """``AddUnschedulableIfNotPresent`` after a failed attempt."""
        q.timestamp = self.clock.now()
        q.unschedulable_plugins = set(plugins)
        self.unschedulable[q.pod.uid] = q
        self._ensure_flush()

    def add_backoff(self, q: QueuedPodInfo) -> None:
        """After an error (not a fit failure): retry after the backoff."""
        q.timestamp = self.clock.now()
        self._push_backoff(q)

    def move_all(self, event: Event) -> int:
        """``MoveAllToActiveOrBackoffQueue``: requeue the pods ``event`` may help. Returns how many."""
        moved = 0
        for uid in list(self.unschedulable):
            q = self.unschedulable[uid]
            if q.gated:
                continue
            if q.unschedulable_plugins and not any(
                    self.plugins[n].interested_in(event) for n in q.unschedulable_plugins if n in self.plugins):
                continue
            self._requeue(q)
            moved += 1
        return moved

    # -- the periodic flush of long-waiting pods ----------------------------------------------

    def _ensure_flush(self) -> None:
        if self._flush_timer is not None or self.closed:
            return
        if not any(not q.gated for q in self.unschedulable.values()):
            return
        now = self.clock.now()
        k = int((now - self._start) // UNSCHEDULABLE_FLUSH_INTERVAL) + 1
        self._flush_timer = self.clock.call_at(self._start + k * UNSCHEDULABLE_FLUSH_INTERVAL, self._flush)

    def _flush(self) -> None:
        """``flushUnschedulablePodsLeftover``."""
        self._flush_timer = None
        if self.closed:
            return
        now = self.clock.now()
        for uid in list(self.unschedulable):
            q = self.unschedulable[uid]
            if not q.gated and now - q.timestamp > POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION:
                self._requeue(q)
        self._ensure_flush()

    def close(self) -> None:
        self.closed = True
        for t in self._backoff_timers.values():
            t.cancel()
        self._backoff_timers.clear()
        if self._flush_timer is not None:
            self._flush_timer.cancel()
            self._flush_timer = None
