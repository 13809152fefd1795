"""A metrics-server: the Metrics API (``metrics.k8s.io/v1beta1``) that ``kubectl top`` reads.

Like metrics-server it scrapes every reachable node's kubelet summary API
(:func:`sandbox.kubelet.stats.summary`, through ``kubelet_for(node)``) and serves:

* :meth:`MetricsServer.pod_metrics` / :meth:`MetricsServer.get_pod_metrics` (``PodMetrics``): the
  pods the API server has (namespace, label and field selectors) whose containers run, sorted by
  namespace and name, with each running container's usage;
* :meth:`MetricsServer.node_metrics` / :meth:`MetricsServer.get_node_metrics` (``NodeMetrics``).

A node whose kubelet does not answer has no metrics (``kubectl top node`` prints ``<unknown>``),
and neither do its pods. Differences from a real metrics-server: it scrapes when asked instead of
every 15 s, so a container has metrics at once (a real one after two scrapes, 15 to 30 s after it
starts); CPU is a fixed 1m per running container (see :mod:`sandbox.kubelet.stats`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sandbox.errors import NotFound
from sandbox.kubelet.stats import Summary, summary

__all__ = ["ContainerMetrics", "PodMetrics", "NodeMetrics", "MetricsServer", "GROUP"]

GROUP = "metrics.k8s.io"


@dataclass(frozen=True)
class ContainerMetrics:
    """``ContainerMetrics``: ``usage.cpu`` in millicores, ``usage.memory`` in bytes."""

    name: str
    cpu_millis: int
    memory_bytes: int


@dataclass(frozen=True)
class PodMetrics:
    """``PodMetrics``: a pod and its containers' usage."""

    namespace: str
    name: str
    containers: tuple[ContainerMetrics, ...]

    @property
    def cpu_millis(self) -> int:
        return sum(c.cpu_millis for c in self.containers)

    @property
    def memory_bytes(self) -> int:
        return sum(c.memory_bytes for c in self.containers)


@dataclass(frozen=True)
class NodeMetrics:
    """``NodeMetrics``: a node's usage."""

    name: str
    cpu_millis: int
    memory_bytes: int


class MetricsServer:
    """Serves the Metrics API from the kubelets' summaries. ``api`` is the API server;
    ``kubelet_for(node)`` returns a node's kubelet or raises when the node does not answer."""

    def __init__(self, api: Any, kubelet_for: Callable[[str], Any] | None) -> None:
        self.api = api
        self.kubelet_for = kubelet_for

    def _scrape(self, nodes: list[str]) -> dict[str, Summary]:
        out: dict[str, Summary] = {}
        if self.kubelet_for is None:
            return out
        for node in nodes:
            try:
                kubelet = self.kubelet_for(node)
            except Exception:  # unreachable: no metrics from this node
                continue
            if kubelet is not None:
                out[node] = summary(kubelet)
        return out

    # ----------------------------------------------------------------------------- pods

    def _pods(self, pods: list[Any]) -> list[PodMetrics]:
        nodes = sorted({p.spec.nodeName for p in pods if p.spec is not None and p.spec.nodeName})
        stats = {(ps.namespace, ps.name, ps.uid): ps for s in self._scrape(nodes).values() for ps in s.pods}
        out: list[PodMetrics] = []
        for p in sorted(pods, key=lambda p: (p.metadata.namespace or "", p.metadata.name)):
            ps = stats.get((p.metadata.namespace, p.metadata.name, p.metadata.uid))
            if ps is None or not ps.containers:
                continue
            out.append(PodMetrics(ps.namespace, ps.name, tuple(
                ContainerMetrics(c.name, c.cpu_usage_nano_cores // 1_000_000, c.memory_working_set_bytes)
                for c in ps.containers)))
        return out

    def pod_metrics(self, namespace: str | None, label_selector: str | None = None,
                    field_selector: str | None = None) -> list[PodMetrics]:
        """``list podmetrics`` in ``namespace`` (``None``: all), sorted by namespace and name."""
        pods = list(self.api.list("pods", namespace, label_selector=label_selector or None,
                                  field_selector=field_selector or None))
        return self._pods(pods)

    def get_pod_metrics(self, namespace: str, name: str) -> PodMetrics:
        """``get podmetrics``: NotFound for a missing pod (``pods "x" not found``) or one without
        metrics (``podmetrics.metrics.k8s.io "ns/x" not found``)."""
        pod = self.api.get("pods", name, namespace)
        found = self._pods([pod])
        if not found:
            raise NotFound.for_resource("podmetrics", f"{namespace}/{name}", GROUP)
        return found[0]

    # ---------------------------------------------------------------------------- nodes

    def _nodes(self, names: list[str]) -> list[NodeMetrics]:
        scraped = self._scrape(names)
        return [NodeMetrics(n, s.node.cpu_usage_nano_cores // 1_000_000, s.node.memory_working_set_bytes)
                for n in sorted(scraped) for s in [scraped[n]]]

    def node_metrics(self, label_selector: str | None = None) -> list[NodeMetrics]:
        """``list nodemetrics``: every node whose kubelet answers, sorted by name."""
        nodes = self.api.list("nodes", None, label_selector=label_selector or None)
        return self._nodes([n.metadata.name for n in nodes])

    def get_node_metrics(self, name: str) -> NodeMetrics:
        """``get nodemetrics``: NotFound for a missing node or one whose kubelet does not answer."""
        self.api.get("nodes", name, None)
        found = self._nodes([name])
        if not found:
            raise NotFound.for_resource("nodemetrics", name, GROUP)
        return found[0]
