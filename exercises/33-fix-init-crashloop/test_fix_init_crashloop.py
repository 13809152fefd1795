"""Checks for 33-fix-init-crashloop: the init container completes and the app starts."""

from podlab.kata import expect, expect_pod, fail, load_learner_manifest, run_cluster


def inventory_cluster():
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    pod = expect_pod(cluster, "inventory").to_exist()
    if [c.name for c in pod.spec.initContainers or []] != ["migrate"]:
        fail(
            "Keep the init container: the migration must run before the app.\n\n"
            "  expected: spec.initContainers: [migrate]\n"
            f"  got:      {[c.name for c in pod.spec.initContainers or []]}"
        )
    return cluster


def test_the_app_starts():
    """the Pod is Ready within 60 seconds"""
    cluster = inventory_cluster()
    expect_pod(cluster, "inventory").to_be("Ready", within=60)


def test_the_migration_ran():
    """migrate completed with exit code 0 after logging `migrating db.internal`, with no restart"""
    cluster = inventory_cluster()
    expect_pod(cluster, "inventory").to_be("Ready", within=60)
    expect_pod(cluster, "inventory").field("status.initContainerStatuses[0].state.terminated.exitCode").to_equal(
        0, because="an init container succeeds by exiting with 0"
    )
    expect_pod(cluster, "inventory").field("status.initContainerStatuses[0].restartCount").to_equal(
        0, because="a fixed migration succeeds the first time"
    )
    expect(cluster.logs("inventory", container="migrate"), "the log of init container migrate").to_contain(
        "migrating db.internal"
    )
