"""Node lifecycle, taint eviction and pod GC on the fake nodes: a node dies, its pods move."""

from __future__ import annotations


def deployment(replicas: int = 3) -> dict:
    return {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
            "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": "web"}},
                     "template": {"metadata": {"labels": {"app": "web"}},
                                  "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}}


def ready_cond(node: dict) -> dict:
    return next(c for c in node["status"]["conditions"] if c["type"] == "Ready")


def test_dead_node_goes_unknown_tainted_and_its_pods_are_replaced(world):
    world.api.create(deployment())
    world.advance(10)
    victim = next(p for p in world.pods() if p["spec"]["nodeName"] == "node-2")["metadata"]["name"]
    t0 = world.clock.now()
    world.nodes.kill("node-2")  # last lease renewal was at t0
    world.run_until(lambda: ready_cond(world.get("nodes", "node-2", None))["status"] == "Unknown", 300)
    # 50 s grace after the last renewal the controller noticed, checked every 5 s
    assert world.clock.now() - t0 == 60
    world.advance(1)
    node = world.get("nodes", "node-2", None)
    ready = ready_cond(node)
    assert (ready["reason"], ready["message"]) == ("NodeStatusUnknown", "Kubelet stopped posting node status.")
    assert {c["type"]: c["status"] for c in node["status"]["conditions"]} == {
        "MemoryPressure": "Unknown", "DiskPressure": "Unknown", "PIDPressure": "Unknown", "Ready": "Unknown"}
    assert [(t["key"], t["effect"]) for t in node["spec"]["taints"]] == [
        ("node.kubernetes.io/unreachable", "NoSchedule"), ("node.kubernetes.io/unreachable", "NoExecute")]
    assert all(t["timeAdded"] == "2025-01-01T00:01:10Z" for t in node["spec"]["taints"])
    assert world.messages("NodeNotReady", kind="Node") == ["Node node-2 status is now: NodeNotReady"]
    assert world.messages("NodeNotReady", kind="Pod") == ["Node is not ready"]
    pod = world.get("pods", victim)
    assert next(c for c in pod["status"]["conditions"] if c["type"] == "Ready")["status"] == "False"
    # the default 300 s toleration runs out, the pod is evicted and replaced elsewhere
    world.advance(298)  # t = 70 + 298: the taint was added at 70 s
    assert not world.get("pods", victim)["metadata"].get("deletionTimestamp")
    world.advance(2)
    assert world.messages("TaintManagerEviction") == [f"Marking for deletion Pod default/{victim}"]
    evicted = world.get("pods", victim)
    # deleted at 370 s with the 30 s grace period; stays Terminating: no kubelet finishes it
    assert evicted["metadata"]["deletionTimestamp"] == "2025-01-01T00:06:40Z"
    dt = next(c for c in evicted["status"]["conditions"] if c["type"] == "DisruptionTarget")
    assert (dt["reason"], dt["message"]) == ("DeletionByTaintManager", "Taint manager: deleting due to NoExecute taint")
    world.advance(5)
    running = [p for p in world.pods() if not p["metadata"].get("deletionTimestamp")]
    assert len(running) == 3 and all(p["spec"]["nodeName"] != "node-2" for p in running)
    # the node recovers: its taints go, the terminating pod is finished by its kubelet
    world.nodes.revive("node-2")
    world.advance(10)
    node = world.get("nodes", "node-2", None)
    assert "taints" not in node["spec"] and ready_cond(node)["status"] == "True"
    assert len(world.pods()) == 3


def test_taint_removed_before_timeout_cancels_eviction(world):
    world.api.create(deployment())
    world.advance(10)
    world.nodes.kill("node-2")
    world.advance(100)
    world.nodes.revive("node-2")
    world.advance(10)
    assert world.messages("TaintManagerEviction") == [
        f"Cancelling deletion of Pod default/{p['metadata']['name']}" for p in world.pods() if p["spec"]["nodeName"] == "node-2"]
    assert all(not p["metadata"].get("deletionTimestamp") for p in world.pods())


def test_pod_gc_force_deletes_pods_of_a_deleted_node(world):
    world.api.create(deployment())
    world.advance(10)
    world.nodes.kill("node-2")
    world.advance(400)
    stuck = [p for p in world.pods() if p["spec"]["nodeName"] == "node-2"]
    assert len(stuck) == 1 and stuck[0]["metadata"]["deletionTimestamp"]
    world.api.delete("nodes", "node-2", None)
    world.advance(80)  # podgc runs every 20 s, with a 40 s quarantine for a missing node
    assert [p for p in world.pods() if p["spec"]["nodeName"] == "node-2"] == []
