"""The kubelet's eviction manager (``pkg/kubelet/eviction``), run every 10 s
(``evictionMonitoringPeriod``, the housekeeping interval).

**Local storage** (``localStorageEviction``): each disk-backed ``emptyDir`` with a ``sizeLimit``
is compared with its usage. A pod over a limit is evicted at once (grace period 0, so its
containers get the 2 s minimum): event ``Evicted`` (Warning) and pod status ``phase: Failed``,
``reason: Evicted`` with the message ``Usage of EmptyDir volume "cache" exceeds the limit
"10Mi". `` (``emptyDirMessageFmt``, with its trailing space); no ``DisruptionTarget`` condition
(``evictPod`` is called without one there). ``medium: Memory`` volumes are not watched: tmpfs
refuses the write itself (``No space left on device``).

**Node pressure, memory** (``synchronize``): the signal ``memory.available`` is the node's memory
capacity minus what its containers use (their cgroups' usage: memory a ``polinux/stress``
worker or a Python image's ``c.allocate`` holds). Below the ``evictionHard`` threshold
(``memory.available<100Mi``):

* the manager reports memory pressure: the kubelet's node status sets ``MemoryPressure=True``
  (``KubeletHasInsufficientMemory``, ``kubelet has insufficient memory available``, event
  ``NodeHasInsufficientMemory``) at its next update, and the node lifecycle controller taints the
  node ``node.kubernetes.io/memory-pressure:NoSchedule`` (``TaintNodesByCondition``);
* the node event ``EvictionThresholdMet`` (Warning): ``Attempting to reclaim memory``;
* one pod is evicted per pass, ranked as ``rankMemoryPressure`` does: pods whose usage exceeds
  their memory request first, then lower priority, then the larger usage above the request. The
  pod gets the ``Evicted`` event and status ``phase: Failed``, ``reason: Evicted``, the
  ``DisruptionTarget`` condition (``TerminationByKubelet``) and the message of
  ``evictionMessage``: ``The node was low on resource: memory. Threshold quantity: 100Mi,
  available: 4Mi. Container stress was using 320Mi, request is 0, has larger consumption of
  memory. `` Its containers are killed with the minimum grace period (hard threshold).
* after an eviction the manager waits (polling each second, at most 30 s) for the pod to be
  cleaned up, then looks again at once.

The condition stays ``True`` until ``evictionPressureTransitionPeriod`` (5 m) has passed without
the threshold being met. Not modelled: the memcg threshold notifier (a real kubelet may react
before the next 10 s pass), soft thresholds and ``evictionMinimumReclaim``, disk and PID
pressure, and the admission of new pods under pressure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sandbox.api.quantity import BINARY_SI, Quantity

__all__ = [
    "EvictionManager",
    "MONITORING_PERIOD",
    "PRESSURE_TRANSITION_PERIOD",
    "REASON",
    "EMPTY_DIR_MESSAGE",
    "NODE_LOW_MESSAGE",
    "THRESHOLD_MET_MESSAGE",
    "CONTAINER_MESSAGE",
    "MemoryStats",
    "eviction_message",
    "rank_memory_pressure",
]

MONITORING_PERIOD = 10.0
#: ``evictionPressureTransitionPeriod`` (the kubelet's default).
PRESSURE_TRANSITION_PERIOD = 300.0
#: ``podCleanupTimeout`` and ``podCleanupPollFreq``.
POD_CLEANUP_TIMEOUT = 30.0
POD_CLEANUP_POLL = 1.0
REASON = "Evicted"
EMPTY_DIR_MESSAGE = 'Usage of EmptyDir volume "{name}" exceeds the limit "{limit}". '
NODE_LOW_MESSAGE = "The node was low on resource: {resource}. "
THRESHOLD_MET_MESSAGE = "Threshold quantity: {quantity}, available: {available}. "
CONTAINER_MESSAGE = "Container {name} was using {usage}, request is {request}, has larger consumption of {resource}. "
DISRUPTION_REASON = "TerminationByKubelet"
MEMORY_AVAILABLE = "memory.available"


@dataclass
class MemoryStats:
    """One active pod as the summary API shows it: the pod, and each container's working set."""

    uid: str
    pod: Any
    containers: dict[str, int]  # container name -> bytes in use

    @property
    def usage(self) -> int:
        return sum(self.containers.values())


def _bytes(n: int) -> Quantity:
    """``resource.NewQuantity(n, resource.BinarySI)``."""
    return Quantity.from_int(int(n), BINARY_SI)


def _container_request(container: Any) -> Quantity:
    res = container.resources
    reqs = (res.requests if res is not None else None) or {}
    q = reqs.get("memory")
    return Quantity(q) if q is not None else Quantity(0)


def pod_memory_request(pod: Any) -> int:
    """``podRequest(pod, memory)`` in bytes (``resourcehelper.PodRequests``)."""
    from sandbox.scheduler.types import pod_requests

    return pod_requests(pod.spec.to_dict()).memory


def rank_memory_pressure(stats: list[MemoryStats]) -> list[MemoryStats]:
    """``rankMemoryPressure``: ``orderedBy(exceedMemoryRequests, priority, memory)``."""

    def key(s: MemoryStats) -> tuple[int, int, int]:
        request = pod_memory_request(s.pod)
        exceeds = s.usage > request
        return (0 if exceeds else 1, s.pod.spec.priority or 0, -(s.usage - request))

    return sorted(stats, key=key)


def eviction_message(resource: str, stats: MemoryStats, threshold: Quantity, available: Quantity) -> str:
    """``evictionMessage``: the node was low on ``resource``, and which containers use more than
    they requested."""
    msg = NODE_LOW_MESSAGE.format(resource=resource)
    msg += THRESHOLD_MET_MESSAGE.format(quantity=threshold, available=available)
    for c in stats.pod.spec.containers or []:
        if c.name not in stats.containers:
            continue
        usage = _bytes(stats.containers[c.name])
        request = _container_request(c)
        if usage.cmp(request) > 0:
            msg += CONTAINER_MESSAGE.format(name=c.name, usage=usage, request=request, resource=resource)
    return msg


class EvictionManager:
    """Runs every :data:`MONITORING_PERIOD` seconds for one kubelet; calls
    ``evict(uid, message)`` for each pod to evict (``evict(uid, message, condition=True)`` under
    node pressure, where the pod also gets ``DisruptionTarget``).

    For node pressure it also needs ``memory_stats()`` (a :class:`MemoryStats` per active pod),
    ``capacity()`` (the node's memory in bytes, or ``None``), the ``evictionHard`` thresholds,
    ``set_pressure(bool)`` (report the node condition) and ``node_event(type, reason, message)``;
    ``cleaned_up(uid)`` tells whether an evicted pod is gone. Without them only emptyDir limits are
    watched.
    """

    def __init__(
        self,
        clock: Any,
        volumes: Any,
        running_uids: Any,
        evict: Any,
        *,
        memory_stats: Callable[[], list[MemoryStats]] | None = None,
        capacity: Callable[[], int | None] | None = None,
        thresholds: dict[str, str] | None = None,
        set_pressure: Callable[[bool], Any] | None = None,
        node_event: Callable[[str, str, str], Any] | None = None,
        cleaned_up: Callable[[str], bool] | None = None,
        pressure_transition_period: float = PRESSURE_TRANSITION_PERIOD,
    ) -> None:
        self.clock = clock
        self.volumes = volumes  # a VolumeManager
        self.running_uids = running_uids  # () -> list of pod uids the kubelet is running
        self.evict = evict
        self.memory_stats = memory_stats
        self.capacity = capacity
        self.thresholds = dict(thresholds or {})
        self.set_pressure = set_pressure
        self.node_event = node_event
        self.cleaned_up = cleaned_up
        self.pressure_transition_period = pressure_transition_period
        #: when memory.available was last seen below its threshold
        self.memory_pressure_last_observed: float | None = None
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
        evicted = self.synchronize()
        if evicted and self.cleaned_up is not None:
            self._wait_for_cleanup(evicted, self.clock.now() + POD_CLEANUP_TIMEOUT)
            return
        self.start()

    def _wait_for_cleanup(self, uids: list[str], deadline: float) -> None:
        """``waitForPodsCleanup``: poll each second (at most 30 s), then synchronize at once."""
        if self.stopped:
            return
        if all(self.cleaned_up(u) for u in uids) or self.clock.now() >= deadline:  # type: ignore[misc]
            self._timer = self.clock.call_later(0, self._tick)
            return
        self._timer = self.clock.call_later(POD_CLEANUP_POLL, self._wait_for_cleanup, uids, deadline)

    @property
    def under_memory_pressure(self) -> bool:
        """``IsUnderMemoryPressure``: the threshold was met within the transition period."""
        last = self.memory_pressure_last_observed
        return last is not None and self.clock.now() - last < self.pressure_transition_period

    def observe_memory(self) -> tuple[Quantity, Quantity] | None:
        """(the threshold, ``memory.available``), or ``None`` when there is nothing to observe."""
        value = self.thresholds.get(MEMORY_AVAILABLE)
        if value is None or self.memory_stats is None or self.capacity is None:
            return None
        cap = self.capacity()
        if cap is None:
            return None
        used = sum(s.usage for s in self.memory_stats())
        if value.endswith("%"):
            threshold = _bytes(int(cap * float(value[:-1]) / 100))
        else:
            threshold = Quantity(value)
        return threshold, _bytes(max(0, cap - used))  # cAdvisor: never below 0

    def synchronize(self) -> list[str]:
        """One pass (``managerImpl.synchronize``); returns the evicted uids."""
        now = self.clock.now()
        observed = self.observe_memory()
        met = observed is not None and observed[0].cmp(observed[1]) > 0
        if met:
            self.memory_pressure_last_observed = now
        if self.set_pressure is not None:
            self.set_pressure(self.under_memory_pressure)
        evicted = self._local_storage()
        if evicted or not met:
            return evicted
        assert observed is not None
        threshold, available = observed
        if self.node_event is not None:
            self.node_event("Warning", "EvictionThresholdMet", "Attempting to reclaim memory")
        active = set(self.running_uids())
        stats = [s for s in self.memory_stats() if s.uid in active]  # type: ignore[misc]
        for s in rank_memory_pressure(stats):
            self.evict(s.uid, eviction_message("memory", s, threshold, available), condition=True)
            return [s.uid]
        return []

    def _local_storage(self) -> list[str]:
        """``localStorageEviction``, emptyDir part."""
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
