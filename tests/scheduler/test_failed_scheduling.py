"""FailedScheduling messages, word for word, for each reason and for combinations (3 nodes)."""

from __future__ import annotations

from typing import Any

import pytest

CP_TAINT = {"key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"}
GPU_TAINT = {"key": "gpu", "value": "true", "effect": "NoSchedule"}
NOT_HELPFUL3 = "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
NO_VICTIMS3 = "preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."


def _three(env: Any, **per_node: dict[str, Any]) -> None:
    for i in (1, 2, 3):
        env.node(f"node-{i}", **per_node.get(f"n{i}", {}))


CASES: list[tuple[str, dict[str, Any], dict[str, Any], list[dict[str, Any]], str]] = [
    (
        "control-plane taint and node selector",
        {"n1": {"taints": [CP_TAINT], "labels": {"disk": "ssd"}}},
        {"nodeSelector": {"disk": "ssd"}},
        [],
        "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
        "2 node(s) didn't match Pod's node affinity/selector. " + NOT_HELPFUL3,
    ),
    (
        "node selector matches nothing",
        {},
        {"nodeSelector": {"disk": "ssd"}},
        [],
        "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. " + NOT_HELPFUL3,
    ),
    (
        "insufficient cpu, others use it",
        {},
        {"cpu": "3"},
        [{"name": f"hog-{i}", "cpu": "2", "nodeName": f"node-{i}"} for i in (1, 2, 3)],
        "0/3 nodes are available: 3 Insufficient cpu. " + NO_VICTIMS3,
    ),
    (
        "more cpu than any node has",
        {},
        {"cpu": "5"},
        [],
        "0/3 nodes are available: 3 Insufficient cpu. " + NOT_HELPFUL3,
    ),
    (
        "insufficient cpu and memory",
        {},
        {"cpu": "3", "memory": "7Gi"},
        [{"name": f"hog-{i}", "cpu": "2", "memory": "2Gi", "nodeName": f"node-{i}"} for i in (1, 2, 3)],
        "0/3 nodes are available: 3 Insufficient cpu, 3 Insufficient memory. " + NO_VICTIMS3,
    ),
    (
        "too many pods",
        {"n1": {"pods": "1"}, "n2": {"pods": "1"}, "n3": {"pods": "1"}},
        {},
        [{"name": f"first-{i}", "nodeName": f"node-{i}"} for i in (1, 2, 3)],
        "0/3 nodes are available: 3 Too many pods. " + NO_VICTIMS3,
    ),
    (
        "all cordoned",
        {"n1": {"unschedulable": True}, "n2": {"unschedulable": True}, "n3": {"unschedulable": True}},
        {},
        [],
        "0/3 nodes are available: 3 node(s) were unschedulable. " + NOT_HELPFUL3,
    ),
    (
        "host port taken",
        {},
        {"ports": [{"containerPort": 80, "hostPort": 8080}]},
        [{"name": f"web-{i}", "nodeName": f"node-{i}", "ports": [{"containerPort": 80, "hostPort": 8080}]}
         for i in (1, 2, 3)],
        "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. " + NO_VICTIMS3,
    ),
    (
        "cordoned, tainted and full",
        {"n1": {"unschedulable": True}, "n2": {"taints": [GPU_TAINT]}},
        {"cpu": "3"},
        [{"name": "hog", "cpu": "2", "nodeName": "node-3"}],
        "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {gpu: true}, "
        "1 node(s) were unschedulable. preemption: 0/3 nodes are available: "
        "1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    ),
    (
        "NoExecute taint filters too",
        {"n1": {"taints": [{"key": "dedicated", "value": "db", "effect": "NoExecute"}]},
         "n2": {"taints": [{"key": "dedicated", "value": "db", "effect": "NoExecute"}]},
         "n3": {"taints": [{"key": "dedicated", "value": "db", "effect": "NoExecute"}]}},
        {},
        [],
        "0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: db}. " + NOT_HELPFUL3,
    ),
    (
        "daemonset-style matchFields on a full node",
        {},
        {"cpu": "3", "affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {
            "nodeSelectorTerms": [{"matchFields": [
                {"key": "metadata.name", "operator": "In", "values": ["node-1"]}]}]}}}},
        [{"name": "hog", "cpu": "2", "nodeName": "node-1"}],
        "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. "
        "preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, "
        "2 Preemption is not helpful for scheduling.",
    ),
    (
        "preemptionPolicy Never",
        {},
        {"nodeSelector": {"disk": "ssd"}, "preemptionPolicy": "Never"},
        [],
        "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. "
        "preemption: not eligible due to preemptionPolicy=Never.",
    ),
]


@pytest.mark.parametrize(("nodes", "spec", "others", "want"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_failed_scheduling_message(env: Any, nodes: dict[str, Any], spec: dict[str, Any],
                                   others: list[dict[str, Any]], want: str) -> None:
    _three(env, **nodes)
    for o in others:
        o = dict(o)
        env.pod(o.pop("name"), **o)
    env.pod("web", **spec)
    env.settle()
    assert env.node_of("web") is None
    assert env.failed_message("web") == want
    ev = env.events("web", "FailedScheduling")[-1]
    assert (ev.type, ev.source.component) == ("Warning", "default-scheduler")
    cond = env.condition("web")
    assert (cond.status, cond.reason, cond.message) == ("False", "Unschedulable", want)
    assert env.api.get("pods", "web").status.phase == "Pending"


def test_no_nodes_at_all(env: Any) -> None:
    env.pod("web")
    env.settle()
    assert env.failed_message("web") == "no nodes available to schedule pods"
    assert env.condition("web").message == "no nodes available to schedule pods"


def test_anti_affinity_with_control_plane(env: Any) -> None:
    """The shape of a real message: a Deployment whose replicas refuse to share a node."""
    env.node("cp", taints=[CP_TAINT])
    env.node("node-2")
    env.node("node-3")
    anti = {"podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
        {"labelSelector": {"matchLabels": {"app": "web"}}, "topologyKey": "kubernetes.io/hostname"}]}}
    for i in range(3):
        env.pod(f"web-{i}", labels={"app": "web"}, affinity=anti)
        env.settle()
    placed = sorted(n for n in (env.node_of(f"web-{i}") for i in range(3)) if n)
    assert placed == ["node-2", "node-3"]
    assert env.failed_message("web-2") == (
        "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
        "2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: "
        "1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.")


def test_existing_pods_anti_affinity(env: Any) -> None:
    _three(env)
    anti = {"podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
        {"labelSelector": {"matchLabels": {"role": "loner"}}, "topologyKey": "kubernetes.io/hostname"}]}}
    for i in (1, 2, 3):
        env.pod(f"guard-{i}", nodeName=f"node-{i}", affinity=anti)
    env.pod("loner", labels={"role": "loner"})
    env.settle()
    assert env.failed_message("loner") == (
        "0/3 nodes are available: 3 node(s) didn't satisfy existing pods anti-affinity rules. " + NO_VICTIMS3)


def test_pod_affinity_without_a_match(env: Any) -> None:
    _three(env)
    aff = {"podAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
        {"labelSelector": {"matchLabels": {"app": "cache"}}, "topologyKey": "kubernetes.io/hostname"}]}}
    env.pod("other", labels={"app": "db"}, nodeName="node-1")
    env.pod("web", affinity=aff)
    env.settle()
    assert env.failed_message("web") == (
        "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. " + NOT_HELPFUL3)


def test_topology_spread_messages(env: Any) -> None:
    env.node("node-1", labels={"topology.kubernetes.io/zone": "a"})
    env.node("node-2", labels={"topology.kubernetes.io/zone": "a"})
    env.node("node-3")  # no zone label
    env.pod("old", labels={"app": "web"}, nodeName="node-1")
    tsc = [{"maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone", "whenUnsatisfiable": "DoNotSchedule",
            "labelSelector": {"matchLabels": {"app": "web"}}, "minDomains": 2}]
    env.pod("web", labels={"app": "web"}, topologySpreadConstraints=tsc)
    env.settle()
    assert env.failed_message("web") == (
        "0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label), "
        "2 node(s) didn't match pod topology spread constraints. preemption: 0/3 nodes are available: "
        "1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.")


def test_repeated_failure_folds_into_count(env: Any) -> None:
    _three(env, n1={"unschedulable": True}, n2={"unschedulable": True}, n3={"unschedulable": True})
    env.pod("web")
    env.settle()
    env.settle(331)  # the 5-minute flush (checked every 30 s) retries it once
    evs = env.events("web", "FailedScheduling")
    assert len(evs) == 1
    assert evs[0].count == 2
    assert (evs[0].lastTimestamp - evs[0].firstTimestamp).total_seconds() == 330
