"""Checks for 32-wait-for-a-file: an init container holds the app back until a file appears."""

from podlab.kata import expect, expect_pod, fail, load_learner_manifest, run_cluster
from sandbox.kubectl import run as kubectl


def started_cluster():
    """pod.yaml applied and 20 virtual seconds run: nobody has written the file yet."""
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    pod = expect_pod(cluster, "config-reader").to_exist()
    inits = [c.name for c in pod.spec.initContainers or []]
    if "wait-for-config" not in inits:
        fail(
            "The Pod has no init container named wait-for-config.\n\n"
            f"  expected: spec.initContainers with a container named wait-for-config\n"
            f"  got:      {', '.join(inits) or 'no init containers'}"
        )
    cluster.advance(20)
    return cluster


def write_the_file(cluster):
    out = kubectl(cluster, "exec config-reader -c wait-for-config -- sh -c 'echo mode=fast > /config/settings'")
    if out.exit_code != 0:
        fail(
            "Writing the file from the init container failed: the tests run\n"
            "  kubectl exec config-reader -c wait-for-config -- sh -c 'echo mode=fast > /config/settings'\n"
            f"and kubectl said:\n  {(out.stderr or out.stdout).strip()}\n\n"
            "The init container must still be running (waiting) at t=20s, and have the config volume at /config.",
            pod=(cluster, "config-reader"),
        )


def test_the_app_waits():
    """at t=20s, without the file, the Pod is still initializing and app has not started"""
    cluster = started_cluster()
    status = kubectl(cluster, "get pod config-reader").stdout.splitlines()[1].split()[2]
    expect(status, "the STATUS column of `kubectl get pod config-reader` at t=20s").to_equal(
        "Init:0/1", because="the init container is still waiting for /config/settings"
    )
    expect_pod(cluster, "config-reader").field("status.containerStatuses[0].restartCount").to_equal(
        0, because="app must not even start (and crash) before the file exists"
    )


def test_the_app_starts_after_the_file_appears():
    """after the file is written, app runs within 30 s and prints the settings"""
    cluster = started_cluster()
    write_the_file(cluster)
    expect_pod(cluster, "config-reader").to_be("Ready", within=30)
    expect_pod(cluster, "config-reader").field("status.containerStatuses[0].restartCount").to_equal(
        0, because="app starts once, when the file is there"
    )
    expect(cluster.logs("config-reader", container="app"), "the log of container app").to_contain("mode=fast")
