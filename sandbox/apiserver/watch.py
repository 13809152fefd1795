"""Watches: the event stream every controller and kubelet reads (``k8s.io/apimachinery/pkg/watch``).

A :class:`Watch` is filtered by namespace and selectors the way kube-apiserver's watch cache
filters: an object that stops matching is sent as ``DELETED``, one that starts matching as
``ADDED``. Events arrive in resourceVersion order and none is lost. Read them with
``w.get(timeout=0)`` (non-blocking), ``w.drain()``, by iterating, or give ``handler=fn`` to
:meth:`~sandbox.apiserver.APIServer.watch` to have them delivered through the clock.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from sandbox.apiserver.selectors import FieldSelector, LabelSelector

__all__ = ["WatchEvent", "Watch", "ADDED", "MODIFIED", "DELETED", "BOOKMARK", "ERROR"]

ADDED = "ADDED"
MODIFIED = "MODIFIED"
DELETED = "DELETED"
BOOKMARK = "BOOKMARK"
ERROR = "ERROR"


class WatchEvent:
    """One watch event: ``type`` (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR) and ``object``.

    ``object`` is a fresh model built on first access from the stored JSON (which no one can
    change), so each consumer gets its own copy.
    """

    __slots__ = ("type", "_raw", "_factory", "_obj")

    def __init__(self, type: str, object: Any = None, *, raw: dict[str, Any] | None = None,
                 factory: Callable[[dict[str, Any]], Any] | None = None) -> None:
        self.type = type
        self._obj = object
        self._raw = raw
        self._factory = factory

    @property
    def object(self) -> Any:
        if self._obj is None and self._raw is not None:
            self._obj = self._factory(self._raw) if self._factory else dict(self._raw)
        return self._obj

    @property
    def resource_version(self) -> str:
        """The object's ``metadata.resourceVersion`` (read without building the model)."""
        if self._raw is not None:
            return str((self._raw.get("metadata") or {}).get("resourceVersion", ""))
        meta = getattr(self._obj, "metadata", None)
        return str(getattr(meta, "resourceVersion", "") or "")

    def raw(self) -> dict[str, Any]:
        """The object's Kubernetes JSON (a copy)."""
        from sandbox.apiserver.patch import clone

        if self._raw is not None:
            return clone(self._raw)
        return self._obj.to_dict()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WatchEvent):
            return NotImplemented
        return self.type == other.type and self.raw() == other.raw()

    def __repr__(self) -> str:
        meta = (self._raw or {}).get("metadata") or {}
        return f"WatchEvent({self.type}, {meta.get('namespace', '')}/{meta.get('name', '')} rv={meta.get('resourceVersion', '')})"


class Watch:
    """A live watch. Thread-safe; ``stop()`` ends it (further events are dropped)."""

    def __init__(self, key: str, kind: str, namespaced: bool, namespace: str | None,
                 label_selector: LabelSelector, field_selector: FieldSelector,
                 handler: Callable[[WatchEvent], Any] | None = None,
                 on_stop: Callable[[Watch], None] | None = None) -> None:
        self.key = key
        self.kind = kind
        self.namespaced = namespaced
        self.namespace = namespace
        self.label_selector = label_selector
        self.field_selector = field_selector
        self.handler = handler
        self._on_stop = on_stop
        self._queue: deque[WatchEvent] = deque()
        self._cond = threading.Condition(threading.Lock())
        self._stopped = False

    # -- filtering (called by the server under its lock) ---------------------------------------

    def matches(self, obj: dict[str, Any] | None) -> bool:
        """Whether ``obj`` (Kubernetes JSON) passes this watch's namespace and selectors."""
        if obj is None:
            return False
        meta = obj.get("metadata") or {}
        if self.namespace and self.namespaced and meta.get("namespace") != self.namespace:
            return False
        if not self.label_selector.empty() and not self.label_selector.matches(meta.get("labels") or {}):
            return False
        if not self.field_selector.empty():
            from sandbox.apiserver.selectors import selectable_fields

            if not self.field_selector.matches(selectable_fields(self.kind, obj, self.namespaced)):
                return False
        return True

    def translate(self, type: str, old: dict[str, Any] | None, new: dict[str, Any]) -> str | None:
        """The event type this watch sees for a change (``None``: not for this watch)."""
        if type == ADDED:
            return ADDED if self.matches(new) else None
        if type == DELETED:
            return DELETED if self.matches(new) or self.matches(old) else None
        was, now = self.matches(old), self.matches(new)
        if was and now:
            return MODIFIED
        if now:
            return ADDED
        if was:
            return DELETED
        return None

    def _push(self, event: WatchEvent) -> None:
        with self._cond:
            if self._stopped:
                return
            self._queue.append(event)
            self._cond.notify_all()

    # -- consumer API ---------------------------------------------------------------------------

    @property
    def stopped(self) -> bool:
        return self._stopped

    def get(self, timeout: float | None = 0) -> WatchEvent | None:
        """The next event, or ``None`` if none came within ``timeout`` real seconds (0: don't wait)."""
        with self._cond:
            if not self._queue and timeout != 0 and not self._stopped:
                self._cond.wait_for(lambda: bool(self._queue) or self._stopped, timeout)
            return self._queue.popleft() if self._queue else None

    def drain(self) -> list[WatchEvent]:
        """Every event queued so far, oldest first."""
        with self._cond:
            out = list(self._queue)
            self._queue.clear()
            return out

    def pending(self) -> int:
        with self._cond:
            return len(self._queue)

    def stop(self) -> None:
        """End the watch. Idempotent."""
        with self._cond:
            if self._stopped:
                return
            self._stopped = True
            self._cond.notify_all()
        if self._on_stop is not None:
            self._on_stop(self)

    def __iter__(self) -> Iterator[WatchEvent]:
        """Iterate over the events queued now (does not block)."""
        while True:
            ev = self.get(timeout=0)
            if ev is None:
                return
            yield ev

    def __enter__(self) -> Watch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
