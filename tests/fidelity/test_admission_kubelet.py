"""The kubelet's admission of pods bound to its node (``pkg/kubelet/lifecycle/predicate.go``,
``rejectPod``): a pod that cannot run there never starts, gets a Warning event, and fails with
``Pod was rejected: ...``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox import Cluster


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with Cluster(nodes=1, seed=0) as c:
        yield c


def _pod(name: str, spec: str = "", labels: str = "{}") -> str:
    return f"""
apiVersion: v1
kind: Pod
metadata: {{name: {name}, labels: {labels}}}
spec:
  nodeName: node-1
{spec}  containers:
  - name: app
    image: nginx:1.27
"""


CASES = [
    ("windows", _pod("windows", "  os: {name: windows}\n"), "PodOSNotSupported",
     "Failed to admit pod as the OS field doesn't match node OS"),
    ("oslabel", _pod("oslabel", labels="{kubernetes.io/os: windows}"), "PodOSSelectorNodeLabelDoesNotMatch",
     "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label"),
    ("selector", _pod("selector", "  nodeSelector: {kubernetes.io/os: windows}\n"), "NodeAffinity",
     "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector"),
    ("bigcpu", _pod("bigcpu").replace("image: nginx:1.27", "image: nginx:1.27\n    resources: {requests: {cpu: '8'}}"),
     "OutOfcpu", "Node didn't have enough resource: cpu, requested: 8000, used: 0, capacity: 4000"),
]


@pytest.mark.parametrize(("name", "manifest", "reason", "message"), CASES, ids=[c[0] for c in CASES])
def test_rejected_pod_fails_without_starting(cluster: Cluster, name: str, manifest: str, reason: str,
                                             message: str) -> None:
    cluster.apply(manifest)
    cluster.advance(10)
    pod = cluster.get("pod", name)
    st = pod.status
    assert (st.phase, st.reason, st.message) == ("Failed", reason, f"Pod was rejected: {message}")
    assert st.containerStatuses is None and st.conditions is None and st.podIP is None
    assert st.startTime is not None
    warnings = [(e.type, e.reason, e.message) for e in cluster.events("pod", name) if e.type == "Warning"]
    assert warnings == [("Warning", reason, message)]
    assert not [e for e in cluster.events("pod", name) if e.reason in ("Pulling", "Started")]
    line = cluster.kubectl(f"get pod {name}").splitlines()[1].split()
    assert line[1:3] == ["0/1", reason]


def test_rejected_pod_can_be_deleted(cluster: Cluster) -> None:
    cluster.apply(_pod("windows", "  os: {name: windows}\n"))
    cluster.advance(5)
    cluster.delete("pod", "windows")
    cluster.advance(5)
    assert [p.metadata.name for p in cluster.list("pods")] == []


def test_memory_and_pods_reasons(cluster: Cluster) -> None:
    node = cluster.get("node", "node-1")
    mem = node.status.allocatable["memory"]
    cluster.apply(_pod("bigmem").replace("image: nginx:1.27", "image: nginx:1.27\n    resources: {requests: {memory: 1Ti}}"))
    cluster.advance(5)
    st = cluster.get("pod", "bigmem").status
    assert st.reason == "OutOfmemory"
    assert st.message == (f"Pod was rejected: Node didn't have enough resource: memory, requested: {2**40}, "
                          f"used: 0, capacity: {int(mem.value())}")


def test_second_pod_over_the_remaining_cpu_is_rejected(cluster: Cluster) -> None:
    cpu = "image: nginx:1.27\n    resources: {requests: {cpu: '3'}}"
    cluster.apply(_pod("first").replace("image: nginx:1.27", cpu))
    cluster.advance(5)
    cluster.apply(_pod("second").replace("image: nginx:1.27", cpu))
    cluster.advance(5)
    assert cluster.get("pod", "first").status.phase == "Running"
    st = cluster.get("pod", "second").status
    assert (st.phase, st.reason) == ("Failed", "OutOfcpu")
    assert st.message == ("Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: 3000, "
                          "capacity: 4000")


def test_linux_pod_is_admitted(cluster: Cluster) -> None:
    cluster.apply(_pod("linux", "  os: {name: linux}\n  nodeSelector: {kubernetes.io/os: linux}\n",
                       labels="{kubernetes.io/os: linux}"))
    cluster.wait_for("pod/linux", "Ready", timeout=60)
    assert cluster.get("pod", "linux").status.phase == "Running"
