"""Checks for 05-image-pull: the web Pod's image is pulled and nginx runs."""

from podlab.kata import expect_field, expect_pod, load_learner_manifest, run_cluster


def test_the_web_pod_becomes_ready():
    """the Pod is Running and Ready within 60 seconds"""
    cluster = run_cluster(load_learner_manifest("pod.yaml"), nodes=1)
    expect_pod(cluster, "web").to_be("Ready", within=60)


def test_it_runs_nginx_1_27():
    """its container runs the image nginx:1.27"""
    cluster = run_cluster(load_learner_manifest("pod.yaml"), nodes=1)
    expect_field(expect_pod(cluster, "web").to_exist(), "spec.containers[0].image").to_equal(
        "nginx:1.27", because="the task is nginx 1.27, pinned: not latest, not another version"
    )
