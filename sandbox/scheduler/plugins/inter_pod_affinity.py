"""InterPodAffinity (``plugins/interpodaffinity``): pod affinity and anti-affinity.

Filter, in Kubernetes' order: the pod's required affinity (a matching pod must run in the node's
topology domain; the first pod of a group that matches its own terms may go anywhere with the
topology labels), the pod's required anti-affinity (no matching pod in the domain), and the
required anti-affinity of the pods already placed (the pod must not land in the domain of a pod
that refuses it). Terms select pods by labels in ``namespaces`` and/or namespaces picked by
``namespaceSelector`` (by default the pod's own namespace).

Score: preferred terms of the pod and of the existing pods, and existing pods' required affinity
(weight 1), summed per topology domain, normalised min-max to 0..100.
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
from sandbox.scheduler.types import AffinityTerm, WeightedAffinityTerm

NAME = "InterPodAffinity"
ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules"
ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules"
ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules"
#: ``HardPodAffinityWeight`` default.
HARD_POD_AFFINITY_WEIGHT = 1


def _merge_namespaces(terms: list[AffinityTerm], snapshot: Any) -> list[AffinityTerm]:
    """``mergeAffinityTermNamespacesIfNotEmpty``: resolve namespace selectors to names."""
    out = []
    for t in terms:
        if t.ns_selector.nothing:
            out.append(t)
            continue
        extra = {ns for ns, labels in snapshot.namespace_labels_all().items() if t.ns_selector.matches(labels)}
        out.append(t.with_namespaces(extra))
    return out


def _merge_weighted(terms: list[WeightedAffinityTerm], snapshot: Any) -> list[WeightedAffinityTerm]:
    return [WeightedAffinityTerm(m, w.weight) for m, w in zip(_merge_namespaces([w.term for w in terms], snapshot), terms, strict=False)]


class InterPodAffinity(Plugin):
    name = NAME
    weight = 2
    events = (("Pod", frozenset({"*"})), ("Node", frozenset({"Add", "UpdateNodeLabel"})))

    # -- filter ---------------------------------------------------------------------------------

    def pre_filter(self, state: CycleState, pod: Any, snapshot: Any) -> tuple[PreFilterResult | None, Status | None]:
        with_anti = snapshot.nodes_with_required_anti_affinity()
        if not pod.required_affinity and not pod.required_anti_affinity and not with_anti:
            return None, SKIP
        ns_labels = snapshot.namespace_labels(pod.namespace)
        affinity = _merge_namespaces(pod.required_affinity, snapshot)
        anti = _merge_namespaces(pod.required_anti_affinity, snapshot)
        existing_anti: dict[tuple[str, str], int] = {}
        for node in with_anti:
            if not node.labels:
                continue
            for ep in node.pods_with_required_anti_affinity.values():
                for t in ep.required_anti_affinity:
                    v = node.labels.get(t.topology_key)
                    if v is not None and t.matches(pod, ns_labels):
                        existing_anti[(t.topology_key, v)] = existing_anti.get((t.topology_key, v), 0) + 1
        aff_counts: dict[tuple[str, str], int] = {}
        anti_counts: dict[tuple[str, str], int] = {}
        if affinity or anti:
            for node in snapshot.node_list:
                if not node.labels:
                    continue
                for ep in node.pods.values():
                    if affinity and all(t.matches(ep, None) for t in affinity):
                        for t in affinity:
                            v = node.labels.get(t.topology_key)
                            if v is not None:
                                aff_counts[(t.topology_key, v)] = aff_counts.get((t.topology_key, v), 0) + 1
                    for t in anti:
                        v = node.labels.get(t.topology_key)
                        if v is not None and t.matches(ep, None):
                            anti_counts[(t.topology_key, v)] = anti_counts.get((t.topology_key, v), 0) + 1
        state[NAME] = (affinity, anti, existing_anti, aff_counts, anti_counts)
        return None, None

    def filter(self, state: CycleState, pod: Any, node: Any) -> Status | None:
        affinity, anti, existing_anti, aff_counts, anti_counts = state[NAME]
        labels = node.labels
        if affinity:
            ok = True
            for t in affinity:
                v = labels.get(t.topology_key)
                if v is None:
                    return Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON_AFFINITY_RULES_NOT_MATCH)
                if aff_counts.get((t.topology_key, v), 0) <= 0:
                    ok = False
            if not ok and not (not aff_counts and all(t.matches(pod, None) for t in affinity)):
                return Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON_AFFINITY_RULES_NOT_MATCH)
        for t in anti:
            v = labels.get(t.topology_key)
            if v is not None and anti_counts.get((t.topology_key, v), 0) > 0:
                return Status(Code.UNSCHEDULABLE, ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH)
        if existing_anti:
            for k, v in labels.items():
                if existing_anti.get((k, v), 0) > 0:
                    return Status(Code.UNSCHEDULABLE, ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH)
        return None

    # -- score ----------------------------------------------------------------------------------

    def pre_score(self, state: CycleState, pod: Any, nodes: list[Any], snapshot: Any) -> Status | None:
        has_constraints = bool(pod.preferred_affinity or pod.preferred_anti_affinity)
        all_nodes = snapshot.node_list if has_constraints else snapshot.nodes_with_affinity()
        if not all_nodes:
            return SKIP
        ns_labels = snapshot.namespace_labels(pod.namespace)
        pref = _merge_weighted(pod.preferred_affinity, snapshot)
        pref_anti = _merge_weighted(pod.preferred_anti_affinity, snapshot)
        topo: dict[str, dict[str, int]] = {}
        matches_incoming: dict[tuple[Any, ...], bool] = {}
        for node in all_nodes:
            labels = node.labels
            if not labels:
                continue
            if has_constraints:
                for sign, terms in ((1, pref), (-1, pref_anti)):
                    for w in terms:
                        t = w.term
                        v = labels.get(t.topology_key)
                        if v is None:
                            continue
                        n = node.count_matching(t.selector, t.namespaces)
                        if n:
                            d = topo.setdefault(t.topology_key, {})
                            d[v] = d.get(v, 0) + sign * w.weight * n
            for _kind, t, weight, n in node.affinity_summary():
                v = labels.get(t.topology_key)
                if v is None:
                    continue
                k = t.key()
                m = matches_incoming.get(k)
                if m is None:
                    m = matches_incoming[k] = t.matches(pod, ns_labels)
                if m:
                    d = topo.setdefault(t.topology_key, {})
                    d[v] = d.get(v, 0) + weight * n
        state[NAME + "/score"] = topo
        return None

    def score(self, state: CycleState, pod: Any, node: Any) -> int:
        topo = state[NAME + "/score"]
        total = 0
        for key, values in topo.items():
            v = node.labels.get(key)
            if v is not None:
                total += values.get(v, 0)
        return total

    def normalize_score(self, state: CycleState, pod: Any, scores: list[int]) -> None:
        if not state[NAME + "/score"] or not scores:
            return
        lo, hi = min(scores), max(scores)
        diff = hi - lo
        for i, s in enumerate(scores):
            scores[i] = int(MAX_NODE_SCORE * ((s - lo) / diff)) if diff > 0 else 0
