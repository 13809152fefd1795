"""Graceful deletion, preStop hooks, activeDeadlineSeconds, OOMKilled, termination messages."""

from __future__ import annotations

import pytest
from kubelet_harness import Harness

SHELL_POD = """
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  terminationGracePeriodSeconds: %d
  containers:
  - name: c
    image: busybox:1.28
    command: ['sh', '-c', '%s']
"""


@pytest.mark.parametrize(
    ("script", "gone_after", "exit_code"),
    [
        ("sleep 3600", 30.0, 137),  # PID 1 without a trap ignores SIGTERM: killed at the end of the grace
        ("trap \"exit 0\" TERM; while true; do sleep 1; done", 1.0, 0),
    ],
)
def test_graceful_deletion(h: Harness, script: str, gone_after: float, exit_code: int) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(SHELL_POD % (30, script))
    h.advance(2)
    uid = h.pod("p").metadata.uid
    cid = h.pod("p").status.containerStatuses[0].containerID
    h.api.delete("pods", "p", namespace="default")
    t0 = h.elapsed()
    h.advance(0.5)
    assert h.exists("p")  # Terminating
    t = h.until(lambda: not h.exists("p"), 60)
    assert t - t0 == pytest.approx(gone_after, abs=0.01)
    assert ("Normal", "Killing", "Stopping container c") in h.events("p")
    assert h.runtime.container_status(cid).exit_code == exit_code if h.kubelet.rt.records.get(uid) else True


def test_prestop_hook_time_counts_against_the_grace_period(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  terminationGracePeriodSeconds: 10
  containers:
  - name: c
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 3600']
    lifecycle:
      preStop:
        exec:
          command: ['sh', '-c', 'sleep 4']
""")
    h.advance(2)
    h.api.delete("pods", "p", namespace="default")
    t0 = h.elapsed()
    t = h.until(lambda: not h.exists("p"), 60)
    # 4 s of hook, then SIGTERM (ignored by PID 1) and SIGKILL after the 6 s left
    assert t - t0 == pytest.approx(10.0, abs=0.01)


def test_prestop_sleep_longer_than_grace_leaves_the_minimum_two_seconds(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: c
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 3600']
    lifecycle:
      preStop:
        exec:
          command: ['sh', '-c', 'sleep 100']
""")
    h.advance(2)
    h.api.delete("pods", "p", namespace="default")
    t0 = h.elapsed()
    t = h.until(lambda: not h.exists("p"), 60)
    assert t - t0 == pytest.approx(7.0, abs=0.01)


def test_active_deadline_seconds(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  activeDeadlineSeconds: 20
  terminationGracePeriodSeconds: 5
  containers:
  - name: c
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 3600']
""")
    h.advance(19.5)
    assert h.phase("p") == "Running"
    h.advance(1)
    st = h.pod("p").status
    assert (st.phase, st.reason, st.message) == (
        "Failed", "DeadlineExceeded", "Pod was active on the node longer than the specified deadline")
    assert ("Normal", "DeadlineExceeded", "Pod was active on the node longer than the specified deadline") in h.events("p")
    h.advance(10)
    st = h.pod("p").status
    assert st.phase == "Failed"
    assert st.containerStatuses[0].state.terminated.exitCode == 137
    assert ("Normal", "Killing", "Stopping container c") in h.events("p")


def test_oom_killed_is_restarted_per_policy(h: Harness) -> None:
    h.runtime.preload("polinux/stress")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: memory-demo-2}
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests: {memory: "50Mi"}
      limits: {memory: "100Mi"}
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
""")
    h.advance(5)
    cs = h.pod("memory-demo-2").status.containerStatuses[0]
    last = cs.lastState.terminated
    assert (last.reason, last.exitCode) == ("OOMKilled", 137)
    assert cs.restartCount >= 1


@pytest.mark.parametrize(
    ("policy", "script", "message"),
    [
        ("File", "echo -n Sleep expired > /dev/termination-log; exit 0", "Sleep expired"),
        ("FallbackToLogsOnError", "echo line1; echo line2; exit 3", "line1\nline2\n"),
        ("FallbackToLogsOnError", "echo from-file > /dev/termination-log; echo log; exit 3", "from-file\n"),
        ("File", "echo log; exit 3", None),
    ],
)
def test_termination_message(h: Harness, policy: str, script: str, message: str | None) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(f"""
apiVersion: v1
kind: Pod
metadata: {{name: msg}}
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox:1.28
    terminationMessagePolicy: {policy}
    command: ['sh', '-c', '{script}']
""")
    h.until(lambda: h.phase("msg") in ("Succeeded", "Failed"), 30)
    assert h.pod("msg").status.containerStatuses[0].state.terminated.message == message


def test_fallback_to_logs_keeps_the_last_80_lines() -> None:
    from sandbox.kubelet.logs import tail_for_termination_message
    from sandbox.runtime.cri import LogLine

    lines = [LogLine(float(i), "stdout", f"line {i}") for i in range(200)]
    text = tail_for_termination_message(lines)
    assert text.splitlines()[0] == "line 120" and text.splitlines()[-1] == "line 199"
    big = [LogLine(0.0, "stdout", "x" * 100) for _ in range(80)]
    assert len(tail_for_termination_message(big).encode()) == 2048


def test_post_start_hook_failure_kills_and_restarts(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: c
    image: busybox:1.28
    command: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done']
    lifecycle:
      postStart:
        exec:
          command: ['sh', '-c', 'exit 1']
""")
    h.advance(5)
    evs = h.events("p")
    assert ("Warning", "FailedPostStartHook", "PostStartHook failed") in evs
    assert ("Normal", "Killing", "FailedPostStartHook") in evs
    cs = h.pod("p").status.containerStatuses[0]
    assert cs.restartCount >= 1


def test_post_start_hook_runs_after_start(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: c
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 3600']
    lifecycle:
      postStart:
        exec:
          command: ['sh', '-c', 'echo Hello from the postStart handler > /tmp/message']
""")
    h.advance(3)
    r = h.exec("p", "c", ["cat", "/tmp/message"])
    assert (r.exit_code, r.stdout, r.stderr) == (0, "Hello from the postStart handler\n", "")


def test_deleting_a_completed_pod_removes_it_at_once(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply((SHELL_POD % (30, "exit 0")).replace("containers:", "restartPolicy: Never\n  containers:"))
    h.until(lambda: h.phase("p") == "Succeeded", 30)
    h.advance(5)
    h.api.delete("pods", "p", namespace="default")
    h.advance(0.1)
    assert not h.exists("p")
    assert h.kubelet.running_pods() == []
