"""TaintToleration (``plugins/tainttoleration``): taints repel pods that do not tolerate them.

``NoSchedule`` and ``NoExecute`` taints filter; ``PreferNoSchedule`` only lowers the score.
"""

from __future__ import annotations

from typing import Any

from sandbox.scheduler.framework import Code, CycleState, Plugin, Status, default_normalize_score
from sandbox.scheduler.plugins.helper import find_untolerated_taint, tolerates_taint

NAME = "TaintToleration"


def untolerated_taint_reason(taint: Any) -> str:
    """``node(s) had untolerated taint {key: value}``, as the filter words it."""
    return f"node(s) had untolerated taint {{{taint.get('key') or ''}: {taint.get('value') or ''}}}"


class TaintToleration(Plugin):
    """Filter on NoSchedule/NoExecute taints; score by the number of untolerated PreferNoSchedule taints."""

    name = NAME
    weight = 3
    events = (("Node", frozenset({"Add", "UpdateNodeTaint"})),
              ("Pod", frozenset({"UpdatePodToleration"})))

    def filter(self, state: CycleState, pod: Any, node: Any) -> Status | None:
        if not node.taints:
            return None
        taint = find_untolerated_taint(node.taints, pod.tolerations, ("NoSchedule", "NoExecute"))
        if taint is None:
            return None
        return Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, untolerated_taint_reason(taint))

    def pre_score(self, state: CycleState, pod: Any, nodes: list[Any], snapshot: Any) -> Status | None:
        state[NAME] = [t for t in pod.tolerations if (t.get("effect") or "") in ("", "PreferNoSchedule")]
        return None

    def score(self, state: CycleState, pod: Any, node: Any) -> int:
        tols = state[NAME]
        n = 0
        for taint in node.taints:
            if taint.get("effect") != "PreferNoSchedule":
                continue
            if not any(tolerates_taint(t, taint) for t in tols):
                n += 1
        return n

    def normalize_score(self, state: CycleState, pod: Any, scores: list[int]) -> None:
        default_normalize_score(scores, reverse=True)
