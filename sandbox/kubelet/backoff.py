"""Exponential back-off per key, as client-go's ``flowcontrol.Backoff`` (the kubelet's crash-loop
and image-pull back-off: 10 s doubling to 300 s).

An entry is considered stable (and starts over) when an event comes more than twice the maximum
after the entry's last update: a container that ran 10 minutes gets an immediate restart again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Backoff", "BACKOFF_PERIOD", "MAX_CONTAINER_BACKOFF"]

#: ``backOffPeriod`` in ``pkg/kubelet/kubelet.go``.
BACKOFF_PERIOD = 10.0
#: ``MaxContainerBackOff`` in ``pkg/kubelet/kubelet.go``.
MAX_CONTAINER_BACKOFF = 300.0


@dataclass
class _Entry:
    backoff: float
    last_update: float


class Backoff:
    """``flowcontrol.Backoff`` without jitter (the kubelet's back-offs have none)."""

    def __init__(self, now: Callable[[], float], initial: float = BACKOFF_PERIOD,
                 maximum: float = MAX_CONTAINER_BACKOFF) -> None:
        self._now = now
        self.initial = initial
        self.maximum = maximum
        self._entries: dict[str, _Entry] = {}

    def _expired(self, event_time: float, last_update: float) -> bool:
        return event_time - last_update > self.maximum * 2

    def get(self, key: str) -> float:
        """The current delay for ``key`` (0 if there is none)."""
        e = self._entries.get(key)
        return e.backoff if e else 0.0

    def next(self, key: str, event_time: float) -> None:
        """Move ``key`` to its next delay (or start it at ``initial``)."""
        e = self._entries.get(key)
        if e is None or self._expired(event_time, e.last_update):
            e = _Entry(self.initial, 0.0)
            self._entries[key] = e
        else:
            e.backoff = min(e.backoff * 2, self.maximum)
        e.last_update = self._now()

    def is_in_backoff_since(self, key: str, event_time: float) -> bool:
        """Whether ``now - event_time`` is still inside ``key``'s delay."""
        e = self._entries.get(key)
        if e is None or self._expired(event_time, e.last_update):
            return False
        return self._now() - event_time < e.backoff

    def is_in_backoff_since_update(self, key: str, event_time: float) -> bool:
        """Whether ``event_time - last update`` is still inside ``key``'s delay."""
        e = self._entries.get(key)
        if e is None or self._expired(event_time, e.last_update):
            return False
        return event_time - e.last_update < e.backoff

    def last_update(self, key: str) -> float | None:
        e = self._entries.get(key)
        return e.last_update if e else None

    def reset(self, key: str) -> None:
        self._entries.pop(key, None)

    def delete_prefix(self, prefix: str) -> None:
        """Forget every key starting with ``prefix`` (a pod's entries when it goes)."""
        for k in [k for k in self._entries if k.startswith(prefix)]:
            del self._entries[k]


def format_duration(seconds: float) -> str:
    """Go's ``time.Duration.String`` for the values the kubelet prints (``10s``, ``5m0s``, ``1.2s``)."""
    if seconds == 0:
        return "0s"
    neg = seconds < 0
    s = abs(seconds)
    ns = round(s * 1e9)
    if ns < 1000:
        out = f"{ns}ns"
    elif ns < 1_000_000:
        out = _trim(f"{ns / 1e3:.3f}") + "µs"
    elif ns < 1_000_000_000:
        out = _trim(f"{ns / 1e6:.6f}") + "ms"
    else:
        h, rem = divmod(ns, 3600 * 10**9)
        m, rem = divmod(rem, 60 * 10**9)
        secs = _trim(f"{rem / 1e9:.9f}") + "s"
        out = (f"{h}h" if h else "") + (f"{m}m" if h or m else "") + secs
    return ("-" if neg else "") + out


def _trim(s: str) -> str:
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


__all__.append("format_duration")
