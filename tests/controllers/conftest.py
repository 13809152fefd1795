"""A small world for controller tests: API server, clock, controller manager, and a fake
scheduler + kubelet that run on the clock.

The fake binds every unbound pod to a schedulable node (round robin, honouring nodeSelector,
``matchFields metadata.name`` node affinity and NoSchedule/NoExecute taints without tolerations),
marks it ``Running`` and ``Ready`` ``start_delay`` seconds later, finishes pods whose annotation
``test.podlab/exit`` is set (``"0"`` -> Succeeded, else Failed) after ``test.podlab/run`` seconds,
removes pods being deleted on live nodes after their grace period, and renews node Leases. A node
can be killed (no lease renewals, no pod updates) and revived.
"""

from __future__ import annotations

import contextlib
import random
from datetime import datetime, timezone
from typing import Any

import pytest

from sandbox.apiserver import APIServer
from sandbox.clock import Clock
from sandbox.controllers import ControllerManager
from sandbox.errors import StatusError

EXIT = "test.podlab/exit"
RUN = "test.podlab/run"
RESTARTS = "test.podlab/restarts-before-exit"


def ts(t: float) -> str:
    return datetime.fromtimestamp(int(t), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def micro(t: float) -> str:
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _tolerates(tols: list[dict[str, Any]], taint: dict[str, Any]) -> bool:
    for t in tols or []:
        if t.get("effect") and t.get("effect") != taint.get("effect"):
            continue
        if t.get("operator") == "Exists":
            if not t.get("key") or t.get("key") == taint.get("key"):
                return True
        elif t.get("key") == taint.get("key") and (t.get("value") or "") == (taint.get("value") or ""):
            return True
    return False


class FakeNodes:
    """The fake scheduler and kubelets (see the module docstring)."""

    def __init__(self, api: APIServer, clock: Clock, start_delay: float = 1.0) -> None:
        self.api = api
        self.clock = clock
        self.start_delay = start_delay
        self.dead: set[str] = set()
        self.rr = 0
        self.pod_timers: dict[str, Any] = {}
        api.watch("pods", handler=self._on_pod)
        self._tick()

    # -- nodes -------------------------------------------------------------------------------------

    def add_node(self, name: str, labels: dict[str, str] | None = None, taints: list[dict[str, Any]] | None = None) -> None:
        now = ts(self.clock.now())
        node: dict[str, Any] = {
            "apiVersion": "v1", "kind": "Node",
            "metadata": {"name": name, "labels": {"kubernetes.io/hostname": name, **(labels or {})}},
            "spec": {},
            "status": {"conditions": [
                {"type": t, "status": "False", "reason": f"KubeletHas{r}", "message": "", "lastHeartbeatTime": now,
                 "lastTransitionTime": now}
                for t, r in (("MemoryPressure", "SufficientMemory"), ("DiskPressure", "NoDiskPressure"),
                             ("PIDPressure", "SufficientPID"))
            ] + [{"type": "Ready", "status": "True", "reason": "KubeletReady", "message": "kubelet is posting ready status",
                  "lastHeartbeatTime": now, "lastTransitionTime": now}]},
        }
        if taints:
            node["spec"]["taints"] = taints
        self.api.create(node)
        self._renew(name)

    def _renew(self, name: str) -> None:
        lease = {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                 "metadata": {"name": name, "namespace": "kube-node-lease"},
                 "spec": {"holderIdentity": name, "leaseDurationSeconds": 40, "renewTime": micro(self.clock.now())}}
        try:
            cur = self.api.get("leases", name, "kube-node-lease").to_dict()
            cur["spec"]["renewTime"] = lease["spec"]["renewTime"]
            self.api.update(cur)
        except StatusError:
            self.api.create(lease)

    def _tick(self) -> None:
        for n in self.api.list("nodes"):
            name = n.metadata.name
            if name not in self.dead:
                self._renew(name)
        self.clock.call_later(10, self._tick)

    def kill(self, name: str) -> None:
        """The node stops: no lease renewals, its pods are never updated again."""
        self.dead.add(name)

    def revive(self, name: str) -> None:
        """The node comes back: renews its lease, posts Ready, removes its terminating pods."""
        self.dead.discard(name)
        node = self.api.get("nodes", name, None).to_dict()
        now = ts(self.clock.now())
        for c in node["status"]["conditions"]:
            c["lastHeartbeatTime"] = now
            if c["type"] == "Ready":
                c.update(status="True", reason="KubeletReady", message="kubelet is posting ready status",
                         lastTransitionTime=now)
            else:
                c.update(status="False", lastTransitionTime=now)
        self.api.update(node, subresource="status")
        self._renew(name)
        for p in self.api.list("pods", field_selector=f"spec.nodeName={name}"):
            d = p.to_dict()
            if d["metadata"].get("deletionTimestamp"):
                self._finish_delete(d["metadata"]["namespace"], d["metadata"]["name"])

    # -- pods --------------------------------------------------------------------------------------

    def _schedulable(self, pod: dict[str, Any]) -> list[str]:
        spec = pod.get("spec") or {}
        out = []
        for n in self.api.list("nodes"):
            d = n.to_dict()
            name = d["metadata"]["name"]
            labels = d["metadata"].get("labels") or {}
            if d["spec"].get("unschedulable"):
                continue
            if any(t.get("effect") in ("NoSchedule", "NoExecute") and not _tolerates(spec.get("tolerations"), t)
                   for t in d["spec"].get("taints") or []):
                continue
            if any(labels.get(k) != v for k, v in (spec.get("nodeSelector") or {}).items()):
                continue
            terms = (((spec.get("affinity") or {}).get("nodeAffinity") or {})
                     .get("requiredDuringSchedulingIgnoredDuringExecution") or {}).get("nodeSelectorTerms")
            if terms:
                ok = False
                for term in terms:
                    good = True
                    for f in term.get("matchFields") or []:
                        if f["key"] == "metadata.name" and f["operator"] == "In" and name not in f["values"]:
                            good = False
                    for e in term.get("matchExpressions") or []:
                        if e["operator"] == "In" and labels.get(e["key"]) not in e["values"]:
                            good = False
                    ok = ok or good
                if not ok:
                    continue
            out.append(name)
        return out

    def _on_pod(self, ev: Any) -> None:
        if ev.type == "DELETED":
            return
        pod = ev.raw()
        meta, spec = pod["metadata"], pod.get("spec") or {}
        ns, name = meta["namespace"], meta["name"]
        node = spec.get("nodeName")
        if meta.get("deletionTimestamp"):
            if node and node not in self.dead:
                grace = meta.get("deletionGracePeriodSeconds") or 0
                self.clock.call_later(min(grace, 1), self._finish_delete, ns, name)
            return
        if not node:
            nodes = self._schedulable(pod)
            if nodes:
                target = nodes[self.rr % len(nodes)]
                self.rr += 1
                self.clock.call_soon(self._bind, ns, name, target)
            return
        status = pod.get("status") or {}
        if node in self.dead:
            return
        if status.get("phase") == "Pending" and not status.get("startTime") and meta["uid"] not in self.pod_timers:
            self.pod_timers[meta["uid"]] = True
            self.clock.call_later(self.start_delay, self._start, ns, name, meta["uid"])

    def _bind(self, ns: str, name: str, node: str) -> None:
        with contextlib.suppress(StatusError):
            self.api.bind(name, ns, node)

    def _get(self, ns: str, name: str, uid: str) -> dict[str, Any] | None:
        try:
            d = self.api.get("pods", name, ns).to_dict()
        except StatusError:
            return None
        if d["metadata"]["uid"] != uid or d["metadata"].get("deletionTimestamp"):
            return None
        if d["spec"].get("nodeName") in self.dead:
            return None
        return d

    def _start(self, ns: str, name: str, uid: str) -> None:
        d = self._get(ns, name, uid)
        if d is None:
            return
        now = ts(self.clock.now())
        st = d["status"]
        st["phase"] = "Running"
        st["startTime"] = now
        conds = [c for c in st.get("conditions") or [] if c["type"] == "PodScheduled"]
        for t in ("Initialized", "Ready", "ContainersReady"):
            conds.append({"type": t, "status": "True", "lastTransitionTime": now})
        st["conditions"] = conds
        st["containerStatuses"] = [{"name": c["name"], "image": c["image"], "imageID": "", "ready": True,
                                    "restartCount": 0, "started": True, "state": {"running": {"startedAt": now}}}
                                   for c in d["spec"]["containers"]]
        self.api.update(d, subresource="status")
        ann = d["metadata"].get("annotations") or {}
        if EXIT in ann:
            self.clock.call_later(float(ann.get(RUN, "1")), self._exit, ns, name, uid, int(ann[EXIT]))

    def _exit(self, ns: str, name: str, uid: str, code: int) -> None:
        d = self._get(ns, name, uid)
        if d is None:
            return
        ann = d["metadata"].get("annotations") or {}
        now = ts(self.clock.now())
        cs = d["status"]["containerStatuses"][0]
        if code != 0 and d["spec"].get("restartPolicy") == "OnFailure":
            # restart in place: the kubelet's backoff is 10 s, then 20 s, ...
            restarts = cs["restartCount"] + 1
            cs["restartCount"] = restarts
            cs["lastState"] = {"terminated": {"exitCode": code, "reason": "Error", "startedAt": now, "finishedAt": now}}
            self.api.update(d, subresource="status")
            self.clock.call_later(10 * 2 ** (restarts - 1) + float(ann.get(RUN, "1")), self._exit, ns, name, uid, code)
            return
        st = d["status"]
        st["phase"] = "Succeeded" if code == 0 else "Failed"
        for c in st["conditions"]:
            if c["type"] in ("Ready", "ContainersReady"):
                c.update(status="False", reason="PodCompleted", lastTransitionTime=now)
        for c in st["containerStatuses"]:
            c.update(ready=False, started=False,
                     state={"terminated": {"exitCode": code, "reason": "Completed" if code == 0 else "Error",
                                           "startedAt": now, "finishedAt": now}})
        self.api.update(d, subresource="status")

    def _finish_delete(self, ns: str, name: str) -> None:
        with contextlib.suppress(StatusError):
            self.api.delete("pods", name, ns, grace_period_seconds=0)

    def set_ready(self, ns: str, name: str, ready: bool) -> None:
        d = self.api.get("pods", name, ns).to_dict()
        now = ts(self.clock.now())
        for c in d["status"]["conditions"]:
            if c["type"] in ("Ready", "ContainersReady"):
                c.update(status="True" if ready else "False", lastTransitionTime=now)
        self.api.update(d, subresource="status")


class World:
    """API server + clock + controller manager + fake nodes."""

    def __init__(self, nodes: int = 3, seed: int = 0, start_delay: float = 1.0,
                 controllers: Any = None, **options: Any) -> None:
        self.clock = Clock()
        self.api = APIServer(self.clock, random.Random(seed))
        self.nodes = FakeNodes(self.api, self.clock, start_delay)
        for i in range(1, nodes + 1):
            self.nodes.add_node(f"node-{i}")
        self.manager = ControllerManager(self.api, self.clock, random.Random(seed), controllers=controllers,
                                         options=options or None)
        self.manager.start()

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)

    def run_until(self, predicate: Any, timeout: float = 600) -> bool:
        return self.clock.run_until(predicate, timeout)

    def pods(self, selector: str | None = None, namespace: str = "default") -> list[dict[str, Any]]:
        return [p.to_dict() for p in self.api.list("pods", namespace, label_selector=selector)]

    def get(self, kind: str, name: str, namespace: str | None = "default") -> dict[str, Any]:
        return self.api.get(kind, name, namespace).to_dict()

    def events(self, reason: str | None = None, kind: str | None = None, name: str | None = None) -> list[Any]:
        evs = [e for e in self.api.list("events", None)
               if (reason is None or e.reason == reason)
               and (kind is None or e.involvedObject.kind == kind)
               and (name is None or e.involvedObject.name == name)]
        return sorted(evs, key=lambda e: int(e.metadata.resourceVersion))

    def messages(self, reason: str | None = None, kind: str | None = None, name: str | None = None) -> list[str]:
        return [e.message for e in self.events(reason, kind, name)]

    def close(self) -> None:
        assert self.manager.errors() == []
        self.manager.stop()
        self.clock.close()


@pytest.fixture
def world() -> Any:
    w = World()
    yield w
    w.close()


@pytest.fixture
def make_world() -> Any:
    made: list[World] = []

    def make(**kw: Any) -> World:
        w = World(**kw)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()
