"""Checks for 29-fsgroup-secret: fsGroup lets a non-root app read a 0440 Secret volume."""

from podlab.kata import expect, expect_pod, load_learner_manifest, run_cluster


def proxy_cluster():
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    expect_pod(cluster, "tls-proxy").to_exist()
    return cluster


def test_still_unprivileged_and_still_0440():
    """the Pod still runs as UID 1000 and the Secret volume's defaultMode is still 0440"""
    cluster = proxy_cluster()
    pod = cluster.get("pod", "tls-proxy")
    uid = (pod.spec.containers[0].securityContext and pod.spec.containers[0].securityContext.runAsUser) or (
        pod.spec.securityContext.runAsUser if pod.spec.securityContext else None
    )
    expect(uid, "the UID the proxy runs as (runAsUser)").to_equal(1000, because="do not make it root to read one file")
    tls = next((v for v in pod.spec.volumes or [] if v.name == "tls"), None)
    mode = tls.secret.defaultMode if tls is not None and tls.secret is not None else None
    expect(oct(mode) if mode is not None else None, "the tls volume's defaultMode").to_equal(
        "0o440", because="a private key should not be readable by everyone (0444)"
    )


def test_the_key_is_loaded():
    """within 60 seconds the Pod is Ready and its log says: key loaded"""
    cluster = proxy_cluster()
    expect_pod(cluster, "tls-proxy").to_be("Ready", within=60)
    expect(cluster.logs("tls-proxy"), "the log of container proxy").to_contain("key loaded")
