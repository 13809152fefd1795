"""What a node *is*: its machine, its kubelet's registration flags, and the constants the kubelet uses.

This plays the part of cAdvisor's ``MachineInfo``/``VersionInfo`` and of the kubelet's own
configuration (``KubeletConfiguration`` plus the ``--node-labels``, ``--register-with-taints``,
``--node-ip`` flags). :class:`NodeConfig` is plain data; :func:`capacity` and :func:`allocatable`
compute the resource lists the way the kubelet does (``nodestatus.MachineInfo`` with
``containerManager.GetNodeAllocatableReservation``):

* capacity: ``cpu``, ``ephemeral-storage``, ``hugepages-1Gi: 0``, ``hugepages-2Mi: 0``,
  ``memory``, ``pods`` (``maxPods``, 110 by default);
* allocatable = capacity - kubeReserved - systemReserved - the hard eviction thresholds
  (``memory.available<100Mi`` comes off ``memory``, ``nodefs.available<10%`` off
  ``ephemeral-storage``), never below zero; hugepages also come off ``memory``.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from typing import Any

from sandbox.api.quantity import BINARY_SI, Quantity

__all__ = [
    "KUBELET_VERSION",
    "CONTAINERD_VERSION",
    "KERNEL_VERSION",
    "OS_IMAGE",
    "KUBELET_PORT",
    "NODE_LEASE_NAMESPACE",
    "NODE_LEASE_DURATION_SECONDS",
    "NODE_LEASE_RENEW_FRACTION",
    "NODE_STATUS_UPDATE_FREQUENCY",
    "NODE_STATUS_REPORT_FREQUENCY",
    "FILE_CHECK_FREQUENCY",
    "DEFAULT_EVICTION_HARD",
    "LABEL_HOSTNAME",
    "LABEL_OS",
    "LABEL_ARCH",
    "LABEL_OS_BETA",
    "LABEL_ARCH_BETA",
    "TAINT_UNSCHEDULABLE",
    "NodeConfig",
    "capacity",
    "allocatable",
    "machine_id",
    "boot_id",
]

#: The version every sandbox kubelet reports (``nodeInfo.kubeletVersion``).
KUBELET_VERSION = "v1.32.0"
#: ``nodeInfo.containerRuntimeVersion`` is ``containerd://`` + this.
CONTAINERD_VERSION = "1.7.24"
KERNEL_VERSION = "6.8.0-podlab"
OS_IMAGE = "Debian GNU/Linux 12 (bookworm)"
#: ``daemonEndpoints.kubeletEndpoint.Port``.
KUBELET_PORT = 10250

#: ``kube-node-lease``: where each kubelet keeps its Lease (named as the node).
NODE_LEASE_NAMESPACE = "kube-node-lease"
#: ``nodeLeaseDurationSeconds`` (KubeletConfiguration default).
NODE_LEASE_DURATION_SECONDS = 40
#: ``nodeLeaseRenewIntervalFraction``: the lease is renewed every 0.25 x 40 s = 10 s.
NODE_LEASE_RENEW_FRACTION = 0.25
#: ``nodeStatusUpdateFrequency``: how often the kubelet computes its node status (seconds).
NODE_STATUS_UPDATE_FREQUENCY = 10.0
#: ``nodeStatusReportFrequency``: the status is posted at least this often even unchanged.
NODE_STATUS_REPORT_FREQUENCY = 300.0
#: ``fileCheckFrequency``: how often the static pod directory is read again.
FILE_CHECK_FREQUENCY = 20.0

#: The kubelet's default ``evictionHard`` on Linux.
DEFAULT_EVICTION_HARD: dict[str, str] = {
    "memory.available": "100Mi",
    "nodefs.available": "10%",
    "imagefs.available": "15%",
    "nodefs.inodesFree": "5%",
}

LABEL_HOSTNAME = "kubernetes.io/hostname"
LABEL_OS = "kubernetes.io/os"
LABEL_ARCH = "kubernetes.io/arch"
LABEL_OS_BETA = "beta.kubernetes.io/os"
LABEL_ARCH_BETA = "beta.kubernetes.io/arch"
#: The taint a cordoned (``spec.unschedulable``) node carries.
TAINT_UNSCHEDULABLE = "node.kubernetes.io/unschedulable"


@dataclass
class NodeConfig:
    """One node's machine and kubelet settings. Every field has a sensible default.

    Args:
        hostname: ``kubernetes.io/hostname`` and the ``Hostname`` address (the node name if empty).
        internal_ip: the ``InternalIP`` address (``--node-ip``).
        pod_cidrs: ``spec.podCIDRs`` (the first is also ``spec.podCIDR``).
        cpu, memory, ephemeral_storage: the machine's capacity, as quantities.
        max_pods: ``maxPods``.
        labels: ``--node-labels`` (they win over the default labels, as in the kubelet).
        taints: ``--register-with-taints``: ``"key=value:NoSchedule"`` strings or Taint dicts.
        register_schedulable: ``False`` registers the node cordoned (``--register-schedulable``).
        kube_reserved, system_reserved: resources held back from allocatable.
        eviction_hard: ``evictionHard`` thresholds (``memory.available``, ``nodefs.available``).
        os, arch: ``kubernetes.io/os``, ``kubernetes.io/arch`` and ``nodeInfo``.
        static_pod_path: ``staticPodPath`` in the node's host filesystem.
        file_check_frequency: ``fileCheckFrequency`` in seconds.
        node_status_update_frequency, node_status_report_frequency: seconds.
        lease_duration_seconds: ``nodeLeaseDurationSeconds``.
        runtime_ready_delay: seconds between the kubelet starting and its first runtime check
            (the node is ``Ready=False`` until then, as a real kubelet is for a moment).
        prevent_static_pod_api_references: the ``PreventStaticPodAPIReferences`` feature gate
            (off in 1.32): refuse static pods that refer to API objects in the kubelet itself.
    """

    hostname: str = ""
    internal_ip: str = "10.0.0.2"
    pod_cidrs: list[str] = field(default_factory=list)
    cpu: str = "4"
    memory: str = "8Gi"
    ephemeral_storage: str = "100Gi"
    max_pods: int = 110
    labels: dict[str, str] = field(default_factory=dict)
    taints: list[Any] = field(default_factory=list)
    register_schedulable: bool = True
    kube_reserved: dict[str, str] = field(default_factory=dict)
    system_reserved: dict[str, str] = field(default_factory=dict)
    eviction_hard: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_EVICTION_HARD))
    os: str = "linux"
    arch: str = "amd64"
    static_pod_path: str = "/etc/kubernetes/manifests"
    file_check_frequency: float = FILE_CHECK_FREQUENCY
    node_status_update_frequency: float = NODE_STATUS_UPDATE_FREQUENCY
    node_status_report_frequency: float = NODE_STATUS_REPORT_FREQUENCY
    lease_duration_seconds: int = NODE_LEASE_DURATION_SECONDS
    runtime_ready_delay: float = 0.0
    prevent_static_pod_api_references: bool = False


def capacity(config: NodeConfig) -> dict[str, Quantity]:
    """``status.capacity`` as cAdvisor's machine info gives it (keys in Go's sorted order)."""
    caps = {
        "cpu": Quantity(config.cpu),
        "ephemeral-storage": Quantity(config.ephemeral_storage),
        "hugepages-1Gi": Quantity("0"),
        "hugepages-2Mi": Quantity("0"),
        "memory": Quantity(config.memory),
        "pods": Quantity(str(config.max_pods)),
    }
    return caps


def _threshold(value: str, cap: Quantity) -> Quantity:
    """An eviction threshold as a quantity: ``100Mi`` as is, ``10%`` of the capacity."""
    if value.endswith("%"):
        pct = float(value[:-1]) / 100.0
        return Quantity.from_int(int(cap.value() * pct), BINARY_SI)
    return Quantity(value)


def reservation(config: NodeConfig, caps: dict[str, Quantity]) -> dict[str, Quantity]:
    """``GetNodeAllocatableReservation``: kube + system reserved + hard eviction thresholds."""
    out: dict[str, Quantity] = {}
    for reserved in (config.kube_reserved, config.system_reserved):
        for k, v in reserved.items():
            out[k] = out.get(k, Quantity("0")) + Quantity(v)
    signals = {"memory.available": "memory", "nodefs.available": "ephemeral-storage"}
    for signal, resource in signals.items():
        value = config.eviction_hard.get(signal)
        if value is None or resource not in caps:
            continue
        out[resource] = out.get(resource, Quantity("0")) + _threshold(value, caps[resource])
    return out


def allocatable(config: NodeConfig, caps: dict[str, Quantity] | None = None) -> dict[str, Quantity]:
    """``status.allocatable``: capacity minus the reservation, never negative."""
    caps = caps if caps is not None else capacity(config)
    res = reservation(config, caps)
    out: dict[str, Quantity] = {}
    for k, v in caps.items():
        value = v - res[k] if k in res else v
        out[k] = Quantity("0") if value.sign() < 0 else value
    for k, v in caps.items():
        if k.startswith("hugepages-"):
            mem = out["memory"] - v
            out["memory"] = Quantity("0") if mem.sign() < 0 else mem
    return out


def machine_id(rng: random.Random) -> str:
    """A ``/etc/machine-id``: 32 hex digits."""
    return f"{rng.getrandbits(128):032x}"


def boot_id(rng: random.Random) -> str:
    """A ``/proc/sys/kernel/random/boot_id``: a UUID, new at every boot."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))
