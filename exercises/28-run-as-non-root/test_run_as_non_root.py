"""Checks for 28-run-as-non-root: worker runs as UID 1000 with runAsNonRoot kept."""

from podlab.kata import expect, expect_pod, load_learner_manifest, run_cluster


def worker_cluster():
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    expect_pod(cluster, "worker").to_exist()
    return cluster


def _effective(pod, field):
    """A field of the container's security context, or else the Pod's (the container wins)."""
    for sc in (pod.spec.containers[0].securityContext, pod.spec.securityContext):
        value = getattr(sc, field, None) if sc is not None else None
        if value is not None:
            return value
    return None


def test_run_as_non_root_is_kept():
    """runAsNonRoot is still true (for the Pod or the container)"""
    cluster = worker_cluster()
    expect(_effective(cluster.get("pod", "worker"), "runAsNonRoot"), "runAsNonRoot for container worker").to_equal(
        True, because="keep the promise; fix what breaks it"
    )


def test_the_worker_runs_as_1000():
    """worker is Ready within 60 seconds and `id -u` prints 1000"""
    cluster = worker_cluster()
    expect_pod(cluster, "worker").to_be("Ready", within=60)
    expect(cluster.exec("worker", "id -u").stdout.strip(), "`id -u` in container worker").to_equal("1000")
