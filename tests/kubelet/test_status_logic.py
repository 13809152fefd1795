"""Pure status logic: getPhase, conditions, container status conversion, back-off arithmetic."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.api.core import (
    ContainerState,
    ContainerStateRunning,
    ContainerStateTerminated,
    ContainerStateWaiting,
    ContainerStatus,
    Pod,
)
from sandbox.kubelet.backoff import Backoff, format_duration
from sandbox.kubelet.container import PodRuntimeStatus, RuntimeContainer
from sandbox.kubelet.status import (
    convert_to_api_container_statuses,
    generate_containers_ready_condition,
    generate_pod_initialized_condition,
    get_phase,
)


def make_pod(policy: str = "Always", containers: tuple[str, ...] = ("a",), inits: tuple[str, ...] = (),
             sidecars: tuple[str, ...] = ()) -> Pod:
    init = [{"name": n, "image": "busybox"} for n in inits] + [
        {"name": n, "image": "busybox", "restartPolicy": "Always"} for n in sidecars]
    return Pod.from_dict({
        "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "default", "uid": "u"},
        "spec": {"restartPolicy": policy, "containers": [{"name": n, "image": "busybox"} for n in containers],
                 **({"initContainers": init} if init else {})},
    })


def st(name: str, state: str, code: int = 0, last: int | None = None, started: bool | None = None) -> ContainerStatus:
    if state == "running":
        s = ContainerState(running=ContainerStateRunning())
    elif state == "terminated":
        s = ContainerState(terminated=ContainerStateTerminated(exitCode=code))
    else:
        s = ContainerState(waiting=ContainerStateWaiting(reason=state))
    ls = ContainerState(terminated=ContainerStateTerminated(exitCode=last)) if last is not None else ContainerState()
    return ContainerStatus(name=name, state=s, lastState=ls, ready=False, restartCount=0, started=started)


@pytest.mark.parametrize(
    ("policy", "statuses", "terminal", "phase"),
    [
        ("Always", [st("a", "ContainerCreating")], False, "Pending"),
        ("Always", [st("a", "running")], False, "Running"),
        ("Always", [st("a", "terminated", 1)], False, "Running"),
        ("Always", [st("a", "CrashLoopBackOff", last=1)], False, "Running"),
        ("Never", [st("a", "terminated", 0)], False, "Succeeded"),
        ("Never", [st("a", "terminated", 2)], False, "Failed"),
        ("OnFailure", [st("a", "terminated", 2)], False, "Running"),
        ("OnFailure", [st("a", "terminated", 0)], False, "Succeeded"),
        ("Always", [st("a", "terminated", 0)], True, "Succeeded"),
        ("Always", [st("a", "terminated", 143)], True, "Failed"),
        ("Always", [], False, "Pending"),
    ],
)
def test_get_phase(policy: str, statuses: list[Any], terminal: bool, phase: str) -> None:
    assert get_phase(make_pod(policy), statuses, terminal) == phase


def test_get_phase_init_and_sidecars() -> None:
    p = make_pod("Never", inits=("i",))
    assert get_phase(p, [st("i", "running"), st("a", "PodInitializing")], False) == "Pending"
    assert get_phase(p, [st("i", "terminated", 1), st("a", "PodInitializing")], False) == "Failed"
    s = make_pod("Never", sidecars=("s",))
    assert get_phase(s, [st("s", "running", started=False), st("a", "PodInitializing")], False) == "Pending"
    assert get_phase(s, [st("s", "running", started=True), st("a", "terminated", 0)], False) == "Running"
    assert get_phase(s, [st("s", "terminated", 143), st("a", "terminated", 0)], False) == "Succeeded"


def test_conditions_messages() -> None:
    p = make_pod(containers=("b", "a"), inits=("i",))
    statuses = [st("i", "running"), st("a", "PodInitializing"), st("b", "PodInitializing")]
    c = generate_containers_ready_condition(p, statuses, "Pending")
    assert (c.status, c.reason, c.message) == ("False", "ContainersNotReady", "containers with unready status: [b a]")
    i = generate_pod_initialized_condition(p, statuses, "Pending")
    assert (i.status, i.reason, i.message) == (
        "False", "ContainersNotInitialized", "containers with incomplete status: [i]")
    c = generate_containers_ready_condition(p, [st("a", "running")], "Running")
    assert c.message == "containers with unknown status: [b], containers with unready status: [a]"
    done = generate_containers_ready_condition(p, [st("a", "terminated"), st("b", "terminated")], "Succeeded")
    assert (done.status, done.reason) == ("False", "PodCompleted")


def test_container_statuses_sorted_by_name_and_last_state() -> None:
    p = make_pod(containers=("zeta", "alpha"))
    rt = PodRuntimeStatus(uid="u", sandbox_ready=True, containers=[
        RuntimeContainer("containerd://2", "alpha", 1, "running", "busybox", "ref", 5.0, 2, started_at=5.0),
        RuntimeContainer("containerd://1", "alpha", 0, "exited", "busybox", "ref", 1.0, 1, started_at=1.0,
                         finished_at=4.0, exit_code=1, reason="Error"),
    ])
    out = convert_to_api_container_statuses(p, rt, None, list(p.spec.containers), False, False, {})
    assert [s.name for s in out] == ["alpha", "zeta"]
    a = out[0]
    assert a.restartCount == 1 and a.state.running is not None
    assert a.lastState.terminated.exitCode == 1 and a.lastState.terminated.containerID == "containerd://1"
    assert out[1].state.waiting.reason == "ContainerCreating"


def test_backoff_sequence_and_reset() -> None:
    now = [0.0]
    b = Backoff(lambda: now[0])
    delays = []
    for _ in range(7):
        b.next("k", now[0])
        delays.append(b.get("k"))
    assert delays == [10, 20, 40, 80, 160, 300, 300]
    now[0] = 1000.0
    assert not b.is_in_backoff_since("k", 1000.0 - 601)
    b.next("k", now[0] + 601)
    assert b.get("k") == 10


@pytest.mark.parametrize(("secs", "text"), [(10, "10s"), (80, "1m20s"), (300, "5m0s"), (1.2, "1.2s"),
                                             (0.5, "500ms"), (3725, "1h2m5s")])
def test_go_duration_format(secs: float, text: str) -> None:
    assert format_duration(secs) == text
