"""NodeResourcesFit and NodeResourcesBalancedAllocation (``plugins/noderesources``).

The filter compares the pod's requests (see :func:`sandbox.scheduler.types.pod_requests`) with the
node's allocatable minus what the pods already on it request, and the pod count with
``allocatable.pods`` (110 by default). The reasons are ``Too many pods``, ``Insufficient cpu``,
``Insufficient memory``, ``Insufficient ephemeral-storage`` and ``Insufficient <extended resource>``;
a request larger than the whole node's allocatable is unresolvable (preemption cannot help).

Scores: ``LeastAllocated`` (the default strategy; CPU and memory weight 1 each; containers without
requests count as 100m / 200Mi) and ``BalancedAllocation`` (1 - the standard deviation of the
CPU and memory fractions).
"""

from __future__ import annotations

from typing import Any

from sandbox.scheduler.framework import (
    MAX_NODE_SCORE,
    SKIP,
    Code,
    CycleState,
    Plugin,
    PreFilterResult,
    Status,
)

NAME = "NodeResourcesFit"
BALANCED_NAME = "NodeResourcesBalancedAllocation"


def insufficient_resources(pod: Any, node: Any) -> list[tuple[str, bool]]:
    """``fitsRequest``: ``[(reason, unresolvable), ...]`` in Kubernetes' order."""
    out: list[tuple[str, bool]] = []
    alloc, used, req = node.allocatable, node.requested, pod.requests
    if len(node.pods) + 1 > alloc.allowed_pods:
        out.append(("Too many pods", False))
    if req.milli_cpu == 0 and req.memory == 0 and req.ephemeral_storage == 0 and not any(req.scalars.values()):
        return out
    if req.milli_cpu > 0 and req.milli_cpu > alloc.milli_cpu - used.milli_cpu:
        out.append(("Insufficient cpu", req.milli_cpu > alloc.milli_cpu))
    if req.memory > 0 and req.memory > alloc.memory - used.memory:
        out.append(("Insufficient memory", req.memory > alloc.memory))
    if req.ephemeral_storage > 0 and req.ephemeral_storage > alloc.ephemeral_storage - used.ephemeral_storage:
        out.append(("Insufficient ephemeral-storage", req.ephemeral_storage > alloc.ephemeral_storage))
    for name in sorted(req.scalars):
        q = req.scalars[name]
        if q == 0:
            continue
        cap = alloc.scalars.get(name, 0)
        if q > cap - used.scalars.get(name, 0):
            out.append((f"Insufficient {name}", q > cap))
    return out


class NodeResourcesFit(Plugin):
    name = NAME
    weight = 1
    events = (("AssignedPod", frozenset({"Delete", "UpdatePodScaleDown"})),
              ("Node", frozenset({"Add", "UpdateNodeAllocatable"})))

    def pre_filter(self, state: CycleState, pod: Any, snapshot: Any) -> tuple[PreFilterResult | None, Status | None]:
        return None, None

    def filter(self, state: CycleState, pod: Any, node: Any) -> Status | None:
        bad = insufficient_resources(pod, node)
        if not bad:
            return None
        code = Code.UNSCHEDULABLE_AND_UNRESOLVABLE if any(u for _, u in bad) else Code.UNSCHEDULABLE
        return Status(code, *[r for r, _ in bad])

    def score(self, state: CycleState, pod: Any, node: Any) -> int:
        """``LeastAllocated``: ``(allocatable - requested) * 100 / allocatable``, averaged over CPU and memory."""
        total = weights = 0
        for cap, req in ((node.allocatable.milli_cpu, node.non_zero_requested.milli_cpu + pod.non_zero.milli_cpu),
                         (node.allocatable.memory, node.non_zero_requested.memory + pod.non_zero.memory)):
            if cap == 0:
                continue
            total += 0 if req > cap else (cap - req) * MAX_NODE_SCORE // cap
            weights += 1
        return total // weights if weights else 0


class BalancedAllocation(Plugin):
    """``NodeResourcesBalancedAllocation``: prefer nodes whose CPU and memory stay in balance."""

    name = BALANCED_NAME
    weight = 1
    events = NodeResourcesFit.events

    def pre_score(self, state: CycleState, pod: Any, nodes: list[Any], snapshot: Any) -> Status | None:
        # best-effort pods are not scored, or they would all pile onto one node (issue 129138)
        if pod.requests.milli_cpu == 0 and pod.requests.memory == 0:
            return SKIP
        return None

    def score(self, state: CycleState, pod: Any, node: Any) -> int:
        fractions = []
        for cap, req in ((node.allocatable.milli_cpu, node.requested.milli_cpu + pod.requests.milli_cpu),
                         (node.allocatable.memory, node.requested.memory + pod.requests.memory)):
            if cap == 0:
                continue
            fractions.append(min(req / cap, 1.0))
        std = abs(fractions[0] - fractions[1]) / 2 if len(fractions) == 2 else 0.0
        return int((1 - std) * MAX_NODE_SCORE)
