"""The kubelet runs the official Pod examples as a real cluster would (virtual time)."""

from __future__ import annotations

import threading

import pytest
from kubelet_harness import Harness

NGINX = """
apiVersion: v1
kind: Pod
metadata: {name: nginx}
spec:
  containers:
  - name: nginx
    image: nginx:1.14.2
    ports: [{containerPort: 80}]
"""


def test_nginx_runs_and_is_ready(h: Harness) -> None:
    h.apply(NGINX)
    t = h.until(lambda: h.condition("nginx", "Ready") is not None and h.condition("nginx", "Ready").status == "True")
    assert t < 5
    st = h.pod("nginx").status
    assert st.phase == "Running"
    assert st.podIP and st.podIPs[0].ip == st.podIP
    assert st.hostIP and st.hostIPs[0].ip == st.hostIP
    assert st.startTime is not None
    cs = st.containerStatuses[0]
    assert (cs.name, cs.ready, cs.started, cs.restartCount) == ("nginx", True, True, 0)
    assert cs.containerID.startswith("containerd://")
    assert cs.imageID.startswith("docker.io/library/nginx@sha256:")
    assert cs.state.running is not None
    assert [c.type for c in st.conditions] == [
        "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"]
    evs = h.events("nginx")
    assert evs[0] == ("Normal", "Pulling", 'Pulling image "nginx:1.14.2"')
    assert evs[1][1] == "Pulled"
    assert evs[1][2].startswith('Successfully pulled image "nginx:1.14.2" in ')
    assert "including waiting). Image size: " in evs[1][2] and evs[1][2].endswith(" bytes.")
    assert evs[2:] == [("Normal", "Created", "Created container: nginx"), ("Normal", "Started", "Started container nginx")]


def test_status_written_only_when_it_changes(h: Harness) -> None:
    h.apply(NGINX)
    h.advance(10)
    rv = h.pod("nginx").metadata.resourceVersion
    writes = h.kubelet.status_manager.writes
    h.advance(600)
    assert h.pod("nginx").metadata.resourceVersion == rv
    assert h.kubelet.status_manager.writes == writes


def test_pending_while_pulling_shows_container_creating(h: Harness) -> None:
    h.apply(NGINX)
    h.advance(0.5)
    st = h.pod("nginx").status
    assert st.phase == "Pending"
    assert st.containerStatuses[0].state.waiting.reason == "ContainerCreating"
    assert st.containerStatuses[0].image == "nginx:1.14.2"
    assert h.condition("nginx", "PodReadyToStartContainers").status == "True"
    ready = h.condition("nginx", "Ready")
    assert (ready.status, ready.reason, ready.message) == (
        "False", "ContainersNotReady", "containers with unready status: [nginx]")


BUSYBOX = """
apiVersion: v1
kind: Pod
metadata: {name: myapp-pod}
spec:
  restartPolicy: %s
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', '%s']
"""


def test_busybox_echo_and_sleep(h: Harness) -> None:
    h.apply(BUSYBOX % ("Always", "echo The app is running! && sleep 3600"))
    h.advance(60)
    assert h.phase("myapp-pod") == "Running"
    assert h.kubelet.logs("default", "myapp-pod") == "The app is running!\n"


@pytest.mark.parametrize(
    ("script", "policy", "phase", "reason", "code"),
    [
        ("echo done; exit 0", "Never", "Succeeded", "Completed", 0),
        ("echo oops; exit 1", "Never", "Failed", "Error", 1),
        ("exit 0", "OnFailure", "Succeeded", "Completed", 0),
    ],
)
def test_job_like_pods_end_in_a_terminal_phase(h: Harness, script: str, policy: str, phase: str, reason: str,
                                               code: int) -> None:
    h.apply(BUSYBOX % (policy, script))
    h.until(lambda: h.phase("myapp-pod") == phase, 60)
    h.advance(30)
    st = h.pod("myapp-pod").status
    cs = st.containerStatuses[0]
    assert cs.state.terminated.reason == reason
    assert cs.state.terminated.exitCode == code
    assert cs.restartCount == 0
    assert h.condition("myapp-pod", "PodReadyToStartContainers").status == "False"
    ready = h.condition("myapp-pod", "Ready")
    assert (ready.status, ready.reason) == ("False", "PodCompleted" if phase == "Succeeded" else "PodFailed")
    assert h.pod("myapp-pod").status.phase == phase  # never restarted


def test_on_failure_restarts_until_success(h: Harness) -> None:
    h.apply(BUSYBOX % ("OnFailure", "if [ -f /data/x ]; then exit 0; fi; exit 3"))
    h.advance(25)
    st = h.pod("myapp-pod").status
    cs = st.containerStatuses[0]
    assert st.phase == "Running"
    assert cs.restartCount == 2
    assert cs.lastState.terminated.exitCode == 3
    assert cs.lastState.terminated.reason == "Error"
    assert cs.state.waiting.reason == "CrashLoopBackOff"


def test_crash_loop_backoff_timeline(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(BUSYBOX % ("Always", "exit 1"))
    seen: dict[int, float] = {}

    def watch() -> bool:
        cs = h.pod("myapp-pod").status.containerStatuses[0]
        if cs.restartCount not in seen:
            seen[cs.restartCount] = round(h.elapsed(), 3)
        return cs.restartCount >= 6

    h.until(watch, 700)
    assert {k: v for k, v in seen.items() if k >= 1} == {1: 0.0, 2: 10.0, 3: 30.0, 4: 70.0, 5: 150.0, 6: 310.0}
    h.advance(100)
    cs = h.pod("myapp-pod").status.containerStatuses[0]
    uid = h.pod("myapp-pod").metadata.uid
    assert cs.state.waiting.reason == "CrashLoopBackOff"
    assert cs.state.waiting.message == (
        f"back-off 5m0s restarting failed container=myapp-container pod=myapp-pod_default({uid})")
    assert cs.lastState.terminated.exitCode == 1
    assert h.pod("myapp-pod").status.phase == "Running"
    h.until(lambda: h.pod("myapp-pod").status.containerStatuses[0].restartCount == 7, 400)
    assert round(h.elapsed(), 3) == 610.0
    assert ("BackOff", f"Back-off restarting failed container myapp-container in pod myapp-pod_default({uid})") \
        in h.event_counts("myapp-pod")


def test_first_crash_loop_message_says_10s(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(BUSYBOX % ("Always", "exit 2"))
    h.advance(5)
    cs = h.pod("myapp-pod").status.containerStatuses[0]
    uid = h.pod("myapp-pod").metadata.uid
    assert cs.restartCount == 1
    assert cs.state.waiting.message == (
        f"back-off 10s restarting failed container=myapp-container pod=myapp-pod_default({uid})")


def test_backoff_resets_after_ten_minutes_of_running(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(BUSYBOX % ("Always", "sleep 700; exit 1"))
    h.advance(700.5)
    cs = h.pod("myapp-pod").status.containerStatuses[0]
    assert cs.restartCount == 1 and cs.state.running is not None  # restarted at once
    h.advance(700)
    cs = h.pod("myapp-pod").status.containerStatuses[0]
    assert cs.restartCount == 2 and cs.state.running is not None


def test_start_error_missing_executable(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: bad}
spec:
  containers:
  - name: c
    image: busybox:1.28
    command: ["nosuchcmd"]
""")
    h.advance(15)
    cs = h.pod("bad").status.containerStatuses[0]
    last = cs.lastState.terminated
    assert (last.reason, last.exitCode) == ("StartError", 128)
    assert 'exec: "nosuchcmd": executable file not found in $PATH' in last.message
    failed = [m for t, r, m in h.events("bad") if r == "Failed"]
    assert failed and failed[0].startswith("Error: failed to create containerd task: ")


def test_closing_leaves_no_thread() -> None:
    before = {t.ident for t in threading.enumerate()}
    hh = Harness()
    hh.apply(NGINX)
    hh.apply(BUSYBOX % ("Always", "while true; do echo hi; sleep 1; done"))
    hh.advance(30)
    hh.close()
    left = [t for t in threading.enumerate() if t.ident not in before and t.is_alive()]
    assert left == []


def _trace(seed: int) -> tuple[list, list]:
    hh = Harness(seed)
    statuses = []
    try:
        hh.apply(NGINX)
        hh.apply(BUSYBOX % ("Always", "echo hi; exit 1"))
        for _ in range(12):
            hh.advance(7)
            statuses.append(hh.pod("myapp-pod").status.to_dict())
            statuses.append(hh.pod("nginx").status.to_dict())
        return hh.events(), statuses
    finally:
        hh.close()


def test_determinism_same_events_and_statuses() -> None:
    assert _trace(3) == _trace(3)
