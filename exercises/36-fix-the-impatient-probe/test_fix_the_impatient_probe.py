"""Checks for 36-fix-the-impatient-probe: a slow starter survives, liveness stays strict."""

import contextlib

from podlab.kata import expect, expect_pod, fail, load_learner_manifest, run_cluster
from sandbox import WaitTimeout
from sandbox.errors import StatusError
from sandbox.images import image
from sandbox.network.http import HTTPResponse, HTTPServer


@image("example.com/search:2.0")
def search(c):
    """Loads its index for 90 s, then serves /healthz (200) on 8080."""
    c.print("loading the index...")
    if not c.sleep(90):
        return 0
    c.print("index loaded, listening on :8080")
    HTTPServer(c.net, 8080, lambda request: HTTPResponse(200, body="ok")).serve_forever()
    return 0


def search_cluster():
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    expect_pod(cluster, "search").to_exist()
    return cluster


def test_the_app_finishes_loading():
    """within 150 seconds the app logs `index loaded` (it was not killed while loading)"""
    cluster = search_cluster()

    def loaded(_pod):
        try:
            return "index loaded" in cluster.logs("search", container="search")
        except StatusError:  # still ContainerCreating: nothing logged yet
            return False

    with contextlib.suppress(WaitTimeout):
        cluster.wait_for("pod/search", loaded, timeout=150)
    if not loaded(None):
        fail(
            'Timed out: container "search" never finished loading in 150 seconds (virtual time).\n\n'
            "  expected: `index loaded` in its log (it needs about 90 s)\n"
            "  got:      it was killed before that; see the Killing events and the timeline",
            pod=(cluster, "search"),
        )


def test_no_restarts():
    """five minutes later it has never been restarted"""
    cluster = search_cluster()
    cluster.advance(300)
    expect_pod(cluster, "search").field("status.containerStatuses[0].restartCount").to_equal(
        0, because="a healthy app that is only slow to start should never be killed"
    )


def test_liveness_stays_strict():
    """the liveness probe still checks /healthz:8080, every 10 s or faster, at most 3 failures"""
    cluster = search_cluster()
    pod = expect_pod(cluster, "search")
    pod.field("spec.containers[0].livenessProbe.httpGet.path").to_equal(
        "/healthz", because="keep the liveness probe: it is what restarts the app if it hangs later"
    )
    pod.field("spec.containers[0].livenessProbe.httpGet.port").to_equal(8080)
    period = pod.field("spec.containers[0].livenessProbe.periodSeconds").value
    threshold = pod.field("spec.containers[0].livenessProbe.failureThreshold").value
    delay = pod.field("spec.containers[0].livenessProbe.initialDelaySeconds").value or 0
    expect(period <= 10 and threshold <= 3 and delay <= 10, "the liveness probe's timing").to_equal(
        True,
        because=f"periodSeconds {period}, failureThreshold {threshold}, initialDelaySeconds {delay}: "
        "a hang must still be noticed within about 30 s; give the patience to a startupProbe instead",
    )
