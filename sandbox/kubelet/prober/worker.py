"""One probe worker per probe per container (``pkg/kubelet/prober/worker.go``), on the clock.

The Go worker is a goroutine: ``run`` sleeps a random part of ``periodSeconds`` if the kubelet
started less than ``periodSeconds`` ago, starts a ticker, probes at once, then probes again on
each tick or manual trigger until it is stopped. Here the same loop is a chain of clock
callbacks: a ticker timer (fixed schedule, at most one pending tick, as ``time.Ticker``), a
one-slot manual trigger (``manualTriggerCh``; a manual run resets the ticker), and at most one
probe in flight.

``doProbe`` is reproduced step by step: no status or no container ID yet -> wait; a new
container ID -> reset the result to the initial value (readiness ``Failure``, liveness
``Success``, startup ``Unknown``) and leave hold; a container that is not running -> ``Failure``
(and stop if it will not restart); ``initialDelaySeconds`` counted from the container's
``startedAt`` (whole seconds, truncated); liveness and readiness wait for ``started``, the startup
probe stops probing once started; ``failureThreshold``/``successThreshold`` consecutive results
before the cached result changes; after a liveness failure or any startup verdict the worker
holds until a new container appears.
"""

from __future__ import annotations

from typing import Any

from sandbox.kubelet.prober.prober import LIVENESS, READINESS, STARTUP, ProbeOutcome, probe_spec
from sandbox.kubelet.prober.results import FAILURE, SUCCESS, UNKNOWN, ResultsManager

__all__ = ["Worker"]

_INITIAL = {READINESS: FAILURE, LIVENESS: SUCCESS, STARTUP: UNKNOWN}


class Worker:
    """Probes one container's probe of kind ``kind`` (``Liveness``/``Readiness``/``Startup``).

    Args:
        manager: the :class:`~sandbox.kubelet.prober.prober_manager.ProberManager`.
        kind: the probe kind.
        pod: the pod as the kubelet admitted it.
        container: the container spec (regular container or sidecar).
        results: the results manager of this kind.
    """

    def __init__(self, manager: Any, kind: str, pod: Any, container: Any, results: ResultsManager) -> None:
        self.manager = manager
        self.clock = manager.clock
        self.kind = kind
        self.pod = pod
        self.pod_uid: str = pod.metadata.uid
        self.container = container
        self.spec = probe_spec(container, kind)
        self.results = results
        self.initial_value = _INITIAL[kind]
        self.period = float(self.spec.periodSeconds or 10)
        self.container_id = ""
        self.last_result: str | None = None
        self.result_run = 0
        self.on_hold = False
        #: how many probes actually ran (for tests and the timeline)
        self.probes_run = 0
        self._stopped = False
        self._running = False  # between run() and cleanup
        self._in_probe = False
        self._waiting = False  # parked in the select
        self._pending_tick = False
        self._pending_manual = False
        self._ticker: Any = None
        self._next_tick: float | None = None
        self._start_timer: Any = None
        #: the random wait before the first probe (0 unless the kubelet had just started)
        self.jitter = 0.0
        #: when the worker started probing (``run`` plus the jitter)
        self.began_at: float | None = None

    # ------------------------------------------------------------------ lifecycle

    def run(self, jitter: float) -> None:
        """``go w.run()``: start probing after ``jitter`` seconds (0: at once)."""
        self._running = True
        self.jitter = jitter
        self.began_at = self.clock.now() + jitter
        if jitter > 0:
            self._start_timer = self.clock.call_later(jitter, self._begin)
        else:
            self._start_timer = self.clock.call_soon(self._begin)

    def _begin(self) -> None:
        self._start_timer = None
        if self._stopped:
            self._cleanup()
            return
        self._reset_ticker()
        self._iterate()

    def stop(self) -> None:
        """``worker.stop``: the worker ends at its next wait (safe to call more than once)."""
        if self._stopped:
            return
        self._stopped = True
        if self._start_timer is not None:
            self._start_timer.cancel()
            self._start_timer = None
            self._cleanup()
        elif self._waiting:
            self._cleanup()

    @property
    def stopped(self) -> bool:
        return self._stopped

    def trigger(self) -> None:
        """A manual run (``manualTriggerCh <- struct{}{}``, non-blocking, one slot)."""
        if self._stopped or not self._running:
            return
        if self._waiting:
            self._waiting = False
            self._reset_ticker()
            self._iterate()
        else:
            self._pending_manual = True

    def _cleanup(self) -> None:
        self._waiting = False
        self._running = False
        if self._ticker is not None:
            self._ticker.cancel()
            self._ticker = None
        if self.container_id:
            self.results.remove(self.container_id)
        self.manager._remove_worker(self)

    # ------------------------------------------------------------------ the ticker

    def _reset_ticker(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
        self._pending_tick = False
        self._next_tick = self.clock.now() + self.period
        self._ticker = self.clock.call_at(self._next_tick, self._tick)

    def _tick(self) -> None:
        if not self._running:
            return
        assert self._next_tick is not None
        self._next_tick += self.period
        self._ticker = self.clock.call_at(self._next_tick, self._tick)
        if self._waiting:
            self._waiting = False
            self._iterate()
        else:
            self._pending_tick = True  # time.Ticker's one-tick buffer; more ticks are dropped

    # ------------------------------------------------------------------ the loop

    def _iterate(self) -> None:
        """``for w.doProbe(ctx) { select {...} }``: one probe, then wait."""
        self._in_probe = True
        self._do_probe()

    def _probe_done(self, keep_going: bool) -> None:
        self._in_probe = False
        if not keep_going or self._stopped:
            self._cleanup()
            return
        if self._pending_tick:
            self._pending_tick = False
            self._iterate()
            return
        if self._pending_manual:
            self._pending_manual = False
            self._reset_ticker()
            self._iterate()
            return
        self._waiting = True

    # ------------------------------------------------------------------ doProbe

    def _do_probe(self) -> None:
        m = self.manager
        if m.pod_terminating(self.pod_uid) and self.kind in (LIVENESS, STARTUP):
            # StopLivenessAndStartup: SyncTerminatingPod stops these probes
            self._probe_done(False)
            return
        status = m.pod_status(self.pod_uid)
        if status is None:
            self._probe_done(True)
            return
        if status.phase in ("Failed", "Succeeded"):
            self._probe_done(False)
            return
        c = _find(status.containerStatuses, self.container.name)
        if c is None or not c.containerID:
            c = _find(status.initContainerStatuses, self.container.name)
            if c is None or not c.containerID:
                self._probe_done(True)
                return
        if self.container_id != c.containerID:
            if self.container_id:
                self.results.remove(self.container_id)
            self.container_id = c.containerID
            self._set(self.initial_value)
            self.on_hold = False
        if self.on_hold:
            self._probe_done(True)
            return
        running = c.state is not None and c.state.running is not None
        if not running or not m.container_running(self.container_id):
            if not running:
                self._set(FAILURE)
                terminated = c.state is not None and c.state.terminated is not None
                self._probe_done(not terminated or (self.pod.spec.restartPolicy or "Always") != "Never")
            else:
                self._probe_done(True)  # the status is a moment behind the runtime: next time
            return
        started_at = c.state.running.startedAt
        if started_at is not None:
            since = self.clock.now() - started_at.timestamp()
            if int(since) < int(self.spec.initialDelaySeconds or 0):
                self._probe_done(True)
                return
        if c.started:
            if self.kind == STARTUP:
                self._probe_done(True)
                return
        elif self.kind != STARTUP:
            self._probe_done(True)
            return
        cid = self.container_id
        self.probes_run += 1
        m.prober.probe(self.kind, self.pod, status.podIP or "", self.container, cid,
                       lambda out: self._probed(cid, out))

    def _probed(self, cid: str, out: ProbeOutcome) -> None:
        self.manager._note(self, out)
        if out.error is not None or cid != self.container_id:
            self._probe_done(True)  # a prober error: the result is thrown away
            return
        result = out.result
        if self.last_result == result:
            self.result_run += 1
        else:
            self.last_result = result
            self.result_run = 1
        fail_t = int(self.spec.failureThreshold or 3)
        ok_t = int(self.spec.successThreshold or 1)
        if (result == FAILURE and self.result_run < fail_t) or (result == SUCCESS and self.result_run < ok_t):
            self._probe_done(True)
            return
        self._set(result)
        if (self.kind == LIVENESS and result == FAILURE) or self.kind == STARTUP:
            self.on_hold = True
            self.result_run = 0
        self._probe_done(True)

    def _set(self, result: str) -> None:
        self.results.set(self.container_id, result, self.pod_uid, self.container.name)

    def __repr__(self) -> str:
        return f"<Worker {self.kind} {self.pod.metadata.namespace}/{self.pod.metadata.name}:{self.container.name}>"


def _find(statuses: Any, name: str) -> Any:
    for s in statuses or []:
        if s.name == name:
            return s
    return None
