"""The kubelet's runtime manager (``pkg/kubelet/kuberuntime``): what to do on each sync
(``computePodActions``) and doing it (``SyncPod``, ``startContainer``, ``killContainer``,
``killPod``), talking to the container runtime only through the CRI.

Blocking steps of the real kubelet (image pulls, hooks, waiting for a container to stop) are
coroutine ops here (:mod:`sandbox.kubelet.coro`), so the kubelet stays a set of clock callbacks.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sandbox.kubelet import events
from sandbox.kubelet.backoff import Backoff, format_duration
from sandbox.kubelet.container import (
    CONTAINER_HASH_ANNOTATION,
    PodRuntimeStatus,
    RuntimeContainer,
    hash_container,
    is_restartable_init_container,
    should_container_be_restarted,
)
from sandbox.kubelet.coro import All, Op, Wait
from sandbox.kubelet.envvars import EnvError, expand, make_environment
from sandbox.kubelet.images import ImageManager
from sandbox.kubelet.lifecycle import run_handler
from sandbox.kubelet.logs import tail_for_termination_message
from sandbox.kubelet.security import determine_credentials
from sandbox.kubelet.status import Reason
from sandbox.kubelet.volume import PodVolumes, VolumeManager
from sandbox.runtime import cri

__all__ = [
    "ERR_CRASH_LOOP_BACKOFF",
    "ERR_CREATE_CONTAINER_CONFIG",
    "ERR_CREATE_CONTAINER",
    "ERR_RUN_CONTAINER",
    "ERR_POST_START_HOOK",
    "MINIMUM_GRACE_PERIOD",
    "KillInfo",
    "PodActions",
    "PodRecord",
    "SyncResult",
    "compute_pod_actions",
    "RuntimeManager",
]

ERR_CRASH_LOOP_BACKOFF = "CrashLoopBackOff"
ERR_CREATE_CONTAINER_CONFIG = "CreateContainerConfigError"
ERR_CREATE_CONTAINER = "CreateContainerError"
ERR_RUN_CONTAINER = "RunContainerError"
ERR_POST_START_HOOK = "PostStartHookError"

#: ``minimumGracePeriodInSeconds``: a container always gets this long after SIGTERM.
MINIMUM_GRACE_PERIOD = 2


@dataclass
class KillInfo:
    """``containerToKillInfo``."""

    container_id: str
    name: str
    spec: Any
    message: str
    reason: str = ""
    grace_override: float | None = None


@dataclass
class PodActions:
    """``podActions``: what one sync must do."""

    kill_pod: bool = False
    create_sandbox: bool = False
    containers_to_start: list[int] = field(default_factory=list)
    init_containers_to_start: list[int] = field(default_factory=list)
    ephemeral_containers_to_start: list[int] = field(default_factory=list)
    containers_to_kill: dict[str, KillInfo] = field(default_factory=dict)


@dataclass
class SyncResult:
    """What a runtime sync did: start failures by container name, and whether anything changed."""

    start_errors: dict[str, Reason] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)
    changed: bool = False
    retry_at: float | None = None

    def retry(self, when: float) -> None:
        if self.retry_at is None or when < self.retry_at:
            self.retry_at = when


@dataclass
class PodRecord:
    """The runtime's state for one pod, as the kubelet tracks it (sandbox, containers, volumes)."""

    uid: str
    sandbox: Any = None
    sandbox_ready: bool = False
    container_ids: list[str] = field(default_factory=list)
    seqs: dict[str, int] = field(default_factory=dict)
    volumes: PodVolumes | None = None
    kill_requests: dict[str, KillInfo] = field(default_factory=dict)


def _is_init_container_failed(rc: RuntimeContainer) -> bool:
    if rc.exited and rc.exit_code != 0:
        return True
    return rc.state == cri.ContainerState.UNKNOWN


def compute_pod_actions(
    pod: Any,
    status: PodRuntimeStatus,
    startup_done: Callable[[Any, RuntimeContainer], bool | None],
    kill_requests: dict[str, KillInfo] | None = None,
) -> PodActions:
    """``computePodActions``: which containers to kill and start, whether to create the sandbox.

    ``startup_done(spec, container)`` is the startup probe result for a container with a
    ``startupProbe`` (``None`` while unknown). ``kill_requests`` are liveness/startup failures
    reported by the prober, by container id.
    """
    spec = pod.spec
    kill_requests = kill_requests or {}
    restart_on_failure = (spec.restartPolicy or "Always") != "Never"
    actions = PodActions()
    if not status.sandbox_ready:
        actions.kill_pod = True
        actions.create_sandbox = True
        if not restart_on_failure and status.containers:
            actions.create_sandbox = False
            return actions
        to_start = []
        for i, c in enumerate(spec.containers or []):
            rc = status.find(c.name)
            if spec.restartPolicy == "OnFailure" and rc is not None and rc.exited and rc.exit_code == 0:
                continue
            to_start.append(i)
        if not to_start and any(status.find(c.name) is not None for c in spec.containers or []):
            actions.create_sandbox = False
            return actions
        if spec.initContainers:
            actions.init_containers_to_start = [0]
            return actions
        actions.containers_to_start = to_start
        return actions

    for i, ec in enumerate(spec.ephemeralContainers or []):
        if status.find(ec.name) is None:
            actions.ephemeral_containers_to_start.append(i)

    initialized = _compute_init_actions(pod, status, actions, startup_done, kill_requests)
    if actions.kill_pod or not initialized:
        return actions

    keep = 0
    for i, c in enumerate(spec.containers or []):
        rc = status.find(c.name)
        if rc is None or not rc.running:
            if should_container_be_restarted(c, pod, status):
                actions.containers_to_start.append(i)
            continue
        req = kill_requests.get(rc.id)
        if rc.changed(c):
            # the image was updated in place: restart whatever the restart policy says
            req = KillInfo(rc.id, c.name, c, f"Container {c.name} definition changed")
            restart = True
        elif req is None:
            keep += 1
            continue
        else:
            restart = restart_on_failure
        msg = req.message
        if restart:
            msg = f"{msg}, will be restarted"
            actions.containers_to_start.append(i)
        actions.containers_to_kill[rc.id] = KillInfo(rc.id, c.name, c, msg, req.reason, req.grace_override)

    if keep == 0 and not actions.containers_to_start:
        actions.kill_pod = True
        actions.init_containers_to_start = []
    return actions


def _compute_init_actions(
    pod: Any,
    status: PodRuntimeStatus,
    actions: PodActions,
    startup_done: Callable[[Any, RuntimeContainer], bool | None],
    kill_requests: dict[str, KillInfo],
) -> bool:
    """``computeInitContainerActions``; returns whether the pod has initialized."""
    inits = list(pod.spec.initContainers or [])
    if not inits:
        return True
    restart_on_failure = (pod.spec.restartPolicy or "Always") != "Never"
    initialized = False
    for c in pod.spec.containers or []:
        rc = status.find(c.name)
        if rc is not None and rc.state in (cri.ContainerState.CREATED, cri.ContainerState.RUNNING):
            initialized = True
            break
    previously = initialized
    to_start: list[int] = []
    for i in range(len(inits) - 1, -1, -1):
        c = inits[i]
        rc = status.find(c.name)
        sidecar = is_restartable_init_container(c)
        if rc is None:
            if previously and sidecar:
                to_start.append(i)
            continue
        if previously and not sidecar:
            continue
        if rc.state == cri.ContainerState.CREATED:
            to_start.append(i)
        elif rc.running:
            if sidecar:
                ok = True
                if c.startupProbe is not None:
                    res = startup_done(c, rc)
                    if res is None:
                        ok = False
                    elif res is False:
                        actions.containers_to_kill[rc.id] = KillInfo(
                            rc.id, c.name, c, f"Init container {c.name} failed startup probe", "StartupProbe")
                        to_start.append(i)
                        ok = False
                if ok:
                    if i == len(inits) - 1:
                        initialized = True
                    elif not previously:
                        to_start.append(i + 1)
                    if rc.changed(c):
                        # a sidecar's image updated in place: restart it (no ", will be restarted")
                        actions.containers_to_kill[rc.id] = KillInfo(
                            rc.id, c.name, c, f"Init container {c.name} definition changed")
                        to_start.append(i)
                        if not previously:
                            previously = True
                        continue
                    req = kill_requests.get(rc.id)
                    if req is not None:
                        actions.containers_to_kill[rc.id] = KillInfo(
                            rc.id, c.name, c, req.message, req.reason, req.grace_override)
                        to_start.append(i)
        elif rc.exited:
            if sidecar:
                to_start.append(i)
            elif _is_init_container_failed(rc):
                if not restart_on_failure:
                    actions.kill_pod = True
                    actions.init_containers_to_start = []
                    return False
                to_start.append(i)
            else:
                if i == len(inits) - 1:
                    initialized = True
                else:
                    to_start.append(i + 1)
        else:
            if sidecar:
                to_start.append(i)
            else:
                if not restart_on_failure:
                    actions.kill_pod = True
                    actions.init_containers_to_start = []
                    return False
                to_start.append(i)
        if not previously:
            previously = True
    if not previously:
        to_start.append(0)
    to_start.reverse()
    actions.init_containers_to_start = to_start
    return initialized


# ------------------------------------------------------------------------------------------------


class _Ordering:
    """``terminationOrdering``: sidecars stop after the main containers, in reverse order."""

    def __init__(self, pod: Any, running: list[str], clock: Any) -> None:
        self.clock = clock
        self.running = set(running)
        self.deps: dict[str, set[str]] = {}
        mains = {c.name for c in pod.spec.containers or []}
        sidecars = [c.name for c in pod.spec.initContainers or [] if is_restartable_init_container(c)]
        for idx, name in enumerate(sidecars):
            self.deps[name] = set(mains) | set(sidecars[idx + 1:])
        self._waiters: list[tuple[str, Callable[[Any], None]]] = []

    def exited(self, name: str) -> None:
        self.running.discard(name)
        for w in list(self._waiters):
            if not (self.deps.get(w[0], set()) & self.running):
                self._waiters.remove(w)
                w[1](None)

    def wait_for_turn(self, name: str, timeout: float) -> Op:
        def starter(resume: Callable[[Any], None]) -> None:
            if not (self.deps.get(name, set()) & self.running):
                resume(None)
                return
            self._waiters.append((name, resume))
            self.clock.call_later(timeout, resume, None)

        return Wait(starter)


class RuntimeManager:
    """``kubeGenericRuntimeManager``: syncs pods against the container runtime.

    ``recorder(pod, container_name_or_None, type, reason, message)`` records events;
    ``lookup(kind, namespace, name)`` reads ConfigMaps and Secrets for the environment;
    ``startup_done(pod, spec, container)`` answers startup-probe results.
    """

    def __init__(
        self,
        runtime: cri.ContainerRuntime,
        clock: Any,
        recorder: Callable[[Any, str | None, str, str, str], Any],
        lookup: Callable[[str, str, str], Any],
        host_ips: Callable[[], list[str]],
    ) -> None:
        self.runtime = runtime
        self.clock = clock
        self.recorder = recorder
        self.lookup = lookup
        self.host_ips = host_ips
        self.backoff = Backoff(clock.now)
        self.images = ImageManager(runtime, clock, lambda pod, name, t, r, m: recorder(pod, name, t, r, m))
        # podlab-pod: the volume manager (sandbox.kubelet.volume); the kubelet sets host_fs
        self.volume_manager = VolumeManager(clock, lookup, recorder)
        #: ``service_env(namespace, enable_service_links)``: the Services' environment variables
        #: (``KUBERNETES_SERVICE_HOST``, ...); set by the kubelet, which reads them from the API.
        self.service_env: Callable[[str, bool], Mapping[str, str]] | None = None
        self.records: dict[str, PodRecord] = {}
        self.by_container: dict[str, str] = {}
        self._seq = 0
        self.startup_done: Callable[[Any, Any, RuntimeContainer], bool | None] = lambda pod, spec, rc: True
        #: Called with the pod after a step the status should show at once (the sandbox is up,
        #: a container started), as the kubelet's PLEG would notice it.
        self.on_progress: Callable[[Any], Any] = lambda pod: None

    # -- state ------------------------------------------------------------------------------------

    def record(self, uid: str) -> PodRecord:
        rec = self.records.get(uid)
        if rec is None:
            rec = self.records[uid] = PodRecord(uid)
        return rec

    def get_pod_status(self, pod: Any) -> PodRuntimeStatus:
        """``GetPodStatus``: the sandbox and every container of the pod the runtime still has."""
        uid = pod.metadata.uid
        rec = self.record(uid)
        st = PodRuntimeStatus(uid=uid, sandbox_ready=rec.sandbox_ready)
        if rec.sandbox is not None and rec.sandbox_ready:
            st.ips = list(getattr(rec.sandbox, "ips", []) or [])
        out = []
        for cid in rec.container_ids:
            try:
                s = self.runtime.container_status(cid)
            except cri.RuntimeError_:
                continue
            rc = RuntimeContainer.from_cri(s, rec.seqs.get(cid, 0))
            if rc.exited and not rc.message:
                spec = _spec_by_name(pod, rc.name)
                if spec is not None and spec.terminationMessagePolicy == "FallbackToLogsOnError" and rc.exit_code:
                    with contextlib.suppress(cri.RuntimeError_):
                        rc.message = tail_for_termination_message(self.runtime.logs(cid))
            out.append(rc)
        out.sort(key=lambda c: (c.created_at, c.seq), reverse=True)
        st.containers = out
        return st

    # -- sync -------------------------------------------------------------------------------------

    def sync_pod(self, pod: Any, status: PodRuntimeStatus) -> Generator[Op, Any, SyncResult]:
        """``SyncPod``: kill what must go, create the sandbox, start ephemeral, init and regular
        containers. Returns a :class:`SyncResult`."""
        result = SyncResult()
        rec = self.record(pod.metadata.uid)
        # podlab-pod: WaitForAttachAndMount before the runtime's sync; a remount on every sync
        if rec.volumes is None:
            pv, retry_at = self.volume_manager.setup(pod)
            if pv is None:
                if retry_at is not None:
                    result.retry(retry_at)
                return result
            rec.volumes = pv
        else:
            self.volume_manager.refresh(pod)
        actions = compute_pod_actions(
            pod, status, lambda spec, rc: self.startup_done(pod, spec, rc), rec.kill_requests
        )
        for cid in list(rec.kill_requests):
            if cid in actions.containers_to_kill or not any(c.id == cid and c.running for c in status.containers):
                rec.kill_requests.pop(cid, None)
        if actions.kill_pod:
            if status.running():
                yield from self.kill_pod(pod, status, None)
                result.changed = True
        else:
            for info in actions.containers_to_kill.values():
                rc = next((c for c in status.containers if c.id == info.container_id), None)
                if rc is not None:
                    yield from self.kill_container(pod, rc, info.spec, info.message, info.grace_override, None,
                                                   info.reason)
                    result.changed = True
        if actions.create_sandbox:
            try:
                self.create_sandbox(pod)
            except Exception as exc:  # noqa: BLE001 - the runtime's words go to the event
                self.recorder(pod, None, events.WARNING, events.FAILED_CREATE_POD_SANDBOX,
                              f"Failed to create pod sandbox: {exc}")
                result.retry(self.clock.now() + 10.0)
                return result
            status = self.get_pod_status(pod)
            self.on_progress(pod)

        for idx in actions.ephemeral_containers_to_start:
            spec = pod.spec.ephemeralContainers[idx]
            yield from self._start(pod, spec, status, result)
        for idx in actions.init_containers_to_start:
            spec = pod.spec.initContainers[idx]
            ok = yield from self._start(pod, spec, status, result)
            if not ok and not is_restartable_init_container(spec):
                break
        for idx in actions.containers_to_start:
            spec = pod.spec.containers[idx]
            yield from self._start(pod, spec, status, result)
        return result

    def _start(self, pod: Any, spec: Any, status: PodRuntimeStatus, result: SyncResult) -> Generator[Op, Any, bool]:
        backoff_msg = self.do_backoff(pod, spec, status, result)
        if backoff_msg is not None:
            result.start_errors[spec.name] = Reason(ERR_CRASH_LOOP_BACKOFF, backoff_msg)
            return False
        err = yield from self.start_container(pod, spec, status, result)
        if err is not None:
            result.start_errors[spec.name] = err
            return False
        result.started.add(spec.name)
        self.on_progress(pod)
        return True

    def _backoff_key(self, pod: Any, spec: Any) -> str:
        """``GetStableKey``: includes the container's hash, so a changed image starts afresh."""
        return f"{pod.metadata.uid}_{spec.name}_{hash_container(spec)}"

    def do_backoff(self, pod: Any, spec: Any, status: PodRuntimeStatus, result: SyncResult) -> str | None:
        """``doBackOff``: the CrashLoopBackOff message if the container must wait, else ``None``."""
        rc = next((c for c in status.containers if c.name == spec.name and c.exited), None)
        if rc is None:
            return None
        key = self._backoff_key(pod, spec)
        finished = rc.finished_at if rc.finished_at is not None else self.clock.now()
        if self.backoff.is_in_backoff_since(key, finished):
            self.recorder(pod, spec.name, events.WARNING, events.BACKOFF_START_CONTAINER,
                          f"Back-off restarting failed container {spec.name} in pod {events.format_pod(pod)}")
            result.retry(finished + self.backoff.get(key))
            return (f"back-off {format_duration(self.backoff.get(key))} restarting failed "
                    f"container={spec.name} pod={events.format_pod(pod)}")
        self.backoff.next(key, finished)
        return None

    def create_sandbox(self, pod: Any) -> None:
        rec = self.record(pod.metadata.uid)
        spec = pod.spec
        name = pod.metadata.name or ""
        hostname = spec.hostname or name[:63].rstrip("-.")
        searches = list(spec.dnsConfig.searches or []) if spec.dnsConfig is not None else []
        cfg = cri.PodSandboxConfig(
            name=name,
            namespace=pod.metadata.namespace or "default",
            uid=pod.metadata.uid or "",
            hostname=hostname,
            subdomain=spec.subdomain or "",
            host_network=bool(spec.hostNetwork),
            host_ipc=bool(spec.hostIPC),
            host_pid=bool(spec.hostPID),
            share_process_namespace=bool(spec.shareProcessNamespace),
            set_hostname_as_fqdn=bool(spec.setHostnameAsFQDN),  # podlab-pod
            host_aliases=[(h.ip or "", list(h.hostnames or [])) for h in spec.hostAliases or []],
            dns_search=searches,
            labels=dict(pod.metadata.labels or {}),
            annotations=dict(pod.metadata.annotations or {}),
        )
        rec.sandbox = self.runtime.run_pod_sandbox(cfg)
        rec.sandbox_ready = True

    def stop_sandbox(self, uid: str) -> None:
        rec = self.records.get(uid)
        if rec is None or rec.sandbox is None or not rec.sandbox_ready:
            return
        rec.sandbox_ready = False
        with contextlib.suppress(Exception):
            self.runtime.stop_pod_sandbox(rec.sandbox)

    def container_config(self, pod: Any, spec: Any, attempt: int, rec: PodRecord) -> cri.ContainerConfig:
        """``generateContainerConfig``: env, expanded command/args, mounts, credentials, limits."""
        ips = list(getattr(rec.sandbox, "ips", []) or [])
        hips = self.host_ips()
        env = make_environment(
            pod, spec,
            lambda ns, n: self.lookup("configmaps", ns, n),
            lambda ns, n: self.lookup("secrets", ns, n),
            host_ip=hips[0] if hips else "", pod_ips=ips,
            host_ips=hips,
            service_env=(self.service_env(pod.metadata.namespace or "default", pod.spec.enableServiceLinks is not False)
                         if self.service_env is not None else None),
            node_allocatable=self.volume_manager.node_allocatable(),
            on_invalid_keys=lambda msg: self.recorder(pod, None, events.WARNING, "InvalidEnvironmentVariableNames", msg),
        )
        envmap = dict(env)

        def look(k: str) -> str | None:
            return envmap.get(k)

        command = [expand(a, look) for a in spec.command] if spec.command is not None else None
        args = [expand(a, look) for a in spec.args] if spec.args is not None else None
        creds = determine_credentials(pod, spec)  # podlab-pod: sandbox.kubelet.security
        mem = cpu = None
        res = spec.resources
        if res is not None and res.limits:
            if res.limits.get("memory") is not None:
                mem = int(res.limits["memory"].value())
            if res.limits.get("cpu") is not None:
                cpu = int(res.limits["cpu"].milli_value())
        tmp = spec.terminationMessagePath
        return cri.ContainerConfig(
            name=spec.name,
            image=spec.image or "",
            command=command,
            args=args,
            env=env,
            working_dir=spec.workingDir or None,
            mounts=rec.volumes.mounts_for(spec, envmap) if rec.volumes is not None else [],
            credentials=creds,
            memory_limit=mem,
            cpu_limit_millis=cpu,
            termination_message_path=tmp if tmp is not None else "/dev/termination-log",
            stdin=bool(spec.stdin),
            tty=bool(spec.tty),
            attempt=attempt,
            annotations={CONTAINER_HASH_ANNOTATION: hash_container(spec)},
            labels={
                "io.kubernetes.container.name": spec.name,
                "io.kubernetes.pod.name": pod.metadata.name or "",
                "io.kubernetes.pod.namespace": pod.metadata.namespace or "",
                "io.kubernetes.pod.uid": pod.metadata.uid or "",
            },
        )

    def start_container(
        self, pod: Any, spec: Any, status: PodRuntimeStatus, result: SyncResult
    ) -> Generator[Op, Any, Reason | None]:
        """``startContainer``: pull, create, start, postStart. Returns the failure reason or ``None``."""
        name = spec.name
        pull = yield from self.images.ensure_image_exists(pod, spec)
        if not pull.ok:
            self.recorder(pod, name, events.WARNING, events.FAILED_TO_CREATE_CONTAINER, f"Error: {pull.error}")
            if pull.error == "ImagePullBackOff":
                nxt = self.images.next_retry(pod.metadata.uid, spec.image or "")
                if nxt is not None:
                    result.retry(nxt)
            elif pull.error == "ErrImagePull":
                result.retry(self.clock.now() + 1.0)
            else:
                # InvalidImageName, ErrImageNeverPull: no image back-off, but SyncPod failed,
                # so the pod worker syncs again after its backOffPeriod (10 s)
                result.retry(self.clock.now() + 10.0)
            return Reason(pull.error, pull.message)
        rec = self.record(pod.metadata.uid)
        if rec.sandbox is None or not rec.sandbox_ready:
            return Reason(ERR_CREATE_CONTAINER, "pod sandbox is not ready")
        prev = status.find(name)
        attempt = prev.attempt + 1 if prev is not None else 0
        # startSpec.getTargetID: an ephemeral container's targetContainerName must be running
        target_name = getattr(spec, "targetContainerName", None)
        target_id = None
        if target_name:
            target = status.find(target_name)
            if target is None or not target.running:
                msg = f"unable to find target container {target_name}"
                self.recorder(pod, name, events.WARNING, events.FAILED_TO_CREATE_CONTAINER, f"Error: {msg}")
                result.retry(self.clock.now() + 10.0)
                return Reason(ERR_CREATE_CONTAINER_CONFIG, msg)
            target_id = target.id
        try:
            cfg = self.container_config(pod, spec, attempt, rec)
        except EnvError as exc:
            self.recorder(pod, name, events.WARNING, events.FAILED_TO_CREATE_CONTAINER, f"Error: {exc}")
            result.retry(self.clock.now() + 10.0)
            return Reason(ERR_CREATE_CONTAINER_CONFIG, str(exc))
        cfg.target_id = target_id  # the CRI's NamespaceMode TARGET (pid)
        try:
            cid = self.runtime.create_container(rec.sandbox, cfg)
        except cri.CreateContainerError as exc:
            self.recorder(pod, name, events.WARNING, events.FAILED_TO_CREATE_CONTAINER, f"Error: {exc}")
            result.retry(self.clock.now() + 10.0)
            reason = ERR_CREATE_CONTAINER_CONFIG if type(exc).__name__ == "CreateContainerConfigError" else ERR_CREATE_CONTAINER
            return Reason(reason, str(exc))
        except cri.RuntimeError_ as exc:
            self.recorder(pod, name, events.WARNING, events.FAILED_TO_CREATE_CONTAINER, f"Error: {exc}")
            result.retry(self.clock.now() + 10.0)
            return Reason(ERR_CREATE_CONTAINER, str(exc))
        self._seq += 1
        rec.container_ids.append(cid)
        rec.seqs[cid] = self._seq
        self.by_container[cid] = pod.metadata.uid
        result.changed = True
        self._gc(rec, name)
        self.recorder(pod, name, events.NORMAL, events.CREATED_CONTAINER, f"Created container: {name}")
        try:
            self.runtime.start_container(cid)
        except cri.RuntimeError_ as exc:
            self.recorder(pod, name, events.WARNING, events.FAILED_TO_START_CONTAINER, f"Error: {exc}")
            return Reason(ERR_RUN_CONTAINER, str(exc))
        self.recorder(pod, name, events.NORMAL, events.STARTED_CONTAINER, f"Started container {name}")
        lc = getattr(spec, "lifecycle", None)
        if lc is not None and lc.postStart is not None:
            ips = list(getattr(rec.sandbox, "ips", []) or [])
            hook = yield from run_handler(self.runtime, rec.sandbox, pod, spec, cid, lc.postStart, ips[0] if ips else "")
            if not hook.ok:
                self.recorder(pod, name, events.WARNING, events.FAILED_POST_START_HOOK, "PostStartHook failed")
                try:
                    rc = RuntimeContainer.from_cri(self.runtime.container_status(cid), rec.seqs[cid])
                except cri.RuntimeError_:
                    rc = None
                if rc is not None and rc.running:
                    yield from self.kill_container(pod, rc, spec, "FailedPostStartHook", None, None)
                return Reason(ERR_POST_START_HOOK, hook.message)
        return None

    def _gc(self, rec: PodRecord, name: str) -> None:
        """Keep the newest two containers of each name (the current one and ``lastState``)."""
        mine = [cid for cid in rec.container_ids if self._name_of(cid) == name]
        for cid in mine[:-2]:
            with contextlib.suppress(cri.RuntimeError_):
                self.runtime.remove_container(cid)
            rec.container_ids.remove(cid)
            self.by_container.pop(cid, None)

    def _name_of(self, cid: str) -> str:
        try:
            return self.runtime.container_status(cid).name
        except cri.RuntimeError_:
            return ""

    # -- killing ----------------------------------------------------------------------------------

    def grace_period(self, pod: Any, spec: Any, reason: str = "") -> float:
        """``setTerminationGracePeriod``."""
        if pod.metadata.deletionGracePeriodSeconds is not None:
            return float(pod.metadata.deletionGracePeriodSeconds)
        g = pod.spec.terminationGracePeriodSeconds
        grace = float(g) if g is not None else 30.0
        probe = None
        if reason == "LivenessProbe":
            probe = getattr(spec, "livenessProbe", None)
        elif reason == "StartupProbe":
            probe = getattr(spec, "startupProbe", None)
        if probe is not None and probe.terminationGracePeriodSeconds is not None:
            grace = float(probe.terminationGracePeriodSeconds)
        return grace

    def kill_container(
        self,
        pod: Any,
        rc: RuntimeContainer,
        spec: Any,
        message: str,
        grace_override: float | None,
        ordering: _Ordering | None,
        reason: str = "",
    ) -> Generator[Op, Any, None]:
        """``killContainer``: Killing event, preStop hook, wait for its turn, stop with what is
        left of the grace period (never less than 2 s)."""
        grace = self.grace_period(pod, spec, reason) if spec is not None else 30.0
        if grace_override is not None:
            grace = grace_override
        msg = message or f"Stopping container {rc.name}"
        self.recorder(pod, rc.name, events.NORMAL, events.KILLING_CONTAINER, msg)
        lc = getattr(spec, "lifecycle", None) if spec is not None else None
        if lc is not None and lc.preStop is not None and grace > 0:
            rec = self.record(pod.metadata.uid)
            ips = list(getattr(rec.sandbox, "ips", []) or [])
            start = self.clock.now()
            hook = yield from _with_timeout(
                self.clock,
                run_handler(self.runtime, rec.sandbox, pod, spec, rc.id, lc.preStop, ips[0] if ips else "", timeout=grace),
                grace,
            )
            if hook is not None and not hook.ok:
                self.recorder(pod, rc.name, events.WARNING, events.FAILED_PRE_STOP_HOOK, "PreStopHook failed")
            grace -= int(self.clock.now() - start)
        if ordering is not None and grace > 0:
            start = self.clock.now()
            yield ordering.wait_for_turn(rc.name, grace)
            grace -= int(self.clock.now() - start)
        grace = max(grace, MINIMUM_GRACE_PERIOD)
        yield Wait(lambda resume: self._stop(rc.id, grace, resume))
        if ordering is not None:
            ordering.exited(rc.name)

    def _stop(self, cid: str, grace: float, resume: Callable[[Any], None]) -> None:
        try:
            self.runtime.stop_container(cid, grace, lambda _id: resume(None))
        except cri.RuntimeError_:
            resume(None)

    def kill_pod(self, pod: Any, status: PodRuntimeStatus, grace_override: float | None) -> Generator[Op, Any, None]:
        """``killPodWithSyncResult``: stop every running container in parallel, sidecars last."""
        running = status.running()
        if not running:
            return
        ordering = _Ordering(pod, [c.name for c in running], self.clock)
        gens = []
        for rc in running:
            spec = _spec_by_name(pod, rc.name)
            gens.append(self.kill_container(pod, rc, spec, "", grace_override, ordering))
        yield All(gens)

    def forget(self, uid: str) -> None:
        rec = self.records.pop(uid, None)
        if rec is None:
            return
        for cid in rec.container_ids:
            self.by_container.pop(cid, None)
            with contextlib.suppress(cri.RuntimeError_):
                self.runtime.remove_container(cid)
        self.backoff.delete_prefix(f"{uid}_")
        self.images.forget_pod(uid)
        self.volume_manager.forget(uid)  # podlab-pod


def _spec_by_name(pod: Any, name: str) -> Any:
    for c in list(pod.spec.containers or []) + list(pod.spec.initContainers or []) + list(pod.spec.ephemeralContainers or []):
        if c.name == name:
            return c
    return None


def _with_timeout(clock: Any, gen: Generator[Op, Any, Any], timeout: float) -> Generator[Op, Any, Any]:
    """Run ``gen`` but give up after ``timeout`` seconds (``executePreStopHook``); ``None`` then."""
    from sandbox.kubelet.coro import Coroutine

    box: dict[str, Any] = {}

    def starter(resume: Callable[[Any], None]) -> None:
        co = Coroutine(clock, gen, on_done=lambda v: resume(("done", v)), on_error=lambda e: resume(("done", None)))
        box["co"] = co
        clock.call_later(timeout, resume, ("timeout", None))
        co.start()

    kind, value = yield Wait(starter)
    if kind == "timeout":
        co = box.get("co")
        if co is not None:
            co.cancel()
        return None
    return value
