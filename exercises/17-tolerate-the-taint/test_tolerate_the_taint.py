"""Checks for 17-tolerate-the-taint: the indexer lands on the tainted SSD node, by label."""

from podlab.kata import apply_manifests, expect, expect_pod, load_learner_manifest, run_cluster

SSD_NODE = "node-2"


def indexer_cluster():
    """node-1 (plain) and node-2 (labelled disktype=ssd, tainted dedicated=batch:NoSchedule),
    then pod.yaml."""
    cluster = run_cluster(nodes=2)
    cluster.node(SSD_NODE).label("disktype=ssd")
    cluster.node(SSD_NODE).taint("dedicated=batch:NoSchedule")
    apply_manifests(cluster, load_learner_manifest("pod.yaml"))
    expect_pod(cluster, "indexer").to_exist()
    return cluster


def test_a_node_takes_the_indexer():
    """the scheduler puts the indexer on a node within 30 seconds (it is not Pending)"""
    cluster = indexer_cluster()
    expect_pod(cluster, "indexer").to_be_scheduled(within=30)


def test_it_runs_on_the_ssd_node():
    """it runs on node-2, the node labelled disktype=ssd, and is Ready within a minute"""
    cluster = indexer_cluster()
    expect_pod(cluster, "indexer").to_be_scheduled(within=30)
    expect_pod(cluster, "indexer").field("spec.nodeName").to_equal(
        SSD_NODE, because="only node-2 has the SSD (label disktype=ssd): the nodeSelector must ask for it"
    )
    expect_pod(cluster, "indexer").to_be("Ready", within=60)


def test_the_scheduler_chose_the_node():
    """pod.yaml asks for a node by its labels and tolerates its taint (no spec.nodeName)"""
    pod = load_learner_manifest("pod.yaml")[0]
    expect((pod.get("spec") or {}).get("nodeName"), "spec.nodeName in pod.yaml").to_equal(
        None,
        because="spec.nodeName skips the scheduler, and with it every check of labels and taints: "
        "select the node with nodeSelector and let the Pod tolerate the taint instead",
    )
