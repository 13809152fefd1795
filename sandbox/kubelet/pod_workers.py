"""Pod workers (``pkg/kubelet/pod_workers.go``): one state machine per pod, syncing one step at a
time. A pod is *syncing* (containers run and restart), then *terminating* (containers are being
stopped), then *terminated* (nothing runs; the final status is written; a deleted pod's object is
removed). A terminated pod never starts again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["SYNCING", "TERMINATING", "TERMINATED", "PodWorker"]

SYNCING = "syncing"
TERMINATING = "terminating"
TERMINATED = "terminated"


@dataclass
class PodWorker:
    """The kubelet's bookkeeping for one pod."""

    uid: str
    pod: Any
    static: bool = False
    state: str = SYNCING
    coro: Any = None  # the running Coroutine, if any
    pending: bool = False  # another sync was asked for while one ran
    timer: Any = None
    timer_at: float | None = None
    removed_from_api: bool = False  # the API object is gone (or a static pod left its file)
    grace_override: float | None = None
    deadline_timer: Any = None
    deadline_at: float | None = None
    reasons: dict[str, Any] = field(default_factory=dict)  # reason cache: container name -> Reason
    deleted_requested: bool = False
    adopted: bool = False  # found already terminal: nothing to run, only its deletion to finish

    @property
    def key(self) -> tuple[str, str]:
        m = self.pod.metadata
        return (m.namespace or "default", m.name or "")

    @property
    def busy(self) -> bool:
        return self.coro is not None and not self.coro.finished and not self.coro.cancelled
