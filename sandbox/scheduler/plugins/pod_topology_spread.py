"""PodTopologySpread (``plugins/podtopologyspread``): spread matching pods over topology domains.

``whenUnsatisfiable: DoNotSchedule`` constraints filter: placing the pod on a node must not make the
node's domain exceed ``maxSkew`` over the least loaded domain (``minDomains``: while fewer domains
exist, the least loaded counts as 0). Only nodes that pass the pod's nodeSelector/required node
affinity count as domains (``nodeAffinityPolicy: Honor``); taints are ignored
(``nodeTaintsPolicy: Ignore``), the defaults. ``ScheduleAnyway`` constraints score instead.

With no constraints of its own a pod owned by a ReplicaSet or StatefulSet gets the system default
constraints (``ScheduleAnyway``: maxSkew 3 per hostname, 5 per zone) with its owner's selector.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sandbox.apiserver.selectors import (
    LabelSelector,
    Requirement,
    SelectorError,
    selector_from_label_selector,
)
from sandbox.scheduler.framework import (
    MAX_NODE_SCORE,
    SKIP,
    Code,
    CycleState,
    Plugin,
    PreFilterResult,
    Status,
)
from sandbox.scheduler.plugins.helper import (
    find_untolerated_taint,
    pod_matches_node_selector_and_affinity,
)
from sandbox.scheduler.types import LABEL_HOSTNAME, LABEL_ZONE

NAME = "PodTopologySpread"
#: ``ErrReasonConstraintsNotMatch``.
ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints"
#: ``ErrReasonNodeLabelNotMatch``.
ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + " (missing required label)"
#: ``systemDefaultConstraints``.
SYSTEM_DEFAULT_CONSTRAINTS = ((LABEL_HOSTNAME, 3), (LABEL_ZONE, 5))


@dataclass
class Constraint:
    """``topologySpreadConstraint``, parsed."""

    max_skew: int
    topology_key: str
    selector: LabelSelector
    min_domains: int
    honor_affinity: bool
    honor_taints: bool


def _constraints(pod: Any, action: str) -> list[Constraint]:
    out = []
    for c in pod.spread:
        if (c.get("whenUnsatisfiable") or "DoNotSchedule") != action:
            continue
        try:
            sel = selector_from_label_selector(c.get("labelSelector"))
        except SelectorError:
            sel = LabelSelector(nothing=True)
        keys = [k for k in c.get("matchLabelKeys") or [] if k in pod.labels]
        if keys and not sel.nothing:
            extra = tuple(Requirement(k, "in", (pod.labels[k],)) for k in keys)
            sel = LabelSelector(tuple(sorted(sel.requirements + extra, key=lambda r: r.key)))
        out.append(Constraint(
            max_skew=c.get("maxSkew") or 1,
            topology_key=c.get("topologyKey") or "",
            selector=sel,
            min_domains=c.get("minDomains") or 1,
            honor_affinity=(c.get("nodeAffinityPolicy") or "Honor") == "Honor",
            honor_taints=(c.get("nodeTaintsPolicy") or "Ignore") == "Honor",
        ))
    return out


def _node_included(pod: Any, node: Any, c: Constraint) -> bool:
    """``nodeInclusionPolicy``: does ``node`` count as a domain for this pod?"""
    if c.honor_affinity and not pod_matches_node_selector_and_affinity(pod, node):
        return False
    return not (c.honor_taints and find_untolerated_taint(node.taints, pod.tolerations, ("NoSchedule", "NoExecute")))


def _count_matching(node: Any, sel: LabelSelector, ns: str) -> int:
    """``countPodsMatchSelector``: pods of the namespace matching, not being deleted."""
    return node.count_matching(sel, ns, skip_terminating=True)


class PodTopologySpread(Plugin):
    name = NAME
    weight = 2
    events = (("Pod", frozenset({"*"})),
              ("Node", frozenset({"Add", "Delete", "UpdateNodeLabel", "UpdateNodeTaint"})))

    def __init__(self, default_selector: Callable[[Any], LabelSelector | None] | None = None) -> None:
        #: Finds the selector of the pod's owner (for the system default constraints).
        self.default_selector = default_selector

    # -- filter ---------------------------------------------------------------------------------

    def pre_filter(self, state: CycleState, pod: Any, snapshot: Any) -> tuple[PreFilterResult | None, Status | None]:
        cons = _constraints(pod, "DoNotSchedule")
        if not cons:
            return None, SKIP
        counts: list[dict[str, int]] = [{} for _ in cons]
        for node in snapshot.node_list:
            labels = node.labels
            if not all(c.topology_key in labels for c in cons):
                continue
            for i, c in enumerate(cons):
                if not _node_included(pod, node, c):
                    continue
                v = labels[c.topology_key]
                counts[i][v] = counts[i].get(v, 0) + _count_matching(node, c.selector, pod.namespace)
        mins = []
        for i, c in enumerate(cons):
            if len(counts[i]) < c.min_domains:
                mins.append(0)
            else:
                mins.append(min(counts[i].values()) if counts[i] else 0)
        state[NAME] = (cons, counts, mins)
        return None, None

    def filter(self, state: CycleState, pod: Any, node: Any) -> Status | None:
        cons, counts, mins = state[NAME]
        labels = node.labels
        for i, c in enumerate(cons):
            v = labels.get(c.topology_key)
            if v is None:
                return Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON_NODE_LABEL_NOT_MATCH)
            self_match = 1 if c.selector.matches(pod.labels) else 0
            skew = counts[i].get(v, 0) + self_match - mins[i]
            if skew > c.max_skew:
                return Status(Code.UNSCHEDULABLE, ERR_REASON_CONSTRAINTS_NOT_MATCH)
        return None

    # -- score ----------------------------------------------------------------------------------

    def _score_constraints(self, pod: Any) -> tuple[list[Constraint], bool]:
        if pod.spread:
            return _constraints(pod, "ScheduleAnyway"), True
        sel = self.default_selector(pod) if self.default_selector is not None else None
        if sel is None or sel.empty() or sel.nothing:
            return [], False
        return [Constraint(skew, key, sel, 1, True, False) for key, skew in SYSTEM_DEFAULT_CONSTRAINTS], False

    def pre_score(self, state: CycleState, pod: Any, nodes: list[Any], snapshot: Any) -> Status | None:
        cons, require_all = self._score_constraints(pod)
        if not cons:
            return SKIP
        ignored: set[str] = set()
        counts: list[dict[str, int]] = [{} for _ in cons]
        for node in nodes:
            if require_all and not all(c.topology_key in node.labels for c in cons):
                ignored.add(node.name)
                continue
            for i, c in enumerate(cons):
                if c.topology_key == LABEL_HOSTNAME:
                    continue
                counts[i].setdefault(node.labels.get(c.topology_key, ""), 0)
        weights = []
        for i, c in enumerate(cons):
            size = len(nodes) - len(ignored) if c.topology_key == LABEL_HOSTNAME else len(counts[i])
            weights.append(math.log(size + 2))
        for node in snapshot.node_list:
            if require_all and not all(c.topology_key in node.labels for c in cons):
                continue
            for i, c in enumerate(cons):
                if c.topology_key == LABEL_HOSTNAME or not _node_included(pod, node, c):
                    continue
                v = node.labels.get(c.topology_key, "")
                if v in counts[i]:
                    counts[i][v] += _count_matching(node, c.selector, pod.namespace)
        state[NAME + "/score"] = (cons, counts, weights, ignored)
        return None

    def score(self, state: CycleState, pod: Any, node: Any) -> int:
        cons, counts, weights, ignored = state[NAME + "/score"]
        if node.name in ignored:
            return 0
        total = 0.0
        for i, c in enumerate(cons):
            v = node.labels.get(c.topology_key)
            if v is None:
                continue
            if c.topology_key == LABEL_HOSTNAME:
                cnt = _count_matching(node, c.selector, pod.namespace)
            else:
                cnt = counts[i].get(v, 0)
            total += cnt * weights[i] + (c.max_skew - 1)
        return _round_half_away(total)

    def normalize_score(self, state: CycleState, pod: Any, scores: list[int]) -> None:
        raise NotImplementedError  # needs node names; see normalize_named

    def normalize_named(self, state: CycleState, pod: Any, names: list[str], scores: list[int]) -> None:
        """``NormalizeScore``: fewer matching pods -> higher score; ignored nodes get 0."""
        _, _, _, ignored = state[NAME + "/score"]
        valid = [s for n, s in zip(names, scores, strict=False) if n not in ignored]
        if not valid:
            for i in range(len(scores)):
                scores[i] = 0
            return
        lo, hi = min(valid), max(valid)
        for i, n in enumerate(names):
            if n in ignored:
                scores[i] = 0
            elif hi == 0:
                scores[i] = MAX_NODE_SCORE
            else:
                scores[i] = MAX_NODE_SCORE * (hi + lo - scores[i]) // hi


def _round_half_away(x: float) -> int:
    """Go's ``math.Round``: halves away from zero."""
    return int(math.floor(x + 0.5)) if x >= 0 else -int(math.floor(-x + 0.5))


def owner_selector_finder(lookup: Callable[[str, str, str], Mapping[str, Any] | None]) -> Callable[[Any], LabelSelector | None]:
    """A ``default_selector`` for :class:`PodTopologySpread` from ``lookup(kind, namespace, name)``.

    Like ``helper.DefaultSelector`` for ReplicaSets and StatefulSets: the selector of the pod's
    controller (the sandbox has no Services or ReplicationControllers to add).
    """

    def find(pod: Any) -> LabelSelector | None:
        for ref in (pod.raw.get("metadata") or {}).get("ownerReferences") or []:
            kind = ref.get("kind")
            if kind not in ("ReplicaSet", "StatefulSet"):
                continue
            owner = lookup(kind, pod.namespace, ref.get("name") or "")
            if owner is None:
                continue
            try:
                return selector_from_label_selector((owner.get("spec") or {}).get("selector"))
            except SelectorError:
                return None
        return None

    return find
