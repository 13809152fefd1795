"""Which IPC namespace a pod gets: its own, or its node's when ``hostIPC: true``."""

from __future__ import annotations

from sandbox.clock import Clock
from sandbox.ipc.namespace import IPCNamespace

__all__ = ["IPCRegistry"]


class IPCRegistry:
    """The IPC namespaces of one node: one per pod sandbox, plus the node's own (host) one.

    The kubelet/runtime calls :meth:`for_pod` when it makes a pod sandbox and :meth:`release` when
    it removes it; a ``hostIPC`` pod shares :attr:`host` and releasing it frees nothing.
    """

    def __init__(self, clock: Clock, node_name: str = "") -> None:
        self.clock = clock
        self.node_name = node_name
        self.host = IPCNamespace(clock, name=f"host:{node_name}" if node_name else "host")
        self._pods: dict[str, IPCNamespace] = {}

    def for_pod(self, pod_uid: str, *, host_ipc: bool = False, name: str = "") -> IPCNamespace:
        """The namespace for a pod sandbox (made on first use)."""
        if host_ipc:
            return self.host
        ns = self._pods.get(pod_uid)
        if ns is None:
            ns = self._pods[pod_uid] = IPCNamespace(self.clock, name=name or pod_uid)
        return ns

    def release(self, pod_uid: str) -> None:
        """The pod sandbox is gone: free everything in its namespace (not the host's)."""
        ns = self._pods.pop(pod_uid, None)
        if ns is not None:
            ns.close()

    def pods(self) -> dict[str, IPCNamespace]:
        """Pod uid -> namespace, for the pods that have their own."""
        return dict(self._pods)
