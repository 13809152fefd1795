"""What the scheduler knows of pods and nodes (``pkg/scheduler/framework/types.go``).

The scheduler reads the API server's JSON (``dict``) directly, never models: the store's dicts are
never changed after they are written, and parsing each pod once into a :class:`PodInfo` (requests,
ports, affinity terms, tolerations) is what makes thousands of pods on hundreds of nodes quick.
:class:`NodeInfo` is a node plus the aggregates of the pods bound to it (requested resources,
host ports, pods with affinity), kept up to date as pods come and go, as the scheduler cache's
``NodeInfo`` is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sandbox.api.quantity import parse_quantity
from sandbox.apiserver.selectors import (
    LabelSelector,
    Requirement,
    SelectorError,
    selector_from_label_selector,
)

__all__ = [
    "Resource",
    "AffinityTerm",
    "WeightedAffinityTerm",
    "PodInfo",
    "NodeInfo",
    "DEFAULT_MILLI_CPU_REQUEST",
    "DEFAULT_MEMORY_REQUEST",
    "LABEL_HOSTNAME",
    "LABEL_ZONE",
    "LABEL_REGION",
]

#: ``schedutil.DefaultMilliCPURequest``: what a container without a CPU request counts as, for scoring.
DEFAULT_MILLI_CPU_REQUEST = 100
#: ``schedutil.DefaultMemoryRequest``: 200 MiB, the same for memory.
DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024
LABEL_HOSTNAME = "kubernetes.io/hostname"
LABEL_ZONE = "topology.kubernetes.io/zone"
LABEL_REGION = "topology.kubernetes.io/region"
#: ``HardPodAffinityWeight``: how much an existing pod's required affinity counts in scoring.
HARD_WEIGHT = 1

_NOTHING = LabelSelector(nothing=True)


@lru_cache(maxsize=4096)
def milli_value(s: str) -> int:
    """``Quantity.MilliValue()`` of a quantity string (cached: the same strings recur)."""
    return parse_quantity(str(s)).milli_value()


@lru_cache(maxsize=4096)
def int_value(s: str) -> int:
    """``Quantity.Value()`` of a quantity string."""
    return parse_quantity(str(s)).value()


def is_scalar_resource(name: str) -> bool:
    """``schedutil.IsScalarResourceName``: extended resources, hugepages, attachable volumes."""
    if name.startswith("hugepages-") or name.startswith("attachable-volumes-"):
        return True
    # an extended resource is domain-qualified and not in the kubernetes.io namespace
    if "/" not in name:
        return False
    domain = name.split("/", 1)[0]
    return not (domain == "kubernetes.io" or domain.endswith(".kubernetes.io")) and not name.startswith("requests.")


@dataclass
class Resource:
    """``framework.Resource``: milli-CPU, bytes of memory and ephemeral storage, pod count, scalars."""

    milli_cpu: int = 0
    memory: int = 0
    ephemeral_storage: int = 0
    allowed_pods: int = 0
    scalars: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_list(cls, rl: Mapping[str, Any] | None) -> Resource:
        r = cls()
        r.add_list(rl)
        return r

    def add_list(self, rl: Mapping[str, Any] | None) -> None:
        for name, q in (rl or {}).items():
            if name == "cpu":
                self.milli_cpu += milli_value(q)
            elif name == "memory":
                self.memory += int_value(q)
            elif name == "pods":
                self.allowed_pods += int_value(q)
            elif name == "ephemeral-storage":
                self.ephemeral_storage += int_value(q)
            elif is_scalar_resource(name):
                self.scalars[name] = self.scalars.get(name, 0) + int_value(q)

    def add(self, other: Resource, sign: int = 1) -> None:
        self.milli_cpu += sign * other.milli_cpu
        self.memory += sign * other.memory
        self.ephemeral_storage += sign * other.ephemeral_storage
        for k, v in other.scalars.items():
            self.scalars[k] = self.scalars.get(k, 0) + sign * v

    def set_max(self, other: Resource) -> None:
        self.milli_cpu = max(self.milli_cpu, other.milli_cpu)
        self.memory = max(self.memory, other.memory)
        self.ephemeral_storage = max(self.ephemeral_storage, other.ephemeral_storage)
        for k, v in other.scalars.items():
            self.scalars[k] = max(self.scalars.get(k, 0), v)

    def copy(self) -> Resource:
        return Resource(self.milli_cpu, self.memory, self.ephemeral_storage, self.allowed_pods, dict(self.scalars))


def pod_requests(spec: Mapping[str, Any], non_zero: bool = False) -> Resource:
    """``resourcehelper.PodRequests``: what a pod needs of a node.

    The containers' requests are summed, plus restartable init containers (sidecars), which run
    alongside them; an ordinary init container runs alone (with the sidecars started before it),
    so the pod needs the larger of the two. ``spec.overhead`` is added. With ``non_zero`` a
    container without a CPU or memory request counts as 100m / 200Mi (for scoring only).
    """

    def creq(c: Mapping[str, Any]) -> Resource:
        reqs = (c.get("resources") or {}).get("requests") or {}
        r = Resource.from_list(reqs)
        if non_zero:
            if "cpu" not in reqs:
                r.milli_cpu = DEFAULT_MILLI_CPU_REQUEST
            if "memory" not in reqs:
                r.memory = DEFAULT_MEMORY_REQUEST
        return r

    total = Resource()
    for c in spec.get("containers") or []:
        total.add(creq(c))
    sidecars = Resource()
    init_max = Resource()
    for c in spec.get("initContainers") or []:
        r = creq(c)
        if c.get("restartPolicy") == "Always":
            sidecars.add(r)
            need = sidecars.copy()
        else:
            need = r
            need.add(sidecars)
        init_max.set_max(need)
    total.add(sidecars)
    total.set_max(init_max)
    if spec.get("overhead"):
        total.add(Resource.from_list(spec["overhead"]))
    return total


class AffinityTerm:
    """``framework.AffinityTerm``: a pod (anti-)affinity term, parsed.

    ``namespaces`` is the term's namespace list (the pod's own namespace when the list is empty and
    there is no namespace selector); ``ns_selector`` selects further namespaces by their labels.
    """

    __slots__ = ("namespaces", "selector", "topology_key", "ns_selector")

    def __init__(self, namespaces: frozenset[str], selector: LabelSelector, topology_key: str,
                 ns_selector: LabelSelector) -> None:
        self.namespaces = namespaces
        self.selector = selector
        self.topology_key = topology_key
        self.ns_selector = ns_selector

    def key(self) -> tuple[Any, ...]:
        """What makes two terms the same (for grouping and memoising)."""
        return (self.namespaces, self.selector, self.topology_key, self.ns_selector)

    def matches(self, pod: PodInfo, ns_labels: Mapping[str, str] | None) -> bool:
        """Whether ``pod`` is one the term selects (its namespace and its labels)."""
        if pod.namespace in self.namespaces or (ns_labels is not None and self.ns_selector.matches(ns_labels)):
            return self.selector.matches(pod.labels)
        return False

    def with_namespaces(self, extra: set[str]) -> AffinityTerm:
        """The term with the namespaces its selector picks merged in (as PreFilter does)."""
        return AffinityTerm(self.namespaces | frozenset(extra), self.selector, self.topology_key, _NOTHING)


@dataclass
class WeightedAffinityTerm:
    term: AffinityTerm
    weight: int


def _selector(ls: Any) -> LabelSelector:
    try:
        return selector_from_label_selector(ls)
    except SelectorError:
        return _NOTHING


def _affinity_term(pod_ns: str, pod_labels: Mapping[str, str], t: Mapping[str, Any]) -> AffinityTerm:
    sel = _selector(t.get("labelSelector"))
    # matchLabelKeys / mismatchLabelKeys: merged into the selector with the pod's own values
    extra: list[Requirement] = []
    if t.get("labelSelector") is not None:
        for k in t.get("matchLabelKeys") or []:
            if k in pod_labels:
                extra.append(Requirement(k, "in", (pod_labels[k],)))
        for k in t.get("mismatchLabelKeys") or []:
            if k in pod_labels:
                extra.append(Requirement(k, "notin", (pod_labels[k],)))
    if extra and not sel.nothing:
        sel = LabelSelector(tuple(sorted(sel.requirements + tuple(extra), key=lambda r: r.key)))
    ns_list = t.get("namespaces") or []
    ns_sel_raw = t.get("namespaceSelector")
    namespaces = frozenset([pod_ns]) if not ns_list and ns_sel_raw is None else frozenset(ns_list)
    return AffinityTerm(namespaces, sel, t.get("topologyKey") or "", _selector(ns_sel_raw))


class PodInfo:
    """One pod as the scheduler sees it (``framework.PodInfo`` plus the pod's computed requests)."""

    __slots__ = (
        "raw", "uid", "name", "namespace", "labels", "spec", "node_name", "scheduler_name",
        "gates", "terminating", "priority", "requests", "non_zero", "host_ports",
        "required_affinity", "required_anti_affinity", "preferred_affinity", "preferred_anti_affinity",
        "has_affinity", "tolerations", "node_selector", "node_affinity", "spread", "images",
        "num_containers", "phase", "preemption_policy",
    )

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.raw = raw
        meta = raw.get("metadata") or {}
        spec = raw.get("spec") or {}
        self.spec = spec
        self.uid: str = meta.get("uid") or f"{meta.get('namespace', '')}/{meta.get('name', '')}"
        self.name: str = meta.get("name", "")
        self.namespace: str = meta.get("namespace", "default")
        self.labels: dict[str, str] = meta.get("labels") or {}
        self.terminating = bool(meta.get("deletionTimestamp"))
        self.node_name: str = spec.get("nodeName") or ""
        self.scheduler_name: str = spec.get("schedulerName") or "default-scheduler"
        self.gates: list[Any] = list(spec.get("schedulingGates") or [])
        self.priority: int = spec.get("priority") or 0
        self.preemption_policy: str = spec.get("preemptionPolicy") or "PreemptLowerPriority"
        self.phase: str = (raw.get("status") or {}).get("phase") or ""
        self.requests = pod_requests(spec)
        self.non_zero = pod_requests(spec, non_zero=True)
        ports: list[tuple[str, str, int]] = []
        containers = list(spec.get("containers") or [])
        sidecars = [c for c in spec.get("initContainers") or [] if c.get("restartPolicy") == "Always"]
        for c in containers + sidecars:
            for p in c.get("ports") or []:
                hp = p.get("hostPort") or 0
                if hp > 0:
                    ports.append((p.get("hostIP") or "0.0.0.0", p.get("protocol") or "TCP", hp))
        self.host_ports = ports
        self.images = [c.get("image") or "" for c in (spec.get("initContainers") or []) + containers]
        self.num_containers = len(spec.get("initContainers") or []) + len(containers)
        self.tolerations: list[Mapping[str, Any]] = spec.get("tolerations") or []
        self.node_selector: dict[str, str] = spec.get("nodeSelector") or {}
        aff = spec.get("affinity") or {}
        self.node_affinity: Mapping[str, Any] = aff.get("nodeAffinity") or {}
        pa = aff.get("podAffinity") or {}
        paa = aff.get("podAntiAffinity") or {}
        self.has_affinity = bool(aff.get("podAffinity") is not None or aff.get("podAntiAffinity") is not None)
        mk = _affinity_term
        self.required_affinity = [mk(self.namespace, self.labels, t)
                                  for t in pa.get("requiredDuringSchedulingIgnoredDuringExecution") or []]
        self.required_anti_affinity = [mk(self.namespace, self.labels, t)
                                       for t in paa.get("requiredDuringSchedulingIgnoredDuringExecution") or []]
        self.preferred_affinity = [
            WeightedAffinityTerm(mk(self.namespace, self.labels, w.get("podAffinityTerm") or {}), w.get("weight") or 0)
            for w in pa.get("preferredDuringSchedulingIgnoredDuringExecution") or []]
        self.preferred_anti_affinity = [
            WeightedAffinityTerm(mk(self.namespace, self.labels, w.get("podAffinityTerm") or {}), w.get("weight") or 0)
            for w in paa.get("preferredDuringSchedulingIgnoredDuringExecution") or []]
        self.spread: list[Mapping[str, Any]] = spec.get("topologySpreadConstraints") or []

    @property
    def key(self) -> str:
        """``namespace/name``."""
        return f"{self.namespace}/{self.name}"

    def __repr__(self) -> str:
        return f"<PodInfo {self.key} node={self.node_name!r}>"


class NodeInfo:
    """A node and the aggregates of its pods (``framework.NodeInfo``)."""

    __slots__ = (
        "raw", "name", "labels", "taints", "unschedulable", "allocatable", "requested",
        "non_zero_requested", "pods", "pods_with_affinity", "pods_with_required_anti_affinity",
        "used_ports", "images", "generation", "_memo",
    )

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.requested = Resource()
        self.non_zero_requested = Resource()
        self.pods: dict[str, PodInfo] = {}
        self.pods_with_affinity: dict[str, PodInfo] = {}
        self.pods_with_required_anti_affinity: dict[str, PodInfo] = {}
        self.used_ports: dict[tuple[str, int], dict[str, int]] = {}
        self.generation = 0
        self._memo: dict[Any, tuple[int, Any]] = {}
        self.set_node(raw)

    def memo(self, key: Any, compute: Any) -> Any:
        """``compute()``, remembered until the node or its pods change (``generation``)."""
        hit = self._memo.get(key)
        if hit is not None and hit[0] == self.generation:
            return hit[1]
        value = compute()
        self._memo[key] = (self.generation, value)
        return value

    def count_matching(self, selector: LabelSelector, namespaces: frozenset[str] | str,
                       skip_terminating: bool = False) -> int:
        """How many pods here are in ``namespaces`` and match ``selector`` (memoised)."""
        def compute() -> int:
            n = 0
            for p in self.pods.values():
                if skip_terminating and p.terminating:
                    continue
                ns_ok = p.namespace == namespaces if isinstance(namespaces, str) else p.namespace in namespaces
                if ns_ok and selector.matches(p.labels):
                    n += 1
            return n

        return self.memo(("count", selector, namespaces, skip_terminating), compute)

    def affinity_summary(self) -> list[tuple[str, Any, int, int]]:
        """The (anti-)affinity terms of the pods here, grouped: ``(kind, term, weight, how many)``.

        Replicas carry identical terms, so this is short even with many pods on the node.
        """
        def compute() -> list[tuple[str, Any, int, int]]:
            groups: dict[tuple[Any, ...], list[Any]] = {}
            for p in self.pods_with_affinity.values():
                items = [("required", t, HARD_WEIGHT) for t in p.required_affinity]
                items += [("preferred", w.term, w.weight) for w in p.preferred_affinity]
                items += [("anti", w.term, -w.weight) for w in p.preferred_anti_affinity]
                for kind, t, weight in items:
                    k = (kind, t.key(), weight)
                    g = groups.get(k)
                    if g is None:
                        groups[k] = [kind, t, weight, 1]
                    else:
                        g[3] += 1
            return [tuple(g) for g in groups.values()]  # type: ignore[misc]

        return self.memo("affinity", compute)

    def set_node(self, raw: Mapping[str, Any]) -> None:
        """Take a (new version of the) Node object; pod aggregates are kept."""
        self.raw = raw
        meta = raw.get("metadata") or {}
        spec = raw.get("spec") or {}
        status = raw.get("status") or {}
        self.name: str = meta.get("name", "")
        self.labels: dict[str, str] = meta.get("labels") or {}
        self.taints: list[Mapping[str, Any]] = spec.get("taints") or []
        self.unschedulable = bool(spec.get("unschedulable"))
        self.allocatable = Resource.from_list(status.get("allocatable") or status.get("capacity") or {})
        images: dict[str, int] = {}
        for im in status.get("images") or []:
            for n in im.get("names") or []:
                images[n] = im.get("sizeBytes") or 0
        self.images = images
        self.generation += 1

    def add_pod(self, p: PodInfo) -> None:
        """``NodeInfo.AddPodInfo``."""
        if p.uid in self.pods:
            self.remove_pod(self.pods[p.uid])
        self.pods[p.uid] = p
        if p.has_affinity:
            self.pods_with_affinity[p.uid] = p
        if p.required_anti_affinity:
            self.pods_with_required_anti_affinity[p.uid] = p
        self.requested.add(p.requests)
        self.non_zero_requested.add(p.non_zero)
        for ip, proto, port in p.host_ports:
            ips = self.used_ports.setdefault((proto, port), {})
            ips[ip] = ips.get(ip, 0) + 1
        self.generation += 1

    def remove_pod(self, p: PodInfo) -> None:
        """``NodeInfo.RemovePod``."""
        old = self.pods.pop(p.uid, None)
        if old is None:
            return
        self.pods_with_affinity.pop(p.uid, None)
        self.pods_with_required_anti_affinity.pop(p.uid, None)
        self.requested.add(old.requests, -1)
        self.non_zero_requested.add(old.non_zero, -1)
        for ip, proto, port in old.host_ports:
            ips = self.used_ports.get((proto, port))
            if ips is not None:
                ips[ip] -= 1
                if ips[ip] <= 0:
                    del ips[ip]
                if not ips:
                    del self.used_ports[(proto, port)]
        self.generation += 1

    def __repr__(self) -> str:
        return f"<NodeInfo {self.name} pods={len(self.pods)}>"
