"""The kubelet's node side: registration, status heartbeats, the node Lease, stop/start."""

from __future__ import annotations

import random

import pytest

import sandbox.api  # noqa: F401  (import order: models before the clock)
from sandbox.apiserver import APIServer
from sandbox.clock import EPOCH, Clock
from sandbox.kubelet.node_info import NodeConfig
from sandbox.kubelet.nodestatus import NodeStatusManager


@pytest.fixture
def env():
    clock = Clock()
    api = APIServer(clock, random.Random(1))
    yield clock, api
    clock.close()


def start_node(clock, api, name="node-1", **cfg):
    m = NodeStatusManager(name, api, clock, NodeConfig(**cfg), rng=random.Random(7))
    m.start()
    clock.advance(0)
    return m


def events(api, name="node-1"):
    return [(e.type, e.reason, e.message, e.count) for e in api.list("events") if e.involvedObject.name == name]


def cond(node, typ):
    return next(c for c in node.status.conditions if c.type == typ)


def t(seconds: float) -> str:
    from datetime import datetime, timezone

    return datetime.fromtimestamp(EPOCH + seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_registration_labels_spec_capacity(env):
    clock, api = env
    start_node(clock, api, pod_cidrs=["10.244.1.0/24"], labels={"disktype": "ssd"},
               taints=["dedicated=gpu:NoSchedule"], internal_ip="172.18.0.3")
    d = api.get("nodes", "node-1", None).to_dict()
    assert d["metadata"]["labels"] == {
        "kubernetes.io/hostname": "node-1",
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "beta.kubernetes.io/arch": "amd64",
        "disktype": "ssd",
    }
    assert d["spec"] == {
        "podCIDR": "10.244.1.0/24",
        "podCIDRs": ["10.244.1.0/24"],
        "taints": [{"effect": "NoSchedule", "key": "dedicated", "value": "gpu"}],
    }
    st = d["status"]
    assert st["capacity"] == {"cpu": "4", "ephemeral-storage": "100Gi", "hugepages-1Gi": "0",
                              "hugepages-2Mi": "0", "memory": "8Gi", "pods": "110"}
    # memory.available<100Mi and nodefs.available<10% come off allocatable
    assert st["allocatable"] == {"cpu": "4", "ephemeral-storage": "90Gi", "hugepages-1Gi": "0",
                                 "hugepages-2Mi": "0", "memory": "8092Mi", "pods": "110"}
    assert st["addresses"] == [{"address": "172.18.0.3", "type": "InternalIP"},
                               {"address": "node-1", "type": "Hostname"}]
    assert st["daemonEndpoints"] == {"kubeletEndpoint": {"Port": 10250}}
    info = st["nodeInfo"]
    assert info["kubeletVersion"] == "v1.32.0"
    assert info["containerRuntimeVersion"].startswith("containerd://")
    assert (info["operatingSystem"], info["architecture"]) == ("linux", "amd64")
    assert len(info["machineID"]) == 32


def test_reserved_resources_come_off_allocatable(env):
    clock, api = env
    start_node(clock, api, cpu="2", memory="4Gi", kube_reserved={"cpu": "100m", "memory": "256Mi"},
               system_reserved={"memory": "156Mi"})
    alloc = api.get("nodes", "node-1", None).to_dict()["status"]["allocatable"]
    assert (alloc["cpu"], alloc["memory"]) == ("1900m", "3584Mi")


def test_conditions_and_start_events(env):
    clock, api = env
    start_node(clock, api)
    node = api.get("nodes", "node-1", None)
    assert [(c.type, c.status, c.reason, c.message) for c in node.status.conditions] == [
        ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
    ]
    for c in node.status.conditions:
        assert c.to_dict()["lastHeartbeatTime"] == t(0)
        assert c.to_dict()["lastTransitionTime"] == t(0)
    assert events(api) == [
        ("Normal", "Starting", "Starting kubelet.", 1),
        ("Normal", "NodeHasSufficientMemory", "Node node-1 status is now: NodeHasSufficientMemory", 1),
        ("Normal", "NodeHasNoDiskPressure", "Node node-1 status is now: NodeHasNoDiskPressure", 1),
        ("Normal", "NodeHasSufficientPID", "Node node-1 status is now: NodeHasSufficientPID", 1),
        ("Normal", "NodeAllocatableEnforced", "Updated Node Allocatable limit across pods", 1),
        ("Normal", "NodeReady", "Node node-1 status is now: NodeReady", 1),
    ]
    ev = api.list("events")[0]
    assert ev.involvedObject.to_dict() == {"kind": "Node", "name": "node-1", "uid": "node-1"}
    assert ev.source.to_dict() == {"component": "kubelet", "host": "node-1"}


def test_not_ready_until_the_first_runtime_check(env):
    clock, api = env
    m = NodeStatusManager("node-1", api, clock, NodeConfig(runtime_ready_delay=3), rng=random.Random(7))
    m.start()
    ready = cond(api.get("nodes", "node-1", None), "Ready")
    assert (ready.status, ready.reason, ready.message) == (
        "False", "KubeletNotReady", "container runtime status check may not have completed yet")
    clock.advance(3)
    ready = cond(api.get("nodes", "node-1", None), "Ready")
    assert (ready.status, ready.to_dict()["lastTransitionTime"]) == ("True", t(3))


def test_lease_renewed_every_ten_seconds(env):
    clock, api = env
    start_node(clock, api)
    lease = api.get("leases", "node-1", "kube-node-lease").to_dict()
    node_uid = api.get("nodes", "node-1", None).metadata.uid
    assert lease["spec"] == {"holderIdentity": "node-1", "leaseDurationSeconds": 40,
                             "renewTime": "2025-01-01T00:00:00.000000Z"}
    assert lease["metadata"]["ownerReferences"] == [
        {"apiVersion": "v1", "kind": "Node", "name": "node-1", "uid": node_uid}]
    seen = []
    for _ in range(3):
        clock.advance(10)
        seen.append(api.get("leases", "node-1", "kube-node-lease").to_dict()["spec"]["renewTime"])
    assert seen == ["2025-01-01T00:00:10.000000Z", "2025-01-01T00:00:20.000000Z",
                    "2025-01-01T00:00:30.000000Z"]


def test_status_posted_only_when_changed_or_every_five_minutes(env):
    clock, api = env
    m = start_node(clock, api)
    clock.advance(290)
    assert cond(api.get("nodes", "node-1", None), "Ready").to_dict()["lastHeartbeatTime"] == t(0)
    clock.advance(10)  # t=300: nodeStatusReportFrequency
    assert cond(api.get("nodes", "node-1", None), "Ready").to_dict()["lastHeartbeatTime"] == t(300)
    m.set_condition("MemoryPressure", "True")
    clock.advance(10)  # posted at the next 10 s sync because it changed
    node = api.get("nodes", "node-1", None)
    mp = cond(node, "MemoryPressure")
    assert (mp.status, mp.reason, mp.message, mp.to_dict()["lastTransitionTime"]) == (
        "True", "KubeletHasInsufficientMemory", "kubelet has insufficient memory available", t(310))
    assert ("Normal", "NodeHasInsufficientMemory", "Node node-1 status is now: NodeHasInsufficientMemory", 1) in events(api)
    assert cond(node, "Ready").to_dict()["lastTransitionTime"] == t(0)


def test_stop_freezes_heartbeats_and_start_recovers_as_after_a_reboot(env):
    clock, api = env
    m = start_node(clock, api)
    boot = api.get("nodes", "node-1", None).status.nodeInfo.bootID
    clock.advance(20)
    m.stop()
    clock.advance(100)
    assert api.get("leases", "node-1", "kube-node-lease").to_dict()["spec"]["renewTime"] == "2025-01-01T00:00:20.000000Z"
    # the node lifecycle controller marks the node Unknown meanwhile
    node = api.get("nodes", "node-1", None).to_dict()
    for c in node["status"]["conditions"]:
        c.update(status="Unknown", reason="NodeStatusUnknown", message="Kubelet stopped posting node status.")
    api.update(node, subresource="status")
    m.start()
    clock.advance(0)
    node = api.get("nodes", "node-1", None)
    ready = cond(node, "Ready")
    assert (ready.status, ready.to_dict()["lastTransitionTime"]) == ("True", t(120))
    new_boot = node.status.nodeInfo.bootID
    assert new_boot != boot
    evs = events(api)
    assert ("Warning", "Rebooted", f"Node node-1 has been rebooted, boot id: {new_boot}", 1) in evs
    assert ("Normal", "Starting", "Starting kubelet.", 2) in evs
    assert ("Normal", "NodeReady", "Node node-1 status is now: NodeReady", 2) in evs
    assert api.get("leases", "node-1", "kube-node-lease").to_dict()["spec"]["renewTime"] == "2025-01-01T00:02:00.000000Z"


def test_register_cordoned(env):
    clock, api = env
    start_node(clock, api, register_schedulable=False)
    spec = api.get("nodes", "node-1", None).to_dict()["spec"]
    assert spec == {"taints": [{"effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable"}],
                    "unschedulable": True}


def test_images_biggest_first(env):
    clock, api = env
    imgs = [{"names": ["docker.io/library/busybox:1.36"], "sizeBytes": 2_000_000},
            (["docker.io/library/nginx:1.27"], 70_000_000)]
    m = NodeStatusManager("node-1", api, clock, NodeConfig(), rng=random.Random(7), images=lambda: imgs)
    m.start()
    assert api.get("nodes", "node-1", None).to_dict()["status"]["images"] == [
        {"names": ["docker.io/library/nginx:1.27"], "sizeBytes": 70_000_000},
        {"names": ["docker.io/library/busybox:1.36"], "sizeBytes": 2_000_000},
    ]
