"""Checks for 19-update-image-in-place: update.yaml changes the running Pod's image in place."""

from podlab.kata import (
    apply_manifests,
    expect,
    expect_pod,
    expect_status,
    load_learner_manifest,
    run_cluster,
)

NEW_IMAGE = "docker.io/library/nginx:1.27"  # the image reference as the container runtime reports it


def updated_cluster():
    """running.yaml applied and Ready, then update.yaml applied; returns (cluster, uid before)."""
    running = load_learner_manifest("running.yaml")
    update = load_learner_manifest("update.yaml")
    cluster = run_cluster(running)
    expect_pod(cluster, "web").to_be("Ready", within=60)
    uid = cluster.get("pod", "web").metadata.uid
    apply_manifests(cluster, update)
    return cluster, uid


def test_still_one_pod_the_same_one():
    """there is still exactly one Pod, web, with the same UID"""
    cluster, uid = updated_cluster()
    names = sorted(p.metadata.name for p in cluster.list("pods"))
    expect(names, "the pods in the cluster").to_equal(
        ["web"], because="an in-place update changes the existing Pod; a manifest with another name creates a new one"
    )
    expect(cluster.get("pod", "web").metadata.uid, 'the UID of pod "web"').to_equal(
        uid, because="the same Pod keeps its UID; a deleted and recreated Pod gets a new one"
    )


def test_spec_asks_for_nginx_1_27():
    """the Pod's spec now asks for nginx:1.27"""
    cluster, _ = updated_cluster()
    expect_pod(cluster, "web").field("spec.containers[0].image").to_equal("nginx:1.27")


def test_the_container_was_restarted_on_the_new_image():
    """within 60 seconds the container runs nginx:1.27, restarted once in the same Pod"""
    cluster, _ = updated_cluster()
    expect_status(cluster, "web", within=60, **{"containerStatuses[0].image": NEW_IMAGE})
    expect_pod(cluster, "web").field("status.containerStatuses[0].restartCount").to_equal(
        1, because="the kubelet replaces the container inside the Pod, and counts that as a restart"
    )
    expect_pod(cluster, "web").to_be("Ready", within=60)
