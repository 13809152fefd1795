"""Where a kubelet's pods come from besides the API server (``pkg/kubelet/config``): static pods.

:class:`StaticPods` ties the pieces together for one node:

* :class:`~sandbox.kubelet.config.file.StaticPodSource` reads ``/etc/kubernetes/manifests`` in
  the node's host filesystem (every 20 s, and at once after :meth:`StaticPods.notify`);
* the kubelet gets the full desired set through ``kubelet.sync_static_pods(pods)`` and runs them;
* :class:`~sandbox.kubelet.config.mirror.MirrorPodManager` keeps a mirror pod in the API server
  for each of them.

Example (what the cluster does for each node)::

    static = StaticPods("node-1", api, clock, host_fs, kubelet=kubelet)
    static.start()
    host_fs.add_file("/etc/kubernetes/manifests/web.yaml", manifest)
    static.notify()            # or wait up to 20 s for the periodic check
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sandbox.kubelet.config.file import (
    CONFIG_HASH_ANNOTATION,
    CONFIG_MIRROR_ANNOTATION,
    CONFIG_SEEN_ANNOTATION,
    CONFIG_SOURCE_ANNOTATION,
    StaticPodSource,
    decode_static_pod,
)
from sandbox.kubelet.config.mirror import (
    MirrorPodAdmission,
    MirrorPodManager,
    install_mirror_pod_admission,
    is_mirror_pod,
    is_static_pod,
)

__all__ = [
    "StaticPods",
    "StaticPodSource",
    "MirrorPodManager",
    "MirrorPodAdmission",
    "install_mirror_pod_admission",
    "decode_static_pod",
    "is_mirror_pod",
    "is_static_pod",
    "CONFIG_HASH_ANNOTATION",
    "CONFIG_MIRROR_ANNOTATION",
    "CONFIG_SEEN_ANNOTATION",
    "CONFIG_SOURCE_ANNOTATION",
]


class StaticPods:
    """One node's static pods: the file source, the kubelet hook and the mirror pods.

    Args:
        node_name: the node.
        api: the API server.
        clock: the cluster's clock.
        fs: the node's host filesystem (holds ``path``).
        kubelet: an object with ``sync_static_pods(pods)`` (the node's Kubelet), or ``None``.
        path: ``staticPodPath``.
        period: ``fileCheckFrequency`` (seconds).
        prevent_api_references: the ``PreventStaticPodAPIReferences`` gate.
        on_update: also called with each new set (after the kubelet and the mirrors).
    """

    def __init__(
        self,
        node_name: str,
        api: Any,
        clock: Any,
        fs: Any,
        kubelet: Any = None,
        *,
        path: str = "/etc/kubernetes/manifests",
        period: float = 20.0,
        prevent_api_references: bool = False,
        on_update: Callable[[list[Any]], Any] | None = None,
    ) -> None:
        self.node_name = node_name
        self.kubelet = kubelet
        self.on_update = on_update
        self.mirrors = MirrorPodManager(node_name, api, clock)
        self.source = StaticPodSource(
            node_name, fs, clock, self._update, path, period, api=api,
            prevent_api_references=prevent_api_references,
        )

    def _update(self, pods: list[Any]) -> None:
        if self.kubelet is not None:
            self.kubelet.sync_static_pods(pods)
        self.mirrors.set_static_pods(pods)
        if self.on_update is not None:
            self.on_update(pods)

    def start(self) -> None:
        """Start the mirror pod manager and the file source (which reads the directory now)."""
        self.mirrors.start()
        self.source.start()

    def stop(self) -> None:
        """Stop both (a failed node): running static pods and mirrors stay as they are."""
        self.source.stop()
        self.mirrors.stop()

    def notify(self) -> None:
        """The manifest directory changed: re-read it at the next clock turn."""
        self.source.notify()

    @property
    def pods(self) -> list[Any]:
        """The static pods as the kubelet has them (Pod models)."""
        return self.source.pods

    @property
    def errors(self) -> dict[str, str]:
        """Why manifests were skipped (by path) and mirror pods refused (by ``name_namespace``)."""
        return {**self.source.errors, **self.mirrors.errors}
