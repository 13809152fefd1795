"""The READY, STATUS and RESTARTS columns of ``kubectl get pods``, table-driven over pod states
(the cases of ``printPod`` in pkg/printers/internalversion/printers.go)."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.kubectl.status import pod_columns

NOW = 1735689600.0 + 3600  # 2025-01-01T01:00:00Z
T0 = "2025-01-01T00:00:00Z"


def running(name: str = "app", ready: bool = True, restarts: int = 0, last: dict[str, Any] | None = None) -> dict[str, Any]:
    cs = {"name": name, "ready": ready, "restartCount": restarts, "state": {"running": {"startedAt": T0}}}
    if last:
        cs["lastState"] = {"terminated": last}
    return cs


def waiting(name: str, reason: str, restarts: int = 0, last: dict[str, Any] | None = None) -> dict[str, Any]:
    cs = {"name": name, "ready": False, "restartCount": restarts, "state": {"waiting": {"reason": reason}}}
    if last:
        cs["lastState"] = {"terminated": last}
    return cs


def terminated(name: str, code: int, reason: str = "", signal: int = 0) -> dict[str, Any]:
    t: dict[str, Any] = {"exitCode": code, "startedAt": T0, "finishedAt": T0}
    if reason:
        t["reason"] = reason
    if signal:
        t["signal"] = signal
    return {"name": name, "ready": False, "restartCount": 0, "state": {"terminated": t}}


def pod(containers: list[str], statuses: list[dict[str, Any]] | None = None, *, phase: str = "Running",
        init: list[dict[str, Any]] | None = None, init_statuses: list[dict[str, Any]] | None = None,
        conditions: list[dict[str, Any]] | None = None, reason: str = "", deleted: bool = False) -> dict[str, Any]:
    p: dict[str, Any] = {
        "metadata": {"name": "p", "creationTimestamp": T0},
        "spec": {"containers": [{"name": n, "image": "x"} for n in containers]},
        "status": {"phase": phase},
    }
    if init:
        p["spec"]["initContainers"] = init
    if statuses is not None:
        p["status"]["containerStatuses"] = statuses
    if init_statuses is not None:
        p["status"]["initContainerStatuses"] = init_statuses
    if conditions:
        p["status"]["conditions"] = conditions
    if reason:
        p["status"]["reason"] = reason
    if deleted:
        p["metadata"]["deletionTimestamp"] = "2025-01-01T00:59:00Z"
    return p


INIT2 = [{"name": "i1", "image": "x"}, {"name": "i2", "image": "x"}]
SIDECAR = [{"name": "log", "image": "x", "restartPolicy": "Always"}]
READY = [{"type": "Ready", "status": "True"}]
INITIALIZED = [{"type": "Initialized", "status": "True"}]
FINISHED_42S_AGO = {"exitCode": 1, "reason": "Error", "startedAt": T0, "finishedAt": "2025-01-01T00:59:18Z"}

CASES = [
    # (id, pod, ready, status, restarts)
    ("pending-no-status", pod(["app"], phase="Pending"), "0/1", "Pending", "0"),
    ("container-creating", pod(["app"], [waiting("app", "ContainerCreating")], phase="Pending"),
     "0/1", "ContainerCreating", "0"),
    ("running-ready", pod(["app"], [running()], conditions=READY), "1/1", "Running", "0"),
    ("running-not-ready", pod(["app"], [running(ready=False)]), "0/1", "Running", "0"),
    ("two-containers-one-ready", pod(["a", "b"], [running("a"), running("b", ready=False)]), "1/2", "Running", "0"),
    ("crashloop-with-recent-restart",
     pod(["app"], [waiting("app", "CrashLoopBackOff", restarts=3, last=FINISHED_42S_AGO)]),
     "0/1", "CrashLoopBackOff", "3 (42s ago)"),
    ("err-image-pull", pod(["app"], [waiting("app", "ErrImagePull")], phase="Pending"), "0/1", "ErrImagePull", "0"),
    ("image-pull-backoff", pod(["app"], [waiting("app", "ImagePullBackOff")], phase="Pending"),
     "0/1", "ImagePullBackOff", "0"),
    ("create-config-error", pod(["app"], [waiting("app", "CreateContainerConfigError")], phase="Pending"),
     "0/1", "CreateContainerConfigError", "0"),
    ("completed", pod(["app"], [terminated("app", 0, "Completed")], phase="Succeeded"), "0/1", "Completed", "0"),
    ("error", pod(["app"], [terminated("app", 1, "Error")], phase="Failed"), "0/1", "Error", "0"),
    ("oom-killed", pod(["app"], [terminated("app", 137, "OOMKilled")], phase="Failed"), "0/1", "OOMKilled", "0"),
    ("exit-code-without-reason", pod(["app"], [terminated("app", 3)], phase="Failed"), "0/1", "ExitCode:3", "0"),
    ("signal-without-reason", pod(["app"], [terminated("app", 137, signal=9)], phase="Failed"), "0/1", "Signal:9", "0"),
    ("last-container-wins", pod(["a", "b"], [waiting("a", "ErrImagePull"), terminated("b", 2, "Error")]),
     "0/2", "ErrImagePull", "0"),
    ("completed-but-one-running-ready",
     pod(["a", "b"], [terminated("a", 0, "Completed"), running("b")], conditions=READY), "1/2", "Running", "0"),
    ("completed-but-one-running-not-ready",
     pod(["b", "a"], [running("b"), terminated("a", 0, "Completed")]), "1/2", "NotReady", "0"),
    ("init-0-of-2", pod(["app"], [waiting("app", "PodInitializing")], phase="Pending", init=INIT2,
                       init_statuses=[waiting("i1", "PodInitializing"), waiting("i2", "PodInitializing")]),
     "0/1", "Init:0/2", "0"),
    ("init-1-of-2", pod(["app"], [waiting("app", "PodInitializing")], phase="Pending", init=INIT2,
                       init_statuses=[terminated("i1", 0, "Completed"), running("i2", ready=False)]),
     "0/1", "Init:1/2", "0"),
    ("init-error", pod(["app"], phase="Pending", init=INIT2,
                      init_statuses=[terminated("i1", 1, "Error"), waiting("i2", "PodInitializing")]),
     "0/1", "Init:Error", "0"),
    ("init-crashloop", pod(["app"], phase="Pending", init=INIT2,
                          init_statuses=[waiting("i1", "CrashLoopBackOff", restarts=2, last=FINISHED_42S_AGO)]),
     "0/1", "Init:CrashLoopBackOff", "2 (42s ago)"),
    ("init-exit-code", pod(["app"], phase="Pending", init=INIT2, init_statuses=[terminated("i1", 5)]),
     "0/1", "Init:ExitCode:5", "0"),
    ("init-signal", pod(["app"], phase="Pending", init=INIT2, init_statuses=[terminated("i1", 143, signal=15)]),
     "0/1", "Init:Signal:15", "0"),
    ("pod-initializing", pod(["app"], [waiting("app", "PodInitializing")], phase="Pending", init=INIT2,
                            init_statuses=[terminated("i1", 0, "Completed"), terminated("i2", 0, "Completed")]),
     "0/1", "PodInitializing", "0"),
    ("sidecar-counts-in-ready",
     pod(["app"], [running()], init=SIDECAR, conditions=READY + INITIALIZED,
         init_statuses=[{**running("log"), "started": True}]), "2/2", "Running", "0"),
    ("sidecar-not-started-is-init",
     pod(["app"], [waiting("app", "PodInitializing")], phase="Pending", init=SIDECAR,
         init_statuses=[{**running("log", ready=False), "started": False}]), "0/2", "Init:0/1", "0"),
    ("sidecar-restarts-count-after-init",
     pod(["app"], [running(restarts=1, last=FINISHED_42S_AGO)], init=SIDECAR, conditions=READY + INITIALIZED,
         init_statuses=[{**running("log", restarts=2), "started": True}]), "2/2", "Running", "3 (42s ago)"),
    ("terminating", pod(["app"], [running()], deleted=True), "1/1", "Terminating", "0"),
    ("terminal-pod-not-terminating", pod(["app"], [terminated("app", 0, "Completed")], phase="Succeeded", deleted=True),
     "0/1", "Completed", "0"),
    ("node-lost", pod(["app"], [running()], reason="NodeLost"), "1/1", "NodeLost", "0"),
    ("node-lost-no-statuses", pod(["app"], reason="NodeLost"), "0/1", "NodeLost", "0"),
    ("node-lost-deleted-is-unknown", pod(["app"], [running()], reason="NodeLost", deleted=True), "1/1", "Unknown", "0"),
    ("evicted", pod(["app"], [terminated("app", 137, "ContainerStatusUnknown")], phase="Failed", reason="Evicted"),
     "0/1", "ContainerStatusUnknown", "0"),
    ("evicted-no-statuses", pod(["app"], phase="Failed", reason="Evicted"), "0/1", "Evicted", "0"),
    ("deadline-exceeded", pod(["app"], phase="Failed", reason="DeadlineExceeded"), "0/1", "DeadlineExceeded", "0"),
    ("scheduling-gated",
     pod(["app"], phase="Pending", conditions=[{"type": "PodScheduled", "status": "False", "reason": "SchedulingGated"}]),
     "0/1", "SchedulingGated", "0"),
    ("restarts-without-last-state", pod(["app"], [running(restarts=4)]), "1/1", "Running", "4"),
]


@pytest.mark.parametrize(("p", "ready", "status", "restarts"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_pod_columns(p: dict[str, Any], ready: str, status: str, restarts: str) -> None:
    cols = pod_columns(p, NOW)
    assert (cols.ready, cols.status, cols.restarts) == (ready, status, restarts)
