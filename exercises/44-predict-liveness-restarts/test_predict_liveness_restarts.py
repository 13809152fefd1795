"""Checks for 44-predict-liveness-restarts: predictions against a run of the docs' exec example."""

from pathlib import Path

import yaml

from podlab.kata import exercise_dir, fail, load_learner_manifest, run_cluster
from sandbox.kubectl import run as kubectl

FIELDS = ["restartCount_at_60s", "restartCount_at_120s", "ready_at_60s"]


def prediction() -> dict:
    path = Path(exercise_dir()) / "prediction.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        fail(f"prediction.yaml cannot be read as YAML: {e}\n\nKeep the `\"?\"` placeholders quoted, or replace them.")
    if not isinstance(data, dict):
        fail("prediction.yaml should be a mapping with " + ", ".join(FIELDS) + ".")
    for field in FIELDS:
        if data.get(field) in (None, "?"):
            fail(f"prediction.yaml: `{field}` is still `?`: write your prediction.")
    for field in FIELDS[:2]:
        if not isinstance(data[field], int):
            fail(f"prediction.yaml: `{field}` should be a number, not {data[field]!r}.")
    if str(data["ready_at_60s"]) not in ("1/1", "0/1"):
        fail(f'prediction.yaml: `ready_at_60s` should be "1/1" or "0/1", not {data["ready_at_60s"]!r}.')
    return data


def observe() -> dict:
    """Run the example; read restartCount at 60 s and 120 s, READY at 60 s, and the timeline."""
    cluster = run_cluster(load_learner_manifest("liveness-exec.yaml"))
    seen: dict = {}
    cluster.advance(60)
    table60 = kubectl(cluster, "get pod liveness-exec").stdout
    seen["ready_at_60s"] = table60.splitlines()[1].split()[1]
    seen["restartCount_at_60s"] = cluster.get("pod/liveness-exec").status.containerStatuses[0].restartCount
    cluster.advance(60)
    seen["restartCount_at_120s"] = cluster.get("pod/liveness-exec").status.containerStatuses[0].restartCount
    seen["_tables"] = "$ kubectl get pod liveness-exec   (at t=60s)\n" + table60
    seen["_timeline"] = str(cluster.timeline("pod/liveness-exec"))
    return seen


def _check(field: str) -> None:
    predicted = prediction()[field]
    seen = observe()
    if str(predicted) != str(seen[field]):
        fail(
            f"Not as expected: {field}.\n\n"
            f"  expected: {predicted}   (your prediction)\n"
            f"  got:      {seen[field]}\n\n"
            + "\n".join("  " + ln for ln in seen["_tables"].rstrip().splitlines())
            + "\n\nThe life of pod liveness-exec on virtual time:\n"
            + "\n".join("  " + ln for ln in seen["_timeline"].rstrip().splitlines())
        )


def test_restart_count_at_60s():
    """restartCount at t=60s"""
    _check("restartCount_at_60s")


def test_restart_count_at_120s():
    """restartCount at t=120s"""
    _check("restartCount_at_120s")


def test_ready_at_60s():
    """READY at t=60s"""
    _check("ready_at_60s")
