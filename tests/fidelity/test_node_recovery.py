"""A node that comes back after its pods were evicted (``Machine.recover``).

Kubernetes: ``pkg/kubelet/pod_workers.go`` (``UpdatePod``: a pod first seen with a
``deletionTimestamp`` goes straight to terminating, it is never started), ``SyncTerminatedPod``
and the status manager's ``TerminatePod`` (a container the kubelet cannot find is reported as
``ContainerStatusUnknown``, exit code 137; the pod is ``Failed``), then the status manager deletes
the object with grace period 0. On restart the kubelet posts ``Ready=False`` (``container runtime
status check may not have completed yet``) before its first runtime check, so it records
``NodeNotReady`` and then ``NodeReady`` (kubernetes/kubernetes#122338, #124397).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox import Cluster

DEPLOYMENT = """
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.27"}]
"""


@pytest.fixture
def evicted() -> Iterator[tuple[Cluster, str, str]]:
    """A Deployment's pod whose node failed; after 400 s it is Terminating (taint eviction)."""
    with Cluster(nodes=2, seed=0) as c:
        c.apply(DEPLOYMENT)
        c.advance(30)
        (pod,) = c.list("pods")
        node = pod.spec.nodeName
        c.node(node).fail()
        c.advance(400)
        assert c.get("pod", pod.metadata.name).metadata.deletionTimestamp is not None
        yield c, pod.metadata.name, node


def _pod_events_since(c: Cluster, name: str, since: float) -> list[tuple[str, str]]:
    return [(e.reason, e.message) for e in c.events("pod", name)
            if e.lastTimestamp is not None and e.lastTimestamp.timestamp() >= since]


def test_a_recovered_node_never_starts_a_pod_being_deleted(evicted: tuple[Cluster, str, str]) -> None:
    c, name, node = evicted
    before = c.clock.now()
    w = c.api.watch("pods", "default", field_selector=f"metadata.name={name}")
    c.node(node).recover()
    c.advance(1)
    # no Pulled/Created/Started, no Killing: there was nothing to start or to stop
    assert _pod_events_since(c, name, before) == []
    assert name not in c.kubectl("get pods").stdout
    evs = list(w.drain())
    assert [e.type for e in evs] == ["ADDED", "MODIFIED", "MODIFIED", "DELETED"]
    final = evs[-1].object
    assert final.status.phase == "Failed"
    assert final.metadata.deletionGracePeriodSeconds == 0
    (cs,) = final.status.containerStatuses
    assert cs.state.terminated.reason == "ContainerStatusUnknown"
    assert cs.state.terminated.message == "The container could not be located when the pod was terminated"
    assert cs.state.terminated.exitCode == 137
    # it never got a new IP on the recovered node
    assert all(e.object.status.podIP in (None, evs[0].object.status.podIP) for e in evs)


def test_kubelet_restart_records_not_ready_then_ready(evicted: tuple[Cluster, str, str]) -> None:
    c, _, node = evicted
    before = c.clock.now()
    c.node(node).recover()
    c.advance(1)
    reasons = [e.reason for e in c.events("node", node) if e.source.component == "kubelet"
               and e.lastTimestamp.timestamp() >= before]
    assert reasons == ["Starting", "Rebooted", "NodeHasSufficientMemory", "NodeHasNoDiskPressure",
                       "NodeHasSufficientPID", "NodeNotReady", "NodeAllocatableEnforced", "NodeReady"]
    ready = next(x for x in c.get("node", node).status.conditions if x.type == "Ready")
    assert (ready.status, ready.reason) == ("True", "KubeletReady")
