"""NodePorts (``plugins/nodeports``): two pods cannot take the same host port on one node."""

from __future__ import annotations

from typing import Any

from sandbox.scheduler.framework import SKIP, Code, CycleState, Plugin, PreFilterResult, Status

NAME = "NodePorts"
#: ``ErrReason``.
ERR_REASON = "node(s) didn't have free ports for the requested pod ports"


def port_conflicts(used: dict[tuple[str, int], dict[str, int]], ip: str, proto: str, port: int) -> bool:
    """``HostPortInfo.CheckConflict``: 0.0.0.0 conflicts with every address on the same port."""
    ips = used.get((proto, port))
    if not ips:
        return False
    if ip == "0.0.0.0":
        return True
    return ip in ips or "0.0.0.0" in ips


class NodePorts(Plugin):
    name = NAME
    events = (("AssignedPod", frozenset({"Delete"})), ("Node", frozenset({"Add"})))

    def pre_filter(self, state: CycleState, pod: Any, snapshot: Any) -> tuple[PreFilterResult | None, Status | None]:
        if not pod.host_ports:
            return None, SKIP
        return None, None

    def filter(self, state: CycleState, pod: Any, node: Any) -> Status | None:
        used = node.used_ports
        if not used:
            return None
        for ip, proto, port in pod.host_ports:
            if port_conflicts(used, ip, proto, port):
                return Status(Code.UNSCHEDULABLE, ERR_REASON)
        return None
