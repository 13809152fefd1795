"""``activeDeadlineSeconds`` (``pkg/kubelet/active_deadline.go``): a pod active on the node longer
than its deadline is failed and its containers are killed.

The deadline counts from the kubelet's own start time (``metav1.NewTime(time.Now())`` in its
status cache, full precision), not from the whole-second ``status.startTime`` the API shows: a
pod started at t=0.7 s with ``activeDeadlineSeconds: 90`` fails at 90.7 s.
"""

from __future__ import annotations

from typing import Any

__all__ = ["REASON", "MESSAGE", "deadline_of", "past_active_deadline", "precise_start"]

REASON = "DeadlineExceeded"
MESSAGE = "Pod was active on the node longer than the specified deadline"

_ATTR = "_podlab_precise_start"


def precise_start(holder: Any, whole: float | None, now: float) -> float | None:
    """The kubelet's full-precision start time of a pod, remembered on ``holder`` (its worker).

    ``whole`` is ``status.startTime`` (whole seconds). The first time it is seen within the
    second it names, ``now`` is the precise start (the kubelet stamps it at that instant); a start
    time inherited from before (a restarted kubelet) keeps its whole second.
    """
    if whole is None:
        return None
    known = getattr(holder, _ATTR, None)
    if known is not None and known[0] == whole:
        return known[1]
    precise = now if whole <= now < whole + 1 else whole
    setattr(holder, _ATTR, (whole, precise))
    return precise


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
