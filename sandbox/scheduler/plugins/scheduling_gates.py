"""SchedulingGates (``plugins/schedulinggates``): a pod with gates does not enter the active queue."""

from __future__ import annotations

from typing import Any

from sandbox.scheduler.framework import Code, Plugin, Status

NAME = "SchedulingGates"


class SchedulingGates(Plugin):
    """PreEnqueue: ``waiting for scheduling gates: [a b]`` while ``spec.schedulingGates`` is not empty."""

    name = NAME
    events = (("Pod", frozenset({"UpdatePodSchedulingGatesEliminated"})),)

    def pre_enqueue(self, pod: Any) -> Status | None:
        if not pod.gates:
            return None
        gates = " ".join(g.get("name", "") for g in pod.gates)
        return Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, f"waiting for scheduling gates: [{gates}]", plugin=NAME)
