"""Checks for 23-fix-readonly-mount: a writable cache volume beside a read-only root filesystem."""

from podlab.kata import expect, expect_pod, load_learner_manifest, run_cluster


def warmer_cluster():
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    expect_pod(cluster, "cache-warmer").to_exist()
    return cluster


def test_the_root_filesystem_stays_read_only():
    """the container keeps securityContext.readOnlyRootFilesystem: true"""
    cluster = warmer_cluster()
    expect_pod(cluster, "cache-warmer").field("spec.containers[0].securityContext.readOnlyRootFilesystem").to_equal(
        True, because="make the cache writable, not the whole container"
    )


def test_the_cache_gets_warmed_and_stays_up():
    """Ready within 60 seconds, log says cache warmed, no restarts two minutes later"""
    cluster = warmer_cluster()
    expect_pod(cluster, "cache-warmer").to_be("Ready", within=60)
    expect(cluster.logs("cache-warmer"), "the log of container app").to_contain("cache warmed")
    cluster.advance(120)
    expect_pod(cluster, "cache-warmer").field("status.containerStatuses[0].restartCount").to_equal(0)
