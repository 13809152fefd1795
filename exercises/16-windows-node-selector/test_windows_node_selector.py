"""Checks for 16-windows-node-selector: report-builder runs on the Windows node."""

from podlab.kata import (
    apply_manifests,
    expect,
    expect_field,
    expect_pod,
    fail,
    load_learner_manifest,
    run_cluster,
)


def mixed_cluster():
    """node-1 (Linux) and node-2 (Windows), both Ready, with pod.yaml applied."""
    docs = load_learner_manifest("pod.yaml")
    cluster = run_cluster(nodes=1)
    cluster.add_node(os="windows")
    cluster.advance(5)
    apply_manifests(cluster, docs)
    expect_pod(cluster, "report-builder").to_exist()
    return cluster


def test_it_stays_a_windows_pod():
    """the Pod still says spec.os.name: windows"""
    cluster = mixed_cluster()
    expect_field(cluster.get("pod", "report-builder"), "spec.os.name").to_equal(
        "windows", because="os.name is how the API server and Pod Security know this is a Windows Pod"
    )


def test_it_is_bound_to_the_windows_node():
    """within 30 seconds it is bound to node-2, the Windows node"""
    cluster = mixed_cluster()
    cluster.advance(30)
    pod = cluster.get("pod", "report-builder")
    node = pod.spec.nodeName
    if not node:
        fail(
            'Pod "report-builder" is still Pending after 30 seconds (virtual time): the scheduler '
            "found no node that matches it. Compare your nodeSelector with the nodes' labels:\n\n"
            + "\n".join(f"  {n.metadata.name}: " + ",".join(f"{k}={v}" for k, v in sorted((n.metadata.labels or {}).items()))
                        for n in cluster.list("nodes", namespace=None)),
            pod=(cluster, "report-builder"),
        )
    os_label = cluster.get("node", node).metadata.labels.get("kubernetes.io/os")
    expect(f"{node} ({os_label})", 'the node pod "report-builder" is bound to').to_equal(
        "node-2 (windows)", because="the scheduler ignores spec.os.name; a nodeSelector on the node's OS label decides"
    )
