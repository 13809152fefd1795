"""Spreading across zones, and pods that wait: gates, cordons, new nodes, deletions, backoff."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sandbox.scheduler import why_pending

ZONE = "topology.kubernetes.io/zone"


def _zones(env: Any, per_zone: int = 2) -> None:
    for z in "abc":
        for i in range(per_zone):
            env.node(f"{z}-{i}", labels={ZONE: f"zone-{z}"})


def test_topology_spread_over_zones(env: Any) -> None:
    _zones(env)
    tsc = [{"maxSkew": 1, "topologyKey": ZONE, "whenUnsatisfiable": "DoNotSchedule",
            "labelSelector": {"matchLabels": {"app": "web"}}}]
    # an existing pod makes zone-a heavier; the filter must keep skew <= 1
    env.pod("seed-0", labels={"app": "web"}, nodeName="a-0")
    env.pod("seed-1", labels={"app": "web"}, nodeName="a-1")
    for i in range(4):
        env.pod(f"web-{i}", labels={"app": "web"}, topologySpreadConstraints=tsc)
        env.settle()
    zones = Counter(env.node_of(f"web-{i}")[0] for i in range(4))
    assert zones == {"b": 2, "c": 2}


def test_schedule_anyway_prefers_the_emptier_zone(env: Any) -> None:
    _zones(env, per_zone=1)
    tsc = [{"maxSkew": 1, "topologyKey": ZONE, "whenUnsatisfiable": "ScheduleAnyway",
            "labelSelector": {"matchLabels": {"app": "web"}}}]
    for i in range(6):
        env.pod(f"web-{i}", labels={"app": "web"}, topologySpreadConstraints=tsc)
        env.settle()
    assert Counter(env.node_of(f"web-{i}") for i in range(6)) == {"a-0": 2, "b-0": 2, "c-0": 2}


def test_zone_anti_affinity_one_per_zone(env: Any) -> None:
    _zones(env)
    anti = {"podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
        {"labelSelector": {"matchLabels": {"app": "db"}}, "topologyKey": ZONE}]}}
    for i in range(4):
        env.pod(f"db-{i}", labels={"app": "db"}, affinity=anti)
        env.settle()
    placed = [env.node_of(f"db-{i}") for i in range(3)]
    assert sorted(n[0] for n in placed) == ["a", "b", "c"]
    assert env.node_of("db-3") is None
    assert env.failed_message("db-3") == (
        "0/6 nodes are available: 6 node(s) didn't match pod anti-affinity rules. "
        "preemption: 0/6 nodes are available: 6 No preemption victims found for incoming pod.")


def test_pod_affinity_by_namespace_selector(env: Any) -> None:
    _zones(env, per_zone=1)
    env.api.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "data", "labels": {"team": "db"}}})
    env.pod("pg", namespace="data", labels={"app": "pg"}, nodeName="b-0")
    aff = {"podAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
        {"labelSelector": {"matchLabels": {"app": "pg"}}, "topologyKey": ZONE,
         "namespaceSelector": {"matchLabels": {"team": "db"}}}]}}
    env.pod("api", affinity=aff)
    env.pod("api-same-ns-only", affinity={"podAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
        {"labelSelector": {"matchLabels": {"app": "pg"}}, "topologyKey": ZONE}]}})
    env.settle()
    assert env.node_of("api") == "b-0"
    assert env.node_of("api-same-ns-only") is None


def test_scheduling_gates(env: Any) -> None:
    env.node("node-1")
    env.pod("gated", schedulingGates=[{"name": "example.com/wait"}])
    env.settle(30)
    assert env.node_of("gated") is None
    assert env.events("gated") == []
    assert env.sched.pending() == {"default/gated": "gated"}
    assert "Scheduling is blocked due to non-empty scheduling gates" in why_pending(env.api, "gated")
    env.api.patch("pods", "gated", [{"op": "remove", "path": "/spec/schedulingGates"}], patch_type="json")
    env.settle()
    assert env.node_of("gated") == "node-1"
    assert env.events("gated", "Scheduled")[0].message == "Successfully assigned default/gated to node-1"


def test_bound_pod_status_and_event(env: Any) -> None:
    env.node("node-1")
    env.pod("nginx")
    env.settle()
    pod = env.api.get("pods", "nginx")
    assert pod.spec.nodeName == "node-1"
    cond = env.condition("nginx")
    assert cond.status == "True"
    (ev,) = env.events("nginx")
    assert (ev.type, ev.reason, ev.message, ev.source.component) == (
        "Normal", "Scheduled", "Successfully assigned default/nginx to node-1", "default-scheduler")


def test_uncordon_schedules_the_waiting_pod(env: Any) -> None:
    env.node("node-1", unschedulable=True)
    env.pod("web")
    env.settle()
    t0 = env.clock.now()
    env.settle(40)
    assert env.node_of("web") is None
    env.api.patch("nodes", "node-1", {"spec": {"unschedulable": None}}, namespace=None)
    env.settle()
    assert env.node_of("web") == "node-1"
    assert env.clock.now() - t0 == 40  # right away: the backoff (1 s) is long over


def test_new_node_during_backoff_waits_for_the_backoff(env: Any) -> None:
    env.pod("web")
    env.settle()  # attempt 1 fails at t0: no nodes
    t0 = env.clock.now()
    env.settle(0.5)
    env.node("node-1")
    bound_at = []
    env.clock.run_until(lambda: env.node_of("web") is not None and not bound_at.append(env.clock.now()), timeout=20)
    assert bound_at[0] - t0 == 1.0


def test_backoff_doubles(env: Any) -> None:
    env.node("small", cpu="1")
    env.pod("big", cpu="2")
    env.settle()  # attempt 1 fails at t0
    t0 = env.clock.now()
    env.node("small-2", cpu="1")  # a node event: retried after 1 s, fails again (attempt 2)
    env.settle(1.5)
    assert [e.message.split(":")[0] for e in env.events("big", "FailedScheduling")] == [
        "0/1 nodes are available", "0/2 nodes are available"]
    env.node("large", cpu="4")  # moved to backoffQ: 2 s after the second failure at t0+1
    times = []
    env.clock.run_until(lambda: env.node_of("big") is not None and not times.append(env.clock.now()), timeout=20)
    assert env.node_of("big") == "large"
    assert times[0] - t0 == 3.0


def test_deleted_pod_frees_room(env: Any) -> None:
    env.node("node-1", cpu="1")
    env.pod("first", cpu="800m")
    env.settle()
    env.pod("second", cpu="800m")
    env.settle(5)
    assert env.node_of("second") is None
    env.api.delete("pods", "first", grace_period_seconds=0)
    env.settle(10)
    assert env.node_of("second") == "node-1"


def test_label_added_to_node(env: Any) -> None:
    env.node("node-1")
    env.pod("web", nodeSelector={"disk": "ssd"})
    env.settle(5)
    env.api.patch("nodes", "node-1", {"metadata": {"labels": {"disk": "ssd"}}}, namespace=None)
    env.settle()
    assert env.node_of("web") == "node-1"


def test_taint_removed(env: Any) -> None:
    env.node("node-1", taints=[{"key": "gpu", "value": "true", "effect": "NoSchedule"}])
    env.pod("web")
    env.settle(5)
    env.api.patch("nodes", "node-1", {"spec": {"taints": None}}, namespace=None)
    env.settle()
    assert env.node_of("web") == "node-1"


def test_why_pending_lists_each_node(env: Any) -> None:
    env.node("node-1", cpu="1")
    env.node("node-2", taints=[{"key": "gpu", "value": "true", "effect": "NoSchedule"}])
    env.node("node-3", unschedulable=True)
    env.pod("web", cpu="2")
    env.settle()
    text = why_pending(env.api, "web")
    lines = text.splitlines()
    assert lines[0] == "Pod default/web is Pending: none of the 3 node(s) can take it."
    assert lines[1].startswith("  node-1: Insufficient cpu [NodeResourcesFit]")
    assert lines[2].startswith("  node-2: node(s) had untolerated taint {gpu: true} [TaintToleration]")
    assert lines[3].startswith("  node-3: node(s) were unschedulable [NodeUnschedulable]")
    assert lines[4] == "Scheduler's message: " + env.failed_message("web")


def test_why_pending_for_a_bound_pod(env: Any) -> None:
    env.node("node-1")
    env.pod("web")
    env.settle()
    assert why_pending(env.api, "web") == "Pod default/web is not waiting for the scheduler: it is assigned to node node-1."
