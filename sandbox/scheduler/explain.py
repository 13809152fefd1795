""""Why is this Pod Pending?": the scheduler's own filters, node by node, for a learner.

:func:`why_pending` reads the cluster through the API server (a fresh snapshot, as ``kubectl``
would see it), runs the default profile's filters on every node and says which filter rejected
each node and why, then gives the ``FailedScheduling`` message Kubernetes would print.
"""

from __future__ import annotations

from typing import Any

from sandbox.scheduler.cache import Cache
from sandbox.scheduler.framework import Code
from sandbox.scheduler.plugins import default_plugins
from sandbox.scheduler.plugins.pod_topology_spread import PodTopologySpread, owner_selector_finder
from sandbox.scheduler.schedule_one import Profile, schedule_pod
from sandbox.scheduler.types import PodInfo

__all__ = ["why_pending", "snapshot_from_api"]

_HINTS = {
    "NodeUnschedulable": "the node is cordoned (kubectl uncordon NODE)",
    "TaintToleration": "add a matching toleration, or remove the taint",
    "NodeAffinity": "check spec.nodeSelector / spec.affinity.nodeAffinity against the node's labels",
    "NodePorts": "another pod on the node already uses this hostPort",
    "NodeResourcesFit": "the requests do not fit in what the node has left (kubectl describe node NODE)",
    "PodTopologySpread": "placing it here would break a topologySpreadConstraint",
    "InterPodAffinity": "a pod (anti-)affinity rule forbids this node",
    "NodeName": "spec.nodeName names another node",
}


def snapshot_from_api(api: Any) -> Cache:
    """A scheduler cache filled from the API server's current state."""
    cache = Cache()
    for ns in api.list("namespaces"):
        cache.namespaces[ns.metadata.name] = dict(ns.metadata.labels or {})
    for kind in ("replicasets", "statefulsets"):
        for o in api.list(kind):
            d = o.to_dict()
            cache.owners[(d.get("kind", ""), o.metadata.namespace, o.metadata.name)] = d
    for n in api.list("nodes"):
        cache.add_or_update_node(n.to_dict())
    for p in api.list("pods"):
        d = p.to_dict()
        info = PodInfo(d)
        if info.node_name and info.phase not in ("Succeeded", "Failed"):
            cache.add_pod(info)
    return cache


def why_pending(api: Any, pod: Any, namespace: str | None = None) -> str:
    """Explain why ``pod`` (a Pod model, a dict, or a name) is not running on a node yet.

    Returns several lines: a verdict, one line per node (``node-2: node(s) had untolerated taint
    {gpu: true} [TaintToleration]``) and the FitError summary Kubernetes puts in the
    ``FailedScheduling`` event.
    """
    if isinstance(pod, str):
        pod = api.get("pods", pod, namespace or "default")
    d = pod if isinstance(pod, dict) else pod.to_dict()
    p = PodInfo(d)
    head = f"Pod {p.key}"
    if p.node_name:
        return f"{head} is not waiting for the scheduler: it is assigned to node {p.node_name}."
    if p.scheduler_name != "default-scheduler":
        return (f"{head} asks for schedulerName {p.scheduler_name!r}; the default scheduler leaves it alone "
                f"and no such scheduler runs here, so it stays Pending.")
    if p.terminating:
        return f"{head} is being deleted; the scheduler does not place it."
    if p.gates:
        gates = ", ".join(g.get("name", "") for g in p.gates)
        return (f"{head} is held by scheduling gates ({gates}): Scheduling is blocked due to non-empty "
                f"scheduling gates. Remove them from spec.schedulingGates and it will be scheduled.")
    cache = snapshot_from_api(api)
    plugins = default_plugins()
    for pl in plugins:
        if isinstance(pl, PodTopologySpread):
            pl.default_selector = owner_selector_finder(cache.owner)
    result, _ = schedule_pod(Profile(plugins), cache, p, find_all=True)
    if result.fit_error is None and result.error:
        return f"{head} cannot be scheduled: {result.error}."
    lines = []
    if result.fit_error is None:
        lines.append(f"{head} fits on {result.feasible_nodes} of {len(cache.node_list)} node(s); "
                     f"the scheduler will (or did just) bind it.")
        for node in cache.node_list:
            if node.name in (result.scores or {}):
                lines.append(f"  {node.name}: fits (score {result.scores[node.name]})")
        return "\n".join(lines)
    fe = result.fit_error
    lines.append(f"{head} is Pending: none of the {len(cache.node_list)} node(s) can take it.")
    for node in cache.node_list:
        st = fe.status_of(node.name)
        if st is None:
            lines.append(f"  {node.name}: fits")
            continue
        why = ", ".join(st.reasons)
        plugin = st.plugin or "PreFilter"
        extra = "" if st.code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE else " (would fit if other pods left)"
        hint = _HINTS.get(st.plugin, "")
        lines.append(f"  {node.name}: {why} [{plugin}]{extra}" + (f": {hint}" if hint else ""))
    lines.append(f"Scheduler's message: {fe.error()}")
    return "\n".join(lines)
