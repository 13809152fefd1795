"""The kubelet's pod admission (``pkg/kubelet/lifecycle/predicate.go``): before a pod bound to
this node runs, the kubelet checks it can run here at all. The scheduler checked the same
things, but a pod bound with ``spec.nodeName`` never met the scheduler.

A rejected pod never starts: the kubelet records a ``Warning`` event (reason and message below)
and writes the status ``phase: Failed``, ``reason: <reason>``, ``message: Pod was rejected:
<message>`` (``rejectPod``). The checks, in the kubelet's order:

- the pod's **label** ``kubernetes.io/os`` differs from the node's OS:
  ``PodOSSelectorNodeLabelDoesNotMatch`` (the kubelet reads the pod's labels, not its
  ``nodeSelector``);
- ``spec.os.name`` differs from the node's OS: ``PodOSNotSupported``;
- the general predicates (``generalFilter``; only the first failure is reported): not enough
  pods, cpu, memory or ephemeral storage left (``OutOfpods``, ``OutOfcpu``, ``OutOfmemory``,
  ``OutOfephemeral-storage``: ``Node didn't have enough resource: cpu, requested: 8000, used: 0,
  capacity: 4000``), ``nodeSelector``/required node affinity (``NodeAffinity``: ``Predicate
  NodeAffinity failed: node(s) didn't match Pod's node affinity/selector``), host ports
  (``NodePorts``), and an untolerated ``NoExecute`` taint (``TaintToleration``; not for static
  pods).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sandbox.scheduler.plugins.helper import (
    find_untolerated_taint,
    pod_matches_node_selector_and_affinity,
)
from sandbox.scheduler.plugins.node_affinity import ERR_REASON_POD
from sandbox.scheduler.plugins.node_ports import ERR_REASON as NODE_PORTS_REASON
from sandbox.scheduler.plugins.node_ports import port_conflicts
from sandbox.scheduler.types import NodeInfo, PodInfo

__all__ = [
    "POD_OS_SELECTOR_NODE_LABEL_DOES_NOT_MATCH",
    "POD_OS_NOT_SUPPORTED",
    "AdmitResult",
    "admit",
    "rejected_message",
    "rejected_status",
]

POD_OS_SELECTOR_NODE_LABEL_DOES_NOT_MATCH = "PodOSSelectorNodeLabelDoesNotMatch"
POD_OS_NOT_SUPPORTED = "PodOSNotSupported"
LABEL_OS = "kubernetes.io/os"
TAINT_REASON = "node(s) had taints that the pod didn't tolerate"  # tainttoleration.ErrReasonNotMatch

_OUT_OF = {"cpu": "OutOfcpu", "memory": "OutOfmemory", "ephemeral-storage": "OutOfephemeral-storage",
           "pods": "OutOfpods"}


@dataclass(frozen=True)
class AdmitResult:
    """``PodAdmitResult``."""

    admit: bool
    reason: str = ""
    message: str = ""


def rejected_message(message: str) -> str:
    """The pod's ``status.message`` after a rejection (``rejectPod``)."""
    return "Pod was rejected: " + message


def _node_os(node: Any) -> str:
    """The kubelet's ``runtime.GOOS``: the OS the node reports."""
    info = node.status.nodeInfo if node.status is not None else None
    if info is not None and info.operatingSystem:
        return info.operatingSystem
    return (node.metadata.labels or {}).get(LABEL_OS) or "linux"


def _insufficient(pod: PodInfo, node: NodeInfo) -> list[tuple[str, int, int, int]]:
    """``noderesources.Fits``: ``(resource, requested, used, capacity)`` for each shortfall."""
    out: list[tuple[str, int, int, int]] = []
    alloc, used, req = node.allocatable, node.requested, pod.requests
    if len(node.pods) + 1 > alloc.allowed_pods:
        out.append(("pods", 1, len(node.pods), alloc.allowed_pods))
    for name, want, have, cap in (
        ("cpu", req.milli_cpu, used.milli_cpu, alloc.milli_cpu),
        ("memory", req.memory, used.memory, alloc.memory),
        ("ephemeral-storage", req.ephemeral_storage, used.ephemeral_storage, alloc.ephemeral_storage),
    ):
        if want > 0 and want > cap - have:
            out.append((name, want, have, cap))
    for name in sorted(req.scalars):
        want = req.scalars[name]
        cap = alloc.scalars.get(name)
        if want == 0 or cap is None:  # removeMissingExtendedResources
            continue
        have = used.scalars.get(name, 0)
        if want > cap - have:
            out.append((name, want, have, cap))
    return out


def admit(pod: Any, node: Any, other_pods: Iterable[Any], static: bool = False) -> AdmitResult:
    """``predicateAdmitHandler.Admit``: whether ``pod`` may run on ``node`` next to
    ``other_pods`` (the pods this kubelet already admitted and that have not finished: models, or
    :class:`PodInfo` already built from them, which callers may cache)."""
    node_os = _node_os(node)
    pod_os_label = (pod.metadata.labels or {}).get(LABEL_OS)
    if pod_os_label is not None and pod_os_label != node_os:
        return AdmitResult(False, POD_OS_SELECTOR_NODE_LABEL_DOES_NOT_MATCH,
                           "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label")
    if pod.spec.os is not None and pod.spec.os.name != node_os:
        return AdmitResult(False, POD_OS_NOT_SUPPORTED, "Failed to admit pod as the OS field doesn't match node OS")

    ni = NodeInfo(node.to_dict())
    for p in other_pods:
        ni.add_pod(p if isinstance(p, PodInfo) else PodInfo(p.to_dict()))
    pi = PodInfo(pod.to_dict())
    short = _insufficient(pi, ni)
    if short:
        name, want, have, cap = short[0]
        return AdmitResult(False, _OUT_OF.get(name, f"OutOf{name}"),
                           f"Node didn't have enough resource: {name}, requested: {want}, used: {have}, "
                           f"capacity: {cap}")
    if not pod_matches_node_selector_and_affinity(pi, ni):
        return AdmitResult(False, "NodeAffinity", f"Predicate NodeAffinity failed: {ERR_REASON_POD}")
    for ip, proto, port in pi.host_ports:
        if port_conflicts(ni.used_ports, ip, proto, port):
            return AdmitResult(False, "NodePorts", f"Predicate NodePorts failed: {NODE_PORTS_REASON}")
    if not static and find_untolerated_taint(ni.taints, pi.tolerations, ("NoExecute",)) is not None:
        return AdmitResult(False, "TaintToleration", f"Predicate TaintToleration failed: {TAINT_REASON}")
    return AdmitResult(True)


def rejected_status(pod: Any, result: AdmitResult) -> Any:
    """The status ``rejectPod`` sets: ``Failed`` with the reason, ``Pod was rejected: ...`` and the
    pod's QoS class; nothing else (no conditions, no container statuses)."""
    from sandbox.api.core import PodStatus

    qos = pod.status.qosClass if pod.status is not None else None
    return PodStatus(phase="Failed", reason=result.reason, message=rejected_message(result.message), qosClass=qos)
