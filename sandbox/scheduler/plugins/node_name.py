"""NodeName (``plugins/nodename``): a pod naming a node fits only there."""

from __future__ import annotations

from typing import Any

from sandbox.scheduler.framework import Code, CycleState, Plugin, Status

NAME = "NodeName"
#: ``ErrReason``.
ERR_REASON = "node(s) didn't match the requested node name"


class NodeName(Plugin):
    """Rejects every node but ``spec.nodeName`` (when set)."""

    name = NAME
    events = (("Node", frozenset({"Add"})),)

    def filter(self, state: CycleState, pod: Any, node: Any) -> Status | None:
        if not pod.node_name or pod.node_name == node.name:
            return None
        return Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, ERR_REASON)
