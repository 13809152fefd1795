"""Checks for 30-static-pod-on-a-node: the kubelet of node-2 runs the file and mirrors it."""

from podlab.kata import exercise_dir, expect, expect_pod, fail, load_learner_manifest, run_cluster
from sandbox.errors import NotFound
from sandbox.kubectl import run as kubectl


def on_node_2():
    """A two-node cluster; static-pod.yaml written to node-2's manifest directory; 10 s pass."""
    load_learner_manifest("static-pod.yaml")  # fails early with a YAML message if unreadable
    cluster = run_cluster(nodes=2)
    node = cluster.node("node-2")
    try:
        node.add_static_pod((exercise_dir() / "static-pod.yaml").read_text(encoding="utf-8"))
    except ValueError as e:
        fail(f"static-pod.yaml cannot go into a manifest directory: {e}")
    cluster.advance(10)
    try:
        cluster.get("pod", "node-agent-node-2")
    except NotFound:
        lines = [f"  {f}: {m}" for f, m in sorted(node.static_pods.source.errors.items())]
        lines += [f"  mirror pod {p}: {m}" for p, m in sorted(node.static_pods.mirrors.errors.items())]
        listed = kubectl(cluster, "get pods -o wide").stdout or "No resources found in default namespace.\n"
        fail(
            'There is no mirror pod "node-agent-node-2".\n\n'
            "  expected: a mirror pod node-agent-node-2 (the kubelet appends -<node> to the Pod's name)\n"
            "$ kubectl get pods -o wide\n" + "\n".join("  " + ln for ln in listed.rstrip().splitlines())
            + ("\n\nThe kubelet of node-2 logged:\n" + "\n".join(lines) if lines else "")
        )
    return cluster


def test_the_mirror_pod_appears():
    """node-agent-node-2 is listed, bound to node-2, with the kubernetes.io/config.mirror annotation"""
    cluster = on_node_2()
    pod = expect_pod(cluster, "node-agent-node-2")
    pod.field("spec.nodeName").to_equal("node-2")
    expect(list(cluster.get("pod/node-agent-node-2").metadata.annotations or {}), "the mirror pod's annotations").to_contain(
        "kubernetes.io/config.mirror"
    )


def test_the_agent_collects():
    """the agent's log says: collecting metrics"""
    cluster = on_node_2()
    expect(cluster.logs("node-agent-node-2", container="agent"), "the log of container agent").to_contain(
        "collecting metrics"
    )


def test_it_keeps_running():
    """two minutes later the agent has printed at least 10 lines"""
    cluster = on_node_2()
    cluster.advance(110)
    lines = cluster.logs("node-agent-node-2", container="agent").count("collecting metrics")
    expect(lines >= 10, f"10 or more `collecting metrics` lines after 2 minutes (got {lines})").to_equal(
        True, because="print every 10 seconds, for ever: a loop with `sleep 10`"
    )
