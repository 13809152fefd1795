"""An image changed in place restarts the container (``computePodActions``: the container's hash,
``io.kubernetes.container.hash``, differs from the spec's).

Kubernetes: ``pkg/kubelet/kuberuntime/kuberuntime_manager.go`` (``Container %s definition changed``,
restarted whatever the restart policy), ``computeInitContainerActions`` (a sidecar is restarted
with ``Init container %s definition changed``; a finished init container is not re-run) and
``GetStableKey`` (the backoff key includes the hash, so a new image is not held by the old
container's CrashLoopBackOff).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox import Cluster
from sandbox.kubelet.container import CONTAINER_HASH_ANNOTATION, hash_container


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with Cluster(nodes=1, seed=0) as c:
        yield c


def _pod(image: str, restart_policy: str = "Always", extra: str = "") -> str:
    return f"""
apiVersion: v1
kind: Pod
metadata: {{name: web}}
spec:
  restartPolicy: {restart_policy}
{extra}  containers:
  - name: nginx
    image: {image}
"""


def _messages(cluster: Cluster, reason: str) -> list[str]:
    return [e.message for e in cluster.events("pod", "web") if e.reason == reason]


@pytest.mark.parametrize("policy", ["Always", "OnFailure", "Never"])
def test_main_container_restarted_on_new_image(cluster: Cluster, policy: str) -> None:
    cluster.apply(_pod("nginx:1.26", policy))
    cluster.wait_for("pod/web", "Ready", timeout=60)
    before = cluster.get("pod", "web")
    old_id = before.status.containerStatuses[0].containerID
    cluster.apply(_pod("nginx:1.27", policy))
    cluster.advance(60)
    after = cluster.get("pod", "web")
    s = after.status.containerStatuses[0]
    assert after.metadata.uid == before.metadata.uid
    assert after.status.phase == "Running"
    assert s.image == "docker.io/library/nginx:1.27"
    assert s.restartCount == 1
    assert s.ready is True
    assert s.state.running is not None
    assert s.containerID != old_id
    assert s.lastState.terminated is not None
    assert s.lastState.terminated.containerID == old_id
    assert _messages(cluster, "Killing") == ["Container nginx definition changed, will be restarted"]
    assert 'Pulling image "nginx:1.27"' in _messages(cluster, "Pulling")
    assert "RESTARTS" in cluster.kubectl("get pod web") and "1 (" in cluster.kubectl("get pod web")


def test_label_change_does_not_restart(cluster: Cluster) -> None:
    cluster.apply(_pod("nginx:1.26"))
    cluster.wait_for("pod/web", "Ready", timeout=60)
    cluster.kubectl("label pod web track=stable")
    cluster.advance(60)
    s = cluster.get("pod", "web").status.containerStatuses[0]
    assert s.restartCount == 0
    assert _messages(cluster, "Killing") == []


def test_hash_only_covers_name_and_image() -> None:
    from sandbox.api.core import Container

    a = Container(name="nginx", image="nginx:1.26")
    b = Container(name="nginx", image="nginx:1.26", args=["-g", "daemon off;"])
    c = Container(name="nginx", image="nginx:1.27")
    assert hash_container(a) == hash_container(b)
    assert hash_container(a) != hash_container(c)
    assert CONTAINER_HASH_ANNOTATION == "io.kubernetes.container.hash"


def test_finished_init_container_is_not_rerun(cluster: Cluster) -> None:
    extra = """  initContainers:
  - name: setup
    image: busybox:1.36
    command: ["sh", "-c", "echo ready"]
"""
    cluster.apply(_pod("nginx:1.26", extra=extra))
    cluster.wait_for("pod/web", "Ready", timeout=60)
    pod = cluster.get("pod", "web").to_dict()
    pod["spec"]["initContainers"][0]["image"] = "busybox:1.37"
    for k in ("resourceVersion", "managedFields"):
        pod["metadata"].pop(k, None)
    cluster.update(pod)
    cluster.advance(60)
    p = cluster.get("pod", "web")
    init = p.status.initContainerStatuses[0]
    assert p.spec.initContainers[0].image == "busybox:1.37"
    assert init.image == "docker.io/library/busybox:1.36"
    assert init.restartCount == 0
    assert init.state.terminated.reason == "Completed"
    assert p.status.containerStatuses[0].restartCount == 0
    assert _messages(cluster, "Killing") == []


def test_sidecar_restarted_on_new_image(cluster: Cluster) -> None:
    extra = """  initContainers:
  - name: log
    image: busybox:1.36
    restartPolicy: Always
    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
"""
    cluster.apply(_pod("nginx:1.26", extra=extra))
    cluster.wait_for("pod/web", "Ready", timeout=60)
    pod = cluster.get("pod", "web").to_dict()
    pod["spec"]["initContainers"][0]["image"] = "busybox:1.37"
    pod["metadata"].pop("resourceVersion", None)
    cluster.update(pod)
    cluster.advance(60)
    p = cluster.get("pod", "web")
    side = p.status.initContainerStatuses[0]
    assert side.image == "docker.io/library/busybox:1.37"
    assert side.restartCount == 1
    assert side.state.running is not None
    assert side.lastState.terminated is not None
    assert p.status.containerStatuses[0].restartCount == 0
    assert _messages(cluster, "Killing") == ["Init container log definition changed"]
    assert p.status.phase == "Running"


def test_new_image_skips_the_old_crash_loop_backoff(cluster: Cluster) -> None:
    manifest = """
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: nginx
    image: IMAGE
    command: ["sh", "-c", "exit 1"]
"""
    cluster.apply(manifest.replace("IMAGE", "busybox:1.36"))
    cluster.advance(100)  # crashes at about 0, 10, 30, 70 s: now in a 80 s back-off
    s = cluster.get("pod", "web").status.containerStatuses[0]
    assert s.state.waiting is not None and s.state.waiting.reason == "CrashLoopBackOff"
    crashes = s.restartCount
    cluster.apply(manifest.replace("IMAGE", "busybox:1.37"))
    cluster.advance(5)
    s = cluster.get("pod", "web").status.containerStatuses[0]
    assert s.restartCount == crashes + 1
    assert s.image == "docker.io/library/busybox:1.37"
