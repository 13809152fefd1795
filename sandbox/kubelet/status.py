"""Pod status: the phase (``getPhase``), container statuses (``convertToAPIContainerStatuses``),
conditions (``pkg/kubelet/status/generate.go``) and the status manager that writes them to the
API server through the ``status`` subresource, only when something changed.

These functions are pure: they take the pod, the runtime's view of its containers and the previous
status, and return models, so they can be tested without a cluster.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sandbox.api.core import (
    ContainerState,
    ContainerStateRunning,
    ContainerStateTerminated,
    ContainerStateWaiting,
    ContainerStatus,
    HostIP,
    PodCondition,
    PodIP,
    PodStatus,
)
from sandbox.kubelet.container import (
    PodRuntimeStatus,
    RuntimeContainer,
    has_any_regular_container_started,
    is_restartable_init_container,
    should_container_be_restarted,
)
from sandbox.runtime import cri

__all__ = [
    "PENDING",
    "RUNNING",
    "SUCCEEDED",
    "FAILED",
    "CONTAINER_CREATING",
    "POD_INITIALIZING",
    "get_phase",
    "generate_pod_ready_to_start_containers_condition",
    "generate_pod_initialized_condition",
    "generate_containers_ready_condition",
    "generate_pod_ready_condition",
    "convert_to_api_container_statuses",
    "generate_api_pod_status",
    "update_last_transition_times",
    "terminate_pod_status",
    "is_terminal",
    "StatusManager",
    "ts",
    "Reason",
]

PENDING, RUNNING, SUCCEEDED, FAILED = "Pending", "Running", "Succeeded", "Failed"
CONTAINER_CREATING = "ContainerCreating"
POD_INITIALIZING = "PodInitializing"

# condition reasons (pkg/kubelet/status/generate.go)
UNKNOWN_CONTAINER_STATUSES = "UnknownContainerStatuses"
POD_COMPLETED = "PodCompleted"
POD_FAILED = "PodFailed"
CONTAINERS_NOT_READY = "ContainersNotReady"
CONTAINERS_NOT_INITIALIZED = "ContainersNotInitialized"
READINESS_GATES_NOT_READY = "ReadinessGatesNotReady"

#: Conditions the kubelet owns (``PodConditionByKubelet``), in the order it writes them.
KUBELET_CONDITIONS = ("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled")


@dataclass(frozen=True)
class Reason:
    """An entry of the kubelet's reason cache: why a container could not be started."""

    reason: str
    message: str = ""


def ts(t: float | None) -> datetime | None:
    """A clock time (float seconds) as the aware datetime the models hold."""
    if t is None:
        return None
    return datetime.fromtimestamp(t, tz=timezone.utc)


def is_terminal(phase: str | None) -> bool:
    return phase in (SUCCEEDED, FAILED)


def _find(statuses: list[ContainerStatus], name: str | None) -> ContainerStatus | None:
    for s in statuses:
        if s.name == name:
            return s
    return None


# ---------------------------------------------------------------------------------- phase


def get_phase(pod: Any, statuses: list[ContainerStatus], pod_is_terminal: bool, is_static: bool = False) -> str:
    """``getPhase`` (``pkg/kubelet/kubelet_pods.go``): the phase from the container statuses
    (init and regular containers together)."""
    spec = pod.spec
    pending_restartable_init = 0
    pending_regular_init = 0
    failed_init = 0
    for c in spec.initContainers or []:
        if is_restartable_init_container(c):
            continue
        s = _find(statuses, c.name)
        if s is None or s.state is None:
            pending_regular_init += 1
            continue
        if s.state.running is not None:
            pending_regular_init += 1
        elif s.state.terminated is not None:
            if s.state.terminated.exitCode != 0:
                failed_init += 1
        elif s.state.waiting is not None:
            if s.lastState is not None and s.lastState.terminated is not None:
                if s.lastState.terminated.exitCode != 0:
                    failed_init += 1
            else:
                pending_regular_init += 1
        else:
            pending_regular_init += 1

    unknown = running = waiting = stopped = succeeded = 0
    for c in spec.initContainers or []:
        if not is_restartable_init_container(c):
            continue
        s = _find(statuses, c.name)
        if s is None or s.state is None:
            unknown += 1
            continue
        if s.state.running is not None:
            if not s.started:
                pending_restartable_init += 1
            running += 1
        elif s.state.terminated is not None:
            pass
        elif s.state.waiting is not None:
            if s.lastState is None or s.lastState.terminated is None:
                pending_restartable_init += 1
                waiting += 1
        else:
            pending_restartable_init += 1
            unknown += 1

    for c in spec.containers or []:
        s = _find(statuses, c.name)
        if s is None or s.state is None:
            unknown += 1
            continue
        if s.state.running is not None:
            running += 1
        elif s.state.terminated is not None:
            stopped += 1
            if s.state.terminated.exitCode == 0:
                succeeded += 1
        elif s.state.waiting is not None:
            if s.lastState is not None and s.lastState.terminated is not None:
                stopped += 1
            else:
                waiting += 1
        else:
            unknown += 1

    policy = spec.restartPolicy or "Always"
    if failed_init > 0 and policy == "Never":
        return FAILED
    if pending_regular_init > 0 or (
        pending_restartable_init > 0 and not has_any_regular_container_started(spec, statuses)
    ):
        return PENDING
    if waiting > 0:
        return PENDING
    if running > 0 and unknown == 0:
        return RUNNING
    if running == 0 and stopped > 0 and unknown == 0:
        if pod_is_terminal and not is_static:
            return SUCCEEDED if stopped == succeeded else FAILED
        if policy == "Always":
            return RUNNING
        if stopped == succeeded:
            return SUCCEEDED
        if policy == "Never":
            return FAILED
        return RUNNING
    return PENDING


# ---------------------------------------------------------------------------------- conditions


def _names(names: list[str]) -> str:
    return "[" + " ".join(names) + "]"


def generate_pod_ready_to_start_containers_condition(sandbox_ready: bool) -> PodCondition:
    """``PodReadyToStartContainers``: True once the sandbox exists with its network."""
    return PodCondition(type="PodReadyToStartContainers", status="True" if sandbox_ready else "False")


def _terminal_condition(type_: str, phase: str) -> PodCondition:
    return PodCondition(type=type_, status="False", reason=POD_FAILED if phase == FAILED else POD_COMPLETED)


def generate_containers_ready_condition(pod: Any, statuses: list[ContainerStatus] | None, phase: str) -> PodCondition:
    """``GenerateContainersReadyCondition``."""
    if statuses is None:
        return PodCondition(type="ContainersReady", status="False", reason=UNKNOWN_CONTAINER_STATUSES)
    unknown: list[str] = []
    unready: list[str] = []
    spec = pod.spec
    for c in [c for c in spec.initContainers or [] if is_restartable_init_container(c)] + list(spec.containers or []):
        s = _find(statuses, c.name)
        if s is None:
            unknown.append(c.name)
        elif not s.ready:
            unready.append(c.name)
    if phase == SUCCEEDED and not unknown:
        return _terminal_condition("ContainersReady", phase)
    if phase == FAILED:
        return _terminal_condition("ContainersReady", phase)
    msgs = []
    if unknown:
        msgs.append(f"containers with unknown status: {_names(unknown)}")
    if unready:
        msgs.append(f"containers with unready status: {_names(unready)}")
    if msgs:
        return PodCondition(type="ContainersReady", status="False", reason=CONTAINERS_NOT_READY, message=", ".join(msgs))
    return PodCondition(type="ContainersReady", status="True")


def generate_pod_ready_condition(
    pod: Any, conditions: list[PodCondition], statuses: list[ContainerStatus] | None, phase: str
) -> PodCondition:
    """``GeneratePodReadyCondition``: ContainersReady plus the pod's readiness gates."""
    cr = generate_containers_ready_condition(pod, statuses, phase)
    if cr.status != "True":
        return PodCondition(type="Ready", status=cr.status, reason=cr.reason, message=cr.message)
    msgs = []
    for rg in pod.spec.readinessGates or []:
        c = next((c for c in conditions if c.type == rg.conditionType), None)
        if c is None:
            msgs.append(f'corresponding condition of pod readiness gate "{rg.conditionType}" does not exist.')
        elif c.status != "True":
            msgs.append(f'the status of pod readiness gate "{rg.conditionType}" is not "True", but {c.status}')
    if msgs:
        return PodCondition(type="Ready", status="False", reason=READINESS_GATES_NOT_READY, message=", ".join(msgs))
    return PodCondition(type="Ready", status="True")


def generate_pod_initialized_condition(pod: Any, statuses: list[ContainerStatus] | None, phase: str) -> PodCondition:
    """``GeneratePodInitializedCondition``."""
    inits = pod.spec.initContainers or []
    if not inits:
        return PodCondition(type="Initialized", status="True")
    if statuses is None:
        return PodCondition(type="Initialized", status="False", reason=UNKNOWN_CONTAINER_STATUSES)
    unknown: list[str] = []
    incomplete: list[str] = []
    for c in inits:
        s = _find(statuses, c.name)
        if s is None:
            unknown.append(c.name)
            continue
        if is_restartable_init_container(c):
            if not s.started:
                incomplete.append(c.name)
            continue
        if not s.ready:
            incomplete.append(c.name)
    if phase == SUCCEEDED and not unknown:
        return PodCondition(type="Initialized", status="True", reason=POD_COMPLETED)
    if has_any_regular_container_started(pod.spec, statuses):
        return PodCondition(type="Initialized", status="True")
    msgs = []
    if unknown:
        msgs.append(f"containers with unknown status: {_names(unknown)}")
    if incomplete:
        msgs.append(f"containers with incomplete status: {_names(incomplete)}")
    if msgs:
        return PodCondition(
            type="Initialized", status="False", reason=CONTAINERS_NOT_INITIALIZED, message=", ".join(msgs)
        )
    return PodCondition(type="Initialized", status="True")


# ---------------------------------------------------------------------------------- container statuses


def _convert(rc: RuntimeContainer, old: ContainerStatus | None) -> ContainerStatus:
    st = ContainerStatus(
        name=rc.name, restartCount=rc.attempt, image=rc.image, imageID=rc.image_ref, containerID=rc.id, ready=False
    )
    if old is not None and old.volumeMounts is not None:
        st.volumeMounts = old.volumeMounts
    if rc.state == cri.ContainerState.RUNNING:
        st.state = ContainerState(running=ContainerStateRunning(startedAt=ts(rc.started_at)))
    elif rc.state == cri.ContainerState.CREATED:
        st.state = ContainerState(waiting=ContainerStateWaiting())
    elif rc.state == cri.ContainerState.EXITED:
        st.state = ContainerState(
            terminated=ContainerStateTerminated(
                exitCode=rc.exit_code if rc.exit_code is not None else 0,
                reason=rc.reason or None,
                message=rc.message or None,
                startedAt=ts(rc.started_at),
                finishedAt=ts(rc.finished_at),
                containerID=rc.id,
            )
        )
    elif old is not None and old.state is not None and old.state.running is not None:
        st.state = ContainerState(
            terminated=ContainerStateTerminated(
                reason="ContainerStatusUnknown",
                message="The container could not be located when the pod was terminated",
                exitCode=137,
            )
        )
        st.restartCount = (old.restartCount or 0) + 1
    else:
        st.state = ContainerState(waiting=ContainerStateWaiting())
    return st


def convert_to_api_container_statuses(
    pod: Any,
    runtime: PodRuntimeStatus,
    old_statuses: list[ContainerStatus] | None,
    containers: list[Any],
    has_init_containers: bool,
    is_init: bool,
    reasons: dict[str, Reason],
) -> list[ContainerStatus]:
    """``convertToAPIContainerStatuses``: one status per container in ``containers``.

    Regular and ephemeral statuses are sorted by name; init container statuses keep spec order.
    """
    old = {s.name: s for s in old_statuses or []}
    default_reason = POD_INITIALIZING if has_init_containers else CONTAINER_CREATING
    statuses: dict[str, ContainerStatus] = {}
    for c in containers:
        st = ContainerStatus(
            name=c.name, image=c.image, ready=False, restartCount=0,
            state=ContainerState(waiting=ContainerStateWaiting(reason=default_reason)),
        )
        o = old.get(c.name)
        if o is not None:
            if o.state is not None and o.state.terminated is not None:
                st = o.copy_deep()
            else:
                st.restartCount = o.restartCount or 0
                st.lastState = o.lastState.copy_deep() if o.lastState is not None else None
        statuses[c.name] = st

    seen: dict[str, int] = {}
    for rc in runtime.containers:  # newest first
        if rc.name not in statuses or seen.get(rc.name, 0) >= 2:
            continue
        conv = _convert(rc, old.get(rc.name))
        if seen.get(rc.name, 0) == 0:
            statuses[rc.name] = conv
        else:
            statuses[rc.name].lastState = conv.state
        seen[rc.name] = seen.get(rc.name, 0) + 1

    for c in containers:
        if is_init:
            rc = runtime.find(c.name)
            if rc is not None and rc.exited and rc.exit_code == 0:
                continue
        if not should_container_be_restarted(c, pod, runtime):
            continue
        r = reasons.get(c.name)
        if r is None:
            continue
        st = statuses[c.name]
        if st.state is not None and st.state.terminated is not None:
            st.lastState = st.state
        st.state = ContainerState(waiting=ContainerStateWaiting(reason=r.reason, message=r.message or None))

    out = [statuses[c.name] for c in containers]
    for s in out:
        if s.lastState is None:
            s.lastState = ContainerState()
    if not is_init:
        out.sort(key=lambda s: s.name or "")
    return out


def apply_probe_results(
    pod: Any,
    status: PodStatus,
    started_fn: Callable[[Any, ContainerStatus], bool],
    ready_fn: Callable[[Any, ContainerStatus], bool],
) -> None:
    """``prober.Manager.UpdatePodStatus``: set ``started`` and ``ready`` of each container status."""
    by_name = {c.name: c for c in pod.spec.containers or []}
    for s in status.containerStatuses or []:
        c = by_name.get(s.name)
        running = s.state is not None and s.state.running is not None
        started = bool(running and c is not None and started_fn(c, s))
        s.started = started
        s.ready = bool(started and ready_fn(c, s))
    inits = {c.name: c for c in pod.spec.initContainers or []}
    for s in status.initContainerStatuses or []:
        c = inits.get(s.name)
        running = s.state is not None and s.state.running is not None
        started = bool(running and c is not None and started_fn(c, s))
        s.started = started
        if c is None:
            continue
        if not is_restartable_init_container(c):
            s.ready = bool(s.state is not None and s.state.terminated is not None and s.state.terminated.exitCode == 0)
            continue
        s.ready = bool(started and ready_fn(c, s))


def generate_api_pod_status(
    pod: Any,
    runtime: PodRuntimeStatus,
    old: PodStatus | None,
    reasons: dict[str, Reason],
    pod_is_terminal: bool,
    host_ips: list[str],
    started_fn: Callable[[Any, ContainerStatus], bool],
    ready_fn: Callable[[Any, ContainerStatus], bool],
    evict: tuple[str, str] | None = None,
    is_static: bool = False,
    disruption: PodCondition | None = None,
) -> PodStatus:
    """``generateAPIPodStatus``: the whole pod status (without transition times; see
    :func:`update_last_transition_times`).

    ``disruption`` is the ``DisruptionTarget`` condition an eviction added; once set it is kept
    (from the previous status) ahead of the kubelet's own conditions, as the kubelet copies it."""
    old = old if old is not None else PodStatus()
    api_status = pod.status or PodStatus()
    has_init = bool(pod.spec.initContainers)
    s = PodStatus()
    s.containerStatuses = convert_to_api_container_statuses(
        pod, runtime, old.containerStatuses, list(pod.spec.containers or []), has_init, False, reasons
    )
    s.initContainerStatuses = (
        convert_to_api_container_statuses(
            pod, runtime, old.initContainerStatuses, list(pod.spec.initContainers or []), has_init, True, reasons
        )
        or None
    )
    if pod.spec.ephemeralContainers:
        s.ephemeralContainerStatuses = convert_to_api_container_statuses(
            pod, runtime, old.ephemeralContainerStatuses, list(pod.spec.ephemeralContainers), has_init, False, reasons
        )
    apply_probe_results(pod, s, started_fn, ready_fn)

    all_statuses = list(s.containerStatuses or []) + list(s.initContainerStatuses or [])
    s.phase = get_phase(pod, all_statuses, pod_is_terminal, is_static)
    if evict is not None:  # a PodSyncHandler's ShouldEvict (active deadline) or an eviction
        s.phase = FAILED
    # pods are not allowed to transition out of terminal phases: once Failed (say, past its
    # active deadline) a pod stays Failed even if its containers then exit 0 on SIGTERM
    for prev in (old.phase, api_status.phase):
        if is_terminal(prev):
            s.phase = prev
            break
    if evict is not None and s.phase == FAILED:
        s.reason, s.message = evict
    elif s.phase == old.phase:
        s.reason = old.reason or api_status.reason
        s.message = old.message or api_status.message

    if runtime.ips:
        s.podIP = runtime.ips[0]
        s.podIPs = [PodIP(ip=ip) for ip in runtime.ips]
    elif old.podIP:
        s.podIP, s.podIPs = old.podIP, old.podIPs
    if host_ips:
        s.hostIP = host_ips[0]
        s.hostIPs = [HostIP(ip=ip) for ip in host_ips]
    s.qosClass = api_status.qosClass
    s.startTime = old.startTime or api_status.startTime
    s.nominatedNodeName = api_status.nominatedNodeName

    conds: list[PodCondition] = [
        c.copy_deep() for c in api_status.conditions or [] if c.type not in KUBELET_CONDITIONS
    ]
    if disruption is None:
        disruption = next((c for c in old.conditions or [] if c.type == "DisruptionTarget"), None)
    if disruption is not None:  # ReplaceOrAppendPodCondition
        i = next((i for i, c in enumerate(conds) if c.type == "DisruptionTarget"), None)
        if i is None:
            conds.append(disruption.copy_deep())
        else:
            conds[i] = disruption.copy_deep()
    conds.append(generate_pod_ready_to_start_containers_condition(runtime.sandbox_ready))
    all_for_conds = list(s.initContainerStatuses or []) + list(s.containerStatuses or [])
    conds.append(generate_pod_initialized_condition(pod, all_for_conds, s.phase))
    conds.append(generate_pod_ready_condition(pod, conds, all_for_conds, s.phase))
    conds.append(generate_containers_ready_condition(pod, all_for_conds, s.phase))
    conds.append(PodCondition(type="PodScheduled", status="True"))
    s.conditions = conds
    return s


CONTAINER_STATUS_UNKNOWN = "ContainerStatusUnknown"
TERMINATED_UNKNOWN_MESSAGE = "The container could not be located when the pod was terminated"


def _has_pod_initialized(pod: Any, status: PodStatus) -> bool:
    """``hasPodInitialized`` (``status_manager.go``)."""
    if not pod.spec.initContainers:
        return True
    for s in status.containerStatuses or []:
        last = s.lastState.terminated if s.lastState is not None else None
        if last is not None or s.state is None or s.state.waiting is None:
            return True
    inits = status.initContainerStatuses or []
    if inits:
        last_init = inits[-1]
        for st in (last_init.state, last_init.lastState):
            if st is not None and st.terminated is not None and st.terminated.exitCode == 0:
                return True
    return False


def terminate_pod_status(pod: Any, status: PodStatus, is_static: bool = False) -> PodStatus:
    """The status manager's ``TerminatePod``, applied when a pod worker has terminated: once the
    pod has initialized, any container without a terminated state is reported as
    ``ContainerStatusUnknown`` (exit code 137, ``The container could not be located when the pod
    was terminated``: the kubelet cannot know whether it succeeded), and a non-static pod still
    ``Pending`` or ``Running`` is marked ``Failed``. Returns a new status."""
    status = status.copy_deep()
    unknown = ContainerState(terminated=ContainerStateTerminated(
        reason=CONTAINER_STATUS_UNKNOWN, message=TERMINATED_UNKNOWN_MESSAGE, exitCode=137))
    if _has_pod_initialized(pod, status):
        for s in status.containerStatuses or []:
            if s.state is None or s.state.terminated is None:
                s.state = unknown.copy_deep()
    if not is_static and status.phase not in (SUCCEEDED, FAILED):
        status.phase = FAILED
    return status


def update_last_transition_times(new: PodStatus, old: PodStatus | None, now: float) -> None:
    """The status manager's ``updateLastTransitionTime``: keep a condition's time while its status
    stays; stamp ``now`` when it changes or first appears. Also keeps ``startTime``."""
    old_conds = {c.type: c for c in (old.conditions if old is not None else None) or []}
    for c in new.conditions or []:
        if c.lastTransitionTime is not None and c.type not in KUBELET_CONDITIONS:
            continue
        o = old_conds.get(c.type)
        if o is not None and o.status == c.status and o.lastTransitionTime is not None:
            c.lastTransitionTime = o.lastTransitionTime
        else:
            c.lastTransitionTime = ts(now)
    if old is not None and old.startTime is not None:
        new.startTime = old.startTime
    elif new.startTime is None:
        new.startTime = ts(now)


class StatusManager:
    """The kubelet's status manager: caches each pod's status and writes it through the
    ``status`` subresource when (and only when) it changed.

    ``api`` is the API server; writes never raise (a pod deleted meanwhile is simply forgotten).
    """

    def __init__(self, api: Any, clock: Any, on_error: Callable[[str], Any] | None = None) -> None:
        self.api = api
        self.clock = clock
        self._statuses: dict[str, PodStatus] = {}
        self._written: dict[str, dict[str, Any]] = {}
        self._on_error = on_error
        self.writes = 0
        self.enabled = True

    def get(self, uid: str) -> PodStatus | None:
        """The cached status of a pod (what the kubelet last computed)."""
        s = self._statuses.get(uid)
        return s.copy_deep() if s is not None else None

    def set_pod_status(self, pod: Any, status: PodStatus, target: tuple[str, str] | None = None) -> bool:
        """Record ``status`` for ``pod`` (stamping transition times) and write it if it changed.

        ``target`` is the ``(namespace, name)`` of the API object to write (a static pod's mirror
        pod); by default the pod itself. Returns whether a write happened.
        """
        uid = pod.metadata.uid
        old = self._statuses.get(uid) or pod.status
        update_last_transition_times(status, old, self.clock.now())
        self._statuses[uid] = status.copy_deep()
        return self.sync(pod, target)

    def sync(self, pod: Any, target: tuple[str, str] | None = None) -> bool:
        if not self.enabled:
            return False
        uid = pod.metadata.uid
        status = self._statuses.get(uid)
        if status is None:
            return False
        d = status.to_dict()
        if self._written.get(uid) == d:
            return False
        ns, name = target if target is not None else (pod.metadata.namespace, pod.metadata.name)
        try:
            cur = self.api.get("pods", name, namespace=ns)
        except Exception:  # noqa: BLE001 - the pod is gone: nothing to write
            return False
        if target is None and cur.metadata.uid != uid:
            return False
        if cur.status is not None and cur.status.to_dict() == d:
            self._written[uid] = d
            return False
        cur.status = status.copy_deep()
        cur.metadata.resourceVersion = None
        try:
            self.api.update(cur, subresource="status")
        except Exception as exc:  # noqa: BLE001 - never raise out of the kubelet's sync
            if self._on_error is not None:
                self._on_error(f"failed to update status of pod {ns}/{name}: {exc}")
            return False
        self._written[uid] = d
        self.writes += 1
        return True

    def set_cached(self, pod: Any, status: PodStatus) -> None:
        """Record ``status`` without writing it (the pod's object is gone, or a static pod has no
        mirror pod yet)."""
        uid = pod.metadata.uid
        old = self._statuses.get(uid) or pod.status
        update_last_transition_times(status, old, self.clock.now())
        self._statuses[uid] = status.copy_deep()

    def forget_written(self, uid: str) -> None:
        """Forget what was last written, so the next sync writes again (a new mirror pod)."""
        self._written.pop(uid, None)

    def forget(self, uid: str) -> None:
        self._statuses.pop(uid, None)
        self._written.pop(uid, None)
