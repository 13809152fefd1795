"""Init containers run one at a time; sidecars start in order, keep running, and stop last."""

from __future__ import annotations

from kubelet_harness import Harness

INIT = """
apiVersion: v1
kind: Pod
metadata: {name: myapp-pod}
spec:
  volumes: [{name: work, emptyDir: {}}]
  initContainers:
  - name: init-wait
    image: busybox:1.28
    command: ['sh', '-c', 'until [ -f /work/ready ]; do echo waiting; sleep 2; done']
    volumeMounts: [{name: work, mountPath: /work}]
  - name: init-write
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 1; touch /work/ready']
    volumeMounts: [{name: work, mountPath: /work}]
  containers:
  - name: app
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
"""


def test_init_containers_run_in_order_and_block_the_app(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(INIT.replace("until [ -f /work/ready ]; do echo waiting; sleep 2; done", "sleep 5"))
    h.advance(2)
    st = h.pod("myapp-pod").status
    assert st.phase == "Pending"
    first, second = st.initContainerStatuses
    assert first.state.running is not None
    assert second.state.waiting.reason == "PodInitializing"
    assert st.containerStatuses[0].state.waiting.reason == "PodInitializing"
    init = h.condition("myapp-pod", "Initialized")
    assert (init.status, init.reason, init.message) == (
        "False", "ContainersNotInitialized", "containers with incomplete status: [init-wait init-write]")
    h.advance(3.5)
    st = h.pod("myapp-pod").status
    assert st.initContainerStatuses[0].state.terminated.reason == "Completed"
    assert st.initContainerStatuses[0].ready is True
    assert st.initContainerStatuses[1].state.running is not None
    h.advance(3)
    st = h.pod("myapp-pod").status
    assert st.phase == "Running"
    assert h.condition("myapp-pod", "Initialized").status == "True"
    assert h.condition("myapp-pod", "Ready").status == "True"
    assert [s.state.terminated.reason for s in st.initContainerStatuses] == ["Completed", "Completed"]


def test_failed_init_container_with_restart_never_fails_the_pod(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  restartPolicy: Never
  initContainers: [{name: init, image: busybox:1.28, command: ['sh', '-c', 'exit 2']}]
  containers: [{name: app, image: busybox:1.28, command: ['sleep', '100']}]
""")
    h.advance(5)
    st = h.pod("p").status
    assert st.phase == "Failed"
    assert st.initContainerStatuses[0].state.terminated.exitCode == 2
    assert st.containerStatuses[0].state.waiting.reason == "PodInitializing"


def test_failed_init_container_is_retried_with_backoff(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers: [{name: init, image: busybox:1.28, command: ['sh', '-c', 'exit 2']}]
  containers: [{name: app, image: busybox:1.28, command: ['sleep', '100']}]
""")
    h.advance(15)
    st = h.pod("p").status
    assert st.phase == "Pending"
    s = st.initContainerStatuses[0]
    assert s.restartCount == 2
    assert s.state.waiting.reason == "CrashLoopBackOff"
    assert s.lastState.terminated.exitCode == 2


SIDECAR = """
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  restartPolicy: %s
  volumes: [{name: data, emptyDir: {}}]
  initContainers:
  - name: logshipper
    image: busybox:1.28
    restartPolicy: Always
    command: ['sh', '-c', 'tail -f /opt/logs.txt']
    volumeMounts: [{name: data, mountPath: /opt}]
  containers:
  - name: myapp
    image: busybox:1.28
    command: ['sh', '-c', '%s']
    volumeMounts: [{name: data, mountPath: /opt}]
"""


def test_sidecar_tails_the_apps_log_file(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(SIDECAR % ("Always", "while true; do echo logging >> /opt/logs.txt; sleep 1; done"))
    h.advance(5.5)
    st = h.pod("web").status
    assert st.phase == "Running"
    side = st.initContainerStatuses[0]
    assert side.state.running is not None and side.started is True and side.ready is True
    assert h.condition("web", "Ready").status == "True"
    assert h.kubelet.logs("default", "web", "logshipper").count("logging") >= 4


def test_sidecar_does_not_hold_a_finished_pod_and_stops_after_the_app(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(SIDECAR % ("Never", "echo one >> /opt/logs.txt; sleep 3; exit 0"))
    h.until(lambda: h.phase("web") == "Succeeded", 60)
    st = h.pod("web").status
    assert st.containerStatuses[0].state.terminated.exitCode == 0
    assert st.initContainerStatuses[0].state.terminated is not None
    kinds = [(r, m) for _, r, m in h.events("web") if r == "Killing"]
    assert kinds == [("Killing", "Stopping container logshipper")]
    init = h.condition("web", "Initialized")
    assert (init.status, init.reason) == ("True", "PodCompleted")


def test_sidecar_is_restarted_when_it_exits(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(SIDECAR.replace("tail -f /opt/logs.txt", "sleep 2; exit 1") % ("Never", "sleep 3600"))
    h.advance(15)
    side = h.pod("web").status.initContainerStatuses[0]
    assert side.restartCount >= 2
    assert h.pod("web").status.phase == "Running"
