"""Checks for 04-make-it-run: the greeter Pod runs, stays up, and still greets."""

from podlab.kata import expect, expect_pod, load_learner_manifest, run_cluster


def greeter_cluster():
    """A one-node cluster running pod.yaml; the Pod must be the greeter."""
    cluster = run_cluster(load_learner_manifest("pod.yaml"), nodes=1)
    expect_pod(cluster, "greeter").to_exist()
    return cluster


def test_the_greeter_becomes_ready():
    """the Pod is Running and Ready within 60 seconds"""
    cluster = greeter_cluster()
    expect_pod(cluster, "greeter").to_be("Ready", within=60)


def test_the_greeter_stays_up():
    """five minutes later it is still Ready, with no restarts"""
    cluster = greeter_cluster()
    expect_pod(cluster, "greeter").to_be("Ready", within=60)
    cluster.advance(300)
    expect_pod(cluster, "greeter").field("status.containerStatuses[0].restartCount").to_equal(
        0, because="a container that keeps running is never restarted"
    )
    expect_pod(cluster, "greeter").to_be("Ready", within=0)


def test_the_greeter_still_greets():
    """its log says: Hello from the greeter"""
    cluster = greeter_cluster()
    expect_pod(cluster, "greeter").to_be("Ready", within=60)
    expect(cluster.logs("greeter", container="greeter"), "the log of container greeter").to_contain(
        "Hello from the greeter", because="fix the crash, keep the greeting"
    )
