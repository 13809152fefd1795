"""The kubelet: runs the pods bound to its node, as ``pkg/kubelet`` does, on the virtual clock.

It sees only pods whose ``spec.nodeName`` is its node (a watch with a field selector), runs their
containers through the CRI (:class:`sandbox.runtime.cri.ContainerRuntime`), writes their status
through the ``status`` subresource (only when it changed), records events as the real kubelet words
them, and deletes a gracefully deleted pod's object once its containers stopped.

Everything here is a clock callback: nothing blocks and nothing starts a thread (containers are
the runtime's threads).
"""

from __future__ import annotations

import contextlib
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sandbox.api.core import PodCondition
from sandbox.api.quantity import Quantity
from sandbox.errors import BadRequest, NotFound, SandboxError
from sandbox.kubelet import admission, deadline, events
from sandbox.kubelet.container import RuntimeContainer
from sandbox.kubelet.coro import Coroutine
from sandbox.kubelet.eviction import EvictionManager, MemoryStats
from sandbox.kubelet.kuberuntime import KillInfo, RuntimeManager, SyncResult
from sandbox.kubelet.logs import render_logs
from sandbox.kubelet.pod_workers import SYNCING, TERMINATED, TERMINATING, PodWorker
from sandbox.kubelet.status import (
    StatusManager,
    generate_api_pod_status,
    is_terminal,
    terminate_pod_status,
)
from sandbox.runtime import cri
from sandbox.scheduler.types import PodInfo

__all__ = ["Kubelet", "KubeletConfig", "KubeletError", "MIRROR_ANNOTATION"]

MIRROR_ANNOTATION = "kubernetes.io/config.mirror"


class KubeletError(SandboxError):
    """An error the kubelet (or kubectl in front of it) reports, in their words."""


@dataclass
class KubeletConfig:
    """Knobs of the sandbox kubelet.

    Attributes:
        node_ips: the node's addresses (``status.hostIP``/``hostIPs``); asked of the runtime's
            network when not given.
        source_component: the events' ``source.component``.
    """

    node_ips: list[str] | None = None
    source_component: str = "kubelet"
    extra: dict[str, Any] = field(default_factory=dict)


def _semantic(pod: Any) -> dict[str, Any]:
    d = pod.to_dict()
    d.pop("status", None)
    meta = d.get("metadata", {})
    for k in ("resourceVersion", "managedFields", "generation"):
        meta.pop(k, None)
    return d


class Kubelet:
    """The node agent for ``node_name``.

    Args:
        node_name: the node whose pods this kubelet runs.
        api: the :class:`sandbox.apiserver.APIServer`.
        clock: the cluster's :class:`sandbox.clock.Clock`.
        runtime: the node's container runtime.
        rng: seeded randomness (kept for parity with other components; the kubelet's timings have
            no jitter, so runs are exactly repeatable).
        config: :class:`KubeletConfig`.

    Hooks for other parts: :meth:`set_container_ready`, :meth:`set_container_started`,
    :meth:`kill_container` (the prober), :meth:`sync_static_pods` (the static pod source),
    :attr:`prober` (an object with optional ``add_pod(pod)``/``remove_pod(uid)``; while set,
    containers with a readiness or startup probe wait for its results).
    """

    def __init__(
        self,
        node_name: str,
        api: Any,
        clock: Any,
        runtime: cri.ContainerRuntime,
        rng: random.Random | None = None,
        config: KubeletConfig | None = None,
    ) -> None:
        self.node_name = node_name
        self.api = api
        self.clock = clock
        self.runtime = runtime
        self.rng = rng if rng is not None else random.Random(0)
        self.config = config or KubeletConfig()
        self.status_manager = StatusManager(api, clock, on_error=self._warn)
        self.rt = RuntimeManager(runtime, clock, self._record, self._lookup, self.host_ips)
        self.rt.startup_done = self._startup_done
        self.rt.on_progress = self._progress
        self.rt.service_env = self._service_env
        self.workers: dict[str, PodWorker] = {}
        #: uid -> (the pod model, its PodInfo) for admission: see :meth:`_admit_info`.
        self._admit_infos: dict[str, tuple[Any, PodInfo]] = {}
        self.static_uids: set[str] = set()
        self.warnings: list[str] = []
        self.prober: Any = None
        # podlab-prober: the kubelet's probe manager (KubeletConfig(extra={"prober": False}) turns it
        # off; extra["probe_recorder"] receives every probe result, e.g. a TimelineRecorder.note)
        if self.config.extra.get("prober", True):
            from sandbox.kubelet.prober import ProberManager

            self.prober = ProberManager(self, clock, getattr(runtime, "network", None), runtime,
                                        on_result=self.config.extra.get("probe_recorder"),
                                        rng=random.Random(repr(self.rng.getstate()[1])),
                                        start=self.config.extra.get("prober_start"))
        self.readiness: dict[str, bool] = {}  # container id -> ready
        self.startup: dict[str, bool] = {}  # container id -> started
        self._watch: Any = None
        self._started = False
        self._stopped = False
        self._exit_hooked = False
        self._host_ips: list[str] | None = None
        # podlab-pod: volumes see the node's disk (hostPath); the eviction manager watches emptyDirs
        vm = self.rt.volume_manager
        vm.host_fs = self.config.extra.get("host_fs")
        vm.node_name = node_name
        vm.rng = random.Random(f"volumes/{node_name}")  # its own stream: the kubelet rng stays untouched
        vm.node_allocatable = self._node_allocatable
        self.evictions: dict[str, tuple[str, str]] = {}
        #: the ``DisruptionTarget`` condition an eviction under node pressure adds (pod uid -> it)
        self.disruptions: dict[str, PodCondition] = {}
        # node-pressure eviction: the machine hands over its NodeConfig (capacity, evictionHard)
        # and its NodeStatusManager (the MemoryPressure condition, node events)
        node_config = self.config.extra.get("node_config")
        self.node_status = self.config.extra.get("node_status")
        self.eviction_manager = EvictionManager(
            clock, vm, self._active_uids, self.evict_pod,
            memory_stats=self._memory_stats,
            capacity=(lambda: Quantity(node_config.memory).value()) if node_config is not None else None,
            thresholds=dict(node_config.eviction_hard) if node_config is not None else None,
            set_pressure=self._set_memory_pressure if self.node_status is not None else None,
            node_event=self._node_event if self.node_status is not None else None,
            cleaned_up=lambda uid: uid not in self.workers or self.workers[uid].state == TERMINATED,
        )

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Watch the pods bound to this node and begin syncing them."""
        if self._started or self._stopped:
            return
        self._started = True
        if not self._exit_hooked:
            self.runtime.on_container_exit(self._on_container_exit)
            self._exit_hooked = True
        self._watch = self.api.watch(
            "pods", field_selector=f"spec.nodeName={self.node_name}", handler=self._on_watch_event
        )
        self.eviction_manager.start()  # podlab-pod

    def stop(self, kill_containers: bool = False) -> None:
        """The node failed: no more syncs or status writes; with ``kill_containers`` every
        container dies at once (SIGKILL)."""
        if self._stopped:
            return
        self._stopped = True
        self.status_manager.enabled = False
        if self.prober is not None and hasattr(self.prober, "close"):  # podlab-prober
            self.prober.close()
        self.eviction_manager.stop()  # podlab-pod
        for t in list(self.rt.volume_manager._timers.values()):  # podlab-pod: no more resyncs
            t.cancel()
        self.rt.volume_manager._timers.clear()
        if self._watch is not None:
            self._watch.stop()
        for w in self.workers.values():
            if w.coro is not None:
                w.coro.cancel()
            for t in (w.timer, w.deadline_timer):
                if t is not None:
                    t.cancel()
        if kill_containers:
            for rec in self.rt.records.values():
                for cid in rec.container_ids:
                    with contextlib.suppress(Exception):
                        if self.runtime.container_status(cid).state == cri.ContainerState.RUNNING:
                            self.runtime.stop_container(cid, 0)

    def close(self) -> None:
        """Stop syncing and kill every container (the runtime ends their threads)."""
        self.stop(kill_containers=True)

    @property
    def stopped(self) -> bool:
        return self._stopped

    def host_ips(self) -> list[str]:
        """The node's IPs (``status.hostIP``/``hostIPs``)."""
        if self.config.node_ips:
            return list(self.config.node_ips)
        if self._host_ips is None:
            ips: list[str] = []
            net = getattr(self.runtime, "network", None)
            with contextlib.suppress(Exception):
                if net is not None:
                    ips = list(net.node(self.node_name).ips)
            if not ips:
                with contextlib.suppress(Exception):
                    from sandbox.network.ipam import IPAM

                    ipam = getattr(self.runtime, "_ipam", None)
                    if ipam is None:
                        ipam = IPAM()
                        self.runtime._ipam = ipam  # type: ignore[attr-defined]
                    ips = list(ipam.add_node(self.node_name).node_ips)
            self._host_ips = ips
        return list(self._host_ips)

    # ------------------------------------------------------------------ events

    def _record(self, pod: Any, container: str | None, type_: str, reason: str, message: str) -> None:
        if self._stopped:
            return
        target = self._event_object(pod)
        ref = events.container_ref(target, container) if container else events.pod_ref(target)
        try:
            self.api.record_event(ref, type_, reason, message, self.config.source_component, self.node_name)
        except Exception as exc:  # noqa: BLE001 - events are best effort
            self._warn(f"could not record event {reason}: {exc}")

    def _event_object(self, pod: Any) -> Any:
        uid = pod.metadata.uid
        if uid in self.static_uids:
            mirror = self._mirror(pod)
            if mirror is not None:
                return mirror
        return pod

    def _warn(self, msg: str) -> None:
        self.warnings.append(msg)

    def _node_allocatable(self) -> dict[str, Any]:
        """The node's ``status.allocatable`` (the downward API's value for unset limits)."""
        try:
            node = self.api.get("nodes", self.node_name)
        except Exception:  # noqa: BLE001 - no Node object yet
            return {}
        return dict(node.status.allocatable or {}) if node.status is not None else {}

    def evict_pod(self, uid: str, message: str, condition: bool = False) -> None:
        """The eviction manager's ``evictPod``: event ``Evicted``, then the pod fails with reason
        ``Evicted`` (and, with ``condition``, the ``DisruptionTarget`` condition, reason
        ``TerminationByKubelet``, with the same message) and its containers are killed with grace
        period 0 (podlab-pod)."""
        w = self.workers.get(uid)
        if w is None or w.state != SYNCING or uid in self.evictions:
            return
        self._record(w.pod, None, events.WARNING, "Evicted", message)
        self.evictions[uid] = ("Evicted", message)
        if condition:
            self.disruptions[uid] = PodCondition(type="DisruptionTarget", status="True",
                                                 reason="TerminationByKubelet", message=message)
        w.grace_override = 0
        self._request(w, 0.0)

    def _active_uids(self) -> list[str]:
        """``GetActivePods``: the pods not terminating nor terminated."""
        return [u for u, w in self.workers.items() if w.state == SYNCING]

    def _memory_stats(self) -> list[MemoryStats]:
        """The summary API's memory part: each pod's running containers and the memory their
        cgroups hold (what cAdvisor reports as the working set)."""
        out = []
        for uid, w in self.workers.items():
            rec = self.rt.records.get(uid)
            if rec is None or w.state == TERMINATED:
                continue
            used: dict[str, int] = {}
            for cid in rec.container_ids:
                with contextlib.suppress(Exception):
                    st = self.runtime.container_status(cid)
                    if st.state == cri.ContainerState.RUNNING:
                        used[st.name] = used.get(st.name, 0) + self.runtime.container(cid).memory.usage
            out.append(MemoryStats(uid, w.pod, used))
        return out

    def _set_memory_pressure(self, pressure: bool) -> None:
        """The ``MemoryPressureCondition`` setter reads ``IsUnderMemoryPressure``: posted with
        the next node status update."""
        if pressure:
            self.node_status.set_condition("MemoryPressure", "True")
        else:
            self.node_status.clear_condition("MemoryPressure")

    def _node_event(self, type_: str, reason: str, message: str) -> None:
        if self._stopped:
            return
        with contextlib.suppress(Exception):
            self.api.record_event(self.node_status.node_ref, type_, reason, message,
                                  self.config.source_component, self.node_name)

    def _lookup(self, resource: str, namespace: str, name: str) -> Any:
        try:
            return self.api.get(resource, name, namespace=namespace)
        except NotFound:
            return None

    # ------------------------------------------------------------------ pod sources

    def _on_watch_event(self, ev: Any) -> None:
        if self._stopped:
            return
        try:
            self._handle_watch_event(ev)
        except Exception as exc:  # noqa: BLE001 - one bad pod must not stop the kubelet
            self._warn(f"error handling pod event: {exc!r}")

    def _handle_watch_event(self, ev: Any) -> None:
        pod = ev.object
        annotations = pod.metadata.annotations or {}
        if MIRROR_ANNOTATION in annotations:
            for w in self.workers.values():
                if w.static and self._mirror_name(w.pod) == (pod.metadata.namespace, pod.metadata.name):
                    self.status_manager.forget_written(w.uid)
                    self._request(w, 0.0)
            return
        uid = pod.metadata.uid
        w = self.workers.get(uid)
        if ev.type == "DELETED":
            if w is None:
                return
            w.removed_from_api = True
            if w.state == SYNCING:
                w.pod = pod
                w.state = TERMINATING
                self._request(w, 0.0)
            elif w.state == TERMINATED:
                self._forget(w)
            return
        if w is None:
            if pod.status is not None and is_terminal(pod.status.phase):
                # a finished pod from before this kubelet: nothing to run, but finish its deletion
                w = PodWorker(uid=uid, pod=pod, state=TERMINATED, adopted=True)
                self.workers[uid] = w
                if pod.metadata.deletionTimestamp is not None:
                    self._request(w, 0.0)
                return
            if pod.metadata.deletionTimestamp is not None:
                # pod_workers.go UpdatePod: a pod first seen with a deletionTimestamp (deleted
                # while this kubelet was down) is never started: it goes straight to
                # terminating (nothing to kill), then terminated, and its object is removed.
                w = PodWorker(uid=uid, pod=pod, state=TERMINATING)
                self.workers[uid] = w
                self._request(w, 0.0)
                return
            if not self._admit(pod):
                return
            w = PodWorker(uid=uid, pod=pod)
            self.workers[uid] = w
            if self.prober is not None and hasattr(self.prober, "add_pod"):
                with contextlib.suppress(Exception):
                    self.prober.add_pod(pod)
            self._request(w, 0.0)
            return
        changed = _semantic(pod) != _semantic(w.pod)
        w.pod = pod
        if pod.metadata.deletionTimestamp is not None and w.state == SYNCING:
            w.state = TERMINATING
            self._request(w, 0.0)
        elif changed or (pod.metadata.deletionTimestamp is not None and w.state == TERMINATED):
            self._request(w, 0.0)

    def _admit_info(self, pod: Any) -> PodInfo:
        """The admitted ``pod`` as admission sees it, built once per pod object (re-admitting
        against N running pods would otherwise convert all N of them, for every new pod)."""
        uid = pod.metadata.uid
        hit = self._admit_infos.get(uid)
        if hit is None or hit[0] is not pod:
            hit = (pod, PodInfo(pod.to_dict()))
            self._admit_infos[uid] = hit
        return hit[1]

    def _admit(self, pod: Any) -> bool:
        """``canAdmitPod``/``rejectPod`` (:mod:`sandbox.kubelet.admission`): a pod that cannot run
        on this node never starts; it gets a Warning event and fails at once."""
        try:
            node = self.api.get("nodes", self.node_name)
        except Exception:  # noqa: BLE001 - no Node object (a bare kubelet): nothing to check
            return True
        active = [self._admit_info(w.pod) for w in self.workers.values() if w.state != TERMINATED]
        for uid in [u for u in self._admit_infos if u not in self.workers]:
            del self._admit_infos[uid]
        res = admission.admit(pod, node, active)
        if res.admit:
            return True
        self._record(pod, None, events.WARNING, res.reason, res.message)
        self.workers[pod.metadata.uid] = PodWorker(uid=pod.metadata.uid, pod=pod, state=TERMINATED, adopted=True)
        self.status_manager.set_pod_status(pod, admission.rejected_status(pod, res))
        return False

    def sync_static_pods(self, pods: list[Any]) -> None:
        """The full desired set of static pods (from the manifest directory): start new ones,
        update changed ones, stop the ones that left."""
        if self._stopped:
            return
        wanted: dict[str, Any] = {}
        for p in pods:
            p = p.copy_deep()
            if not p.metadata.uid:
                h = hashlib.sha256(f"{self.node_name}/{p.metadata.namespace}/{p.metadata.name}".encode()).hexdigest()
                p.metadata.uid = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"
            if not p.metadata.namespace:
                p.metadata.namespace = "default"
            if not p.spec.nodeName:
                p.spec.nodeName = self.node_name
            wanted[p.metadata.uid] = p
        for uid in list(self.static_uids):
            if uid not in wanted:
                w = self.workers.get(uid)
                if w is not None:
                    w.removed_from_api = True
                    if w.state == SYNCING:
                        w.state = TERMINATING
                        self._request(w, 0.0)
                    elif w.state == TERMINATED:
                        self._forget(w)
        for uid, p in wanted.items():
            self.static_uids.add(uid)
            w = self.workers.get(uid)
            if w is None:
                w = PodWorker(uid=uid, pod=p, static=True)
                self.workers[uid] = w
                if self.prober is not None and hasattr(self.prober, "add_pod"):  # podlab-prober
                    self.prober.add_pod(p)
                self._request(w, 0.0)
            elif _semantic(p) != _semantic(w.pod):
                w.pod = p
                self._request(w, 0.0)

    def _service_env(self, namespace: str, enable_service_links: bool) -> dict[str, str]:
        """``getServiceEnvVarMap``: the ``kubernetes`` Service's variables always, the namespace's
        Services' with ``enableServiceLinks`` (the default)."""
        from sandbox.network.services import service_env

        return service_env(self.api, namespace, enable_service_links)

    def _mirror_name(self, pod: Any) -> tuple[str, str]:
        """A mirror pod has its static pod's name, which the file source already suffixed with
        ``-<nodeName>`` (``pkg/kubelet/config/common.go``)."""
        return (pod.metadata.namespace or "default", pod.metadata.name)

    def _mirror(self, pod: Any) -> Any:
        ns, name = self._mirror_name(pod)
        try:
            m = self.api.get("pods", name, namespace=ns)
        except Exception:  # noqa: BLE001
            return None
        if MIRROR_ANNOTATION not in (m.metadata.annotations or {}):
            return None
        return m

    # ------------------------------------------------------------------ scheduling syncs

    def _request(self, w: PodWorker, delay: float) -> None:
        """Sync ``w`` after ``delay`` seconds (keeps the earliest pending request)."""
        if self._stopped:
            return
        at = self.clock.now() + max(0.0, delay)
        if w.timer is not None and not w.timer.fired and not w.timer.cancelled and w.timer_at is not None:
            if w.timer_at <= at:
                return
            w.timer.cancel()
        w.timer_at = at
        w.timer = self.clock.call_at(at, self._run, w.uid)

    def _run(self, uid: str) -> None:
        if self._stopped:
            return
        w = self.workers.get(uid)
        if w is None:
            return
        w.timer = None
        w.timer_at = None
        if w.busy:
            w.pending = True
            return
        try:
            if w.state == SYNCING:
                gen = self._sync_gen(w)
            elif w.state == TERMINATING:
                gen = self._terminating_gen(w)
            else:
                self._terminated(w)
                return
        except Exception as exc:  # noqa: BLE001
            self._warn(f"pod {w.key}: {exc!r}")
            return
        w.coro = Coroutine(self.clock, gen, on_done=lambda r, w=w: self._done(w, r),
                           on_error=lambda e, w=w: self._failed(w, e))
        w.coro.start()

    def _done(self, w: PodWorker, outcome: Any) -> None:
        w.coro = None
        if self._stopped:
            return
        if outcome == "terminal" and w.state == SYNCING:
            w.state = TERMINATING
            self._request(w, 0.0)
        elif outcome == "terminated" and w.state == TERMINATING:
            w.state = TERMINATED
            self._request(w, 0.0)
        if w.pending:
            w.pending = False
            self._request(w, 0.0)

    def _failed(self, w: PodWorker, exc: BaseException) -> None:
        w.coro = None
        self._warn(f"error syncing pod {w.key[0]}/{w.key[1]} ({w.uid}): {exc!r}")
        if not self._stopped:
            self._request(w, 10.0)

    def _on_container_exit(self, cid: str) -> None:
        if self._stopped:
            return
        uid = self.rt.by_container.get(cid)
        w = self.workers.get(uid) if uid is not None else None
        if w is not None:
            self._request(w, 0.0)

    # ------------------------------------------------------------------ status

    def _started_fn(self, pod: Any) -> Callable[[Any, Any], bool]:
        def started(spec: Any, s: Any) -> bool:
            cid = s.containerID or ""
            if cid in self.startup:
                return self.startup[cid]
            return not (self.prober is not None and getattr(spec, "startupProbe", None) is not None)

        return started

    def _ready_fn(self, pod: Any) -> Callable[[Any, Any], bool]:
        def ready(spec: Any, s: Any) -> bool:
            cid = s.containerID or ""
            if cid in self.readiness:
                return self.readiness[cid]
            return not (self.prober is not None and getattr(spec, "readinessProbe", None) is not None)

        return ready

    def _startup_done(self, pod: Any, spec: Any, rc: RuntimeContainer) -> bool | None:
        if rc.id in self.startup:
            return self.startup[rc.id]
        if self.prober is None:
            return True
        return None

    def _start_time(self, w: PodWorker) -> float | None:
        st = self.status_manager.get(w.uid)
        t = st.startTime if st is not None else None
        if t is None and w.pod.status is not None:
            t = w.pod.status.startTime
        return deadline.precise_start(w, t.timestamp() if t is not None else None, self.clock.now())

    def _generate(self, w: PodWorker, rstatus: Any, terminal: bool, evict: tuple[str, str] | None = None) -> Any:
        pod = w.pod
        api_pod = pod
        if w.static:
            mirror = self._mirror(pod)
            if mirror is not None:
                api_pod = pod.model_copy(deep=False)
                api_pod.status = mirror.status
        old = self.status_manager.get(w.uid)
        status = generate_api_pod_status(
            api_pod, rstatus, old, w.reasons, terminal, self.host_ips(),
            self._started_fn(pod), self._ready_fn(pod), evict=evict, is_static=w.static,
            disruption=self.disruptions.get(w.uid),
        )
        if self.prober is not None and hasattr(self.prober, "update_pod_status"):  # podlab-prober
            self.prober.update_pod_status(w.uid, status)
        return status

    def _set_status(self, w: PodWorker, status: Any) -> None:
        if w.removed_from_api and not w.static:
            self.status_manager.set_cached(w.pod, status)
            return
        target = self._mirror_name(w.pod) if w.static else None
        if w.static and self._mirror(w.pod) is None:
            self.status_manager.set_cached(w.pod, status)
            return
        self.status_manager.set_pod_status(w.pod, status, target)

    # ------------------------------------------------------------------ the syncs

    def _sync_gen(self, w: PodWorker) -> Any:
        """``SyncPod``: status first, then the runtime's sync, then the status it led to."""
        pod = w.pod
        rstatus = self.rt.get_pod_status(pod)
        evict = None
        start = self._start_time(w)
        if start is not None and deadline.past_active_deadline(pod, start, self.clock.now()):
            self._record(pod, None, events.NORMAL, deadline.REASON, deadline.MESSAGE)
            evict = (deadline.REASON, deadline.MESSAGE)
        evict = self.evictions.get(w.uid, evict)  # podlab-pod: evicted by the eviction manager
        status = self._generate(w, rstatus, False, evict)
        self._set_status(w, status)
        if is_terminal(status.phase):
            return "terminal"
        self._arm_deadline(w)
        result: SyncResult = yield from self.rt.sync_pod(pod, rstatus)
        for name in result.started:
            w.reasons.pop(name, None)
        for name, reason in result.start_errors.items():
            w.reasons[name] = reason
        if self._stopped:
            return "stopped"
        rstatus = self.rt.get_pod_status(w.pod)
        self._set_status(w, self._generate(w, rstatus, False))
        if result.changed:
            self._request(w, 0.0)
        if result.retry_at is not None:
            self._request(w, result.retry_at - self.clock.now())
        return "ok"

    def _progress(self, pod: Any) -> None:
        w = self.workers.get(pod.metadata.uid)
        if w is None or w.state != SYNCING or self._stopped:
            return
        self._set_status(w, self._generate(w, self.rt.get_pod_status(w.pod), False))

    def _arm_deadline(self, w: PodWorker) -> None:
        d = deadline.deadline_of(w.pod, self._start_time(w))
        if d is None or d == w.deadline_at:
            return
        if w.deadline_timer is not None:
            w.deadline_timer.cancel()
        w.deadline_at = d
        w.deadline_timer = self.clock.call_at(d, self._deadline_fired, w.uid)

    def _deadline_fired(self, uid: str) -> None:
        w = self.workers.get(uid)
        if w is not None and w.state == SYNCING:
            self._request(w, 0.0)

    def _terminating_gen(self, w: PodWorker) -> Any:
        """``SyncTerminatingPod``: stop every container (preStop hooks, grace periods)."""
        pod = w.pod
        rstatus = self.rt.get_pod_status(pod)
        self._set_status(w, self._generate(w, rstatus, False))
        for _ in range(3):
            yield from self.rt.kill_pod(pod, rstatus, w.grace_override)
            rstatus = self.rt.get_pod_status(pod)
            if not rstatus.running():
                break
        self._set_status(w, self._generate(w, rstatus, True))
        return "terminated"

    def _terminated(self, w: PodWorker) -> None:
        """``SyncTerminatedPod``: tear the sandbox down, write the final status, and remove a
        deleted pod's object (delete with grace period 0)."""
        if not w.adopted:
            self.rt.stop_sandbox(w.uid)
            rstatus = self.rt.get_pod_status(w.pod)
            # SyncTerminatedPod ends with statusManager.TerminatePod
            self._set_status(w, terminate_pod_status(w.pod, self._generate(w, rstatus, True), w.static))
        if self.prober is not None and hasattr(self.prober, "remove_pod"):
            with contextlib.suppress(Exception):
                self.prober.remove_pod(w.uid)
        if w.removed_from_api:
            self._forget(w)
            return
        if w.pod.metadata.deletionTimestamp is not None and not w.static and not w.deleted_requested:
            w.deleted_requested = True
            m = w.pod.metadata
            try:
                self.api.delete("pods", m.name, namespace=m.namespace, grace_period_seconds=0,
                                preconditions={"uid": w.uid})
            except Exception as exc:  # noqa: BLE001 - already gone, or recreated with another uid
                self._warn(f"could not delete pod {m.namespace}/{m.name}: {exc}")

    def _forget(self, w: PodWorker) -> None:
        if w.timer is not None:
            w.timer.cancel()
        if w.deadline_timer is not None:
            w.deadline_timer.cancel()
        if w.busy:
            w.coro.cancel()
        self.workers.pop(w.uid, None)
        self.evictions.pop(w.uid, None)  # podlab-pod
        self.disruptions.pop(w.uid, None)
        self.static_uids.discard(w.uid)
        self.status_manager.forget(w.uid)
        rec = self.rt.records.get(w.uid)
        if rec is not None:
            for cid in rec.container_ids:
                self.readiness.pop(cid, None)
                self.startup.pop(cid, None)
        self.rt.stop_sandbox(w.uid)
        self.rt.forget(w.uid)

    # ------------------------------------------------------------------ prober hooks

    def _current_container(self, pod_uid: str, container_name: str) -> RuntimeContainer | None:
        w = self.workers.get(pod_uid)
        if w is None:
            return None
        return self.rt.get_pod_status(w.pod).find(container_name)

    def set_container_ready(self, pod_uid: str, container_name: str, ready: bool) -> None:
        """The readiness probe's verdict for the container's current instance."""
        rc = self._current_container(pod_uid, container_name)
        if rc is None:
            return
        if self.readiness.get(rc.id) == ready:
            return
        self.readiness[rc.id] = ready
        self._request(self.workers[pod_uid], 0.0)

    def set_container_started(self, pod_uid: str, container_name: str, started: bool) -> None:
        """The startup probe's verdict for the container's current instance."""
        rc = self._current_container(pod_uid, container_name)
        if rc is None:
            return
        if self.startup.get(rc.id) == started:
            return
        self.startup[rc.id] = started
        self._request(self.workers[pod_uid], 0.0)

    def is_started(self, pod_uid: str, container_name: str) -> bool:
        """Whether the container's current instance runs and passed its startup probe."""
        rc = self._current_container(pod_uid, container_name)
        if rc is None or not rc.running:
            return False
        w = self.workers[pod_uid]
        spec = next((c for c in list(w.pod.spec.containers or []) + list(w.pod.spec.initContainers or [])
                     if c.name == container_name), None)
        return bool(self._startup_done(w.pod, spec, rc))

    def kill_container(self, pod_uid: str, container_name: str, reason_message: str,
                       grace_period: float | None = None, reason: str = "LivenessProbe") -> None:
        """Kill the container's current instance (a liveness or startup probe failure), through
        the kubelet's kill path: ``Killing`` event with ``reason_message`` (``, will be restarted``
        is added when the restart policy restarts it), preStop hook, grace period; then it is
        restarted per the pod's restart policy."""
        rc = self._current_container(pod_uid, container_name)
        w = self.workers.get(pod_uid)
        if rc is None or w is None or not rc.running:
            return
        rec = self.rt.record(pod_uid)
        rec.kill_requests[rc.id] = KillInfo(rc.id, container_name, None, reason_message, reason, grace_period)
        self._request(w, 0.0)

    # ------------------------------------------------------------------ queries

    def running_pods(self) -> list[Any]:
        """The pods this kubelet runs (not yet terminated), as it last saw them."""
        return [w.pod for w in self.workers.values() if w.state != TERMINATED]

    def pod_status(self, pod_uid: str) -> Any:
        """The status the kubelet last computed for a pod (``None`` if unknown)."""
        return self.status_manager.get(pod_uid)

    def _find(self, namespace: str, name: str) -> tuple[PodWorker | None, Any]:
        for w in self.workers.values():
            if w.key == (namespace, name) or (w.static and self._mirror_name(w.pod) == (namespace, name)):
                return w, w.pod
        try:
            pod = self.api.get("pods", name, namespace=namespace)
        except NotFound:
            raise NotFound.for_resource("pods", name) from None
        return None, pod

    def _pick_container(self, pod: Any, container: str | None) -> str:
        spec = pod.spec
        name = pod.metadata.name
        if not container:
            cs = spec.containers or []
            if len(cs) == 1:
                return cs[0].name
            if not cs:
                raise BadRequest(f"a container name must be specified for pod {name}")
            msg = (f"a container name must be specified for pod {name}, choose one of: "
                   f"[{' '.join(c.name for c in cs)}]")
            if spec.initContainers:
                msg += f" or one of the init containers: [{' '.join(c.name for c in spec.initContainers)}]"
            if spec.ephemeralContainers:
                msg += (" or one of the ephemeral containers: "
                        f"[{' '.join(c.name for c in spec.ephemeralContainers)}]")
            raise BadRequest(msg)
        names = [c.name for c in list(spec.containers or []) + list(spec.initContainers or [])
                 + list(spec.ephemeralContainers or [])]
        if container not in names:
            raise BadRequest(f"container {container} is not valid for pod {name}")
        return container

    def logs(self, namespace: str, name: str, container: str | None = None, previous: bool = False,
             timestamps: bool = False, tail: int | None = None) -> str:
        """``kubectl logs``: the current (or ``previous``) container's output.

        Raises :class:`~sandbox.errors.BadRequest` in the API server's and kubelet's words
        (``previous terminated container "x" in pod "y" not found``, ...).
        """
        w, pod = self._find(namespace, name)
        cname = self._pick_container(pod, container)
        status = self.status_manager.get(w.uid) if w is not None else None
        if status is None:
            status = pod.status
        cid = _container_id_for_logs(pod.metadata.name, status, cname, previous)
        try:
            lines = self.runtime.logs(cid)
        except cri.RuntimeError_:
            raise BadRequest(f'container "{cname}" in pod "{pod.metadata.name}" is not available') from None
        return render_logs(lines, timestamps=timestamps, tail=tail)

    def exec(self, namespace: str, name: str, container: str | None, argv: list[str],
             on_done: Callable[[cri.ExecResult], Any], timeout: float | None = None,
             stdin: str | None = None) -> None:
        """``kubectl exec``: run ``argv`` in a running container; ``on_done(ExecResult)`` later.

        Raises :class:`KubeletError` (``unable to upgrade connection: container not found ("x")``,
        ``cannot exec into a container in a completed pod; current phase is Succeeded``) or
        :class:`~sandbox.errors.BadRequest` (``container x is not valid for pod y``).
        """
        w, pod = self._find(namespace, name)
        phase = pod.status.phase if pod.status is not None else None
        if w is not None:
            st = self.status_manager.get(w.uid)
            if st is not None:
                phase = st.phase
        if phase in ("Succeeded", "Failed"):
            raise KubeletError(f"cannot exec into a container in a completed pod; current phase is {phase}")
        cname = self._pick_container(pod, container)
        rc = self._current_container(w.uid, cname) if w is not None else None
        if rc is None or not rc.running:
            raise KubeletError(f'unable to upgrade connection: container not found ("{cname}")')
        self.runtime.exec(rc.id, list(argv), on_done, timeout, stdin)


def _container_id_for_logs(pod_name: str, status: Any, cname: str, previous: bool) -> str:
    """``validateContainerLogStatus``."""
    cs = None
    if status is not None:
        for lst in (status.containerStatuses, status.initContainerStatuses, status.ephemeralContainerStatuses):
            for s in lst or []:
                if s.name == cname:
                    cs = s
                    break
            if cs is not None:
                break
    if cs is None:
        raise BadRequest(f'container "{cname}" in pod "{pod_name}" is waiting to start: ContainerCreating')
    last = cs.lastState.terminated if cs.lastState is not None else None
    state = cs.state
    waiting = state.waiting if state is not None else None
    running = state.running if state is not None else None
    terminated = state.terminated if state is not None else None
    if previous:
        if last is None or not last.containerID:
            raise BadRequest(f'previous terminated container "{cname}" in pod "{pod_name}" not found')
        return last.containerID
    if running is not None:
        return cs.containerID or ""
    if terminated is not None:
        if not terminated.containerID:
            if last is not None and last.containerID:
                return last.containerID
            raise BadRequest(f'container "{cname}" in pod "{pod_name}" is terminated')
        return terminated.containerID
    if last is not None:
        if not last.containerID:
            raise BadRequest(f'container "{cname}" in pod "{pod_name}" is terminated')
        return last.containerID
    if waiting is not None:
        reason = waiting.reason or ""
        if reason == "ErrImagePull":
            raise BadRequest(f'container "{cname}" in pod "{pod_name}" is waiting to start: image can\'t be pulled')
        if reason == "ImagePullBackOff":
            raise BadRequest(
                f'container "{cname}" in pod "{pod_name}" is waiting to start: trying and failing to pull image')
        raise BadRequest(f'container "{cname}" in pod "{pod_name}" is waiting to start: {reason}')
    raise BadRequest(f'container "{cname}" in pod "{pod_name}" is waiting to start - no logs yet')
