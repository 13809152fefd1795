"""Scoring: where the scheduler puts a pod when several nodes fit."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sandbox.scheduler.framework import default_normalize_score
from sandbox.scheduler.schedule_one import num_feasible_nodes_to_find, select_host


def test_least_allocated_spreads_pods(env: Any) -> None:
    for i in (1, 2, 3):
        env.node(f"node-{i}")
    for i in range(9):
        env.pod(f"p{i}", cpu="500m", memory="256Mi")
    env.settle()
    assert Counter(env.node_of(f"p{i}") for i in range(9)) == {"node-1": 3, "node-2": 3, "node-3": 3}


def test_emptier_node_wins(env: Any) -> None:
    env.node("node-1")
    env.node("node-2")
    env.pod("busy", cpu="3", memory="6Gi", nodeName="node-1")
    env.pod("web", cpu="100m")
    env.settle()
    assert env.node_of("web") == "node-2"


def test_preferred_node_affinity(env: Any) -> None:
    env.node("node-1")
    env.node("node-2", labels={"disk": "ssd"})
    env.node("node-3")
    pref = {"nodeAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [
        {"weight": 50, "preference": {"matchExpressions": [{"key": "disk", "operator": "In", "values": ["ssd"]}]}}]}}
    for i in range(3):
        env.pod(f"p{i}", cpu="100m", affinity=pref)
    env.settle()
    assert {env.node_of(f"p{i}") for i in range(3)} == {"node-2"}


def test_prefer_no_schedule_is_avoided_not_forbidden(env: Any) -> None:
    env.node("node-1", taints=[{"key": "spot", "value": "yes", "effect": "PreferNoSchedule"}])
    env.node("node-2", cpu="1")
    env.pod("a", cpu="100m")
    env.settle()
    assert env.node_of("a") == "node-2"
    env.pod("b", cpu="950m")  # no longer fits on node-2: goes to the tainted node
    env.settle()
    assert env.node_of("b") == "node-1"


def test_preferred_pod_affinity_colocates(env: Any) -> None:
    for i in (1, 2, 3):
        env.node(f"node-{i}")
    env.pod("cache", labels={"app": "cache"}, nodeName="node-3")
    pref = {"podAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [{"weight": 100, "podAffinityTerm": {
        "labelSelector": {"matchLabels": {"app": "cache"}}, "topologyKey": "kubernetes.io/hostname"}}]}}
    env.pod("web", cpu="100m", affinity=pref)
    env.settle()
    assert env.node_of("web") == "node-3"


def test_preferred_pod_anti_affinity_spreads(env: Any) -> None:
    for i in (1, 2):
        env.node(f"node-{i}")
    env.pod("old", labels={"app": "web"}, nodeName="node-1")
    pref = {"podAntiAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [{"weight": 100, "podAffinityTerm": {
        "labelSelector": {"matchLabels": {"app": "web"}}, "topologyKey": "kubernetes.io/hostname"}}]}}
    env.pod("new", labels={"app": "web"}, affinity=pref)
    env.settle()
    assert env.node_of("new") == "node-2"


def test_image_locality(env: Any) -> None:
    env.node("node-1")
    env.node("node-2", images=[{"names": ["registry.example/big:1.0"], "sizeBytes": 800 * 2**20}])
    env.node("node-3")
    env.pod("big", image="registry.example/big:1.0")
    env.settle()
    assert env.node_of("big") == "node-2"


def test_normalize_and_select_host() -> None:
    s = [0, 2, 4]
    default_normalize_score(s, reverse=True)
    assert s == [100, 50, 0]
    import random

    picks = Counter(select_host(["a", "b", "c"], [5, 9, 9], random.Random(i)) for i in range(200))
    assert set(picks) == {"b", "c"}
    assert num_feasible_nodes_to_find(50) == 50
    assert num_feasible_nodes_to_find(500) == 230  # (50 - 500/125)% of 500
    assert num_feasible_nodes_to_find(5000) == 500  # 10%, the 5% floor not reached


def test_same_seed_same_placements() -> None:
    from tests.scheduler.conftest import Env

    def run(seed: int) -> list[str | None]:
        e = Env(seed)
        for i in range(10):
            e.node(f"node-{i}")
        for i in range(30):
            e.pod(f"p{i}")
        e.settle()
        out = [e.node_of(f"p{i}") for i in range(30)]
        e.sched.stop()
        return out

    a, b = run(7), run(7)
    assert a == b
    assert len(set(a)) == 10
    assert any(run(s) != a for s in (1, 2, 3))


def test_many_pods_on_many_nodes_all_bound_and_balanced(env: Any) -> None:
    for i in range(100):
        env.node(f"node-{i:03d}", labels={"topology.kubernetes.io/zone": f"zone-{i % 4}"})
    for i in range(1000):
        env.pod(f"p{i}", cpu="100m", memory="64Mi")
    env.settle()
    assert env.sched.stats["bound"] == 1000
    per_node = Counter(p.spec.nodeName for p in env.api.list("pods", "default"))
    assert len(per_node) == 100
    assert max(per_node.values()) - min(per_node.values()) <= 2
