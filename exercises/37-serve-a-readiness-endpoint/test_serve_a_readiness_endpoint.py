"""Checks for 37-serve-a-readiness-endpoint: /ready says 503 then 200, and a readinessProbe uses it."""

import importlib.util

from podlab.kata import (
    exercise_dir,
    expect,
    expect_pod,
    fail,
    field_value,
    load_learner_manifest,
    run_cluster,
)
from sandbox.network.http import http_get

WARM_UP = 20
NAME = "catalog"


def catalog_cluster():
    """Load app.py (the image example.com/catalog:1.0), apply pod.yaml, wait until the container
    runs; returns the cluster and the virtual time (cluster.elapsed) its container started."""
    spec = importlib.util.spec_from_file_location("learner_catalog", exercise_dir() / "app.py")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as e:  # noqa: BLE001 - the learner's error is shown, not raised
        fail(f"app.py cannot be loaded: {type(e).__name__}: {e}")
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    expect_pod(cluster, NAME).to_be("Running", within=60)
    running = cluster.get("pod", NAME).status.containerStatuses[0].state.running
    if running is None:
        fail(f'Container "{NAME}" is not running: it stopped right after it started.', pod=(cluster, NAME))
    return cluster, cluster.elapsed - (cluster.now() - running.startedAt).total_seconds()


def ready(cluster) -> bool:
    pod = cluster.get("pod", NAME)
    return any(c.type == "Ready" and c.status == "True" for c in (pod.status.conditions or []))


def get_ready(cluster) -> str:
    """GET /ready on the Pod's IP from its node, as a probe or a curl on the node would: the
    status code, or the connection error."""
    pod = cluster.get("pod", NAME)
    try:
        return str(http_get(cluster.node(pod.spec.nodeName).netns, f"http://{pod.status.podIP}:8080/ready").status)
    except OSError as e:
        return f"no answer ({e})"


def test_not_ready_while_warming_up():
    """during its first 20 seconds the Pod is never Ready, and GET /ready answers 503"""
    cluster, started = catalog_cluster()
    while cluster.elapsed < started + WARM_UP - 1:
        if ready(cluster):
            after = cluster.elapsed - started
            fail(
                f'Not as expected: pod "{NAME}" was Ready {after:g} seconds after its container started.\n\n'
                f"  expected: not Ready until the cache is warm ({WARM_UP} seconds after the start)\n"
                "  got:      Ready\n"
                "  why:      without a readinessProbe a running container counts as ready at once, and a Service "
                "would send it requests it cannot answer yet; a readinessProbe on /ready keeps it out until then\n"
                f"  GET /ready now answers: {get_ready(cluster)}",
                pod=(cluster, NAME),
            )
        cluster.advance(1)
    expect(get_ready(cluster), f"the status of GET /ready {cluster.elapsed - started:g} seconds after the start", pod=(cluster, NAME)).to_equal(
        "503", because="while the cache warms up, /ready must say 503 Service Unavailable"
    )


def test_ready_once_warm():
    """once warm (within 35 seconds of the start) the Pod is Ready, and GET /ready answers 200"""
    cluster, started = catalog_cluster()
    cluster.advance(max(0.0, started + WARM_UP - cluster.elapsed))
    deadline = started + 35
    while not ready(cluster) and cluster.elapsed < deadline:
        cluster.advance(1)
    if not ready(cluster):
        fail(
            f'Timed out: pod "{NAME}" was not Ready 35 seconds after its container started (virtual time).\n\n'
            f"  expected: Ready soon after the cache is warm ({WARM_UP} seconds after the start)\n"
            "  got:      not Ready; look for `Readiness probe failed` in the events\n"
            f"  GET /ready now answers: {get_ready(cluster)}",
            pod=(cluster, NAME),
        )
    expect(get_ready(cluster), "the status of GET /ready once the Pod is Ready", pod=(cluster, NAME)).to_equal(
        "200", because="once the cache is warm, /ready must say 200 OK"
    )


def test_no_restarts():
    """two minutes later the Pod is still Ready and was never restarted"""
    cluster, _started = catalog_cluster()
    cluster.advance(120)
    expect_pod(cluster, NAME).field("status.containerStatuses[0].restartCount").to_equal(
        0, because="a readiness probe never restarts a container; a liveness probe that fails while it warms up does"
    )
    expect_pod(cluster, NAME).to_be("Ready", within=0)


def test_the_probe_asks_ready():
    """the catalog container's readinessProbe is an HTTP GET of /ready on port 8080"""
    pod = load_learner_manifest("pod.yaml")[0]
    container = next((c for c in field_value(pod, "spec.containers") or [] if c.get("name") == NAME), {})
    probe = container.get("readinessProbe") or {}
    expect(field_value(probe, "httpGet.path"), "spec.containers[0].readinessProbe.httpGet.path in pod.yaml").to_equal(
        "/ready", because="the app itself knows when it is warm: let the kubelet ask it"
    )
    expect(field_value(probe, "httpGet.port"), "spec.containers[0].readinessProbe.httpGet.port in pod.yaml").to_be_one_of(
        [8080, "http"], because="the app listens on 8080 (the port named http)"
    )
