"""``Scheduler``: kube-scheduler with the default profile, as callbacks on the clock.

It watches Nodes, Pods, Namespaces, ReplicaSets and StatefulSets through the API server (its
informer cache), keeps per-node aggregates in a :class:`~sandbox.scheduler.cache.Cache`, and
schedules one pod per clock callback: on success it binds (``pods/binding``: ``spec.nodeName`` and
``PodScheduled=True``) and records ``Scheduled``; on failure it records ``FailedScheduling`` with
the FitError text, sets ``PodScheduled=False``/``Unschedulable`` with the same message, and puts
the pod back in the queue until the cluster changes.

Pods with ``spec.nodeName`` already set, or another ``schedulerName``, are never scheduled here
(they only count on their nodes).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from sandbox.apiserver.server import format_timestamp
from sandbox.errors import Conflict, NotFound, StatusError
from sandbox.scheduler.cache import Cache
from sandbox.scheduler.framework import Event
from sandbox.scheduler.plugins import default_plugins
from sandbox.scheduler.plugins.pod_topology_spread import PodTopologySpread, owner_selector_finder
from sandbox.scheduler.queue import QueuedPodInfo, SchedulingQueue
from sandbox.scheduler.schedule_one import Profile, ScheduleResult, schedule_pod
from sandbox.scheduler.types import PodInfo

__all__ = ["Scheduler", "DEFAULT_SCHEDULER_NAME"]

DEFAULT_SCHEDULER_NAME = "default-scheduler"
_TERMINAL = ("Succeeded", "Failed")


def _raw(ev: Any) -> Mapping[str, Any]:
    """The event's object as stored JSON (read-only: the store never changes a written dict)."""
    raw = getattr(ev, "_raw", None)
    return raw if raw is not None else ev.raw()


def _node_actions(old: Any, new: Any) -> list[str]:
    """``nodeSchedulingPropertiesChange``: what about a node changed that scheduling cares for."""
    out = []
    if old.labels != new.labels:
        out.append("UpdateNodeLabel")
    if old.taints != new.taints or old.unschedulable != new.unschedulable:
        out.append("UpdateNodeTaint")
    if old.allocatable != new.allocatable:
        out.append("UpdateNodeAllocatable")
    return out


class Scheduler:
    """The sandbox's kube-scheduler.

    Args:
        api: the :class:`~sandbox.apiserver.APIServer`.
        clock: the cluster's clock (callbacks only; the scheduler never blocks).
        rng: a seeded ``random.Random`` for ties between equally good nodes.
        name: the ``schedulerName`` this scheduler serves.
        percentage_of_nodes_to_score: ``percentageOfNodesToScore`` (0: adaptive, as the default).
    """

    def __init__(self, api: Any, clock: Any, rng: random.Random | None = None,
                 name: str = DEFAULT_SCHEDULER_NAME, percentage_of_nodes_to_score: int = 0) -> None:
        self.api = api
        self.clock = clock
        self.rng = rng if rng is not None else random.Random(0)
        self.name = name
        self.percentage = percentage_of_nodes_to_score
        self.cache = Cache()
        plugins = default_plugins()
        for p in plugins:
            if isinstance(p, PodTopologySpread):
                p.default_selector = owner_selector_finder(self.cache.owner)
        self.profile = Profile(plugins, name)
        self.queue = SchedulingQueue(clock, plugins, self._kick)
        self._watches: list[Any] = []
        self._pending_run: Any = None
        self._next_start = 0
        self.running = False
        #: Counters: attempts, bound, failed (unschedulable attempts), errors (bind failures).
        self.stats = {"attempts": 0, "bound": 0, "failed": 0, "errors": 0}
        #: The last result per pod key (``namespace/name``), for explanations and tests.
        self.last_results: dict[str, ScheduleResult] = {}

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the informers (watches delivered through the clock)."""
        if self.running:
            return
        self.running = True
        self.queue.closed = False
        w = self.api.watch
        self._watches = [
            w("namespaces", handler=self._on_namespace),
            w("replicasets", handler=self._on_owner),
            w("statefulsets", handler=self._on_owner),
            w("nodes", handler=self._on_node),
            w("pods", handler=self._on_pod),
        ]

    def stop(self) -> None:
        """Stop watching and cancel every timer."""
        self.running = False
        for w in self._watches:
            w.stop()
        self._watches = []
        self.queue.close()
        if self._pending_run is not None:
            self._pending_run.cancel()
            self._pending_run = None

    # -- informers ------------------------------------------------------------------------------

    def _on_namespace(self, ev: Any) -> None:
        raw = _raw(ev)
        name = raw["metadata"]["name"]
        if ev.type == "DELETED":
            self.cache.namespaces.pop(name, None)
        else:
            old = self.cache.namespaces.get(name)
            labels = dict(raw["metadata"].get("labels") or {})
            self.cache.namespaces[name] = labels
            if old is not None and old != labels:
                self.queue.move_all(Event("Namespace", "Update"))

    def _on_owner(self, ev: Any) -> None:
        raw = _raw(ev)
        meta = raw["metadata"]
        key = (raw.get("kind", ""), meta.get("namespace", ""), meta["name"])
        if ev.type == "DELETED":
            self.cache.owners.pop(key, None)
        else:
            self.cache.owners[key] = raw

    def _on_node(self, ev: Any) -> None:
        if not self.running:
            return
        raw = _raw(ev)
        if ev.type == "DELETED":
            self.cache.remove_node(raw["metadata"]["name"])
            self.queue.move_all(Event("Node", "Delete"))
            return
        old, new = self.cache.add_or_update_node(raw)
        if old is None:
            self.queue.move_all(Event("Node", "Add"))
        else:
            for action in _node_actions(old, new):
                self.queue.move_all(Event("Node", action))

    def _on_pod(self, ev: Any) -> None:
        if not self.running:
            return
        raw = _raw(ev)
        p = PodInfo(raw)
        cached = self.cache.pods.get(p.uid)
        if ev.type == "DELETED":
            self.queue.delete(p.uid)
            if cached is not None:
                self.cache.remove_pod(p.uid)
                self.queue.move_all(Event("AssignedPod", "Delete"))
            return
        if p.node_name:
            self.queue.delete(p.uid)
            if p.phase in _TERMINAL:
                if cached is not None:
                    self.cache.remove_pod(p.uid)
                    self.queue.move_all(Event("AssignedPod", "Delete"))
                return
            self.cache.add_pod(p)
            if cached is None:
                self.queue.move_all(Event("AssignedPod", "Add"))
            elif cached.labels != p.labels:
                self.queue.move_all(Event("AssignedPod", "UpdatePodLabel"))
            return
        if p.scheduler_name != self.name:
            return
        if p.terminating:
            self.queue.delete(p.uid)
            return
        q = self.queue.get(p.uid)
        if q is None:
            self.queue.add(p)
            return
        old = q.pod
        changed = old.spec != p.spec or old.labels != p.labels
        self.queue.update(p, spec_changed=changed)

    # -- the scheduling loop ----------------------------------------------------------------------

    def _kick(self) -> None:
        if self._pending_run is None and self.running:
            self._pending_run = self.clock.call_soon(self._run)

    def _run(self) -> None:
        self._pending_run = None
        if not self.running:
            return
        q = self.queue.pop()
        if q is not None:
            self.schedule_one(q)
        if self.queue.active_len():
            self._kick()

    def schedule_one(self, q: QueuedPodInfo) -> ScheduleResult:
        """One scheduling cycle and, on success, the binding."""
        pod = q.pod
        self.stats["attempts"] += 1
        result, self._next_start = schedule_pod(self.profile, self.cache, pod, self.rng, self._next_start,
                                                percentage=self.percentage)
        self.last_results[pod.key] = result
        if result.node is None:
            self._fail(q, result)
            return result
        self._bind(q, result.node)
        return result

    def _bind(self, q: QueuedPodInfo, node: str) -> None:
        pod = q.pod
        assumed = PodInfo({**pod.raw, "spec": {**pod.spec, "nodeName": node}})
        self.cache.add_pod(assumed)  # assume: the next pod already sees this one on its node
        try:
            self.api.bind(pod.name, pod.namespace, node)
        except NotFound:
            self.cache.remove_pod(pod.uid)
            return
        except Conflict:
            self.cache.remove_pod(pod.uid)
            self.stats["errors"] += 1
            return  # already bound elsewhere, or being deleted: the watch tells the rest
        except StatusError:
            self.cache.remove_pod(pod.uid)
            self.stats["errors"] += 1
            self.queue.add_backoff(q)
            return
        self.stats["bound"] += 1
        self.api.record_event(pod.raw, "Normal", "Scheduled",
                              f"Successfully assigned {pod.namespace}/{pod.name} to {node}", self.name)

    def _fail(self, q: QueuedPodInfo, result: ScheduleResult) -> None:
        """``handleSchedulingFailure``: event, PodScheduled=False, back to the queue."""
        pod = q.pod
        self.stats["failed"] += 1
        msg = result.message()
        self.api.record_event(pod.raw, "Warning", "FailedScheduling", msg, self.name)
        self._set_unschedulable_condition(pod, msg)
        self.queue.add_unschedulable(q, result.unschedulable_plugins)

    def _set_unschedulable_condition(self, pod: PodInfo, msg: str) -> None:
        for _ in range(3):
            try:
                d = self.api.get_dict("pods", pod.name, pod.namespace)
            except NotFound:
                return
            if (d.get("spec") or {}).get("nodeName") or (d.get("metadata") or {}).get("uid") != pod.uid:
                return
            status = d.setdefault("status", {})
            conds = status.setdefault("conditions", [])
            cur = next((c for c in conds if c.get("type") == "PodScheduled"), None)
            want = {"type": "PodScheduled", "status": "False", "reason": "Unschedulable", "message": msg}
            if cur is not None and all(cur.get(k) == v for k, v in want.items()):
                return
            now = format_timestamp(self.clock.now())
            if cur is None:
                cur = {}
                conds.append(cur)
            ltt = cur.get("lastTransitionTime") if cur.get("status") == "False" else None
            cur.clear()
            cur.update(want)  # lastProbeTime stays null (absent), as the scheduler leaves it
            cur["lastTransitionTime"] = ltt or now
            try:
                self.api.update(d, subresource="status")
                return
            except Conflict:
                continue
            except StatusError:
                return

    # -- introspection ----------------------------------------------------------------------------

    def pending(self) -> dict[str, str]:
        """Where each pod waiting for this scheduler is: ``{namespace/name: active|backoff|unschedulable|gated}``."""
        out = {}
        for uid in list(self.queue._active_set) + list(self.queue._backoff) + list(self.queue.unschedulable):
            q = self.queue.get(uid)
            if q is not None:
                out[q.pod.key] = self.queue.where(uid) or ""
        return out
