"""Checks for 21-emptydir-handoff: the writer image hands a file to the reader via an emptyDir."""

import contextlib
import importlib.util

from podlab.kata import exercise_dir, expect, expect_pod, fail, load_learner_manifest, run_cluster
from sandbox import WaitTimeout


def load_writer():
    """Import writer.py, which registers the image example.com/writer:1.0."""
    path = exercise_dir() / "writer.py"
    spec = importlib.util.spec_from_file_location("learner_writer", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as e:  # noqa: BLE001 - the learner's error is shown, not raised
        fail(f"writer.py cannot be loaded: {type(e).__name__}: {e}")


def handoff_cluster():
    load_writer()
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    expect_pod(cluster, "handoff").to_exist()
    return cluster


def test_the_reader_prints_the_message():
    """within 60 seconds the reader's log shows: hello from the writer"""
    cluster = handoff_cluster()
    with contextlib.suppress(WaitTimeout):
        cluster.wait_for("pod/handoff", lambda p: "hello from the writer" in _reader_log(cluster), timeout=60)
    expect(_reader_log(cluster), "the log of container reader").to_contain(
        "hello from the writer",
        because="the reader waits for /in/message.txt: the same file as /shared/message.txt for the writer",
    )


def test_nobody_restarts():
    """after two minutes both containers are Ready and neither has restarted"""
    cluster = handoff_cluster()
    cluster.advance(120)
    statuses = cluster.get("pod", "handoff").status.containerStatuses or []
    for i, name in enumerate(cs.name for cs in statuses):  # the kubelet lists them by name
        expect_pod(cluster, "handoff").field(f"status.containerStatuses[{i}].restartCount").to_equal(
            0, because=f"container {name} should keep running; a program that returns ends its container"
        )
    expect_pod(cluster, "handoff").to_be("Ready", within=0)


def _reader_log(cluster):
    try:
        return cluster.logs("handoff", container="reader")
    except Exception:  # noqa: BLE001 - no log yet (container not started)
        return ""
