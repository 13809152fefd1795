"""What one kubectl invocation works with: the cluster's API server and clock, the namespace,
and the output it has written so far."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sandbox.errors import BadRequest
from sandbox.kubectl.errors import KubectlError

__all__ = ["Context", "NodeUnreachable", "kubelet_lookup"]


@dataclass
class Context:
    """The cluster parts a command may use, and its stdout/stderr buffers."""

    api: Any
    clock: Any
    kubelet_for: Callable[[str], Any] | None = None
    namespace: str = "default"
    namespace_given: bool = False
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)
    exit_code: int = 0

    def now(self) -> float:
        """The cluster's current time (Unix seconds)."""
        return float(self.clock.now())

    def print(self, text: str = "", end: str = "\n") -> None:
        """Write to stdout."""
        self.out.append(text + end)

    def eprint(self, text: str = "", end: str = "\n") -> None:
        """Write to stderr."""
        self.err.append(text + end)

    def kubelet_of_pod(self, pod: Any, action: str = "logs", container: str = "") -> Any:
        """The kubelet running ``pod`` (a model), reached as the API server reaches it.

        A pod on no node, or on a node that is down, fails with the API server's words.
        """
        node = pod.spec.nodeName if pod.spec is not None else None
        name, ns = pod.metadata.name, pod.metadata.namespace
        if not node:
            raise BadRequest(f"pod {name} does not have a host assigned")
        kubelet = None
        if self.kubelet_for is not None:
            try:
                kubelet = self.kubelet_for(node)
            except NodeUnreachable:
                kubelet = None
            except Exception:
                kubelet = None
        if kubelet is None:
            ip = self._node_ip(node)
            if action == "exec":
                raise KubectlError(
                    f'error: Internal error occurred: error sending request: Post "https://{ip}:10250/exec/{ns}/{name}/'
                    f'{container}": dial tcp {ip}:10250: connect: no route to host')
            raise KubectlError(f'Error from server: Get "https://{ip}:10250/containerLogs/{ns}/{name}/{container}": '
                               f"dial tcp {ip}:10250: connect: no route to host")
        return kubelet

    def _node_ip(self, node: str) -> str:
        try:
            obj = self.api.get_dict("nodes", node, None)
        except Exception:
            return node
        for a in (obj.get("status") or {}).get("addresses") or []:
            if a.get("type") == "InternalIP":
                return a.get("address", node)
        return node


class NodeUnreachable(Exception):
    """The node's kubelet does not answer (the machine is down)."""


def kubelet_lookup(cluster: Any) -> Callable[[str], Any] | None:
    """``cluster.kubelet_for``, raising :class:`NodeUnreachable` for a node whose machine has failed."""
    base = getattr(cluster, "kubelet_for", None)
    if base is None:
        return None
    node = getattr(cluster, "node", None)

    def lookup(name: str) -> Any:
        if callable(node):
            try:
                machine = node(name)
            except Exception:
                machine = None
            if getattr(machine, "failed", False):
                raise NodeUnreachable(name)
        return base(name)

    return lookup
