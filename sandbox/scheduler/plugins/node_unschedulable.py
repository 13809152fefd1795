"""NodeUnschedulable (``plugins/nodeunschedulable``): cordoned nodes take no new pods."""

from __future__ import annotations

from typing import Any

from sandbox.scheduler.framework import Code, CycleState, Plugin, Status
from sandbox.scheduler.plugins.helper import tolerations_tolerate

NAME = "NodeUnschedulable"
#: ``ErrReasonUnschedulable``.
ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable"
_UNSCHEDULABLE_TAINT = {"key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"}


class NodeUnschedulable(Plugin):
    """Rejects a node with ``spec.unschedulable: true`` unless the pod tolerates
    ``node.kubernetes.io/unschedulable:NoSchedule``."""

    name = NAME
    events = (("Node", frozenset({"Add", "UpdateNodeTaint", "UpdateNodeUnschedulable"})),
              ("Pod", frozenset({"UpdatePodToleration"})))

    def filter(self, state: CycleState, pod: Any, node: Any) -> Status | None:
        if not node.unschedulable:
            return None
        if tolerations_tolerate(pod.tolerations, _UNSCHEDULABLE_TAINT):
            return None
        return Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON_UNSCHEDULABLE)
