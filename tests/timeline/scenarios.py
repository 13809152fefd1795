"""Pod histories written through the API server at chosen virtual times, as a kubelet would.

Each scenario creates pods, then schedules status writes (``api.update(pod, subresource="status")``)
and Events (``api.record_event``) with ``clock.call_later``; the test drives the clock.
"""

from __future__ import annotations

import functools
import random
from typing import Any

from sandbox.apiserver import APIServer
from sandbox.clock import EPOCH, Clock
from sandbox.timeline import TimelineRecorder

NODE = "node-1"


def cs(name: str, state: str, reason: str | None = None, *, exit_code: int | None = None,
       ready: bool = False, started: bool | None = None, restarts: int = 0, message: str | None = None,
       image: str = "busybox:1.36") -> dict[str, Any]:
    """A container status as the kubelet writes it."""
    detail: dict[str, Any] = {}
    if reason:
        detail["reason"] = reason
    if message:
        detail["message"] = message
    if state == "running":
        detail["startedAt"] = "2025-01-01T00:00:00Z"
    if state == "terminated":
        detail["exitCode"] = exit_code if exit_code is not None else 0
        detail["startedAt"] = "2025-01-01T00:00:00Z"
        detail["finishedAt"] = "2025-01-01T00:00:00Z"
    d: dict[str, Any] = {"name": name, "image": image, "imageID": "", "ready": ready,
                         "restartCount": restarts, "state": {state: detail}}
    if started is not None:
        d["started"] = started
    return d


def cond(type_: str, status: str, reason: str | None = None, message: str | None = None) -> dict[str, Any]:
    c: dict[str, Any] = {"type": type_, "status": status, "lastTransitionTime": "2025-01-01T00:00:00Z"}
    if reason:
        c["reason"] = reason
    if message:
        c["message"] = message
    return c


def conditions(*, ready_to_start: bool = True, initialized: bool = True, containers_ready: bool = False,
               reason: str = "ContainersNotReady", unready: str = "[app]") -> list[dict[str, Any]]:
    """The five kubelet conditions (PodScheduled last, as kubectl lists them)."""
    msg = f"containers with unready status: {unready}"
    cr = cond("ContainersReady", "True") if containers_ready else cond("ContainersReady", "False", reason, msg)
    rd = cond("Ready", "True") if containers_ready else cond("Ready", "False", reason, msg)
    init = (cond("Initialized", "True") if initialized else
            cond("Initialized", "False", "ContainersNotInitialized", "containers with incomplete status: [setup]"))
    return [cond("PodReadyToStartContainers", "True" if ready_to_start else "False"), init, rd, cr,
            cond("PodScheduled", "True")]


class World:
    """A clock, an API server and a recorder started with them."""

    def __init__(self, seed: int = 0) -> None:
        self.clock = Clock()
        self.api = APIServer(self.clock, random.Random(seed))
        self.recorder = TimelineRecorder(self.api, self.clock)

    def close(self) -> None:
        self.clock.close()

    def at(self, t: float, fn: Any, *args: Any, **kwargs: Any) -> None:
        """Run ``fn(*args, **kwargs)`` at virtual time ``t`` (seconds since the world started)."""
        self.clock.call_at(EPOCH + t, functools.partial(fn, *args, **kwargs))

    def status(self, name: str, phase: str, conds: list[dict[str, Any]], *, init: list[dict[str, Any]] | None = None,
               main: list[dict[str, Any]] | None = None, ephemeral: list[dict[str, Any]] | None = None,
               reason: str | None = None, namespace: str = "default") -> None:
        pod = self.api.get_dict("pods", name, namespace)
        st: dict[str, Any] = {"phase": phase, "conditions": conds, "hostIP": "10.0.0.2", "podIP": "10.244.1.5",
                              "startTime": "2025-01-01T00:00:01Z", "qosClass": "BestEffort"}
        if init is not None:
            st["initContainerStatuses"] = init
        if main is not None:
            st["containerStatuses"] = main
        if ephemeral is not None:
            st["ephemeralContainerStatuses"] = ephemeral
        if reason:
            st["reason"] = reason
        pod["status"] = st
        self.api.update(pod, subresource="status")

    def event(self, name: str, type_: str, reason: str, message: str, container: str | None = None,
              kind: str = "containers", component: str = "kubelet", namespace: str = "default") -> None:
        pod = self.api.get("pods", name, namespace)
        fp = f"spec.{kind}{{{container}}}" if container else None
        self.api.record_event(pod, type_, reason, message, component, NODE if component == "kubelet" else None,
                              field_path=fp)


WEB = {
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {"name": "web"},
    "spec": {
        "initContainers": [
            {"name": "setup", "image": "busybox:1.36"},
            {"name": "log-shipper", "image": "busybox:1.36", "restartPolicy": "Always"},
        ],
        "containers": [{"name": "app", "image": "busybox:1.36",
                        "readinessProbe": {"exec": {"command": ["cat", "/tmp/ready"]}}}],
    },
}


def crashloop(w: World) -> None:
    """``web``: init ``setup`` completes, sidecar ``log-shipper`` runs, ``app`` crashes three times
    (CrashLoopBackOff between restarts), then becomes ready, flaps unready at 70s and is ready
    again at 80s. Ends (for the tests) at 100s."""
    w.api.create(WEB)
    uid = w.api.get("pods", "web").metadata.uid
    pod_msg = f"web_default({uid})"

    def sched() -> None:
        w.api.bind("web", "default", NODE)
        w.event("web", "Normal", "Scheduled", f"Successfully assigned default/web to {NODE}",
                component="default-scheduler")

    def initial() -> None:
        w.status("web", "Pending", conditions(ready_to_start=False, initialized=False),
                 init=[cs("setup", "waiting", "PodInitializing"), cs("log-shipper", "waiting", "PodInitializing", started=False)],
                 main=[cs("app", "waiting", "PodInitializing", started=False)])

    def setup_runs() -> None:
        w.status("web", "Pending", conditions(initialized=False),
                 init=[cs("setup", "running", started=False), cs("log-shipper", "waiting", "PodInitializing", started=False)],
                 main=[cs("app", "waiting", "PodInitializing", started=False)])
        w.event("web", "Normal", "Started", "Started container setup", "setup", "initContainers")

    def setup_done() -> None:
        w.status("web", "Pending", conditions(initialized=False),
                 init=[cs("setup", "terminated", "Completed", exit_code=0, ready=True, started=False),
                       cs("log-shipper", "running", ready=True, started=True)],
                 main=[cs("app", "waiting", "PodInitializing", started=False)])
        w.event("web", "Normal", "Started", "Started container log-shipper", "log-shipper", "initContainers")

    done = cs("setup", "terminated", "Completed", exit_code=0, ready=True, started=False)
    shipper = cs("log-shipper", "running", ready=True, started=True)

    def app(state: str, reason: str | None = None, *, restarts: int, ready: bool = False, code: int | None = None,
            message: str | None = None, containers_ready: bool = False) -> None:
        w.status("web", "Running", conditions(containers_ready=containers_ready),
                 init=[done, shipper],
                 main=[cs("app", state, reason, exit_code=code, ready=ready, started=state == "running",
                          restarts=restarts, message=message)])

    backoff = f"Back-off restarting failed container app in pod {pod_msg}"
    w.at(1, sched)
    w.at(2, initial)
    w.at(3, setup_runs)
    w.at(8, setup_done)
    w.at(9, app, "running", restarts=0)
    w.at(9, w.event, "web", "Normal", "Started", "Started container app", "app")
    w.at(15, app, "terminated", "Error", restarts=0, code=1)
    w.at(16, app, "running", restarts=1)
    w.at(20, app, "terminated", "Error", restarts=1, code=1)
    w.at(20, app, "waiting", "CrashLoopBackOff", restarts=1, message=f"back-off 10s restarting failed container=app pod={pod_msg}")
    w.at(20, w.event, "web", "Warning", "BackOff", backoff, "app")
    w.at(30, app, "running", restarts=2)
    w.at(35, app, "terminated", "Error", restarts=2, code=1)
    w.at(35, app, "waiting", "CrashLoopBackOff", restarts=2, message=f"back-off 20s restarting failed container=app pod={pod_msg}")
    w.at(35, w.event, "web", "Warning", "BackOff", backoff, "app")
    w.at(55, app, "running", restarts=3)
    w.at(60, app, "running", restarts=3, ready=True, containers_ready=True)
    w.at(70, app, "running", restarts=3, ready=False)
    w.at(70, w.event, "web", "Warning", "Unhealthy", "Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory", "app")
    w.at(80, app, "running", restarts=3, ready=True, containers_ready=True)


JOB = {
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {"name": "once"},
    "spec": {"restartPolicy": "Never", "containers": [{"name": "task", "image": "busybox:1.36"}]},
}


def completes(w: World) -> None:
    """``once``: runs 10s, exits 0, is Succeeded at 12s, deleted at 20s (a terminal pod goes at once)."""
    w.api.create(JOB)
    w.at(1, w.api.bind, "once", "default", NODE)
    w.at(2, lambda: w.status("once", "Pending", conditions(unready="[task]"),
                             main=[cs("task", "waiting", "ContainerCreating", started=False)]))
    w.at(2.5, lambda: w.status("once", "Running", conditions(containers_ready=True),
                               main=[cs("task", "running", ready=True, started=True)]))
    w.at(12, lambda: w.status("once", "Succeeded",
                              conditions(reason="PodCompleted", ready_to_start=False, unready="[task]"),
                              main=[cs("task", "terminated", "Completed", exit_code=0, started=False)]))
    w.at(20, w.api.delete, "pods", "once", "default")
