"""The machinery every controller shares, as client-go and ``pkg/controller`` give it.

* :class:`Informer` is a shared informer: one watch per resource (``api.watch(..., handler=fn)``),
  a cache of the objects it has seen (Kubernetes JSON dicts, read-only: clone before changing),
  and event handlers (``on_add``, ``on_update``, ``on_delete``) that controllers register.
* :class:`InformerFactory` hands out one informer per resource, shared by all controllers.
* :class:`WorkQueue` is a rate-limited work queue of keys (``namespace/name``): a key queued
  several times is synced once; a sync that raises is retried with per-item exponential backoff
  (5 ms doubling up to 1000 s, as ``DefaultControllerRateLimiter``); ``add_after`` re-queues
  later. Each key is handed to ``sync(key)`` through the clock, never re-entrantly.
* :class:`Expectations` is ``ControllerExpectations``: after a controller asks for N creations
  or deletions it waits until its informer has seen them (or 5 minutes passed) before it
  syncs that owner again, so it never acts twice on a stale cache.

Everything runs as callbacks on the :class:`~sandbox.clock.Clock`: nothing blocks, nothing sleeps.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any

from sandbox.apiserver.selectors import LabelSelector, selector_from_label_selector
from sandbox.errors import StatusError

__all__ = [
    "Informer",
    "InformerFactory",
    "WorkQueue",
    "Expectations",
    "key_of",
    "split_key",
    "now_str",
    "parse_ts",
    "clone",
    "is_pod_ready",
    "is_pod_available",
    "is_pod_active",
    "pod_ready_since",
    "controller_ref",
    "owner_reference",
    "selector_matches",
    "ownerref_uid",
    "EXPECTATIONS_TIMEOUT",
]

log = logging.getLogger("sandbox.controllers")

#: ``ExpectationsTimeout``: expectations older than this are considered satisfied.
EXPECTATIONS_TIMEOUT = 5 * 60.0
#: ``DefaultControllerRateLimiter``'s per-item backoff: base and cap.
RATE_LIMIT_BASE = 0.005
RATE_LIMIT_MAX = 1000.0


def clone(d: Any) -> Any:
    """A deep copy of a JSON value."""
    return copy.deepcopy(d)


def key_of(obj: dict[str, Any]) -> str:
    """``cache.MetaNamespaceKeyFunc``: ``namespace/name``, or ``name`` for cluster objects."""
    meta = obj.get("metadata") or {}
    ns = meta.get("namespace")
    return f"{ns}/{meta.get('name')}" if ns else str(meta.get("name"))


def split_key(key: str) -> tuple[str | None, str]:
    """``cache.SplitMetaNamespaceKey``."""
    if "/" in key:
        ns, name = key.split("/", 1)
        return ns, name
    return None, key


def now_str(clock: Any) -> str:
    """The clock's time as ``metav1.Time`` JSON (RFC 3339, seconds)."""
    return datetime.fromtimestamp(int(clock.now()), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_ts(s: str | None) -> float | None:
    """An RFC 3339 timestamp as Unix seconds (``None`` stays ``None``)."""
    if not s:
        return None
    s = s.replace("Z", "+00:00")
    if "." in s:
        head, _, tail = s.partition(".")
        frac = "".join(ch for ch in tail if ch.isdigit())
        rest = tail[len(frac):]
        s = head + rest
    return datetime.fromisoformat(s).timestamp()


def _pod_condition(pod: dict[str, Any], ctype: str) -> dict[str, Any] | None:
    for c in (pod.get("status") or {}).get("conditions") or []:
        if c.get("type") == ctype:
            return c
    return None


def is_pod_ready(pod: dict[str, Any]) -> bool:
    """``podutil.IsPodReady``: the ``Ready`` condition is ``True``."""
    c = _pod_condition(pod, "Ready")
    return c is not None and c.get("status") == "True"


def pod_ready_since(pod: dict[str, Any]) -> float | None:
    """When the pod's ``Ready`` condition last became ``True`` (``None`` if it is not ready)."""
    c = _pod_condition(pod, "Ready")
    if c is None or c.get("status") != "True":
        return None
    return parse_ts(c.get("lastTransitionTime")) or 0.0


def is_pod_available(pod: dict[str, Any], min_ready_seconds: int, now: float) -> bool:
    """``podutil.IsPodAvailable``: ready for at least ``minReadySeconds``."""
    since = pod_ready_since(pod)
    if since is None:
        return False
    return min_ready_seconds <= 0 or since + min_ready_seconds <= now


def is_pod_active(pod: dict[str, Any]) -> bool:
    """``controller.IsPodActive``: not Succeeded, not Failed, not being deleted."""
    phase = (pod.get("status") or {}).get("phase")
    return phase not in ("Succeeded", "Failed") and not (pod.get("metadata") or {}).get("deletionTimestamp")


def controller_ref(obj: dict[str, Any]) -> dict[str, Any] | None:
    """``metav1.GetControllerOf``: the ownerReference with ``controller: true``."""
    for ref in (obj.get("metadata") or {}).get("ownerReferences") or []:
        if ref.get("controller"):
            return ref
    return None


def ownerref_uid(obj: dict[str, Any]) -> str | None:
    ref = controller_ref(obj)
    return ref.get("uid") if ref else None


def owner_reference(owner: dict[str, Any], block: bool = True) -> dict[str, Any]:
    """``metav1.NewControllerRef``: a controller ownerReference to ``owner``."""
    meta = owner["metadata"]
    return {
        "apiVersion": owner.get("apiVersion"),
        "kind": owner.get("kind"),
        "name": meta["name"],
        "uid": meta["uid"],
        "controller": True,
        "blockOwnerDeletion": block,
    }


def selector_matches(selector: Any, labels: dict[str, str] | None) -> bool:
    """Whether a ``LabelSelector`` (dict) selects ``labels``; ``None`` selects nothing."""
    sel: LabelSelector = selector_from_label_selector(selector)
    return sel.matches(labels or {})


# ----------------------------------------------------------------------------------------------
# informers
# ----------------------------------------------------------------------------------------------


Handler = Callable[..., Any]


class Informer:
    """A shared informer for one resource: a watch, a cache and event handlers.

    The cache holds each object's Kubernetes JSON as last delivered by the watch; it lags the API
    server by the watch's delivery (one clock turn), as a real informer's cache does.
    """

    def __init__(self, api: Any, resource: str) -> None:
        self.api = api
        self.resource = resource
        self.cache: dict[str, dict[str, Any]] = {}
        self._handlers: list[tuple[Handler | None, Handler | None, Handler | None]] = []
        self._indexes: dict[str, Callable[[dict[str, Any]], Iterable[str]]] = {}
        self._index: dict[str, dict[str, set[str]]] = {}
        self._watch: Any = None
        self.synced = False

    def add_handlers(self, on_add: Handler | None = None, on_update: Handler | None = None,
                     on_delete: Handler | None = None) -> None:
        """Register handlers: ``on_add(obj)``, ``on_update(old, new)``, ``on_delete(obj)``."""
        self._handlers.append((on_add, on_update, on_delete))
        if self.synced and on_add is not None:
            for obj in list(self.cache.values()):
                on_add(obj)

    def add_index(self, name: str, fn: Callable[[dict[str, Any]], Iterable[str]]) -> None:
        """An index (``cache.Indexers``): ``by_index(name, value)`` lists objects quickly."""
        self._indexes[name] = fn
        idx: dict[str, set[str]] = {}
        for k, obj in self.cache.items():
            for v in fn(obj):
                idx.setdefault(v, set()).add(k)
        self._index[name] = idx

    def by_index(self, name: str, value: str) -> list[dict[str, Any]]:
        keys = sorted(self._index.get(name, {}).get(value, ()))
        return [self.cache[k] for k in keys if k in self.cache]

    def start(self) -> None:
        """List and watch (the initial objects arrive as ``ADDED`` events through the clock)."""
        if self._watch is not None:
            return
        self.synced = False
        for obj in self.api.list(self.resource):
            d = obj.to_dict()
            self._store(key_of(d), d)
        rv = self.api.resource_version
        self.synced = True
        for obj in list(self.cache.values()):
            for on_add, _, _ in list(self._handlers):
                if on_add is not None:
                    on_add(obj)
        self._watch = self.api.watch(self.resource, resource_version=rv, handler=self._on_event)

    def stop(self) -> None:
        if self._watch is not None:
            self._watch.stop()
            self._watch = None

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached object (read-only) or ``None``."""
        return self.cache.get(key)

    def list(self, namespace: str | None = None) -> list[dict[str, Any]]:
        """Cached objects (read-only), optionally of one namespace, in key order."""
        if namespace is None:
            return [self.cache[k] for k in sorted(self.cache)]
        prefix = namespace + "/"
        return [self.cache[k] for k in sorted(self.cache) if k.startswith(prefix)]

    def _store(self, key: str, obj: dict[str, Any] | None) -> None:
        old = self.cache.get(key)
        for name, fn in self._indexes.items():
            idx = self._index[name]
            if old is not None:
                for v in fn(old):
                    s = idx.get(v)
                    if s is not None:
                        s.discard(key)
                        if not s:
                            del idx[v]
            if obj is not None:
                for v in fn(obj):
                    idx.setdefault(v, set()).add(key)
        if obj is None:
            self.cache.pop(key, None)
        else:
            self.cache[key] = obj

    def _on_event(self, ev: Any) -> None:
        if self._watch is None:
            return
        obj = ev.raw()
        key = key_of(obj)
        old = self.cache.get(key)
        if ev.type == "DELETED":
            self._store(key, None)
            for _, _, on_delete in list(self._handlers):
                if on_delete is not None:
                    on_delete(obj)
            return
        if ev.type not in ("ADDED", "MODIFIED"):
            return
        self._store(key, obj)
        for on_add, on_update, _ in list(self._handlers):
            if old is None:
                if on_add is not None:
                    on_add(obj)
            elif on_update is not None:
                on_update(old, obj)


class InformerFactory:
    """``SharedInformerFactory``: one informer per resource."""

    def __init__(self, api: Any) -> None:
        self.api = api
        self.informers: dict[str, Informer] = {}

    def get(self, resource: str) -> Informer:
        inf = self.informers.get(resource)
        if inf is None:
            inf = Informer(self.api, resource)
            self.informers[resource] = inf
        return inf

    def start(self) -> None:
        for inf in list(self.informers.values()):
            inf.start()

    def stop(self) -> None:
        for inf in self.informers.values():
            inf.stop()


# ----------------------------------------------------------------------------------------------
# work queue
# ----------------------------------------------------------------------------------------------


class WorkQueue:
    """A rate-limited work queue of keys, drained by clock callbacks (see the module docstring)."""

    def __init__(self, clock: Any, sync: Callable[[str], Any], name: str = "queue",
                 base_delay: float = RATE_LIMIT_BASE, max_delay: float = RATE_LIMIT_MAX) -> None:
        self.clock = clock
        self.sync = sync
        self.name = name
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._queue: list[str] = []
        self._queued: set[str] = set()
        self._failures: dict[str, int] = {}
        self._timers: dict[str, Any] = {}
        self._scheduled = False
        self._processing: str | None = None
        self._dirty_while_processing: set[str] = set()
        self.stopped = False
        self.errors: list[tuple[str, BaseException]] = []

    def __len__(self) -> int:
        return len(self._queue)

    def add(self, key: str) -> None:
        """Queue ``key`` (no-op if it is already queued)."""
        if self.stopped:
            return
        if key == self._processing:
            self._dirty_while_processing.add(key)
            return
        if key in self._queued:
            return
        self._queued.add(key)
        self._queue.append(key)
        self._schedule()

    def add_after(self, key: str, delay: float) -> None:
        """Queue ``key`` after ``delay`` seconds (an earlier pending add wins)."""
        if self.stopped:
            return
        if delay <= 0:
            self.add(key)
            return
        when = self.clock.now() + delay
        t = self._timers.get(key)
        if t is not None and not t.cancelled and not t.fired and t.deadline <= when:
            return
        if t is not None:
            t.cancel()
        self._timers[key] = self.clock.call_at(when, self._fire, key)

    def _fire(self, key: str) -> None:
        t = self._timers.pop(key, None)
        if t is not None:
            t.fired = True
        self.add(key)

    def add_rate_limited(self, key: str) -> None:
        """Queue ``key`` after its per-item exponential backoff."""
        n = self._failures.get(key, 0)
        self._failures[key] = n + 1
        self.add_after(key, min(self.base_delay * (2 ** min(n, 40)), self.max_delay))

    def forget(self, key: str) -> None:
        """Reset ``key``'s backoff."""
        self._failures.pop(key, None)

    def num_requeues(self, key: str) -> int:
        return self._failures.get(key, 0)

    def _schedule(self) -> None:
        if not self._scheduled and not self.stopped:
            self._scheduled = True
            self.clock.call_soon(self._run)

    def _run(self) -> None:
        self._scheduled = False
        if self.stopped or not self._queue:
            return
        key = self._queue.pop(0)
        self._queued.discard(key)
        self._processing = key
        try:
            self.sync(key)
        except StatusError as exc:
            log.debug("%s: sync %s failed: %s", self.name, key, exc)
            self.add_rate_limited(key)
        except Exception as exc:  # noqa: BLE001 - a controller bug must not stop the clock
            log.exception("%s: sync %s failed", self.name, key)
            self.errors.append((key, exc))
            self.add_rate_limited(key)
        else:
            self.forget(key)
        finally:
            self._processing = None
        if key in self._dirty_while_processing:
            self._dirty_while_processing.discard(key)
            self.add(key)
        if self._queue:
            self._schedule()

    def stop(self) -> None:
        self.stopped = True
        for t in self._timers.values():
            t.cancel()
        self._timers.clear()
        self._queue.clear()
        self._queued.clear()


# ----------------------------------------------------------------------------------------------
# expectations
# ----------------------------------------------------------------------------------------------


class Expectations:
    """``ControllerExpectations``: creations and deletions a controller waits to observe."""

    def __init__(self, clock: Any) -> None:
        self.clock = clock
        self._exp: dict[str, list[float]] = {}  # key -> [add, del, timestamp]
        self._uids: dict[str, set[str]] = {}

    def expect_creations(self, key: str, n: int) -> None:
        self._exp[key] = [n, 0, self.clock.now()]

    def expect_deletions(self, key: str, uids: Iterable[str]) -> None:
        uids = set(uids)
        self._uids[key] = uids
        self._exp[key] = [0, len(uids), self.clock.now()]

    def creation_observed(self, key: str) -> None:
        e = self._exp.get(key)
        if e is not None:
            e[0] -= 1

    def deletion_observed(self, key: str, uid: str | None = None) -> None:
        e = self._exp.get(key)
        if e is None:
            return
        if uid is not None:
            uids = self._uids.get(key)
            if uids is not None:
                if uid not in uids:
                    return
                uids.discard(uid)
        e[1] -= 1

    def lower_creations(self, key: str, n: int = 1) -> None:
        """A creation failed: stop waiting for it."""
        e = self._exp.get(key)
        if e is not None:
            e[0] -= n

    def lower_deletions(self, key: str, uid: str | None = None) -> None:
        self.deletion_observed(key, uid)

    def satisfied(self, key: str) -> bool:
        e = self._exp.get(key)
        if e is None:
            return True
        if e[0] <= 0 and e[1] <= 0:
            return True
        return self.clock.now() - e[2] > EXPECTATIONS_TIMEOUT

    def delete(self, key: str) -> None:
        self._exp.pop(key, None)
        self._uids.pop(key, None)


# ----------------------------------------------------------------------------------------------
# a controller's common parts
# ----------------------------------------------------------------------------------------------


class Controller:
    """A controller: informers from the shared factory, a work queue, ``sync(key)``.

    Subclasses set :attr:`name` (the event source, e.g. ``replicaset-controller``), register their
    handlers in :meth:`setup` and implement :meth:`sync`.
    """

    name = "controller"

    def __init__(self, api: Any, clock: Any, informers: InformerFactory | None = None) -> None:
        self.api = api
        self.clock = clock
        self.informers = informers if informers is not None else InformerFactory(api)
        self.queue = WorkQueue(clock, self.sync, name=self.name)
        self.expectations = Expectations(clock)
        self.started = False
        self.setup()

    def setup(self) -> None:
        """Register informers and handlers (called from ``__init__``)."""

    def start(self) -> None:
        """Start the informers this controller uses (idempotent)."""
        self.started = True
        self.queue.stopped = False
        self.informers.start()

    def stop(self) -> None:
        self.started = False
        self.queue.stop()

    def sync(self, key: str) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def enqueue(self, obj: dict[str, Any]) -> None:
        self.queue.add(key_of(obj))

    def event(self, obj: dict[str, Any], type: str, reason: str, message: str) -> None:
        """Record an Event about ``obj`` from this controller."""
        self.api.record_event(obj, type, reason, message, self.name)

    def now(self) -> float:
        return self.clock.now()

    def now_str(self) -> str:
        return now_str(self.clock)
