"""The pod columns of ``kubectl get pods``: READY, STATUS and RESTARTS.

A line-by-line port of ``printPod`` in ``pkg/printers/internalversion/printers.go`` (what
kube-apiserver runs when kubectl asks for a Table), on the pod's JSON dict:

* STATUS starts as ``status.reason`` or the phase; ``SchedulingGated`` when the PodScheduled
  condition says so; the first init container that is not done gives ``Init:N/M``,
  ``Init:<reason>``, ``Init:ExitCode:N`` or ``Init:Signal:N`` (a started sidecar counts as done);
  otherwise the *last* app container with a waiting or terminated reason wins (``ExitCode:N`` /
  ``Signal:N`` when the terminated state has no reason); ``Completed`` turns back into
  ``Running`` (or ``NotReady``) while some container still runs; ``Terminating`` once
  ``deletionTimestamp`` is set on a non-terminal pod, ``Unknown`` for a deleted ``NodeLost`` pod.
* READY counts ready app containers that are running, plus started-and-ready sidecars, over the
  app containers plus the sidecars.
* RESTARTS sums restart counts (only the sidecars' and app containers' once initialised) and adds
  ``(42s ago)`` from the newest ``lastState.terminated.finishedAt``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sandbox.kubectl.age import parse_ts, translate_timestamp_since

__all__ = ["PodColumns", "pod_columns", "is_restartable_init_container"]

NODE_UNREACHABLE_POD_REASON = "NodeLost"


@dataclass(frozen=True)
class PodColumns:
    """READY, STATUS and RESTARTS of one pod, as printed."""

    ready: str
    status: str
    restarts: str


def is_restartable_init_container(container: dict[str, Any] | None) -> bool:
    """A sidecar: an init container with ``restartPolicy: Always``."""
    return bool(container) and container.get("restartPolicy") == "Always"


def _condition_true(status: dict[str, Any], ctype: str) -> bool:
    return any(c.get("type") == ctype and c.get("status") == "True" for c in status.get("conditions") or [])


def _later(a: Any, b: Any) -> Any:
    """The later of two timestamps (``None`` is the zero time)."""
    ta, tb = parse_ts(a), parse_ts(b)
    if tb is None:
        return a
    if ta is None or ta < tb:
        return b
    return a


def pod_columns(pod: dict[str, Any], now: float) -> PodColumns:
    """READY, STATUS and RESTARTS for ``pod`` (Kubernetes JSON) at time ``now`` (Unix seconds)."""
    spec = pod.get("spec") or {}
    status = pod.get("status") or {}
    meta = pod.get("metadata") or {}
    restarts = 0
    sidecar_restarts = 0
    total = len(spec.get("containers") or [])
    ready = 0
    last_restart: Any = None
    last_sidecar_restart: Any = None

    phase = status.get("phase") or ""
    reason = phase
    if status.get("reason"):
        reason = status["reason"]
    for cond in status.get("conditions") or []:
        if cond.get("type") == "PodScheduled" and cond.get("reason") == "SchedulingGated":
            reason = "SchedulingGated"

    init_specs = spec.get("initContainers") or []
    init_by_name: dict[str, dict[str, Any]] = {}
    for c in init_specs:
        init_by_name[c.get("name", "")] = c
        if is_restartable_init_container(c):
            total += 1

    initializing = False
    for i, cs in enumerate(status.get("initContainerStatuses") or []):
        restarts += int(cs.get("restartCount") or 0)
        last_term = (cs.get("lastState") or {}).get("terminated")
        if last_term is not None:
            last_restart = _later(last_restart, last_term.get("finishedAt"))
        sidecar = is_restartable_init_container(init_by_name.get(cs.get("name", "")))
        if sidecar:
            sidecar_restarts += int(cs.get("restartCount") or 0)
            if last_term is not None:
                last_sidecar_restart = _later(last_sidecar_restart, last_term.get("finishedAt"))
        state = cs.get("state") or {}
        term = state.get("terminated")
        waiting = state.get("waiting")
        if term is not None and int(term.get("exitCode") or 0) == 0:
            continue
        if sidecar and cs.get("started"):
            if cs.get("ready"):
                ready += 1
            continue
        if term is not None:
            if not term.get("reason"):
                if term.get("signal"):
                    reason = f"Init:Signal:{term['signal']}"
                else:
                    reason = f"Init:ExitCode:{int(term.get('exitCode') or 0)}"
            else:
                reason = "Init:" + term["reason"]
            initializing = True
        elif waiting is not None and waiting.get("reason") and waiting.get("reason") != "PodInitializing":
            reason = "Init:" + waiting["reason"]
            initializing = True
        else:
            reason = f"Init:{i}/{len(init_specs)}"
            initializing = True
        break

    if not initializing or _condition_true(status, "Initialized"):
        restarts = sidecar_restarts
        last_restart = last_sidecar_restart
        has_running = False
        for cs in reversed(status.get("containerStatuses") or []):
            restarts += int(cs.get("restartCount") or 0)
            last_term = (cs.get("lastState") or {}).get("terminated")
            if last_term is not None:
                last_restart = _later(last_restart, last_term.get("finishedAt"))
            state = cs.get("state") or {}
            waiting, term = state.get("waiting"), state.get("terminated")
            if waiting is not None and waiting.get("reason"):
                reason = waiting["reason"]
            elif term is not None and term.get("reason"):
                reason = term["reason"]
            elif term is not None:
                if term.get("signal"):
                    reason = f"Signal:{term['signal']}"
                else:
                    reason = f"ExitCode:{int(term.get('exitCode') or 0)}"
            elif cs.get("ready") and state.get("running") is not None:
                has_running = True
                ready += 1
        if reason == "Completed" and has_running:
            reason = "Running" if _condition_true(status, "Ready") else "NotReady"

    if meta.get("deletionTimestamp") and status.get("reason") == NODE_UNREACHABLE_POD_REASON:
        reason = "Unknown"
    elif meta.get("deletionTimestamp") and phase not in ("Succeeded", "Failed"):
        reason = "Terminating"

    restarts_str = str(restarts)
    if restarts != 0 and parse_ts(last_restart) is not None:
        restarts_str = f"{restarts} ({translate_timestamp_since(last_restart, now)} ago)"
    return PodColumns(f"{ready}/{total}", reason, restarts_str)
