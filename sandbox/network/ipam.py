"""IP address management, as a kind/kubeadm cluster does it.

Two allocators, each imitating the real component:

* **Node pod CIDRs** (kube-controller-manager's ``RangeAllocator`` over a ``CidrSet``): the cluster
  pod CIDR ``10.244.0.0/16`` is cut into ``/24`` blocks handed out in order, round robin, to nodes
  as they register. In kind the control-plane node registers first and gets ``10.244.0.0/24``, the
  workers ``10.244.1.0/24``, ``10.244.2.0/24``, ... The sandbox has no control-plane node, so by
  default block 0 stays reserved for it (``first_node_index=1``): ``node-1`` gets
  ``10.244.1.0/24``, as ``kind-worker`` does. Pass ``first_node_index=0`` to start at block 0.
* **Pod IPs** (the CNI ``host-local`` IPAM plugin that kindnet configures on every node): addresses
  come from the node's block in order, skipping the network address (``.0``), the gateway (``.1``)
  and, for IPv4, the broadcast address (``.255``). host-local remembers the last address it handed
  out and continues after it, so a released address is not reused until the range wraps around:
  the first pod on ``node-1`` is ``10.244.1.2``, the next ``10.244.1.3``, and after the first is
  deleted the third pod still gets ``10.244.1.4``.

Node addresses imitate kind's docker network ``kind`` (``172.18.0.0/16``, gateway ``172.18.0.1``):
nodes get ``172.18.0.2``, ``172.18.0.3``, ... (lowest free first, as docker's IPAM does). Dual stack
(``dual_stack=True``) adds kind's IPv6 defaults: pod CIDR ``fd00:10:244::/56`` cut into ``/64`` per
node (``fd00:10:244:1::/64``, first pod ``fd00:10:244:1::2``) and node addresses from
``fc00:f853:ccd:e793::/64``.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

__all__ = [
    "IPAM",
    "NodeAllocation",
    "IPAMError",
    "CLUSTER_CIDR",
    "CLUSTER_CIDR_V6",
    "NODE_NETWORK",
    "NODE_NETWORK_V6",
]

#: kubeadm's ``--pod-network-cidr`` in kind (``networking.podSubnet``).
CLUSTER_CIDR = "10.244.0.0/16"
#: kind's default IPv6 pod subnet.
CLUSTER_CIDR_V6 = "fd00:10:244::/56"
#: The docker network kind puts its node containers on.
NODE_NETWORK = "172.18.0.0/16"
NODE_NETWORK_V6 = "fc00:f853:ccd:e793::/64"

_Net = ipaddress.IPv4Network | ipaddress.IPv6Network
_Addr = ipaddress.IPv4Address | ipaddress.IPv6Address


class IPAMError(Exception):
    """An allocation failed; the message is the one the real component logs."""


class _CIDRSet:
    """kube-controller-manager's ``cidrset``: sub-networks of a cluster CIDR, round robin."""

    def __init__(self, cluster: str, mask: int, first_index: int) -> None:
        self.cluster: _Net = ipaddress.ip_network(cluster)
        if mask < self.cluster.prefixlen:
            raise ValueError(f"node mask /{mask} is larger than the cluster CIDR {cluster}")
        self.mask = mask
        self.size = 1 << (mask - self.cluster.prefixlen)
        self.used: set[int] = set(range(min(first_index, self.size)))
        self.next_candidate = min(first_index, self.size)

    def block(self, index: int) -> _Net:
        step = 1 << (self.cluster.max_prefixlen - self.mask)
        base = int(self.cluster.network_address) + index * step
        return ipaddress.ip_network((base, self.mask))

    def allocate(self) -> int:
        for i in range(self.size):
            candidate = (self.next_candidate + i) % self.size
            if candidate not in self.used:
                self.used.add(candidate)
                self.next_candidate = (candidate + 1) % self.size
                return candidate
        raise IPAMError(
            "CIDR allocation failed; there are no remaining CIDRs left to allocate in the accepted range"
        )

    def release(self, index: int) -> None:
        self.used.discard(index)


class _HostLocalRange:
    """One ``host-local`` range: ``.1`` is the gateway; allocation continues after the last one."""

    def __init__(self, subnet: _Net) -> None:
        self.subnet = subnet
        first = int(subnet.network_address) + 1
        last = int(subnet.broadcast_address) - (1 if subnet.version == 4 else 0)
        self.start, self.end = first, last
        self.gateway = first
        self.last_reserved: int | None = None
        self.in_use: dict[int, str] = {}

    def describe(self) -> str:
        return f"{ipaddress.ip_address(self.start)}-{ipaddress.ip_address(self.end)}"

    def allocate(self, owner: str) -> str:
        span = self.end - self.start + 1
        begin = self.start if self.last_reserved is None else self.last_reserved + 1
        for i in range(span):
            cand = self.start + (begin - self.start + i) % span
            if cand == self.gateway or cand in self.in_use:
                continue
            self.in_use[cand] = owner
            self.last_reserved = cand
            return str(ipaddress.ip_address(cand))
        raise IPAMError(
            f"failed to allocate for range 0: no IP addresses available in range set: {self.describe()}"
        )

    def release_owner(self, owner: str) -> list[str]:
        freed = [a for a, o in self.in_use.items() if o == owner]
        for a in freed:
            del self.in_use[a]
        return [str(ipaddress.ip_address(a)) for a in freed]


@dataclass
class NodeAllocation:
    """What a node got: ``spec.podCIDR(s)`` and its ``InternalIP`` address(es)."""

    name: str
    index: int
    pod_cidrs: list[str]
    node_ips: list[str]
    _ranges: list[_HostLocalRange] = field(default_factory=list, repr=False)

    @property
    def pod_cidr(self) -> str:
        """``spec.podCIDR``: the first (IPv4) block."""
        return self.pod_cidrs[0]


class IPAM:
    """Hands out node pod CIDRs, node addresses and pod IPs, deterministically.

    Args:
        cluster_cidr: the cluster pod CIDR (kubeadm ``podSubnet``).
        node_mask: ``--node-cidr-mask-size`` (``/24`` for IPv4).
        dual_stack: also allocate IPv6 (``cluster_cidr_v6`` cut into ``/node_mask_v6``).
        first_node_index: the first block a node gets; 1 leaves ``10.244.0.0/24`` to the absent
            control plane, as in a kind cluster with workers.
    """

    def __init__(
        self,
        cluster_cidr: str = CLUSTER_CIDR,
        node_mask: int = 24,
        *,
        dual_stack: bool = False,
        cluster_cidr_v6: str = CLUSTER_CIDR_V6,
        node_mask_v6: int = 64,
        node_network: str = NODE_NETWORK,
        node_network_v6: str = NODE_NETWORK_V6,
        first_node_index: int = 1,
    ) -> None:
        self.dual_stack = dual_stack
        self._cidrs = [_CIDRSet(cluster_cidr, node_mask, first_node_index)]
        if dual_stack:
            self._cidrs.append(_CIDRSet(cluster_cidr_v6, node_mask_v6, first_node_index))
        self._node_nets: list[_Net] = [ipaddress.ip_network(node_network)]
        if dual_stack:
            self._node_nets.append(ipaddress.ip_network(node_network_v6))
        self._node_ips_used: list[set[int]] = [set() for _ in self._node_nets]
        self._nodes: dict[str, NodeAllocation] = {}

    @property
    def cluster_cidrs(self) -> list[str]:
        return [str(c.cluster) for c in self._cidrs]

    # ---------------------------------------------------------------- nodes

    def add_node(self, name: str) -> NodeAllocation:
        """Register a node: allocate its pod CIDR(s) and node address(es)."""
        if name in self._nodes:
            return self._nodes[name]
        indexes = [c.allocate() for c in self._cidrs]
        blocks = [c.block(i) for c, i in zip(self._cidrs, indexes, strict=True)]
        node_ips = []
        for net, used in zip(self._node_nets, self._node_ips_used, strict=True):
            base = int(net.network_address)
            n = 2  # .1 is the docker bridge's gateway
            while base + n in used:
                n += 1
            used.add(base + n)
            node_ips.append(str(ipaddress.ip_address(base + n)))
        alloc = NodeAllocation(
            name=name,
            index=indexes[0],
            pod_cidrs=[str(b) for b in blocks],
            node_ips=node_ips,
            _ranges=[_HostLocalRange(b) for b in blocks],
        )
        self._nodes[name] = alloc
        return alloc

    def remove_node(self, name: str) -> None:
        """Forget a node: its CIDR(s) and address(es) become free."""
        alloc = self._nodes.pop(name, None)
        if alloc is None:
            return
        for cset, cidr in zip(self._cidrs, alloc.pod_cidrs, strict=True):
            net = ipaddress.ip_network(cidr)
            step = 1 << (cset.cluster.max_prefixlen - cset.mask)
            cset.release((int(net.network_address) - int(cset.cluster.network_address)) // step)
        for used, ip in zip(self._node_ips_used, alloc.node_ips, strict=True):
            used.discard(int(ipaddress.ip_address(ip)))

    def node(self, name: str) -> NodeAllocation:
        try:
            return self._nodes[name]
        except KeyError:
            raise IPAMError(f"node {name!r} has no pod CIDR") from None

    def nodes(self) -> list[NodeAllocation]:
        return list(self._nodes.values())

    # ---------------------------------------------------------------- pods

    def allocate(self, node: str, owner: str) -> list[str]:
        """Pod IPs for ``owner`` (a pod sandbox key) on ``node``: IPv4 first, then IPv6."""
        alloc = self.node(node)
        ips: list[str] = []
        try:
            for r in alloc._ranges:
                ips.append(r.allocate(owner))
        except IPAMError:
            for r in alloc._ranges:
                r.release_owner(owner)
            raise
        return ips

    def release(self, node: str, owner: str) -> list[str]:
        """Free the addresses ``owner`` holds on ``node``; returns them."""
        alloc = self._nodes.get(node)
        if alloc is None:
            return []
        freed: list[str] = []
        for r in alloc._ranges:
            freed += r.release_owner(owner)
        return freed

    def in_use(self, node: str) -> dict[str, str]:
        """``{ip: owner}`` of the addresses allocated on ``node``."""
        alloc = self.node(node)
        return {
            str(ipaddress.ip_address(a)): o for r in alloc._ranges for a, o in sorted(r.in_use.items())
        }
