"""Checks for 38-handle-sigterm: the worker stops cleanly and quickly when the Pod is deleted."""

import contextlib
import importlib.util

from podlab.kata import exercise_dir, expect, fail, load_learner_manifest, run_cluster
from sandbox.errors import NotFound, StatusError


def load_worker():
    """Import worker.py, which registers the image example.com/worker:1.0."""
    path = exercise_dir() / "worker.py"
    spec = importlib.util.spec_from_file_location("learner_worker", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as e:  # noqa: BLE001 - the learner's error is shown, not raised
        fail(f"worker.py cannot be loaded: {type(e).__name__}: {e}")


def deleted_worker():
    """Run the worker for 30 s, delete the Pod, and follow it until it is gone.

    Returns (seconds from the deletion to the container's exit, exit code, its last log, timeline).
    """
    load_worker()
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    created = cluster.elapsed
    cluster.wait_for("pod/worker", "Ready", timeout=60)
    cluster.advance(30)
    deleted_at = cluster.elapsed - created
    cluster.delete("pod/worker")
    log = ""
    for _ in range(240):  # half-second steps: at most two virtual minutes
        try:
            cluster.get("pod", "worker")
        except NotFound:
            break
        with contextlib.suppress(StatusError):
            log = cluster.logs("worker", container="worker")
        cluster.advance(0.5)
    timeline = cluster.timeline("pod/worker")
    ended = [s for s in timeline.spans("main:worker") if s.state == "terminated"]
    if not ended:
        fail("The worker container never terminated after the Pod was deleted.\n\n" + str(timeline))
    return ended[-1].start - deleted_at, ended[-1].exit_code, log, str(timeline)


def test_exits_with_zero():
    """the worker exits with code 0 when the Pod is deleted"""
    _took, code, _log, timeline = deleted_worker()
    if code != 0:
        fail(
            "Not as expected: the worker's exit code after SIGTERM.\n\n"
            f"  expected: 0\n  got:      {code}"
            + ("   (128 + 9: the kubelet SIGKILLed it when the grace period ended)" if code == 137 else "")
            + "\n\nThe life of pod worker on virtual time:\n" + timeline
        )


def test_saves_and_exits_quickly():
    """it logs `saving progress` and exits within 5 seconds of the deletion"""
    took, _code, log, timeline = deleted_worker()
    expect(log, "the worker's log just before it stopped").to_contain(
        "saving progress", because="on SIGTERM the worker should say that it saves its progress"
    )
    if took > 5:
        fail(
            f"Not as expected: the worker took {took:g} seconds to stop after the Pod was deleted.\n\n"
            "  expected: at most 5 seconds\n"
            f"  got:      {took:g} seconds\n\nThe life of pod worker on virtual time:\n" + timeline
        )
