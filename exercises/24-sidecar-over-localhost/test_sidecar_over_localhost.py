"""Checks for 24-sidecar-over-localhost: the app reads a quote from its sidecar on localhost."""

import contextlib
import importlib.util

from podlab.kata import exercise_dir, expect, expect_pod, fail, load_learner_manifest, run_cluster
from sandbox import WaitTimeout

QUOTE = "quote: Simplicity is prerequisite for reliability."


def _load(filename, ours):
    spec = importlib.util.spec_from_file_location(filename[:-3], exercise_dir() / filename)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as e:  # noqa: BLE001 - the learner's error is shown, not raised
        if ours:
            raise
        fail(f"{filename} cannot be loaded: {type(e).__name__}: {e}")


def quote_cluster():
    _load("quotes_image.py", ours=True)
    _load("app.py", ours=False)
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    expect_pod(cluster, "quote-of-the-day").to_exist()
    return cluster


def _app_log(cluster):
    try:
        return cluster.logs("quote-of-the-day", container="app")
    except Exception:  # noqa: BLE001 - not started yet
        return ""


def test_the_app_prints_the_quote():
    """within 30 seconds the app's log says: quote: Simplicity is prerequisite for reliability."""
    cluster = quote_cluster()
    with contextlib.suppress(WaitTimeout):
        cluster.wait_for("pod/quote-of-the-day", lambda p: QUOTE in _app_log(cluster), timeout=30)
    log = _app_log(cluster)
    if QUOTE not in log:
        with contextlib.suppress(Exception):
            log = log or cluster.logs("quote-of-the-day", container="app", previous=True)
    if QUOTE not in log:
        last = (log.strip().splitlines() or ["(nothing)"])[-1]
        expect(last, "the last line of container app's log", pod=(cluster, "quote-of-the-day")).to_equal(
            QUOTE, because="the sidecar listens on 127.0.0.1:9000, which only containers of this Pod can reach"
        )


def test_the_app_keeps_running():
    """the Pod is Ready, and two minutes later app has not restarted"""
    cluster = quote_cluster()
    expect_pod(cluster, "quote-of-the-day").to_be("Ready", within=30)
    cluster.advance(120)
    statuses = cluster.get("pod", "quote-of-the-day").status.containerStatuses
    i = [cs.name for cs in statuses].index("app")
    expect_pod(cluster, "quote-of-the-day").field(f"status.containerStatuses[{i}].restartCount").to_equal(
        0, because="after printing the quote the app should stay up until SIGTERM"
    )
