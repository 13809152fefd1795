"""Node-pressure eviction for memory, and what an evicted pod shows.

Kubernetes: ``pkg/kubelet/eviction/eviction_manager.go`` (``synchronize`` every 10 s: the
``memory.available`` signal against ``evictionHard`` ``memory.available<100Mi``, the node event
``EvictionThresholdMet`` ``Attempting to reclaim memory``, one pod per pass, the
``DisruptionTarget`` condition with reason ``TerminationByKubelet``), ``helpers.go``
(``rankMemoryPressure``: usage over requests first, then priority, then usage; ``evictionMessage``
and its formats, quantities printed as ``resource.NewQuantity(n, BinarySI)``), the
``MemoryPressure`` node condition (``KubeletHasInsufficientMemory``) that stays until
``evictionPressureTransitionPeriod`` (5 m) passed, and the node lifecycle controller's
``TaintNodesByCondition`` (``node.kubernetes.io/memory-pressure:NoSchedule``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from sandbox import Cluster

MESSAGE = ("The node was low on resource: memory. Threshold quantity: 100Mi, available: 4Mi. "
           "Container stress was using 320Mi, request is 0, has larger consumption of memory. ")
T0 = datetime(2025, 1, 1, tzinfo=timezone.utc).timestamp()


def _stress(name: str, megabytes: int, request: str | None = None) -> dict:
    resources = {"requests": {"memory": request}} if request else {}
    return {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name},
            "spec": {"containers": [{"name": "stress", "image": "polinux/stress", "resources": resources,
                                     "command": ["stress"],
                                     "args": ["--vm", "1", "--vm-bytes", f"{megabytes}M", "--vm-hang", "0"]}]}}


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    """A 1Gi node running 300Mi + 400Mi (500Mi requested) + 320Mi of stress: 4Mi left."""
    with Cluster(nodes=0, seed=0) as c:
        c.add_node(memory="1Gi")
        c.apply([_stress("a", 300), _stress("b", 400, "500Mi"), _stress("c", 320)])
        yield c


def _at(ts: datetime | None) -> float:
    assert ts is not None
    return ts.timestamp() - T0


def test_the_biggest_consumer_over_its_request_is_evicted(cluster: Cluster) -> None:
    cluster.advance(15)
    assert cluster.kubectl("get pods").stdout == ("NAME   READY   STATUS    RESTARTS   AGE\n"
                                                   "a      1/1     Running   0          15s\n"
                                                   "b      1/1     Running   0          15s\n"
                                                   "c      0/1     Error     0          15s\n")
    (evicted,) = [e for e in cluster.events("pod", "c") if e.reason == "Evicted"]
    assert (evicted.type, evicted.message, _at(evicted.lastTimestamp)) == ("Warning", MESSAGE, 10)
    (met,) = [e for e in cluster.events("node", "node-1") if e.reason == "EvictionThresholdMet"]
    assert (met.type, met.message, met.count) == ("Warning", "Attempting to reclaim memory", 1)
    status = cluster.get("pod/c").status
    assert (status.phase, status.reason, status.message) == ("Failed", "Evicted", MESSAGE)
    target = status.conditions[0]
    assert (target.type, target.status, target.reason, target.message) == (
        "DisruptionTarget", "True", "TerminationByKubelet", MESSAGE)
    # stress (PID 1) ignores SIGTERM: killed after the 2 s minimum grace period
    terminated = status.containerStatuses[0].state.terminated
    assert (terminated.exitCode, terminated.reason, _at(terminated.finishedAt)) == (137, "Error", 12)
    assert [c.type for c in status.conditions] == ["DisruptionTarget", "PodReadyToStartContainers", "Initialized",
                                                   "Ready", "ContainersReady", "PodScheduled"]


def test_memory_pressure_condition_and_taint_come_and_go(cluster: Cluster) -> None:
    cluster.advance(25)
    node = cluster.get("node/node-1")
    pressure = next(c for c in node.status.conditions if c.type == "MemoryPressure")
    assert (pressure.status, pressure.reason, pressure.message, _at(pressure.lastTransitionTime)) == (
        "True", "KubeletHasInsufficientMemory", "kubelet has insufficient memory available", 20)
    assert [(t.key, t.effect) for t in node.spec.taints] == [("node.kubernetes.io/memory-pressure", "NoSchedule")]
    assert "node.kubernetes.io/memory-pressure:NoSchedule" in cluster.kubectl("describe node node-1").stdout
    assert [e.message for e in cluster.events("node", "node-1") if e.reason == "NodeHasInsufficientMemory"] == [
        "Node node-1 status is now: NodeHasInsufficientMemory"]
    # 324Mi available after the eviction: the condition stays for the 5 m transition period
    cluster.advance(280)
    assert next(c for c in cluster.get("node/node-1").status.conditions if c.type == "MemoryPressure").status == "True"
    cluster.advance(20)
    node = cluster.get("node/node-1")
    pressure = next(c for c in node.status.conditions if c.type == "MemoryPressure")
    assert (pressure.status, pressure.reason, _at(pressure.lastTransitionTime)) == (
        "False", "KubeletHasSufficientMemory", 320)
    assert node.spec.taints is None
    # only one pod was evicted
    assert [p.metadata.name for p in cluster.list("pods") if p.status.phase == "Running"] == ["a", "b"]


def test_no_pressure_no_eviction() -> None:
    with Cluster(nodes=0, seed=0) as c:
        c.add_node(memory="1Gi")
        c.apply([_stress("a", 300), _stress("b", 400)])
        c.advance(60)
        assert [p.status.phase for p in c.list("pods")] == ["Running", "Running"]
        assert not [e for e in c.events(namespace=None) if e.reason in ("Evicted", "EvictionThresholdMet")]


def test_empty_dir_eviction_adds_no_disruption_target() -> None:
    with Cluster(nodes=1, seed=0) as c:
        c.apply("""
apiVersion: v1
kind: Pod
metadata: {name: writer}
spec:
  containers:
  - name: c
    image: busybox
    command: [sh, -c, "yes 0123456789abcdef | head -n 1000 > /cache/big; sleep 3600"]
    volumeMounts: [{name: cache, mountPath: /cache}]
  volumes: [{name: cache, emptyDir: {sizeLimit: 10Ki}}]
""")
        c.advance(15)
        status = c.get("pod/writer").status
        assert (status.phase, status.reason, status.message) == (
            "Failed", "Evicted", 'Usage of EmptyDir volume "cache" exceeds the limit "10Ki". ')
        assert "DisruptionTarget" not in [x.type for x in status.conditions]
