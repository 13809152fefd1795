"""The kubelet's summary API (``GET /stats/summary``, ``k8s.io/kubelet/pkg/apis/stats/v1alpha1``).

What metrics-server scrapes from every node: the node's and each pod's containers' CPU and memory.
A real kubelet reads them from cAdvisor (the containers' cgroups). Here:

* **memory** is the container's memory cgroup usage (``memory.current``): what its processes
  allocated on purpose (``c.allocate`` in a Python image, the stress image's ``--vm-bytes``), the
  same counter the OOM killer and node-pressure eviction read. A container that allocates nothing
  uses 0 bytes (a real one holds at least its binary's pages: a few MiB).
* **CPU** is not measured (containers are threads on a virtual clock): every running container
  reports :data:`CPU_NANO_CORES` (1m), the least a real busy-ish container shows.

Only running containers appear, as in cAdvisor; a pod none of whose containers runs has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["CPU_NANO_CORES", "ContainerStats", "PodStats", "NodeStats", "Summary", "summary"]

#: ``usageNanoCores`` every running container reports: 1 millicore.
CPU_NANO_CORES = 1_000_000


@dataclass(frozen=True)
class ContainerStats:
    """``ContainerStats``: a running container's ``cpu.usageNanoCores`` and ``memory.workingSetBytes``."""

    name: str
    cpu_usage_nano_cores: int
    memory_working_set_bytes: int


@dataclass(frozen=True)
class PodStats:
    """``PodStats``: the pod (``podRef``) and its running containers."""

    namespace: str
    name: str
    uid: str
    containers: tuple[ContainerStats, ...]


@dataclass(frozen=True)
class NodeStats:
    """``NodeStats``: the node's CPU and working set (here the sum of its containers')."""

    node_name: str
    cpu_usage_nano_cores: int
    memory_working_set_bytes: int


@dataclass(frozen=True)
class Summary:
    """``Summary``: the node and its pods."""

    node: NodeStats
    pods: tuple[PodStats, ...]


def summary(kubelet: Any) -> Summary:
    """``/stats/summary`` of ``kubelet`` (a :class:`~sandbox.kubelet.kubelet.Kubelet`).

    Reads the kubelet's per-pod memory stats (the ones its eviction manager ranks pods by).
    """
    pods: list[PodStats] = []
    for s in kubelet._memory_stats():
        if not s.containers:
            continue
        meta = s.pod.metadata
        containers = tuple(ContainerStats(name, CPU_NANO_CORES, used) for name, used in s.containers.items())
        pods.append(PodStats(meta.namespace or "default", meta.name, s.uid, containers))
    cpu = sum(c.cpu_usage_nano_cores for p in pods for c in p.containers)
    memory = sum(c.memory_working_set_bytes for p in pods for c in p.containers)
    return Summary(NodeStats(kubelet.node_name, cpu, memory), tuple(pods))
