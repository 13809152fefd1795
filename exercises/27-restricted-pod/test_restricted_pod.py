"""Checks for 27-restricted-pod: ledger passes the restricted level and runs as non-root."""

from podlab.kata import apply_manifests, expect, expect_pod, load_learner_manifest, run_cluster


def payments_cluster():
    """namespace.yaml, then pod.yaml (a refusal fails with kubectl's words)."""
    cluster = run_cluster(load_learner_manifest("namespace.yaml"))
    apply_manifests(cluster, load_learner_manifest("pod.yaml"))
    expect_pod(cluster, "ledger", namespace="payments").to_exist()
    return cluster


def test_ledger_is_accepted_and_ready():
    """the API server accepts ledger in payments, and it is Ready within 60 seconds"""
    cluster = payments_cluster()
    expect_pod(cluster, "ledger", namespace="payments").to_be("Ready", within=60)


def test_ledger_does_not_run_as_root():
    """ledger's process runs as a non-root user"""
    cluster = payments_cluster()
    expect_pod(cluster, "ledger", namespace="payments").to_be("Ready", within=60)
    uid = cluster.exec("ledger", "id -u", namespace="payments").stdout.strip()
    expect(uid != "0", f"whether ledger runs as non-root (id -u = {uid})").to_equal(True)
