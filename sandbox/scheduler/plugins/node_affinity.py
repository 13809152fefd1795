"""NodeAffinity (``plugins/nodeaffinity``): ``nodeSelector`` and node affinity.

Required terms (and ``nodeSelector``) filter; preferred terms score by the sum of the weights of
the terms a node matches. ``matchFields`` on ``metadata.name`` with ``In`` narrows the nodes in
PreFilter, as the real plugin does (the other nodes are reported as ``node(s) didn't satisfy
plugin(s) [NodeAffinity]``).
"""

from __future__ import annotations

from typing import Any

from sandbox.scheduler.framework import (
    SKIP,
    Code,
    CycleState,
    Plugin,
    PreFilterResult,
    Status,
    default_normalize_score,
)
from sandbox.scheduler.plugins.helper import (
    node_selector_term_matches,
    pod_matches_node_selector_and_affinity,
)

NAME = "NodeAffinity"
#: ``ErrReasonPod``.
ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector"
#: ``errReasonConflict``.
ERR_REASON_CONFLICT = "pod affinity terms conflict"


class NodeAffinity(Plugin):
    name = NAME
    weight = 2
    events = (("Node", frozenset({"Add", "UpdateNodeLabel"})),)

    def pre_filter(self, state: CycleState, pod: Any, snapshot: Any) -> tuple[PreFilterResult | None, Status | None]:
        req = pod.node_affinity.get("requiredDuringSchedulingIgnoredDuringExecution")
        if not pod.node_selector and req is None:
            return None, SKIP
        if req is None:
            return None, None
        names: set[str] | None = None
        for term in req.get("nodeSelectorTerms") or []:
            term_names: set[str] | None = None
            for r in term.get("matchFields") or []:
                if r.get("key") == "metadata.name" and r.get("operator") == "In":
                    s = set(r.get("values") or [])
                    term_names = s if term_names is None else term_names & s
            if term_names is None:
                return None, None  # a term without a node name: every node may match
            names = term_names if names is None else names | term_names
        if names is not None and not names:
            return None, Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON_CONFLICT)
        if names:
            return PreFilterResult(names), None
        return None, None

    def filter(self, state: CycleState, pod: Any, node: Any) -> Status | None:
        if pod_matches_node_selector_and_affinity(pod, node):
            return None
        return Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON_POD)

    def pre_score(self, state: CycleState, pod: Any, nodes: list[Any], snapshot: Any) -> Status | None:
        prefs = pod.node_affinity.get("preferredDuringSchedulingIgnoredDuringExecution") or []
        if not prefs:
            return SKIP
        state[NAME] = [(p.get("weight") or 0, p.get("preference") or {}) for p in prefs if p.get("weight")]
        return None

    def score(self, state: CycleState, pod: Any, node: Any) -> int:
        total = 0
        for weight, term in state[NAME]:
            if node_selector_term_matches(term, node.labels, node.name):
                total += weight
        return total

    def normalize_score(self, state: CycleState, pod: Any, scores: list[int]) -> None:
        default_normalize_score(scores, reverse=False)
