"""Logs (current, previous, timestamps, tail, errors), exec, ephemeral containers, probe hooks,
conditions' transition times."""

from __future__ import annotations

import pytest
from kubelet_harness import Harness

from sandbox.errors import BadRequest
from sandbox.kubelet import KubeletError
from sandbox.kubelet.logs import format_log_time

COUNTER = """
apiVersion: v1
kind: Pod
metadata: {name: counter}
spec:
  containers:
  - name: count
    image: busybox:1.28
    command: ['sh', '-c', 'i=0; while [ $i -lt 3 ]; do echo "$i: tick"; i=$((i+1)); sleep 1; done; exit 1']
"""


def test_logs_current_previous_timestamps_tail(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(COUNTER)
    h.advance(1.5)
    assert h.kubelet.logs("default", "counter") == "0: tick\n1: tick\n"
    with pytest.raises(BadRequest) as e:
        h.kubelet.logs("default", "counter", previous=True)
    assert str(e.value) == 'previous terminated container "count" in pod "counter" not found'
    assert h.kubelet.logs("default", "counter", timestamps=True) == (
        "2025-01-01T00:00:00.000000000Z 0: tick\n2025-01-01T00:00:01.000000000Z 1: tick\n")
    h.advance(2)  # exited at 3, restarted at once
    assert h.pod("counter").status.containerStatuses[0].restartCount == 1
    assert h.kubelet.logs("default", "counter", previous=True) == "0: tick\n1: tick\n2: tick\n"
    assert h.kubelet.logs("default", "counter", previous=True, tail=1) == "2: tick\n"
    assert h.kubelet.logs("default", "counter", tail=0) == ""


def test_log_time_format() -> None:
    assert format_log_time(1735689605.0) == "2025-01-01T00:00:05.000000000Z"
    assert format_log_time(1735689605.25) == "2025-01-01T00:00:05.250000000Z"


def test_logs_errors(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: two}
spec:
  initContainers: [{name: init, image: busybox:1.28, command: ['sleep', '100']}]
  containers:
  - {name: a, image: busybox:1.28, command: ['sleep', '3600']}
  - {name: b, image: busybox:1.28, command: ['sleep', '3600']}
""")
    h.advance(1)
    with pytest.raises(BadRequest) as e:
        h.kubelet.logs("default", "two")
    assert str(e.value) == ("a container name must be specified for pod two, choose one of: [a b] "
                            "or one of the init containers: [init]")
    with pytest.raises(BadRequest) as e:
        h.kubelet.logs("default", "two", "a")
    assert str(e.value) == 'container "a" in pod "two" is waiting to start: PodInitializing'
    with pytest.raises(BadRequest) as e:
        h.kubelet.logs("default", "two", "zz")
    assert str(e.value) == "container zz is not valid for pod two"


def test_logs_while_image_cannot_be_pulled(h: Harness) -> None:
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: "nginx:nosuchtag"}]
""")
    h.advance(1.5)
    with pytest.raises(BadRequest) as e:
        h.kubelet.logs("default", "p")
    assert str(e.value) == 'container "c" in pod "p" is waiting to start: image can\'t be pulled'
    h.advance(1)
    with pytest.raises(BadRequest) as e:
        h.kubelet.logs("default", "p")
    assert str(e.value) == 'container "c" in pod "p" is waiting to start: trying and failing to pull image'


def test_learner_code_that_raises_gets_exit_1_and_traceback_in_logs(h: Harness) -> None:
    from sandbox.images.image import image

    @image("example.com/crasher:1.0")
    def crasher(c):  # noqa: ANN001, ANN202
        raise ValueError("boom")

    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: crash}
spec:
  restartPolicy: Never
  containers: [{name: c, image: "example.com/crasher:1.0"}]
""")
    h.until(lambda: h.phase("crash") == "Failed", 30)
    assert h.pod("crash").status.containerStatuses[0].state.terminated.exitCode == 1
    assert "ValueError: boom" in h.kubelet.logs("default", "crash")


def test_exec(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: c, image: busybox:1.28, command: ['sh', '-c', 'echo hi > /tmp/x; sleep 3600'], env: [{name: V, value: "42"}]}
""")
    h.advance(1)
    r = h.exec("p", "c", ["sh", "-c", "cat /tmp/x; echo $V; exit 3"])
    assert (r.exit_code, r.stdout) == (3, "hi\n42\n")
    r = h.exec("p", None, ["cat", "/etc/hostname"])
    assert r.stdout == "p\n"
    with pytest.raises(BadRequest) as e:
        h.kubelet.exec("default", "p", "nope", ["true"], lambda r: None)
    assert str(e.value) == "container nope is not valid for pod p"


def test_exec_into_completed_or_not_running_container(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: done}
spec:
  restartPolicy: Never
  containers: [{name: c, image: busybox:1.28, command: ['true']}]
""")
    h.until(lambda: h.phase("done") == "Succeeded", 30)
    with pytest.raises(KubeletError) as e:
        h.kubelet.exec("default", "done", "c", ["true"], lambda r: None)
    assert str(e.value) == "cannot exec into a container in a completed pod; current phase is Succeeded"
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: crash}
spec:
  containers: [{name: c, image: busybox:1.28, command: ['false']}]
""")
    h.advance(5)
    with pytest.raises(KubeletError) as e:
        h.kubelet.exec("default", "crash", "c", ["true"], lambda r: None)
    assert str(e.value) == 'unable to upgrade connection: container not found ("c")'


def test_ephemeral_container_starts_once_and_can_be_execd(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: app, image: busybox:1.28, command: ['sleep', '3600']}]
""")
    h.advance(2)
    p = h.pod("p")
    p.spec.ephemeralContainers = [
        __import__("sandbox.api.core", fromlist=["EphemeralContainer"]).EphemeralContainer(
            name="debugger", image="busybox:1.28", command=["sh", "-c", "echo debugging; sleep 5"],
            targetContainerName="app", imagePullPolicy="IfNotPresent", terminationMessagePolicy="File")
    ]
    h.api.update(p, subresource="ephemeralcontainers")
    h.advance(1)
    st = h.pod("p").status.ephemeralContainerStatuses
    assert st[0].name == "debugger" and st[0].state.running is not None
    assert ("Normal", "Created", "Created container: debugger") in h.events("p")
    r = h.exec("p", "debugger", ["echo", "inside"])
    assert r.stdout == "inside\n"
    assert h.kubelet.logs("default", "p", "debugger") == "debugging\n"
    h.advance(30)
    st = h.pod("p").status.ephemeralContainerStatuses[0]
    assert st.state.terminated.exitCode == 0 and st.restartCount == 0  # never restarted


def test_condition_transition_times(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers: [{name: init, image: busybox:1.28, command: ['sleep', '10']}]
  containers: [{name: c, image: busybox:1.28, command: ['sleep', '3600']}]
""")
    h.advance(30)
    t = {c.type: int(c.lastTransitionTime.timestamp() - h.t0) for c in h.pod("p").status.conditions}
    assert t == {"PodReadyToStartContainers": 0, "Initialized": 10, "Ready": 10, "ContainersReady": 10,
                 "PodScheduled": 0}


def test_probe_hooks_readiness_and_liveness_kill(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  terminationGracePeriodSeconds: 5
  containers: [{name: c, image: busybox:1.28, command: ['sh', '-c', 'sleep 3600']}]
""")
    h.advance(2)
    uid = h.pod("p").metadata.uid
    h.kubelet.set_container_ready(uid, "c", False)
    h.advance(0.1)
    ready = h.condition("p", "Ready")
    assert (ready.status, ready.message) == ("False", "containers with unready status: [c]")
    h.kubelet.set_container_ready(uid, "c", True)
    h.advance(0.1)
    assert h.condition("p", "Ready").status == "True"
    h.kubelet.kill_container(uid, "c", "Container c failed liveness probe")
    h.advance(10)
    assert ("Normal", "Killing", "Container c failed liveness probe, will be restarted") in h.events("p")
    cs = h.pod("p").status.containerStatuses[0]
    assert cs.restartCount == 1 and cs.state.running is not None
    assert cs.lastState.terminated.exitCode == 137
