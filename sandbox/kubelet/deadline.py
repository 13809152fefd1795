"""``activeDeadlineSeconds`` (``pkg/kubelet/active_deadline.go``): a pod active on the node longer
than its deadline (counted from ``status.startTime``) is failed and its containers are killed."""

from __future__ import annotations

from typing import Any

__all__ = ["REASON", "MESSAGE", "deadline_of", "past_active_deadline"]

REASON = "DeadlineExceeded"
MESSAGE = "Pod was active on the node longer than the specified deadline"


def deadline_of(pod: Any, start_time: float | None) -> float | None:
    """The clock time the pod's deadline passes, or ``None`` without one."""
    ads = pod.spec.activeDeadlineSeconds
    if ads is None or start_time is None:
        return None
    return start_time + float(ads)


def past_active_deadline(pod: Any, start_time: float | None, now: float) -> bool:
    """``pastActiveDeadline``: ``now - startTime >= activeDeadlineSeconds``."""
    d = deadline_of(pod, start_time)
    return d is not None and now >= d
