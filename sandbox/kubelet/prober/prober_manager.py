"""The probe manager (``pkg/kubelet/prober/prober_manager.go``) and its glue to the kubelet.

:class:`ProberManager` creates one :class:`~sandbox.kubelet.prober.worker.Worker` per probe per
container (regular containers and sidecars) when the kubelet admits a pod (``add_pod``), stops
them when the pod is gone (``remove_pod``), and turns result *changes* into what the real
kubelet's sync loop does with them:

* readiness -> ``kubelet.set_container_ready`` (the container's ``ready``, the pod's
  ``ContainersReady`` and ``Ready``), never a restart;
* startup -> ``kubelet.set_container_started``; a startup failure of a regular container ->
  ``kubelet.kill_container`` (``Container NAME failed startup probe, will be restarted``); a
  sidecar's is killed by the kubelet itself (``Init container NAME failed startup probe``);
* liveness failure -> ``kubelet.kill_container`` (``Container NAME failed liveness probe, will
  be restarted`` / ``Init container NAME failed liveness probe``), with the probe's
  ``terminationGracePeriodSeconds`` if set, else the pod's.

``update_pod_status(pod_uid, status)`` is ``UpdatePodStatus``'s side effect: while a started
container is not ready, every status the kubelet generates triggers an immediate readiness probe
(and resets that worker's ticker), as in Kubernetes since 1.21/1.29.

Every probe run can be reported to ``on_result(pod_uid, time, lane, text, kind)`` (the
timeline's ``TimelineRecorder.note``): ``lane`` is the container name, ``kind`` is
``probe-ok`` or ``probe-fail``.

Timing, as the Go worker: each worker probes at once when it starts (the first probe normally
finds no container yet), then every ``periodSeconds`` on a fixed ticker, skipping ticks inside
``initialDelaySeconds``. Only when the kubelet started less than ``periodSeconds`` ago does a
worker first sleep a random part of ``periodSeconds`` (seeded: runs repeat exactly).
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable
from typing import Any

from sandbox.kubelet.container import is_restartable_init_container
from sandbox.kubelet.prober.prober import (
    LIVENESS,
    READINESS,
    STARTUP,
    ProbeOutcome,
    Prober,
    probe_spec,
)
from sandbox.kubelet.prober.results import FAILURE, SUCCESS, ResultsManager, Update
from sandbox.kubelet.prober.worker import Worker

__all__ = ["ProberManager", "OnResult"]

#: ``on_result(pod_uid, time, lane, text, kind)``
OnResult = Callable[[str, float, str, str, str], Any]


class ProberManager:
    """``prober.Manager`` for one kubelet.

    Args:
        kubelet: the :class:`~sandbox.kubelet.Kubelet` (status cache, hooks, events).
        clock: the cluster clock.
        network: the :class:`~sandbox.network.Network` (HTTP, TCP and gRPC probes).
        runtime: the node's container runtime (exec probes).
        on_result: optional ``on_result(pod_uid, time, lane, text, kind)`` called after each probe.
        rng: randomness for the start-up jitter (seeded by the kubelet).
        start: when the kubelet started (default: now).
    """

    def __init__(self, kubelet: Any, clock: Any, network: Any, runtime: Any, on_result: OnResult | None = None,
                 rng: random.Random | None = None, start: float | None = None) -> None:
        self.kubelet = kubelet
        self.clock = clock
        self.network = network
        self.runtime = runtime
        self.on_result = on_result
        self.rng = rng if rng is not None else random.Random(0)
        self.start = clock.now() if start is None else start
        self.prober = Prober(kubelet, clock, network, runtime, getattr(kubelet, "node_name", ""))
        self.liveness = ResultsManager(self._liveness_update)
        self.readiness = ResultsManager(self._readiness_update)
        self.startup = ResultsManager(self._startup_update)
        self.workers: dict[tuple[str, str, str], Worker] = {}

    # ------------------------------------------------------------------ pods

    def add_pod(self, pod: Any) -> None:
        """``AddPod``: a worker for every probe of every container and sidecar (once per pod)."""
        uid = pod.metadata.uid
        sidecars = [c for c in pod.spec.initContainers or [] if is_restartable_init_container(c)]
        for c in list(pod.spec.containers or []) + sidecars:
            for kind, results in ((STARTUP, self.startup), (READINESS, self.readiness), (LIVENESS, self.liveness)):
                if probe_spec(c, kind) is None:
                    continue
                key = (uid, c.name, kind)
                if key in self.workers:
                    return
                w = Worker(self, kind, pod, c, results)
                self.workers[key] = w
                w.run(self._jitter(w.period))

    def _jitter(self, period: float) -> float:
        if period > self.clock.now() - self.start:
            return self.rng.random() * period
        return 0.0

    def remove_pod(self, pod_uid: str) -> None:
        """``RemovePod``: stop the pod's workers (they forget their results as they end)."""
        for key, w in list(self.workers.items()):
            if key[0] == pod_uid:
                w.stop()

    def stop_liveness_and_startup(self, pod_uid: str) -> None:
        """``StopLivenessAndStartup``: a terminating pod keeps only its readiness probes."""
        for key, w in list(self.workers.items()):
            if key[0] == pod_uid and key[2] in (LIVENESS, STARTUP):
                w.stop()

    def close(self) -> None:
        """Stop every worker."""
        for w in list(self.workers.values()):
            w.stop()

    def _remove_worker(self, w: Worker) -> None:
        key = (w.pod_uid, w.container.name, w.kind)
        if self.workers.get(key) is w:
            del self.workers[key]

    def worker(self, pod_uid: str, container_name: str, kind: str) -> Worker | None:
        """The worker probing ``kind`` (``Liveness``/``Readiness``/``Startup``) of a container."""
        return self.workers.get((pod_uid, container_name, kind))

    # ------------------------------------------------------------------ what the workers read

    def pod_status(self, pod_uid: str) -> Any:
        """The kubelet's cached status of the pod (its status manager), or ``None``."""
        return self.kubelet.status_manager.get(pod_uid)

    def pod_terminating(self, pod_uid: str) -> bool:
        """Whether the kubelet is terminating the pod (``SyncTerminatingPod`` has begun)."""
        w = getattr(self.kubelet, "workers", {}).get(pod_uid)
        return w is not None and w.state != "syncing"

    def container_running(self, container_id: str) -> bool:
        """Whether the runtime still runs the container (the cached status may lag by a moment)."""
        try:
            return bool(self.runtime.container_status(container_id).state == "running")
        except Exception:  # noqa: BLE001 - removed
            return False

    # ------------------------------------------------------------------ UpdatePodStatus

    def update_pod_status(self, pod_uid: str, status: Any) -> None:
        """``UpdatePodStatus``'s trigger: a started, running container whose readiness result is
        not ``Success`` gets an immediate readiness probe (as a clock callback)."""
        for s in list(status.containerStatuses or []) + list(status.initContainerStatuses or []):
            if not s.started or s.state is None or s.state.running is None:
                continue
            w = self.workers.get((pod_uid, s.name, READINESS))
            if w is None:
                continue
            if self.readiness.get(s.containerID or "") == SUCCESS:
                continue
            self.clock.call_soon(w.trigger)

    # ------------------------------------------------------------------ results -> kubelet

    def _sidecar(self, pod_uid: str, name: str) -> bool:
        w = getattr(self.kubelet, "workers", {}).get(pod_uid)
        if w is None:
            return False
        return any(c.name == name and is_restartable_init_container(c) for c in w.pod.spec.initContainers or [])

    def _current(self, u: Update) -> bool:
        rc = self.kubelet._current_container(u.pod_uid, u.container_name)
        return rc is not None and rc.id == u.container_id

    def _readiness_update(self, u: Update) -> None:
        if self._current(u):
            self.kubelet.set_container_ready(u.pod_uid, u.container_name, u.result == SUCCESS)

    def _startup_update(self, u: Update) -> None:
        if u.result not in (SUCCESS, FAILURE) or not self._current(u):
            return
        self.kubelet.set_container_started(u.pod_uid, u.container_name, u.result == SUCCESS)
        if u.result == FAILURE and not self._sidecar(u.pod_uid, u.container_name):
            self.kubelet.kill_container(u.pod_uid, u.container_name,
                                        f"Container {u.container_name} failed startup probe", reason="StartupProbe")

    def _liveness_update(self, u: Update) -> None:
        if u.result != FAILURE or not self._current(u):
            return
        if self._sidecar(u.pod_uid, u.container_name):
            msg = f"Init container {u.container_name} failed liveness probe"
        else:
            msg = f"Container {u.container_name} failed liveness probe"
        self.kubelet.kill_container(u.pod_uid, u.container_name, msg, reason="LivenessProbe")

    # ------------------------------------------------------------------ the timeline

    def _note(self, w: Worker, out: ProbeOutcome) -> None:
        cb = self.on_result
        if cb is None:
            return
        if out.error is not None:
            text, kind = f"{w.kind} probe errored: {out.error}", "probe-fail"
        elif out.result == SUCCESS:
            text, kind = f"{w.kind} probe succeeded", "probe-ok"
        else:
            text, kind = f"{w.kind} probe failed: {out.output}", "probe-fail"
        with contextlib.suppress(Exception):
            cb(w.pod_uid, self.clock.now(), w.container.name, text, kind)
