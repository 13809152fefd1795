"""The scheduler's cache (``pkg/scheduler/backend/cache``): nodes and the pods placed on them.

Filled from the API server's watches (as the informers fill it), plus pods the scheduler has
just bound ("assumed") before the watch tells it. Nodes are listed in ``nodeTree`` order: zone by
zone in turn, each zone's nodes in the order they were added, which is the order the real
scheduler walks them in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sandbox.scheduler.types import LABEL_REGION, LABEL_ZONE, NodeInfo, PodInfo

__all__ = ["Cache", "zone_key"]


def zone_key(labels: Mapping[str, str]) -> str:
    """``utilnode.GetZoneKey``: ``region:\\x00:zone`` (empty when the node has neither label)."""
    region = labels.get(LABEL_REGION) or labels.get("failure-domain.beta.kubernetes.io/region", "")
    zone = labels.get(LABEL_ZONE) or labels.get("failure-domain.beta.kubernetes.io/zone", "")
    if not region and not zone:
        return ""
    return f"{region}:\x00:{zone}"


class Cache:
    """Nodes (:class:`NodeInfo`), placed pods, namespaces and workload owners, by name."""

    def __init__(self) -> None:
        self.nodes: dict[str, NodeInfo] = {}
        self.pods: dict[str, PodInfo] = {}  # uid -> assigned pod
        self._zones: dict[str, list[str]] = {}
        self._zone_order: list[str] = []
        self._node_list: list[NodeInfo] | None = None
        self.namespaces: dict[str, dict[str, str]] = {}
        self.owners: dict[tuple[str, str, str], Mapping[str, Any]] = {}
        self._image_counts: dict[str, int] | None = None
        # pods whose node is not (yet) in the cache
        self._orphans: dict[str, dict[str, PodInfo]] = {}

    # -- nodes ------------------------------------------------------------------------------------

    def add_or_update_node(self, raw: Mapping[str, Any]) -> tuple[NodeInfo | None, NodeInfo]:
        """Store a node; returns ``(old copy or None, new)``. The old copy has only node fields."""
        name = raw["metadata"]["name"]
        ni = self.nodes.get(name)
        old = None
        if ni is None:
            ni = NodeInfo(raw)
            self.nodes[name] = ni
            for p in self._orphans.pop(name, {}).values():
                ni.add_pod(p)
            self._add_to_tree(name, zone_key(ni.labels))
        else:
            old = NodeInfo(ni.raw)
            old_zone = zone_key(ni.labels)
            ni.set_node(raw)
            new_zone = zone_key(ni.labels)
            if new_zone != old_zone:
                self._remove_from_tree(name, old_zone)
                self._add_to_tree(name, new_zone)
        self._image_counts = None
        return old, ni

    def remove_node(self, name: str) -> NodeInfo | None:
        ni = self.nodes.pop(name, None)
        if ni is None:
            return None
        self._remove_from_tree(name, zone_key(ni.labels))
        if ni.pods:
            self._orphans[name] = dict(ni.pods)
        self._image_counts = None
        return ni

    def _add_to_tree(self, name: str, zone: str) -> None:
        if zone not in self._zones:
            self._zones[zone] = []
            self._zone_order.append(zone)
        self._zones[zone].append(name)
        self._node_list = None

    def _remove_from_tree(self, name: str, zone: str) -> None:
        lst = self._zones.get(zone)
        if lst and name in lst:
            lst.remove(name)
            if not lst:
                del self._zones[zone]
                self._zone_order.remove(zone)
        self._node_list = None

    @property
    def node_list(self) -> list[NodeInfo]:
        """All nodes in ``nodeTree.list()`` order: one node from each zone in turn."""
        if self._node_list is None:
            out: list[NodeInfo] = []
            lists = [self._zones[z] for z in self._zone_order]
            i = 0
            while True:
                added = False
                for lst in lists:
                    if i < len(lst):
                        out.append(self.nodes[lst[i]])
                        added = True
                if not added:
                    break
                i += 1
            self._node_list = out
        return self._node_list

    # -- pods -------------------------------------------------------------------------------------

    def add_pod(self, p: PodInfo) -> None:
        """Place (or re-place) an assigned pod on its node's aggregates."""
        self.remove_pod(p.uid)
        self.pods[p.uid] = p
        ni = self.nodes.get(p.node_name)
        if ni is not None:
            ni.add_pod(p)
        else:
            self._orphans.setdefault(p.node_name, {})[p.uid] = p

    def remove_pod(self, uid: str) -> PodInfo | None:
        old = self.pods.pop(uid, None)
        if old is None:
            return None
        ni = self.nodes.get(old.node_name)
        if ni is not None:
            ni.remove_pod(old)
        else:
            self._orphans.get(old.node_name, {}).pop(uid, None)
        return old

    # -- what plugins ask ---------------------------------------------------------------------------

    def nodes_with_affinity(self) -> list[NodeInfo]:
        """``HavePodsWithAffinityList``."""
        return [n for n in self.node_list if n.pods_with_affinity]

    def nodes_with_required_anti_affinity(self) -> list[NodeInfo]:
        """``HavePodsWithRequiredAntiAffinityList``."""
        return [n for n in self.node_list if n.pods_with_required_anti_affinity]

    def namespace_labels(self, ns: str) -> dict[str, str]:
        return self.namespaces.get(ns, {})

    def namespace_labels_all(self) -> dict[str, dict[str, str]]:
        return self.namespaces

    @property
    def image_node_counts(self) -> dict[str, int]:
        """How many nodes have each image name (``ImageStateSummary.NumNodes``)."""
        if self._image_counts is None:
            counts: dict[str, int] = {}
            for n in self.nodes.values():
                for im in n.images:
                    counts[im] = counts.get(im, 0) + 1
            self._image_counts = counts
        return self._image_counts

    def owner(self, kind: str, namespace: str, name: str) -> Mapping[str, Any] | None:
        return self.owners.get((kind, namespace, name))
