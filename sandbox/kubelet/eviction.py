"""The part of the kubelet's eviction manager (``pkg/kubelet/eviction``) that watches
``emptyDir`` ``sizeLimit``: every 10 s (``evictionMonitoringPeriod``, the housekeeping interval)
it compares each disk-backed emptyDir's usage with its limit (``emptyDirLimitEviction``). A pod
over a limit is evicted at once (grace period 0, so its containers get the 2 s minimum): event
``Evicted`` (Warning) and pod status ``phase: Failed``, ``reason: Evicted`` with the message
``Usage of EmptyDir volume "cache" exceeds the limit "10Mi". `` (``emptyDirMessageFmt``, with its
trailing space). ``medium: Memory`` volumes are not watched: tmpfs refuses the write itself
(``No space left on device``). Node-pressure eviction is not modelled.
"""

from __future__ import annotations

from typing import Any

__all__ = ["EvictionManager", "MONITORING_PERIOD", "REASON", "EMPTY_DIR_MESSAGE"]

MONITORING_PERIOD = 10.0
REASON = "Evicted"
EMPTY_DIR_MESSAGE = 'Usage of EmptyDir volume "{name}" exceeds the limit "{limit}". '


class EvictionManager:
    """Runs every :data:`MONITORING_PERIOD` seconds for one kubelet; calls
    ``evict(uid, message)`` for each pod to evict."""

    def __init__(self, clock: Any, volumes: Any, running_uids: Any, evict: Any) -> None:
        self.clock = clock
        self.volumes = volumes  # a VolumeManager
        self.running_uids = running_uids  # () -> list of pod uids the kubelet is running
        self.evict = evict
        self._timer: Any = None
        self.stopped = False

    def start(self) -> None:
        if self._timer is None and not self.stopped:
            self._timer = self.clock.call_later(MONITORING_PERIOD, self._tick)

    def stop(self) -> None:
        self.stopped = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _tick(self) -> None:
        self._timer = None
        if self.stopped:
            return
        self.synchronize()
        self.start()

    def synchronize(self) -> list[str]:
        """One pass (``managerImpl.synchronize``, local storage part); returns the evicted uids."""
        out = []
        for uid in list(self.running_uids()):
            pv = self.volumes.pods.get(uid)
            if pv is None:
                continue
            for mv in pv.volumes.values():
                if mv.plugin != "emptyDir" or mv.medium == "Memory" or mv.size_limit is None:
                    continue
                limit = mv.fs.size_limit
                if limit is not None and limit > 0 and mv.fs.usage() > limit:
                    self.evict(uid, EMPTY_DIR_MESSAGE.format(name=mv.name, limit=str(mv.size_limit)))
                    out.append(uid)
                    break
        return out
