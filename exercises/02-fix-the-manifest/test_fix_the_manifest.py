"""Checks for 02-fix-the-manifest: the repaired pod.yaml is accepted and still the intended Pod."""

from podlab.kata import expect, expect_field, load_learner_manifest, run_cluster


def the_pod():
    """Apply pod.yaml to a fresh cluster (refusals show kubectl's message); return the stored Pod."""
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    pods = cluster.list("pods")
    expect([p.metadata.name for p in pods], "the pods in the cluster").to_equal(
        ["web-server"], because="the README asks for a Pod named web-server"
    )
    return pods[0]


def test_the_api_server_accepts_the_pod():
    """the API server accepts the Pod, named web-server"""
    the_pod()


def test_both_containers_are_still_there():
    """both containers are still there: web, then helper"""
    pod = the_pod()
    expect([c.name for c in pod.spec.containers], "the containers' names").to_equal(
        ["web", "helper"], because="fix the manifest, don't remove what it is for"
    )


def test_the_images():
    """web runs nginx:1.27 and helper runs busybox:1.36"""
    pod = the_pod()
    expect_field(pod, "spec.containers[0].image").to_equal("nginx:1.27")
    expect_field(pod, "spec.containers[1].image").to_equal(
        "busybox:1.36", because="the helper runs a shell command, which needs an image with a shell"
    )


def test_the_rest_is_unchanged():
    """the port, the label and the helper's command are as they were"""
    pod = the_pod()
    expect_field(pod, "metadata.labels").to_include_labels({"app": "web"})
    expect_field(pod, "spec.containers[0].ports[0].containerPort").to_equal(80)
    expect_field(pod, "spec.containers[1].command").to_equal(
        ["sh", "-c", "while true; do date; sleep 10; done"]
    )
