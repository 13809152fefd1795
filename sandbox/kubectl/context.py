"""What one kubectl invocation works with: the cluster's API server and clock, the namespace,
and the output it has written so far."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sandbox.errors import BadRequest

__all__ = ["Context"]


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

    def kubelet_of_pod(self, pod: Any) -> Any:
        """The kubelet running ``pod`` (a model), reached as the API server reaches it."""
        node = pod.spec.nodeName if pod.spec is not None else None
        name, ns = pod.metadata.name, pod.metadata.namespace
        if not node:
            raise BadRequest(f"pod {name} does not have a host assigned")
        if self.kubelet_for is None:
            raise BadRequest(f'Get "https://{node}:10250/containerLogs/{ns}/{name}": dial tcp: connect: no route to host')
        try:
            kubelet = self.kubelet_for(node)
        except Exception:
            kubelet = None
        machine_failed = getattr(kubelet, "failed", False)
        if kubelet is None or machine_failed:
            raise BadRequest(f'Get "https://{node}:10250/containerLogs/{ns}/{name}": dial tcp: connect: no route to host')
        return kubelet
