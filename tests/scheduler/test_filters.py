"""Filter decisions: which of three nodes a pod may land on."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.scheduler.types import pod_requests

ZONES = {"node-1": "a", "node-2": "b", "node-3": "c"}


def _nodes(env: Any) -> None:
    env.node("node-1", labels={"disk": "ssd", "cores": "4", "topology.kubernetes.io/zone": "a"})
    env.node("node-2", labels={"disk": "hdd", "cores": "16", "topology.kubernetes.io/zone": "b"},
             taints=[{"key": "gpu", "value": "true", "effect": "NoSchedule"}])
    env.node("node-3", labels={"cores": "64", "topology.kubernetes.io/zone": "c"}, unschedulable=True)


def _req(*exprs: dict[str, Any], fields: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    term: dict[str, Any] = {}
    if exprs:
        term["matchExpressions"] = list(exprs)
    if fields:
        term["matchFields"] = fields
    return {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [term]}}}


ALL_TOLERATED = [{"operator": "Exists"}]

CASES: list[tuple[str, dict[str, Any], set[str]]] = [
    ("plain pod", {}, {"node-1"}),
    ("tolerates the gpu taint", {"tolerations": [{"key": "gpu", "operator": "Equal", "value": "true",
                                                   "effect": "NoSchedule"}]}, {"node-1", "node-2"}),
    ("toleration with the wrong value", {"tolerations": [{"key": "gpu", "value": "false"}]}, {"node-1"}),
    ("Exists without a key tolerates all, cordon too", {"tolerations": ALL_TOLERATED},
     {"node-1", "node-2", "node-3"}),
    ("tolerates the unschedulable taint", {"tolerations": [
        {"key": "node.kubernetes.io/unschedulable", "operator": "Exists", "effect": "NoSchedule"}]},
     {"node-1", "node-3"}),
    ("nodeSelector", {"nodeSelector": {"disk": "ssd"}}, {"node-1"}),
    ("In", {"tolerations": ALL_TOLERATED, "affinity": _req({"key": "disk", "operator": "In", "values": ["hdd"]})},
     {"node-2"}),
    ("NotIn (missing label matches)", {"tolerations": ALL_TOLERATED,
                                       "affinity": _req({"key": "disk", "operator": "NotIn", "values": ["ssd"]})},
     {"node-2", "node-3"}),
    ("Exists", {"tolerations": ALL_TOLERATED, "affinity": _req({"key": "disk", "operator": "Exists"})},
     {"node-1", "node-2"}),
    ("DoesNotExist", {"tolerations": ALL_TOLERATED, "affinity": _req({"key": "disk", "operator": "DoesNotExist"})},
     {"node-3"}),
    ("Gt", {"tolerations": ALL_TOLERATED, "affinity": _req({"key": "cores", "operator": "Gt", "values": ["8"]})},
     {"node-2", "node-3"}),
    ("Lt", {"tolerations": ALL_TOLERATED, "affinity": _req({"key": "cores", "operator": "Lt", "values": ["16"]})},
     {"node-1"}),
    ("matchFields metadata.name", {"tolerations": ALL_TOLERATED, "affinity": _req(
        fields=[{"key": "metadata.name", "operator": "In", "values": ["node-3"]}])}, {"node-3"}),
    ("kubernetes.io/os selector", {"nodeSelector": {"kubernetes.io/os": "windows"}}, set()),
    ("spec.os.name does not matter", {"os": {"name": "windows"}}, {"node-1"}),
]


@pytest.mark.parametrize(("spec", "allowed"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_where_a_pod_may_land(env: Any, spec: dict[str, Any], allowed: set[str]) -> None:
    _nodes(env)
    landed = set()
    for i in range(9):  # enough tries to see every allowed node (least-allocated spreads them)
        env.pod(f"p{i}", cpu="100m", **spec)
        env.settle()
        n = env.node_of(f"p{i}")
        if n:
            landed.add(n)
    assert landed == allowed


def test_host_ports_conflict_only_on_same_ip_and_protocol(env: Any) -> None:
    env.node("node-1")
    env.pod("a", nodeName="node-1", ports=[{"containerPort": 53, "hostPort": 53, "protocol": "UDP"}])
    env.pod("b", ports=[{"containerPort": 53, "hostPort": 53, "protocol": "TCP"}])
    env.pod("c", ports=[{"containerPort": 80, "hostPort": 8080, "hostIP": "10.0.0.1"}])
    env.pod("d", ports=[{"containerPort": 80, "hostPort": 8080, "hostIP": "10.0.0.2"}])
    env.pod("e", ports=[{"containerPort": 80, "hostPort": 8080}])
    env.settle()
    assert [env.node_of(n) for n in "bcde"] == ["node-1", "node-1", "node-1", None]


def test_node_name_preset_is_not_scheduled_but_counts(env: Any) -> None:
    env.node("node-1", cpu="1")
    env.pod("fixed", cpu="800m", nodeName="node-1")
    env.pod("next", cpu="500m")
    env.settle()
    assert env.events("fixed") == []
    assert env.node_of("next") is None
    assert env.failed_message("next").startswith("0/1 nodes are available: 1 Insufficient cpu.")


def test_other_scheduler_name_is_ignored(env: Any) -> None:
    env.node("node-1")
    env.pod("custom", schedulerName="my-scheduler")
    env.settle(60)
    assert env.node_of("custom") is None
    assert env.events("custom") == []


REQ_CASES = [
    ("containers are summed", {"containers": [
        {"name": "a", "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}}},
        {"name": "b", "resources": {"requests": {"cpu": "200m"}}}]}, 300, 64 * 2**20),
    ("an init container larger than the sum wins", {
        "initContainers": [{"name": "i", "resources": {"requests": {"cpu": "1"}}}],
        "containers": [{"name": "a", "resources": {"requests": {"cpu": "100m"}}},
                       {"name": "b", "resources": {"requests": {"cpu": "200m"}}}]}, 1000, 0),
    ("sidecars add to the containers and to later init containers", {
        "initContainers": [{"name": "proxy", "restartPolicy": "Always", "resources": {"requests": {"cpu": "200m"}}},
                           {"name": "init", "resources": {"requests": {"cpu": "500m"}}}],
        "containers": [{"name": "a", "resources": {"requests": {"cpu": "100m"}}}]}, 700, 0),
    ("overhead is added", {"overhead": {"cpu": "250m", "memory": "120Mi"},
                           "containers": [{"name": "a", "resources": {"requests": {"cpu": "1"}}}]},
     1250, 120 * 2**20),
]


@pytest.mark.parametrize(("spec", "cpu", "mem"), [c[1:] for c in REQ_CASES], ids=[c[0] for c in REQ_CASES])
def test_pod_requests(spec: dict[str, Any], cpu: int, mem: int) -> None:
    r = pod_requests(spec)
    assert (r.milli_cpu, r.memory) == (cpu, mem)


def test_init_container_request_decides_fit(env: Any) -> None:
    env.node("node-1", cpu="1")
    env.api.create({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "init-heavy"}, "spec": {
        "initContainers": [{"name": "i", "image": "busybox", "resources": {"requests": {"cpu": "1500m"}}}],
        "containers": [{"name": "a", "image": "nginx", "resources": {"requests": {"cpu": "100m"}}}]}})
    env.settle()
    assert env.failed_message("init-heavy") == (
        "0/1 nodes are available: 1 Insufficient cpu. "
        "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.")
