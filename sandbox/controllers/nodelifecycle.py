"""The node lifecycle controller (``pkg/controller/nodelifecycle``) and the taint-eviction
controller (``pkg/controller/tainteviction``).

**Node lifecycle.** Every ``nodeMonitorPeriod`` (5 s) it looks at each Node and its Lease in
``kube-node-lease``. A node is heard from when its Lease's ``renewTime`` or its status' heartbeat
changes. After ``nodeMonitorGracePeriod`` (50 s since Kubernetes 1.32; 40 s before) without news
(``nodeStartupGracePeriod``, 60 s, for a node never seen Ready), its ``Ready``,
``MemoryPressure``, ``DiskPressure`` and ``PIDPressure`` conditions become ``Unknown`` with reason
``NodeStatusUnknown`` and message ``Kubelet stopped posting node status.``; the event
``NodeNotReady`` (``Node node-2 status is now: NodeNotReady``) is recorded; the pods on the node
get ``Ready=False`` (``MarkPodsNotReady``, event ``NodeNotReady``: ``Node is not ready``).
Taints follow the conditions: ``node.kubernetes.io/unreachable`` (``Ready=Unknown``) or
``node.kubernetes.io/not-ready`` (``Ready=False``) as ``NoExecute`` and ``NoSchedule``, and the
``NoSchedule`` taints ``memory-pressure``, ``disk-pressure``, ``pid-pressure``,
``network-unavailable`` and ``unschedulable``. A node that is Ready again loses them.

**Taint eviction.** A pod on a node with ``NoExecute`` taints it does not tolerate is deleted at
once; if it tolerates them for ``tolerationSeconds`` (300 s for not-ready/unreachable by the
DefaultTolerationSeconds admission plugin), it is deleted that long after the taint was seen,
unless the taint goes away first. Before the deletion the pod gets the ``DisruptionTarget``
condition (``DeletionByTaintManager``); the event is ``TaintManagerEviction``: ``Marking for
deletion Pod default/web-abcde`` (``Cancelling deletion of Pod ...`` when the taint goes). The
pod is deleted gracefully: on a dead node no kubelet finishes it, so it stays ``Terminating``
until the node comes back or the Node object is deleted (then the pod GC force-deletes it).
"""

from __future__ import annotations

import contextlib
from typing import Any

from sandbox.controllers.base import Controller, InformerFactory, clone, key_of
from sandbox.errors import NotFound, StatusError

__all__ = [
    "NodeLifecycleController",
    "TaintEvictionController",
    "NODE_MONITOR_GRACE_PERIOD",
    "NODE_STARTUP_GRACE_PERIOD",
    "NODE_MONITOR_PERIOD",
    "TAINT_UNREACHABLE",
    "TAINT_NOT_READY",
    "tolerates",
]

NODE_MONITOR_PERIOD = 5.0
NODE_MONITOR_GRACE_PERIOD = 50.0
NODE_STARTUP_GRACE_PERIOD = 60.0
LEASE_NAMESPACE = "kube-node-lease"

TAINT_UNREACHABLE = "node.kubernetes.io/unreachable"
TAINT_NOT_READY = "node.kubernetes.io/not-ready"
CONDITION_TAINTS = {
    ("Ready", "False"): TAINT_NOT_READY,
    ("Ready", "Unknown"): TAINT_UNREACHABLE,
    ("MemoryPressure", "True"): "node.kubernetes.io/memory-pressure",
    ("DiskPressure", "True"): "node.kubernetes.io/disk-pressure",
    ("NetworkUnavailable", "True"): "node.kubernetes.io/network-unavailable",
    ("PIDPressure", "True"): "node.kubernetes.io/pid-pressure",
}
TAINT_UNSCHEDULABLE = "node.kubernetes.io/unschedulable"
NO_SCHEDULE_KEYS = {*CONDITION_TAINTS.values(), TAINT_UNSCHEDULABLE}
WATCHED_CONDITIONS = ("Ready", "MemoryPressure", "DiskPressure", "PIDPressure")


def _cond(node: dict[str, Any], ctype: str) -> dict[str, Any] | None:
    for c in (node.get("status") or {}).get("conditions") or []:
        if c.get("type") == ctype:
            return c
    return None


def tolerates(toleration: dict[str, Any], taint: dict[str, Any]) -> bool:
    """``Toleration.ToleratesTaint``."""
    if toleration.get("effect") and toleration.get("effect") != taint.get("effect"):
        return False
    if toleration.get("key") and toleration.get("key") != taint.get("key"):
        return False
    op = toleration.get("operator") or "Equal"
    if op == "Exists":
        return True
    return (toleration.get("value") or "") == (taint.get("value") or "")


class NodeLifecycleController(Controller):
    """``Controller`` of ``pkg/controller/nodelifecycle``: see the module docstring."""

    name = "node-controller"

    def __init__(self, api: Any, clock: Any, informers: InformerFactory | None = None,
                 node_monitor_grace_period: float = NODE_MONITOR_GRACE_PERIOD,
                 node_startup_grace_period: float = NODE_STARTUP_GRACE_PERIOD,
                 node_monitor_period: float = NODE_MONITOR_PERIOD) -> None:
        self.grace = node_monitor_grace_period
        self.startup_grace = node_startup_grace_period
        self.period = node_monitor_period
        #: node name -> (probe timestamp, last heartbeat seen, last lease renewTime seen)
        self.health: dict[str, tuple[float, Any, Any]] = {}
        self._timer: Any = None
        self._seen_ready: set[str] = set()
        super().__init__(api, clock, informers)

    def setup(self) -> None:
        self.node_informer = self.informers.get("nodes")
        self.lease_informer = self.informers.get("leases")
        self.pod_informer = self.informers.get("pods")
        self.pod_informer.add_index("nodeName", lambda p: [(p.get("spec") or {}).get("nodeName")] if (p.get("spec") or {}).get("nodeName") else [])
        self.node_informer.add_handlers(self.enqueue, lambda o, n: self.enqueue(n), self._node_deleted)

    def _node_deleted(self, node: dict[str, Any]) -> None:
        self.health.pop(node["metadata"]["name"], None)

    def start(self) -> None:
        super().start()
        if self._timer is None:
            self._timer = self.clock.call_later(self.period, self._monitor)

    def stop(self) -> None:
        super().stop()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    # -- monitorNodeHealth ------------------------------------------------------------------------

    def _monitor(self) -> None:
        self._timer = None
        if not self.started:
            return
        for node in self.node_informer.list():
            with contextlib.suppress(StatusError):
                self._check_node(node)
        self._timer = self.clock.call_later(self.period, self._monitor)

    def _heard(self, node: dict[str, Any]) -> float:
        name = node["metadata"]["name"]
        ready = _cond(node, "Ready") or {}
        heartbeat = (ready.get("lastHeartbeatTime"), ready.get("status"))
        lease = self.lease_informer.get(f"{LEASE_NAMESPACE}/{name}")
        renew = ((lease or {}).get("spec") or {}).get("renewTime")
        now = self.now()
        prev = self.health.get(name)
        if prev is None:
            self.health[name] = (now, heartbeat, renew)
            return now
        probe, hb, rn = prev
        if hb != heartbeat or rn != renew:
            probe = now
        self.health[name] = (probe, heartbeat, renew)
        return probe

    def _check_node(self, node: dict[str, Any]) -> None:
        name = node["metadata"]["name"]
        probe = self._heard(node)
        ready = _cond(node, "Ready")
        if ready is not None and ready.get("status") == "True":
            self._seen_ready.add(name)
        grace = self.grace if name in self._seen_ready else self.startup_grace
        if probe + grace < self.now():
            self._mark_unknown(node)

    def _mark_unknown(self, node: dict[str, Any]) -> None:
        now = self.now_str()
        obj = clone(node)
        conds = obj.setdefault("status", {}).setdefault("conditions", [])
        changed = False
        was_ready = (_cond(node, "Ready") or {}).get("status") == "True"
        for ctype in WATCHED_CONDITIONS:
            c = next((x for x in conds if x.get("type") == ctype), None)
            if c is None:
                conds.append({"type": ctype, "status": "Unknown", "reason": "NodeStatusNeverUpdated",
                              "message": "Kubelet never posted node status.",
                              "lastHeartbeatTime": node["metadata"].get("creationTimestamp"), "lastTransitionTime": now})
                changed = True
            elif c.get("status") != "Unknown":
                c.update(status="Unknown", reason="NodeStatusUnknown", message="Kubelet stopped posting node status.",
                         lastTransitionTime=now)
                changed = True
        if not changed:
            return
        obj["metadata"].pop("resourceVersion", None)
        self.api.update(obj, subresource="status")
        if was_ready:
            self.event(node, "Normal", "NodeNotReady", f"Node {node['metadata']['name']} status is now: NodeNotReady")
            self._mark_pods_not_ready(node["metadata"]["name"])

    def _mark_pods_not_ready(self, node_name: str) -> None:
        """``MarkPodsNotReady``: the pods on the node get ``Ready=False``."""
        now = self.now_str()
        for pod in self.pod_informer.by_index("nodeName", node_name):
            obj = clone(pod)
            for c in (obj.get("status") or {}).get("conditions") or []:
                if c.get("type") != "Ready":
                    continue
                if c.get("status") == "False":
                    break
                c["status"] = "False"
                c["lastTransitionTime"] = now
                obj["metadata"].pop("resourceVersion", None)
                try:
                    self.api.update(obj, subresource="status")
                except NotFound:
                    break
                self.event(pod, "Warning", "NodeNotReady", "Node is not ready")
                break

    # -- taints (sync per node) -------------------------------------------------------------------

    def sync(self, key: str) -> None:
        node = self.node_informer.get(key)
        if node is None:
            return
        spec = node.get("spec") or {}
        taints = list(spec.get("taints") or [])
        want_ns: list[str] = []
        for (ctype, status), tkey in CONDITION_TAINTS.items():
            c = _cond(node, ctype)
            if c is not None and c.get("status") == status:
                want_ns.append(tkey)
        if spec.get("unschedulable"):
            want_ns.append(TAINT_UNSCHEDULABLE)
        ready = (_cond(node, "Ready") or {}).get("status")
        want_ne = {"Unknown": TAINT_UNREACHABLE, "False": TAINT_NOT_READY}.get(ready or "")
        now = self.now_str()
        new: list[dict[str, Any]] = []
        for t in taints:
            if t.get("effect") == "NoSchedule" and t.get("key") in NO_SCHEDULE_KEYS and t.get("key") not in want_ns:
                continue
            if t.get("effect") == "NoExecute" and t.get("key") in (TAINT_UNREACHABLE, TAINT_NOT_READY) and t.get("key") != want_ne:
                continue
            new.append(t)
        for k in want_ns:
            if not any(t.get("key") == k and t.get("effect") == "NoSchedule" for t in new):
                new.append({"key": k, "effect": "NoSchedule", "timeAdded": now})
        if want_ne and not any(t.get("key") == want_ne and t.get("effect") == "NoExecute" for t in new):
            new.append({"key": want_ne, "effect": "NoExecute", "timeAdded": now})
        if new == taints:
            return
        self.api.patch("nodes", node["metadata"]["name"], {"spec": {"taints": new or None},
                                                           "metadata": {"uid": node["metadata"]["uid"]}},
                       patch_type="merge", namespace=None)


class TaintEvictionController(Controller):
    """``tainteviction.Controller``: see the module docstring. Queue keys are pod keys."""

    name = "taint-eviction-controller"

    def setup(self) -> None:
        self.node_informer = self.informers.get("nodes")
        self.pod_informer = self.informers.get("pods")
        self.pod_informer.add_index("nodeName", lambda p: [(p.get("spec") or {}).get("nodeName")] if (p.get("spec") or {}).get("nodeName") else [])
        self.node_informer.add_handlers(self._node_changed, lambda o, n: self._node_changed(n), None)
        self.pod_informer.add_handlers(self.enqueue, lambda o, n: self.enqueue(n), self._pod_deleted)
        #: pod key -> (uid, eviction time, timer)
        self.scheduled: dict[str, tuple[str, float, Any]] = {}

    def _node_changed(self, node: dict[str, Any]) -> None:
        for p in self.pod_informer.by_index("nodeName", node["metadata"]["name"]):
            self.enqueue(p)

    def _pod_deleted(self, pod: dict[str, Any]) -> None:
        self._cancel(key_of(pod), quiet=True)

    def _cancel(self, key: str, quiet: bool = False, pod: dict[str, Any] | None = None) -> None:
        s = self.scheduled.pop(key, None)
        if s is None:
            return
        s[2].cancel()
        if not quiet and pod is not None:
            ns, name = pod["metadata"].get("namespace"), pod["metadata"]["name"]
            self.event(pod, "Normal", "TaintManagerEviction", f"Cancelling deletion of Pod {ns}/{name}")

    def sync(self, key: str) -> None:
        pod = self.pod_informer.get(key)
        if pod is None:
            self._cancel(key, quiet=True)
            return
        if pod["metadata"].get("deletionTimestamp"):
            self._cancel(key, quiet=True)
            return
        node_name = (pod.get("spec") or {}).get("nodeName")
        node = self.node_informer.get(node_name) if node_name else None
        taints = [t for t in ((node or {}).get("spec") or {}).get("taints") or [] if t.get("effect") == "NoExecute"]
        if not taints:
            self._cancel(key, pod=pod)
            return
        tols = (pod.get("spec") or {}).get("tolerations") or []
        min_seconds: float | None = None
        for t in taints:
            matching = [x for x in tols if tolerates(x, t) and (x.get("effect") in (None, "", "NoExecute"))]
            if not matching:
                self._evict(pod)
                return
            # the longest toleration for this taint; forever if one has no tolerationSeconds
            secs = [x.get("tolerationSeconds") for x in matching]
            if any(s is None for s in secs):
                continue
            best = max(max(0, int(s)) for s in secs if s is not None)
            min_seconds = best if min_seconds is None else min(min_seconds, best)
        if min_seconds is None:
            self._cancel(key, pod=pod)
            return
        uid = pod["metadata"]["uid"]
        s = self.scheduled.get(key)
        if s is not None and s[0] == uid:
            return
        when = self.now() + min_seconds
        timer = self.clock.call_at(when, self._fire, key, uid)
        self.scheduled[key] = (uid, when, timer)

    def _fire(self, key: str, uid: str) -> None:
        s = self.scheduled.get(key)
        if s is None or s[0] != uid:
            return
        del self.scheduled[key]
        pod = self.pod_informer.get(key)
        if pod is None or pod["metadata"].get("uid") != uid or pod["metadata"].get("deletionTimestamp"):
            return
        self._evict(pod)

    def _evict(self, pod: dict[str, Any]) -> None:
        meta = pod["metadata"]
        ns, name = meta.get("namespace"), meta["name"]
        self.scheduled.pop(key_of(pod), None)
        self.event(pod, "Normal", "TaintManagerEviction", f"Marking for deletion Pod {ns}/{name}")
        obj = clone(pod)
        conds = [c for c in (obj.get("status") or {}).get("conditions") or [] if c.get("type") != "DisruptionTarget"]
        conds.append({"type": "DisruptionTarget", "status": "True", "reason": "DeletionByTaintManager",
                      "message": "Taint manager: deleting due to NoExecute taint", "lastTransitionTime": self.now_str()})
        obj.setdefault("status", {})["conditions"] = conds
        obj["metadata"].pop("resourceVersion", None)
        try:
            self.api.update(obj, subresource="status")
            self.api.delete("pods", name, ns, preconditions={"uid": meta["uid"]})
        except NotFound:
            pass

