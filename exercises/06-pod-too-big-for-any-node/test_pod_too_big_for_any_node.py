"""Checks for 06-pod-too-big-for-any-node: the cache fits on a node, runs, and reserves what it uses."""

import importlib.util

from podlab.kata import exercise_dir, expect_pod, fail, load_learner_manifest, run_cluster
from sandbox.api.quantity import parse_quantity

USES = "3Gi"  # what the cache image allocates


def cache_cluster():
    """Two nodes of 8Gi (8092Mi allocatable) each, with pod.yaml applied."""
    path = exercise_dir() / "cache_image.py"
    spec = importlib.util.spec_from_file_location("cache_image", path)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    cluster = run_cluster(load_learner_manifest("pod.yaml"), nodes=2)
    expect_pod(cluster, "cache").to_exist()
    return cluster


def test_a_node_takes_the_cache():
    """the scheduler puts the cache on a node within 30 seconds (it is not Pending)"""
    cluster = cache_cluster()
    expect_pod(cluster, "cache").to_be_scheduled(within=30)


def test_the_cache_runs_without_restarts():
    """the cache is Ready within a minute and has not restarted five minutes later"""
    cluster = cache_cluster()
    expect_pod(cluster, "cache").to_be_scheduled(within=30)
    expect_pod(cluster, "cache").to_be("Ready", within=60)
    cluster.advance(300)
    expect_pod(cluster, "cache").field("status.containerStatuses[0].restartCount").to_equal(
        0, because=f"the cache holds {USES}: a memory limit below that gets it OOMKilled, again and again"
    )


def test_the_request_covers_what_the_cache_uses():
    """its memory request is at least the 3Gi the cache uses"""
    cluster = cache_cluster()
    pod = expect_pod(cluster, "cache").to_exist()
    requests = (pod.spec.containers[0].resources.requests or {}) if pod.spec.containers[0].resources else {}
    asked = requests.get("memory")
    if asked is None or parse_quantity(str(asked)) < parse_quantity(USES):
        fail(
            'Not as expected: pod "cache": spec.containers[0].resources.requests.memory.\n\n'
            f"  expected: at least {USES}\n"
            f"  got:      {asked if asked is not None else '(not set)'}\n"
            f"  why:      the scheduler places a Pod by its requests; a cache that uses {USES} but asks for "
            "less can land on a node that does not have that much free, and be the first evicted "
            "when the node runs short of memory",
            pod=(cluster, "cache"),
        )
